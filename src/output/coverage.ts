// The coverage matrix as a table: a row per patient group, a column per municipality, gaps shown
// as — (0 in CSV), and a last row and column of totals. On a narrow terminal the municipalities
// are split over several tables that each repeat the patient-group column.
import type { Language } from '../i18n/index.js';
import type { CoverageReport } from '../reports/coverage.js';
import { areaFilter, areaName, dateText, headingWith, notCounted, tr, type Names, type ReportView } from './labels.js';
import type { LeftOutCounts } from '../validate/valid-part.js';
import type { Cell, Table } from './table.js';

export function coverageView(report: CoverageReport, names: Names, lang: Language, leftOut: LeftOutCounts = {}): ReportView {
  const heading = headingWith(tr(lang, 'overview.coverage.heading', { date: dateText(report.asOf, lang) }), [
    areaFilter(report.filters.areas, lang),
    ['overview.filter.patientGroup', report.filters.patientGroups.map((g) => names.patientGroups.get(g)?.[lang] ?? g)],
  ], lang);
  const count = (n: number): Cell => (n === 0 ? { text: tr(lang, 'overview.coverage.gap'), value: 0, tone: 'gap' } : n);
  const rows: Cell[][] = report.rows.map((r) => [
    r.patientGroup.name[lang],
    ...report.municipalities.map((m) => count(r.byMunicipality[m.id] ?? 0)),
    count(r.total),
  ]);
  rows.push([
    { text: tr(lang, 'overview.coverage.totalRow'), tone: 'strong' },
    ...report.municipalities.map((m) => count(report.totals.byMunicipality[m.id] ?? 0)),
    { text: String(report.totals.offers), value: report.totals.offers, tone: 'strong' },
  ]);
  const table: Table = {
    columns: [
      { header: tr(lang, 'overview.col.patientGroup') },
      ...report.municipalities.map((m) => ({ header: m.name, align: 'right' as const })),
      { header: tr(lang, 'overview.col.total'), align: 'right' },
    ],
    rows,
    keyColumns: 1,
    compact: true,
    notes: [
      '',
      tr(lang, 'overview.coverage.summary', { gaps: report.totals.gaps, cells: report.rows.length * report.municipalities.length, offers: report.totals.offers }),
      // A gap may be one only because the offers that fill it were left out for errors.
      ...notCounted(['offer'], leftOut, lang),
      tr(lang, 'overview.coverage.legend'),
    ],
  };
  return { heading, tables: [table] };
}
