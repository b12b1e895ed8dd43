// `civsam init` starts the folder's history itself (a repository and a first commit, as `init
// --remote` does) when git is installed, and says so in plain words; without git it says that the
// history needs git and how to get it; `--no-history` keeps none. The words for the history are
// one wording everywhere.
import { existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { civsam, civsamBinary } from '../helpers/cli.js';
import { makeFolder } from '../helpers/folder.js';
import { git, person } from '../helpers/team.js';
import { translate } from '../../src/i18n/index.js';

const DA = { CIVSAM_LANG: 'da', COLUMNS: '80', ...person('Anna') };
const CREATED = (dir: string) => `Oprettede datamappen ${dir} (19 filer): indstillinger, model, ordlister, tomme mapper til poster og skemaerne i ${dir}/schemas.`;
const NEXT = (dir: string) => `Næste skridt: gå ind i mappen (cd ${dir}); civsam finder den derfra. Registrér så den første organisation: civsam org add --name "…" --kind patientforening --areas psykiatri --scope regional`;

describe('civsam init starts the history', () => {
  test('with git: a repository of its own and the first files recorded, said in plain words', async () => {
    const home = makeFolder({});
    const r = await civsam(['init', 'register'], { cwd: home, env: DA });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe([
      CREATED('register'),
      'Historikken for mappen er startet: civsam registrerer hver ændring i den, med hvem og hvornår, så civsam history kan vise den, og en tidligere udgave kan hentes tilbage.',
      NEXT('register'), '',
    ].join('\n'));
    const dir = join(home, 'register');
    expect(existsSync(join(dir, '.git'))).toBe(true);
    expect(git(dir, ['log', '--format=%s']).stdout).toBe('civsam init: ny datamappe');
    expect(git(dir, ['status', '--porcelain']).stdout).toBe('');
    // The next change is recorded as every change is.
    const add = await civsam(['--data', dir, 'org', 'add', '--name', 'Ny Forening', '--kind', 'andet', '--areas', 'psykiatri', '--scope', 'regional'], { env: DA });
    expect(add.code, add.stderr).toBe(0);
    expect(git(dir, ['log', '--format=%s']).stdout.split('\n')).toHaveLength(2);
  });

  test('--no-history: no repository, and nothing said of one', async () => {
    const home = makeFolder({});
    const r = await civsam(['init', 'register', '--no-history'], { cwd: home, env: DA });
    expect(r).toEqual({ code: 0, stdout: '', stderr: `${CREATED('register')}\n${NEXT('register')}\n` });
    expect(existsSync(join(home, 'register', '.git'))).toBe(false);
    // history then says so in plain words.
    const h = await civsam(['--data', join(home, 'register'), 'history', 'org', 'alpha'], { env: DA });
    expect(h.code).toBe(2);
    expect(h.stderr).toMatch(/^fejl: datamappen .* har ingen historik over ændringerne: historikken blev aldrig startet for den\. En datamappe, der oprettes med civsam init, har historik fra begyndelsen; for denne kan den, der passer registret, starte den med programmet git\.\n$/);
    expect(h.stderr).not.toMatch(/git-arkiv|git init|--remote/);
  });

  test('without git: the folder is made, and the message says the history needs git and how to get it', async () => {
    const home = makeFolder({});
    // A PATH that holds node and nothing else.
    const bin = join(home, 'bin');
    mkdirSync(bin);
    symlinkSync(process.execPath, join(bin, 'node'));
    // The built program in a process of its own, as git is looked for on its PATH.
    const r = civsamBinary(['init', 'register'], { cwd: home, env: { ...DA, PATH: bin } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr.split('\n')[1]).toBe('Mappen har ingen historik over ændringerne: det kræver programmet git, som ikke er installeret på denne computer. Bed IT om at installere git (https://git-scm.com/downloads); en datamappe, der oprettes med civsam init derefter, har historik fra begyndelsen.');
    expect(existsSync(join(home, 'register', 'civsam.yaml'))).toBe(true);
  });

  test('a Ctrl-C after a change says "registreret i historikken", as every other message', () => {
    expect(translate('da', 'write.finishedCommitted')).toBe('Bedt om at stoppe: ændringen blev gjort færdig og registreret i historikken først.');
    expect(translate('en', 'write.finishedCommitted')).toBe('Asked to stop: the change was finished and recorded in the history first.');
  });
});
