// Two people changed the same record in their own copies: the three-way merge of its data (the
// version both started from, yours, theirs). A field only one side changed takes that side's value;
// an object both changed (a contact, a decision) is merged field by field in turn; a list whose
// entries have an identity of their own is merged entry by entry: an assessment is its assessor's,
// a response its party's, a funding line its pool's, year's and kind's, and a list of ids (areas,
// municipalities, invited parties) is a set, each id an entry. Only the same field, or the same
// entry, changed on both sides to different values is a conflict. Pure.
import { ASSESSOR, assessorKey } from './personal.js';
import { isPlainObject, sameData, type Data } from './plain-data.js';
import type { RecordKind } from './record-kinds.js';
import { shapeAt } from './shapes.js';

/**
 * The fields that name an entry of a list of objects, where the commands that write the list or the
 * validation rules keep them unique: `application assess` replaces an assessor's own assessment,
 * `call declare` an assessor's declaration of the same day, `consultation note` finds a response by
 * its party (and a point of it by its summary: `consultation note --index` changes a point's
 * disposition and reason, never its summary), `agreement report` a report by its due date and kind,
 * and budget-year-unique allows one budget a year. An evaluation is only its date and summary: each
 * one written is an entry.
 */
const ENTRY_KEYS: { readonly [K in RecordKind]?: { readonly [field: string]: readonly string[] } } = {
  application: { assessments: [ASSESSOR] },
  call: { declarations: [ASSESSOR, 'date'] },
  consultation: { responses: ['party'], 'responses.points': ['summary'], omitted: ['party'] },
  agreement: { funding: ['pool', 'year', 'kind'], reports: ['due', 'kind'], evaluations: ['date', 'summary'] },
  pool: { budgets: ['year'] },
};

/**
 * The lists whose entries, when both sides changed the same one, are merged field by field in turn:
 * a party's response is written a point at a time (`consultation note`), by whoever takes the next
 * point, so two people adding and deciding points of one response is ordinary work, not a conflict.
 * Elsewhere an entry is one person's whole act (an assessor's scores), and both changing it is one.
 */
const ENTRIES_MERGED_BY_FIELD: { readonly [K in RecordKind]?: readonly string[] } = {
  consultation: ['responses'],
};

/**
 * The identity fields that may be shown to say which entry is meant: not an assessor (personal
 * data) and not a summary (free text). An entry with none of them is said by its place in the list.
 */
const HIDDEN_KEYS: readonly string[] = [ASSESSOR, 'summary'];

export type Side = 'mine' | 'theirs';

/** An entry of a list, as a person can find it: its place in your list (else the shared one), and the identity fields that may be shown. */
export interface EntryRef {
  /** 1 for the first entry. */
  position: number;
  keys: Array<[field: string, value: string | number]>;
}

export interface FieldConflict {
  /** The field, dotted inside an object (`contact.email`). */
  field: string;
  /** For a list of entries: the entries both sides changed. */
  items?: EntryRef[];
  /** A field of an entry merged field by field (a response's): the list and the entry. */
  within?: { field: string; item: EntryRef };
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
  // An assessor is known however the name is spelt (assessorKey): one person's entry on both sides is one entry.
  if (keys) return (e) => (isPlainObject(e) && keys.every((k) => e[k] !== undefined) ? JSON.stringify(keys.map((k) => (k === ASSESSOR && typeof e[k] === 'string' ? assessorKey(e[k]) : e[k]))) : undefined);
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

/** Where an entry is, and its identity fields that may be shown. */
function entryRef(kind: RecordKind, field: string, entry: unknown, lists: Array<Map<string, unknown>>, key: string): EntryRef {
  const list = lists.find((l) => l.has(key))!;
  const position = [...list.keys()].indexOf(key) + 1;
  const keys = (ENTRY_KEYS[kind]?.[field] ?? []).filter((k) => !HIDDEN_KEYS.includes(k));
  const values = isPlainObject(entry) ? keys.map((k) => [k, entry[k]] as const).filter((kv): kv is readonly [string, string | number] => typeof kv[1] === 'string' || typeof kv[1] === 'number') : [];
  return { position, keys: values.map(([k, v]) => [k, v]) };
}

/**
 * A list merged entry by entry: your order, then the entries only the shared side added, in its
 * order. The entries both sides changed are added to `conflicts` (with the field's conflict, or
 * field by field inside an entry that is merged so).
 */
function mergeEntries(kind: RecordKind, field: string, base: unknown, mine: unknown, theirs: unknown, identity: Identity, prefer: Side, conflicts: FieldConflict[]): { value: unknown } | undefined {
  const [b, m, t] = [base, mine, theirs].map((l) => byIdentity(l, identity));
  if (!b || !m || !t) return undefined;
  const items: EntryRef[] = [];
  const out: unknown[] = [];
  for (const k of [...m.keys(), ...[...t.keys()].filter((x) => !m.has(x))]) {
    const [eb, em, et] = [b.get(k), m.get(k), t.get(k)];
    const one = pick(eb, em, et, prefer);
    let value = one.value;
    if (one.conflict) {
      const item = entryRef(kind, field, em ?? et, [m, t], k);
      if (ENTRIES_MERGED_BY_FIELD[kind]?.includes(field) && isPlainObject(eb) && isPlainObject(em) && isPlainObject(et)) {
        const inner: FieldConflict[] = [];
        value = mergeObject(kind, `${field}.`, eb, em, et, prefer, inner);
        for (const c of inner) conflicts.push(c.within ? c : { ...c, within: { field, item } });
      } else {
        items.push(item);
      }
    }
    if (value !== undefined) out.push(value);
  }
  if (items.length > 0) conflicts.push({ field, items });
  // A side that took the whole list away, with nothing left of it: the field stays away.
  return { value: out.length === 0 && (mine === undefined || theirs === undefined) ? undefined : out };
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
      const entries = identity && mergeEntries(kind, field, b, m, t, identity, prefer, conflicts);
      if (entries) {
        value = entries.value;
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
