// Names where ids and codes are asked: the one resolver that turns a word a person wrote (an id, a
// prefix of one, a name in Danish or English, a fixed value's label) into the id or value the data
// holds, and the one ranking that says how close a word is to a known entry. The command line,
// the import and `civsam find` all go through here, so a word means the same thing everywhere.
//
// Words are compared folded (domain/text.ts): case, accents, punctuation and spacing ignored, and
// Danish letters matched both as themselves loosened (`ø` as `o`) and spelt out as ids spell them
// (`ø` as `oe`), so `århus`, `Aarhus` and `aarhus` are one word.
import type { DataFolder } from './folder.js';
import type { RecordKind, Target, VocabularyName } from './kinds.js';
import { asciiFold, caseKey, looseKey, nameKey, writesDanishLetter } from './text.js';
import { allEnumValues } from './shapes.js';
import type { Language } from '../i18n/index.js';
import { valueLabel, VALUE_WORDS } from '../i18n/values.js';

/**
 * The most letters of each side that the edit distance compares. Names are short; a word typed
 * longer than this is far from every name whatever its tail, so the tail is counted by its length
 * alone. Every suggestion (nearest name, "Did you mean") goes through here, so none costs more
 * than linear time in what was typed, however long.
 */
export const MAX_COMPARED = 128;

/**
 * Levenshtein distance, O(n·m) on short names. Beyond MAX_COMPARED letters, what is left of each
 * side counts as the difference in its length: never less than the true distance's lower bound
 * (the difference in length), exact when both fit.
 */
export function distance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length > MAX_COMPARED || b.length > MAX_COMPARED) {
    const head = levenshtein(a.slice(0, MAX_COMPARED), b.slice(0, MAX_COMPARED));
    return head + Math.abs(Math.max(0, a.length - MAX_COMPARED) - Math.max(0, b.length - MAX_COMPARED));
  }
  return levenshtein(a, b);
}

function levenshtein(a: string, b: string): number {
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

/** Edit distance, with two neighbouring letters swapped counted as one slip (`hlep`). */
export function slips(a: string, b: string): number {
  if (a.length === b.length) {
    const differ = [...a].flatMap((c, i) => (c === b[i] ? [] : [i]));
    if (differ.length === 2 && differ[1] === differ[0] + 1 && a[differ[0]] === b[differ[1]] && a[differ[1]] === b[differ[0]]) return 1;
  }
  return distance(a, b);
}

/**
 * The items a mistyped word (a command, a kind of sheet) may be meant for, best first, at most
 * three: one slip in any word, two in a word of five letters or more, or the start of one of its
 * names (from `minStart` letters on). Words and names are compared as given: fold them first.
 */
export function nearestByName<T>(word: string, items: readonly T[], namesOf: (item: T) => readonly string[], minStart: number): T[] {
  const scored = items.map((item) => {
    const names = namesOf(item);
    return { item, d: word.length >= minStart && names.some((n) => n.startsWith(word)) ? 0 : Math.min(...names.map((n) => slips(word, n))) };
  });
  return scored.filter((s) => s.d <= 1 || (s.d === 2 && word.length >= 5)).sort((a, b) => a.d - b.d).slice(0, 3).map((s) => s.item);
}

/** The folded forms of a word: loosened (`ø` → `o`) and spelt out as in ids (`ø` → `oe`). */
export function foldedForms(s: string): string[] {
  const forms = [looseKey(s), nameKey(asciiFold(s))].filter((f) => f.length > 0);
  return [...new Set(forms)];
}

/**
 * The forms a typed word is looked for in: its folded forms, except that a word written with æ, ø
 * or å (or aa) is only spelt out (`å` → `aa`), never loosened to a or o: it finds å and aa only.
 */
export function typedForms(s: string): string[] {
  return writesDanishLetter(s) ? [nameKey(asciiFold(s))].filter((f) => f.length > 0) : foldedForms(s);
}

/** The folded forms of each word in a text (`Angstforeningen Midt` → angstforeningen, midt). */
function wordForms(s: string, forms: (word: string) => string[] = foldedForms): string[] {
  return [...new Set(s.split(/[^\p{L}\p{N}]+/u).flatMap(forms))];
}

/** One thing a word may name: its id, the names it goes by, and how it is shown in each language. */
export interface NamedEntry {
  id: string;
  /** Every word it goes by: names in both languages, labels, further words people write. */
  names: readonly string[];
  display: Record<Language, string>;
}

/**
 * How well a word matches an entry, lower is better: 0 the id or a name exactly, 1 the start of
 * the id or a name, 2 the start of a word in a name, 3 somewhere inside, 4 close by edit distance;
 * `distance` orders entries within a tier. Undefined when it is not close at all.
 */
export interface Rank {
  tier: 0 | 1 | 2 | 3 | 4;
  distance: number;
}

interface Prepared {
  entry: NamedEntry;
  whole: string[];
  words: string[];
}

function prepare(entry: NamedEntry): Prepared {
  const texts = [entry.id, ...entry.names];
  return { entry, whole: [...new Set(texts.flatMap(foldedForms))], words: [...new Set(entry.names.flatMap((n) => wordForms(n)))] };
}

/** The edit distance still called close for a word of this length. */
function closeEnough(length: number): number {
  // A word of three letters or fewer is one letter from too many others (`anx` from `and`) to suggest any.
  return length <= 3 ? 0 : length <= 5 ? 1 : length <= 8 ? 2 : 3;
}

/** How many letters two words begin with in common. */
function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/** A word too short to be close to anything but itself: one or two letters match too much. */
const MIN_CLOSE = 3;

function rankPrepared(query: Query, p: Prepared, onlyClose = true): Rank | undefined {
  const { whole: q, words: qWords } = query;
  let best = Infinity;
  for (const f of q) for (const w of p.whole) best = Math.min(best, distance(f, w));
  if (q.some((f) => p.whole.includes(f))) return { tier: 0, distance: 0 };
  if (q.some((f) => p.whole.some((w) => w.startsWith(f)))) return { tier: 1, distance: best };
  if (q.some((f) => p.words.some((w) => w.startsWith(f)))) return { tier: 2, distance: best };
  if (q.some((f) => f.length >= 2 && p.whole.some((w) => w.includes(f)))) return { tier: 3, distance: best };
  // Close to a whole name ranks before close to one word of a longer name.
  let near = best;
  let close = false;
  // Several words are as near as all of them together (below): `Foreningen Lyspunkett` is nearest
  // to Foreningen Lyspunktet, not to every name that shares the word Foreningen.
  const severalWords = query.pieces.length > 1;
  for (const f of [...q, ...qWords]) {
    if (f.length < MIN_CLOSE) continue;
    const whole = q.includes(f);
    for (const w of [...p.whole, ...p.words]) {
      const d = distance(f, w);
      if (whole || !severalWords) near = Math.min(near, p.whole.includes(w) ? d : d + 0.5);
      // `angst-og-ocd` is about `Angst`; `samtalegruppe` about `Samtale- og selvhjælpsgruppe`.
      if (d <= closeEnough(f.length) || (w.length >= 4 && f.startsWith(w)) || commonPrefix(f, w) >= 5) close = true;
    }
  }
  if (severalWords && p.words.length > 0) {
    const sum = query.pieces.reduce((total, forms) => total + Math.min(...forms.flatMap((f) => p.words.map((w) => distance(f, w)))), 0);
    near = Math.min(near, sum + 0.5);
  }
  return close || !onlyClose ? { tier: 4, distance: near } : undefined;
}

interface Query {
  whole: string[];
  words: string[];
  /** Each word's folded forms. */
  pieces: string[][];
}

/** The most words of a typed text compared one by one: no name has more, and more would only cost time. */
const MAX_QUERY_WORDS = 32;

function queryOf(word: string): Query {
  const pieces = word.split(/[^\p{L}\p{N}]+/u).slice(0, MAX_QUERY_WORDS * 2).map(typedForms).filter((forms) => forms.length > 0).slice(0, MAX_QUERY_WORDS);
  return { whole: typedForms(word), words: [...new Set(pieces.flat())], pieces };
}

/** How a word ranks against one entry (see Rank); undefined when it is not close. */
export function rankEntry(word: string, entry: NamedEntry): Rank | undefined {
  const q = queryOf(word);
  return q.whole.length === 0 ? undefined : rankPrepared(q, prepare(entry));
}

/** The outcome of resolving a word: the id, several candidates, or nothing (with the closest). */
export type Resolution =
  | { status: 'found'; id: string }
  | { status: 'ambiguous'; candidates: NamedEntry[] }
  | { status: 'unknown'; closest: NamedEntry[] };

/** A prefix shorter than this never picks a record: one or two letters are too easily a typo. */
export const MIN_PREFIX = 3;

/** A set of entries a word is resolved against, and ranked in. */
export class NameIndex {
  private readonly prepared: Prepared[];
  private readonly byId: Map<string, NamedEntry>;

  constructor(entries: readonly NamedEntry[]) {
    this.prepared = entries.map(prepare);
    this.byId = new Map(entries.map((e) => [e.id, e]));
  }

  get entries(): NamedEntry[] {
    return this.prepared.map((p) => p.entry);
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  get(id: string): NamedEntry | undefined {
    return this.byId.get(id);
  }

  /**
   * Every entry the word matches, best first (then by id). Entries that are not close are left out.
   */
  ranked(word: string, { onlyClose = true }: { onlyClose?: boolean } = {}): Array<{ entry: NamedEntry; rank: Rank }> {
    const q = queryOf(word);
    if (q.whole.length === 0) return [];
    const out: Array<{ entry: NamedEntry; rank: Rank }> = [];
    for (const p of this.prepared) {
      const rank = rankPrepared(q, p, onlyClose);
      if (rank) out.push({ entry: p.entry, rank });
    }
    return out.sort((a, b) => a.rank.tier - b.rank.tier || a.rank.distance - b.rank.distance || a.entry.id.localeCompare(b.entry.id));
  }

  /**
   * The entries closest to a word, best first, at most `n`, only those close enough to suggest:
   * what the word is part of, then what it misses by a slip or two (two letters swapped, `tset`
   * for `test`, is one, as for a mistyped command), then what is merely near.
   */
  closest(word: string, n = 3): NamedEntry[] {
    const ranked = this.ranked(word);
    // A word of three letters or fewer is a slip away from too many others to suggest any.
    const slipped = typedForms(word).filter((f) => f.length > 3).flatMap((f) => nearestByName(f, this.prepared, (p) => p.whole, MIN_PREFIX));
    // Of those merely near, only the nearest few: not every name that shares one word with the best.
    const nearest = ranked.find((r) => r.rank.tier === 4)?.rank.distance ?? 0;
    const near = ranked.filter((r) => r.rank.tier < 4 || r.rank.distance <= nearest + 2);
    const entries = [...near.filter((r) => r.rank.tier < 4).map((r) => r.entry), ...slipped.map((p) => p.entry), ...near.map((r) => r.entry)];
    return [...new Set(entries)].slice(0, n);
  }

  /** The `n` entries nearest to a word, however far: for a list to choose from. */
  nearest(word: string, n = 3): NamedEntry[] {
    return this.ranked(word, { onlyClose: false }).slice(0, n).map((r) => r.entry);
  }

  /**
   * Exact matches only (for a spreadsheet's cells, where a prefix could pick the wrong entry
   * silently): the id as written, else one entry whose id or name folds to the same word.
   */
  exact(word: string): Resolution {
    const trimmed = word.trim();
    if (this.byId.has(trimmed)) return { status: 'found', id: trimmed };
    const byCase = caseKey(trimmed);
    if (this.byId.has(byCase)) return { status: 'found', id: byCase };
    const q = typedForms(word);
    // The strict fold first (`ø` kept), so `Sø` and `So` are told apart when both exist.
    const strict = nameKey(word);
    const strictHits = this.prepared.filter((p) => [p.entry.id, ...p.entry.names].some((n) => nameKey(n) === strict && strict !== ''));
    if (strictHits.length === 1) return { status: 'found', id: strictHits[0].entry.id };
    if (strictHits.length > 1) return { status: 'ambiguous', candidates: strictHits.map((p) => p.entry) };
    const suggested = this.suggestedForm(trimmed);
    if (suggested) return { status: 'found', id: suggested };
    const hits = this.prepared.filter((p) => q.some((f) => p.whole.includes(f)));
    if (hits.length === 1) return { status: 'found', id: hits[0].entry.id };
    if (hits.length > 1) return { status: 'ambiguous', candidates: hits.map((p) => p.entry) };
    return { status: 'unknown', closest: this.closest(word) };
  }

  /**
   * The id of an entry written as a suggestion shows it (`Angstforeningen Skive
   * (angstforeningen-skive)`, context/names.ts `shown`): its name, then its id in brackets. The id
   * must be the entry's and the name one of its names, so a suggestion copied as it was printed
   * is taken, and nothing else is read into brackets.
   */
  private suggestedForm(word: string): string | undefined {
    const m = /^(.*\S)\s*\(([^()]+)\)$/su.exec(word);
    if (!m) return undefined;
    const entry = this.byId.get(m[2].trim());
    const name = nameKey(m[1]);
    return entry && name !== '' && entry.names.some((n) => nameKey(n) === name) ? entry.id : undefined;
  }

  /**
   * The entries one of whose names holds the word as a whole word, case and accents ignored
   * (`behov` in »Tilbuddet dækker et behov, der ikke dækkes i dag«): one is found, several are
   * ambiguous. A word shorter than MIN_PREFIX letters, or of several words, finds nothing.
   */
  wholeWord(word: string): Resolution {
    const forms = typedForms(word);
    if (/[^\p{L}\p{N}]/u.test(word.trim()) || Math.max(0, ...forms.map((f) => f.length)) < MIN_PREFIX) return { status: 'unknown', closest: [] };
    const hits = this.prepared.filter((p) => forms.some((f) => p.words.includes(f)));
    if (hits.length === 1) return { status: 'found', id: hits[0].entry.id };
    if (hits.length > 1) return { status: 'ambiguous', candidates: hits.map((p) => p.entry) };
    return { status: 'unknown', closest: [] };
  }

  /**
   * What a word typed on the command line names: an exact match (`exact`), else the one entry whose
   * id or name begins with it (at least MIN_PREFIX letters); several are ambiguous, never guessed.
   */
  resolve(word: string): Resolution {
    const exact = this.exact(word);
    if (exact.status !== 'unknown') return exact;
    const q = typedForms(word);
    if (Math.max(0, ...q.map((f) => f.length)) >= MIN_PREFIX) {
      const hits = this.prepared.filter((p) => q.some((f) => f.length >= MIN_PREFIX && p.whole.some((w) => w.startsWith(f))));
      if (hits.length === 1) return { status: 'found', id: hits[0].entry.id };
      if (hits.length > 1) return { status: 'ambiguous', candidates: hits.map((p) => p.entry) };
    }
    return exact;
  }

  /**
   * What a word names among entries people know by parts of long names (applications): an exact
   * match (`exact`), else every entry whose id or one of whose names holds the word anywhere (at
   * least MIN_PREFIX letters; case, accents and spacing ignored). Danish compounds hide a word inside
   * a longer one (`foreningen` in `Pårørendeforeningen`), so a word that begins one name and sits
   * inside another names both: one is found, several are ambiguous, never guessed.
   */
  resolveContained(word: string): Resolution {
    const exact = this.exact(word);
    if (exact.status !== 'unknown') return exact;
    const q = [...new Set(typedForms(word).map(nameKey))].filter((f) => f.length >= MIN_PREFIX);
    if (q.length === 0) return exact;
    const hits = this.prepared.filter((p) => [p.entry.id, ...p.entry.names].some((n) => {
      const forms = [nameKey(n), ...foldedForms(n).map(nameKey)];
      return q.some((f) => forms.some((w) => w.includes(f)));
    }));
    if (hits.length === 1) return { status: 'found', id: hits[0].entry.id };
    if (hits.length > 1) return { status: 'ambiguous', candidates: hits.map((p) => p.entry) };
    return exact;
  }
}

/** A fixed value's entry: the value, its label in both languages (for `field`, where it has its own) and the further words people write. */
export function enumEntry(value: string, field?: string): NamedEntry {
  const da = valueLabel('da', value, field);
  const en = valueLabel('en', value, field);
  return { id: value, names: [value, da, en, ...(VALUE_WORDS[value] ?? [])], display: { da, en: value } };
}

const enumCache = new Map<string, NameIndex>();

/** The index of a schema enum's values. */
export function enumNames(values: readonly string[], field?: string): NameIndex {
  const key = `${field ?? ''}\u0001${values.join('\u0000')}`;
  let index = enumCache.get(key);
  if (!index) enumCache.set(key, (index = new NameIndex(values.map((v) => enumEntry(v, field)))));
  return index;
}

/** Every fixed value of every schema, for the Danish word of each (exports and imports). */
export const ALL_ENUM_VALUES: readonly string[] = allEnumValues();

/** A vocabulary's entries: ids and names in both languages. */
export function vocabularyNames(folder: DataFolder, vocabulary: VocabularyName): NameIndex {
  switch (vocabulary) {
    case 'patient-groups':
      return new NameIndex(folder.vocabularies.patientGroups.map((g) => ({ id: g.id, names: [g.name.da, g.name.en], display: { da: g.name.da, en: g.name.en } })));
    case 'municipalities':
      return new NameIndex(folder.vocabularies.municipalities.map((m) => ({ id: m.id, names: [m.name], display: { da: m.name, en: m.name } })));
    case 'offer-types':
      return new NameIndex(folder.vocabularies.offerTypes.map((t) => ({ id: t.id, names: [t.name.da, t.name.en], display: { da: t.name.da, en: t.name.en } })));
  }
}

/**
 * A record's name as people know it: an organisation's or a pool's name, the title of the others;
 * a hearing party goes by its organisation's name.
 */
export function recordName(folder: DataFolder, kind: RecordKind, record: Record<string, unknown>): string | undefined {
  if (kind === 'hearing-party') {
    const org = typeof record.organisation === 'string' ? folder.records.organisation.get(record.organisation) : undefined;
    return org?.name;
  }
  const name = record.name ?? record.title;
  return typeof name === 'string' ? name : undefined;
}

/**
 * A record kind's entries: ids and names (or titles). An application also goes by the names of the
 * organisations behind it, which is how a case worker knows most of them (many have no title): the
 * name finds it when it names that one application, and lists them all when it names several.
 */
export function recordNames(folder: DataFolder, kind: RecordKind): NameIndex {
  const entries: NamedEntry[] = [];
  for (const [id, record] of folder.records[kind] as unknown as Map<string, Record<string, unknown>>) {
    const name = recordName(folder, kind, record);
    const orgs = kind === 'application' && Array.isArray(record.organisations)
      ? record.organisations.flatMap((o) => (typeof o === 'string' ? folder.records.organisation.get(o)?.name ?? [] : []))
      : [];
    const shown = name ?? (orgs.length > 0 ? orgs.join(', ') : id);
    entries.push({ id, names: [...(name ? [name] : []), ...orgs], display: { da: shown, en: shown } });
  }
  return new NameIndex(entries);
}

/** The index of a reference's target: a record kind or a vocabulary. */
export function targetNames(folder: DataFolder, target: Target): NameIndex {
  return target === 'patient-groups' || target === 'municipalities' || target === 'offer-types' ? vocabularyNames(folder, target) : recordNames(folder, target);
}
