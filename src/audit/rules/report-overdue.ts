// report-overdue [warning]: a grantee report past its due date and not received, on an active or
// ended agreement. A report due on the as-of date is not yet overdue; cancelled agreements are not judged.
import { daysBetween } from '../../domain/dates.js';
import { reportKindParams } from '../grants.js';
import type { AuditRule, Finding } from '../finding.js';
import { overdueReports } from '../grants.js';
import { bySubject, finding, ref } from '../make.js';

export const rule: AuditRule = {
  id: 'report-overdue',
  severity: 'warning',
  principle: 'long-term',
  title: 'audit.rule.report-overdue.title',
  explanation: 'audit.rule.report-overdue.explain',
  explanationParams: reportKindParams,
  check({ folder, asOf }) {
    const out: Finding[] = [];
    for (const a of folder.records.agreement.values()) {
      for (const r of overdueReports(a, asOf)) {
        out.push(finding(rule, ref('agreement', a.id), [], 'audit.rule.report-overdue.message', { kind: { key: `audit.reportKind.${r.kind}` }, due: r.due, days: daysBetween(r.due, asOf) }));
      }
    }
    return out.sort(bySubject);
  },
};
