// hearing-out-of-scope [warning]: an invited party that is not eligible: withdrawn, its
// organisation inactive, joined the list after the consultation opened, or sharing no area or no
// patient group with it.
import type { Message, MessageKey } from '../../i18n/index.js';
import { hearingIndex, ineligibility, type Ineligibility } from '../../domain/scope.js';
import { hearingRule, partyRef, PRINCIPLE, subjectOf } from '../hearing-rules.js';
import { nameOf } from '../make.js';

export const WHY: Record<Ineligibility, MessageKey> = {
  withdrawn: 'hearing.why.withdrawn',
  'organisation-inactive': 'hearing.why.organisation-inactive',
  'joined-after': 'hearing.why.joined-after',
  'no-shared-area': 'hearing.why.no-shared-area',
  'no-shared-group': 'hearing.why.no-shared-group',
};

export const rule = hearingRule({
  id: 'hearing-out-of-scope',
  severity: 'warning',
  principle: PRINCIPLE,
  title: 'rule.hearing-out-of-scope.title',
  explanation: 'rule.hearing-out-of-scope.explanation',
  checkConsultation(folder, c, asOf) {
    const index = hearingIndex(folder, asOf);
    const parties = folder.records['hearing-party'];
    return (c.invited ?? []).flatMap((id) => {
      const party = parties.get(id);
      if (!party) return []; // a dangling reference is a validation error, not a finding
      const why = ineligibility(index, party, c);
      if (why.length === 0) return [];
      return [{
        rule: 'hearing-out-of-scope', severity: 'warning' as const, principle: PRINCIPLE,
        subject: subjectOf(c), related: [partyRef(id)],
        message: { key: 'finding.hearing-out-of-scope' as const, params: { party: nameOf(folder, 'hearing-party', id), why: whyMessage(why) } },
      }];
    });
  },
});

/** Several reasons as one message: "withdrawn; organisation inactive". */
export function whyMessage(why: readonly Ineligibility[]): Message {
  return why.slice(1).reduce<Message>((first, w) => ({ key: 'hearing.why.and', params: { first, more: { key: WHY[w] } } }), { key: WHY[why[0]] });
}
