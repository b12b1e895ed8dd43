// Calls: the open ones with their deadlines and criteria, the ones closed within the last year with
// who was selected, and a table of the earlier ones.
import { criterionText, grantedAmount, isGrant, scoredCriteria, selectionOf } from '../../domain/applications.js';
import type { Application, Call } from '../../domain/kinds.js';
import { daysBetween } from '../../domain/dates.js';
import { html, type Html } from '../html.js';
import { areaList, facts, groupList, orgLinks, reachText, type PageContent, type PageContext } from '../page.js';
import { anchorHref, currentPart, partLinks, partNav, siteParts } from '../parts.js';
import { paragraphs } from './text.js';
import { applyUrl, callContact, contactLine } from '../contact.js';

export function callsPage(ctx: PageContext): PageContent {
  const f = ctx.facts;
  const p = siteParts(ctx);
  const title = ctx.t('publish.nav.calls');
  const recentPart = currentPart(ctx, p.recentCalls);
  if (recentPart) return { section: 'calls', title: ctx.t('site.parts.title', { title: ctx.t('publish.calls.recentHeading'), part: recentPart.label }), body: html`${partNav(ctx, p.recentCalls, title)}${recentSection(ctx, recentPart.items)}` };
  const earlierPart = currentPart(ctx, p.earlierCalls);
  if (earlierPart) return { section: 'calls', title: ctx.t('site.parts.title', { title: ctx.t('publish.calls.earlierHeading'), part: earlierPart.label }), body: html`${partNav(ctx, p.earlierCalls, title)}${earlier(ctx, earlierPart.items)}` };
  const body = html`<p class="lead">${ctx.t('publish.calls.lead')}</p>
${f.folder.model?.how_to?.length ? html`<p><a href="${ctx.href('model.html#how-to')}">${ctx.t('publish.howToJoin')}</a></p>` : ''}
<section aria-labelledby="open">
<h2 id="open">${ctx.t('publish.calls.openHeading')}</h2>
${f.openCalls.length ? f.openCalls.map((c) => callSection(ctx, c, true)) : html`<p>${ctx.t('publish.calls.noneOpen')}</p>`}
</section>
${p.recentCalls.split ? partLinks(ctx, p.recentCalls, 'recent', ctx.t('publish.calls.recentHeading')) : recentSection(ctx, f.recentCalls)}
${p.earlierCalls.split ? partLinks(ctx, p.earlierCalls, 'earlier', ctx.t('publish.calls.earlierHeading')) : f.earlierCalls.length ? earlier(ctx, f.earlierCalls) : ''}`;
  return { section: 'calls', title, body };
}

function recentSection(ctx: PageContext, calls: readonly Call[]): Html {
  return html`<section aria-labelledby="recent">
<h2 id="recent">${ctx.t('publish.calls.recentHeading')}</h2>
${calls.length ? calls.map((c) => callSection(ctx, c, false)) : html`<p>${ctx.t('publish.calls.noneRecent')}</p>`}
</section>`;
}

function callSection(ctx: PageContext, c: Call, open: boolean): Html {
  const pool = c.pool ? ctx.facts.folder.records.pool.get(c.pool) : undefined;
  const daysLeft = daysBetween(ctx.facts.asOf, c.deadline);
  const channel = c.channel === 'public' ? ctx.t('publish.calls.channelPublic') : ctx.t('publish.calls.channelInvited');
  return html`<article class="call" id="call-${c.id}" aria-labelledby="call-${c.id}-title">
<h3 id="call-${c.id}-title">${c.title}</h3>
${paragraphs(c.description)}${facts([
  [ctx.t('publish.calls.deadline'), open ? ctx.t(daysLeft === 0 ? 'publish.calls.deadlineToday' : daysLeft === 1 ? 'publish.calls.deadlineLeftOne' : 'publish.calls.deadlineLeft', { date: ctx.date(c.deadline), days: ctx.number(daysLeft) }) : ctx.date(c.deadline)],
  [ctx.t('publish.calls.published'), ctx.date(c.published)],
  [ctx.t('publish.calls.pool'), pool ? html`<a href="${anchorHref(ctx, 'funding.html', `pool-${pool.id}`)}">${pool.name}</a>` : undefined],
  [ctx.t('publish.areas'), areaList(ctx, c.areas)],
  [ctx.t('publish.patientGroups'), groupList(ctx, c.patient_groups)],
  [ctx.t('publish.municipalities'), reachText(ctx, c)],
  [ctx.t('publish.calls.channel'), channel],
  [ctx.t('publish.calls.channelReason'), c.channel === 'invited' ? c.channel_reason : undefined],
  [ctx.t('publish.calls.invited'), c.channel === 'invited' && c.invited?.length ? orgLinks(ctx, c.invited) : undefined],
  [ctx.t('publish.calls.applicants'), open ? undefined : ctx.number(new Set(selection(ctx, c).applicants).size)],
  [ctx.t('publish.calls.selected'), open ? undefined : selectedLinks(ctx, c)],
  [ctx.t('site.call.apply'), open ? howToApply(ctx, c) : undefined],
  [ctx.t('site.call.contact'), open ? contactLine(ctx, callContact(ctx, c)) : undefined],
])}
${c.criteria?.length ? html`<h4>${ctx.t('publish.calls.criteria')}</h4>
<ol>${c.criteria.map((x) => html`<li>${criterionText(x, ctx.lang)}</li>`)}</ol>
` : ''}${open ? '' : grantsTable(ctx, c)}</article>
`;
}

/** A call's applications (its own record of who applied and what was decided), in id order. */
function applicationsOf(ctx: PageContext, c: Call): Application[] {
  return ctx.facts.applicationsByCall.get(c.id) ?? [];
}

/** Who applied and who was selected, as the audit and the open data take it: as the call writes it, else as its applications show it. */
const selection = (ctx: PageContext, c: Call) => selectionOf(c, applicationsOf(ctx, c));

function selectedLinks(ctx: PageContext, c: Call): Html | string {
  const selected = selection(ctx, c).selected;
  return selected.length ? orgLinks(ctx, selected) : ctx.t('publish.calls.noneSelected');
}

/**
 * Who was granted how much and on which criteria. Organisations are legal persons and are named;
 * assessors are not (their scores stay in the register).
 */
function grantsTable(ctx: PageContext, c: Call): Html | '' {
  const grants = applicationsOf(ctx, c).filter((a) => isGrant(a.decision?.outcome));
  if (grants.length === 0) return '';
  const criteria = scoredCriteria(c);
  const named = (a: Application) => (a.decision?.criteria ?? []).map((id) => criteria.find((x) => x.id === id)).filter((x) => x !== undefined).map((x) => criterionText(x!, ctx.lang)).join('; ');
  return html`<h4>${ctx.t('publish.calls.grants')}</h4>
<table>
<thead><tr><th scope="col">${ctx.t('publish.calls.grantee')}</th><th scope="col" class="num">${ctx.t('publish.calls.granted')}</th><th scope="col">${ctx.t('publish.calls.grantCriteria')}</th></tr></thead>
<tbody>
${grants.map((a) => html`<tr><th scope="row">${orgLinks(ctx, a.organisations)}</th><td class="num">${grantedCell(ctx, a)}</td><td>${named(a)}</td></tr>
`)}</tbody>
</table>
`;
}

/** What a grant gave, as its letter says it: a grant in full without an amount gave the amount applied for. */
function grantedCell(ctx: PageContext, a: Application): string {
  const n = grantedAmount(a);
  return n === undefined ? '' : ctx.amount(n);
}

function earlier(ctx: PageContext, calls: readonly Call[]): Html {
  return html`<section aria-labelledby="earlier">
<h2 id="earlier">${ctx.t('publish.calls.earlierHeading')}</h2>
<div class="table-scroll" role="region" aria-labelledby="earlier" tabindex="0">
<table>
<thead><tr><th scope="col">${ctx.t('publish.calls.call')}</th><th scope="col">${ctx.t('publish.calls.deadline')}</th><th scope="col">${ctx.t('publish.calls.channel')}</th><th scope="col">${ctx.t('publish.calls.selected')}</th></tr></thead>
<tbody>
${calls.map((c) => html`<tr id="call-${c.id}"><th scope="row">${c.title}</th><td>${ctx.date(c.deadline)}</td><td>${c.channel === 'public' ? ctx.t('publish.calls.channelPublic') : ctx.t('publish.calls.channelInvited')}</td><td>${earlierSelected(ctx, c)}</td></tr>\n`)}</tbody>
</table>
</div>
</section>
`;
}

/** An open call's way in: its (or its pool's) application link, else to write to its contact. */
function howToApply(ctx: PageContext, c: Call): Html | string | undefined {
  const url = applyUrl(ctx, c);
  if (url) return html`<a href="${url}" rel="external">${ctx.t('site.call.applyLink')}</a>`;
  return callContact(ctx, c) ? ctx.t('site.call.applyByContact') : undefined;
}

/** The selected organisations, each with the amount granted when the call's applications say it. */
function earlierSelected(ctx: PageContext, c: Call): Html | string {
  const grants = applicationsOf(ctx, c).filter((a) => isGrant(a.decision?.outcome));
  if (grants.length === 0) return selectedLinks(ctx, c);
  return html`<ul>${grants.map((a) => html`<li>${orgLinks(ctx, a.organisations)}${grantedAmount(a) !== undefined ? `: ${grantedCell(ctx, a)}` : ''}</li>`)}</ul>`;
}
