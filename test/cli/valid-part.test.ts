// Reports on a folder with errors: overviews, list and show work on the valid records, leaving out
// the files with errors and the records that cannot be told without them, and say so first on
// stderr; audit and writes to an invalid record still refuse.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { civsam, civsamBinary } from '../helpers/cli.js';
import { baseFiles, makeFolder, org } from '../helpers/folder.js';

const offer = (id: string, organisation: string, title: string, from = '2025-01-01') => `id: ${id}\norganisation: ${organisation}\ntitle: ${title}\ntype: peer-group\npatient_groups: [depression]\nscope: regional\nactive_from: ${from}\n`;

// Two files with errors: gamma (a kind that does not exist) and o3 (an impossible date). o2 is
// valid but belongs to gamma, so it is left out too. alpha and its offer o1 are what remains.
const BROKEN = {
  ...baseFiles(),
  'organisations/gamma.yaml': org('gamma', 'Gamma Forening').replace('kind: patient-association', 'kind: forening'),
  'offers/o1.yaml': offer('o1', 'alpha', 'Samtalegruppe i Aarhus'),
  'offers/o2.yaml': offer('o2', 'gamma', 'Gammas café'),
  'offers/o3.yaml': offer('o3', 'alpha', 'Vandregruppe', '2027-02-30'),
};
const NOTICE_EN = '2 files with errors are left out; civsam validate lists them.\n1 more record is left out because its organisation or pool is.\n';
const NOTICE_DA = '2 filer med fejl er udeladt; civsam validate viser dem.\n1 post mere er udeladt, fordi dens organisation eller pulje er det.\n';
// An overview names the records it does not count, each by its title and file.
const NAMED_EN = 'Not in this overview because of errors: offer “Vandregruppe” (offers/o3.yaml) and offer “Gammas café” (offers/o2.yaml). civsam validate shows what to put right.\n';
const NAMED_DA = 'Ikke med i oversigten på grund af fejl: tilbud »Vandregruppe« (offers/o3.yaml) og tilbud »Gammas café« (offers/o2.yaml). civsam validate viser, hvad der skal rettes.\n';

const run = (dir: string, args: string[], lang = 'en') => civsam(['--data', dir, ...args], { env: { CIVSAM_LANG: lang } });

describe('reading commands on a folder with errors', () => {
  test('overview offers reports the valid offers, after the notice on stderr, exit 0, in both languages', async () => {
    const dir = makeFolder(BROKEN);
    const en = await run(dir, ['overview', 'offers', '--as-of', '2026-06-01']);
    expect(en.code).toBe(0);
    expect(en.stderr).toBe(NOTICE_EN + NAMED_EN);
    expect(en.stdout).toContain('Samtalegruppe i Aarhus');
    expect(en.stdout).not.toMatch(/Gammas café|Vandregruppe/);
    const da = await run(dir, ['overview', 'offers', '--as-of', '2026-06-01'], 'da');
    expect(da.code).toBe(0);
    expect(da.stderr).toBe(NOTICE_DA + NAMED_DA);
    const json = JSON.parse((await run(dir, ['overview', 'offers', '--as-of', '2026-06-01', '--format', 'json'])).stdout);
    expect(JSON.stringify(json.areas)).toContain('"o1"');
    expect(JSON.stringify(json.areas)).not.toMatch(/"o2"|"o3"/);
    expect(json.leftOut.map((r: { id: string }) => r.id)).toEqual(['o3', 'o2']);
  });

  test('list shows the valid records only, with exact counts', async () => {
    const dir = makeFolder(BROKEN);
    const orgs = await run(dir, ['org', 'list', '--format', 'json']);
    expect(orgs).toMatchObject({ code: 0, stderr: NOTICE_EN });
    expect(JSON.parse(orgs.stdout).map((o: { id: string }) => o.id)).toEqual(['alpha']);
    const offers = await run(dir, ['offer', 'list'], 'da');
    expect(offers.code).toBe(0);
    expect(offers.stderr).toBe(NOTICE_DA);
    expect(offers.stdout).toMatch(/^1 tilbud\n/);
  });

  test('show works for a valid record; a left-out one says why, exit 2', async () => {
    const dir = makeFolder(BROKEN);
    const alpha = await run(dir, ['org', 'show', 'alpha']);
    expect(alpha).toMatchObject({ code: 0, stderr: NOTICE_EN });
    expect(alpha.stdout).toContain('Alpha Forening');
    expect(await run(dir, ['offer', 'show', 'o3'])).toMatchObject({ code: 2, stdout: '', stderr: `${NOTICE_EN}error: the offer o3 does not pass validation, so it cannot be shown. Run civsam validate to see why.\n` });
    expect(await run(dir, ['offer', 'show', 'o2'], 'da')).toMatchObject({
      code: 2, stdout: '',
      stderr: `${NOTICE_DA}fejl: tilbud o2 hører til en organisation eller pulje, hvis fil har fejl, og er derfor udeladt af rapporterne, indtil den fil er rettet. civsam validate viser filerne med fejl.\n`,
    });
  });

  test('a reference that is not an owner stays: an offer whose agreement is left out is still listed', async () => {
    const dir = makeFolder({
      ...baseFiles(),
      'offers/o1.yaml': `${offer('o1', 'alpha', 'Samtalegruppe')}agreement: a1\n`,
      'agreements/a1.yaml': 'id: a1\ntitle: Aftale\norganisations: [alpha]\nmunicipalities: [aarhus]\nstart: 2025-13-01\nstatus: active\n',
    });
    const r = await run(dir, ['offer', 'list', '--format', 'json']);
    expect(r).toMatchObject({ code: 0, stderr: '1 file with errors is left out; civsam validate lists it.\n' });
    expect(JSON.parse(r.stdout).map((o: { id: string }) => o.id)).toEqual(['o1']);
  });

  test('near miss: a valid folder gives no notice', async () => {
    const dir = makeFolder({ ...baseFiles(), 'offers/o1.yaml': offer('o1', 'alpha', 'Samtalegruppe') });
    expect(await run(dir, ['offer', 'list'])).toMatchObject({ code: 0, stderr: '' });
  });

  test('an error in what every record is read through (a vocabulary) still refuses', async () => {
    const dir = makeFolder({ ...BROKEN, 'vocabularies/offer-types.yaml': '- id: peer-group\n  name: 5\n' });
    const r = await run(dir, ['overview', 'offers'], 'da');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^fejl: datamappen .* har 3 fejl i offers\/o3\.yaml, organisations\/gamma\.yaml og vocabularies\/offer-types\.yaml, så civsam vil ikke arbejde på den\./);
  });
});

describe('commands that judge or change still refuse', () => {
  test('audit refuses a folder with errors, exit 2, in both languages', async () => {
    const dir = makeFolder(BROKEN);
    const en = await run(dir, ['audit', '--as-of', '2026-06-01']);
    expect(en).toMatchObject({ code: 2, stdout: '' });
    expect(en.stderr).toMatch(/^error: the data folder .* has 2 errors in offers\/o3\.yaml and organisations\/gamma\.yaml, so civsam will not work on it\./);
    expect((await run(dir, ['audit', '--as-of', '2026-06-01'], 'da')).stderr).toMatch(/^fejl: datamappen .* har 2 fejl i offers\/o3\.yaml og organisations\/gamma\.yaml, så civsam vil ikke arbejde på den\./);
  });

  test('a write that keeps a record invalid is refused and the file left as it was', async () => {
    const dir = makeFolder(BROKEN);
    const before = readFileSync(join(dir, 'offers/o3.yaml'), 'utf8');
    const r = await run(dir, ['offer', 'edit', 'o3', '--title', 'Vandregruppe i skoven', '--no-commit']);
    expect(r.code).toBe(2);
    expect(readFileSync(join(dir, 'offers/o3.yaml'), 'utf8')).toBe(before);
  });

  test('history reads the record of changes, not the folder: a broken file has its history, with no notice', async () => {
    const dir = makeFolder(BROKEN);
    const env = { ...process.env, GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 't@example.org' };
    for (const args of [['init', '-q'], ['add', '-A'], ['commit', '-q', '-m', 'start']]) spawnSync('git', args, { cwd: dir, env });
    const r = await run(dir, ['history', 'offer', 'o3', '--format', 'json']);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(r.stdout).changes).toHaveLength(1);
  });
});

describe('through the binary', () => {
  test('an overview exits 0 with the notice; audit exits 2', () => {
    const dir = makeFolder(BROKEN);
    const overview = civsamBinary(['--data', dir, 'overview', 'coverage'], { env: { CIVSAM_LANG: 'da' } });
    expect(overview.code).toBe(0);
    expect(overview.stderr).toBe(NOTICE_DA + NAMED_DA);
    expect(overview.stdout).not.toBe('');
    expect(civsamBinary(['--data', dir, 'audit'], { env: { CIVSAM_LANG: 'da' } }).code).toBe(2);
  });
});

describe('an empty report where records were left out for errors', () => {
  // A pool whose budget is written the Danish way is left out; it still exists, so no report says
  // there are no pools (and invites registering it again).
  const POOL_WRITTEN_DANISH = {
    ...baseFiles(),
    'pools/puljen.yaml': 'id: puljen\nname: Puljen\nareas: [psychiatry]\neligible_kinds: [development]\nbudgets:\n  - year: 2027\n    amount_dkk: 1.600.000\n',
  };
  /** A sentence as one line, however the terminal's width broke it. */
  const oneLine = (text: string) => text.trim().replace(/\s+/g, ' ');
  const NONE_SHOWN = 'Der er ingen puljer at vise: 1 pulje er udeladt på grund af fejl; civsam validate viser, hvad der skal rettes.';

  test('overview funding and pool list say the pool is left out, never that there is none', async () => {
    const dir = makeFolder(POOL_WRITTEN_DANISH);
    const funding = await run(dir, ['overview', 'funding', '--format', 'md'], 'da');
    // A pool left out takes its budget and its grants with it: the money report ends as invalid data does.
    expect(funding.code).toBe(2);
    expect(funding.stderr).toBe('1 fil med fejl er udeladt; civsam validate viser den.\nIkke med i oversigten på grund af fejl: pulje »Puljen« (pools/puljen.yaml). civsam validate viser, hvad der skal rettes.\nSummerne mangler midlerne i denne post, så det bevilgede, og om en pulje er overdisponeret, kan være forkert. Ret den, og kør oversigten igen (eller tilføj --despite-errors for at godtage den, som den er).\n');
    expect(funding.stdout).toContain(`| ${NONE_SHOWN} |`);
    expect(funding.stdout).not.toContain('Registrér en med civsam pool add');
    expect((await run(dir, ['overview', 'funding', '--by', 'organisation', '--format', 'md'], 'da')).stdout).toContain(`| ${NONE_SHOWN} |`);
    expect(oneLine((await run(dir, ['pool', 'list'], 'da')).stdout)).toBe(NONE_SHOWN);
    expect(oneLine((await run(dir, ['pool', 'list'])).stdout)).toBe('There are no pools to show: errors leave out 1 pool; civsam validate shows what to put right.');
    // Without a pool at all, it is said as before.
    const none = makeFolder(baseFiles());
    expect((await run(none, ['pool', 'list'], 'da')).stdout).toBe('Der er ingen puljer.\n');
    expect((await run(none, ['overview', 'funding', '--format', 'md'], 'da')).stdout).toContain('| Der er endnu ingen puljer. Registrér en med civsam pool add. |');
  });

  test('a list of offers whose every file has errors, or whose organisation has, says how many are left out', async () => {
    const { 'offers/o1.yaml': _shown, ...files } = BROKEN;
    const offers = await run(makeFolder(files), ['offer', 'list'], 'da');
    expect(offers).toMatchObject({ code: 0, stderr: NOTICE_DA });
    expect(oneLine(offers.stdout)).toBe('Der er ingen tilbud at vise: 2 tilbud er udeladt på grund af fejl; civsam validate viser, hvad der skal rettes.');
  });

  test('overview offers and coverage say how many offers are left out and not counted (a gap may be one only for that)', async () => {
    const dir = makeFolder(BROKEN);
    const note = '2 tilbud er udeladt på grund af fejl og er ikke talt med her; civsam validate viser, hvad der skal rettes.';
    for (const overview of ['offers', 'coverage']) {
      const r = await run(dir, ['overview', overview, '--as-of', '2026-06-01', '--format', 'md'], 'da');
      expect(r.code, overview).toBe(0);
      expect(r.stdout, overview).toContain(`\n${note}\n`);
    }
    // Near miss: nothing left out, nothing said.
    expect((await run(makeFolder(baseFiles()), ['overview', 'offers', '--as-of', '2026-06-01', '--format', 'md'], 'da')).stdout).not.toContain('udeladt');
  });

  test('overview funding, both forms, says beside its sums that agreements left out are not counted (the budget is not free)', async () => {
    const agreement = (id: string, amount: string) => `id: ${id}\ntitle: Aftale ${id}\norganisations: [alpha]\nareas: [psychiatry]\nscope: regional\nstart: 2027-01-01\nstatus: active\nfunding:\n  - pool: puljen\n    year: 2027\n    kind: operation\n    amount_dkk: ${amount}\nestablished_by:\n  exemption:\n    approved_by: Direktionen\n`;
    const pool = 'id: puljen\nname: Puljen\nareas: [psychiatry]\neligible_kinds: [operation]\nbudgets:\n  - year: 2027\n    amount_dkk: 2000000\n';
    const files = { ...baseFiles(), 'pools/puljen.yaml': pool, 'agreements/2027-psyk-001.yaml': agreement('2027-psyk-001', '100000') };
    const note = '1 aftale er udeladt på grund af fejl og er ikke talt med her; civsam validate viser, hvad der skal rettes.';
    const dir = makeFolder({ ...files, 'agreements/2027-psyk-002.yaml': agreement('2027-psyk-002', '1.500.000') });
    for (const by of [[], ['--by', 'organisation']]) {
      const r = await run(dir, ['overview', 'funding', ...by, '--format', 'md'], 'da');
      expect(r, by.join(' ')).toMatchObject({ code: 2, stderr: expect.stringMatching(/^1 fil med fejl er udeladt; civsam validate viser den\.\nIkke med i oversigten på grund af fejl: aftale »Aftale 2027-psyk-002« \(agreements\/2027-psyk-002\.yaml\)\./) });
      expect(r.stdout, by.join(' ')).toContain(`\n${note}\n`);
    }
    expect((await run(dir, ['overview', 'funding'])).stdout).toContain('Errors leave out 1 agreement, not counted here;');
    // Near miss: nothing left out, nothing said.
    expect((await run(makeFolder(files), ['overview', 'funding', '--format', 'md'], 'da')).stdout).not.toContain('udeladt');
  });

  test('overview expiring with no agreement due says that agreements left out are not counted', async () => {
    const dir = makeFolder({ ...baseFiles(), 'agreements/a1.yaml': 'id: a1\ntitle: Aftale\norganisations: [alpha]\nstatus: active\nstart: 2026-02-30\n' });
    const expiring = await run(dir, ['overview', 'expiring', '--as-of', '2026-06-01', '--format', 'md'], 'da');
    expect(expiring.code).toBe(0);
    expect(expiring.stdout).toContain('Ingen aktiv aftale udløber eller skal evalueres i perioden, og ingen er udløbet. 1 aftale er udeladt på grund af fejl og er ikke talt med her; civsam validate viser, hvad der skal rettes.');
  });
});
