// Money allocated: one model of the funding lines that count, one way of splitting a line between
// organisations, and the two ways civsam adds them up. A line counts when its agreement is active
// or ended (reach.ts `fundingCounts`); a line of an agreement with several organisations is shared
// equally among them.
//
// The two sums differ on purpose:
// - `allocationShares` gives every organisation's exact part of every line. The overviews, the public
//   site and `org show` add these parts up, and keep their totals to the øre (a line of 998 shared
//   by six must not come back as 998.0000000000001 and look overcommitted).
// - `poolYearTotals` gives, per pool and year, the sum of the whole line amounts, which the audit
//   compares with the budget, so a line split in three never throws that comparison off; each
//   organisation's part there comes from the same split.
// Pure; amounts are whole kroner in, exact numbers out; renderers round.
import type { DataFolder } from './folder.js';
import type { Agreement } from './kinds.js';
import { fundingCounts } from './reach.js';

export type FundingKind = 'development' | 'operation';

/** A funding line that counts as allocated, with the organisations of its agreement. */
export interface CountedLine {
  agreement: string;
  organisations: readonly string[];
  pool: string;
  year: number;
  kind: FundingKind;
  amount: number;
}

/** One organisation's part of one counted funding line. */
export interface AllocationShare {
  agreement: string;
  pool: string;
  year: number;
  kind: FundingKind;
  organisation: string;
  amount: number;
}

/** Every counted funding line, in agreement-id order and each agreement's own order of lines. */
export function countedLines(folder: DataFolder): CountedLine[] {
  const out: CountedLine[] = [];
  for (const a of agreementsById(folder)) {
    if (!fundingCounts(a)) continue;
    for (const line of a.funding ?? []) {
      out.push({ agreement: a.id, organisations: a.organisations, pool: line.pool, year: line.year, kind: line.kind, amount: line.amount_dkk });
    }
  }
  return out;
}

/**
 * The agreements in id order. A folder is listed in file-name order, so they mostly come sorted
 * already: then they are taken as they come, else sorted (as `sort()` orders ids).
 */
function agreementsById(folder: DataFolder): Agreement[] {
  const all = [...folder.records.agreement.values()];
  for (let i = 1; i < all.length; i++) {
    if (all[i - 1].id > all[i].id) return all.sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  }
  return all;
}

/** A line split into its organisations' equal parts. */
export function splitLine(line: CountedLine): AllocationShare[] {
  const each = line.amount / line.organisations.length;
  return line.organisations.map((organisation) => ({ agreement: line.agreement, pool: line.pool, year: line.year, kind: line.kind, organisation, amount: each }));
}

/** Every counted funding line split into the organisations' equal parts, in agreement-id order. */
export function allocationShares(folder: DataFolder): AllocationShare[] {
  return countedLines(folder).flatMap(splitLine);
}

export interface PoolYear {
  pool: string;
  year: number;
  /** The sum of every counted line's whole amount. */
  total: number;
  /** Each organisation's parts of the lines, added up. */
  byOrganisation: Map<string, number>;
  /** The agreements with counted lines in this pool-year, sorted by id. */
  agreements: string[];
}

const poolYearCache = new WeakMap<DataFolder, PoolYear[]>();

/** Every pool-year with counted money, sorted by pool then year: the whole lines' total and each organisation's part. */
export function poolYearTotals(folder: DataFolder): PoolYear[] {
  const cached = poolYearCache.get(folder);
  if (cached) return cached;
  // The same sums as over countedLines and splitLine, in the same order, without an object per line and part.
  const map = new Map<string, Map<number, PoolYear>>();
  const all: PoolYear[] = [];
  for (const a of agreementsById(folder)) {
    if (!fundingCounts(a)) continue;
    const orgs = a.organisations;
    for (const line of a.funding ?? []) {
      let years = map.get(line.pool);
      if (!years) map.set(line.pool, (years = new Map()));
      let py = years.get(line.year);
      if (!py) {
        years.set(line.year, (py = { pool: line.pool, year: line.year, total: 0, byOrganisation: new Map(), agreements: [] }));
        all.push(py);
      }
      py.total += line.amount_dkk;
      const each = line.amount_dkk / orgs.length;
      for (const o of orgs) py.byOrganisation.set(o, (py.byOrganisation.get(o) ?? 0) + each);
      // Lines come in agreement-id order, so the list stays sorted and each agreement is added once.
      if (py.agreements[py.agreements.length - 1] !== a.id) py.agreements.push(a.id);
    }
  }
  const out = all.sort((x, y) => (x.pool < y.pool ? -1 : x.pool > y.pool ? 1 : x.year - y.year));
  poolYearCache.set(folder, out);
  return out;
}

/** The Herfindahl–Hirschman index (0–10,000) of amounts' shares of their sum; 0 when nothing was given. */
export function herfindahl(amounts: Iterable<number>): number {
  const list = [...amounts];
  const total = list.reduce((a, b) => a + b, 0);
  if (total <= 0) return 0;
  return list.reduce((sum, x) => sum + (100 * x / total) ** 2, 0);
}

/** A pool-year's Herfindahl–Hirschman index of the recipients' parts, rounded to a whole number. */
export function hhi(py: PoolYear): number {
  return Math.round(herfindahl(py.byOrganisation.values()));
}
