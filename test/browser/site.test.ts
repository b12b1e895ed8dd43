// The published sample site in a real browser (Debian's Chromium, driven by playwright-core): it
// makes no request outside the site, uses the offers filter (and reads the page without the
// script), is usable with the keyboard, and draws the funding chart so it reads right. Following
// the navigation to every page type, axe-core (WCAG 2.1 AA) and phone width are in
// test/stress/browser-site-pages.test.ts; the full crawl, axe on every page type in both languages
// at both widths, and the screenshots in test/stress/browser-site.test.ts.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildOffersReport } from '../../src/reports/offers.js';
import { AS_OF, PAGE_TYPES, SHOTS, sampleSiteInChromium } from './sample-site.js';

const site = sampleSiteInChromium();

describe('the published sample site in Chromium', () => {
  it('makes no request outside the site, and links only to organisations\' and the region\'s websites (front page, index, one organisation)', async () => {
    // Every organisation's page is checked by the stress suite (test/stress/browser-site.test.ts).
    const allowed = new Set<string>([new URL(site.folder.settings!.region.website!).href]);
    // The region's functional contact in the footer of every page.
    allowed.add('mailto:kontakt@rm.dk').add('tel:+4578410000');
    for (const o of site.folder.records.organisation.values()) if (o.website) allowed.add(new URL(o.website).href);
    const page = await site.open('index.html');
    const external = new Set<string>();
    for (const path of ['index.html', 'organisations.html', PAGE_TYPES.organisation, `en/${PAGE_TYPES.organisation}`]) {
      await page.goto(`${site.origin}/${path}`);
      for (const href of await page.$$eval('a[href]', (els) => els.map((e) => (e as HTMLAnchorElement).href))) if (!href.startsWith(site.origin)) external.add(href);
    }
    expect([...external].filter((u) => !allowed.has(u))).toEqual([]);
    expect(external.has('https://www.rm.dk/')).toBe(true);
    expect(site.outside).toEqual([]);
    await page.close();
  }, 120_000);

  it('filters the offers by municipality, patient group and text, and shows every offer again on reset', async () => {
    const page = await site.open('offers.html');
    const form = page.locator('#offer-filter');
    await expect.poll(() => form.isVisible()).toBe(true);
    const status = page.locator('#filter-status');
    const visibleOffers = () => page.$$eval('li.offer', (els) => new Set(els.filter((e) => (e as HTMLElement).offsetParent !== null).map((e) => e.getAttribute('data-id'))).size);
    const total = buildOffersReport(site.folder, AS_OF).totals.offers;
    expect(await visibleOffers()).toBe(total);

    const samso = buildOffersReport(site.folder, AS_OF, { municipalities: ['samso'] }).totals.offers;
    await page.getByLabel('Kommune', { exact: true }).selectOption({ label: 'Samsø' });
    await expect.poll(() => status.innerText()).toBe(`Viser ${samso} af ${total} tilbud.`);
    expect(await visibleOffers()).toBe(samso);
    await page.screenshot({ path: join(SHOTS, 'offers-filtered-desktop.png') });

    const depressionInRanders = buildOffersReport(site.folder, AS_OF, { municipalities: ['randers'], patientGroups: ['depression'] }).totals.offers;
    await page.getByLabel('Kommune', { exact: true }).selectOption({ label: 'Randers' });
    await page.getByLabel('Patientgruppe', { exact: true }).selectOption({ label: 'Depression' });
    await expect.poll(() => status.innerText()).toBe(`Viser ${depressionInRanders} af ${total} tilbud.`);
    expect(await visibleOffers()).toBe(depressionInRanders);

    await page.getByRole('button', { name: 'Vis alle' }).click();
    await expect.poll(() => visibleOffers()).toBe(total);
    await page.getByLabel('Søg').fill('Lyspunktet');
    await expect.poll(() => visibleOffers()).toBeGreaterThan(0);
    expect(await visibleOffers()).toBeLessThan(total);
    await page.close();

    // A count on the coverage page opens the offers page filtered to its cell.
    const coverage = await site.open('coverage.html');
    await Promise.all([coverage.waitForURL(/offers\.html\?group=depression&municipality=randers/), coverage.getByRole('link', { name: /tilbud til Depression i Randers$/ }).click()]);
    await expect.poll(() => coverage.locator('#filter-status').innerText()).toBe(`Viser ${buildOffersReport(site.folder, AS_OF, { municipalities: ['randers'], patientGroups: ['depression'] }).totals.offers} af ${total} tilbud.`);
    await coverage.close();
  }, 120_000);

  it('is complete without JavaScript: no filter form, every offer shown', async () => {
    const page = await site.context.newPage();
    await page.route('**/filter.js', (route) => route.abort());
    await page.goto(`${site.origin}/offers.html`);
    expect(await page.locator('#offer-filter').isVisible()).toBe(false);
    const shown = await page.$$eval('li.offer', (els) => new Set(els.filter((e) => (e as HTMLElement).offsetParent !== null).map((e) => e.getAttribute('data-id'))).size);
    expect(shown).toBe(buildOffersReport(site.folder, AS_OF).totals.offers);
    await page.close();
  }, 60_000);

  it('can be used with the keyboard: the first Tab reaches the skip link, which moves focus to the content', async () => {
    const page = await site.open('funding.html');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Gå til indholdet');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.close();
  }, 60_000);

  it('draws the funding chart so the allocated amount and the budget each read as what they are (a screenshot is kept)', async () => {
    const page = await site.open('funding.html');
    const svg = page.locator('svg.chart').first();
    await svg.screenshot({ path: join(SHOTS, 'funding-chart.png') });
    const layout = await svg.evaluate((el) => {
      const box = (e: Element) => (e as SVGGraphicsElement).getBBox();
      const rects = [...el.querySelectorAll('rect')].map(box);
      return {
        values: [...el.querySelectorAll('text.value')].map((t) => ({ text: t.textContent, inside: rects.some((r) => box(t).x >= r.x && box(t).x + box(t).width <= r.x + r.width + 0.5) })),
        markers: [...el.querySelectorAll('text.marker-label')].map((t) => t.textContent),
        overlaps: [...el.querySelectorAll('text')].flatMap((a, i, all) => all.slice(i + 1).filter((b) => {
          const p = box(a); const q = box(b);
          return p.x < q.x + q.width && q.x < p.x + p.width && p.y < q.y + q.height && q.y < p.y + p.height;
        }).map((b) => `${a.textContent} × ${b.textContent}`)),
        desc: el.querySelector('desc')?.textContent,
      };
    });
    // The sample's Civilsamfundspuljen 2024: 460.000 kr. given of a 600.000 kr. budget.
    expect(layout.values[0]).toEqual({ text: 'Bevilget 460.000 kr.', inside: true });
    expect(layout.markers[0]).toBe('Budget 600.000 kr.');
    expect(layout.overlaps).toEqual([]);
    expect(layout.desc).toContain('2024: bevilget 460.000 kr. (udviklingsprojekter 460.000 kr., drift 0 kr.); budget 600.000 kr.; 140.000 kr. af budgettet er tilbage');
    await page.close();
  }, 120_000);
});
