// Guided entry's År takes years as --years does: several, with commas and spaces (`2027, 2028`);
// a year that is not four digits is asked again at once. Needs the built binary.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { baseFiles, makeFolder } from '../helpers/folder.js';
import { KEY, onTerminal } from '../helpers/pty.js';

describe('guided entry: an application\'s years', () => {
  it('"2027, 2028" is taken as two years; "27" is asked again', async () => {
    const dir = makeFolder({ ...baseFiles(), 'calls/c.yaml': 'id: c\ntitle: Opslaget\nareas: [psychiatry]\nscope: regional\npublished: 2026-01-01\ndeadline: 2027-02-01\nchannel: public\n' });
    const run = onTerminal(['application', 'add', '--call', 'c', '--organisation', 'alpha', '--data', dir, '--no-commit'], { env: { CIVSAM_LANG: 'da', COLUMNS: '80' } });
    await run.waitFor('? Beløb');
    run.type('100000\r');
    await run.waitFor('? Art');
    run.type('\r');
    await run.waitFor('? Modtaget');
    run.type('2026-12-01\r');
    await run.waitFor('? Titel');
    run.type('\r');
    await run.waitFor('? År');
    run.type('27\r');
    await run.waitFor('årstal med fire cifre');
    run.type(KEY.backspace.repeat(2) + '2027, 2028\r');
    await run.waitFor('? Vil du udfylde flere felter?');
    run.type(KEY.enter);
    await run.waitFor('? Gem posten?');
    run.type(KEY.enter);
    expect((await run.exit()).code).toBe(0);
    expect(parse(readFileSync(join(dir, 'applications/c-alpha.yaml'), 'utf8')).years).toEqual([2027, 2028]);
  }, 30_000);
});
