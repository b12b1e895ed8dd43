// assessor-conflict [error]: an assessor who declared a tie to an applying organisation assessed
// an application of that call (forvaltningsloven § 3: a disqualified person takes no part in the
// case). The assessor is never named: the finding gives the organisation and the count.
import type { AuditRule, Finding } from '../finding.js';
import { callRounds } from '../grants.js';
import { bySubject, finding, nameOf, ref } from '../make.js';

export const rule: AuditRule = {
  id: 'assessor-conflict',
  severity: 'error',
  principle: 'equal-access',
  title: 'audit.rule.assessor-conflict.title',
  explanation: 'audit.rule.assessor-conflict.explain',
  check({ folder }) {
    const out: Finding[] = [];
    for (const { call, apps } of callRounds(folder)) {
      const applicants = new Set(apps.flatMap((a) => a.organisations));
      // Each assessor's ties as declared on any date: a tie once declared is a tie for the call.
      const ties = new Map<string, Set<string>>();
      for (const d of call.declarations ?? []) {
        for (const t of d.ties) if (applicants.has(t.organisation)) ties.set(d.assessor, (ties.get(d.assessor) ?? new Set()).add(t.organisation));
      }
      for (const [assessor, orgs] of ties) {
        const assessed = apps.filter((a) => (a.assessments ?? []).some((x) => x.assessor === assessor)).length;
        if (assessed === 0) continue;
        for (const organisation of [...orgs].sort()) {
          out.push(finding(rule, ref('call', call.id), [ref('organisation', organisation)], 'audit.rule.assessor-conflict.message', { organisation: nameOf(folder, 'organisation', organisation), count: assessed }));
        }
      }
    }
    return out.sort(bySubject);
  },
};
