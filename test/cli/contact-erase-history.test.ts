// After `contact erase`, git's history still holds the contact: civsam names the commits that hold
// it and gives plain git commands to copy into a terminal that take it out of every version of that
// one file, on every branch, locally and in the shared folder. The commands are run here as printed.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { civsam } from '../helpers/cli.js';
import { baseFiles, makeFolder, org } from '../helpers/folder.js';
import { git, person } from '../helpers/team.js';

const PERSONAL = /Jens Ærbødig|jens@example\.dk/;

/** A register in a folder with a space in its name, shared through a bare remote, with a contact added and an unrelated edit after it. */
async function register(remote: boolean) {
  const home = makeFolder({});
  const root = join(home, 'region data');
  const shared = join(home, 'shared.git');
  const files = { ...baseFiles(), 'organisations/skive.yaml': org('skive', 'Angstforeningen Skive') };
  for (const [rel, text] of Object.entries(files)) spawnSync('sh', ['-c', `mkdir -p "$(dirname "$1")" && cat > "$1"`, 'sh', join(root, 'data', rel)], { input: text as string });
  for (const args of [['init', '-q', '-b', 'main'], ['add', '-A'], ['commit', '-q', '-m', 'start']]) expect(git(root, args).code).toBe(0);
  if (remote) {
    expect(git(home, ['init', '-q', '--bare', '-b', 'main', shared]).code).toBe(0);
    expect(git(root, ['remote', 'add', 'origin', shared]).code).toBe(0);
  }
  const dir = join(root, 'data');
  const run = (args: string[], lang: 'da' | 'en' = 'da') => civsam(['--data', dir, ...args], { env: { ...person('Test'), CIVSAM_LANG: lang } });
  expect((await run(['org', 'edit', 'Angstforeningen Skive', '--contact-role', 'formand', '--contact-name', 'Jens Ærbødig', '--contact-email', 'jens@example.dk'])).code).toBe(0);
  const added = git(root, ['log', '-1', '--format=%h']).stdout;
  expect((await run(['org', 'edit', 'Angstforeningen Skive', '--notes', 'Mødes i Skive'])).code).toBe(0);
  const edited = git(root, ['log', '-1', '--format=%h']).stdout;
  if (remote) expect(git(root, ['push', '-q', 'origin', 'main']).code).toBe(0);
  return { home, root, shared, dir, run, added, edited };
}

/** The commands printed, one a line, indented under the message that introduces them. */
const commandsIn = (stderr: string) => stderr.split('\n').filter((l) => l.startsWith('  ')).map((l) => l.slice(2));

describe('contact erase says which commits hold the contact and how to take it out of them', () => {
  test('the commits are named; the printed commands, run as they are, leave no trace of the contact, here or in the shared folder', async () => {
    const r = await register(true);
    const erase = await r.run(['contact', 'erase', 'Angstforeningen Skive']);
    expect(erase.code).toBe(0);
    expect(erase.stderr).not.toMatch(PERSONAL);
    const lines = erase.stderr.split('\n');
    // Each version by the number history gives it and its day; the numbers in git only after, for the IT department.
    // The file's history: 1 start, 2 the contact added, 3 the notes edited, 4 the erasure.
    const day = '\\d+\\. \\S+ \\d{4}';
    expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^Historikken har stadig kontaktpersonen i data/organisations/skive\\.yaml, i 2 registrerede udgaver af filen: udgave 2 fra ${day} og udgave 3 fra ${day}\\. civsam history org skive viser dem med samme numre\\.$`)));
    expect(erase.stderr.split('Historikken har stadig')[1].split('\n')[0]).not.toContain(r.added);
    const history = await r.run(['history', 'org', 'skive']);
    expect(history.stdout).toMatch(/Udgave 2 ·[^\n]*\n[\s\S]*Kontakt/);
    expect(history.stdout).toContain('Udgave 4 ·');
    expect(lines).toContain('Derefter skal alle andre med en kopi af mappen slette den og hente den på ny med civsam clone: en kopi, der synkroniserer først, bringer kontaktpersonen tilbage. Den fælles mappe på serveren beholder de gamle udgaver, indtil IT-afdelingen fjerner dem: giv dem filens sti og numrene herunder.');
    expect(lines).toContain(`De numre, IT-afdelingen skal bruge for at finde udgaverne: udgave 2: ${r.added}, udgave 3: ${r.edited}.`);
    const commands = commandsIn(erase.stderr);
    expect(commands[0]).toBe(`cd '${r.root}'`);
    expect(commands.slice(-2)).toEqual(['git push --force --all', 'git push --force --tags']);
    expect(git(r.root, ['log', '--all', '-p']).stdout).toMatch(PERSONAL);

    const now = readFileSync(join(r.dir, 'organisations/skive.yaml'), 'utf8');
    // Pasted into a shell somewhere else, one line after the other, stopping at the first that fails.
    const shell = spawnSync('sh', ['-e'], { cwd: r.home, input: commands.join('\n') + '\n', encoding: 'utf8', env: { ...process.env, ...person('Test') } });
    expect(shell.status, shell.stderr).toBe(0);
    // Nothing reachable, nothing stored, nothing in the shared folder's branches holds it; the record is as erase left it.
    expect(git(r.root, ['log', '--all', '-p']).stdout).not.toMatch(PERSONAL);
    expect(spawnSync('git', ['cat-file', '--batch-all-objects', '--batch'], { cwd: r.root, encoding: 'latin1' }).stdout).not.toMatch(/jens@example\.dk/);
    expect(git(r.shared, ['log', '--all', '-p']).stdout).not.toMatch(PERSONAL);
    expect(readFileSync(join(r.dir, 'organisations/skive.yaml'), 'utf8')).toBe(now);
    expect(git(r.root, ['status', '--porcelain']).stdout).toBe('');
    // The other records' history is untouched: the same commits, the same number.
    expect(git(r.root, ['rev-list', '--count', 'HEAD']).stdout).toBe('4');
    expect(git(r.root, ['log', '--format=%s', '-1', '--', 'data/organisations/alpha.yaml']).stdout).toBe('start');
  }, 30_000);

  test('without a shared folder: no push, and the copies elsewhere are named; in English too', async () => {
    const r = await register(false);
    const erase = await r.run(['contact', 'erase', 'skive'], 'en');
    expect(erase.code).toBe(0);
    const commands = commandsIn(erase.stderr);
    expect(commands.some((c) => c.includes('push'))).toBe(false);
    expect(erase.stderr).toContain('To remove it from the history as well, copy these commands into a terminal (Git Bash on Windows) while the folder has no other changes waiting.');
    expect(erase.stderr).toContain('Copies of the folder elsewhere (a backup, a colleague\'s copy) still hold it.');
    const shell = spawnSync('sh', ['-e'], { cwd: r.home, input: commands.join('\n') + '\n', encoding: 'utf8' });
    expect(shell.status, shell.stderr).toBe(0);
    expect(git(r.root, ['log', '--all', '-p']).stdout).not.toMatch(PERSONAL);
  }, 30_000);

  test('a contact never committed is not in the history, and that is said instead', async () => {
    const dir = makeFolder({ ...baseFiles(), 'organisations/skive.yaml': org('skive', 'Angstforeningen Skive') });
    for (const args of [['init', '-q'], ['add', '-A'], ['commit', '-q', '-m', 'start']]) expect(git(dir, args).code).toBe(0);
    const env = { ...person('Test'), CIVSAM_LANG: 'da' };
    expect((await civsam(['--data', dir, 'org', 'edit', 'skive', '--contact-name', 'Jens Ærbødig', '--no-commit'], { env })).code).toBe(0);
    const erase = await civsam(['--data', dir, 'contact', 'erase', 'skive'], { env });
    expect(erase.code).toBe(0);
    expect(erase.stderr).toContain('Kontaktpersonen blev aldrig registreret i historikken, så historikken har den ikke.\n');
    expect(commandsIn(erase.stderr)).toEqual([]);
  });
});
