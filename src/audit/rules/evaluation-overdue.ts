// evaluation-overdue [warning]: an active agreement whose `evaluation_due` has passed. Recording
// an evaluation moves `evaluation_due` on.
import type { AuditRule } from '../finding.js';
import { activeAgreementsPast } from '../make.js';

export const rule: AuditRule = {
  id: 'evaluation-overdue',
  severity: 'warning',
  principle: 'long-term',
  title: 'audit.rule.evaluation-overdue.title',
  explanation: 'audit.rule.evaluation-overdue.explain',
  check: ({ folder, asOf }) => activeAgreementsPast(rule, folder, asOf, (a) => a.evaluation_due, 'audit.rule.evaluation-overdue.message', 'due'),
};
