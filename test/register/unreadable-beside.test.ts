// A record file that cannot be read hides what it holds: a new record of its kind may be the same
// one (the name-derived id differs from the file's), so adding is refused until the file is put
// right; a lookup that finds nothing says which files of the kind were left out, as the record
// asked for may be among them.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { baseFiles, makeFolder, org } from '../helpers/folder.js';
import { civsam, ROOT, testEnv } from '../helpers/cli.js';

const DA = { env: { CIVSAM_LANG: 'da', COLUMNS: '200' } };
/** An organisation file whose list is never closed: no record can be read from it. */
const broken = org('lyspunktet', 'Foreningen Lyspunktet').replace('areas: [psychiatry]', 'areas: [psychiatry');
const addOrg = (dir: string, name: string) => ['org', 'add', '--name', name, '--kind', 'patient-association', '--areas', 'psychiatry', '--patient-groups', 'depression', '--municipalities', 'aarhus', '--no-commit', '--data', dir];

describe('adding while a file of the same kind cannot be read', () => {
  it('is refused, naming the file at its error, and nothing is written', async () => {
    const dir = makeFolder({ ...baseFiles(), 'organisations/lyspunktet.yaml': broken });
    const run = await civsam(addOrg(dir, 'Foreningen Lyspunktet'), DA);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`fejl: der kan ikke registreres en organisation, mens denne fil i samme mappe ikke kan læses: ${join(dir, 'organisations/lyspunktet.yaml')}:6:1. civsam kan derfor ikke se, om den post, du vil registrere, findes i forvejen. Ret filen først (civsam validate viser, hvad der er galt).\n`);
    expect(readdirSync(join(dir, 'organisations')).sort()).toEqual(['alpha.yaml', 'lyspunktet.yaml']);
    const en = await civsam(addOrg(dir, 'Foreningen Lyspunktet'));
    expect(en.stderr).toBe(`error: an organisation cannot be registered while this file in the same folder cannot be read: ${join(dir, 'organisations/lyspunktet.yaml')}:6:1, so civsam cannot tell whether the record you are adding is there already. Put the file right first (civsam validate shows what is wrong).\n`);
  });

  it('on a terminal, is refused before any question is asked', async () => {
    const dir = makeFolder({ ...baseFiles(), 'organisations/lyspunktet.yaml': broken });
    let said = '';
    const input = Object.assign(Readable.from([]), { isTTY: true });
    const output = Object.assign(new PassThrough(), { isTTY: true });
    output.on('data', (d: Buffer) => { said += d.toString(); });
    const err = { write: (s: string) => { said += s; }, isTTY: true, columns: 200 };
    const code = await main(['org', 'add', '--name', 'Ny Forening', '--no-commit', '--data', dir], testEnv({ CIVSAM_LANG: 'da' }), { stdout: err, stderr: err, stdin: input, terminal: { input, output } }, '0.0.0-test', ROOT);
    expect(code).toBe(2);
    // Wrapped to the terminal's width; nothing else said (no question).
    expect(said.replace(/\s+/g, ' ')).toBe(`fejl: der kan ikke registreres en organisation, mens denne fil i samme mappe ikke kan læses: ${join(dir, 'organisations/lyspunktet.yaml')}:6:1. civsam kan derfor ikke se, om den post, du vil registrere, findes i forvejen. Ret filen først (civsam validate viser, hvad der er galt). `);
  });

  it('a file read without a name blocks too; several are counted', async () => {
    const nameless = org('gamma', 'x').replace('name: x\n', '');
    const dir = makeFolder({ ...baseFiles(), 'organisations/lyspunktet.yaml': broken, 'organisations/gamma.yaml': nameless });
    const run = await civsam(addOrg(dir, 'Ny Forening'), DA);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^fejl: der kan ikke registreres en organisation, mens disse 2 filer i samme mappe ikke kan læses: \S+gamma\.yaml:2:1, \S+lyspunktet\.yaml:6:1\. .* Ret filerne først/);
  });

  it('does not block: a file of another kind, nor one whose name can be read (its errors elsewhere), nor an edit', async () => {
    const badCvr = org('delta', 'Delta Forening', '1234');
    const dir = makeFolder({ ...baseFiles(), 'organisations/lyspunktet.yaml': broken });
    const pool = await civsam(['pool', 'add', '--name', 'Puljen', '--areas', 'social', '--eligible-kinds', 'development', '--budgets', '2026:100000', '--no-commit', '--data', dir], DA);
    expect(pool.code).toBe(0);
    expect(existsSync(join(dir, 'pools/puljen.yaml'))).toBe(true);
    expect((await civsam(['org', 'edit', 'alpha', '--notes', 'Ny note', '--no-commit', '--data', dir], DA)).code).toBe(0);
    const near = makeFolder({ ...baseFiles(), 'organisations/delta.yaml': badCvr });
    expect((await civsam(addOrg(near, 'Ny Forening'), DA)).code).toBe(0);
    // The name that file holds is still told: a second one of that name is refused by its check.
    const same = await civsam(addOrg(near, 'Delta Forening'), DA);
    expect(same.code).toBe(2);
    expect(same.stderr).toContain('delta.yaml');
  });
});

describe('giving a record a new name (or CVR number) while a file of the same kind cannot be read', () => {
  it('is refused as adding is, naming the file at its error, and nothing is written; other fields are edited as before', async () => {
    const dir = makeFolder({ ...baseFiles(), 'organisations/lyspunktet.yaml': broken });
    const file = `${join(dir, 'organisations/lyspunktet.yaml')}:6:1`;
    const alpha = readFileSync(join(dir, 'organisations/alpha.yaml'), 'utf8');
    const name = await civsam(['org', 'edit', 'alpha', '--name', 'Foreningen Lyspunktet', '--no-commit', '--data', dir], DA);
    expect(name).toEqual({ code: 2, stdout: '', stderr: `fejl: der kan ikke gives en organisation et nyt navn, mens denne fil i samme mappe ikke kan læses: ${file}. civsam kan derfor ikke se, om en anden post har det samme i forvejen. Ret filen først (civsam validate viser, hvad der er galt).\n` });
    const both = await civsam(['org', 'edit', 'alpha', '--name', 'Ny Forening', '--cvr', '29189846', '--dry-run', '--data', dir]);
    expect(both.code).toBe(2);
    expect(both.stderr).toBe(`error: an organisation cannot be given a new name and CVR number while this file in the same folder cannot be read: ${file}, so civsam cannot tell whether another record has the same already. Put the file right first (civsam validate shows what is wrong).\n`);
    expect(readFileSync(join(dir, 'organisations/alpha.yaml'), 'utf8')).toBe(alpha);
    // The same name given again changes nothing unique; another field is edited as before.
    expect((await civsam(['org', 'edit', 'alpha', '--name', 'Alpha Forening', '--notes', 'Ny note', '--no-commit', '--data', dir], DA)).code).toBe(0);
    const pool = makeFolder({ ...baseFiles(), 'organisations/lyspunktet.yaml': broken, 'pools/p.yaml': 'id: p\nname: Puljen\nareas: [social]\neligible_kinds: [development]\nbudgets: []\n' });
    expect((await civsam(['pool', 'edit', 'p', '--name', 'Foreningen Lyspunktet', '--no-commit', '--data', pool], DA)).code).toBe(0);
  });

  it('a space before or after the same name is no new name: trimmed before the check, the change goes in', async () => {
    const dir = makeFolder({ ...baseFiles(), 'organisations/lyspunktet.yaml': broken });
    const alpha = readFileSync(join(dir, 'organisations/alpha.yaml'), 'utf8');
    const spaced = await civsam(['org', 'edit', 'alpha', '--name', ' Alpha Forening ', '--notes', 'Ny note', '--no-commit', '--data', dir], DA);
    expect(spaced.code).toBe(0);
    expect(readFileSync(join(dir, 'organisations/alpha.yaml'), 'utf8')).toBe(`${alpha}notes: Ny note\n`);
  });
});

describe('a lookup that finds nothing while files of the kind are left out', () => {
  it('an id says the left-out file, where it is wrong and to put it right', async () => {
    const dir = makeFolder({ ...baseFiles(), 'organisations/lyspunktet.yaml': broken });
    const file = `${join(dir, 'organisations/lyspunktet.yaml')}:6:1`;
    for (const args of [['org', 'edit', 'lyspunkt', '--notes', 'x'], ['org', 'show', 'lyspunkt'], ['org', 'remove', 'lyspunkt']]) {
      const run = await civsam([...args, '--data', dir], DA);
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(`fejl: der er ingen organisation med id'et lyspunkt. Men denne fil har fejl og er udeladt, så det kan være den: ${file}. Ret den først (civsam validate viser, hvad der er galt).\n`);
    }
  });

  it('a name says the left-out file before the names it is near', async () => {
    const dir = makeFolder({ ...baseFiles(), 'organisations/lyspunktet.yaml': broken });
    const run = await civsam(['org', 'show', 'Alpha Foreningen', '--data', dir], DA);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`fejl: der er ingen organisation, der passer til det, du angav. Men denne fil har fejl og er udeladt, så det kan være den: ${join(dir, 'organisations/lyspunktet.yaml')}:6:1. Ret den først (civsam validate viser, hvad der er galt). Eller mente du: Alpha Forening (alpha)?\n`);
  });

  it('the left-out file\'s own id says that very file cannot be read; a kind with no left-out file is as before', async () => {
    const dir = makeFolder({ ...baseFiles(), 'organisations/lyspunktet.yaml': broken });
    const own = await civsam(['org', 'edit', 'lyspunktet', '--notes', 'x', '--data', dir], DA);
    expect(own.code).toBe(2);
    expect(own.stderr).toBe(`fejl: ${join(dir, 'organisations/lyspunktet.yaml')} kan ikke læses som en post. Ret den i hånden først (civsam validate viser hvor).\n`);
    const pool = await civsam(['pool', 'show', 'puljen', '--data', dir], DA);
    expect(pool.code).toBe(2);
    expect(pool.stderr).toContain("fejl: der er ingen pulje med id'et puljen.\n");
    expect(pool.stderr).not.toContain('lyspunktet');
  });
});
