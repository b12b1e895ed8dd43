// The line-by-line reader (src/store/yaml-lines.ts) must give exactly the data the strict reader
// gives, or decline; and it must take the shapes records are written in, or it saves nothing.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseStrict } from '../../src/store/yaml-read.js';
import { parseLines } from '../../src/store/yaml-lines.js';

/** The strict reader's data; the text must be one it reads without a problem. */
function strictData(text: string): unknown {
  const strict = parseStrict(text);
  expect(strict.problems, `the strict reader has problems with:\n${text}`).toEqual([]);
  return strict.data;
}

function taken(text: string): void {
  const lines = parseLines(text);
  expect(lines, `declined:\n${text}`).toBeDefined();
  expect(lines!.data, text).toEqual(strictData(text));
}

function agreesOrDeclines(text: string): boolean {
  const lines = parseLines(text);
  if (!lines) return false;
  const strict = parseStrict(text);
  expect(strict.problems, `the line reader took what the strict reader refuses:\n${text}`).toEqual([]);
  expect(lines.data, text).toEqual(strict.data);
  return true;
}

describe('the line reader takes the shapes records are written in, as the strict reader reads them', () => {
  it('mappings, lists at their key\'s level and deeper, items that are mappings, comments and blank lines', () => {
    taken('# yaml-language-server: $schema=../../schemas/agreement.schema.json\nid: 2026-psyk-001\ntitle: Samtalegrupper # note\norganisations:\n  - alpha\n  - beta # og beta\nareas:\n- psychiatry\n\nfunding:\n  - pool: puljen\n    year: 2026\n    kind: operation\n    amount_dkk: 300000\n  # a comment among items\n  -   pool: anden\n      year: 2027\n      amount_dkk: 1.5e3\nestablished_by:\n  call: 2025-opslag\n  # deeper\nnotes:\nempty_list: []\nflow: [a, 12, ~, true, -3, 0x1F, .5]\n');
    taken('- id: a\n  name: A\n  areas: [social]\n- id: b\n  children:\n    - x\n    -\n      deep: 1\n- plain\n- - \n'.replace('- - \n', '- "q"\n'));
    taken('a:\n  b:\n    c: d\n  e:\n    - f\n    - g: h\n      i:\n      - j\nk: l\n');
  });

  it('quoted values with escapes, and plain values that look like numbers, dates, booleans or null', () => {
    taken('a: "Sind \\"&\\" Sjæl \\\\ \\n \\t \\u00e6 \\x41 \\U0001F600 \\/"\nb: \'it\'\'s # not a comment\'\nc: "" # empty\nd: \'\'\n');
    // Spaces that are not the plain one are part of the value, before and after it, in brackets too.
    taken('a: \u00a0Sind\nb: Sind\u00a0\nc: \u3000x\u2003\nd: \ufeffx\ne: [\u00a0x, y\u00a0]\nf: \u00a0\n');
    for (const v of ['0800', '012', '0o17', '0x1F', '1_000', '+12', '-0', '1e3', '1.', '.5', '.inf', '-.Inf', '.nan', 'yes', 'True', 'tRUE', 'null', 'Null', '~', '2026-01-31', '12:30', '=', '<<', 'æøå', 'a#b', 'a, b', 'x [y] {z}', '-5', '-x']) {
      taken(`a: ${v}\nb:\n  - ${v}\n`);
    }
  });

  it('blocks of text: literal and folded, kept or stripped of the last line break, blank and #-lines inside', () => {
    taken('note: |\n  First line\n\n    deeper, kept as it is\n  # not a comment\n  last\n\n\nnext: x\n');
    taken('note: |-\n  one\n  two\nnext: x\n');
    taken('note: >\n  one\n  two\n\n  three\n\n\n  four\nnext: x\n');
    taken('note: >- # a comment after the header\n  one\n  two\n# a comment after the block\nnext: x\n');
    taken('evaluations:\n  - date: 2017-11-02\n    summary: |\n      Frivilligkorpset er vokset.\n      Regionen aftaler et møde.\n  - |\n    alone\n  - >-\n    folded\n    item\n');
  });

  it('declines what it does not read: the other readers decide', () => {
    for (const text of [
      'a: {b: c}\n', 'a: |+\n  x\n\nb: c\n', 'a: |2\n   x\n', 'a: >\n  x\n    y\n', 'a: b\n  c\n', 'a:\tb\n', 'a: b\r\n', '- - a\n',
      '---\na: b\n', '%YAML 1.2\n---\na: b\n', 'a: &x b\n', 'a: *x\n', 'a: !t b\n', 'a: b\na: c\n', '"a": b\n', 'a: "b\n  c"\n', 'a: b: c\n',
      'a: [b, [c]]\n', 'a: ["b"]\n', 'a: [b,]\n', 'a: |\n\n  x\n', 'a: |\nb: c\n', 'a: b', '  a: b\n', 'a: b\n  \nc: d\n', 'a: "\\q"\n', '__proto__: x\n', 'a: - b\n', 'a: @b\n', 'null: x\n', 'a:\n  Null: 1\n', 'NULL: x\n', 'a: [e #, f]\n',
    ]) expect(parseLines(text), JSON.stringify(text)).toBeUndefined();
  });
});

describe('on generated documents (fixed seeds)', () => {
  const chars = fc.constantFrom(' ', ' ', '\u00a0', '\u3000', '\ufeff', 'a', 'Z', 'ø', 'Æ', '&', '*', '!', '%', '@', '?', '-', ':', '#', '[', ']', '{', '}', ',', '|', '>', "'", '"', '\\', '.', '0', '1', 'e', '~');
  const word = fc.string({ unit: chars, minLength: 0, maxLength: 14 });
  const key = fc.oneof(fc.constantFrom('id', 'name', 'notes', 'areas', 'funding', 'year', 'amount_dkk', 'text', 'da', 'en'), fc.stringMatching(/^[a-z_][a-z0-9_-]{0,8}$/));
  const scalar = fc.oneof(word, word.map((s) => JSON.stringify(s)), word.map((s) => `'${s.replace(/'/g, "''")}'`),
    fc.constantFrom('0800', '1e3', '.inf', 'null', '~', 'True', '-0', '12.50', '0x1F', '2026-01-31', ''), fc.integer().map(String), fc.double({ noNaN: true }).map(String));
  const lineText = fc.string({ unit: chars, minLength: 1, maxLength: 20 }).filter((s) => s.trim() !== '');
  const blockText = fc.array(fc.oneof(lineText, fc.constant(''), lineText.map((s) => `  ${s}`)), { minLength: 1, maxLength: 5 });
  const comment = fc.oneof(fc.constant(''), fc.constant(' # note'), fc.constant('  #tight'));

  type Node = { scalar: string } | { block: { header: string; lines: string[] } } | { list: Node[]; flow: boolean } | { map: [string, Node][] };
  const node: fc.Arbitrary<Node> = fc.letrec<{ node: Node }>((tie) => ({
    node: fc.oneof({ depthSize: 'small', withCrossShrink: true },
      scalar.map((s) => ({ scalar: s })),
      fc.tuple(fc.constantFrom('|', '|-', '>', '>-', '|+', '>2'), blockText).map(([header, lines]) => ({ block: { header, lines } })),
      fc.tuple(fc.array(tie('node'), { maxLength: 3 }), fc.boolean()).map(([list, flow]) => ({ list, flow })),
      fc.uniqueArray(fc.tuple(key, tie('node')), { selector: (e) => e[0], minLength: 1, maxLength: 4 }).map((map) => ({ map }))),
  })).node;

  /** The node written as YAML after a key or item that stands at `indent`; what is below it stands `step` spaces deeper. */
  function write(n: Node, indent: number, step: number, note: string): string {
    const pad = ' '.repeat(indent + step);
    if ('scalar' in n) return ` ${n.scalar}${note}\n`;
    if ('block' in n) return ` ${n.block.header}${note}\n${n.block.lines.map((l) => (l === '' ? '\n' : `${pad}${l}\n`)).join('')}`;
    if ('list' in n) {
      if (n.flow) return ` [${n.list.map((x) => ('scalar' in x ? x.scalar : 'x')).join(', ')}]${note}\n`;
      if (n.list.length === 0) return ` []\n`;
      return `${note}\n${n.list.map((x) => `${pad}-${write(x, indent + step, step, note)}`).join('')}`;
    }
    return `${note}\n${n.map.map(([k, v]) => `${pad}${k}:${write(v, indent + step, step, note)}`).join('')}`;
  }

  it('the line reader agrees with the strict reader or declines (3,000 runs), and takes a fair share', () => {
    let took = 0;
    fc.assert(fc.property(fc.uniqueArray(fc.tuple(key, node), { selector: (e) => e[0], minLength: 1, maxLength: 5 }), fc.constantFrom(2, 4), comment, (entries, step, note) => {
      const text = entries.map(([k, v]) => `${k}:${write(v, 0, step, note)}`).join('');
      if (agreesOrDeclines(text)) took++;
    }), { numRuns: 3000, seed: 20261206 });
    expect(took).toBeGreaterThan(600);
  });
});
