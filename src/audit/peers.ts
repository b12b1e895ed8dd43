// The peers of an agreement: the organisations that were active on the cut-off date below (reach.ts
// `organisationActiveOn`: made inactive later, even on the audit date, still counts), are not its parties,
// share at least one area and one patient group with it, reach at least one municipality it
// reaches, and were registered on or before a cut-off date (the agreement's start; for
// restricted-call the call's publication date). No `registered` date counts as always. An
// agreement naming no areas has its organisations' areas; one naming no patient groups concerns
// every group of its areas; an organisation naming no patient groups is nobody's peer.
//
// Found through an index built once per folder. Organisations are numbered in id order, and the
// index keeps, per area and patient group and per municipality, the set of organisations as bits
// (one bit per organisation). An agreement's candidates are the union of the sets of its areas and
// groups, kept where they meet the union of the sets of the municipalities it reaches; walking the
// bits that remain gives them in id order, and only they are checked for date and party. Never every
// agreement against every organisation, and no list of candidates to sort.
import type { DataFolder } from '../domain/folder.js';
import type { Agreement, Organisation } from '../domain/kinds.js';
import { agreementAreas, municipalityIds, organisationActiveOn } from '../domain/reach.js';
import { concernedGroups, groupTree } from '../domain/scope.js';
import type { RecordRef } from './finding.js';

export class PeerIndex {
  /** The organisations that were active on some date (inactive ones with no date never were), in id order: bit n of a set is orgs[n]. */
  private readonly orgs: Organisation[];
  /** Each organisation's reference, made once and shared by every finding that names it. */
  private readonly refs: RecordRef[];
  /** Words (32 organisations each) in one set. */
  private readonly words: number;
  private readonly byAreaGroup = new Map<string, Uint32Array>();
  /** The organisations that reach each municipality: those that list it, and every regional or national one. */
  private readonly byMunicipality = new Map<string, Uint32Array>();
  /** The organisations that reach any of the region's municipalities (what a regional or national agreement reaches). */
  private readonly reachesAny: Uint32Array;
  /** Working sets for one agreement at a time. */
  private readonly shared: Uint32Array;
  private readonly reach: Uint32Array;

  constructor(private readonly folder: DataFolder) {
    this.orgs = [...folder.records.organisation.values()].filter((o) => o.status === 'active' || o.inactive_since !== undefined).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    this.refs = this.orgs.map((o) => ({ kind: 'organisation', id: o.id }));
    const words = (this.words = Math.max(1, Math.ceil(this.orgs.length / 32)));
    for (const m of municipalityIds(folder)) this.byMunicipality.set(m, new Uint32Array(words));
    const wide = new Uint32Array(words);
    const tree = groupTree(folder);
    this.orgs.forEach((org, n) => {
      const w = n >>> 5;
      const bit = 1 << (n & 31);
      if (org.scope) wide[w] |= bit;
      else for (const m of org.municipalities ?? []) {
        const set = this.byMunicipality.get(m);
        if (set) set[w] |= bit;
      }
      const groups = concernedGroups(tree, org.patient_groups, org.areas, false);
      for (const area of org.areas) {
        for (const g of groups) {
          const key = `${area}\u0000${g}`;
          let set = this.byAreaGroup.get(key);
          if (!set) this.byAreaGroup.set(key, (set = new Uint32Array(words)));
          set[w] |= bit;
        }
      }
    });
    this.reachesAny = wide.slice();
    for (const set of this.byMunicipality.values()) {
      for (let w = 0; w < words; w++) {
        set[w] |= wide[w];
        this.reachesAny[w] |= set[w];
      }
    }
    this.shared = new Uint32Array(words);
    this.reach = new Uint32Array(words);
  }

  /**
   * The peers of an agreement with organisations registered on or before `cutoff` (default its
   * start) and active on it, as references sorted by id. The references are shared between calls: not to be changed.
   */
  peersOf(agreement: Agreement, cutoff: string = agreement.start): RecordRef[] {
    const words = this.words;
    const areas = agreementAreas(this.folder, agreement);
    const groups = concernedGroups(groupTree(this.folder), agreement.patient_groups, areas, true);
    // Sharing an area and a patient group with it.
    const shared = this.shared;
    shared.fill(0);
    let any = false;
    for (const area of areas) {
      for (const g of groups) {
        const set = this.byAreaGroup.get(`${area}\u0000${g}`);
        if (!set) continue;
        any = true;
        for (let w = 0; w < words; w++) shared[w] |= set[w];
      }
    }
    if (!any) return [];
    // Reaching a municipality it reaches.
    let reach = this.reachesAny;
    if (!agreement.scope) {
      reach = this.reach;
      reach.fill(0);
      for (const m of agreement.municipalities ?? []) {
        const set = this.byMunicipality.get(m);
        if (set) for (let w = 0; w < words; w++) reach[w] |= set[w];
      }
    }
    const found: RecordRef[] = [];
    for (let w = 0; w < words; w++) {
      let bits = shared[w] & reach[w];
      while (bits !== 0) {
        const low = bits & -bits;
        bits ^= low;
        const n = (w << 5) + 31 - Math.clz32(low);
        const org = this.orgs[n];
        if (org.registered !== undefined && org.registered > cutoff) continue;
        if (!organisationActiveOn(org, cutoff)) continue;
        if (agreement.organisations.includes(org.id)) continue;
        found.push(this.refs[n]);
      }
    }
    return found;
  }
}

const indexes = new WeakMap<DataFolder, PeerIndex>();

/** The folder's peer index, built on first use and shared by every rule that needs it. */
export function peerIndex(folder: DataFolder): PeerIndex {
  let index = indexes.get(folder);
  if (!index) indexes.set(folder, (index = new PeerIndex(folder)));
  return index;
}
