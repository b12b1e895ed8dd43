// A colleague made the shared repository with `git init --bare` on a git that names its default
// branch master (git 2.39 without init.defaultBranch); `civsam init --remote` sends the register on
// main. Before, `civsam clone` of it said the register was still empty (and told the reader to run
// init again), and a plain `git clone` of it could not sync ("no commits yet"). Now both find the
// branch the remote has, whatever its name.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { civsam } from '../helpers/cli.js';
import { git, tempHome } from '../helpers/team.js';

const da = (args: string[], cwd?: string) => civsam(['--lang', 'da', ...args], { cwd });

function masterRemote(): { home: string; bare: string } {
  const home = tempHome();
  const bare = join(home, 'shared.git');
  expect(git(home, ['init', '-q', '--bare', '-b', 'master', bare]).code).toBe(0);
  return { home, bare };
}

describe('a shared repository whose own default branch is master', () => {
  test('civsam clone checks out the branch the register was sent on and says so, not that it is empty', async () => {
    const { home, bare } = masterRemote();
    const init = await da(['init', join(home, 'first'), '--remote', bare]);
    expect(init.code, init.stderr).toBe(0);
    expect(init.stderr).toContain('Delt: ');
    const clone = await da(['clone', bare, 'second'], home);
    expect(clone.code, clone.stderr).toBe(0);
    expect(clone.stderr).toContain('Din kopi af det fælles register ligger i second.');
    expect(clone.stderr).not.toContain('tomt');
    const second = join(home, 'second');
    expect(existsSync(join(second, 'civsam.yaml'))).toBe(true);
    expect(git(second, ['rev-parse', '--abbrev-ref', '@{upstream}']).stdout).toBe('origin/main');
    // The copy works as any other: a change is sent, and the first copy gets it.
    expect((await da(['--data', second, 'org', 'add', '--name', 'Beta Forening', '--kind', 'patientforening', '--areas', 'psykiatri', '--patient-groups', 'angst', '--municipalities', 'skive'])).code).toBe(0);
    expect((await da(['--data', second, 'sync'])).code).toBe(0);
    expect((await da(['--data', join(home, 'first'), 'sync'])).code).toBe(0);
    expect(existsSync(join(home, 'first', 'organisations', 'beta-forening.yaml'))).toBe(true);
  });

  test('a plain git clone of it (nothing checked out) takes the register at its first civsam sync', async () => {
    const { home, bare } = masterRemote();
    expect((await da(['init', join(home, 'first'), '--remote', bare])).code).toBe(0);
    git(home, ['clone', '-q', bare, 'third']);
    const third = join(home, 'third');
    expect(existsSync(join(third, 'civsam.yaml'))).toBe(false);
    const r = await da(['--data', third, 'sync']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('Din kopi havde endnu ikke hentet det fælles register; nu er det hentet fra origin (gren main).\n');
    expect(existsSync(join(third, 'civsam.yaml'))).toBe(true);
    expect((await da(['--data', third, 'sync'])).stderr).toContain('Allerede i takt med den fælles mappe');
  });

  test('near miss: a remote that really is empty is still said to be empty', async () => {
    const { home, bare } = masterRemote();
    const clone = await da(['clone', bare, 'copy'], home);
    expect(clone.code, clone.stderr).toBe(0);
    expect(clone.stderr).toContain('det fælles register er stadig tomt');
  });
});
