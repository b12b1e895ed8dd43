// exemption-incomplete [error]: an agreement established by an exemption that lacks its reason,
// its approver or its date. Valid data, judged here: validation checks shape only.
// Cancelled agreements are not judged.
import type { AuditRule } from '../finding.js';
import { bySubject, fieldList, filled, finding, ref } from '../make.js';

export const rule: AuditRule = {
  id: 'exemption-incomplete',
  severity: 'error',
  principle: 'documented-exceptions',
  title: 'audit.rule.exemption-incomplete.title',
  explanation: 'audit.rule.exemption-incomplete.explain',
  check({ folder }) {
    const out = [];
    for (const a of folder.records.agreement.values()) {
      const ex = a.established_by?.exemption;
      if (!ex || a.status === 'cancelled') continue;
      // The fields by their names in the reader's language, so staff know what to add.
      const missing = (['reason', 'approved_by', 'date'] as const).filter((f) => filled(ex[f]) === undefined);
      if (missing.length === 0) continue;
      out.push(finding(rule, ref('agreement', a.id), [], 'audit.rule.exemption-incomplete.message', { fields: fieldList(missing) }));
    }
    return out.sort(bySubject);
  },
};
