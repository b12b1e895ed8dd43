// hearing-seats [error]: with limited seats, more parties invited than `seats`, or fewer while more
// eligible parties exist. Parties left out with a recorded reason do not count as
// available to fill a seat.
import { eligibleParties, hearingIndex } from '../../domain/scope.js';
import { hearingRule, partyRef, PRINCIPLE, subjectOf } from '../hearing-rules.js';

export const rule = hearingRule({
  id: 'hearing-seats',
  severity: 'error',
  principle: PRINCIPLE,
  title: 'rule.hearing-seats.title',
  explanation: 'rule.hearing-seats.explanation',
  checkConsultation(folder, c, asOf) {
    if (c.selection !== 'limited' || c.seats === undefined) return [];
    const invited = new Set(c.invited ?? []);
    const base = { rule: 'hearing-seats', severity: 'error' as const, principle: PRINCIPLE, subject: subjectOf(c) };
    if (invited.size > c.seats) {
      return [{ ...base, related: [], message: { key: 'finding.hearing-seats.over' as const, params: { invited: invited.size, seats: c.seats } } }];
    }
    if (invited.size < c.seats) {
      const reasoned = new Set((c.omitted ?? []).filter((o) => o.reason.trim() !== '').map((o) => o.party));
      const waiting = eligibleParties(hearingIndex(folder, asOf), c).filter((p) => !invited.has(p.id) && !reasoned.has(p.id));
      if (waiting.length > 0) {
        return [{
          ...base, related: waiting.map((p) => partyRef(p.id)),
          message: { key: 'finding.hearing-seats.under' as const, params: { invited: invited.size, seats: c.seats, available: waiting.length } },
        }];
      }
    }
    return [];
  },
});
