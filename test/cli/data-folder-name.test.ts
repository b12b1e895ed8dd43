// Standing in the data folder (or in a folder inside it), civsam finds it as `.` or `..`; a sentence
// names it by its own name ("datamappen region har 1 fejl"), never by a bare dot. A command in a
// message keeps the path, which is what the user types from where they stand.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { civsam } from '../helpers/cli.js';
import { baseFiles, makeFolder } from '../helpers/folder.js';
import { dataFolderName } from '../../src/context/data-folder.js';

const DA = { CIVSAM_LANG: 'da' };

/** A data folder named `region` inside a fresh folder, with one record that has errors. */
function regionWithError(): string {
  const parent = makeFolder({});
  const region = join(parent, 'region');
  for (const [rel, text] of Object.entries({ ...baseFiles(), 'organisations/broken.yaml': 'id: broken\nname: Brudt\n' })) {
    mkdirSync(join(region, rel, '..'), { recursive: true });
    writeFileSync(join(region, rel), text as string);
  }
  return region;
}

describe('the data folder in a sentence', () => {
  it('standing in it, or in a folder inside it, a refusal names it by its name', async () => {
    const region = regionWithError();
    for (const cwd of [region, join(region, 'organisations')]) {
      const r = await civsam(['call', 'ranking', 'x'], { cwd, env: DA });
      expect(r.code).toBe(2);
      expect(r.stderr).toBe('fejl: datamappen region har 3 fejl i organisations/broken.yaml, så civsam vil ikke arbejde på den. Kør civsam validate for at se dem, og ret dem først.\n');
    }
    const history = await civsam(['history', '--since', '2026-01-01'], { cwd: region, env: DA });
    expect(history.stderr).toBe('fejl: datamappen region har ingen historik over ændringerne: historikken blev aldrig startet for den. En datamappe, der oprettes med civsam init, har historik fra begyndelsen; for denne kan den, der passer registret, starte den med programmet git.\n');
    const sync = await civsam(['sync'], { cwd: region });
    expect(sync.stderr).toMatch(/^error: the data folder region is not in a git repository, /);
  });

  it('given with --data, it is named as given (near miss)', async () => {
    const region = regionWithError();
    const r = await civsam(['--data', region, 'call', 'ranking', 'x'], { env: DA });
    expect(r.stderr).toBe(`fejl: datamappen ${region} har 3 fejl i organisations/broken.yaml, så civsam vil ikke arbejde på den. Kør civsam validate for at se dem, og ret dem først.\n`);
  });

  it('civsam init . names the new folder by its name; its schemas keep their path', async () => {
    const here = join(makeFolder({}), 'register');
    mkdirSync(here);
    const r = await civsam(['init', '.', '--no-commit'], { cwd: here, env: DA });
    expect(r.code).toBe(0);
    expect(r.stderr.split('\n')[0]).toBe('Oprettede datamappen register (19 filer): indstillinger, model, ordlister, tomme mapper til poster og skemaerne i ./schemas.');
  });

  it('--data . in a folder that is not a data folder: a change or a reading names the folder by its name and says why', async () => {
    const here = join(makeFolder({}), 'skrivebord');
    mkdirSync(here);
    const da = await civsam(['--data', '.', 'org', 'add', '--name', 'Alpha'], { cwd: here, env: DA });
    expect(da).toEqual({ code: 2, stdout: '', stderr: 'fejl: mappen skrivebord er ikke en datamappe: den har ingen civsam.yaml. Kør civsam inde fra datamappen, angiv mappen med --data MAPPE eller CIVSAM_DATA, eller gør den til en datamappe med civsam init.\n' });
    const en = await civsam(['--data', '.', 'org', 'add', '--name', 'Alpha'], { cwd: here });
    expect(en.stderr).toBe('error: the folder skrivebord is not a data folder: it has no civsam.yaml. Run civsam from inside the data folder, give the folder with --data DIR or CIVSAM_DATA, or make this one a data folder with civsam init.\n');
    // Reading it is refused the same way, not as a data folder with errors; validate says what it lacks.
    for (const args of [['org', 'list'], ['find', 'Alpha'], ['audit']]) {
      expect(await civsam(['--data', '.', ...args], { cwd: here, env: DA }), args.join(' ')).toEqual({ code: 2, stdout: '', stderr: da.stderr });
    }
    const validate = await civsam(['--data', '.', 'validate'], { cwd: here, env: DA });
    expect(validate.code).toBe(2);
    expect(validate.stdout + validate.stderr).toContain('civsam.yaml:1:1  civsam.yaml mangler.');
  });

  it('only a path of dots is replaced', () => {
    expect(dataFolderName({ dataDir: '.', cwd: '/a/region' })).toBe('region');
    expect(dataFolderName({ dataDir: '../..', cwd: '/a/region/x/y' })).toBe('region');
    expect(dataFolderName({ dataDir: 'data', cwd: '/a' })).toBe('data');
    expect(dataFolderName({ dataDir: '../data', cwd: '/a/b' })).toBe('../data');
    expect(dataFolderName({ dataDir: '.', cwd: '/' })).toBe('.');
  });
});
