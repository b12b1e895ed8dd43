// granted-while-report-overdue [warning]: a new grant to an organisation that had a report overdue
// on another agreement at the decision date. One finding per organisation and agreement, naming
// the earliest report then overdue.
import { isGrant } from '../../domain/applications.js';
import { reportKindParams } from '../grants.js';
import type { AuditRule, Finding } from '../finding.js';
import { overdueReports } from '../grants.js';
import { bySubject, finding, nameOf, push, ref } from '../make.js';
import type { Agreement } from '../../domain/kinds.js';

export const rule: AuditRule = {
  id: 'granted-while-report-overdue',
  severity: 'warning',
  principle: 'long-term',
  title: 'audit.rule.granted-while-report-overdue.title',
  explanation: 'audit.rule.granted-while-report-overdue.explain',
  explanationParams: reportKindParams,
  check({ folder }) {
    const out: Finding[] = [];
    const byOrg = new Map<string, Agreement[]>();
    for (const a of folder.records.agreement.values()) if (a.reports?.length) for (const o of a.organisations) push(byOrg, o, a);
    for (const app of folder.records.application.values()) {
      const d = app.decision;
      if (!d || !isGrant(d.outcome)) continue;
      for (const organisation of app.organisations) {
        for (const a of byOrg.get(organisation) ?? []) {
          if (a.id === app.agreement) continue;
          const first = overdueReports(a, d.date).sort((x, y) => (x.due < y.due ? -1 : 1))[0];
          if (!first) continue;
          out.push(finding(rule, ref('application', app.id), [ref('agreement', a.id)], 'audit.rule.granted-while-report-overdue.message',
            { date: d.date, organisation: nameOf(folder, 'organisation', organisation), kind: { key: `audit.reportKind.${first.kind}` }, agreement: nameOf(folder, 'agreement', a.id), due: first.due }));
        }
      }
    }
    return out.sort(bySubject);
  },
};
