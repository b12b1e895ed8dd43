// Coverage by municipality: patient groups × the region's municipalities with the number of active
// offers in each cell, the gaps marked, and totals per row and column. Each count links to the
// offers page, filtered to that group and municipality when the script runs.
import { html } from '../html.js';
import { coverageOverview } from '../overviews.js';
import type { PageContent, PageContext } from '../page.js';
import { anchorHref } from '../parts.js';

export function coveragePage(ctx: PageContext): PageContent {
  const c = coverageOverview(ctx.facts);
  let lastArea: string | undefined;
  const rows = c.rows.map((r) => {
    const group = r.patientGroup;
    const area = group.areas[0];
    const areaRow = area !== lastArea
      ? html`<tr class="area-row"><th scope="colgroup" colspan="${c.municipalities.length + 2}"><span>${ctx.areaName(area)}</span></th></tr>\n`
      : '';
    lastArea = area;
    const name = group.name[ctx.lang];
    const cells = c.municipalities.map((m) => {
      const n = r.byMunicipality[m.id] ?? 0;
      return n === 0
        ? html`<td class="gap">0</td>`
        : html`<td><a href="${anchorHref(ctx, 'offers.html', `group-${area}-${group.id}`, `?group=${group.id}&municipality=${m.id}`)}" aria-label="${ctx.t(n === 1 ? 'publish.coverage.cellLabelOne' : 'publish.coverage.cellLabel', { count: ctx.number(n), group: name, municipality: m.name })}">${ctx.number(n)}</a></td>`;
    });
    return html`${areaRow}<tr><th scope="row">${name}</th>${cells}<td class="total">${ctx.number(r.total)}</td></tr>\n`;
  });
  const body = html`<p class="lead">${ctx.t('publish.coverage.lead', { date: ctx.date(ctx.facts.asOf) })}</p>
<p>${ctx.t('publish.coverage.gaps', { gaps: ctx.number(c.totals.gaps), cells: ctx.number(c.rows.length * c.municipalities.length) })}</p>
<p class="legend-text"><span class="swatch gap-swatch" aria-hidden="true"></span>${ctx.t('publish.coverage.legend')}</p>
<div class="table-scroll" role="region" aria-labelledby="coverage-caption" tabindex="0">
<table class="matrix">
<caption id="coverage-caption"><span>${ctx.t('publish.coverage.caption', { date: ctx.date(ctx.facts.asOf) })}</span></caption>
<thead><tr><th scope="col">${ctx.t('publish.patientGroup')}</th>${c.municipalities.map((m) => html`<th scope="col">${m.name}</th>`)}<th scope="col">${ctx.t('publish.total')}</th></tr></thead>
<tbody>
${rows}</tbody>
<tfoot><tr><th scope="row">${ctx.t('publish.coverage.columnTotal')}</th>${c.municipalities.map((m) => html`<td class="total">${ctx.number(c.totals.byMunicipality[m.id] ?? 0)}</td>`)}<td class="total">${ctx.number(c.totals.offers)}</td></tr></tfoot>
</table>
</div>
<p>${ctx.t('publish.coverage.note')}</p>`;
  return { section: 'coverage', title: ctx.t('publish.coverage.title'), body };
}
