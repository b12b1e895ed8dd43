// A table too wide for the window leaves out the columns that may go, in their order, until the rest
// fit at a readable width, and says which; an id column is never broken, so it is whole or gone;
// a table too narrow even so is a list of every column.
import { describe, expect, it } from 'vitest';
import { makeChalk } from '../../src/output/colors.js';
import { writeTerminalTable, type Table } from '../../src/output/table.js';

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
      [80, ['Titel', 'Organisation', 'Type'], ['Id', 'Fra']],
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
