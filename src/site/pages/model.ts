// The collaboration model: the principles, the stages a collaboration goes through and what each
// must show, how an organisation gets into a collaboration and onto the hearing list, and the
// criteria each pool awards its money by.
import { criterionText } from '../../domain/applications.js';
import type { Pool } from '../../domain/kinds.js';
import { html, type Html } from '../html.js';
import { areaList, facts, type PageContent, type PageContext } from '../page.js';
import { anchorHref } from '../parts.js';
import { paragraphs } from './text.js';
import { contactSection } from '../contact.js';

export function modelPage(ctx: PageContext): PageContent {
  const model = ctx.facts.folder.model;
  const lang = ctx.lang;
  const title = model?.title?.[lang] ?? ctx.t('publish.model.title');
  if (!model) {
    return { section: 'model', title, body: html`<p>${ctx.t('publish.model.missing')}</p>${contactSection(ctx, 'contact', ctx.t('site.contact.heading'), ctx.t('site.contact.joinLead'))}${poolCriteria(ctx)}` };
  }
  const principleTitle = new Map(model.principles.map((p) => [p.id, p.title[lang]]));
  const principles = model.principles.map((p) => html`<section class="principle" aria-labelledby="principle-${p.id}">
<h3 id="principle-${p.id}">${p.title[lang]}</h3>
${paragraphs(p.text[lang])}</section>
`);
  const stages = model.stages.map((s) => html`<li class="stage">
<h3 id="stage-${s.id}">${s.title[lang]}</h3>
${paragraphs(s.text[lang])}${s.evidence ? html`<p><strong>${ctx.t('publish.model.evidence')}</strong> ${s.evidence[lang]}</p>\n` : ''}${s.principles?.length ? html`<p><strong>${ctx.t('publish.model.serves')}</strong> ${s.principles.map((id, i) => html`${i > 0 ? ', ' : ''}${principleTitle.has(id) ? html`<a href="#principle-${id}">${principleTitle.get(id)}</a>` : id}`)}</p>\n` : ''}</li>
`);
  const howTo = (model.how_to ?? []).map((h) => html`<section aria-labelledby="how-${h.id}">
<h3 id="how-${h.id}">${h.title[lang]}</h3>
${paragraphs(h.text[lang])}</section>
`);
  const toc = [
    html`<li><a href="#principles">${ctx.t('publish.model.principles')}</a></li>`,
    html`<li><a href="#stages">${ctx.t('publish.model.stages')}</a></li>`,
    howTo.length ? html`<li><a href="#how-to">${ctx.t('publish.model.howTo')}</a></li>` : '',
    html`<li><a href="#contact">${ctx.t('site.contact.heading')}</a></li>`,
    html`<li><a href="#pool-criteria">${ctx.t('publish.model.poolCriteria')}</a></li>`,
  ];
  const body = html`${model.introduction ? paragraphs(model.introduction[lang]) : ''}
<nav class="toc" aria-labelledby="model-toc"><h2 id="model-toc">${ctx.t('publish.onThisPage')}</h2><ul class="plain">${toc}</ul></nav>
<section aria-labelledby="principles">
<h2 id="principles">${ctx.t('publish.model.principles')}</h2>
${principles}</section>
<section aria-labelledby="stages">
<h2 id="stages">${ctx.t('publish.model.stages')}</h2>
<ol class="stages">
${stages}</ol>
</section>
${howTo.length ? html`<section aria-labelledby="how-to">
<h2 id="how-to">${ctx.t('publish.model.howTo')}</h2>
${howTo}</section>
` : ''}${contactSection(ctx, 'contact', ctx.t('site.contact.heading'), ctx.t('site.contact.joinLead'))}${poolCriteria(ctx)}`;
  return { section: 'model', title, body };
}

function poolCriteria(ctx: PageContext): Html {
  const pools = ctx.facts.pools;
  return html`<section aria-labelledby="pool-criteria">
<h2 id="pool-criteria">${ctx.t('publish.model.poolCriteria')}</h2>
${pools.length ? pools.map((p) => poolSummary(ctx, p)) : html`<p>${ctx.t('publish.none')}</p>`}</section>
`;
}

function poolSummary(ctx: PageContext, p: Pool): Html {
  return html`<section class="pool" aria-labelledby="criteria-${p.id}">
<h3 id="criteria-${p.id}">${p.name}</h3>
${paragraphs(p.description)}${facts([
  [ctx.t('publish.areas'), areaList(ctx, p.areas)],
  [ctx.t('publish.funding.funds'), p.eligible_kinds.map((k) => ctx.t(`publish.fundingKind.${k}`)).join(', ')],
])}
${p.criteria?.length ? html`<p>${ctx.t('publish.model.criteriaIntro')}</p>
<ol>${p.criteria.map((c) => html`<li>${criterionText(c, ctx.lang)}</li>`)}</ol>
` : html`<p>${ctx.t('publish.model.noCriteria')}</p>\n`}<p><a href="${anchorHref(ctx, 'funding.html', `pool-${p.id}`)}">${ctx.t('publish.model.seeFunding', { pool: p.name })}</a></p>
</section>
`;
}
