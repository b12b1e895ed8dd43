// Numbers with decimals (a share in an audit's message, 42,5 %) are written without loading Intl's
// number data, and must read exactly as Intl writes them: rounded from the shortest decimal that
// reads back as the number (0.15 gives 0,2, where toFixed gives 0.1), half away from nought,
// grouped by threes, a negative that rounds to nought keeping its sign.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatNumber, formatShare } from '../../src/i18n/format.js';

const intl = (n: number, lang: 'da' | 'en', digits: number) =>
  new Intl.NumberFormat(lang === 'da' ? 'da-DK' : 'en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n).replace(/\u2212/g, '-');

describe('formatNumber with decimals', () => {
  it('writes the cases where rounding is easy to get wrong as Intl does', () => {
    expect(formatNumber(0.15, 'da', 1)).toBe('0,2');
    expect(formatNumber(0.35, 'en', 1)).toBe('0.4');
    expect(formatNumber(999.95, 'da', 1)).toBe('1.000,0');
    expect(formatNumber(-999.95, 'en', 1)).toBe('-1,000.0');
    expect(formatNumber(-0.04, 'da', 1)).toBe('-0,0');
    expect(formatNumber(-0, 'da', 1)).toBe('-0,0');
    expect(formatNumber(1234567.85, 'da', 1)).toBe('1.234.567,9');
    expect(formatNumber(60, 'en', 1)).toBe('60.0');
    expect(formatShare(0.425, 'da')).toBe('42,5 %');
    expect(formatNumber(1e-7, 'en', 1)).toBe('0.0');
  });

  it('gives what Intl gives for any number, in both languages, with one to three decimals', () => {
    const number = fc.oneof(
      fc.double({ noNaN: true, min: -1e16, max: 1e16 }),
      fc.integer({ min: -10_000_000, max: 10_000_000 }).map((n) => n / 100),
      fc.integer({ min: -100_000, max: 100_000 }).map((n) => n / 1000 + 0.05),
    );
    fc.assert(fc.property(number, fc.constantFrom<'da' | 'en'>('da', 'en'), fc.integer({ min: 1, max: 3 }), (n, lang, digits) => {
      expect(formatNumber(n, lang, digits)).toBe(intl(n, lang, digits));
    }), { numRuns: 5000, seed: 20261206 });
  });
});
