// The overviews the site shows, taken from the reports the commands print (src/report: offers,
// coverage, funding; src/hearing: the consultation report), so the site's numbers are the
// overviews' numbers: one computation, rendered once for the terminal and once for the web.
// Reports are built once per site and language-independent ones shared between languages.
import type { Consultation } from '../domain/kinds.js';
import { heardParties, type HeardParty } from '../reports/hearing.js';
import { allocationShares } from '../domain/allocation.js';
import { buildCoverageReport, type CoverageReport } from '../reports/coverage.js';
import { buildFundingReport, type PoolYearEntry } from '../reports/funding.js';
import { buildOffersReport, type OffersReport } from '../reports/offers.js';
import type { SiteFacts } from './facts.js';
import { invitationFacts, type InvitationFacts } from './hearing-facts.js';

export type { CoverageReport, OffersReport, PoolYearEntry };

function once<T>(key: string, facts: SiteFacts, make: () => T): T {
  const cache = (facts as SiteFacts & { reports?: Map<string, unknown> }).reports ??= new Map();
  if (!cache.has(key)) cache.set(key, make());
  return cache.get(key) as T;
}

/** `civsam overview offers`: every patient group under each of its areas, with its active offers. */
export function offersOverview(facts: SiteFacts): OffersReport {
  return once('offers', facts, () => buildOffersReport(facts.folder, facts.asOf));
}

/** `civsam overview coverage`: patient groups × municipalities, distinct active offers per cell. */
export function coverageOverview(facts: SiteFacts): CoverageReport {
  return once('coverage', facts, () => buildCoverageReport(facts.folder, facts.asOf));
}

export interface PoolFunding {
  pool: { id: string; name: string };
  /** `civsam overview funding`'s pool-years of this pool, by year. */
  years: PoolYearEntry[];
  /** Each pool-year's recipients (the same allocation: core/allocation.ts), largest first. */
  recipients: Map<number, { organisation: string; amount: number; share: number }[]>;
}

/** `civsam overview funding` per pool, with each organisation's share of every pool-year. */
export function fundingOverview(facts: SiteFacts): PoolFunding[] {
  return once('funding', facts, () => {
    const report = buildFundingReport(facts.folder, facts.asOf);
    const amounts = new Map<string, Map<number, Map<string, number>>>();
    for (const s of allocationShares(facts.folder)) {
      let years = amounts.get(s.pool);
      if (!years) amounts.set(s.pool, (years = new Map()));
      let orgs = years.get(s.year);
      if (!orgs) years.set(s.year, (orgs = new Map()));
      orgs.set(s.organisation, (orgs.get(s.organisation) ?? 0) + s.amount);
    }
    const byPool = new Map<string, PoolFunding>();
    for (const py of report.poolYears) {
      let p = byPool.get(py.pool.id);
      if (!p) byPool.set(py.pool.id, (p = { pool: py.pool, years: [], recipients: new Map() }));
      p.years.push(py);
      const orgs = amounts.get(py.pool.id)?.get(py.year) ?? new Map<string, number>();
      p.recipients.set(py.year, [...orgs].map(([organisation, amount]) => ({ organisation, amount, share: py.allocated > 0 ? amount / py.allocated : 0 }))
        .sort((a, b) => b.amount - a.amount || (a.organisation < b.organisation ? -1 : a.organisation > b.organisation ? 1 : 0)));
    }
    // Pools with neither a budget nor money yet are still shown, after the others.
    for (const pool of facts.pools) if (!byPool.has(pool.id)) byPool.set(pool.id, { pool: { id: pool.id, name: pool.name }, years: [], recipients: new Map() });
    return [...byPool.values()];
  });
}

export interface ConsultationReport {
  consultation: Consultation;
  /** The hearing report's `invited`: every invited party with its response, in Danish alphabetical order. */
  parties: HeardParty[];
  responded: number;
}

/** A consultation's hearing list with response marks: the hearing report's own list. */
export function consultationReport(facts: SiteFacts, c: Consultation): ConsultationReport {
  // The list does not depend on the language: built once for both.
  return once(`consultation\u0000${c.id}`, facts, () => {
    const parties = heardParties(facts.folder, c);
    return { consultation: c, parties, responded: parties.filter((p) => p.responded).length };
  });
}

/** Who a consultation reached, counted as the hearing audit counts it: the same in every language, so counted once. */
export function consultationInvitations(facts: SiteFacts, c: Consultation): InvitationFacts {
  return once(`invitations\u0000${c.id}`, facts, () => invitationFacts(facts.folder, c, facts.asOf));
}
