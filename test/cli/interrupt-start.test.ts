// A Ctrl-C to a change, whenever it comes once civsam's code runs: before, one that came while
// civsam loaded, read the command line or looked names up (a third of a second, or more on a busy
// machine) ended the process with exit 130 and no word. Now every one says what became of the
// folder: stopped before anything was written, or the change finished first.
// (A signal before Node has run the first line of the program can only end it as Node does.)
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { BIN, testEnv } from '../helpers/cli.js';
import { baseFiles, makeFolder } from '../helpers/folder.js';

const STOPPED = 'fejl: stoppet efter dit ønske, før noget blev skrevet; datamappen er som før.\n';
const FINISHED = 'Bedt om at stoppe: ændringen blev gjort færdig først, så alle dens filer er skrevet.\n';

/**
 * Runs `org edit` and sends Ctrl-C `delay` ms after the program's first line has run: a module
 * loaded before it (node --import) says when, on a pipe of its own, so a busy machine's slow start
 * of Node itself does not count.
 */
function editStopped(dir: string, preload: string, delay: number): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', preload, BIN, '--data', dir, 'org', 'edit', 'alpha', '--notes', `Ny note ${delay}`, '--no-commit'], { env: testEnv({ CIVSAM_LANG: 'da' }), stdio: ['ignore', 'pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (b: Buffer) => { stdout += b.toString('utf8'); });
    child.stderr!.on('data', (b: Buffer) => { stderr += b.toString('utf8'); });
    (child.stdio[3] as NodeJS.ReadableStream).once('data', () => setTimeout(() => child.kill('SIGINT'), delay));
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

test('Ctrl-C at any moment of a change says what became of the folder; never exit 130 without a word', async () => {
  const dir = makeFolder(baseFiles());
  const preload = join(makeFolder({}), 'started.mjs');
  // Loaded first, as a tiny module of its own: it says 'started' once the program's first line has
  // run (civsam listens for Ctrl-C from there on), so a busy machine's slow start of Node and of the
  // entry module itself does not count.
  writeFileSync(preload, "import { writeSync } from 'node:fs';\nconst t = setInterval(() => { if (process.listenerCount('SIGINT') > 0) { clearInterval(t); writeSync(3, 'started'); } }, 1);\nt.unref();\n");
  const file = join(dir, 'organisations/alpha.yaml');
  const seen = new Set<string>();
  for (const delay of [20, 60, 120, 200, 300, 450]) {
    const before = readFileSync(file, 'utf8');
    const r = await editStopped(dir, preload, delay);
    const after = readFileSync(file, 'utf8');
    const at = `Ctrl-C ${delay} ms after start`;
    // Never ended by the signal itself (which is Node's default: no word at all), but in the last
    // moments of a finished run: once its last words are said and the process ends, Node takes its
    // handlers down, and a Ctrl-C then ends it as Node does (seen on a busy machine, about one
    // run in fifty with a Ctrl-C landing after the run). The change is whole and said by then.
    if (r.signal !== null) {
      expect({ signal: r.signal, changed: after !== before, stderr: r.stderr }, at).toEqual({ signal: 'SIGINT', changed: true, stderr: `Gemte ${file}.\n` });
      continue;
    }
    if (after === before) {
      seen.add('stopped');
      expect({ code: r.code, stderr: r.stderr }, at).toEqual({ code: 130, stderr: STOPPED });
    } else if (r.code === 130) {
      expect(r.stderr, at).toBe(`Gemte ${file}.\n${FINISHED}`);
    } else {
      // Done before the Ctrl-C came.
      expect({ code: r.code, stderr: r.stderr }, at).toEqual({ code: 0, stderr: `Gemte ${file}.\n` });
    }
  }
  // The first moments (civsam loading) were among them.
  expect(seen).toContain('stopped');
}, 60_000);
