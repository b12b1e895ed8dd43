// The overviews as spreadsheets: each overview's report built with the same filters the
// `civsam overview` commands take, its spreadsheet tables (the flat CSV view where it has one)
// turned into sheets. Loaded only by `civsam export overview-…`.
import type { CommandContext } from '../../context/context.js';
import { loadValidFolder } from '../../context/load.js';
import { asOfDate, coverageFilter, expiringFilter, fundingFilter, offersFilter, withinDays, type OverviewFilters } from '../../context/overview-options.js';
import { UserError } from '../../domain/errors.js';
import { yearOption } from '../../domain/whole-numbers.js';
import { coverageView } from '../../output/coverage.js';
import { expiringView } from '../../output/expiring.js';
import { fundingByOrganisationView, fundingView } from '../../output/funding.js';
import { namesOf, type ReportView } from '../../output/labels.js';
import { offersView } from '../../output/offers.js';
import type { Cell, Table } from '../../output/table.js';
import { buildCoverageReport } from '../../reports/coverage.js';
import { buildExpiringReport } from '../../reports/expiring.js';
import { buildFundingByOrganisationReport, buildFundingReport } from '../../reports/funding.js';
import { buildOffersReport } from '../../reports/offers.js';
import { safeSheetName } from './files.js';
import type { SheetData } from './records.js';

export const OVERVIEWS = ['offers', 'coverage', 'funding', 'expiring'] as const;
export type OverviewName = (typeof OVERVIEWS)[number];

export interface OverviewOptions extends OverviewFilters {
  asOf?: string;
  year?: string[];
  by?: string;
}

/** Which filters each overview takes (the same as its `civsam overview` command). */
const FILTERS: Record<OverviewName, ReadonlyArray<keyof OverviewOptions>> = {
  offers: ['area', 'patientGroup', 'municipality', 'organisation', 'type'],
  coverage: ['area', 'patientGroup'],
  funding: ['area', 'pool', 'year', 'by'],
  expiring: ['area', 'organisation', 'within'],
};
const FLAG: Record<string, string> = { area: '--area', patientGroup: '--patient-group', municipality: '--municipality', organisation: '--organisation', type: '--type', pool: '--pool', year: '--year', by: '--by', within: '--within' };

export function overviewView(ctx: CommandContext, name: OverviewName, opts: OverviewOptions): ReportView {
  for (const [k, flag] of Object.entries(FLAG)) {
    if (opts[k as keyof OverviewOptions] !== undefined && !FILTERS[name].includes(k as keyof OverviewOptions)) {
      throw new UserError('export.overviewOption', { option: flag, overview: name, options: FILTERS[name].map((f) => FLAG[f]).join(', ') });
    }
  }
  const asOf = asOfDate(ctx, opts.asOf);
  const folder = loadValidFolder(ctx);
  const names = namesOf(folder);
  switch (name) {
    case 'offers':
      return offersView(buildOffersReport(folder, asOf, offersFilter(ctx, folder, opts)), names, ctx.lang);
    case 'coverage':
      return coverageView(buildCoverageReport(folder, asOf, coverageFilter(ctx, folder, opts)), names, ctx.lang);
    case 'funding': {
      const years = (opts.year ?? []).map((v) => yearOption(v, '--year'));
      if (opts.by !== undefined && opts.by !== 'pool' && opts.by !== 'organisation') throw new UserError('export.byUnknown');
      const filter = fundingFilter(ctx, folder, opts, years);
      return opts.by === 'organisation'
        ? fundingByOrganisationView(buildFundingByOrganisationReport(folder, asOf, filter), names, ctx.lang)
        : fundingView(buildFundingReport(folder, asOf, filter), names, ctx.lang, folder.policy.hhi_warning);
    }
    case 'expiring': {
      const within = withinDays(opts.within) ?? folder.policy.expiring_days;
      return expiringView(buildExpiringReport(folder, asOf, within, expiringFilter(ctx, folder, opts)), names, ctx.lang);
    }
  }
}

/** The view's spreadsheet tables as sheets, one per table, numbers kept as numbers. */
export function viewSheets(view: ReportView, fallbackName: string): { tables: Table[]; sheets: SheetData[] } {
  const tables = view.csv ?? view.tables;
  const used = new Set<string>();
  const sheets = tables.map((t, i) => {
    let name = safeSheetName(t.title ?? (tables.length === 1 ? fallbackName : `${fallbackName} ${i + 1}`));
    for (let n = 2; used.has(name); n++) name = `${name.slice(0, 27)} (${n})`;
    used.add(name);
    return {
      name,
      headers: t.columns.map((c) => c.header),
      rows: t.rows.map((r) => r.map(spreadsheetValue)),
    };
  });
  return { tables, sheets };
}

/** What a spreadsheet gets for a cell: a styled cell's value (the number behind `1.250.000 kr.`), else its text. */
function spreadsheetValue(c: Cell): string | number {
  if (c === null || c === undefined) return '';
  if (typeof c === 'object') return c.value === undefined ? c.text : c.value === null ? '' : c.value;
  return c;
}
