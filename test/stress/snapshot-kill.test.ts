// Fault test: `civsam validate` killed with SIGKILL at random moments of its run, most of them late
// (where it writes the folder snapshot), over and over, with a file changed before each run so the
// snapshot is written every time. After every kill the next run, with the snapshot, prints and
// exits exactly as a run without it: a snapshot cut short or left half-written is never used and
// never refused, only made again. The same for `audit`, killed while it records what it printed
// (context/replay.ts): the next run prints what a run without the snapshot prints.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
// @ts-expect-error: plain JavaScript, no types
import { generateBenchFolder } from '../../scripts/bench-data.js';
import { BIN, civsam } from '../helpers/cli.js';
import { seededRandom } from '../helpers/random.js';

const KILLS = 24;
const made: string[] = [];
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

function run(dir: string, cache: string, killAfterMs?: number, args = ['validate']): Promise<{ killed: boolean; ms: number }> {
  return new Promise((resolve) => {
    const started = Date.now();
    const env = { ...process.env, NO_COLOR: '1', LANG: 'C.UTF-8', CIVSAM_LANG: 'en', CIVSAM_CACHE_DIR: cache, CIVSAM_SNAPSHOT_RACY_MS: '0' };
    delete env.CIVSAM_NO_CACHE;
    const child = spawn(process.execPath, [BIN, ...args, '--data', dir], { env, stdio: 'ignore' });
    const timer = killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('close', (_code, signal) => {
      if (timer) clearTimeout(timer);
      resolve({ killed: signal === 'SIGKILL', ms: Date.now() - started });
    });
  });
}

test('a kill during the snapshot\'s write never makes the next run wrong or refuse', async () => {
  const root = mkdtempSync(join(tmpdir(), 'civsam-snapshot-kill-'));
  made.push(root);
  const dir = join(root, 'data');
  const cache = join(root, 'cache');
  // Large enough (about 850 files) that writing the snapshot takes a while.
  generateBenchFolder(dir, { organisations: 100, offers: 400, agreements: 200, calls: 20, consultations: 20, hearingParties: 100 });
  const random = seededRandom(20261205);
  const { ms: whole } = await run(dir, cache);
  const target = join(dir, 'civsam.yaml');
  const original = readFileSync(target, 'utf8');
  let killed = 0;
  for (let i = 0; i < KILLS; i++) {
    // A change the snapshot must take in (a comment: the same data, other bytes and size).
    writeFileSync(target, `${original}# ${i}\n`);
    const r = await run(dir, cache, Math.round(whole * (0.4 + random() * 0.8)));
    if (r.killed) killed++;
    const args = ['validate', '--format', 'json', '--data', dir];
    const withSnapshot = await civsam(args, { env: { CIVSAM_NO_CACHE: undefined, CIVSAM_CACHE_DIR: cache, CIVSAM_SNAPSHOT_RACY_MS: '0' } });
    expect(withSnapshot).toEqual(await civsam(args));
    expect(withSnapshot.code).toBe(0);
  }
  expect(killed).toBeGreaterThan(0);
});

test('a kill while a report is recorded never makes the next run print anything else', async () => {
  const root = mkdtempSync(join(tmpdir(), 'civsam-recording-kill-'));
  made.push(root);
  const dir = join(root, 'data');
  const cache = join(root, 'cache');
  generateBenchFolder(dir, { organisations: 100, offers: 400, agreements: 200, calls: 20, consultations: 20, hearingParties: 100 });
  const random = seededRandom(20261206);
  const audit = (day: number) => ['audit', '--as-of', `2026-11-${String(day).padStart(2, '0')}`, '--fail-on', 'never', '--format', 'json'];
  await run(dir, cache, undefined, audit(1)); // the snapshot
  const { ms: whole } = await run(dir, cache, undefined, audit(1)); // a run that records, timed
  const target = join(dir, 'civsam.yaml');
  const original = readFileSync(target, 'utf8');
  let killed = 0;
  for (let i = 0; i < KILLS; i++) {
    // Every fourth round a new snapshot (the recordings of the last no longer used); else another
    // date each round, so the killed run is one that records.
    if (i % 4 === 3) writeFileSync(target, `${original}# ${i}\n`);
    const args = audit(2 + (i % 27));
    const r = await run(dir, cache, Math.round(whole * (0.4 + random() * 0.8)), args);
    if (r.killed) killed++;
    const fresh = await civsam([...args, '--data', dir]);
    const env = { CIVSAM_NO_CACHE: undefined, CIVSAM_CACHE_DIR: cache, CIVSAM_SNAPSHOT_RACY_MS: '0' };
    expect(await civsam([...args, '--data', dir], { env })).toEqual(fresh);
    expect(await civsam([...args, '--data', dir], { env })).toEqual(fresh);
  }
  expect(killed).toBeGreaterThan(0);
});
