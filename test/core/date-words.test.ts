// Dates in words are written by civsam's own month tables: the same words as date-fns's Danish and
// British English locales give, for every day of several years, the edges of the calendar and
// strings that are not a real day (shown as written).
import { format } from 'date-fns/format';
import { da } from 'date-fns/locale/da';
import { enGB } from 'date-fns/locale/en-GB';
import { describe, expect, it } from 'vitest';
import { formatDate } from '../../src/i18n/format.js';

/** What civsam wrote with date-fns: the words for a real day, else the text as given. */
function withDateFns(iso: string, lang: 'da' | 'en'): string {
  const d = new Date(`${iso}T12:00:00`);
  if (Number.isNaN(d.getTime()) || format(d, 'yyyy-MM-dd') !== iso) return iso;
  return format(d, lang === 'da' ? 'd. MMM yyyy' : 'd MMM yyyy', { locale: lang === 'da' ? da : enGB });
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

describe('dates in words', () => {
  it('are the words date-fns gives, in both languages', () => {
    const days: string[] = [];
    for (let t = Date.UTC(2023, 0, 1); t <= Date.UTC(2028, 11, 31); t += 86_400_000) days.push(iso(new Date(t)));
    days.push('1900-02-28', '1900-02-29', '2000-02-29', '2100-02-29', '1999-12-31', '0999-05-05', '1000-01-01', '9999-12-31', '1970-01-01');
    days.push('2027-02-30', '2026-13-01', '2026-00-10', '2026-04-31', '2026-1-5', '26-01-05', '2026-01-05T00:00', ' 2026-01-05', '2026/01/05', '', 'i morgen');
    for (const lang of ['da', 'en'] as const) {
      for (const day of days) expect(formatDate(day, lang), `${lang} ${day}`).toBe(withDateFns(day, lang));
    }
    expect(formatDate('2026-05-05', 'da')).toBe('5. maj 2026');
    expect(formatDate('2026-09-15', 'en')).toBe('15 Sep 2026');
  });
});
