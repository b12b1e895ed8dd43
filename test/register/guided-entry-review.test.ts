// Guided entry in Danish on a terminal 80 columns wide, as a tester met it: typing in a filter
// picks the name it begins; a funding line's year and amount are checked at their own question in
// its words; no flag is named to someone who typed none; long texts are broken at words; the review
// can correct a field; menus offer only the fields that make sense; a refusal goes once it is met.
// Needs the built binary (node scripts/build.js).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { baseFiles, makeFolder, org } from '../helpers/folder.js';
import { KEY, onTerminal, type TerminalRun } from '../helpers/pty.js';

const DA = { CIVSAM_LANG: 'da', COLUMNS: '80' };
const TOWNS = ['Favrskov', 'Hedensted', 'Herning', 'Holstebro', 'Horsens', 'Ikast-Brande', 'Randers', 'Skive'];
const read = (dir: string, rel: string) => parse(readFileSync(join(dir, rel), 'utf8')) as Record<string, unknown>;

function files() {
  return {
    ...baseFiles(),
    'vocabularies/municipalities.yaml': TOWNS.map((t) => `- id: ${t.toLowerCase()}\n  name: ${t}\n`).join(''),
    'organisations/alpha.yaml': org('alpha', 'Alpha Forening', '12345674').replace('municipalities: [aarhus]', 'municipalities: [skive]'),
    'pools/pulje-a.yaml': 'id: pulje-a\nname: Pulje A\nareas: [psychiatry]\neligible_kinds: [development]\nbudgets:\n  - year: 2027\n    amount_dkk: 1000000\n',
  };
}

/** The entries of the menu on the screen now (the last question's), as shown. */
function menu(run: TerminalRun): { entries: string[]; at: number } {
  const lines = run.screen().split('\n');
  const start = lines.findLastIndex((l) => l.startsWith('? '));
  const rows = lines.slice(start + 1).filter((l) => /^[❯ ] \S/.test(l));
  return { entries: rows.map((l) => l.slice(2)), at: rows.findIndex((l) => l.startsWith('❯')) };
}

/** Moves to the menu's entry and takes it. */
function choose(run: TerminalRun, entry: string): void {
  const { entries, at } = menu(run);
  const to = entries.indexOf(entry);
  if (to < 0) throw new Error(`no "${entry}" in the menu: ${entries.join(' | ')}`);
  run.type((to > at ? KEY.down.repeat(to - at) : KEY.up.repeat(at - to)) + KEY.enter);
}

/** The text of a message the screen shows from `start` on, its lines joined as one: broken only at spaces, never inside a word. */
function shownAsOne(screen: string, start: string): string {
  const lines = screen.split('\n');
  const first = lines.findIndex((l) => l.includes(start));
  const out = [lines[first]];
  for (const l of lines.slice(first + 1)) {
    if (l.trim() === '' || /^[?✔>❯↑]/.test(l)) break;
    out.push(l.trim());
  }
  return out.join(' ');
}

describe('guided entry in Danish, 80 columns', () => {
  // Before, a name pasted (or typed ahead) with its newline into a question typed to filter needed a
  // second Enter: the Enter came while the question still looked the name up, and was dropped.
  it('a name pasted with its newline is taken with that one Enter, in a question of one choice and of several', async () => {
    // Enough organisations that the question is typed to filter.
    const others = Object.fromEntries(['Beta', 'Gamma', 'Delta', 'Epsilon', 'Zeta', 'Eta', 'Theta'].map((n) => [`organisations/${n.toLowerCase()}.yaml`, org(n.toLowerCase(), `${n} Forening`)]));
    const dir = makeFolder({ ...files(), ...others });
    const run = onTerminal(['hearing-party', 'add', '--data', dir, '--no-commit'], { env: DA });
    await run.waitFor('? Organisation (skriv for at filtrere)');
    run.type('Alpha Forening\r');
    await run.waitFor('✔ Organisation Alpha Forening (alpha)', 5_000);
    await run.waitFor('? Vil du udfylde flere felter?');
    choose(run, 'Nej: vis posten, før den gemmes');
    await run.waitFor('? Gem posten?');
    choose(run, 'Ja, gem');
    expect((await run.exit()).code).toBe(0);
    expect(read(dir, 'hearing-parties/alpha.yaml')).toMatchObject({ organisation: 'alpha' });
    // Several choices: the pasted word with its newline picks the first match at once.
    const adding = onTerminal(['org', 'add', '--data', dir, '--no-commit'], { env: DA });
    await adding.waitFor('? Navn');
    adding.type('Ny Forening\r');
    await adding.waitFor('? Art');
    adding.type(KEY.enter);
    await adding.waitFor('❯ Færdig (0 valgt)');
    adding.type('psyk\n');
    await adding.waitFor('✔ Områder + psykiatri', 5_000);
    await adding.waitFor('❯ Færdig (1 valgt)');
    adding.type(KEY.ctrlC);
    await adding.exit();
  });

  it('an agreement: the name typed first is picked, the year asked again at once, the review corrects the reach', async () => {
    const dir = makeFolder(files());
    const run = onTerminal(['agreement', 'add', '--data', dir, '--no-commit'], { env: DA });
    await run.waitFor('? Titel');
    run.type('Samarbejde om angst\r');
    await run.waitFor('❯ Færdig (0 valgt)');
    run.type('alpha');
    await run.waitFor('❯ [ ] Alpha Forening');
    run.type(KEY.enter);
    await run.waitFor('❯ Færdig (1 valgt)');
    run.type(KEY.enter);
    await run.waitFor('? Start');
    run.type('2027-01-01\r');
    await run.waitFor('? Rækkevidde');
    run.type(KEY.down + KEY.enter); // regional
    await run.waitFor('? Vil du udfylde flere felter?');
    // After a scope, no municipalities; no call to choose among (the folder has none).
    const more = menu(run).entries;
    expect(more).toContain('Midler');
    expect(more).not.toContain('Kommuner');
    expect(more).not.toContain('Rækkevidde');
    expect(more).not.toContain('Etableret ved: opslag');
    choose(run, 'Midler');
    await run.waitFor('? Pulje');
    run.type(KEY.enter);
    await run.waitFor('? År');
    // A year of two digits is refused at its own question, in its words, before pool, kind and amount go on.
    run.type('27\r');
    await run.waitFor('> Skriv året med fire cifre, fx 2027.');
    run.type(KEY.backspace.repeat(2) + '2027\r');
    await run.waitFor('? Art');
    run.type(KEY.enter);
    await run.waitFor('? Beløb (kr.)');
    run.type('12,5\r');
    await run.waitFor('> Skriv beløbet i hele kroner, fx 400000.');
    run.type(KEY.backspace.repeat(4) + '400000\r');
    await run.waitFor('? Tilføj endnu en bevillingslinje?');
    run.type(KEY.down + KEY.enter); // Nej
    await run.waitFor('? Vil du udfylde flere felter?');
    choose(run, 'Nej: vis posten, før den gemmes');
    await run.waitFor('? Gem posten?');
    expect(menu(run).entries).toEqual(['Ja, gem', 'Ret et felt', 'Nej, gem intet']);
    choose(run, 'Ret et felt');
    await run.waitFor('? Hvilket felt vil du rette?');
    // The reach is one entry, with what the record says; Kommuner is not offered beside it.
    expect(run.screen()).toContain('❯ Intet: vis posten igen');
    expect(menu(run).entries).not.toContain('Kommuner');
    choose(run, 'Rækkevidde');
    await run.waitFor('? Rækkevidde');
    choose(run, 'udvalgte kommuner');
    await run.waitFor('❯ Færdig (0 valgt)');
    // `rand` is inside Ikast-Brande, listed first; Randers, which it begins, comes first.
    run.type('rand');
    await run.waitFor('❯ [ ] Randers\n  [ ] Ikast-Brande');
    run.type(KEY.enter);
    await run.waitFor('❯ Færdig (1 valgt)');
    run.type(KEY.enter);
    const again = await run.waitFor('? Gem posten?');
    expect(again.slice(again.lastIndexOf('Sådan gemmes posten:'))).toMatch(/Kommuner: +Randers\n/);
    choose(run, 'Ja, gem');
    const done = await run.exit();
    if (process.env.SHOW_TRANSCRIPT) console.log(run.screen());
    expect(done.code).toBe(0);
    expect(done.output).not.toMatch(/--\w|PULJE:ÅR/);
    const saved = read(dir, 'agreements/samarbejde-om-angst.yaml');
    expect(saved).toMatchObject({ municipalities: ['randers'], funding: [{ pool: 'pulje-a', year: 2027, kind: 'development', amount_dkk: 400000 }] });
    expect(saved.scope).toBeUndefined();
  }, 60_000);

  it('an organisation: the refusal goes once a municipality is chosen, questions and messages name no flag and break at words', async () => {
    const dir = makeFolder(files());
    const run = onTerminal(['org', 'add', '--data', dir, '--no-commit'], { env: DA });
    await run.waitFor('? Navn');
    run.type('Beta Forening\r');
    await run.waitFor('? Art');
    run.type(KEY.enter);
    await run.waitFor('? Områder');
    run.type('social');
    await run.waitFor('❯ [ ] socialområdet\n');
    run.type(KEY.enter);
    await run.waitFor('❯ Færdig (1 valgt)');
    run.type(KEY.enter);
    await run.waitFor('? Rækkevidde');
    run.type(KEY.enter); // udvalgte kommuner
    await run.waitFor('❯ Færdig (0 valgt)');
    run.type(KEY.enter);
    await run.waitFor('> Vælg mindst én kommune.');
    // Said under the question asked again, not left as a line of its own.
    expect(run.screen()).toMatch(/\? Kommuner \(skriv for at filtrere\)\n❯ Færdig \(0 valgt\)[^?]*> Vælg mindst én kommune\./);
    run.type('skiv');
    await run.waitFor('❯ [ ] Skive');
    run.type(KEY.enter);
    await run.waitFor('❯ Færdig (1 valgt)');
    expect(run.screen()).not.toContain('Vælg mindst én kommune');
    run.type(KEY.enter);
    await run.waitFor('? Vil du udfylde flere felter?');
    // A new organisation is active: no day it became inactive; its reach is given.
    const more = menu(run).entries;
    expect(more).not.toContain('Inaktiv siden');
    expect(more).not.toContain('Kommuner');
    expect(more).not.toContain('Rækkevidde');
    choose(run, 'CVR-nummer');
    await run.waitFor('? CVR-nummer');
    run.type('DK 29 19 09 25\r');
    await run.waitFor('CVR-nummer: CVR-nummeret er taget som dets 8 cifre');
    await run.waitFor('? Vil du udfylde flere felter?');
    expect(shownAsOne(run.screen(), 'CVR-nummer: CVR-nummeret')).toBe('CVR-nummer: CVR-nummeret er taget som dets 8 cifre (mellemrum, punktummer, bindestreger og DK er udeladt).');
    choose(run, 'Kontakt: bekræftet');
    await run.waitFor('? Kontakt: bekræftet');
    run.type('2026-02-30\r');
    await run.waitFor('Skriv datoen som');
    expect(shownAsOne(run.screen(), '> Kontakt: bekræftet')).toBe('> Kontakt: bekræftet er skrevet som en dato, men den dag findes ikke i kalenderen: tjek måneden (01 til 12) og dagen i måneden. Skriv datoen som ÅÅÅÅ-MM-DD, for eksempel 2026-11-23.');
    run.type(KEY.backspace.repeat(2) + '28\r');
    await run.waitFor('? Vil du udfylde flere felter?');
    choose(run, 'Nej: vis posten, før den gemmes');
    await run.waitFor('? Gem posten?');
    choose(run, 'Ja, gem');
    const done = await run.exit();
    if (process.env.SHOW_TRANSCRIPT) console.log(run.screen());
    expect(done.code).toBe(0);
    // Not after saving either: the write has nothing left to say about the CVR number.
    expect(done.output).not.toMatch(/--(cvr|contact)/);
    expect(run.screen().split('\n').every((l) => [...l].length <= 80)).toBe(true);
    expect(read(dir, 'organisations/beta-forening.yaml')).toMatchObject({ cvr: '29190925', municipalities: ['skive'], contact: { confirmed: '2026-02-28' } });
  }, 60_000);

  it('an edit: the introduction breaks at words; no day of inactivity for an active organisation, no status its own command sets', async () => {
    const id = 'patientforeningen-for-mennesker-med-angst-i-midtjylland';
    const dir = makeFolder({ ...files(), [`organisations/${id}.yaml`]: org(id, 'Patientforeningen for mennesker med angst i Midtjylland') });
    const run = onTerminal(['org', 'edit', id, '--data', dir, '--no-commit'], { env: DA });
    await run.waitFor('? Hvilket felt vil du ændre?');
    expect(run.screen()).toContain(`Ændring af organisation ${id}:\nvælg de felter, du vil ændre.\n`);
    const fields = menu(run).entries;
    expect(fields).toContain('Status');
    expect(fields).not.toContain('Inaktiv siden');
    expect(fields).not.toContain('Kommuner');
    choose(run, 'Status');
    await run.waitFor('? Status');
    // Inactive is set by `civsam org deactivate`, which records the day: not offered here.
    expect(menu(run).entries).toEqual(['aktiv']);
    run.type(KEY.ctrlC);
    expect((await run.exit()).code).toBe(130);
  }, 30_000);
});
