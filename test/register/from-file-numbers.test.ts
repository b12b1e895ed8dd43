// A number in a file given with --from-file that YAML reads otherwise than it is written is refused
// at its place, as validate refuses it in a record's file: a Danish thousands point (`beløb:
// 100.000`, read as 100) under a Danish key or an English one, and forms such as 0x… or 2.027e3.
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
    expect(r.stderr).toBe('fejl: ny.yaml:10:12: Et tal skrives uden punktum mellem tusinderne: YAML læser punktummet som decimaltegn, så 100.000 ville tælle som 100. Skriv det med cifre alene, fx 100000. Intet er skrevet.\n');
    expect(r.code).toBe(2);
    expect(existsSync(join(dir, 'agreements')) ? readdirSync(join(dir, 'agreements')) : []).toEqual([]);
  });
  it('under the English key too; in English (1.500.000, not a number in YAML, is refused by the schema already)', async () => {
    const { r } = await add(agreement('amount_dkk: 250.000'), 'en');
    expect(r.stderr).toMatch(/^error: ny\.yaml:10:17: A number is written without a point between thousands/);
    expect(r.code).toBe(2);
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
