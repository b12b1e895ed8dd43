// Every message in the catalogue, rendered as a user would see it in each language: counts in real
// plurals (never `fil(er)` or `file(s)`), and Danish text without English words in it.
import { describe, expect, it } from 'vitest';
import { catalogue, catalogueParts, type MessageKey } from '../src/i18n/catalogue/index.js';
import { translate, type Language, type MessageParams } from '../src/i18n/index.js';
import { parametersOf, pluralParametersOf } from '../src/i18n/message-format.js';
import { severityCounts } from '../src/i18n/severity-counts.js';

const KEYS = Object.keys(catalogue.en) as MessageKey[];

/** A bracket plural: a letter followed by an ending in brackets (`fil(er)`, `error(s)`, `sammenlignelig(e)`). */
const BRACKET_PLURAL = /\p{L}\((?:s|e|er|r|n|ne|en|et|ene|es|ies)\)/u;

/**
 * English words that have no business in Danish text, as whole words. Codes a user types stay as
 * they are and are taken out before looking: options (`--dry-run`), commands after `civsam` or
 * `git`, field names (`established_by`), file names and placeholders in capitals (ÅÅÅÅ-MM-DD).
 */
const ENGLISH = ['the', 'and', 'of', 'with', 'is', 'are', 'was', 'were', 'has', 'not', 'which', 'this', 'that', 'in', 'error', 'errors', 'warning', 'warnings', 'file', 'files', 'found', 'saved', 'committed', 'committet', 'record', 'records', 'row', 'rows', 'finding', 'findings', 'folder', 'missing', 'invalid', 'unknown', 'please', 'should', 'cannot', 'field', 'fields', 'proposal', 'seated', 'waited', 'added', 'changed', 'removed'];
const ENGLISH_WORD = new RegExp(`(?<![\\p{L}\\d_-])(?:${ENGLISH.join('|')})(?![\\p{L}\\d_-])`, 'iu');

/** Messages that name the values an option takes (`--fail-on error`): codes the user types. */
const NAMES_OPTION_VALUES = new Set<MessageKey>(['opt.hearing.failOn', 'opt.audit.failOn', 'opt.note.reason', 'hearingNote.dispositionMissing']);

/** The text with what a user types as code taken out. */
function prose(text: string): string {
  return text
    .replace(/\b(?:civsam|git|chmod)(?: (?:--?[\w-]+(?:=\S+)?|[a-z][\w-]*|[A-ZÆØÅ][A-ZÆØÅ_-]+|\.{3}|…))+/g, ' ')
    .replace(/--?[a-z][\w-]*(?:=\S+)?/g, ' ')
    .replace(/\b\w+_\w+\b/g, ' ')
    .replace(/\S+\.(?:yaml|json|csv|xlsx|md|html)\b/g, ' ');
}

/** Sample parameters for a template: `count` for every plural, a neutral word for the rest. */
function sampleParams(template: string, count: number): MessageParams {
  const plural = new Set(pluralParametersOf(template));
  return Object.fromEntries(parametersOf(template).map((name) => [name, plural.has(name) ? count : 'X']));
}

/** Each message in a language, with its plurals at one and at two (the same key may appear twice). */
function rendered(lang: Language): Array<[MessageKey, string]> {
  return KEYS.flatMap((key) => {
    const template = catalogue[lang][key];
    const counts = pluralParametersOf(catalogue.en[key]).length + pluralParametersOf(template).length > 0 ? [1, 2] : [2];
    return counts.map((n) => [key, translate(lang, key, sampleParams(`${catalogue.en[key]} ${template}`, n))] as [MessageKey, string]);
  });
}

describe('the parts', () => {
  it('no key is defined in two parts (the later would silently win, as value.partly once did: a hearing point "partly granted")', () => {
    const where = new Map<string, number>();
    const twice: string[] = [];
    catalogueParts.forEach((part, i) => {
      for (const key of Object.keys(part.en)) {
        if (where.has(key)) twice.push(key);
        where.set(key, i);
      }
    });
    expect(twice).toEqual([]);
  });
});

describe('plurals', () => {
  it('a count picks the words of its plural form, in each language', () => {
    const summary = (errors: number, warnings: number, files: number) => ['en', 'da'].map((lang) => translate(lang as Language, 'validate.summary', { counts: severityCounts(errors, warnings), files, read: files + 4 }));
    expect(summary(1, 1, 1)).toEqual(['1 error and 1 warning in 1 file (5 files read).', '1 fejl og 1 advarsel i 1 fil (5 filer læst).']);
    // A severity with none is left out: "2 fejl", "1 advarsel", never "0 advarsler".
    expect(summary(2, 0, 2)).toEqual(['2 errors in 2 files (6 files read).', '2 fejl i 2 filer (6 filer læst).']);
    expect(summary(0, 1, 1)).toEqual(['1 warning in 1 file (5 files read).', '1 advarsel i 1 fil (5 filer læst).']);
    expect(translate('da', 'audit.rule.unilateral-agreement.message', { count: 1, start: 'X' })).toContain(' 1 sammenlignelig organisation var kendt');
    expect(translate('da', 'audit.rule.unilateral-agreement.message', { count: 3, start: 'X' })).toContain(' 3 sammenlignelige organisationer var kendt');
  });

  it('a count formatted already (1.250) is counted as its number; a parameter inside a branch is filled', () => {
    expect(translate('da', 'export.written', { rows: '1.250', file: 'x.csv' })).toBe('Skrev 1.250 rækker til x.csv.');
    expect(translate('en', 'register.referenced', { kind: 'pool', it: 'it', id: 'p', count: 1, list: 'a' })).toBe('the pool p cannot be removed: 1 record refers to it: a. Change it first.');
  });

  it('every message has the same parameters in both languages', () => {
    for (const key of KEYS) expect(parametersOf(catalogue.da[key]), key).toEqual(parametersOf(catalogue.en[key]));
  });
});

describe('every catalogue message, rendered with sample parameters', () => {
  it.each(['en', 'da'] as const)('has no bracket plural (%s)', (lang) => {
    const bad = rendered(lang).filter(([, text]) => BRACKET_PLURAL.test(text)).map(([key, text]) => `${key}: ${text}`);
    expect(bad).toEqual([]);
  });

  it('has no English words in Danish', () => {
    const bad = rendered('da').filter(([key, text]) => !NAMES_OPTION_VALUES.has(key) && ENGLISH_WORD.test(prose(text))).map(([key, text]) => `${key}: ${ENGLISH_WORD.exec(prose(text))![0]}: ${text}`);
    expect(bad).toEqual([]);
  });

  it('the check itself finds what it looks for, and leaves codes alone', () => {
    expect(BRACKET_PLURAL.test('1 problem(er)')).toBe(true);
    expect(BRACKET_PLURAL.test('3 finding(s)')).toBe(true);
    expect(ENGLISH_WORD.test(prose('Committet 8443c37'))).toBe(true);
    expect(ENGLISH_WORD.test(prose('2 error(s) and 0 warning(s)'))).toBe(true);
    expect(ENGLISH_WORD.test(prose('Ingen fejl fundet i the mappe'))).toBe(true);
    expect(ENGLISH_WORD.test(prose('kør civsam org add --name X --dry-run, eller ret established_by i organisations.yaml'))).toBe(false);
  });
});

describe('full stops', () => {
  it('a value that ends with a full stop of its own (an amount in kroner, a typed word) ends the sentence with it: never two', () => {
    const withStop = (template: string) => Object.fromEntries(Object.entries(sampleParams(template, 2)).map(([k, v]) => [k, typeof v === 'number' ? v : '100 kr.']));
    const doubled: string[] = [];
    for (const lang of ['en', 'da'] as const) {
      for (const key of KEYS) {
        // (`../site`, a folder beside this one, is a path, not two full stops.)
        const text = translate(lang, key, withStop(`${catalogue.en[key]} ${catalogue[lang][key]}`));
        if (/(?<!\.)\.\.(?![./])/.test(text)) doubled.push(`${lang} ${key}: ${text}`);
      }
    }
    expect(doubled).toEqual([]);
    expect(translate('da', 'cli.unknownOption', { what: '--dry.' })).toBe('ukendt tilvalg --dry.');
    expect(translate('en', 'cli.unknownOption', { what: '--x...' })).toBe('unknown option --x...');
    // A full stop in the middle of a value is not an end.
    expect(translate('da', 'register.notFound', { kind: 'organisation', id: 'a.b' })).toBe("der er ingen organisation med id'et a.b.");
  });
});
