// assessor-conflict [error]: an assessor who declared a tie to an applying organisation assessed
// an application of that call (forvaltningsloven § 3: a disqualified person takes no part in the
// case). The assessor is never named: the finding gives the organisation and the count.
import type { AuditRule, Finding } from '../finding.js';
import { assessedBy } from '../../domain/applications.js';
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
    for (const { call, apps, tied } of callRounds(folder)) {
      for (const [assessor, orgs] of tied) {
        const assessed = apps.filter((a) => assessedBy(a, assessor)).length;
        if (assessed === 0) continue;
        for (const organisation of orgs) {
          out.push(finding(rule, ref('call', call.id), [ref('organisation', organisation)], 'audit.rule.assessor-conflict.message', { organisation: nameOf(folder, 'organisation', organisation), count: assessed }));
        }
      }
    }
    return out.sort(bySubject);
  },
};
