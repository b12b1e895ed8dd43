// The public site as data: a pure function from the loaded folder, the date and the languages to
// every file's path and content, the open data (open-data/) included. The same input always gives the same bytes (no clock, sorted
// records, no random ids), so a site kept in git shows real changes only.
import type { DataFolder } from '../domain/folder.js';
import type { Language } from '../i18n/index.js';
import { FILTER_JS, SITE_CSS } from './assets.js';
import { gatherFacts, type SiteFacts } from './facts.js';
import { startBuilder } from './build-thread.js';
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

/** The languages of a site: the first at its root, each other in a folder of its own (`en/`). */
export function siteLanguages(languages: readonly Language[]): SiteLanguage[] {
  return [...new Set(languages)].map((lang, i) => ({ lang, base: i === 0 ? '' : `${lang}/` }));
}

/**
 * One language's pages as [path, build], in the site's fixed order: the path known at once, the
 * page built when asked (so a thread that takes over another's pages part way can skip those
 * already built without building them).
 */
export function* languagePages(facts: SiteFacts, sites: readonly SiteLanguage[], index: number): Generator<[path: string, build: () => FileContent]> {
  const site = sites[index];
  const others = sites.filter((s) => s !== site);
  for (const page of PAGES) {
    const ctx = makeContext(facts, site, others, page.path);
    yield [site.base + page.path, () => layout(ctx, page.build(ctx))];
    // A long list's parts: built by the same page, which renders the part its path names.
    for (const path of extraPages(ctx, page.path)) {
      const partCtx = makeContext(facts, site, others, path);
      yield [site.base + path, () => layout(partCtx, page.build(partCtx))];
    }
  }
  for (const o of facts.organisations) {
    const path = organisationPath(o.id);
    const ctx = makeContext(facts, site, others, path);
    yield [site.base + path, () => layout(ctx, organisationPage(ctx, o))];
  }
}

/**
 * What the other thread builds of a site in two languages, as languagePages gives it: the open
 * data, then the second language's pages.
 */
export function* builderFiles(facts: SiteFacts, sites: readonly SiteLanguage[]): Generator<[path: string, build: () => FileContent]> {
  for (const [path, content] of openDataFiles(facts)) yield [path, () => content];
  yield* languagePages(facts, sites, 1);
}

/**
 * Every file of the site as [path, content], one at a time (so a large site is written while it is
 * built, not held in memory whole); the order is fixed: assets, the open data, then each
 * language's pages. `threads`: a large site's second language is built on a thread of its own
 * (build-thread.ts) from `from` records on; its pages come as bytes, among this thread's.
 * `failAfter` (tests): that thread fails once it has sent so many pages.
 */
export function* sitePages(folder: DataFolder, options: SiteOptions, threads?: { from: number; failAfter?: number }): Generator<[path: string, content: FileContent]> {
  const sites = siteLanguages(options.languages);
  // Started first: it copies the folder and works out the facts while this thread does the same.
  const builder = threads && sites.length > 1 ? startBuilder(folder, options, threads.from, threads.failAfter) : undefined;
  try {
    const facts = gatherFacts(folder, options.asOf);
    yield [STYLESHEET, SITE_CSS];
    yield [SCRIPT, FILTER_JS];
    // The open data once, for every language (its readme is in Danish and English): with the
    // second language where that is built on the other thread.
    const own = (function* () {
      if (!builder) yield* openDataFiles(facts);
      for (let i = 0; i < sites.length; i++) {
        if (builder && i === 1) continue;
        for (const [path, build] of languagePages(facts, sites, i)) yield [path, build()] as [string, FileContent];
      }
    })();
    if (!builder) {
      yield* own;
      return;
    }
    // This thread's files, with the other thread's pages taken in between as they come.
    for (const file of own) {
      yield file;
      yield* builder.ready();
    }
    yield* builder.rest();
    // A thread that failed part way: its pages from the first it did not send are built here.
    const sent = builder.failedAfter();
    if (sent !== undefined) {
      let i = 0;
      for (const [path, build] of builderFiles(facts, sites)) if (i++ >= sent) yield [path, build()];
    }
  } finally {
    builder?.stop();
  }
}

/** Every file of the site, path → content, in path order. */
export function buildSite(folder: DataFolder, options: SiteOptions): Map<string, string> {
  const files = [...sitePages(folder, options)].map(([path, content]): [string, string] => [path, typeof content === 'string' ? content : content instanceof Uint8Array ? Buffer.from(content).toString('utf8') : content.join('')]);
  return new Map(files.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
