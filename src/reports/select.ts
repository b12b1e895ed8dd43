// What a report's filters select: the user names patient groups, municipalities, organisations,
// offer types, pools and areas by id or by name (either language, any case); these turn the
// names into ids, and report the names that match nothing, so the command can say which.
import { AREAS } from '../domain/kinds.js';
import type { DataFolder } from '../domain/folder.js';
import { enumNames, recordNames, vocabularyNames, type NameIndex } from '../domain/names.js';

export type Selectable = 'area' | 'patient-group' | 'municipality' | 'organisation' | 'offer-type' | 'pool';

export interface Selection {
  ids: string[];
  /** The values that name nothing of that kind, as the user wrote them. */
  unknown: string[];
}

/** The entries a filter's values are looked up in, through the command line's one resolver. */
function names(kind: Selectable, folder: DataFolder): NameIndex {
  switch (kind) {
    case 'area': return enumNames(AREAS);
    case 'patient-group': return vocabularyNames(folder, 'patient-groups');
    case 'municipality': return vocabularyNames(folder, 'municipalities');
    case 'offer-type': return vocabularyNames(folder, 'offer-types');
    case 'organisation': return recordNames(folder, 'organisation');
    case 'pool': return recordNames(folder, 'pool');
  }
}

/** The ids the values name, in the order given, without repeats; an id wins over a name, a name over a prefix. */
export function select(kind: Selectable, values: readonly string[], folder: DataFolder): Selection {
  const index = names(kind, folder);
  const ids: string[] = [];
  const unknown: string[] = [];
  for (const v of values) {
    const r = index.resolve(v);
    if (r.status !== 'found') unknown.push(v);
    else if (!ids.includes(r.id)) ids.push(r.id);
  }
  return { ids, unknown };
}
