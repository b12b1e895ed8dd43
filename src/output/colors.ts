// The colour decision, made once (chalk 5 alone still colours a terminal with NO_COLOR set):
// --no-color or a non-empty NO_COLOR turns colour off; FORCE_COLOR turns it on; else colour only
// when the stream is a terminal.
import type { ChalkInstance } from 'chalk';

export function colourLevel(env: NodeJS.ProcessEnv, isTTY: boolean, noColorFlag: boolean): 0 | 1 | 2 | 3 {
  if (noColorFlag || (env.NO_COLOR !== undefined && env.NO_COLOR !== '')) return 0;
  const force = env.FORCE_COLOR;
  if (force !== undefined) {
    if (force === '0' || force === 'false') return 0;
    if (force === '2') return 2;
    if (force === '3') return 3;
    return 1;
  }
  if (!isTTY || env.TERM === 'dumb') return 0;
  return 1;
}

/**
 * A chalk of this level; without colour, one that gives text as chalk at level 0 does (its
 * arguments joined by spaces) and is not chalk at all, so chalk need not be loaded: `chalk`, the
 * module, is asked for only when there is colour.
 */
export function makeChalk(level: 0 | 1 | 2 | 3, chalk?: typeof import('chalk')): ChalkInstance {
  if (level === 0) return PLAIN;
  if (!chalk) throw new Error('chalk is needed for colour');
  return new chalk.Chalk({ level });
}

/** Every style of it (`bold`, `red.bold`, …) is itself; called, it gives the text unstyled. Not a promise (no `then`). */
const PLAIN: ChalkInstance = (() => {
  const text = (...args: unknown[]) => (args.length === 1 ? String(args[0]) : args.join(' '));
  const plain: ChalkInstance = new Proxy(text, {
    get: (_target, prop) => (prop === 'level' ? 0 : typeof prop === 'symbol' || prop === 'then' ? undefined : plain),
    set: () => true,
  }) as unknown as ChalkInstance;
  return plain;
})();
