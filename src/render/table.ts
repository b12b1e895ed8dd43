// A report's tables as data, and the renderers that turn them into terminal tables, CSV and
// Markdown. Report builders produce `Table`s (or their own JSON); nothing here knows a domain.
import Table3 from 'cli-table3';
import type { ChalkInstance } from 'chalk';
import type { Language } from '../i18n/index.js';
import { formatNumber } from './format.js';

export type Cell = string | number | null | undefined;

export interface Column {
  /** Header text, already translated. */
  header: string;
  align?: 'left' | 'right';
}

export interface Table {
  /** A heading above the table, already translated (optional). */
  title?: string;
  columns: Column[];
  rows: Cell[][];
  /** Lines under the table (totals, notes), already translated. */
  notes?: string[];
}

function cellText(c: Cell, lang: Language): string {
  if (c === null || c === undefined) return '';
  return typeof c === 'number' ? formatNumber(c, lang, Number.isInteger(c) ? 0 : 2) : c;
}

/**
 * Column widths that fit `width` characters: every column gets what it needs when that fits;
 * otherwise the widest columns give up space first, none below the length of its longest word,
 * so text wraps at word boundaries and is never cut.
 */
export function fitWidths(natural: number[], minimum: number[], width: number): number[] {
  const borders = natural.length * 3 + 1;
  const widths = [...natural];
  let excess = widths.reduce((a, b) => a + b, 0) + borders - width;
  while (excess > 0) {
    let widest = -1;
    for (let i = 0; i < widths.length; i++) if (widths[i] > minimum[i] && (widest < 0 || widths[i] > widths[widest])) widest = i;
    if (widest < 0) break; // cannot shrink further: the terminal will wrap the lines
    widths[widest]--;
    excess--;
  }
  return widths;
}

export function renderTerminalTable(table: Table, lang: Language, width: number, color: ChalkInstance): string {
  const texts = table.rows.map((r) => r.map((c) => cellText(c, lang)));
  const headers = table.columns.map((c) => c.header);
  const natural = headers.map((h, i) => Math.max(h.length, ...texts.map((r) => longestLine(r[i] ?? ''))) + 2);
  const minimum = headers.map((h, i) => Math.min(natural[i], Math.max(longestWord(h), ...texts.map((r) => longestWord(r[i] ?? '')), 4) + 2));
  const colWidths = fitWidths(natural, minimum, Math.max(width, 40));
  const t = new Table3({
    head: headers.map((h) => color.bold(h)),
    colWidths,
    wordWrap: true,
    wrapOnWordBoundary: true,
    colAligns: table.columns.map((c) => c.align ?? 'left'),
    style: { head: [], border: [], compact: false },
  });
  for (const r of texts) t.push(r);
  let out = '';
  if (table.title) out += color.bold(table.title) + '\n';
  out += t.toString() + '\n';
  for (const n of table.notes ?? []) out += n + '\n';
  return out;
}

function longestLine(s: string): number {
  return Math.max(0, ...s.split('\n').map((l) => l.length));
}
function longestWord(s: string): number {
  return Math.max(0, ...s.split(/\s+/).map((w) => w.length));
}

/** CSV as Excel opens it: UTF-8 with BOM; `;` and decimal comma in Danish, `,` and a point in English. */
export function renderCsv(tables: Table[], lang: Language): string {
  const sep = lang === 'da' ? ';' : ',';
  const quote = (s: string) => (/[";,\n\r]/.test(s) || /^[=+\-@]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const num = (n: number) => (lang === 'da' ? String(n).replace('.', ',') : String(n));
  const lines: string[] = [];
  for (const t of tables) {
    lines.push(t.columns.map((c) => quote(c.header)).join(sep));
    for (const r of t.rows) lines.push(r.map((c) => (typeof c === 'number' ? num(c) : quote(c ?? ''))).join(sep));
  }
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

/** Markdown for pasting into a case document. */
export function renderMarkdown(tables: Table[], lang: Language, heading?: string): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, '<br>');
  let out = heading ? `# ${heading}\n\n` : '';
  for (const t of tables) {
    if (t.title) out += `## ${t.title}\n\n`;
    out += `| ${t.columns.map((c) => esc(c.header)).join(' | ')} |\n`;
    out += `| ${t.columns.map((c) => (c.align === 'right' ? '---:' : '---')).join(' | ')} |\n`;
    for (const r of t.rows) out += `| ${r.map((c) => esc(cellText(c, lang))).join(' | ')} |\n`;
    for (const n of t.notes ?? []) out += `\n${n}\n`;
    out += '\n';
  }
  return out;
}
