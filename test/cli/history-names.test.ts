// Records named as people name them: `civsam history` takes a record by its name or id, with its
// kind before it or alone, removed records too; an unknown id or name gets the nearest names
// (a slip such as two swapped letters counted as one), and never another field's value.
import { beforeAll, describe, expect, test } from 'vitest';
import { civsam } from '../helpers/cli.js';
import { baseFiles, makeFolder, org } from '../helpers/folder.js';
import { git } from '../helpers/team.js';

const PARTY = 'id: lys-i-moerket\norganisation: lys-i-moerket\nareas: [psychiatry]\npatient_groups: [depression]\nsince: 2020-02-03\nstatus: active\n';

let dir = '';
beforeAll(() => {
  dir = makeFolder({
    ...baseFiles(),
    'organisations/test.yaml': org('test', 'Test', undefined, 'contact:\n  name: Karen Jensen\n'),
    'organisations/lys-i-moerket.yaml': org('lys-i-moerket', 'Lys i Mørket'),
    'organisations/paaroerende-vest.yaml': org('paaroerende-vest', 'Pårørende Vest'),
    'organisations/gammel-forening.yaml': org('gammel-forening', 'Gammel Forening'),
    'hearing-parties/lys-i-moerket.yaml': PARTY,
  });
  for (const args of [['init', '-q'], ['add', '-A'], ['commit', '-q', '-m', 'Start'], ['rm', '-q', 'organisations/gammel-forening.yaml'], ['commit', '-q', '-m', 'Fjernet']]) expect(git(dir, args).code).toBe(0);
});

const run = (args: string[], lang: 'en' | 'da' = 'da') => civsam(['--data', dir, ...args], { env: { CIVSAM_LANG: lang, COLUMNS: '80' } });
/** The record `civsam history` showed, from its JSON. */
const shown = async (args: string[]) => {
  const r = await run(['history', ...args, '--format', 'json']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return (JSON.parse(r.stdout) as { record: unknown }).record;
};

describe('civsam history takes a record by name', () => {
  test('with its kind: the name as show takes it, quoted or as words, in NFD too', async () => {
    expect(await shown(['org', 'Lys i Mørket'])).toEqual({ kind: 'organisation', id: 'lys-i-moerket' });
    expect(await shown(['org', 'Lys', 'i', 'mørket'])).toEqual({ kind: 'organisation', id: 'lys-i-moerket' });
    expect(await shown(['organisation', 'Pa\u030Arørende Vest'.normalize('NFD')])).toEqual({ kind: 'organisation', id: 'paaroerende-vest' });
    expect(await shown(['org', 'test'])).toEqual({ kind: 'organisation', id: 'test' });
  });

  test('without a kind: by name or id among every kind; a hearing party goes by its own id', async () => {
    expect(await shown(['Test'])).toEqual({ kind: 'organisation', id: 'test' });
    // The hearing party bears its organisation's name: that name is the organisation's.
    expect(await shown(['Lys i Mørket'])).toEqual({ kind: 'organisation', id: 'lys-i-moerket' });
    expect(await shown(['høringspart', 'lys-i-moerket'])).toEqual({ kind: 'hearing-party', id: 'lys-i-moerket' });
  });

  test('an id that two kinds share: both with their kind, exit 2', async () => {
    const da = await run(['history', 'lys-i-moerket']);
    expect(da).toEqual({ code: 2, stdout: '', stderr: 'fejl: det, du angav, passer til flere poster: organisation Lys i Mørket (lys-i-moerket), høringspart Lys i Mørket (lys-i-moerket). Skriv arten foran (fx org) eller mere af navnet.\n' });
    const en = await run(['history', 'lys-i-moerket'], 'en');
    expect(en.stderr).toBe('error: what you gave matches several records: organisation Lys i Mørket (lys-i-moerket), hearing party Lys i Mørket (lys-i-moerket). Write the kind first (such as org), or more of the name.\n');
  });

  test('a removed record, only in the history, by its id and by the name it last had', async () => {
    for (const args of [['gammel-forening'], ['org', 'gammel-forening'], ['Gammel Forening'], ['org', 'gammel for']]) {
      expect(await shown(args), args.join(' ')).toEqual({ kind: 'organisation', id: 'gammel-forening' });
    }
    const r = await run(['history', 'Gammel Forening']);
    expect(r.stdout.split('\n')[0]).toBe('Historik for organisation gammel-forening, nyeste først');
    expect(r.stdout).toContain('slettet');
    // Elsewhere the folder as it is now: show does not find it.
    expect((await run(['org', 'show', 'gammel-forening'])).stderr).toMatch(/^fejl: der er ingen organisation med id'et gammel-forening\. /);
  });

  test('a record not yet committed: said plainly, exit 0', async () => {
    const fresh = makeFolder({ ...baseFiles(), 'organisations/ny.yaml': org('ny', 'Ny Forening') });
    expect(git(fresh, ['init', '-q']).code).toBe(0);
    const r = await civsam(['--data', fresh, 'history', 'Ny Forening'], { env: { CIVSAM_LANG: 'da' } });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('Der er endnu ingen ændringer af organisation ny i git: posten er ikke registreret i historikken.\n');
    // Said in words only: no heading and empty table on the screen; JSON still says there are none.
    expect(r.stdout).toBe('');
    const json = await civsam(['--data', fresh, 'history', 'Ny Forening', '--format', 'json']);
    expect(JSON.parse(json.stdout).changes).toEqual([]);
  });

  test('nothing since a day or by a person: said in words, not an empty table, for the folder and for a record', async () => {
    for (const [args, said] of [
      [['history', '--since', '2999-12-08'], 'Ingen ændringer siden 8. dec. 2999.'],
      [['history', 'Lys i Mørket', '--since', '2999-12-08'], 'Ingen ændringer siden 8. dec. 2999.'],
      [['history', '--author', 'Ingen Sådan'], 'Ingen ændringer af Ingen Sådan.'],
      [['history', '--since', '2999-12-08', '--author', 'Ingen Sådan'], 'Ingen ændringer af Ingen Sådan siden 8. dec. 2999.'],
    ] as const) {
      expect(await run([...args]), args.join(' ')).toEqual({ code: 0, stdout: '', stderr: `${said}\n` });
    }
    const json = await run(['history', '--since', '2999-12-08', '--format', 'json']);
    expect(JSON.parse(json.stdout).changes).toEqual([]);
  });

  test('a kind alone, a path, escape codes, a direction mark or too long a text: refused, what was typed not repeated; a zero-width space is no part of a name', async () => {
    expect(await run(['history', 'org'])).toEqual({ code: 2, stdout: '', stderr: 'fejl: skriv postens navn eller id efter arten: civsam history org NAVN.\n' });
    const bad = 'fejl: det, du angav, er hverken en posts navn eller dens id (det ligner en sti til en fil, eller det indeholder styretegn eller usynlige tegn). Find posten med civsam find og en del af navnet.\n';
    expect(await run(['history', '../x'])).toEqual({ code: 2, stdout: '', stderr: bad });
    expect(await run(['history', 'org', 'Te\u001b[31mst'])).toEqual({ code: 2, stdout: '', stderr: bad });
    // A character of no width (pasted along) leaves the name the same name; a direction mark is refused; a very long text is said to be too long.
    expect(await run(['history', 'Te\u200Bst\uFEFF'])).toEqual(await run(['history', 'Test']));
    expect(await run(['history', 'Te\u202Est'])).toEqual({ code: 2, stdout: '', stderr: bad });
    expect(await run(['history', 'a'.repeat(100_000)])).toEqual({ code: 2, stdout: '', stderr: 'fejl: det, du angav, er for langt til at være en posts navn eller id: et navn har højst 200 tegn. Find posten med civsam find og en del af navnet.\n' });
    const en = await run(['history'], 'en');
    expect(en.stderr).toBe('error: name one record by its name or id (civsam history "Foreningen Lyspunktet" or civsam history org lyspunktet) or a date (civsam history --since 2026-01-01), or a person (civsam history --author Anna) for all that person\'s changes.\n');
  });
});

describe('an unknown id or name gets the nearest names', () => {
  test('two letters swapped: org show tset → Test (test), in Danish and English', async () => {
    expect(await run(['org', 'show', 'tset'])).toEqual({ code: 2, stdout: '', stderr: 'fejl: der er ingen organisation med id\'et tset. Mente du: Test (test)?\n' });
    expect((await run(['org', 'show', 'tset'], 'en')).stderr).toBe('error: there is no organisation with the id tset. Did you mean: Test (test)?\n');
    // A name, not an id: not repeated, the nearest named.
    expect((await run(['org', 'edit', 'Lys i Mrøket', '--website', 'https://x.example', '--dry-run'])).stderr).toBe('fejl: der er ingen organisation, der passer til det, du angav. Mente du: Lys i Mørket (lys-i-moerket)?\n');
  });

  test('history across kinds names the kind of each suggestion', async () => {
    expect(await run(['history', 'tset'])).toEqual({ code: 2, stdout: '', stderr: 'fejl: der er ingen post med id\'et tset. Mente du: organisation Test (test)?\n' });
    expect((await run(['history', 'Gamel Forening'], 'en')).stderr).toBe('error: there is no record that matches what you gave. Did you mean: organisation Gammel Forening (gammel-forening)?\n');
  });

  test('only names and ids are suggested: a contact person near what was typed is not', async () => {
    const r = await run(['org', 'show', 'karne-jensen']);
    expect(r.stderr).toBe('fejl: der er ingen organisation med id\'et karne-jensen. Se dem med civsam org list, eller søg med civsam find og en del af navnet.\n');
  });

  test('three letters are too few to guess from', async () => {
    expect((await run(['org', 'show', 'tse'])).stderr).not.toContain('Mente du');
  });
});
