// The fast bulk reader must give exactly the data the strict reader gives, or decline.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseFast, parseStrict } from '../../src/store/yaml-read.js';

let accepted = 0;
function same(text: string): void {
  const fast = parseFast(text);
  if (!fast) return; // declined: the strict reader decides, so nothing can differ
  accepted++;
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

  it('on keys YAML reads as null, in blocks, in braces and as a pair in a list, and on spaces that are not the plain one', () => {
    for (const text of ['null: x\n', 'a:\n  Null: 1\n', 'NULL: x\n', 'a: {: x, b: 1}\n', 'a: {~: x}\n', 'a: {null: 2}\n', 'a: [: 1]\n', 'a: [x: 1]\n',
      'a: \u00a0x\n', 'a: x\u00a0\n', 'a: [\u3000x]\n', 'a:\n  - \ufeff\n']) {
      same(text);
    }
  });

  it('on generated records with awkward strings (10,000 runs, fixed seed)', () => {
    const key = fc.constantFrom('id', 'name', 'notes', 'title', 'cvr', 'description', 'amount_dkk');
    const str = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 30 }), fc.constantFrom(...TRICKY), fc.string({ unit: fc.constantFrom(' ', '\n', 'a', ':', '#', '-', '"', "'", 'ø', '\\'), maxLength: 20 }));
    const scalar = fc.oneof(str.map((s) => JSON.stringify(s)), str.map((s) => `'${s.replace(/'/g, "''")}'`), fc.constantFrom(...TRICKY),
      str.map((s) => `|\n${s.split('\n').map((l) => `    ${l}`).join('\n')}`), str.map((s) => `>-\n${s.split('\n').map((l) => `    ${l}`).join('\n')}`),
      fc.integer().map(String), fc.double({ noNaN: true }).map(String), str);
    const record = fc.uniqueArray(fc.tuple(key, scalar), { selector: (e) => e[0], maxLength: 6 });
    accepted = 0;
    fc.assert(fc.property(record, (entries) => {
      same(entries.map(([k, v]) => `${k}: ${v}\n`).join(''));
    }), { numRuns: 10_000, seed: 20261123 });
    expect(accepted).toBeGreaterThan(3000);
  });

  it('on generated nested records with YAML indicators anywhere (40,000 runs, fixed seed)', () => {
    const chars = fc.constantFrom(' ', 'a', 'ø', '&', '*', '!', '%', '@', '?', '-', ':', '#', '[', ']', '{', '}', ',', '|', '>', "'", '"', '<', '.', '0', '\n');
    const raw = fc.string({ unit: chars, maxLength: 12 });
    const key = fc.oneof(fc.constantFrom('id', 'name', 'notes', 'role', 'areas', '<<', '? x', '&a k', '!t k', 'a b'), raw);
    const scalar = fc.oneof(raw, fc.constantFrom(...TRICKY), raw.map((s) => JSON.stringify(s)));
    const block = raw.map((s) => `|\n${s.split('\n').map((l) => `    ${l}`).join('\n')}`);
    const value = fc.oneof(scalar, block, fc.array(scalar, { maxLength: 3 }).map((xs) => `[${xs.join(', ')}]`),
      fc.array(scalar, { minLength: 1, maxLength: 3 }).map((xs) => '\n' + xs.map((x) => `  - ${x}`).join('\n')),
      fc.array(fc.tuple(key, scalar), { minLength: 1, maxLength: 3 }).map((kv) => '\n' + kv.map(([k, v]) => `  ${k}: ${v}`).join('\n')));
    const prefix = fc.constantFrom('', '---\n', '%YAML 1.1\n---\n', '# comment\n', '&anchor\n');
    accepted = 0;
    fc.assert(fc.property(prefix, fc.array(fc.tuple(key, value), { maxLength: 5 }), (pre, entries) => {
      same(pre + entries.map(([k, v]) => `${k}: ${v}\n`).join(''));
    }), { numRuns: 40_000, seed: 20261124 });
    // The comparison means something only if the fast path took a fair share of the cases (most
    // hold an indicator where the line reader declines and leaves the file to the strict reader).
    expect(accepted).toBeGreaterThan(300);
  });

  it('takes the fast path for ordinary records, ampersands in text included', () => {
    expect(parseFast('id: a\nname: Kræft & Co\ndescription: |\n  Vi mødes & hygger: kl. 17.\n')).toEqual({ data: { id: 'a', name: 'Kræft & Co', description: 'Vi mødes & hygger: kl. 17.\n' } });
    expect(parseFast('id: a\nname: &x Kræft\n')).toBeUndefined();
  });
});

describe('on the bundled sample data', () => {
  it('every file reads the same through both readers', async () => {
    const { readdirSync, readFileSync, statSync } = await import('node:fs');
    const { join } = await import('node:path');
    const root = new URL('../../data/', import.meta.url).pathname;
    const files: string[] = [];
    const walk = (d: string) => { for (const n of readdirSync(d)) { const p = join(d, n); if (statSync(p).isDirectory()) walk(p); else if (n.endsWith('.yaml')) files.push(p); } };
    walk(root);
    expect(files.length).toBeGreaterThan(0);
    let fast = 0;
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      const strict = parseStrict(text);
      expect(strict.problems, f).toEqual([]);
      const quick = parseFast(text);
      if (quick) {
        fast++;
        expect(quick.data, f).toEqual(strict.data);
      }
    }
    expect(fast).toBeGreaterThan(files.length * 0.8);
  });
});
