// inactive-party [warning]: an active agreement or offer of an organisation inactive on the audit
// date (reach.ts `organisationActiveOn`; one made inactive after it was still active then).
// An offer is active on the audit date when it has started and not ended. The inactive
// organisations are the subject's own parties, so they are named in the message, not in `related`.
import { offerRunningOn, organisationActiveOn } from '../../domain/reach.js';
import type { AuditRule, Finding } from '../finding.js';
import { bySubject, finding, nameList, nameOf, ref } from '../make.js';

export const rule: AuditRule = {
  id: 'inactive-party',
  severity: 'warning',
  principle: 'openness',
  title: 'audit.rule.inactive-party.title',
  explanation: 'audit.rule.inactive-party.explain',
  check({ folder, asOf }) {
    // The organisations inactive on the day, gathered once: most agreements and offers have none.
    const inactiveIds = new Set<string>();
    for (const org of folder.records.organisation.values()) if (!organisationActiveOn(org, asOf)) inactiveIds.add(org.id);
    const inactive = (id: string) => inactiveIds.has(id);
    const out: Finding[] = [];
    if (inactiveIds.size === 0) return out;
    for (const a of folder.records.agreement.values()) {
      if (a.status !== 'active' || !a.organisations.some(inactive)) continue;
      const orgs = a.organisations.filter(inactive);
      out.push(finding(rule, ref('agreement', a.id), [], 'audit.rule.inactive-party.messageAgreement', { organisations: nameList(folder, 'organisation', orgs), count: orgs.length }));
    }
    for (const o of folder.records.offer.values()) {
      if (!inactive(o.organisation) || !offerRunningOn(o, asOf)) continue;
      out.push(finding(rule, ref('offer', o.id), [], 'audit.rule.inactive-party.messageOffer', { organisations: nameOf(folder, 'organisation', o.organisation) }));
    }
    return out.sort(bySubject);
  },
};
