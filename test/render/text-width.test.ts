// A table measures text by the columns it takes on a terminal, not by its UTF-16 length: an emoji
// sequence (joined by U+200D, with U+FE0F, a skin tone, a flag, a keycap) is one character two
// columns wide, an East Asian wide character two, a combining mark none. Else a row with an emoji
// name is padded short and its borders sit left of the others'.
import { describe, expect, it } from 'vitest';
import { makeChalk } from '../../src/output/colors.js';
import { displayWidth } from '../../src/output/text-width.js';
import { wrapText, writeTerminalTable, type Table } from '../../src/output/table.js';

const FAMILY = '👨\u200D👩\u200D👧';
const HEART = '❤\uFE0F';
const NAME = `Hjerteforeningen ${HEART} Viborg ${FAMILY}`;

describe('displayWidth', () => {
  it.each([
    ['plain Danish text: its length', 'Ærø – »Sind« ✓', 14],
    ['a family joined by U+200D: one character, two columns', FAMILY, 2],
    ['a heart asked to be an emoji (U+FE0F): two', HEART, 2],
    ['the heart alone, a text character: one', '❤', 1],
    ['a thumb with a skin tone: two', '👍🏽', 2],
    ['a flag (two regional indicators): two', '🇩🇰', 2],
    ['a keycap: two', '1\uFE0F\u20E3', 2],
    ['East Asian wide characters: two each', '漢字', 4],
    ['e and a combining acute accent: one', 'e\u0301', 1],
    ['the name of the report', NAME, 29],
  ])('%s', (_, text, width) => {
    expect(displayWidth(text)).toBe(width);
  });
});

describe('a table with emoji in a cell', () => {
  const table: Table = { columns: [{ header: 'Navn' }, { header: 'Art' }], rows: [['Angstforeningen Midt', 'patientforening'], [NAME, 'patientforening']] };
  const draw = (width: number) => {
    let out = '';
    writeTerminalTable(table, 'da', width, makeChalk(0), (s) => { out += s; });
    return out.split('\n').filter((l) => l !== '');
  };

  it('pads each row to the same columns, so every border sits where the others do', () => {
    const lines = draw(80);
    expect(lines).toContain(`│ ${NAME} │ patientforening │`);
    expect(lines).toContain(`│ Angstforeningen Midt          │ patientforening │`);
    expect(new Set(lines.map(displayWidth))).toEqual(new Set([displayWidth(lines[0])]));
  });

  it('wraps by columns too, never inside an emoji sequence', () => {
    const lines = draw(40);
    expect(new Set(lines.map(displayWidth)).size).toBe(1);
    expect(lines.some((l) => l.includes(FAMILY))).toBe(true);
    expect(wrapText(`${FAMILY}${FAMILY}${FAMILY}`, 4)).toEqual([`${FAMILY}${FAMILY}`, FAMILY]);
  });
});
