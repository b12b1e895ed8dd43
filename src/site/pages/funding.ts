// Funding per pool and year: budget, allocated money split into development projects and running
// costs, what remains, and how the money is spread over organisations. Every chart has a text
// alternative, and the same numbers stand in a table beside it.
import { barChart, legend } from '../charts.js';
import { html, type Html } from '../html.js';
import type { PoolFunding, PoolYearEntry } from '../overviews.js';
import { anchorHref, currentPart, partLinks, partNav, siteParts } from '../parts.js';
import { areaList, facts, orgLink, type PageContent, type PageContext } from '../page.js';
import { paragraphs } from './text.js';
import { shownPartsDiffer, wholeKroner } from '../../output/rounded-parts.js';

/** Recipients shown one by one in a pool-year's chart and table; the rest are summed in one row. */
const TOP_RECIPIENTS = 12;

export function fundingPage(ctx: PageContext): PageContent {
  const listing = siteParts(ctx).pools;
  const title = ctx.t('publish.funding.title');
  const part = currentPart(ctx, listing);
  if (part) return { section: 'funding', title: ctx.t('site.parts.title', { title, part: part.label }), body: html`${partNav(ctx, listing, title)}${part.items.map((p) => poolSection(ctx, p))}` };
  const pools = listing.parts.flatMap((p) => p.items);
  const toc = listing.split
    ? html`<nav class="toc" aria-labelledby="pools-toc"><h2 id="pools-toc">${ctx.t('publish.funding.pools')}</h2><ul>${pools.map((p) => html`<li><a href="${anchorHref(ctx, 'funding.html', `pool-${p.pool.id}`)}">${p.pool.name}</a></li>`)}</ul></nav>\n`
    : pools.length > 1 ? html`<nav class="toc" aria-labelledby="pools-toc"><h2 id="pools-toc">${ctx.t('publish.funding.pools')}</h2><ul>${pools.map((p) => html`<li><a href="#pool-${p.pool.id}">${p.pool.name}</a></li>`)}</ul></nav>\n` : '';
  const body = html`<p class="lead">${ctx.t('publish.funding.lead')}</p>
${toc}${listing.split ? partLinks(ctx, listing, 'pool-parts', ctx.t('site.parts.pools')) : pools.length ? pools.map((p) => poolSection(ctx, p)) : html`<p>${ctx.t('publish.none')}</p>`}`;
  return { section: 'funding', title, body };
}

function poolSection(ctx: PageContext, p: PoolFunding): Html {
  const pool = ctx.facts.folder.records.pool.get(p.pool.id)!;
  const id = `pool-${pool.id}`;
  const chartYears = p.years.filter((y) => y.allocated > 0 || (y.budget ?? 0) > 0);
  const description = chartYears.map((y) => chartYearText(ctx, y)).join('; ');
  const chart = chartYears.length ? barChart({
    id: `${id}-kinds`,
    title: ctx.t('publish.funding.kindsChartTitle', { pool: pool.name }),
    description,
    rows: chartYears.map((y) => ({
      label: String(y.year),
      segments: [{ value: y.development.amount, series: 0 }, { value: y.operation.amount, series: 1 }],
      valueText: ctx.t('site.chart.allocated', { amount: ctx.amount(y.allocated) }),
      valueInside: true,
      marker: y.budget ?? undefined,
      markerText: y.budget === null ? undefined : ctx.t('site.chart.budget', { amount: ctx.amount(y.budget) }),
      note: remainingWords(ctx, y),
    })),
  }) : html``;
  return html`<section class="pool" id="${id}" aria-labelledby="${id}-h">
<h2 id="${id}-h">${pool.name}</h2>
${paragraphs(pool.description)}${facts([
  [ctx.t('publish.areas'), areaList(ctx, pool.areas)],
  [ctx.t('publish.funding.funds'), pool.eligible_kinds.map((k) => ctx.t(`publish.fundingKind.${k}`)).join(', ')],
])}
<p><a href="${ctx.href(`model.html#criteria-${pool.id}`)}">${ctx.t('publish.funding.seeCriteria')}</a></p>
<h3 id="${id}-years">${ctx.t('publish.funding.perYear')}</h3>
<div class="chart-and-table">
<figure class="chart-figure">
${chart}
${legend([{ series: 0, label: ctx.t('publish.fundingKind.development') }, { series: 1, label: ctx.t('publish.fundingKind.operation') }, { marker: true, label: ctx.t('publish.funding.budgetMarker') }])}
</figure>
<div class="table-scroll" role="region" aria-labelledby="${id}-years" tabindex="0">
<table>
<caption>${ctx.t('publish.funding.yearTableCaption', { pool: pool.name })}</caption>
<thead><tr><th scope="col">${ctx.t('publish.funding.year')}</th><th scope="col">${ctx.t('publish.funding.budget')}</th><th scope="col">${ctx.t('publish.fundingKind.development')}</th><th scope="col">${ctx.t('publish.fundingKind.operation')}</th><th scope="col">${ctx.t('publish.funding.allocated')}</th><th scope="col">${ctx.t('publish.funding.remaining')}</th><th scope="col">${ctx.t('publish.funding.organisations')}</th><th scope="col">${ctx.t('publish.funding.largestShare')}</th></tr></thead>
<tbody>
${p.years.map((y) => yearRow(ctx, y))}</tbody>
</table>
</div>
</div>
${p.years.filter((y) => (p.recipients.get(y.year) ?? []).length > 0).map((y) => recipients(ctx, p, y))}</section>
`;
}

function yearRow(ctx: PageContext, y: PoolYearEntry): Html {
  const remaining = y.budget === null ? ctx.t('publish.funding.noBudget')
    : y.overcommitted ? ctx.t('publish.funding.overcommitted', { amount: ctx.amount(-y.remaining) }) : ctx.amount(y.remaining);
  const withShare = (part: { amount: number; share: number | null }) => `${ctx.amount(part.amount)}${part.share === null ? '' : ` (${ctx.share(part.share)})`}`;
  return html`<tr><th scope="row">${y.year}</th><td class="num">${y.budget === null ? '–' : ctx.amount(y.budget)}</td><td class="num">${withShare(y.development)}</td><td class="num">${withShare(y.operation)}</td><td class="num">${ctx.amount(y.allocated)}</td><td class="num${y.overcommitted ? ' negative' : ''}">${remaining}</td><td class="num">${ctx.number(y.organisations)}</td><td class="num">${y.largest ? ctx.share(y.largest.share) : '–'}</td></tr>\n`;
}

function recipients(ctx: PageContext, p: PoolFunding, y: PoolYearEntry): Html {
  const id = `pool-${p.pool.id}-${y.year}`;
  const all = p.recipients.get(y.year) ?? [];
  const shown = all.length > TOP_RECIPIENTS + 1 ? all.slice(0, TOP_RECIPIENTS) : all;
  const rest = all.slice(shown.length);
  const restAmount = rest.reduce((s, r) => s + r.amount, 0);
  const restLabel = ctx.t('publish.funding.others', { count: ctx.number(rest.length) });
  const exact = [
    ...shown.map((r) => ({ label: ctx.organisationName(r.organisation), share: r.share, amount: r.amount, org: r.organisation })),
    ...(rest.length ? [{ label: restLabel, share: y.allocated > 0 ? restAmount / y.allocated : 0, amount: restAmount, org: undefined as string | undefined }] : []),
  ];
  // Each amount and share its exact value rounded on its own (rounded-parts.ts): organisations with
  // the same money show the same amount and the same share. Rounded so, they may miss the year's
  // allocation by a krone, or 100 % by a tenth: said once under the table.
  const rows = exact.map((r) => ({ ...r, amount: wholeKroner(r.amount) }));
  const tenths = exact.map((r) => Math.floor(r.share * 1000 + 0.5 + 1e-6));
  const differs = shownPartsDiffer(exact.map((r) => r.amount), y.allocated) || (y.allocated > 0 && tenths.reduce((a, b) => a + b, 0) !== 1000);
  const chart = barChart({
    id: `${id}-shares`,
    title: ctx.t('publish.funding.sharesChartTitle', { pool: p.pool.name, year: y.year }),
    description: rows.map((r) => ctx.t('publish.funding.chartShare', { name: r.label, share: ctx.share(r.share), amount: ctx.amount(r.amount) })).join('; '),
    rows: rows.map((r) => ({ label: r.label, segments: [{ value: r.share, series: 0 }], valueText: ctx.share(r.share) })),
    max: 1, // a share's bar is drawn against the whole pool-year: 31 % fills 31 % of the width
  });
  return html`<h3 id="${id}">${ctx.t('publish.funding.sharesHeading', { year: y.year })}</h3>
<div class="chart-and-table">
<figure class="chart-figure">
${chart}
</figure>
<div class="table-scroll" role="region" aria-labelledby="${id}" tabindex="0">
<table>
<caption>${ctx.t('publish.funding.sharesCaption', { pool: p.pool.name, year: y.year })}</caption>
<thead><tr><th scope="col">${ctx.t('publish.organisation')}</th><th scope="col">${ctx.t('publish.funding.amount')}</th><th scope="col">${ctx.t('publish.funding.share')}</th></tr></thead>
<tbody>
${rows.map((r) => html`<tr><th scope="row">${r.org ? orgLink(ctx, r.org) : r.label}</th><td class="num">${ctx.amount(r.amount)}</td><td class="num">${ctx.share(r.share)}</td></tr>\n`)}</tbody>
</table>
</div>
</div>
${differs ? html`<p class="small">${ctx.t('publish.funding.rounded', { amount: ctx.amount(y.allocated) })}</p>\n` : ''}`;
}

/** What is left of a pool-year's budget, in words: the chart's line under each bar. */
function remainingWords(ctx: PageContext, y: PoolYearEntry): string {
  if (y.budget === null) return ctx.t('site.chart.noBudget');
  return y.overcommitted ? ctx.t('site.chart.overcommitted', { amount: ctx.amount(-y.remaining) }) : ctx.t('site.chart.remaining', { amount: ctx.amount(y.remaining) });
}

/** One pool-year as the chart's text alternative says it: the same labels the picture carries. */
function chartYearText(ctx: PageContext, y: PoolYearEntry): string {
  const given = { year: y.year, allocated: ctx.amount(y.allocated), development: ctx.amount(y.development.amount), operation: ctx.amount(y.operation.amount) };
  if (y.budget === null) return ctx.t('site.chart.yearTextNoBudget', given);
  return ctx.t('site.chart.yearText', { ...given, budget: ctx.amount(y.budget), remaining: remainingWords(ctx, y) });
}
