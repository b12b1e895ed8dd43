// Filling a catalogue template: each template is read once and its parts reused, and that must say
// exactly what reading it afresh each time says (the reading below, kept as the reference), for
// every way a template can be written: plurals, `#`, a full stop after a value, text in braces
// that is no placeholder, an unclosed brace, and counts that hold braces or a `$`.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fillTemplate } from '../src/i18n/message-format.js';
import { catalogue } from '../src/i18n/catalogue/index.js';
import type { Language } from '../src/i18n/index.js';

function closing(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

function branchesOf(text: string): Map<string, string> {
  const out = new Map<string, string>();
  const BRANCH = /^\s*(=\d+|zero|one|two|few|many|other)\s*\{/;
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

/** The template read afresh on every call: what filling it has always said. */
function reference(template: string, lang: Language, shown: (name: string) => string | undefined, raw: (name: string) => unknown): string {
  let out = '';
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    const close = open < 0 ? -1 : closing(template, open);
    if (close < 0) return out + template.slice(i);
    out += template.slice(i, open);
    const inner = template.slice(open + 1, close);
    const plural = /^(\w+),\s*plural,([\s\S]*)$/.exec(inner);
    let filled: string | undefined;
    if (/^\w+$/.test(inner)) filled = shown(inner);
    else if (plural) {
      const count = shown(plural[1]);
      if (count !== undefined) {
        const v = raw(plural[1]);
        const n = typeof v === 'number' ? v : Number(String(v).replace(/[^\d-]/g, '') || NaN);
        const branches = branchesOf(plural[2]);
        const branch = branches.get(`=${n}`) ?? branches.get(new Intl.PluralRules(lang === 'da' ? 'da' : 'en-GB').select(n)) ?? branches.get('other');
        if (branch !== undefined) filled = reference(branch.replace(/#/g, count), lang, shown, raw);
      }
    }
    out += filled ?? template.slice(open, close + 1);
    i = close + 1;
    if (filled !== undefined && template[i] === '.' && template[i + 1] !== '.' && /[^./\\]\.+$/u.test(filled)) i++;
  }
  return out;
}

const both = (template: string, params: Record<string, unknown>, lang: Language = 'da') => {
  const shown = (name: string) => (Object.hasOwn(params, name) ? String(params[name]) : undefined);
  const raw = (name: string) => params[name];
  return [fillTemplate(template, lang, shown, raw), reference(template, lang, shown, raw)];
};

describe('fillTemplate', () => {
  it('says what reading the template afresh says, written out for the cases that matter', () => {
    const cases: Array<[string, Record<string, unknown>, string]> = [
      ['{count, plural, one {# fil} other {# filer}}.', { count: 1 }, '1 fil.'],
      ['{count, plural, =0 {ingen filer} one {# fil} other {# filer}}', { count: 0 }, 'ingen filer'],
      ['Beløb: {amount}.', { amount: '100 kr.' }, 'Beløb: 100 kr.'],
      ['Sti: {path}.', { path: '../..' }, 'Sti: ../...'],
      ['{a}.. og så', { a: 'x.' }, 'x... og så'],
      ['{n, plural, one {# post i {folder}} other {# poster i {folder}}}.', { n: 3, folder: 'tilbud.' }, '3 poster i tilbud.'],
      ['{n, plural, other {{#} gange}}', { n: 2 }, '{2} gange'],
      ['{n, plural, other {# gange}}', { n: 2 }, '2 gange'],
      ['{n, plural, other {#. gang}}', { n: '$&' }, '#. gang'],
      ['{n, plural, other {# {a}}}', { n: '{a}', a: 'A' }, 'A A'],
      ['{to ord} og {navn', { navn: 'x' }, '{to ord} og {navn'],
      ['{manglende}.', {}, '{manglende}.'],
      ['{a}{b}.', { a: 'x.', b: 'y.' }, 'x.y.'],
      ['{a}.{b}', { a: 'x.', b: 'y' }, 'x.y'],
      ['#{n, plural, other {#}}#', { n: 5 }, '#5#'],
    ];
    for (const [template, params, expected] of cases) expect(both(template, params), template).toEqual([expected, expected]);
  });

  it('fills every catalogue message as before, with counts of one, two and naught', () => {
    for (const lang of ['da', 'en'] as const) {
      for (const template of Object.values(catalogue[lang]) as string[]) {
        for (const n of [0, 1, 2, 1250]) {
          const params = new Proxy({}, { has: () => true, get: (_t, name) => (typeof name === 'string' && /count|n$|files|rows|number/i.test(name) ? n : `‹${String(name)}›`), getOwnPropertyDescriptor: () => ({ configurable: true, enumerable: true, value: 'x' }) });
          const shown = (name: string) => String((params as Record<string, unknown>)[name]);
          const raw = (name: string) => (params as Record<string, unknown>)[name];
          expect(fillTemplate(template, lang, shown, raw)).toBe(reference(template, lang, shown, raw));
        }
      }
    }
  });

  it('says what reading afresh says for templates made of any of the pieces', () => {
    const piece = fc.constantFrom('{a}', '{b}', '.', '..', '#', ' ', 'x', '{', '}', '{to ord}', '{n, plural, one {# en{a}} other {# flere.}}', '{n, plural, =0 {ingen} other {{a}#}}', '{n, plural, other {{n, plural, one {#} other {#.}}}}', '{b, plural, other {#}}');
    const value = fc.constantFrom('1', '2', '0', 'v.', '..', '../..', '$&', '{a}', '#', 'x...', '1.250');
    fc.assert(fc.property(fc.array(piece, { maxLength: 8 }), value, value, fc.constantFrom(0, 1, 2, 7), fc.constantFrom<Language>('da', 'en'), (pieces, a, b, n, lang) => {
      const [made, afresh] = both(pieces.join(''), { a, b, n }, lang);
      expect(made).toBe(afresh);
    }), { numRuns: 3000, seed: 20261206 });
  });
});
