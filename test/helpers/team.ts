// Two members of staff sharing one register: a bare repository in a temporary folder (never a
// network address) and clones of it, each with its own fixed commit identity.
import { createHash } from 'node:crypto';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { afterAll } from 'vitest';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { baseFiles, makeFolder, type Files } from './folder.js';
import { civsamBinary as civsam, type Run } from './cli.js';

const homes: string[] = [];
afterAll(() => {
  for (const h of homes) rmSync(h, { recursive: true, force: true });
});

/** No user or system git settings leak into the tests. */
export const GIT_ENV = { GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', GIT_TERMINAL_PROMPT: '0' };

export function person(name: string): Record<string, string> {
  const email = `${name.toLowerCase()}@region.example`;
  return { ...GIT_ENV, GIT_AUTHOR_NAME: name, GIT_AUTHOR_EMAIL: email, GIT_COMMITTER_NAME: name, GIT_COMMITTER_EMAIL: email };
}

export function git(cwd: string, args: string[], env: Record<string, string> = person('Test')): { code: number; stdout: string; stderr: string } {
  const r = spawnSync('git', args, { cwd, env: { ...process.env, ...env }, encoding: 'utf8' });
  return { code: r.status ?? -1, stdout: r.stdout.trim(), stderr: r.stderr };
}

export interface Member {
  name: string;
  dir: string;
  civsam(args: string[], env?: Record<string, string>): Run;
  git(args: string[]): { code: number; stdout: string; stderr: string };
}

export function member(name: string, dir: string): Member {
  return {
    name, dir,
    civsam: (args, env = {}) => civsam(['--data', dir, ...args], { env: { ...person(name), ...env } }),
    git: (args) => git(dir, args, person(name)),
  };
}

/** An empty temporary folder, removed after the tests. */
export function tempHome(): string {
  const home = mkdtempSync(join(tmpdir(), 'civsam-team-'));
  homes.push(home);
  return home;
}

/** A bare repository holding `files` (one commit by "Admin"), and an empty place for clones. */
export function sharedRegister(files: Files = baseFiles()): { bare: string; home: string } {
  const home = tempHome();
  const seed = makeFolder({ ...files, '.gitignore': '.civsam.lock*\n.*.tmp\n' });
  const bare = join(home, 'shared.git');
  git(home, ['init', '-q', '--bare', '-b', 'main', bare]);
  git(seed, ['init', '-q', '-b', 'main']);
  git(seed, ['add', '-A']);
  git(seed, ['commit', '-q', '-m', 'the register'], person('Admin'));
  git(seed, ['push', '-q', bare, 'main']);
  return { bare, home };
}

export function cloneAs(name: string, bare: string, home: string): Member {
  const dir = join(home, name.toLowerCase());
  const r = git(home, ['clone', '-q', bare, dir]);
  if (r.code !== 0) throw new Error(r.stderr);
  return member(name, dir);
}

/** Every file of the working tree (outside .git) with a hash of its bytes, HEAD, and git's state. */
export function folderState(dir: string): { files: Record<string, string>; head: string; inProgress: string[] } {
  const files: Record<string, string> = {};
  const walk = (rel: string) => {
    for (const name of readdirSync(join(dir, rel)).sort()) {
      if (rel === '' && name === '.git') continue;
      const r = rel ? `${rel}/${name}` : name;
      if (statSync(join(dir, r)).isDirectory()) walk(r);
      else files[r] = createHash('sha256').update(readFileSync(join(dir, r))).digest('hex');
    }
  };
  walk('');
  const gitDir = join(dir, '.git');
  const inProgress = ['MERGE_HEAD', 'rebase-merge', 'rebase-apply', 'CHERRY_PICK_HEAD', 'index.lock'].filter((n) => existsSync(join(gitDir, n)));
  return { files, head: git(dir, ['rev-parse', 'HEAD']).stdout, inProgress };
}

/** The shared branch checked out fresh and validated, and the bare repository's fsck. */
export function checkShared(bare: string, home: string): { validate: Run; fsck: number; status: string } {
  const look = mkdtempSync(join(home, 'look-'));
  git(home, ['clone', '-q', bare, look]);
  const validate = civsam(['--data', look, 'validate']);
  const fsck = git(bare, ['fsck', '--strict', '--no-progress']).code;
  return { validate, fsck, status: git(look, ['status', '--porcelain']).stdout };
}

/** A folder of `files` committed as `start` in a repository of its own, and git run there (as Test), giving its output. */
export function committedFolder(files: Files): { dir: string; git: (...args: string[]) => string } {
  const dir = makeFolder(files);
  const run = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, ...person('Test') } });
  run('init', '-q');
  run('add', '-A');
  run('commit', '-q', '-m', 'start');
  return { dir, git: run };
}
