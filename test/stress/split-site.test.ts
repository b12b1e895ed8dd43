// A site whose lists are split over several pages, in Chromium: the index pages and the parts pass
// axe-core (WCAG 2.1 AA) in both languages at desktop and phone widths, a patient group's page is
// reached from the offers page by a plain link (no script needed), and the script's filter still
// works on that page.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_SIZES, generateBenchFolder, REFERENCE_DATE } from '../../scripts/bench-data.js';
import { sampleSiteInChromium } from '../browser/sample-site.js';

// 1,000 offers, 50 consultations and 20 pools: offers, past consultations and pools are split.
const SCALE = 0.05;
let dir: string | undefined;
afterAll(() => { if (dir) rmSync(dir, { recursive: true, force: true }); });
const site = sampleSiteInChromium({
  asOf: REFERENCE_DATE,
  data: () => {
    dir = mkdtempSync(join(tmpdir(), 'civsam-split-browser-'));
    generateBenchFolder(dir, Object.fromEntries(Object.entries(DEFAULT_SIZES).map(([k, v]) => [k, Math.max(1, Math.round(v * SCALE))])) as typeof DEFAULT_SIZES);
    return dir;
  },
});

describe('a site with split lists in Chromium', () => {
  it('passes axe-core on the index pages and on parts, in both languages, at desktop and phone widths', async () => {
    const offers = await site.open('offers.html');
    const group = await offers.$eval('nav.toc a[href^="offers-"]', (a) => a.getAttribute('href')!);
    await offers.close();
    const pages = ['offers.html', group, 'funding.html', 'funding-1.html', 'consultations.html', 'consultations-1.html'];
    const violations: string[] = [];
    for (const path of pages.flatMap((p) => [p, `en/${p}`])) {
      for (const width of [1280, 375]) for (const v of await site.axe(path, width)) violations.push(`${path} @${width}: ${v}`);
    }
    expect(violations).toEqual([]);
  }, 240_000);

  it('leads from the offers page to a patient group\'s page by a plain link, where the filter narrows the offers', async () => {
    const page = await site.open('offers.html');
    expect(await page.$('#offer-filter')).toBeNull();
    await page.click('nav.toc a[href^="offers-"]');
    await page.waitForSelector('#offer-filter:not([hidden])');
    const all = await page.$$eval('li.offer', (els) => els.length);
    expect(all).toBeGreaterThan(1);
    const first = await page.$eval('li.offer .offer-title', (el) => el.textContent!);
    await page.fill('#f-text', first);
    await page.waitForFunction((n) => document.querySelectorAll('li.offer:not([hidden])').length < n, all);
    expect(await page.$$eval('li.offer:not([hidden])', (els) => els.length)).toBeGreaterThanOrEqual(1);
    await page.close();
  }, 60_000);
});
