// Several organisations picked in the guided entry are kept in the order picked, not sorted: the
// first is the first party (an application's id is made from its first applicant).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { expect, it } from 'vitest';
import { baseFiles, makeFolder, org } from '../helpers/folder.js';
import { KEY, onTerminal, type TerminalRun } from '../helpers/pty.js';

/** Moves to the entry of the menu on the screen now and takes it. */
function choose(run: TerminalRun, entry: string): void {
  const lines = run.screen().split('\n');
  const rows = lines.slice(lines.findLastIndex((l) => l.startsWith('? ')) + 1).filter((l) => /^[❯ ] \S/.test(l));
  const at = rows.findIndex((l) => l.startsWith('❯'));
  const to = rows.findIndex((l) => l.slice(2) === entry);
  if (to < 0) throw new Error(`no "${entry}" in the menu`);
  run.type((to > at ? KEY.down.repeat(to - at) : KEY.up.repeat(at - to)) + KEY.enter);
}

it('organisations picked Beta first, then Alpha, are saved in that order', async () => {
  const dir = makeFolder({ ...baseFiles(), 'organisations/beta.yaml': org('beta', 'Beta Forening') });
  const run = onTerminal(['agreement', 'add', '--data', dir, '--no-commit'], { env: { CIVSAM_LANG: 'da', COLUMNS: '80' } });
  await run.waitFor('? Titel');
  run.type('Samarbejde\r');
  await run.waitFor('❯ Færdig (0 valgt)');
  run.type('beta');
  await run.waitFor('❯ [ ] Beta Forening');
  run.type(KEY.enter);
  await run.waitFor('❯ Færdig (1 valgt)');
  run.type('alpha');
  await run.waitFor('❯ [ ] Alpha Forening');
  run.type(KEY.enter);
  await run.waitFor('❯ Færdig (2 valgt)');
  run.type(KEY.enter);
  await run.waitFor('? Start');
  run.type('2027-01-01\r');
  await run.waitFor('? Rækkevidde');
  run.type(KEY.down + KEY.enter);
  await run.waitFor('? Vil du udfylde flere felter?');
  choose(run, 'Nej: vis posten, før den gemmes');
  await run.waitFor('? Gem posten?');
  choose(run, 'Ja, gem');
  expect((await run.exit()).code).toBe(0);
  const saved = parse(readFileSync(join(dir, 'agreements/samarbejde.yaml'), 'utf8')) as Record<string, unknown>;
  expect(saved.organisations).toEqual(['beta', 'alpha']);
});
