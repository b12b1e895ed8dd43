// What a record concerns, and who may be heard on a consultation: one reading of patient-group
// scope for the audit (peers, short project chains, the hearing rules) and the hearing commands
// (plan, report, history). A record concerns its areas and each patient group it names with every
// group below it in the vocabulary; two records share a scope when they share an area and a group.
// Pure functions over the loaded folder; the group tree and the hearing index are built once per
// folder, so every consultation is judged without scanning all parties.
import type { DataFolder } from './folder.js';
import type { Area, Consultation, HearingParty, RecordKind } from './kinds.js';
import { descendantsIndex, organisationActiveOn, partyWithdrawnBy } from './reach.js';

export interface GroupTree {
  /** Each group with every group below it, itself included. */
  descendants: Map<string, Set<string>>;
  /** Each area's patient groups (for a record that names areas but no groups), in vocabulary order. */
  byArea: Map<Area, string[]>;
}

const trees = new WeakMap<DataFolder, GroupTree>();

export function groupTree(folder: DataFolder): GroupTree {
  let tree = trees.get(folder);
  if (!tree) {
    const byArea = new Map<Area, string[]>();
    for (const g of folder.vocabularies.patientGroups) for (const a of g.areas ?? []) push(byArea, a as Area, g.id);
    tree = { descendants: descendantsIndex(folder.vocabularies.patientGroups), byArea };
    trees.set(folder, tree);
  }
  return tree;
}

/**
 * The patient groups a record concerns: each group it names with the groups below it. A record
 * that names none concerns every group of its areas when `noneMeansAll` (an agreement, a call, a
 * consultation, a hearing party that wants to be heard on all of them), and no group otherwise (an
 * organisation that lists none is not known to work with any).
 */
export function concernedGroups(tree: GroupTree, groups: readonly string[] | undefined, areas: readonly string[] | undefined, noneMeansAll: boolean): Set<string> {
  const out = new Set<string>();
  const named = groups && groups.length > 0 ? groups : noneMeansAll ? (areas ?? []).flatMap((a) => tree.byArea.get(a as Area) ?? []) : [];
  for (const g of named) for (const d of tree.descendants.get(g) ?? [g]) out.add(d);
  return out;
}

/**
 * The kinds whose empty list of patient groups means every group of their areas (concernedGroups'
 * `noneMeansAll`): `show` and a guided review say so for such a list, never "none".
 */
const ALL_GROUPS_WHEN_NONE: ReadonlySet<RecordKind> = new Set<RecordKind>(['agreement', 'call', 'hearing-party', 'consultation']);

/** Whether an empty list at `path` of a record of `kind` means every patient group of its areas. */
export function emptyMeansAllGroups(kind: RecordKind, path: string): boolean {
  return path === 'patient_groups' && ALL_GROUPS_WHEN_NONE.has(kind);
}

/** What a party or consultation is about: its areas and its patient groups with every group below them. */
export interface Scope {
  areas: ReadonlySet<Area>;
  groups: ReadonlySet<string>;
}

const scopes = new WeakMap<GroupTree, WeakMap<object, Scope>>();

/** A record's scope; one that names no patient groups concerns every group of its areas. Kept per record. */
export function scopeOf(tree: GroupTree, record: { areas: readonly Area[]; patient_groups?: readonly string[] }): Scope {
  let cache = scopes.get(tree);
  if (!cache) scopes.set(tree, (cache = new WeakMap()));
  let scope = cache.get(record);
  if (!scope) {
    scope = { areas: new Set(record.areas), groups: concernedGroups(tree, record.patient_groups, record.areas, true) };
    cache.set(record, scope);
  }
  return scope;
}

/** Whether two sets have a member in common. */
export function overlaps<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): boolean {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const x of small) if (large.has(x)) return true;
  return false;
}

/** Two scopes overlap when they share an area and a patient group. */
export function sharesScope(a: Scope, b: Scope): boolean {
  return overlaps(a.areas, b.areas) && overlaps(a.groups, b.groups);
}

/** Why a party is not eligible for a consultation; none means it is eligible. */
export type Ineligibility = 'withdrawn' | 'organisation-inactive' | 'joined-after' | 'no-shared-area' | 'no-shared-group';

export interface HearingIndex {
  folder: DataFolder;
  /** The day the folder is judged on (an audit's or a report's --as-of), when there is one: see `listDate`. */
  asOf?: string;
  scopeOf(record: { areas: readonly Area[]; patient_groups?: readonly string[] }): Scope;
  /** Hearing parties under each patient group of their (expanded) scope. */
  partiesByGroup: ReadonlyMap<string, readonly HearingParty[]>;
  partiesByOrganisation: ReadonlyMap<string, readonly HearingParty[]>;
  /** Registered consultations under each patient group of their (expanded) scope, earliest first. */
  consultationsByGroup: ReadonlyMap<string, readonly Consultation[]>;
  /** Each consultation's eligible parties, once computed (several rules and the plan ask). */
  eligibleCache: WeakMap<Consultation, HearingParty[]>;
}

const built = new WeakMap<DataFolder, Map<string, HearingIndex>>();

/**
 * The folder's hearing index as judged on `asOf` (none: as the records stand), built on first use
 * (linear in parties, consultations and groups); the group lists are shared between dates.
 */
export function hearingIndex(folder: DataFolder, asOf?: string): HearingIndex {
  let byDate = built.get(folder);
  if (!byDate) built.set(folder, (byDate = new Map()));
  const key = asOf ?? '';
  let index = byDate.get(key);
  if (!index) {
    const any = byDate.values().next().value;
    index = any ? { ...any, asOf, eligibleCache: new WeakMap() } : { ...buildIndex(folder), asOf };
    byDate.set(key, index);
  }
  return index;
}

/**
 * The day a withdrawal or an inactive organisation is judged on for a consultation: the day it
 * opened; for one that opens after the day the folder is judged on, that day (a withdrawal dated
 * later was not known then, so a report as of that day shows the list as it stood). When it joined
 * (`since`) is always compared with the opening day, as it was recorded before.
 */
export function listDate(index: HearingIndex, consultation: Consultation): string {
  return index.asOf !== undefined && index.asOf < consultation.opens ? index.asOf : consultation.opens;
}

// A group concerns the groups below it too, so a party heard on "psychosis" shares a consultation on
// "schizophrenia", and the other way round; two sibling groups do not overlap.
function buildIndex(folder: DataFolder): HearingIndex {
  const tree = groupTree(folder);
  const scope = (record: { areas: readonly Area[]; patient_groups?: readonly string[] }): Scope => scopeOf(tree, record);
  const partiesByGroup = new Map<string, HearingParty[]>();
  const partiesByOrganisation = new Map<string, HearingParty[]>();
  for (const p of sortedById(folder.records['hearing-party'])) {
    for (const g of scope(p).groups) push(partiesByGroup, g, p);
    push(partiesByOrganisation, p.organisation, p);
  }
  const consultationsByGroup = new Map<string, Consultation[]>();
  for (const c of [...folder.records.consultation.values()].sort(byOpens)) {
    for (const g of scope(c).groups) push(consultationsByGroup, g, c);
  }
  return { folder, scopeOf: scope, partiesByGroup, partiesByOrganisation, consultationsByGroup, eligibleCache: new WeakMap() };
}

function push<K, T>(map: Map<K, T[]>, key: K, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function sortedById<T extends { id: string }>(records: ReadonlyMap<string, T>): T[] {
  return [...records.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Whether a consultation had been sent out by `asOf`: opened (open or closed) on an opening day not
 * after it. A planned one invited nobody yet, whatever its opening day says. The public site lists
 * only these, and the hearing history (plan, rotation) counts only these as invitations.
 */
export function consultationOpened(c: Consultation, asOf: string): boolean {
  return c.status !== 'planned' && c.opens <= asOf;
}

/** Consultations in the order they opened; the same day by id. */
export function byOpens(a: Consultation, b: Consultation): number {
  return a.opens < b.opens ? -1 : a.opens > b.opens ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Why `party` is not eligible for `consultation` (empty when it is): it must be on the standing
 * hearing list on the consultation's `opens` date (joined on or before it, not withdrawn by then,
 * `listDate`: a party withdrawn after the consultation opened was on the list for it), its
 * organisation active on that date, and share at least one area and one patient group with it. A
 * withdrawal or an inactive status without its date counts as always (reach.ts `partyOnListOn`,
 * `organisationActiveOn`).
 */
export function ineligibility(index: HearingIndex, party: HearingParty, consultation: Consultation): Ineligibility[] {
  const out: Ineligibility[] = [];
  const date = listDate(index, consultation);
  if (partyWithdrawnBy(party, date)) out.push('withdrawn');
  if (!organisationActiveOn(index.folder.records.organisation.get(party.organisation), date)) out.push('organisation-inactive');
  if (party.since > consultation.opens) out.push('joined-after');
  const p = index.scopeOf(party);
  const c = index.scopeOf(consultation);
  if (!overlaps(p.areas, c.areas)) out.push('no-shared-area');
  if (!overlaps(p.groups, c.groups)) out.push('no-shared-group');
  return out;
}

/** The same test as `ineligibility(...).length === 0`, without building the list (it runs for every party of every consultation). */
export function isEligible(index: HearingIndex, party: HearingParty, consultation: Consultation): boolean {
  const date = listDate(index, consultation);
  if (party.since > consultation.opens || partyWithdrawnBy(party, date)) return false;
  if (!organisationActiveOn(index.folder.records.organisation.get(party.organisation), date)) return false;
  return sharesScope(index.scopeOf(party), index.scopeOf(consultation));
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
  return sharesScope(index.scopeOf(a), index.scopeOf(b));
}

/**
 * The latest `window` registered consultations that opened before `consultation` and overlap it in
 * scope, earliest first; only limited ones when `limitedOnly` (its rotation history). Only those
 * opened by the day the folder is judged on (`consultationOpened`): a planned one sent nobody an
 * invitation, so it neither counts as a seat nor as a turn passed over.
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
      if (!consultationOpened(c, index.asOf ?? consultation.opens)) continue;
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
