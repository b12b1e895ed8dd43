// What a change does to the pools' budgets: agreements' funding lines, pools' budgets or
// applications' grants, added, changed or removed, that leave a pool-year promised more than its
// budget. The audit's own rule (pool-overcommitted) is run on the folder as it was and as the
// change leaves it; a finding the folder did not have before is said once the change is written
// (or after a dry run's diff, as what it would do): where the promise is made, not first in the audit.
import { rule } from '../audit/rules/pool-overcommitted.js';
import { poolYearExcesses } from '../domain/allocation.js';
import type { DataFolder } from '../domain/folder.js';
import type { RecordKind } from '../domain/kinds.js';
import { recordName } from '../domain/record-name.js';
import type { Message } from '../i18n/index.js';

/** The kinds whose records hold money promised from a pool, or a pool's budget. */
const HOLDS_MONEY: ReadonlySet<RecordKind> = new Set<RecordKind>(['agreement', 'pool', 'application']);

/**
 * The notes for the pool-years that the changed records (`record` null: removed) leave
 * overcommitted and that were not so before, or not by as much.
 */
export function overcommittedByChange(folder: DataFolder, changes: ReadonlyArray<{ kind: RecordKind; id: string; record: Record<string, unknown> | null }>, asOf: string, dryRun: boolean): Message[] {
  const money = changes.filter((c) => HOLDS_MONEY.has(c.kind));
  if (money.length === 0) return [];
  const records = { ...folder.records } as Record<RecordKind, Map<string, unknown>>;
  for (const c of money) {
    if (records[c.kind] === folder.records[c.kind]) records[c.kind] = new Map(folder.records[c.kind] as Map<string, unknown>);
    if (c.record) records[c.kind].set(c.id, c.record);
    else records[c.kind].delete(c.id);
  }
  const changed = { ...folder, records } as DataFolder;
  // Said when the change makes a pool-year's excess larger (a new one, or more promised, or a lower
  // budget); a change that lessens an excess, or leaves it as it was, says nothing here.
  const before = excesses(folder);
  const after = excesses(changed);
  return rule.check({ folder: changed, asOf })
    .filter((f) => (after.get(`${f.subject.id}\n${String(f.message.params?.year)}`) ?? 0) > (before.get(`${f.subject.id}\n${String(f.message.params?.year)}`) ?? 0))
    .map((f) => ({ key: dryRun ? 'register.wouldOvercommit' : 'register.overcommitted', params: { pool: recordName(changed, 'pool', f.subject.id) ?? f.subject.id, finding: f.message } }));
}

/** By pool and year: how much more is promised than the year's budget (the audit's own sums). */
function excesses(folder: DataFolder): Map<string, number> {
  return new Map(poolYearExcesses(folder).map((e) => [`${e.poolYear.pool}\n${e.poolYear.year}`, e.over]));
}
