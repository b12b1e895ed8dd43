// Wrapping a cell's words: lines of words one space apart are cut into slices of the text rather
// than built up a word at a time, and must be the very lines the word-by-word way gives (kept
// below as the reference): at spaces, after hyphens, dashes and slashes (and a full stop inside an
// address), a word longer than a line
// split as a last resort, empty and blank lines kept, a date in words kept whole (`9. nov. 2026`),
// for any text and width. (Text with a civsam
// command in it is wrapped around the command: table-commands.test.ts.)
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { wrapText } from '../../src/output/table.js';
import { MONTH_WORDS } from '../../src/i18n/format.js';

// Not a break: a space in an amount or share, or inside a date in words (`9. nov. 2026`, `9 Nov 2026`).
const DAY = String.raw`\b\d{1,2}\.?`;
const MONTH = `(?:${MONTH_WORDS.map((m) => m.replace('.', '\\.')).join('|')})`;
const YEAR = String.raw`\d{4}\b`;
const DATE = new RegExp(`${DAY} +${MONTH} +${YEAR}`);
const SPACES = new RegExp(`(?<!\\bDKK) +(?!kr\\.|%)(?<!${DAY}(?= +${MONTH} +${YEAR}) +)(?<!${DAY} +${MONTH}(?= +${YEAR}) +)`);
const isDash = (c: number) => c === 0x2d || c === 0x2013 || c === 0x2f;
/** After a run of hyphens, dashes or slashes; after a full stop before a letter (an address's `.dk`, not `1.250`). */
const breaks = (word: string, i: number) => (isDash(word.charCodeAt(i - 1)) ? !isDash(word.charCodeAt(i)) : word[i - 1] === '.' && /\p{L}/u.test(word[i]));
function pieces(word: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 1; i < word.length; i++) if (breaks(word, i)) { out.push(word.slice(start, i)); start = i; }
  out.push(word.slice(start));
  return out;
}
/** The word-by-word way. */
function reference(text: string, width: number, indent = 0): string[] {
  if (text.length <= width && !text.includes('\n')) return [text];
  const pad = ' '.repeat(Math.min(indent, Math.floor(width / 2)));
  const out: string[] = [];
  const fresh = () => (out.length ? pad : '');
  for (const paragraph of text.split('\n')) {
    let line = '';
    const words = /DKK|kr\.|%/.test(paragraph) || DATE.test(paragraph) ? paragraph.split(SPACES) : paragraph.split(' ');
    for (const word of words) {
      if (!word) continue;
      if ((line ? line.length + 1 : fresh().length) + word.length <= width) {
        line = line ? line + ' ' + word : fresh() + word;
        continue;
      }
      const parts = pieces(word);
      if (fresh().length + word.length <= width || parts.length === 1) {
        if (line.trim() !== '') out.push(line);
        line = '';
      }
      for (let p = 0; p < parts.length; p++) {
        const piece = parts[p];
        const gap = p === 0 ? 1 : 0;
        if ((line ? line.length + gap : fresh().length) + piece.length <= width) {
          line = line ? line + (gap ? ' ' : '') + piece : fresh() + piece;
          continue;
        }
        if (line.trim() !== '') out.push(line);
        let rest = fresh() + piece;
        while (rest.length > width) {
          out.push(rest.slice(0, width));
          rest = pad + rest.slice(width);
        }
        line = rest;
      }
    }
    if (line || out.length === 0) out.push(line);
    else if (!paragraph.trim()) out.push('');
  }
  return out;
}

describe('wrapText', () => {
  it('cuts a cell of words into the lines the word-by-word way gives', () => {
    const cases: Array<[string, number]> = [
      ['organisation: adhd-foreningen-skive (ADHD-foreningen Skive), angstforeningen-lemvig (Angstforeningen Lemvig)', 29],
      ['aftale 2016-psyk-013 (Rådgivning og bisidning for personlighedsforstyrrelser i Midtjylland)', 26],
      [' førende mellemrum og et meget-meget-langt-ord-uden-mellemrum-overhovedet ', 10],
      ['abcdefghijklmnopqrstuvwxyz', 7],
      ['a\n\n b\n ', 3],
      ['\u00a0\u00a0\u00a0 x', 2],
      ['senest inviteret 9. nov. 2026, og de foreslåede har ventet længere', 28],
      ['last invited 9 Nov 2026 and 1. maj 2026 or 12 nov 3 Mar', 16],
    ];
    for (const [text, width] of cases) expect(wrapText(text, width), text).toEqual(reference(text, width));
  });

  it('gives the same lines for any words and width', () => {
    const word = fc.constantFrom('a', 'ord', 'Ringkøbing-Skjern', 'a/b', '--', '–', 'meget-langt-ord-med-bindestreger', 'x'.repeat(23), 'www.angstforeningen.dk/kontakt', 'navn@forening.dk', '\u00a0', '(navn),', 'kr.', '1.250', '', '9.', '9', 'nov.', 'Nov', 'maj', '2026', '2026,');
    const text = fc.array(fc.oneof(word, fc.constantFrom(' ', '  ', '\n')), { maxLength: 30 }).map((parts) => parts.join(' '));
    fc.assert(fc.property(text, fc.integer({ min: 1, max: 40 }), (t, width) => {
      expect(wrapText(t, width)).toEqual(reference(t, width));
    }), { numRuns: 5000, seed: 20261206 });
  });
});
