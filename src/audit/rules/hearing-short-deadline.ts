// hearing-short-deadline [warning]: fewer than the policy's `hearing_min_days` calendar days from
// `opens` to `deadline`, and no `deadline_reason` (the state's guidance asks for four weeks
// unless a shorter deadline is explained).
import { daysBetween } from '../../domain/dates.js';
import { hearingRule, PRINCIPLE, subjectOf } from '../hearing-rules.js';

export const rule = hearingRule({
  id: 'hearing-short-deadline',
  severity: 'warning',
  principle: PRINCIPLE,
  title: 'rule.hearing-short-deadline.title',
  explanation: 'rule.hearing-short-deadline.explanation',
  checkConsultation(folder, c) {
    const days = daysBetween(c.opens, c.deadline);
    const min = folder.policy.hearing_min_days;
    if (days >= min || (c.deadline_reason ?? '').trim() !== '') return [];
    return [{
      rule: 'hearing-short-deadline', severity: 'warning', principle: PRINCIPLE,
      subject: subjectOf(c), related: [],
      message: { key: 'finding.hearing-short-deadline', params: { days, min } },
    }];
  },
});
