// `civsam overview offers`: patient group → active offers → organisations, grouped by area, with
// the agreement and pools behind each offer. Pure: the folder and the date in, typed data out.
import type { DataFolder } from '../domain/folder.js';
import { AREAS, type Agreement, type Area, type Offer } from '../domain/kinds.js';
import { agreementStandingOn, descendantsIndex, fundingCounts, offerActive, municipalityIds, type AgreementStanding } from '../domain/reach.js';

export interface OffersFilter {
  /** Areas whose patient groups are shown (none: every area). */
  areas?: readonly Area[];
  /** Patient groups shown, each with its child groups (none: every group). */
  patientGroups?: readonly string[];
  /** Offers reaching at least one of these municipalities (a regional or national offer reaches all). */
  municipalities?: readonly string[];
  organisations?: readonly string[];
  /** Offer-type ids. */
  types?: readonly string[];
}

export interface Named { id: string; name: string }
export interface Bilingual { id: string; name: { da: string; en: string } }

export interface OfferEntry {
  id: string;
  title: string;
  type: Bilingual;
  organisation: Named;
  /** `scope` as the record says (null for a list); `municipalities`: every municipality it reaches, in vocabulary order. */
  reach: { scope: 'regional' | 'national' | null; municipalities: string[] };
  activeFrom: string;
  activeUntil: string | null;
  /** Agreements behind the offer (named by the offer or naming it), active or ended, newest first. */
  /** With where each stands on the report's date (in force, upcoming, ended: domain/reach.ts). */
  agreements: Array<{ id: string; title: string; status: Agreement['status']; standing: AgreementStanding }>;
  /** Pools that fund those agreements (counted lines only), in order of first mention. */
  pools: Named[];
}

export interface PatientGroupEntry extends Bilingual {
  parent: string | null;
  /** Active offers naming this group itself (a parent's row holds its own offers only). */
  offerCount: number;
  offers: OfferEntry[];
}

export interface OffersReport {
  report: 'offers';
  asOf: string;
  filters: { areas: Area[]; patientGroups: string[]; municipalities: string[]; organisations: string[]; types: string[] };
  /**
   * One section per area (social, psychiatry, health), each with that area's patient groups in
   * vocabulary order; a group of two areas appears in both. Groups without an offer are listed.
   */
  areas: Array<{ area: Area; patientGroups: PatientGroupEntry[] }>;
  /** Distinct offers, organisations and patient groups over all sections. */
  totals: { offers: number; organisations: number; patientGroups: number; patientGroupsWithoutOffers: number };
}

const collator = new Intl.Collator('da', { sensitivity: 'base', numeric: true });

/** Agreements that name each offer in their `offers`, by offer id. */
function agreementsByOffer(folder: DataFolder): Map<string, Agreement[]> {
  const out = new Map<string, Agreement[]>();
  for (const a of folder.records.agreement.values()) {
    for (const o of a.offers ?? []) {
      const list = out.get(o);
      if (list) list.push(a);
      else out.set(o, [a]);
    }
  }
  return out;
}

export function buildOffersReport(folder: DataFolder, asOf: string, filter: OffersFilter = {}): OffersReport {
  const allMunicipalities = municipalityIds(folder);
  const groups = folder.vocabularies.patientGroups;
  const descendants = descendantsIndex(groups);
  const shownGroups = filter.patientGroups?.length
    ? new Set(filter.patientGroups.flatMap((g) => [...(descendants.get(g) ?? [g])]))
    : undefined;
  const areas = filter.areas?.length ? AREAS.filter((a) => filter.areas!.includes(a)) : AREAS;
  const wantedMunicipalities = filter.municipalities?.length ? new Set(filter.municipalities) : undefined;
  const wantedOrganisations = filter.organisations?.length ? new Set(filter.organisations) : undefined;
  const wantedTypes = filter.types?.length ? new Set(filter.types) : undefined;
  const linked = agreementsByOffer(folder);
  const typeNames = new Map(folder.vocabularies.offerTypes.map((t) => [t.id, t.name]));
  const order = new Map(allMunicipalities.map((m, i) => [m, i]));
  const byVocabularyOrder = (a: string, b: string) => (order.get(a) ?? 0) - (order.get(b) ?? 0);
  // What a regional or national offer reaches, worked out once. The parts below (reach, type,
  // organisation, agreement) are shared by every entry that has them: a report is only read.
  const everywhere = [...new Set(allMunicipalities)].sort(byVocabularyOrder);
  const types = new Map<string, Bilingual>();
  const organisations = new Map<string, Named>();
  const agreementParts = new Map<Agreement, OfferEntry['agreements'][number]>();
  const poolNames = new Map<string, Named>();

  const entryOf = (offer: Offer): OfferEntry => {
    // The agreement the offer names, then those naming it; each once, only those whose money counts.
    const behind: Agreement[] = [];
    const own = offer.agreement ? folder.records.agreement.get(offer.agreement) : undefined;
    if (own && fundingCounts(own)) behind.push(own);
    for (const a of linked.get(offer.id) ?? []) if (fundingCounts(a) && !behind.includes(a)) behind.push(a);
    if (behind.length > 1) behind.sort((x, y) => (x.start === y.start ? collator.compare(x.id, y.id) : x.start < y.start ? 1 : -1));
    const pools: Named[] = [];
    for (const a of behind) for (const line of a.funding ?? []) {
      let pool = poolNames.get(line.pool);
      if (!pool) poolNames.set(line.pool, (pool = { id: line.pool, name: folder.records.pool.get(line.pool)?.name ?? line.pool }));
      if (!pools.includes(pool)) pools.push(pool);
    }
    let type = types.get(offer.type);
    if (!type) types.set(offer.type, (type = { id: offer.type, name: typeNames.get(offer.type) ?? { da: offer.type, en: offer.type } }));
    let organisation = organisations.get(offer.organisation);
    if (!organisation) {
      const name = folder.records.organisation.get(offer.organisation)?.name ?? offer.organisation;
      organisations.set(offer.organisation, (organisation = { id: offer.organisation, name }));
    }
    return {
      id: offer.id,
      title: offer.title,
      type,
      organisation,
      reach: { scope: offer.scope ?? null, municipalities: offer.scope ? everywhere : [...new Set(offer.municipalities)].sort(byVocabularyOrder) },
      activeFrom: offer.active_from,
      activeUntil: offer.active_until ?? null,
      agreements: behind.map((a) => {
        let part = agreementParts.get(a);
        if (!part) agreementParts.set(a, (part = { id: a.id, title: a.title, status: a.status, standing: agreementStandingOn(a, asOf) ?? 'ended' }));
        return part;
      }),
      pools,
    };
  };

  // Each active offer that passes the filters, once, filed under every patient group it names.
  const offersByGroup = new Map<string, OfferEntry[]>();
  for (const offer of folder.records.offer.values()) {
    if (!offerActive(offer, folder, asOf)) continue;
    if (wantedOrganisations && !wantedOrganisations.has(offer.organisation)) continue;
    if (wantedTypes && !wantedTypes.has(offer.type)) continue;
    if (wantedMunicipalities && !(offer.scope || (offer.municipalities ?? []).some((m) => wantedMunicipalities.has(m)))) continue;
    const entry = entryOf(offer);
    const named = offer.patient_groups;
    for (let i = 0; i < named.length; i++) {
      const g = named[i];
      if (named.indexOf(g) !== i) continue; // named twice: filed once
      const list = offersByGroup.get(g);
      if (list) list.push(entry);
      else offersByGroup.set(g, [entry]);
    }
  }
  // By organisation name, then title, then id (Danish order). The names are ranked once, so the
  // collator compares each distinct name a few times rather than every pair of offers.
  const seen = new Set<string>();
  for (const list of offersByGroup.values()) for (const o of list) seen.add(o.organisation.name);
  const names = [...seen].sort(collator.compare);
  const rank = new Map(names.map((n, i) => [n, i]));
  for (const list of offersByGroup.values()) {
    list.sort((a, b) => rank.get(a.organisation.name)! - rank.get(b.organisation.name)! || collator.compare(a.title, b.title) || collator.compare(a.id, b.id));
  }

  const distinctOffers = new Set<string>();
  const distinctOrganisations = new Set<string>();
  const distinctGroups = new Set<string>();
  const groupsWithout = new Set<string>();
  const sections = areas.map((area) => ({
    area,
    patientGroups: groups
      .filter((g) => g.areas.includes(area) && (!shownGroups || shownGroups.has(g.id)))
      .map((g): PatientGroupEntry => {
        const offers = offersByGroup.get(g.id) ?? [];
        distinctGroups.add(g.id);
        if (offers.length === 0) groupsWithout.add(g.id);
        for (const o of offers) {
          distinctOffers.add(o.id);
          distinctOrganisations.add(o.organisation.id);
        }
        return { id: g.id, name: g.name, parent: g.parent ?? null, offerCount: offers.length, offers };
      }),
  }));

  return {
    report: 'offers',
    asOf,
    filters: {
      areas: [...(filter.areas ?? [])],
      patientGroups: [...(filter.patientGroups ?? [])],
      municipalities: [...(filter.municipalities ?? [])],
      organisations: [...(filter.organisations ?? [])],
      types: [...(filter.types ?? [])],
    },
    areas: sections,
    totals: { offers: distinctOffers.size, organisations: distinctOrganisations.size, patientGroups: distinctGroups.size, patientGroupsWithoutOffers: groupsWithout.size },
  };
}
