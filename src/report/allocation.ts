// Money allocated, as the audit issue defines it: a funding line counts when its agreement is
// active or ended (core/reach.ts `fundingCounts`); a line of an agreement with several
// organisations is shared equally among them. Amounts are kept exact (a shared line may give a
// fraction of a krone); renderers round.
import type { DataFolder } from '../core/folder.js';
import { fundingCounts } from '../core/reach.js';

export type FundingKind = 'development' | 'operation';

/** One organisation's part of one counted funding line. */
export interface AllocationShare {
  agreement: string;
  pool: string;
  year: number;
  kind: FundingKind;
  organisation: string;
  amount: number;
}

/** Every counted funding line split into the organisations' equal parts, in agreement-id order. */
export function allocationShares(folder: DataFolder): AllocationShare[] {
  const out: AllocationShare[] = [];
  const ids = [...folder.records.agreement.keys()].sort();
  for (const id of ids) {
    const a = folder.records.agreement.get(id)!;
    if (!fundingCounts(a)) continue;
    for (const line of a.funding ?? []) {
      const each = line.amount_dkk / a.organisations.length;
      for (const organisation of a.organisations) out.push({ agreement: a.id, pool: line.pool, year: line.year, kind: line.kind, organisation, amount: each });
    }
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
