// A named pipe given to import (or --from-file) that nobody writes to: civsam says, after a moment,
// what it waits for and how to stop, rather than wait before a silent terminal. A pipe written to at
// once (as `<(…)` gives) is read without a word.
import { execFileSync, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { BIN, testEnv } from '../helpers/cli.js';
import { baseFiles, makeFolder } from '../helpers/folder.js';

const WAITING = 'Venter på ark.csv: det er en navngiven kanal (en særlig fil, som programmer sender data igennem), som først giver data, når et program skriver til den. Stop med Ctrl-C, og angiv en almindelig fil, hvis det var det, du mente.\n';
const SHEET = 'navn;noter\nAlpha Forening;Ny note\n';

/** Runs `import organisations ark.csv --update --dry-run` on a named pipe; `write` is called with the stderr so far until it writes. */
async function importFromPipe(write: (stderr: string) => boolean) {
  const dir = makeFolder(baseFiles());
  const cwd = makeFolder({});
  const fifo = join(cwd, 'ark.csv');
  execFileSync('mkfifo', [fifo]);
  const child = spawn(process.execPath, [BIN, '--data', dir, 'import', 'organisations', 'ark.csv', '--update', '--dry-run'], { cwd, env: testEnv({ CIVSAM_LANG: 'da' }), stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (b: Buffer) => { stderr += b.toString('utf8'); });
  const ended = new Promise<number | null>((done) => child.on('close', (code) => done(code)));
  const started = Date.now();
  while (!write(stderr) && Date.now() - started < 8_000) await new Promise((r) => setTimeout(r, 20));
  writeFileSync(fifo, SHEET);
  return { code: await ended, stderr };
}

test('a named pipe nobody writes to: after a moment civsam says it waits for it, and reads it once written', async () => {
  const r = await importFromPipe((stderr) => stderr.includes('Venter på'));
  expect(r.code, r.stderr).toBe(0);
  expect(r.stderr.startsWith(WAITING)).toBe(true);
  expect(r.stderr).toContain('Læste ark.csv: 1 række');
}, 20_000);

test('near miss: a pipe written to at once is read without the note', async () => {
  const r = await importFromPipe(() => true);
  expect(r.code, r.stderr).toBe(0);
  expect(r.stderr).not.toContain('Venter på');
  expect(r.stderr).toContain('Læste ark.csv: 1 række');
}, 20_000);
