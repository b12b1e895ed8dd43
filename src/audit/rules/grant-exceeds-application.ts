// grant-exceeds-application [error]: an amount granted that does not fit the application: more
// than applied for; a grant in full of less than applied for (its letter says "as applied for");
// a partial grant of the whole amount applied for (its letter refuses the rest of nothing).
// `decide` and `application edit` refuse these; a file written by hand may still hold them.
import { isGrant } from '../../domain/applications.js';
import type { Application } from '../../domain/kinds.js';
import type { Message, MessageKey } from '../../i18n/index.js';
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
      const d = app.decision;
      const granted = d?.amount_dkk;
      if (!d || !isGrant(d.outcome) || granted === undefined) continue;
      const params = { granted: amount(granted), applied: amount(app.amount_dkk) };
      const key: MessageKey | undefined = granted > app.amount_dkk ? 'audit.rule.grant-exceeds-application.message'
        : d.outcome === 'granted' && granted < app.amount_dkk ? 'audit.rule.grant-exceeds-application.fullBelow'
          : d.outcome === 'partly' && granted === app.amount_dkk ? 'audit.rule.grant-exceeds-application.partlyWhole'
            : undefined;
      if (key) out.push(finding(rule, ref('application', app.id), [], key, { ...params, full: grantedInFull(app), partly: grantedInPart(app, granted) }));
    }
    return out.sort(bySubject);
  },
};

const criteriaOf = (app: Application): string | undefined => (app.decision?.criteria?.length ? app.decision.criteria.join(',') : undefined);

/** The decision as a grant in full without an amount (it then follows the amount applied for), its date and criteria kept. */
function grantedInFull(app: Application): Message {
  const criteria = criteriaOf(app);
  return { key: 'application.redecideGranted', params: { id: app.id, day: app.decision!.date, criteria: criteria ? ` --criteria ${criteria}` : '' } };
}

/** The decision as a partial grant of the amount it gives, which must give its reasons. */
function grantedInPart(app: Application, granted: number): Message {
  return { key: 'application.redecidePartlyAmount', params: { id: app.id, day: app.decision!.date, amount: String(granted), criteria: criteriaOf(app) ?? { key: 'application.criteriaWord' } } };
}
