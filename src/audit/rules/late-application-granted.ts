// late-application-granted [error]: an application received after its call's deadline and
// granted, in full or in part: the others kept the deadline.
import { isGrant } from '../../domain/applications.js';
import { isLate } from '../../domain/dates.js';
import type { AuditRule, Finding } from '../finding.js';
import { callRounds } from '../grants.js';
import { bySubject, finding, nameOf, ref } from '../make.js';

export const rule: AuditRule = {
  id: 'late-application-granted',
  severity: 'error',
  principle: 'equal-access',
  title: 'audit.rule.late-application-granted.title',
  explanation: 'audit.rule.late-application-granted.explain',
  check({ folder }) {
    const out: Finding[] = [];
    for (const { call, apps } of callRounds(folder)) {
      for (const app of apps) {
        if (!isGrant(app.decision?.outcome) || !isLate(app.received, call.deadline)) continue;
        out.push(finding(rule, ref('application', app.id), [ref('call', call.id)], 'audit.rule.late-application-granted.message', { received: app.received, call: nameOf(folder, 'call', call.id), deadline: call.deadline }));
      }
    }
    return out.sort(bySubject);
  },
};
