// An empty list is the sentence that says there is nothing to list, not a frame of headers; a list
// whose filters leave nothing says how many there are to choose from. A CSV keeps its header row.
// An organisation's kind has one heading in each language wherever it is shown.
import { describe, expect, it } from 'vitest';
import { civsam } from '../helpers/cli.js';
import { baseFiles, makeFolder, org } from '../helpers/folder.js';
import { catalogue } from '../../src/i18n/catalogue/index.js';

const DA = { env: { CIVSAM_LANG: 'da' } };

describe('an empty list', () => {
  const dir = makeFolder(baseFiles());

  it('is one sentence, in each language, with no table', async () => {
    expect(await civsam(['offer', 'list', '--data', dir], DA)).toEqual({ code: 0, stdout: 'Der er ingen tilbud.\n', stderr: '' });
    expect((await civsam(['offer', 'list', '--data', dir])).stdout).toBe('There are no offers.\n');
    expect((await civsam(['offer', 'list', '--format', 'md', '--data', dir], DA)).stdout).toBe('Der er ingen tilbud.\n\n');
  });

  it('after filters, says none of how many matched', async () => {
    // In the list headings' counted nouns (it said "af typen organisation").
    expect((await civsam(['org', 'list', '--status', 'inactive', '--data', dir], DA)).stdout).toBe('Registrets ene organisation passer ikke til det, du har angivet.\n');
    expect((await civsam(['org', 'list', '--status', 'inactive', '--data', dir])).stdout).toBe('The one organisation in the register does not match what you asked for.\n');
    const two = makeFolder({ ...baseFiles(), 'organisations/beta.yaml': org('beta', 'Beta') });
    expect((await civsam(['org', 'list', '--status', 'inactive', '--data', two], DA)).stdout).toBe('Ingen af registrets 2 organisationer passer til det, du har angivet.\n');
    expect((await civsam(['org', 'list', '--status', 'inactive', '--data', two])).stdout).toBe('None of the 2 organisations in the register match what you asked for.\n');
  });

  it('CSV and JSON stay data: the header row, an empty array', async () => {
    expect((await civsam(['offer', 'list', '--format', 'csv', '--data', dir])).stdout).toMatch(/^\uFEFF?Id[;,]Title[;,]/);
    expect((await civsam(['offer', 'list', '--format', 'json', '--data', dir])).stdout.trim()).toBe('[]');
  });
});

describe("an organisation's kind", () => {
  it('is headed by one word in list, show and the site, in each language', async () => {
    const dir = makeFolder(baseFiles());
    const list = await civsam(['org', 'list', '--data', dir], DA);
    const show = await civsam(['org', 'show', 'alpha', '--data', dir], DA);
    expect(list.stdout).toMatch(/│ Art /);
    expect(show.stdout).toMatch(/│ Art /);
    expect(show.stdout).not.toMatch(/│ Type /);
    for (const lang of ['da', 'en'] as const) {
      const c = catalogue[lang] as Record<string, string>;
      expect(new Set([c['list.orgKind'], c['publish.organisations.kind'], c['label.kind']]).size).toBe(1);
      expect(c['label.organisation.kind']).toBeUndefined();
    }
  });
});
