// The colour decision, made once (chalk 5 alone still colours a terminal with NO_COLOR set):
// --no-color or a non-empty NO_COLOR turns colour off; FORCE_COLOR turns it on; else colour only
// when the stream is a terminal.
import { Chalk, type ChalkInstance } from 'chalk';

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

export function makeChalk(level: 0 | 1 | 2 | 3): ChalkInstance {
  return new Chalk({ level });
}
