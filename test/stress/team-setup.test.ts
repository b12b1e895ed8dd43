// Setting up a shared register: `civsam init --remote`, `civsam clone`, and what `civsam doctor`
// says about a folder without a remote, with changes not sent, or with a merge left half done.
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { civsamBinary as civsam } from '../helpers/cli.js';
import { baseFiles, makeFolder } from '../helpers/folder.js';
import { git, person, sharedRegister, tempHome } from '../helpers/team.js';

describe('civsam init --remote and civsam clone', () => {
  test('init --remote shares a new folder; clone gets it, closed to other users; sync works between them', () => {
    const home = tempHome();
    const bare = join(home, 'shared.git');
    git(home, ['init', '-q', '--bare', '-b', 'main', bare]);
    const init = civsam(['init', join(home, 'first'), '--remote', bare], { env: person('Anna') });
    expect(init.code, init.stderr).toBe(0);
    expect(init.stderr).toContain('is on the remote (branch main)');
    expect(git(bare, ['log', '--format=%an %s', 'main']).stdout).toBe('Anna civsam init: new data folder');

    const clone = civsam(['clone', bare, 'second'], { cwd: home, env: person('Bo') });
    expect(clone.code, clone.stderr).toBe(0);
    expect(clone.stderr).toContain('Your copy of the shared register is in second.');
    const second = join(home, 'second');
    expect(statSync(join(second, 'civsam.yaml')).mode & 0o007).toBe(0);
    expect(civsam(['--data', second, 'validate']).code).toBe(0);

    expect(civsam(['--data', second, 'org', 'add', '--id', 'beta', '--name', 'Beta', '--kind', 'patient-association', '--areas', 'psychiatry', '--patient-groups', 'depression', '--municipalities', 'aarhus'], { env: person('Bo') }).code).toBe(0);
    const doctor = civsam(['--data', second, 'doctor'], { env: person('Bo') });
    expect(doctor.stdout).toContain('Changes not yet sent to the shared remote: 1. Run civsam sync.');
    expect(civsam(['--data', second, 'sync'], { env: person('Bo') }).code).toBe(0);
    expect(civsam(['--data', second, 'doctor'], { env: person('Bo') }).stdout).toContain('Every change has been sent to the shared remote');
    expect(civsam(['--data', join(home, 'first'), 'sync'], { env: person('Anna') }).code).toBe(0);
    expect(existsSync(join(home, 'first', 'organisations', 'beta.yaml'))).toBe(true);
  });

  test('init --remote on a remote that already holds a register sends nothing and points to clone', () => {
    const { bare, home } = sharedRegister();
    const r = civsam(['init', join(home, 'again'), '--remote', bare], { env: person('Anna') });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('the shared remote already holds a register, so nothing was sent');
    expect(git(bare, ['log', '--format=%s', 'main']).stdout).toBe('the register');
  });

  test('clone refuses a folder that is not empty, and says when the address is wrong', () => {
    const { bare, home } = sharedRegister();
    writeFileSync(join(home, 'note.txt'), 'x');
    const taken = civsam(['clone', bare, home], { env: person('Bo') });
    expect(taken.code).toBe(2);
    expect(taken.stderr).toContain('already exists and is not empty');
    const wrong = civsam(['--lang', 'da', 'clone', join(home, 'nowhere.git'), join(home, 'x')], { env: person('Bo') });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('kunne ikke hente det fælles register');
    expect(existsSync(join(home, 'x'))).toBe(false);
  });
});

describe('civsam doctor on sharing', () => {
  test('a repository without a remote', () => {
    const dir = makeFolder(baseFiles());
    git(dir, ['init', '-q', '-b', 'main']);
    git(dir, ['add', '-A']);
    git(dir, ['commit', '-q', '-m', 'start']);
    const r = civsam(['--data', dir, 'doctor']);
    expect(r.stdout).toContain('The data folder is not shared with the team: no shared repository is set up, so changes stay on this computer.');
    const s = civsam(['--data', dir, 'sync'], { env: person('Anna') });
    expect(s.code).toBe(2);
    expect(s.stderr).toContain('has no shared repository to sync with');
  });

  test('a merge left in progress with a conflict: doctor names the file and says to undo it, sync refuses and leaves it alone', () => {
    const dir = makeFolder({ ...baseFiles(), 'notes.txt': 'a\n' });
    git(dir, ['init', '-q', '-b', 'main']);
    git(dir, ['add', '-A']);
    git(dir, ['commit', '-q', '-m', 'start']);
    git(dir, ['remote', 'add', 'origin', join(dir, 'nowhere.git')]);
    git(dir, ['switch', '-q', '-c', 'other']);
    writeFileSync(join(dir, 'notes.txt'), 'b\n');
    git(dir, ['commit', '-q', '-am', 'other']);
    git(dir, ['switch', '-q', 'main']);
    writeFileSync(join(dir, 'notes.txt'), 'c\n');
    git(dir, ['commit', '-q', '-am', 'main']);
    git(dir, ['merge', 'other']); // stops on the conflict
    expect(existsSync(join(dir, '.git', 'MERGE_HEAD'))).toBe(true);
    const r = civsam(['--data', dir, 'doctor']);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(`could not be finished: 1 file holds both versions, marked with <<<<<<< and >>>>>>>, and cannot be read as records until the merge is undone. git commit refuses while it is unmerged:\n  ${join(dir, 'notes.txt')}\nUndo the merge with git merge --abort`);
    const s = civsam(['--data', dir, 'sync'], { env: person('Anna') });
    expect(s.code).toBe(2);
    expect(s.stderr).toContain('git has a merge in progress in the data folder\'s repository (started outside civsam, with git pull or git merge) that could not be finished');
    expect(existsSync(join(dir, '.git', 'MERGE_HEAD'))).toBe(true);
  });
});
