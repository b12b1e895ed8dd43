// The built civsam reads its messages from one JSON file per language (made by scripts/build.js from
// the catalogue's parts): they must be the catalogue the sources and the tests use, key for key.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalogue } from '../../src/i18n/catalogue/index.js';
import { civsamBinary } from '../helpers/cli.js';

const built = (lang: string) => JSON.parse(readFileSync(new URL(`../../dist/i18n/catalogue/${lang}.json`, import.meta.url), 'utf8')) as Record<string, string>;

describe('the built message catalogue', () => {
  it('holds every message of the sources, in both languages', () => {
    expect(built('en')).toEqual(catalogue.en);
    expect(built('da')).toEqual(catalogue.da);
  });

  it('is what the built program says things with', async () => {
    const run = await civsamBinary(['--lang', 'da', 'validate', '--data', '/nowhere/at/all']);
    expect(run.code).toBe(2);
    expect(run.stderr.startsWith(`${catalogue.da['cli.error']} `)).toBe(true);
  });
});
