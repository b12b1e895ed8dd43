import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, dateOption, daysBetween, daysInMonth, isDate, isLate, isLeapYear, monthsBetween, readDate } from '../../src/domain/dates.js';
import { UserError } from '../../src/domain/errors.js';
import { translate, type Language } from '../../src/i18n/index.js';
import { civsam, ROOT } from '../helpers/cli.js';
import { makeFolder } from '../helpers/folder.js';

/** The message a date option's mistake gives, as a user reads it. */
function refusal(value: string, option: string, lang: Language): string {
  try {
    dateOption(value, option);
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    const { key, params } = (e as UserError).userMessage;
    return translate(lang, key, params);
  }
  throw new Error(`${value} was accepted`);
}

const NOT_A_DATE = {
  en: '--as-of needs a date written YYYY-MM-DD, for example 2026-11-23.',
  da: '--as-of skal være en dato skrevet ÅÅÅÅ-MM-DD, for eksempel 2026-11-23.',
};
const NO_SUCH_DAY = {
  en: '--as-of is written as a date, but the calendar has no such day: check the month (01 to 12) and the day of the month. Write it as YYYY-MM-DD, for example 2026-11-23.',
  da: '--as-of er skrevet som en dato, men den dag findes ikke i kalenderen: tjek måneden (01 til 12) og dagen i måneden. Skriv datoen som ÅÅÅÅ-MM-DD, for eksempel 2026-11-23.',
};

describe('readDate', () => {
  it('accepts real days, leap days in leap years among them', async () => {
    for (const d of ['2026-11-23', '2026-01-31', '2026-12-31', '2024-02-29', '2000-02-29', '2026-02-28', '0099-03-01']) expect(readDate(d)).toEqual({ date: d });
  });

  it('refuses a day the calendar does not have: no such month, a month too short, a leap day outside a leap year', async () => {
    for (const d of ['2026-02-30', '2026-02-29', '1900-02-29', '2100-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '2026-06-00', '2026-01-32']) {
      expect(readDate(d), d).toEqual({ mistake: 'no-such-day' });
    }
  });

  it('refuses what is not written YYYY-MM-DD', async () => {
    for (const d of ['23-11-2026', '2026-2-3', '2026/11/23', '20261123', 'today', '', ' 2026-11-23', '2026-11-23 ', '2026-11-23T00:00', '+02026-11-23', '２０２６-11-23']) {
      expect(readDate(d), d).toEqual({ mistake: 'not-a-date' });
    }
    expect(isDate('2026-11-23')).toBe(true);
    expect(isDate('2026-02-30')).toBe(false);
  });

  it('knows the Gregorian leap years and the length of each month', async () => {
    expect([1900, 2000, 2024, 2026, 2100].map(isLeapYear)).toEqual([false, true, true, false, false]);
    expect(Array.from({ length: 12 }, (_, i) => daysInMonth(2026, i + 1))).toEqual([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
    expect(daysInMonth(2024, 2)).toBe(29);
  });
});

describe('dateOption', () => {
  it('gives the date, or the fallback (unchecked) when the option was left out', async () => {
    expect(dateOption('2026-11-23', '--as-of')).toBe('2026-11-23');
    expect(dateOption(undefined, '--as-of', '2026-12-01')).toBe('2026-12-01');
    expect(dateOption('2024-02-29', '--date', '2026-12-01')).toBe('2024-02-29');
  });

  it('says one thing per mistake, in both languages, naming the option and never the value', async () => {
    for (const lang of ['en', 'da'] as const) {
      for (const bad of ['23-11-2026', 'i morgen']) expect(refusal(bad, '--as-of', lang)).toBe(NOT_A_DATE[lang]);
      for (const bad of ['2026-02-30', '2026-13-01', '2025-02-29']) {
        const text = refusal(bad, '--as-of', lang);
        expect(text).toBe(NO_SUCH_DAY[lang]);
        expect(text).not.toContain(bad);
      }
    }
    expect(refusal('2026-02-30', '--since', 'en')).toMatch(/^--since is written as a date/);
  });
});

describe('sums over dates', () => {
  it('adds months, ending on the month\'s last day when the day does not exist', async () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2026-11-23', 12)).toBe('2027-11-23');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
  });

  it('counts days across a leap day and a year end, and months with a begun month counted', async () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2026-12-31', '2026-01-01')).toBe(-364);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(monthsBetween('2026-01-01', '2026-12-31')).toBe(12);
    expect(monthsBetween('2026-01-15', '2026-02-14')).toBe(1);
    expect(monthsBetween('2026-05-01', '2026-01-01')).toBe(0);
  });
});

describe('--as-of 2026-02-30 on the command line', () => {
  const data = join(ROOT, 'data');
  const commands = [
    ['audit'],
    ['overview', 'offers'],
    ['overview', 'funding'],
    ['publish', '--out', join(makeFolder({}), 'site')],
    ['consultation', 'audit', '2026-frivillige-paa-hospitalerne'],
  ];

  it('gets the same message from audit, the overviews, publish and the hearing commands', async () => {
    for (const [i, args] of commands.entries()) {
      const lang = i % 2 === 0 ? 'en' : 'da';
      const r = await civsam(['--data', data, '--lang', lang, ...args, '--as-of', '2026-02-30']);
      expect(r, args.join(' ')).toEqual({ code: 2, stdout: '', stderr: `${lang === 'en' ? 'error' : 'fejl'}: ${NO_SUCH_DAY[lang]}\n` });
    }
  });
});

describe('lateness', () => {
  it('is a day after the deadline; the deadline\'s own day is in time', () => {
    expect(isLate('2026-03-02', '2026-03-01')).toBe(true);
    expect(isLate('2026-03-01', '2026-03-01')).toBe(false);
    expect(isLate('2026-02-28', '2026-03-01')).toBe(false);
    expect(isLate('2027-01-01', '2026-12-31')).toBe(true);
  });

  it('is the one test applications, hearing responses and consultations are judged by', async () => {
    const { lateByNewDeadline } = await import('../../src/domain/application-dates.js');
    const { openedLate } = await import('../../src/reports/hearing.js');
    // Received on the old deadline and the day after: late only with the earlier deadline.
    expect(lateByNewDeadline(['2026-03-01', '2026-03-02', '2026-03-03'], '2026-03-02', '2026-03-01')).toBe(1);
    const consultation = (opens: string) => ({ status: 'open', opens, planned_opens: '2026-03-01' }) as Parameters<typeof openedLate>[0];
    expect(openedLate(consultation('2026-03-01'))).toBeUndefined();
    expect(openedLate(consultation('2026-03-02'))).toBe('2026-03-01');
  });
});
