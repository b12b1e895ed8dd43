// The calendar: which `YYYY-MM-DD` texts are days. Kept at the bottom of the layers so that reading
// a date (domain/dates.ts) and writing one in words (format.ts) use the one rule.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Gregorian leap years: every fourth year, except centuries not divisible by 400 (1900 is none, 2000 is one). */
export function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

/** The days of a month (1–12) in a year. */
export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1];
}

/**
 * A text written `YYYY-MM-DD` as its year, month and day, or what is wrong with it: not written so
 * at all, or written so but no day of the calendar (2026-02-30, 2026-13-01). Worked out by hand
 * rather than through `Date`, which rolls 2026-02-30 over into March.
 */
export function calendarDay(text: string): { year: number; month: number; day: number } | 'not-a-date' | 'no-such-day' {
  const m = ISO_DATE.exec(text);
  if (!m) return 'not-a-date';
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return 'no-such-day';
  return { year, month, day };
}
