// The Danish words for civsam's commands (`organisation`, `tilbud`, `hjælp`) are taken as the
// commands they name, from the one table of kind words; a mistyped one is suggested; an unknown
// command is always said with the word (or, where it could be data, where it stands). Help keeps
// the English command names.
import { describe, expect, test } from 'vitest';
import { civsam } from '../helpers/cli.js';
import { baseFiles, makeFolder, org } from '../helpers/folder.js';

const DA = { env: { CIVSAM_LANG: 'da', COLUMNS: '80' } };
const dir = makeFolder({ ...baseFiles(), 'organisations/lys.yaml': org('lys', 'Foreningen Lys') });
const run = (...args: string[]) => civsam(['--data', dir, ...args], DA);

describe('a Danish word for a command is the command', () => {
  test('organisation, organisationer, forening, tilbud, høring: as org, offer, consultation', async () => {
    const org = await run('org', 'list', '--format', 'json');
    for (const word of ['organisation', 'organisationer', 'forening', 'Organisation']) expect(await run(word, 'list', '--format', 'json'), word).toEqual(org);
    expect(await run('tilbud', 'list', '--format', 'json')).toEqual(await run('offer', 'list', '--format', 'json'));
    expect(await run('høring', 'list', '--format', 'json')).toEqual(await run('consultation', 'list', '--format', 'json'));
    expect(await run('forening', 'show', 'Foreningen Lys', '--format', 'json')).toEqual(await run('org', 'show', 'lys', '--format', 'json'));
  });

  test('hjælp is help, with the English command names', async () => {
    const help = await run('hjælp');
    expect(help.code).toBe(0);
    expect(help.stdout).toBe((await run('--help')).stdout);
    const offer = await run('hjælp', 'tilbud');
    expect(offer.code).toBe(0);
    expect(offer.stdout).toMatch(/^Brug: civsam offer \[tilvalg\] \[kommando\]\n/);
    // The main help lists the commands by their English names only.
    const commands = help.stdout.slice(help.stdout.indexOf('Kommandoer:')).match(/^ {2}[a-zæøå-]+/gm)!.map((w) => w.trim());
    expect(commands).toContain('org');
    expect(commands.filter((w) => ['organisation', 'tilbud', 'hjælp', 'forening', 'høring'].includes(w))).toEqual([]);
  });
});

describe('a Danish word for a command\'s own command is that command', () => {
  test('liste, vis, tilføj, ret, afslut: after a kind in either language', async () => {
    const list = await run('offer', 'list', '--format', 'json');
    for (const args of [['tilbud', 'liste'], ['offer', 'liste'], ['tilbud', 'Liste'], ['--lang', 'da', 'tilbud', 'liste']]) {
      expect(await run(...args, '--format', 'json'), args.join(' ')).toEqual(list);
    }
    const show = await run('org', 'show', 'lys', '--format', 'json');
    expect(show.code).toBe(0);
    expect(await run('organisationer', 'vis', 'lys', '--format', 'json')).toEqual(show);
    expect(await run('org', 'vis', 'lys', '--format', 'json')).toEqual(show);
    // A word meant for one command only: the help of the English command it names.
    expect((await run('hjælp', 'tilbud', 'afslut')).stdout).toMatch(/^Brug: civsam offer end /);
    expect((await run('aftale', 'afslut', '--help')).stdout).toMatch(/^Brug: civsam agreement end /);
    expect((await run('organisation', 'tilføj', '--help')).stdout).toMatch(/^Brug: civsam org add /);
    expect((await run('høring', 'ret', '--help')).stdout).toMatch(/^Brug: civsam consultation edit /);
    expect((await run('høring', 'luk', '--help')).stdout).toMatch(/^Brug: civsam consultation close /);
    // Near miss: a record is removed only by the command's own name; slet is answered with it.
    expect((await run('org', 'slet', 'lys')).stderr.split('\n')[0]).toBe('fejl: ukendt kommando slet. Mente du: org remove?');
  });

  test('the overviews by the words export overview takes: oversigt tilbud, overview dækning, overblik midler', async () => {
    for (const [en, words] of [['offers', ['tilbud']], ['coverage', ['dækning', 'Dækning']], ['funding', ['midler', 'finansiering']], ['expiring', ['udløber', 'aftaler']]] as const) {
      const expected = await run('overview', en, '--format', 'json', '--as-of', '2026-11-23');
      expect(expected.code, en).toBe(0);
      for (const word of words) {
        for (const top of ['overview', 'oversigt', 'overblik']) expect(await run(top, word, '--format', 'json', '--as-of', '2026-11-23'), `${top} ${word}`).toEqual(expected);
      }
    }
  });

  test('only after the command it belongs to: a word that is data elsewhere is left as it is', async () => {
    // `vis` after find is what is searched for, not `show`.
    const find = await run('find', 'vis', '--format', 'json');
    expect(find.stderr).not.toMatch(/show/);
    // `afslut` is no word for an organisation: said as typed.
    expect((await run('org', 'afslut', 'lys')).stderr.split('\n')[0]).toMatch(/^fejl: ukendt kommando afslut/);
  });
});

describe('an unknown command is always named', () => {
  test('a Danish word mistyped: the command it is a slip from', async () => {
    expect(await run('hjælpe')).toEqual({ code: 2, stdout: '', stderr: 'fejl: ukendt kommando hjælpe. Mente du: help?\nKør civsam --help for at se kommandoer og tilvalg.\n' });
    expect((await run('organisatoin', 'list')).stderr).toBe('fejl: ukendt kommando organisatoin. Mente du: org?\nKør civsam --help for at se kommandoer og tilvalg.\n');
    expect((await run('organisation', 'lsit')).stderr).toBe('fejl: ukendt kommando lsit. Mente du: org list?\nKør civsam org --help for at se dens kommandoer.\n');
  });

  test('never "unknown command." alone: a word that could be data is said by where it stands, not repeated', async () => {
    for (const [args, before] of [[['Jens Hansen'], 'civsam'], [['org', 'Karen X'], 'civsam org'], [['help', 'Jens Hansen'], 'civsam help']] as const) {
      const r = await run(...args);
      expect(r.code).toBe(2);
      expect(r.stderr.split('\n')[0]).toBe(`fejl: ukendt kommando: ordet efter ${before} er ikke en af civsams kommandoer.`);
      expect(r.stderr).not.toMatch(/Hansen|Karen/);
    }
  });
});
