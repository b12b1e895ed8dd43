// The proposed hearing list of a consultation: every eligible party, or, with limited
// seats, the parties that waited longest for one (in the first round with limited seats, for an
// invitation). Pure: the folder and the consultation in, a plan out.
import type { DataFolder } from '../domain/folder.js';
import type { Area, Consultation, HearingParty } from '../domain/kinds.js';
import type { Message } from '../i18n/index.js';
import { invitedTo, partyRecord, waitedSinceSeat, type PartyRecord } from './history.js';
import { earlierOverlapping, eligibleParties, hearingIndex, rotationHistory } from '../domain/scope.js';
import { compareNames } from '../domain/text.js';

export interface PlanRow {
  party: HearingParty;
  /** The party's name (its organisation's), by which a tie is broken and said. */
  name: string;
  /** Over the latest `rotation_window` earlier consultations of overlapping scope, of any selection. */
  record: PartyRecord;
  /** Consultations of the rotation history since its last seat; null: no seat in any of them. */
  waited: number | null;
  /** The reason recorded for leaving it out, when the consultation lists it under `omitted`. */
  omittedReason?: string;
  proposed: boolean;
  /** Why it is proposed or not, in words (every row). */
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
 * party last had a seat, never invited before everyone; then longest on the hearing list; then by
 * name in Danish alphabetical order (æ, ø, å last); then id, should two names ever be alike.
 */
function bySeatClaim(a: PlanRow, b: PlanRow): number {
  const wa = a.waited === null ? Infinity : a.waited;
  const wb = b.waited === null ? Infinity : b.waited;
  if (wa !== wb) return wb - wa;
  return byListTime(a, b);
}

function byListTime(a: PlanRow, b: PlanRow): number {
  if (a.party.since !== b.party.since) return a.party.since < b.party.since ? -1 : 1;
  return compareNames(a.name, b.name) || (a.party.id < b.party.id ? -1 : a.party.id > b.party.id ? 1 : 0);
}

/**
 * The first round with limited seats (no rotation history yet) has no seats to take turns by, so
 * the invitations of the latest consultations on the subject decide, in the same spirit: the one
 * waiting longest for an invitation first (not invited in any of them first of all, then the
 * earliest last invitation); then the one invited to fewer of them; then longest on the hearing
 * list; then name (as bySeatClaim).
 */
function byInvitationClaim(a: PlanRow, b: PlanRow): number {
  const la = a.record.lastInvited?.opens ?? '';
  const lb = b.record.lastInvited?.opens ?? '';
  if (la !== lb) return la < lb ? -1 : 1;
  if (a.record.invited !== b.record.invited) return a.record.invited - b.record.invited;
  return byListTime(a, b);
}

/** What decided between two parties in the first round: their last invitation, how often, time on the list, or name. */
function firstRoundDecider(a: PlanRow, b: PlanRow): 'waited' | 'count' | 'since' | 'id' {
  if ((a.record.lastInvited?.opens ?? '') !== (b.record.lastInvited?.opens ?? '')) return 'waited';
  if (a.record.invited !== b.record.invited) return 'count';
  return a.party.since !== b.party.since ? 'since' : 'id';
}

/** The plan for a consultation, with the hearing list as it stood on `asOf` when given (scope.ts `listDate`). */
export function planConsultation(folder: DataFolder, consultation: Consultation, asOf?: string): Plan {
  const index = hearingIndex(folder, asOf);
  const window = earlierOverlapping(index, consultation, folder.policy.rotation_window, false);
  const rotation = rotationHistory(index, consultation);
  const omitted = new Map((consultation.omitted ?? []).filter((o) => o.reason.trim() !== '').map((o) => [o.party, o.reason]));
  const rows: PlanRow[] = eligibleParties(index, consultation).map((party) => ({
    party,
    name: folder.records.organisation.get(party.organisation)?.name ?? party.id,
    record: partyRecord(party.id, window),
    waited: waitedSinceSeat(party.id, rotation),
    ...(omitted.has(party.id) ? { omittedReason: omitted.get(party.id) } : {}),
    proposed: false,
  }));
  const candidates = rows.filter((r) => r.omittedReason === undefined);

  for (const r of rows) if (r.omittedReason !== undefined) r.reason = { key: 'plan.no.omitted', params: { reason: r.omittedReason } };

  if (consultation.selection !== 'limited' || consultation.seats === undefined) {
    for (const r of candidates) {
      r.proposed = true;
      r.reason = { key: 'plan.yes.all' };
    }
    return { consultation, window, rotation, rows, proposal: candidates.map((r) => r.party.id) };
  }

  // With no earlier consultation on the subject at all, every party is alike in the history and
  // only the time on the hearing list decides (the seat order without waits does just that).
  const firstRound = rotation.length === 0 && window.length > 0;
  const ranked = [...candidates].sort(firstRound ? byInvitationClaim : bySeatClaim);
  const chosen = ranked.slice(0, consultation.seats);
  const leftOut = ranked.slice(consultation.seats);
  for (const r of chosen) {
    r.proposed = true;
    r.reason = firstRound ? firstRoundSeatReason(r, leftOut[0]) : seatReason(r, rotation, leftOut[0]);
  }
  const lastChosen = chosen[chosen.length - 1];
  for (const r of leftOut) r.reason = firstRound ? firstRoundLeftOutReason(r, lastChosen) : leftOutReason(r, rotation, lastChosen);
  const rest = rows.filter((r) => !r.proposed);
  return { consultation, window, rotation, rows: [...chosen, ...rest], proposal: chosen.map((r) => r.party.id) };
}

/**
 * The two parties alphabetical order decided between, the one it put first first: the reason
 * names both, so the order can be seen; by name, with the ids only should the names be alike.
 */
function byName(first: PlanRow, then: PlanRow): { chosen: string; other: string } {
  if (compareNames(first.name, then.name) === 0) return { chosen: `${first.name} (${first.party.id})`, other: `${then.name} (${then.party.id})` };
  return { chosen: first.name, other: then.name };
}

/** How long the party has waited for a seat, as a phrase (no verdict). */
function waitPhrase(r: PlanRow, rotation: readonly Consultation[]): Message {
  if (r.waited === null) return { key: 'plan.wait.never', params: { count: rotation.length } };
  const last = rotation[rotation.length - 1 - r.waited];
  return r.waited === 0 ? { key: 'plan.wait.latest' } : { key: 'plan.wait.since', params: { count: r.waited, title: last.title || last.id } };
}

/** Why a party has a seat: it waited longest, or a tie-break decided between it and the first left out. */
function seatReason(r: PlanRow, rotation: readonly Consultation[], firstLeftOut: PlanRow | undefined): Message {
  if (!firstLeftOut) return { key: 'plan.yes.roomForAll' };
  if (rotation.length === 0) return firstLeftOut.party.since === r.party.since ? { key: 'plan.yes.noHistoryName', params: byName(r, firstLeftOut) } : { key: 'plan.yes.noHistory' };
  const wait = waitPhrase(r, rotation);
  if (firstLeftOut.waited === r.waited) {
    if (firstLeftOut.party.since !== r.party.since) return { key: 'plan.yes.tieSince', params: { wait } };
    return { key: 'plan.yes.tieName', params: { wait, ...byName(r, firstLeftOut) } };
  }
  return { key: r.waited === null ? 'plan.yes.never' : 'plan.yes.waited', params: { wait } };
}

/** Why a party has no seat: others waited longer, or a tie-break went to the last one proposed. */
function leftOutReason(r: PlanRow, rotation: readonly Consultation[], lastChosen: PlanRow | undefined): Message {
  if (rotation.length === 0) return lastChosen?.party.since === r.party.since ? { key: 'plan.no.noHistoryName', params: byName(lastChosen, r) } : { key: 'plan.no.noHistory' };
  if (lastChosen && lastChosen.waited === r.waited) {
    const wait = waitPhrase(r, rotation);
    return lastChosen.party.since !== r.party.since ? { key: 'plan.no.tieSince', params: { wait } } : { key: 'plan.no.tieName', params: { wait, ...byName(lastChosen, r) } };
  }
  const seated = rotation.filter((c) => invitedTo(c, r.party.id)).length;
  // `1 af de 1 seneste` reads as a slip: a seat in every one of them is said as such.
  const record: Message = seated === rotation.length ? { key: 'plan.seatedAll', params: { count: seated } } : { key: 'plan.seated', params: { seated, count: rotation.length } };
  return { key: 'plan.no.others', params: { seated: record } };
}

/**
 * Why a party has a seat in the first round with limited seats: what decided between it and the
 * first left out. Its last invitation and how many it had are in its row beside the reason, and
 * that invitations decide in the first round is said once, in the plan's heading.
 */
function firstRoundSeatReason(r: PlanRow, firstLeftOut: PlanRow | undefined): Message {
  if (!firstLeftOut) return { key: 'plan.yes.roomForAll' };
  switch (firstRoundDecider(r, firstLeftOut)) {
    case 'waited': return { key: 'plan.first.yes.waited' };
    case 'count': return { key: 'plan.first.yes.fewer' };
    case 'since': return { key: 'plan.first.yes.tieSince' };
    case 'id': return { key: 'plan.first.yes.tieName', params: byName(r, firstLeftOut) };
  }
}

/** Why a party has no seat in the first round with limited seats (as firstRoundSeatReason). */
function firstRoundLeftOutReason(r: PlanRow, lastChosen: PlanRow | undefined): Message {
  switch (lastChosen ? firstRoundDecider(r, lastChosen) : 'waited') {
    case 'waited': return { key: 'plan.first.no.waited' };
    case 'count': return { key: 'plan.first.no.more' };
    case 'since': return { key: 'plan.first.no.tieSince' };
    case 'id': return { key: 'plan.first.no.tieName', params: byName(lastChosen!, r) };
  }
}
