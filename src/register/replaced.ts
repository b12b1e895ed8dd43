// What an edit's replacing list flag took away: `--budgets`, `--funding` and `--criteria` give the
// whole list anew, so an entry that was there and is not given again is gone. Each such entry is
// said in words after the write (a year and its amount, a pool, a criterion's wording), with the
// command that changes one entry and leaves the others, where there is one; a dry run says what
// the edit would remove.
import type { RecordKind } from '../domain/kinds.js';
import type { DataFolder } from '../domain/folder.js';
import { criterionText, quotedCriterion, type CriteriaList } from '../domain/applications.js';
import { nameKey } from '../domain/text.js';
import { isPlainObject, type Data as Rec } from '../domain/plain-data.js';
import { formatAmount } from '../i18n/format.js';
import { listWords, type Language, type Message } from '../i18n/index.js';
import { valueLabel } from '../i18n/values.js';
import { FIELDS, optionName } from './fields.js';

/** A replacing list: which entries are the same one (one a key), and an entry in words. */
interface ReplacedList {
  keys(item: unknown): string[];
  words(item: unknown, folder: DataFolder, lang: Language): string;
  message: 'register.replaced.budgets' | 'register.replaced.funding' | 'register.replaced.criteria';
  /** The same under --dry-run: what the edit would remove. */
  wouldMessage: 'register.wouldReplace.budgets' | 'register.wouldReplace.funding' | 'register.wouldReplace.criteria';
}

const item = (v: unknown): Rec => (isPlainObject(v) ? v : {});
const amount = (v: unknown, lang: Language) => (typeof v === 'number' ? formatAmount(v, lang) : '');

const BUDGETS: ReplacedList = {
  // One budget a year: a year given again is the same entry, whatever its amount now.
  keys: (v) => [String(item(v).year)],
  words: (v, _, lang) => `${String(item(v).year)}: ${amount(item(v).amount_dkk, lang)}`,
  message: 'register.replaced.budgets',
  wouldMessage: 'register.wouldReplace.budgets',
};

const FUNDING: ReplacedList = {
  // A line is its pool, year and kind; one given again with another amount was changed, not removed.
  keys: (v) => [[item(v).pool, item(v).year, item(v).kind].map(String).join('\n')],
  words: (v, folder, lang) => {
    const l = item(v);
    const pool = typeof l.pool === 'string' ? folder.records.pool.get(l.pool)?.name ?? l.pool : '';
    return `${pool} ${String(l.year)} (${valueLabel(lang, String(l.kind))}): ${amount(l.amount_dkk, lang)}`;
  },
  message: 'register.replaced.funding',
  wouldMessage: 'register.wouldReplace.funding',
};

const CRITERIA: ReplacedList = {
  // A criterion given again in either language, or by its id, is the same one.
  keys: (v) => {
    if (typeof v === 'string') return [nameKey(v)];
    const c = item(v);
    const text = item(c.text);
    return [...(typeof c.id === 'string' ? [`#${c.id}`] : []), ...[text.da, text.en].filter((t): t is string => typeof t === 'string').map(nameKey)];
  },
  words: (v, _, lang) => quotedCriterion(criterionText(v as CriteriaList[number], lang), lang),
  message: 'register.replaced.criteria',
  wouldMessage: 'register.wouldReplace.criteria',
};

/** The flags that give a whole list anew, by their field's path. */
function replacingList(kind: RecordKind, path: string): ReplacedList | undefined {
  const spec = FIELDS[kind].find((s) => s.path === path);
  if (spec?.type === 'budgets') return BUDGETS;
  if (spec?.type === 'funding') return FUNDING;
  if (spec?.criteria) return CRITERIA;
  return undefined;
}

/**
 * For each replacing list flag given: the entries the record had that the new list no longer has,
 * as a note (none when nothing was removed); under --dry-run (`dryRun`), what it would remove.
 */
export function removedByReplacing(kind: RecordKind, id: string, before: Rec, after: Rec, given: Record<string, unknown>, folder: DataFolder, lang: Language, dryRun = false): Message[] {
  const notes: Message[] = [];
  for (const spec of FIELDS[kind]) {
    const list = given[optionName(spec.flag)] === undefined ? undefined : replacingList(kind, spec.path);
    const was = before[spec.path];
    if (!list || !Array.isArray(was)) continue;
    const now = Array.isArray(after[spec.path]) ? (after[spec.path] as unknown[]) : [];
    const kept = new Set(now.flatMap((v) => list.keys(v)));
    const removed = was.filter((v) => !list.keys(v).some((k) => kept.has(k)));
    if (removed.length === 0) continue;
    notes.push({ key: dryRun ? list.wouldMessage : list.message, params: { count: removed.length, list: listWords(lang, removed.map((v) => list.words(v, folder, lang))), id } });
  }
  return notes;
}
