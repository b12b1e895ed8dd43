// agreement-below-grant [warning]: an agreement that carries a grant (domain/allocation.ts: the
// agreement made from it counts the money instead of the decision) but has less from the call's
// pool than was granted, summed over the years. Only the agreement's lines count then, so the rest
// of the grant is counted nowhere: not against the pool's budget, not in the overviews. The years
// are the agreement's to set (a grant paid a year later is the same grant); only the sums are
// compared, and more than was granted is not this rule's. A warning, not an error: either record
// may be the right one (an agreement for less than was granted, a line forgotten), and a person
// must say which; the data is not invalid, and pool-overcommitted still judges what is counted.
// Several grants carried by one agreement are added up and compared with its lines from the pool.
import { carriedGrants } from '../../domain/allocation.js';
import { recordName } from '../../domain/record-name.js';
import type { DataFolder } from '../../domain/folder.js';
import type { Message } from '../../i18n/index.js';
import type { AuditRule, Finding } from '../finding.js';
import { amount, andList, bySubject, finding, push, ref } from '../make.js';

export const rule: AuditRule = {
  id: 'agreement-below-grant',
  severity: 'warning',
  principle: 'published-criteria',
  title: 'audit.rule.agreement-below-grant.title',
  explanation: 'audit.rule.agreement-below-grant.explain',
  check({ folder }) {
    const byCarrier = new Map<string, Array<{ application: string; amount: number }>>();
    for (const g of carriedGrants(folder)) push(byCarrier, `${g.agreement}\n${g.pool}`, g);
    const out: Finding[] = [];
    for (const [at, grants] of byCarrier) {
      const [agreementId, poolId] = at.split('\n');
      const agreement = folder.records.agreement.get(agreementId)!;
      const carried = (agreement.funding ?? []).filter((l) => l.pool === poolId).reduce((sum, l) => sum + l.amount_dkk, 0);
      const granted = grants.reduce((sum, g) => sum + g.amount, 0);
      if (carried >= granted) continue;
      const apps = grants.map((g) => folder.records.application.get(g.application)!);
      const organisations = [...new Set(apps.flatMap((a) => a.organisations))].map((o) => recordName(folder, 'organisation', o) ?? o);
      out.push(finding(rule, ref('agreement', agreementId), [...apps.map((a) => ref('application', a.id)), ref('pool', poolId)], 'audit.rule.agreement-below-grant.message', {
        granted: amount(granted),
        carried: amount(carried),
        missing: amount(granted - carried),
        pool: recordName(folder, 'pool', poolId) ?? poolId,
        poolId,
        organisations: andList(organisations),
        count: apps.length,
        applications: andList(apps.map((a) => applicationName(folder, a.id))),
        agreement: agreementId,
        application: apps[0].id,
      }));
    }
    return out.sort(bySubject);
  },
};

/** An application as a sentence names it: its title in quotation marks, else its id. */
function applicationName(folder: DataFolder, id: string): Message | string {
  const title = recordName(folder, 'application', id);
  return title ? { key: 'audit.fmt.quoted', params: { text: title } } : id;
}
