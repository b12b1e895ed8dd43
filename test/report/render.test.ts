// The renderers the overviews use: wrapping that never cuts a word where it can avoid it, terminal
// tables that never outgrow the terminal, and CSV/Markdown that take a cell's value or text.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Table3 from 'cli-table3';
import * as chalkModule from 'chalk';
import { makeChalk } from '../../src/output/colors.js';
import { renderCsv, renderMarkdown, renderTerminalTable, wrapText, type Table } from '../../src/output/table.js';

const plain = makeChalk(0);

describe('wrapText', () => {
  it('breaks at spaces, else after a hyphen, and keeps amounts and shares whole', () => {
    expect(wrapText('Herning, Ringkøbing-Skjern og Aarhus', 14)).toEqual(['Herning,', 'Ringkøbing-', 'Skjern og', 'Aarhus']);
    expect(wrapText('Bevilget 1.250.000 kr. (42,5 %)', 14)).toEqual(['Bevilget', '1.250.000 kr.', '(42,5 %)']);
    expect(wrapText('Allocated DKK 1,250,000', 14)).toEqual(['Allocated', 'DKK 1,250,000']);
  });
  it('keeps a date in words whole, as each language writes it, and breaks between words that only look like one', () => {
    expect(wrapText('senest inviteret 9. nov. 2026, og de foreslåede', 26)).toEqual(['senest inviteret', '9. nov. 2026, og de', 'foreslåede']);
    expect(wrapText('åbner 1. maj 2026', 12)).toEqual(['åbner', '1. maj 2026']);
    expect(wrapText('last invited 9 Nov 2026 and more', 15)).toEqual(['last invited', '9 Nov 2026 and', 'more']);
    // A day and a month without a year, or a number before a word: ordinary words.
    expect(wrapText('12 nov 3 Mar 2026', 10)).toEqual(['12 nov', '3 Mar 2026']);
    expect(wrapText('uge 9. november 2026', 10)).toEqual(['uge 9.', 'november', '2026']);
  });
  it('splits a piece longer than a whole line only as a last resort, and indents what follows', () => {
    expect(wrapText('civilsamfundssamarbejdet', 10)).toEqual(['civilsamfu', 'ndssamarbe', 'jdet']);
    expect(wrapText('Pools: Almen pulje og Psykiatripuljen', 20, 2)).toEqual(['Pools: Almen pulje', '  og Psykiatripuljen']);
  });
});

describe('renderTerminalTable', () => {
  const table: Table = {
    title: 'T',
    columns: [{ header: 'Name' }, { header: 'Amount', align: 'right' }],
    rows: [['Ringkøbing-Skjern', { text: '1.250.000 kr.', value: 1250000, tone: 'bad' }], ['Odder', 3]],
    notes: ['a note'],
  };
  it('draws a table when it fits', () => {
    expect(renderTerminalTable(table, 'da', 80, plain).text).toBe([
      'T',
      '┌───────────────────┬───────────────┐',
      '│ Name              │        Amount │',
      '├───────────────────┼───────────────┤',
      '│ Ringkøbing-Skjern │ 1.250.000 kr. │',
      '├───────────────────┼───────────────┤',
      '│ Odder             │             3 │',
      '└───────────────────┴───────────────┘',
      'a note',
      '',
    ].join('\n'));
  });
  it('wraps long names after the hyphen on a narrower terminal', () => {
    expect(renderTerminalTable(table, 'da', 31, plain).text.split('\n').slice(3, 6)).toEqual([
      '├─────────────┼───────────────┤',
      '│ Ringkøbing- │ 1.250.000 kr. │',
      '│ Skjern      │               │',
    ]);
  });
  it('prints rows as lines when even the words do not fit', () => {
    const wide: Table = { columns: ['Alpha', 'Beta', 'Gamma', 'Delta'].map((header) => ({ header })), rows: [['aaaaaaaaaa', 'bbbbbbbbbb', 'cccccccccc', 'dddddddddd']] };
    expect(renderTerminalTable(wide, 'en', 30, plain).text).toBe('Alpha: aaaaaaaaaa\nBeta: bbbbbbbbbb\nGamma: cccccccccc\nDelta: dddddddddd\n');
  });
  it('never passes a control character from the data to the terminal', () => {
    const hostile: Table = { title: 'T\u001b]0;x\u0007', columns: [{ header: 'Name' }], rows: [['Alpha\u001b[2J\tForening\u009b']] };
    const out = renderTerminalTable(hostile, 'da', 80, plain).text;
    expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(out).toContain('│ Alpha\uFFFD[2J Forening\uFFFD │');
  });
  it('colours by tone only when colour is on', () => {
    expect(renderTerminalTable(table, 'da', 80, makeChalk(1, chalkModule)).text).toContain('\u001b[31m1.250.000 kr.\u001b[39m');
  });

  it('never prints a line wider than the terminal and never loses a word (property)', () => {
    const word = fc.stringMatching(/^[a-zæøå]{1,10}(-[a-zæøå]{1,6})?$/);
    const cell = fc.array(word, { minLength: 0, maxLength: 6 }).map((ws) => ws.join(' '));
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 8 }), fc.integer({ min: 30, max: 200 }), fc.boolean(), fc.boolean(),
      fc.array(fc.array(cell, { minLength: 8, maxLength: 8 }), { minLength: 1, maxLength: 5 }),
      (ncols, width, keyed, grouped, rows) => {
        const t: Table = {
          columns: Array.from({ length: ncols }, (_, i) => ({ header: `Col${i}` })),
          rows: rows.map((r) => r.slice(0, ncols)),
          keyColumns: keyed ? 1 : undefined,
          groupColumn: grouped && ncols > 1 ? 0 : undefined,
        };
        const out = renderTerminalTable(t, 'en', width, plain).text;
        for (const line of out.split('\n')) expect(line.length).toBeLessThanOrEqual(width);
        for (const r of t.rows) for (const c of r) for (const w of String(c).split(/[\s-]+/).filter(Boolean)) expect(out).toContain(w);
      },
    ), { seed: 20261123, numRuns: 300 });
  });
});

describe('box drawing', () => {
  it('looks exactly as cli-table3 draws the same table (property)', () => {
    const word = fc.stringMatching(/^[a-zæøå]{1,8}$/);
    const cell = fc.array(word, { minLength: 0, maxLength: 5 }).map((ws) => ws.join(' '));
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 5 }), fc.boolean(), fc.array(fc.array(cell, { minLength: 5, maxLength: 5 }), { minLength: 0, maxLength: 4 }), fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
      (ncols, compact, rows, right) => {
        const t: Table = { columns: Array.from({ length: ncols }, (_, i) => ({ header: `H${i}`, align: right[i] ? 'right' : 'left' })), rows: rows.map((r) => r.slice(0, ncols)), compact };
        const ours = renderTerminalTable(t, 'en', 1000, plain).text;
        // Wide enough for every cell on one line: the widths are each column's longest text plus padding.
        const widths = t.columns.map((c, i) => Math.max(c.header.length, ...t.rows.map((r) => String(r[i]).length)) + 2);
        const theirs = new Table3({ head: t.columns.map((c) => c.header), colWidths: widths, colAligns: t.columns.map((c) => c.align ?? 'left'), wordWrap: false, style: { head: [], border: [], compact } });
        for (const r of t.rows) theirs.push(r.map(String));
        expect(ours).toBe(theirs.toString() + '\n');
      },
    ), { seed: 20261123, numRuns: 200 });
  });

  it('draws a group label across the table, joining the borders above and below it', () => {
    const t: Table = { columns: [{ header: 'Group' }, { header: 'Offer' }, { header: 'By' }], rows: [['Angst · 2', 'Café', 'Alpha'], ['', 'Linje', 'Beta']], groupColumn: 0 };
    expect(renderTerminalTable(t, 'da', 80, plain).text).toBe([
      '┌───────┬───────┐',
      '│ Offer │ By    │',
      '├───────┴───────┤',
      '│ Angst · 2     │',
      '├───────┬───────┤',
      '│ Café  │ Alpha │',
      '├───────┼───────┤',
      '│ Linje │ Beta  │',
      '└───────┴───────┘',
      '',
    ].join('\n'));
  });
});

describe('renderCsv and renderMarkdown', () => {
  const t: Table = {
    columns: [{ header: 'Pool' }, { header: 'Remaining' }, { header: 'Share' }],
    rows: [['Almen pulje', { text: '50.000 kr. overdisponeret', value: -50000.5, tone: 'bad' }, 0.1818], ['=SUM(A1)', { text: '—', value: 0, tone: 'gap' }, null]],
  };
  it('CSV takes the value, with the language\'s separator and decimal mark, and defuses formulas', () => {
    expect(renderCsv([t], 'da')).toBe('\uFEFFPool;Remaining;Share\r\nAlmen pulje;-50000,5;0,1818\r\n\'=SUM(A1);0;\r\n');
    expect(renderCsv([t], 'en')).toBe('\uFEFFPool,Remaining,Share\r\nAlmen pulje,-50000.5,0.1818\r\n\'=SUM(A1),0,\r\n');
  });
  it('Markdown takes the text, bold where it is bad, and escapes pipes', () => {
    expect(renderMarkdown([{ ...t, rows: [['a|b', t.rows[0][1], 1]] }], 'en', 'H')).toBe(
      '# H\n\n| Pool | Remaining | Share |\n| --- | --- | --- |\n| a\\|b | **50.000 kr. overdisponeret** | 1 |\n\n');
  });
});
