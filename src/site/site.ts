// The public site as data: a pure function from the loaded folder, the date and the languages to
// every file's path and content, the open data (open-data/) included. The same input always gives the same bytes (no clock, sorted
// records, no random ids), so a site kept in git shows real changes only.
import type { DataFolder } from '../domain/folder.js';
import type { Language } from '../i18n/index.js';
import { FILTER_JS, SITE_CSS } from './assets.js';
import { gatherFacts } from './facts.js';
import { startOpenDataThread } from './open-data-thread.js';
import { openDataFiles } from './open-data.js';
import { layout, makeContext, organisationPath, SCRIPT, STYLESHEET, type PageContent, type PageContext, type SiteLanguage } from './page.js';
import { agreementsPage } from './pages/agreements.js';
import { callsPage } from './pages/calls.js';
import { consultationsPage } from './pages/consultations.js';
import { coveragePage } from './pages/coverage.js';
import { frontPage } from './pages/front.js';
import { fundingPage } from './pages/funding.js';
import { modelPage } from './pages/model.js';
import { offersPage } from './pages/offers.js';
import { organisationPage, organisationsIndex } from './pages/organisations.js';
import { extraPages } from './parts.js';
import type { FileContent } from './stage-page.js';

export interface SiteOptions {
  asOf: string;
  /** The languages to publish; the first lives at the site's root, each other in its own folder (`en/`). */
  languages: Language[];
}

const PAGES: { path: string; build(ctx: PageContext): PageContent }[] = [
  { path: 'index.html', build: frontPage },
  { path: 'model.html', build: modelPage },
  { path: 'calls.html', build: callsPage },
  { path: 'offers.html', build: offersPage },
  { path: 'coverage.html', build: coveragePage },
  { path: 'funding.html', build: fundingPage },
  { path: 'agreements.html', build: agreementsPage },
  { path: 'consultations.html', build: consultationsPage },
  { path: 'organisations.html', build: organisationsIndex },
];

/**
 * Every file of the site as [path, content], one at a time (so a large site is written while it is
 * built, not held in memory whole); the order is fixed: assets, the open data, then each
 * language's pages. `threads`: from `from` records on, the open data is built on a thread of its
 * own (open-data-thread.ts) and its files, as bytes and in their own order, come among the pages
 * as they are ready (the files are the same; only when each is handed to the writer differs).
 * `failAfter` (tests): that thread fails once it has sent so many files.
 */
export function* sitePages(folder: DataFolder, options: SiteOptions, threads?: { from: number; failAfter?: number }): Generator<[path: string, content: FileContent]> {
  // Started first: it copies the folder and works out the facts while this thread does the same.
  const openData = threads ? startOpenDataThread(folder, options.asOf, threads.from, threads.failAfter) : undefined;
  try {
    const facts = gatherFacts(folder, options.asOf);
    const sites: SiteLanguage[] = [...new Set(options.languages)].map((lang, i) => ({ lang, base: i === 0 ? '' : `${lang}/` }));
    yield [STYLESHEET, SITE_CSS];
    yield [SCRIPT, FILTER_JS];
    // The open data once, for every language: its readme is in Danish and English.
    if (!openData) yield* openDataFiles(facts);
    for (const site of sites) {
      const others = sites.filter((s) => s !== site);
      for (const page of PAGES) {
        const ctx = makeContext(facts, site, others, page.path);
        yield [site.base + page.path, layout(ctx, page.build(ctx))];
        if (openData) yield* openData.ready();
        // A long list's parts: built by the same page, which renders the part its path names.
        for (const path of extraPages(ctx, page.path)) {
          const partCtx = makeContext(facts, site, others, path);
          yield [site.base + path, layout(partCtx, page.build(partCtx))];
        }
      }
      for (const o of facts.organisations) {
        const path = organisationPath(o.id);
        const ctx = makeContext(facts, site, others, path);
        yield [site.base + path, layout(ctx, organisationPage(ctx, o))];
        if (openData) yield* openData.ready();
      }
    }
    if (!openData) return;
    yield* openData.rest();
    // A thread that failed part way: the files it did not send are built here.
    const sent = openData.failedAfter();
    if (sent !== undefined) {
      let i = 0;
      for (const file of openDataFiles(facts)) if (i++ >= sent) yield file;
    }
  } finally {
    openData?.stop();
  }
}

/** Every file of the site, path → content, in path order. */
export function buildSite(folder: DataFolder, options: SiteOptions): Map<string, string> {
  const files = [...sitePages(folder, options)].map(([path, content]): [string, string] => [path, typeof content === 'string' ? content : content instanceof Uint8Array ? Buffer.from(content).toString('utf8') : content.join('')]);
  return new Map(files.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
