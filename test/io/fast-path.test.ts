// The fast bulk reader must give exactly the data the strict reader gives, or decline.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseFast, parseStrict } from '../../src/io/yaml-read.js';

function same(text: string): void {
  const fast = parseFast(text);
  if (!fast) return; // declined: the strict reader decides, so nothing can differ
  const strict = parseStrict(text);
  expect(strict.problems, `strict reader refused what the fast one accepted:\n${text}`).toEqual([]);
  expect(fast.data).toEqual(strict.data);
}

// Scalars where YAML 1.1, js-yaml's defaults and YAML 1.2 core disagree.
const TRICKY = ['0800', '012', '0o17', '0x1F', '0b101', '1_000', '+12', '-0', '1e3', '1.', '.5', '.inf', '-.Inf', '.nan', '.NaN',
  'yes', 'no', 'on', 'off', 'y', 'n', 'True', 'TRUE', 'tRUE', 'null', 'Null', 'NULL', '~', '2026-01-31', '2026-01-31T10:00:00Z',
  '12:30', '1:20:30', '=', '<<', 'æøå', '"quoted"', "'single'", '"esc \\u00e6 \\t"', '|', '>-', '12.50', '1,5', '0.0', '00', '+.5e-3'];

describe('fast and strict readers agree', () => {
  it('on every tricky scalar, as a value and in a list', () => {
    for (const s of TRICKY) {
      same(`a: ${s}\n`);
      same(`a: [${s}]\n`);
      same(`a:\n  - ${s}\n`);
    }
  });

  it('on generated records with awkward strings (10,000 runs, fixed seed)', () => {
    const key = fc.constantFrom('id', 'name', 'notes', 'title', 'cvr', 'description', 'amount_dkk');
    const str = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 30 }), fc.constantFrom(...TRICKY), fc.string({ unit: fc.constantFrom(' ', '\n', 'a', ':', '#', '-', '"', "'", 'ø', '\\'), maxLength: 20 }));
    const scalar = fc.oneof(str.map((s) => JSON.stringify(s)), str.map((s) => `'${s.replace(/'/g, "''")}'`), fc.constantFrom(...TRICKY),
      str.map((s) => `|\n${s.split('\n').map((l) => `    ${l}`).join('\n')}`), str.map((s) => `>-\n${s.split('\n').map((l) => `    ${l}`).join('\n')}`),
      fc.integer().map(String), fc.double({ noNaN: true }).map(String), str);
    const record = fc.uniqueArray(fc.tuple(key, scalar), { selector: (e) => e[0], maxLength: 6 });
    fc.assert(fc.property(record, (entries) => {
      same(entries.map(([k, v]) => `${k}: ${v}\n`).join(''));
    }), { numRuns: 10_000, seed: 20261123 });
  });
});
