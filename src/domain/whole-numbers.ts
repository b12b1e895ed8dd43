// Whole numbers as people write them: amounts in whole kroner, seats, years. A separator is read
// only between groups of exactly three digits (`1.500.000`, `1 500 000`), so a decimal such as
// `250.00` or `1.5` is never a whole number: dropping its separator would change the value.
import { UserError } from './errors.js';

/** The command line's thousands separators: a dot, a space (also a no-break space) or an underscore. */
export const COMMAND_LINE_SEPARATORS = '._ \u00a0';

/** The whole number `text` writes, or undefined when it is not one (a decimal, a word, too large). */
export function readWholeNumber(text: string, separators: string = COMMAND_LINE_SEPARATORS): number | undefined {
  const t = text.trim();
  const group = `[${separators.replace(/[\\\]^-]/g, '\\$&')}]`;
  if (!/^-?\d+$/.test(t) && !new RegExp(`^-?\\d{1,3}(?:${group}\\d{3})+$`).test(t)) return undefined;
  const n = Number(t.replace(new RegExp(group, 'g'), ''));
  return Number.isSafeInteger(n) ? n : undefined;
}

/**
 * A year as people write one: four digits (`2027`). `2.027` would read as a whole number (2027 with
 * a thousands separator), but nobody writes a year so: it may be a slip for anything, and is refused.
 */
export function readYear(text: string): number | undefined {
  const t = text.trim();
  return /^\d{4}$/.test(t) ? Number(t) : undefined;
}

/** A year from a flag (`--year 2027`), or a usage error that says how to write one. */
export function yearOption(raw: string, flag: string): number {
  const year = readYear(raw);
  if (year === undefined) throw new UserError('register.badFlagValue', { flag, expected: { key: 'register.expected.year' } });
  return year;
}

/** A whole number of kroner from a flag (`250000`, `250.000`, `250 000`), or a usage error that says how to write one. */
export function amountOption(raw: string, flag: string): number {
  const n = readWholeNumber(raw);
  if (n === undefined || n < 0) throw new UserError('register.badFlagValue', { flag, expected: { key: 'register.expected.amount' } });
  return n;
}
