// Fault test: `civsam org edit` killed with SIGKILL at random moments, 200 times (four folders in
// parallel, 50 kills each). After every kill the record file must be exactly the old file or
// exactly the new one, and the folder must validate; the next command takes over the dead
// process's lock; at the end `civsam doctor` removes every temporary file left behind.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { readFolder } from '../../src/store/load-folder.js';
import { parseStrict } from '../../src/store/yaml-read.js';
import { editText } from '../../src/store/yaml-write.js';
import { schemaRank } from '../../src/store/write-record.js';
import { checkFolder } from '../../src/validate/check-folder.js';
import { baseFiles, makeFolder } from '../helpers/folder.js';
import { BIN, civsamBinary as civsam } from '../helpers/cli.js';
import { seededRandom } from '../helpers/random.js';

const LANES = 4;
const KILLS_PER_LANE = 50;

const RECORD = [
  '# yaml-language-server: $schema=../../schemas/organisation.schema.json',
  '# Håndskrevet: kommentarerne skal overleve.',
  'id: beta',
  'name: Beta Forening   # stavet som på deres brevpapir',
  'kind: patient-association',
  'areas: [psychiatry]',
  'patient_groups:',
  '  - depression',
  'municipalities: [aarhus, randers]',
  'status: active',
  'notes: start',
  '',
].join('\n');

// CIVSAM_DEBUG: a crash shows its stack in the assertion message.
const ENV = { NO_COLOR: '1', CIVSAM_NO_CACHE: '1', LANG: 'C.UTF-8', CIVSAM_LANG: 'en', CIVSAM_DEBUG: '1' };


function run(args: string[], killAfterMs?: number): Promise<{ killed: boolean; code: number | null; ms: number; stderr: string }> {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...ENV }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => { stderr += d; });
    const timer = killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      resolve({ killed: signal === 'SIGKILL', code, ms: Date.now() - started, stderr });
    });
  });
}

interface Tally { kills: number; old: number; new: number; completed: number; tempLeft: number }

async function lane(n: number): Promise<Tally> {
  const dir = makeFolder({ ...baseFiles(), 'organisations/beta.yaml': RECORD });
  const file = join(dir, 'organisations', 'beta.yaml');
  const rank = schemaRank('organisation');
  const rand = seededRandom(1000 + n);
  const tally: Tally = { kills: 0, old: 0, new: 0, completed: 0, tempLeft: 0 };

  // How long an edit takes here, so kills land across its whole run, writes included.
  const durations: number[] = [];
  for (let i = 0; i < 3; i++) durations.push((await run(['--data', dir, 'org', 'edit', 'beta', '--notes', `calibrate ${i}`])).ms);
  // The median of the last few completed runs: the machine's speed changes while the test runs.
  const span = () => [...durations.slice(-5)].sort((a, b) => a - b)[Math.floor(Math.min(durations.length, 5) / 2)];

  // Until this lane has killed KILLS_PER_LANE edits (a run that finishes first counts as completed).
  for (let i = 0; tally.kills < KILLS_PER_LANE && i < KILLS_PER_LANE * 4; i++) {
    const oldText = readFileSync(file, 'utf8');
    const oldData = parseStrict(oldText).data as Record<string, unknown>;
    // Every third value is multi-line with leading spaces: the block-scalar path is exercised too.
    const value = i % 3 === 2 ? `  lane ${n}\n\nkill ${i}\n` : `lane ${n} kill ${i}`;
    const newData = { ...oldData, notes: value };
    const newText = editText(oldText, oldData, newData, rank)!;
    // A third of the kills anywhere in the run, the rest late in it, where the write happens.
    const at = i % 3 === 0 ? rand() * span() : span() * (0.5 + 0.5 * rand());
    const result = await run(['--data', dir, 'org', 'edit', 'beta', '--notes', value], Math.floor(at));
    if (result.killed) tally.kills++;
    else {
      expect(result.code, result.stderr).toBe(0);
      tally.completed++;
      durations.push(result.ms);
    }
    const now = readFileSync(file, 'utf8');
    if (now === oldText) tally.old++;
    else if (now === newText) tally.new++;
    else expect.fail(`lane ${n}, run ${i}: the file is neither the old nor the new text:\n${now}`);
    if (!result.killed) expect(now).toBe(newText);
    const { problems } = checkFolder(readFolder(dir));
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  }
  tally.tempLeft = readdirSync(join(dir, 'organisations')).filter((f) => f.endsWith('.tmp')).length
    + readdirSync(dir).filter((f) => f.endsWith('.tmp')).length;
  const doctor = civsam(['--data', dir, 'doctor'], { env: ENV });
  expect(doctor.code).toBe(0);
  expect(readdirSync(join(dir, 'organisations')).filter((f) => f.startsWith('.'))).toEqual([]);
  expect(readdirSync(dir).filter((f) => f.startsWith('.civsam'))).toEqual([]);
  return tally;
}

test(`SIGKILL during org edit, ${LANES * KILLS_PER_LANE} times: every file is the old or the new one`, async () => {
  const tallies = await Promise.all(Array.from({ length: LANES }, (_, n) => lane(n)));
  const total = tallies.reduce((t, x) => ({ kills: t.kills + x.kills, old: t.old + x.old, new: t.new + x.new, completed: t.completed + x.completed, tempLeft: t.tempLeft + x.tempLeft }));
  // The figures for the closing note (how the kills fell varies from run to run).
  console.log(`fault test: ${total.kills + total.completed} runs, ${total.kills} killed, ${total.completed} completed; files afterwards: ${total.old} old, ${total.new} new, 0 other; temporary files left then removed by doctor: ${total.tempLeft}`);
  expect(total.kills).toBeGreaterThanOrEqual(LANES * KILLS_PER_LANE);
  expect(total.old + total.new).toBe(total.kills + total.completed);
}, 600_000);
