// criteria-missing-for-kind [warning]: the strategy asks for criteria that cover the running
// (operation) of long-term work, not only development projects. A pool that funds operation needs
// a criterion marked `kinds: [operation]`; a call that grants operation money needs one among the
// criteria its applications are judged by: its own when it has any (scores and decisions name
// those), its pool's only when it has none. A criterion without `kinds` applies to both but marks neither.
import { isGrant, scoredCriteria } from '../../domain/applications.js';
import type { Call, Pool } from '../../domain/kinds.js';
import type { AuditRule, Finding } from '../finding.js';
import { callRounds } from '../grants.js';
import { bySubject, finding, ref } from '../make.js';

const marksOperation = (rec: Pick<Call | Pool, 'criteria'> | undefined): boolean => scoredCriteria(rec ?? {}).some((c) => c.kinds?.includes('operation') === true);

export const rule: AuditRule = {
  id: 'criteria-missing-for-kind',
  severity: 'warning',
  principle: 'long-term',
  title: 'audit.rule.criteria-missing-for-kind.title',
  explanation: 'audit.rule.criteria-missing-for-kind.explain',
  check({ folder }) {
    const out: Finding[] = [];
    for (const pool of folder.records.pool.values()) {
      if (pool.eligible_kinds.includes('operation') && !marksOperation(pool)) out.push(finding(rule, ref('pool', pool.id), [], 'audit.rule.criteria-missing-for-kind.messagePool', {}));
    }
    for (const { call, apps } of callRounds(folder)) {
      const operation = apps.filter((a) => a.kind === 'operation' && isGrant(a.decision?.outcome)).length;
      const pool = call.pool !== undefined ? folder.records.pool.get(call.pool) : undefined;
      const own = (call.criteria ?? []).length > 0;
      if (operation === 0 || marksOperation(own ? call : pool)) continue;
      // The pool's criterion for operation does not judge a call that has criteria of its own: say so, or it reads as a false alarm.
      const key = own && marksOperation(pool) ? 'audit.rule.criteria-missing-for-kind.messageCallOwn' : 'audit.rule.criteria-missing-for-kind.messageCall';
      out.push(finding(rule, ref('call', call.id), pool ? [ref('pool', pool.id)] : [], key, { count: operation }));
    }
    return out.sort(bySubject);
  },
};
