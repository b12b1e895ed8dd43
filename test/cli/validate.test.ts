// civsam validate, run as a user runs it: its output and its exit code.
import { describe, expect, it } from 'vitest';
import { baseFiles, makeFolder, org } from '../helpers/folder.js';
import { civsam, civsamBinary } from '../helpers/cli.js';

describe('civsam validate', () => {
  it('passes the bundled sample data with exit 0', async () => {
    const r = await civsam(['validate']);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^No problems in \d+ files\.\n$/);
    expect(r.code).toBe(0);
  });

  it('on a terminal (here: as wide as COLUMNS says), a long problem is wrapped under its message; piped, it stays one line', async () => {
    const dir = makeFolder({ ...baseFiles(),
      'organisations/beta.yaml': org('beta', 'Beta').replace('[aarhus]', '[aarhus, odense]').replace('status: active', 'status: aktiv') });
    const r = await civsam(['validate'], { cwd: dir, env: { CIVSAM_LANG: 'da', COLUMNS: '72' } });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe([
      'organisations/beta.yaml:7:26  Kommune nr. 2 henviser til et id, som',
      '                              ingen kommune har. Kontrollér id\'et, eller',
      '                              opret først det, der henvises til.',
      'organisations/beta.yaml:8:9  Status skal være en af disse (skriv koden i',
      '                             filen): active (aktiv), inactive (inaktiv).',
      '                             Skriv active for aktiv.',
      '',
    ].join('\n'));
    // A location longer than half the line: the message goes under it, indented.
    const narrow = await civsam(['validate'], { cwd: dir, env: { CIVSAM_LANG: 'da', COLUMNS: '50' } });
    expect(narrow.stdout.split('\n').slice(0, 3)).toEqual(['organisations/beta.yaml:7:26', '    Kommune nr. 2 henviser til et id, som ingen', '    kommune har. Kontrollér id\'et, eller opret']);
    for (const out of [r.stdout, narrow.stdout]) expect(out.split('\n').every((l) => l.length <= (out === r.stdout ? 72 : 50))).toBe(true);
    // Piped (no terminal, no COLUMNS): one line per problem, for scripts.
    const piped = await civsam(['validate'], { cwd: dir, env: { CIVSAM_LANG: 'da', COLUMNS: undefined } });
    expect(piped.stdout.split('\n').filter(Boolean)).toHaveLength(2);
  });

  it('reports each problem as file:line:col  rule  message, grouped by file, in Danish too', async () => {
    const dir = makeFolder({ ...baseFiles(),
      'organisations/alpha.yaml': org('alpha', 'Alpha', '12345678'),
      'organisations/beta.yaml': org('beta', 'Beta', '12345674').replace('[aarhus]', '[aarhus, odense]') });
    const en = await civsam(['validate', '--data', dir]);
    expect(en.code).toBe(2);
    expect(en.stdout).toBe([
      `${dir}/organisations/alpha.yaml:5:6  The CVR number is not valid (the modulus-11 check fails). Check the number on cvr.dk.`,
      '',
      `${dir}/organisations/beta.yaml:8:26  Municipality no. 2 does not name an existing municipality. Check the id, or create the municipality first.`,
      '',
    ].join('\n'));
    expect(en.stderr).toBe('2 errors in 2 files (6 files read).\n');
    const da = await civsam(['check', '--data', dir], { env: { LANG: 'da_DK.UTF-8', CIVSAM_LANG: undefined } });
    expect(da.code).toBe(2);
    expect(da.stdout).toContain(`${dir}/organisations/beta.yaml:8:26  Kommune nr. 2 henviser til et id, som ingen kommune har.`);
    expect(da.stderr).toBe('2 fejl i 2 filer (6 filer læst).\n');
  });

  it('never shows a field value in a message', async () => {
    const dir = makeFolder({ ...baseFiles(), 'organisations/alpha.yaml': org('alpha', 'Alpha', '12345674', 'contact:\n  name: Hemmelig Person\n  email: not-an-email\n  phone: "12"\n') });
    const r = await civsam(['validate', '--data', dir, '--format', 'json']);
    expect(r.code).toBe(2);
    const out = JSON.parse(r.stdout);
    expect(out.problems.map((p: { rule: string; line: number }) => `${p.line} ${p.rule}`)).toEqual(['12 schema-format', '13 schema-format']);
    expect(r.stdout + r.stderr).not.toMatch(/Hemmelig|not-an-email/);
    expect(out.summary).toEqual({ errors: 2, warnings: 0, filesWithProblems: 1, filesRead: 5 });
  });

  it('says where the data folder is missing and exits 2', async () => {
    const r = await civsam(['validate', '--data', '/nonexistent/folder'], { env: { CIVSAM_LANG: 'da' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('fejl: der er ingen datamappe i /nonexistent/folder. Kør civsam inde fra datamappen, angiv mappen med --data MAPPE eller CIVSAM_DATA, eller opret en med civsam init.\n');
  });

  it('an --output file that cannot be written is the user\'s to fix: exit 2, not an internal error', async () => {
    const en = await civsam(['overview', 'offers', '--output', '/nonexistent/folder/x.csv']);
    expect(en).toEqual({ code: 2, stdout: '', stderr: 'error: cannot open /nonexistent/folder/x.csv: it, or the folder it is in, does not exist. Check the path; the file or folder may have been moved or removed.\n' });
    expect((await civsam(['--lang', 'da', 'overview', 'offers', '--output', '/nonexistent/folder/x.csv'])).stderr)
      .toBe('fejl: kan ikke åbne /nonexistent/folder/x.csv: den selv eller mappen, den ligger i, findes ikke. Kontrollér stien; filen eller mappen er måske flyttet eller slettet.\n');
  });

  it('import --dry-run checks the data folder like every other command', async () => {
    const sheet = makeFolder({ 'orgs.csv': 'name,kind\nAlpha,other\n' });
    const r = await civsam(['import', 'organisations', `${sheet}/orgs.csv`, '--dry-run', '--data', '/nonexistent/folder']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('there is no data folder at /nonexistent/folder.');
  });

  it('takes the folder from CIVSAM_DATA', async () => {
    const dir = makeFolder(baseFiles());
    expect((await civsam(['validate'], { env: { CIVSAM_DATA: dir } })).stderr).toBe('No problems in 5 files.\n');
  });

  it('uses the parse cache on a second run and gives the same verdict', async () => {
    const dir = makeFolder({ ...baseFiles(), 'organisations/alpha.yaml': org('alpha', 'Alpha', '12345678') });
    const cache = makeFolder({});
    const env = { CIVSAM_NO_CACHE: undefined, CIVSAM_CACHE_DIR: cache };
    const first = await civsam(['validate', '--data', dir], { env });
    const second = await civsam(['validate', '--data', dir], { env });
    expect(second).toEqual(first);
    expect(first.code).toBe(2);
  });
});

describe('the command line', () => {
  it('answers --version quickly and plainly (the binary itself)', async () => {
    const r = civsamBinary(['--version']);
    expect(r).toEqual({ code: 0, stdout: '0.1.0\n', stderr: '' });
  });

  it('translates usage errors and exits 2 without a stack trace', async () => {
    const en = await civsam(['valdate']);
    expect(en).toEqual({ code: 2, stdout: '', stderr: "error: unknown command valdate. Did you mean: validate?\nRun civsam --help to see the commands and options.\n" });
    const da = await civsam(['validate', '--frmat', 'json', '--lang', 'da']);
    expect(da).toEqual({ code: 2, stdout: '', stderr: 'fejl: ukendt tilvalg --frmat. Mente du: --format?\nKør civsam validate --help for at se dens tilvalg.\n' });
  });

  it('shows help with examples in the chosen language', async () => {
    const r = await civsam(['validate', '--help', '--lang', 'da']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Brug: civsam validate|check [tilvalg]');
    expect(r.stdout).toContain('Eksempler:\n  $ civsam validate');
  });

  it('colours only when asked: FORCE_COLOR on, NO_COLOR and --no-color off', async () => {
    const dir = makeFolder({ ...baseFiles(), 'organisations/alpha.yaml': org('alpha', 'Alpha', '12345678') });
    expect((await civsam(['validate', '--data', dir], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } })).stdout).toContain('\u001b[');
    expect((await civsam(['validate', '--data', dir, '--no-color'], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } })).stdout).not.toContain('\u001b[');
    expect((await civsam(['validate', '--data', dir], { env: { NO_COLOR: '1' } })).stdout).not.toContain('\u001b[');
  });
});
