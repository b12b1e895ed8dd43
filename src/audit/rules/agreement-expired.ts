// agreement-expired [warning]: an agreement marked active after its end date (issue 5): in
// practice renewed without a decision, a new call or an exemption.
import type { AuditRule, Finding } from '../finding.js';
import { bySubject, finding, ref } from '../make.js';
import { daysBetween } from '../../core/dates.js';

export const rule: AuditRule = {
  id: 'agreement-expired',
  severity: 'warning',
  principle: 'equal-access',
  title: 'audit.rule.agreement-expired.title',
  explanation: 'audit.rule.agreement-expired.explain',
  check({ folder, asOf }) {
    const out: Finding[] = [];
    for (const a of folder.records.agreement.values()) {
      if (a.status !== 'active' || a.end === undefined || a.end >= asOf) continue;
      out.push(finding(rule, ref('agreement', a.id), [], 'audit.rule.agreement-expired.message', { end: a.end, days: daysBetween(a.end, asOf) }));
    }
    return out.sort(bySubject);
  },
};
