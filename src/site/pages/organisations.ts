// The organisations: an alphabetical index, and one page per organisation with its public
// details, active offers, agreements and funding, calls it was selected in, and consultations it
// was invited to. Contact persons are never shown: the page points to the organisation's website.
import type { Agreement, Organisation } from '../../domain/kinds.js';
import { agreementStandingOn, organisationActiveOn, partyOnListOn } from '../../domain/reach.js';
import { html, type Html } from '../html.js';
import { messageOr, valueLabel } from '../../i18n/values.js';
import { areaList, facts, groupList, organisationPath, reachText, sortByName, websiteLink, type PageContent, type PageContext, type SharedLinks } from '../page.js';
import { establishedBy, fundingSummary, period } from './agreements.js';
import { anchorLink, currentPart, partLinks, partNav, siteParts } from '../parts.js';

export function organisationsIndex(ctx: PageContext): PageContent {
  const listing = siteParts(ctx).organisations;
  const title = ctx.t('publish.organisations.title');
  const part = currentPart(ctx, listing);
  if (part) return { section: 'organisations', title: ctx.t('site.parts.title', { title, part: part.label }), body: html`${partNav(ctx, listing, title)}${organisationTable(ctx, part.items)}` };
  const count = listing.parts.reduce((n, p) => n + p.items.length, 0);
  const body = html`<p class="lead">${ctx.t('publish.organisations.lead', { count: ctx.number(count) })}</p>
${listing.split ? partLinks(ctx, listing, 'org-parts', ctx.t('site.parts.organisations')) : organisationTable(ctx, listing.parts[0].items)}`;
  return { section: 'organisations', title, body };
}

function organisationTable(ctx: PageContext, orgs: readonly Organisation[]) {
  return html`<div class="table-scroll" role="region" aria-labelledby="org-caption" tabindex="0">
<table>
<caption id="org-caption">${ctx.t('publish.organisations.caption')}</caption>
<thead><tr><th scope="col">${ctx.t('publish.organisation')}</th><th scope="col">${ctx.t('publish.organisations.kind')}</th><th scope="col">${ctx.t('publish.areas')}</th><th scope="col">${ctx.t('publish.organisations.activeOffers')}</th></tr></thead>
<tbody>
${orgs.map((o) => html`<tr><th scope="row"><a href="${ctx.href(organisationPath(o.id))}">${o.name}</a>${!organisationActiveOn(o, ctx.facts.asOf) ? html` <span class="status">(${ctx.t('publish.organisations.inactiveShort')})</span>` : ''}</th><td>${messageOr(ctx.lang, `publish.orgKind.${o.kind}`, valueLabel(ctx.lang, o.kind))}</td><td>${areaList(ctx, o.areas)}</td><td class="num">${ctx.number(ctx.facts.byOrganisation.get(o.id)?.offers.length ?? 0)}</td></tr>\n`)}</tbody>
</table>
</div>`;
}

const agreementRows = new WeakMap<SharedLinks, Map<string, Html>>();

/**
 * An agreement's row on its organisations' pages: the same on each of them (it names the agreement's
 * other organisations by their number only), so made once per language for all of them.
 */
function agreementRow(ctx: PageContext, a: Agreement): Html {
  let rows = agreementRows.get(ctx.links);
  if (!rows) agreementRows.set(ctx.links, (rows = new Map()));
  let row = rows.get(a.id);
  if (!row) {
    const organisations = new Set(a.organisations).size;
    row = html`<tr><th scope="row">${anchorLink(ctx, 'agreements.html', 'agreement-', a.id, a.title)}${a.organisations.length > 1 ? html`<br><span class="small">${ctx.t(organisations === 2 ? 'publish.organisations.sharedWithOne' : 'publish.organisations.sharedWith', { count: ctx.number(organisations - 1) })}</span>` : ''}</th><td>${ctx.t(`publish.agreementStanding.${agreementStandingOn(a, ctx.facts.asOf) ?? 'ended'}`)}</td><td>${period(ctx, a)}</td><td>${establishedBy(ctx, a)}</td><td>${fundingSummary(ctx, a)}</td></tr>\n`;
    rows.set(a.id, row);
  }
  return row;
}

export function organisationPage(ctx: PageContext, o: Organisation): PageContent {
  const f = ctx.facts.byOrganisation.get(o.id) ?? { offers: [], agreements: [], selectedIn: [], consultations: [], answered: new Map<string, string>(), hearingParties: [], grants: new Map<string, number>() };
  const onList = f.hearingParties.filter((p) => partyOnListOn(p, ctx.facts.asOf) && organisationActiveOn(o, ctx.facts.asOf));
  const offers = sortByName(ctx, f.offers, (x) => x.title);
  const agreements = [...f.agreements].sort((a, b) => (a.start > b.start ? -1 : a.start < b.start ? 1 : a.id < b.id ? -1 : 1));
  // The calls it was selected in, and any other public call it was granted money in that no agreement carries.
  const calls = [...f.selectedIn];
  for (const id of f.grants.keys()) {
    const call = ctx.facts.folder.records.call.get(id);
    if (call && call.published <= ctx.facts.asOf && !calls.includes(call)) calls.push(call);
  }
  const body = html`${!organisationActiveOn(o, ctx.facts.asOf) ? html`<p class="notice">${ctx.t('publish.organisations.inactive')}</p>\n` : ''}${facts([
  [ctx.t('publish.organisations.kind'), messageOr(ctx.lang, `publish.orgKind.${o.kind}`, valueLabel(ctx.lang, o.kind))],
  [ctx.t('publish.areas'), areaList(ctx, o.areas)],
  [ctx.t('publish.patientGroups'), o.patient_groups?.length ? groupList(ctx, o.patient_groups) : undefined],
  [ctx.t('publish.municipalities'), reachText(ctx, o)],
  [ctx.t('publish.organisations.website'), websiteLink(o.website)],
  [ctx.t('publish.organisations.cvr'), o.cvr],
  [ctx.t('publish.organisations.hearingList'), onList.length ? ctx.t('publish.organisations.onListSince', { date: ctx.date(onList.map((p) => p.since).sort()[0]) }) : ctx.t('publish.organisations.notOnList')],
])}
<section aria-labelledby="offers">
<h2 id="offers">${ctx.t('publish.organisations.offersHeading')}</h2>
${offers.length ? html`<ul class="offers">${offers.map((x) => html`<li class="offer"><p class="offer-title">${x.title}</p>${facts([
    [ctx.t('publish.offers.type'), ctx.typeName(x.type)],
    [ctx.t('publish.patientGroups'), groupList(ctx, x.patient_groups)],
    [ctx.t('publish.municipalities'), reachText(ctx, x)],
  ])}${x.description ? html`<p>${x.description}</p>` : ''}</li>\n`)}</ul>` : html`<p>${ctx.t('publish.organisations.noOffers')}</p>`}
<p><a href="${ctx.href('offers.html')}">${ctx.t('publish.organisations.allOffers')}</a></p>
</section>
<section aria-labelledby="agreements">
<h2 id="agreements">${ctx.t('publish.organisations.agreementsHeading')}</h2>
${agreements.length ? html`<div class="table-scroll" role="region" aria-labelledby="agreements" tabindex="0"><table>
<thead><tr><th scope="col">${ctx.t('publish.agreements.agreement')}</th><th scope="col">${ctx.t('publish.agreements.status')}</th><th scope="col">${ctx.t('publish.agreements.period')}</th><th scope="col">${ctx.t('publish.agreements.establishedBy')}</th><th scope="col">${ctx.t('publish.agreements.funding')}</th></tr></thead>
<tbody>
${agreements.map((a) => agreementRow(ctx, a))}</tbody>
</table></div>` : html`<p>${ctx.t('publish.organisations.noAgreements')}</p>`}
</section>
<section aria-labelledby="calls">
<h2 id="calls">${ctx.t('publish.organisations.callsHeading')}</h2>
${calls.length ? html`<ul>${calls.map((c) => html`<li>${anchorLink(ctx, 'calls.html', 'call-', c.id, c.title)} (${ctx.t('publish.calls.deadline').toLowerCase()} ${ctx.date(c.deadline)})${f.grants.has(c.id) ? ` – ${ctx.t('publish.organisations.granted', { amount: ctx.amount(f.grants.get(c.id)!) })}` : ''}</li>`)}</ul>` : html`<p>${ctx.t('publish.organisations.noCalls')}</p>`}
</section>
<section aria-labelledby="consultations">
<h2 id="consultations">${ctx.t('publish.organisations.consultationsHeading')}</h2>
${f.consultations.length ? html`<ul>${f.consultations.map((c) => {
    const answered = f.answered.get(c.id);
    return html`<li>${anchorLink(ctx, 'consultations.html', 'consultation-', c.id, c.title)} – ${answered ? ctx.t('publish.consultations.received', { date: ctx.date(answered) }) : c.status === 'open' && c.deadline >= ctx.facts.asOf ? ctx.t('publish.consultations.awaiting') : ctx.t('publish.consultations.noResponse')}</li>`;
  })}</ul>` : html`<p>${ctx.t('publish.organisations.noConsultations')}</p>`}
</section>`;
  return { section: 'organisation', title: o.name, body };
}
