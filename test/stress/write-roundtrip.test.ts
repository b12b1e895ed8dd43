// Property: every record civsam writes (as a new file, and as an edit of an existing one) reads
// back as the loader reads each file, as exactly the same data: 5,000 generated pairs (10,000
// records: each pair's first is written as a new file, its second as an edit of it) at a fixed seed; strings
// include leading spaces, blank lines, trailing newlines, YAML look-alikes and any Unicode.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, expect, test } from 'vitest';
import { decode, parseFast, parseStrict } from '../../src/store/yaml-read.js';
import { commitRecordFile, newRecordText, readRecordFile } from '../../src/store/write-record.js';

const RUNS = 5_000; // two records each: 10,000 records written and read
const SEED = 20261123;

// On a RAM disk when there is one: the property is about the text, not the disk's speed.
const base = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
const dir = mkdtempSync(join(base, 'civsam-roundtrip-'));
mkdirSync(join(dir, 'organisations'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const line = fc.oneof(
  fc.string({ maxLength: 10 }),
  fc.constantFrom('', ' ', '  indented', '\t', '- item', '# hash', 'key: value', '|', '>', '"', "'", '0800', 'yes', 'null', '~', '2026-01-01', '1e3', '.inf', '@', '`', '%YAML', '---', '...', '&a', '*a', '!tag', '? x', '{', '[', 'æøå ÆØÅ', '\u00a0nbsp', '\u2028', '\u0085', '\uFEFF'),
  fc.string({ unit: 'binary', maxLength: 8 }),
);
/** Strings built from lines, so leading spaces, blank lines and trailing newlines are common. */
const text = fc.oneof(
  fc.array(line, { minLength: 1, maxLength: 4 }).map((lines) => lines.join('\n')),
  fc.tuple(fc.array(line, { minLength: 1, maxLength: 4 }), fc.constantFrom('', '\n', '\n\n', ' \n', '\n  ')).map(([lines, end]) => lines.join('\n') + end),
  fc.string({ unit: 'binary', maxLength: 20 }),
);
const id = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,20}$/);
const record = fc.record({
  name: text,
  cvr: fc.stringMatching(/^[0-9]{8}$/),
  areas: fc.uniqueArray(fc.constantFrom('social', 'psychiatry', 'health'), { minLength: 1 }),
  municipalities: fc.uniqueArray(id, { minLength: 1, maxLength: 3 }),
  status: fc.constantFrom('active', 'inactive'),
  contact: fc.record({ name: text, phone: fc.constantFrom('+45 12 34 56 78', '0800 1234'), confirmed: fc.constant('2025-03-12') }, { requiredKeys: [], noNullPrototype: true }),
  notes: text,
  evaluations: fc.array(fc.record({ date: fc.constant('2026-01-01'), summary: text, score: fc.integer(), ok: fc.boolean() }, { noNullPrototype: true }), { maxLength: 2 }),
}, { requiredKeys: ['name', 'areas'], noNullPrototype: true }).map((r) => ({ id: 'r', ...r }));

/** The file read back as the loader reads each file: strict UTF-8, the fast parser, else the strict one. */
function readBack(path: string): unknown {
  const decoded = decode(readFileSync(path));
  if (!('text' in decoded)) return decoded;
  const fast = parseFast(decoded.text);
  if (fast) return fast.data;
  const strict = parseStrict(decoded.text);
  return strict.problems.length > 0 ? strict.problems : strict.data;
}

test(`${RUNS * 2} generated records round-trip through write (new file, then edit) and read with 0 mismatches`, () => {
  const path = join(dir, 'organisations', 'r.yaml');
  let mismatches = 0;
  let refused = 0;
  let firstMismatch: unknown;
  fc.assert(fc.property(record, record, (a, b) => {
    for (const rec of [a, b]) {
      const current = readRecordFile(path);
      const t = newRecordText(dir, 'organisation', current, rec);
      if ('refused' in t) { refused++; firstMismatch ??= { wrote: rec, refused: true }; return false; }
      if (!t.unchanged) expect(commitRecordFile(current, t.text, () => true)).toEqual({ ok: true });
      const back = readBack(path);
      if (!isDeepStrictEqual(back, rec)) {
        mismatches++;
        firstMismatch ??= { wrote: rec, read: back, text: readRecordFile(path).text };
        return false;
      }
    }
    rmSync(path);
    return true;
  }), { numRuns: RUNS, seed: SEED, endOnFailure: true, reporter: () => {} });
  expect(firstMismatch).toBeUndefined();
  expect({ mismatches, refused }).toEqual({ mismatches: 0, refused: 0 });
});
