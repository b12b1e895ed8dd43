// hearing-omission [error]: with `selection: all`, an eligible party neither invited nor listed
// under `omitted` with a reason. The state's guidance: hear everyone affected.
import { eligibleParties, hearingIndex } from '../../domain/scope.js';
import { hearingRule, partyRef, PRINCIPLE, subjectOf } from '../hearing-rules.js';
import { nameList } from '../make.js';

export const rule = hearingRule({
  id: 'hearing-omission',
  severity: 'error',
  principle: PRINCIPLE,
  title: 'rule.hearing-omission.title',
  explanation: 'rule.hearing-omission.explanation',
  checkConsultation(folder, c, asOf) {
    if (c.selection !== 'all') return [];
    const invited = new Set(c.invited ?? []);
    const reasoned = new Set((c.omitted ?? []).filter((o) => o.reason.trim() !== '').map((o) => o.party));
    const left = eligibleParties(hearingIndex(folder, asOf), c).filter((p) => !invited.has(p.id) && !reasoned.has(p.id)).map((p) => p.id);
    if (left.length === 0) return [];
    // One finding per consultation: the consultation is what to put right; the parties are in related.
    return [{
      rule: 'hearing-omission', severity: 'error', principle: PRINCIPLE,
      subject: subjectOf(c), related: left.map(partyRef),
      message: { key: 'finding.hearing-omission', params: { count: left.length, parties: nameList(folder, 'hearing-party', left) } },
    }];
  },
});
