// A folder large enough that its lists must be split over several pages (a tenth of the bench
// folder: 2,000 offers, 1,000 agreements, 100 consultations): no page grows past a limit scaled to
// it, every link and anchor still resolves, and a split list's page links to its parts.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_SIZES, generateBenchFolder, REFERENCE_DATE } from '../../scripts/bench-data.js';
import { readFolder } from '../../src/store/load-folder.js';
import { buildSite } from '../../src/site/site.js';
import { MANIFEST, writeSite } from '../../src/site/write-site.js';
import { checkFolder } from '../../src/validate/check-folder.js';
import { allowedExternal, checkLinks } from './site-checks.js';

const SCALE = 0.1;
const dir = mkdtempSync(join(tmpdir(), 'civsam-split-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
generateBenchFolder(dir, Object.fromEntries(Object.entries(DEFAULT_SIZES).map(([k, v]) => [k, Math.max(1, Math.round(v * SCALE))])) as typeof DEFAULT_SIZES);
const { folder } = checkFolder(readFolder(dir));
const site = buildSite(folder, { asOf: REFERENCE_DATE, languages: ['da', 'en'] });

describe('a site with long lists', () => {
  it('has no HTML page over 450 kB (before the split, offers.html alone was 1.6 MB at this size)', () => {
    const sizes = [...site].filter(([path]) => path.endsWith('.html')).map(([path, content]) => [path, Buffer.byteLength(content)] as const).sort((a, b) => b[1] - a[1]);
    expect(sizes[0][1], sizes[0][0]).toBeLessThanOrEqual(450_000);
  });

  it('every link and anchor resolves, in both languages', () => {
    const { problems, links } = checkLinks(site, allowedExternal(folder));
    expect(problems).toEqual([]);
    expect(links).toBeGreaterThan(10_000);
  });

  it('splits offers by patient group, and agreements, pools and past consultations into parts linked from their page', () => {
    const offers = site.get('offers.html')!;
    expect(offers).toContain('href="offers-health-');
    expect(offers).not.toContain('<li class="offer"');
    for (const [page, part] of [['agreements.html', 'agreements-active-1.html'], ['agreements.html', 'agreements-ended-1.html'], ['funding.html', 'funding-1.html'], ['consultations.html', 'consultations-1.html']]) {
      expect(site.get(page), page).toContain(`href="${part}"`);
      expect(site.has(part) && site.has(`en/${part}`), part).toBe(true);
    }
    // A part says where it sits and links back to its page.
    expect(site.get('agreements-active-1.html')).toContain('Del 1 af');
    expect(site.get('en/agreements-active-1.html')).toContain('href="agreements.html"');
  });

  it('a link to a record leads to the part that holds it', () => {
    const agreement = [...folder.records.agreement.values()].find((a) => a.status === 'ended')!;
    const part = [...site].find(([path, c]) => !path.startsWith('en/') && path.startsWith('agreements-') && c.includes(`id="agreement-${agreement.id}"`))![0];
    const org = site.get(`organisations/${agreement.organisations[0]}.html`)!;
    expect(org).toContain(`href="../${part}#agreement-${agreement.id}"`);
  });

  it('a later publish whose lists are short again removes the parts and leaves them out of the file list', async () => {
    const out = mkdtempSync(join(tmpdir(), 'civsam-split-out-'));
    try {
      await writeSite(out, out, site);
      expect(existsSync(join(out, 'funding-1.html'))).toBe(true);
      const { folder: sample } = checkFolder(readFolder(fileURLToPath(new URL('../../data', import.meta.url))));
      const result = await writeSite(out, out, buildSite(sample, { asOf: '2026-11-23', languages: ['da', 'en'] }));
      expect(result.removed).toBeGreaterThan(0);
      for (const part of ['funding-1.html', 'en/funding-1.html', 'agreements-ended-1.html', 'consultations-1.html']) expect(existsSync(join(out, part)), part).toBe(false);
      expect(readFileSync(join(out, MANIFEST), 'utf8')).not.toMatch(/^(en\/)?(funding|agreements-ended|consultations|offers)-/m);
      expect(existsSync(join(out, 'funding.html'))).toBe(true);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
