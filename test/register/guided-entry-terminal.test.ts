// Guided entry on a real (pseudo-)terminal, in Danish: an edit chosen field by field, and Ctrl-C
// while a question waits, which writes nothing. The longer walk through three records is in
// test/stress/guided-entry-terminal.test.ts. Needs the built binary (node scripts/build.js).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { baseFiles, makeFolder } from '../helpers/folder.js';
import { KEY, onTerminal } from '../helpers/pty.js';
import { translate } from '../../src/i18n/index.js';

const DA = { CIVSAM_LANG: 'da' };
const read = (dir: string, rel: string) => parse(readFileSync(join(dir, rel), 'utf8')) as Record<string, unknown>;

describe('guided entry on a terminal, in Danish', () => {
  it('edit without flags asks which fields to change, shows the record and saves only after yes', async () => {
    const dir = makeFolder(baseFiles());
    const run = onTerminal(['org', 'edit', 'alpha', '--data', dir, '--no-commit'], { env: DA });
    await run.waitFor('Ændring af organisation alpha');
    await run.waitFor('? Hvilket felt vil du ændre?');
    run.type(KEY.down + KEY.enter); // Færdig, [Navn], …
    await run.waitFor('? Navn');
    run.type('Alpha Foreningen\r');
    await run.waitFor('✔ Navn Alpha Foreningen');
    await run.waitFor('? Hvilket felt vil du ændre?\n❯ Færdig');
    run.type(KEY.enter);
    const review = await run.waitFor('? Gem posten?');
    expect(review).toMatch(/Navn: +Alpha Foreningen/);
    run.type(KEY.enter);
    const done = await run.exit();
    if (process.env.SHOW_TRANSCRIPT) console.log(done.output);
    expect(done.code).toBe(0);
    expect(read(dir, 'organisations/alpha.yaml')).toMatchObject({ id: 'alpha', name: 'Alpha Foreningen', kind: 'patient-association' });
  }, 30_000);

  it('a day something happened, answered after today, is refused at once in the question\'s words and asked again', async () => {
    const dir = makeFolder(baseFiles());
    const run = onTerminal(['org', 'edit', 'alpha', '--data', dir, '--no-commit'], { env: DA });
    await run.waitFor('? Hvilket felt vil du ændre?');
    // Færdig, Navn, Art, CVR-nummer, Områder, Patientgrupper, Rækkevidde, Status, [Registreret]: one key at a time.
    for (let i = 0; i < 8; i++) {
      run.type(KEY.down);
      await new Promise((done) => setTimeout(done, 60));
    }
    run.type(KEY.enter);
    await run.waitFor('? Registreret');
    run.type('2099-01-01\r');
    await run.waitFor('Registreret ligger efter i dag');
    run.type(KEY.backspace.repeat(10) + '2026-01-01\r');
    await run.waitFor('? Hvilket felt vil du ændre?\n❯ Færdig');
    run.type(KEY.enter);
    await run.waitFor('? Gem posten?');
    run.type(KEY.enter);
    const done = await run.exit();
    expect(done.code).toBe(0);
    expect(read(dir, 'organisations/alpha.yaml')).toMatchObject({ registered: '2026-01-01' });
  }, 30_000);

  it('an empty name is asked again, a taken one refused when answered and corrected; Ctrl-C writes nothing and exits 130 with a Danish message', async () => {
    const dir = makeFolder(baseFiles());
    const run = onTerminal(['org', 'add', '--data', dir, '--no-commit'], { env: DA });
    await run.waitFor('? Navn');
    // An empty name is refused with the write check's own message, and asked again.
    run.type(KEY.enter);
    await run.waitFor(translate('da', 'problem.schema.minLength', { field: 'name' }));
    // A name another organisation has (case aside) is refused at once with the write check's
    // message (the name is checked against the folder when it is answered), and asked again.
    run.type('alpha forening\r');
    await run.waitFor('har samme navn');
    run.type(KEY.backspace.repeat('alpha forening'.length) + 'Halvfærdig Forening\r');
    await run.waitFor('? Art');
    run.type(KEY.enter); // patientforening
    await run.waitFor('? Områder');
    run.type('social');
    await run.waitFor('❯ [ ] socialområdet\n');
    run.type(KEY.enter);
    await run.waitFor('❯ Færdig (1 valgt)');
    run.type(KEY.enter);
    await run.waitFor('? Rækkevidde');
    run.type(KEY.down + KEY.enter); // regional
    await run.waitFor('? Vil du udfylde flere felter?');
    run.type(KEY.enter);
    const review = await run.waitFor('? Gem posten?');
    expect(review).toMatch(/Navn: +Halvfærdig Forening/);
    // Ctrl-C at the last question still saves nothing.
    run.type(KEY.ctrlC);
    const done = await run.exit();
    expect(done.code).toBe(130);
    expect(done.output).toContain('fejl: afbrudt: intet er gemt.');
    expect(readdirSync(join(dir, 'organisations'))).toEqual(['alpha.yaml']);
    expect(existsSync(join(dir, '.civsam.lock'))).toBe(false);
  }, 30_000);
});
