// A table too wide for the window leaves out the columns that may go, in their order, until the rest
// fit at a readable width, and says which; an id column is never broken, so it is whole or gone;
// a table too narrow even so is a list of every column.
import { describe, expect, it } from 'vitest';
import { makeChalk } from '../../src/output/colors.js';
import { renderTerminalTable, writeTerminalTable, type Table } from '../../src/output/table.js';

const plain = makeChalk(0);
const TABLE: Table = {
  columns: [
    { header: 'Titel' },
    { header: 'Id', unbroken: true, omitOrder: 1 },
    { header: 'Organisation' },
    { header: 'Type', omitOrder: 2 },
    { header: 'Fra', omitOrder: 0 },
  ],
  rows: [
    ['Samtalegruppe for pårørende', 'samtalegruppe-for-paaroerende', 'Pårørendeforeningen Midt', 'Samtalegruppe', '1. jan. 2025'],
    ['Åbent hus', 'aabent-hus', 'Beta Netværket', 'Rådgivning', '1. jun. 2026'],
  ],
  keyColumns: 2,
};

function draw(width: number): { text: string; leftOut: string[] } {
  let text = '';
  const leftOut = writeTerminalTable(TABLE, 'da', width, plain, (s) => { text += s; });
  return { text, leftOut };
}

const headerCells = (text: string) => text.split('\n')[1].split('│').slice(1, -1).map((c) => c.trim());

describe('columns left out on a narrow window', () => {
  it('a window wide enough for all: every column, none said', () => {
    const { text, leftOut } = draw(140);
    expect(headerCells(text)).toEqual(['Titel', 'Id', 'Organisation', 'Type', 'Fra']);
    expect(leftOut).toEqual([]);
  });

  it('narrower: the columns go in their order, one table, no line wider than the window', () => {
    for (const [width, kept, gone] of [
      [100, ['Titel', 'Id', 'Organisation', 'Type'], ['Fra']],
      // Fra went first, but once the id is gone it fits again, and comes back.
      [80, ['Titel', 'Organisation', 'Type', 'Fra'], ['Id']],
      [56, ['Titel', 'Organisation'], ['Id', 'Type', 'Fra']],
    ] as const) {
      const { text, leftOut } = draw(width);
      expect(headerCells(text), String(width)).toEqual(kept);
      expect(leftOut.sort(), String(width)).toEqual([...gone].sort());
      expect(text.split('\n').filter((l) => l.startsWith('┌')), String(width)).toHaveLength(1);
      expect(Math.max(...text.split('\n').map((l) => l.length)), String(width)).toBeLessThanOrEqual(width);
    }
  });

  it('an id is whole on its line or not there: never broken at its hyphens', () => {
    for (let width = 40; width <= 140; width += 4) {
      const { text } = draw(width);
      if (headerCells(text).includes('Id')) expect(text, String(width)).toMatch(/│ samtalegruppe-for-paaroerende +│/);
      else expect(text, String(width)).not.toContain('samtalegruppe-');
    }
  });

  it('too narrow even without them: each row as lines of every column, none left out', () => {
    const { text, leftOut } = draw(36);
    expect(text).not.toContain('┌');
    expect(text).toContain('Id: samtalegruppe-for-paaroerende');
    expect(text).toContain('Fra: 1. jan. 2025');
    expect(leftOut).toEqual([]);
  });
});

describe('a column empty in every row', () => {
  // Applications without a title: the Titel column says nothing, so it gives way before any column
  // that holds something, and the columns that then fit are shown.
  const untitled: Table = { ...TABLE, rows: TABLE.rows.map((r) => ['', ...r.slice(1)]) };
  const drawn = (width: number) => {
    let text = '';
    const leftOut = writeTerminalTable(untitled, 'da', width, plain, (s) => { text += s; });
    return { text, leftOut };
  };

  it('is left out first when the table is too wide, and said', () => {
    const { text, leftOut } = drawn(90);
    expect(headerCells(text)).toEqual(['Id', 'Organisation', 'Type', 'Fra']);
    expect(leftOut).toEqual(['Titel']);
  });

  it('near miss: where every column fits, it stays (an empty column is not a reason to hide it)', () => {
    expect(headerCells(drawn(140).text)).toEqual(['Titel', 'Id', 'Organisation', 'Type', 'Fra']);
    expect(drawn(140).leftOut).toEqual([]);
  });
});

describe('renderTerminalTable', () => {
  it('gives the columns it left out with the text, as writeTerminalTable does, so the note can name them', () => {
    const { text, leftOut } = renderTerminalTable(TABLE, 'da', 80, plain);
    expect(headerCells(text)).toEqual(['Titel', 'Organisation', 'Type', 'Fra']);
    expect(leftOut).toEqual(['Id']);
  });
});
