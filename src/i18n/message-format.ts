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
 * A template as the filling below walks it: text as written, a `{name}`, or a plural. Text that
 * is no placeholder (an unclosed `{`, `{two words}`) is kept with the text around it. A plural's
 * branches are made into parts when first chosen; `null` when a `#` stands inside a branch's own
 * braces, where it would change what those say, so that branch is read again with its count in it.
 */
type Part = string | { name: string; whole: string; branches?: Map<string, string>; made?: Map<string, Part[] | null> };

/** Each catalogue template made into parts once: a report fills the same few thousands of times. */
const made = new Map<string, Part[]>();

function partsOf(template: string): Part[] {
  let parts = made.get(template);
  if (!parts) {
    // A key missing from the catalogue is its own template: never let such text pile up.
    if (made.size >= 10_000) made.clear();
    made.set(template, (parts = split(template)));
  }
  return parts;
}

function split(template: string): Part[] {
  const parts: Part[] = [];
  let text = '';
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    const close = open < 0 ? -1 : closing(template, open);
    if (close < 0) break;
    text += template.slice(i, open);
    const whole = template.slice(open, close + 1);
    const inner = template.slice(open + 1, close);
    const plural = PLURAL.exec(inner);
    if (/^\w+$/.test(inner) || plural) {
      if (text) parts.push(text);
      text = '';
      parts.push(plural ? { name: plural[1], whole, branches: branchesOf(plural[2]), made: new Map() } : { name: inner, whole });
    } else text += whole;
    i = close + 1;
  }
  text += template.slice(i);
  if (text) parts.push(text);
  return parts;
}

/** A branch as parts, or null when a `#` is inside one of its braces (see Part). */
function branchParts(branch: string): Part[] | null {
  for (let open = branch.indexOf('{'); open >= 0; ) {
    const close = closing(branch, open);
    if (close < 0) break;
    if (branch.slice(open, close).includes('#')) return null;
    open = branch.indexOf('{', close + 1);
  }
  return split(branch);
}

/**
 * The template with its placeholders filled: `shown(name)` gives a parameter as text (undefined
 * leaves the placeholder as written), `raw(name)` the value a plural counts.
 */
export function fillTemplate(template: string, lang: Language, shown: (name: string) => string | undefined, raw: (name: string) => unknown): string {
  return fill(partsOf(template), lang, shown, raw);
}

/** The parts filled; `count`: what a `#` in the text stands for (in a plural's branch). */
function fill(parts: readonly Part[], lang: Language, shown: (name: string) => string | undefined, raw: (name: string) => unknown, count?: string): string {
  let out = '';
  for (let k = 0; k < parts.length; k++) {
    const part = parts[k];
    if (typeof part === 'string') {
      out += count !== undefined && part.includes('#') ? part.split('#').join(count) : part;
      continue;
    }
    let filled: string | undefined;
    const value = shown(part.name);
    if (!part.branches) filled = value;
    else if (value !== undefined) {
      const n = countOf(raw(part.name));
      const exact = `=${n}`;
      const category = part.branches.has(exact) ? exact : pluralCategory(n, lang);
      const selector = part.branches.has(category) ? category : 'other';
      const branch = part.branches.get(selector);
      if (branch !== undefined) {
        let parts = part.made!.get(selector);
        if (parts === undefined) part.made!.set(selector, (parts = branchParts(branch)));
        // A count with braces or a `$` in it is put into the branch's text before that is read, as written.
        filled = parts && !/[{}$]/.test(value) ? fill(parts, lang, shown, raw, value) : fill(split(branch.replace(/#/g, value)), lang, shown, raw);
      }
    }
    out += filled ?? part.whole;
    // A value that ends a sentence of its own (`100 kr.`, an abbreviation, a typed `--dry.`, an
    // ellipsis, a reason a user wrote with its full stop, question or exclamation mark) takes the
    // one after it: never two. A path that ends in dots (`.`, `../..`) keeps it.
    const next = parts[k + 1];
    if (filled !== undefined && typeof next === 'string') {
      const after = count !== undefined && next.includes('#') ? next.split('#').join(count) : next;
      if (after[0] === '.' && after[1] !== '.' && (/[^./\\]\.+$/u.test(filled) || /[!?…]$/u.test(filled))) {
        out += after.slice(1);
        k++;
      }
    }
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
