// The renderers that turn a report's tables (report/table.ts) into terminal tables, CSV and
// Markdown. Nothing here knows a domain.
import type { ChalkInstance } from 'chalk';
import type { Language } from '../i18n/index.js';
import { terminalSafe } from '../i18n/terminal-text.js';
import { csvDelimiter, encodeCsv } from './csv.js';
import { formatNumber } from '../i18n/format.js';

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

export function renderTerminalTable(table: Table, lang: Language, width: number, color: ChalkInstance): string {
  width = Math.max(width, 30);
  const texts = table.rows.map((r) => table.columns.map((_, i) => terminalSafe(cellText(r[i], lang))));
  const headers = table.columns.map((c) => terminalSafe(c.header));
  const natural = headers.map((h) => longestLine(h));
  const minimum = headers.map((h) => Math.max(longestWord(h), 1));
  for (const r of texts) {
    for (let i = 0; i < headers.length; i++) {
      if (r[i].length > natural[i] || r[i].includes('\n')) natural[i] = Math.max(natural[i], longestLine(r[i]));
      if (r[i].length > minimum[i]) minimum[i] = Math.max(minimum[i], longestWord(r[i]));
    }
  }
  for (let i = 0; i < headers.length; i++) {
    natural[i] += 2;
    minimum[i] = Math.min(natural[i], minimum[i] + 2);
  }
  const shown = headers.map((_, i) => i).filter((i) => i !== table.groupColumn);
  const pick = (list: number[], cols: number[]) => cols.map((i) => list[i]);
  let out = '';
  // A long title wraps like the notes do: the table fits the terminal, its title too.
  if (table.title) out += wrapText(terminalSafe(table.title), width).map((l) => color.bold(l)).join('\n') + '\n';
  const keyColumns = table.groupColumn === undefined ? table.keyColumns : undefined;
  const chunks = keyColumns && keyColumns < headers.length && tableWidth(natural) > width ? chunkColumns(keyColumns, natural, minimum, width) : undefined;
  if (chunks && chunks.length > 1) {
    out += chunks.map((chunk) => drawTable(table, texts, chunk.cols, chunk.widths, color)).join('');
  } else if (tableWidth(pick(minimum, shown)) <= width) {
    const widths = fitWidths(pick(natural, shown), pick(minimum, shown), width);
    if (table.groupColumn !== undefined) {
      // The group labels run across the table: widen its last column when they need more room.
      let want = 0;
      for (const r of texts) want = Math.max(want, longestLine(r[table.groupColumn]));
      want = Math.min(want, width - 4);
      const have = tableWidth(widths) - 4;
      if (want > have) widths[widths.length - 1] += want - have;
    }
    out += drawTable(table, texts, shown, widths, color);
  } else {
    out += drawList(table, texts, width, color);
  }
  for (const n of table.notes ?? []) out += wrapText(terminalSafe(n), width).join('\n') + '\n';
  return out;
}

/**
 * The non-key columns split into consecutive groups that each fit beside the key columns, with
 * the widths to draw each group at: key columns as wide as they need up to half the width (else two
 * fifths of it), the others as wide as their content allows. Groups are evened out so the last one
 * is not a lone column.
 * Undefined when one column alone does not fit.
 */
function chunkColumns(keyColumns: number, natural: number[], minimum: number[], width: number): Array<{ cols: number[]; widths: number[] }> | undefined {
  const keys = Array.from({ length: keyColumns }, (_, i) => i);
  // A key column gets its whole width when that is at most half the terminal, else two fifths of it.
  const keyWidths = keys.map((i) => (natural[i] <= width / 2 / keyColumns ? natural[i] : Math.max(minimum[i], Math.min(natural[i], Math.floor((width * 2) / 5 / keyColumns)))));
  // What a column asks for when deciding where groups break: its content, up to a readable width.
  const preferred = natural.map((n, i) => Math.min(n, Math.max(minimum[i], 26)));
  const fits = (cols: number[]) => tableWidth([...keyWidths, ...cols.map((i) => preferred[i])]) <= width;
  const greedy: number[][] = [];
  let current: number[] = [];
  for (let i = keyColumns; i < natural.length; i++) {
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
    i--; // this column starts the next group
  }
  if (current.length) greedy.push(current);
  const rest = natural.length - keyColumns;
  const size = Math.ceil(rest / greedy.length);
  const even = Array.from({ length: greedy.length }, (_, k) => Array.from({ length: Math.max(0, Math.min(size, rest - k * size)) }, (_, j) => keyColumns + k * size + j)).filter((c) => c.length);
  const groups = even.length === greedy.length && even.every(fits) ? even : greedy;
  return groups.map((cols) => ({
    cols: [...keys, ...cols],
    widths: fitWidths([...keyWidths, ...cols.map((i) => natural[i])], [...keyWidths, ...cols.map((i) => minimum[i])], width),
  }));
}

interface BoxRow {
  /** One text per column (lines apart by \n), already wrapped to fit; or one text across the table. */
  cells: string[];
  tones: Array<Tone | undefined>;
  span?: boolean;
}

function drawTable(table: Table, texts: string[][], cols: number[], colWidths: number[], color: ChalkInstance): string {
  // Cells are wrapped here (at spaces, else after hyphens): never cut mid-word where a line can break.
  // A cell indented with no-break spaces (a tree's levels) keeps its indentation on every line.
  const wrap = (text: string, w: number) => text.split('\n').flatMap((l) => wrapText(l, w, /^\u00a0*/.exec(l)![0].length)).join('\n');
  const g = table.groupColumn;
  const spanWidth = colWidths.reduce((a, b) => a + b, 0) + cols.length - 1 - 2;
  const rows: BoxRow[] = [];
  texts.forEach((r, ri) => {
    const tone = (i: number) => {
      const c = table.rows[ri][i];
      return isStyled(c) ? c.tone : undefined;
    };
    if (g !== undefined && r[g]) rows.push({ cells: [wrap(r[g], spanWidth)], tones: [tone(g)], span: true });
    rows.push({ cells: cols.map((i, k) => wrap(r[i], colWidths[k] - 2)), tones: cols.map(tone) });
  });
  const header: BoxRow = { cells: cols.map((i, k) => wrap(terminalSafe(table.columns[i].header), colWidths[k] - 2)), tones: cols.map(() => 'strong' as const) };
  // Without lines between rows, a row that wraps would run into the next: compact only when none does.
  const compact = (table.compact ?? false) && rows.every((r) => r.cells.every((c) => !c.includes('\n')));
  return drawBox(colWidths, cols.map((i) => table.columns[i].align ?? 'left'), header, rows, compact, color);
}

/**
 * Box drawing in cli-table3's style (┌─┬─┐ │ ├─┼─┤ └─┴─┘, one space of padding), done here because
 * cli-table3 spends about 0.4 ms a row and grows faster than the rows (4,000 rows: 3 s), too slow
 * for an overview of a large registry. Cells arrive wrapped; colour goes on the text, not the padding.
 */
function drawBox(widths: number[], aligns: Array<'left' | 'right'>, header: BoxRow, rows: BoxRow[], compact: boolean, color: ChalkInstance): string {
  const total = widths.reduce((a, b) => a + b, 0) + widths.length - 1;
  const out: string[] = [];
  // A border line: at each column boundary, whether the row above and the row below have one there.
  const border = (left: string, right: string, above: boolean, below: boolean, bottom = false, top = false) => {
    const joint = above && below ? '┼' : above ? '┴' : below ? '┬' : '─';
    const inner = top ? (below ? '┬' : '─') : bottom ? (above ? '┴' : '─') : joint;
    return left + widths.map((w) => '─'.repeat(w)).join(inner) + right;
  };
  const line = (row: BoxRow) => {
    const cellLines = row.cells.map((c) => c.split('\n'));
    const height = Math.max(1, ...cellLines.map((l) => l.length));
    for (let k = 0; k < height; k++) {
      if (row.span) {
        const text = cellLines[0][k] ?? '';
        out.push(`│ ${toned(text, row.tones[0], color)}${' '.repeat(Math.max(0, total - 2 - text.length))} │`);
        continue;
      }
      out.push('│' + cellLines.map((lines, c) => {
        const text = lines[k] ?? '';
        const pad = ' '.repeat(Math.max(0, widths[c] - 2 - text.length));
        const shown = toned(text, row.tones[c], color);
        return ' ' + (aligns[c] === 'right' ? pad + shown : shown + pad) + ' ';
      }).join('│') + '│');
    }
  };
  out.push(border('┌', '┐', false, true, false, true));
  line(header);
  let above = header;
  for (const row of rows) {
    if (above === header || !compact || row.span || above.span) out.push(border('├', '┤', !above.span, !row.span));
    line(row);
    above = row;
  }
  out.push(border('└', '┘', !above.span, false, true));
  return out.join('\n') + '\n';
}

/** Each row as `header: value` lines, wrapped to the width, rows apart by a blank line; a group's label as a heading above it. */
function drawList(table: Table, texts: string[][], width: number, color: ChalkInstance): string {
  const g = table.groupColumn;
  const inner = g === undefined ? width : width - 2; // records under a group label are indented by two
  let out = '';
  texts.forEach((r, ri) => {
    if (g !== undefined && r[g]) {
      const c = table.rows[ri][g];
      out += (out ? '\n' : '') + wrapText(r[g], width).map((l) => color.bold(toned(l, isStyled(c) ? c.tone : undefined, color))).join('\n') + '\n';
    }
    const lines: string[] = [];
    r.forEach((text, i) => {
      if (!text || i === g) return;
      const c = table.rows[ri][i];
      const tone = isStyled(c) ? c.tone : undefined;
      const label = `${terminalSafe(table.columns[i].header)}: `;
      const [first, ...more] = text.split('\n');
      const wrapped = wrapText(label + first, inner, 2);
      wrapped[0] = color.bold(label.trimEnd()) + ' ' + toned(wrapped[0].slice(label.length), tone, color);
      for (let k = 1; k < wrapped.length; k++) wrapped[k] = toned(wrapped[k], tone, color);
      for (const line of more) wrapped.push(...wrapText(line, inner - 2).map((l) => `  ${toned(l, tone, color)}`));
      lines.push(...wrapped);
    });
    if (lines.length) out += (out && !(g !== undefined && r[g]) ? '\n' : '') + lines.map((l) => (g !== undefined ? `  ${l}` : l)).join('\n') + '\n';
  });
  return out;
}

/** Where a line may break: at spaces, except inside an amount or share (`1.250.000 kr.`, `DKK 1,250`, `42,5 %`). */
const SPACES = /(?<!\bDKK) +(?!kr\.|%)/;

/** A word's pieces that may end a line: after a hyphen, dash or slash (`Ringkøbing-` `Skjern`). */
function pieces(word: string): string[] {
  return word.match(/[^-–/]+[-–/]*|[-–/]+/g) ?? [word];
}

/**
 * Text wrapped to `width`: at spaces, else after a hyphen, dash or slash inside a long word; a
 * piece longer than a whole line (which column widths avoid) is split as a last resort. Lines
 * after the first are indented by `indent`.
 */
export function wrapText(text: string, width: number, indent = 0): string[] {
  if (text.length <= width && !text.includes('\n')) return [text]; // most cells: nothing to do
  const pad = ' '.repeat(Math.min(indent, Math.floor(width / 2)));
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    const fresh = () => (out.length ? pad : '');
    const flush = () => {
      if (line.trim()) out.push(line);
      line = '';
    };
    for (const word of paragraph.split(SPACES).filter(Boolean)) {
      if ((line ? `${line} ${word}` : fresh() + word).length <= width) {
        line = line ? `${line} ${word}` : fresh() + word;
        continue;
      }
      if ((fresh() + word).length <= width || pieces(word).length === 1) {
        flush();
      }
      let first = true;
      for (const piece of pieces(word)) {
        const joined = line ? line + (first ? ' ' : '') + piece : fresh() + piece;
        first = false;
        if (joined.length <= width) {
          line = joined;
          continue;
        }
        flush();
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

function longestLine(s: string): number {
  if (!s.includes('\n')) return s.length;
  let longest = 0;
  for (const l of s.split('\n')) longest = Math.max(longest, l.length);
  return longest;
}
/** The longest piece a line cannot break inside. */
function longestWord(s: string): number {
  if (!/[\s\-–/]/.test(s)) return s.length;
  let longest = 0;
  for (const line of s.split('\n')) for (const w of line.split(SPACES)) for (const p of pieces(w)) longest = Math.max(longest, p.length);
  return longest;
}

/** CSV as Excel opens it (see ./csv.ts): numbers stay numbers, a styled cell gives its value (the number behind `1.250.000 kr.`). */
export function renderCsv(tables: Table[], lang: Language): string {
  const field = (c: Cell): string | number => {
    if (isStyled(c)) return c.value === undefined ? c.text : field(c.value);
    return c ?? '';
  };
  const rows: Array<Array<string | number>> = [];
  for (const t of tables) {
    rows.push(t.columns.map((c) => c.header));
    for (const r of t.rows) rows.push(t.columns.map((_, i) => field(r[i])));
  }
  return encodeCsv(rows, { delimiter: csvDelimiter(lang), lang });
}

/**
 * Text as Markdown shows it, never as markup: HTML (`<script>`, `<img onerror=…>`) is shown as
 * text (&lt; &gt; &amp;), and the characters that would end a table cell (`|`), start code
 * (backticks) or form a link (`[x](javascript:…)`, `[x][1]`) are escaped, so a cell can hold no link
 * and no markup at all; a plain http(s) address may still be linked by the viewer, nothing else.
 * Line breaks become civsam's own `<br>`.
 */
export function markdownText(s: string): string {
  return s
    .replace(/[\\`|[\]]/g, (c) => `\\${c}`)
    .replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'))
    .replace(/\r\n?|\n/g, '<br>');
}

/** Markdown for pasting into a case document. */
export function renderMarkdown(tables: Table[], lang: Language, heading?: string): string {
  const md = (c: Cell) => {
    const text = markdownText(cellText(c, lang));
    return isStyled(c) && text && (c.tone === 'bad' || c.tone === 'strong') ? `**${text}**` : text;
  };
  // Headings and notes stand outside the table: their line breaks stay line breaks.
  const prose = (s: string) => s.split(/\r\n?|\n/).map(markdownText).join('\n');
  let out = heading ? `# ${prose(heading)}\n\n` : '';
  for (const t of tables) {
    if (t.title) out += `## ${prose(t.title)}\n\n`;
    out += `| ${t.columns.map((c) => markdownText(c.header)).join(' | ')} |\n`;
    out += `| ${t.columns.map((c) => (c.align === 'right' ? '---:' : '---')).join(' | ')} |\n`;
    for (const r of t.rows) out += `| ${t.columns.map((_, i) => md(r[i])).join(' | ')} |\n`;
    for (const n of t.notes ?? []) if (n) out += `\n${prose(n)}\n`;
    out += '\n';
  }
  return out;
}
