// The consistency check before a write: the whole folder checked as it would be with the changed
// records in place, by the same readFolder + checkFolder that `civsam validate` uses. A write is
// refused when it would bring in an error: any error in a changed file, or an error elsewhere
// that was not there before (a reference left dangling by a removal, a duplicate name…). Errors the
// folder already had elsewhere do not block a write (it may be the write that starts fixing them).
import type { RecordKind, VocabularyName } from '../domain/kinds.js';
import type { DataFolder } from '../domain/folder.js';
import type { Language } from '../i18n/index.js';
import { retiredEntriesChosen, type RecordChange } from '../validate/retired.js';
import type { FileRole, Problem, RawFolder, SourceFile } from '../store/load-folder.js';
import { locate, parseStrict, type PathSegment } from '../store/yaml-read.js';
import { checkFolder, type CheckedFolder } from '../validate/check-folder.js';
import { leftOutFiles } from '../validate/valid-part.js';
import { nameFieldOf } from '../domain/record-name.js';

/** A changed file: a record's (its kind and id) or a vocabulary's. */
export type ChangedFile = ChangedRecordFile | ChangedVocabularyFile;

export interface ChangedVocabularyFile {
  rel: string;
  vocabulary: VocabularyName;
  /** The entries after the change. */
  data: unknown;
  text?: string;
}

const roleOf = (c: ChangedFile): FileRole => ('vocabulary' in c ? { role: 'vocabulary', name: c.vocabulary } : { role: 'record', kind: c.kind, id: c.id });

export interface ChangedRecordFile {
  rel: string;
  kind: RecordKind;
  id: string;
  /** The record's data after the change; undefined when the file is removed. */
  data: unknown;
  /** The file's text after the change (for locating problems). */
  text?: string;
}

const problemKey = (p: Problem) => `${p.file}\u0000${p.line}\u0000${p.col}\u0000${p.rule}\u0000${p.message.key}`;

/** The raw folder as it would read with the changes in place. */
export function withChanges(raw: RawFolder, changes: readonly ChangedFile[]): RawFolder {
  const byRel = new Map(changes.map((c) => [c.rel, c]));
  const files: SourceFile[] = [];
  for (const f of raw.files) {
    const c = byRel.get(f.rel);
    if (!c) files.push(f);
    else if (c.data !== undefined) files.push({ rel: f.rel, what: f.what, data: c.data });
  }
  const existing = new Set(raw.files.map((f) => f.rel));
  for (const c of changes) {
    if (c.data !== undefined && !existing.has(c.rel)) files.push({ rel: c.rel, what: roleOf(c), data: c.data });
  }
  const parsed = new Map<string, ReturnType<typeof parseStrict>>();
  return {
    dir: raw.dir,
    files,
    problems: raw.problems.filter((p) => !byRel.has(p.file)),
    position(rel: string, path: readonly PathSegment[], at?: 'key' | 'value') {
      const c = byRel.get(rel);
      if (!c || c.text === undefined) return raw.position(rel, path, at);
      let p = parsed.get(rel);
      if (!p) parsed.set(rel, (p = parseStrict(c.text)));
      return locate(p, path, at);
    },
  };
}

/** The errors the changes would bring into the folder (empty: the write may go ahead). */
export function errorsIntroduced(before: CheckedFolder, raw: RawFolder, changes: readonly ChangedFile[]): { introduced: Problem[]; after: CheckedFolder } {
  const after = checkFolder(withChanges(raw, changes));
  const changed = new Set(changes.map((c) => c.rel));
  const had = new Set(before.problems.filter((p) => p.severity === 'error').map(problemKey));
  const introduced = after.problems.filter((p) => p.severity === 'error' && (changed.has(p.file) || !had.has(problemKey(p))));
  return { introduced, after };
}

/**
 * A retired vocabulary entry newly chosen by these changes (see validate/retired.ts), located in
 * the changed files' new text.
 */
export function retiredChosen(folder: DataFolder, raw: RawFolder, changes: readonly ChangedFile[], lang: Language): Problem[] {
  const beforeOf = new Map(raw.files.map((f) => [f.rel, f.data]));
  const records: RecordChange[] = [];
  for (const c of changes) if (!('vocabulary' in c) && c.data !== undefined) records.push({ rel: c.rel, kind: c.kind, before: beforeOf.get(c.rel), after: c.data });
  let positions: RawFolder | undefined;
  return retiredEntriesChosen(folder, records, lang, (rel, path) => (positions ??= withChanges(raw, changes)).position(rel, path, 'value'));
}

/**
 * The fields no two records of a kind may share (validate's name-unique and cvr-unique): a record
 * given a new value of one while a file of its folder cannot be told may take that file's.
 */
export const UNIQUE_FIELDS: Partial<Record<RecordKind, readonly string[]>> = { organisation: ['name', 'cvr'] };

/**
 * The files of a kind's folder whose record cannot be told, each at its first error: not read as a
 * record at all, or read without a name. A new record of the kind may be one of them under another
 * id, which no check can see (the names that repeat are told by what can be read).
 */
export function untoldRecords(raw: RawFolder, problems: readonly Problem[], kind: RecordKind): Problem[] {
  const broken = leftOutFiles(problems, [kind]);
  if (broken.length === 0) return [];
  const files = new Map(raw.files.map((f) => [f.rel, f]));
  const field = nameFieldOf(kind);
  return broken.filter((p) => {
    const data = files.get(p.file)?.data;
    if (data === null || typeof data !== 'object' || Array.isArray(data)) return true;
    return field !== undefined && typeof (data as Record<string, unknown>)[field] !== 'string';
  });
}
