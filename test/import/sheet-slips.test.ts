// Sheets as people make them: a title above the headers, a list cell written with semicolons, a
// date cell that lost its date format. Each read as meant, or said in the sheet's own terms.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { civsam } from '../helpers/cli.js';
import { baseFiles, makeFolder } from '../helpers/folder.js';
import { readFolder } from '../../src/store/load-folder.js';
import { checkFolder } from '../../src/validate/check-folder.js';
import { planImport } from '../../src/spreadsheets/import/plan.js';
import { readSheet, sheetFromCsv } from '../../src/spreadsheets/import/sheet.js';
import { withHeaderRow } from '../../src/spreadsheets/import/headers.js';
import { translate } from '../../src/i18n/index.js';
import type { Sheet } from '../../src/spreadsheets/import/sheet-rows.js';

const DA = { CIVSAM_LANG: 'da', COLUMNS: '80' };
const da = (m: { key: string; params?: Record<string, unknown> }) => translate('da', m.key as never, m.params as never);

function xlsx(rows: unknown[][], merge = false): Uint8Array {
  const ws = XLSX.utils.aoa_to_sheet(rows);
  if (merge) ws['!merges'] = [{ s: { r: 0, c: 0 }, e: { r: 0, c: rows[1].length - 1 } }];
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, 'Ark1');
  return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Uint8Array;
}

function plan(sheet: Sheet) {
  const raw = readFolder(makeFolder(baseFiles()));
  const checked = checkFolder(raw);
  const p = planImport({ kind: 'organisation', sheet, raw, folder: checked.folder, update: false, lang: 'da' });
  expect(p.sheetProblems).toEqual([]);
  return p;
}

const HEADERS = ['navn', 'art', 'områder', 'kommuner', 'registreret', 'status'];

describe('a title above the headers', () => {
  it('a merged title cell in row 1: the headers are taken from row 2, and said', async () => {
    const dir = makeFolder(baseFiles());
    const cwd = makeFolder({});
    writeFileSync(join(cwd, 'orgs.xlsx'), xlsx([['Organisationer'], HEADERS, ['Forening A', 'patientforening', 'psykiatri', 'Aarhus', '2026-02-01', 'aktiv']], true));
    const r = await civsam(['--data', dir, 'import', 'organisations', 'orgs.xlsx', '--dry-run'], { env: DA, cwd });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('Læste orgs.xlsx: 1 række, arket »Ark1«.\nOverskrifterne er taget fra række 2: række 1 ligner en titel og er sprunget over.\n');
    expect(r.stderr).toContain('organisationer: 1 oprettes, 0 opdateres, 0 uændret.');
  });

  it('two title rows in a CSV (a title and a line of text), and the rows keep the numbers the sheet shows', () => {
    const read = sheetFromCsv(new TextEncoder().encode(`Organisationer i Region Test;;;;\nUdtræk fra december;;;;\n${HEADERS.join(';')}\nForening A;patientforening;psykiatri;Aarhus;;\n`));
    const { sheet, titleRows } = withHeaderRow('organisation', read);
    expect(titleRows).toEqual([1, 2]);
    expect(sheet.header.row).toBe(3);
    expect(sheet.rows.map((r) => r.row)).toEqual([4]);
    expect(translate('da', 'import.headerRowBelowTitle', { row: 3, count: 2, first: 1 })).toBe('Overskrifterne er taget fra række 3: de 2 rækker over den ligner en titel og er sprunget over.');
  });

  it('near miss: headers in row 1 stay the headers, also with a first data row of one filled cell', () => {
    const read = sheetFromCsv(new TextEncoder().encode(`${HEADERS.join(';')}\nForening A;;;;\nnavn;art;områder;kommuner;registreret\n`));
    expect(withHeaderRow('organisation', read).titleRows).toEqual([]);
    // A sheet with no headers civsam knows anywhere keeps row 1, and the header messages say what is wrong there.
    const none = sheetFromCsv(new TextEncoder().encode('Titel\nForening A;patientforening\n'));
    expect(withHeaderRow('organisation', none).sheet.header.row).toBe(1);
  });
});

describe('a list cell with semicolons in an .xlsx (where values are separated by commas)', () => {
  it('Aarhus; Randers is two municipalities', async () => {
    const sheet = await readSheet('x.xlsx', xlsx([HEADERS, ['Forening A', 'patientforening', 'psykiatri', 'Aarhus; Randers', '2026-02-01', 'aktiv']]));
    const p = plan(sheet);
    expect(p.rejected).toEqual([]);
    expect(p.records[0].record.municipalities).toEqual(['aarhus', 'randers']);
  });

  it('a misspelt value among them is named by its place in the list', async () => {
    const sheet = await readSheet('x.xlsx', xlsx([HEADERS, ['Forening A', 'patientforening', 'psykiatri', 'Aarhus; Randrs', '2026-02-01', 'aktiv']]));
    const p = plan(sheet);
    expect(p.rejected[0].problems.map((x) => [x.column, da(x.message)])).toEqual([[3, 'den 2. værdi er ikke en kendt kommune. Nærmeste: Randers, Aarhus, Skive.']]);
  });
});

describe('a date kept as a day number', () => {
  it('46027 in a date column: said to be a number, with how to format the cell', async () => {
    const sheet = await readSheet('x.xlsx', xlsx([HEADERS, ['Forening A', 'patientforening', 'psykiatri', 'Aarhus', 46027, 'aktiv']]));
    const p = plan(sheet);
    expect(p.rejected[0].problems.map((x) => [x.column, da(x.message)])).toEqual([[4, 'et tal, ikke en dato: regnearket gemmer datoer som dagnumre, og cellen har mistet sit datoformat. Formatér cellen som dato i regnearket (Formatér celler › Dato), eller skriv datoen som ÅÅÅÅ-MM-DD (2026-03-01).']]);
  });

  it('near miss: the same number formatted as a date is read as the date', async () => {
    const ws = XLSX.utils.aoa_to_sheet([HEADERS, ['Forening A', 'patientforening', 'psykiatri', 'Aarhus', { t: 'n', v: 46027, z: 'dd-mm-yyyy' }, 'aktiv']]);
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, 'Ark1');
    const p = plan(await readSheet('x.xlsx', XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Uint8Array));
    expect(p.rejected).toEqual([]);
    expect(p.records[0].record.registered).toBe('2026-01-05');
  });
});

describe('an organisation no name is like', () => {
  // Before, a folder with no organisation near the name typed said "Nærmeste navne: ." with nothing in it.
  it('says that none is like it, with no empty list of names', async () => {
    const files = baseFiles();
    delete files['organisations/alpha.yaml'];
    const dir = makeFolder(files);
    const csv = join(dir, '..', `offers-${Date.now()}.csv`);
    writeFileSync(csv, 'organisation;titel;tilbudstype;patientgrupper;områder;rækkevidde;aktiv_fra\nHelt Ukendt Forening;Samtaler;Samtalegruppe;Angst;psykiatri;regional;2026-01-01\n');
    const r = await civsam(['import', 'offers', csv, '--data', dir, '--dry-run'], { env: DA });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('ingen organisation har dette id, CVR-nummer eller navn, og ingen har et navn, der ligner. Importér organisationen først.');
    expect(r.stderr).not.toContain('Nærmeste navne');
  });
});
