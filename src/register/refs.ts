// What refers to a record: every reference in the folder, from the REFERENCES table the validator
// uses, indexed once by the record it points at (linear in the data).
import { RECORD_KINDS, REFERENCES, forEachValueAt, type RecordKind, type Target } from '../domain/kinds.js';
import type { DataFolder } from '../domain/folder.js';

export interface Referrer {
  kind: RecordKind;
  id: string;
  /** The field that holds the reference, as a path pattern (`funding.*.pool`). */
  field: string;
}

export type ReferenceIndex = Map<string, Referrer[]>;

const key = (target: Target, id: string) => `${target}\u0000${id}`;

/**
 * The index of every reference, or, with `targets`, of the references to those kinds only (showing
 * an organisation need not walk every record's patient groups and municipalities), and with
 * `values`, of the references to those ids only (one record's referrers: no index of every other's).
 */
export function referenceIndex(folder: DataFolder, targets?: ReadonlySet<Target>, values?: ReadonlySet<string>): ReferenceIndex {
  const index: ReferenceIndex = new Map();
  for (const kind of RECORD_KINDS) {
    const wanted = (targets ? REFERENCES[kind].filter(([, target]) => targets.has(target)) : REFERENCES[kind]).map(([pattern, target]) => ({ pattern, target, field: pattern.replace(/\.\*/g, ''), many: pattern.includes('*') }));
    if (wanted.length === 0) continue;
    for (const [id, record] of folder.records[kind]) {
      for (const { pattern, target, field, many } of wanted) {
        // A list may name the same record twice: it refers once.
        let seen: Set<string> | undefined;
        forEachValueAt(record, pattern, (value) => {
          if (typeof value !== 'string' || (values && !values.has(value))) return;
          if (many) {
            if (seen?.has(value)) return;
            (seen ??= new Set()).add(value);
          }
          const k = key(target, value);
          let list = index.get(k);
          if (!list) index.set(k, (list = []));
          list.push({ kind, id, field });
        });
      }
    }
  }
  return index;
}

export function referrersOf(index: ReferenceIndex, target: Target, id: string): Referrer[] {
  return index.get(key(target, id)) ?? [];
}
