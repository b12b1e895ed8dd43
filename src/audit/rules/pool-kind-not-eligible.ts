// pool-kind-not-eligible [error]: a funding line whose kind (development or operation) the pool
// does not fund. One finding per agreement, pool and kind, naming the years. Cancelled
// agreements are not judged; drafts are, so the mistake is caught before the agreement is made.
import type { AuditRule, Finding } from '../finding.js';
import { bySubject, finding, nameOf, ref } from '../make.js';

export const rule: AuditRule = {
  id: 'pool-kind-not-eligible',
  severity: 'error',
  principle: 'published-criteria',
  title: 'audit.rule.pool-kind-not-eligible.title',
  explanation: 'audit.rule.pool-kind-not-eligible.explain',
  check({ folder }) {
    const out: Finding[] = [];
    for (const a of folder.records.agreement.values()) {
      if (a.status === 'cancelled') continue;
      const years = new Map<string, { pool: string; kind: string; years: number[] }>();
      for (const line of a.funding ?? []) {
        const pool = folder.records.pool.get(line.pool);
        if (!pool || pool.eligible_kinds.includes(line.kind)) continue;
        const key = `${line.pool}\u0000${line.kind}`;
        const entry = years.get(key) ?? { pool: line.pool, kind: line.kind, years: [] };
        if (!entry.years.includes(line.year)) entry.years.push(line.year);
        years.set(key, entry);
      }
      for (const e of years.values()) {
        out.push(finding(rule, ref('agreement', a.id), [ref('pool', e.pool)],
          e.kind === 'operation' ? 'audit.rule.pool-kind-not-eligible.messageOperation' : 'audit.rule.pool-kind-not-eligible.messageDevelopment',
          { pool: nameOf(folder, 'pool', e.pool), years: e.years.sort((x, y) => x - y).join(', ') }));
      }
    }
    return out.sort(bySubject);
  },
};
