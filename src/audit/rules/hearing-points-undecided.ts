// hearing-points-undecided [warning]: a closed consultation with points raised in its responses
// that have no disposition yet. The state's guidance on consultations (Lovkvalitetsvejledningen
// 9.1.6) wants the høringsnotat to say, for each point raised, what was done with it and why;
// a point without a disposition leaves that answer open. Judged on closed consultations only:
// while a consultation is open its points are still being gathered.
import type { Finding } from '../finding.js';
import type { HearingRule } from '../hearing-rules.js';
import { hearingRule, partyRef, PRINCIPLE, subjectOf } from '../hearing-rules.js';

const check: HearingRule['checkConsultation'] = (_folder, c) => {
  if (c.status !== 'closed') return [];
  const undecided = (c.responses ?? []).map((r) => ({ party: r.party, count: (r.points ?? []).filter((p) => p.disposition === undefined).length })).filter((r) => r.count > 0);
  if (undecided.length === 0) return [];
  const count = undecided.reduce((s, r) => s + r.count, 0);
  const finding: Finding = {
    rule: 'hearing-points-undecided', severity: 'warning', principle: PRINCIPLE,
    subject: subjectOf(c), related: undecided.map((r) => partyRef(r.party)),
    message: { key: 'finding.hearing-points-undecided', params: { count, parties: undecided.length, id: c.id } },
  };
  return [finding];
};

export const rule: HearingRule = hearingRule({
  id: 'hearing-points-undecided',
  severity: 'warning',
  principle: PRINCIPLE,
  title: 'rule.hearing-points-undecided.title',
  explanation: 'rule.hearing-points-undecided.explanation',
  checkConsultation: check,
}, 'closed');
