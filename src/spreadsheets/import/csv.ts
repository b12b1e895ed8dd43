// CSV as spreadsheets write it (RFC 4180 and Excel's habits): a separator of `,` `;` or tab,
// fields in double quotes with "" for a quote, line breaks inside quoted fields, CRLF or LF
// line ends, and Excel's optional `sep=;` first line. Each row keeps the number a spreadsheet
// shows for it (the header is row 1), counted in records, not text lines.
export type Delimiter = ',' | ';' | '\t';
export const DELIMITERS: readonly Delimiter[] = [',', ';', '\t'];

export interface CsvRow {
  /** The row number a spreadsheet shows: the first record is row 1. */
  row: number;
  cells: string[];
}

export interface ParsedCsv {
  delimiter: Delimiter;
  rows: CsvRow[];
  /** Row number of a quoted field that never closed, if any (the rest of the file was read into it). */
  unclosedQuoteRow?: number;
}

/**
 * The separator is the candidate that splits the first line (outside quotes) into the most
 * fields; a tie goes to the one giving the same field count on the next lines. A line `sep=X`
 * (Excel's hint) decides it outright.
 */
export function detectDelimiter(text: string): { delimiter: Delimiter; sepLine: boolean } {
  const hint = /^sep=([,;\t])\r?\n/.exec(text);
  if (hint) return { delimiter: hint[1] as Delimiter, sepLine: true };
  const lines = firstLines(text, 20);
  let best: Delimiter = ',';
  let bestScore = -1;
  for (const d of DELIMITERS) {
    const counts = lines.map((l) => countOutsideQuotes(l, d));
    const first = counts[0] ?? 0;
    if (first === 0) continue;
    const consistent = counts.filter((c) => c === first).length;
    const score = first * 1000 + consistent;
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return { delimiter: best, sepLine: false };
}

function firstLines(text: string, n: number): string[] {
  const out: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < text.length && out.length < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if (c === 10 && !quoted) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  if (out.length < n && start < text.length) out.push(text.slice(start));
  return out.filter((l) => l.trim() !== '');
}

function countOutsideQuotes(line: string, d: string): number {
  let n = 0;
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === d && !quoted) n++;
  }
  return n;
}

/**
 * Parses the whole text. Rows whose cells are all empty are left out but still counted.
 * `rowStarts`, when given, gets the offset in the text where each row starts (row 1 first).
 */
export function parseCsv(text: string, delimiter?: Delimiter, rowStarts?: number[]): ParsedCsv {
  const detected = delimiter ? { delimiter, sepLine: /^sep=[,;\t]\r?\n/.test(text) } : detectDelimiter(text);
  const d = detected.delimiter.charCodeAt(0);
  let i = 0;
  let rowNumber = 0;
  if (detected.sepLine) {
    i = text.indexOf('\n') + 1;
  }
  const rows: CsvRow[] = [];
  let unclosedQuoteRow: number | undefined;
  const n = text.length;
  while (i < n) {
    rowNumber++;
    rowStarts?.push(i);
    const cells: string[] = [];
    let cell = '';
    let endOfRow = false;
    while (!endOfRow) {
      if (i < n && text.charCodeAt(i) === 34) {
        // A quoted field: up to the closing quote; "" is a quote.
        i++;
        let closed = false;
        while (i < n) {
          const q = text.indexOf('"', i);
          if (q < 0) {
            cell += text.slice(i);
            i = n;
            break;
          }
          cell += text.slice(i, q);
          if (text.charCodeAt(q + 1) === 34) {
            cell += '"';
            i = q + 2;
          } else {
            i = q + 1;
            closed = true;
            break;
          }
        }
        if (!closed) unclosedQuoteRow ??= rowNumber;
        // Anything between the closing quote and the separator is kept, as Excel does.
        while (i < n) {
          const c = text.charCodeAt(i);
          if (c === d || c === 10 || c === 13) break;
          cell += text[i];
          i++;
        }
      } else {
        const start = i;
        while (i < n) {
          const c = text.charCodeAt(i);
          if (c === d || c === 10 || c === 13) break;
          i++;
        }
        cell += text.slice(start, i);
      }
      if (i >= n) {
        cells.push(cell);
        endOfRow = true;
      } else {
        const c = text.charCodeAt(i);
        if (c === d) {
          cells.push(cell);
          cell = '';
          i++;
          if (i >= n) {
            cells.push('');
            endOfRow = true;
          }
        } else {
          cells.push(cell);
          i += c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
          endOfRow = true;
        }
      }
    }
    if (cells.some((c) => c !== '')) rows.push({ row: rowNumber, cells: cells.map(normaliseBreaks) });
  }
  return { delimiter: detected.delimiter, rows, ...(unclosedQuoteRow !== undefined ? { unclosedQuoteRow } : {}) };
}

/** Line breaks inside a cell become \n (YAML reads every line break as \n anyway). */
function normaliseBreaks(s: string): string {
  return s.includes('\r') ? s.replace(/\r\n?/g, '\n') : s;
}

/**
 * The rows, as a spreadsheet numbers them (the header is row 1), that hold the given offsets of
 * the text: each row once, in order. For messages about bytes in the file rather than about cells.
 */
export function rowsAt(text: string, delimiter: Delimiter, offsets: readonly number[]): number[] {
  const starts: number[] = [];
  parseCsv(text, delimiter, starts);
  const rows = new Set<number>();
  let k = 0;
  for (const offset of [...offsets].sort((a, b) => a - b)) {
    while (k + 1 < starts.length && starts[k + 1] <= offset) k++;
    rows.add(k + 1);
  }
  return [...rows];
}
