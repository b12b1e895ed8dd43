// Fault test: `civsam sync` killed with SIGKILL at random moments of its run (fetch, merge,
// validation, push, writing the folder), over and over. After every kill: every data file is
// whole (exactly a version git has), the local commit is not lost (still in the branch's history
// or already on the shared remote), and `civsam doctor` followed by `civsam sync` finishes the
// job, with the folder clean, valid and in step with the remote.
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { BIN } from '../helpers/cli.js';
import { baseFiles, org } from '../helpers/folder.js';
import { seededRandom } from '../helpers/random.js';
import { checkShared, cloneAs, git, person, sharedRegister } from '../helpers/team.js';

const KILLS = 16;

function run(dir: string, name: string, args: string[], killAfterMs?: number): Promise<{ killed: boolean; code: number | null; ms: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const started = Date.now();
    const env = { ...process.env, ...person(name), NO_COLOR: '1', CIVSAM_NO_CACHE: '1', LANG: 'C.UTF-8', CIVSAM_LANG: 'en', CIVSAM_DEBUG: '1' };
    const child = spawn(process.execPath, [BIN, '--data', dir, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let stdout = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    const timer = killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      resolve({ killed: signal === 'SIGKILL', code, ms: Date.now() - started, stdout, stderr });
    });
  });
}

/** Every file of the working tree outside .git whose bytes are not an object git has (a partial file). */
function partialFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const name of readdirSync(join(dir, rel))) {
      if (rel === '' && name === '.git') continue;
      if (name.startsWith('.')) continue; // the lock and temporary files are not data
      const r = rel ? `${rel}/${name}` : name;
      if (statSync(join(dir, r)).isDirectory()) { walk(r); continue; }
      const oid = git(dir, ['hash-object', '--', r]).stdout;
      if (git(dir, ['cat-file', '-e', oid]).code !== 0) out.push(r);
    }
  };
  walk('');
  return out;
}

test('kill -9 during civsam sync never leaves a partial file, a lost commit or a folder civsam cannot recover', async () => {
  const { bare, home } = sharedRegister({ ...baseFiles(), 'organisations/delta.yaml': org('delta', 'Delta Forening') });
  const anna = cloneAs('Anna', bare, home);
  const bo = cloneAs('Bo', bare, home);
  const rand = seededRandom(1414);

  const durations: number[] = [];
  let kills = 0;
  let recovered = 0;
  for (let i = 0; kills < KILLS && i < KILLS * 3; i++) {
    // Something to bring in and something to send, on different records.
    expect((await run(anna.dir, 'Anna', ['org', 'edit', 'alpha', '--notes', `anna ${i}`])).code).toBe(0);
    expect((await run(anna.dir, 'Anna', ['sync'])).code).toBe(0);
    expect((await run(bo.dir, 'Bo', ['org', 'edit', 'delta', '--notes', `bo ${i}`])).code).toBe(0);
    const mine = bo.git(['rev-parse', 'HEAD']).stdout;

    const span = durations.length > 0 ? [...durations].sort((a, b) => a - b)[Math.floor(durations.length / 2)] : 3000;
    const r = await run(bo.dir, 'Bo', ['sync'], durations.length < 2 ? undefined : Math.floor(rand() * span * 1.1));
    if (!r.killed) {
      expect(r.code, r.stderr).toBe(0);
      durations.push(r.ms);
      continue;
    }
    kills++;

    expect(partialFiles(bo.dir)).toEqual([]);
    const inBranch = bo.git(['merge-base', '--is-ancestor', mine, 'HEAD']).code === 0;
    const onRemote = git(bare, ['merge-base', '--is-ancestor', mine, 'main']).code === 0;
    expect(inBranch || onRemote).toBe(true);

    const doctor = await run(bo.dir, 'Bo', ['doctor']);
    expect(doctor.code, doctor.stderr).toBe(0);
    if (/has now been finished/.test(doctor.stdout)) recovered++;
    const again = await run(bo.dir, 'Bo', ['sync']);
    expect(again.code, again.stderr).toBe(0);
    expect(git(bare, ['merge-base', '--is-ancestor', mine, 'main']).code).toBe(0);
    expect(bo.git(['status', '--porcelain']).stdout).toBe('');
    expect((await run(bo.dir, 'Bo', ['validate'])).code).toBe(0);
  }
  expect(kills).toBe(KILLS);
  const shared = checkShared(bare, home);
  expect(shared.validate.code).toBe(0);
  expect(shared.fsck).toBe(0);
  // How often a kill landed while the folder was being written (for the record; not asserted).
  console.log(`sync-kill: ${kills} kills, ${recovered} finished by doctor`);
}, 1_800_000);
