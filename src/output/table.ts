// The renderers that turn a report's tables (report/table.ts) into terminal tables, CSV and
// Markdown. Nothing here knows a domain.
import type { ChalkInstance } from 'chalk';
import type { Language } from '../i18n/index.js';
import { terminalSafe } from '../i18n/terminal-text.js';
import { csvDelimiter, encodeCsv } from './csv.js';
import { formatNumber, MONTH_WORDS } from '../i18n/format.js';
import { displayWidth, evenWidth, graphemes, textWidth } from './text-width.js';

export type { Cell, Column, StyledCell, Table, Tone } from '../reports/table.js';
import type { Cell, StyledCell, Table, Tone } from '../reports/table.js';

function isStyled(c: Cell): c is StyledCell {
  return typeof c === 'object' && c !== null;
}

function cellText(c: Cell, lang: Language): string {
  if (c === null || c === undefined) return '';
  if (isStyled(c)) return c.text;
  return typeof c === 'number' ? formatNumber(c, lang, Number.isInteger(c) ? 0 : 2) : c;
}

function toned(text: string, tone: Tone | undefined, color: ChalkInstance): string {
  if (!text) return text;
  switch (tone) {
    case 'gap': case 'warn': return color.yellow(text);
    case 'bad': return color.red(text);
    case 'good': return color.green(text);
    case 'muted': return color.dim(text);
    case 'strong': return color.bold(text);
    default: return text;
  }
}

/** The width a table takes: its columns (padding included) plus one border per column and one more. */
function tableWidth(widths: readonly number[]): number {
  return widths.reduce((a, b) => a + b, 0) + widths.length + 1;
}

/**
 * Column widths (padding included) that fit `width` characters: every column gets what it needs
 * when that fits; otherwise the widest columns give up space first, none below the length of its
 * longest word, so text wraps at word boundaries and is never cut.
 */
export function fitWidths(natural: number[], minimum: number[], width: number): number[] {
  const widths = [...natural];
  let excess = tableWidth(widths) - width;
  while (excess > 0) {
    let widest = -1;
    for (let i = 0; i < widths.length; i++) if (widths[i] > minimum[i] && (widest < 0 || widths[i] > widths[widest])) widest = i;
    if (widest < 0) break; // cannot shrink further: the caller lays the table out another way
    widths[widest]--;
    excess--;
  }
  return widths;
}

/** Where rendered text goes, a piece at a time. */
export type TextSink = (text: string) => void;

/**
 * How many pieces a table gathers before they are joined and handed on. An audit of a large
 * register is some 100,000 lines: joined into one string, the text (tens of megabytes, and its
 * pieces) would outgrow the young heap and be copied by the garbage collector, and one string that
 * size makes the collector mark every loaded record. Pieces of some kilobytes stay cheap.
 */
const PIECES_PER_CHUNK = 2048;

/**
 * The table as one text, and the headers of the columns left out to fit the width (as
 * writeTerminalTable gives them), for the caller to say so as `emit` does (output.columnsLeftOut).
 */
export function renderTerminalTable(table: Table, lang: Language, width: number, color: ChalkInstance): { text: string; leftOut: string[] } {
  const chunks: string[] = [];
  const leftOut = writeTerminalTable(table, lang, width, color, (text) => chunks.push(text));
  return { text: chunks.join(''), leftOut };
}

/**
 * The width (padding included) a column is judged at when deciding whether a table fits or must be
 * split: its content, up to what reads well on a line; a longer text wraps.
 */
const READABLE_WIDTH = 26;

/** The narrowest (padding included) a column of text is squeezed to before columns that may go are left out to give it room. */
const SQUEEZED_WIDTH = 20;

/**
 * The table as renderTerminalTable draws it, handed to `sink` in pieces of some kilobytes. Returns
 * the headers of the columns left out to fit the width (Column.omitOrder), for the caller to say so.
 */
export function writeTerminalTable(table: Table, lang: Language, width: number, color: ChalkInstance, sink: TextSink): string[] {
  width = Math.max(width, 30);
  const pick = (list: number[], cols: number[]) => cols.map((i) => list[i]);
  const texts = table.rows.map((r) => table.columns.map((_, i) => terminalSafe(cellText(r[i], lang))));
  const headers = table.columns.map((c) => terminalSafe(c.header));
  const natural = headers.map((h) => longestLine(h));
  const minimum = headers.map((h) => Math.max(longestWord(h), 1));
  let shown = headers.map((_, i) => i).filter((i) => i !== table.groupColumn);
  const keyColumns = table.groupColumn === undefined ? table.keyColumns : undefined;
  // Widths only grow as rows are measured. Without key columns to split the others beside, a
  // table too wide at its columns' narrowest is drawn as a list, which needs no widths: once the
  // rows measured so far make it that wide, the rest are not measured.
  const splittable = !!keyColumns && keyColumns < headers.length;
  // Columns that may be left out: whether the rest fit is known only once every row is measured.
  const mayOmit = table.columns.some((c) => c.omitOrder !== undefined);
  // What a column's commands ask for (commandWidths): room for each whole, and for its longest
  // argument. Only a cell longer than what its column already asks for is searched for one.
  const whole = [...minimum];
  const argument = [...minimum];
  for (let ri = 0; ri < texts.length; ri++) {
    const r = texts[ri];
    for (let i = 0; i < headers.length; i++) {
      const text = r[i];
      // Columns on the terminal, not UTF-16 units: an emoji or a wide character is two (text-width.ts).
      const columns = displayWidth(text);
      if (columns > natural[i] || text.includes('\n')) natural[i] = Math.max(natural[i], longestLine(text));
      if (columns <= minimum[i]) continue;
      minimum[i] = longestWord(text, minimum[i]);
      if (text.length > argument[i] && text.includes('civsam')) {
        const asks = commandWidths(text);
        if (asks.whole > whole[i]) whole[i] = asks.whole;
        if (asks.argument > argument[i]) argument[i] = asks.argument;
      }
    }
    if (!splittable && !mayOmit && (ri & 63) === 63 && tableWidth(shown.map((i) => (table.columns[i].unbroken ? natural[i] : Math.min(natural[i], minimum[i])) + 2)) > width) break;
  }
  for (let i = 0; i < headers.length; i++) {
    natural[i] += 2;
    // A name that must not break (an id) takes its whole width.
    if (table.columns[i].unbroken) minimum[i] = natural[i] - 2;
    minimum[i] = Math.min(natural[i], minimum[i] + 2);
    argument[i] = Math.min(natural[i], Math.max(minimum[i], argument[i] + 2));
    whole[i] = Math.min(natural[i], Math.max(argument[i], whole[i] + 2));
  }
  // A column is made wide enough for its commands to stay whole where the table then fits; else
  // for their arguments, each command on lines of its own; else the table is drawn as a list.
  const fitsAll = (least: number[]) => tableWidth(pick(least, shown)) <= width;
  const least = fitsAll(whole) ? whole : argument;
  // Too narrow for every column at a readable width: the columns that may go, go, the first in
  // their order first, until the rest fit. A table too wide even so keeps them all for the list layout.
  const omitted: number[] = [];
  const readable = (i: number) => Math.min(natural[i], Math.max(least[i], SQUEEZED_WIDTH));
  // A column empty in every row (applications without a title) says nothing: it gives way first,
  // before any column that holds something.
  const empty = mayOmit && texts.length > 0 ? shown.filter((i) => texts.every((r) => r[i] === '')) : [];
  // Then a column that may go and is empty in most rows (titles few applications have): it tells
  // few rows apart, and gives way before those that hold something in every row.
  const sparse = mayOmit ? shown.filter((i) => table.columns[i].omitOrder !== undefined && !empty.includes(i) && texts.filter((r) => r[i] === '').length * 2 > texts.length) : [];
  const omittable = [...empty, ...sparse, ...shown.filter((i) => table.columns[i].omitOrder !== undefined && !empty.includes(i) && !sparse.includes(i)).sort((a, b) => table.columns[a].omitOrder! - table.columns[b].omitOrder!)];
  for (const i of omittable) {
    if (tableWidth(shown.filter((k) => !omitted.includes(k)).map(readable)) <= width) break;
    omitted.push(i);
  }
  if (omitted.length > 0 && tableWidth(shown.filter((k) => !omitted.includes(k)).map((k) => least[k])) > width) omitted.length = 0;
  // A column left out early may fit once a wider one went after it (a date beside no id): it comes
  // back, the one that went last first. An empty column stays out.
  for (const i of [...omitted].reverse()) {
    if (empty.includes(i)) continue;
    const back = omitted.filter((k) => k !== i);
    if (tableWidth(shown.filter((k) => !back.includes(k)).map(readable)) <= width) omitted.splice(omitted.indexOf(i), 1);
  }
  const full = shown;
  shown = shown.filter((k) => !omitted.includes(k));
  const fits = (widths: number[]) => tableWidth(pick(widths, shown)) <= width;
  // A long title wraps like the notes do: the table fits the terminal, its title too.
  if (table.title) sink(wrapText(terminalSafe(table.title), width).map((l) => color.bold(l)).join('\n') + '\n');
  // A table with no rows whose notes say why (`No funding granted …`) is those notes, not an empty frame.
  if (texts.length === 0 && table.notes?.length) {
    for (const n of table.notes) sink(wrapText(terminalSafe(n), width).join('\n') + '\n');
    return [];
  }
  // A table whose columns may be left out is drawn as one table: split, it would be read across several.
  const keys = splittable && !mayOmit ? shown.filter((i) => i < keyColumns) : [];
  const others = shown.filter((i) => !keys.includes(i));
  const chunks = keys.length > 0 && others.length > 0 && tableWidth(pick(natural, shown)) > width ? chunkColumns(keys, others, natural, least, width) : undefined;
  if (chunks && chunks.length > 1) {
    for (const chunk of chunks) drawTable(table, texts, chunk.cols, chunk.widths, color, sink);
  } else if (fits(least)) {
    const widths = fitWidths(pick(natural, shown), pick(least, shown), width);
    if (table.groupColumn !== undefined) {
      // The group labels run across the table: widen its last column when they need more room.
      let want = 0;
      for (const r of texts) want = Math.max(want, longestLine(r[table.groupColumn]));
      want = Math.min(want, width - 4);
      const have = tableWidth(widths) - 4;
      if (want > have) widths[widths.length - 1] += want - have;
    }
    drawTable(table, texts, shown, widths, color, sink);
  } else {
    drawList(table, texts, width, color, sink);
    shown = full;
  }
  for (const n of table.notes ?? []) sink(wrapText(terminalSafe(n), width).join('\n') + '\n');
  return full.filter((i) => !shown.includes(i)).map((i) => headers[i]);
}

/**
 * The other columns split into consecutive groups that each fit beside the key columns, with
 * the widths to draw each group at: key columns as wide as they need up to half the width (else two
 * fifths of it), the others as wide as their content allows. Groups are evened out so the last one
 * is not a lone column.
 * Undefined when one column alone does not fit.
 */
function chunkColumns(keys: number[], others: number[], natural: number[], minimum: number[], width: number): Array<{ cols: number[]; widths: number[] }> | undefined {
  const keyColumns = keys.length;
  // A key column gets its whole width when that is at most half the terminal, else two fifths of it.
  const keyWidths = keys.map((i) => (natural[i] <= width / 2 / keyColumns ? natural[i] : Math.max(minimum[i], Math.min(natural[i], Math.floor((width * 2) / 5 / keyColumns)))));
  // What a column asks for when deciding where groups break: its content, up to a readable width.
  const preferred = natural.map((n, i) => Math.min(n, Math.max(minimum[i], READABLE_WIDTH)));
  const fits = (cols: number[]) => tableWidth([...keyWidths, ...cols.map((i) => preferred[i])]) <= width;
  const greedy: number[][] = [];
  let current: number[] = [];
  for (let k = 0; k < others.length; k++) {
    const i = others[k];
    if (fits([...current, i])) {
      current.push(i);
      continue;
    }
    if (current.length === 0) {
      if (tableWidth([...keyWidths, minimum[i]]) > width) return undefined;
      greedy.push([i]);
      continue;
    }
    greedy.push(current);
    current = [];
    k--; // this column starts the next group
  }
  if (current.length) greedy.push(current);
  const size = Math.ceil(others.length / greedy.length);
  const even = Array.from({ length: greedy.length }, (_, k) => others.slice(k * size, (k + 1) * size)).filter((c) => c.length);
  const groups = even.length === greedy.length && even.every(fits) ? even : greedy;
  return groups.map((cols) => ({
    cols: [...keys, ...cols],
    widths: fitWidths([...keyWidths, ...cols.map((i) => natural[i])], [...keyWidths, ...cols.map((i) => minimum[i])], width),
  }));
}

/**
 * A cell's lines at a width: wrapped (at spaces, else after hyphens), never cut mid-word where a
 * line can break; one that fits is itself. A line indented with no-break spaces (a tree's levels)
 * keeps its indentation on every line.
 */
function cellLines(text: string, width: number): string[] | string {
  if (!text.includes('\n')) return displayWidth(text) <= width ? text : wrapText(text, width, nbspIndent(text), { inCell: true });
  const out: string[] = [];
  for (const l of text.split('\n')) for (const w of wrapText(l, width, nbspIndent(l), { inCell: true })) out.push(w);
  return out;
}

function nbspIndent(line: string): number {
  let n = 0;
  while (line.charCodeAt(n) === 0xa0) n++;
  return n;
}

/** A row's cells: per column one line, or its lines. */
type RowCells = Array<string[] | string>;

/**
 * Box drawing in cli-table3's style (┌─┬─┐ │ ├─┼─┤ └─┴─┘, one space of padding), done here because
 * cli-table3 spends about 0.4 ms a row and grows faster than the rows (4,000 rows: 3 s), too slow
 * for an overview of a large registry. Each cell is wrapped as its row is drawn; colour goes on the
 * text, not the padding. Padding is made once per width, and a line's pieces go straight into the
 * table's list of pieces, handed on every few thousand.
 */
function drawTable(table: Table, texts: string[][], cols: number[], widths: number[], color: ChalkInstance, sink: TextSink): void {
  const g = table.groupColumn;
  const n = cols.length;
  const total = widths.reduce((a, b) => a + b, 0) + n - 1;
  const spanWidth = total - 2;
  const plain = color.level === 0;
  const right = cols.map((i) => table.columns[i].align === 'right');
  const blanks = padding(Math.max(total, ...widths));
  const out: string[] = [];
  // A border line: at each column boundary, whether the row above and the row below have one there.
  const segments = widths.map((w) => '─'.repeat(w));
  const joined = new Map<string, string>();
  const border = (left: string, end: string, inner: string): string => {
    let line = joined.get(inner);
    if (line === undefined) joined.set(inner, (line = segments.join(inner)));
    return left + line + end;
  };
  const tonesOf = (ri: number): Array<Tone | undefined> | undefined => {
    if (plain) return undefined;
    const source = table.rows[ri];
    return cols.map((i) => {
      const c = source[i];
      return isStyled(c) ? c.tone : undefined;
    });
  };
  const spanTone = (ri: number): Array<Tone | undefined> | undefined => {
    const c = table.rows[ri][g!];
    return plain ? undefined : [isStyled(c) ? c.tone : undefined];
  };
  const wrapRow = (r: string[]): RowCells => cols.map((i, k) => cellLines(r[i], widths[k] - 2));

  const drawLines = (cells: RowCells, tones: Array<Tone | undefined> | undefined, span: boolean) => {
    let height = 1;
    for (const lines of cells) if (typeof lines !== 'string' && lines.length > height) height = lines.length;
    for (let k = 0; k < height; k++) {
      if (span) {
        const text = lineOf(cells[0], k);
        out.push('│ ', plain ? text : toned(text, tones![0], color), blanks(total - 2 - displayWidth(text)), ' │\n');
        continue;
      }
      out.push('│');
      for (let c = 0; c < n; c++) {
        const text = lineOf(cells[c], k);
        const pad = blanks(widths[c] - 2 - displayWidth(text));
        const shown = plain ? text : toned(text, tones![c], color);
        if (right[c]) out.push(' ', pad, shown, ' │');
        else out.push(' ', shown, pad, ' │');
      }
      out.push('\n');
    }
  };
  // The header, then each row under a line, except in a compact table (and a group's label always has its lines).
  let aboveSpan: boolean | undefined;
  const row = (cells: RowCells, tones: Array<Tone | undefined> | undefined, span: boolean, compact: boolean) => {
    if (aboveSpan === undefined || !compact || span || aboveSpan) {
      const above = !aboveSpan;
      out.push('├', border('', '', above && !span ? '┼' : above ? '┴' : !span ? '┬' : '─'), '┤\n');
    }
    drawLines(cells, tones, span);
    aboveSpan = span;
    if (out.length >= PIECES_PER_CHUNK) {
      sink(out.join(''));
      out.length = 0;
    }
  };

  out.push(border('┌', '┐\n', '┬'));
  drawLines(cols.map((i, k) => cellLines(terminalSafe(table.columns[i].header), widths[k] - 2)), plain ? undefined : cols.map(() => 'strong' as const), false);
  if (table.compact) {
    // Without lines between rows, a row that wraps would run into the next: compact only when none does.
    const rows: Array<{ cells: RowCells; ri: number; span: boolean }> = [];
    let wraps = false;
    const wrapped = (cells: RowCells) => {
      for (const lines of cells) if (typeof lines !== 'string' && lines.length > 1) wraps = true;
      return cells;
    };
    texts.forEach((r, ri) => {
      if (g !== undefined && r[g]) rows.push({ cells: wrapped([cellLines(r[g], spanWidth)]), ri, span: true });
      rows.push({ cells: wrapped(wrapRow(r)), ri, span: false });
    });
    for (const r of rows) row(r.cells, r.span ? spanTone(r.ri) : tonesOf(r.ri), r.span, !wraps);
  } else {
    texts.forEach((r, ri) => {
      if (g !== undefined && r[g]) row([cellLines(r[g], spanWidth)], spanTone(ri), true, false);
      row(wrapRow(r), tonesOf(ri), false, false);
    });
  }
  out.push(border('└', '┘\n', aboveSpan ? '─' : '┴'));
  sink(out.join(''));
}

/** Line `k` of a cell (empty below its last line). */
function lineOf(lines: string[] | string, k: number): string {
  if (typeof lines === 'string') return k === 0 ? lines : '';
  return lines[k] ?? '';
}

/** Spaces of each length up to `max` (none for a length below one), each made once. */
function padding(max: number): (length: number) => string {
  const spaces = ' '.repeat(Math.max(0, max));
  const made: string[] = [];
  return (length) => {
    if (length <= 0) return '';
    return made[length] ?? (made[length] = length <= spaces.length ? spaces.slice(0, length) : ' '.repeat(length));
  };
}

/** Each row as `header: value` lines, wrapped to the width, rows apart by a blank line; a group's label as a heading above it. */
function drawList(table: Table, texts: string[][], width: number, color: ChalkInstance, sink: TextSink): void {
  const g = table.groupColumn;
  const inner = g === undefined ? width : width - 2; // records under a group label are indented by two
  const labels = table.columns.map((c) => `${terminalSafe(c.header)}: `);
  // Without colour, text is as it is: no styling call per line. Each label is styled once.
  const plain = color.level === 0;
  const bold = (text: string) => (plain ? text : color.bold(text));
  const tonedText = (text: string, tone: Tone | undefined) => (plain ? text : toned(text, tone, color));
  const leads = labels.map((label) => bold(label.trimEnd()) + ' ');
  // Records under a group label are indented by two, each of their lines.
  const indent = g !== undefined ? '  ' : '';
  const out: string[] = [];
  let written = false;
  for (let ri = 0; ri < texts.length; ri++) {
    const r = texts[ri];
    const labelled = g !== undefined && r[g] !== '';
    if (labelled) {
      const c = table.rows[ri][g];
      out.push((written ? '\n' : '') + wrapText(r[g], width).map((l) => bold(tonedText(l, isStyled(c) ? c.tone : undefined))).join('\n') + '\n');
      written = true;
    }
    // The row's lines go out one by one: a blank line before a record that has any (but the first,
    // or one right under its group's label), each line indented under a group, ended by a line break.
    let any = false;
    for (let i = 0; i < r.length; i++) {
      const text = r[i];
      if (!text || i === g) continue;
      const c = table.rows[ri][i];
      const tone = isStyled(c) ? c.tone : undefined;
      const label = labels[i];
      const br = text.indexOf('\n');
      const wrapped = wrapText(label + (br < 0 ? text : text.slice(0, br)), inner, 2);
      if (!any && written && !labelled) out.push('\n');
      any = true;
      out.push(indent, leads[i], tonedText(wrapped[0].slice(label.length), tone), '\n');
      for (let k = 1; k < wrapped.length; k++) out.push(indent, tonedText(wrapped[k], tone), '\n');
      if (br >= 0) for (const line of text.slice(br + 1).split('\n')) for (const l of wrapText(line, inner - 2)) out.push(indent, '  ', tonedText(l, tone), '\n');
    }
    if (any) written = true;
    if (out.length >= PIECES_PER_CHUNK) {
      sink(out.join(''));
      out.length = 0;
    }
  }
  if (out.length) sink(out.join(''));
}

// A date in words as format.ts writes it: `9. nov. 2026`, `1. maj 2026`, `9 Nov 2026`.
const DAY = String.raw`\b\d{1,2}\.?`;
const MONTH = `(?:${MONTH_WORDS.map((m) => m.replace('.', '\\.')).join('|')})`;
const YEAR = String.raw`\d{4}\b`;
const DATE = new RegExp(`${DAY} +${MONTH} +${YEAR}`);

/**
 * Where a line may break: at spaces, except inside an amount or share (`1.250.000 kr.`, `DKK 1,250`,
 * `42,5 %`) or a date (`9. nov. 2026` read as `9.` and `nov. 2026` on two lines is no date).
 */
const SPACES = new RegExp(`(?<!\\bDKK) +(?!kr\\.|%)(?<!${DAY}(?= +${MONTH} +${YEAR}) +)(?<!${DAY} +${MONTH}(?= +${YEAR}) +)`);

/** Whether SPACES may leave a space inside a word here; where not, it breaks at every space. */
function keepsSpaces(text: string): boolean {
  // Three searches for a fixed text are about twice as fast as one pattern with three branches, and this runs for every cell.
  return text.includes('kr.') || text.includes('%') || text.includes('DKK') || DATE.test(text);
}

/** The words of a line, where it may break, and empty strings between spaces (to be skipped). */
function wordsOf(line: string): string[] {
  return keepsSpaces(line) ? line.split(SPACES) : line.split(' ');
}

/** A command found in a line's words (commandSpans). */
interface CommandSpan {
  /** The span's words (a quoted argument with its spaces as one). */
  items: string[];
  /** Index in the line's words of its first and last word. */
  first: number;
  last: number;
}

const COMMAND_START = /^[(`»"'“„]?civsam$/;
/** What closes a command opened by a bracket or a quote (`(civsam call show)`, `»civsam audit«`). */
const CLOSER: Record<string, string> = { '(': ')', '`': '`', '»': '«', '"': '"', "'": "'", '“': '”', '„': '“' };
const COMMAND_NAME = /^[a-z][a-z-]*[.,;:!?)`»«”"']?$/;
/** A mark that ends a sentence or a clause, or closes what was opened before the command. */
const COMMAND_END = /[.,;:!?)`»«”]$/;
/** An argument's shape: an option, an id, a date, a file, a placeholder in capitals, a quoted or elided value. */
const ARGUMENT = /^-|^["'`]|[0-9./=:@_…{}<>\[\]]|[a-zæøå]-[a-zæøå]|^[A-ZÆØÅ][A-ZÆØÅ0-9=_-]+[.,;:!?)`»«”"']?$/;

/** Whether `word` ends the command: it closes what opened it (with at most a mark after), or ends with a mark that ends a clause. */
function endsCommand(word: string, closer: string | undefined): boolean {
  if (closer) {
    const bare = /[.,;:!?]$/.test(word) ? word.slice(0, -1) : word;
    if (bare.endsWith(closer)) return true;
    // Inside backticks or quotes, a comma or full stop may belong to the command's text.
    if (closer === '`' || closer === '"' || closer === "'") return false;
  }
  return COMMAND_END.test(word);
}

/**
 * Commands in running text (`… (civsam call show) …`, `… with civsam application decide ID
 * --amount AMOUNT for …`), found by their shape so that a line breaks around a command rather
 * than inside it: a person copies it whole. A command starts at the word `civsam` (or `(civsam`,
 * `»civsam`, `` `civsam ``) followed by a command's name, and takes words while they read as a
 * command's: up to two lowercase names (the second only where an argument or the end follows, so
 * `civsam validate for at se` ends before `for`), options (`--amount`) and the value after each,
 * and arguments shaped as ids, placeholders or quoted text (`ID`, `2025-pulje`, `"delvist
 * bevilget"`). A word that closes the bracket or quote before `civsam`, or ends in a full stop,
 * comma, colon or semicolon, ends it, that mark with it; so does the first word of plain prose.
 */
function commandSpans(words: readonly string[]): CommandSpan[] {
  const spans: CommandSpan[] = [];
  const next = (from: number) => {
    while (from < words.length && !words[from]) from++;
    return from;
  };
  for (let s = 0; s < words.length; s++) {
    if (!COMMAND_START.test(words[s])) continue;
    let i = next(s + 1);
    if (i >= words.length || !(COMMAND_NAME.test(words[i]) || words[i].startsWith('-'))) continue;
    const items = [words[s]];
    let last = s;
    let names = 0;
    let afterOption = false;
    const closer = CLOSER[words[s][0]];
    for (; i < words.length; i = next(i + 1)) {
      let word = words[i];
      let end = i;
      const quote = word[0] === '"' || word[0] === "'" ? word[0] : undefined;
      if (quote && !closesQuote(word.slice(1), quote)) {
        // A quoted argument runs to the word that closes the quote, spaces and all.
        let j = i + 1;
        while (j < words.length && !closesQuote(words[j], quote)) j++;
        if (j >= words.length) break;
        word = words.slice(i, j + 1).join(' ');
        end = j;
      }
      const name = !quote && !afterOption && names < 2 && items.length === names + 1 && COMMAND_NAME.test(word);
      if (name && names === 1 && !endsCommand(word, closer)) {
        // A second name only where an argument or the end follows: `civsam call show ID`, not `civsam validate for at se`.
        const after = next(i + 1);
        if (after < words.length && !ARGUMENT.test(words[after])) break;
      }
      if (name) names++;
      else if (word.startsWith('-')) afterOption = !word.includes('=');
      else if (afterOption) afterOption = false;
      else if (!ARGUMENT.test(word)) break;
      items.push(word);
      last = i = end;
      if (quote ? /[.,;:!?]$/.test(word) || (closer !== undefined && endsCommand(word, closer)) : endsCommand(word, closer)) break;
    }
    if (items.length > 1) spans.push({ items, first: s, last });
    s = last;
  }
  return spans;
}

/** Whether a word ends a quoted argument opened by `quote` (the quote, then at most a mark). */
function closesQuote(word: string, quote: string): boolean {
  const at = word.lastIndexOf(quote);
  return at >= 0 && at >= word.length - 2 && (at === word.length - 1 || COMMAND_END.test(word));
}

/**
 * A line's words with each command as one word when it fits in `width`, so the line breaks before
 * it; a longer command as its own lines: whole on one line (`overflow`: running text, where a line
 * may be longer than the terminal, which wraps it for the eye and copies it as one line; a command
 * broken over lines, pasted, runs its first line alone), or in a table's cell broken only between
 * arguments (an option kept with its value where they fit together), never inside one.
 */
function commandsKeptWhole(words: string[], width: number, overflow: boolean): Array<string | { lines: string[] }> {
  const spans = commandSpans(words);
  if (!spans.length) return words;
  const out: Array<string | { lines: string[] }> = [];
  let at = 0;
  for (const span of spans) {
    for (; at < span.first; at++) out.push(words[at]);
    const text = span.items.join(' ');
    out.push(text.length <= width ? text : { lines: overflow ? [text] : commandLines(span.items, width) });
    at = span.last + 1;
  }
  for (; at < words.length; at++) out.push(words[at]);
  return out;
}

/** A command too long for a line, in lines of at most `width`: broken between arguments, an option with its value where they fit. */
function commandLines(items: readonly string[], width: number): string[] {
  const groups: string[] = [];
  for (let k = 0; k < items.length; k++) {
    const item = items[k];
    const value = items[k + 1];
    if (item.startsWith('-') && !item.includes('=') && value !== undefined && !value.startsWith('-') && item.length + 1 + value.length <= width) {
      groups.push(`${item} ${value}`);
      k++;
    } else groups.push(item);
  }
  const lines: string[] = [];
  let line = '';
  for (const group of groups) {
    if (line && line.length + 1 + group.length <= width) {
      line += ' ' + group;
      continue;
    }
    if (line) lines.push(line);
    line = group;
    if (group.length > width) {
      // An argument longer than a whole line breaks as a word does, as a last resort.
      const broken = wrapText(group, width, 0, { inCell: true });
      line = broken.pop()!;
      for (const l of broken) lines.push(l);
    }
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * The widths a cell's commands ask for: the longest command (to keep each whole) and the longest
 * argument in one (never broken), both 0 for a cell with none. Called only for a cell that has
 * `civsam` in it.
 */
function commandWidths(text: string): { whole: number; argument: number } {
  let whole = 0;
  let argument = 0;
  for (const line of text.split('\n')) {
    for (const span of commandSpans(wordsOf(line))) {
      let length = -1;
      for (const item of span.items) {
        length += item.length + 1;
        if (item.length > argument) argument = item.length;
      }
      if (length > whole) whole = length;
    }
  }
  return { whole, argument };
}

const HYPHEN = 0x2d;
const EN_DASH = 0x2013;
const SLASH = 0x2f;
const FULL_STOP = 0x2e;
function isDash(c: number): boolean {
  return c === HYPHEN || c === EN_DASH || c === SLASH;
}

/** A letter (of any script) in UTF-16: what a full stop inside an address is followed by (`dk`, `www.`), not a figure (`1.250.000`). */
const LETTER = /\p{L}/u;

/**
 * Whether a line may end between word[i - 1] and word[i]: after a hyphen, dash or slash, a run of
 * them staying with what comes before it (`Ringkøbing-` `Skjern`, `https://` `www…`); after a full
 * stop followed by a letter, inside an address (`angstforeningen.` `dk`), not inside an amount.
 */
function breaksBefore(word: string, i: number): boolean {
  const before = word.charCodeAt(i - 1);
  if (isDash(before)) return !isDash(word.charCodeAt(i));
  return before === FULL_STOP && i < word.length && LETTER.test(word[i]);
}

/** A word's pieces that may end a line (breaksBefore). */
function pieces(word: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 1; i < word.length; i++) {
    if (breaksBefore(word, i)) {
      out.push(word.slice(start, i));
      start = i;
    }
  }
  out.push(word.slice(start));
  return out;
}

/**
 * The widest a piece of a word asks a column to be: room for the longest words of running text (a
 * Danish compound such as `civilsamfundssamarbejdet` stays whole). A longer one (a web address, an
 * e-mail address, a run of emoji) is broken wherever it must in a narrower column, rather than
 * leaving other columns out or drawing the table as a list to give it its whole width.
 */
const LONG_PIECE = 30;

/** Whether a line holds more than white space (what `trim()` would leave), without making a copy when it plainly does. */
function hasText(line: string): boolean {
  const c = line.charCodeAt(0);
  return c > 0x20 && c < 0x7f ? true : line.trim() !== '';
}

/**
 * Lines a command says on the error stream (what it did, what it found), wrapped when that stream
 * is a terminal; to a pipe or a log each stays one line. An indented line keeps its indentation and
 * hangs two further; a line in two columns (`civsam sync --mine    keep your version …`) wraps
 * under its second column.
 */
export function wrapForTerminal(text: string, where: { stderr: { isTTY?: boolean; columns?: number }; env: Record<string, string | undefined> }): string {
  if (!where.stderr.isTTY) return text;
  const width = textWidth({ stdout: where.stderr, env: where.env });
  return text.split('\n').map((line) => {
    const columns = /^( *\S(?:.*?\S)?  +)(\S.*)$/.exec(line);
    // The first column's width in the columns it takes (a name with an emoji or an accent written apart), not its length.
    const head = columns?.[1];
    const wide = head === undefined ? 0 : displayWidth(head);
    if (columns && head !== undefined && wide <= width / 2) {
      return wrapText(columns[2], width - wide).map((l, i) => (i === 0 ? head : ' '.repeat(wide)) + l).join('\n');
    }
    const lead = /^ */.exec(line)![0];
    return wrapText(line.slice(lead.length), width - lead.length, lead ? 2 : 0).map((l) => lead + l).join('\n');
  }).join('\n');
}

/** Running text (an explanation, an introduction) wrapped to `width`, its lines and empty lines kept. */
export function wrapParagraphs(text: string, width: number): string {
  return text.trim().split('\n').map((line) => wrapText(line, width).join('\n')).join('\n');
}

/**
 * Text wrapped to `width`: at spaces, else after a hyphen, dash or slash inside a long word; a
 * piece longer than a whole line (which column widths avoid) is split as a last resort. Lines
 * after the first are indented by `indent`. A `civsam …` command is kept whole: on a line of its
 * own when it does not fit, longer than `width` if it must, except in a table's cell (`inCell`),
 * where it breaks between its arguments (see commandsKeptWhole).
 */
export function wrapText(text: string, width: number, indent = 0, { inCell = false }: { inCell?: boolean } = {}): string[] {
  if (text.length <= width && !text.includes('\n') && evenWidth(text)) return [text]; // most cells: nothing to do
  if (!evenWidth(text)) return wrapUneven(text, width, indent);
  const pad = ' '.repeat(Math.min(indent, Math.floor(width / 2)));
  const out: string[] = [];
  // A line after the first starts with the indentation.
  const fresh = () => (out.length ? pad : '');
  for (const paragraph of text.includes('\n') ? text.split('\n') : [text]) {
    if (!pad && !paragraph.includes('  ') && !keepsSpaces(paragraph) && !paragraph.includes('civsam')) {
      wrapWords(paragraph, width, out);
      continue;
    }
    let line = '';
    // Most paragraphs hold no command: those are not searched for one.
    const words = wordsOf(paragraph);
    for (const word of paragraph.includes('civsam') ? commandsKeptWhole(words, width - pad.length, !inCell) : words) {
      if (!word) continue;
      if (typeof word !== 'string') {
        // A command too long for a line has lines of its own.
        if (hasText(line)) out.push(line);
        line = '';
        for (const l of word.lines) out.push(fresh() + l);
        continue;
      }
      if ((line ? line.length + 1 : fresh().length) + word.length <= width) {
        line = line ? line + ' ' + word : fresh() + word;
        continue;
      }
      const parts = pieces(word);
      if (fresh().length + word.length <= width || parts.length === 1) {
        if (hasText(line)) out.push(line);
        line = '';
      }
      for (let p = 0; p < parts.length; p++) {
        const piece = parts[p];
        const gap = p === 0 ? 1 : 0;
        if ((line ? line.length + gap : fresh().length) + piece.length <= width) {
          line = line ? line + (gap ? ' ' : '') + piece : fresh() + piece;
          continue;
        }
        if (hasText(line)) out.push(line);
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

/**
 * wrapText's way with a line whose words are one space apart and lines that are not indented (a
 * table's cells, nearly all): the same lines, each a slice of the text, found by where its words
 * start and end; no word is copied, no line built up a word at a time.
 */
function wrapWords(paragraph: string, width: number, out: string[]): void {
  // The line so far: paragraph[from, to), none when `from` is below 0.
  let from = -1;
  let to = -1;
  const end = () => {
    if (from >= 0) {
      const line = paragraph.slice(from, to);
      if (hasText(line)) out.push(line);
    }
    from = -1;
  };
  for (let start = 0; start < paragraph.length; ) {
    let stop = paragraph.indexOf(' ', start);
    if (stop < 0) stop = paragraph.length;
    if (stop > start) {
      if ((from >= 0 ? to - from + 1 : 0) + stop - start <= width) {
        if (from < 0) from = start;
        to = stop;
      } else {
        const parts = pieces(paragraph.slice(start, stop));
        if (stop - start <= width || parts.length === 1) end();
        let at = start;
        for (let p = 0; p < parts.length; p++) {
          const next = at + parts[p].length;
          if ((from >= 0 ? to - from + (p === 0 ? 1 : 0) : 0) + next - at <= width) {
            if (from < 0) from = at;
            to = next;
          } else {
            end();
            let rest = at;
            while (next - rest > width) {
              out.push(paragraph.slice(rest, rest + width));
              rest += width;
            }
            from = rest;
            to = next;
          }
          at = next;
        }
      }
    }
    start = stop + 1;
  }
  if (from >= 0) out.push(paragraph.slice(from, to));
  else if (out.length === 0 || !paragraph.trim()) out.push('');
}

function longestLine(s: string): number {
  if (!s.includes('\n')) return displayWidth(s);
  let longest = 0;
  for (const l of s.split('\n')) longest = Math.max(longest, displayWidth(l));
  return longest;
}

/**
 * wrapText's way with text that holds an emoji, a wide or a zero-width character, measured in
 * the columns it takes (text-width.ts): at spaces; a word wider than a line between its
 * characters, never inside one (`👨‍👩‍👧` stays whole). Such text is rare, and is wrapped plainly.
 */
function wrapUneven(text: string, width: number, indent: number): string[] {
  const pad = ' '.repeat(Math.min(indent, Math.floor(width / 2)));
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = out.length ? pad : '';
    let used = line.length;
    let words = 0;
    const breakLine = () => {
      out.push(line);
      line = pad;
      used = pad.length;
      words = 0;
    };
    for (const word of paragraph.split(' ')) {
      if (!word) continue;
      const w = displayWidth(word);
      if (used + (words ? 1 : 0) + w <= width) {
        line += (words ? ' ' : '') + word;
        used += (words ? 1 : 0) + w;
        words++;
        continue;
      }
      // Wider than what is left of the line: on a line of its own when it fits one, else in its
      // pieces (after a hyphen, slash or a full stop in an address), each as far as the line has
      // room, and a piece wider than a line between its characters, never inside one.
      if (words && pad.length + w <= width) breakLine();
      if (used + (words ? 1 : 0) + w <= width) {
        line += (words ? ' ' : '') + word;
        used += (words ? 1 : 0) + w;
        words++;
        continue;
      }
      graphemePieces(word).forEach((piece, p) => {
        const gap = p === 0 && words ? 1 : 0;
        const pw = displayWidth(piece);
        if (used + gap + pw <= width) {
          line += (gap ? ' ' : '') + piece;
          used += gap + pw;
          words++;
          return;
        }
        if (words && pad.length + pw <= width) breakLine();
        else if (gap) {
          line += ' ';
          used += 1;
        }
        for (const g of graphemes(piece)) {
          const gw = displayWidth(g);
          if (used + gw > width && used > pad.length) breakLine();
          line += g;
          used += gw;
          words = 1;
        }
      });
    }
    if (words) out.push(line);
    else if (out.length === 0 || !paragraph.trim()) out.push('');
  }
  return out;
}

/** A word's pieces as pieces() finds them (breaksBefore), never parted inside a character (an emoji sequence, a letter and its marks). */
function graphemePieces(word: string): string[] {
  const out: string[] = [];
  let piece = '';
  let at = 0;
  const chars = graphemes(word);
  for (let k = 0; k < chars.length; k++) {
    piece += chars[k];
    at += chars[k].length;
    if (k + 1 < chars.length && breaksBefore(word, at)) {
      out.push(piece);
      piece = '';
    }
  }
  out.push(piece);
  return out;
}

/**
 * The longest piece a line cannot break inside, or `atLeast` when none is longer. Without an
 * amount, words end at spaces and line breaks, found by search; only a word longer than the
 * longest so far is looked into for its pieces.
 */
function longestWord(s: string, atLeast = 0): number {
  let longest = atLeast;
  if (!evenWidth(s)) {
    for (const line of s.split('\n')) for (const w of line.split(' ')) for (const p of graphemePieces(w)) longest = Math.max(longest, Math.min(displayWidth(p), LONG_PIECE));
    return longest;
  }
  if (keepsSpaces(s)) {
    for (const line of s.split('\n')) for (const w of line.split(SPACES)) for (const p of pieces(w)) longest = Math.max(longest, Math.min(p.length, LONG_PIECE));
    return longest;
  }
  let lineBreak = s.indexOf('\n');
  for (let start = 0; start < s.length;) {
    let end = s.indexOf(' ', start);
    if (end < 0) end = s.length;
    if (lineBreak >= 0 && lineBreak < start) lineBreak = s.indexOf('\n', start);
    if (lineBreak >= 0 && lineBreak < end) end = lineBreak;
    if (end - start > longest) longest = Math.max(longest, longestPiece(s, start, end));
    start = end + 1;
  }
  return longest;
}

/** The longest piece of the word s[start, end) (breaksBefore), at most LONG_PIECE. */
function longestPiece(s: string, start: number, end: number): number {
  let longest = 0;
  let from = start;
  const word = s.slice(start, end);
  for (let i = 1; i < word.length; i++) {
    if (breaksBefore(word, i)) {
      longest = Math.max(longest, start + i - from);
      from = start + i;
    }
  }
  return Math.min(Math.max(longest, end - from), LONG_PIECE);
}

/** CSV as Excel opens it (see ./csv.ts): numbers stay numbers, a styled cell gives its value (the number behind `1.250.000 kr.`). */
/** `closing`: lines after the tables and a blank row, each in its first cell (a note the file must carry). */
export function renderCsv(tables: Iterable<Table>, lang: Language, closing: readonly string[] = []): string {
  const field = (c: Cell): string | number => {
    if (isStyled(c)) return c.value === undefined ? c.text : field(c.value);
    return c ?? '';
  };
  const rows: Array<Array<string | number>> = [];
  for (const t of tables) {
    rows.push(t.columns.map((c) => c.header));
    for (const r of t.rows) rows.push(t.columns.map((_, i) => field(r[i])));
  }
  if (closing.length > 0) rows.push([], ...closing.map((line) => [line]));
  return encodeCsv(rows, { delimiter: csvDelimiter(lang), lang });
}

/**
 * Text as Markdown shows it, never as markup: HTML (`<script>`, `<img onerror=…>`) is shown as
 * text (&lt; &gt;), and the characters that would end a table cell (`|`), start code (backticks),
 * form a link (`[x](javascript:…)`, `[x][1]`) or make emphasis or strike-through (`*`, and `_` or `~` where it is not inside
 * a word, as in `a_b` of an address) are escaped, so a cell can hold no link and no markup at all;
 * a plain http(s) address may still be linked by the viewer, nothing else. An `&`
 * stays as written (Markdown is not HTML: `Sind & Sjæl` shows as itself), except before what a
 * viewer would read as a character reference (`amp;`, `#38;`), where it is written `&amp;`.
 * Line breaks become civsam's own `<br>`.
 */
export function markdownText(s: string): string {
  return s
    // `~` as `_`: not inside a word, nor after a `/` (an address's `/~user`), else `~~Midt~~` is struck through.
    .replace(/[\\`|[\]*]|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])|(?<![\p{L}\p{N}/])~|~(?![\p{L}\p{N}])/gu, (c) => `\\${c}`)
    .replace(/&(?=#?[A-Za-z0-9]+;)|[<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'))
    .replace(/\r\n?|\n/g, '<br>');
}

/** Markdown for pasting into a case document. */
export function renderMarkdown(tables: Iterable<Table>, lang: Language, heading?: string): string {
  const parts: string[] = [];
  writeMarkdown(tables, lang, heading, (text) => parts.push(text));
  return parts.join('');
}

/** The Markdown renderMarkdown gives, handed to `sink` a table row at a time. */
export function writeMarkdown(tables: Iterable<Table>, lang: Language, heading: string | undefined, sink: TextSink): void {
  const md = (c: Cell) => {
    const text = markdownText(cellText(c, lang));
    return isStyled(c) && text && (c.tone === 'bad' || c.tone === 'strong') ? `**${text}**` : text;
  };
  // Headings and notes stand outside the table: their line breaks stay line breaks.
  const prose = (s: string) => s.split(/\r\n?|\n/).map(markdownText).join('\n');
  // A heading's first line is the title; each line after it (a report's selection, its history) is
  // a paragraph of its own, since Markdown joins consecutive lines into one.
  if (heading) {
    const [title, ...lines] = heading.split(/\r\n?|\n/);
    sink(`# ${markdownText(title ?? '')}\n\n`);
    for (const l of lines) if (l.trim()) sink(`${markdownText(l)}\n\n`);
  }
  for (const t of tables) {
    if (t.title) sink(`## ${prose(t.title)}\n\n`);
    if (t.rows.length === 0 && t.notes?.some((n) => n)) {
      // No rows, and notes that say why: the notes alone, as on a terminal.
      sink(t.notes.filter((n) => n).map(prose).join('\n\n') + '\n\n');
      continue;
    }
    sink(`| ${t.columns.map((c) => markdownText(c.header)).join(' | ')} |\n`);
    sink(`| ${t.columns.map((c) => (c.align === 'right' ? '---:' : '---')).join(' | ')} |\n`);
    for (const r of t.rows) sink(`| ${t.columns.map((_, i) => md(r[i])).join(' | ')} |\n`);
    for (const n of t.notes ?? []) if (n) sink(`\n${prose(n)}\n`);
    sink('\n');
  }
}
