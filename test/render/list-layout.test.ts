// A table too wide for the terminal even at its columns' narrowest (here a text that must not
// break, as an id) is drawn as a list; the rows are measured only until that is certain. Whichever row makes it too wide, early or late, the
// table is a list; a table that fits stays a table, however many rows it has.
import { describe, expect, it } from 'vitest';
import { makeChalk } from '../../src/output/colors.js';
import { renderTerminalTable, type Table } from '../../src/output/table.js';

const plain = makeChalk(0);
const rows = (n: number, wideAt: number) => Array.from({ length: n }, (_, i) => [`r${i}`, i === wideAt ? 'x'.repeat(40) : 'kort']);

describe('list layout', () => {
  it('draws a list when the row that cannot fit comes first, in the middle or last', () => {
    for (const wideAt of [0, 63, 64, 150, 199]) {
      const text = renderTerminalTable({ columns: [{ header: 'Post' }, { header: 'Tekst', unbroken: true }], rows: rows(200, wideAt) }, 'da', 40, plain).text;
      expect(text.startsWith('Post: r0\nTekst: '), String(wideAt)).toBe(true);
      expect(text).toContain(`\nPost: r100\nTekst: kort\n`);
      expect(text).toContain(`Post: r${wideAt}\nTekst: \n  ${'x'.repeat(38)}\n  xx\n`);
      expect(text).not.toContain('┌');
    }
  });

  it('keeps a table that fits a table, its widths from every row', () => {
    const text = renderTerminalTable({ columns: [{ header: 'Post' }, { header: 'Tekst' }], rows: rows(200, 199).map(([a, b], i) => [a, i === 0 ? 'x'.repeat(28) : i === 199 ? 'x'.repeat(30) : b]) }, 'da', 41, plain).text;
    expect(text.split('\n')[0]).toBe(`┌──────┬${'─'.repeat(32)}┐`);
  });
});
