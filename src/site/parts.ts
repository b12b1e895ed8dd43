// Long lists split over several pages, so no page of the site grows past what a browser (or a
// phone on a slow line) opens quickly: at a national register's size one list of every offer or
// agreement would be many megabytes. A list short enough stays on its page as before; a longer one
// becomes parts of a fixed number of entries (`agreements-1.html`, `agreements-2.html`, …) and its
// page an index linking to them. Every link to a record's anchor goes through `anchorHref`, which
// knows the part the record landed on, so a link from any page still finds it.
//
// The split is decided here once per site and language, from the same sorted lists the pages
// render, and the part paths are the same in every language (a list has as many entries in each),
// so the language switch on a part leads to the same part.
import type { Agreement, Call, Consultation, HearingParty, Organisation } from '../domain/kinds.js';
import { agreementStandingOn, type AgreementStanding } from '../domain/reach.js';
import type { PatientGroupEntry } from '../reports/offers.js';
import { html, type Html } from './html.js';
import { offersOverview, fundingOverview, type PoolFunding } from './overviews.js';
import { sortByName, type PageContext } from './page.js';

/**
 * Entries per page, chosen so a part stays well under 1 MB (at most about 0.5 MB) in the larger
 * language at the bench folder's size. Measured there, bytes per entry: an offer ~0.8 kB (a patient
 * group's page is at most ~0.45 MB), an agreement ~0.6 kB, an organisation's row ~0.2 kB, a pool
 * with its charts ~105 kB, a past consultation with its hearing list ~24 kB, a call ~1.3 kB, a
 * hearing-list row ~0.22 kB.
 */
export const PER_PAGE = {
  offers: 500,
  agreements: 800,
  organisations: 1000,
  pools: 3,
  consultations: 15,
  hearingList: 1000,
  calls: 300,
} as const;

export interface Part<T> {
  /** The part's page, within its language (`agreements-2.html`). */
  path: string;
  items: T[];
  /** What the part holds, in words for its link and title (a name or date range). */
  label: string;
}

/** One list on one page: whole (`parts` has one entry, at the page's own path) or split. */
export interface Listing<T> {
  page: string;
  split: boolean;
  parts: Part<T>[];
}

/**
 * Splits `items` into parts of at most `size` entries, `${base}-1.html`, `${base}-2.html`, …; a
 * list of `size` entries or fewer stays whole on `page` unless `force` (its page is split for
 * another list). `label` names an entry for the part's "first – last" label.
 */
export function chunk<T>(ctx: PageContext, page: string, base: string, items: readonly T[], size: number, label: (x: T) => string, force = false): Listing<T> {
  if (items.length <= size && !force) return { page, split: false, parts: [{ path: page, items: [...items], label: '' }] };
  const parts: Part<T>[] = [];
  for (let i = 0; i < items.length; i += size) {
    const slice = items.slice(i, i + size);
    const first = label(slice[0]);
    const last = label(slice[slice.length - 1]);
    parts.push({ path: `${base}-${parts.length + 1}.html`, items: slice, label: first === last ? first : ctx.t('site.parts.range', { first, last }) });
  }
  return { page, split: true, parts };
}

export interface SiteParts {
  offers: Listing<OfferGroupPart>;
  /** Agreements in force on the site's date, those that start later, and those over by then (domain/reach.ts). */
  activeAgreements: Listing<Agreement>;
  upcomingAgreements: Listing<Agreement>;
  endedAgreements: Listing<Agreement>;
  organisations: Listing<Organisation>;
  pools: Listing<PoolFunding>;
  pastConsultations: Listing<Consultation>;
  hearingList: Listing<HearingParty>;
  recentCalls: Listing<Call>;
  earlierCalls: Listing<Call>;
  /** A record's anchor (`agreement-x`, `pool-x`, `group-area-g`) → the part page that holds it. */
  anchors: Map<string, string>;
}

const cache = new WeakMap<object, Map<string, SiteParts>>();

/** The site's split lists for this language, computed once. */
export function siteParts(ctx: PageContext): SiteParts {
  let byLang = cache.get(ctx.facts);
  if (!byLang) cache.set(ctx.facts, (byLang = new Map()));
  let parts = byLang.get(ctx.lang);
  if (!parts) byLang.set(ctx.lang, (parts = computeParts(ctx)));
  return parts;
}

export function byStartDesc(a: Agreement, b: Agreement): number {
  return a.start > b.start ? -1 : a.start < b.start ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function computeParts(ctx: PageContext): SiteParts {
  const f = ctx.facts;
  const anchors = new Map<string, string>();
  const place = <T>(listing: Listing<T>, anchor: (x: T) => string) => {
    if (listing.split) for (const p of listing.parts) for (const x of p.items) anchors.set(anchor(x), p.path);
    return listing;
  };

  // Offers: by patient group, each group on its own page (in parts when it alone is long), so the
  // index's list of groups is the filter that works without the script.
  const overview = offersOverview(f);
  const groups = overview.areas.flatMap((a) => a.patientGroups.map((group) => ({ area: a.area as string, group })));
  const offersSplit = overview.totals.offers > PER_PAGE.offers;
  const offers: Listing<OfferGroupPart> = {
    page: 'offers.html',
    split: offersSplit,
    parts: offersSplit ? groups.flatMap((x) => groupParts(ctx, x.area, x.group)) : [{ path: 'offers.html', items: groups.map((x) => ({ ...x, from: 0, to: x.group.offers.length })), label: '' }],
  };
  if (offersSplit) for (const p of offers.parts) if (p.items[0].from === 0) anchors.set(`group-${p.items[0].area}-${p.items[0].group.id}`, p.path);

  const standing: Record<AgreementStanding, Agreement[]> = { 'in-force': [], upcoming: [], ended: [] };
  for (const a of f.agreements) {
    const s = agreementStandingOn(a, f.asOf);
    if (s) standing[s].push(a);
  }
  const active = standing['in-force'].sort(byStartDesc);
  // The next to start first.
  const upcoming = standing.upcoming.sort((a, b) => -byStartDesc(a, b));
  const ended = standing.ended.sort(byStartDesc);
  const agreementsSplit = active.length + upcoming.length + ended.length > PER_PAGE.agreements;
  const started = (a: Agreement) => ctx.date(a.start);
  const activeAgreements = place(chunk(ctx, 'agreements.html', 'agreements-active', active, PER_PAGE.agreements, started, agreementsSplit), (a) => `agreement-${a.id}`);
  const upcomingAgreements = place(chunk(ctx, 'agreements.html', 'agreements-upcoming', upcoming, PER_PAGE.agreements, started, agreementsSplit), (a) => `agreement-${a.id}`);
  const endedAgreements = place(chunk(ctx, 'agreements.html', 'agreements-ended', ended, PER_PAGE.agreements, started, agreementsSplit), (a) => `agreement-${a.id}`);

  const organisations = chunk(ctx, 'organisations.html', 'organisations', sortByName(ctx, f.organisations, (o) => o.name), PER_PAGE.organisations, (o) => o.name);

  const pools = place(chunk(ctx, 'funding.html', 'funding', fundingOverview(f), PER_PAGE.pools, (p) => p.pool.name), (p) => `pool-${p.pool.id}`);

  const pastConsultations = place(chunk(ctx, 'consultations.html', 'consultations', f.pastConsultations, PER_PAGE.consultations, (c) => ctx.date(c.deadline)), (c) => `consultation-${c.id}`);
  const hearingList = chunk(ctx, 'consultations.html', 'hearing-list', sortByName(ctx, f.hearingList, (p) => ctx.organisationName(p.organisation)), PER_PAGE.hearingList, (p) => ctx.organisationName(p.organisation));

  const callsSplit = f.recentCalls.length + f.earlierCalls.length > PER_PAGE.calls;
  const recentCalls = place(chunk(ctx, 'calls.html', 'calls-recent', f.recentCalls, PER_PAGE.calls, (c) => ctx.date(c.deadline), callsSplit && f.recentCalls.length > 0), (c) => `call-${c.id}`);
  const earlierCalls = place(chunk(ctx, 'calls.html', 'calls-earlier', f.earlierCalls, PER_PAGE.calls, (c) => ctx.date(c.deadline), callsSplit && f.earlierCalls.length > 0), (c) => `call-${c.id}`);

  return { offers, activeAgreements, upcomingAgreements, endedAgreements, organisations, pools, pastConsultations, hearingList, recentCalls, earlierCalls, anchors };
}

/** A patient group's offers on a page: all of them, or entries `from` to `to` when the group alone is long. */
export interface OfferGroupPart {
  area: string;
  group: PatientGroupEntry;
  from: number;
  to: number;
}

/** A patient group's own page (`offers-social-adhd.html`), then `-2`, `-3`, … when it has more offers than a page holds. */
function groupParts(ctx: PageContext, area: string, group: PatientGroupEntry): Part<OfferGroupPart>[] {
  const name = group.name[ctx.lang];
  const n = group.offers.length;
  if (n <= PER_PAGE.offers) return [{ path: `offers-${area}-${group.id}.html`, items: [{ area, group, from: 0, to: n }], label: name }];
  const parts: Part<OfferGroupPart>[] = [];
  for (let from = 0; from < n; from += PER_PAGE.offers) {
    const to = Math.min(n, from + PER_PAGE.offers);
    const path = from === 0 ? `offers-${area}-${group.id}.html` : `offers-${area}-${group.id}-${parts.length + 1}.html`;
    parts.push({ path, items: [{ area, group, from, to }], label: ctx.t('site.parts.groupRange', { group: name, from: ctx.number(from + 1), to: ctx.number(to) }) });
  }
  return parts;
}

/** The pages a split list adds besides its own page, for the site's list of files. */
export function extraPages(ctx: PageContext, page: string): string[] {
  const p = siteParts(ctx);
  const listings: Listing<unknown>[] = [p.offers, p.activeAgreements, p.upcomingAgreements, p.endedAgreements, p.organisations, p.pools, p.pastConsultations, p.hearingList, p.recentCalls, p.earlierCalls];
  return listings.filter((l) => l.page === page && l.split).flatMap((l) => l.parts.map((x) => x.path));
}

/** A link to a record's anchor on whichever page holds it (`page` when its list is whole). */
export function anchorHref(ctx: PageContext, page: string, anchor: string, query = ''): string {
  return ctx.href(`${siteParts(ctx).anchors.get(anchor) ?? page}${query}#${anchor}`);
}

/**
 * A link to a record's anchor (`prefix` + `id`) on whichever page holds it, reading `text`: made
 * once per language and depth of the site, since a record is mentioned on many pages.
 */
export function anchorLink(ctx: PageContext, page: string, prefix: string, id: string, text: string): Html {
  let byPrefix = ctx.links.anchors.get(page);
  if (!byPrefix) ctx.links.anchors.set(page, (byPrefix = new Map()));
  let byId = byPrefix.get(prefix);
  if (!byId) byPrefix.set(prefix, (byId = new Map()));
  const made = byId.get(id);
  if (made && made.text === text) return made.link;
  const link = html`<a href="${anchorHref(ctx, page, prefix + id)}">${text}</a>`;
  byId.set(id, { text, link });
  return link;
}

/** The part of a listing this page is, if it is one. */
export function currentPart<T>(ctx: PageContext, listing: Listing<T>): Part<T> | undefined {
  return listing.split ? listing.parts.find((p) => p.path === ctx.path) : undefined;
}

/** On a split list's index page: the links to its parts, each with its range and entry count, under `heading` when given. */
export function partLinks<T>(ctx: PageContext, listing: Listing<T>, headingId: string, heading?: string): Html {
  const links = html`<p>${ctx.t('site.parts.lead', { count: ctx.number(listing.parts.reduce((n, p) => n + p.items.length, 0)), parts: ctx.number(listing.parts.length) })}</p>
<ul class="plain">${listing.parts.map((p) => html`<li><a href="${ctx.href(p.path)}">${p.label}</a> (${ctx.t('site.parts.entries', { count: ctx.number(p.items.length) })})</li>`)}</ul>
`;
  if (heading === undefined) return links;
  return html`<section aria-labelledby="${headingId}">
<h2 id="${headingId}">${heading}</h2>
${links}</section>
`;
}

/** On a part: where it sits among its list's parts, with a way back to the index page. */
export function partNav<T>(ctx: PageContext, listing: Listing<T>, indexTitle: string): Html {
  const i = listing.parts.findIndex((p) => p.path === ctx.path);
  const prev = listing.parts[i - 1];
  const next = listing.parts[i + 1];
  return html`<nav class="toc" aria-label="${ctx.t('site.parts.navLabel')}">
<p>${ctx.t('site.parts.position', { n: ctx.number(i + 1), total: ctx.number(listing.parts.length) })} <a href="${ctx.href(listing.page)}">${ctx.t('site.parts.backTo', { page: indexTitle })}</a></p>
<ul class="plain">${prev ? html`<li>${ctx.t('site.parts.previous')}: <a href="${ctx.href(prev.path)}">${prev.label}</a></li>` : ''}${next ? html`<li>${ctx.t('site.parts.next')}: <a href="${ctx.href(next.path)}">${next.label}</a></li>` : ''}</ul>
</nav>
`;
}
