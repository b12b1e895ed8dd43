// An amount option takes an amount as the guided question does, with the unit people write beside it
// (`250.000 kr.`); one that is still no whole number of kroner is refused for what it is: øre, or no
// number at all.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { civsam } from '../helpers/cli.js';
import { baseFiles, makeFolder } from '../helpers/folder.js';
import { todayIs } from '../helpers/today.js';

const POOL = 'id: puljen\nname: Puljen\nareas: [psychiatry]\neligible_kinds: [operation, development]\nbudgets:\n  - year: 2026\n    amount_dkk: 1000000\n';
const CALL = 'id: c\ntitle: Opslaget\npool: puljen\nareas: [psychiatry]\nscope: regional\npublished: 2026-01-01\ndeadline: 2027-02-01\nchannel: public\n';
const folder = () => makeFolder({ ...baseFiles(), 'pools/puljen.yaml': POOL, 'calls/c.yaml': CALL });
const da = (dir: string, ...args: string[]) => civsam(['--data', dir, ...args, '--no-input', '--no-commit'], { env: { CIVSAM_LANG: 'da' } });
const yaml = (dir: string, rel: string) => parse(readFileSync(join(dir, rel), 'utf8'));

describe('amounts written with their unit', () => {
  todayIs('2026-12-07');

  it('application add --amount "250.000 kr." is 250000 kroner', async () => {
    const dir = folder();
    const run = await da(dir, 'application', 'add', '--call', 'c', '--organisation', 'alpha', '--amount', '250.000 kr.', '--kind', 'operation', '--received', '2026-12-01');
    expect(run.stderr).not.toContain('fejl');
    expect(run.code).toBe(0);
    expect(yaml(dir, 'applications/c-alpha.yaml').amount_dkk).toBe(250000);
  });

  it('a funding line and a pool budget take the unit too', async () => {
    const dir = folder();
    const added = await da(dir, 'agreement', 'add', '--title', 'Aftalen', '--organisations', 'alpha', '--start', '2026-01-01', '--status', 'active', '--scope', 'regional', '--areas', 'psychiatry', '--funding', 'puljen:2026:operation:300.000 kr.');
    expect(added.code).toBe(0);
    expect(yaml(dir, `agreements/${added.stdout.trim()}.yaml`).funding).toEqual([{ pool: 'puljen', year: 2026, kind: 'operation', amount_dkk: 300000 }]);
    expect((await da(dir, 'pool', 'budget', 'puljen', '--year', '2027', '--amount', 'kr. 1.200.000')).code).toBe(0);
    expect(yaml(dir, 'pools/puljen.yaml').budgets).toContainEqual({ year: 2027, amount_dkk: 1200000 });
  });

  it('is refused for øre as øre, and for no number as no number', async () => {
    const dir = folder();
    const args = ['application', 'add', '--call', 'c', '--organisation', 'alpha', '--kind', 'operation', '--received', '2026-12-01', '--amount'];
    expect(await da(dir, ...args, '250.000,50 kr.')).toEqual({ code: 2, stdout: '', stderr: 'fejl: --amount skal være et helt antal kroner uden øre: skriv 250000 eller 250.000, ikke 250.000,00 eller 250000.00.\n' });
    expect(await da(dir, ...args, '250 tusind')).toEqual({ code: 2, stdout: '', stderr: 'fejl: --amount skal være et antal kroner skrevet med tal: skriv 250000, 250.000 eller 250.000 kr.\n' });
  });
});
