// hearing-closed-early [warning]: a consultation closed before its deadline with no reason written
// down. The parties were told they had until the deadline; closing sooner is allowed with a reason
// (civsam consultation close --early --reason keeps the day and the reason, and the høringsnotat
// says them). A status set to closed in the file by hand has neither. Seen while the deadline is
// still ahead of the audit's date, or at any time where the record says it closed early but not why.
import type { HearingRule } from '../hearing-rules.js';
import { hearingRule, PRINCIPLE, subjectOf } from '../hearing-rules.js';

const check: HearingRule['checkConsultation'] = (_folder, c, asOf) => {
  if (c.status !== 'closed' || (c.closed_early_reason ?? '').trim() !== '') return [];
  if (c.closed_early === undefined && !(c.deadline > asOf)) return [];
  return [{
    rule: 'hearing-closed-early', severity: 'warning', principle: PRINCIPLE,
    subject: subjectOf(c), related: [],
    message: { key: 'finding.hearing-closed-early', params: { deadline: c.deadline } },
  }];
};

export const rule: HearingRule = hearingRule({
  id: 'hearing-closed-early',
  severity: 'warning',
  principle: PRINCIPLE,
  title: 'rule.hearing-closed-early.title',
  explanation: 'rule.hearing-closed-early.explanation',
  checkConsultation: check,
}, 'closed');
