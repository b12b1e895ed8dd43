import { catalogue, type MessageKey } from './catalogue/index.js';
import { LANGUAGES, type Language } from './define.js';
import { terminalSafe } from './terminal-text.js';
import { fillTemplate } from './message-format.js';
import { formatDate, formatNumber } from './format.js';
import { localSyntax, placeholderWord } from './syntax.js';

export type { Language } from './define.js';
export type { MessageKey } from './catalogue/index.js';
export type MessageParams = { [name: string]: string | number | Message | Alternatives | Syntax | FieldName | Lines | InLanguages };

/** A text the data gives in each language (a criterion's wording): shown in the reader's. */
export type InLanguages = { inLanguage: Record<Language, string> };

/** Messages shown one a line (a list a person reads down, such as the rules a word matches). */
export type Lines = { lines: readonly Message[] };

/**
 * A piece of the command line's syntax (`--name <text>`, `<id>`, `kind`): shown with its
 * placeholders in the language's words (i18n/syntax.ts); `placeholder` is a bare argument name.
 */
export type Syntax = { syntax: string } | { placeholder: string };

/** A field's path (`contact.email`) named by its label in the language, as `show` heads it (`Kontakt: e-mail`). */
export type FieldName = { label: string };

/**
 * Fixed values (schema enums) shown by their labels in the language: `or` as alternatives, `list`
 * with commas; `codes` for values a user must write as they are (in a file): each code with its
 * label beside it where the label says more (`draft (kladde), active (aktiv)`).
 */
export type Alternatives = ({ or: readonly string[] } | { list: readonly string[] } | { codes: readonly string[] }) & { field?: string };

/** A message to show a user: a catalogue key and its parameters, translated only when rendered. */
export interface Message {
  key: MessageKey;
  params?: MessageParams;
}

/**
 * Parameters that hold a date. A message is for people: a date in it is written as the language
 * writes dates (`5. dec. 2026`, `5 Dec 2026`), whoever passed it; ISO stays for JSON and CSV data.
 */
const DATE_PARAMS = new Set(['date', 'asOf', 'since', 'until', 'from', 'deadline', 'opens', 'start', 'end', 'today', 'received', 'due', 'published', 'confirmed']);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A whole number in a message is a count or a size, written as the language groups its digits
 * (`44.870 filer`, `44,870 files`), except these: a year, a line or column of a file, a row or
 * column of a sheet (as a spreadsheet numbers them), a process id, an exit code.
 */
const PLAIN_NUMBERS = new Set(['year', 'firstYear', 'lastYear', 'line', 'col', 'row', 'column', 'pid', 'code', 'index', 'rank']);

// Names that keep their capital wherever they stand.
const PROPER_NAMES = new Set(['Git', 'Danmark', 'Denmark', 'Danish', 'English', 'Herfindahl']);

/**
 * A field's path (`active_from`, `patient_groups[1]`, `contact.email`) as the language names it: its
 * label (`Aktiv fra`, `Patientgruppe nr. 2`, `Kontakt: e-mail`), as `show` heads it; undefined when
 * a part of it has no label in the catalogue.
 */
const FIELD_PATH = /^[a-z_]+(\[\d+\])?(\.[a-z_]+(\[\d+\])?)*$/;
function labelledPath(lang: Language, path: string, atStart: boolean): string | undefined {
  if (!FIELD_PATH.test(path)) return undefined;
  const labels = catalogue[lang] as Record<string, string>;
  const parts: string[] = [];
  for (const [i, step] of path.split('.').entries()) {
    const m = /^([a-z_]+)(?:\[(\d+)\])?$/.exec(step)!;
    // One item of a list is named by what one item is called (`Budget nr. 1`, not `Budgetter nr. 1`).
    const label = (m[2] === undefined ? undefined : labels[`label.item.${m[1]}`]) ?? labels[`label.${m[1]}`];
    if (label === undefined) return undefined;
    const named = i === 0 ? label : labelInSentence(lang, label);
    parts.push(m[2] === undefined ? named : lang === 'da' ? `${named} nr. ${Number(m[2]) + 1}` : `${named} no. ${Number(m[2]) + 1}`);
  }
  const shown = parts.join(': ');
  return atStart ? shown : labelInSentence(lang, shown);
}

/**
 * A field's label inside a sentence: small (`registreret`, `status`), as a table heads it with a
 * capital; an abbreviation keeps its capitals (`CVR-nummer`), and a name its capital (`Danish`).
 */
export function labelInSentence(lang: Language, label: string): string {
  const first = /^\p{L}+/u.exec(label)?.[0] ?? '';
  return /^\p{Lu}\p{Lu}/u.test(label) || PROPER_NAMES.has(first) ? label : label.charAt(0).toLocaleLowerCase(lang) + label.slice(1);
}

/**
 * The message in the language, its counts in the language's plural forms (see message-format.ts).
 * Every parameter goes through the terminal sanitiser: a parameter
 * may come from a file name, a sheet's cell or the command line, and an escape code in it must
 * not reach the terminal (nor a line break forge a line of its own); the catalogue's own text is
 * trusted.
 */
export function translate(lang: Language, key: MessageKey, params: MessageParams = {}): string {
  const template: string = catalogue[lang][key] ?? catalogue.en[key] ?? key;
  const shown = (name: string): string | undefined => {
    if (!Object.hasOwn(params, name)) return undefined;
    const v = params[name];
    if (typeof v === 'string' && DATE_PARAMS.has(name) && ISO_DATE.test(v)) return formatDate(v, lang);
    if (typeof v === 'number' && Number.isSafeInteger(v) && !PLAIN_NUMBERS.has(name)) return formatNumber(v, lang);
    // A field's path a message names (`patient_groups[0]`) is named by its label in either language
    // (`Patient group no. 1`, `Patientgruppe nr. 1`), as people know the field; a commit message's
    // own wording of a field is left as its caller made it.
    if (typeof v === 'string' && (name === 'field' || name === 'earlierField') && !key.startsWith('commit.') && FIELD_PATH.test(v)) return terminalSafe(labelledPath(lang, v, name === 'field' && /^\{field\}/.test(template)) ?? v, { lineBreaks: 'space' });
    if (typeof v !== 'object') return terminalSafe(String(v), { lineBreaks: 'space' });
    if ('syntax' in v) return terminalSafe(localSyntax(lang, v.syntax), { lineBreaks: 'space' });
    if ('placeholder' in v) return terminalSafe(placeholderWord(lang, v.placeholder), { lineBreaks: 'space' });
    if ('label' in v) {
      // A field named as people know it in either language: the whole path's label, else its last
      // part's (the field inside an object of no label), else as written.
      const atStart = template.startsWith(`{${name}}`);
      const last = v.label.split('.').pop() ?? v.label;
      return terminalSafe(labelledPath(lang, v.label, atStart) ?? labelledPath(lang, last, atStart) ?? v.label, { lineBreaks: 'space' });
    }
    if ('inLanguage' in v) return terminalSafe(v.inLanguage[lang], { lineBreaks: 'space' });
    if ('lines' in v) return v.lines.map((m) => translate(lang, m.key, m.params)).join('\n');
    const labels = catalogue[lang] as Record<string, string>;
    // A value of a field that has labels of its own (a hearing point's disposition) is said by those.
    const field = 'field' in v ? v.field : undefined;
    const label = (x: string): string => terminalSafe((field !== undefined ? labels[`value.${field}.${x}`] : undefined) ?? labels[`value.${x}`] ?? String(x), { lineBreaks: 'space' });
    if ('or' in v) return listWords(lang, v.or.map(label), 'disjunction');
    if ('list' in v) return v.list.map(label).join(', ');
    if ('codes' in v) {
      // A label that only spells its code with spaces (`relatives' association`) is not said twice.
      const letters = (x: string): string => x.replace(/[^\p{L}\p{N}]/gu, '').toLowerCase();
      return v.codes.map((x) => { const code = terminalSafe(x, { lineBreaks: 'space' }); const l = label(x); return letters(l) === letters(x) ? code : `${code} (${l})`; }).join(', ');
    }
    return translate(lang, v.key, v.params);
  };
  return fillTemplate(template, lang, shown, (name) => params[name]);
}

/**
 * A message that follows a lead ending in a colon ("fejl:", "error:"), which starts no sentence of
 * its own: its first word small, as the catalogue writes most such messages. Only a word the
 * catalogue wrote (never a parameter: a path or a name stays as it is), and not a name or an
 * abbreviation (CVR).
 */
export function translateAfterColon(lang: Language, key: MessageKey, params: MessageParams = {}): string {
  const text = translate(lang, key, params);
  const template: string = catalogue[lang][key] ?? catalogue.en[key] ?? key;
  const first = /^\p{Lu}\p{Ll}*(?![\p{L}\p{N}])/u.exec(template)?.[0];
  return first !== undefined && !PROPER_NAMES.has(first) && text.startsWith(first) ? text.charAt(0).toLocaleLowerCase(lang) + text.slice(1) : text;
}

/**
 * The language the command line and environment decide: --lang, else CIVSAM_LANG, else a Danish
 * locale (LC_ALL, LC_MESSAGES or LANG, the first that is set); none otherwise. An English or C
 * locale is what most computers have whatever their user reads, so it does not decide: the data
 * folder's own language comes before it, and English after that.
 */
export function languageFromEnvironment(argv: readonly string[], env: NodeJS.ProcessEnv): Language | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') break;
    const v = a === '--lang' ? argv[i + 1] : a.startsWith('--lang=') ? a.slice(7) : undefined;
    const code = v === undefined ? undefined : languageChoice(v);
    if (code === 'da' || code === 'en') return code;
  }
  const explicit = env.CIVSAM_LANG?.trim().toLowerCase();
  if (explicit === 'da' || explicit === 'en') return explicit;
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG'] as const) {
    const locale = env[name]?.trim().toLowerCase();
    if (!locale || locale === 'c' || locale === 'posix' || locale.startsWith('c.')) continue;
    return locale.startsWith('da') ? 'da' : undefined;
  }
  return undefined;
}

/** What civsam publish's --lang takes: either language, or `both` for a site in both. */
export const PUBLISH_LANGUAGES = ['da', 'en', 'both'] as const;

/**
 * A value of --lang by its code (`da`, `en`, `both`: civsam publish's site in both languages) or
 * its label in either language (`dansk`, `English`, `begge`), as the command line takes other
 * fixed values; undefined for any other word.
 */
export function languageChoice(word: string): Language | 'both' | undefined {
  const w = word.trim().toLocaleLowerCase('da');
  return PUBLISH_LANGUAGES.find((code) => w === code || LANGUAGES.some((l) => (catalogue[l] as Record<string, string>)[`value.${code}`]?.toLocaleLowerCase('da') === w));
}

const listFormats = new Map<string, Intl.ListFormat>();

/** Items as a sentence joins them in the language: `a, b og c`, `a, b or c` (or `eller`). */
export function listWords(lang: Language, items: readonly string[], type: 'conjunction' | 'disjunction' = 'conjunction'): string {
  const key = `${lang} ${type}`;
  let f = listFormats.get(key);
  if (!f) listFormats.set(key, (f = new Intl.ListFormat(lang === 'da' ? 'da' : 'en-GB', { type })));
  return f.format(items);
}

/**
 * Items (names, or messages) joined as the reader's language lists things: `A, B and C`, `A, B og C`.
 * A message, worded when it is shown (a finding's, an error's), where listWords words strings now.
 */
export function andList(items: ReadonlyArray<Message | string>): Message | string {
  if (items.length === 0) return '';
  if (items.length === 1) return items[0];
  const [last, ...before] = [...items].reverse();
  let out: Message = { key: 'audit.fmt.and', params: { first: before[0], last } };
  for (const f of before.slice(1)) out = { key: 'audit.fmt.list', params: { first: f, rest: out } };
  return out;
}
