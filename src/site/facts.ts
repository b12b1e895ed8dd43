// What the public site shows, worked out once from the folder on the `asOf` date: which calls,
// agreements and consultations are public, and indexes by organisation so each organisation's page
// costs what it shows. Only public fields are carried over; contact persons and staff notes never
// enter these structures, so no page can print them.
import { applicationsByCall, selectionOf } from '../domain/applications.js';
import type { DataFolder } from '../domain/folder.js';
import type { Agreement, Application, Call, Consultation, HearingParty, Offer, Organisation, Pool } from '../domain/kinds.js';
import { addDays } from '../domain/dates.js';
import { grantLines, splitLine } from '../domain/allocation.js';
import { offerActive, organisationActiveOn, partyOnListOn } from '../domain/reach.js';
import { consultationOpened } from '../domain/scope.js';

export interface SiteFacts {
  folder: DataFolder;
  asOf: string;
  organisations: Organisation[];
  /** Offers active on `asOf` (core/reach.ts `offerActive`, the overviews' definition), for the organisation pages. */
  activeOffers: Offer[];
  openCalls: Call[];
  /** Calls whose deadline passed within the last year, latest first. */
  recentCalls: Call[];
  /** Calls whose deadline passed more than a year ago, latest first. */
  earlierCalls: Call[];
  /** Agreements that are active or ended: decided ones (a draft or a cancelled agreement was never in force). */
  agreements: Agreement[];
  /** Consultations that have opened and are still open, and those past. */
  openConsultations: Consultation[];
  pastConsultations: Consultation[];
  /** The standing hearing list on `asOf`: active parties of active organisations that have joined. */
  hearingList: HearingParty[];
  pools: Pool[];
  byOrganisation: Map<string, OrganisationFacts>;
  /** Each call's applications, by call id, in id order. */
  applicationsByCall: Map<string, Application[]>;
}

export interface OrganisationFacts {
  offers: Offer[];
  agreements: Agreement[];
  selectedIn: Call[];
  consultations: Consultation[];
  /** Consultation id → the first day one of the organisation's parties answered it, for those it answered. */
  answered: Map<string, string>;
  hearingParties: HearingParty[];
  /**
   * Call id → what the organisation was granted in that call and no agreement carries (its equal
   * part of each year's line, exact; shown in whole kroner, half up, as org show and the funding
   * page show a part): money the funding page counts, shown with the call it was granted in.
   */
  grants: Map<string, number>;
}

const RECENT_DAYS = 365;

export function byId<T extends { id: string }>(a: T, b: T): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Newest first by a date field, then by id, so equal dates keep a fixed order. */
function latestFirst<T extends { id: string }>(date: (r: T) => string) {
  return (a: T, b: T) => (date(a) > date(b) ? -1 : date(a) < date(b) ? 1 : byId(a, b));
}

export function gatherFacts(folder: DataFolder, asOf: string): SiteFacts {
  const r = folder.records;
  const organisations = [...r.organisation.values()].sort(byId);
  const activeOffers = [...r.offer.values()].filter((o) => offerActive(o, folder, asOf)).sort(byId);
  const calls = [...r.call.values()].filter((c) => c.published <= asOf);
  const yearAgo = addDays(asOf, -RECENT_DAYS);
  const openCalls = calls.filter((c) => c.deadline >= asOf).sort((a, b) => (a.deadline < b.deadline ? -1 : a.deadline > b.deadline ? 1 : byId(a, b)));
  const recentCalls = calls.filter((c) => c.deadline < asOf && c.deadline >= yearAgo).sort(latestFirst((c) => c.deadline));
  const earlierCalls = calls.filter((c) => c.deadline < yearAgo).sort(latestFirst((c) => c.deadline));
  const agreements = [...r.agreement.values()].filter((a) => a.status === 'active' || a.status === 'ended').sort(byId);
  const consultations = [...r.consultation.values()].filter((c) => consultationOpened(c, asOf));
  const openConsultations = consultations.filter((c) => c.status === 'open' && c.deadline >= asOf).sort(latestFirst((c) => c.opens));
  const pastConsultations = consultations.filter((c) => !openConsultations.includes(c)).sort(latestFirst((c) => c.deadline));
  const hearingList = [...r['hearing-party'].values()]
    .filter((p) => partyOnListOn(p, asOf) && organisationActiveOn(r.organisation.get(p.organisation), asOf))
    .sort(byId);
  const pools = [...r.pool.values()].sort(byId);

  const byOrganisation = new Map<string, OrganisationFacts>();
  for (const o of organisations) byOrganisation.set(o.id, { offers: [], agreements: [], selectedIn: [], consultations: [], answered: new Map(), hearingParties: [], grants: new Map() });
  const of = (id: string) => byOrganisation.get(id);
  for (const o of activeOffers) of(o.organisation)?.offers.push(o);
  for (const a of agreements) for (const id of new Set(a.organisations)) of(id)?.agreements.push(a);
  const appsByCall = applicationsByCall(r.application.values());
  for (const c of [...openCalls, ...recentCalls, ...earlierCalls]) for (const id of new Set(selectionOf(c, appsByCall.get(c.id) ?? []).selected)) of(id)?.selectedIn.push(c);
  for (const line of grantLines(folder)) {
    const call = r.application.get(line.application!)?.call;
    if (call === undefined) continue;
    for (const share of splitLine(line)) {
      const grants = of(share.organisation)?.grants;
      grants?.set(call, (grants.get(call) ?? 0) + share.amount);
    }
  }
  const partyOrg = new Map<string, string>();
  for (const p of r['hearing-party'].values()) {
    partyOrg.set(p.id, p.organisation);
    of(p.organisation)?.hearingParties.push(p);
  }
  for (const c of [...openConsultations, ...pastConsultations]) {
    const orgs = new Set((c.invited ?? []).map((p) => partyOrg.get(p)).filter((x): x is string => x !== undefined));
    for (const id of orgs) of(id)?.consultations.push(c);
    // Each consultation's responses read once here, not once per organisation it invited.
    for (const r of c.responses ?? []) {
      const org = partyOrg.get(r.party);
      const answered = org === undefined ? undefined : of(org)?.answered;
      if (!answered) continue;
      const first = answered.get(c.id);
      if (first === undefined || r.received < first) answered.set(c.id, r.received);
    }
  }
  for (const f of byOrganisation.values()) f.hearingParties.sort(byId);

  return { folder, asOf, organisations, activeOffers, openCalls, recentCalls, earlierCalls, agreements, openConsultations, pastConsultations, hearingList, pools, byOrganisation, applicationsByCall: appsByCall };
}
