// Numbers, money, shares and dates as each language writes them (1.250.000 kr. in Danish,
// DKK 1,250,000 in English). Only date-fns's own modules are imported, not its root.
import { format as formatDateFns } from 'date-fns/format';
import { da } from 'date-fns/locale/da';
import { enGB } from 'date-fns/locale/en-GB';
import type { Language } from './define.js';

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
  return nf(lang, digits).format(n).replace(/\u2212/g, '-');
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

function dateInWords(iso: string, lang: Language): string {
  const d = new Date(`${iso}T12:00:00`);
  // An impossible date (2027-02-30) is shown as written, not as the day JavaScript rolls it to.
  if (Number.isNaN(d.getTime()) || formatDateFns(d, 'yyyy-MM-dd') !== iso) return iso;
  return formatDateFns(d, lang === 'da' ? 'd. MMM yyyy' : 'd MMM yyyy', { locale: lang === 'da' ? da : enGB });
}
