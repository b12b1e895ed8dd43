// A file people go on to fill in or correct is never replaced without being asked: a scoring sheet
// an assessor has filled in, an export being corrected for import. Both used to be overwritten by
// the next run without a word. Now an existing file is refused unless --overwrite, and a scoring
// sheet (it names its assessor) is never written into the data folder.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { civsam } from '../helpers/cli.js';
import { baseFiles, makeFolder, org } from '../helpers/folder.js';

const CALL = {
  id: 'c1', title: 'Opslag', areas: ['psychiatry'], scope: 'regional', published: '2026-01-05', deadline: '2026-02-01', channel: 'public',
  criteria: [{ id: 'reach', text: { da: 'Rækkevidde' } }],
};
const app = (id: string, o: string) => JSON.stringify({ id, call: 'c1', organisations: [o], amount_dkk: 100_000, kind: 'development', received: '2026-01-20' }) + '\n';
const folder = () => makeFolder({ ...baseFiles(), 'organisations/beta.yaml': org('beta', 'Beta'), 'calls/c1.yaml': JSON.stringify(CALL) + '\n', 'applications/a1.yaml': app('a1', 'alpha') });
const DA = { env: { CIVSAM_LANG: 'da' } };

test('a scoring sheet is not written over an existing file unless --overwrite', async () => {
  const dir = folder();
  const sheet = join(makeFolder({}), 'ark.xlsx');
  const sheetArgs = ['--data', dir, 'call', 'scoring-sheet', 'c1', '--assessor', 'Søren', '--output', sheet];
  expect((await civsam(sheetArgs, DA)).code).toBe(0);
  // The assessor fills it in (here: any other bytes).
  writeFileSync(sheet, 'udfyldt');
  const again = await civsam(sheetArgs, DA);
  expect(again).toEqual({ code: 2, stdout: '', stderr: `fejl: intet er skrevet: ${sheet} findes allerede og ville blive erstattet med alt, hvad den indeholder. Angiv en anden fil med --output, eller tilføj --overwrite for at erstatte den.\n` });
  expect(readFileSync(sheet, 'utf8')).toBe('udfyldt');
  const replaced = await civsam([...sheetArgs, '--overwrite'], DA);
  expect(replaced).toEqual({ code: 0, stdout: '', stderr: `Skrev 1 række til ${sheet}.\n` });
  expect(readFileSync(sheet).subarray(0, 2).toString()).toBe('PK');
});

test('a scoring sheet is never written into the data folder, which it would leave with an assessor\'s name in it', async () => {
  const dir = folder();
  for (const place of ['ark.xlsx', 'organisations/../noget/ark.xlsx']) {
    const r = await civsam(['call', 'scoring-sheet', 'c1', '--assessor', 'Søren', '--output', place], { ...DA, cwd: dir });
    expect(r, place).toEqual({ code: 2, stdout: '', stderr: `fejl: karakterarket ville blive skrevet til ${place}, som ligger i datamappen ${dir.split('/').pop()}. Arket indeholder bedømmerens navn, og i datamappen hører kun civsams egne filer hjemme. Intet blev skrevet. Angiv med --output en fil uden for datamappen.\n` });
  }
  expect(existsSync(join(dir, 'ark.xlsx'))).toBe(false);
});

test('an export is not written over an existing file unless --overwrite; a new file is written as before', async () => {
  const dir = folder();
  const out = makeFolder({});
  const file = join(out, 'x.csv');
  writeFileSync(file, 'vigtigt\n');
  const r = await civsam(['--data', dir, 'export', 'organisations', '--output', file]);
  expect(r).toEqual({ code: 2, stdout: '', stderr: `error: nothing was written: ${file} exists already and would be replaced, with everything in it. Give --output another file, or add --overwrite to replace it.\n` });
  expect(readFileSync(file, 'utf8')).toBe('vigtigt\n');
  expect((await civsam(['--data', dir, 'export', 'organisations', '--output', file, '--overwrite'])).code).toBe(0);
  expect(readFileSync(file, 'utf8')).toContain('Alpha Forening');
  const fresh = join(out, 'ny.csv');
  expect((await civsam(['--data', dir, 'export', 'organisations', '--output', fresh])).code).toBe(0);
  expect(readFileSync(fresh, 'utf8')).toContain('Alpha Forening');
});
