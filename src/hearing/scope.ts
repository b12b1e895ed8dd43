// Who may be heard on a consultation (issue 6): eligibility of a hearing party, and which earlier
// consultations overlap a consultation in scope. Pure functions over the loaded folder; the
// indexes are built once per folder so every consultation is judged without scanning all parties.
import type { DataFolder } from '../core/folder.js';
import type { Area, Consultation, HearingParty } from '../core/kinds.js';
import { descendantsIndex } from '../core/reach.js';

/** What a party or consultation is about: its areas and its patient groups with every group below them. */
export interface Scope {
  areas: ReadonlySet<Area>;
  groups: ReadonlySet<string>;
}

/** Why a party is not eligible for a consultation; none means it is eligible. */
export type Ineligibility = 'withdrawn' | 'organisation-inactive' | 'joined-after' | 'no-shared-area' | 'no-shared-group';

export interface HearingIndex {
  folder: DataFolder;
  scopeOf(record: { areas: readonly Area[]; patient_groups?: string[] }): Scope;
  /** Hearing parties under each patient group of their (expanded) scope. */
  partiesByGroup: ReadonlyMap<string, readonly HearingParty[]>;
  partiesByOrganisation: ReadonlyMap<string, readonly HearingParty[]>;
  /** Registered consultations under each patient group of their (expanded) scope, earliest first. */
  consultationsByGroup: ReadonlyMap<string, readonly Consultation[]>;
  /** Each consultation's eligible parties, once computed (several rules and the plan ask). */
  eligibleCache: WeakMap<Consultation, HearingParty[]>;
}

const built = new WeakMap<DataFolder, HearingIndex>();

/** The folder's hearing index, built on first use (linear in parties, consultations and groups). */
export function hearingIndex(folder: DataFolder): HearingIndex {
  let index = built.get(folder);
  if (!index) {
    index = buildIndex(folder);
    built.set(folder, index);
  }
  return index;
}

function buildIndex(folder: DataFolder): HearingIndex {
  const groups = folder.vocabularies.patientGroups;
  const below = descendantsIndex(groups);
  const groupsByArea = new Map<Area, string[]>();
  for (const g of groups) for (const a of g.areas as Area[]) groupsByArea.set(a, [...(groupsByArea.get(a) ?? []), g.id]);
  const scopes = new WeakMap<object, Scope>();

  // A record with no patient groups concerns every patient group of its areas (the issue says so of
  // consultations; we read a hearing party's empty list the same way: it wants to be heard on all of them).
  // A group concerns the groups below it too, so a party heard on "psychosis" shares a consultation on
  // "schizophrenia", and the other way round; two sibling groups do not overlap.
  function scopeOf(record: { areas: readonly Area[]; patient_groups?: string[] }): Scope {
    const cached = scopes.get(record);
    if (cached) return cached;
    const areas = new Set<Area>(record.areas);
    const out = new Set<string>();
    if (record.patient_groups && record.patient_groups.length > 0) {
      for (const g of record.patient_groups) for (const d of below.get(g) ?? [g]) out.add(d);
    } else {
      for (const a of areas) for (const g of groupsByArea.get(a) ?? []) out.add(g);
    }
    const scope = { areas, groups: out };
    scopes.set(record, scope);
    return scope;
  }

  const partiesByGroup = new Map<string, HearingParty[]>();
  const partiesByOrganisation = new Map<string, HearingParty[]>();
  for (const p of sortedById(folder.records['hearing-party'])) {
    for (const g of scopeOf(p).groups) push(partiesByGroup, g, p);
    push(partiesByOrganisation, p.organisation, p);
  }
  const consultationsByGroup = new Map<string, Consultation[]>();
  for (const c of [...folder.records.consultation.values()].sort(byOpens)) {
    for (const g of scopeOf(c).groups) push(consultationsByGroup, g, c);
  }
  return { folder, scopeOf, partiesByGroup, partiesByOrganisation, consultationsByGroup, eligibleCache: new WeakMap() };
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function sortedById<T extends { id: string }>(records: ReadonlyMap<string, T>): T[] {
  return [...records.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Consultations in the order they opened; the same day by id. */
export function byOpens(a: Consultation, b: Consultation): number {
  return a.opens < b.opens ? -1 : a.opens > b.opens ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function intersects<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): boolean {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const x of small) if (large.has(x)) return true;
  return false;
}

/**
 * Why `party` is not eligible for `consultation` (empty when it is): it must be active on the
 * standing hearing list at the consultation's `opens` date (status active and `since` on or before
 * it), its organisation active, and share at least one area and one patient group with it.
 * The records hold no withdrawal date, so a withdrawn party counts as off the list for every consultation.
 */
export function ineligibility(index: HearingIndex, party: HearingParty, consultation: Consultation): Ineligibility[] {
  const out: Ineligibility[] = [];
  if (party.status !== 'active') out.push('withdrawn');
  if (index.folder.records.organisation.get(party.organisation)?.status !== 'active') out.push('organisation-inactive');
  if (party.since > consultation.opens) out.push('joined-after');
  const p = index.scopeOf(party);
  const c = index.scopeOf(consultation);
  if (!intersects(p.areas, c.areas)) out.push('no-shared-area');
  if (!intersects(p.groups, c.groups)) out.push('no-shared-group');
  return out;
}

/** The same test as `ineligibility(...).length === 0`, without building the list (it runs for every party of every consultation). */
export function isEligible(index: HearingIndex, party: HearingParty, consultation: Consultation): boolean {
  if (party.status !== 'active' || party.since > consultation.opens) return false;
  if (index.folder.records.organisation.get(party.organisation)?.status !== 'active') return false;
  const p = index.scopeOf(party);
  const c = index.scopeOf(consultation);
  return intersects(p.areas, c.areas) && intersects(p.groups, c.groups);
}

/** The parties eligible for a consultation, by id; found through the group index, not by scanning every party. */
export function eligibleParties(index: HearingIndex, consultation: Consultation): HearingParty[] {
  const cached = index.eligibleCache.get(consultation);
  if (cached) return [...cached];
  const seen = new Set<string>();
  const out: HearingParty[] = [];
  for (const g of index.scopeOf(consultation).groups) {
    for (const p of index.partiesByGroup.get(g) ?? []) {
      if (seen.has(p.id)) continue;
      seen.add(p.id);
      if (isEligible(index, p, consultation)) out.push(p);
    }
  }
  out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  index.eligibleCache.set(consultation, out);
  return [...out];
}

/** Two consultations overlap in scope when they share an area and a patient group. */
export function overlapInScope(index: HearingIndex, a: Consultation, b: Consultation): boolean {
  const sa = index.scopeOf(a);
  const sb = index.scopeOf(b);
  return intersects(sa.areas, sb.areas) && intersects(sa.groups, sb.groups);
}

/**
 * The latest `window` registered consultations that opened before `consultation` and overlap it in
 * scope, earliest first; only limited ones when `limitedOnly` (its rotation history).
 */
export function earlierOverlapping(index: HearingIndex, consultation: Consultation, window: number, limitedOnly: boolean): Consultation[] {
  const seen = new Set<string>([consultation.id]);
  const found: Consultation[] = [];
  for (const g of index.scopeOf(consultation).groups) {
    for (const c of index.consultationsByGroup.get(g) ?? []) {
      if (c.opens >= consultation.opens) break; // each list is in opening order
      if (seen.has(c.id)) continue;
      seen.add(c.id);
      if (limitedOnly && c.selection !== 'limited') continue;
      if (overlapInScope(index, consultation, c)) found.push(c);
    }
  }
  found.sort(byOpens);
  return window > 0 ? found.slice(Math.max(0, found.length - window)) : [];
}

/** The rotation history: the latest `rotation_window` earlier limited consultations overlapping in scope. */
export function rotationHistory(index: HearingIndex, consultation: Consultation): Consultation[] {
  return earlierOverlapping(index, consultation, index.folder.policy.rotation_window, true);
}

/** Fewer than two earlier limited consultations is no history to judge a rotation by. */
export const MIN_ROTATION_HISTORY = 2;
