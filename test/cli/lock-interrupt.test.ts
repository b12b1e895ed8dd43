// A Ctrl-C while a change takes the folder's lock. Taking it writes a temporary file beside the
// lock and links it into place; Node's default (die at once) could leave that file, and the
// change ended with no word. Now the request is heard from before the lock is taken: the change
// stops with nothing written, says so, exits 130, and leaves neither the lock nor a temporary file.
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync, unlinkSync, watch, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { BIN, testEnv } from '../helpers/cli.js';
import { baseFiles, makeFolder } from '../helpers/folder.js';
import { cloneAs, person, sharedRegister } from '../helpers/team.js';

/** Runs civsam with `args`, sends Ctrl-C once it writes its first temporary lock file beside the lock the test holds, then lets it have the lock. */
async function ctrlCWhileTakingLock(dir: string, args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  writeFileSync(join(dir, '.civsam.lock'), JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString(), token: 'test' }) + '\n');
  const child = spawn(process.execPath, [BIN, '--data', dir, ...args], { env: testEnv({ CIVSAM_LANG: 'da', ...env }) });
  let stderr = '';
  child.stderr.on('data', (b: Buffer) => { stderr += b.toString('utf8'); });
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => child.on('close', (code, signal) => done({ code, signal })));
  await new Promise<void>((done) => {
    const watcher = watch(dir, (_event, name) => {
      if (!name?.startsWith(`.civsam.lock.${child.pid}.`)) return;
      watcher.close();
      child.kill('SIGINT');
      setTimeout(() => { unlinkSync(join(dir, '.civsam.lock')); done(); }, 50);
    });
  });
  return { ...(await ended), stderr };
}

test('Ctrl-C while the change is taking the lock: stopped, said, exit 130, no lock or temporary file left', async () => {
  const dir = makeFolder(baseFiles());
  const before = readdirSync(dir).sort();
  // The lock is held by this test (a live process): the change tries to take it, again and again.
  writeFileSync(join(dir, '.civsam.lock'), JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString(), token: 'test' }) + '\n');
  const child = spawn(process.execPath, [BIN, '--data', dir, 'org', 'edit', 'alpha', '--notes', 'Ny note', '--no-commit'], { env: testEnv({ CIVSAM_LANG: 'da' }) });
  let stderr = '';
  child.stderr.on('data', (b: Buffer) => { stderr += b.toString('utf8'); });
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => child.on('close', (code, signal) => done({ code, signal })));
  // The change's first temporary lock file shows it is taking the lock: Ctrl-C then, and let it have the lock.
  await new Promise<void>((done) => {
    const watcher = watch(dir, (_event, name) => {
      if (!name?.startsWith(`.civsam.lock.${child.pid}.`)) return;
      watcher.close();
      child.kill('SIGINT');
      setTimeout(() => { unlinkSync(join(dir, '.civsam.lock')); done(); }, 50);
    });
  });
  const r = await ended;
  expect({ ...r, stderr }).toEqual({ code: 130, signal: null, stderr: 'fejl: stoppet efter dit ønske, før noget blev skrevet; datamappen er som før.\n' });
  expect(readdirSync(dir).sort()).toEqual(before);
}, 20_000);

test('Ctrl-C while sync is taking the lock: stopped before anything was sent, said, exit 130, no lock or temporary file left', async () => {
  const { bare, home } = sharedRegister();
  const anna = cloneAs('Anna', bare, home);
  expect(anna.civsam(['org', 'edit', 'alpha', '--notes', 'Anna']).code).toBe(0);
  const head = anna.git(['rev-parse', 'HEAD']).stdout;
  const before = readdirSync(anna.dir).sort();
  const r = await ctrlCWhileTakingLock(anna.dir, ['sync'], person('Anna'));
  expect(r).toEqual({ code: 130, signal: null, stderr: expect.stringContaining('stoppet efter dit ønske, før noget blev sendt') });
  expect(readdirSync(anna.dir).sort()).toEqual(before);
  expect(anna.git(['rev-parse', 'HEAD']).stdout).toBe(head);
  expect(anna.git(['ls-remote', bare, 'main']).stdout.split('\t')[0]).not.toBe(head.trim());
}, 20_000);

/**
 * Holds the folder's lock as a live process (this test), runs civsam with `args`, and sends Ctrl-C as
 * soon as it says it waits (the moment a wait that could not hear it swallowed it, and waited on to
 * its end). Returns how it ended and the lock file the test held.
 */
async function ctrlCWhileWaiting(dir: string, args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string; lock: string }> {
  const lock = JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString(), token: 'test' }) + '\n';
  writeFileSync(join(dir, '.civsam.lock'), lock);
  const child = spawn(process.execPath, [BIN, '--data', dir, ...args], { env: testEnv({ CIVSAM_LANG: 'da', ...env }) });
  let stderr = '';
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => child.on('close', (code, signal) => done({ code, signal })));
  child.stderr.on('data', (b: Buffer) => {
    const had = stderr;
    stderr += b.toString('utf8');
    if (!had.includes('Venter') && stderr.includes('Venter')) child.kill('SIGINT');
  });
  return { ...(await ended), stderr, lock };
}

test('Ctrl-C while waiting for another writer: the wait hears it, stops with nothing written, says so, exit 130, the other writer\'s lock untouched', async () => {
  const dir = makeFolder(baseFiles());
  const before = [...readdirSync(dir), '.civsam.lock'].sort();
  const { lock, ...r } = await ctrlCWhileWaiting(dir, ['org', 'edit', 'alpha', '--notes', 'Ny note', '--no-commit']);
  expect(r).toEqual({
    code: 130,
    signal: null,
    stderr: expect.stringMatching(/^Venter på, at en anden ændring af datamappen bliver færdig \(højst omkring \d+ sekunder mere\) … Ctrl-C holder op med at vente; intet er ændret endnu\.\nfejl: stoppet efter dit ønske, før noget blev skrevet; datamappen er som før\.\n$/),
  });
  expect(readdirSync(dir).sort()).toEqual(before);
  expect(readFileSync(join(dir, '.civsam.lock'), 'utf8')).toBe(lock);
  expect(readFileSync(join(dir, 'organisations', 'alpha.yaml'), 'utf8')).not.toContain('Ny note');
}, 20_000);

test('Ctrl-C while sync waits for another writer: stopped before anything was sent, in sync\'s own words, exit 130', async () => {
  const { bare, home } = sharedRegister();
  const dir = cloneAs('Anna', bare, home).dir;
  const { lock, stderr, ...r } = await ctrlCWhileWaiting(dir, ['sync'], person('Anna'));
  expect(r).toEqual({ code: 130, signal: null });
  expect(stderr).toMatch(/\nfejl: stoppet efter dit ønske, før noget blev sendt eller hentet ind i din mappe; din mappe er som før\. Kør civsam sync igen, når du er klar\.\n$/);
  expect(readFileSync(join(dir, '.civsam.lock'), 'utf8')).toBe(lock);
}, 20_000);
