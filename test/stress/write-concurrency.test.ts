// Concurrency test: two civsam processes change the same record at the same moment, 100 times
// (two folders in parallel, one of them a git repository, 50 races each). No update may be lost:
// every command that succeeded has its change in the final file, every refused one said so on
// stderr and left no trace, and in the repository each successful change is exactly one commit.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { parseStrict } from '../../src/store/yaml-read.js';
import { baseFiles, makeFolder } from '../helpers/folder.js';
import { BIN } from '../helpers/cli.js';

const RACES_PER_LANE = Number(process.env.RACES ?? 50);
const LANES = 2;

const AGREEMENT = [
  '# yaml-language-server: $schema=../../schemas/agreement.schema.json',
  'id: 2026-psyk-001',
  'title: Samtalegrupper',
  'organisations: [alpha]',
  'areas: [psychiatry]',
  'patient_groups: [depression]',
  'municipalities: [aarhus]',
  'start: 2026-01-01',
  'status: active',
  '',
].join('\n');

const ENV = { NO_COLOR: '1', CIVSAM_NO_CACHE: '1', CIVSAM_DEBUG: '1', LANG: 'C.UTF-8', CIVSAM_LANG: 'en', GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 'test@example.org', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 'test@example.org' };

function run(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...ENV }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

interface Tally { races: number; succeeded: number; refused: number; commits: number }

async function lane(n: number, git: boolean): Promise<Tally> {
  const dir = makeFolder({ ...baseFiles(), 'agreements/2026-psyk-001.yaml': AGREEMENT });
  if (git) {
    for (const args of [['init', '-q'], ['add', '-A'], ['commit', '-q', '-m', 'start']]) {
      expect(spawnSync('git', args, { cwd: dir, env: { ...process.env, ...ENV } }).status).toBe(0);
    }
  }
  const file = join(dir, 'agreements', '2026-psyk-001.yaml');
  const tally: Tally = { races: 0, succeeded: 0, refused: 0, commits: 0 };
  const expectedSummaries: string[] = [];
  for (let i = 0; i < RACES_PER_LANE; i++) {
    // Writer a appends an evaluation; writer b appends one too, or changes another field.
    const a = `lane ${n} race ${i} a`;
    const b = `lane ${n} race ${i} b`;
    const bEdits = i % 2 === 1;
    const [ra, rb] = await Promise.all([
      run(['--data', dir, 'agreement', 'evaluate', '2026-psyk-001', '--summary', a, '--date', '2026-06-01']),
      run(['--data', dir, ...(bEdits ? ['agreement', 'edit', '2026-psyk-001', '--notes', b] : ['agreement', 'evaluate', '2026-psyk-001', '--summary', b, '--date', '2026-06-01'])]),
    ]);
    tally.races++;
    const data = parseStrict(readFileSync(file, 'utf8')).data as { evaluations?: Array<{ summary: string }>; notes?: string };
    const summaries = (data.evaluations ?? []).map((e) => e.summary);
    for (const [r, text, isEdit] of [[ra, a, false], [rb, b, bEdits]] as const) {
      if (r.code === 0) {
        tally.succeeded++;
        if (isEdit) expect(data.notes, `race ${i}`).toBe(text);
        else expectedSummaries.push(text);
      } else {
        // A refusal says so, and its change is nowhere.
        tally.refused++;
        expect(r.code, r.stderr).toBe(2);
        expect(r.stderr).toMatch(/error: .*(nothing was written|not written|has not finished)/s);
        if (!isEdit) expect(summaries).not.toContain(text);
      }
    }
    // No lost update: every successful evaluation is there, once, in the order they were made.
    expect([...summaries].sort()).toEqual([...expectedSummaries].sort());
  }
  if (git) {
    const log = spawnSync('git', ['log', '--format=%s'], { cwd: dir, encoding: 'utf8' }).stdout.trim().split('\n');
    tally.commits = log.length - 1;
    expect(tally.commits).toBe(tally.succeeded);
    // Messages name the fields, never their values.
    for (const s of log) {
      // Each part: a field set or changed, or items added to a list ("evalueringer: 1 tilføjet").
      expect(s).toMatch(/^(start|(agreement|aftale) 2026-psyk-001: [\p{Ll} _]+: ((set|changed|sat|ændret)|\d+ (added|tilføjet))(, [\p{Ll} _]+: ((set|changed|sat|ændret)|\d+ (added|tilføjet)))*)$/u);
      expect(s).not.toMatch(/lane|race/);
    }
    expect(spawnSync('git', ['status', '--porcelain'], { cwd: dir, encoding: 'utf8' }).stdout).toBe('');
  }
  return tally;
}

test(`two writers on one record, ${LANES * RACES_PER_LANE} times: no lost update`, async () => {
  const tallies = await Promise.all(Array.from({ length: LANES }, (_, n) => lane(n, n === 0)));
  const races = tallies.reduce((s, t) => s + t.races, 0);
  const succeeded = tallies.reduce((s, t) => s + t.succeeded, 0);
  const refused = tallies.reduce((s, t) => s + t.refused, 0);
  console.log(`concurrency test: ${races} races, ${succeeded} writes succeeded and are all in the file, ${refused} refused with a message, 0 lost; ${tallies[0].commits} commits for ${tallies[0].succeeded} successful writes in the git lane`);
  expect(races).toBe(LANES * RACES_PER_LANE);
  expect(succeeded + refused).toBe(2 * races);
}, 600_000);
