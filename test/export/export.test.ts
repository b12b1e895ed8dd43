// civsam export: records and overviews as CSV and .xlsx, checked by reading the files back.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { civsam } from '../helpers/cli.js';
import { baseFiles, makeFolder, org } from '../helpers/folder.js';
import { sheetToCsv } from '../../src/spreadsheets/export/files.js';
import { exportRecords } from '../../src/spreadsheets/export/records.js';
import { readFolder } from '../../src/store/load-folder.js';
import { checkFolder } from '../../src/validate/check-folder.js';
import { parseCell } from '../../src/spreadsheets/import/cells.js';
import { columnsOf } from '../../src/spreadsheets/import/columns.js';
import { vocabularyIndexes } from '../../src/spreadsheets/import/values.js';

const made: string[] = [];
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});
const out = () => {
  const d = mkdtempSync(join(tmpdir(), 'civsam-export-'));
  made.push(d);
  return d;
};
const rowsOf = (file: string, sheet?: string) => {
  const wb = XLSX.read(readFileSync(file));
  return { names: wb.SheetNames, rows: XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[sheet ?? wb.SheetNames[0]], { header: 1, raw: true }) };
};

describe('records as a spreadsheet', () => {
  const dir = makeFolder({
    ...baseFiles(),
    'organisations/beta.yaml': org('beta', 'Beta, Unge & Pårørende', undefined, 'registered: 2020-01-31\ncontact:\n  name: Bo Hemmelig\n  phone: "+45 11 22 33 44"\nnotes: "  indrykket\\n- punkt"\n'),
  });
  const folder = checkFolder(readFolder(dir)).folder;

  it('writes names in the chosen language, lists with the separator the format needs, and guards formula-like cells', async () => {
    const da = exportRecords(folder, 'organisation', { lang: 'da', includePersonal: true, listSeparator: ',', sheetName: 'Organisationer' });
    expect(da.sheet.headers).toEqual(['id', 'navn', 'art', 'cvr', 'områder', 'patientgrupper', 'kommuner', 'rækkevidde', 'status', 'inaktiv_siden', 'registreret', 'hjemmeside', 'kontakt_rolle', 'kontaktperson', 'kontakt_email', 'kontakt_telefon', 'kontakt_bekræftet', 'noter']);
    expect(da.sheet.rows[1]).toEqual(['beta', 'Beta, Unge & Pårørende', 'patientforening', '', 'psykiatri', 'Depression', 'Aarhus', '', 'aktiv', '', '2020-01-31', '', '', 'Bo Hemmelig', '', '+45 11 22 33 44', '', '  indrykket\n- punkt']);
    const csv = sheetToCsv(da.sheet, 'da').split('\r\n');
    expect(csv[2]).toBe('beta;"Beta, Unge & Pårørende";patientforening;;psykiatri;Depression;Aarhus;;aktiv;;2020-01-31;;;Bo Hemmelig;;\'+45 11 22 33 44;;"  indrykket\n- punkt"');
  });

  it('leaves every contact field out without personal data, and says it did', async () => {
    const en = exportRecords(folder, 'organisation', { lang: 'en', includePersonal: false, listSeparator: ';', sheetName: 'Organisations' });
    expect(en.personalOmitted).toBe(true);
    expect(en.sheet.headers.some((h) => h.startsWith('contact'))).toBe(false);
    expect(JSON.stringify(en.sheet.rows)).not.toContain('Hemmelig');
  });
});

describe('personal data in a spreadsheet (domain/personal.ts)', () => {
  const call = (extra: string) => `id: opslaget\ntitle: Opslaget\nareas: [psychiatry]\npublished: 2025-01-01\ndeadline: 2025-02-01\nchannel: public\n${extra}`;
  const application = (id: string, assessors: string[]) => `id: ${id}\ncall: opslaget\norganisations: [alpha]\namount_dkk: 1000\nkind: operation\nreceived: 2025-01-15\n`
    + `assessments:\n${assessors.map((a) => `  - assessor: ${a}\n    date: 2025-02-10\n    scores: []\n`).join('')}`;
  const dir = makeFolder({
    ...baseFiles(),
    'calls/opslaget.yaml': call('contact:\n  email: tilskud@region.example\ndeclarations:\n  - assessor: Karen Hemmelig\n    date: 2025-02-02\n    ties: []\n'),
    'applications/a1.yaml': application('a1', ['Karen Hemmelig', 'Ole Skjult']),
    'applications/a2.yaml': application('a2', ['Ole Skjult']),
  });
  const folder = checkFolder(readFolder(dir)).folder;

  it('keeps a call\'s contact (a unit the site publishes), which is no contact person', () => {
    const en = exportRecords(folder, 'call', { lang: 'en', includePersonal: false, listSeparator: ';', sheetName: 'Calls' });
    expect(en.personalOmitted).toBe(false);
    expect(en.sheet.rows[0][en.sheet.headers.indexOf('contact.email')]).toBe('tilskud@region.example');
  });

  it('writes assessors as numbers, the same number for the same person in every row, and their names only when asked', () => {
    const da = exportRecords(folder, 'application', { lang: 'da', includePersonal: false, listSeparator: ',', sheetName: 'Ansøgninger' });
    const cells = da.sheet.rows.map((r) => String(r[da.sheet.headers.indexOf('bedømmelser')]));
    expect(cells[0]).toContain('bedømmer=bedømmer 1;');
    expect(cells[0]).toContain('bedømmer=bedømmer 2;');
    expect(cells[1]).toContain('bedømmer=bedømmer 2;'); // Ole in both
    expect(JSON.stringify(da.sheet.rows)).not.toMatch(/Hemmelig|Skjult/);
    expect(da.assessorsNumbered).toBe(true);
    expect(da.holdsPersonal).toBe(false);
    const calls = exportRecords(folder, 'call', { lang: 'en', includePersonal: false, listSeparator: ';', sheetName: 'Calls' });
    expect(JSON.stringify(calls.sheet.rows)).not.toContain('Hemmelig');
    const asked = exportRecords(folder, 'application', { lang: 'da', includePersonal: true, listSeparator: ',', sheetName: 'Ansøgninger' });
    expect(JSON.stringify(asked.sheet.rows)).toContain('Karen Hemmelig');
    expect(asked.assessorsNumbered).toBe(false);
    expect(asked.holdsPersonal).toBe(true);
  });
});

describe('civsam export on the sample data', () => {
  it('writes agreements to .xlsx with funding as one line per item, amounts as text the import reads back', async () => {
    // One agreement funded from one pool over four years, made by an exemption.
    const years = [2023, 2024, 2025, 2026];
    const data = makeFolder({
      ...baseFiles(),
      'pools/puljen.yaml': `id: puljen\nname: Puljen\nareas: [psychiatry]\neligible_kinds: [operation]\nbudgets:\n${years.map((y) => `  - year: ${y}\n    amount_dkk: 1000000\n`).join('')}`,
      'agreements/2023-psyk-004.yaml': 'id: 2023-psyk-004\ntitle: Natcafé\norganisations: [alpha]\nareas: [psychiatry]\nscope: regional\nstart: 2023-01-01\nend: 2026-12-31\nstatus: active\n'
        + `funding:\n${years.map((y) => `  - pool: puljen\n    year: ${y}\n    kind: operation\n    amount_dkk: 450000\n`).join('')}`
        + 'established_by:\n  exemption:\n    reason: Eneste tilbud af sin art.\n    approved_by: Psykiatri- og socialudvalget\n    date: 2022-11-01\n',
    });
    const file = join(out(), 'aftaler.xlsx');
    const r = await civsam(['export', 'agreements', '--data', data, '--output', file, '--lang', 'da']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^Skrev 1 række til .*aftaler\.xlsx\.\n$/);
    const { names, rows } = rowsOf(file);
    expect(names).toEqual(['Aftaler']);
    const header = rows[0] as string[];
    const natcafe = rows.find((x) => x[0] === '2023-psyk-004')!;
    expect(natcafe[header.indexOf('finansiering')]).toBe(years.map((y) => `pulje=puljen; år=${y}; art=drift; beløb=450000`).join('\n'));
    expect(natcafe[header.indexOf('undtagelse_godkendt_af')]).toBe('Psykiatri- og socialudvalget');
  });

  it('exports an overview: CSV exactly as the overview command writes it, .xlsx with numbers as numbers', async () => {
    const csv = await civsam(['export', 'overview', 'funding', '--as-of', '2026-11-23']);
    expect(csv.code).toBe(0);
    expect(csv.stdout).toBe((await civsam(['overview', 'funding', '--as-of', '2026-11-23', '--format', 'csv'])).stdout);
    const file = join(out(), 'funding.xlsx');
    expect((await civsam(['export', 'overview-funding', '--as-of', '2026-11-23', '--year', '2025', '--output', file])).code).toBe(0);
    const { names, rows } = rowsOf(file);
    expect(names).toEqual(['Funding']);
    expect(rows[0].slice(0, 4)).toEqual(['Pool', 'Year', 'Budget', 'Allocated']);
    expect(rows.slice(1).every((x) => x[1] === 2025 && typeof x[2] === 'number')).toBe(true);
  });

  it('refuses what it cannot do with a message and exit 2', async () => {
    expect(await civsam(['export', 'overview', 'coverage', '--type', 'peer-group'])).toMatchObject({ code: 2, stderr: 'error: --type is not a filter of the coverage overview. Its filters are: --area, --patient-group.\n' });
    expect(await civsam(['export', 'organisations', '--format', 'xlsx'])).toMatchObject({ code: 2, stderr: 'error: an .xlsx file cannot be written to the terminal. Give --output FILE.xlsx.\n' });
    expect((await civsam(['export', 'contacts'])).code).toBe(2);
  });
});

describe('an assessment\'s scores in a spreadsheet cell', () => {
  const app = 'id: a1\ncall: opslaget\norganisations: [alpha]\namount_dkk: 1000\nkind: operation\nreceived: 2025-01-15\n'
    + 'assessments:\n  - assessor: Fagkonsulent\n    date: 2025-02-10\n    scores:\n      - criterion: reach\n        score: 3\n      - criterion: need\n        score: 5\n    note: "Første linje\\nAnden linje"\n';
  const dir = makeFolder({
    ...baseFiles(),
    'calls/opslaget.yaml': 'id: opslaget\ntitle: Opslaget\nareas: [psychiatry]\npublished: 2025-01-01\ndeadline: 2025-02-01\nchannel: public\ncriteria:\n  - id: reach\n    text: {da: Rækkevidde}\n  - id: need\n    text: {da: Behov}\n',
    'applications/a1.yaml': app,
  });
  const folder = checkFolder(readFolder(dir)).folder;
  const sheet = exportRecords(folder, 'application', { lang: 'da', includePersonal: true, listSeparator: ',', sheetName: 'Ansøgninger' }).sheet;
  const cell = String(sheet.rows[0][sheet.headers.indexOf('bedømmelser')]);

  it('puts each score on a line of its own with real line breaks, as the other cells of several lines do, never a written \\n', () => {
    expect(cell).toBe('bedømmer=Fagkonsulent; dato=2025-02-10; karakterer="kriterium=reach; karakter=3\nkriterium=need; karakter=5"; note="Første linje\nAnden linje"');
    expect(cell).not.toContain('\\n');
  });

  it('is read back by the import as the same items, each value whole, and so is a cell an earlier export wrote with \\n', () => {
    const column = columnsOf('application').find((c) => c.header.da === 'bedømmelser')!;
    const ctx = { lang: 'da' as const, listSeparator: ',' as const, vocabularies: vocabularyIndexes(folder), records: {} as never };
    // (The import takes the scores inside an assessment as their text; applications are not imported.)
    const expected = { value: [{ assessor: 'Fagkonsulent', date: '2025-02-10', scores: 'kriterium=reach; karakter=3\nkriterium=need; karakter=5', note: 'Første linje\nAnden linje' }] };
    expect(parseCell(cell, column.value, ctx)).toEqual(expected);
    const earlier = 'bedømmer=Fagkonsulent; dato=2025-02-10; karakterer="kriterium=reach; karakter=3\\nkriterium=need; karakter=5"; note="Første linje\\nAnden linje"';
    expect(parseCell(earlier, column.value, ctx)).toEqual(expected);
  });
});
