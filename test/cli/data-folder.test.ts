// The data folder is found as the user stands in it, and its civsam.yaml's language is the language
// of messages unless the command line or the environment says otherwise. Through the built binary,
// from a folder `civsam init` made.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, civsam, civsamBinary, testEnv } from '../helpers/cli.js';
import { baseFiles, makeFolder } from '../helpers/folder.js';

// No language from the test's environment: the folder decides unless a case says otherwise.
const NO_LANG = { CIVSAM_LANG: undefined, LANG: 'C.UTF-8' };

let parent: string;
let region: string;
beforeAll(() => {
  parent = makeFolder({});
  const init = civsamBinary(['--lang', 'da', 'init', 'region', '--no-commit'], { cwd: parent, env: NO_LANG });
  expect(init.code, init.stderr).toBe(0);
  region = join(parent, 'region');
  expect(readFileSync(join(region, 'civsam.yaml'), 'utf8')).toMatch(/^language: da$/m);
});

describe('the data folder is found', () => {
  it('standing inside the folder civsam init made, validate works, in the folder\'s language (Danish)', () => {
    const r = civsamBinary(['validate'], { cwd: region, env: NO_LANG });
    expect(r).toEqual({ code: 0, stdout: '', stderr: 'Ingen problemer i 5 filer.\n' });
  });

  it('and in a folder inside it, with paths shown from where the user stands', () => {
    writeFileSync(join(region, 'organisations', 'broken.yaml'), 'id: broken\nname: Brudt\n');
    try {
      const r = civsamBinary(['validate'], { cwd: join(region, 'organisations'), env: NO_LANG });
      expect(r.code).toBe(2);
      expect(r.stdout).toMatch(/^\.\.\/organisations\/broken\.yaml:1:1 {2}Feltet /m);
      expect(r.stdout).toContain('mangler');
    } finally {
      rmSync(join(region, 'organisations', 'broken.yaml'));
    }
  });

  it('--lang en wins over the folder\'s language, and so do CIVSAM_LANG and a Danish LANG; an English LANG does not', () => {
    const inside = join(region, 'vocabularies');
    writeFileSync(join(region, 'organisations', 'broken.yaml'), 'id: broken\nname: Brudt\n');
    try {
      expect(civsamBinary(['--lang', 'en', 'validate'], { cwd: inside, env: NO_LANG }).stdout).toContain('missing');
      expect(civsamBinary(['validate'], { cwd: inside, env: { ...NO_LANG, CIVSAM_LANG: 'en' } }).stdout).toContain('missing');
      expect(civsamBinary(['validate'], { cwd: inside, env: { ...NO_LANG, LANG: 'en_GB.UTF-8' } }).stdout).toContain('mangler');
    } finally {
      rmSync(join(region, 'organisations', 'broken.yaml'));
    }
  });

  it('an English folder speaks English, unless a Danish LANG says otherwise', () => {
    const en = makeFolder({ 'civsam.yaml': 'region:\n  name: Region Test\n  website: https://region.example\nlanguage: "en"   # the team reads English\n' });
    const sub = join(en, 'organisations');
    mkdirSync(sub);
    const gone = civsamBinary(['org', 'show', 'nobody'], { cwd: sub, env: NO_LANG });
    expect(gone.code).toBe(2);
    expect(gone.stderr).toMatch(/^error: /);
    expect(civsamBinary(['org', 'show', 'nobody'], { cwd: sub, env: { ...NO_LANG, LANG: 'da_DK.UTF-8' } }).stderr).toMatch(/^fejl: /);
  });

  it('help, too, is in the folder\'s language', () => {
    const r = civsamBinary(['--help'], { cwd: region, env: NO_LANG });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Brug: civsam /);
  });

  it('a civsam.yaml that is not an ordinary file (a named pipe) is passed by, never read', () => {
    const odd = makeFolder({});
    expect(spawnSync('mkfifo', [join(odd, 'civsam.yaml')]).status).toBe(0);
    const r = civsamBinary(['--help'], { cwd: odd, env: NO_LANG });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: civsam /);
  });

  it('standing in a folder whose civsam.yaml is a named pipe, that folder is the data folder: its check says what is wrong, never "create one with civsam init", and nothing blocks', async () => {
    const odd = makeFolder({ ...baseFiles(), 'civsam.yaml': null });
    expect(spawnSync('mkfifo', [join(odd, 'civsam.yaml')]).status).toBe(0);
    // Never "move it out of the data folder": the settings belong in it, as an ordinary file.
    const pipe = 'Dette er en navngiven kanal (en særlig fil, som programmer sender data igennem), ikke en almindelig fil, så datamappens indstillinger blev ikke læst. Erstat den med civsam.yaml, som den sidst blev registreret i historikken; civsam har ingen kommando til det, så skriv i en terminal i datamappen: git checkout -- civsam.yaml';
    const validate = await civsam(['validate', '--format', 'json'], { cwd: odd, env: { CIVSAM_LANG: 'da' } });
    expect(validate.code).toBe(2);
    expect(JSON.parse(validate.stdout).problems.map((p: { file: string; rule: string; message: string }) => `${p.file} ${p.rule} ${p.message}`)).toEqual([`civsam.yaml file-not-regular ${pipe}`]);
    // From a folder inside it, too; and a command that works on the data refuses it as a folder with an error.
    const inside = await civsam(['validate'], { cwd: join(odd, 'organisations'), env: { CIVSAM_LANG: 'da', COLUMNS: '200' } });
    expect(inside.stdout).toMatch(/^..\/civsam\.yaml:1:1  Dette er en navngiven kanal/);
    const list = await civsam(['org', 'list'], { cwd: odd, env: { CIVSAM_LANG: 'da' } });
    expect(list).toEqual({ code: 2, stdout: '', stderr: `fejl: datamappen ${basename(odd)} har 1 fejl i civsam.yaml, så civsam vil ikke arbejde på den. Kør civsam validate for at se den, og ret den først.\n` });
    for (const r of [validate, inside, list]) expect(r.stdout + r.stderr).not.toContain('civsam init');
  });

  it('a change to a folder whose civsam.yaml is a named pipe is refused as a reading command refuses it, writes nothing and never waits', async () => {
    const odd = makeFolder({ ...baseFiles(), 'civsam.yaml': null });
    expect(spawnSync('mkfifo', [join(odd, 'civsam.yaml')]).status).toBe(0);
    const refusal = `fejl: datamappen ${basename(odd)} har 1 fejl i civsam.yaml, så civsam vil ikke arbejde på den. Kør civsam validate for at se den, og ret den først.\n`;
    const add = ['org', 'add', '--name', 'Ny Forening', '--kind', 'other', '--areas', 'social', '--scope', 'regional', '--no-commit'];
    for (const args of [add, [...add, '--dry-run'], ['vocab', 'add', 'tilbudstyper', '--name-da', 'Samtalegruppe', '--name-en', 'Talk group', '--no-commit']]) {
      const r = await civsam(args, { cwd: odd, env: { CIVSAM_LANG: 'da' } });
      expect(r, args.join(' ')).toEqual({ code: 2, stdout: '', stderr: refusal });
    }
    expect(existsSync(join(odd, 'organisations', 'ny-forening.yaml'))).toBe(false);
    // The built binary too: it ends at once, never waiting on the pipe.
    const bin = spawnSync(process.execPath, [BIN, ...add], { cwd: odd, env: testEnv({ CIVSAM_LANG: 'en' }), encoding: 'utf8', timeout: 20_000 });
    expect({ code: bin.status, stderr: bin.stderr }).toEqual({ code: 2, stderr: `error: the data folder ${basename(odd)} has 1 error in civsam.yaml, so civsam will not work on it. Run civsam validate to see it and put it right first.\n` });
  });

  it('--data and CIVSAM_DATA come before the folder the user stands in', () => {
    const other = makeFolder({ 'civsam.yaml': 'region:\n  name: Region Test\n  website: https://region.example\nlanguage: en\n' });
    const viaFlag = civsamBinary(['validate', '--data', other], { cwd: region, env: { ...NO_LANG, CIVSAM_LANG: 'en' } });
    expect(viaFlag.stdout + viaFlag.stderr).toContain('vocabularies/municipalities.yaml');
    const viaEnv = civsamBinary(['validate'], { cwd: region, env: { ...NO_LANG, CIVSAM_LANG: 'en', CIVSAM_DATA: other } });
    expect(viaEnv.stdout).toBe(viaFlag.stdout);
  });

  it('outside any data folder, ./data, and the refusal says how to find one', () => {
    const outside = makeFolder({});
    const en = civsamBinary(['validate'], { cwd: outside, env: { ...NO_LANG, CIVSAM_LANG: 'en' } });
    expect(en).toEqual({ code: 2, stdout: '', stderr: 'error: there is no data folder at data. Run civsam from inside the data folder, give the folder with --data DIR or CIVSAM_DATA, or create one with civsam init.\n' });
    const da = civsamBinary(['validate'], { cwd: outside, env: { ...NO_LANG, CIVSAM_LANG: 'da' } });
    expect(da.stderr).toBe('fejl: der er ingen datamappe i data. Kør civsam inde fra datamappen, angiv mappen med --data MAPPE eller CIVSAM_DATA, eller opret en med civsam init.\n');
  });

  it('--data or CIVSAM_DATA naming a file is said to be no folder, as init says it, for reading and writing commands alike', async () => {
    const file = join(makeFolder({ 'export.csv': 'a,b\n' }), 'export.csv');
    const said = 'fejl: ' + file + ' findes og er ikke en mappe, så den kan ikke være datamappen. Angiv mappen med --data MAPPE eller CIVSAM_DATA, eller kør civsam inde fra den.\n';
    for (const args of [['org', 'list'], ['org', 'add', '--name', 'Ny Forening', '--kind', 'andet', '--areas', 'social', '--scope', 'regional']]) {
      expect(await civsam(['--data', file, ...args], { env: { CIVSAM_LANG: 'da' } }), args.join(' ')).toEqual({ code: 2, stdout: '', stderr: said });
    }
    expect((await civsam(['org', 'list'], { env: { CIVSAM_LANG: 'da', CIVSAM_DATA: file } })).stderr).toBe(said);
    expect((await civsam(['--data', file, 'validate'])).stderr).toBe(`error: ${file} exists and is not a folder, so it cannot be the data folder. Give the folder with --data DIR or CIVSAM_DATA, or run civsam from inside it.\n`);
  });
});

describe('civsam init where a data folder is already', () => {
  it('standing in one (or in a folder of it), init says it is a data folder already, not that "." is not empty; a new folder inside it is refused', async () => {
    const inside = await civsam(['init'], { cwd: region, env: NO_LANG });
    expect(inside.code).toBe(2);
    expect(inside.stderr).toContain('fejl: mappen region er allerede en datamappe (den har sin civsam.yaml): civsam arbejder på den, hvor du står. civsam init opretter en ny datamappe; skal du have en, så angiv en ny eller tom mappe uden for denne, fx civsam init ../nyt-register.');
    expect(inside.stderr).not.toContain('ikke tom');
    const below = await civsam(['init'], { cwd: join(region, 'organisations'), env: NO_LANG });
    expect(below.code).toBe(2);
    expect(below.stderr).toContain('er allerede en datamappe');
    const nested = await civsam(['init', 'nyt'], { cwd: join(region, 'organisations'), env: NO_LANG });
    expect(nested.code).toBe(2);
    // The example lies beside the data folder, as seen from where the user stands.
    expect(nested.stderr).toContain('fejl: nyt ligger inde i datamappen region, og en datamappe inde i en anden bliver læst af den som en mappe, der ikke hører til. Angiv en ny eller tom mappe uden for region, fx civsam init ../../nyt-register.');
    expect(existsSync(join(region, 'organisations', 'nyt'))).toBe(false);
  });
});
