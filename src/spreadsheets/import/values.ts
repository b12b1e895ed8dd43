// The words a spreadsheet uses for civsam's fixed values and vocabularies, in both languages, and
// how a cell's word is resolved to the value or id the data holds. The resolving itself is the
// command line's too (domain/names.ts); a cell takes exact names only, never a prefix, since a
// sheet is read without anyone there to see what a prefix picked.
import type { DataFolder } from '../../domain/folder.js';
import type { Language } from '../../i18n/index.js';
import { ALL_ENUM_VALUES, enumEntry, NameIndex, vocabularyNames, type NamedEntry } from '../../domain/names.js';
import type { VocabularyName } from '../../domain/kinds.js';
import { valueLabel } from '../../i18n/values.js';

export { distance } from '../../domain/names.js';

/** Danish words for the schemas' fixed values, from the catalogue's labels (English uses the value itself). */
export const DA_VALUE: Record<string, string> = Object.fromEntries(ALL_ENUM_VALUES.map((v) => [v, valueLabel('da', v)]));

/** A lookup from words to values, built entry by entry, resolved through the shared NameIndex. */
export class WordIndex {
  private entries: NamedEntry[] = [];
  private built: NameIndex | undefined;

  /** An id always means itself, whatever names other entries have (kept for callers; every entry's id is one). */
  addId(_id: string): void {}

  add(value: string, words: readonly string[], display: Record<Language, string>): void {
    this.entries.push({ id: value, names: words, display });
    this.built = undefined;
  }

  private index(): NameIndex {
    return (this.built ??= new NameIndex(this.entries));
  }

  resolve(word: string): string | undefined {
    const r = this.index().exact(word);
    return r.status === 'found' ? r.id : undefined;
  }

  /** True when the word names more than one value. */
  ambiguous(word: string): boolean {
    return this.index().exact(word).status === 'ambiguous';
  }

  /** The values a word not taken is close to (a slip, a word's ending), best first; none when nothing is close. */
  near(word: string, lang: Language): string[] {
    const r = this.index().exact(word);
    return [...new Set((r.status === 'unknown' ? r.closest : r.status === 'ambiguous' ? r.candidates : []).map((e) => e.display[lang]))];
  }

  /** The known names nearest to a word, best first. */
  closest(word: string, lang: Language, n = 3): string[] {
    return [...new Set(this.index().nearest(word, n).map((e) => e.display[lang]))];
  }

  all(lang: Language): string[] {
    return this.entries.map((e) => e.display[lang]);
  }
}

function fromEntries(entries: readonly NamedEntry[]): WordIndex {
  const w = new WordIndex();
  for (const e of entries) w.add(e.id, [e.id, ...e.names], e.display);
  return w;
}

/** The word index for an enum's values. */
export function enumIndex(values: readonly string[]): WordIndex {
  return fromEntries(values.map((v) => {
    const e = enumEntry(v);
    return { ...e, display: { en: v, da: DA_VALUE[v] ?? v } };
  }));
}

export type VocabularyIndexes = Record<'patient-groups' | 'municipalities' | 'offer-types', WordIndex>;

/** Vocabulary entries by id and by name in either language. */
export function vocabularyIndexes(folder: DataFolder): VocabularyIndexes {
  const of = (v: VocabularyName) => fromEntries(vocabularyNames(folder, v).entries);
  return { 'patient-groups': of('patient-groups'), municipalities: of('municipalities'), 'offer-types': of('offer-types') };
}
