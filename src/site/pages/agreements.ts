// Agreements: every active or ended collaboration agreement with its organisations, period, how it
// came about (an open call or a documented exemption) and its funding per pool, under where it stands
// on the site's date (domain/reach.ts): in force, upcoming (a section only when there are any), or
// ended. Drafts and cancelled agreements were never in force and are not shown.
import type { Agreement } from '../../domain/kinds.js';
import { FUNDING_KINDS } from '../../domain/shapes.js';
import { html, type Html } from '../html.js';
import { areaList, orgLinks, type PageContent, type PageContext } from '../page.js';
import { anchorLink, currentPart, partLinks, partNav, siteParts } from '../parts.js';

export function agreementsPage(ctx: PageContext): PageContent {
  const p = siteParts(ctx);
  const title = ctx.t('publish.agreements.title');
  const lists = [
    { listing: p.activeAgreements, id: 'active', heading: ctx.t('publish.agreements.active'), partsHeading: ctx.t('publish.agreements.active') },
    { listing: p.upcomingAgreements, id: 'upcoming', heading: ctx.t('publish.agreements.upcoming'), partsHeading: ctx.t('publish.agreements.upcoming') },
    { listing: p.endedAgreements, id: 'ended', heading: ctx.t('publish.agreements.ended'), partsHeading: ctx.t('publish.agreements.ended') },
  ].filter((l) => l.id !== 'upcoming' || l.listing.parts.some((part) => part.items.length > 0));
  for (const l of lists) {
    const part = currentPart(ctx, l.listing);
    if (part) return { section: 'agreements', title: ctx.t('site.parts.title', { title: l.heading, part: part.label }), body: html`${partNav(ctx, l.listing, title)}${table(ctx, l.id, l.heading, part.items)}` };
  }
  const body = html`<p class="lead">${ctx.t('publish.agreements.lead')}</p>
${lists.map((l) => html`${l.listing.split && l.listing.parts.length ? partLinks(ctx, l.listing, l.id, l.partsHeading) : table(ctx, l.id, l.heading, l.listing.parts[0]?.items ?? [])}\n`)}`;
  return { section: 'agreements', title, body };
}

function table(ctx: PageContext, id: string, heading: string, agreements: Agreement[]): Html {
  if (!agreements.length) return html`<section aria-labelledby="${id}"><h2 id="${id}">${heading}</h2><p>${ctx.t('publish.none')}</p></section>`;
  return html`<section aria-labelledby="${id}">
<h2 id="${id}">${heading}</h2>
<div class="table-scroll" role="region" aria-labelledby="${id}" tabindex="0">
<table>
<thead><tr><th scope="col">${ctx.t('publish.agreements.agreement')}</th><th scope="col">${ctx.t('publish.organisations')}</th><th scope="col">${ctx.t('publish.areas')}</th><th scope="col">${ctx.t('publish.agreements.period')}</th><th scope="col">${ctx.t('publish.agreements.establishedBy')}</th><th scope="col">${ctx.t('publish.agreements.funding')}</th></tr></thead>
<tbody>
${agreements.map((a) => html`<tr id="agreement-${a.id}"><th scope="row">${a.title}</th><td>${orgLinks(ctx, a.organisations)}</td><td>${areaList(ctx, a.areas)}</td><td>${period(ctx, a)}</td><td>${establishedBy(ctx, a)}</td><td>${fundingSummary(ctx, a)}</td></tr>\n`)}</tbody>
</table>
</div>
</section>`;
}

/** From when to when, put into words once per language (an agreement is shown on its own page part and each of its organisations' pages). */
export function period(ctx: PageContext, a: Agreement): string {
  let text = ctx.lists.periods.get(a);
  if (text === undefined) {
    text = a.end ? ctx.t('publish.agreements.fromTo', { start: ctx.date(a.start), end: ctx.date(a.end) }) : ctx.t('publish.agreements.openEnded', { start: ctx.date(a.start) });
    ctx.lists.periods.set(a, text);
  }
  return text;
}

/** How the agreement came about, as the public may see it: the call, or that an exemption was recorded. */
export function establishedBy(ctx: PageContext, a: Agreement): Html | string {
  const by = a.established_by;
  if (by?.call) {
    const call = ctx.facts.folder.records.call.get(by.call);
    if (call && call.published <= ctx.facts.asOf) return html`${ctx.t('publish.agreements.viaCall')} ${anchorLink(ctx, 'calls.html', 'call-', call.id, call.title)}`;
    return ctx.t('publish.agreements.viaCallPlain');
  }
  if (by?.exemption) return by.exemption.date ? ctx.t('publish.agreements.exemptionDated', { date: ctx.date(by.exemption.date) }) : ctx.t('publish.agreements.exemption');
  return ctx.t('publish.agreements.notRecorded');
}

/** An agreement's money in one pool, all years together: the same in every language, so summed once. */
interface PoolSum {
  pool: string;
  amount: number;
  /** The years it spans: `2025` or `2025–2027`. */
  span: string;
  kinds: readonly (typeof FUNDING_KINDS)[number][];
  /** The kinds in words, lower case, by language (made on first use). */
  kindsText: Map<string, string>;
}

const poolSums = new WeakMap<Agreement, PoolSum[]>();

function poolSumsOf(a: Agreement): PoolSum[] {
  let sums = poolSums.get(a);
  if (sums) return sums;
  const byPool = new Map<string, { amount: number; kinds: Set<string>; years: Set<number> }>();
  for (const l of a.funding ?? []) {
    let p = byPool.get(l.pool);
    if (!p) byPool.set(l.pool, (p = { amount: 0, kinds: new Set(), years: new Set() }));
    p.amount += l.amount_dkk;
    p.kinds.add(l.kind);
    p.years.add(l.year);
  }
  sums = [...byPool].sort(([x], [y]) => (x < y ? -1 : 1)).map(([pool, p]) => {
    const years = [...p.years].sort((x, y) => x - y);
    const span = years.length > 1 ? `${years[0]}–${years[years.length - 1]}` : String(years[0]);
    return { pool, amount: p.amount, span, kinds: FUNDING_KINDS.filter((k) => p.kinds.has(k)), kindsText: new Map() };
  });
  poolSums.set(a, sums);
  return sums;
}

/** The agreement's money per pool, all years together, with the kinds it was given for. */
export function fundingSummary(ctx: PageContext, a: Agreement): Html | string {
  if (!a.funding?.length) return ctx.t('publish.agreements.noFunding');
  const items = poolSumsOf(a).map((p) => {
    let kinds = p.kindsText.get(ctx.lang);
    if (kinds === undefined) p.kindsText.set(ctx.lang, (kinds = p.kinds.map((k) => ctx.t(`publish.fundingKind.${k}`).toLowerCase()).join(', ')));
    return html`<li>${ctx.amount(p.amount)} ${ctx.t('publish.agreements.fromPool')} ${anchorLink(ctx, 'funding.html', 'pool-', p.pool, ctx.facts.folder.records.pool.get(p.pool)?.name ?? p.pool)} (${p.span}; ${kinds})</li>`;
  });
  return html`<ul class="plain">${items}</ul>`;
}
