// A number in a file given with --from-file that YAML reads otherwise than it is written is refused
// at its place, as validate refuses it in a record's file: a Danish thousands point (`beløb:
// 100.000`, read as 100) under a Danish key or an English one, with the digits to write and the
// file's other problems, and forms such as 0x… or 2.027e3.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { civsam } from '../helpers/cli.js';
import { baseFiles, makeFolder } from '../helpers/folder.js';

const agreement = (amountLine: string) => [
  'title: Angstcafé',
  'organisations: [alpha]',
  'scope: regional',
  'start: 2026-01-01',
  'status: active',
  'funding:',
  '  - pool: ' + 'psykiatripuljen',
  '    year: 2026',
  '    kind: development',
  `    ${amountLine}`,
  '',
].join('\n');

async function add(file: string, lang = 'da') {
  const dir = makeFolder({ ...baseFiles(), 'pools/psykiatripuljen.yaml': 'id: psykiatripuljen\nname: Psykiatripuljen\nareas: [psychiatry]\neligible_kinds: [development]\nbudgets:\n  - year: 2026\n    amount_dkk: 500000\n' });
  writeFileSync(join(dir, 'ny.yaml'), file);
  const r = await civsam(['--data', dir, 'agreement', 'add', '--from-file', 'ny.yaml', '--no-commit'], { cwd: dir, env: { CIVSAM_LANG: lang } });
  return { r, dir };
}

describe('--from-file: numbers YAML would read otherwise', () => {
  it('a thousands point under a Danish key is refused at the value, nothing written (it was stored as 100)', async () => {
    const { r, dir } = await add(agreement('beløb: 100.000'));
    expect(r.stderr).toBe('  ny.yaml:10:12  Midler nr. 1: beløb skrives i hele kroner med cifre alene, uden punktum, komma eller mellemrum (fx 250000 for 250.000 kr.); øre kan ikke registreres.\nfejl: ændringen blev afvist på grund af problemet ovenfor; intet er skrevet.\n');
    expect(r.code).toBe(2);
    expect(existsSync(join(dir, 'agreements')) ? readdirSync(join(dir, 'agreements')) : []).toEqual([]);
  });
  it('under the English key too; in English (1.500.000, not a number in YAML, is refused by the schema already)', async () => {
    const { r } = await add(agreement('amount_dkk: 250.000'), 'en');
    expect(r.stderr).toBe('  ny.yaml:10:17  Funding no. 1: amount is written in whole kroner, in digits only, without points, commas or spaces (e.g. 250000 for 250.000 kr.); øre cannot be recorded.\nerror: the change was refused because of the problem above; nothing was written.\n');
    expect(r.code).toBe(2);
  });
  it('an amount with points or spaces between the thousands is said one way, how to write it (never the amount), and with the file\'s other problems', async () => {
    const file = agreement('amount_dkk: 250.000').replace('title: Angstcafé\n', 'title: Angstcafé\nstart_note: x\n')
      + '  - {pool: psykiatripuljen, year: 2027, kind: development, amount_dkk: 1.500.000}\n  - {pool: psykiatripuljen, year: 2028, kind: development, amount_dkk: 250 000}\n';
    const { r, dir } = await add(file);
    expect(r.stderr.split('\n').filter((l) => l.includes('beløb'))).toEqual([
      '  ny.yaml:11:17  Midler nr. 1: beløb skrives i hele kroner med cifre alene, uden punktum, komma eller mellemrum (fx 250000 for 250.000 kr.); øre kan ikke registreres.',
      '  ny.yaml:12:72  Midler nr. 2: beløb skrives i hele kroner med cifre alene, uden punktum, komma eller mellemrum (fx 250000 for 250.000 kr.); øre kan ikke registreres.',
      '  ny.yaml:13:72  Midler nr. 3: beløb skrives i hele kroner med cifre alene, uden punktum, komma eller mellemrum (fx 250000 for 250.000 kr.); øre kan ikke registreres.',
    ]);
    // The file's other problem is said too (the amounts no longer stop the reading at the first).
    expect(r.stderr).toContain('start_note');
    expect(r.stderr).toMatch(/fejl: ændringen blev afvist på grund af de 4 problemer ovenfor; intet er skrevet\.\n$/);
    expect(r.code).toBe(2);
    expect(existsSync(join(dir, 'agreements')) ? readdirSync(join(dir, 'agreements')) : []).toEqual([]);
  });
  it('a hexadecimal amount is refused as validate refuses it', async () => {
    const { r } = await add(agreement('amount_dkk: 0x100'));
    expect(r.stderr).toMatch(/^fejl: ny\.yaml:10:17: Et helt tal, fx et beløb eller et årstal, skrives kun med cifre/);
    expect(r.code).toBe(2);
  });
  it('near miss: a decimal under a key that takes one (a criterion\'s weight) is a decimal, not a thousands point', async () => {
    for (const key of ['weight']) {
      const dir = makeFolder(baseFiles());
      writeFileSync(join(dir, 'pulje.yaml'), `name: Ny pulje\nareas: [psychiatry]\neligible_kinds: [development]\nbudgets:\n  - year: 2026\n    amount_dkk: 500000\ncriteria:\n  - id: k\n    text: {da: Kvalitet}\n    ${key}: 1.250\n`);
      const r = await civsam(['--data', dir, 'pool', 'add', '--from-file', 'pulje.yaml', '--no-commit'], { cwd: dir, env: { CIVSAM_LANG: 'da' } });
      expect(r.stderr, key).toMatch(/^Oprettede /);
      expect(readFileSync(join(dir, 'pools/ny-pulje.yaml'), 'utf8')).toContain('weight: 1.25\n');
    }
  });
  it('near miss: the amount in digits alone is written', async () => {
    const { r } = await add(agreement('amount_dkk: 100000'));
    expect(r.stderr).toMatch(/^Oprettede /);
    expect(r.code).toBe(0);
  });
});

describe('an edit of a record whose file holds a number YAML misreads', () => {
  const files = () => ({
    ...baseFiles(),
    'pools/psykiatripuljen.yaml': 'id: psykiatripuljen\nname: Psykiatripuljen\nareas: [psychiatry]\neligible_kinds: [development]\nbudgets:\n  - year: 2026\n    amount_dkk: 500000\n',
    'agreements/a.yaml': 'id: a\n' + agreement('amount_dkk: 300.000'),
  });
  it('is refused at the number, as validate says it, and the file is left as it was', async () => {
    const dir = makeFolder(files());
    const before = readFileSync(join(dir, 'agreements/a.yaml'), 'utf8');
    const r = await civsam(['--data', dir, 'agreement', 'edit', 'a', '--notes', 'Ny note', '--no-commit'], { cwd: dir, env: { CIVSAM_LANG: 'da' } });
    expect(r.stderr.replaceAll(dir + '/', '')).toBe('  agreements/a.yaml:11:17  Beløb skrives i hele kroner med cifre alene, uden punktum, komma eller mellemrum (fx 250000 for 250.000 kr.); øre kan ikke registreres.\nfejl: ændringen blev afvist på grund af problemet ovenfor; intet er skrevet.\n');
    expect(r.code).toBe(2);
    expect(readFileSync(join(dir, 'agreements/a.yaml'), 'utf8')).toBe(before);
  });
});
