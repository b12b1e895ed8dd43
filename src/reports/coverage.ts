// `civsam overview coverage`: patient groups × the region's municipalities, the number of active
// offers in each cell. A regional or national offer counts in every municipality; a parent
// group's row holds its own offers only (a filter on the parent brings in its children's rows);
// totals count distinct offers, so an offer for two groups counts once in a column's total.
import type { DataFolder } from '../domain/folder.js';
import type { Area } from '../domain/kinds.js';
import { descendantsIndex, offerActive, municipalityIds } from '../domain/reach.js';

export interface CoverageFilter {
  areas?: readonly Area[];
  /** Patient groups shown, each with its child groups. */
  patientGroups?: readonly string[];
}

export interface CoverageRow {
  patientGroup: { id: string; name: { da: string; en: string }; parent: string | null; areas: Area[] };
  /** Active offers naming this group, per municipality id (every municipality present, 0 for a gap). */
  byMunicipality: Record<string, number>;
  /** Distinct active offers naming this group. */
  total: number;
  /** Municipalities where this group has no active offer. */
  gaps: number;
}

export interface CoverageReport {
  report: 'coverage';
  asOf: string;
  filters: { areas: Area[]; patientGroups: string[] };
  /** The region's municipalities, in vocabulary order: the matrix's columns. */
  municipalities: Array<{ id: string; name: string }>;
  /** The patient groups shown, in vocabulary order: the matrix's rows. */
  rows: CoverageRow[];
  totals: {
    /** Distinct active offers for any shown group, per municipality. */
    byMunicipality: Record<string, number>;
    /** Distinct active offers for any shown group. */
    offers: number;
    /** Cells with no active offer. */
    gaps: number;
  };
}

export function buildCoverageReport(folder: DataFolder, asOf: string, filter: CoverageFilter = {}): CoverageReport {
  const municipalities = municipalityIds(folder);
  const descendants = descendantsIndex(folder.vocabularies.patientGroups);
  const byGroup = filter.patientGroups?.length ? new Set(filter.patientGroups.flatMap((g) => [...(descendants.get(g) ?? [g])])) : undefined;
  const groups = folder.vocabularies.patientGroups.filter((g) =>
    (!filter.areas?.length || g.areas.some((a) => filter.areas!.includes(a))) && (!byGroup || byGroup.has(g.id)));
  const zeros = () => Object.fromEntries(municipalities.map((m) => [m, 0])) as Record<string, number>;
  const rows = new Map<string, CoverageRow>(groups.map((g) => [g.id, {
    patientGroup: { id: g.id, name: g.name, parent: g.parent ?? null, areas: [...g.areas] },
    byMunicipality: zeros(), total: 0, gaps: 0,
  }]));
  const columnTotals = zeros();
  let offers = 0;
  for (const offer of folder.records.offer.values()) {
    const shown: CoverageRow[] = [];
    for (const g of offer.patient_groups) {
      const row = rows.get(g);
      if (row && !shown.includes(row)) shown.push(row);
    }
    if (shown.length === 0 || !offerActive(offer, folder, asOf)) continue;
    offers++;
    for (const m of offer.scope ? municipalities : new Set(offer.municipalities ?? [])) {
      if (!(m in columnTotals)) continue;
      columnTotals[m]++;
      for (const r of shown) r.byMunicipality[m]++;
    }
    for (const r of shown) r.total++;
  }
  let gaps = 0;
  for (const r of rows.values()) {
    r.gaps = municipalities.filter((m) => r.byMunicipality[m] === 0).length;
    gaps += r.gaps;
  }
  return {
    report: 'coverage',
    asOf,
    filters: { areas: [...(filter.areas ?? [])], patientGroups: [...(filter.patientGroups ?? [])] },
    municipalities: folder.vocabularies.municipalities.map((m) => ({ id: m.id, name: m.name })),
    rows: [...rows.values()],
    totals: { byMunicipality: columnTotals, offers, gaps },
  };
}
