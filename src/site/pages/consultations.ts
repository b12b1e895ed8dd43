// Consultations: the open ones with their hearing lists, the past ones with every invited party
// alphabetically and a mark where an answer came, and the standing hearing list itself.
import type { Consultation, HearingParty } from '../../domain/kinds.js';
import { daysBetween } from '../../domain/dates.js';
import { html, type Html } from '../html.js';
import { consultationInvitations, consultationReport } from '../overviews.js';
import { areaList, facts, groupList, orgLink, type PageContent, type PageContext } from '../page.js';
import { currentPart, partLinks, partNav, siteParts } from '../parts.js';
import { paragraphs } from './text.js';
import { closedEarly, openedDespite, openedLate, ruleTitles } from '../../reports/hearing.js';
import { contactLine, regionContact } from '../contact.js';

export function consultationsPage(ctx: PageContext): PageContent {
  const f = ctx.facts;
  const p = siteParts(ctx);
  const title = ctx.t('publish.consultations.title');
  const pastPart = currentPart(ctx, p.pastConsultations);
  if (pastPart) return { section: 'consultations', title: ctx.t('site.parts.title', { title: ctx.t('publish.consultations.pastHeading'), part: pastPart.label }), body: html`${partNav(ctx, p.pastConsultations, title)}${pastSection(ctx, pastPart.items)}` };
  const listPart = currentPart(ctx, p.hearingList);
  if (listPart) return { section: 'consultations', title: ctx.t('site.parts.title', { title: ctx.t('publish.consultations.listHeading'), part: listPart.label }), body: html`${partNav(ctx, p.hearingList, title)}<section aria-labelledby="hearing-list">
<h2 id="hearing-list">${ctx.t('publish.consultations.listHeading')}</h2>
${hearingListTable(ctx, listPart.items)}
</section>` };
  const count = p.hearingList.parts.reduce((n, x) => n + x.items.length, 0);
  const body = html`<p class="lead">${ctx.t('publish.consultations.lead')}</p>
${f.folder.model?.principles.some((x) => x.id === 'fair-hearing') ? html`<p><a href="${ctx.href('model.html#principle-fair-hearing')}">${ctx.t('publish.consultations.principleLink')}</a></p>
` : ''}${regionContact(ctx) ? html`<p class="contact"><strong>${ctx.t('site.consultation.contact')}:</strong> ${contactLine(ctx, regionContact(ctx))}</p>
` : ''}<section aria-labelledby="open">
<h2 id="open">${ctx.t('publish.consultations.openHeading')}</h2>
${f.openConsultations.length ? f.openConsultations.map((c) => consultation(ctx, c, true)) : html`<p>${ctx.t('publish.consultations.noneOpen')}</p>`}
</section>
${p.pastConsultations.split ? partLinks(ctx, p.pastConsultations, 'past', ctx.t('publish.consultations.pastHeading')) : pastSection(ctx, f.pastConsultations)}
<section aria-labelledby="hearing-list">
<h2 id="hearing-list">${ctx.t('publish.consultations.listHeading')}</h2>
<p>${ctx.t('publish.consultations.listLead', { count: ctx.number(count), date: ctx.date(f.asOf) })}</p>
${f.folder.model?.how_to?.length ? html`<p><a href="${ctx.href('model.html#how-to')}">${ctx.t('publish.howToJoin')}</a></p>` : ''}
${p.hearingList.split ? partLinks(ctx, p.hearingList, 'hearing-list') : hearingListTable(ctx, p.hearingList.parts[0].items)}
</section>`;
  return { section: 'consultations', title, body };
}

function pastSection(ctx: PageContext, past: readonly Consultation[]): Html {
  return html`<section aria-labelledby="past">
<h2 id="past">${ctx.t('publish.consultations.pastHeading')}</h2>
${past.length ? past.map((c) => consultation(ctx, c, false)) : html`<p>${ctx.t('publish.consultations.nonePast')}</p>`}
</section>`;
}

function hearingListTable(ctx: PageContext, list: readonly HearingParty[]): Html {
  return html`<div class="table-scroll" role="region" aria-labelledby="hearing-list" tabindex="0">
<table>
<thead><tr><th scope="col">${ctx.t('publish.organisation')}</th><th scope="col">${ctx.t('publish.areas')}</th><th scope="col">${ctx.t('publish.patientGroups')}</th><th scope="col">${ctx.t('publish.consultations.since')}</th></tr></thead>
<tbody>
${list.map((p) => html`<tr><th scope="row">${orgLink(ctx, p.organisation)}</th><td>${areaList(ctx, p.areas)}</td><td>${groupList(ctx, p.patient_groups, 'publish.allGroupsOfAreas')}</td><td>${ctx.date(p.since)}</td></tr>\n`)}</tbody>
</table>
</div>`;
}

function consultation(ctx: PageContext, c: Consultation, open: boolean): Html {
  const report = consultationReport(ctx.facts, c);
  const parties = report.parties;
  const id = `consultation-${c.id}`;
  const selection = invitationText(ctx, c);
  const early = open ? undefined : closedEarly(c, ctx.facts.asOf);
  const late = openedLate(c);
  const despite = openedDespite(c);
  const rate = parties.length ? ctx.t('publish.consultations.rate', { responded: ctx.number(report.responded), invited: ctx.number(parties.length), share: ctx.share(report.responded / parties.length) }) : undefined;
  return html`<article class="consultation" id="${id}" aria-labelledby="${id}-h">
<h3 id="${id}-h">${c.title}</h3>
${paragraphs(c.description)}${facts([
  [ctx.t('publish.consultations.opens'), ctx.date(c.opens)],
  // Sent out later than planned, or despite errors in its hearing list: said as an early close is, with the region's reason.
  [ctx.t('publish.consultations.plannedOpens'), late && ctx.date(late)],
  [ctx.t('publish.consultations.deadline'), ctx.t('publish.consultations.deadlineDays', { date: ctx.date(c.deadline), days: ctx.number(daysBetween(c.opens, c.deadline)) })],
  [ctx.t('publish.consultations.deadlineReason'), c.deadline_reason],
  [ctx.t('publish.consultations.openedDespite', { count: despite?.rules.length ?? 0 }), despite && ruleTitles(ctx.lang, despite.rules)],
  [ctx.t('publish.consultations.openedDespiteReason'), despite?.reason ?? undefined],
  [ctx.t('publish.consultations.closedEarly'), early && (early.date ? ctx.date(early.date) : ctx.t('hearing.yes'))],
  [ctx.t('publish.consultations.closedEarlyReason'), early?.reason ?? undefined],
  [ctx.t('publish.areas'), areaList(ctx, c.areas)],
  [ctx.t('publish.patientGroups'), groupList(ctx, c.patient_groups, 'publish.allGroupsOfAreas')],
  [ctx.t('publish.consultations.selection'), selection],
  [ctx.t('publish.consultations.responses'), open ? undefined : rate],
])}
${parties.length ? html`<div class="table-scroll" role="region" aria-labelledby="${id}-list" tabindex="0">
<table class="hearing-list">
<caption id="${id}-list">${ctx.t('publish.consultations.listCaption', { title: c.title })}</caption>
<thead><tr><th scope="col">${ctx.t('publish.consultations.party')}</th><th scope="col">${ctx.t('publish.consultations.response')}</th></tr></thead>
<tbody>
${parties.map((p) => html`<tr><th scope="row">${orgLink(ctx, p.organisation)}</th><td>${p.received ? html`<span class="mark" aria-hidden="true">✓</span> ${ctx.t('publish.consultations.received', { date: ctx.date(p.received) })}` : open ? ctx.t('publish.consultations.awaiting') : ctx.t('publish.consultations.noResponse')}</td></tr>\n`)}</tbody>
</table>
</div>` : html`<p>${ctx.t('publish.consultations.noneInvited')}</p>`}
${c.status === 'closed' ? hearingNote(ctx, c, parties) : ''}</article>
`;
}

/**
 * Who was invited, as counted from the records: the plain numbers, never the ideal. "All" is said
 * only when every relevant party on the hearing list was invited; otherwise how many were and how
 * many were not, as the hearing audit counts them.
 */
export function invitationText(ctx: PageContext, c: Consultation): string {
  const n = consultationInvitations(ctx.facts, c);
  const parts: string[] = [];
  if (c.selection === 'limited') {
    parts.push(ctx.t('site.hearing.seats', { seats: c.seats ?? n.invited, eligible: n.eligible, invited: n.invited }));
  } else if (n.eligible === 0) {
    parts.push(ctx.t('site.hearing.noneRelevant'));
  } else if (n.invited === n.eligible) {
    parts.push(ctx.t('site.hearing.allInvited', { count: n.eligible }));
  } else {
    parts.push(ctx.t('site.hearing.someInvited', { invited: n.invited, eligible: n.eligible }));
    if (n.notInvited > 0) parts.push(ctx.t('site.hearing.notInvited', { count: n.notInvited }));
    if (n.omittedWithReason > 0) parts.push(ctx.t('site.hearing.omittedWithReason', { count: n.omittedWithReason }));
  }
  if (n.invitedOutside > 0) parts.push(ctx.t('site.hearing.invitedOutside', { count: n.invitedOutside }));
  return parts.join('; ');
}

/**
 * The høringsnotat's points, published once the consultation has closed (never while it is open,
 * when answers are still coming): each party's points as staff summarised them, with what the
 * region did with each and why. The points are the region's own summaries, never the answers' text.
 */
function hearingNote(ctx: PageContext, c: Consultation, parties: { party: string; organisation: string }[]): Html {
  const points = new Map((c.responses ?? []).map((r) => [r.party, r.points ?? []]));
  const withPoints = parties.filter((p) => (points.get(p.party) ?? []).length > 0);
  if (withPoints.length === 0) return html``;
  const id = `consultation-${c.id}-note`;
  return html`<section class="hearing-note" aria-labelledby="${id}">
<h4 id="${id}">${ctx.t('site.consultation.noteHeading')}</h4>
${withPoints.map((p) => html`<h5>${orgLink(ctx, p.organisation)}</h5>
<ol>${(points.get(p.party) ?? []).map((x) => html`<li><p>${x.summary}</p><p>${x.disposition === undefined ? ctx.t('hearingNote.undecided')
  : x.reason ? ctx.t('hearingNote.answerWithReason', { disposition: ctx.t(`hearingNote.disposition.${x.disposition}`), reason: x.reason }) : ctx.t('hearingNote.answer', { disposition: ctx.t(`hearingNote.disposition.${x.disposition}`) })}</p></li>`)}</ol>
`)}</section>
`;
}
