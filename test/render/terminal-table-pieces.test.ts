// The terminal table at the size of a large register: drawn a row at a time and handed out in
// pieces, the same text as in one string; and the word rules that decide where lines break (a run
// of spaces, amounts that keep their spaces, runs of hyphens, dashes and slashes), written out.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as chalkModule from 'chalk';
import { makeChalk } from '../../src/output/colors.js';
import { renderTerminalTable, wrapText, writeTerminalTable, type Table } from '../../src/output/table.js';
import { emit } from '../../src/context/output.js';
import type { CommandContext } from '../../src/context/context.js';

const plain = makeChalk(0);

function pieces(table: Table, width: number, color = plain): string[] {
  const out: string[] = [];
  writeTerminalTable(table, 'da', width, color, (text) => out.push(text));
  return out;
}

describe('writeTerminalTable', () => {
  // 3,000 rows of a long finding, 4 lines each under a line of its own: some 12,000 lines.
  const big: Table = {
    title: 'Kontrol',
    columns: [{ header: 'Post' }, { header: 'Alvor' }, { header: 'Fund' }],
    rows: Array.from({ length: 3000 }, (_, i) => [`aftale 2026-psyk-${i}`, { text: 'fejl', tone: 'bad' as const }, 'ingen opslag eller dispensation er registreret, mens sammenlignelige organisationer var kendt']),
    notes: ['Princip: lige adgang.'],
  };

  it('hands a long table out in pieces of some kilobytes that make up the whole text', () => {
    for (const color of [plain, makeChalk(1, chalkModule)]) {
      const parts = pieces(big, 80, color);
      const whole = renderTerminalTable(big, 'da', 80, color).text;
      expect(parts.join('')).toBe(whole);
      expect(whole.split('\n').length).toBeGreaterThan(12_000);
      expect(parts.length).toBeGreaterThan(10);
      for (const p of parts) expect(p.length).toBeLessThan(100_000);
    }
  });

  it('goes to standard output as it is drawn, the heading first and a blank line between tables', () => {
    const writes: string[] = [];
    const ctx = { lang: 'da', color: plain, env: { COLUMNS: '80' }, cwd: '/', stdout: { write: (s: string) => { writes.push(s); }, isTTY: false, columns: 80 } } as unknown as CommandContext;
    const small: Table = { columns: [{ header: 'Post' }], rows: [['a']] };
    emit(ctx, {}, { json: null, heading: 'Kontrol pr. 23. nov. 2026', tables: [big, small] });
    expect(writes.length).toBeGreaterThan(10);
    expect(writes.join('')).toBe(`Kontrol pr. 23. nov. 2026\n\n${renderTerminalTable(big, 'da', 80, plain).text}\n${renderTerminalTable(small, 'da', 80, plain).text}`);
  });

  it('hands the list layout (a terminal too narrow for the columns) out in pieces too', () => {
    const wide: Table = { columns: [{ header: 'Alpha' }, { header: 'Beta' }], rows: Array.from({ length: 3000 }, (_, i) => [`a${'a'.repeat(40)}${i}`, `b${'b'.repeat(40)}`]) };
    const parts = pieces(wide, 40);
    expect(parts.join('')).toBe(renderTerminalTable(wide, 'da', 40, plain).text);
    expect(parts.join('')).toContain('Alpha: \n  aaaa');
    expect(parts.length).toBeGreaterThan(1);
  });

  it('draws cells that fit, cells that wrap, a right-aligned column and a group label as before', () => {
    const table: Table = {
      title: 'Kontrol',
      columns: [{ header: 'Gruppe' }, { header: 'Beløb', align: 'right' }, { header: 'Fund' }],
      groupColumn: 0,
      rows: [['Gruppe med et langt navn der skal brydes over flere linjer', 1, 'x'], ['', 2, 'y']],
      notes: ['Princip: lige adgang.'],
    };
    expect(renderTerminalTable(table, 'da', 30, plain).text).toBe([
      'Kontrol',
      '┌───────┬────────────────────┐',
      '│ Beløb │ Fund               │',
      '├───────┴────────────────────┤',
      '│ Gruppe med et langt navn   │',
      '│ der skal brydes over flere │',
      '│ linjer                     │',
      '├───────┬────────────────────┤',
      '│     1 │ x                  │',
      '├───────┼────────────────────┤',
      '│     2 │ y                  │',
      '└───────┴────────────────────┘',
      'Princip: lige adgang.',
      '',
    ].join('\n'));
  });

  it('keeps a compact table compact, and colours the text of a toned cell, not its padding', () => {
    const table: Table = { columns: [{ header: 'Post' }, { header: 'Beløb', align: 'right' }], compact: true, rows: [['a', { text: '12 kr.', tone: 'bad' }], ['b', 2]] };
    expect(renderTerminalTable(table, 'da', 40, makeChalk(1, chalkModule)).text).toBe([
      '┌──────┬────────┐',
      '│ \u001b[1mPost\u001b[22m │  \u001b[1mBeløb\u001b[22m │',
      '├──────┼────────┤',
      '│ a    │ \u001b[31m12 kr.\u001b[39m │',
      '│ b    │      2 │',
      '└──────┴────────┘',
      '',
    ].join('\n'));
  });
});

describe('wrapText at the edges', () => {
  it('breaks at a run of spaces as at one, and keeps an amount or share whole where it is written with one space', () => {
    expect(wrapText('Tilskud  på   1.250.000 kr. og  DKK 1,250 (42,5 %)', 13)).toEqual(['Tilskud på', '1.250.000 kr.', 'og DKK 1,250', '(42,5 %)']);
  });
  it('breaks after a run of hyphens, dashes or slashes, never inside it', () => {
    expect(wrapText('Aarhus--Randers–Viborg/Skive-Silkeborg', 9)).toEqual(['Aarhus--', 'Randers–', 'Viborg/', 'Skive-', 'Silkeborg']);
    expect(wrapText('---ab--cd', 4)).toEqual(['---', 'ab--', 'cd']);
  });
  it('indents every line after the first, also the pieces of a word split as a last resort', () => {
    expect(wrapText('en meget lang linje med et ord som civilsamfundssamarbejdet i', 12, 4))
      .toEqual(['en meget', '    lang', '    linje', '    med et', '    ord som', '    civilsam', '    fundssam', '    arbejdet', '    i']);
  });
  it('keeps paragraphs apart, an empty or blank one as an empty line', () => {
    expect(wrapText('første afsnit\n\nandet   afsnit\n   \nsidste', 8, 2)).toEqual(['første', '  afsnit', '', '  andet', '  afsnit', '', '  sidste']);
  });

  it('never makes a line longer than the width, and loses nothing but white space', () => {
    const word = fc.constantFrom('a', 'bc', 'æøå', '-', '–', '/', 'kr.', '%', 'DKK', '1.250', 'civilsamfundssamarbejdet', 'Ringkøbing-Skjern', '\u00a0');
    const gap = fc.constantFrom(' ', '  ', '\n', '');
    const text = fc.array(fc.tuple(word, gap), { maxLength: 20 }).map((parts) => parts.map(([w, g]) => w + g).join(''));
    fc.assert(fc.property(text, fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 10 }), (t, width, indent) => {
      const lines = wrapText(t, width, indent);
      for (const l of lines) expect(l.length).toBeLessThanOrEqual(width);
      expect(lines.join('').replace(/\s/g, '')).toBe(t.replace(/\s/g, ''));
    }), { seed: 17, numRuns: 2000 });
  });
});
