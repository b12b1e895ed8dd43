// Grants in the 360Giving Data Standard (standard.threesixtygiving.org, release 1.4): one grant per
// agreement (or grant decided on an application that no agreement carries yet), pool, year and
// organisation, from the funding lines that count as allocated (domain/allocation.ts, the funding
// overview's own model, so the grants add up to its allocated total). A line shared by several
// organisations is split as allocation.ts splits it, into equal parts in whole kroner that add up
// to the line (`wholeShares`), one grant for each, so a recipient's grants add up to what the
// overview gives it (to within less than a krone for each shared line). Each grant says when it
// was decided and, where the agreement runs in its year, which days of the year (`awardDate`,
// `agreementGrant`). Organisations are identified as org-id.guide says: DK-CVR-<8 digits> where a
// CVR number is recorded, otherwise 360G-<region id>-<organisation id>; the region, as funder, by
// its own CVR number. Only public fields: no contact person, no staff note, no e-mail of anyone.
// Pure: the folder in, data out.
import { carriedGrants, countedLines, wholeShares, type CountedLine } from '../domain/allocation.js';
import type { DataFolder } from '../domain/folder.js';
import type { Agreement, Application } from '../domain/kinds.js';
import { slugify } from '../domain/ids.js';
import { andList, translate, type Language, type Message } from '../i18n/index.js';

export interface Grant {
  id: string;
  title: string;
  description: string;
  currency: 'DKK';
  amountAwarded: number;
  awardDate: string;
  /** Absent where the grant's year lies outside its agreement's period (the audit's funding-outside-period). */
  plannedDates?: { startDate: string; endDate?: string }[];
  recipientOrganization: { id: string; name: string }[];
  fundingOrganization: { id: string; name: string }[];
  grantProgramme: { code: string; title: string }[];
  fromOpenCall: 'Yes' | 'No';
  beneficiaryLocation?: { name: string; countryCode: 'DK' }[];
}

/** The region's part of a 360G- identifier: its name as a slug (`region-midtjylland`). */
/** A pool's name that says it is one (Psykiatripuljen, Puljen til …): "from Psykiatripuljen", not "from the pool Psykiatripuljen". */
const NAMES_ITSELF_A_POOL = /pulje|pool/i;

export function regionIdPart(folder: DataFolder): string {
  return slugify(folder.settings?.region.name ?? 'region') || 'region';
}

export function organisationIdentifier(folder: DataFolder, id: string, region = regionIdPart(folder)): string {
  const cvr = folder.records.organisation.get(id)?.cvr;
  return cvr ? `DK-CVR-${cvr}` : `360G-${region}-${id}`;
}

export function funderIdentifier(folder: DataFolder, region = regionIdPart(folder)): string {
  const cvr = folder.settings?.region.cvr;
  return cvr ? `DK-CVR-${cvr}` : `360G-${region}`;
}

/** "Yes" only for an agreement established by a public call; an invited call, an exemption or nothing recorded is "No". */
export function fromOpenCall(folder: DataFolder, a: Agreement): 'Yes' | 'No' {
  const call = a.established_by?.call ? folder.records.call.get(a.established_by.call) : undefined;
  return call?.channel === 'public' ? 'Yes' : 'No';
}

/** Where a grant benefits: the country, the region, or its municipalities by name (`municipalityNames`, made once per list of grants). */
function beneficiaryLocation(folder: DataFolder, municipalityNames: ReadonlyMap<string, string>, a: Pick<Agreement, 'scope' | 'municipalities'>, lang: Language): Grant['beneficiaryLocation'] {
  if (a.scope === 'national') return [{ name: translate(lang, 'openData.denmark'), countryCode: 'DK' }];
  if (a.scope === 'regional') return [{ name: folder.settings?.region.name ?? translate(lang, 'openData.denmark'), countryCode: 'DK' }];
  const list = (a.municipalities ?? []).map((m) => ({ name: municipalityNames.get(m) ?? m, countryCode: 'DK' as const }));
  return list.length ? list : undefined;
}

export function buildGrants(folder: DataFolder, lang: Language): Grant[] {
  // Each organisation's part of each line, added up per agreement (or application), pool and year.
  const byKey = new Map<string, { line: CountedLine; organisation: string; amount: number; whole: number }>();
  for (const l of countedLines(folder)) {
    for (const { organisation, amount } of wholeShares(l)) {
      const key = `${l.agreement ?? ''}\u0000${l.application ?? ''}\u0000${l.pool}\u0000${l.year}\u0000${organisation}`;
      const g = byKey.get(key);
      if (g) {
        g.amount += amount;
        g.whole += l.amount;
      } else byKey.set(key, { line: l, organisation, amount, whole: l.amount });
    }
  }
  const region = folder.settings?.region.name ?? '';
  // The region's identifier part, the municipalities' names and the decisions are the same for every grant.
  const regionPart = regionIdPart(folder);
  const municipalityNames = new Map(folder.vocabularies.municipalities.map((m) => [m.id, m.name]));
  const decisions = decisionDates(folder);
  const funder = { id: funderIdentifier(folder, regionPart), name: region };
  const grants: Grant[] = [];
  for (const { line, organisation, amount, whole } of byKey.values()) {
    const pool = folder.records.pool.get(line.pool);
    const poolName = pool?.name ?? line.pool;
    const from = line.agreement !== undefined
      ? agreementGrant(folder, folder.records.agreement.get(line.agreement)!, line.pool, line.year, decisions)
      : applicationGrant(folder, folder.records.application.get(line.application!)!, line.year, lang);
    const location = beneficiaryLocation(folder, municipalityNames, from.reach, lang);
    const shared = line.organisations.length > 1;
    const description = translate(lang, DESCRIPTION[from.kind][NAMES_ITSELF_A_POOL.test(poolName) ? 'named' : 'plain'], { pool: poolName, year: line.year, title: from.title, ...from.untitled });
    grants.push({
      // A shared line's parts are told apart by their organisation's id: each keeps its id whatever the others' parts.
      id: `360G-${regionPart}-${from.id}-${line.pool}-${line.year}${shared ? `-${organisation}` : ''}`,
      title: from.title,
      description: shared ? `${description} ${translate(lang, 'openData.grantShare', { total: whole, count: line.organisations.length })}` : description,
      currency: 'DKK',
      amountAwarded: amount,
      awardDate: from.awardDate,
      ...(from.planned ? { plannedDates: [from.planned] } : {}),
      recipientOrganization: [{ id: organisationIdentifier(folder, organisation, regionPart), name: folder.records.organisation.get(organisation)?.name ?? organisation }],
      fundingOrganization: [funder],
      grantProgramme: [{ code: line.pool, title: poolName }],
      fromOpenCall: from.fromOpenCall,
      ...(location ? { beneficiaryLocation: location } : {}),
    });
  }
  return grants.sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
}

/**
 * The date of the decision each agreement was made from, by agreement and pool: the decision on
 * the application whose grant it carries from that pool (domain/allocation.ts carriedGrants).
 * Where the agreements carry grants together (which was made from which is not known), or one
 * carries grants decided on different days, no one date is known and none is given.
 */
function decisionDates(folder: DataFolder): Map<string, string | undefined> {
  const out = new Map<string, string | undefined>();
  for (const g of carriedGrants(folder)) {
    const date = folder.records.application.get(g.application)?.decision?.date;
    for (const agreement of g.together ?? [g.agreement]) {
      const key = `${agreement}\u0000${g.pool}`;
      out.set(key, out.has(key) && out.get(key) !== date ? undefined : date);
    }
  }
  return out;
}

/** A grant's description by what it was given to, and whether the pool's name says it is one. */
const DESCRIPTION = {
  agreement: { plain: 'openData.grantDescription', named: 'openData.grantDescriptionNamed' },
  application: { plain: 'openData.applicationGrantDescription', named: 'openData.applicationGrantDescriptionNamed' },
  untitledApplication: { plain: 'openData.untitledGrantDescription', named: 'openData.untitledGrantDescriptionNamed' },
} as const;

interface GrantSource {
  id: string;
  title: string;
  kind: keyof typeof DESCRIPTION;
  /** An application without a title: what its description says of it instead (its organisations, its call). */
  untitled?: { organisations: Message | string; call: string };
  awardDate: string;
  /** Undefined where the grant's year lies outside the agreement's period: when the money is used is not known. */
  planned?: { startDate: string; endDate: string };
  fromOpenCall: 'Yes' | 'No';
  reach: Pick<Agreement, 'scope' | 'municipalities'>;
}

function agreementGrant(folder: DataFolder, a: Agreement, pool: string, year: number, decisions: ReadonlyMap<string, string | undefined>): GrantSource {
  // The part of the agreement's period in the grant's year; none where the year lies outside it.
  const start = a.start > `${year}-01-01` ? a.start : `${year}-01-01`;
  const end = a.end && a.end < `${year}-12-31` ? a.end : `${year}-12-31`;
  return {
    id: a.id, title: a.title, kind: 'agreement', awardDate: awardDate(a, decisions.get(`${a.id}\u0000${pool}`)),
    ...(start <= end ? { planned: { startDate: start, endDate: end } } : {}),
    fromOpenCall: fromOpenCall(folder, a), reach: a,
  };
}

/**
 * When an agreement's grant was decided (360Giving's awardDate): the decision on the application
 * it was made from; else the day its exemption from an open call was approved, the decision to
 * make it without one; else, with no decision recorded, its start.
 */
function awardDate(a: Agreement, decided: string | undefined): string {
  return decided ?? a.established_by?.exemption?.date ?? a.start;
}

/**
 * A grant decided on an application: given on the decision's date, for the year, reaching where its
 * call reaches. Titled by the application's title; one without a title by what it is, a grant to its
 * organisations under its call (the call's title alone would read as the application's).
 */
function applicationGrant(folder: DataFolder, app: Application, year: number, lang: Language): GrantSource {
  const call = folder.records.call.get(app.call);
  const untitled = app.title === undefined ? { organisations: andList(app.organisations.map((o) => folder.records.organisation.get(o)?.name ?? o)), call: call?.title ?? app.call } : undefined;
  const title = app.title ?? translate(lang, 'openData.untitledGrantTitle', untitled!);
  return {
    // Prefixed: an application and an agreement may have the same id.
    id: `application-${app.id}`, title, kind: untitled ? 'untitledApplication' : 'application', ...(untitled ? { untitled } : {}), awardDate: app.decision!.date,
    planned: { startDate: `${year}-01-01`, endDate: `${year}-12-31` },
    fromOpenCall: call?.channel === 'public' ? 'Yes' : 'No',
    reach: call ?? {},
  };
}

/** The 360Giving package: the grants and the standard's version. */
export function grantsPackage(grants: Grant[]): { grants: Grant[]; version: string } {
  return { grants, version: '1.4' };
}

/** The flat columns of 360Giving's CSV template, with each grant's row (its one recipient). */
export const GRANT_COLUMNS = [
  'Identifier', 'Title', 'Description', 'Currency', 'Amount Awarded', 'Award Date', 'Planned Dates:Start Date', 'Planned Dates:End Date',
  'Recipient Org:Identifier', 'Recipient Org:Name', 'Funding Org:Identifier', 'Funding Org:Name', 'Grant Programme:Code', 'Grant Programme:Title',
  'From An Open Call?', 'Beneficiary Location:Name', 'Beneficiary Location:Country Code',
] as const;

export function grantRow(g: Grant): (string | number)[] {
  return [
    g.id, g.title, g.description, g.currency, g.amountAwarded, g.awardDate, g.plannedDates?.[0]?.startDate ?? '', g.plannedDates?.[0]?.endDate ?? '',
    g.recipientOrganization[0]?.id ?? '', g.recipientOrganization[0]?.name ?? '', g.fundingOrganization[0].id, g.fundingOrganization[0].name,
    g.grantProgramme[0].code, g.grantProgramme[0].title, g.fromOpenCall, (g.beneficiaryLocation ?? []).map((l) => l.name).join(', '), g.beneficiaryLocation?.length ? 'DK' : '',
  ];
}
