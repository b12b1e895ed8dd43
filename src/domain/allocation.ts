// Money allocated: one model of the funding lines that count, one way of splitting a line between
// organisations, and the two ways civsam adds them up. A line counts when its agreement is active
// or ended (reach.ts `fundingCounts`); a line of an agreement with several organisations is shared
// equally among them.
//
// A grant decided through a call (an application granted or partly granted, from a call with a
// pool) is money promised from that pool just as an agreement's line is, and counts as one — unless
// an agreement made from it already counts that money. The agreement then carries it: the one the
// application names (`agreement`), or, where no application names it, an agreement established by
// the same call for the same organisations. Either way that agreement must count and have a line
// from the call's pool; otherwise the decision is what counts (a draft agreement promises nothing
// yet, the decision has). So no krone is counted twice. Where the organisations have one such
// grant and one such agreement in the call, the one was made from the other. Where they have more
// than one of either, which agreement was made from which grant is not known and not guessed (an
// order of ids says nothing about it): those agreements together carry those grants, and the audit
// compares the sums and asks for each application's agreement to be named. What the agreement has from the pool is
// then all that counts of the grant, also where it has less (a year left out): the audit's
// agreement-below-grant says so. A grant for several years is split equally, in whole kroner,
// between them; one that names no year is money for its call's year (applications.ts `callYear`,
// the year `call ranking` holds the call against); a full grant without an amount is the amount applied for.
//
// The two sums differ on purpose:
// - `allocationShares` gives every organisation's exact part of every line. The overviews and the
//   public site add these parts up, and keep their totals to the øre (a line of 998 shared by six
//   must not come back as 998.0000000000001 and look overcommitted); `org show` and the open
//   data's grants give each part of a line in whole kroner that add up to the line (`wholeShares`),
//   so what a recipient's grants add up to differs from its exact sum by less than a krone for
//   each shared line.
// - `poolYearTotals` gives, per pool and year, the sum of the whole line amounts, which the audit
//   compares with the budget, so a line split in three never throws that comparison off; each
//   organisation's part there comes from the same split.
// Pure; amounts are whole kroner in, exact numbers out; renderers round.
import type { DataFolder } from './folder.js';
import type { Agreement, Application } from './kinds.js';
import { fundingCounts } from './reach.js';
import { grantedAmount, grantYears } from './applications.js';

export type FundingKind = 'development' | 'operation';

/**
 * A funding line that counts as allocated, with the organisations it goes to: an agreement's line
 * (`agreement` set) or a grant decided on an application (`application` set), never both.
 */
export interface CountedLine {
  agreement?: string;
  application?: string;
  organisations: readonly string[];
  pool: string;
  year: number;
  kind: FundingKind;
  amount: number;
}

/** One organisation's part of one counted funding line (from an agreement or from an application, as the line). */
export interface AllocationShare {
  agreement?: string;
  application?: string;
  pool: string;
  year: number;
  kind: FundingKind;
  organisation: string;
  amount: number;
}

/**
 * Every counted funding line: the agreements' in agreement-id order (each agreement's own order of
 * lines), then the grants decided on applications in application-id order (each by year).
 */
export function countedLines(folder: DataFolder): CountedLine[] {
  const out: CountedLine[] = [];
  for (const a of agreementsById(folder)) {
    if (!fundingCounts(a)) continue;
    for (const line of a.funding ?? []) {
      out.push({ agreement: a.id, organisations: a.organisations, pool: line.pool, year: line.year, kind: line.kind, amount: line.amount_dkk });
    }
  }
  out.push(...grantLines(folder));
  return out;
}

/** A grant an agreement carries (see the top of this file): counted through the agreement's own lines, not the decision. */
export interface CarriedGrant {
  application: string;
  agreement: string;
  /**
   * Where the pairing is not known (no application names its agreement, and the organisations have
   * more than one grant or agreement in the call): every agreement that together carries the
   * grants, `agreement` the first of them, in id order.
   */
  together?: string[];
  /** The call's pool, the grant's money. */
  pool: string;
  /** The amount granted, whole kroner (the amount applied for, for a full grant without one). */
  amount: number;
}

interface Grants {
  lines: CountedLine[];
  carried: CarriedGrant[];
}

const grantCache = new WeakMap<DataFolder, Grants>();

/**
 * The grants decided on applications that count as money from a pool (see the top of this file),
 * one line per year, in application-id order.
 */
export function grantLines(folder: DataFolder): CountedLine[] {
  return grants(folder).lines;
}

/**
 * The grants that agreements made from them carry, in application-id order: each is counted
 * through its agreement's lines only, so what the agreement has from the pool is all that counts
 * of it (the audit's agreement-below-grant compares the two).
 */
export function carriedGrants(folder: DataFolder): CarriedGrant[] {
  return grants(folder).carried;
}

function grants(folder: DataFolder): Grants {
  const cached = grantCache.get(folder);
  if (cached) return cached;
  const apps = [...folder.records.application.values()].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  const out: Grants = { lines: [], carried: [] };
  const decided: Array<{ app: Application; amount: number; pool: string }> = [];
  for (const app of apps) {
    const amount = grantedAmount(app);
    const call = folder.records.call.get(app.call);
    if (amount !== undefined && call?.pool) decided.push({ app, amount, pool: call.pool });
  }
  // The grants that name no agreement, by call and organisations: whether there is one says whether the pairing is known.
  const unnamedGrants = new Map<string, number>();
  for (const { app } of decided) {
    const key = groupKey(app.call, app.organisations);
    if (app.agreement === undefined) unnamedGrants.set(key, (unnamedGrants.get(key) ?? 0) + 1);
  }
  const unnamed = unnamedCarriers(folder, apps);
  for (const { app, amount, pool } of decided) {
    const carriers = carriersOf(folder, app, pool, unnamed);
    if (carriers.length > 0) {
      const known = carriers.length === 1 && (app.agreement !== undefined || unnamedGrants.get(groupKey(app.call, app.organisations)) === 1);
      out.carried.push({ application: app.id, agreement: carriers[0].id, ...(known ? {} : { together: carriers.map((a) => a.id) }), pool, amount });
      continue;
    }
    const years = grantYears(folder, app);
    const parts = wholeParts(amount, years.length);
    years.forEach((year, i) => out.lines.push({ application: app.id, organisations: app.organisations, pool, year, kind: app.kind, amount: parts[i] }));
  }
  grantCache.set(folder, out);
  return out;
}

/** A call and a set of organisations, as one key. */
const groupKey = (call: string, organisations: readonly string[]): string => `${call}\n${[...new Set(organisations)].sort().join('\n')}`;

/** Whether an agreement counts and has money from the pool: then it, not a decision, says what was given. */
const carriesPool = (a: Agreement | undefined, pool: string): a is Agreement => a !== undefined && fundingCounts(a) && (a.funding ?? []).some((l) => l.pool === pool);

/** The agreements established by a call that no application names as its own, by call and organisations, each list in id order. */
function unnamedCarriers(folder: DataFolder, apps: readonly Application[]): Map<string, Agreement[]> {
  const named = new Set(apps.map((a) => a.agreement).filter((id) => id !== undefined));
  const out = new Map<string, Agreement[]>();
  for (const a of agreementsById(folder)) {
    const call = a.established_by?.call;
    if (call === undefined || named.has(a.id)) continue;
    const key = groupKey(call, a.organisations);
    const list = out.get(key);
    if (list) list.push(a);
    else out.set(key, [a]);
  }
  return out;
}

/**
 * The agreements that already count the application's grant (see the top of this file): the one
 * it names, or every agreement the call established for the same organisations that no
 * application names; none when none of them counts money from the pool.
 */
function carriersOf(folder: DataFolder, app: Application, pool: string, unnamed: Map<string, Agreement[]>): Agreement[] {
  if (app.agreement !== undefined) {
    const named = folder.records.agreement.get(app.agreement);
    return carriesPool(named, pool) ? [named] : [];
  }
  return (unnamed.get(groupKey(app.call, app.organisations)) ?? []).filter((a) => carriesPool(a, pool));
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

/**
 * Whole kroner split into `count` equal parts that add up to it: the first parts take the kroner
 * left over (100.000 in three: 33.334, 33.333, 33.333). For data whose grants must add up to the
 * line exactly (the 360Giving export); what people are shown is each exact part rounded on its
 * own (output/rounded-parts.ts `wholeKroner`), the same for every partner.
 */
export function wholeParts(amount: number, count: number): number[] {
  const each = Math.floor(amount / count);
  const over = amount - each * count;
  return Array.from({ length: count }, (_, i) => each + (i < over ? 1 : 0));
}

/**
 * A line's organisations' equal parts in whole kroner that add up to the line (`wholeParts`, in
 * the line's order of organisations): what the 360Giving grants give each.
 */
export function wholeShares(line: CountedLine): { organisation: string; amount: number }[] {
  const parts = wholeParts(line.amount, line.organisations.length);
  return line.organisations.map((organisation, i) => ({ organisation, amount: parts[i] }));
}

/** A line split into its organisations' equal parts. */
export function splitLine(line: CountedLine): AllocationShare[] {
  const each = line.amount / line.organisations.length;
  // Made field by field (not spread): tens of thousands of these at a national register's size.
  const out: AllocationShare[] = [];
  for (const organisation of line.organisations) {
    out.push(line.agreement !== undefined
      ? { agreement: line.agreement, pool: line.pool, year: line.year, kind: line.kind, organisation, amount: each }
      : { application: line.application, pool: line.pool, year: line.year, kind: line.kind, organisation, amount: each });
  }
  return out;
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
  /** The applications whose grants count in this pool-year (not through an agreement), sorted by id. */
  applications: string[];
}

const poolYearCache = new WeakMap<DataFolder, PoolYear[]>();

/** Every pool-year with counted money, sorted by pool then year: the whole lines' total and each organisation's part. */
export function poolYearTotals(folder: DataFolder): PoolYear[] {
  const cached = poolYearCache.get(folder);
  if (cached) return cached;
  // The same sums as over countedLines and splitLine, in the same order, without an object per line and part.
  const map = new Map<string, Map<number, PoolYear>>();
  const all: PoolYear[] = [];
  const poolYear = (pool: string, year: number): PoolYear => {
    let years = map.get(pool);
    if (!years) map.set(pool, (years = new Map()));
    let py = years.get(year);
    if (!py) {
      years.set(year, (py = { pool, year, total: 0, byOrganisation: new Map(), agreements: [], applications: [] }));
      all.push(py);
    }
    return py;
  };
  const add = (py: PoolYear, amount: number, orgs: readonly string[]) => {
    py.total += amount;
    const each = amount / orgs.length;
    for (const o of orgs) py.byOrganisation.set(o, (py.byOrganisation.get(o) ?? 0) + each);
  };
  for (const a of agreementsById(folder)) {
    if (!fundingCounts(a)) continue;
    for (const line of a.funding ?? []) {
      const py = poolYear(line.pool, line.year);
      add(py, line.amount_dkk, a.organisations);
      // Lines come in agreement-id order, so the list stays sorted and each agreement is added once.
      if (py.agreements[py.agreements.length - 1] !== a.id) py.agreements.push(a.id);
    }
  }
  for (const line of grantLines(folder)) {
    const py = poolYear(line.pool, line.year);
    add(py, line.amount, line.organisations);
    // In application-id order, one line per year: each application is added once.
    py.applications.push(line.application!);
  }
  const out = all.sort((x, y) => (x.pool < y.pool ? -1 : x.pool > y.pool ? 1 : x.year - y.year));
  poolYearCache.set(folder, out);
  return out;
}

/** A pool-year promised more than its budget: by how much, and the budget it is held to. */
export interface PoolYearExcess {
  poolYear: PoolYear;
  /** The year's budget entries added up; 0 where the year has none. */
  budget: number;
  /** Whether the pool has a budget entry for the year at all (a year without one is said so, not as 0 kr.). */
  budgeted: boolean;
  /** How much more is promised than the budget: always more than 0. */
  over: number;
}

/**
 * Every pool-year of a pool in the folder whose counted money exceeds its budget, in poolYearTotals'
 * order: the one sum the audit's pool-overcommitted and the note after a change both judge by.
 */
export function poolYearExcesses(folder: DataFolder): PoolYearExcess[] {
  const out: PoolYearExcess[] = [];
  for (const py of poolYearTotals(folder)) {
    const pool = folder.records.pool.get(py.pool);
    if (!pool) continue;
    const budgets = pool.budgets.filter((b) => b.year === py.year);
    const budget = budgets.reduce((sum, b) => sum + b.amount_dkk, 0);
    if (py.total > budget) out.push({ poolYear: py, budget, budgeted: budgets.length > 0, over: py.total - budget });
  }
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
