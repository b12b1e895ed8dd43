import { describe, expect, it } from 'vitest';
import { languageFromEnvironment, translate } from '../../src/i18n/index.js';
import { catalogue } from '../../src/i18n/catalogue/index.js';
import { parametersOf } from '../../src/i18n/message-format.js';

describe('language', () => {
  it('is --lang, else CIVSAM_LANG, else a Danish locale, else none (an English locale leaves it to the folder)', () => {
    expect(languageFromEnvironment(['--lang', 'da'], { CIVSAM_LANG: 'en' })).toBe('da');
    expect(languageFromEnvironment(['--lang=en'], { LANG: 'da_DK.UTF-8' })).toBe('en');
    expect(languageFromEnvironment([], { CIVSAM_LANG: 'da', LANG: 'en_GB.UTF-8' })).toBe('da');
    expect(languageFromEnvironment([], { LANG: 'da_DK.UTF-8' })).toBe('da');
    expect(languageFromEnvironment([], { LANG: 'en_US.UTF-8' })).toBeUndefined();
    expect(languageFromEnvironment([], { LC_ALL: 'en_GB.UTF-8', LANG: 'da_DK.UTF-8' })).toBeUndefined();
    expect(languageFromEnvironment([], { LANG: 'C.UTF-8' })).toBeUndefined();
    expect(languageFromEnvironment(['--', '--lang', 'da'], {})).toBeUndefined();
  });

  it('has every message in both languages, with the same placeholders', () => {
    for (const key of Object.keys(catalogue.en) as Array<keyof typeof catalogue.en>) {
      const da = catalogue.da[key];
      expect(da, key).toBeTruthy();
      expect(parametersOf(da), key).toEqual(parametersOf(catalogue.en[key]));
    }
  });

  it('translates nested messages', () => {
    expect(translate('da', 'problem.reference', { field: 'organisation', target: { key: 'kind.organisation' } }))
      .toBe('Organisation henviser til et id, som ingen organisation har. Kontrollér id\'et, eller opret først det, der henvises til.');
  });
});
