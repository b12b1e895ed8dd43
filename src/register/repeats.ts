// A new record that repeats one the register has: the same offer from the same organisation, a pool
// or a call of the same name. Adding it again is most often a second entry of the same thing, so
// `add` refuses it unless the user says it is another one (with an id of its own); an organisation
// of the same name is an error of the checks themselves (`name-unique`).
import type { RecordKind } from '../domain/kinds.js';
import type { DataFolder } from '../domain/folder.js';
import { nameKey } from '../domain/text.js';
import type { Rec } from './build.js';

/** What makes two records of a kind the same thing to a user; absent for kinds where a repeat is ordinary. */
const SAME: Partial<Record<RecordKind, (r: Rec) => string | undefined>> = {
  offer: (r) => (typeof r.organisation === 'string' && typeof r.title === 'string' ? `${r.organisation}\n${nameKey(r.title)}` : undefined),
  pool: (r) => (typeof r.name === 'string' ? nameKey(r.name) : undefined),
  // A call or consultation of the same title comes back year after year: the same only in one year.
  call: (r) => (typeof r.title === 'string' ? `${String(r.published ?? '').slice(0, 4)}\n${nameKey(r.title)}` : undefined),
  consultation: (r) => (typeof r.title === 'string' ? `${String(r.opens ?? '').slice(0, 4)}\n${nameKey(r.title)}` : undefined),
};

/** The ids of the records of the kind that `rec` would repeat, in the folder's order. */
export function repeatedRecords(kind: RecordKind, rec: Rec, folder: DataFolder): string[] {
  const same = SAME[kind];
  const key = same?.(rec);
  if (!same || !key || key.endsWith('\n')) return [];
  const out: string[] = [];
  for (const [id, other] of folder.records[kind]) if (same(other as unknown as Rec) === key) out.push(id);
  return out;
}

/**
 * Kinds whose records may share a name (two agreements with one title: a renewal, the same
 * partnership with another unit): not refused, but the user is told, by id, which other record has
 * it, so the two can be told apart.
 */
const NAMESAKE: Partial<Record<RecordKind, (r: Rec) => string | undefined>> = {
  agreement: (r) => (typeof r.title === 'string' && r.title.trim() !== '' ? nameKey(r.title) : undefined),
};

/** The ids of the other records of the kind with `rec`'s name, in the folder's order (none for kinds whose repeats are refused). */
export function namesakes(kind: RecordKind, id: string, rec: Rec, folder: DataFolder): string[] {
  const same = NAMESAKE[kind];
  const key = same?.(rec);
  if (!same || !key) return [];
  const out: string[] = [];
  for (const [other, r] of folder.records[kind]) if (other !== id && same(r as unknown as Rec) === key) out.push(other);
  return out;
}
