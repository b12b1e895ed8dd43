// The site published from the bundled sample data: no personal data in any file, no broken or
// foreign link, and the same bytes every time.
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import type { DataFolder } from '../../src/domain/folder.js';
import { readFolder } from '../../src/store/load-folder.js';
import { buildSite } from '../../src/site/site.js';
import { checkFolder } from '../../src/validate/check-folder.js';
import { AS_OF, siteFolder } from './fixture.js';
import { allowedExternal, checkLinks, personalDataHits, personalValues } from './site-checks.js';

const SAMPLE = fileURLToPath(new URL('../../data', import.meta.url));
const SAMPLE_AS_OF = '2026-11-23';

function loadSample(): DataFolder {
  const { folder, problems } = checkFolder(readFolder(SAMPLE));
  expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  return folder;
}

const sample = loadSample();
const site = buildSite(sample, { asOf: SAMPLE_AS_OF, languages: ['da', 'en'] });

describe('personal data', () => {
  it('the scan finds what it looks for (a planted contact name, e-mail and phone are each caught)', () => {
    const values = personalValues(sample);
    const org = [...sample.records.organisation.values()].find((o) => o.contact?.name && o.contact.email && o.contact.phone)!;
    for (const planted of [org.contact!.name!, org.contact!.email!.toUpperCase(), org.contact!.phone!.replace(/\s/g, '-')]) {
      const files = new Map(site);
      files.set('index.html', `${site.get('index.html')}<p>${planted}</p>`);
      expect(personalDataHits(files, values).length, planted.length.toString()).toBeGreaterThan(0);
    }
  });

  it('no contact name, e-mail, phone or staff note of the sample data is in any published file', () => {
    const values = personalValues(sample);
    // At least one value per contact person of the sample (how many there are is the sample's business).
    const contacts = [...sample.records.organisation.values()].filter((o) => o.contact?.name).length;
    expect(contacts).toBeGreaterThan(0);
    expect(values.length).toBeGreaterThanOrEqual(contacts);
    expect(personalDataHits(site, values)).toEqual([]);
  });

  it('no assessor of an application or a declaration is named on any page, while the grants are', () => {
    const values = personalValues(sample);
    expect(values).toContain('Fagkonsulent, Sundhed');
    expect(values).toContain('Fagkonsulent, Psykiatri og Social');
    expect(personalDataHits(site, values)).toEqual([]);
    expect(site.get('calls.html')).toContain('<a href="organisations/aedru-sammen-midt.html">Ædru Sammen Midt</a>: 500.000 kr.');
  });

  it('nor of the hand-built folder, whose contacts and notes sit on organisations with pages, offers and agreements', () => {
    const folder = siteFolder();
    const files = buildSite(folder, { asOf: AS_OF, languages: ['da', 'en'] });
    expect(personalValues(folder)).toHaveLength(10);
    expect(personalDataHits(files, personalValues(folder))).toEqual([]);
  });
});

describe('links', () => {
  it('every link leads to a file of the site and an element in it, or to an organisation\'s or the region\'s website', () => {
    const { problems, links, external } = checkLinks(site, allowedExternal(sample));
    expect(problems).toEqual([]);
    expect(links).toBeGreaterThan(site.size); // every page links somewhere
    expect(external).toContain('https://www.rm.dk/');
    // Web addresses over https, and the region's functional contact as mailto: and tel: links.
    expect(external.filter((u) => !u.startsWith('https://'))).toEqual(['mailto:kontakt@rm.dk', 'tel:+4578410000']);
  });

  it('the check finds a broken link, a missing anchor and a foreign address', () => {
    const files = new Map(site);
    files.set('index.html', `${site.get('index.html')}<a href="nowhere.html">x</a><a href="offers.html#no-such-id">y</a><a href="https://cdn.example/x.js">z</a>`);
    expect(checkLinks(files, allowedExternal(sample)).problems.map((p) => p.problem)).toEqual(['missing-file', 'missing-anchor', 'external-not-allowed']);
  });

  it('no page loads anything from outside the site', () => {
    for (const [path, content] of site) {
      expect(content, path).not.toMatch(/<(script|link|img|iframe)[^>]+(src|href)="(https?:)?\/\//);
      expect(content, path).not.toMatch(/@import|url\(/);
    }
  });
});

describe('stable output', () => {
  it('the same data gives byte-identical files, whatever order the records were read in', () => {
    const again = buildSite(loadSample(), { asOf: SAMPLE_AS_OF, languages: ['da', 'en'] });
    expect([...again.keys()]).toEqual([...site.keys()]);
    for (const [path, content] of site) expect(again.get(path), path).toBe(content);
    // Records in reverse order of reading must not change a byte.
    const reversed = loadSample();
    for (const kind of Object.keys(reversed.records) as (keyof DataFolder['records'])[]) {
      const map = reversed.records[kind] as Map<string, unknown>;
      const entries = [...map].reverse();
      map.clear();
      for (const [k, v] of entries) map.set(k, v);
    }
    const third = buildSite(reversed, { asOf: SAMPLE_AS_OF, languages: ['da', 'en'] });
    for (const [path, content] of site) expect(third.get(path), path).toBe(content);
  });

  it('no clock: built at another time of day and year, the files are the same; the only date is --as-of', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2031-02-03T04:05:06Z'));
      const later = buildSite(loadSample(), { asOf: SAMPLE_AS_OF, languages: ['da', 'en'] });
      for (const [path, content] of site) expect(later.get(path), path).toBe(content);
    } finally {
      vi.useRealTimers();
    }
    for (const [path, content] of site) {
      expect(content, path).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:/);
    }
    expect(site.get('index.html')).toContain('Tallene på dette site er opgjort pr. 23. nov. 2026.');
  });
});

describe('the sample site', () => {
  it('has 9 section pages and one page per organisation in each language, in Danish at the root and English in en/', () => {
    const html = [...site.keys()].filter((p) => p.endsWith('.html'));
    const organisations = sample.records.organisation.size;
    expect(organisations).toBeGreaterThanOrEqual(40);
    expect(html.filter((p) => !p.startsWith('en/'))).toHaveLength(9 + organisations);
    expect(html.filter((p) => p.startsWith('en/'))).toHaveLength(9 + organisations);
  });

  it('shows the model: every principle and stage in both languages, and the guidance on taking part', () => {
    const model = sample.model!;
    const da = site.get('model.html')!;
    const en = site.get('en/model.html')!;
    for (const p of model.principles) {
      expect(da).toContain(`<h3 id="principle-${p.id}">${p.title.da}</h3>`);
      expect(en).toContain(`<h3 id="principle-${p.id}">${p.title.en}</h3>`);
    }
    for (const st of model.stages) expect(da).toContain(`<h3 id="stage-${st.id}">${st.title.da}</h3>`);
    for (const h of model.how_to ?? []) expect(en).toContain(`<h3 id="how-${h.id}">${h.title.en}</h3>`);
    expect(model.how_to?.length).toBeGreaterThanOrEqual(2);
  });

  it('shows the open call, the closed consultations and the planted concentrated pool-year', () => {
    expect(site.get('calls.html')).toContain('id="call-2027-civilsamfundspuljen"');
    const funding = site.get('funding.html')!;
    expect(funding).toContain('<desc id="pool-kultur-og-sundhed-2025-shares-desc">Kulturkraft Midt: 64,3 % (450.000 kr.)');
    expect(site.get('consultations.html')).not.toContain('2026-workshop-parorendeinddragelse'); // planned: not public
  });
});
