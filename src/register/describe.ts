// What a change did, in words fit for a commit message, in the data folder's language: the record's
// kind and id and the names of the fields that changed. Never a value, with one exception: a status
// (a fixed word such as `active` or `ended`, never personal data) is shown as `status: active → ended`.
import type { RecordKind } from '../domain/kinds.js';
import { getPath, isPlainObject, sameData, type Data as Rec } from '../domain/plain-data.js';
import { labelInSentence, translate, type Language, type MessageKey } from '../i18n/index.js';
import { fieldLabel, valueLabel } from '../i18n/values.js';

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

/**
 * A field's name as a commit message writes it: its label, small (`end`); a field inside another
 * by both (`name in contact`, `journalnummer i afgørelse`), since a colon follows the name.
 */
function fieldWord(lang: Language, kind: string, field: string): string {
  const steps = field.split('.');
  const own = labelInSentence(lang, fieldLabel(lang, kind, steps[0]));
  if (steps.length === 1) return own;
  const inner = labelInSentence(lang, fieldLabel(lang, kind, field).split(': ').pop()!);
  const parent = steps.length === 2 ? own : fieldWord(lang, kind, steps.slice(0, -1).join('.'));
  // A text in each language (`name.da`): `navn på dansk`, `name in Danish`.
  const last = steps[steps.length - 1];
  if (last === 'da' || last === 'en') return translate(lang, 'commit.fieldInLanguage', { field: parent, language: { key: `label.${last}` } });
  return translate(lang, 'commit.fieldIn', { field: inner, parent });
}

function describeField(lang: Language, kind: string, field: string, before: Rec, after: Rec): string {
  const b = getPath(before, field);
  const a = getPath(after, field);
  const name = fieldWord(lang, kind, field);
  if (SHOWN_VALUES.has(field) && typeof a === 'string' && (b === undefined || typeof b === 'string')) {
    return b === undefined ? translate(lang, 'commit.statusSet', { field: name, to: valueLabel(lang, a) }) : translate(lang, 'commit.statusChanged', { field: name, from: valueLabel(lang, b), to: valueLabel(lang, a) });
  }
  // A list begun or emptied is items added or removed, as one that grows or shrinks is: `svar: 1 tilføjet`.
  if (b === undefined && Array.isArray(a)) return translate(lang, 'commit.itemsAdded', { field: name, count: a.length });
  if (a === undefined && Array.isArray(b)) return translate(lang, 'commit.itemsRemoved', { field: name, count: b.length });
  if (b === undefined) return translate(lang, 'commit.fieldSet', { field: name });
  if (a === undefined) return translate(lang, 'commit.fieldRemoved', { field: name });
  if (Array.isArray(a) && Array.isArray(b)) {
    // Items counted as they came and went, not by the list's change in length (`2 fjernet` where
    // 3 went and 1 came). A list of entries (funding lines) edited in place is said to be changed.
    const left = [...b];
    let added = 0;
    for (const x of a) {
      const at = left.findIndex((y) => sameData(x, y));
      if (at >= 0) left.splice(at, 1);
      else added++;
    }
    const removed = left.length;
    const entries = [...a, ...b].some((x) => x !== null && typeof x === 'object');
    if (added > 0 && removed === 0) return translate(lang, 'commit.itemsAdded', { field: name, count: added });
    if (removed > 0 && added === 0) return translate(lang, 'commit.itemsRemoved', { field: name, count: removed });
    if (added > 0 && !entries) return translate(lang, 'commit.itemsAddedRemoved', { field: name, added, removed });
  }
  return translate(lang, 'commit.fieldChanged', { field: name });
}

/** `agreement 2026-psyk-004: status: active → ended, end: set` (in Danish `aftale 2026-psyk-004: status: aktiv → afsluttet, slut: sat`). */
export function describeChange(kind: RecordKind, id: string, before: Rec | undefined, after: Rec | undefined, lang: Language = 'en'): string {
  const params = { kind: { key: `kind.${kind}` as const }, id };
  if (!before) return translate(lang, 'commit.added', params);
  if (!after) return translate(lang, 'commit.removed', params);
  // The status first: it is what a reader of the history looks for.
  const fields = changedFields(before, after).sort((a, b) => Number(b === 'status') - Number(a === 'status'));
  const parts = fields.map((f) => describeField(lang, kind, f, before, after));
  return translate(lang, 'commit.changed', { ...params, changes: parts.join(', ') || translate(lang, 'commit.noChange') });
}

/** One subject line for several changes (an import, say). */
export function describeChanges(items: Array<{ kind: RecordKind; id: string; before?: Rec; after?: Rec }>, lang: Language = 'en'): string {
  if (items.length === 1) return describeChange(items[0].kind, items[0].id, items[0].before, items[0].after, lang);
  const added = items.filter((i) => !i.before).length;
  const removed = items.filter((i) => !i.after).length;
  const changed = items.length - added - removed;
  const kinds = [...new Set(items.map((i) => translate(lang, `kind.${i.kind}`)))].join(', ');
  const parts = ([[added, 'commit.manyAdded'], [changed, 'commit.manyChanged'], [removed, 'commit.manyRemoved']] as const)
    .filter(([count]) => count > 0).map(([count, key]) => translate(lang, key, { count }));
  return `${translate(lang, 'commit.many', { kinds, parts: parts.join(', ') })}\n\n${items.map((i) => describeChange(i.kind, i.id, i.before, i.after, lang)).join('\n')}`;
}

/**
 * A vocabulary's change for a commit message: `vocabulary patient-groups: angst-og-ocd added`,
 * `vocabulary patient-groups angst: retired: set`. Ids and field names, never a name's text.
 */
export function describeVocabularyChange(name: string, before: readonly Rec[], after: readonly Rec[], lang: Language = 'en'): string {
  const entryKind = VOCABULARY_ENTRY[name] ?? name;
  const byId = (list: readonly Rec[]) => new Map(list.map((e) => [String(e.id), e]));
  const old = byId(before);
  const now = byId(after);
  const parts: string[] = [];
  for (const [id, e] of now) {
    const b = old.get(id);
    const params = { kind: { key: `kind.${entryKind}` as MessageKey }, id };
    if (!b) parts.push(translate(lang, 'commit.added', params));
    else if (!sameData(b, e)) parts.push(translate(lang, 'commit.changed', { ...params, changes: changedFields(b, e).map((f) => describeField(lang, entryKind, f, b, e)).join(', ') }));
  }
  for (const id of old.keys()) if (!now.has(id)) parts.push(translate(lang, 'commit.removed', { kind: { key: `kind.${entryKind}` as MessageKey }, id }));
  return parts.join('; ') || translate(lang, 'commit.noChange');
}

/** The kind of one entry of each vocabulary, as messages name it. */
const VOCABULARY_ENTRY: Record<string, string> = { 'patient-groups': 'patient-group', municipalities: 'municipality', 'offer-types': 'offer-type' };
