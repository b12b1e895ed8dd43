// Guided entry on a terminal, in Danish: Enter on `Færdig (0 valgt)` where at least one must be
// chosen says so in Danish, in place of the tick an accepted answer gets, and leaves the filter
// empty (the prompt library would write the choice into it); a filter that matches nothing says so in Danish; too few areas are told as a person
// says it; a short list is typed to filter as a long one is (never letters that choose all); the CVR question takes a number as people write it and never asks for quotes.
// Needs the built binary (node scripts/build.js).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { baseFiles, makeFolder } from '../helpers/folder.js';
import { KEY, onTerminal } from '../helpers/pty.js';

const TOWNS = ['Favrskov', 'Hedensted', 'Herning', 'Holstebro', 'Horsens', 'Lemvig', 'Odder', 'Skive'];

describe('guided entry: choosing several of many, in Danish', () => {
  it('Færdig with none chosen is refused in Danish, the filter left empty; no English anywhere', async () => {
    const dir = makeFolder({
      ...baseFiles(),
      'vocabularies/municipalities.yaml': TOWNS.map((t) => `- id: ${t.toLowerCase()}\n  name: ${t}\n`).join(''),
    });
    const run = onTerminal(['org', 'add', '--data', dir, '--no-commit'], { env: { CIVSAM_LANG: 'da' } });
    await run.waitFor('? Navn');
    run.type('Ny Forening\r');
    await run.waitFor('? Art');
    run.type(KEY.enter);
    await run.waitFor('? Områder');
    // The keys' help in Danish.
    await run.waitFor('↑↓ flyt • ⏎ vælg');
    // No area chosen: said as a person says it, not `Områder skal indeholde mindst 1.`
    run.type(KEY.enter);
    await run.waitFor('> Vælg mindst ét område.');
    // A short list is typed to filter too: the letters of a word are never keys that choose all
    // (`a`) or turn the choices round (`i`).
    run.type('psykiatri');
    await run.waitFor(/\? Områder \(skriv for at filtrere\) psykiatri\n❯ \[ \] psykiatri\n/);
    run.type(KEY.enter);
    await run.waitFor('✔ Områder + psykiatri');
    await run.waitFor('❯ Færdig (1 valgt)');
    run.type(KEY.enter);
    await run.waitFor('? Rækkevidde');
    run.type(KEY.enter); // udvalgte kommuner
    await run.waitFor('❯ Færdig (0 valgt)');
    run.type(KEY.enter);
    const told = await run.waitFor('> Vælg mindst én kommune.');
    // The refused Færdig leaves the refusal, never a tick as if it were taken.
    expect(told).not.toContain('✔ Kommuner');
    // Asked again with nothing in the filter: Færdig first, as before.
    const again = await run.waitFor(/\? Kommuner \(skriv for at filtrere\)\n❯ Færdig \(0 valgt\)/);
    expect(again).not.toMatch(/\? Kommuner \(skriv for at filtrere\) Færdig/);
    run.type('zzz');
    await run.waitFor('> Intet passer til det, du har skrevet. Slet et par bogstaver for at se flere.');
    run.type(KEY.backspace.repeat(3) + 'Skiv');
    await run.waitFor('❯ [ ] Skive');
    run.type(KEY.enter);
    await run.waitFor('❯ Færdig (1 valgt)');
    run.type(KEY.enter);
    await run.waitFor('? Vil du udfylde flere felter?');
    run.type(KEY.down + KEY.enter); // CVR-nummer
    await run.waitFor('? CVR-nummer');
    // All noughts: refused with what a CVR number looks like, never a word about quotes.
    run.type('00000000\r');
    const refused = await run.waitFor('Tjek');
    expect(refused).toContain('> CVR-nummer skal være 8 cifre, fx 29 19 09 25, der består CVR-numrenes');
    expect(refused).not.toContain('anførselstegn');
    run.type(KEY.backspace.repeat(8) + '"DK 29 19 09 25"\r');
    await run.waitFor('? Vil du udfylde flere felter?');
    run.type(KEY.enter); // Nej
    await run.waitFor('? Gem posten?');
    run.type(KEY.enter);
    const done = await run.exit();
    if (process.env.SHOW_TRANSCRIPT) console.log(done.output);
    expect(done.code).toBe(0);
    expect(done.output).not.toMatch(/No results|valid value|must|\bspace\b/);
    expect(done.output).not.toContain('✔ Kommuner Færdig (0 valgt)');
    // The line an answer leaves is the question and the answer: the hint about typing is over.
    expect(done.output).toContain('✔ Kommuner Færdig (1 valgt)');
    expect(done.output).not.toContain('✔ Kommuner (skriv for at filtrere)');
    expect(done.output).toMatch(/✔ Art [^(\s]/);
    expect(done.output).toContain('✔ Områder Færdig (1 valgt)');
    expect(parse(readFileSync(join(dir, 'organisations/ny-forening.yaml'), 'utf8'))).toMatchObject({ cvr: '29190925', areas: ['psychiatry'], municipalities: ['skive'] });
  }, 60_000);
});
