// The published sample site in Chromium, page by page: the navigation reaches every page type,
// axe-core (WCAG 2.1 AA) finds nothing on the front and offers pages, and no page is wider than a
// phone's screen. (The quick checks are in test/browser/site.test.ts.)
import { describe, expect, it } from 'vitest';
import { PAGE_TYPES, sampleSiteInChromium } from '../browser/sample-site.js';

const site = sampleSiteInChromium();

describe('the published sample site in Chromium, page by page', () => {
  it('follows the links from the front page to every page type', async () => {
    const page = await site.open('index.html');
    const reached: Record<string, string> = {};
    const nav = ['Samarbejdsmodellen', 'Opslag', 'Tilbud', 'Dækning', 'Puljer og midler', 'Aftaler', 'Høringer', 'Organisationer'];
    for (const name of nav) {
      await page.goto(`${site.origin}/index.html`);
      await Promise.all([page.waitForURL((u) => !u.pathname.endsWith('/index.html')), page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name, exact: true }).click()]);
      reached[name] = `${new URL(page.url()).pathname} · ${await page.locator('h1').innerText()}`;
    }
    // An organisation's page, from the organisations index; and the English front page.
    await page.getByRole('link', { name: 'Recoverynetværket Midt' }).first().click();
    await page.waitForURL(/organisations\/recoverynetvaerket-midt\.html$/);
    reached.organisation = `${new URL(page.url()).pathname} · ${await page.locator('h1').innerText()}`;
    await page.getByRole('link', { name: 'English' }).click();
    await page.waitForURL(/\/en\/organisations\/recoverynetvaerket-midt\.html$/);
    reached.english = `${new URL(page.url()).pathname} · ${await page.locator('html').getAttribute('lang')}`;
    expect(reached).toEqual({
      Samarbejdsmodellen: "/model.html · Region Midtjyllands model for samarbejde med civilsamfundet",
      Opslag: '/calls.html · Opslag',
      Tilbud: '/offers.html · Tilbud efter patientgruppe',
      Dækning: '/coverage.html · Tilbud efter kommune',
      'Puljer og midler': '/funding.html · Puljer og midler',
      Aftaler: '/agreements.html · Samarbejdsaftaler',
      Høringer: '/consultations.html · Høringer og høringslisten',
      Organisationer: '/organisations.html · Organisationer',
      organisation: '/organisations/recoverynetvaerket-midt.html · Recoverynetværket Midt',
      english: '/en/organisations/recoverynetvaerket-midt.html · en',
    });
    await page.close();
  }, 120_000);

  it('has no WCAG 2.1 AA violation on the front page and the offers page (axe-core; Danish at desktop, English at phone width)', async () => {
    // Every page type in both languages at both widths: the stress suite (test/stress/browser-site.test.ts).
    const violations: string[] = [];
    const quick = Object.entries(PAGE_TYPES).filter(([, path]) => /^(index|offers)\.html$/.test(path));
    expect(quick.length).toBe(2);
    // Each of the two in Danish at desktop width and in English at phone width.
    for (const [i, [type, path]] of [quick[0]!, quick[1]!, quick[1]!, quick[0]!].entries()) {
      const [lang, prefix, width] = i % 2 === 0 ? ['da', '', 1280] : ['en', 'en/', 375];
      for (const v of await site.axe(prefix + path, width)) violations.push(`${lang} ${type} ${width}px ${v}`);
    }
    expect(violations).toEqual([]);
  }, 300_000);

  it('is readable at phone width: no page is wider than the screen (tables scroll inside their own box)', async () => {
    const wide: string[] = [];
    for (const [type, path] of Object.entries(PAGE_TYPES)) {
      const page = await site.open(path, 375);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 375) wide.push(`${type}: ${width}px`);
      await page.close();
    }
    expect(wide).toEqual([]);
  }, 120_000);
});
