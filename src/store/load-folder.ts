// Reads a whole data folder: every file, safely, into plain data plus every problem found.
// Nothing here throws for bad data; the folder is reported as it is. Only a data folder that cannot
// be listed at all throws (the system's error, which the command line tells as such).
import { closeSync, existsSync, lstatSync, readdirSync, realpathSync, statSync, type BigIntStats, type Dirent } from 'node:fs';
import { join } from 'node:path';
import { FOLDER_OF, RECORD_KINDS, VOCABULARIES, type RecordKind, type VocabularyName } from '../domain/kinds.js';
import { fileSystemReasonOf } from '../domain/errors.js';
import type { Message, MessageParams } from '../i18n/index.js';
import { noCache, parseSnapshotText, type FolderListing, type ParseCache } from './parse-cache.js';
import { startStatWorker, statFiles, type FileStats } from './stat-files.js';
import { putIdentity } from './file-identity.js';
import { folderOutside, followLinkWithin, kindOf, limitMessage, notRegularMessage, openRegular, readUpTo, type NotRegular } from './read-file.js';
import { bytesNamer } from './raw-names.js';
import { INTEGER_FIELDS } from '../generated/integer-fields.js';
import { MAX_FILE_BYTES, THOUSANDS, commentsAfterPlainValues, decode, locate, parseFast, parseStrict, type PathSegment, type Position, type StrictParse } from './yaml-read.js';

export interface Problem extends Position {
  /** The file, relative to the data folder, with forward slashes. */
  file: string;
  rule: string;
  severity: 'error' | 'warning';
  message: Message;
}

export type FileRole =
  | { role: 'settings' }
  | { role: 'model' }
  | { role: 'vocabulary'; name: VocabularyName }
  | { role: 'record'; kind: RecordKind; id: string };

export interface SourceFile {
  rel: string;
  what: FileRole;
  /** The parsed data; undefined when the file could not be parsed. */
  data: unknown;
}

export interface RawFolder {
  dir: string;
  files: SourceFile[];
  problems: Problem[];
  /** Finds where a path sits in a file, parsing it with positions on demand. */
  position(rel: string, path: readonly PathSegment[], at?: 'key' | 'value'): Position;
  /**
   * A file's text parsed as YAML, on demand: for a file refused before parsing (a number written
   * so that YAML would misread it), so the rest of what is wrong with it can be said in the same run.
   */
  parsed?(rel: string): StrictParse;
  /**
   * Whether the file's data is known, from the snapshot of an earlier run of this same build, to
   * pass every check of its own (its schema, its characters); then those need not run again.
   */
  passed?(rel: string, file?: SourceFile): boolean;
  /**
   * The folder's problems as checked before, when nothing it holds has changed since (every file
   * taken from the snapshot of a run of this same build): checking again would find the same.
   */
  verdict?(): readonly Problem[] | undefined;
  /**
   * The snapshot's last verdict, with the files it was for, when the listing's own problems are as
   * they were then; and which files were read again this time (changed since, or never in it).
   */
  previous?(): { problems: readonly Problem[]; files: readonly string[]; changed: readonly string[] } | undefined;
  /**
   * Told the folder's verdict once it is checked: the snapshot keeps it and which files passed, and
   * is saved. A verdict `patched` from the last one is kept only when the snapshot is written anyway.
   */
  checked?(problems: readonly Problem[], how?: { patched?: boolean }): void;
  /**
   * For a command that needs only the records that hold some strings (the ids a `show` looks for):
   * which files may hold one (all that do, maybe others), and each such file's data read alone,
   * without parsing the rest of its folder's.
   */
  mentioning?(needles: readonly string[]): { may(f: SourceFile): boolean; data(f: SourceFile): unknown };
  /** The checks of their own the files had as they were read (a parallel read's shares), for the folder's check to take. */
  own?: OwnChecks;
}

/**
 * What the checks of one file found for the files of a parallel read, each where it was read: whatever a file alone shows
 * (its schema, its characters, the rules of one record, its references against the ids that exist).
 */
export interface OwnChecks {
  /** Every problem those checks found, each placed in its file. */
  problems: readonly Problem[];
  /** Whether a file was checked there, and then whether its data passed its schema; undefined for any other file. */
  passedSchema(f: SourceFile): boolean | undefined;
  /** The ids the references were checked against, as the folder's check writes them (check-folder.ts idsKey). */
  idsKey: string;
}

const IGNORED = /^\.|~$|\.(?:bak|swp|swo|orig|tmp)$/;

/** A file the folder holds, with what its folder entry (or lstat) says it is, or why that could not be seen. */
export interface Candidate {
  rel: string;
  what: FileRole;
  kind?: ReturnType<typeof kindOf>;
  error?: NodeJS.ErrnoException;
}

/**
 * A folder's entries with their types, by name. A missing folder is empty; one that cannot be read
 * is a problem (never silently empty, which would make its records look like dangling references).
 * The data folder itself unreadable: nothing can be judged, so that is the user's error.
 */
function listDir(dir: string, rel: string, problems: Problem[]): Dirent[] {
  try {
    return readdirSync(join(dir, rel), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ENOENT') return [];
    if (rel === '') throw e;
    problems.push({ file: rel, line: 1, col: 1, rule: 'folder-unreadable', severity: 'error', message: { key: 'problem.folderUnreadable', params: { ...reasonOf(err), contents: contentsOf(rel) } } });
    return [];
  }
}

/** What a folder of the data folder holds, as a message about it names them: the word lists, or the records. */
function contentsOf(folder: string): Message {
  return { key: folder === 'vocabularies' ? 'fs.contents.vocabularies' : 'fs.contents.records' };
}

/** The reason and advice of a system error, for a problem's message. */
function reasonOf(err: NodeJS.ErrnoException): MessageParams {
  return fileSystemReasonOf(err.code);
}

/** A file with a fixed name (settings, model, vocabularies): looked at without following a link. */
function fixedFile(dir: string, rel: string, what: FileRole): Candidate | undefined {
  try {
    return { rel, what, kind: kindOf(lstatSync(join(dir, rel))) };
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ENOENT') return undefined; // missing: check-folder says so
    return { rel, what, error: err };
  }
}

/** The kinds of folder entry (kindOf) by the letter a snapshot's listing writes for each. */
const KIND_LETTERS: Record<string, ReturnType<typeof kindOf>> = { f: 'file', l: 'link', d: 'folder', p: 'fifo', s: 'socket', v: 'device', o: 'other' };
const LETTER_OF = new Map(Object.entries(KIND_LETTERS).map(([letter, kind]) => [kind, letter]));

/**
 * A record folder's entries: as the snapshot keeps them while the folder is as it was then (the
 * folder stat-ed first, so a file added while it is listed changes what the next run compares), else
 * listed, and kept for the next run. `changed` hears of a folder the snapshot listed otherwise.
 */
function folderEntries(dir: string, folder: string, problems: Problem[], cache: ParseCache, changed: (folder: string) => void): FolderListing {
  let st: BigIntStats | undefined;
  if (cache !== noCache) {
    try {
      st = statSync(join(dir, folder), { bigint: true, throwIfNoEntry: false });
    } catch {
      st = undefined; // listing it says why
    }
    if (!st?.isDirectory()) st = undefined;
    const kept = st && cache.listing(folder, st);
    if (kept) return kept;
    if (cache.hadListing(folder)) changed(folder);
  }
  const before = problems.length;
  const entries = listDir(dir, folder, problems);
  const listing = { names: entries.map((d) => d.name), kinds: entries.map((d) => LETTER_OF.get(kindOf(d)) ?? 'o').join('') };
  if (st && problems.length === before) cache.listed(folder, st, listing);
  return listing;
}

/**
 * Which files the folder holds, by role. Hidden and temporary files are never records. `changed`:
 * told of each record folder where a file came, went or was renamed since the snapshot listed it.
 */
function listFiles(dir: string, problems: Problem[], cache: ParseCache, changed: (folder: string) => void = () => {}): Candidate[] {
  const out: Candidate[] = [];
  const top = new Map(listDir(dir, '', problems).map((d) => [d.name, d]));
  // A folder that is a link out of the data folder is not read: its records would come from, and be
  // written to, a place outside the folder (and its history). A link within the folder is followed.
  let root: string | undefined;
  const outside = (folder: string): boolean => {
    if (!top.get(folder)?.isSymbolicLink()) return false;
    // A link that leads nowhere: its records cannot be read (never an empty folder without a word).
    if (!existsSync(join(dir, folder))) {
      problems.push({ file: folder, line: 1, col: 1, rule: 'folder-unreadable', severity: 'error', message: { key: 'problem.folderLinkBroken', params: { contents: contentsOf(folder) } } });
      return true;
    }
    const place = folderOutside(join(dir, folder), (root ??= realpathSync(dir)));
    if (!place) return false;
    problems.push({ file: folder, line: 1, col: 1, rule: 'folder-outside', severity: 'error', message: { key: place === 'data-folder' ? 'problem.folderIsDataFolder' : 'problem.folderOutside', params: { contents: contentsOf(folder) } } });
    return true;
  };
  for (const [name, role] of [['civsam.yaml', { role: 'settings' }], ['model.yaml', { role: 'model' }]] as const) {
    const entry = top.get(name);
    if (entry) out.push({ rel: name, what: role, kind: kindOf(entry) });
  }
  if (!outside('vocabularies')) {
    for (const name of VOCABULARIES) {
      const c = fixedFile(dir, `vocabularies/${name}.yaml`, { role: 'vocabulary', name });
      if (c) out.push(c);
    }
    problems.push(...othersInVocabularies(dir));
  }
  for (const kind of RECORD_KINDS) {
    const folder = FOLDER_OF[kind];
    if (outside(folder)) continue;
    const { names, kinds } = folderEntries(dir, folder, problems, cache, changed);
    let byBytes: ((listed: string) => string) | undefined;
    for (let k = 0; k < names.length; k++) {
      const name = names[k];
      if (IGNORED.test(name)) continue;
      // A name in another character set is listed with U+FFFD in place of what is not UTF-8, and no
      // file has that name: it is shown by its bytes, and opened it would seem gone, so one that
      // would be a record is an error (its record would be left out without a word); any other
      // is an unexpected file like any other.
      const unreadable = name.includes('\uFFFD');
      const rel = `${folder}/${unreadable ? (byBytes ??= bytesNamer(dir, folder))(name) : name}`;
      if (name.endsWith('.yaml') && !unreadable) {
        out.push({ rel, what: { role: 'record', kind, id: name.slice(0, -5) }, kind: KIND_LETTERS[kinds[k]] ?? 'other' });
      } else if (unreadable && /\.ya?ml$/.test(name)) {
        problems.push({ file: rel, line: 1, col: 1, rule: 'file-name', severity: 'error', message: { key: 'problem.fileNameUnreadable' } });
      } else if (name.endsWith('.yml')) {
        problems.push({ file: rel, line: 1, col: 1, rule: 'file-name', severity: 'error', message: { key: 'problem.fileExtension' } });
      } else {
        const key = kinds[k] === 'd' ? 'problem.unexpectedFolder' : 'problem.unexpectedFile';
        problems.push({ file: rel, line: 1, col: 1, rule: 'unexpected-file', severity: 'warning', message: { key, params: { folder } } });
      }
    }
  }
  return out;
}

/**
 * What vocabularies/ holds besides its word lists, said as a record folder's strays are: a file or
 * folder civsam does not read is a warning (it is ignored), and a pipe, socket or device is an
 * error, as in a record folder, never opened. A folder that cannot be listed is passed by: its word
 * lists' own reading says why.
 */
function othersInVocabularies(dir: string): Problem[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(join(dir, 'vocabularies'), { withFileTypes: true });
  } catch {
    return [];
  }
  const known = new Set<string>(VOCABULARIES.map((v) => `${v}.yaml`));
  const out: Problem[] = [];
  let byBytes: ((listed: string) => string) | undefined;
  for (const d of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (known.has(d.name) || IGNORED.test(d.name)) continue;
    const rel = `vocabularies/${d.name.includes('\uFFFD') ? (byBytes ??= bytesNamer(dir, 'vocabularies'))(d.name) : d.name}`;
    const kind = kindOf(d);
    if (kind === 'fifo' || kind === 'socket' || kind === 'device' || kind === 'other') out.push(notRegularProblem(rel, kind));
    else out.push({ file: rel, line: 1, col: 1, rule: 'unexpected-file', severity: 'warning', message: { key: kind === 'folder' ? 'problem.unexpectedVocabularyFolder' : 'problem.unexpectedVocabularyFile' } });
  }
  return out;
}

/** Values JSON cannot carry (NaN, ±Infinity, -0) are never cached, so a cached read equals a fresh one. */
export function jsonSafe(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (Array.isArray(value)) return value.every(jsonSafe);
  if (value !== null && typeof value === 'object') return Object.values(value).every(jsonSafe);
  return true;
}

/** A file's identity as the snapshot keeps it (plain values, so it crosses to and from a worker). */
export type FileIdentity = Pick<BigIntStats, 'size' | 'mtimeNs' | 'ctimeNs' | 'ino'>;

/** What reading one candidate gave: its file (none when it went away), its problems, and for the snapshot its identity. */
export interface ReadOutcome {
  file?: SourceFile;
  problems: Problem[];
  /** The identity of the bytes read, when the outcome may be kept in the snapshot. */
  identity?: FileIdentity;
  /** The strict parse, kept to place later problems (never sent from a worker: it is not plain data). */
  strict?: StrictParse;
  /** The data as the snapshot writes it, made where the file was read (a share of a parallel read). */
  json?: Uint8Array;
}

/** A candidate's path in the folder: its own, or where a link inside the folder leads; or why it is not an ordinary file. */
function locateFile(dir: string, c: Pick<Candidate, 'rel' | 'kind'>, root: () => string): { path: string } | { problem: Problem } {
  const path = join(dir, c.rel);
  if (c.kind === 'file') return { path };
  const refused = c.kind === 'link' ? followLinkWithin(path, root()) : { refused: c.kind ?? 'other' };
  return 'path' in refused ? refused : { problem: notRegularProblem(c.rel, refused.refused) };
}

/**
 * Why the reader does not read the file at `rel` (a link out of the data folder, to the folder
 * itself or to nothing, a named pipe, a folder…): its problem, as `validate` says it; undefined
 * when it is read (an ordinary file, or a link to one inside the folder) or is not there. A change
 * refuses such a file as the reader does, and never reads it or writes through it.
 */
export function notReadAsData(dir: string, rel: string, root: () => string): Problem | undefined {
  let kind: Candidate['kind'];
  try {
    kind = kindOf(lstatSync(join(dir, rel)));
  } catch {
    return undefined; // not there (a new record), or not to be looked at: reading it says why
  }
  const where = locateFile(dir, { rel, kind }, root);
  return 'problem' in where ? where.problem : undefined;
}

/** The file's bytes, opened without blocking and checked once open; or its problem; or undefined when it is gone. */
function readBytes(rel: string, path: string, withIdentity: boolean): { bytes: Buffer; identity?: FileIdentity } | { problem: Problem } | undefined {
  let opened;
  try {
    opened = openRegular(path, { follow: false, bigint: true });
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ENOENT') return undefined; // removed while we read: not there
    return { problem: unreadable(rel, err) };
  }
  if ('refused' in opened) return { problem: notRegularProblem(rel, opened.refused) };
  const { fd, st } = opened;
  try {
    // Refused before reading: a huge file is never parsed.
    const size = Number(st.size);
    if (size > MAX_FILE_BYTES) return { problem: { file: rel, line: 1, col: 1, rule: 'file-too-large', severity: 'error', message: { key: 'problem.fileTooLarge', params: { limit: limitMessage(MAX_FILE_BYTES) } } } };
    // The identity the snapshot keeps is the one of the bytes read: taken from the open file.
    const identity = withIdentity ? identityOf(st) : undefined;
    return { bytes: readUpTo(fd, size, MAX_FILE_BYTES), identity };
  } catch (e) {
    return { problem: unreadable(rel, e as NodeJS.ErrnoException) };
  } finally {
    closeSync(fd);
  }
}

const identityOf = (st: BigIntStats): FileIdentity => ({ size: st.size, mtimeNs: st.mtimeNs, ctimeNs: st.ctimeNs, ino: st.ino });

/**
 * An amount in kroner (a `…_dkk` field) written with a decimal point, as in `600.000`: YAML reads it
 * as the number 600.0, which passes as a whole number, so a Danish thousands separator would be
 * believed as an amount a thousand times smaller. Where the first one is, if any.
 */
/** What a search of a file's text found nothing of (a valid file: nothing is allocated for it). */
const NONE_FOUND: readonly never[] = Object.freeze([]);
const DECIMAL_AMOUNT = /\b[a-z_]*_dkk[ \t]*:[ \t]*[+-]?\d+\.\d+(?=[ \t]*(?:[,}\]#\r\n]|$))/gm;
function decimalAmounts(text: string): ReadonlyArray<Position & { key: string; written: string }> {
  if (!text.includes('_dkk')) return NONE_FOUND;
  DECIMAL_AMOUNT.lastIndex = 0;
  let m = DECIMAL_AMOUNT.exec(text);
  if (!m) return NONE_FOUND;
  const found: Array<Position & { key: string; written: string }> = [];
  for (; m; m = DECIMAL_AMOUNT.exec(text)) {
    const at = m.index + m[0].search(/[+-]?\d+\.\d+$/);
    const lineStart = text.lastIndexOf('\n', at - 1) + 1;
    let line = 1;
    for (let i = text.indexOf('\n'); i >= 0 && i < lineStart; i = text.indexOf('\n', i + 1)) line++;
    found.push({ line, col: at - lineStart + 1, key: /[a-z_]*_dkk/.exec(m[0])![0], written: m[0].slice(at - m.index) });
  }
  return found;
}

/**
 * A whole number (a field the schemas hold an integer in, INTEGER_FIELDS) written otherwise than in
 * digits: `0xDBBA0`, `0o17`, `2.027e3`, with a point and zeros (`1.000`, YAML's 1), with a plus sign (`+250000`) or a leading zero (`0250000`,
 * which a YAML 1.1 tool, and so a colleague's script, reads as the octal 86016). YAML reads each as
 * a number, so a slip would pass as an amount or a year. Where the first one is, if any. A file
 * without such a form costs this one search; one with it (a text that happens to hold `1e3`) is
 * looked at further only there.
 */
const NUMBER_FORM = /(?<![\w.+-])(?:[+-]?(?:0[xo][0-9a-fA-F]+|(?:\d+(?:\.\d*)?|\.\d+)[eE][+-]?\d+|\d+\.0+)|\+\d+|-?0\d+)(?=[ \t]*(?:[,}\]#\r\n]|$))/gm;
function numbersNotInDigits(text: string): ReadonlyArray<Position & { key: string; written: string; thousands: boolean }> {
  let found: Array<Position & { key: string; written: string; thousands: boolean }> | undefined;
  NUMBER_FORM.lastIndex = 0;
  for (let m = NUMBER_FORM.exec(text); m; m = NUMBER_FORM.exec(text)) {
    const lineStart = text.lastIndexOf('\n', m.index - 1) + 1;
    const key = integerKeyOf(text, lineStart, m.index);
    if (key === undefined || !INTEGER_FIELDS.has(key)) continue;
    // Only a whole value: the `000` of `250 000` or the `00` of `1.500.000,00` is part of a text
    // (which the schemas then refuse as one), not a number of its own.
    const before = text.slice(lineStart, m.index);
    if (!/(?:[:[{]|^[ \t]*-)[ \t]*$/.test(before) && !(/,[ \t]*$/.test(before) && /[[{]/.test(before))) continue;
    let line = 1;
    for (let i = text.indexOf('\n'); i >= 0 && i < lineStart; i = text.indexOf('\n', i + 1)) line++;
    // `seats: 1.000` (YAML's 1, a Danish thousand) is said as a thousands point.
    (found ??= []).push({ line, col: m.index - lineStart + 1, key, written: m[0], thousands: THOUSANDS.test(m[0]) });
  }
  return found ?? NONE_FOUND;
}

/**
 * The key a value at `at` belongs to: the last `key:` before it on its line (`year: …`, `{year:
 * 2026, amount_dkk: …}`, `years: [2026, …]`), or for a list item alone on its line (`- …`) the key
 * the list is under; undefined in a comment or where no key can be told (a line of a text block).
 */
function integerKeyOf(text: string, lineStart: number, at: number): string | undefined {
  const before = text.slice(lineStart, at);
  if (/(?:^|\s)#/.test(before)) return undefined;
  const keys = [...before.matchAll(/([A-Za-z_][A-Za-z0-9_]*)[ \t]*:(?=[ \t[{]|$)/g)];
  if (keys.length > 0) return keys[keys.length - 1][1];
  const item = /^([ \t]*)-[ \t]+$/.exec(before);
  if (!item) return undefined;
  // Up the lines past the list's other items, to the line that holds the list's key.
  let end = lineStart - 1;
  while (end > 0) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end).replace(/\r$/, '');
    end = start - 1;
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const indent = line.length - line.trimStart().length;
    if (indent === item[1].length && line.trimStart().startsWith('-')) continue;
    return /^[ \t]*(?:-[ \t]+)?([A-Za-z_][A-Za-z0-9_]*)[ \t]*:[ \t]*(?:#.*)?$/.exec(line)?.[1];
  }
  return undefined;
}

/**
 * What a file's text says wrong of its numbers before it is parsed: an amount with a decimal point,
 * a whole number not in digits (each, as a problem of its own). Every text that is read goes through it,
 * and so does a text a change writes as it is (a restored file), which was never read this run.
 */
export function numberFormProblems(rel: string, text: string): Problem[] {
  const decimals = decimalAmounts(text);
  const forms = numbersNotInDigits(text);
  const out: Problem[] = [];
  if (decimals.length === 0 && forms.length === 0) return out;
  for (const decimal of decimals) out.push({ file: rel, line: decimal.line, col: decimal.col, rule: 'amount-decimal', severity: 'error', message: groupedNumber(decimal.key, decimal.written) ?? { key: 'problem.amountDecimal' } });
  for (const form of forms) {
    if (out.some((p) => p.line === form.line && p.col === form.col)) continue;
    out.push({ file: rel, line: form.line, col: form.col, rule: 'number-not-digits', severity: 'error', message: (form.thousands && groupedNumber(form.key, form.written)) || { key: form.thousands ? 'problem.thousandsPoint' : 'problem.numberNotDigits' } });
  }
  return out.length > 1 ? out.sort((a, b) => a.line - b.line || a.col - b.col) : out;
}

/**
 * A whole number written with points between the thousands (`amount_dkk: 250.000`, which YAML reads
 * as 250) said by its field and how to write it, in the words the schemas' check says `1.500.000`
 * and `250 000` with (never the number itself: an amount is the record's); undefined for any other
 * form. `key` is one of INTEGER_FIELDS, each of which has a label.
 */
function groupedNumber(key: string, written: string): Message | undefined {
  // A plus sign is a form of its own (said as such).
  if (!THOUSANDS.test(written) || written.startsWith('+')) return undefined;
  return { key: key.endsWith('_dkk') ? 'problem.schema.amountGrouped' : 'problem.schema.integerGroupedForm', params: { field: { key: `label.${key}` as Message['key'] } } };
}

/** Reads and parses one candidate: everything readFolder learns from a file it has to read. */
export function readCandidate(dir: string, c: Candidate, root: () => string, withIdentity: boolean): ReadOutcome {
  const { rel, what } = c;
  if (c.error) return { file: { rel, what, data: undefined }, problems: [unreadable(rel, c.error)] };
  const where = locateFile(dir, c, root);
  if ('problem' in where) return { file: { rel, what, data: undefined }, problems: [where.problem] };
  const got = readBytes(rel, where.path, withIdentity);
  if (got === undefined) return { problems: [] };
  if ('problem' in got) return { file: { rel, what, data: undefined }, problems: [got.problem] };
  let data: unknown;
  let strict: StrictParse | undefined;
  let fileProblems: Problem[] = [];
  let cut: Problem[] = [];
  const decoded = decode(got.bytes);
  if ('problem' in decoded) {
    fileProblems = [{ file: rel, ...decoded.problem }];
  } else if ((fileProblems = numberFormProblems(rel, decoded.text)).length === 0) {
    const fast = parseFast(decoded.text);
    if (fast) {
      data = fast.data;
    } else {
      strict = parseStrict(decoded.text);
      data = strict.data;
      fileProblems = strict.problems.map((fp) => ({ file: rel, ...fp }));
    }
    if (fileProblems.length === 0 && (data === null || data === undefined)) {
      fileProblems.push({ file: rel, line: 1, col: 1, rule: 'file-empty', severity: 'error', message: { key: 'problem.fileEmpty' } });
    }
    // A comment that cut a value short: a warning, kept with the file's data or its errors (in the snapshot too).
    cut = commentsAfterPlainValues(decoded.text).map((fp) => ({ file: rel, ...fp }));
  }
  if (fileProblems.length > 0) return { file: { rel, what, data: undefined }, problems: [...fileProblems, ...cut], identity: got.identity, strict };
  // Values JSON cannot carry are never kept, so a kept read equals a fresh one.
  return { file: { rel, what, data }, problems: cut, identity: jsonSafe(data) ? got.identity : undefined, strict };
}

/**
 * Reads candidates in parallel, when there are enough of them to pay for it; the outcomes in
 * candidate order. `listing`: given when the candidates are every file of the folder (nothing
 * taken from the snapshot), with the listing's own problems; then a reader may check each file
 * on its own as well (`own`).
 */
export type ParallelReader = (dir: string, candidates: readonly Candidate[], withIdentity: boolean, listing?: readonly Problem[]) => { outcomes: ReadOutcome[]; own?: OwnChecks } | undefined;

/** Where a path sits in a file, from its strict parse (`strict`, or the file parsed again when first asked). */
export function positionsIn(dir: string, root: () => string, candidate: (rel: string) => Candidate | undefined, strict: Map<string, StrictParse>) {
  const strictParse = strictParsesIn(dir, root, candidate, strict);
  return (rel: string, path: readonly PathSegment[], at: 'key' | 'value' = 'value'): Position => locate(strictParse(rel), path, at);
}

/** A file's strict parse: `strict`'s, or the file parsed again when first asked. */
function strictParsesIn(dir: string, root: () => string, candidate: (rel: string) => Candidate | undefined, strict: Map<string, StrictParse>) {
  return (rel: string): StrictParse => {
    let p = strict.get(rel);
    if (!p) {
      const c = candidate(rel);
      const where = c ? locateFile(dir, c, root) : undefined;
      const got = where && 'path' in where ? readBytes(rel, where.path, false) : undefined;
      const decoded = got && 'bytes' in got ? decode(got.bytes) : undefined;
      // A file that changed into something unreadable since it was read: no positions, only the start.
      p = decoded && 'text' in decoded ? parseStrict(decoded.text) : { data: undefined, problems: [] };
      strict.set(rel, p);
    }
    return p;
  };
}

/**
 * `prefetch`: the record folders (`offers/`, …) whose data the command will read, parsed from the
 * snapshot while the second thread stats the files (see ParseCache.prefetch), unless `unneeded`
 * says, once the snapshot is open, that the records will likely not be read (a recorded report).
 */
export function readFolder(dir: string, cache: ParseCache = noCache, parallel?: ParallelReader, { prefetch, unneeded }: { prefetch?: readonly string[]; unneeded?: () => boolean } = {}): RawFolder {
  const problems: Problem[] = [];
  const files: SourceFile[] = [];
  const strict = new Map<string, StrictParse>();
  let verdict: { problems: readonly Problem[] | undefined } | undefined;
  let realRoot: string | undefined;
  const root = () => (realRoot ??= realpathSync(dir));
  const withIdentity = cache !== noCache;

  // A large folder's second thread for the stats is started first, to be ready once it is listed.
  const early = cache.large() ? startStatWorker() : undefined;
  // A folder where a file came or went is checked again as a whole (uniqueness, references): its
  // records are parsed from the snapshot while the files are stat-ed, when this thread has time.
  const ahead = new Set(prefetch);
  const candidates = listFiles(dir, problems, cache, (folder) => ahead.add(`${folder}/`));
  const listing = problems.slice();
  const rels = candidates.map((c) => c.rel);
  let byRel: Map<string, Candidate> | undefined;
  const candidate = (rel: string) => (byRel ??= new Map(candidates.map((c) => [c.rel, c]))).get(rel);
  // First what the snapshot holds: every file is stat-ed (on another thread too while the snapshot
  // is read, for a large folder) and an entry is taken while the file is as it was; the rest is
  // read, in parallel when there is much of it. A link is followed here, its target stat-ed alone.
  const links: Array<[number, string]> = [];
  const paths = candidates.map((c, i) => {
    if (c.error) return null;
    if (c.kind === 'file') return c.rel;
    const where = locateFile(dir, c, root);
    if ('path' in where) links.push([i, where.path]);
    return null;
  });
  const started = cache.exists() ? statFiles(dir, paths, { early }) : undefined;
  let stats: FileStats | undefined;
  // Asked for once the snapshot is read (the first `has`), so both are under way at once.
  const statted = () => {
    if (!stats) {
      if (ahead.size > 0 && !unneeded?.()) cache.prefetch([...ahead]);
      stats = started!();
      for (const [i, path] of links) {
        try {
          const st = lstatSync(path, { bigint: true, throwIfNoEntry: false });
          if (st?.isFile()) {
            putIdentity(stats.table, i, st);
            stats.regular[i] = 1;
          }
        } catch {
          // Unreadable: the file's read says why.
        }
      }
    }
    return stats;
  };
  const reading = { dir, root, cache };
  const taken: (TakenFile | undefined)[] = candidates.map((c, i) => {
    if (!started || !cache.has(c.rel, i)) return undefined;
    const { table, regular } = statted();
    const entry = regular[i] === 1 ? cache.take(c.rel, table, i) : -1;
    return entry < 0 ? undefined : new TakenFile(c, entry, reading);
  });
  const toRead = candidates.filter((_, i) => taken[i] === undefined);
  const inParallel = toRead.length > 0 ? parallel?.(dir, toRead, withIdentity, toRead.length === candidates.length ? listing : undefined) : undefined;
  const read = inParallel?.outcomes ?? toRead.map((c) => readCandidate(dir, c, root, withIdentity));
  let next = 0;
  for (let i = 0; i < candidates.length; i++) {
    const kept = taken[i];
    if (kept) {
      const found = cache.problemsOf(kept.entry);
      if (found.length > 0) problems.push(...(found as Problem[]));
      files.push(kept);
      continue;
    }
    const outcome = read[next++];
    // Data that came as its snapshot text (a parallel read) is kept as that text, not parsed for it.
    if (outcome.identity) cache.put(candidates[i].rel, outcome.identity, { data: outcome.file instanceof ForeignFile ? undefined : outcome.file?.data, json: outcome.json, problems: outcome.problems }, i);
    if (outcome.strict) strict.set(candidates[i].rel, outcome.strict);
    problems.push(...outcome.problems);
    if (outcome.file) files.push(outcome.file);
  }

  return {
    dir,
    files,
    problems,
    position: positionsIn(dir, root, (rel) => candidate(rel), strict),
    parsed: strictParsesIn(dir, root, (rel) => candidate(rel), strict),
    own: inParallel?.own,
    // A file taken from the snapshot knows its entry; any other was read this run and has not passed yet.
    passed: (rel, file) => (file ? file instanceof TakenFile && cache.passedEntry(file.entry) : cache.passed(rel)),
    // Asked before the check and by it: worked out once (nothing the snapshot holds changes in between).
    verdict: () => (verdict ??= { problems: cache.verdict(rels, listing) as readonly Problem[] | undefined }).problems,
    previous() {
      const last = cache.previous(listing);
      return last && { problems: last.problems as readonly Problem[], files: last.files, changed: rels.filter((_, i) => taken[i] === undefined) };
    },
    checked(found, how) {
      cache.settle(rels, new Set(found.map((p) => p.file)), { files: rels, listing, problems: found }, how);
      cache.save(rels);
    },
    mentioning(needles) {
      const entries = cache.mentioning(needles);
      return {
        may: (f) => !(f instanceof TakenFile) || entries.has(f.entry),
        data: (f) => (f instanceof TakenFile ? f.alone() : f.data),
      };
    },
  };
}

/**
 * A file whose entry the snapshot holds: its data is the snapshot's, parsed when first asked for
 * (or, should that copy be unreadable, read from the file, which is as it was then).
 */
class TakenFile implements SourceFile {
  readonly rel: string;
  readonly what: FileRole;
  constructor(private readonly candidate: Candidate, readonly entry: number, private readonly reading: { dir: string; root: () => string; cache: ParseCache }) {
    this.rel = candidate.rel;
    this.what = candidate.what;
  }

  get data(): unknown {
    const { dir, root, cache } = this.reading;
    return cache.dataOf(this.entry, () => readCandidate(dir, this.candidate, root, false).file?.data);
  }

  /** The data, parsed alone if its folder's is not parsed yet. */
  alone(): unknown {
    const { dir, root, cache } = this.reading;
    return cache.dataOf(this.entry, () => readCandidate(dir, this.candidate, root, false).file?.data, true);
  }

  toJSON(): SourceFile {
    return { rel: this.rel, what: this.what, data: this.data };
  }
}

/**
 * A file of a parallel read (parallel-read.ts), on either thread: its data came as its snapshot
 * text (JSON), parsed when first asked for, or (a value JSON cannot carry) as the value itself.
 */
export class ForeignFile implements SourceFile {
  private value: unknown;
  private parsed: boolean;
  constructor(readonly rel: string, readonly what: FileRole, private json: Uint8Array | undefined, value?: unknown) {
    this.parsed = json === undefined;
    this.value = value;
  }

  get data(): unknown {
    if (!this.parsed) {
      const json = this.json!;
      this.value = parseSnapshotText(json);
      this.parsed = true;
      this.json = undefined;
    }
    return this.value;
  }

  toJSON(): SourceFile {
    return { rel: this.rel, what: this.what, data: this.data };
  }
}

function notRegularProblem(rel: string, kind: NotRegular): Problem {
  // The folder's settings cannot be moved out of it: the file itself belongs in its place.
  const key = rel === 'civsam.yaml' ? 'problem.settingsNotRegular' : 'problem.fileNotRegular';
  return { file: rel, line: 1, col: 1, rule: 'file-not-regular', severity: 'error', message: { key, params: { what: notRegularMessage(kind) } } };
}

function unreadable(rel: string, err: NodeJS.ErrnoException): Problem {
  return { file: rel, line: 1, col: 1, rule: 'file-unreadable', severity: 'error', message: { key: 'problem.fileUnreadable', params: reasonOf(err) } };
}
