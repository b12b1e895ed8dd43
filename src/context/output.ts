// Where a command's report goes and in which format: --format, or inferred from --output FILE's
// extension; written to stdout, or atomically to the file.
import { extname, resolve } from 'node:path';
import { UserError } from '../domain/errors.js';
import { terminalSafe } from '../i18n/terminal-text.js';
import { writeFileAtomic as writeAtomically } from '../store/atomic-file.js';
import { renderCsv, renderMarkdown, wrapText, writeTerminalTable, type Table } from '../output/table.js';
import { makeChalk } from '../output/colors.js';
import type { CommandContext } from './context.js';

export type Format = 'table' | 'json' | 'csv' | 'md';
const BY_EXTENSION: Record<string, Format> = { '.json': 'json', '.csv': 'csv', '.md': 'md', '.markdown': 'md', '.txt': 'table' };

export function chooseFormat(opts: { format?: string; output?: string }): Format {
  if (opts.format) return opts.format as Format;
  if (opts.output) {
    const f = BY_EXTENSION[extname(opts.output).toLowerCase()];
    if (!f) throw new UserError('error.outputExtension', { extensions: Object.keys(BY_EXTENSION).join(', ') });
    return f;
  }
  return 'table';
}

export interface Rendered {
  /** The report's data, for --format json (a stable, documented shape). */
  json: unknown;
  /** The report as tables, for the terminal, CSV and Markdown. */
  tables: Table[];
  /** Tables for CSV when a spreadsheet wants another layout (one flat table rather than sections), or a function making them; default `tables`. */
  csv?: Table[] | (() => Table[]);
  /** A heading for Markdown and the terminal. */
  heading?: string;
}

/** Writes the report in the chosen format. */
export function emit(ctx: CommandContext, opts: { format?: string; output?: string }, report: Rendered): void {
  const format = chooseFormat(opts);
  const toFile = opts.output !== undefined;
  let text: string;
  switch (format) {
    case 'json': text = JSON.stringify(report.json, null, 2) + '\n'; break;
    case 'csv': text = renderCsv((typeof report.csv === 'function' ? report.csv() : report.csv) ?? report.tables, ctx.lang); break;
    case 'md': text = renderMarkdown(report.tables, ctx.lang, report.heading); break;
    default: {
      // Tables go out as they are drawn, a few kilobytes at a time (see writeTerminalTable); to a
      // file, as bytes gathered for the one atomic write.
      const color = toFile ? makeChalk(0) : ctx.color;
      const width = toFile ? 120 : ctx.stdout.isTTY ? ctx.stdout.columns : Number(ctx.env.COLUMNS) || 100;
      const bytes: Buffer[] = [];
      const sink = toFile ? (piece: string) => { bytes.push(Buffer.from(piece)); } : (piece: string) => ctx.stdout.write(piece);
      if (report.heading) sink(wrapText(terminalSafe(report.heading), Math.max(width, 30)).map((l) => color.bold(l)).join('\n') + '\n\n');
      report.tables.forEach((t, i) => {
        if (i > 0) sink('\n');
        writeTerminalTable(t, ctx.lang, width, color, sink);
      });
      if (toFile) writeFileAtomic(resolve(ctx.cwd, opts.output!), Buffer.concat(bytes));
      return;
    }
  }
  if (toFile) writeFileAtomic(resolve(ctx.cwd, opts.output!), text);
  else ctx.stdout.write(text);
}

/**
 * Writes a report to a file through civsam's one atomic writer: never a partial file, the old one
 * kept whole if the disk is full. A folder that is missing or not ours to write reaches the user
 * through the one file-system message (cli/main.ts), naming the file and the system's code.
 */
export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  writeAtomically(path, content, { mode: 0o640 });
}
