// The site's open data (open-data/): organisations, offers (shaped as Open Referral's HSDS:
// organization, service, service area, eligibility), agreements, grants (the 360Giving Data
// Standard), calls and consultations, each as CSV and JSON, and one readme in Danish and English
// that documents every column of every file, the licence and the as-of date. The columns and their
// documentation are one table, so a file cannot gain a column the readme does not explain. Only
// what the pages show: no contact person, no e-mail or phone of anyone, no staff note. CSV through
// civsam's one encoder (comma-separated, decimal point: the form open-data tools read).
import { encodeCsv } from '../output/csv.js';
import { buildGrants, grantRow, grantsPackage, GRANT_COLUMNS } from '../reports/grants.js';
import type { SiteFacts } from './facts.js';
import { publicUrl } from './html.js';

export const OPEN_DATA_DIR = 'open-data';
export const OPEN_DATA_README = `${OPEN_DATA_DIR}/readme.md`;
const DEFAULT_LICENCE = { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' };

type Cell = string | number;
interface Column<R> { name: string; en: string; da: string; value(r: R): Cell }
interface DataFile<R> { name: string; en: string; da: string; rows(f: SiteFacts): R[]; columns: Column<R>[] }

const list = (xs: readonly string[] | undefined) => (xs ?? []).join(', ');

function files(facts: SiteFacts): DataFile<never>[] {
  const folder = facts.folder;
  const r = folder.records;
  const orgName = (id: string) => r.organisation.get(id)?.name ?? id;
  const muniName = new Map(folder.vocabularies.municipalities.map((m) => [m.id, m.name]));
  const groupName = new Map(folder.vocabularies.patientGroups.map((g) => [g.id, g.name.da]));
  const reach = (x: { municipalities?: string[]; scope?: string }) => (x.scope ? x.scope : (x.municipalities ?? []).map((m) => muniName.get(m) ?? m).join(', '));
  const organisations: DataFile<SiteFacts['organisations'][number]> = {
    name: 'organisations', en: 'Organisations registered with the region (no contact person, e-mail or phone: those are personal data and never published).', da: 'Organisationer, som regionen har registreret (uden kontaktperson, e-mail og telefon: det er personoplysninger og offentliggøres aldrig).',
    rows: (f) => f.organisations,
    columns: [
      { name: 'id', en: 'civsam\'s identifier of the organisation', da: 'organisationens id i civsam', value: (o) => o.id },
      { name: 'name', en: 'name', da: 'navn', value: (o) => o.name },
      { name: 'kind', en: 'kind of organisation (patient-association, volunteer-organisation, …)', da: 'slags organisation (patient-association = patientforening, volunteer-organisation = frivillig organisation, …)', value: (o) => o.kind },
      { name: 'cvr', en: 'Danish CVR number, when recorded', da: 'CVR-nummer, når det er registreret', value: (o) => o.cvr ?? '' },
      { name: 'areas', en: 'areas (social, psychiatry, health), comma-separated', da: 'områder (social, psychiatry = psykiatri, health = sundhed), kommasepareret', value: (o) => list(o.areas) },
      { name: 'patient_groups', en: 'patient group ids, comma-separated', da: 'patientgruppers id, kommasepareret', value: (o) => list(o.patient_groups) },
      { name: 'reach', en: 'municipalities it works in, or regional / national', da: 'kommuner, den arbejder i, eller regional / national', value: (o) => reach(o) },
      { name: 'status', en: 'active or inactive', da: 'active (aktiv) eller inactive (ophørt)', value: (o) => o.status },
      { name: 'website', en: 'its public website', da: 'dens offentlige hjemmeside', value: (o) => publicUrl(o.website) ?? '' },
    ],
  };
  const offers: DataFile<SiteFacts['activeOffers'][number]> = {
    name: 'offers', en: 'Active offers, shaped as Open Referral\'s Human Services Data Specification (HSDS): a service of an organization, its service area and eligibility.', da: 'Aktive tilbud, i form som Open Referrals Human Services Data Specification (HSDS): en ydelse (service) fra en organisation, dens område (service area) og målgruppe (eligibility).',
    rows: (f) => f.activeOffers,
    columns: [
      { name: 'id', en: 'the service\'s identifier (HSDS service.id)', da: 'tilbuddets id (HSDS service.id)', value: (o) => o.id },
      { name: 'organization_id', en: 'the organisation running it (HSDS service.organization_id)', da: 'organisationen, der driver det (HSDS service.organization_id)', value: (o) => o.organisation },
      { name: 'organization_name', en: 'the organisation\'s name (HSDS organization.name)', da: 'organisationens navn (HSDS organization.name)', value: (o) => orgName(o.organisation) },
      { name: 'name', en: 'the offer\'s title (HSDS service.name)', da: 'tilbuddets titel (HSDS service.name)', value: (o) => o.title },
      { name: 'description', en: 'description (HSDS service.description)', da: 'beskrivelse (HSDS service.description)', value: (o) => o.description ?? '' },
      { name: 'type', en: 'type of offer (id from the offer types)', da: 'slags tilbud (id fra listen over tilbudstyper)', value: (o) => o.type },
      { name: 'status', en: 'HSDS service.status: active (only active offers are published)', da: 'HSDS service.status: active (kun aktive tilbud offentliggøres)', value: () => 'active' },
      { name: 'service_area', en: 'where it is offered: municipalities, or regional / national (HSDS service_area)', da: 'hvor det tilbydes: kommuner, eller regional / national (HSDS service_area)', value: (o) => reach(o) || reach(r.organisation.get(o.organisation) ?? {}) },
      { name: 'eligibility', en: 'who it is for: patient groups (HSDS eligibility), in Danish', da: 'hvem det er for: patientgrupper (HSDS eligibility)', value: (o) => o.patient_groups.map((g) => groupName.get(g) ?? g).join(', ') },
      { name: 'active_from', en: 'first day (YYYY-MM-DD)', da: 'første dag (ÅÅÅÅ-MM-DD)', value: (o) => o.active_from },
      { name: 'active_until', en: 'last day, when set', da: 'sidste dag, når den er fastsat', value: (o) => o.active_until ?? '' },
      { name: 'agreement_id', en: 'the collaboration agreement behind it, when there is one', da: 'samarbejdsaftalen bag, når der er en', value: (o) => o.agreement ?? '' },
    ],
  };
  const agreements: DataFile<SiteFacts['agreements'][number]> = {
    name: 'agreements', en: 'Collaboration agreements that are active or ended (drafts and cancelled ones were never in force).', da: 'Samarbejdsaftaler, der er aktive eller udløbet (udkast og annullerede aftaler var aldrig gældende).',
    rows: (f) => f.agreements,
    columns: [
      { name: 'id', en: 'the agreement\'s identifier', da: 'aftalens id', value: (a) => a.id },
      { name: 'title', en: 'title', da: 'titel', value: (a) => a.title },
      { name: 'organisations', en: 'the organisations\' ids, comma-separated', da: 'organisationernes id, kommasepareret', value: (a) => list(a.organisations) },
      { name: 'start', en: 'start (YYYY-MM-DD)', da: 'start (ÅÅÅÅ-MM-DD)', value: (a) => a.start },
      { name: 'end', en: 'end, when set', da: 'slut, når den er fastsat', value: (a) => a.end ?? '' },
      { name: 'status', en: 'active or ended', da: 'active (aktiv) eller ended (udløbet)', value: (a) => a.status },
      { name: 'established_by', en: 'how it came about: call, exemption or none (not recorded)', da: 'hvordan den kom i stand: call (opslag), exemption (undtagelse) eller none (ikke registreret)', value: (a) => (a.established_by?.call ? 'call' : a.established_by?.exemption ? 'exemption' : 'none') },
      { name: 'call_id', en: 'the call it came from, when it came from one', da: 'opslaget, den kom fra, når den kom fra et', value: (a) => a.established_by?.call ?? '' },
      { name: 'funding_dkk', en: 'all its funding lines together, in Danish kroner', da: 'alle dens bevillinger tilsammen, i kroner', value: (a) => (a.funding ?? []).reduce((s, l) => s + l.amount_dkk, 0) },
    ],
  };
  const calls: DataFile<SiteFacts['openCalls'][number]> = {
    name: 'calls', en: 'Calls published by the as-of date.', da: 'Opslag, der er offentliggjort senest på opgørelsesdatoen.',
    rows: (f) => [...f.openCalls, ...f.recentCalls, ...f.earlierCalls],
    columns: [
      { name: 'id', en: 'the call\'s identifier', da: 'opslagets id', value: (c) => c.id },
      { name: 'title', en: 'title', da: 'titel', value: (c) => c.title },
      { name: 'pool_id', en: 'the pool it distributes, when set', da: 'puljen, det fordeler, når den er angivet', value: (c) => c.pool ?? '' },
      { name: 'areas', en: 'areas, comma-separated', da: 'områder, kommasepareret', value: (c) => list(c.areas) },
      { name: 'published', en: 'published (YYYY-MM-DD)', da: 'offentliggjort (ÅÅÅÅ-MM-DD)', value: (c) => c.published },
      { name: 'deadline', en: 'deadline (YYYY-MM-DD)', da: 'frist (ÅÅÅÅ-MM-DD)', value: (c) => c.deadline },
      { name: 'channel', en: 'public (advertised to all) or invited (sent to some)', da: 'public (åbent for alle) eller invited (sendt til udvalgte)', value: (c) => c.channel },
      { name: 'applicants', en: 'number of applicants (after the deadline)', da: 'antal ansøgere (efter fristen)', value: (c) => (c.deadline < facts.asOf ? new Set(c.applicants ?? []).size : '') },
      { name: 'selected', en: 'the selected organisations\' ids (after the deadline)', da: 'de udvalgte organisationers id (efter fristen)', value: (c) => (c.deadline < facts.asOf ? list(c.selected) : '') },
    ],
  };
  const consultations: DataFile<SiteFacts['openConsultations'][number]> = {
    name: 'consultations', en: 'Consultations that have opened, from the day they open.', da: 'Høringer, der er åbnet, fra den dag de åbner.',
    rows: (f) => [...f.openConsultations, ...f.pastConsultations],
    columns: [
      { name: 'id', en: 'the consultation\'s identifier', da: 'høringens id', value: (c) => c.id },
      { name: 'title', en: 'title', da: 'titel', value: (c) => c.title },
      { name: 'areas', en: 'areas, comma-separated', da: 'områder, kommasepareret', value: (c) => list(c.areas) },
      { name: 'opens', en: 'opened (YYYY-MM-DD)', da: 'åbnede (ÅÅÅÅ-MM-DD)', value: (c) => c.opens },
      { name: 'deadline', en: 'deadline (YYYY-MM-DD)', da: 'frist (ÅÅÅÅ-MM-DD)', value: (c) => c.deadline },
      { name: 'status', en: 'open or closed', da: 'open (åben) eller closed (afsluttet)', value: (c) => c.status },
      { name: 'selection', en: 'all (every relevant party on the hearing list) or limited (seats)', da: 'all (alle relevante parter på høringslisten) eller limited (pladser)', value: (c) => c.selection },
      { name: 'invited', en: 'the invited hearing parties\' ids, comma-separated', da: 'de inviterede høringsparters id, kommasepareret', value: (c) => list(c.invited) },
      { name: 'responses', en: 'number of responses received (after the deadline)', da: 'antal modtagne høringssvar (efter fristen)', value: (c) => (c.deadline < facts.asOf ? (c.responses ?? []).length : '') },
    ],
  };
  return [organisations, offers, agreements, calls, consultations] as unknown as DataFile<never>[];
}

/** The grants file's columns: 360Giving's own titles, documented here. */
const GRANT_DOCS: Record<(typeof GRANT_COLUMNS)[number], [en: string, da: string]> = {
  Identifier: ['the grant\'s identifier (360G-, one per agreement, pool and year)', 'bevillingens id (360G-, én pr. aftale, pulje og år)'],
  Title: ['the agreement\'s title', 'aftalens titel'],
  Description: ['the pool, the year and the agreement, in words', 'puljen, året og aftalen, i ord'],
  Currency: ['DKK', 'DKK (danske kroner)'],
  'Amount Awarded': ['the amount, in Danish kroner', 'beløbet, i kroner'],
  'Award Date': ['the agreement\'s start (civsam records no separate decision date)', 'aftalens start (civsam registrerer ingen særskilt beslutningsdato)'],
  'Planned Dates:Start Date': ['the first day of the agreement in the grant\'s year', 'aftalens første dag i bevillingens år'],
  'Planned Dates:End Date': ['the last day of the agreement in the grant\'s year', 'aftalens sidste dag i bevillingens år'],
  'Recipient Org:Identifier': ['DK-CVR-<CVR number>, or 360G-<region>-<id> without one (the first organisation; the JSON has all)', 'DK-CVR-<CVR-nummer>, eller 360G-<region>-<id> uden (den første organisation; JSON-filen har alle)'],
  'Recipient Org:Name': ['the organisation\'s name', 'organisationens navn'],
  'Funding Org:Identifier': ['the region: DK-CVR-<its CVR number>', 'regionen: DK-CVR-<dens CVR-nummer>'],
  'Funding Org:Name': ['the region\'s name', 'regionens navn'],
  'Grant Programme:Code': ['the pool\'s id', 'puljens id'],
  'Grant Programme:Title': ['the pool\'s name', 'puljens navn'],
  'From An Open Call?': ['Yes for an agreement established by a public call, otherwise No', 'Yes, når aftalen kom i stand ved et offentligt opslag, ellers No'],
  'Beneficiary Location:Name': ['the municipalities reached, or the region / Denmark', 'de kommuner, aftalen når, eller regionen / Danmark'],
  'Beneficiary Location:Country Code': ['DK', 'DK (Danmark)'],
};

/**
 * Every file of open-data/ as [path, content], in a fixed order, one at a time: at a national
 * register's size the files are tens of megabytes each, and each is let go once it is written.
 */
export function* openDataFiles(facts: SiteFacts): Generator<[path: string, content: string]> {
  const csv = (rows: Cell[][]) => encodeCsv(rows, { delimiter: ',', lang: 'en' });
  const docs: string[] = [];
  for (const file of files(facts)) {
    const names = file.columns.map((c) => c.name);
    // Each cell worked out once, for the CSV and the JSON alike.
    const cells = file.rows(facts).map((r) => file.columns.map((c) => c.value(r)));
    yield [`${OPEN_DATA_DIR}/${file.name}.csv`, csv([names, ...cells])];
    yield [`${OPEN_DATA_DIR}/${file.name}.json`, JSON.stringify(cells.map((row) => Object.fromEntries(names.map((name, i) => [name, row[i]]))), null, 2) + '\n'];
    docs.push(fileDoc(file.name, 'csv, json', file.da, file.en, file.columns.map((c) => [c.name, c.da, c.en])));
  }
  const grants = buildGrants(facts.folder, facts.folder.settings?.language ?? 'da');
  yield [`${OPEN_DATA_DIR}/grants.csv`, csv([[...GRANT_COLUMNS], ...grants.map(grantRow)])];
  yield [`${OPEN_DATA_DIR}/grants.json`, JSON.stringify(grantsPackage(grants), null, 2) + '\n'];
  docs.push(fileDoc('grants', 'csv, json (360Giving)', 'Bevillinger efter 360Giving Data Standard (standard.threesixtygiving.org): én pr. aftale, pulje og år, fra aftaler, der er aktive eller udløbet.', 'Grants in the 360Giving Data Standard (standard.threesixtygiving.org): one per agreement, pool and year, of agreements that are active or ended.', GRANT_COLUMNS.map((c) => [c, GRANT_DOCS[c][1], GRANT_DOCS[c][0]])));
  yield [OPEN_DATA_README, readme(facts, docs)];
}

function fileDoc(name: string, formats: string, da: string, en: string, columns: [string, string, string][]): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|');
  return [`## ${name} (${formats})`, '', da, '', en, '', '| Kolonne / column | Dansk | English |', '| --- | --- | --- |', ...columns.map(([c, d, e]) => `| ${cell(c)} | ${cell(d)} | ${cell(e)} |`), ''].join('\n');
}

function readme(facts: SiteFacts, docs: string[]): string {
  const settings = facts.folder.settings;
  const licence = settings?.open_data?.licence ?? DEFAULT_LICENCE.name;
  const url = settings?.open_data?.licence_url ?? (settings?.open_data?.licence ? undefined : DEFAULT_LICENCE.url);
  const region = settings?.region.name ?? '';
  return [
    `# Åbne data / Open data – ${region}`, '',
    `Opgjort pr. ${facts.asOf}. Data er udgivet under licensen ${licence}${url ? ` (${url})` : ''}. Hver fil findes som CSV (UTF-8, komma som skilletegn, punktum som decimaltegn) og JSON. Filerne indeholder ingen personoplysninger: ingen kontaktpersoner, e-mails eller telefonnumre.`, '',
    `As of ${facts.asOf}. Published under the licence ${licence}${url ? ` (${url})` : ''}. Every file is given as CSV (UTF-8, comma-separated, decimal point) and JSON. The files hold no personal data: no contact persons, e-mail addresses or phone numbers.`, '',
    ...docs,
  ].join('\n');
}
