// Guided entry's questions follow civsam's colour decision (output/colors.ts): --no-color and
// NO_COLOR leave them plain, as they leave the rest of civsam's output. Needs the built binary.
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { baseFiles, makeFolder } from '../helpers/folder.js';
import { KEY, onTerminal } from '../helpers/pty.js';
import { withoutColour } from '../../src/output/plain-terminal.js';

// eslint-disable-next-line no-control-regex
const COLOUR = /\x1b\[[0-9;]*m/;

/** A text question answered and a list of choices opened (with its highlighted choice and key help), then Ctrl-C. */
async function firstQuestions(args: string[], env: Record<string, string | undefined>): Promise<string> {
  const dir = makeFolder(baseFiles());
  const run = onTerminal(['org', 'add', '--data', dir, '--no-commit', ...args], { env: { CIVSAM_LANG: 'da', ...env } });
  await run.waitFor('? Navn');
  run.type('Ny Forening\r');
  await run.waitFor('? Art');
  run.type(KEY.ctrlC);
  await run.exit();
  return run.raw();
}

describe('guided entry without colour', () => {
  it('--no-color: the question has no colour, though the terminal would show it', async () => {
    expect(await firstQuestions(['--no-color'], { NO_COLOR: undefined })).not.toMatch(COLOUR);
  }, 30_000);

  it('NO_COLOR=1: no colour either', async () => {
    expect(await firstQuestions([], { NO_COLOR: '1' })).not.toMatch(COLOUR);
  }, 30_000);

  it('without either, the question is coloured (the check above can see colour)', async () => {
    expect(await firstQuestions([], { NO_COLOR: undefined })).toMatch(COLOUR);
  }, 30_000);
});

describe('withoutColour', () => {
  it('takes out colours and keeps cursor movements, erasing and the terminal\'s size', () => {
    let written = '';
    const tty = Object.assign(new PassThrough(), { columns: 80, rows: 24, isTTY: true });
    tty.on('data', (d: Buffer) => { written += d.toString('utf8'); });
    const out = withoutColour(tty);
    out.write('\x1b[2K\x1b[G\x1b[34m?\x1b[39m \x1b[1mNavn\x1b[22m\x1b[?25l æøå');
    expect(written).toBe('\x1b[2K\x1b[G? Navn\x1b[?25l æøå');
    expect([(out as typeof tty).columns, (out as typeof tty).rows, (out as typeof tty).isTTY]).toEqual([80, 24, true]);
  });
});
