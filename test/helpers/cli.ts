// Runs the built civsam binary as a user would, without colours, and returns what it printed.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../../bin/civsam.js', import.meta.url));
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export function civsam(args: string[], opts: { cwd?: string; env?: Record<string, string | undefined>; input?: string } = {}): Run {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', CIVSAM_LANG: undefined, LANG: 'C.UTF-8', LC_ALL: undefined, LC_MESSAGES: undefined, FORCE_COLOR: undefined, CIVSAM_DATA: undefined, CIVSAM_NO_CACHE: '1', ...opts.env };
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: opts.cwd ?? ROOT, env: env as NodeJS.ProcessEnv, input: opts.input, encoding: 'utf8' });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
