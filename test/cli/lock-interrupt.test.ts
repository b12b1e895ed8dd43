// A Ctrl-C while a change takes the folder's lock. Taking it writes a temporary file beside the
// lock and links it into place; Node's default (die at once) could leave that file, and the
// change ended with no word. Now the request is heard from before the lock is taken: the change
// stops with nothing written, says so, exits 130, and leaves neither the lock nor a temporary file.
import { spawn } from 'node:child_process';
import { readdirSync, unlinkSync, watch, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { BIN, testEnv } from '../helpers/cli.js';
import { baseFiles, makeFolder } from '../helpers/folder.js';

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
