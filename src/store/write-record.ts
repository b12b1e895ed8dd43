// Writing record files: the one place that turns a record into its file's new text (comments and
// formatting kept, read back before anything is replaced) and replaces files under the folder's
// lock, checking just before each rename that nobody changed the file since it was read.
import { existsSync, realpathSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RecordKind, VocabularyName } from '../domain/kinds.js';
import { UserError } from '../domain/errors.js';
import { fieldOrders } from '../domain/shapes.js';
import { removeFile, replaceFile, snapshot, type Snapshot } from './atomic-file.js';
import { decode, MAX_FILE_BYTES, parseStrict } from './yaml-read.js';
import { sameData, type Data } from '../domain/plain-data.js';
import { recordRel } from './paths.js';
import { editText, serialise, type KeyRank } from './yaml-write.js';

export { acquireFolderLock, type FolderLock } from './folder-lock.js';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** A new record file: readable by the owner's group (colleagues), nobody else; a replaced one keeps its own, but never any for others. */
export const RECORD_MODE = 0o640;

/** The schemas shipped with civsam. */
export const PACKAGE_SCHEMAS = fileURLToPath(new URL('../../schemas/', import.meta.url));

/**
 * The `$schema` path a new file in `folderRel` of the data folder points at: the folder's own
 * `schemas/` (made by `civsam init`), else a `schemas/` beside the data folder (the repository's
 * layout, `../../schemas/` from a record), else civsam's own copy.
 */
export function schemaPathFor(dataDir: string, folderRel: string, schemaFile: string): string {
  const from = join(dataDir, folderRel);
  for (const candidate of [join(dataDir, 'schemas'), join(dataDir, '..', 'schemas'), PACKAGE_SCHEMAS]) {
    if (existsSync(join(candidate, schemaFile))) return relative(from, join(candidate, schemaFile)).split(sep).join('/');
  }
  return `../schemas/${schemaFile}`;
}

/** The schema's property order, for placing new fields where a person would look for them. */
const rankCache = new Map<RecordKind, KeyRank>();
export function schemaRank(kind: RecordKind): KeyRank {
  let rank = rankCache.get(kind);
  if (rank) return rank;
  const orders = fieldOrders(kind);
  rank = (parent, key) => {
    const list = orders.get(parent.join('.'));
    const i = list ? list.indexOf(key) : -1;
    return i < 0 ? Number.POSITIVE_INFINITY : i;
  };
  rankCache.set(kind, rank);
  return rank;
}

/** A record file as read for a change: its snapshot, text and data. */
export interface ReadRecord {
  path: string;
  snapshot: Snapshot;
  /** Undefined when the file does not exist. */
  text?: string;
  bom: boolean;
  data?: Record<string, unknown>;
  /** A vocabulary's entries (a file read as a list). */
  entries?: Array<Record<string, unknown>>;
  /** The file exists but cannot be read as a record (bad YAML or encoding). */
  unreadable: boolean;
  /**
   * The name is a symbolic link to this file (one in the data folder: a link out of it is refused
   * before it is read). Such a file is never changed: the new file would be renamed into the link's
   * place, and the two names that were one file would part without a word.
   */
  linkTo?: string;
}

export function readRecordFile(path: string): ReadRecord {
  return readDataFile(path, 'record');
}

/** A record's file (a map) or a vocabulary's (a list of entries) as read for a change. */
export function readDataFile(path: string, shape: 'record' | 'vocabulary'): ReadRecord {
  const snap = snapshot(path);
  if (!snap.exists) return { path, snapshot: snap, bom: false, unreadable: false };
  const linkTo = snap.link ? linkTarget(path) : undefined;
  const decoded = decode(snap.bytes);
  if (!('text' in decoded)) return { path, snapshot: snap, bom: false, unreadable: true, ...(linkTo ? { linkTo } : {}) };
  const parsed = parseStrict(decoded.text);
  const bom = snap.bytes.subarray(0, 3).equals(BOM);
  const isObject = (v: unknown) => v !== null && typeof v === 'object' && !Array.isArray(v);
  if (shape === 'vocabulary') {
    const ok = parsed.problems.length === 0 && Array.isArray(parsed.data) && parsed.data.every(isObject);
    return { path, snapshot: snap, text: decoded.text, bom, entries: ok ? (parsed.data as Array<Record<string, unknown>>) : undefined, unreadable: !ok, ...(linkTo ? { linkTo } : {}) };
  }
  const ok = parsed.problems.length === 0 && isObject(parsed.data);
  return { path, snapshot: snap, text: decoded.text, bom, data: ok ? (parsed.data as Record<string, unknown>) : undefined, unreadable: !ok, ...(linkTo ? { linkTo } : {}) };
}

/**
 * Refuses a change of a data file that is a link (ReadRecord.linkTo), naming the link and the file
 * it leads to as the user names the data folder (`shownDir`; `dir` is the folder `current` was read in).
 */
export function refuseThroughLink(current: ReadRecord, dir: string, shownDir: string): void {
  if (current.linkTo === undefined) return;
  const shown = (path: string) => join(shownDir, relative(dir, path));
  throw new UserError('write.throughLink', { file: shown(current.path), target: shown(current.linkTo) });
}

/** The file a link leads to, by way of the link's own folder as `path` names it (so it compares with paths named like `path`). */
function linkTarget(path: string): string {
  const folder = dirname(path);
  return join(folder, relative(realpathSync(folder), realpathSync(path)));
}

/** The vocabulary's entry fields in schema order, for placing a new field (`retired`) where it belongs. */
function vocabularyRank(name: VocabularyName): KeyRank {
  const order = fieldOrders(name).get('') ?? [];
  return (_parent, key) => {
    const i = order.indexOf(key);
    return i < 0 ? Number.POSITIVE_INFINITY : i;
  };
}

/**
 * A vocabulary file's new text with `entries`: only the lines of the changed entries' fields change
 * (a renamed entry's name, a retired entry's new line, a new entry at the end); comments stay.
 */
export function newVocabularyText(dataDir: string, name: VocabularyName, current: ReadRecord, entries: Array<Record<string, unknown>>): NewText {
  const schemaPath = schemaPathFor(dataDir, 'vocabularies', `${name}.schema.json`);
  return newFileText(current, current.entries, entries, schemaPath, vocabularyRank(name));
}

export type NewText =
  | { text: string; unchanged: boolean }
  | { refused: 'round-trip' }
  /** The file would be larger than the reader accepts (MAX_FILE_BYTES): `bytes` it would have. */
  | { refused: 'too-large'; bytes: number };

/**
 * Larger than this, a text is refused without being turned into YAML at all: its file could only be
 * larger still, and a value of megabytes costs the YAML library seconds.
 */
const MAX_TEXT_CHARS = MAX_FILE_BYTES;

/** The record's size before it is serialised: the length of its strings, a lower bound of its file's bytes. */
function textLength(value: unknown): number {
  if (typeof value === 'string') return value.length;
  if (Array.isArray(value)) return value.reduce((n: number, v) => n + textLength(v), 0);
  if (value !== null && typeof value === 'object') return Object.entries(value).reduce((n, [k, v]) => n + k.length + textLength(v), 0);
  return 0;
}

/**
 * The file's new text for `after` (undefined data: the file is removed). A text that would make the
 * file larger than the reader accepts is refused here, so no write can make the folder unreadable.
 */
export function newRecordText(dataDir: string, kind: RecordKind, current: ReadRecord, after: Record<string, unknown>): NewText {
  const rel = recordRel(kind, String(after.id));
  const schemaPath = schemaPathFor(dataDir, dirname(rel), `${kind}.schema.json`);
  return newFileText(current, current.data, after, schemaPath, schemaRank(kind));
}

/**
 * A data file's new text, from what it held (`before`, as read) to `after`: only the changed fields'
 * lines change and comments stay; a new file is written in the schema's field order. Refused when it
 * could not be read back as `after` or would be larger than the reader accepts.
 */
function newFileText(current: ReadRecord, before: Data | unknown[] | undefined, after: Data | unknown[], schemaPath: string, rank: KeyRank): NewText {
  if (current.text !== undefined && before && sameData(before, after)) return { text: current.text, unchanged: true };
  const least = textLength(after);
  if (least > MAX_TEXT_CHARS) return { refused: 'too-large', bytes: least };
  let text: string | undefined;
  if (current.text !== undefined && before) {
    // A hand-written file is changed only where its fields changed: no schema line is added to a
    // file whose author left it out (a new file gets one, below).
    text = editText(current.text, before, after, rank);
  } else {
    text = serialise(after as Data, schemaPath, rank);
  }
  if (text === undefined) return { refused: 'round-trip' };
  const bytes = recordBytes(current, text).length;
  if (bytes > MAX_FILE_BYTES) return { refused: 'too-large', bytes };
  return { text, unchanged: false };
}

/** The bytes of a record file with this text: a file that had a byte order mark keeps it. */
export function recordBytes(current: ReadRecord, text: string): Buffer {
  const body = Buffer.from(text, 'utf8');
  return current.bom ? Buffer.concat([BOM, body]) : body;
}

export type WriteOutcome = { ok: true } | { ok: false; reason: 'changed-since-read' | 'lock-lost' };

/** Replaces (or creates, or removes) the file if it is still as it was read and the lock is still ours. */
export function commitRecordFile(current: ReadRecord, text: string | undefined, stillHeld: () => boolean, deferFolderSync = false): WriteOutcome {
  if (text === undefined) return removeFile(current.path, current.snapshot, { stillHeld, deferFolderSync });
  return replaceFile(current.path, recordBytes(current, text), current.snapshot, { stillHeld, mode: RECORD_MODE, closedToOthers: true, deferFolderSync });
}
