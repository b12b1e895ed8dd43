// The JSON writer hands a report on in pieces (an audit of a large register is tens of megabytes);
// what it writes must be, byte for byte, what JSON.stringify(value, null, 2) gives.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonList, writeJson } from '../../src/output/json.js';
import { emit } from '../../src/context/output.js';
import type { CommandContext } from '../../src/context/context.js';
import { makeChalk } from '../../src/output/colors.js';
import type { Table } from '../../src/output/table.js';

function capture(): { ctx: CommandContext; writes: string[] } {
  const writes: string[] = [];
  const ctx = { lang: 'da', color: makeChalk(0), env: { COLUMNS: '80' }, cwd: '/', stdout: { write: (s: string) => { writes.push(s); }, isTTY: false, columns: 80 } } as unknown as CommandContext;
  return { ctx, writes };
}

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

describe('emit', () => {
  it('writes --format json in chunks of some kilobytes, the same text as JSON.stringify gives', () => {
    const items = Array.from({ length: 5000 }, (_, i) => ({ rule: 'r', id: `finding-${i}`, related: [{ kind: 'organisation', id: `o${i}` }], note: 'æøå\u2500' }));
    const { ctx, writes } = capture();
    emit(ctx, { format: 'json' }, { json: { findings: new JsonList(items, (x) => x), summary: { findings: items.length } }, tables: [] });
    expect(writes.join('')).toBe(`${JSON.stringify({ findings: items, summary: { findings: items.length } }, null, 2)}\n`);
    expect(writes.length).toBeGreaterThan(20);
    for (const w of writes) expect(w.length).toBeLessThan(40_000);
  });

  it('makes each table of a report when it is written, after the one before it went out', () => {
    const { ctx, writes } = capture();
    const row = (i: number) => [`række ${i} `.repeat(20)];
    const made: number[] = [];
    const tables = (function* (): Generator<Table> {
      for (let t = 0; t < 3; t++) {
        // Everything of the tables before this one was handed on before it is made.
        made.push(writes.join('').length);
        yield { title: `Tabel ${t}`, columns: [{ header: 'Tekst' }], rows: Array.from({ length: 300 }, (_, i) => row(i)) };
      }
    })();
    emit(ctx, {}, { json: null, tables });
    expect(made[0]).toBe(0);
    expect(made[1]).toBeGreaterThan(0);
    expect(made[2]).toBeGreaterThan(made[1]);
    expect(writes.join('').split('Tabel ').length).toBe(4);
  });
});
