// Agreements expiring soon as a table: date (and how far off), what is due, the agreement, its
// organisations and pools; for CSV the date as ISO and the days as a number.
import type { Language, MessageKey } from '../i18n/index.js';
import type { ExpiringReport } from '../reports/expiring.js';
import { areaFilter, areaName, dateText, daysText, headingWith, notCounted, tr, type Names, type ReportView } from './labels.js';
import type { LeftOutCounts } from '../validate/valid-part.js';
import type { Cell, Table } from './table.js';

export function expiringView(report: ExpiringReport, names: Names, lang: Language, leftOut: LeftOutCounts = {}): ReportView {
  const heading = headingWith(tr(lang, 'overview.expiring.heading', { from: dateText(report.asOf, lang), until: dateText(report.until, lang) }), [
    areaFilter(report.filters.areas, lang),
    ['overview.filter.organisation', report.filters.organisations.map((o) => names.organisations.get(o) ?? o)],
  ], lang);
  const reason = (r: string) => tr(lang, `overview.expiring.reason.${r}` as MessageKey);
  const table: Table = {
    columns: [
      { header: tr(lang, 'overview.col.date') },
      { header: tr(lang, 'overview.col.what') },
      { header: tr(lang, 'overview.col.agreement') },
      { header: tr(lang, 'overview.col.organisations') },
      { header: tr(lang, 'overview.col.pools') },
    ],
    rows: report.entries.map((e): Cell[] => [
      { text: `${dateText(e.date, lang)}\n${daysText(e.days, lang)}`, tone: e.reason === 'past-end' ? 'bad' : undefined },
      { text: reason(e.reason), tone: e.reason === 'past-end' ? 'bad' : undefined },
      `${e.agreement.id}\n${e.agreement.title}`,
      e.organisations.map((o) => o.name).join('\n'),
      e.pools.map((p) => p.name).join('\n'),
    ]),
  };
  // None due, or none that could be read: agreements left out for errors may be due.
  if (report.entries.length === 0) table.rows.push(['', { text: [tr(lang, 'overview.expiring.none'), ...notCounted(['agreement'], leftOut, lang)].join(' '), tone: 'muted' }, '', '', '']);
  const t = report.totals;
  // Agreements left out for errors may be due as well: said under the entries too, not only when there are none.
  table.notes = ['', tr(lang, 'overview.expiring.summary', { agreements: t.agreements, ends: t.ends, evaluations: t.evaluationDue, pastEnd: t.pastEnd }), ...(report.entries.length > 0 ? notCounted(['agreement'], leftOut, lang) : [])];
  const flat = (): Table => ({
    columns: [
      { header: tr(lang, 'overview.col.date') }, { header: tr(lang, 'overview.col.days') }, { header: tr(lang, 'overview.col.what') },
      { header: tr(lang, 'overview.col.agreement') }, { header: tr(lang, 'overview.col.agreementTitle') },
      { header: tr(lang, 'overview.col.organisations') }, { header: tr(lang, 'overview.col.pools') },
    ],
    rows: report.entries.map((e) => [
      e.date, e.days, reason(e.reason), e.agreement.id, e.agreement.title,
      e.organisations.map((o) => o.name).join(', '), e.pools.map((p) => p.name).join(', '),
    ]),
  });
  return { heading, tables: [table], get csv() { return [flat()]; } };
}
