// pool-overcommitted [error]: a pool-year whose funding lines exceed its budget. Lines
// count as the audit counts money (agreements active or ended, and grants decided on applications
// that no such agreement carries: domain/allocation.ts); a year with lines but no budget entry has
// a budget of nothing. The agreements and applications with money in that pool-year are related.
import { poolYearExcesses } from '../../domain/allocation.js';
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
    for (const { poolYear: py, budget, budgeted, over } of poolYearExcesses(folder)) {
      // A year without a budget entry is said so, as the overview and the site say it, not as a budget of 0 kr.
      out.push(finding(rule, ref('pool', py.pool), [...py.agreements.map((id) => ref('agreement', id)), ...py.applications.map((id) => ref('application', id))],
        budgeted ? 'audit.rule.pool-overcommitted.message' : 'audit.rule.pool-overcommitted.messageNoBudget',
        { year: String(py.year), allocated: amount(py.total), budget: amount(budget), over: amount(over) }));
    }
    return out.sort(bySubject);
  },
};
