// civsam import and export, run as a user runs them: the built binary on temporary data folders.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { parse } from 'yaml';
import { baseFiles, makeFolder, org } from '../helpers/folder.js';
import { civsam, ROOT } from '../helpers/cli.js';
import { cp1252 } from '../import/fixtures.js';

const made: string[] = [];
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'civsam-import-'));
  made.push(d);
  return d;
}
/** A copy of the bundled sample data. */
function sampleCopy(): string {
  const d = join(tempDir(), 'data');
  cpSync(join(ROOT, 'data'), d, { recursive: true });
  return d;
}
function records(dir: string, folder: string): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const f of readdirSync(join(dir, folder)).filter((n) => n.endsWith('.yaml'))) out.set(f, parse(readFileSync(join(dir, folder, f), 'utf8')));
  return out;
}
function fileTexts(dir: string, folder: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!existsSync(join(dir, folder))) return out;
  for (const f of readdirSync(join(dir, folder))) out[f] = readFileSync(join(dir, folder, f), 'utf8');
  return out;
}
function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.org' } });
}

const DANISH_CSV = [
  'Navn;CVR-nr.;Type;Områder;Patientgrupper;Kommuner;Status;Kontaktperson;Telefon',
  'Ærø Ødegårds Forening;87654303;patientforening;Psykiatri;Depression, angst;Aarhus, Randers;aktiv;Åse Ørnbøl;+45 12 34 56 78',
  'Støttegruppen Å;;frivillig organisation;psykiatri;psykisk sygdom;hele regionen;Aktiv;;',
].join('\r\n') + '\r\n';

describe('civsam import', () => {
  it('imports a Danish Excel CSV (Windows-1252, semicolons, æøå) and makes one git commit', async () => {
    const dir = makeFolder(baseFiles());
    git(dir, 'init', '-q');
    git(dir, 'add', '.');
    git(dir, 'commit', '-q', '-m', 'start');
    const file = join(tempDir(), 'foreninger.csv');
    writeFileSync(file, cp1252(DANISH_CSV));
    const r = await civsam(['import', 'organisationer', file, '--data', dir]);
    expect(r.stderr).toContain(`Read ${file}: 2 rows, CSV separated by ";", WINDOWS-1252.`);
    expect(r.stdout).toBe('Imported organisations: 2 created, 0 updated, 0 unchanged.\nDefaults used: registered set to today (2 rows).\n');
    expect(r.code).toBe(0);
    expect(parse(readFileSync(join(dir, 'organisations/aeroe-oedegaards-forening.yaml'), 'utf8'))).toEqual({
      id: 'aeroe-oedegaards-forening', name: 'Ærø Ødegårds Forening', kind: 'patient-association', cvr: '87654303', areas: ['psychiatry'],
      patient_groups: ['depression', 'angst'], municipalities: ['aarhus', 'randers'], status: 'active', registered: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), contact: { name: 'Åse Ørnbøl', phone: '+45 12 34 56 78' },
    });
    expect(readFileSync(join(dir, 'organisations/stoettegruppen-aa.yaml'), 'utf8')).toMatch(/^# yaml-language-server: \$schema=/);
    const log = git(dir, 'log', '--format=%B', '-1');
    expect(log).toContain('organisation: 2 oprettet\n\norganisation aeroe-oedegaards-forening: oprettet\norganisation stoettegruppen-aa: oprettet'); // the folder's language
    expect(log).not.toContain('Ørnbøl');
    expect(git(dir, 'status', '--porcelain')).toBe('');
    expect((await civsam(['validate', '--data', dir])).code).toBe(0);
  });

  it('writes nothing when one row of 501 is bad, and names the row and column without its values', async () => {
    const dir = makeFolder(baseFiles());
    const lines = ['navn;type;områder;patientgrupper;kommuner;status;e-mail'];
    for (let i = 0; i < 500; i++) lines.push(`Forening nr. ${i};andet;sundhed;Diabetes;Skive;aktiv;info${i}@example.org`);
    lines.splice(318, 0, 'Forening med fejl;andet;sundhed;Diabetis;Skive;aktiv;hemmelig@example.org');
    const file = join(tempDir(), 'mange.csv');
    writeFileSync(file, lines.join('\n'));
    const before = fileTexts(dir, 'organisations');
    const r = await civsam(['import', 'organisations', file, '--data', dir]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('row 319, column D (patientgrupper): value 1 is not a known patient group. Closest: Diabetes, Anxiety, Mental illness.\n');
    expect(r.stderr).toContain('error: nothing was imported: 1 of 501 rows has problems.');
    expect(r.stderr).not.toContain('hemmelig');
    expect(r.stderr).not.toContain('Diabetis');
    expect(fileTexts(dir, 'organisations')).toEqual(before);

    const da = await civsam(['import', 'organisations', file, '--data', dir, '--lang', 'da']);
    expect(da.stderr).toContain('række 319, kolonne D (patientgrupper): den 1. værdi er ikke en kendt patientgruppe. Nærmeste: Diabetes, Angst, Psykisk sygdom.\n');
    expect(da.stderr).toContain('fejl: intet blev importeret: 1 af 501 rækker har problemer.');

    // --skip-invalid writes the 500 and puts the bad row in a file to correct.
    const skip = await civsam(['import', 'organisations', file, '--data', dir, '--skip-invalid', '--no-commit']);
    expect(skip.code).toBe(1);
    expect(skip.stdout).toBe('Imported organisations: 500 created, 0 updated, 0 unchanged.\nDefaults used: registered set to today (500 rows).\n');
    // One row left out: said as one (it), not as several.
    expect(skip.stderr).toContain('with a column saying what is wrong. Correct it there and import that file.');
    const rejected = readFileSync(join(dirname(file), 'mange.rejected.csv'), 'utf8');
    expect(rejected.split('\r\n')[0]).toBe('\uFEFFnavn;type;områder;patientgrupper;kommuner;status;e-mail;problem');
    expect(rejected.split('\r\n')[1]).toBe('Forening med fejl;andet;sundhed;Diabetis;Skive;aktiv;hemmelig@example.org;"row 319, column D (patientgrupper): value 1 is not a known patient group. Closest: Diabetes, Anxiety, Mental illness."');
    expect(Object.keys(fileTexts(dir, 'organisations'))).toHaveLength(501);
    // The file of rejected rows, put right, is imported as it is: its problem column is no field.
    const rejectedFile = join(dirname(file), 'mange.rejected.csv');
    writeFileSync(rejectedFile, rejected.replace('Diabetis', 'Diabetes'));
    const again = await civsam(['import', 'organisations', rejectedFile, '--data', dir, '--no-commit']);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('1 created');
    expect(Object.keys(fileTexts(dir, 'organisations'))).toHaveLength(502);
  });

  it('reads an .xlsx made by a spreadsheet library, with English headers and names; --dry-run writes nothing', async () => {
    const dir = makeFolder(baseFiles());
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['notes'], ['not this sheet']]), 'Notes');
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([
      ['name', 'cvr', 'kind', 'areas', 'patient_groups', 'municipalities', 'status', 'registered'],
      ['Calm Together', 87654303, 'user-association', 'psychiatry', 'Anxiety, Depression', 'Skive', 'active', new Date(Date.UTC(2021, 8, 30))],
    ], { cellDates: true }), 'Organisations');
    const file = join(tempDir(), 'orgs.xlsx');
    writeFileSync(file, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    const dry = await civsam(['import', 'organisations', file, '--sheet', 'Organisations', '--data', dir, '--dry-run'], { env: { COLUMNS: '80' } });
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('│   2 │ create │ calm-together │');
    // Its headers as every other table's: capitalised.
    expect(dry.stdout).toMatch(/│ Row │ Action │ Id +│ Fields changed/);
    expect(dry.stderr).toContain('organisations: 1 to create, 0 to update, 0 unchanged.\nDry run: nothing was written.\n');
    expect(existsSync(join(dir, 'organisations/calm-together.yaml'))).toBe(false);
    const r = await civsam(['import', 'organisations', file, '--sheet', 'Organisations', '--data', dir, '--no-commit']);
    expect(r.code).toBe(0);
    expect(parse(readFileSync(join(dir, 'organisations/calm-together.yaml'), 'utf8'))).toEqual({
      id: 'calm-together', name: 'Calm Together', kind: 'user-association', cvr: '87654303', areas: ['psychiatry'], patient_groups: ['angst', 'depression'], municipalities: ['skive'], status: 'active', registered: '2021-09-30',
    });
    // Importing the same sheet again (as after an import that was stopped part-way): the row is
    // the record already there, which is left as it is.
    const again = await civsam(['import', 'organisations', file, '--sheet', 'Organisations', '--data', dir]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toBe('Nothing to write: every row matches the data already.\n');
    // A row that would change it: the organisation exists (by CVR), so only --update may do that.
    const moved = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(moved, XLSX.utils.aoa_to_sheet([
      ['name', 'cvr', 'kind', 'areas', 'patient_groups', 'municipalities', 'status', 'registered'],
      ['Calm Together', 87654303, 'user-association', 'psychiatry', 'Anxiety, Depression', 'Randers', 'active', new Date(Date.UTC(2021, 8, 30))],
    ], { cellDates: true }), 'Organisations');
    const movedFile = join(tempDir(), 'moved.xlsx');
    writeFileSync(movedFile, XLSX.write(moved, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    const changed = await civsam(['import', 'organisations', movedFile, '--sheet', 'Organisations', '--data', dir]);
    expect(changed.code).toBe(2);
    expect(changed.stderr).toContain('row 2, column B (cvr): an organisation with this CVR number already exists (calm-together). Add --update to change it from the spreadsheet.');
    const update = await civsam(['import', 'organisations', file, '--sheet', 'Organisations', '--data', dir, '--update']);
    expect(update.stdout).toBe('Nothing to write: every row matches the data already.\n');
  });
});

describe('civsam import --update of an organisation, in Danish', () => {
  it('the dry run names the fields that change by their Danish labels; a CVR number of another organisation changes nothing', async () => {
    const dir = makeFolder({ ...baseFiles(), 'organisations/alpha.yaml': org('alpha', 'Angstforeningen Midt', '12345674') });
    const sheet = join(tempDir(), 'orgs.csv');
    writeFileSync(sheet, 'Navn;CVR;Art;Områder;Patientgrupper;Kommuner\nangstforeningen midt;;patientforening;psykiatri;Angst;Aarhus\n');
    const env = { CIVSAM_LANG: 'da', COLUMNS: '80' };
    const dry = await civsam(['import', 'organisations', sheet, '--update', '--dry-run', '--data', dir], { env });
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toBe([
      '┌───────┬──────────┬───────┬────────────────────────────────────┐',
      '│ Række │ Handling │ Id    │ Ændrede felter                     │',
      '├───────┼──────────┼───────┼────────────────────────────────────┤',
      '│     2 │ opdatér  │ alpha │ Navn ændres, patientgrupper ændres │',
      '└───────┴──────────┴───────┴────────────────────────────────────┘',
      '',
    ].join('\n'));
    writeFileSync(sheet, 'Navn;CVR;Art;Områder;Patientgrupper;Kommuner\nÆldreforeningen;12345674;patientforening;psykiatri;Angst;Aarhus\n');
    const before = readFileSync(join(dir, 'organisations/alpha.yaml'), 'utf8');
    const slip = await civsam(['import', 'organisations', sheet, '--update', '--data', dir, '--no-commit'], { env });
    expect(slip.code).toBe(2);
    expect(slip.stderr).toContain("række 2, kolonne B (CVR): CVR-nummeret tilhører Angstforeningen Midt, men rækken hedder Ældreforeningen: ret CVR-nummeret i regnearket, eller ret navnet, hvis foreningen har skiftet navn (civsam org edit alpha --name 'Ældreforeningen'), og importér igen.");
    expect(readFileSync(join(dir, 'organisations/alpha.yaml'), 'utf8')).toBe(before);
  });
});

describe('civsam import of agreements', () => {
  // The exemption's columns as civsam exports them (undtagelse_…) and as earlier exports did (dispensation_…).
  it.each(['undtagelse', 'dispensation'])('creates an agreement with a funding line and an exemption from Danish columns (%s_…), with an id as the register gives it', async (word) => {
    // The smallest folder with a pool to fund from; one agreement already has this year's first number.
    const data = makeFolder({
      ...baseFiles(),
      'pools/psykiatriplan-civilsamfund.yaml': 'id: psykiatriplan-civilsamfund\nname: Psykiatriplanens pulje\nareas: [psychiatry]\neligible_kinds: [development]\nbudgets:\n  - year: 2027\n    amount_dkk: 1000000\n',
      'agreements/2027-psyk-001.yaml': 'id: 2027-psyk-001\ntitle: Første\norganisations: [alpha]\nareas: [psychiatry]\nscope: regional\nstart: 2027-01-01\nstatus: draft\n',
    });
    const file = join(tempDir(), 'aftaler.csv');
    const before = new Set(readdirSync(join(data, 'agreements')));
    writeFileSync(file, [
      `titel;organisationer;regional_enhed;områder;patientgrupper;kommuner;start;slut;status;finansiering;${word}_begrundelse;${word}_godkendt_af;${word}_dato`,
      'Samtalegrupper 2027;alpha;Psykiatrien;psykiatri;angst;Skive;01-01-2027;31-12-2027;udkast;"pulje=psykiatriplan-civilsamfund; år=2027; art=udvikling; beløb=150.000";"Eneste tilbud; ingen andre";Direktionen;15-11-2026',
    ].join('\n') + '\n');
    const r = await civsam(['import', 'aftaler', file, '--data', data, '--lang', 'da', '--no-commit']);
    expect(r.stdout).toBe('Import af aftaler: 1 oprettet, 0 opdateret, 0 uændret.\n');
    expect(r.code).toBe(0);
    const created = readdirSync(join(data, 'agreements')).filter((f) => !before.has(f));
    expect(created).toHaveLength(1);
    expect(created[0]).toBe('2027-psyk-002.yaml');
    expect(parse(readFileSync(join(data, 'agreements', created[0]), 'utf8'))).toEqual({
      id: created[0].replace(/\.yaml$/, ''), title: 'Samtalegrupper 2027', organisations: ['alpha'], region_unit: 'Psykiatrien', areas: ['psychiatry'],
      patient_groups: ['angst'], municipalities: ['skive'], start: '2027-01-01', end: '2027-12-31', status: 'draft',
      funding: [{ pool: 'psykiatriplan-civilsamfund', year: 2027, kind: 'development', amount_dkk: 150000 }],
      established_by: { exemption: { reason: 'Eneste tilbud; ingen andre', approved_by: 'Direktionen', date: '2026-11-15' } },
    });
  });
});

describe('civsam import: a year or an amount is read as the command line reads it', () => {
  // `år=2.027` once became 2027 and `beløb=1.500,000` 1500000, while `--year 2.027` is refused.
  const POOL = 'id: puljen\nname: Puljen\nareas: [psychiatry]\neligible_kinds: [development]\nbudgets:\n  - year: 2027\n    amount_dkk: 1000000\n';
  const row = (title: string, line: string) => `${title};alpha;Psykiatrien;psykiatri;regional;01-01-2027;"${line}";Eneste tilbud;Direktionen;15-11-2026`;
  const sheet = [
    'titel;organisationer;regional_enhed;områder;rækkevidde;start;finansiering;undtagelse_begrundelse;undtagelse_godkendt_af;undtagelse_dato',
    row('Et', 'pulje=puljen; år=2.027; art=udvikling; beløb=150.000'),
    row('To', 'pulje=puljen; år=2027; art=udvikling; beløb=1.500,000'),
    row('Tre', 'pulje=puljen; år=2027; art=udvikling; beløb=150.000,50'),
    row('Fire', 'pulje=puljen; år=2027; art=udvikling; beløb=150.000 kr.'),
  ];

  it('refuses each at its row and column in the words --year and --amount get, in Danish and English, and writes nothing', async () => {
    const data = makeFolder({ ...baseFiles(), 'pools/puljen.yaml': POOL });
    const file = join(tempDir(), 'aftaler.csv');
    writeFileSync(file, sheet.join('\n') + '\n');
    const da = await civsam(['import', 'aftaler', file, '--data', data, '--lang', 'da', '--no-commit']);
    expect(da.code).toBe(2);
    expect(da.stderr.split('\n').slice(1, 4)).toEqual([
      'række 2, kolonne G (finansiering): linje 1, år: skal være et årstal med fire cifre, fx 2027.',
      'række 3, kolonne G (finansiering): linje 1, beløb: skal være et helt antal kroner uden øre: skriv 250000 eller 250.000, ikke 250.000,00 eller 250000.00.',
      'række 4, kolonne G (finansiering): linje 1, beløb: skal være et helt antal kroner uden øre: skriv 250000 eller 250.000, ikke 250.000,00 eller 250000.00.',
    ]);
    expect(da.stderr).toContain('fejl: intet blev importeret: 3 af 4 rækker har problemer.');
    expect(existsSync(join(data, 'agreements'))).toBe(false);
    const en = await civsam(['import', 'agreements', file, '--data', data, '--lang', 'en', '--dry-run']);
    expect(en.stderr.split('\n').slice(1, 3)).toEqual([
      'row 2, column G (finansiering): line 1, year: must be a year of four digits, e.g. 2027.',
      'row 3, column G (finansiering): line 1, amount: must be a whole number of kroner, without decimals: write 250000 or 250.000, not 250.000,00 or 250000.00.',
    ]);
  });

  it('an .xlsx sheet likewise, and the row written as a whole amount goes in unchanged', async () => {
    const data = makeFolder({ ...baseFiles(), 'pools/puljen.yaml': POOL });
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(sheet.map((line) => line.split(/;(?=(?:[^"]*"[^"]*")*[^"]*$)/).map((c) => c.replace(/^"|"$/g, '')))), 'Aftaler');
    const file = join(tempDir(), 'aftaler.xlsx');
    writeFileSync(file, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }));
    const r = await civsam(['import', 'aftaler', file, '--data', data, '--lang', 'da', '--no-commit', '--skip-invalid', '--rejected', join(tempDir(), 'afviste.csv')]);
    expect(r.stderr).toContain(`Læste ${file}: 4 rækker, arket »Aftaler«.\nrække 2, kolonne G (finansiering): linje 1, år: skal være et årstal med fire cifre, fx 2027.\n`);
    expect(r.code).toBe(1);
    const made = readdirSync(join(data, 'agreements'));
    expect(made).toHaveLength(1);
    expect(parse(readFileSync(join(data, 'agreements', made[0]), 'utf8')).funding).toEqual([{ pool: 'puljen', year: 2027, kind: 'development', amount_dkk: 150000 }]);
  });
});

describe('civsam export, then import: the sample data round-trips', () => {
  it.each([['csv', 'da'], ['xlsx', 'en'], ['csv', 'en'], ['xlsx', 'da']])('organisations and offers as %s with %s headers come back unchanged', async (format, lang) => {
    const data = sampleCopy();
    const out = tempDir();
    const before = { organisations: fileTexts(data, 'organisations'), offers: fileTexts(data, 'offers') };
    for (const kind of ['organisations', 'offers']) {
      const file = join(out, `${kind}.${format}`);
      const e = await civsam(['export', kind, '--data', data, '--lang', lang, '--include-personal-data', '--output', file]);
      expect(e.code).toBe(0);
      const i = await civsam(['import', kind, file, '--data', data, '--lang', lang, '--update', '--dry-run']);
      expect(i.code).toBe(0);
      const n = Object.keys(before[kind as 'offers']).length;
      expect(i.stderr).toContain(lang === 'da' ? `0 oprettes, 0 opdateres, ${n} uændret.` : `0 to create, 0 to update, ${n} unchanged.`);
      const w = await civsam(['import', kind, file, '--data', data, '--lang', lang, '--update']);
      expect(w.code).toBe(0);
    }
    expect(fileTexts(data, 'organisations')).toEqual(before.organisations);
    expect(fileTexts(data, 'offers')).toEqual(before.offers);
  });

  it('agreements (funding lines, exemptions, evaluations) and hearing parties come back unchanged too, with headers in either language', async () => {
    const out = tempDir();
    for (const [kind, lang, ext] of [['agreements', 'da', 'xlsx'], ['hearing-parties', 'en', 'csv'], ['agreements', 'en', 'csv'], ['hearing-parties', 'da', 'xlsx']]) {
      const file = join(out, `${kind}-${lang}.${ext}`);
      expect((await civsam(['export', kind, '--lang', lang, '--output', file])).code).toBe(0);
      const i = await civsam(['import', kind, file, '--lang', lang, '--update', '--dry-run']);
      expect(i.code).toBe(0);
      expect(i.stdout).toBe('');
      expect(i.stderr).toMatch(lang === 'da' ? /: 0 oprettes, 0 opdateres, \d+ uændret\.\n/ : /: 0 to create, 0 to update, \d+ unchanged\.\n/);
    }
  });

  it('organisations imported into a new folder are the same records as the originals', async () => {
    const data = sampleCopy();
    const fresh = join(tempDir(), 'fresh');
    cpSync(join(data, 'vocabularies'), join(fresh, 'vocabularies'), { recursive: true });
    cpSync(join(data, 'civsam.yaml'), join(fresh, 'civsam.yaml'));
    const file = join(tempDir(), 'organisationer.xlsx');
    expect((await civsam(['export', 'organisations', '--data', data, '--lang', 'da', '--include-personal-data', '--output', file])).code).toBe(0);
    const r = await civsam(['import', 'organisations', file, '--data', fresh, '--no-commit']);
    expect(r.code).toBe(0);
    expect(records(fresh, 'organisations')).toEqual(records(data, 'organisations'));
  });

  it('an export without the contact columns imports back unchanged without --update; a changed cell still needs it', async () => {
    // beta has a contact person; the export leaves that person out (no --include-personal-data),
    // so the sheet has no contact columns. Every column it has matches the record: unchanged.
    const data = makeFolder({
      ...baseFiles(),
      'organisations/beta.yaml': org('beta', 'Beta Forening', undefined, 'contact:\n  role: formand\n  name: Ada Jensen\n  email: ada@example.org\n'),
    });
    const before = fileTexts(data, 'organisations');
    const file = join(tempDir(), 'o.csv');
    expect((await civsam(['export', 'organisations', '--data', data, '--lang', 'da', '--output', file])).code).toBe(0);
    expect(readFileSync(file, 'utf8')).not.toContain('ada@example.org');
    const again = await civsam(['import', 'organisations', file, '--data', data, '--lang', 'da']);
    expect(again.stderr).not.toContain('--update');
    expect(again.code).toBe(0);
    expect(again.stdout).toBe('Intet at skrive: alle rækker svarer allerede til data.\n');
    expect(fileTexts(data, 'organisations')).toEqual(before);
    // Near miss: one cell differs from the record (another name), so only --update may change it.
    writeFileSync(file, readFileSync(file, 'utf8').replace('Beta Forening', 'Beta Foreningen'));
    const changed = await civsam(['import', 'organisations', file, '--data', data, '--lang', 'da']);
    expect(changed.code).toBe(2);
    expect(changed.stderr).toContain('række 3, kolonne A (id): der findes allerede en post med id\'et beta. Tilføj --update for at ændre den ud fra regnearket.');
    const updated = await civsam(['import', 'organisations', file, '--data', data, '--lang', 'da', '--update', '--no-commit']);
    expect(updated.code).toBe(0);
    // The update changes the name and keeps the contact person the sheet had no columns for.
    expect(parse(readFileSync(join(data, 'organisations/beta.yaml'), 'utf8'))).toMatchObject({ name: 'Beta Foreningen', contact: { role: 'formand', name: 'Ada Jensen', email: 'ada@example.org' } });
  });

  it('leaves contact persons out unless asked, and says so on stderr', async () => {
    const plain = await civsam(['export', 'organisations', '--lang', 'da']);
    expect(plain.code).toBe(0);
    expect(plain.stdout.split('\r\n')[0]).toBe('\uFEFFid;navn;art;cvr;områder;patientgrupper;kommuner;rækkevidde;status;inaktiv_siden;registreret;hjemmeside;noter');
    expect(plain.stderr).toBe('Kontaktpersoners navne, e-mails og telefonnumre er udeladt (personoplysninger). Tilføj --include-personal-data for at medtage dem.\n');
    // Any organisation of the sample with a contact e-mail will do.
    const dir = join(ROOT, 'data/organisations');
    const contact = readdirSync(dir).map((f) => parse(readFileSync(join(dir, f), 'utf8')).contact).find((c) => c?.email);
    expect(plain.stdout).not.toContain(contact.email);
    const personal = await civsam(['export', 'organisations', '--include-personal-data']);
    expect(personal.stdout).toContain(contact.email);
    expect(personal.stderr).toContain('The export holds personal data');
  });
});
