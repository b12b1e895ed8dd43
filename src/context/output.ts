// Where a command's report goes and in which format: --format, or inferred from --output FILE's
// extension; written to stdout, or atomically to the file.
import { basename, dirname, extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { UserError } from '../domain/errors.js';
import type { MessageKey } from '../i18n/index.js';
import { terminalSafe } from '../i18n/terminal-text.js';
import { writeFileAtomic as writeAtomically } from '../store/atomic-file.js';
import { removeLeftoverTemporaries } from '../store/leftover-temporaries.js';
import { notRegularMessage, outputTarget } from '../store/read-file.js';
import { isInsideFolder, pathExists, realPath } from '../store/paths.js';
import { FOLDER_OF, RECORD_KINDS } from '../domain/kinds.js';
import { dataFolderName } from './data-folder.js';
import { resolveDataDir } from './load.js';
import { refuseUnreadablePath } from '../domain/path-check.js';
import { renderCsv, wrapText, writeMarkdown, writeTerminalTable, type Table, type TextSink } from '../output/table.js';
import { writeJson } from '../output/json.js';
import { makeChalk } from '../output/colors.js';
import { andList } from '../i18n/index.js';
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
  /** The report as tables, for the terminal, CSV and Markdown: a list, or made one at a time as they are written (read once). */
  tables: Iterable<Table>;
  /** Tables for CSV when a spreadsheet wants another layout (one flat table rather than sections), or a function making them; default `tables`. */
  csv?: Table[] | (() => Table[]);
  /** A heading for Markdown and the terminal. */
  heading?: string;
  /**
   * Lines CSV ends with, after a blank row, one cell each (what the report could not count): a
   * spreadsheet opened on its own carries them, as the notes under a table do on screen and in Markdown.
   */
  closing?: readonly string[];
}

/**
 * How many characters of output are gathered before they are written: few writes, and each piece
 * small enough for the young heap (a string over some 100 kB is made straight in the old one and
 * stays there until a full collection).
 */
const CHUNK_CHARS = 16 * 1024;

/** A sink that hands `write` the pieces it is given, gathered into chunks of some kilobytes; `flush` writes what is left. */
function chunked(write: (text: string) => void): { sink: TextSink; flush(): void } {
  let parts: string[] = [];
  let size = 0;
  const flush = () => {
    if (parts.length > 0) write(parts.length === 1 ? parts[0] : parts.join(''));
    parts = [];
    size = 0;
  };
  return {
    sink: (piece) => {
      parts.push(piece);
      size += piece.length;
      if (size >= CHUNK_CHARS) flush();
    },
    flush,
  };
}

/**
 * Writes the report in the chosen format: to stdout as it is rendered, a chunk at a time; to a file,
 * as bytes gathered for the one atomic write.
 */
export function emit(ctx: CommandContext, opts: { format?: string; output?: string }, report: Rendered): void {
  const format = chooseFormat(opts);
  const toFile = opts.output !== undefined;
  const bytes: Buffer[] = [];
  const out = chunked(toFile ? (text) => { bytes.push(Buffer.from(text)); } : (text) => ctx.stdout.write(text));
  const sink = out.sink;
  const leftOut = new Set<string>();
  switch (format) {
    case 'json': writeJson(report.json, sink); break;
    case 'csv': sink(renderCsv((typeof report.csv === 'function' ? report.csv() : report.csv) ?? report.tables, ctx.lang, report.closing)); break;
    case 'md': writeMarkdown(report.tables, ctx.lang, report.heading, sink); break;
    default: {
      // Tables go out as they are drawn, a few kilobytes at a time (see writeTerminalTable).
      const color = toFile ? makeChalk(0) : ctx.color;
      const width = toFile ? 120 : ctx.stdout.isTTY ? ctx.stdout.columns : Number(ctx.env.COLUMNS) || 100;
      if (report.heading) sink(wrapText(terminalSafe(report.heading), Math.max(width, 30)).map((l) => color.bold(l)).join('\n') + '\n\n');
      let i = 0;
      for (const t of report.tables) {
        if (i++ > 0) sink('\n');
        for (const header of writeTerminalTable(t, ctx.lang, width, color, sink)) leftOut.add(header);
      }
    }
  }
  out.flush();
  if (toFile) writeOutputFile(ctx, opts.output!, Buffer.concat(bytes));
  // Columns a narrow window had no room for: said after the table, with where to see them.
  if (leftOut.size > 0) ctx.stderr.write(ctx.t('output.columnsLeftOut', { count: leftOut.size, columns: andList([...leftOut]) }) + '\n');
}

export interface OutputFileOptions {
  /** false: a file people go on to fill in or correct (an export, a scoring sheet), never replaced unless --overwrite. */
  replace?: boolean;
  /**
   * A file that must not be anywhere in the data folder (a scoring sheet names its assessor, and
   * only civsam's own files belong there): refused with this message, given {file} and {data}.
   */
  outsideData?: MessageKey;
}

/**
 * Writes a report to the file the user named (`--output`): refused on the data folder's own places
 * (civsamOwnPath), or anywhere in it with `outsideData`, then written by writeFileAtomic below.
 * With `replace: false` an existing file is refused, never replaced.
 */
export function writeOutputFile(ctx: CommandContext, path: string, content: string | Uint8Array, options: OutputFileOptions = {}): void {
  const target = resolve(ctx.cwd, path);
  let dataDir: string | undefined;
  try {
    dataDir = resolveDataDir(ctx);
  } catch {
    dataDir = undefined; // no data folder: nothing to keep it out of
  }
  if (dataDir !== undefined && options.outsideData && isInsideFolder(dataDir, target)) throw new UserError(options.outsideData, { file: path, data: dataFolderName(ctx) });
  if (dataDir !== undefined && civsamOwnPath(dataDir, target)) throw new UserError('output.insideData', { file: path, dir: dataDir });
  if (options.replace === false) refuseReplacing(path, target);
  writeFileAtomic(target, content);
}

/** Refuses to write over something at `target` (`path` as the user gave it): --overwrite says it may. */
function refuseReplacing(path: string, target: string): void {
  if (pathExists(target)) throw new UserError('output.exists', { file: path });
}

/**
 * Whether a path (through any link) is one of the data folder's own: its settings and model, a
 * record folder, the vocabularies, the schemas, or a hidden name (.git, the lock). A report there
 * would replace a record or the settings (the atomic writer renames over whatever is there) or be
 * read as one. Another name at the top of the folder (`rapport.md`, written by someone standing in
 * it) is nobody's record and is left to the user.
 */
function civsamOwnPath(dataDir: string, target: string): boolean {
  const rel = relative(realPath(dataDir), realPath(target));
  if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return false;
  const first = rel.split(sep)[0];
  return rel === '' || first.startsWith('.') || OWN_NAMES.has(first);
}
const OWN_NAMES = new Set<string>(['civsam.yaml', 'model.yaml', 'vocabularies', 'schemas', ...RECORD_KINDS.map((k) => FOLDER_OF[k])]);

/**
 * Writes a file the user named (a report, a file of rejected rows, a hook) through civsam's one
 * atomic writer: never a partial file, the old one kept whole if the disk is full. A path whose name
 * is not UTF-8 is refused. Only an ordinary file is replaced (through a link, the file it leads to);
 * a named pipe, a device or a link to one is refused (store/read-file.ts outputTarget). A folder
 * that is missing or not ours to write reaches the user through the one file-system message
 * (cli/main.ts), naming the file and the system's code. A temporary file of this same file left by
 * a run that was killed while writing it (kill -9, a power cut, a Ctrl-C in the middle of the
 * write) is removed first; nothing else in the folder is touched.
 */
export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  refuseUnreadablePath(path);
  const target = outputTarget(path);
  if ('refused' in target) throw new UserError('output.notRegular', { file: path, what: notRegularMessage(target.refused) });
  removeLeftoverTemporaries(dirname(target.path), { of: basename(target.path) });
  writeAtomically(target.path, content, { mode: 0o640 });
}
