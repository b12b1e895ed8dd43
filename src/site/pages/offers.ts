// Offers by patient group (the offers overview): every patient group under its area with its active
// offers, who runs them, where, and the agreement and pools behind them. The whole list is in the
// page; the filter form appears only when the script runs, and only hides what does not match.
import { AREAS, type PatientGroup } from '../../domain/kinds.js';
import { descendantsIndex } from '../../domain/reach.js';
import type { OfferEntry } from '../../reports/offers.js';
import { html, type Html } from '../html.js';
import { offersOverview } from '../overviews.js';
import { facts, orgLink, type PageContent, type PageContext, type SharedLists } from '../page.js';
import { anchorHref, anchorLink, currentPart, partNav, siteParts } from '../parts.js';

export function offersPage(ctx: PageContext): PageContent {
  const overview = offersOverview(ctx.facts);
  const listing = siteParts(ctx).offers;
  const groups = ctx.facts.folder.vocabularies.patientGroups;
  const ancestors = ancestorsOf(groups);
  const title = ctx.t('publish.offers.title');
  const part = currentPart(ctx, listing);
  // A split list's group links lead to the group's own page; a whole list's to its section here.
  const groupHref = (area: string, id: string) => listing.split ? anchorHref(ctx, 'offers.html', `group-${area}-${id}`) : `#group-${area}-${id}`;
  // Only the index page shows the list of groups.
  const toc = () => overview.areas.map((a) => html`<li>${ctx.areaName(a.area)}<ul>${a.patientGroups.map((g) => html`<li data-for="group-${a.area}-${g.id}"><a href="${groupHref(a.area, g.id)}">${g.name[ctx.lang]}</a> (${ctx.number(g.offerCount)})</li>`)}</ul></li>`);
  const on = part?.items[0];
  const shown = on ? overview.areas.filter((a) => a.area === on.area).map((a) => ({ ...a, patientGroups: [{ ...on.group, offers: on.group.offers.slice(on.from, on.to) }] })) : overview.areas;
  // Built only where it is shown: a split list's index page holds none of the offers.
  const sections = () => shown.map((a) => html`<section class="area" data-area="${a.area}" aria-labelledby="area-${a.area}">
<h2 id="area-${a.area}">${ctx.areaName(a.area)}</h2>
${a.patientGroups.map((g) => html`<section class="group" id="group-${a.area}-${g.id}" data-groups="${ancestors.get(g.id) ?? g.id}" aria-labelledby="group-${a.area}-${g.id}-h">
<h3 id="group-${a.area}-${g.id}-h">${g.name[ctx.lang]} <span class="count">${ctx.t(g.offerCount === 1 ? 'publish.offers.countOne' : 'publish.offers.count', { count: ctx.number(g.offerCount) })}</span></h3>
${g.offers.length
    ? html`<ul class="offers">
${g.offers.map((o) => offerItem(ctx, o))}</ul>`
    : html`<p class="gap-note">${ctx.t('publish.offers.noneInGroup')}</p>`}
</section>
`)}</section>
`);
  if (part) {
    return { section: 'offers', title: ctx.t('site.parts.title', { title, part: part.label }), body: html`${partNav(ctx, listing, title)}${filterForm(ctx, false)}${sections()}`, script: true };
  }
  const body = html`<p class="lead">${ctx.t('publish.offers.lead', { count: ctx.number(overview.totals.offers), date: ctx.date(ctx.facts.asOf) })}</p>
<p>${ctx.t('publish.offers.seeCoverage')} <a href="${ctx.href('coverage.html')}">${ctx.t('publish.nav.coverage')}</a></p>
${listing.split ? html`<p>${ctx.t('site.parts.offersLead')}</p>\n` : filterForm(ctx)}
<nav class="toc" aria-labelledby="toc-heading">
<h2 id="toc-heading">${ctx.t('publish.offers.toc')}</h2>
<ul>${toc()}</ul>
</nav>
${listing.split ? '' : sections()}`;
  return { section: 'offers', title, body, script: !listing.split };
}

const ancestorsMade = new WeakMap<readonly PatientGroup[], Map<string, string>>();

/** ancestorsIndex, made once for the vocabulary (each of a split list's pages needs it). */
function ancestorsOf(groups: readonly PatientGroup[]): Map<string, string> {
  let made = ancestorsMade.get(groups);
  if (!made) ancestorsMade.set(groups, (made = ancestorsIndex(groups)));
  return made;
}

/** Each group's id with the ids of every group above it, space-separated: a filter on a parent shows its children. */
function ancestorsIndex(groups: readonly PatientGroup[]): Map<string, string> {
  const below = descendantsIndex(groups);
  const above = new Map<string, string[]>();
  for (const [id, set] of below) for (const d of set) above.set(d, [...(above.get(d) ?? []), id]);
  return new Map([...above].map(([id, list]) => [id, [id, ...list.filter((x) => x !== id).sort()].join(' ')]));
}

function offerItem(ctx: PageContext, o: OfferEntry): Html {
  const description = ctx.facts.folder.records.offer.get(o.id)?.description;
  const reach = o.reach.scope ? '*' : o.reach.municipalities.join(' ');
  const where = o.reach.scope === 'national' ? ctx.t('publish.reach.national') : o.reach.scope === 'regional' ? ctx.t('publish.reach.regional')
    : o.reach.municipalities.map((m) => ctx.municipalityName(m)).join(', ');
  return html`<li class="offer" data-id="${o.id}" data-m="${reach}" data-type="${o.type.id}">
<p class="offer-title">${o.title}</p>
${facts([
  [ctx.t('publish.offers.type'), o.type.name[ctx.lang]],
  [ctx.t('publish.organisation'), orgLink(ctx, o.organisation.id)],
  [ctx.t('publish.municipalities'), where],
  [ctx.t(o.agreements.length > 1 ? 'publish.offers.agreements' : 'publish.offers.agreement'), o.agreements.length ? html`${o.agreements.map((a, i) => html`${i > 0 ? ', ' : ''}${anchorLink(ctx, 'agreements.html', 'agreement-', a.id, a.title)}${a.standing === 'in-force' ? '' : ` (${ctx.t(`publish.offers.standing.${a.standing}`)})`}`)}` : undefined],
  [ctx.t('publish.offers.pools'), o.pools.length ? html`${o.pools.map((p, i) => html`${i > 0 ? ', ' : ''}${anchorLink(ctx, 'funding.html', 'pool-', p.id, p.name)}`)}` : undefined],
])}
${description ? html`<p>${description}</p>\n` : ''}</li>
`;
}

const filterForms = new WeakMap<SharedLists, Map<boolean, Html>>();

/** The script's filter; on a patient group's own page without the area and group fields, which the page already chose. The same on every page of a language: made once. */
function filterForm(ctx: PageContext, byGroup = true): Html {
  let forms = filterForms.get(ctx.lists);
  if (!forms) filterForms.set(ctx.lists, (forms = new Map()));
  let form = forms.get(byGroup);
  if (!form) forms.set(byGroup, (form = makeFilterForm(ctx, byGroup)));
  return form;
}

function makeFilterForm(ctx: PageContext, byGroup: boolean): Html {
  const v = ctx.facts.folder.vocabularies;
  const option = (value: string, label: string) => html`<option value="${value}">${label}</option>`;
  return html`<form id="offer-filter" class="filter" hidden aria-labelledby="filter-heading" data-status="${ctx.t('publish.filter.status')}">
<h2 id="filter-heading">${ctx.t('publish.filter.heading')}</h2>
<div class="filter-fields">
<div><label for="f-text">${ctx.t('publish.filter.text')}</label><input type="search" id="f-text" name="text" autocomplete="off"></div>
${byGroup ? html`<div><label for="f-area">${ctx.t('publish.filter.area')}</label><select id="f-area" name="area">${option('', ctx.t('publish.filter.allAreas'))}${AREAS.map((a) => option(a, ctx.areaName(a)))}</select></div>
<div><label for="f-group">${ctx.t('publish.filter.group')}</label><select id="f-group" name="group">${option('', ctx.t('publish.filter.allGroups'))}${v.patientGroups.map((g) => option(g.id, g.name[ctx.lang]))}</select></div>
` : ''}<div><label for="f-municipality">${ctx.t('publish.filter.municipality')}</label><select id="f-municipality" name="municipality">${option('', ctx.t('publish.filter.allMunicipalities'))}${v.municipalities.map((m) => option(m.id, m.name))}</select></div>
<div><label for="f-type">${ctx.t('publish.filter.type')}</label><select id="f-type" name="type">${option('', ctx.t('publish.filter.allTypes'))}${v.offerTypes.map((t) => option(t.id, t.name[ctx.lang]))}</select></div>
<div class="filter-buttons"><button type="reset">${ctx.t('publish.filter.reset')}</button></div>
</div>
<p id="filter-status" class="filter-status" role="status" aria-live="polite"></p>
</form>
`;
}
