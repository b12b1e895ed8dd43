// The site's open data (open-data/): organisations, offers (shaped as Open Referral's HSDS:
// organization, service, service area, eligibility), agreements, grants (the 360Giving Data
// Standard), calls and consultations, each as CSV and JSON, and one readme in Danish and English
// that documents every column of every file, the licence and the as-of date. The readme is written
// from the same column lists as the files, and a test checks every column has its description in
// the catalogue, so a file cannot gain a column the readme does not explain. Only
// what the pages show: no contact person, no e-mail or phone of anyone, no staff note. CSV through
// civsam's one encoder (comma-separated, decimal point: the form open-data tools read).
import { selectionOf } from '../domain/applications.js';
import { agreementStandingOn, type AgreementStanding } from '../domain/reach.js';
import { csvField } from '../output/csv.js';
import { buildGrants, grantRow, grantsPackage, GRANT_COLUMNS } from '../reports/grants.js';
import type { SiteFacts } from './facts.js';
import { publicUrl } from './html.js';
import { translate, type Language, type MessageKey } from '../i18n/index.js';
import type { FileContent } from './stage-page.js';

export const OPEN_DATA_DIR = 'open-data';
export const OPEN_DATA_README = `${OPEN_DATA_DIR}/readme.md`;
const DEFAULT_LICENCE = { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' };

type Cell = string | number;
/**
 * A column: a field of the row, written as it is (a list joined with commas, nothing when it is
 * absent), or a name of its own and how to get its value. What it means, in both languages, is in
 * the catalogue (`openData.<file>.<column>`), which the readme prints.
 */
type Column<R> = (keyof R & string) | [name: string, value: (r: R) => Cell];
interface DataFile<R> { name: string; rows(f: SiteFacts): R[]; columns: Column<R>[] }

/** An agreement's standing as the agreements file writes it (`active` as the file always said for one in force). */
const STATUS_CODE: Record<AgreementStanding, string> = { 'in-force': 'active', upcoming: 'upcoming', ended: 'ended' };

const list = (xs: readonly string[] | undefined) => (xs ?? []).join(', ');
const columnName = <R>(c: Column<R>) => (typeof c === 'string' ? c : c[0]);
function cell<R>(c: Column<R>, row: R): Cell {
  if (typeof c !== 'string') return c[1](row);
  const v = row[c] as unknown;
  return Array.isArray(v) ? list(v as string[]) : typeof v === 'number' ? v : String(v ?? '');
}

function files(facts: SiteFacts): DataFile<never>[] {
  const folder = facts.folder;
  const r = folder.records;
  const orgName = (id: string) => r.organisation.get(id)?.name ?? id;
  const muniName = new Map(folder.vocabularies.municipalities.map((m) => [m.id, m.name]));
  const groupName = new Map(folder.vocabularies.patientGroups.map((g) => [g.id, g.name.da]));
  const reach = (x: { municipalities?: string[]; scope?: string }) => (x.scope ? x.scope : (x.municipalities ?? []).map((m) => muniName.get(m) ?? m).join(', '));
  const decided = (c: { deadline: string }) => c.deadline < facts.asOf;
  const selection = (c: SiteFacts['openCalls'][number]) => selectionOf(c, facts.applicationsByCall.get(c.id) ?? []);
  const organisations: DataFile<SiteFacts['organisations'][number]> = {
    name: 'organisations',
    rows: (f) => f.organisations,
    columns: ['id', 'name', 'kind', 'cvr', 'areas', 'patient_groups', ['reach', reach], 'status', ['website', (o) => publicUrl(o.website) ?? '']],
  };
  const offers: DataFile<SiteFacts['activeOffers'][number]> = {
    name: 'offers',
    rows: (f) => f.activeOffers,
    columns: [
      'id', ['organization_id', (o) => o.organisation], ['organization_name', (o) => orgName(o.organisation)], ['name', (o) => o.title], 'description', 'type',
      ['status', () => 'active'],
      ['service_area', (o) => reach(o) || reach(r.organisation.get(o.organisation) ?? {})],
      ['eligibility', (o) => o.patient_groups.map((g) => groupName.get(g) ?? g).join(', ')],
      'active_from', 'active_until', ['agreement_id', (o) => o.agreement ?? ''],
    ],
  };
  const agreements: DataFile<SiteFacts['agreements'][number]> = {
    name: 'agreements',
    rows: (f) => f.agreements,
    columns: [
      'id', 'title', 'organisations', 'start', 'end',
      // Where it stands on the data's date, not the record's status: one that starts later is not active yet.
      ['status', (a) => STATUS_CODE[agreementStandingOn(a, facts.asOf) ?? 'ended']],
      ['established_by', (a) => (a.established_by?.call ? 'call' : a.established_by?.exemption ? 'exemption' : 'none')],
      ['call_id', (a) => a.established_by?.call ?? ''],
      ['funding_dkk', (a) => (a.funding ?? []).reduce((s, l) => s + l.amount_dkk, 0)],
    ],
  };
  const calls: DataFile<SiteFacts['openCalls'][number]> = {
    name: 'calls',
    rows: (f) => [...f.openCalls, ...f.recentCalls, ...f.earlierCalls],
    columns: [
      'id', 'title', ['pool_id', (c) => c.pool ?? ''], 'areas', 'published', 'deadline', 'channel',
      ['applicants', (c) => (decided(c) ? new Set(selection(c).applicants).size : '')],
      ['selected', (c) => (decided(c) ? list(selection(c).selected) : '')],
    ],
  };
  const consultations: DataFile<SiteFacts['openConsultations'][number]> = {
    name: 'consultations',
    rows: (f) => [...f.openConsultations, ...f.pastConsultations],
    columns: ['id', 'title', 'areas', 'opens', 'deadline', 'status', 'selection', 'invited', ['responses', (c) => (decided(c) ? (c.responses ?? []).length : '')]],
  };
  return [organisations, offers, agreements, calls, consultations] as unknown as DataFile<never>[];
}

/** A file's or a column's description in the readme, in one language. */
const doc = (lang: Language, file: string, column?: string) => translate(lang, `openData.${file}${column === undefined ? '' : `.${column}`}` as MessageKey);

/**
 * Every file of open-data/ as [path, content], in a fixed order, one at a time: at a national
 * register's size the files are tens of megabytes each, and each is let go once it is written.
 */
export function* openDataFiles(facts: SiteFacts): Generator<[path: string, content: FileContent]> {
  const docs: string[] = [];
  for (const file of files(facts)) {
    const names = file.columns.map(columnName);
    // Each cell worked out once, for the CSV and the JSON alike.
    const cells = file.rows(facts).map((row) => file.columns.map((c) => cell(c, row)));
    yield [`${OPEN_DATA_DIR}/${file.name}.csv`, csvPieces(names, cells, (row) => row)];
    // Each row as JSON.stringify writes an object of its cells in an array, indented by two: what
    // comes before each cell (`{`, its key) is the same on every row.
    const keys = names.map((name, i) => `${i === 0 ? '{\n' : ',\n'}    ${JSON.stringify(name)}: `);
    yield [`${OPEN_DATA_DIR}/${file.name}.json`, jsonPieces('[', cells, (out, row) => {
      for (let i = 0; i < keys.length; i++) out.add(keys[i] + JSON.stringify(row[i]));
      out.add('\n  }');
    }, ']\n', '')];
    docs.push(fileDoc(file.name, 'csv, json', names));
  }
  const grants = buildGrants(facts.folder, facts.folder.settings?.language ?? 'da');
  yield [`${OPEN_DATA_DIR}/grants.csv`, csvPieces(GRANT_COLUMNS, grants, grantRow)];
  // The 360Giving package as JSON.stringify writes it, its list of grants in pieces.
  const empty = JSON.stringify(grantsPackage([]), null, 2);
  const list = empty.indexOf('"grants": []') + '"grants": ['.length;
  yield [`${OPEN_DATA_DIR}/grants.json`, jsonPieces(empty.slice(0, list), grants, (out, g) => out.add(indentedTwice(g)), `${empty.slice(list)}\n`, '  ')];
  docs.push(fileDoc('grants', 'csv, json (360Giving)', GRANT_COLUMNS));
  yield [OPEN_DATA_README, readme(facts, docs)];
}

/**
 * A value as JSON.stringify(…, null, 2) writes it two levels down (each line after the first
 * indented by four more spaces): written so inside two lists and cut out, not indented again
 * afterwards (a search and replace over every grant's text, tens of megabytes at the bench size).
 */
function indentedTwice(value: unknown): string {
  const text = JSON.stringify([[value]], null, 2);
  // `[\n  [\n    ` before the value, `\n  ]\n]` after it.
  return text.slice(10, -6);
}

/** Past this many characters a file's text being made is cut into a piece. */
const PIECE = 65536;

/**
 * Strings one after the other, as pieces of some tens of thousands of characters (a file of tens
 * of megabytes is never one string). Each piece is made one string as it is cut (reading a
 * character of it does that), so the strings it was made of are let go as the file is made.
 * Added to in plain loops: a generator between the rows and the pieces made an object per row.
 */
class Pieces {
  private readonly out: string[] = [];
  private text = '';

  add(part: string): void {
    this.text += part;
    if (this.text.length > PIECE) {
      this.text.charCodeAt(0);
      this.out.push(this.text);
      this.text = '';
    }
  }

  done(): string[] {
    if (this.text !== '' || this.out.length === 0) this.out.push(this.text);
    return this.out;
  }
}

const CSV_OPTIONS = { delimiter: ',', lang: 'en' } as const;

/** The header and the rows as the one CSV encoder writes them (output/csv.ts `encodeCsv`: byte-order mark, CRLF line ends), in pieces. */
function csvPieces<T>(header: readonly Cell[], items: readonly T[], row: (x: T) => readonly Cell[]): string[] {
  const out = new Pieces();
  out.add('\uFEFF');
  out.add(csvLine(header));
  for (const x of items) out.add(csvLine(row(x)));
  return out.done();
}

function csvLine(cells: readonly Cell[]): string {
  let line = '';
  for (let i = 0; i < cells.length; i++) line += (i > 0 ? CSV_OPTIONS.delimiter : '') + csvField(cells[i], CSV_OPTIONS);
  return `${line}\r\n`;
}

/**
 * A list in JSON as JSON.stringify(…, null, 2) writes it, between `before` (ending in `[`) and
 * `after` (starting with `]`), at the indentation `indent`: `write` adds an entry's own text,
 * already indented one step deeper. No entries: `[]`.
 */
function jsonPieces<T>(before: string, items: readonly T[], write: (out: Pieces, x: T) => void, after: string, indent: string): string[] {
  if (items.length === 0) return [`${before}${after}`];
  const out = new Pieces();
  const between = `,\n${indent}  `;
  out.add(`${before}\n${indent}  `);
  for (let i = 0; i < items.length; i++) {
    if (i > 0) out.add(between);
    write(out, items[i]);
  }
  out.add(`\n${indent}${after}`);
  return out.done();
}

function fileDoc(name: string, formats: string, columns: readonly string[]): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|');
  return [`## ${name} (${formats})`, '', doc('da', name), '', doc('en', name), '', '| Kolonne / column | Dansk | English |', '| --- | --- | --- |', ...columns.map((c) => `| ${cell(c)} | ${cell(doc('da', name, c))} | ${cell(doc('en', name, c))} |`), ''].join('\n');
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
