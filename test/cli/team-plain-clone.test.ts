// A plain `git clone` of a shared register whose own default branch (master) was never made, where
// `civsam init --remote` sent the register on main. Before, civsam standing in such a copy said
// there was no data folder and advised `civsam init`; init made an empty register, and the next sync
// sent it to master, where `civsam clone` then took it (0 organisations). Now civsam says the copy
// has not taken the register yet, sync takes it, init refuses, and clone follows the real register.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { civsam } from '../helpers/cli.js';
import { git, tempHome } from '../helpers/team.js';

const da = (args: string[], cwd?: string) => civsam(['--lang', 'da', ...args], { cwd });

async function plainClone(): Promise<{ home: string; bare: string; copy: string }> {
  const home = tempHome();
  const bare = join(home, 'shared.git');
  expect(git(home, ['init', '-q', '--bare', '-b', 'master', bare]).code).toBe(0);
  expect((await da(['init', '--sample', join(home, 'reg'), '--remote', bare])).code).toBe(0);
  git(home, ['clone', '-q', bare, 'kopi']);
  return { home, bare, copy: join(home, 'kopi') };
}

describe('standing in a plain git clone that has not taken the register yet', () => {
  test('a command says the register is on the remote and to run sync, never init', async () => {
    const { copy } = await plainClone();
    const r = await da(['org', 'list'], copy);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('fejl: her er endnu ingen datamappe: du står i en kopi af det fælles register, men selve registeret er ikke hentet endnu (det ligger på origin, gren main). Kør civsam sync her for at hente det; opret ikke et nyt med civsam init.\n');
  });

  test('civsam sync there takes the register, as sync --data . does', async () => {
    const { copy } = await plainClone();
    const r = await da(['sync'], copy);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('Din kopi havde endnu ikke hentet det fælles register; nu er det hentet fra origin (gren main).\n');
    expect(existsSync(join(copy, 'civsam.yaml'))).toBe(true);
    expect(existsSync(join(copy, 'organisations', 'lyspunktet.yaml'))).toBe(true);
  });

  test('civsam init there refuses and says to use sync or clone; nothing is made', async () => {
    const { copy } = await plainClone();
    const r = await da(['init', '.'], copy);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('fejl: kopi ligger i en kopi af det fælles register, og registeret findes allerede (på origin, gren main): et nyt ville blive sendt som et tomt register ved siden af holdets. Hent registeret med civsam sync (stå i kopien), eller tag en frisk kopi med civsam clone ADRESSE.\n');
    expect(readdirSync(copy)).toEqual(['.git']);
  });

  test('near miss: a plain git clone of an empty remote may still be set up with init', async () => {
    const home = tempHome();
    const bare = join(home, 'shared.git');
    git(home, ['init', '-q', '--bare', '-b', 'master', bare]);
    git(home, ['clone', '-q', bare, 'kopi']);
    const r = await da(['init', '.'], join(home, 'kopi'));
    expect(r.code, r.stderr).toBe(0);
  });
});

/** The mistake of before: an empty register made in a copy and sent to master, beside the real one on main. */
async function emptyOnMaster(): Promise<{ home: string; bare: string }> {
  const { home, bare } = await plainClone();
  const empty = join(home, 'empty');
  expect((await da(['init', empty, '--no-history'])).code).toBe(0);
  expect(git(empty, ['init', '-q', '-b', 'master']).code).toBe(0);
  git(empty, ['add', '-A']);
  git(empty, ['commit', '-q', '-m', 'empty']);
  expect(git(empty, ['push', '-q', bare, 'master']).code).toBe(0);
  return { home, bare };
}

test('a sync in a copy that follows an empty register beside the real one says so, and what to do', async () => {
  const { home, bare } = await emptyOnMaster();
  git(home, ['clone', '-q', bare, 'old']);
  const r = await da(['sync'], join(home, 'old'));
  expect(r.code, r.stderr).toBe(0);
  expect(r.stderr).toContain('Registeret, din kopi følger (grenen master), har ingen poster, men det fælles arkiv har et andet med poster på grenen main (');
  expect(r.stderr).toContain('). Er det holdets register, så tag en frisk kopi af det med civsam clone, og bed den, der satte det op, om at fjerne det tomme.\n');
  // Near miss: a copy of the real register is not warned.
  const ny = await da(['clone', bare, 'ny'], home);
  expect(ny.code).toBe(0);
  expect((await da(['sync'], join(home, 'ny'))).stderr).not.toContain('ingen poster');
});

test('civsam clone of a remote with an empty register on one branch and the real one on another follows the real one and says so', async () => {
  const { home, bare } = await emptyOnMaster();

  const r = await da(['clone', bare, 'ny'], home);
  expect(r.code, r.stderr).toBe(0);
  expect(r.stderr).toContain('Det fælles arkiv har et register på mere end én gren. Din kopi følger grenen main (');
  expect(r.stderr).toContain('), den med flest poster; der er også grenen master (ingen poster). Er det den forkerte, så spørg den, der satte registeret op, før du ændrer noget.\n');
  const ny = join(home, 'ny');
  expect(existsSync(join(ny, 'organisations', 'lyspunktet.yaml'))).toBe(true);
  expect(git(ny, ['rev-parse', '--abbrev-ref', '@{upstream}']).stdout).toBe('origin/main');
  expect(git(ny, ['branch', '--list']).stdout).toBe('* main');
});

test('civsam init --remote names the address to clone, quoted for the shell', async () => {
  const home = tempHome();
  const bare = join(home, 'delt arkiv.git');
  git(home, ['init', '-q', '--bare', '-b', 'main', bare]);
  const r = await da(['init', join(home, 'reg'), '--remote', bare]);
  expect(r.code, r.stderr).toBe(0);
  expect(r.stderr).toContain(`Kolleger henter deres kopi med civsam clone '${bare}'\n`);
});

// sync --status and doctor in a copy with nothing committed counted changes against a branch that
// does not exist: 0 to send and 0 to bring in, and doctor said every change had been sent.
describe('sync --status and doctor in a copy with nothing committed yet', () => {
  test('say the register is on the remote, how many changes it has, and to run civsam sync', async () => {
    const { copy } = await plainClone();
    const expected = 'Denne kopi har endnu ikke hentet det fælles register: det ligger på origin, gren main (1 ændring). Kør civsam sync for at hente det.\n';
    const status = await da(['sync', '--status'], copy);
    expect(status.code, status.stderr).toBe(0);
    expect(status.stdout).toBe(expected);
    const doctor = await da(['doctor', '--data', '.'], copy);
    expect(doctor.stdout).toContain(expected);
    expect(doctor.stdout).not.toContain('Alle ændringer er sendt');
  });

  test('say that nothing has been shared or fetched yet when the remote is empty', async () => {
    const home = tempHome();
    const bare = join(home, 'shared.git');
    git(home, ['init', '-q', '--bare', '-b', 'master', bare]);
    git(home, ['clone', '-q', bare, 'kopi']);
    const copy = join(home, 'kopi');
    const doctor = await civsam(['doctor', '--data', '.', '--lang', 'en'], { cwd: copy });
    expect(doctor.stdout).toContain('Nothing has been fetched from the shared remote yet, and nothing is committed in this copy. Run civsam sync to bring in what the team has shared.\n');
    expect(doctor.stdout).not.toContain('Every change has been sent');
    const status = await civsam(['sync', '--status', '--data', '.', '--lang', 'en'], { cwd: copy });
    expect(status.code, status.stderr).toBe(0);
    expect(status.stdout).toBe('Nothing has been shared yet: the shared remote is empty, and nothing is committed in this copy. Make a change with civsam (it commits it), then run civsam sync to send it.\n');
  });
});
