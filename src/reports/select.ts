// What a report's filters select: the user names patient groups, municipalities, organisations,
// offer types, pools and areas by id or by name (either language, any case); these turn the
// names into ids, and report the names that match nothing, so the command can say which.
import { AREAS, type Area } from '../domain/kinds.js';
import type { DataFolder } from '../domain/folder.js';
import { caseKey, nameKey } from '../domain/text.js';
import { valueLabel, VALUE_WORDS } from '../i18n/values.js';

export type Selectable = 'area' | 'patient-group' | 'municipality' | 'organisation' | 'offer-type' | 'pool';

export interface Selection {
  ids: string[];
  /** The values that name nothing of that kind, as the user wrote them. */
  unknown: string[];
}

const areaNames = (a: Area): string[] => [a, valueLabel('da', a), valueLabel('en', a), ...(VALUE_WORDS[a] ?? [])];


function candidates(kind: Selectable, folder: DataFolder): Array<{ id: string; names: string[] }> {
  switch (kind) {
    case 'area': return AREAS.map((a) => ({ id: a, names: areaNames(a) }));
    case 'patient-group': return folder.vocabularies.patientGroups.map((g) => ({ id: g.id, names: [g.name.da, g.name.en] }));
    case 'municipality': return folder.vocabularies.municipalities.map((m) => ({ id: m.id, names: [m.name] }));
    case 'offer-type': return folder.vocabularies.offerTypes.map((t) => ({ id: t.id, names: [t.name.da, t.name.en] }));
    case 'organisation': return [...folder.records.organisation.values()].map((o) => ({ id: o.id, names: [o.name] }));
    case 'pool': return [...folder.records.pool.values()].map((p) => ({ id: p.id, names: [p.name] }));
  }
}

/** The ids the values name, in the order given, without repeats; an id wins over a name. */
export function select(kind: Selectable, values: readonly string[], folder: DataFolder): Selection {
  const byId = new Map<string, string>();
  const byName = new Map<string, string>();
  for (const c of candidates(kind, folder)) {
    byId.set(c.id, c.id);
    for (const n of c.names) {
      const k = nameKey(n);
      if (k && !byName.has(k)) byName.set(k, c.id);
    }
  }
  const ids: string[] = [];
  const unknown: string[] = [];
  for (const v of values) {
    const id = byId.get(v.trim()) ?? byId.get(caseKey(v)) ?? byName.get(nameKey(v));
    if (id === undefined) unknown.push(v);
    else if (!ids.includes(id)) ids.push(id);
  }
  return { ids, unknown };
}
