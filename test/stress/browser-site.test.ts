// The published sample site in Chromium, every page: the crawl from the front page that finds no
// broken link or anchor, the external links of every organisation's page, axe-core (WCAG 2.1 AA)
// on every page type in both languages at desktop and phone widths, and screenshots of every page
// type into screenshots/ (git-ignored) for a person to look at. Minutes of browser time, so it runs
// with `npm run test:stress`; the quick checks are in test/browser/site.test.ts.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PAGE_TYPES, SHOTS, sampleSiteInChromium } from '../browser/sample-site.js';

const site = sampleSiteInChromium();

describe('the published sample site in Chromium, every page', () => {
  it('finds no broken link: every page reached from the front page, every link and anchor resolves', async () => {
    const page = await site.context.newPage();
    const queue = [`${site.origin}/index.html`];
    const seen = new Set(queue);
    const pages = new Map<string, { ids: Set<string>; hrefs: string[] }>();
    const broken: string[] = [];
    while (queue.length) {
      const url = queue.shift()!;
      const response = await page.goto(url);
      if (response?.status() !== 200) {
        broken.push(`${url}: ${response?.status()}`);
        continue;
      }
      const ids = new Set(await page.$$eval('[id]', (els) => els.map((e) => e.id)));
      const hrefs = await page.$$eval('a[href], link[href], script[src]', (els) => els.map((e) => (e as HTMLAnchorElement).href || (e as HTMLScriptElement).src));
      pages.set(url, { ids, hrefs });
      for (const href of hrefs) {
        const u = new URL(href);
        const target = `${u.origin}${u.pathname}`;
        if (u.origin === site.origin && target.endsWith('.html') && !seen.has(target)) {
          seen.add(target);
          queue.push(target);
        }
      }
    }
    let links = 0;
    for (const [url, { hrefs }] of pages) {
      for (const href of hrefs) {
        links++;
        const u = new URL(href);
        if (u.origin !== site.origin) continue; // external: checked against the allowed addresses below
        const target = `${u.origin}${u.pathname}`;
        if (target.endsWith('.html')) {
          if (!pages.has(target)) broken.push(`${url} → ${href}: no page`);
          else if (u.hash && !pages.get(target)!.ids.has(decodeURIComponent(u.hash.slice(1)))) broken.push(`${url} → ${href}: no such element`);
        }
      }
    }
    expect(broken).toEqual([]);
    expect(pages.size).toBe(2 * (9 + site.folder.records.organisation.size)); // every page of both languages is reachable from the front page
    expect(links, 'links checked').toBeGreaterThan(pages.size); // every page links somewhere
    expect(site.served.filter((s) => s.status !== 200)).toEqual([]); // the stylesheet and the script were found too
    await page.close();
  }, 300_000);

  it('makes no request outside the site, and links only to organisations\' and the region\'s websites', async () => {
    const allowed = new Set<string>([new URL(site.folder.settings!.region.website!).href]);
    for (const o of site.folder.records.organisation.values()) if (o.website) allowed.add(new URL(o.website).href);
    // The region's functional contact in the footer of every page.
    allowed.add('mailto:kontakt@rm.dk').add('tel:+4578410000');
    const page = await site.open('organisations.html');
    const external = new Set<string>();
    for (const path of ['index.html', 'organisations.html', ...[...site.folder.records.organisation.keys()].map((id) => `organisations/${id}.html`)]) {
      await page.goto(`${site.origin}/${path}`);
      for (const href of await page.$$eval('a[href]', (els) => els.map((e) => (e as HTMLAnchorElement).href))) if (!href.startsWith(site.origin)) external.add(href);
    }
    expect([...external].filter((u) => !allowed.has(u))).toEqual([]);
    expect(external.has('https://www.rm.dk/')).toBe(true);
    expect(site.outside).toEqual([]);
    await page.close();
  }, 120_000);

  for (const [lang, prefix] of [['da', ''], ['en', 'en/']] as const) {
    it(`has no WCAG 2.1 AA violation on any page type (axe-core, ${lang}, desktop and phone)`, async () => {
      const violations: string[] = [];
      for (const [type, path] of Object.entries(PAGE_TYPES)) {
        for (const width of [1280, 375]) {
          for (const v of await site.axe(prefix + path, width)) violations.push(`${lang} ${type} ${width}px ${v}`);
        }
      }
      expect(violations).toEqual([]);
    }, 300_000);
  }

  it('takes screenshots of every page type at desktop and phone widths', async () => {
    const taken: string[] = [];
    for (const [type, path] of Object.entries(PAGE_TYPES)) {
      for (const [label, width] of [['desktop', 1280], ['phone', 375]] as const) {
        const page = await site.open(path, width);
        const file = join(SHOTS, `${type}-${label}.png`);
        await page.screenshot({ path: file, fullPage: type === 'front' && label === 'phone' });
        taken.push(file);
        await page.close();
      }
    }
    expect(taken.every((f) => existsSync(f))).toBe(true);
  }, 120_000);
});
