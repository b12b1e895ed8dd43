// agreement-expired [warning]: an agreement marked active after its end date: in practice renewed
// without a decision, a new call or an exemption.
import type { AuditRule } from '../finding.js';
import { activeAgreementsPast } from '../make.js';

export const rule: AuditRule = {
  id: 'agreement-expired',
  severity: 'warning',
  principle: 'equal-access',
  title: 'audit.rule.agreement-expired.title',
  explanation: 'audit.rule.agreement-expired.explain',
  check: ({ folder, asOf }) => activeAgreementsPast(rule, folder, asOf, (a) => a.end, 'audit.rule.agreement-expired.message', 'end'),
};
