// The consistency check before a write: the whole folder checked as it would be with the changed
// records in place, by the same readFolder + checkFolder that `civsam validate` uses. A write is
// refused when it would bring in an error: any error in a changed file, or an error elsewhere
// that was not there before (a reference left dangling by a removal, a duplicate name…). Errors the
// folder already had elsewhere do not block a write (it may be the write that starts fixing them).
import { REFERENCES, valuesAt, VOCABULARIES, type RecordKind, type VocabularyName } from '../domain/kinds.js';
import type { DataFolder } from '../domain/folder.js';
import type { Language } from '../i18n/index.js';
import { formatDate } from '../i18n/format.js';
import type { FileRole, Problem, RawFolder, SourceFile } from '../store/load-folder.js';
import { locate, parseStrict, type PathSegment } from '../store/yaml-read.js';
import { checkFolder, type CheckedFolder } from '../validate/check-folder.js';

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

/** A vocabulary's entries as the folder holds them. */
function entriesOf(folder: DataFolder, name: VocabularyName): ReadonlyArray<{ id: string; name: string | { da: string; en: string }; retired?: string }> {
  const v = folder.vocabularies;
  return name === 'patient-groups' ? v.patientGroups : name === 'municipalities' ? v.municipalities : v.offerTypes;
}

/**
 * A retired vocabulary entry newly chosen by a change (`org add --patient-groups <retired>`, an
 * edit that adds it, an import row): refused, naming the entry and the day it was retired. A record
 * that named the entry before it was retired keeps it: only values the record did not hold before
 * at that field count. `validate` never complains about them; this is the write path's rule.
 */
export function retiredChosen(folder: DataFolder, raw: RawFolder, changes: readonly ChangedFile[], lang: Language): Problem[] {
  const retired = new Map<VocabularyName, Map<string, { name: string; date: string }>>();
  for (const name of VOCABULARIES) {
    const m = new Map<string, { name: string; date: string }>();
    for (const e of entriesOf(folder, name)) if (typeof e.retired === 'string') m.set(e.id, { name: typeof e.name === 'string' ? e.name : e.name[lang], date: e.retired });
    if (m.size > 0) retired.set(name, m);
  }
  if (retired.size === 0) return [];
  const out: Problem[] = [];
  let positions: RawFolder | undefined;
  const beforeOf = new Map(raw.files.map((f) => [f.rel, f.data]));
  for (const c of changes) {
    if ('vocabulary' in c || c.data === undefined) continue;
    const before = beforeOf.get(c.rel);
    for (const [pattern, target] of REFERENCES[c.kind]) {
      const entries = retired.get(target as VocabularyName);
      if (!entries) continue;
      const had = new Set(before === undefined ? [] : valuesAt(before, pattern).map(([v]) => v));
      for (const [value, path] of valuesAt(c.data, pattern)) {
        if (typeof value !== 'string' || had.has(value)) continue;
        const entry = entries.get(value);
        if (!entry) continue;
        positions ??= withChanges(raw, changes);
        out.push({
          file: c.rel, ...positions.position(c.rel, path, 'value'), rule: 'vocabulary-retired', severity: 'error',
          message: { key: 'problem.vocabularyRetired', params: { vocabulary: { key: `vocab.entry.${target}` as never }, name: entry.name, id: value, date: formatDate(entry.date, lang) } },
        });
      }
    }
  }
  return out;
}
