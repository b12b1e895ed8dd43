// A line diff of a file's old and new text, for --dry-run: what would change, in the usual
// `-`/`+` form with two lines of context. Record files are small; the LCS table is bounded.
import type { ChalkInstance } from 'chalk';
import { terminalSafe } from '../i18n/terminal-text.js';

const CONTEXT = 2;

function lcsOps(a: string[], b: string[]): Array<[' ' | '-' | '+', string]> {
  const n = a.length;
  const m = b.length;
  if (n * m > 4_000_000) return [...a.map((l) => ['-', l] as ['-', string]), ...b.map((l) => ['+', l] as ['+', string])];
  const t: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) t[i][j] = a[i] === b[j] ? t[i + 1][j + 1] + 1 : Math.max(t[i + 1][j], t[i][j + 1]);
  const ops: Array<[' ' | '-' | '+', string]> = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) { ops.push([' ', a[i]]); i++; j++; } else if (t[i + 1][j] >= t[i][j + 1]) ops.push(['-', a[i++]]); else ops.push(['+', b[j++]]);
  }
  while (i < n) ops.push(['-', a[i++]]);
  while (j < m) ops.push(['+', b[j++]]);
  return ops;
}

/**
 * Lines whose values are left out of the diff (personal data, register/personal-lines.ts): per
 * side, each such line and the column its value begins at, and the words said in its place.
 */
export interface HiddenValues {
  before: ReadonlyMap<number, number>;
  after: ReadonlyMap<number, number>;
  words: string;
}

export function lineDiff(name: string, before: string, after: string, color: ChalkInstance, hidden?: HiddenValues): string {
  // A file with Windows line endings is shown by its lines, not with a carriage return at the end of each.
  const split = (s: string) => (s === '' ? [] : s.replace(/\r?\n$/, '').split(/\r?\n/));
  const ops = lcsOps(split(before), split(after));
  const show = ops.map(([op], k) => op !== ' ' || ops.slice(Math.max(0, k - CONTEXT), k + CONTEXT + 1).some(([o]) => o !== ' '));
  // The file's name and lines are the user's text: shown through the terminal sanitiser (a bidirectional override is valid YAML).
  const shown = terminalSafe(name, { lineBreaks: 'space' });
  const out = [color.bold(`--- ${before === '' ? '/dev/null' : shown}`), color.bold(`+++ ${after === '' ? '/dev/null' : shown}`)];
  let skipped = false;
  // Each line's number in the old text (context and removed lines) and in the new (added lines).
  let old = 0;
  let now = 0;
  ops.forEach(([op, line], k) => {
    if (op !== '+') old++;
    if (op !== '-') now++;
    if (!show[k]) { skipped = true; return; }
    if (skipped) { out.push(color.cyan('…')); skipped = false; }
    const col = hidden && (op === '+' ? hidden.after.get(now) : hidden.before.get(old));
    const text = terminalSafe(col ? `${line.slice(0, col - 1)}${col > 1 ? '' : line.slice(0, line.length - line.trimStart().length)}${hidden!.words}` : line);
    out.push(op === '-' ? color.red(`-${text}`) : op === '+' ? color.green(`+${text}`) : ` ${text}`);
  });
  return out.join('\n') + '\n';
}
