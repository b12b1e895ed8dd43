// hearing-not-opened [warning]: a consultation still planned after its opening day. It has been
// sent to nobody, so the parties have not had it and its time to answer runs on paper only; the
// hearing history (consultation plan, hearing-rotation) and the public site do not count it
// (domain/scope.ts `consultationOpened`). On the opening day itself there is still time to open it.
import { hearingRule, PRINCIPLE, subjectOf } from '../hearing-rules.js';

export const rule = hearingRule({
  id: 'hearing-not-opened',
  severity: 'warning',
  principle: PRINCIPLE,
  title: 'rule.hearing-not-opened.title',
  explanation: 'rule.hearing-not-opened.explanation',
  checkConsultation(_folder, c, asOf) {
    if (c.status !== 'planned' || c.opens >= asOf) return [];
    return [{
      rule: 'hearing-not-opened', severity: 'warning', principle: PRINCIPLE,
      subject: subjectOf(c), related: [],
      message: { key: 'finding.hearing-not-opened', params: { opens: c.opens } },
    }];
  },
});
