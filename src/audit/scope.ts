// What a record concerns, as the audit's definitions read it: its patient groups with the groups
// below them in the vocabulary (a group includes its children), and what "sharing a patient group"
// means between two records. Pure; the tree is built once per folder.
import type { DataFolder } from '../core/folder.js';
import type { Area } from '../core/kinds.js';
import { agreementAreas, descendantsIndex } from '../core/reach.js';

export { agreementAreas };
import { push } from './make.js';

export interface GroupTree {
  /** Each group with every group below it, itself included. */
  descendants: Map<string, Set<string>>;
  /** Each area's patient groups (for a record that names areas but no groups). */
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
 * that names none concerns every group of its areas when `noneMeansAll` (an agreement or a call,
 * like a consultation in issue 6), and no group otherwise (an organisation that lists none is not
 * known to work with any).
 */
export function concernedGroups(tree: GroupTree, groups: readonly string[] | undefined, areas: readonly string[] | undefined, noneMeansAll: boolean): Set<string> {
  const out = new Set<string>();
  const named = groups && groups.length > 0 ? groups : noneMeansAll ? (areas ?? []).flatMap((a) => tree.byArea.get(a as Area) ?? []) : [];
  for (const g of named) for (const d of tree.descendants.get(g) ?? [g]) out.add(d);
  return out;
}

export function overlaps<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): boolean {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const x of small) if (large.has(x)) return true;
  return false;
}

