// A Ctrl-C to `civsam sync` at any moment once civsam's code runs: before, one that came while
// civsam loaded, read the command line or looked in the history (before sync itself listened)
// ended the process with exit 130 and no word. Now every one says what became of the folder:
// stopped before anything was sent or brought in, stopped part-way (said how far), or the sync
// done first. The Ctrl-C goes to the whole process group, as a terminal sends it (git too).
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { BIN, testEnv } from '../helpers/cli.js';
import { makeFolder } from '../helpers/folder.js';
import { cloneAs, person, sharedRegister } from '../helpers/team.js';

const STOPPED = 'fejl: stoppet efter dit ønske, før noget blev sendt eller hentet ind i din mappe; din mappe er som før. Kør civsam sync igen, når du er klar.\n';
/** Every sentence a stopped sync ends with: how far it got, or that it was done first. */
const LAST_WORDS = [
  STOPPED,
  'fejl: stoppet efter dit ønske, mens kollegernes ændringer blev hentet ind i din mappe; intet af dit er sendt. Kør civsam sync (eller civsam doctor) for at gøre det færdigt.\n',
  'fejl: stoppet efter dit ønske: dine ændringer er sendt til det fælles arkiv, men din mappe er ikke opdateret med resultatet. Kør civsam sync for at gøre det færdigt.\n',
  'Bedt om at stoppe: dine ændringer var allerede sendt, så synkroniseringen blev gjort færdig først; din mappe og det fælles arkiv er i takt.\n',
  'Bedt om at stoppe: kollegernes ændringer var allerede ved at blive hentet, så det blev gjort færdigt først; din mappe og det fælles arkiv er i takt.\n',
  'Bedt om at stoppe: synkroniseringen var allerede færdig, så din mappe er, som der står ovenfor.\n',
];

/** Runs `sync` in `dir` and sends Ctrl-C to its process group `delay` ms after the program's first line has run (a preloaded module says when). */
function syncStopped(dir: string, preload: string, delay: number): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', preload, BIN, '--data', dir, 'sync'], { env: testEnv({ CIVSAM_LANG: 'da', COLUMNS: '200', ...person('Anna') }), stdio: ['ignore', 'pipe', 'pipe', 'pipe'], detached: true });
    let stderr = '';
    child.stdout!.resume();
    child.stderr!.on('data', (b: Buffer) => { stderr += b.toString('utf8'); });
    (child.stdio[3] as NodeJS.ReadableStream).once('data', () => setTimeout(() => { try { process.kill(-child.pid!, 'SIGINT'); } catch { /* already ended */ } }, delay));
    child.on('close', (code, signal) => resolve({ code, signal, stderr }));
  });
}

test('Ctrl-C at any moment of a sync says what became of the folder; never exit 130 without a word', async () => {
  const { bare, home } = sharedRegister();
  const anna = cloneAs('Anna', bare, home);
  const preload = join(makeFolder({}), 'started.mjs');
  writeFileSync(preload, "import { writeSync } from 'node:fs';\nconst t = setInterval(() => { if (process.listenerCount('SIGINT') > 0) { clearInterval(t); writeSync(3, 'started'); } }, 1);\nt.unref();\n");
  const seen = new Set<string>();
  for (const delay of [0, 30, 80, 150, 250, 400, 500, 600, 900]) {
    // Something of Anna's to send each time, so the sync has every step to go through.
    expect(anna.civsam(['org', 'edit', 'alpha', '--notes', `Note ${delay}`]).code).toBe(0);
    const head = anna.git(['rev-parse', 'HEAD']).stdout;
    const r = await syncStopped(anna.dir, preload, delay);
    const at = `Ctrl-C ${delay} ms after start: ${JSON.stringify(r)}`;
    // Node's default (no word) only once the run's last words are said and Node has taken its handlers down.
    if (r.signal !== null) {
      expect(r.stderr, at).toMatch(/i takt|Sendt|sendt/);
      continue;
    }
    if (r.code === 0) {
      seen.add('done');
      continue;
    }
    expect(r.code, at).toBe(130);
    const last = LAST_WORDS.find((w) => r.stderr.endsWith(w));
    expect(last, at).toBeDefined();
    if (last === STOPPED) {
      seen.add('stopped');
      // Nothing was sent: the shared remote does not have Anna's change.
      expect(anna.git(['ls-remote', bare, 'main']).stdout.split('\t')[0], at).not.toBe(head);
    }
    // Anything left over is sent by the next sync, so each run starts from the same place.
    expect(anna.civsam(['sync']).code, at).toBe(0);
  }
  // The first moments (civsam loading, before sync listens) were among them.
  expect(seen).toContain('stopped');
}, 120_000);
