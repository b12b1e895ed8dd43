// The catalogue's placeholders: `{name}` is a parameter, and a count that decides the words around
// it is written ICU-style, `{count, plural, one {# fil} other {# filer}}`: the branch for the
// number's plural category in the language (`=0` for exactly nought, when a message wants its
// own words for it), `#` standing for the number. So every language says `1 problem` and
// `2 problemer` in its own way, and no message needs a bracket plural such as `fil(er)`.
import type { Language } from './define.js';

/** Where the `{` at `open` is closed, counting the braces between; -1 when it is not. */
function closing(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

const PLURAL = /^(\w+),\s*plural,([\s\S]*)$/;
const BRANCH = /^\s*(=\d+|zero|one|two|few|many|other)\s*\{/;

/** A plural placeholder's branches: selector → text. */
function branchesOf(text: string): Map<string, string> {
  const out = new Map<string, string>();
  let i = 0;
  for (let m = BRANCH.exec(text); m; m = BRANCH.exec(text.slice(i))) {
    const open = i + m[0].length - 1;
    const close = closing(text, open);
    if (close < 0) break;
    out.set(m[1], text.slice(open + 1, close));
    i = close + 1;
  }
  return out;
}

const pluralRules = new Map<Language, Intl.PluralRules>();
function pluralCategory(n: number, lang: Language): string {
  let rules = pluralRules.get(lang);
  if (!rules) pluralRules.set(lang, (rules = new Intl.PluralRules(lang === 'da' ? 'da' : 'en-GB')));
  return rules.select(n);
}

/** A count given as a number or as digits already formatted (`1.250`). */
function countOf(value: unknown): number {
  return typeof value === 'number' ? value : Number(String(value).replace(/[^\d-]/g, '') || NaN);
}

/**
 * The template with its placeholders filled: `shown(name)` gives a parameter as text (undefined
 * leaves the placeholder as written), `raw(name)` the value a plural counts.
 */
export function fillTemplate(template: string, lang: Language, shown: (name: string) => string | undefined, raw: (name: string) => unknown): string {
  let out = '';
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    const close = open < 0 ? -1 : closing(template, open);
    if (close < 0) return out + template.slice(i);
    out += template.slice(i, open);
    const inner = template.slice(open + 1, close);
    const plural = PLURAL.exec(inner);
    let filled: string | undefined;
    if (/^\w+$/.test(inner)) {
      filled = shown(inner);
    } else if (plural) {
      const count = shown(plural[1]);
      if (count !== undefined) {
        const n = countOf(raw(plural[1]));
        const branches = branchesOf(plural[2]);
        const branch = branches.get(`=${n}`) ?? branches.get(pluralCategory(n, lang)) ?? branches.get('other');
        if (branch !== undefined) filled = fillTemplate(branch.replace(/#/g, count), lang, shown, raw);
      }
    }
    out += filled ?? template.slice(open, close + 1);
    i = close + 1;
    // A value that ends with a full stop of its own (`100 kr.`, an abbreviation, a typed `--dry.`,
    // an ellipsis) takes the one after it: never two. A path that ends in dots (`.`, `../..`) keeps it.
    if (filled !== undefined && template[i] === '.' && template[i + 1] !== '.' && /[^./\\]\.+$/u.test(filled)) i++;
  }
  return out;
}

/** The parameters a template names, those inside a plural's branches too, each once. */
export function parametersOf(template: string): string[] {
  const names = new Set<string>();
  const visit = (text: string): void => {
    for (let open = text.indexOf('{'); open >= 0; ) {
      const close = closing(text, open);
      if (close < 0) return;
      const inner = text.slice(open + 1, close);
      const plural = PLURAL.exec(inner);
      if (/^\w+$/.test(inner)) names.add(inner);
      else if (plural) {
        names.add(plural[1]);
        for (const branch of branchesOf(plural[2]).values()) visit(branch);
      }
      open = text.indexOf('{', close + 1);
    }
  };
  visit(template);
  return [...names].sort();
}

/** The parameters a template counts with a plural. */
export function pluralParametersOf(template: string): string[] {
  return [...new Set([...template.matchAll(/\{(\w+),\s*plural,/g)].map((m) => m[1]))].sort();
}
