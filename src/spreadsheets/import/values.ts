// The words a spreadsheet uses for civsam's fixed values and vocabularies, in both languages, and
// how a cell's word is resolved to the value or id the data holds: case, accents and punctuation
// ignored, with the closest known names suggested when nothing matches.
import type { DataFolder } from '../../domain/folder.js';
import type { Language } from '../../i18n/index.js';
import { looseKey, nameKey } from '../../domain/text.js';
import { allEnumValues } from '../../domain/shapes.js';
import { valueLabel, VALUE_WORDS } from '../../i18n/values.js';

/** Danish words for the schemas' fixed values, from the catalogue's labels (English uses the value itself). */
export const DA_VALUE: Record<string, string> = Object.fromEntries(allEnumValues().map((v) => [v, valueLabel('da', v)]));

/** Further words people write for a value. */
const VALUE_ALIASES = VALUE_WORDS;

/** A lookup from words to values: the exact normalised form first, then the loose one when unambiguous. */
export class WordIndex {
  private exact = new Map<string, string | null>();
  private loose = new Map<string, string | null>();
  /** Names to suggest, per language: [display name, folded] for each value. */
  private names: Array<{ value: string; display: Record<Language, string>; folded: string[] }> = [];
  /** Values that are ids: an id always means itself, whatever names other entries have. */
  private ids = new Set<string>();

  addId(id: string): void {
    this.ids.add(id);
  }

  add(value: string, words: readonly string[], display: Record<Language, string>): void {
    for (const w of words) {
      put(this.exact, nameKey(w), value);
      put(this.loose, looseKey(w), value);
    }
    this.names.push({ value, display, folded: [...new Set(words.map(looseKey))] });
  }

  resolve(word: string): string | undefined {
    const trimmed = word.trim();
    if (this.ids.has(trimmed)) return trimmed;
    const e = this.exact.get(nameKey(word));
    if (e !== undefined) return e ?? undefined;
    const l = this.loose.get(looseKey(word));
    return l ?? undefined;
  }

  /** True when the word names more than one value. */
  ambiguous(word: string): boolean {
    return this.exact.get(nameKey(word)) === null || (this.exact.get(nameKey(word)) === undefined && this.loose.get(looseKey(word)) === null);
  }

  /** The known names closest to a word (edit distance), best first. */
  closest(word: string, lang: Language, n = 3): string[] {
    const f = looseKey(word);
    const scored = this.names.map((e) => {
      let best = Infinity;
      for (const k of e.folded) best = Math.min(best, distance(f, k) - (k.startsWith(f) || (f.length >= 3 && k.includes(f)) ? 0.5 : 0));
      return { name: e.display[lang], best };
    });
    scored.sort((a, b) => a.best - b.best || a.name.localeCompare(b.name, 'da'));
    return [...new Set(scored.slice(0, n).map((s) => s.name))];
  }

  all(lang: Language): string[] {
    return this.names.map((e) => e.display[lang]);
  }
}

function put(map: Map<string, string | null>, key: string, value: string): void {
  if (!key) return;
  const had = map.get(key);
  if (had === undefined) map.set(key, value);
  else if (had !== value) map.set(key, null);
}

/** Levenshtein distance, O(n·m) on short names. */
export function distance(a: string, b: string): number {
  if (a === b) return 0;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}

/** The word index for an enum's values. */
export function enumIndex(values: readonly string[]): WordIndex {
  const index = new WordIndex();
  for (const v of values) index.addId(v);
  for (const v of values) index.add(v, [v, DA_VALUE[v] ?? v, ...(VALUE_ALIASES[v] ?? [])], { en: v, da: DA_VALUE[v] ?? v });
  return index;
}

export type VocabularyIndexes = Record<'patient-groups' | 'municipalities' | 'offer-types', WordIndex>;

/** Vocabulary entries by id and by name in either language. */
export function vocabularyIndexes(folder: DataFolder): VocabularyIndexes {
  const pg = new WordIndex();
  for (const g of folder.vocabularies.patientGroups) pg.addId(g.id);
  for (const g of folder.vocabularies.patientGroups) pg.add(g.id, [g.id, g.name.da, g.name.en], { da: g.name.da, en: g.name.en });
  const mu = new WordIndex();
  for (const m of folder.vocabularies.municipalities) mu.addId(m.id);
  for (const m of folder.vocabularies.municipalities) mu.add(m.id, [m.id, m.name], { da: m.name, en: m.name });
  const ot = new WordIndex();
  for (const t of folder.vocabularies.offerTypes) ot.addId(t.id);
  for (const t of folder.vocabularies.offerTypes) ot.add(t.id, [t.id, t.name.da, t.name.en], { da: t.name.da, en: t.name.en });
  return { 'patient-groups': pg, municipalities: mu, 'offer-types': ot };
}
