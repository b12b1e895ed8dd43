// Whole numbers as people write them: amounts in whole kroner, seats, years. A separator is read
// only between groups of exactly three digits (`1.500.000`, `1 500 000`), so a decimal such as
// `250.00` or `1.5` is never a whole number: dropping its separator would change the value.
import { UserError } from './errors.js';
import type { Message } from '../i18n/index.js';
import { amountRange } from './shapes.js';

/** The command line's thousands separators: a dot, a space (also a no-break space) or an underscore. */
const COMMAND_LINE_SEPARATORS = '._ \u00a0';

/** The whole number `text` writes, or undefined when it is not one (a decimal, a word, too large). */
export function readWholeNumber(text: string, separators: string = COMMAND_LINE_SEPARATORS): number | undefined {
  const n = Number(wholeDigits(text, separators) ?? NaN);
  // `-0` is nought, not a negative nought a file would keep as `-0`.
  return Number.isSafeInteger(n) ? (n === 0 ? 0 : n) : undefined;
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

/** An amount with the unit before or after it, the number in the middle. */
const WITH_CURRENCY = /^\s*(?:(?:kr\.?|kroner|dkk)\s*)?(.*?)(?:\s*(?:kr\.?|kroner|dkk))?\s*$/iu;

/**
 * An amount as it is typed at a question, without the unit people write with it before or after the
 * number (`250.000 kr.`, `kr. 250.000`, `250 000 kroner`, `250000 DKK`); the number is then read as
 * any other (a decimal comma is still refused). Anything else is left as it was typed.
 */
export function withoutCurrency(text: string): string {
  const m = WITH_CURRENCY.exec(text);
  const number = m?.[1] ?? '';
  return /\d/.test(number) ? number : text;
}

/**
 * A whole number of kroner from a flag (`250000`, `250.000`, `250 000`, `250.000 kr.`, as the
 * question takes it), or a usage error that says how to write one.
 */
export function amountOption(raw: string, flag: string): number {
  const text = withoutCurrency(raw);
  const n = readWholeNumber(text);
  const outside = amountOutsideRange(text, flag);
  if (outside) throw outside;
  if (n === undefined) throw new UserError('register.badFlagValue', { flag, expected: amountExpected(text) });
  return n;
}

/** What an amount that is no whole number should be: without øre when it has them, else a number. */
export function amountExpected(text: string): Message {
  return { key: /[.,]\d{1,2}\s*$/.test(text.trim()) ? 'register.expected.amount' : 'register.expected.amountNumber' };
}

/**
 * A whole number of kroner that no amount can be, negative or larger than the register holds, as
 * the error that says so by `field` (the option, or the part of one, that gave it); undefined for
 * an amount in range or a text that is no whole number (which has its own words: no øre).
 */
export function amountOutsideRange(text: string, field: string | Message): UserError | undefined {
  const digits = wholeDigits(text, COMMAND_LINE_SEPARATORS);
  if (digits === undefined) return undefined;
  if (/^-0*[1-9]/.test(digits)) return new UserError('problem.schema.amountNegative', { field });
  const { maximum } = amountRange();
  return Number(digits) > maximum ? new UserError('problem.schema.amountTooLarge', { field, limit: maximum }) : undefined;
}

/**
 * The digits, with their sign, of the whole number `text` writes however large it is, or undefined
 * when it writes none. The separators must be one and the same all through (a space and a no-break
 * space count as one): `1.500,000` or `1,500.000` holds a decimal mark in one of its two, and which
 * one cannot be told, so it is no whole number.
 */
function wholeDigits(text: string, separators: string): string | undefined {
  const t = text.trim();
  const group = `[${separators.replace(/[\\\]^-]/g, '\\$&')}]`;
  if (!/^-?\d+$/.test(t) && !new RegExp(`^-?\\d{1,3}(?:${group}\\d{3})+$`).test(t)) return undefined;
  const used = new Set(t.replace(/[-\d]/g, '').replace(/\u00a0/g, ' '));
  if (used.size > 1) return undefined;
  return t.replace(new RegExp(group, 'g'), '');
}
