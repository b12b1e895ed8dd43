// refused-late-in-time [error]: an application refused for being late (a formal ground) that, by
// its day received and its call's deadline as they stand now, came in time: one of them was
// corrected after the refusal. Its letter would tell the applicant that a timely application came
// too late, so `call letters` writes none while this stands. Each finding ends with what mends it.
import { refusedLateInTime } from '../../domain/applications.js';
import type { AuditRule, Finding } from '../finding.js';
import { callRounds } from '../grants.js';
import { bySubject, finding, nameOf, ref } from '../make.js';

export const rule: AuditRule = {
  id: 'refused-late-in-time',
  severity: 'error',
  principle: 'equal-access',
  title: 'audit.rule.refused-late-in-time.title',
  explanation: 'audit.rule.refused-late-in-time.explain',
  check({ folder }) {
    const out: Finding[] = [];
    for (const { call, apps } of callRounds(folder)) {
      for (const app of apps) {
        if (!refusedLateInTime(app, call.deadline)) continue;
        out.push(finding(rule, ref('application', app.id), [ref('call', call.id)], 'audit.rule.refused-late-in-time.message', { received: app.received, call: nameOf(folder, 'call', call.id), deadline: call.deadline, id: app.id }));
      }
    }
    return out.sort(bySubject);
  },
};
