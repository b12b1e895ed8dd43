// A list's heading counts its records in the kind's own words, as a person says it (`2 organisationer`,
// `1 aftale`), not as `Poster af typen organisation: 2`.
import { expect, test } from 'vitest';
import { civsam } from '../helpers/cli.js';
import { baseFiles, makeFolder, org } from '../helpers/folder.js';

test('the heading is the count in the kind\'s own words, one and more, in Danish and English', async () => {
  const one = makeFolder(baseFiles());
  const two = makeFolder({ ...baseFiles(), 'organisations/beta.yaml': org('beta', 'Beta Forening') });
  const heading = async (dir: string, lang: string) => (await civsam(['--data', dir, '--lang', lang, 'org', 'list'])).stdout.split('\n')[0];
  expect(await heading(one, 'da')).toBe('1 organisation');
  expect(await heading(two, 'da')).toBe('2 organisationer');
  expect(await heading(one, 'en')).toBe('1 organisation');
  expect(await heading(two, 'en')).toBe('2 organisations');
});
