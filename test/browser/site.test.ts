// The published sample site in a real browser: Debian's Chromium, driven by playwright-core, reading
// the site from a small HTTP server on 127.0.0.1. It follows the links from the front page to every
// page type, finds no broken link, uses the offers filter (and reads the page without the script),
// checks every page type with axe-core (WCAG 2.1 AA) at desktop and phone widths, and takes
// screenshots into screenshots/ (git-ignored) for a person to look at.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataFolder } from '../../src/core/folder.js';
import { readFolder } from '../../src/io/load-folder.js';
import { buildSite } from '../../src/publish/site.js';
import { writeSite } from '../../src/publish/write-site.js';
import { buildOffersReport } from '../../src/report/offers.js';
import { checkFolder } from '../../src/validate/check-folder.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CHROMIUM = '/usr/bin/chromium';
const SHOTS = join(ROOT, 'screenshots');
const AS_OF = '2026-11-23';
const AXE = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
const WCAG21AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** One page of each type, in Danish and English. */
const PAGE_TYPES: Record<string, string> = {
  front: 'index.html',
  model: 'model.html',
  calls: 'calls.html',
  offers: 'offers.html',
  coverage: 'coverage.html',
  funding: 'funding.html',
  agreements: 'agreements.html',
  consultations: 'consultations.html',
  organisations: 'organisations.html',
  organisation: 'organisations/recoverynetvaerket-midt.html',
};

let folder: DataFolder;
let siteDir: string;
let server: Server;
let origin: string;
const served: { path: string; status: number }[] = [];
let context: BrowserContext;
let profile: string;
const outside: string[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run scripts/install-browser.sh (Debian's chromium package)`);
  const loaded = checkFolder(readFolder(join(ROOT, 'data')));
  expect(loaded.problems.filter((p) => p.severity === 'error')).toEqual([]);
  folder = loaded.folder;
  siteDir = mkdtempSync(join(tmpdir(), 'civsam-site-'));
  await writeSite(siteDir, siteDir, buildSite(folder, { asOf: AS_OF, languages: ['da', 'en'] }));
  server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    const rel = normalize(path === '/' ? '/index.html' : path).replace(/^\/+/, '');
    const file = join(siteDir, rel);
    const ok = !rel.startsWith('..') && existsSync(file) && !rel.startsWith('.civsam');
    served.push({ path, status: ok ? 200 : 404 });
    if (!ok) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const type = { '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8' }[extname(file)] ?? 'application/octet-stream';
    res.writeHead(200, { 'content-type': type }).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  profile = mkdtempSync(join(tmpdir(), 'civsam-chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 900 },
  });
  // Nothing may leave the machine: every request to another origin is refused and remembered.
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(`${origin}/`)) return route.continue();
    outside.push(url);
    return route.abort();
  });
  mkdirSync(SHOTS, { recursive: true });
}, 120_000);

afterAll(async () => {
  await context?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  if (siteDir) rmSync(siteDir, { recursive: true, force: true });
  if (profile) rmSync(profile, { recursive: true, force: true });
});

async function open(path: string, width = 1280): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize({ width, height: width < 600 ? 812 : 900 });
  const response = await page.goto(`${origin}/${path}`);
  expect(response?.status(), path).toBe(200);
  return page;
}

describe('the published sample site in Chromium', () => {
  it('follows the links from the front page to every page type', async () => {
    const page = await open('index.html');
    const reached: Record<string, string> = {};
    const nav = ['Samarbejdsmodellen', 'Opslag', 'Tilbud', 'Dækning', 'Puljer og midler', 'Aftaler', 'Høringer', 'Organisationer'];
    for (const name of nav) {
      await page.goto(`${origin}/index.html`);
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

  it('finds no broken link: every page reached from the front page, every link and anchor resolves', async () => {
    const page = await context.newPage();
    const queue = [`${origin}/index.html`];
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
        if (u.origin === origin && target.endsWith('.html') && !seen.has(target)) {
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
        if (u.origin !== origin) continue; // external: checked against the allowed addresses below
        const target = `${u.origin}${u.pathname}`;
        if (target.endsWith('.html')) {
          if (!pages.has(target)) broken.push(`${url} → ${href}: no page`);
          else if (u.hash && !pages.get(target)!.ids.has(decodeURIComponent(u.hash.slice(1)))) broken.push(`${url} → ${href}: no such element`);
        }
      }
    }
    expect(broken).toEqual([]);
    expect(pages.size).toBe(2 * (9 + folder.records.organisation.size)); // every page of both languages is reachable from the front page
    expect(links, 'links checked').toBeGreaterThan(pages.size); // every page links somewhere
    expect(served.filter((s) => s.status !== 200)).toEqual([]); // the stylesheet and the script were found too
    await page.close();
  }, 300_000);

  it('makes no request outside the site, and links only to organisations\' and the region\'s websites', async () => {
    const allowed = new Set<string>([new URL(folder.settings!.region.website!).href]);
    for (const o of folder.records.organisation.values()) if (o.website) allowed.add(new URL(o.website).href);
    const page = await open('organisations.html');
    const external = new Set<string>();
    for (const path of ['index.html', 'organisations.html', ...[...folder.records.organisation.keys()].map((id) => `organisations/${id}.html`)]) {
      await page.goto(`${origin}/${path}`);
      for (const href of await page.$$eval('a[href]', (els) => els.map((e) => (e as HTMLAnchorElement).href))) if (!href.startsWith(origin)) external.add(href);
    }
    expect([...external].filter((u) => !allowed.has(u))).toEqual([]);
    expect(external.has('https://www.rm.dk/')).toBe(true);
    expect(outside).toEqual([]);
    await page.close();
  }, 120_000);

  it('filters the offers by municipality, patient group and text, and shows every offer again on reset', async () => {
    const page = await open('offers.html');
    const form = page.locator('#offer-filter');
    await expect.poll(() => form.isVisible()).toBe(true);
    const status = page.locator('#filter-status');
    const visibleOffers = () => page.$$eval('li.offer', (els) => new Set(els.filter((e) => (e as HTMLElement).offsetParent !== null).map((e) => e.getAttribute('data-id'))).size);
    const total = buildOffersReport(folder, AS_OF).totals.offers;
    expect(await visibleOffers()).toBe(total);

    const samso = buildOffersReport(folder, AS_OF, { municipalities: ['samso'] }).totals.offers;
    await page.getByLabel('Kommune', { exact: true }).selectOption({ label: 'Samsø' });
    await expect.poll(() => status.innerText()).toBe(`Viser ${samso} af ${total} tilbud.`);
    expect(await visibleOffers()).toBe(samso);
    await page.screenshot({ path: join(SHOTS, 'offers-filtered-desktop.png') });

    const depressionInRanders = buildOffersReport(folder, AS_OF, { municipalities: ['randers'], patientGroups: ['depression'] }).totals.offers;
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
    const coverage = await open('coverage.html');
    await Promise.all([coverage.waitForURL(/offers\.html\?group=depression&municipality=randers/), coverage.getByRole('link', { name: /tilbud til Depression i Randers$/ }).click()]);
    await expect.poll(() => coverage.locator('#filter-status').innerText()).toBe(`Viser ${buildOffersReport(folder, AS_OF, { municipalities: ['randers'], patientGroups: ['depression'] }).totals.offers} af ${total} tilbud.`);
    await coverage.close();
  }, 120_000);

  it('is complete without JavaScript: no filter form, every offer shown', async () => {
    const page = await context.newPage();
    await page.route('**/filter.js', (route) => route.abort());
    await page.goto(`${origin}/offers.html`);
    expect(await page.locator('#offer-filter').isVisible()).toBe(false);
    const shown = await page.$$eval('li.offer', (els) => new Set(els.filter((e) => (e as HTMLElement).offsetParent !== null).map((e) => e.getAttribute('data-id'))).size);
    expect(shown).toBe(buildOffersReport(folder, AS_OF).totals.offers);
    await page.close();
  }, 60_000);

  it('can be used with the keyboard: the first Tab reaches the skip link, which moves focus to the content', async () => {
    const page = await open('funding.html');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Gå til indholdet');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.close();
  }, 60_000);

  for (const [lang, prefix] of [['da', ''], ['en', 'en/']] as const) {
    it(`has no WCAG 2.1 AA violation on any page type (axe-core, ${lang}, desktop and phone)`, async () => {
      const violations: string[] = [];
      for (const [type, path] of Object.entries(PAGE_TYPES)) {
        for (const width of [1280, 375]) {
          const page = await open(prefix + path, width);
          await page.addScriptTag({ content: AXE });
          const result = await page.evaluate(async (tags) => {
            const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[]; passes: unknown[] }> } }).axe;
            const r = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
            return { violations: r.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`), passes: r.passes.length };
          }, WCAG21AA);
          for (const v of result.violations) violations.push(`${lang} ${type} ${width}px ${v}`);
          expect(result.passes, `${type}: axe ran checks`).toBeGreaterThan(5);
          await page.close();
        }
      }
      expect(violations).toEqual([]);
    }, 300_000);
  }

  it('is readable at phone width: no page is wider than the screen (tables scroll inside their own box)', async () => {
    const wide: string[] = [];
    for (const [type, path] of Object.entries(PAGE_TYPES)) {
      const page = await open(path, 375);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 375) wide.push(`${type}: ${width}px`);
      await page.close();
    }
    expect(wide).toEqual([]);
  }, 120_000);

  it('takes screenshots of every page type at desktop and phone widths', async () => {
    const taken: string[] = [];
    for (const [type, path] of Object.entries(PAGE_TYPES)) {
      for (const [label, width] of [['desktop', 1280], ['phone', 375]] as const) {
        const page = await open(path, width);
        const file = join(SHOTS, `${type}-${label}.png`);
        await page.screenshot({ path: file, fullPage: type === 'front' && label === 'phone' });
        taken.push(file);
        await page.close();
      }
    }
    expect(taken.every((f) => existsSync(f))).toBe(true);
  }, 120_000);
});
