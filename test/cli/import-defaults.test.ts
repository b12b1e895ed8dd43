// import fills what `add` fills when the sheet leaves it out (an organisation's status and
// registration day), says which defaults it used, and recognises its rows when run again.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { civsam } from '../helpers/cli.js';
import { baseFiles, makeFolder } from '../helpers/folder.js';

// A real list of associations: no status, no registration day, no id.
const SHEET = [
  'Navn;Type;Områder;Patientgrupper;Kommuner',
  'Angstforeningen Skive;patientforening;psykiatri;Angst;Skive',
  'Depressionsgruppen Randers;patientforening;psykiatri;Depression;Randers',
  'Diabetesklubben;frivillig organisation;sundhed;Diabetes;Aarhus',
].join('\n') + '\n';

function sheetFile(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'civsam-defaults-')), 'foreninger.csv');
  writeFileSync(file, text);
  return file;
}

const TODAY = /^\d{4}-\d{2}-\d{2}$/;

describe('import fills what add fills', () => {
  test('a sheet without status and registered columns is imported with the defaults, said in Danish', async () => {
    const dir = makeFolder(baseFiles());
    const file = sheetFile(SHEET);
    const r = await civsam(['--data', dir, '--lang', 'da', 'import', 'organisationer', file]);
    expect(r.stderr).not.toContain('status');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('Import af organisationer: 3 oprettet, 0 opdateret, 0 uændret.\nStandardværdier brugt: status sat til aktiv (3 rækker), registreret sat til i dag (3 rækker).\n');
    const rec = parse(readFileSync(join(dir, 'organisations/angstforeningen-skive.yaml'), 'utf8'));
    expect(rec.status).toBe('active');
    expect(rec.registered).toMatch(TODAY);
    // The same as `org add` gives a new organisation.
    const add = await civsam(['--data', dir, 'org', 'add', '--name', 'Ny Forening', '--kind', 'other', '--areas', 'social', '--scope', 'regional']);
    expect(add.code).toBe(0);
    const added = parse(readFileSync(join(dir, 'organisations/ny-forening.yaml'), 'utf8'));
    expect([added.status, added.registered]).toEqual([rec.status, rec.registered]);
    expect((await civsam(['--data', dir, 'validate'])).code).toBe(0);

    // Run again (another day's registration date would not matter): every row is recognised.
    const again = await civsam(['--data', dir, '--lang', 'da', 'import', 'organisationer', file]);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe('Intet at skrive: alle rækker svarer allerede til data.\n');
  });

  test('a record made on another day is still recognised as the row', async () => {
    const dir = makeFolder(baseFiles());
    const file = sheetFile(SHEET);
    expect((await civsam(['--data', dir, 'import', 'organisations', file])).code).toBe(0);
    const path = join(dir, 'organisations/diabetesklubben.yaml');
    writeFileSync(path, readFileSync(path, 'utf8').replace(/registered: .*/, 'registered: 2020-01-01'));
    const again = await civsam(['--data', dir, 'import', 'organisations', file]);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe('Nothing to write: every row matches the data already.\n');
  });

  test('in English, in a dry run, only the defaults a row needed are counted', async () => {
    const dir = makeFolder(baseFiles());
    const file = sheetFile(['name;kind;areas;patient_groups;municipalities;status', 'Alpha To;other;health;diabetes;aarhus;inactive', 'Beta;other;health;diabetes;aarhus;'].join('\n'));
    const r = await civsam(['--data', dir, 'import', 'organisations', file, '--dry-run']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('organisations: 2 to create, 0 to update, 0 unchanged.\nDefaults used: status set to active (1 row), registered set to today (2 rows).\n');
  });

  test('a row that add would refuse is still refused: an unknown patient group, a value outside the schema', async () => {
    const dir = makeFolder(baseFiles());
    const file = sheetFile(['navn;type;områder;patientgrupper;kommuner', 'Gamma;andet;sundhed;Diabetes;Aarhus', 'Delta;andet;sundhed;Gigt;Aarhus'].join('\n'));
    const r = await civsam(['--data', dir, '--lang', 'da', 'import', 'organisationer', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('række 3, kolonne D (patientgrupper): den 1. værdi er ikke en kendt patientgruppe.');
    expect(r.stdout).toBe('');
  });
});
