// Golden outputs: each folder under test/golden/ is one invocation of civsam and what it printed.
//   data          the data folder: a small folder, or a file naming a shared one in _fixtures/
//   args          the command line (without --data), after any NAME=value lines for the environment
//   expected.txt  the invocation, the exit code, stdout and stderr, exactly
// Each case runs in this process on a private copy of its data folder (so paths print as
// `data/…` and nothing a command writes can touch the fixture), with today fixed at 2026-06-01.
// `UPDATE_GOLDEN=1 npm test` (or `UPDATE_GOLDEN=1 npx vitest run test/golden`) rewrites every
// expected.txt from what civsam prints now, so a changed output is one diff to review.
import { chmodSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { civsam } from '../helpers/cli.js';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const FIXTURES = join(HERE, '_fixtures');
const TODAY = new Date(2026, 5, 1, 12, 0, 0);
const UPDATE = Boolean(process.env.UPDATE_GOLDEN);

const cases = readdirSync(HERE).filter((name) => !name.startsWith('_') && statSync(join(HERE, name)).isDirectory()).sort();

/** Splits a command line into words: spaces separate, '…' and "…" quote. */
function words(line: string): string[] {
  const out: string[] = [];
  const re = /"([^"]*)"|'([^']*)'|(\S+)/g;
  for (let m = re.exec(line); m; m = re.exec(line)) out.push(m[1] ?? m[2] ?? m[3]);
  return out;
}

interface Case {
  env: Record<string, string>;
  args: string[];
}

function readCase(dir: string): Case {
  const env: Record<string, string> = {};
  let args: string[] | undefined;
  for (const line of readFileSync(join(dir, 'args'), 'utf8').split('\n')) {
    const text = line.trim();
    if (!text || text.startsWith('#')) continue;
    const assignment = /^([A-Z_][A-Z0-9_]*)=(.*)$/.exec(text);
    if (assignment && args === undefined) env[assignment[1]] = assignment[2];
    else if (args === undefined) args = words(text);
    else throw new Error(`${dir}/args: one invocation per case`);
  }
  if (!args) throw new Error(`${dir}/args: no command line`);
  return { env, args };
}

/** The case's data folder: its own `data/`, or the shared fixture its `data` file names. */
function dataOf(dir: string): string {
  const path = join(dir, 'data');
  if (statSync(path).isDirectory()) return path;
  return join(FIXTURES, readFileSync(path, 'utf8').trim());
}

/** Fixed permissions on the copy, so what doctor says about them does not depend on the checkout. */
function tighten(path: string): void {
  const st = statSync(path);
  chmodSync(path, st.isDirectory() ? 0o700 : 0o600);
  if (st.isDirectory()) for (const name of readdirSync(path)) tighten(join(path, name));
}

function render(c: Case, r: { code: number; stdout: string; stderr: string }): string {
  const shown = (text: string) => (text === '' || text.endsWith('\n') ? text : `${text}\n(no newline at the end)\n`);
  const env = Object.entries(c.env).map(([k, v]) => `${k}=${v} `).join('');
  const args = c.args.map((a) => (/[\s'"]/.test(a) || a === '' ? `'${a}'` : a)).join(' ');
  return `$ ${env}civsam --data data ${args}\nexit ${r.code}\n--- stdout\n${shown(r.stdout)}--- stderr\n${shown(r.stderr)}`;
}

const work: string[] = [];
afterAll(() => {
  for (const d of work) rmSync(d, { recursive: true, force: true });
});

describe('golden outputs', () => {
  beforeEach(() => {
    // Only the clock: timers stay real, so streams and file writes behave as usual.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(TODAY);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('has cases', async () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  for (const name of cases) {
    it(name, async () => {
      const dir = join(HERE, name);
      const c = readCase(dir);
      const root = mkdtempSync(join(tmpdir(), 'civsam-golden-'));
      work.push(root);
      cpSync(dataOf(dir), join(root, 'data'), { recursive: true });
      tighten(join(root, 'data'));
      const r = await civsam(['--data', 'data', ...c.args], { cwd: root, env: c.env });
      const actual = render(c, r);
      const file = join(dir, 'expected.txt');
      if (UPDATE) {
        writeFileSync(file, actual);
        return;
      }
      if (!existsSync(file)) throw new Error(`${name} has no expected.txt yet: run UPDATE_GOLDEN=1 npx vitest run test/golden and review it`);
      expect(actual).toBe(readFileSync(file, 'utf8'));
    });
  }
});
