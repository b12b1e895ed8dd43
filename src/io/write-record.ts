// Writing record files: the one place that turns a record into its file's new text (comments and
// formatting kept, read back before anything is replaced) and replaces files under the folder's
// lock, checking just before each rename that nobody changed the file since it was read.
import { existsSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FOLDER_OF, ID_PATTERN, type RecordKind } from '../core/kinds.js';
import { fieldOrders } from '../core/shapes.js';
import { UserError } from '../errors.js';
import { removeFile, replaceFile, snapshot, type Snapshot } from './atomic-file.js';
import { decode, parseStrict } from './yaml-read.js';
import { sameData } from '../core/plain-data.js';
import { editText, serialise, withSchemaLine, type KeyRank } from './yaml-write.js';

export { acquireFolderLock, type FolderLock } from './folder-lock.js';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** The schemas shipped with civsam. */
export const PACKAGE_SCHEMAS = fileURLToPath(new URL('../../schemas/', import.meta.url));

/**
 * A record's file, relative to the data folder. Only a well-formed id makes a file name: the
 * command line refuses any other before a command runs, and this refuses it again, so no id
 * (`../x`, `a/b`, an absolute path) can name a file outside its kind's folder.
 */
export function recordRel(kind: RecordKind, id: string): string {
  if (!ID_PATTERN.test(id)) throw new UserError('register.badId');
  return `${FOLDER_OF[kind]}/${id}.yaml`;
}

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
  /** The file exists but cannot be read as a record (bad YAML or encoding). */
  unreadable: boolean;
}

export function readRecordFile(path: string): ReadRecord {
  const snap = snapshot(path);
  if (!snap.exists) return { path, snapshot: snap, bom: false, unreadable: false };
  const decoded = decode(snap.bytes);
  if (!('text' in decoded)) return { path, snapshot: snap, bom: false, unreadable: true };
  const parsed = parseStrict(decoded.text);
  const ok = parsed.problems.length === 0 && parsed.data !== null && typeof parsed.data === 'object' && !Array.isArray(parsed.data);
  return { path, snapshot: snap, text: decoded.text, bom: snap.bytes.subarray(0, 3).equals(BOM), data: ok ? (parsed.data as Record<string, unknown>) : undefined, unreadable: !ok };
}

export type NewText = { text: string; unchanged: boolean } | { refused: 'round-trip' };

/** The file's new text for `after` (undefined data: the file is removed). */
export function newRecordText(dataDir: string, kind: RecordKind, current: ReadRecord, after: Record<string, unknown>): NewText {
  const rel = recordRel(kind, String(after.id));
  const schemaPath = schemaPathFor(dataDir, dirname(rel), `${kind}.schema.json`);
  const rank = schemaRank(kind);
  if (current.text !== undefined && current.data) {
    if (sameData(current.data, after)) return { text: current.text, unchanged: true };
    const edited = editText(current.text, current.data, after, rank);
    if (edited === undefined) return { refused: 'round-trip' };
    return { text: withSchemaLine(edited, schemaPath), unchanged: false };
  }
  const text = serialise(after, schemaPath, rank);
  return text === undefined ? { refused: 'round-trip' } : { text, unchanged: false };
}

export type WriteOutcome = { ok: true } | { ok: false; reason: 'changed-since-read' | 'lock-lost' };

/** Replaces (or creates, or removes) the file if it is still as it was read and the lock is still ours. */
export function commitRecordFile(current: ReadRecord, text: string | undefined, stillHeld: () => boolean, deferFolderSync = false): WriteOutcome {
  if (text === undefined) return removeFile(current.path, current.snapshot, { stillHeld, deferFolderSync });
  const bytes = current.bom ? Buffer.concat([BOM, Buffer.from(text, 'utf8')]) : Buffer.from(text, 'utf8');
  return replaceFile(current.path, bytes, current.snapshot, { stillHeld, mode: 0o640, deferFolderSync });
}
