// Runs civsam as a user would, without colours, and returns what it printed and its exit code.
// `civsam` calls the command line's `main` in this process (fast: no Node start-up per case);
// `civsamBinary` spawns the built binary, for what only a real process shows (--version answered
// before anything loads, exit on a signal, a reader that closes the pipe).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.js';

export const BIN = fileURLToPath(new URL('../../bin/civsam.js', import.meta.url));
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /** Where relative paths start; the repository's root (so `data/` is the sample) unless given. */
  cwd?: string;
  /** Added to (or, with undefined, removed from) the test environment. */
  env?: Record<string, string | undefined>;
  /** What stdin holds; empty unless given. */
  input?: string;
}

/**
 * The environment every run starts from: no colour, no data folder from the shell, and English
 * unless the test asks for Danish (the sample folder and `baseFiles()` say `language: da`, which
 * decides when nothing else does; pass `CIVSAM_LANG: undefined` to let it).
 */
export function testEnv(extra: Record<string, string | undefined> = {}): Record<string, string> {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', CIVSAM_LANG: 'en', LANG: 'C.UTF-8', LC_ALL: undefined, LC_MESSAGES: undefined, FORCE_COLOR: undefined, CIVSAM_DATA: undefined, CIVSAM_NO_CACHE: '1', ...extra };
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  return env as Record<string, string>;
}

/** civsam's `main` run in this process with captured streams, as the binary would run it. */
export async function civsam(args: string[], opts: RunOptions = {}): Promise<Run> {
  const env = testEnv(opts.env);
  let stdout = '';
  let stderr = '';
  // What bin/civsam.js gives main for a pipe: not a terminal, COLUMNS or 80 wide.
  const columns = Number(env.COLUMNS) || 80;
  const streams = {
    stdout: { write: (s: string) => { stdout += s; }, isTTY: false, columns },
    stderr: { write: (s: string) => { stderr += s; }, isTTY: false, columns },
    stdin: Readable.from(opts.input === undefined ? [] : [Buffer.from(opts.input)]),
  };
  // A test that shortens the snapshot's racy window starts each run a coarse clock tick after what
  // it just wrote, as any run a person starts is: within the tick, civsam rightly keeps none of it.
  if (env.CIVSAM_SNAPSHOT_RACY_MS !== undefined && Number(env.CIVSAM_SNAPSHOT_RACY_MS) < 12) await new Promise((done) => setTimeout(done, 12));
  const code = await main(args, env, streams, VERSION, opts.cwd ?? ROOT);
  return { code, stdout, stderr };
}

/** The built binary in its own process (needs `node scripts/build.js` first). */
export function civsamBinary(args: string[], opts: RunOptions = {}): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: opts.cwd ?? ROOT, env: testEnv(opts.env), input: opts.input, encoding: 'utf8' });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/**
 * The lines wider than `width`, but for a line that is one civsam command alone (indented or not):
 * civsam never breaks a command in running text, so that it is copied and pasted whole (a command
 * broken over lines, pasted, runs its first line alone); a terminal wraps such a line for the eye.
 */
export const tooWide = (text: string, width = 80): string[] => text.split('\n').filter((l) => [...l].length > width && !/^\s*[(`»"'“„]?civsam (?:[a-z-]+ )*[a-z-]+(?: \S+)*$/.test(l));
