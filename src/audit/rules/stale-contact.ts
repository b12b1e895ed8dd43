// stale-contact [warning]: a contact not confirmed within `contact_confirm_months`:
// storage limitation under GDPR. A contact with no `confirmed` date was never confirmed. The
// message holds dates only, never the contact's details.
import type { AuditRule, Finding } from '../finding.js';
import { bySubject, finding, ref } from '../make.js';
import { addMonths } from '../../domain/dates.js';

export const rule: AuditRule = {
  id: 'stale-contact',
  severity: 'warning',
  principle: 'long-term',
  title: 'audit.rule.stale-contact.title',
  explanation: 'audit.rule.stale-contact.explain',
  check({ folder, asOf }) {
    const months = folder.policy.contact_confirm_months;
    const since = addMonths(asOf, -months);
    const out: Finding[] = [];
    for (const o of folder.records.organisation.values()) {
      if (!o.contact) continue;
      const confirmed = o.contact.confirmed;
      if (confirmed !== undefined && confirmed >= since) continue;
      out.push(confirmed === undefined
        ? finding(rule, ref('organisation', o.id), [], 'audit.rule.stale-contact.messageNever', { months, id: o.id })
        : finding(rule, ref('organisation', o.id), [], 'audit.rule.stale-contact.message', { confirmed, months, id: o.id }));
    }
    return out.sort(bySubject);
  },
};
