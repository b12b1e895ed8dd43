// Dates as civsam writes them: ISO `YYYY-MM-DD` strings (the data contract), checked against the
// real calendar. Every place that reads a date from the user (a command's option, a flag of
// `add`/`edit`, a spreadsheet cell) reads it here, so one mistake gets one message everywhere; the
// few sums over dates (days and months between, a date plus days or months) are here too.
// Pure: no clock; today's date comes in from the caller.
import { UserError } from './errors.js';
import { calendarDay, daysInMonth, isLeapYear } from '../i18n/calendar.js';

export { daysInMonth, isLeapYear };

/** What is wrong with a date: not written YYYY-MM-DD at all, or written so but no day of the calendar (2026-02-30, 2026-13-01). */
export type DateMistake = 'not-a-date' | 'no-such-day';

export type DateReading = { date: string } | { mistake: DateMistake };

/**
 * Reads a date written `YYYY-MM-DD`: the date as given, or what is wrong with it. The calendar is
 * worked out by hand rather than through `Date`, which rolls 2026-02-30 over into March and reads
 * years below 100 as 19xx. The same rule as the schemas' `format: date`, so a date the command line
 * accepts is one `validate` accepts.
 */
export function readDate(text: string): DateReading {
  const day = calendarDay(text);
  return typeof day === 'string' ? { mistake: day } : { date: text };
}

/** Whether the text is a real date written `YYYY-MM-DD`. */
export function isDate(text: string): boolean {
  return 'date' in readDate(text);
}

/**
 * Whether something done on `date` was late for `deadline`: a day after it. The deadline's own day
 * is still in time. One test for every lateness civsam tells: an application received after its
 * call's deadline, a hearing response after the consultation's, a consultation sent out after its
 * planned day, a change to a consultation after its deadline.
 */
export function isLate(date: string, deadline: string): boolean {
  return date > deadline;
}

/** Whole months from one date to another, counting a started month as begun (2026-01-01 → 2026-12-31 is 12). */
export function monthsBetween(from: string, to: string): number {
  const [y1, m1, d1] = from.split('-').map(Number);
  const [y2, m2, d2] = to.split('-').map(Number);
  let months = (y2 - y1) * 12 + (m2 - m1);
  if (d2 >= d1) months += 1; // the last month has begun
  return Math.max(0, months);
}

/** Calendar days from one ISO date to another. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  return `${String(ny).padStart(4, '0')}-${String(nm).padStart(2, '0')}-${String(Math.min(d, daysInMonth(ny, nm))).padStart(2, '0')}`;
}

/**
 * A date given to a command-line option (`--as-of`, `--date`, `--since`, …): the value when it is a
 * real date, else a UserError that names the option and the mistake, never the value given. With a
 * fallback, an option left out gives the fallback (today, or a date already recorded) unchecked.
 */
export function dateOption(value: string, option: string): string;
export function dateOption(value: string | undefined, option: string, fallback: string): string;
export function dateOption(value: string | undefined, option: string, fallback?: string): string {
  if (value === undefined) return fallback!;
  const reading = readDate(value);
  if ('mistake' in reading) throw new UserError(reading.mistake === 'not-a-date' ? 'error.notADate' : 'error.noSuchDay', { option });
  return reading.date;
}

/**
 * A date option for something that has already happened (an organisation made inactive, a party
 * leaving the hearing list): as `dateOption`, defaulting to today, and refused when after today,
 * since a status change is recorded once it has happened, not planned ahead.
 */
export function pastDateOption(value: string | undefined, option: string, today: string): string {
  const date = dateOption(value, option, today);
  if (date > today) throw new UserError('error.dateAfterToday', { option, today });
  return date;
}
