// A name written in letters an id cannot hold is said as such, not as a name without letters, and an
// id made of only a part of the name says so; a search longer than any name asks for a shorter part
// of it, not for the command just run.
import { describe, expect, it } from 'vitest';
import { civsam } from '../helpers/cli.js';
import { baseFiles, makeFolder } from '../helpers/folder.js';

const da = (dir: string, ...args: string[]) => civsam(['--data', dir, ...args, '--no-input', '--no-commit'], { env: { CIVSAM_LANG: 'da' } });
const ORG = ['--kind', 'patient-association', '--areas', 'psychiatry', '--scope', 'regional'];

describe('ids from names in other letters', () => {
  it('a name of letters none of which can be in an id asks for --id', async () => {
    expect(await da(makeFolder(baseFiles()), 'org', 'add', '--name', '日本語の会', ...ORG)).toEqual({ code: 2, stdout: '', stderr: 'fejl: der kan ikke dannes et id til en organisation af det navn eller den titel, du angav: et id består kun af bogstaverne a–z (æ, ø og å skrevet ae, oe og aa) og cifre, og navnet har ingen af dem. Angiv et id med --id, fx --id vores-forening.\n' });
  });

  it('a name with no letter at all is still said so', async () => {
    expect((await da(makeFolder(baseFiles()), 'org', 'add', '--name', '…', ...ORG)).stderr).toContain('der er intet bogstav eller ciffer i.');
  });

  it('an id made of a part of the name says so', async () => {
    const run = await da(makeFolder(baseFiles()), 'org', 'add', '--name', '日本語の会 Midtjylland', ...ORG);
    expect(run).toMatchObject({ code: 0, stdout: 'midtjylland\n' });
    expect(run.stderr).toMatch(/\/organisations\/midtjylland\.yaml\.\nBemærk: id\'et midtjylland er dannet af den del af navnet, der er skrevet med bogstaverne a–z og cifre; de andre bogstaver kan ikke stå i et id. Skal det have et andet, så fjern posten og registrér den igen med --id\.\n$/);
  });

  it('a name in Danish letters says nothing more', async () => {
    const run = await da(makeFolder(baseFiles()), 'org', 'add', '--name', 'Ærø Støtteforening', ...ORG);
    expect(run).toMatchObject({ code: 0, stdout: 'aeroe-stoetteforening\n' });
    expect(run.stderr).not.toContain('Bemærk');
  });
});

describe('find with a text longer than any name', () => {
  it('asks for a shorter part of the name', async () => {
    expect(await civsam(['--data', makeFolder(baseFiles()), 'find', 'a'.repeat(300)], { env: { CIVSAM_LANG: 'da' } })).toEqual({ code: 2, stdout: '', stderr: 'fejl: det, du søger efter, er længere end nogen posts navn (et navn har højst 200 tegn): søg med en kortere del af navnet.\n' });
  });
});
