// The part of a folder with errors that reports can still stand on: every record whose file has no
// error, less the records that cannot be told without a left-out one: an offer or a hearing party
// whose organisation's file is broken, an agreement whose party or pool is, a call whose pool is.
// Other references to a left-out record (an agreement's call, a consultation's invited parties, a
// call's applicants) stay, and reports show the left-out record by its id, as they do for any name
// they cannot look up. A problem outside the record folders
// (civsam.yaml, the model, a vocabulary, a record folder that cannot be read) leaves no sound part:
// every record is read through those, so the folder is refused as a whole.
import { FOLDER_OF, RECORD_KINDS, REFERENCES, forEachValueAt, kindOfFile, type RecordKind } from '../domain/kinds.js';
import { recordName } from '../domain/names.js';
import type { DataFolder } from '../domain/folder.js';
import type { Problem } from '../store/load-folder.js';

export interface LeftOut {
  /** The record files with errors, relative to the data folder. */
  files: ReadonlySet<string>;
  /** Records with no error of their own, left out because they depend on a left-out record (`kind/id`). */
  dependents: ReadonlySet<string>;
  /** Every record left out (of a file with errors, or a dependent), with its title or name where its file gave one: what a report names as not counted. */
  records: readonly LeftOutRecord[];
}

/** A record left out of the valid part: its kind, id, file, and its title (or name) when its file holds one as text. */
export interface LeftOutRecord {
  kind: RecordKind;
  id: string;
  file: string;
  title?: string;
}

export type ValidPart = { folder: DataFolder; leftOut: LeftOut } | { unsound: number };

/** How many records of each kind were left out (their own file has errors, or one they depend on has); a kind with none is absent. */
export type LeftOutCounts = Partial<Record<RecordKind, number>>;

export function leftOutCounts(leftOut: LeftOut): LeftOutCounts {
  const counts: LeftOutCounts = {};
  const add = (kind: RecordKind | undefined) => {
    if (kind) counts[kind] = (counts[kind] ?? 0) + 1;
  };
  for (const file of leftOut.files) add(kindOfFile(file));
  for (const record of leftOut.dependents) add(RECORD_KINDS.find((k) => record.startsWith(`${k}/`)));
  return counts;
}

const RECORD_FOLDERS = RECORD_KINDS.map((k) => `${FOLDER_OF[k]}/`);

/** The references (paths in REFERENCES) without whose target a record cannot be told: its owner, its parties, its money. */
const DEPENDS_ON: Record<RecordKind, readonly string[]> = {
  organisation: [],
  offer: ['organisation'],
  agreement: ['organisations.*', 'funding.*.pool'],
  pool: [],
  call: ['pool'],
  'hearing-party': ['organisation'],
  consultation: [],
  application: ['call', 'organisations.*'],
};

/** The folder without its invalid record files and what depends on them; or, when that is not sound, the number of errors. */
/** `dataOf`: a file's data as read, so a record left out for errors is named by its title where its file gives one. */
export function validPart(folder: DataFolder, problems: readonly Problem[], dataOf?: (rel: string) => unknown): ValidPart {
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.some((p) => !RECORD_FOLDERS.some((f) => p.file.startsWith(f)))) return { unsound: errors.length };
  const files = new Set(errors.map((p) => p.file));
  const records = Object.fromEntries(RECORD_KINDS.map((k) => [k, new Map<string, unknown>(folder.records[k])])) as unknown as DataFolder['records'];
  for (const kind of RECORD_KINDS) {
    for (const id of records[kind].keys()) if (files.has(folder.fileOf(kind, id) ?? '')) records[kind].delete(id);
  }
  // Leaving one record out may leave out another that refers to it: repeat until nothing changes.
  const dependents = new Set<string>();
  for (let changed = true; changed;) {
    changed = false;
    for (const kind of RECORD_KINDS) {
      for (const [id, record] of records[kind]) {
        if (!refersToMissing(kind, record, records)) continue;
        records[kind].delete(id);
        dependents.add(`${kind}/${id}`);
        changed = true;
      }
    }
  }
  return { folder: { ...folder, records }, leftOut: { files, dependents, records: leftOutRecords(folder, files, dependents, dataOf) } };
}

/** The records left out, in file order: those of the files with errors (by the id their file gives, else its name), then the dependents. */
function leftOutRecords(folder: DataFolder, files: ReadonlySet<string>, dependents: ReadonlySet<string>, dataOf?: (rel: string) => unknown): LeftOutRecord[] {
  const out: LeftOutRecord[] = [];
  const titleOf = (kind: RecordKind, record: unknown): string | undefined => {
    if (record === null || typeof record !== 'object' || Array.isArray(record)) return undefined;
    const t = recordName(folder, kind, record as Record<string, unknown>)?.trim();
    return t ? t : undefined;
  };
  for (const file of [...files].sort()) {
    const kind = kindOfFile(file);
    if (!kind) continue;
    // The file's name is its record's id (the data contract); its title from what the file holds.
    const id = file.slice(FOLDER_OF[kind].length + 1).replace(/\.ya?ml$/, '');
    const title = titleOf(kind, dataOf?.(file));
    out.push({ kind, id, file, ...(title !== undefined ? { title } : {}) });
  }
  for (const d of dependents) {
    const slash = d.indexOf('/');
    const kind = d.slice(0, slash) as RecordKind;
    const id = d.slice(slash + 1);
    const title = titleOf(kind, folder.records[kind].get(id));
    out.push({ kind, id, file: folder.fileOf(kind, id) ?? `${FOLDER_OF[kind]}/${id}.yaml`, ...(title !== undefined ? { title } : {}) });
  }
  return out;
}

/**
 * The record files of these kinds left out for errors, each at its first error (in the order the
 * check found them): what a lookup that found nothing, or a new record, may be missing.
 */
export function leftOutFiles(problems: readonly Problem[], kinds: readonly RecordKind[]): Problem[] {
  const folders = kinds.map((k) => `${FOLDER_OF[k]}/`);
  const first = new Map<string, Problem>();
  for (const p of problems) if (p.severity === 'error' && !first.has(p.file) && folders.some((f) => p.file.startsWith(f))) first.set(p.file, p);
  return [...first.values()];
}

function refersToMissing(kind: RecordKind, record: unknown, records: DataFolder['records']): boolean {
  let missing = false;
  for (const [pattern, target] of REFERENCES[kind]) {
    if (!DEPENDS_ON[kind].includes(pattern)) continue;
    forEachValueAt(record, pattern, (value) => {
      if (typeof value === 'string' && !records[target as RecordKind].has(value)) missing = true;
    });
    if (missing) return true;
  }
  return false;
}
