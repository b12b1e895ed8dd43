// The overviews the site shows (offers by patient group, coverage, funding per pool and year,
// consultation reports), in the shapes the pages need. INTERIM: computed here until the report
// builders of the overview and hearing issues land; then this file only adapts their reports, so
// the site's numbers are the overviews' numbers.
import type { Area, Consultation, Offer, PatientGroup, Pool } from '../core/kinds.js';
import { AREAS } from '../core/kinds.js';
import { fundingCounts, municipalityIds, reachOf } from '../core/reach.js';
import type { SiteFacts } from './facts.js';
import { consultationReport as hearingReport } from '../hearing/reports.js';
import type { Language } from '../i18n/index.js';

export interface OffersOverview {
  areas: { area: Area; groups: { group: PatientGroup; offers: Offer[] }[] }[];
  total: number;
}

/** Every patient group in vocabulary order under its first area, with its active offers (its own, not its children's). */
export function offersOverview(facts: SiteFacts): OffersOverview {
  const groups = facts.folder.vocabularies.patientGroups;
  const byGroup = new Map<string, Offer[]>();
  for (const o of facts.activeOffers) {
    for (const g of new Set(o.patient_groups)) {
      const list = byGroup.get(g);
      if (list) list.push(o);
      else byGroup.set(g, [o]);
    }
  }
  const areas = AREAS.map((area) => ({
    area,
    groups: groups.filter((g) => g.areas[0] === area).map((group) => ({ group, offers: byGroup.get(group.id) ?? [] })),
  })).filter((a) => a.groups.length > 0);
  return { areas, total: facts.activeOffers.length };
}

export interface CoverageOverview {
  municipalities: { id: string; name: string }[];
  rows: { area: Area; group: PatientGroup; cells: number[]; total: number }[];
  columnTotals: number[];
  total: number;
}

/** Patient groups × municipalities: distinct active offers per cell; a regional or national offer counts everywhere. */
export function coverageOverview(facts: SiteFacts): CoverageOverview {
  const municipalities = facts.folder.vocabularies.municipalities.map((m) => ({ id: m.id, name: m.name }));
  const all = municipalityIds(facts.folder);
  const col = new Map(all.map((id, i) => [id, i]));
  const cells = new Map<string, number[]>();
  const totals = new Map<string, number>();
  const columnSets = all.map(() => new Set<string>());
  for (const o of facts.activeOffers) {
    const reach = reachOf(o, all);
    for (const g of new Set(o.patient_groups)) {
      let row = cells.get(g);
      if (!row) cells.set(g, (row = all.map(() => 0)));
      for (const m of reach) {
        const i = col.get(m);
        if (i !== undefined) row[i]++;
      }
      totals.set(g, (totals.get(g) ?? 0) + 1);
    }
    for (const m of reach) {
      const i = col.get(m);
      if (i !== undefined) columnSets[i].add(o.id);
    }
  }
  const rows = AREAS.flatMap((area) => facts.folder.vocabularies.patientGroups
    .filter((g) => g.areas[0] === area)
    .map((group) => ({ area, group, cells: cells.get(group.id) ?? all.map(() => 0), total: totals.get(group.id) ?? 0 })));
  return { municipalities, rows, columnTotals: columnSets.map((s) => s.size), total: facts.activeOffers.length };
}

export interface PoolYearFunding {
  year: number;
  budget: number | undefined;
  allocated: number;
  development: number;
  operation: number;
  /** Budget minus allocated; negative when overcommitted; undefined without a budget. */
  remaining: number | undefined;
  recipients: { organisation: string; amount: number; share: number }[];
  largestShare: number;
  hhi: number;
}

export interface PoolFunding {
  pool: Pool;
  years: PoolYearFunding[];
}

/** Per pool and year: budget and allocated money (active or ended agreements; a line shared equally among its organisations). */
export function fundingOverview(facts: SiteFacts): PoolFunding[] {
  type Acc = { development: number; operation: number; byOrg: Map<string, number> };
  const acc = new Map<string, Map<number, Acc>>();
  for (const a of facts.folder.records.agreement.values()) {
    if (!fundingCounts(a)) continue;
    for (const line of a.funding ?? []) {
      let years = acc.get(line.pool);
      if (!years) acc.set(line.pool, (years = new Map()));
      let y = years.get(line.year);
      if (!y) years.set(line.year, (y = { development: 0, operation: 0, byOrg: new Map() }));
      y[line.kind] += line.amount_dkk;
      const each = line.amount_dkk / a.organisations.length;
      for (const o of a.organisations) y.byOrg.set(o, (y.byOrg.get(o) ?? 0) + each);
    }
  }
  return facts.pools.map((pool) => {
    const years = acc.get(pool.id) ?? new Map<number, Acc>();
    const budgets = new Map(pool.budgets.map((b) => [b.year, b.amount_dkk]));
    const allYears = [...new Set([...budgets.keys(), ...years.keys()])].sort((a, b) => a - b);
    return {
      pool,
      years: allYears.map((year) => {
        const y = years.get(year) ?? { development: 0, operation: 0, byOrg: new Map<string, number>() };
        const allocated = y.development + y.operation;
        const budget = budgets.get(year);
        const recipients = [...y.byOrg].map(([organisation, amount]) => ({ organisation, amount, share: allocated > 0 ? amount / allocated : 0 }))
          .sort((a, b) => b.amount - a.amount || (a.organisation < b.organisation ? -1 : 1));
        const hhi = Math.round(recipients.reduce((s, r) => s + (100 * r.share) ** 2, 0));
        return {
          year, budget, allocated, development: y.development, operation: y.operation,
          remaining: budget === undefined ? undefined : budget - allocated,
          recipients, largestShare: recipients[0]?.share ?? 0, hhi,
        };
      }),
    };
  });
}

/** One invited party in the hearing report of the hearing issue (its `json.invited`), in Danish alphabetical order. */
export interface HeardParty {
  party: string;
  organisation: string;
  name: string;
  responded: boolean;
  received: string | null;
}

export interface ConsultationReport {
  consultation: Consultation;
  parties: HeardParty[];
  responded: number;
}

/** A consultation's hearing list with response marks: the hearing report's own data (`civsam consultation report`). */
export function consultationReport(facts: SiteFacts, c: Consultation, lang: Language): ConsultationReport {
  const json = hearingReport(facts.folder, c, facts.asOf, lang).json as { invited: HeardParty[]; response_rate: { responded: number } };
  return { consultation: c, parties: json.invited, responded: json.response_rate.responded };
}
