// decision-without-reason [error]: a refusal or partial grant without a reason naming at least one
// of the call's criteria (forvaltningsloven § 22 and § 24). A call whose criteria have no ids
// cannot be named by id: there, a written reason is enough. A refusal on formal grounds (late,
// ineligible) names no criterion: it was not judged by them, and its letter gives its ground; one
// for not being eligible still gives a reason, which says the condition the applicant fails. Each finding ends with the command that
// mends what it finds.
import type { AuditRule, Finding } from '../finding.js';
import { callRounds } from '../grants.js';
import { bySubject, filled, finding, nameOf, ref } from '../make.js';

export const rule: AuditRule = {
  id: 'decision-without-reason',
  severity: 'error',
  principle: 'published-criteria',
  title: 'audit.rule.decision-without-reason.title',
  explanation: 'audit.rule.decision-without-reason.explain',
  check({ folder }) {
    const out: Finding[] = [];
    for (const { call, apps, criteria } of callRounds(folder)) {
      const ids = new Set(criteria.map((c) => c.id));
      for (const app of apps) {
        const d = app.decision;
        if (!d || (d.outcome !== 'refused' && d.outcome !== 'partly')) continue;
        const params = { outcome: { key: `audit.outcome.${d.outcome}` as const }, date: d.date, call: nameOf(folder, 'call', call.id), id: app.id };
        // A refusal on formal grounds (late, ineligible) was not judged by the criteria: its letter
        // gives the ground. Being late speaks for itself; not being eligible must say which condition fails.
        if (d.outcome === 'refused' && d.formal) {
          if (d.formal === 'ineligible' && !filled(d.reason)) out.push(finding(rule, ref('application', app.id), [ref('call', call.id)], 'audit.rule.decision-without-reason.messageIneligible', params));
          continue;
        }
        // Both lacks in one finding, with one command that mends both: a case worker who adds the
        // reason is not then refused again for the criteria.
        const noReason = !filled(d.reason);
        const noCriteria = ids.size > 0 && !(d.criteria ?? []).some((c) => ids.has(c));
        const key = noReason && noCriteria ? 'audit.rule.decision-without-reason.messageNoReasonNoCriteria' as const
          : noReason ? 'audit.rule.decision-without-reason.messageNoReason' as const
          : noCriteria ? 'audit.rule.decision-without-reason.messageNoCriteria' as const : undefined;
        if (key) out.push(finding(rule, ref('application', app.id), [ref('call', call.id)], key, params));
      }
    }
    return out.sort(bySubject);
  },
};
