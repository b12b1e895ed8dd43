// hearing-rotation [warning]: with limited seats, an eligible party that is not invited although it
// was passed over (eligible, not invited) in every consultation of the rotation history, while an
// invited party had a seat in all of them. Fewer than two earlier limited consultations of
// overlapping scope is no history to judge.
import type { RecordRef } from '../finding.js';
import { invitedTo, passedOver } from '../../hearing/history.js';
import { eligibleParties, hearingIndex, MIN_ROTATION_HISTORY, rotationHistory } from '../../domain/scope.js';
import { hearingRule, partyRef, PRINCIPLE, subjectOf } from '../hearing-rules.js';
import { nameList } from '../make.js';

export const rule = hearingRule({
  id: 'hearing-rotation',
  severity: 'warning',
  principle: PRINCIPLE,
  title: 'rule.hearing-rotation.title',
  explanation: 'rule.hearing-rotation.explanation',
  checkConsultation(folder, c, asOf) {
    if (c.selection !== 'limited') return [];
    const index = hearingIndex(folder, asOf);
    const history = rotationHistory(index, c);
    if (history.length < MIN_ROTATION_HISTORY) return [];
    const seatedThroughout = (c.invited ?? []).filter((id) => history.every((h) => invitedTo(h, id)));
    if (seatedThroughout.length === 0) return [];
    const invited = new Set(c.invited ?? []);
    const historyRefs: RecordRef[] = history.map((h) => ({ kind: 'consultation', id: h.id }));
    const passedOverThroughout = eligibleParties(index, c)
      .filter((p) => !invited.has(p.id) && history.every((h) => passedOver(index, p, h)))
      .map((p) => p.id);
    if (passedOverThroughout.length === 0) return [];
    return [{
      rule: 'hearing-rotation', severity: 'warning', principle: PRINCIPLE,
      subject: subjectOf(c),
      related: [...passedOverThroughout.map(partyRef), ...seatedThroughout.map(partyRef), ...historyRefs],
      message: {
        key: 'finding.hearing-rotation',
        params: { count: passedOverThroughout.length, parties: nameList(folder, 'hearing-party', passedOverThroughout), history: history.length, seated: nameList(folder, 'hearing-party', seatedThroughout) },
      },
    }];
  },
});
