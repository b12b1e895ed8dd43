// What a change did, in words fit for a commit message: the record's kind and id and the names of
// the fields that changed. Never a value, with one exception: a status (a fixed word such as
// `active` or `ended`, never personal data) is shown as `status active → ended`.
import type { RecordKind } from '../domain/kinds.js';
import { getPath, isPlainObject, sameData, type Data as Rec } from '../domain/plain-data.js';

const SHOWN_VALUES = new Set(['status']);

/** The changed fields: top-level names, and `parent.child` inside changed objects such as `contact`. */
export function changedFields(before: Rec, after: Rec): string[] {
  const out: string[] = [];
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  for (const k of keys) {
    const b = before[k];
    const a = after[k];
    if (sameData(b, a)) continue;
    if (isPlainObject(b) && isPlainObject(a)) {
      for (const sub of changedFields(b, a)) out.push(`${k}.${sub}`);
    } else {
      out.push(k);
    }
  }
  return out;
}

function describeField(field: string, before: Rec, after: Rec): string {
  const b = getPath(before, field);
  const a = getPath(after, field);
  if (SHOWN_VALUES.has(field) && typeof a === 'string' && (b === undefined || typeof b === 'string')) return b === undefined ? `status ${a}` : `status ${b} → ${a}`;
  if (b === undefined) return `${field} set`;
  if (a === undefined) return `${field} removed`;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length > b.length && b.every((x, i) => sameData(x, a[i]))) return `${field} +${a.length - b.length}`;
    if (a.length < b.length) return `${field} −${b.length - a.length}`;
  }
  return `${field} changed`;
}

/** `agreement 2026-psyk-004: status active → ended, end set` */
export function describeChange(kind: RecordKind, id: string, before: Rec | undefined, after: Rec | undefined): string {
  if (!before) return `${kind} ${id}: added`;
  if (!after) return `${kind} ${id}: removed`;
  // The status first: it is what a reader of the history looks for.
  const fields = changedFields(before, after).sort((a, b) => Number(b === 'status') - Number(a === 'status'));
  const parts = fields.map((f) => describeField(f, before, after));
  return `${kind} ${id}: ${parts.join(', ') || 'no change'}`;
}

/** One subject line for several changes (an import, say). */
export function describeChanges(items: Array<{ kind: RecordKind; id: string; before?: Rec; after?: Rec }>): string {
  if (items.length === 1) return describeChange(items[0].kind, items[0].id, items[0].before, items[0].after);
  const added = items.filter((i) => !i.before).length;
  const removed = items.filter((i) => !i.after).length;
  const changed = items.length - added - removed;
  const kinds = [...new Set(items.map((i) => i.kind))].join(', ');
  const parts = [added && `${added} added`, changed && `${changed} changed`, removed && `${removed} removed`].filter(Boolean);
  return `${kinds}: ${parts.join(', ')}\n\n${items.map((i) => describeChange(i.kind, i.id, i.before, i.after)).join('\n')}`;
}

/**
 * A vocabulary's change for a commit message: `vocabulary patient-groups: angst-og-ocd added`,
 * `vocabulary patient-groups angst: retired set`. Ids and field names, never a name's text.
 */
export function describeVocabularyChange(name: string, before: readonly Rec[], after: readonly Rec[]): string {
  const byId = (list: readonly Rec[]) => new Map(list.map((e) => [String(e.id), e]));
  const old = byId(before);
  const now = byId(after);
  const parts: string[] = [];
  for (const [id, e] of now) {
    const b = old.get(id);
    if (!b) parts.push(`${id} added`);
    else if (!sameData(b, e)) parts.push(`${id}: ${changedFields(b, e).map((f) => describeField(f, b, e)).join(', ')}`);
  }
  for (const id of old.keys()) if (!now.has(id)) parts.push(`${id} removed`);
  return `vocabulary ${name}${parts.length === 1 ? ' ' : ': '}${parts.join('; ') || 'no change'}`;
}
