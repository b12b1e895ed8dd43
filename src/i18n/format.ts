// Numbers, money, shares and dates as each language writes them (1.250.000 kr. in Danish,
// DKK 1,250,000 in English).
import type { Language } from './define.js';
import { calendarDay } from './calendar.js';

const numberFormats = new Map<string, Intl.NumberFormat>();
function nf(lang: Language, digits: number): Intl.NumberFormat {
  const key = `${lang}|${digits}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(lang === 'da' ? 'da-DK' : 'en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
    numberFormats.set(key, f);
  }
  return f;
}

export function formatNumber(n: number, lang: Language, digits = 0): string {
  // A whole number is grouped by threes here, as Intl groups it in both languages (`1.250.000`,
  // `1,250,000`): reports write hundreds of thousands of them, amounts in every cell. Under a
  // thousand it has no separator at all.
  if (digits === 0 && Number.isSafeInteger(n) && !Object.is(n, -0)) return n > -1000 && n < 1000 ? String(n) : grouped(n, lang === 'da' ? '.' : ',');
  return withDecimals(n, lang, digits) ?? nf(lang, digits).format(n).replace(/\u2212/g, '-');
}

/**
 * A number with `digits` decimals as Intl writes it, without Intl (whose number data costs a run
 * some 10–40 ms to load, for the one share an audit shows): the shortest decimal that reads back
 * as the number (as Intl starts from, so 0.15 gives 0.2), rounded half away from nought, its whole
 * part grouped by threes; a negative number keeps its sign when it rounds to nought (-0,0), as in
 * Intl. Undefined for what it does not write the same way (-0, exponents, no number), left to Intl.
 */
function withDecimals(n: number, lang: Language, digits: number): string | undefined {
  if (!Number.isFinite(n) || Object.is(n, -0) || digits < 1 || digits > 6) return undefined;
  const text = String(Math.abs(n));
  if (text.includes('e')) return undefined;
  const point = text.indexOf('.');
  const whole = point < 0 ? text : text.slice(0, point);
  const fraction = point < 0 ? '' : text.slice(point + 1);
  // The digits kept, as one run, raised by one in the last place when the first dropped is 5 or more.
  let kept = whole + (fraction + '0'.repeat(digits)).slice(0, digits);
  if (fraction.length > digits && fraction.charCodeAt(digits) >= 0x35) {
    let i = kept.length - 1;
    while (i >= 0 && kept[i] === '9') i--;
    kept = (i < 0 ? '1' : kept.slice(0, i) + String(Number(kept[i]) + 1)) + '0'.repeat(kept.length - 1 - i);
  }
  const wholeDigits = kept.slice(0, kept.length - digits);
  const separator = lang === 'da' ? '.' : ',';
  let grouped = wholeDigits.slice(0, wholeDigits.length % 3 || 3);
  for (let i = grouped.length; i < wholeDigits.length; i += 3) grouped += separator + wholeDigits.slice(i, i + 3);
  return `${n < 0 ? '-' : ''}${grouped}${lang === 'da' ? ',' : '.'}${kept.slice(kept.length - digits)}`;
}

/** A whole number's digits in groups of three, `separator` between them. */
function grouped(n: number, separator: string): string {
  const digits = String(Math.abs(n));
  let out = digits.slice(0, digits.length % 3 || 3);
  for (let i = out.length; i < digits.length; i += 3) out += separator + digits.slice(i, i + 3);
  return n < 0 ? `-${out}` : out;
}

/** Whole kroner: `1.250.000 kr.` in Danish, `DKK 1,250,000` in English. */
export function formatAmount(n: number, lang: Language): string {
  return lang === 'da' ? `${formatNumber(n, lang)} kr.` : `DKK ${formatNumber(n, lang)}`;
}

/** A share 0–1 as a percentage with one decimal: `42,5 %` / `42.5%`. */
export function formatShare(share: number, lang: Language): string {
  return lang === 'da' ? `${formatNumber(share * 100, lang, 1)} %` : `${formatNumber(share * 100, lang, 1)}%`;
}

const dates = new Map<string, string>();

/** An ISO date for people: `23. nov. 2026` / `23 Nov 2026`. Each date is put into words once (a report writes the same few days on many rows). */
export function formatDate(iso: string, lang: Language): string {
  const key = `${lang}|${iso}`;
  let text = dates.get(key);
  if (text === undefined) {
    if (dates.size >= 10_000) dates.clear();
    dates.set(key, (text = dateInWords(iso, lang)));
  }
  return text;
}

// The months as Danish and British English abbreviate them in a date (`5. maj 2026`, `5 Sep 2026`),
// as date-fns's locales write them (a test holds the two to each other).
const MONTHS: Record<Language, readonly string[]> = {
  da: ['jan.', 'feb.', 'mar.', 'apr.', 'maj', 'jun.', 'jul.', 'aug.', 'sep.', 'okt.', 'nov.', 'dec.'],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
};
/** The months as a date in words writes them, in either language: a line is not broken inside such a date (output/table.ts). */
export const MONTH_WORDS: readonly string[] = [...MONTHS.da, ...MONTHS.en];

function dateInWords(iso: string, lang: Language): string {
  const day = calendarDay(iso);
  // Anything but a real day (2027-02-30, 2026-1-5) is shown as written, not as some day it could roll to.
  if (typeof day === 'string') return iso;
  const year = iso.slice(0, 4);
  return lang === 'da' ? `${day.day}. ${MONTHS.da[day.month - 1]} ${year}` : `${day.day} ${MONTHS.en[day.month - 1]} ${year}`;
}
