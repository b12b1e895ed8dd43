// The peers of an agreement: the organisations that are active on the audit date (reach.ts
// `organisationActiveOn`: made inactive later still counts), are not its parties,
// share at least one area and one patient group with it, reach at least one municipality it
// reaches, and were registered on or before a cut-off date (the agreement's start; for
// restricted-call the call's publication date). No `registered` date counts as always. An
// agreement naming no areas has its organisations' areas; one naming no patient groups concerns
// every group of its areas; an organisation naming no patient groups is nobody's peer.
//
// Found through an index built once per folder. Organisations are numbered in id order, and the
// index keeps, per area, per patient group and per municipality, the set of organisations as bits
// (one bit per organisation). Sharing an area and a patient group is sharing one of each (an area
// and a group need not belong together), so an agreement's candidates are where the union of its
// areas' sets meets the union of its groups' sets and the union of the sets of the municipalities
// it reaches; walking the bits that remain gives them in id order, and only they are checked for
// date and party. Never every agreement against every organisation, and no list of candidates to
// sort.
import type { DataFolder } from '../domain/folder.js';
import type { Agreement, Area, Organisation } from '../domain/kinds.js';
import { agreementAreas, municipalityIds, organisationActiveOn } from '../domain/reach.js';
import { groupTree, type GroupTree } from '../domain/scope.js';
import type { RecordRef } from './finding.js';

export class PeerIndex {
  /** The organisations active on the audit date, in id order: bit n of a set is orgs[n]. */
  private readonly orgs: Organisation[];
  /** Each organisation's reference, made once and shared by every finding that names it. */
  private readonly refs: RecordRef[];
  /** Words (32 organisations each) in one set. */
  private readonly words: number;
  private readonly tree: GroupTree;
  private readonly byArea = new Map<string, Uint32Array>();
  /** The organisations concerned with each patient group: those that name it or a group above it. */
  private readonly byGroup = new Map<string, Uint32Array>();
  /** The organisations that reach each municipality: those that list it, and every regional or national one. */
  private readonly byMunicipality = new Map<string, Uint32Array>();
  /** concernedWith and concernedWithArea, made when first asked (null: nobody). */
  private readonly byNamedGroup = new Map<string, Uint32Array | null>();
  private readonly byAreaGroups = new Map<string, Uint32Array | null>();
  /** The organisations that reach any of the region's municipalities (what a regional or national agreement reaches). */
  private readonly reachesAny: Uint32Array;
  /** scopeSet's answers, by areas and groups. */
  private readonly byScope = new Map<string, Uint32Array | null>();
  /** The registration dates there are, in order, and each organisation's place among them counted from 1 (0: none, as if always). */
  private readonly dates: string[];
  private readonly registered: Int32Array;
  /** A working set for one agreement at a time. */
  private readonly reach: Uint32Array;

  constructor(private readonly folder: DataFolder, asOf: string) {
    const active: Organisation[] = [];
    let sorted = true;
    for (const o of folder.records.organisation.values()) {
      if (!organisationActiveOn(o, asOf)) continue;
      if (active.length > 0 && active[active.length - 1].id > o.id) sorted = false;
      active.push(o);
    }
    // A folder is listed in file-name order, so the organisations mostly come sorted already.
    this.orgs = sorted ? active : active.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    this.refs = this.orgs.map((o) => ({ kind: 'organisation', id: o.id }));
    const words = (this.words = Math.max(1, Math.ceil(this.orgs.length / 32)));
    const setOf = (map: Map<string, Uint32Array>, key: string): Uint32Array => {
      let set = map.get(key);
      if (!set) map.set(key, (set = new Uint32Array(words)));
      return set;
    };
    for (const m of municipalityIds(folder)) setOf(this.byMunicipality, m);
    const wide = new Uint32Array(words);
    const tree = (this.tree = groupTree(folder));
    for (let n = 0; n < this.orgs.length; n++) {
      const org = this.orgs[n];
      const w = n >>> 5;
      const bit = 1 << (n & 31);
      if (org.scope) wide[w] |= bit;
      else for (const m of org.municipalities ?? []) {
        const set = this.byMunicipality.get(m);
        if (set) set[w] |= bit;
      }
      for (const area of org.areas) setOf(this.byArea, area)[w] |= bit;
      // The groups it names and those below them (domain/scope.ts `concernedGroups`); none: no group.
      for (const g of org.patient_groups ?? []) {
        const below = tree.descendants.get(g);
        if (!below) setOf(this.byGroup, g)[w] |= bit;
        else for (const d of below) setOf(this.byGroup, d)[w] |= bit;
      }
    }
    this.reachesAny = wide.slice();
    for (const set of this.byMunicipality.values()) {
      for (let w = 0; w < words; w++) {
        set[w] |= wide[w];
        this.reachesAny[w] |= set[w];
      }
    }
    this.reach = new Uint32Array(words);
    const dates = new Set<string>();
    for (const o of this.orgs) if (o.registered !== undefined) dates.add(o.registered);
    this.dates = [...dates].sort();
    const place = new Map(this.dates.map((d, i) => [d, i + 1]));
    this.registered = Int32Array.from(this.orgs, (o) => (o.registered === undefined ? 0 : place.get(o.registered)!));
  }

  /** An active organisation's place in the index (found by halving, the list being in id order); -1 for any other. */
  private numberOf(id: string): number {
    let lo = 0;
    let hi = this.orgs.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const at = this.orgs[mid].id;
      if (at === id) return mid;
      if (at < id) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /**
   * The organisations that share a scope with a record naming patient group `g`: the record
   * concerns `g` and every group below it (domain/scope.ts `concernedGroups`), so these are the
   * organisations concerned with any of them. Undefined when there are none.
   */
  private concernedWith(g: string): Uint32Array | undefined {
    let set = this.byNamedGroup.get(g);
    if (set === undefined) {
      set = this.union([...(this.tree.descendants.get(g) ?? [g])].map((d) => this.byGroup.get(d)));
      this.byNamedGroup.set(g, set);
    }
    return set ?? undefined;
  }

  /** The same for a record that names no patient group and so concerns every group of an area. */
  private concernedWithArea(area: string): Uint32Array | undefined {
    let set = this.byAreaGroups.get(area);
    if (set === undefined) {
      set = this.union((this.tree.byArea.get(area as Area) ?? []).map((g) => this.concernedWith(g)));
      this.byAreaGroups.set(area, set);
    }
    return set ?? undefined;
  }

  /** The union of some sets; null when there is none. */
  private union(sets: ReadonlyArray<Uint32Array | undefined>): Uint32Array | null {
    let out: Uint32Array | null = null;
    for (const set of sets) {
      if (!set) continue;
      out ??= new Uint32Array(this.words);
      for (let w = 0; w < this.words; w++) out[w] |= set[w];
    }
    return out;
  }

  /**
   * The organisations that share an area and a patient group with a record of these areas and
   * groups (naming none: every group of its areas); null when none do. Kept per areas and groups,
   * which many agreements have in common.
   */
  private scopeSet(areaIds: readonly string[], named: readonly string[] | undefined): Uint32Array | null {
    const groupIds = named && named.length > 0 ? named : undefined;
    const key = `${areaIds.join(',')}\u0000${groupIds ? groupIds.join(',') : ''}`;
    let set = this.byScope.get(key);
    if (set !== undefined) return set;
    const areas = this.union(areaIds.map((a) => this.byArea.get(a)));
    const groups = this.union(groupIds ? groupIds.map((g) => this.concernedWith(g)) : areaIds.map((a) => this.concernedWithArea(a)));
    set = null;
    if (areas && groups) {
      let any = 0;
      for (let w = 0; w < this.words; w++) any |= areas[w] &= groups[w];
      if (any !== 0) set = areas;
    }
    this.byScope.set(key, set);
    return set;
  }

  /** The organisations that reach a municipality the agreement reaches. */
  private reachOf(agreement: Agreement): Uint32Array {
    if (agreement.scope) return this.reachesAny;
    const listed = agreement.municipalities ?? [];
    const reach = this.reach;
    if (listed.length === 1) return this.byMunicipality.get(listed[0]) ?? reach.fill(0);
    reach.fill(0);
    for (const m of listed) {
      const set = this.byMunicipality.get(m);
      if (set) for (let w = 0; w < this.words; w++) reach[w] |= set[w];
    }
    return reach;
  }

  /**
   * The peers of an agreement with organisations registered on or before `cutoff` (default its
   * start), as references in id order. The references are shared between calls: not to be changed.
   */
  peersOf(agreement: Agreement, cutoff: string = agreement.start): RecordRef[] {
    const scope = this.scopeSet(agreementAreas(this.folder, agreement), agreement.patient_groups);
    if (!scope) return [];
    const reach = this.reachOf(agreement);
    // Registered after the cut-off: a place in the dates' order past those on or before it.
    const dates = this.dates;
    let lo = 0;
    for (let hi = dates.length; lo < hi;) {
      const mid = (lo + hi) >>> 1;
      if (dates[mid] <= cutoff) lo = mid + 1;
      else hi = mid;
    }
    const latest = lo;
    const registered = this.registered;
    // Its parties by their place in the index (an inactive party is not in it, and no peer anyway).
    const parties = agreement.organisations;
    const first = parties.length > 0 ? this.numberOf(parties[0]) : -1;
    const found: RecordRef[] = [];
    for (let w = 0; w < this.words; w++) {
      let bits = scope[w] & reach[w];
      while (bits !== 0) {
        const low = bits & -bits;
        bits ^= low;
        const n = (w << 5) + 31 - Math.clz32(low);
        if (registered[n] > latest || n === first) continue;
        if (parties.length > 1 && parties.includes(this.orgs[n].id)) continue;
        found.push(this.refs[n]);
      }
    }
    return found;
  }
}

const indexes = new WeakMap<DataFolder, Map<string, PeerIndex>>();

/** The folder's peer index on the audit date, built on first use and shared by every rule that needs it. */
export function peerIndex(folder: DataFolder, asOf: string): PeerIndex {
  let byDate = indexes.get(folder);
  if (!byDate) indexes.set(folder, (byDate = new Map()));
  let index = byDate.get(asOf);
  if (!index) {
    index = new PeerIndex(folder, asOf);
    byDate.set(asOf, index);
  }
  return index;
}
