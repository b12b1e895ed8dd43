// `civsam overview funding`: per pool and year, the budget, what is allocated (core/allocation.ts:
// active or ended agreements, a shared line split equally), what remains, the split between
// development projects and running costs, and how concentrated the recipients are. `--by
// organisation` gives each organisation's total per year across pools instead.
import type { DataFolder } from '../domain/folder.js';
import type { Area } from '../domain/kinds.js';
import { countedLines, herfindahl, splitLine, type AllocationShare, type FundingKind } from '../domain/allocation.js';

export interface FundingFilter {
  years?: readonly number[];
  pools?: readonly string[];
  /** Pools that serve at least one of these areas. */
  areas?: readonly Area[];
}

export interface Named { id: string; name: string }

export interface PoolYearEntry {
  pool: Named;
  year: number;
  /** The pool's budget for the year; null when the pool has none that year. */
  budget: number | null;
  allocated: number;
  /** Budget (0 when none) minus allocated; negative when overcommitted. */
  remaining: number;
  overcommitted: boolean;
  /** Amounts by kind; `share` is the part of `allocated` (null when nothing is allocated). */
  development: { amount: number; share: number | null };
  operation: { amount: number; share: number | null };
  /** Organisations that received money. */
  organisations: number;
  /** The organisation that received most, its amount and share of `allocated` (null when none). */
  largest: { organisation: Named; amount: number; share: number } | null;
  /** Herfindahl–Hirschman index of the recipients' shares, 0–10,000, unrounded (null when nothing is allocated). */
  hhi: number | null;
}

export interface YearTotal {
  year: number;
  budget: number;
  allocated: number;
  remaining: number;
  development: number;
  operation: number;
}

export interface FundingReport {
  report: 'funding';
  asOf: string;
  filters: { years: number[]; pools: string[]; areas: Area[] };
  /** Every year a selected pool has a budget or allocated money, by pool (name order) then year. */
  poolYears: PoolYearEntry[];
  /** The selected pools added up per year. */
  totals: YearTotal[];
}

export interface OrganisationFunding {
  organisation: Named;
  /** Years with money, ascending. */
  years: Array<{ year: number; development: number; operation: number; total: number; pools: string[] }>;
  total: number;
}

export interface FundingByOrganisationReport {
  report: 'funding-by-organisation';
  asOf: string;
  filters: { years: number[]; pools: string[]; areas: Area[] };
  /** The years shown (the matrix's columns), ascending. */
  years: number[];
  /** Organisations that received money, largest total first (then by name). */
  organisations: OrganisationFunding[];
  totals: { byYear: Array<{ year: number; total: number }>; total: number };
}

const collator = new Intl.Collator('da', { sensitivity: 'base', numeric: true });

/** The pools the pool and area filters select, whatever the years, in name order. */
export function selectedPools(folder: DataFolder, filter: FundingFilter) {
  return [...folder.records.pool.values()]
    .filter((p) => (!filter.pools?.length || filter.pools.includes(p.id)) && (!filter.areas?.length || p.areas.some((a) => filter.areas!.includes(a))))
    .sort((a, b) => collator.compare(a.name, b.name) || collator.compare(a.id, b.id));
}

function filtersOf(filter: FundingFilter) {
  return { years: [...(filter.years ?? [])], pools: [...(filter.pools ?? [])], areas: [...(filter.areas ?? [])] };
}

function sharesIn(folder: DataFolder, filter: FundingFilter): { pools: ReturnType<typeof selectedPools>; shares: AllocationShare[] } {
  const pools = selectedPools(folder, filter);
  const poolIds = new Set(pools.map((p) => p.id));
  const years = filter.years?.length ? new Set(filter.years) : undefined;
  // Lines outside the selection are left out before they are split, not after.
  const shares: AllocationShare[] = [];
  for (const line of countedLines(folder)) if (poolIds.has(line.pool) && (!years || years.has(line.year))) for (const s of splitLine(line)) shares.push(s);
  return { pools, shares };
}

const toOere = (amount: number): number => Math.round(amount * 100) / 100;

const orgName = (folder: DataFolder, id: string): Named => ({ id, name: folder.records.organisation.get(id)?.name ?? id });

export function buildFundingReport(folder: DataFolder, asOf: string, filter: FundingFilter = {}): FundingReport {
  const { pools, shares } = sharesIn(folder, filter);
  const years = filter.years?.length ? new Set(filter.years) : undefined;
  const byPoolYear = new Map<string, AllocationShare[]>();
  const yearsOfPool = new Map<string, Set<number>>();
  for (const s of shares) {
    const ys = yearsOfPool.get(s.pool);
    if (ys) ys.add(s.year);
    else yearsOfPool.set(s.pool, new Set([s.year]));
    const key = `${s.pool}\u0000${s.year}`;
    const list = byPoolYear.get(key);
    if (list) list.push(s);
    else byPoolYear.set(key, [s]);
  }
  const poolYears: PoolYearEntry[] = [];
  for (const pool of pools) {
    const budgets = new Map<number, number>();
    for (const b of pool.budgets) budgets.set(b.year, (budgets.get(b.year) ?? 0) + b.amount_dkk);
    const allYears = new Set([...budgets.keys(), ...(yearsOfPool.get(pool.id) ?? [])]);
    for (const year of [...allYears].filter((y) => !years || years.has(y)).sort((a, b) => a - b)) {
      const list = byPoolYear.get(`${pool.id}\u0000${year}`) ?? [];
      const byKind: Record<FundingKind, number> = { development: 0, operation: 0 };
      const byOrganisation = new Map<string, number>();
      for (const s of list) {
        byKind[s.kind] += s.amount;
        byOrganisation.set(s.organisation, (byOrganisation.get(s.organisation) ?? 0) + s.amount);
      }
      // Split shares summed back drift by a rounding error (998 shared by 6 gave 998.0000000000001,
      // 'overcommitted'); the lines themselves are whole kroner, so the sums are kept to the øre.
      byKind.development = toOere(byKind.development);
      byKind.operation = toOere(byKind.operation);
      const allocated = toOere(byKind.development + byKind.operation);
      const budget = budgets.get(year) ?? null;
      const remaining = (budget ?? 0) - allocated;
      // The largest recipient; a name is looked up only for an amount that may win (ties go to the first name).
      let top: { id: string; name: string; amount: number } | undefined;
      for (const [id, amount] of byOrganisation) {
        if (top && !(amount >= top.amount)) continue;
        const name = folder.records.organisation.get(id)?.name ?? id;
        if (!top || amount > top.amount || collator.compare(name, top.name) < 0) top = { id, name, amount };
      }
      const largest: PoolYearEntry['largest'] = top ? { organisation: { id: top.id, name: top.name }, amount: top.amount, share: top.amount / allocated } : null;
      poolYears.push({
        pool: { id: pool.id, name: pool.name },
        year,
        budget,
        allocated,
        remaining,
        overcommitted: remaining < 0,
        development: { amount: byKind.development, share: allocated > 0 ? byKind.development / allocated : null },
        operation: { amount: byKind.operation, share: allocated > 0 ? byKind.operation / allocated : null },
        organisations: byOrganisation.size,
        largest,
        hhi: allocated > 0 ? herfindahl(byOrganisation.values()) : null,
      });
    }
  }
  const totals = new Map<number, YearTotal>();
  for (const py of poolYears) {
    const t = totals.get(py.year) ?? { year: py.year, budget: 0, allocated: 0, remaining: 0, development: 0, operation: 0 };
    t.budget += py.budget ?? 0;
    t.allocated += py.allocated;
    t.remaining += py.remaining;
    t.development += py.development.amount;
    t.operation += py.operation.amount;
    totals.set(py.year, t);
  }
  return { report: 'funding', asOf, filters: filtersOf(filter), poolYears, totals: [...totals.values()].sort((a, b) => a.year - b.year) };
}

export function buildFundingByOrganisationReport(folder: DataFolder, asOf: string, filter: FundingFilter = {}): FundingByOrganisationReport {
  const { shares } = sharesIn(folder, filter);
  const byOrganisation = new Map<string, Map<number, { development: number; operation: number; pools: Set<string> }>>();
  for (const s of shares) {
    let years = byOrganisation.get(s.organisation);
    if (!years) byOrganisation.set(s.organisation, (years = new Map()));
    let y = years.get(s.year);
    if (!y) years.set(s.year, (y = { development: 0, operation: 0, pools: new Set() }));
    y[s.kind] += s.amount;
    y.pools.add(s.pool);
  }
  const yearTotals = new Map<number, number>();
  const organisations: OrganisationFunding[] = [...byOrganisation].map(([id, years]) => {
    const list = [...years].sort(([a], [b]) => a - b).map(([year, y]) => {
      const total = y.development + y.operation;
      yearTotals.set(year, (yearTotals.get(year) ?? 0) + total);
      return { year, development: y.development, operation: y.operation, total, pools: [...y.pools].sort() };
    });
    return { organisation: orgName(folder, id), years: list, total: list.reduce((a, y) => a + y.total, 0) };
  });
  organisations.sort((a, b) => b.total - a.total || collator.compare(a.organisation.name, b.organisation.name) || collator.compare(a.organisation.id, b.organisation.id));
  const years = [...new Set([...(filter.years ?? []), ...yearTotals.keys()])].sort((a, b) => a - b);
  const byYear = years.map((year) => ({ year, total: yearTotals.get(year) ?? 0 }));
  return {
    report: 'funding-by-organisation',
    asOf,
    filters: filtersOf(filter),
    years,
    organisations,
    totals: { byYear, total: byYear.reduce((a, y) => a + y.total, 0) },
  };
}
