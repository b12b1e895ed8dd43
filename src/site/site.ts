// The public site as data: a pure function from the loaded folder, the date and the languages to
// every file's path and content, the open data (open-data/) included. The same input always gives the same bytes (no clock, sorted
// records, no random ids), so a site kept in git shows real changes only.
import type { DataFolder } from '../domain/folder.js';
import type { Organisation } from '../domain/kinds.js';
import type { Language } from '../i18n/index.js';
import { FILTER_JS, SITE_CSS } from './assets.js';
import { gatherFacts, type SiteFacts } from './facts.js';
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
 * A share of the site that can be built on its own: the shared files (stylesheet, script, open
 * data), or one language's section pages with their parts, or part of its organisation pages. A
 * large site is built on two threads, each taking the next share not yet taken; every share is the
 * same whichever thread builds it.
 */
export interface SiteJob {
  name: string;
  files(): Iterable<[path: string, content: string]>;
}

/** How many shares each language's organisation pages are cut into, so two threads finish together. */
const ORGANISATION_SHARES = 2;

/**
 * The site's shares: first the shared files (the open data, whose large files need the most memory
 * at once: a parallel build gives them to its worker, whose heap is kept small), then the costliest
 * first, so a thread free early takes a long one.
 */
export function siteJobs(facts: SiteFacts, options: SiteOptions): SiteJob[] {
  const sites: SiteLanguage[] = [...new Set(options.languages)].map((lang, i) => ({ lang, base: i === 0 ? '' : `${lang}/` }));
  const others = (site: SiteLanguage) => sites.filter((s) => s !== site);
  const jobs: SiteJob[] = [{ name: 'shared', files: () => sharedFiles(facts) }];
  for (const site of sites) jobs.push({ name: `${site.lang}:sections`, files: () => sectionPages(facts, site, others(site)) });
  const share = Math.ceil(facts.organisations.length / ORGANISATION_SHARES);
  for (const site of sites) {
    for (let from = 0; from < facts.organisations.length; from += share) {
      jobs.push({ name: `${site.lang}:organisations:${from}`, files: () => organisationPages(facts, site, others(site), facts.organisations.slice(from, from + share)) });
    }
  }
  return jobs;
}

/**
 * Every file of the site as [path, content], one at a time (so a large site is written while it is
 * built, not held in memory whole); the order is fixed: assets, then each language's pages.
 */
export function* sitePages(folder: DataFolder, options: SiteOptions): Generator<[path: string, content: string]> {
  for (const job of siteJobs(gatherFacts(folder, options.asOf), options)) yield* job.files();
}

function* sharedFiles(facts: SiteFacts): Generator<[path: string, content: string]> {
  yield [STYLESHEET, SITE_CSS];
  yield [SCRIPT, FILTER_JS];
  // The open data once, for every language: its readme is in Danish and English.
  yield* openDataFiles(facts);
}

function* sectionPages(facts: SiteFacts, site: SiteLanguage, others: SiteLanguage[]): Generator<[path: string, content: string]> {
  for (const page of PAGES) {
    const ctx = makeContext(facts, site, others, page.path);
    yield [site.base + page.path, layout(ctx, page.build(ctx))];
    // A long list's parts: built by the same page, which renders the part its path names.
    for (const path of extraPages(ctx, page.path)) {
      const partCtx = makeContext(facts, site, others, path);
      yield [site.base + path, layout(partCtx, page.build(partCtx))];
    }
  }
}

function* organisationPages(facts: SiteFacts, site: SiteLanguage, others: SiteLanguage[], organisations: readonly Organisation[]): Generator<[path: string, content: string]> {
  for (const o of organisations) {
    const path = organisationPath(o.id);
    const ctx = makeContext(facts, site, others, path);
    yield [site.base + path, layout(ctx, organisationPage(ctx, o))];
  }
}

/** Every file of the site, path → content, in path order. */
export function buildSite(folder: DataFolder, options: SiteOptions): Map<string, string> {
  return new Map([...sitePages(folder, options)].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
