// What people call a record: an organisation's or a pool's name, the title of an offer, agreement,
// call or consultation, and for a hearing party its organisation's name. Shown beside the id in
// findings and plans, so a reader knows which record is meant without looking it up.
import type { DataFolder } from './folder.js';
import type { RecordKind } from './kinds.js';

/** The field that names a record of the kind: an organisation's and a pool's `name`, the others' `title`; none for a hearing party. */
export function nameFieldOf(kind: RecordKind): 'name' | 'title' | undefined {
  return kind === 'organisation' || kind === 'pool' ? 'name' : kind === 'hearing-party' ? undefined : 'title';
}

/**
 * The record with its name or title as a reader sees it, without spaces before or after it (a name
 * pasted with its trailing space): such spaces are never meant, and only make two names look alike.
 * `before`: the record as its file holds it; a name it holds already is kept exactly as written
 * (an edit changes only what it was asked to change; validate tells of the spaces).
 */
export function withTrimmedName<T extends Record<string, unknown>>(kind: RecordKind, record: T, before?: Record<string, unknown>): T {
  const field = nameFieldOf(kind);
  const value = field === undefined ? undefined : record[field];
  if (before !== undefined && value === before[field!]) return record;
  return typeof value === 'string' && value.trim() !== value ? { ...record, [field!]: value.trim() } : record;
}

export function recordName(folder: DataFolder, kind: RecordKind, id: string): string | undefined {
  const r = folder.records;
  if (kind === 'hearing-party') {
    const party = r['hearing-party'].get(id);
    return party ? r.organisation.get(party.organisation)?.name : undefined;
  }
  const record = r[kind].get(id) as Partial<Record<'name' | 'title', string>> | undefined;
  return record?.[nameFieldOf(kind)!];
}

/** `id (name)`, or the id alone when the record has no name (or is not in the folder). */
export function idWithName(folder: DataFolder, kind: RecordKind, id: string): string {
  const name = recordName(folder, kind, id);
  return name && name !== id ? `${id} (${name})` : id;
}
