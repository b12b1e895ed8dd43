// Reach, activity and patient groups: the small definitions that overviews, the audit and the
// hearing rules share (dates are core/dates.ts). Pure functions; today's date always comes in as
// `asOf` (YYYY-MM-DD).
import type { Agreement, Area, HearingParty, Offer, Organisation, PatientGroup } from './kinds.js';
import type { DataFolder } from './folder.js';

export interface Reaching {
  municipalities?: string[];
  scope?: 'regional' | 'national';
}

/** The municipalities a record reaches: its list, or all of the region's for a regional or national scope. */
export function reachOf(record: Reaching, allMunicipalities: readonly string[]): ReadonlySet<string> {
  if (record.scope) return new Set(allMunicipalities);
  return new Set(record.municipalities ?? []);
}

/** Each patient group with every group below it (itself included), from the vocabulary's parents. */
export function descendantsIndex(groups: readonly PatientGroup[]): Map<string, Set<string>> {
  const children = new Map<string, string[]>();
  for (const g of groups) if (g.parent) children.set(g.parent, [...(children.get(g.parent) ?? []), g.id]);
  const out = new Map<string, Set<string>>();
  for (const g of groups) {
    const all = new Set<string>();
    const stack = [g.id];
    while (stack.length) {
      const id = stack.pop()!;
      if (all.has(id)) continue; // a cycle is a validation error; never loop on it
      all.add(id);
      stack.push(...(children.get(id) ?? []));
    }
    out.set(g.id, all);
  }
  return out;
}

/**
 * Whether an organisation was active on `date`: its status is active, or it is inactive only since
 * a later day (`inactive_since` after `date`). An inactive one without that date counts as
 * inactive on every date, as before the date was recorded. An unknown organisation is not active.
 */
export function organisationActiveOn(org: Organisation | undefined, date: string): boolean {
  if (!org) return false;
  if (org.status === 'active') return true;
  return org.inactive_since !== undefined && org.inactive_since > date;
}

/**
 * Whether a hearing party was on the standing hearing list on `date`: it had joined (`since` on
 * or before `date`) and had not left, that is: it is active, or withdrawn only on a later day.
 * Withdrawn on `date` itself is off the list that day; withdrawn without a date is off the list on
 * every date.
 */
export function partyOnListOn(party: HearingParty, date: string): boolean {
  return party.since <= date && !partyWithdrawnBy(party, date);
}

/** Whether a hearing party had left the list by `date`: withdrawn on or before it, or withdrawn with no date recorded. */
export function partyWithdrawnBy(party: HearingParty, date: string): boolean {
  return party.status !== 'active' && (party.withdrawn === undefined || party.withdrawn <= date);
}

/** Whether an offer runs on `day`: it has started and not ended. */
export function offerRunningOn(offer: Pick<Offer, 'active_from' | 'active_until'>, day: string): boolean {
  return offer.active_from <= day && (offer.active_until === undefined || offer.active_until >= day);
}

/** An offer is active on `asOf` when it runs then (offerRunningOn) and its organisation is active then. */
export function offerActive(offer: Offer, folder: DataFolder, asOf: string): boolean {
  return offerRunningOn(offer, asOf)
    && organisationActiveOn(folder.records.organisation.get(offer.organisation), asOf);
}

/**
 * Money counts as allocated when its agreement is active or ended (not draft or cancelled), on any
 * date: an agreement that starts next year has granted its money already.
 */
export function fundingCounts(agreement: Agreement): boolean {
  return agreement.status === 'active' || agreement.status === 'ended';
}

/** Where a concluded agreement stands on a date: not started yet, in force, or over. */
export type AgreementStanding = 'upcoming' | 'in-force' | 'ended';

/**
 * Whether an agreement is in force on `date`: it was concluded (active, or ended with its end date
 * recorded) and `date` lies between its start and its end, both days included. A draft or a
 * cancelled agreement never is; nor is an ended one whose end was not recorded.
 */
export function agreementInForceOn(agreement: Agreement, date: string): boolean {
  if (!fundingCounts(agreement) || agreement.start > date) return false;
  return agreement.end === undefined ? agreement.status === 'active' : date <= agreement.end;
}

/**
 * Where an agreement stands on `date` (undefined for a draft or a cancelled one, which never came
 * into force): in force as `agreementInForceOn` says; upcoming before its start; ended otherwise
 * (after its end, or ended without an end date recorded).
 */
export function agreementStandingOn(agreement: Agreement, date: string): AgreementStanding | undefined {
  if (!fundingCounts(agreement)) return undefined;
  if (agreementInForceOn(agreement, date)) return 'in-force';
  const endedUndated = agreement.status === 'ended' && agreement.end === undefined;
  return agreement.start > date && !endedUndated ? 'upcoming' : 'ended';
}

export function municipalityIds(folder: DataFolder): string[] {
  return folder.vocabularies.municipalities.map((m) => m.id);
}

/**
 * The areas an agreement concerns: those it names, else those of its organisations (an agreement
 * that leaves its areas out must not slip past the rules that compare areas).
 */
export function agreementAreas(folder: DataFolder, agreement: Agreement): Area[] {
  if (agreement.areas && agreement.areas.length > 0) return agreement.areas;
  const out = new Set<Area>();
  for (const id of agreement.organisations) for (const a of folder.records.organisation.get(id)?.areas ?? []) out.add(a);
  return [...out];
}
