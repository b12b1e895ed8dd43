// The published sample site served to Debian's Chromium, for the browser tests: the site is
// written to a temporary folder, read from a small HTTP server on 127.0.0.1, and every request to
// another origin is refused and remembered. `npm test` runs the quick checks
// (test/browser/site.test.ts); `npm run test:stress` crawls every page and runs axe-core on every
// page type in both languages at both widths (test/stress/browser-site.test.ts).
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import type { DataFolder } from '../../src/domain/folder.js';
import { readFolder } from '../../src/store/load-folder.js';
import { buildSite } from '../../src/site/site.js';
import { writeSite } from '../../src/site/write-site.js';
import { checkFolder } from '../../src/validate/check-folder.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CHROMIUM = '/usr/bin/chromium';
export const SHOTS = join(ROOT, 'screenshots');
export const AS_OF = '2026-11-23';
const AXE = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
const WCAG21AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** One page of each type, in Danish and English. */
export const PAGE_TYPES: Record<string, string> = {
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

export interface SampleSite {
  folder: DataFolder;
  origin: string;
  context: BrowserContext;
  /** Every request the server answered, with its status. */
  served: { path: string; status: number }[];
  /** Every request to another origin (refused). */
  outside: string[];
  /** A new page at `path` (relative to the site), `width` pixels wide; fails unless it answers 200. */
  open(path: string, width?: number): Promise<Page>;
  /** axe-core's WCAG 2.1 AA violations on `path` at `width`, as `id: targets`. */
  axe(path: string, width: number): Promise<string[]>;
}

/**
 * Sets up the site and the browser for the calling test file (beforeAll/afterAll): the sample data's
 * site, or the one of `data()` (a folder the test makes, as of `asOf`).
 */
export function sampleSiteInChromium(from?: { data: () => string; asOf: string }): SampleSite {
  let siteDir: string | undefined;
  let server: Server | undefined;
  let profile: string | undefined;
  const site = { served: [], outside: [] } as unknown as SampleSite;

  site.open = async (path, width = 1280) => {
    const page = await site.context.newPage();
    await page.setViewportSize({ width, height: width < 600 ? 812 : 900 });
    const response = await page.goto(`${site.origin}/${path}`);
    expect(response?.status(), path).toBe(200);
    return page;
  };
  site.axe = async (path, width) => {
    const page = await site.open(path, width);
    await page.addScriptTag({ content: AXE });
    const result = await page.evaluate(async (tags) => {
      const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[]; passes: unknown[] }> } }).axe;
      const r = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
      return { violations: r.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`), passes: r.passes.length };
    }, WCAG21AA);
    expect(result.passes, `${path}: axe ran checks`).toBeGreaterThan(5);
    await page.close();
    return result.violations;
  };

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run scripts/install-browser.sh (Debian's chromium package)`);
    const loaded = checkFolder(readFolder(from ? from.data() : join(ROOT, 'data')));
    if (!from) expect(loaded.problems.filter((p) => p.severity === 'error')).toEqual([]);
    site.folder = loaded.folder;
    const dir = mkdtempSync(join(tmpdir(), 'civsam-site-'));
    siteDir = dir;
    await writeSite(dir, dir, buildSite(site.folder, { asOf: from?.asOf ?? AS_OF, languages: ['da', 'en'] }));
    server = createServer((req, res) => {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
      const rel = normalize(path === '/' ? '/index.html' : path).replace(/^\/+/, '');
      const file = join(dir, rel);
      const ok = !rel.startsWith('..') && existsSync(file) && !rel.startsWith('.civsam');
      site.served.push({ path, status: ok ? 200 : 404 });
      if (!ok) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      const type = { '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8' }[extname(file)] ?? 'application/octet-stream';
      res.writeHead(200, { 'content-type': type }).end(readFileSync(file));
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    site.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    profile = mkdtempSync(join(tmpdir(), 'civsam-chromium-'));
    site.context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: { width: 1280, height: 900 },
    });
    // Nothing may leave the machine: every request to another origin is refused and remembered.
    await site.context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(`${site.origin}/`)) return route.continue();
      site.outside.push(url);
      return route.abort();
    });
    mkdirSync(SHOTS, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await site.context?.close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    if (siteDir) rmSync(siteDir, { recursive: true, force: true });
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  return site;
}
