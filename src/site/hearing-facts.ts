// Who a consultation reached, counted from the records the way the hearing audit counts it (the
// parties eligible on its opening day: domain/scope.ts), so the site states the numbers it can
// stand behind instead of the ideal the model promises. A page that says "all" when the audit
// finds an omission would be worse than no page.
import type { DataFolder } from '../domain/folder.js';
import type { Consultation } from '../domain/kinds.js';
import { eligibleParties, hearingIndex } from '../domain/scope.js';

export interface InvitationFacts {
  /** Parties on the hearing list the consultation concerned (eligible on its opening day). */
  eligible: number;
  /** Of those, how many were invited. */
  invited: number;
  /** Eligible parties left out with a recorded reason (`omitted`). */
  omittedWithReason: number;
  /** Eligible parties neither invited nor left out with a reason: what `hearing-omission` reports. */
  notInvited: number;
  /** Invited parties that were not eligible (out of scope, or not on the list then). */
  invitedOutside: number;
}

export function invitationFacts(folder: DataFolder, c: Consultation, asOf: string): InvitationFacts {
  const eligible = eligibleParties(hearingIndex(folder, asOf), c).map((p) => p.id);
  const eligibleSet = new Set(eligible);
  const invitedSet = new Set(c.invited ?? []);
  const reasoned = new Set((c.omitted ?? []).filter((o) => o.reason.trim() !== '').map((o) => o.party));
  const invited = eligible.filter((id) => invitedSet.has(id)).length;
  const omittedWithReason = eligible.filter((id) => !invitedSet.has(id) && reasoned.has(id)).length;
  return {
    eligible: eligible.length,
    invited,
    omittedWithReason,
    notInvited: eligible.length - invited - omittedWithReason,
    invitedOutside: [...invitedSet].filter((id) => !eligibleSet.has(id)).length,
  };
}
