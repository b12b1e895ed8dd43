// The word that says what `civsam import` and `civsam export` work on: a kind of record, in any
// form the command line takes (English or Danish, singular or plural), or an overview. A word that
// names nothing they can do is answered in the user's language: what may be typed, the nearest of
// it, and the word itself only when it is shaped like an id; anything else may be data (a file
// name where the kind should be, a person's name), which a message never repeats.
import { UserError } from '../domain/errors.js';
import { isValidId } from '../domain/ids.js';
import { KIND_NAMES, kindFromName, type RecordKind } from '../domain/kinds.js';
import { nearestByName, type NamedEntry } from '../domain/names.js';
import { looseKey } from '../domain/text.js';
import { translate, type Language, type Message, type MessageKey } from '../i18n/index.js';
import type { OverviewName } from '../spreadsheets/export/overviews.js';
import { OVERVIEW_NAMES, OVERVIEW_WORDS } from '../spreadsheets/export/overview-names.js';

export { OVERVIEW_NAMES, OVERVIEW_WORDS };

const OVERVIEWS: readonly OverviewName[] = ['offers', 'coverage', 'funding', 'expiring'];

/** Grants in the 360Giving Data Standard: a format's name, the same in every language. */
export const GIVING = '360giving';

function both(key: MessageKey): Record<Language, string> {
  return { en: translate('en', key), da: translate('da', key) };
}

function kindEntry(kind: RecordKind): NamedEntry {
  const names = Object.keys(KIND_NAMES).filter((w) => KIND_NAMES[w] === kind);
  return { id: kind, names, display: both(`sheetKind.${kind}` as MessageKey) };
}

function overviewEntry(name: OverviewName): NamedEntry {
  const word = both('sheetKind.overview');
  const own = both(`sheetKind.overview.${name}` as MessageKey);
  const names = Object.keys(OVERVIEW_NAMES).filter((w) => OVERVIEW_NAMES[w] === name);
  return { id: `overview-${name}`, names: [...names, ...OVERVIEW_WORDS.flatMap((o) => names.map((n) => `${o} ${n}`))], display: { en: `${word.en} ${own.en}`, da: `${word.da} ${own.da}` } };
}

/** What a verb may be given, in the order a list shows it. */
export function sheetChoices(verb: 'import' | 'export', kinds: readonly RecordKind[]): NamedEntry[] {
  const records = kinds.map(kindEntry);
  if (verb === 'import') return records;
  const giving = { id: GIVING, names: [GIVING], display: { en: GIVING, da: GIVING } };
  return [...records, ...OVERVIEWS.map(overviewEntry), giving];
}

/** The choices as a list to read: the overviews as one item (`overblik tilbud|dækning|…`). */
function listed(choices: readonly NamedEntry[], lang: Language): string {
  const overviews = choices.filter((c) => c.id.startsWith('overview-'));
  const together = `${translate(lang, 'sheetKind.overview')} ${overviews.map((o) => translate(lang, `sheetKind.overview.${o.id.slice('overview-'.length)}` as MessageKey)).join('|')}`;
  const items: string[] = [];
  for (const c of choices) {
    if (!c.id.startsWith('overview-')) items.push(c.display[lang]);
    else if (c === overviews[0]) items.push(together);
  }
  return items.join(', ');
}

/**
 * The refusal of `typed` (the words as given, `nonsense` or `overview fundng`): named when every
 * word is id-shaped, with the nearest choices (matched in either language, shown in the user's).
 */
export function unknownSheetKind(verb: 'import' | 'export', typed: readonly string[], choices: readonly NamedEntry[], lang: Language, hasOutput = false): UserError {
  const kinds = listed(choices, lang);
  const choicesMessage: Message = { key: `sheetKind.${verb}.choices`, params: { kinds } };
  // After `overview` only the overview's own word is looked for (`fundng`, not `overview fundng`);
  // `overview` alone is answered by the list, which names every overview.
  const first = typed[0].toLowerCase();
  const overviewWord = OVERVIEW_WORDS.includes(first) && typed.length <= 2 ? typed[1] ?? '' : first.startsWith('overview-') && typed.length === 1 ? first.slice('overview-'.length) : undefined;
  const among = overviewWord === undefined ? choices : choices.filter((c) => c.id.startsWith('overview-'));
  const query = overviewWord ?? typed.join(' ');
  const near = query === '' ? [] : nearestByName(looseKey(query), among, (c) => c.names.map(looseKey), 3).map((c) => c.display[lang]);
  // `export organisations ud.csv`: the file belongs after --output. With --output given (or a word
  // that is no file name) the words after what can be exported are simply too many.
  const named = verb === 'export' ? namedPart(typed) : undefined;
  const extra = named === undefined ? 0 : typed.length - named.words;
  const toFile = extra === 1 && !hasOutput && /[./\\]/.test(typed[typed.length - 1]);
  const hint: Message = toFile ? { key: 'sheetKind.export.toFile', params: { option: { syntax: '--output <file>' } } }
    : named !== undefined && extra > 0 ? { key: 'sheetKind.export.extraWords', params: { count: extra, kind: named.display[lang], choices: choicesMessage } }
    : near.length > 0
    ? { key: 'sheetKind.nearAndChoices', params: { near: { key: 'names.didYouMean', params: { list: near.join(', ') } }, choices: choicesMessage } }
    : choicesMessage;
  return typed.every(isValidId)
    ? new UserError(`sheetKind.${verb}.named`, { kind: typed.join(' '), hint })
    : new UserError(`sheetKind.${verb}.unnamed`, { hint });
}

/** What the first words name that can be exported (a kind, `360giving`, or an overview and its name), and how many words that took. */
function namedPart(typed: readonly string[]): { words: number; display: Record<Language, string> } | undefined {
  const first = typed[0].toLowerCase();
  const kind = kindFromName(first);
  if (kind) return { words: 1, display: kindEntry(kind).display };
  if (first === GIVING) return { words: 1, display: { en: GIVING, da: GIVING } };
  const overview = OVERVIEW_WORDS.includes(first) ? { words: 2, word: (typed[1] ?? '').toLowerCase() } : first.startsWith('overview-') ? { words: 1, word: first.slice('overview-'.length) } : undefined;
  if (overview === undefined || !Object.hasOwn(OVERVIEW_NAMES, overview.word)) return undefined;
  return { words: overview.words, display: overviewEntry(OVERVIEW_NAMES[overview.word]).display };
}
