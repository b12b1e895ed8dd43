// The proposed hearing list of a consultation: every eligible party, or, with limited
// seats, the parties that waited longest for one. Pure: the folder and the consultation in, a plan out.
import type { DataFolder } from '../domain/folder.js';
import type { Area, Consultation, HearingParty } from '../domain/kinds.js';
import type { Message } from '../i18n/index.js';
import { partyRecord, waitedSinceSeat, type PartyRecord } from './history.js';
import { earlierOverlapping, eligibleParties, hearingIndex, rotationHistory } from '../domain/scope.js';

export interface PlanRow {
  party: HearingParty;
  /** Over the latest `rotation_window` earlier consultations of overlapping scope, of any selection. */
  record: PartyRecord;
  /** Consultations of the rotation history since its last seat; null: no seat in any of them. */
  waited: number | null;
  /** The reason recorded for leaving it out, when the consultation lists it under `omitted`. */
  omittedReason?: string;
  proposed: boolean;
  /** Why it was chosen (proposed parties only). */
  reason?: Message;
}

export interface Plan {
  consultation: Consultation;
  /** Earlier consultations of overlapping scope (any selection), earliest first. */
  window: Consultation[];
  /** Earlier limited consultations of overlapping scope (the rotation history), earliest first. */
  rotation: Consultation[];
  /** The eligible parties: the proposal in the order chosen, then the rest by id. */
  rows: PlanRow[];
  /** The proposed hearing list, in the order chosen. */
  proposal: string[];
}

/** A consultation not yet registered, to plan from areas, patient groups and an opening date. */
export function draftConsultation(d: { areas: Area[]; patient_groups: string[]; opens: string; seats?: number }): Consultation {
  return {
    id: '', title: '', areas: d.areas as Consultation['areas'], patient_groups: d.patient_groups, opens: d.opens, deadline: d.opens,
    selection: d.seats === undefined ? 'all' : 'limited', ...(d.seats === undefined ? {} : { seats: d.seats }), status: 'planned',
  };
}

/**
 * Order of the seats: longest wait first, counted in consultations of the rotation history since the
 * party last had a seat, never invited before everyone; then longest on the hearing list; then id.
 */
function bySeatClaim(a: PlanRow, b: PlanRow): number {
  const wa = a.waited === null ? Infinity : a.waited;
  const wb = b.waited === null ? Infinity : b.waited;
  if (wa !== wb) return wb - wa;
  if (a.party.since !== b.party.since) return a.party.since < b.party.since ? -1 : 1;
  return a.party.id < b.party.id ? -1 : a.party.id > b.party.id ? 1 : 0;
}

/** The plan for a consultation, with the hearing list as it stood on `asOf` when given (scope.ts `listDate`). */
export function planConsultation(folder: DataFolder, consultation: Consultation, asOf?: string): Plan {
  const index = hearingIndex(folder, asOf);
  const window = earlierOverlapping(index, consultation, folder.policy.rotation_window, false);
  const rotation = rotationHistory(index, consultation);
  const omitted = new Map((consultation.omitted ?? []).filter((o) => o.reason.trim() !== '').map((o) => [o.party, o.reason]));
  const rows: PlanRow[] = eligibleParties(index, consultation).map((party) => ({
    party,
    record: partyRecord(party.id, window),
    waited: waitedSinceSeat(party.id, rotation),
    ...(omitted.has(party.id) ? { omittedReason: omitted.get(party.id) } : {}),
    proposed: false,
  }));
  const candidates = rows.filter((r) => r.omittedReason === undefined);

  if (consultation.selection !== 'limited' || consultation.seats === undefined) {
    for (const r of candidates) {
      r.proposed = true;
      r.reason = { key: 'hearing.reason.all' };
    }
    return { consultation, window, rotation, rows, proposal: candidates.map((r) => r.party.id) };
  }

  const ranked = [...candidates].sort(bySeatClaim);
  const chosen = ranked.slice(0, consultation.seats);
  const firstLeftOut = ranked[consultation.seats];
  for (const r of chosen) {
    r.proposed = true;
    r.reason = seatReason(r, rotation, firstLeftOut);
  }
  const rest = rows.filter((r) => !r.proposed);
  return { consultation, window, rotation, rows: [...chosen, ...rest], proposal: chosen.map((r) => r.party.id) };
}

function seatReason(r: PlanRow, rotation: readonly Consultation[], firstLeftOut: PlanRow | undefined): Message {
  let base: Message;
  if (rotation.length === 0) base = { key: 'hearing.reason.noHistory' };
  else if (r.waited === null) base = { key: 'hearing.reason.never', params: { count: rotation.length } };
  else {
    const last = rotation[rotation.length - 1 - r.waited];
    base = r.waited === 0 ? { key: 'hearing.reason.seatedLatest', params: { id: last.id } } : { key: 'hearing.reason.waited', params: { count: r.waited, id: last.id } };
  }
  // Say so when a tie-break, not the wait, decided between this party and one left out.
  if (firstLeftOut && firstLeftOut.waited === r.waited) {
    if (firstLeftOut.party.since !== r.party.since) return { key: 'hearing.reason.tieSince', params: { reason: base, since: r.party.since } };
    return { key: 'hearing.reason.tieId', params: { reason: base } };
  }
  return base;
}
