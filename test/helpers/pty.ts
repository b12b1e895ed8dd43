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

/**
 * What the terminal shows after `raw` (80 columns): text placed as the cursor moves, lines erased
 * as a question redraws or clears itself, a line longer than the width continued on the next row
 * as a terminal does. Colours are dropped; trailing spaces and empty rows at the end too.
 */
export function screen(raw: string, width = 80): string {
  const rows: string[][] = [[]];
  let r = 0;
  let c = 0;
  const row = (i: number) => { while (rows.length <= i) rows.push([]); return rows[i]; };
  const chars = Array.from(raw);
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    if (ch === '\x1b') {
      if (chars[i + 1] !== '[') { i++; continue; }
      let j = i + 2;
      let params = '';
      while (j < chars.length && !/[A-Za-z]/.test(chars[j])) params += chars[j++];
      const n = Number(params.replace('?', '')) || 0;
      i = j;
      switch (chars[j]) {
        case 'A': r = Math.max(0, r - (n || 1)); break;
        case 'B': r += n || 1; break;
        case 'C': c += n || 1; break;
        case 'D': c = Math.max(0, c - (n || 1)); break;
        case 'G': c = Math.max(0, (n || 1) - 1); break;
        case 'K': { const line = row(r); if (n === 2) line.length = 0; else if (n === 0) line.length = Math.min(line.length, c); break; }
        case 'J': if (n === 0) { row(r).length = Math.min(row(r).length, c); rows.length = r + 1; } break;
        default: break;
      }
      continue;
    }
    if (ch === '\r') { c = 0; continue; }
    if (ch === '\n') { r++; row(r); continue; }
    if (c >= width) { r++; c = 0; }
    const line = row(r);
    while (line.length < c) line.push(' ');
    line[c++] = ch;
  }
  return rows.map((l) => l.join('').trimEnd()).join('\n').replace(/\n+$/, '');
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
  /** What the terminal shows now (see screen). */
  screen(): string;
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
    screen: () => screen(all),
  };
}
