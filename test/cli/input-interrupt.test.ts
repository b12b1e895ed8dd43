// A Ctrl-C (or SIGTERM) while `--from-file` waits for a pipe's writer: a named pipe nobody writes
// to, or standard input typed by mistake. The wait used to be out of a stop's reach (the open of a
// named pipe blocked until a writer came, and a request was only noted), so civsam ran on until the
// input ended and then said something else. Now the wait hears it: stopped with nothing written,
// said so, exit 130 (143 for SIGTERM).
import { execFileSync, spawn } from 'node:child_process';
import { readdirSync, readlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { BIN, testEnv } from '../helpers/cli.js';
import { baseFiles, makeFolder } from '../helpers/folder.js';

interface Ended { code: number | null; signal: NodeJS.Signals | null; stderr: string; released: boolean }

/** Whether process `pid` holds `path` open (Linux's /proc); false where that cannot be seen. */
function holdsOpen(pid: number, path: string): boolean {
  try {
    return readdirSync(`/proc/${pid}/fd`).some((fd) => {
      try { return readlinkSync(`/proc/${pid}/fd/${fd}`) === path; } catch { return false; }
    });
  } catch {
    return false;
  }
}

/**
 * Runs `org add --from-file INPUT` and sends `signal` once civsam waits for its input (it holds the
 * named pipe open; for standard input, after a while). Should civsam not end within 5 seconds, the
 * input is ended (`release`) so the test ends, and `released` says so.
 */
async function stopWhileWaiting(dir: string, input: string, signal: NodeJS.Signals, waiting: (pid: number) => boolean, release: (child: ReturnType<typeof spawn>) => void): Promise<Ended> {
  const child = spawn(process.execPath, [BIN, '--data', dir, 'org', 'add', '--from-file', input], { env: testEnv({ CIVSAM_LANG: 'da' }), stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (b: Buffer) => { stderr += b.toString('utf8'); });
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => child.on('close', (code, sig) => done({ code, signal: sig })));
  const started = Date.now();
  while (!waiting(child.pid!) && Date.now() - started < 3_000) await new Promise((r) => setTimeout(r, 20));
  child.kill(signal);
  let released = false;
  const timer = setTimeout(() => { released = true; release(child); }, 5_000);
  const r = await ended;
  clearTimeout(timer);
  return { ...r, stderr, released };
}

const STOPPED = 'fejl: stoppet efter dit ønske, før noget blev skrevet; datamappen er som før.\n';

test('Ctrl-C while --from-file waits for a named pipe\'s writer: stopped at once, said, exit 130, nothing written', async () => {
  const dir = makeFolder(baseFiles());
  const fifo = join(makeFolder({}), 'ny.fifo');
  execFileSync('mkfifo', [fifo]);
  const before = readdirSync(join(dir, 'organisations'));
  const r = await stopWhileWaiting(dir, fifo, 'SIGINT', (pid) => holdsOpen(pid, fifo), () => writeFileSync(fifo, ''));
  expect(r).toEqual({ code: 130, signal: null, stderr: STOPPED, released: false });
  expect(readdirSync(join(dir, 'organisations'))).toEqual(before);
}, 20_000);

test('SIGTERM while --from-file waits for a named pipe\'s writer: stopped at once, exit 143', async () => {
  const dir = makeFolder(baseFiles());
  const fifo = join(makeFolder({}), 'ny.fifo');
  execFileSync('mkfifo', [fifo]);
  const r = await stopWhileWaiting(dir, fifo, 'SIGTERM', (pid) => holdsOpen(pid, fifo), () => writeFileSync(fifo, ''));
  expect(r).toEqual({ code: 143, signal: null, stderr: STOPPED, released: false });
}, 20_000);

test('Ctrl-C while --from-file - waits for standard input that never comes: stopped at once, said, exit 130', async () => {
  const dir = makeFolder(baseFiles());
  const start = Date.now();
  // Standard input stays open and empty; civsam is reading it well before 1.5 seconds have passed.
  const r = await stopWhileWaiting(dir, '-', 'SIGINT', () => Date.now() - start > 1_500, (child) => child.stdin!.end());
  expect(r).toEqual({ code: 130, signal: null, stderr: STOPPED, released: false });
}, 20_000);
