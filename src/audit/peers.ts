// The peers of an agreement: the organisations that are active on the audit date (reach.ts
// `organisationActiveOn`: made inactive later still counts), are not its parties,
// share at least one area and one patient group with it, reach at least one municipality it
// reaches, and were registered on or before a cut-off date (the agreement's start; for
// restricted-call the call's publication date). No `registered` date counts as always. An
// agreement naming no areas has its organisations' areas; one naming no patient groups concerns
// every group of its areas; an organisation naming no patient groups is nobody's peer.
//
// Found through an index built once per folder, keyed by area and patient group, so an agreement
// looks only at the organisations that share both with it and then checks reach and date: never
// every agreement against every organisation. Organisations are numbered in id order, so reach is
// a bit set per organisation, "seen" is a stamp per number and the result sorts as numbers.
import type { DataFolder } from '../domain/folder.js';
import type { Agreement, Organisation } from '../domain/kinds.js';
import { agreementAreas, municipalityIds, organisationActiveOn } from '../domain/reach.js';
import { concernedGroups, groupTree } from '../domain/scope.js';

export class PeerIndex {
  private readonly orgs: Organisation[];
  private readonly byAreaGroup = new Map<string, Int32Array>();
  private readonly municipalityBit = new Map<string, number>();
  /** Each organisation's reach as bit-set words; all ones for a regional or national scope. */
  private readonly reach: Uint32Array;
  private readonly words: number;
  private readonly seen: Uint32Array;
  private stamp = 0;

  constructor(private readonly folder: DataFolder, asOf: string) {
    const municipalities = municipalityIds(folder);
    municipalities.forEach((m, i) => this.municipalityBit.set(m, i));
    this.words = Math.max(1, Math.ceil(municipalities.length / 32));
    this.orgs = [...folder.records.organisation.values()].filter((o) => organisationActiveOn(o, asOf)).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    this.reach = new Uint32Array(this.orgs.length * this.words);
    this.seen = new Uint32Array(this.orgs.length);
    const tree = groupTree(folder);
    const lists = new Map<string, number[]>();
    this.orgs.forEach((org, n) => {
      this.setReach(this.reach, n * this.words, org.scope ? undefined : org.municipalities ?? []);
      const groups = concernedGroups(tree, org.patient_groups, org.areas, false);
      for (const area of org.areas) {
        for (const g of groups) {
          const key = `${area}\u0000${g}`;
          const list = lists.get(key);
          if (list) list.push(n);
          else lists.set(key, [n]);
        }
      }
    });
    for (const [key, list] of lists) this.byAreaGroup.set(key, Int32Array.from(list));
  }

  /** Sets the bits of `municipalities` (all bits when undefined: the whole region). */
  private setReach(into: Uint32Array, at: number, municipalities: readonly string[] | undefined): void {
    if (municipalities === undefined) {
      into.fill(0xffffffff, at, at + this.words);
      return;
    }
    for (const m of municipalities) {
      const bit = this.municipalityBit.get(m);
      if (bit !== undefined) into[at + (bit >>> 5)] |= 1 << (bit & 31);
    }
  }

  /** The peers of an agreement with organisations registered on or before `cutoff` (default its start), sorted by id. */
  peersOf(agreement: Agreement, cutoff: string = agreement.start): Organisation[] {
    const areas = agreementAreas(this.folder, agreement);
    const groups = concernedGroups(groupTree(this.folder), agreement.patient_groups, areas, true);
    const reach = new Uint32Array(this.words);
    this.setReach(reach, 0, agreement.scope ? undefined : agreement.municipalities ?? []);
    const parties = new Set(agreement.organisations);
    const stamp = this.nextStamp();
    const found: number[] = [];
    for (const area of areas) {
      for (const g of groups) {
        const list = this.byAreaGroup.get(`${area}\u0000${g}`);
        if (!list) continue;
        for (let i = 0; i < list.length; i++) {
          const n = list[i];
          if (this.seen[n] === stamp) continue;
          this.seen[n] = stamp;
          if (!this.reaches(n, reach)) continue;
          const org = this.orgs[n];
          if (org.registered !== undefined && org.registered > cutoff) continue;
          if (parties.has(org.id)) continue;
          found.push(n);
        }
      }
    }
    return found.sort((a, b) => a - b).map((n) => this.orgs[n]);
  }

  private reaches(n: number, reach: Uint32Array): boolean {
    const at = n * this.words;
    for (let w = 0; w < this.words; w++) if ((this.reach[at + w] & reach[w]) !== 0) return true;
    return false;
  }

  private nextStamp(): number {
    if (++this.stamp === 0xffffffff) {
      this.seen.fill(0);
      this.stamp = 1;
    }
    return this.stamp;
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
