// The front page: what the site is for, the figures as of the date, the open calls, and a way
// into every part of the site.
import { agreementInForceOn } from '../../domain/reach.js';
import { html } from '../html.js';
import { OPEN_DATA_README } from '../open-data.js';
import { offersOverview } from '../overviews.js';
import { facts as factList, regionName, SECTIONS, type PageContent, type PageContext } from '../page.js';
import { anchorHref } from '../parts.js';
import type { MessageKey } from '../../i18n/index.js';

export function frontPage(ctx: PageContext): PageContent {
  const f = ctx.facts;
  const region = regionName(ctx);
  const activeAgreements = f.agreements.filter((a) => agreementInForceOn(a, f.asOf)).length;
  const offers = offersOverview(f).totals;
  const sections = SECTIONS.filter((s) => s.id !== 'front').map((s) => html`<li><a href="${ctx.href(s.path)}">${ctx.t(s.nav)}</a><p>${ctx.t(`publish.front.about.${s.id}` as MessageKey)}</p></li>`);
  const calls = f.openCalls.length
    ? html`<ul class="plain">${f.openCalls.map((c) => html`<li><a href="${anchorHref(ctx, 'calls.html', `call-${c.id}`)}">${c.title}</a> – ${ctx.t('publish.calls.deadline')}: ${ctx.date(c.deadline)}</li>`)}</ul>`
    : html`<p>${ctx.t('publish.calls.noneOpen')}</p>`;
  const body = html`<p class="lead">${ctx.t('publish.front.lead', { region })}</p>
<section aria-labelledby="figures">
<h2 id="figures">${ctx.t('publish.front.figures', { date: ctx.date(f.asOf) })}</h2>
${factList([
  [ctx.t('publish.front.activeOffers'), ctx.number(offers.offers)],
  [ctx.t('publish.front.organisationsWithOffers'), ctx.number(offers.organisations)],
  [ctx.t('publish.front.openCalls'), ctx.number(f.openCalls.length)],
  [ctx.t('publish.front.activeAgreements'), ctx.number(activeAgreements)],
  [ctx.t('publish.front.hearingList'), ctx.number(f.hearingList.length)],
])}
</section>
<section aria-labelledby="open-calls">
<h2 id="open-calls">${ctx.t('publish.calls.openHeading')}</h2>
${calls}
</section>
<section aria-labelledby="open-data">
<h2 id="open-data">${ctx.t('site.openData.heading')}</h2>
<p>${ctx.t('site.openData.lead', { date: ctx.date(f.asOf) })} <a href="${ctx.asset(OPEN_DATA_README)}">${ctx.t('site.openData.link')}</a></p>
</section>
<section aria-labelledby="sections">
<h2 id="sections">${ctx.t('publish.front.sections')}</h2>
<ul class="cards">${sections}</ul>
</section>`;
  return { section: 'front', title: ctx.t('publish.siteTitle', { region }), body };
}
