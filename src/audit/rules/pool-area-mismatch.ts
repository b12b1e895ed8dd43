// pool-area-mismatch [error]: an agreement funded by a pool none of whose areas it shares
//. One finding per agreement and pool. An agreement that names no areas has its
// organisations' areas; cancelled agreements are not judged.
import type { AuditRule, Finding } from '../finding.js';
import { bySubject, finding, nameOf, ref } from '../make.js';
import { agreementAreas } from '../../domain/reach.js';

export const rule: AuditRule = {
  id: 'pool-area-mismatch',
  severity: 'error',
  principle: 'published-criteria',
  title: 'audit.rule.pool-area-mismatch.title',
  explanation: 'audit.rule.pool-area-mismatch.explain',
  check({ folder }) {
    const out: Finding[] = [];
    for (const a of folder.records.agreement.values()) {
      if (a.status === 'cancelled') continue;
      const areas = new Set<string>(agreementAreas(folder, a));
      const pools = new Set((a.funding ?? []).map((l) => l.pool));
      for (const id of pools) {
        const pool = folder.records.pool.get(id);
        if (!pool || pool.areas.some((x) => areas.has(x))) continue;
        out.push(finding(rule, ref('agreement', a.id), [ref('pool', id)], 'audit.rule.pool-area-mismatch.message',
          { pool: nameOf(folder, 'pool', id) }));
      }
    }
    return out.sort(bySubject);
  },
};
