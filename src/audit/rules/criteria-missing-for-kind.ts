// criteria-missing-for-kind [warning]: the strategy asks for criteria that cover the running
// (operation) of long-term work, not only development projects. A pool that funds operation needs
// a criterion marked `kinds: [operation]`; a call that grants operation money needs one among its
// own or its pool's criteria. A criterion without `kinds` applies to both but marks neither.
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
      if (operation === 0 || marksOperation(call) || marksOperation(pool)) continue;
      out.push(finding(rule, ref('call', call.id), pool ? [ref('pool', pool.id)] : [], 'audit.rule.criteria-missing-for-kind.messageCall', { count: operation }));
    }
    return out.sort(bySubject);
  },
};
