// The site's open-data/ folder: every CSV's columns documented in the one readme (Danish and
// English), the licence and the as-of date in it, no contact field anywhere, the grants adding up,
// and a link from the front page; the site's personal-data scan covers these files too.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../../src/site/site.js';
import { gatherFacts } from '../../src/site/facts.js';
import { openDataFiles } from '../../src/site/open-data.js';
import { encodeCsv } from '../../src/output/csv.js';
import { buildGrants, grantRow, grantsPackage, GRANT_COLUMNS } from '../../src/reports/grants.js';
import { readFolder } from '../../src/store/load-folder.js';
import { checkFolder } from '../../src/validate/check-folder.js';
import { ROOT } from '../helpers/cli.js';
import { personalDataHits, personalValues } from '../publish/site-checks.js';
import { AS_OF, CONTACTS, loadFiles, siteFiles } from '../publish/fixture.js';

const sample = checkFolder(readFolder(join(ROOT, 'data'))).folder;
const site = buildSite(sample, { asOf: '2026-11-23', languages: ['da', 'en'] });
const openData = [...site.keys()].filter((p) => p.startsWith('open-data/'));
const readme = site.get('open-data/readme.md')!;

/** The columns the readme documents for a file: the first cell of each row of its table. */
function documented(name: string): string[] {
  const start = readme.indexOf(`## ${name} (`);
  const section = readme.slice(start, readme.indexOf('\n## ', start + 1) === -1 ? undefined : readme.indexOf('\n## ', start + 1));
  return section.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Kolonne') && !l.startsWith('| ---')).map((l) => l.slice(2, l.indexOf(' | ')).replace(/\\\|/g, '|'));
}

describe('open-data/', () => {
  it('is made one file at a time (at a national register\'s size each is tens of megabytes, let go once written)', () => {
    const files = openDataFiles(gatherFacts(sample, '2026-11-23'));
    expect(Array.isArray(files)).toBe(false);
    expect(files.next().value?.[0]).toBe('open-data/organisations.csv');
    expect(files.next().value?.[0]).toBe('open-data/organisations.json');
  });

  it('gives a long file in pieces that join into what JSON.stringify and the one CSV encoder write', () => {
    // 1,200 organisations more than the small folder: organisations.json and .csv run to several pieces each.
    const files = siteFiles();
    for (let i = 0; i < 1200; i++) {
      files[`organisations/extra-${i}.yaml`] = `id: extra-${i}\nname: "Forening nr. ${i} – Æblegården, \\"Ø\\""\nkind: patient-association\nareas: [psychiatry]\npatient_groups: [depression]\nmunicipalities: [aarhus]\nstatus: active\n`;
    }
    const folder = loadFiles(files);
    const made = new Map([...openDataFiles(gatherFacts(folder, AS_OF))].map(([path, content]) => [path, typeof content === 'string' ? [content] : content]));
    expect(made.get('open-data/organisations.json')!.length).toBeGreaterThan(1);
    expect(made.get('open-data/organisations.csv')!.length).toBeGreaterThan(1);
    for (const name of ['organisations', 'offers', 'agreements', 'calls', 'consultations']) {
      const json = made.get(`open-data/${name}.json`)!.join('');
      const rows = JSON.parse(json) as Record<string, string | number>[];
      expect(json, name).toBe(JSON.stringify(rows, null, 2) + '\n');
      const header = made.get(`open-data/${name}.csv`)!.join('').slice(1).split('\r\n')[0].split(',');
      expect(made.get(`open-data/${name}.csv`)!.join(''), name).toBe(encodeCsv([header, ...rows.map((r) => header.map((h) => r[h]))], { delimiter: ',', lang: 'en' }));
    }
    const grants = buildGrants(folder, 'da');
    expect(grants.length).toBeGreaterThan(0);
    expect(made.get('open-data/grants.json')!.join('')).toBe(JSON.stringify(grantsPackage(grants), null, 2) + '\n');
    expect(made.get('open-data/grants.csv')!.join('')).toBe(encodeCsv([[...GRANT_COLUMNS], ...grants.map(grantRow)], { delimiter: ',', lang: 'en' }));
    // No grants: the package's list is empty, as JSON.stringify writes it.
    const none = new Map(openDataFiles(gatherFacts(loadFiles(siteFiles()), '2000-01-01')));
    const empty = [none.get('open-data/grants.json')!].flat().join('');
    expect(empty).toBe(JSON.stringify(grantsPackage(JSON.parse(empty).grants), null, 2) + '\n');
  });

  it('has grants of exactly the agreements in agreements.csv, an upcoming one too, and its readme says so and what each date is', () => {
    // a4 starts after the data's date (upcoming) with money for the year before it starts, by an exemption approved before that date.
    const a4 = 'id: a4\ntitle: Angstcafé\norganisations: [gamma]\nareas: [psychiatry]\nmunicipalities: [aarhus]\nstart: 2027-01-01\nend: 2027-12-31\nstatus: active\nfunding:\n  - pool: pool-one\n    year: 2026\n    kind: development\n    amount_dkk: 20000\nestablished_by:\n  exemption:\n    reason: Forsøg\n    approved_by: Direktionen\n    date: 2026-05-01\n';
    const made = new Map([...openDataFiles(gatherFacts(loadFiles({ ...siteFiles(), 'agreements/a4.yaml': a4 }), AS_OF))].map(([path, content]) => [path, [content].flat().join('')]));
    const agreements = (JSON.parse(made.get('open-data/agreements.json')!) as Record<string, string | number>[]).filter((a) => Number(a.funding_dkk) > 0);
    expect(agreements.map((a) => [a.id, a.status])).toEqual([['a1', 'active'], ['a2', 'ended'], ['a4', 'upcoming']]);
    const grants = (JSON.parse(made.get('open-data/grants.json')!) as ReturnType<typeof grantsPackage>).grants;
    expect(grants.map((g) => g.id.replace(/^360G-region-test-/, '').split('-pool-')[0])).toEqual(['a1', 'a1', 'a1', 'a1', 'a2', 'a4']);
    // Its CSV row: awarded when the exemption was approved, no planned dates (the year lies outside the agreement's period).
    expect(made.get('open-data/grants.csv')!.split('\r\n').find((l) => l.startsWith('360G-region-test-a4-'))).toMatch(/^360G-region-test-a4-pool-one-2026,Angstcafé,[^\r]*,DKK,20000,2026-05-01,,,/);
    const section = made.get('open-data/readme.md')!.split('## grants')[1];
    expect(section).toContain('én pr. aftale, pulje, år og organisation for hver aftale i agreements.csv (active, upcoming eller ended: indgået og dermed lovet, også når den først begynder senere)');
    expect(section).toContain('| Award Date | datoen for afgørelsen: på den ansøgning, bevillingen eller aftalen bygger på; for en aftale uden en sådan, den dag undtagelsen fra et åbent opslag blev godkendt; ellers aftalens start');
    expect(section).toContain('tom, når året ligger uden for aftalens periode');
  });

  it('has CSV and JSON of organisations, offers, agreements, grants, calls and consultations, once for all languages, and one readme', () => {
    expect(openData).toEqual(['agreements', 'calls', 'consultations', 'grants', 'offers', 'organisations'].flatMap((n) => [`open-data/${n}.csv`, `open-data/${n}.json`]).concat('open-data/readme.md').sort());
  });

  it('documents every column of every CSV in the readme, in the header\'s order', () => {
    for (const path of openData.filter((p) => p.endsWith('.csv'))) {
      const header = site.get(path)!.replace(/^\uFEFF/, '').split('\r\n')[0].split(',');
      const name = path.slice('open-data/'.length, -'.csv'.length);
      expect(documented(name), name).toEqual(header);
    }
  });

  it('describes every column in Danish and English from the catalogue (a column without its entry would show its key)', () => {
    const rows = readme.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Kolonne') && !l.startsWith('| ---'));
    expect(rows.length).toBeGreaterThan(60);
    for (const row of rows) {
      const [, da, en] = row.slice(2, -2).split(/ (?<!\\)\| /);
      expect(da, row).toMatch(/\p{L}/u);
      expect(en, row).toMatch(/\p{L}/u);
      expect(row).not.toContain('openData.');
    }
    expect(readme).not.toContain('openData.');
  });

  it('the readme gives the licence (default CC BY 4.0, or civsam.yaml\'s open_data.licence) and the as-of date, in both languages', () => {
    expect(readme).toContain('Opgjort pr. 2026-11-23. Data er udgivet under licensen CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/).');
    expect(readme).toContain('As of 2026-11-23. Published under the licence CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/).');
    const files = { ...siteFiles(), 'civsam.yaml': 'region:\n  name: Region Test\nlanguage: da\nopen_data:\n  licence: CC0 1.0\n  licence_url: https://creativecommons.org/publicdomain/zero/1.0/\n' };
    const own = buildSite(loadFiles(files), { asOf: AS_OF, languages: ['da'] }).get('open-data/readme.md')!;
    expect(own).toContain('Data er udgivet under licensen CC0 1.0 (https://creativecommons.org/publicdomain/zero/1.0/).');
  });

  it('has no contact field and no personal data of the small folder (its contacts are planted in the fixture)', () => {
    const small = buildSite(loadFiles(siteFiles()), { asOf: AS_OF, languages: ['da'] });
    const files = new Map([...small].filter(([p]) => p.startsWith('open-data/')));
    expect(files.size).toBe(13);
    expect(personalDataHits(files, Object.values(CONTACTS).flatMap((c) => Object.values(c)))).toEqual([]);
    expect(personalDataHits(files, ['Intern note om bestyrelsen', 'Intern bemærkning om forhandlingen'])).toEqual([]);
    const organisations = JSON.parse(files.get('open-data/organisations.json')!) as Record<string, unknown>[];
    expect(Object.keys(organisations[0])).toEqual(['id', 'name', 'kind', 'cvr', 'areas', 'patient_groups', 'reach', 'status', 'website']);
    expect(files.get('open-data/organisations.csv')).not.toMatch(/contact|email|phone|notes/i);
    // The site's scan reads these files as it reads the pages: a planted address in one is found.
    const planted = new Map(files).set('open-data/offers.csv', `${files.get('open-data/offers.csv')}x,${CONTACTS.beta.email}\r\n`);
    expect(personalDataHits(planted, [CONTACTS.beta.email])).toEqual([`open-data/offers.csv: ${CONTACTS.beta.email.length} characters`]);
  });

  it('a call that leaves who applied and who was selected to its applications has them in calls.json and on its page', () => {
    // The sample's call with applications, its own lists taken out: 8 applications from 9
    // organisations (one applied with two); granted or partly: aedru, kraeftnetvaerket with
    // kraeftraadgivningen, lungeklubben (partly), madfaellesskabet and ung-i-midten.
    const dir = mkdtempSync(join(tmpdir(), 'civsam-opendata-'));
    cpSync(join(ROOT, 'data'), dir, { recursive: true });
    const file = join(dir, 'calls', '2025-civilsamfundspuljen.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^(applicants|selected):\n(  - .*\n)+/gm, ''));
    const folder = checkFolder(readFolder(dir)).folder;
    rmSync(dir, { recursive: true, force: true });
    const own = buildSite(folder, { asOf: '2026-11-23', languages: ['da'] });
    // The call's own page, while its round is recent, says the same.
    const page = buildSite(folder, { asOf: '2025-12-01', languages: ['da'] }).get('calls.html')!;
    const at = page.indexOf('call-2025-civilsamfundspuljen');
    const article = page.slice(page.lastIndexOf('<article', at), page.indexOf('</article>', at));
    expect(article).toContain('Ansøgere</dt><dd>9</dd>');
    const selected = /Udvalgt<\/dt><dd>(.*?)<\/dd>/.exec(article)?.[1] ?? '';
    expect([...selected.matchAll(/organisations\/([a-z0-9-]+)\.html/g)].map((m) => m[1]).sort()).toEqual(['aedru-sammen-midt', 'kraeftnetvaerket-horsens', 'kraeftraadgivningen-djursland', 'lungeklubben-herning', 'madfaellesskabet-herning', 'ung-i-midten']);
    const call = (JSON.parse(own.get('open-data/calls.json')!) as { id: string; applicants: number; selected: string }[]).find((c) => c.id === '2025-civilsamfundspuljen');
    expect(call).toMatchObject({ applicants: 9, selected: 'aedru-sammen-midt, kraeftnetvaerket-horsens, kraeftraadgivningen-djursland, lungeklubben-herning, madfaellesskabet-herning, ung-i-midten' });
  });

  it('the sample site\'s open data holds none of the sample\'s personal data', () => {
    expect(personalDataHits(new Map([...site].filter(([p]) => p.startsWith('open-data/'))), personalValues(sample))).toEqual([]);
  });

  it('the grants are the 360Giving export, and the front page links to the readme in each language', () => {
    const grants = JSON.parse(site.get('open-data/grants.json')!) as { grants: { amountAwarded: number }[]; version: string };
    expect(grants.version).toBe('1.4');
    expect(grants.grants.reduce((s, g) => s + g.amountAwarded, 0)).toBe(24_150_000); // civsam overview funding: 1,980,000 + 4,770,000 + 7,010,000 + 6,330,000 + 4,060,000
    expect(site.get('index.html')).toContain('<a href="open-data/readme.md">Filerne, og hvad hver kolonne betyder</a>');
    expect(site.get('en/index.html')).toContain('<a href="../open-data/readme.md">The files and what every column means</a>');
  });
});
