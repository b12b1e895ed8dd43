// pool-overcommitted [error]: a pool-year whose funding lines exceed its budget. Lines
// count as the audit counts money (agreements active or ended, and grants decided on applications
// that no such agreement carries: domain/allocation.ts); a year with lines but no budget entry has
// a budget of nothing. The agreements and applications with money in that pool-year are related.
import { poolYearTotals } from '../../domain/allocation.js';
import type { AuditRule, Finding } from '../finding.js';
import { amount, bySubject, finding, ref } from '../make.js';

export const rule: AuditRule = {
  id: 'pool-overcommitted',
  severity: 'error',
  principle: 'published-criteria',
  title: 'audit.rule.pool-overcommitted.title',
  explanation: 'audit.rule.pool-overcommitted.explain',
  check({ folder }) {
    const out: Finding[] = [];
    for (const py of poolYearTotals(folder)) {
      const pool = folder.records.pool.get(py.pool);
      if (!pool) continue;
      const budgets = pool.budgets.filter((b) => b.year === py.year);
      const budget = budgets.reduce((s, b) => s + b.amount_dkk, 0);
      if (py.total <= budget) continue;
      // A year without a budget entry is said so, as the overview and the site say it, not as a budget of 0 kr.
      out.push(finding(rule, ref('pool', pool.id), [...py.agreements.map((id) => ref('agreement', id)), ...py.applications.map((id) => ref('application', id))],
        budgets.length ? 'audit.rule.pool-overcommitted.message' : 'audit.rule.pool-overcommitted.messageNoBudget',
        { year: String(py.year), allocated: amount(py.total), budget: amount(budget), over: amount(py.total - budget) }));
    }
    return out.sort(bySubject);
  },
};
