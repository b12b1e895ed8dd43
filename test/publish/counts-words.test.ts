// The site's sentences with a count read right for one as for many, in both languages.
import { describe, expect, it } from 'vitest';
import { translate } from '../../src/i18n/index.js';

const date = '5. dec. 2026';

describe('counts on the published pages', () => {
  it('say one offer, organisation or party in the singular, and group thousands', () => {
    expect(translate('da', 'publish.offers.lead', { count: 1, date })).toMatch(/^1 aktivt tilbud fra /);
    expect(translate('da', 'publish.offers.lead', { count: 1234, date })).toMatch(/^1\.234 aktive tilbud fra /);
    expect(translate('en', 'publish.offers.lead', { count: 1, date })).toMatch(/^1 active offer from /);
    expect(translate('en', 'publish.offers.lead', { count: 2, date })).toMatch(/^2 active offers from /);
    expect(translate('da', 'publish.funding.others', { count: 1 })).toBe('1 anden organisation');
    expect(translate('da', 'publish.funding.others', { count: 3 })).toBe('3 andre organisationer');
    expect(translate('en', 'publish.funding.others', { count: 1 })).toBe('1 other organisation');
    expect(translate('da', 'publish.consultations.listLead', { count: 1, date })).toMatch(/^1 organisation står på /);
    expect(translate('en', 'publish.consultations.listLead', { count: 1, date })).toMatch(/^1 organisation is on /);
    expect(translate('en', 'publish.consultations.listLead', { count: 2, date })).toMatch(/^2 organisations are on /);
    expect(translate('da', 'publish.organisations.lead', { count: 1 })).toBe('Den ene civilsamfundsorganisation i regionens register.');
    expect(translate('da', 'publish.organisations.lead', { count: 12 })).toBe('De 12 civilsamfundsorganisationer i regionens register, i alfabetisk orden.');
    expect(translate('en', 'publish.organisations.sharedWith', { count: 1 })).toBe('together with 1 other organisation');
    expect(translate('da', 'publish.organisations.sharedWith', { count: 2 })).toBe('sammen med 2 andre organisationer');
  });
  it('and so do the command line\'s', () => {
    expect(translate('da', 'validate.clean', { files: 1 })).toBe('Ingen problemer i 1 fil.');
    expect(translate('da', 'validate.clean', { files: 44870 })).toBe('Ingen problemer i 44.870 filer.');
    expect(translate('en', 'validate.clean', { files: 1 })).toBe('No problems in 1 file.');
    expect(translate('da', 'hearing.plan.proposal', { count: 1, eligible: 1 })).toBe('Foreslået: 1 af 1 høringsberettiget part.');
    expect(translate('en', 'hearing.plan.proposal', { count: 1, eligible: 2 })).toBe('Proposed: 1 of 2 eligible parties.');
    expect(translate('da', 'overview.offers.groupCount', { name: 'Angst', count: 1 })).toBe('Angst · 1 aktivt tilbud');
    expect(translate('en', 'overview.offers.groupCount', { name: 'Anxiety', count: 1 })).toBe('Anxiety · 1 active offer');
    expect(translate('da', 'audit.moreRelated', { count: 1 })).toBe('og 1 til (--format json eller md viser alle)');
  });
});

describe('numbers', () => {
  it('are written as the language writes them; those under a thousand (written without asking Intl) alike', async () => {
    const { formatNumber } = await import('../../src/i18n/format.js');
    for (const lang of ['da', 'en'] as const) {
      const intl = new Intl.NumberFormat(lang === 'da' ? 'da-DK' : 'en-GB', { minimumFractionDigits: 0, maximumFractionDigits: 0 });
      for (let n = -1200; n <= 1200; n++) expect(formatNumber(n, lang)).toBe(intl.format(n).replace(/\u2212/g, '-'));
      expect(formatNumber(-0, lang)).toBe(intl.format(-0).replace(/\u2212/g, '-'));
      // Whole numbers of every length up to the largest exact one, grouped as Intl groups them.
      const wide = [999_999, 1_000_000, -1_000_001, 12_345_678, 123_456_789_012, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER];
      for (let n = 1, k = 0; k < 16; n = n * 10 + ((k * 7) % 10), k++) wide.push(n, -n, n * 3);
      for (const n of wide) expect(formatNumber(n, lang)).toBe(intl.format(n).replace(/\u2212/g, '-'));
      expect(formatNumber(2 ** 60, lang)).toBe(intl.format(2 ** 60)); // beyond exact integers: Intl's own
    }
    expect(formatNumber(44870, 'da')).toBe('44.870');
    expect(formatNumber(44870, 'en')).toBe('44,870');
    expect(formatNumber(2.5, 'da', 1)).toBe('2,5');
  });
});
