// Money allocated per pool and year (issue 5): a funding line counts when its agreement is active
// or ended; a line of an agreement with several organisations is shared equally among them.
// The overviews split the same lines in report/allocation.ts; here the pool-year's total is the sum
// of whole line amounts, so comparing it with a budget is never thrown off by a line split in three.
import type { DataFolder } from '../core/folder.js';
import { fundingCounts } from '../core/reach.js';
import { herfindahl } from '../report/allocation.js';

export interface PoolYear {
  pool: string;
  year: number;
  /** Every counted line's amount. */
  total: number;
  byOrganisation: Map<string, number>;
  /** The agreements with counted lines in this pool-year, sorted by id. */
  agreements: string[];
}

const cache = new WeakMap<DataFolder, PoolYear[]>();

/** Every pool-year with counted money, sorted by pool then year. */
export function poolYears(folder: DataFolder): PoolYear[] {
  const cached = cache.get(folder);
  if (cached) return cached;
  const map = new Map<string, PoolYear & { agreementSet: Set<string> }>();
  for (const a of folder.records.agreement.values()) {
    if (!fundingCounts(a)) continue;
    for (const line of a.funding ?? []) {
      const key = `${line.pool}\u0000${line.year}`;
      let py = map.get(key);
      if (!py) {
        py = { pool: line.pool, year: line.year, total: 0, byOrganisation: new Map(), agreements: [], agreementSet: new Set() };
        map.set(key, py);
      }
      py.total += line.amount_dkk;
      const each = line.amount_dkk / a.organisations.length;
      for (const o of a.organisations) py.byOrganisation.set(o, (py.byOrganisation.get(o) ?? 0) + each);
      py.agreementSet.add(a.id);
    }
  }
  const out = [...map.values()].map(({ agreementSet, ...py }) => ({ ...py, agreements: [...agreementSet].sort() }));
  out.sort((x, y) => (x.pool < y.pool ? -1 : x.pool > y.pool ? 1 : x.year - y.year));
  cache.set(folder, out);
  return out;
}

/** The Herfindahl–Hirschman index of the recipients' shares, 0–10,000, rounded to a whole number. */
export function hhi(py: PoolYear): number {
  return Math.round(herfindahl(py.byOrganisation.values()));
}
