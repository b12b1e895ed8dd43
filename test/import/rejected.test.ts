// import --skip-invalid --rejected FILE: the rejected rows never go into the data folder (however
// the path gets there) nor over an existing file without --force; a refusal imports nothing.
import { existsSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { baseFiles, makeFolder } from '../helpers/folder.js';
import { civsamInProcess } from '../helpers/in-process.js';

// One good row and one with a kind that does not exist (row 3).
const CSV = 'navn;type;status;områder;patientgrupper;kommuner\nNy Forening;patientforening;aktiv;psykiatri;depression;aarhus\nDårlig Forening;ukendt;aktiv;psykiatri;depression;aarhus\n';

function setup() {
  const root = makeFolder({
    ...Object.fromEntries(Object.entries(baseFiles()).map(([rel, text]) => [`data/${rel}`, text as string])),
    'in.csv': CSV,
    'data/in.csv': CSV,
    'old.csv': 'earlier rows\n',
  });
  const data = join(root, 'data');
  const alpha = readFileSync(join(data, 'organisations/alpha.yaml'), 'utf8');
  const imported = () => readdirSync(join(data, 'organisations')).sort();
  const run = (args: string[]) => civsamInProcess(['--data', data, 'import', 'organisations', join(root, 'in.csv'), '--skip-invalid', '--no-commit', ...args]);
  return { root, data, alpha, imported, run };
}

describe('--rejected refused inside the data folder', () => {
  test('a record file: refused before anything is read, the record as it was, nothing imported', async () => {
    const { data, alpha, imported, run } = setup();
    const target = join(data, 'organisations/alpha.yaml');
    const r = await run(['--rejected', target]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`error: the rejected rows would be written to ${target}, inside the data folder ${data}, where only civsam's own files belong. Nothing was imported. Give --rejected a file outside the data folder.\n`);
    expect(readFileSync(target, 'utf8')).toBe(alpha);
    expect(imported()).toEqual(['alpha.yaml']);
  });

  test('through .. and through a symbolic link to the folder', async () => {
    const { root, data, imported, run } = setup();
    symlinkSync(data, join(root, 'link'));
    for (const target of [join(root, 'elsewhere', '..', 'data', 'x.csv'), `${data}/../data/sub/x.csv`, join(root, 'link', 'x.csv'), data]) {
      const r = await run(['--rejected', target]);
      expect(r.code, target).toBe(2);
      expect(r.stderr, target).toContain('inside the data folder');
    }
    expect(existsSync(join(data, 'x.csv'))).toBe(false);
    expect(imported()).toEqual(['alpha.yaml']);
  });

  test('the default file beside an input inside the data folder: refused, nothing imported', async () => {
    const { data, imported } = setup();
    const r = await civsamInProcess(['--data', data, 'import', 'organisations', join(data, 'in.csv'), '--skip-invalid', '--no-commit']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`error: the rejected rows would be written to ${join(data, 'in.rejected.csv')}, inside the data folder`);
    expect(existsSync(join(data, 'in.rejected.csv'))).toBe(false);
    expect(imported()).toEqual(['alpha.yaml']);
  });
});

describe('--rejected over an existing file', () => {
  test('refused without --force: the file as it was, nothing imported', async () => {
    const { root, imported, run } = setup();
    const r = await run(['--rejected', join(root, 'old.csv')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`error: the file ${join(root, 'old.csv')} for the rejected rows exists already. Nothing was imported. Give --rejected another file, or add --force to overwrite it.\n`);
    expect(readFileSync(join(root, 'old.csv'), 'utf8')).toBe('earlier rows\n');
    expect(imported()).toEqual(['alpha.yaml']);
  });

  test('in Danish', async () => {
    const { root, data } = setup();
    const r = await civsamInProcess(['--lang', 'da', '--data', data, 'import', 'organisations', join(root, 'in.csv'), '--skip-invalid', '--rejected', join(root, 'old.csv')]);
    expect(r.stderr).toBe(`fejl: filen ${join(root, 'old.csv')} til de afviste rækker findes allerede. Intet blev importeret. Angiv en anden fil med --rejected, eller tilføj --force for at overskrive den.\n`);
  });

  test('with --force: replaced by the rejected rows, the good row imported (exit 1: rows left out)', async () => {
    const { root, imported, run } = setup();
    const r = await run(['--rejected', join(root, 'old.csv'), '--force']);
    expect(r.code).toBe(1);
    expect(readFileSync(join(root, 'old.csv'), 'utf8')).toMatch(/^\uFEFFnavn;type;status;områder;patientgrupper;kommuner;problem\r\nDårlig Forening;ukendt;/);
    expect(imported()).toEqual(['alpha.yaml', 'ny-forening.yaml']);
  });

  test('a new file outside the folder is written (near miss)', async () => {
    const { root, imported, run } = setup();
    const r = await run(['--rejected', join(root, 'new.csv')]);
    expect(r.code).toBe(1);
    expect(readFileSync(join(root, 'new.csv'), 'utf8')).toContain('Dårlig Forening;ukendt;');
    expect(imported()).toEqual(['alpha.yaml', 'ny-forening.yaml']);
  });
});
