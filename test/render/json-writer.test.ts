// The JSON writer hands a report on in pieces (an audit of a large register is tens of megabytes);
// what it writes must be, byte for byte, what JSON.stringify(value, null, 2) gives.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonList, writeJson } from '../../src/output/json.js';

function written(value: unknown): { text: string; pieces: number } {
  const pieces: string[] = [];
  writeJson(value, (p) => pieces.push(p));
  return { text: pieces.join(''), pieces: pieces.length };
}

describe('writeJson', () => {
  it('writes what JSON.stringify writes, for any value', () => {
    // Values JSON.stringify leaves out or turns into null (undefined, functions) and objects with toJSON too.
    const odd = fc.constantFrom(undefined, () => 1, new Date(Date.UTC(2026, 10, 23)), new Map([['a', 1]]), Symbol('s'));
    const value = fc.letrec((tie) => ({
      any: fc.oneof({ depthSize: 'small' }, fc.jsonValue({ maxDepth: 1 }), odd, tie('list'), tie('record')),
      list: fc.array(tie('any'), { maxLength: 4 }),
      record: fc.dictionary(fc.string({ maxLength: 6 }), tie('any'), { maxKeys: 4 }),
    })).any;
    fc.assert(fc.property(value, (v) => {
      expect(written(v).text).toBe(`${JSON.stringify(v, null, 2)}\n`);
    }), { numRuns: 500, seed: 17 });
  });

  it('writes an empty list and an empty object as JSON.stringify does', () => {
    expect(written({ a: [], b: {}, c: new JsonList([], (x) => x) }).text).toBe('{\n  "a": [],\n  "b": {},\n  "c": []\n}\n');
  });

  it('makes a JsonList item only when it writes it, one piece after another', () => {
    const made: number[] = [];
    const list = new JsonList([1, 2, 3], (n) => {
      made.push(n);
      return { n, text: 'line\nbreak' };
    });
    const pieces: string[] = [];
    writeJson({ findings: list, summary: { count: 3 } }, (p) => {
      pieces.push(p);
      // Item 2 is made after item 1 was written, never before.
      if (p.includes('"n": 1')) expect(made).toEqual([1]);
    });
    expect(made).toEqual([1, 2, 3]);
    expect(pieces.join('')).toBe(`${JSON.stringify({ findings: [1, 2, 3].map((n) => ({ n, text: 'line\nbreak' })), summary: { count: 3 } }, null, 2)}\n`);
    // And JSON.stringify sees the same list through toJSON.
    expect(JSON.stringify(list)).toBe('[{"n":1,"text":"line\\nbreak"},{"n":2,"text":"line\\nbreak"},{"n":3,"text":"line\\nbreak"}]');
  });
});
