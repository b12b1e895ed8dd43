// assessor-undeclared [warning]: an assessor without a declaration of impartiality for the call
// dated on or before their first assessment in it (forvaltningsloven § 6). Counted per call, so
// that no assessor is named.
import type { AuditRule, Finding } from '../finding.js';
import { sameAssessor } from '../../domain/personal.js';
import { callRounds } from '../grants.js';
import { bySubject, finding, ref } from '../make.js';

export const rule: AuditRule = {
  id: 'assessor-undeclared',
  severity: 'warning',
  principle: 'equal-access',
  title: 'audit.rule.assessor-undeclared.title',
  explanation: 'audit.rule.assessor-undeclared.explain',
  check({ folder }) {
    const out: Finding[] = [];
    for (const { call, apps, assessors } of callRounds(folder)) {
      let undeclared = 0;
      for (const assessor of assessors) {
        const first = apps.flatMap((a) => (a.assessments ?? []).filter((x) => sameAssessor(x.assessor, assessor)).map((x) => x.date)).sort()[0];
        if (!(call.declarations ?? []).some((d) => sameAssessor(d.assessor, assessor) && d.date <= first)) undeclared++;
      }
      if (undeclared > 0) out.push(finding(rule, ref('call', call.id), [], 'audit.rule.assessor-undeclared.message', { count: undeclared, id: call.id }));
    }
    return out.sort(bySubject);
  },
};
