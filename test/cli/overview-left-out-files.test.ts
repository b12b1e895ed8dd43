// An overview written to a file (--output: CSV, Markdown, JSON) says in the file itself what it left
// out for errors, as the screen does under its table: a CSV opened on its own, or JSON read by a
// script, must not pass for the whole folder's numbers. stderr names each record left out. A money
// report whose sums lack money ends as invalid data does (exit 2), unless --despite-errors.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { civsam } from '../helpers/cli.js';
import { baseFiles, makeFolder, org } from '../helpers/folder.js';

const POOL = 'id: puljen\nname: Psykiatripuljen\nareas: [psychiatry]\neligible_kinds: [operation]\nbudgets:\n  - year: 2026\n    amount_dkk: 1000000\n';
const agreement = (id: string, title: string, organisation: string, amount: string, extra = '') => `id: ${id}\ntitle: ${title}\norganisations: [${organisation}]\nareas: [psychiatry]\nmunicipalities: [aarhus]\nstart: 2026-01-01\nend: 2026-12-31\nstatus: active\nfunding:\n  - pool: puljen\n    year: 2026\n    kind: operation\n    amount_dkk: ${amount}\n${extra}`;
const FILES = {
  ...baseFiles(),
  'organisations/beta.yaml': org('beta', 'Beta Forening'),
  'pools/puljen.yaml': POOL,
  'agreements/mine.yaml': agreement('mine', 'Samtalegrupper', 'alpha', '500000'),
  // A colleague's agreement with a Danish thousands point: the file is not read at all (no title known).
  'agreements/kolleg.yaml': agreement('kolleg', 'Kollegas aftale', 'beta', '700.000'),
  // One whose status is a word the schema does not know: read, so named by its title.
  'agreements/tredje.yaml': agreement('tredje', 'Tredje aftale', 'beta', '100000').replace('status: active', 'status: aktiv'),
};
const NAMED_DA = 'Ikke med i oversigten på grund af fejl: aftale kolleg (agreements/kolleg.yaml) og aftale »Tredje aftale« (agreements/tredje.yaml). civsam validate viser, hvad der skal rettes.\n';
const SHORT_DA = 'Summerne mangler midlerne i disse 2 poster, så det bevilgede, og om en pulje er overdisponeret, kan være forkert. Ret dem, og kør oversigten igen (eller tilføj --despite-errors for at godtage den, som den er).\n';
const NOTICE_DA = '2 filer med fejl er udeladt; civsam validate viser dem.\n';
const NOTE_DA = '2 aftaler er udeladt på grund af fejl og er ikke talt med her; civsam validate viser, hvad der skal rettes.';

const da = (dir: string, ...args: string[]) => civsam(['--data', dir, ...args], { env: { CIVSAM_LANG: 'da', COLUMNS: '80' }, cwd: dir });
const read = (dir: string, name: string) => readFileSync(join(dir, name), 'utf8');

describe('overview funding --output with agreements left out', () => {
  test('CSV ends with the note, after a blank row; stderr names the agreements; exit 2', async () => {
    const dir = makeFolder(FILES);
    const r = await da(dir, 'overview', 'funding', '--output', 'midler.csv');
    expect(r).toEqual({ code: 2, stdout: '', stderr: NOTICE_DA + NAMED_DA + SHORT_DA });
    expect(read(dir, 'midler.csv')).toBe([
      '\uFEFFPulje;År;Budget;Bevilget;Rest;Overdisponeret;Udviklingsprojekter;Andel udvikling;Drift;Andel drift;Modtagere;Største modtager;Største andel;HHI',
      'Psykiatripuljen;2026;1000000;500000;500000;nej;0;0;500000;1;1;Alpha Forening;1;10000',
      '',
      `"${NOTE_DA}"`,
      '',
    ].join('\r\n'));
    const byOrg = await da(dir, 'overview', 'funding', '--by', 'organisation', '--output', 'org.csv');
    expect(byOrg.code).toBe(2);
    expect(read(dir, 'org.csv')).toMatch(new RegExp(`\r\n\r\n"${NOTE_DA.replace(/[.;]/g, '\\$&')}"\r\n$`));
  });

  test('JSON gets a leftOut list (the existing fields as they were); Markdown the note under the table', async () => {
    const dir = makeFolder(FILES);
    expect((await da(dir, 'overview', 'funding', '--output', 'midler.json')).code).toBe(2);
    const json = JSON.parse(read(dir, 'midler.json'));
    expect(json.poolYears[0]).toMatchObject({ allocated: 500000, overcommitted: false });
    expect(json.leftOut).toEqual([
      { kind: 'agreement', id: 'kolleg', file: 'agreements/kolleg.yaml' },
      { kind: 'agreement', id: 'tredje', title: 'Tredje aftale', file: 'agreements/tredje.yaml' },
    ]);
    expect((await da(dir, 'overview', 'funding', '--output', 'midler.md')).code).toBe(2);
    expect(read(dir, 'midler.md')).toContain(`\n${NOTE_DA}\n`);
  });

  test('--despite-errors takes the report as it is: the same file, exit 0', async () => {
    const dir = makeFolder(FILES);
    const r = await da(dir, 'overview', 'funding', '--output', 'midler.csv', '--despite-errors');
    expect(r).toEqual({ code: 0, stdout: '', stderr: NOTICE_DA + NAMED_DA });
    expect(read(dir, 'midler.csv')).toContain(`\r\n\r\n"${NOTE_DA}"\r\n`);
  });

  test('near miss: nothing left out, no note, no leftOut, exit 0', async () => {
    const { 'agreements/kolleg.yaml': _a, 'agreements/tredje.yaml': _b, ...files } = FILES;
    const dir = makeFolder(files);
    expect(await da(dir, 'overview', 'funding', '--output', 'midler.csv')).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(read(dir, 'midler.csv')).not.toContain('udeladt');
    expect((await da(dir, 'overview', 'funding', '--output', 'midler.json')).code).toBe(0);
    expect(JSON.parse(read(dir, 'midler.json'))).not.toHaveProperty('leftOut');
  });
});

describe('the other overviews written to a file', () => {
  test('expiring: the note in CSV, JSON and Markdown, also when some agreements are listed; exit 0', async () => {
    const dir = makeFolder(FILES);
    const md = await da(dir, 'overview', 'expiring', '--as-of', '2026-12-01', '--output', 'udloeb.md');
    expect(md).toEqual({ code: 0, stdout: '', stderr: NOTICE_DA + NAMED_DA });
    expect(read(dir, 'udloeb.md')).toContain('Samtalegrupper');
    expect(read(dir, 'udloeb.md')).toContain(`\n${NOTE_DA}\n`);
    expect((await da(dir, 'overview', 'expiring', '--as-of', '2026-12-01', '--output', 'udloeb.csv')).code).toBe(0);
    expect(read(dir, 'udloeb.csv')).toMatch(/Samtalegrupper.*\r\n\r\n"2 aftaler er udeladt på grund af fejl/s);
    expect((await da(dir, 'overview', 'expiring', '--as-of', '2026-12-01', '--output', 'udloeb.json')).code).toBe(0);
    expect(JSON.parse(read(dir, 'udloeb.json')).leftOut.map((x: { id: string }) => x.id)).toEqual(['kolleg', 'tredje']);
  });

  test('offers and coverage: an offer left out is said in their CSV and JSON', async () => {
    const dir = makeFolder({ ...baseFiles(), 'offers/o1.yaml': 'id: o1\norganisation: alpha\ntitle: Café\ntype: peer-group\npatient_groups: [depression]\nscope: regional\nactive_from: 2026-02-30\n' });
    for (const overview of ['offers', 'coverage']) {
      expect((await da(dir, 'overview', overview, '--as-of', '2026-06-01', '--output', `${overview}.csv`)).code, overview).toBe(0);
      expect(read(dir, `${overview}.csv`), overview).toMatch(/\r\n\r\n"1 tilbud er udeladt på grund af fejl og er ikke talt med her; civsam validate viser, hvad der skal rettes\."\r\n$/);
      expect((await da(dir, 'overview', overview, '--as-of', '2026-06-01', '--output', `${overview}.json`)).code, overview).toBe(0);
      expect(JSON.parse(read(dir, `${overview}.json`)).leftOut, overview).toEqual([{ kind: 'offer', id: 'o1', title: 'Café', file: 'offers/o1.yaml' }]);
    }
  });

  test('a spreadsheet export of an overview refuses a folder with errors, as before (nothing half-counted in an .xlsx)', async () => {
    const dir = makeFolder(FILES);
    const r = await da(dir, 'export', 'overview-funding', '--output', 'midler.xlsx');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^fejl: datamappen .+ har 2 fejl i agreements\/kolleg\.yaml og agreements\/tredje\.yaml, så civsam vil ikke arbejde på den\./);
  });
});
