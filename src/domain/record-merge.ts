// Two people changed the same record in their own copies: the three-way merge of its data (the
// version both started from, yours, theirs). A field only one side changed takes that side's value;
// an object both changed (a contact, a decision) is merged field by field in turn; a list whose
// entries have an identity of their own is merged entry by entry: an assessment is its assessor's,
// a response its party's, a funding line its pool's, year's and kind's, and a list of ids (areas,
// municipalities, invited parties) is a set, each id an entry. Only the same field, or the same
// entry, changed on both sides to different values is a conflict. Pure.
import { ASSESSOR } from './personal.js';
import { isPlainObject, sameData, type Data } from './plain-data.js';
import type { RecordKind } from './record-kinds.js';
import { shapeAt } from './shapes.js';

/**
 * The fields that name an entry of a list of objects, where the commands that write the list or the
 * validation rules keep them unique: `application assess` replaces an assessor's own assessment,
 * `call declare` an assessor's declaration of the same day, `consultation note` finds a response by
 * its party, `agreement report` a report by its due date and kind, and budget-year-unique allows one
 * budget a year. An evaluation is only its date and summary: each one written is an entry.
 */
const ENTRY_KEYS: { readonly [K in RecordKind]?: { readonly [field: string]: readonly string[] } } = {
  application: { assessments: [ASSESSOR] },
  call: { declarations: [ASSESSOR, 'date'] },
  consultation: { responses: ['party'], omitted: ['party'] },
  agreement: { funding: ['pool', 'year', 'kind'], reports: ['due', 'kind'], evaluations: ['date', 'summary'] },
  pool: { budgets: ['year'] },
};

export type Side = 'mine' | 'theirs';

export interface FieldConflict {
  /** The field, dotted inside an object (`contact.email`). */
  field: string;
  /** For a list of entries: how many of its entries both sides changed. */
  entries?: number;
}

export interface RecordMerge {
  /** The merged record; where the sides conflict, the side `prefer` names. */
  merged: Data;
  conflicts: FieldConflict[];
}

type Identity = (entry: unknown) => string | undefined;

/** How an entry of the list at `path` is known, or undefined when its entries have no identity of their own. */
function identityOf(kind: RecordKind, path: string): Identity | undefined {
  const keys = ENTRY_KEYS[kind]?.[path];
  if (keys) return (e) => (isPlainObject(e) && keys.every((k) => e[k] !== undefined) ? JSON.stringify(keys.map((k) => e[k])) : undefined);
  const shape = shapeAt(kind, path);
  const scalar = shape?.items?.type === 'string' || shape?.items?.type === 'integer';
  if (shape?.type === 'array' && shape.uniqueItems && scalar) return (e) => (typeof e === 'string' || typeof e === 'number' ? JSON.stringify(e) : undefined);
  return undefined;
}

/** Entries by identity, or undefined when one has none or two share one (then the list is merged whole). */
function byIdentity(list: unknown, identity: Identity): Map<string, unknown> | undefined {
  if (list === undefined) return new Map();
  if (!Array.isArray(list)) return undefined;
  const out = new Map<string, unknown>();
  for (const e of list) {
    const k = identity(e);
    if (k === undefined || out.has(k)) return undefined;
    out.set(k, e);
  }
  return out;
}

/** One value both sides may have changed: the side that changed it, or a conflict. */
function pick(base: unknown, mine: unknown, theirs: unknown, prefer: Side): { value: unknown; conflict: boolean } {
  if (sameData(mine, theirs) || sameData(theirs, base)) return { value: mine, conflict: false };
  if (sameData(mine, base)) return { value: theirs, conflict: false };
  return { value: prefer === 'mine' ? mine : theirs, conflict: true };
}

/** A list merged entry by entry: your order, then the entries only the shared side added, in its order. */
function mergeEntries(base: unknown, mine: unknown, theirs: unknown, identity: Identity, prefer: Side): { value: unknown; conflicts: number } | undefined {
  const [b, m, t] = [base, mine, theirs].map((l) => byIdentity(l, identity));
  if (!b || !m || !t) return undefined;
  let conflicts = 0;
  const out: unknown[] = [];
  for (const k of [...m.keys(), ...[...t.keys()].filter((x) => !m.has(x))]) {
    const one = pick(b.get(k), m.get(k), t.get(k), prefer);
    if (one.conflict) conflicts++;
    if (one.value !== undefined) out.push(one.value);
  }
  // A side that took the whole list away, with nothing left of it: the field stays away.
  return { value: out.length === 0 && (mine === undefined || theirs === undefined) ? undefined : out, conflicts };
}

function mergeObject(kind: RecordKind, prefix: string, base: Data, mine: Data, theirs: Data, prefer: Side, conflicts: FieldConflict[]): Data {
  const merged: Data = {};
  for (const k of [...Object.keys(mine), ...Object.keys(theirs).filter((x) => !Object.hasOwn(mine, x)), ...Object.keys(base).filter((x) => !Object.hasOwn(mine, x) && !Object.hasOwn(theirs, x))]) {
    const field = prefix + k;
    const [b, m, t] = [base[k], mine[k], theirs[k]];
    let value: unknown;
    const one = pick(b, m, t, prefer);
    if (!one.conflict) value = one.value;
    else if (isPlainObject(b) && isPlainObject(m) && isPlainObject(t)) value = mergeObject(kind, `${field}.`, b, m, t, prefer, conflicts);
    else {
      const identity = identityOf(kind, field);
      const entries = identity && mergeEntries(b, m, t, identity, prefer);
      if (entries) {
        value = entries.value;
        if (entries.conflicts > 0) conflicts.push({ field, entries: entries.conflicts });
      } else {
        value = one.value;
        conflicts.push({ field });
      }
    }
    if (value !== undefined) merged[k] = value;
  }
  return merged;
}

/**
 * The record both sides changed, merged: every change of either side kept, and the conflicts (the
 * same field or entry changed on both sides) listed, each resolved to `prefer`'s version.
 */
export function mergeRecord(kind: RecordKind, base: Data, mine: Data, theirs: Data, prefer: Side = 'mine'): RecordMerge {
  const conflicts: FieldConflict[] = [];
  const merged = mergeObject(kind, '', base, mine, theirs, prefer, conflicts);
  return { merged, conflicts: conflicts.sort((a, b) => (a.field < b.field ? -1 : a.field > b.field ? 1 : 0)) };
}
