// The write path's rule for retired vocabulary entries: an entry with a `retired` date stays valid
// wherever a record already names it (validate never complains), but no change may choose it
// anew: a new record, an edit that adds it, an import row. Only values a record did not hold
// before at that field count. Entries are named by their name in the reader's language (the
// region's own words, never personal data) and id.
import { REFERENCES, valuesAt, VOCABULARIES, type RecordKind, type VocabularyName } from '../domain/kinds.js';
import type { DataFolder } from '../domain/folder.js';
import { formatDate } from '../i18n/format.js';
import type { Language, MessageKey } from '../i18n/index.js';
import type { Problem } from '../store/load-folder.js';
import type { PathSegment, Position } from '../store/yaml-read.js';

/** One record as it was (undefined: new) and as a change makes it. */
export interface RecordChange {
  rel: string;
  kind: RecordKind;
  before: unknown;
  after: unknown;
}

/** A vocabulary's entries as the folder holds them. */
function entriesOf(folder: DataFolder, name: VocabularyName): ReadonlyArray<{ id: string; name: string | { da: string; en: string }; retired?: string }> {
  const v = folder.vocabularies;
  return name === 'patient-groups' ? v.patientGroups : name === 'municipalities' ? v.municipalities : v.offerTypes;
}

/** Every retired entry the changes choose anew, as a `vocabulary-retired` error where it is chosen. */
export function retiredEntriesChosen(folder: DataFolder, changes: readonly RecordChange[], lang: Language, position: (rel: string, path: readonly PathSegment[]) => Position): Problem[] {
  const retired = new Map<VocabularyName, Map<string, { name: string; date: string }>>();
  for (const name of VOCABULARIES) {
    const m = new Map<string, { name: string; date: string }>();
    for (const e of entriesOf(folder, name)) if (typeof e.retired === 'string') m.set(e.id, { name: typeof e.name === 'string' ? e.name : e.name[lang], date: e.retired });
    if (m.size > 0) retired.set(name, m);
  }
  if (retired.size === 0) return [];
  const out: Problem[] = [];
  for (const c of changes) {
    for (const [pattern, target] of REFERENCES[c.kind]) {
      const entries = retired.get(target as VocabularyName);
      if (!entries) continue;
      const had = new Set(c.before === undefined ? [] : valuesAt(c.before, pattern).map(([v]) => v));
      for (const [value, path] of valuesAt(c.after, pattern)) {
        if (typeof value !== 'string' || had.has(value)) continue;
        const entry = entries.get(value);
        if (!entry) continue;
        out.push({
          file: c.rel, ...position(c.rel, path), rule: 'vocabulary-retired', severity: 'error',
          message: { key: 'problem.vocabularyRetired', params: { vocabulary: { key: `vocab.entry.${target}` as MessageKey }, name: entry.name, id: value, date: formatDate(entry.date, lang) } },
        });
      }
    }
  }
  return out;
}
