// The peers of an agreement (issue 5): the organisations that are active, are not its parties,
// share at least one area and one patient group with it, reach at least one municipality it reaches,
// and were registered on or before a cut-off date (the agreement's start; for restricted-call the
// call's publication date). No `registered` date counts as always.
//
// Found through an index built once per folder, keyed by area and patient group, so an agreement
// looks only at the organisations that share both with it and then checks reach and date: never
// every agreement against every organisation.
import type { DataFolder } from '../core/folder.js';
import type { Agreement, Organisation } from '../core/kinds.js';
import { municipalityIds, reachOf } from '../core/reach.js';
import { concernedGroups, groupTree } from './scope.js';

interface Indexed {
  org: Organisation;
  /** Undefined when the organisation reaches every municipality (regional or national scope). */
  municipalities: ReadonlySet<string> | undefined;
}

export class PeerIndex {
  private readonly byAreaGroup = new Map<string, Indexed[]>();
  private readonly allMunicipalities: string[];

  constructor(private readonly folder: DataFolder) {
    this.allMunicipalities = municipalityIds(folder);
    const tree = groupTree(folder);
    for (const org of folder.records.organisation.values()) {
      if (org.status !== 'active') continue;
      const entry: Indexed = { org, municipalities: org.scope ? undefined : new Set(org.municipalities ?? []) };
      const groups = concernedGroups(tree, org.patient_groups, org.areas, false);
      for (const area of org.areas) {
        for (const g of groups) {
          const key = `${area}\u0000${g}`;
          const list = this.byAreaGroup.get(key);
          if (list) list.push(entry);
          else this.byAreaGroup.set(key, [entry]);
        }
      }
    }
  }

  /** The peers of an agreement with organisations registered on or before `cutoff` (default its start), sorted by id. */
  peersOf(agreement: Agreement, cutoff: string = agreement.start): Organisation[] {
    const tree = groupTree(this.folder);
    const groups = concernedGroups(tree, agreement.patient_groups, agreement.areas, true);
    const reach = reachOf(agreement, this.allMunicipalities);
    const parties = new Set(agreement.organisations);
    const seen = new Set<string>();
    const out: Organisation[] = [];
    for (const area of agreement.areas ?? []) {
      for (const g of groups) {
        for (const { org, municipalities } of this.byAreaGroup.get(`${area}\u0000${g}`) ?? []) {
          if (seen.has(org.id)) continue;
          seen.add(org.id);
          if (parties.has(org.id)) continue;
          if (org.registered !== undefined && org.registered > cutoff) continue;
          if (!reachesAny(municipalities, reach)) continue;
          out.push(org);
        }
      }
    }
    return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
}

function reachesAny(orgReach: ReadonlySet<string> | undefined, reach: ReadonlySet<string>): boolean {
  if (reach.size === 0) return false;
  if (orgReach === undefined) return true;
  for (const m of orgReach) if (reach.has(m)) return true;
  return false;
}

const indexes = new WeakMap<DataFolder, PeerIndex>();

/** The folder's peer index, built on first use and shared by every rule that needs it. */
export function peerIndex(folder: DataFolder): PeerIndex {
  let index = indexes.get(folder);
  if (!index) {
    index = new PeerIndex(folder);
    indexes.set(folder, index);
  }
  return index;
}
