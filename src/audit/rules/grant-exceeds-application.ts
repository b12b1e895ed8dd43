// grant-exceeds-application [error]: more granted than applied for.
import { isGrant } from '../../domain/applications.js';
import type { AuditRule, Finding } from '../finding.js';
import { amount, bySubject, finding, ref } from '../make.js';

export const rule: AuditRule = {
  id: 'grant-exceeds-application',
  severity: 'error',
  principle: 'equal-access',
  title: 'audit.rule.grant-exceeds-application.title',
  explanation: 'audit.rule.grant-exceeds-application.explain',
  check({ folder }) {
    const out: Finding[] = [];
    for (const app of folder.records.application.values()) {
      const granted = app.decision?.amount_dkk;
      if (!isGrant(app.decision?.outcome) || granted === undefined || granted <= app.amount_dkk) continue;
      out.push(finding(rule, ref('application', app.id), [], 'audit.rule.grant-exceeds-application.message', { granted: amount(granted), applied: amount(app.amount_dkk) }));
    }
    return out.sort(bySubject);
  },
};
