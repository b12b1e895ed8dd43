// The funding overviews as tables. Per pool: a table per pool with a row per year, then the
// pools added up per year; for CSV one flat row per pool-year with amounts and shares in their
// own columns. By organisation: a matrix of organisations × years (CSV: a row per organisation-year).
import { listWords, type Language, type MessageKey } from '../i18n/index.js';
import type { FundingByOrganisationReport, FundingReport, PoolYearEntry } from '../reports/funding.js';
import { formatAmount, formatNumber, formatShare } from '../i18n/format.js';
import { areaFilter, areaName, headingWith, noneShown, notCounted, tr, type Names, type ReportView } from './labels.js';
import type { LeftOutCounts } from '../validate/valid-part.js';
import type { Cell, Table, Tone } from './table.js';
import { shownPartsDiffer, wholeKroner } from './rounded-parts.js';

/** Whole kroner, half up, as every amount shown to people (rounded-parts.ts). */
const round = wholeKroner;
/** Spreadsheets get øre (a line shared by three gives thirds), so their sums match the totals. */
const money = (n: number) => Math.round(n * 100) / 100;
const share4 = (n: number | null) => (n === null ? null : Math.round(n * 10_000) / 10_000);

function amount(n: number, lang: Language, tone?: Tone): Cell {
  return { text: formatAmount(round(n), lang), value: money(n), tone };
}

/** An amount shown as `whole` (its part rounded with the others: rounded-parts.ts), its exact value kept for spreadsheets. */
function shownAmount(whole: number, exact: number, lang: Language, tone?: Tone): Cell {
  return { text: formatAmount(whole, lang), value: money(exact), tone };
}

function amountShare(a: { amount: number; share: number | null }, lang: Language): Cell {
  const text = a.share === null || a.amount === 0 ? formatAmount(round(a.amount), lang) : tr(lang, 'overview.funding.amountShare', { amount: formatAmount(round(a.amount), lang), share: formatShare(a.share, lang) });
  return { text, value: money(a.amount) };
}

function remaining(py: { remaining: number }, lang: Language): Cell {
  if (py.remaining < 0) return { text: tr(lang, 'overview.funding.overcommitted', { amount: formatAmount(round(-py.remaining), lang) }), value: money(py.remaining), tone: 'bad' };
  return amount(py.remaining, lang);
}

function filterHeading(base: string, filters: FundingReport['filters'], names: Names, lang: Language): string {
  return headingWith(base, [
    ['overview.filter.year', filters.years.map(String)],
    ['overview.filter.pool', filters.pools.map((p) => names.pools.get(p) ?? p)],
    areaFilter(filters.areas, lang),
  ], lang);
}

/**
 * The kinds whose records a funding overview counts money from: pools' budgets, agreements' grants,
 * and grants to applications on the pools' calls. One left out for errors leaves its money out.
 */
export const MONEY_KINDS = ['pool', 'agreement', 'call', 'application'] as const;

/**
 * Why a funding overview is empty: the filters when some were given; else that the folder has no
 * pool (and how to make one), or that its pools have no money yet; or, where pools or agreements
 * were left out for errors, that.
 */
function emptyFunding(filters: FundingReport['filters'], names: Names, filtered: MessageKey, unfiltered: MessageKey, leftOut: LeftOutCounts, lang: Language): string {
  if (filters.years.length + filters.pools.length + filters.areas.length > 0) return tr(lang, filtered);
  // Pools or agreements left out for errors may hold the money: said, never "there are no pools".
  if (names.pools.size === 0) return noneShown('pool', leftOut, lang) ?? tr(lang, 'overview.funding.noPools');
  return [tr(lang, unfiltered), ...notCounted(MONEY_KINDS, leftOut, lang)].join(' ');
}

/** `poolsSelected`: how many pools the pool and area filters select, whatever the years (with none, an empty report says no pool matches). */
export function fundingView(report: FundingReport, names: Names, lang: Language, hhiWarning: number, leftOut: LeftOutCounts = {}, poolsSelected = 0): ReportView {
  const heading = filterHeading(tr(lang, 'overview.funding.heading'), report.filters, names, lang);
  const c = (key: Parameters<typeof tr>[1], align?: 'right') => ({ header: tr(lang, key), align });
  const columns = [
    c('overview.col.year'), c('overview.col.budget', 'right'), c('overview.col.allocated', 'right'), c('overview.col.remaining', 'right'),
    c('overview.col.development', 'right'), c('overview.col.operation', 'right'), c('overview.col.recipients', 'right'),
    c('overview.col.largest'), c('overview.col.hhi', 'right'),
  ];
  const row = (py: PoolYearEntry): Cell[] => [
    String(py.year),
    py.budget === null ? { text: tr(lang, 'overview.funding.noBudget'), value: null, tone: 'warn' } : amount(py.budget, lang),
    amount(py.allocated, lang),
    remaining(py, lang),
    amountShare(py.development, lang),
    amountShare(py.operation, lang),
    py.organisations,
    py.largest ? tr(lang, 'overview.funding.amountShare', { amount: py.largest.organisation.name, share: formatShare(py.largest.share, lang) }) : '',
    py.hhi === null ? '' : { text: formatNumber(round(py.hhi), lang), value: round(py.hhi), tone: py.hhi > hhiWarning ? 'warn' : undefined },
  ];
  const byPool = new Map<string, Table>();
  for (const py of report.poolYears) {
    const t = byPool.get(py.pool.id);
    if (t) t.rows.push(row(py));
    else byPool.set(py.pool.id, { title: py.pool.name, columns, rows: [row(py)], keyColumns: 1 });
  }
  const tables = [...byPool.values()];
  if (report.poolYears.length === 0) {
    // Pools chosen, but none of the years: said so, not that no pool matches.
    const text = report.filters.years.length > 0 && poolsSelected > 0
      ? [tr(lang, 'overview.funding.noneInYears', { count: poolsSelected, years: listWords(lang, report.filters.years.map(String)) }), ...notCounted(MONEY_KINDS, leftOut, lang)].join(' ')
      : emptyFunding(report.filters, names, 'overview.funding.none', 'overview.funding.noYears', leftOut, lang);
    tables.push({ columns: [c('overview.col.pool')], rows: [[{ text, tone: 'muted' }]] });
  } else if (byPool.size > 1) {
    tables.push({
      title: tr(lang, 'overview.funding.allYears'),
      columns: columns.slice(0, 6),
      keyColumns: 1,
      rows: report.totals.map((t) => [
        String(t.year), amount(t.budget, lang), amount(t.allocated, lang), remaining(t, lang),
        amountShare({ amount: t.development, share: t.allocated ? t.development / t.allocated : null }, lang),
        amountShare({ amount: t.operation, share: t.allocated ? t.operation / t.allocated : null }, lang),
      ]),
    });
  }
  // Money in files with errors is not in the sums: said beside them, or the budget reads as free.
  const notInSums = report.poolYears.length === 0 ? [] : notCounted(MONEY_KINDS, leftOut, lang);
  tables[tables.length - 1].notes = ['', ...notInSums, tr(lang, 'overview.funding.legend', { hhi: formatNumber(hhiWarning, lang) })];

  const flat = (): Table => ({
    columns: [
      c('overview.col.pool'), c('overview.col.year'), c('overview.col.budget'), c('overview.col.allocated'), c('overview.col.remaining'),
      c('overview.col.overcommitted'), c('overview.col.development'), c('overview.col.developmentShare'), c('overview.col.operation'),
      c('overview.col.operationShare'), c('overview.col.recipients'), c('overview.col.largest'), c('overview.col.largestShare'), c('overview.col.hhi'),
    ],
    rows: report.poolYears.map((py) => [
      py.pool.name, py.year, py.budget, money(py.allocated), money(py.remaining),
      tr(lang, py.overcommitted ? 'overview.yes' : 'overview.no'),
      money(py.development.amount), share4(py.development.share), money(py.operation.amount), share4(py.operation.share),
      py.organisations, py.largest?.organisation.name ?? '', share4(py.largest?.share ?? null), py.hhi === null ? null : round(py.hhi),
    ]),
  });
  return { heading, tables, get csv() { return [flat()]; } };
}

export function fundingByOrganisationView(report: FundingByOrganisationReport, names: Names, lang: Language, leftOut: LeftOutCounts = {}): ReportView {
  const heading = filterHeading(tr(lang, 'overview.fundingByOrg.heading'), report.filters, names, lang);
  const exact = report.organisations.map((o) => report.years.map((y) => o.years.find((x) => x.year === y)?.total ?? 0));
  // Each amount its exact value in whole kroner, half up (rounded-parts.ts): partners of a line
  // shared by three show the same third; a total is its own exact value rounded.
  const cell = (n: number): Cell => (n === 0 ? '' : shownAmount(wholeKroner(n), n, lang));
  const table: Table = {
    columns: [
      { header: tr(lang, 'overview.col.organisation') },
      ...report.years.map((y) => ({ header: String(y), align: 'right' as const })),
      { header: tr(lang, 'overview.col.total'), align: 'right' },
    ],
    rows: report.organisations.map((o, r) => [
      o.organisation.name,
      ...report.years.map((_, c) => cell(exact[r][c])),
      shownAmount(wholeKroner(o.total), o.total, lang),
    ]),
    keyColumns: 1,
    compact: true,
  };
  if (report.organisations.length === 0) {
    table.rows.push([{ text: emptyFunding(report.filters, names, 'overview.fundingByOrg.none', 'overview.fundingByOrg.noneYet', leftOut, lang), tone: 'muted' }, ...report.years.map(() => ''), '']);
  } else {
    table.rows.push([
      { text: tr(lang, 'overview.fundingByOrg.totalRow'), tone: 'strong' },
      ...report.totals.byYear.map((y) => shownAmount(wholeKroner(y.total), y.total, lang, 'strong')),
      shownAmount(wholeKroner(report.totals.total), report.totals.total, lang, 'strong'),
    ]);
  }
  // A total shown beside parts rounded on their own may differ from their sum by a krone: said once.
  const differs = report.organisations.some((o, r) => shownPartsDiffer(exact[r], o.total))
    || report.totals.byYear.some((y, c) => shownPartsDiffer(exact.map((row) => row[c]), y.total))
    || shownPartsDiffer(report.totals.byYear.map((y) => y.total), report.totals.total);
  table.notes = ['', ...(report.organisations.length === 0 ? [] : notCounted(MONEY_KINDS, leftOut, lang)), ...(differs ? [tr(lang, 'overview.fundingByOrg.rounded')] : []), tr(lang, 'overview.fundingByOrg.legend')];
  const flat = (): Table => ({
    columns: [
      { header: tr(lang, 'overview.col.organisation') }, { header: tr(lang, 'overview.col.year') },
      { header: tr(lang, 'overview.col.development') }, { header: tr(lang, 'overview.col.operation') },
      { header: tr(lang, 'overview.col.total') }, { header: tr(lang, 'overview.col.pools') },
    ],
    rows: report.organisations.flatMap((o) => o.years.map((y) => [
      o.organisation.name, y.year, money(y.development), money(y.operation), money(y.total), y.pools.map((p) => names.pools.get(p) ?? p).join(', '),
    ])),
  });
  return { heading, tables: [table], get csv() { return [flat()]; } };
}
