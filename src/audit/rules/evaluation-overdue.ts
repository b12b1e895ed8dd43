// evaluation-overdue [warning]: an active agreement whose `evaluation_due` has passed (issue 5).
// Recording an evaluation moves `evaluation_due` on.
import type { AuditRule, Finding } from '../finding.js';
import { bySubject, finding, ref } from '../make.js';
import { daysBetween } from '../../core/dates.js';

export const rule: AuditRule = {
  id: 'evaluation-overdue',
  severity: 'warning',
  principle: 'long-term',
  title: 'audit.rule.evaluation-overdue.title',
  explanation: 'audit.rule.evaluation-overdue.explain',
  check({ folder, asOf }) {
    const out: Finding[] = [];
    for (const a of folder.records.agreement.values()) {
      if (a.status !== 'active' || a.evaluation_due === undefined || a.evaluation_due >= asOf) continue;
      out.push(finding(rule, ref('agreement', a.id), [], 'audit.rule.evaluation-overdue.message', { due: a.evaluation_due, days: daysBetween(a.evaluation_due, asOf) }));
    }
    return out.sort(bySubject);
  },
};
