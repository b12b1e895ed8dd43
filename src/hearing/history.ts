// How a hearing party fared in earlier consultations: how often and when it was invited, whether it
// answered, and how long it has waited for a seat. Pure functions.
import type { Consultation, HearingParty } from '../domain/kinds.js';
import { hearingIndex, isEligible, type HearingIndex } from '../domain/scope.js';
import type { DataFolder } from '../domain/folder.js';

export interface PartyRecord {
  /** How many of the consultations looked at invited it. */
  invited: number;
  /** The latest of them that invited it. */
  lastInvited?: { id: string; opens: string };
  /** How many of the consultations that invited it received its response. */
  answered: number;
}

const invitedSets = new WeakMap<Consultation, ReadonlySet<string>>();

export function invitedTo(c: Consultation, partyId: string): boolean {
  let set = invitedSets.get(c);
  if (!set) {
    set = new Set(c.invited ?? []);
    invitedSets.set(c, set);
  }
  return set.has(partyId);
}

export function responseOf(c: Consultation, partyId: string): string | undefined {
  return (c.responses ?? []).find((r) => r.party === partyId)?.received;
}

/** A party's record over `consultations` (earliest first). */
export function partyRecord(partyId: string, consultations: readonly Consultation[]): PartyRecord {
  const out: PartyRecord = { invited: 0, answered: 0 };
  for (const c of consultations) {
    if (!invitedTo(c, partyId)) continue;
    out.invited++;
    out.lastInvited = { id: c.id, opens: c.opens };
    if (responseOf(c, partyId) !== undefined) out.answered++;
  }
  return out;
}

/**
 * How many consultations of the rotation history (earliest first) came after the party's last seat;
 * null when it had no seat in any of them (it has waited longest of all: never invited comes first).
 */
export function waitedSinceSeat(partyId: string, rotation: readonly Consultation[]): number | null {
  for (let i = rotation.length - 1; i >= 0; i--) if (invitedTo(rotation[i], partyId)) return rotation.length - 1 - i;
  return null;
}

/** Passed over in a consultation: eligible for it, and not invited. */
export function passedOver(index: HearingIndex, party: HearingParty, c: Consultation): boolean {
  return !invitedTo(c, party.id) && isEligible(index, party, c);
}

/** One line of `hearing-party history`: a consultation the organisation was eligible for, invited to or answered. */
export interface HistoryLine {
  consultation: Consultation;
  party: string;
  eligible: boolean;
  invited: boolean;
  answered?: string;
  omitted: boolean;
}

/**
 * Every consultation an organisation's hearing parties were eligible for, invited to, or answered,
 * in the order they opened. Consultations are found through the group index of each party.
 */
export function organisationHistory(folder: DataFolder, organisation: string): HistoryLine[] {
  const index = hearingIndex(folder);
  const parties = index.partiesByOrganisation.get(organisation) ?? [];
  const lines: HistoryLine[] = [];
  for (const party of parties) {
    const candidates = new Map<string, Consultation>();
    for (const g of index.scopeOf(party).groups) for (const c of index.consultationsByGroup.get(g) ?? []) candidates.set(c.id, c);
    // Invitations and responses count even outside the party's scope (that is what hearing-out-of-scope reports).
    for (const c of folder.records.consultation.values()) {
      if (invitedTo(c, party.id) || responseOf(c, party.id) !== undefined) candidates.set(c.id, c);
    }
    for (const c of candidates.values()) {
      const line: HistoryLine = {
        consultation: c, party: party.id,
        eligible: isEligible(index, party, c),
        invited: invitedTo(c, party.id),
        answered: responseOf(c, party.id),
        omitted: (c.omitted ?? []).some((o) => o.party === party.id),
      };
      if (line.eligible || line.invited || line.answered !== undefined) lines.push(line);
    }
  }
  return lines.sort((a, b) => (a.consultation.opens < b.consultation.opens ? -1 : a.consultation.opens > b.consultation.opens ? 1
    : a.consultation.id < b.consultation.id ? -1 : a.consultation.id > b.consultation.id ? 1 : a.party < b.party ? -1 : 1));
}
