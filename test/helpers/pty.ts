// civsam on a pseudo-terminal, as a person at a keyboard meets it: the built binary, standard input
// and output a terminal 80 columns wide, keys typed when the expected question has appeared.
import { createRequire } from 'node:module';
import { BIN, ROOT, testEnv } from './cli.js';

type Pty = { onData(cb: (d: string) => void): void; onExit(cb: (e: { exitCode: number }) => void): void; write(s: string): void; kill(): void };
const require = createRequire(import.meta.url);

/** How long the output must be still before keys are typed. */
const SETTLE_MS = 100;

/** Keys as a terminal sends them. */
export const KEY = { enter: '\r', down: '\x1b[B', up: '\x1b[A', space: ' ', backspace: '\x7f', ctrlC: '\x03' } as const;

/** Terminal output without colours and cursor movements, for matching text. */
export function plain(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').replace(/\r/g, '');
}

export interface TerminalRun {
  /** Waits until `text` appears after what the last wait matched, then returns all output so far. */
  waitFor(text: string | RegExp, timeoutMs?: number): Promise<string>;
  type(keys: string): void;
  /** Waits for the process to end. */
  exit(timeoutMs?: number): Promise<{ code: number; output: string }>;
  output(): string;
  /** Everything written, escape codes and all. */
  raw(): string;
}

export function onTerminal(args: string[], opts: { cwd?: string; env?: Record<string, string | undefined> } = {}): TerminalRun {
  const pty = require('node-pty') as { spawn(file: string, args: string[], o: object): Pty };
  const p = pty.spawn(process.execPath, [BIN, ...args], { cols: 80, rows: 40, cwd: opts.cwd ?? ROOT, env: testEnv(opts.env) });
  let all = '';
  let seen = 0;
  let exited: { code: number } | undefined;
  const waiters = new Set<() => void>();
  const wake = () => { for (const w of [...waiters]) w(); };
  p.onData((d) => { all += d; wake(); });
  p.onExit((e) => { exited = { code: e.exitCode }; wake(); });
  const until = (ok: () => boolean, timeoutMs: number, what: string) => new Promise<void>((resolve, reject) => {
    const check = () => {
      if (ok()) { waiters.delete(check); clearTimeout(timer); resolve(); }
      else if (exited) { waiters.delete(check); clearTimeout(timer); reject(new Error(`civsam ended (exit ${exited.code}) before ${what}; it wrote:\n${plain(all)}`)); }
    };
    const timer = setTimeout(() => { waiters.delete(check); reject(new Error(`no ${what} within ${timeoutMs} ms; civsam wrote:\n${plain(all)}`)); }, timeoutMs);
    waiters.add(check);
    check();
  });
  return {
    async waitFor(text, timeoutMs = 15_000) {
      // Matched in the plain text after the previous match, which then moves past this one (two
      // questions may arrive in one piece of output).
      let end = -1;
      const found = () => {
        const rest = plain(all).slice(seen);
        if (typeof text === 'string') {
          const at = rest.indexOf(text);
          end = at < 0 ? -1 : at + text.length;
        } else {
          const m = text.exec(rest);
          end = m ? m.index + m[0].length : -1;
        }
        return end >= 0;
      };
      await until(found, timeoutMs, `"${String(text)}"`);
      seen += end;
      // Keys typed while one question closes and the next opens can be read by the closing one:
      // wait until the screen has been still for a moment, as a person would.
      for (let length = -1; length !== all.length && !exited;) {
        length = all.length;
        await new Promise((r) => setTimeout(r, SETTLE_MS));
      }
      return plain(all);
    },
    type(keys) { p.write(keys); },
    async exit(timeoutMs = 15_000) {
      await until(() => exited !== undefined, timeoutMs, 'exit');
      return { code: exited!.code, output: plain(all) };
    },
    output: () => plain(all),
    raw: () => all,
  };
}
