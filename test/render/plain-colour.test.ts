// Without colour civsam does not load chalk: its stand-in (output/colors.ts) must give exactly what
// chalk at level 0 gives, for every way the code calls it.
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { makeChalk } from '../../src/output/colors.js';

describe('the colour of a run without colour', () => {
  const plain = makeChalk(0);
  const chalk = new Chalk({ level: 0 });

  it('gives the text as chalk at level 0 does, through any chain of styles', () => {
    const calls: Array<(c: typeof chalk) => string> = [
      (c) => c.red('a'),
      (c) => c.bold.red('a', 'b'),
      (c) => c.yellow.dim(''),
      (c) => c.green(5 as unknown as string),
      (c) => c.cyan(),
      (c) => c.bold.underline.bgRed('x y', 'z'),
      (c) => c('plain', 'text'),
    ];
    for (const call of calls) expect(call(plain)).toBe(call(chalk));
    expect(plain.level).toBe(0);
  });

  it('is not taken for a promise, nor shown as a string by accident', async () => {
    expect(await Promise.resolve(plain)).toBe(plain);
    expect((plain as unknown as { then?: unknown }).then).toBeUndefined();
    expect(() => makeChalk(1)).toThrow(); // colour needs chalk itself
  });
});
