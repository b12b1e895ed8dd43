// The one CSV encoder: overviews and reports (`--format csv`), record exports and the import's
// rejected-rows file all write through it, so each gets the same quoting, byte-order mark and
// formula guard. Files open in Excel as they are: UTF-8 with a byte-order mark, `;` and a decimal
// comma in Danish, `,` and a decimal point in English.
import type { Language } from '../i18n/define.js';

export type CsvDelimiter = ',' | ';' | '\t';

/**
 * Excel runs a text cell starting with one of these as a formula (`=HYPERLINK(…)` sends data to a
 * web address when clicked), and quoting does not stop it. Such cells get a leading apostrophe,
 * which the import takes off again; a cell that already starts with apostrophes before one of them
 * gets one more, so it too comes back as it was.
 */
export const FORMULA_START = /^'*[=+\-@\t\r]/;

/** The separator Excel expects in the language: `;` in Danish (where `,` is the decimal comma), `,` in English. */
export function csvDelimiter(lang: Language): ',' | ';' {
  return lang === 'da' ? ';' : ',';
}

/** A cell as CSV text: a number as a number (decimal comma in Danish), text with the formula guard, quoted when it must be. */
export function csvField(cell: string | number, opts: { delimiter: CsvDelimiter; lang: Language }): string {
  if (typeof cell === 'number') {
    // A decimal comma needs quotes only where the comma separates fields.
    const n = opts.lang === 'da' ? String(cell).replace('.', ',') : String(cell);
    return n.includes(opts.delimiter) ? `"${n}"` : n;
  }
  const s = FORMULA_START.test(cell) ? `'${cell}` : cell;
  return /[";,\n\r\t]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Rows (the header row first) as a CSV file's text: byte-order mark, CRLF line ends. */
export function encodeCsv(rows: Iterable<ReadonlyArray<string | number>>, opts: { delimiter: CsvDelimiter; lang: Language }): string {
  const lines: string[] = [];
  for (const r of rows) lines.push(r.map((c) => csvField(c, opts)).join(opts.delimiter));
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
