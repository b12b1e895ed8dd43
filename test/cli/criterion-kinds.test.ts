// civsam pool criterion / call criterion: what a criterion is for and its weight, on the criterion
// named by its text, so a pool that funds running costs can have a criterion for them without
// editing the file by hand (the audit's criteria-missing-for-kind rule asks for one).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { civsam } from '../helpers/cli.js';
import { baseFiles, makeFolder } from '../helpers/folder.js';

const POOL = 'id: p\nname: Psykiatripuljen\nareas: [psychiatry]\neligible_kinds: [operation]\nbudgets:\n  - year: 2027\n    amount_dkk: 1000\ncriteria:\n  - id: kvalitet\n    text:\n      da: Kvalitet\n  - id: langsigtet-drift\n    text:\n      da: Langsigtet drift\n  - Se også strategien\n';
const CALL = 'id: c\ntitle: Opslag\nareas: [psychiatry]\nscope: regional\npublished: 2026-01-05\ndeadline: 2026-02-01\nchannel: public\ncriteria:\n  - id: reach\n    text:\n      da: Rækkevidde\n';
const run = (dir: string, ...args: string[]) => civsam(['--data', dir, ...args, '--no-commit']);
const criteria = (dir: string, rel: string) => (parse(readFileSync(join(dir, rel), 'utf8')) as { criteria: unknown[] }).criteria;

describe('civsam pool criterion and call criterion', () => {
  it('marks the criterion named by the start of its text (Danish words taken) and clears the audit\'s warning; a plain text beside them stays a text (it is not scored)', async () => {
    const dir = makeFolder({ ...baseFiles(), 'pools/p.yaml': POOL });
    const before = await civsam(['--data', dir, 'audit', '--rule', 'criteria-missing-for-kind', '--format', 'json']);
    expect(JSON.parse(before.stdout).findings).toHaveLength(1);
    const r = await run(dir, 'pool', 'criterion', 'Psykiatripuljen', 'langsigtet', '--for', 'drift', '--lang', 'da');
    expect(r.code).toBe(0);
    expect(criteria(dir, 'pools/p.yaml')).toEqual([
      { id: 'kvalitet', text: { da: 'Kvalitet' } },
      { id: 'langsigtet-drift', text: { da: 'Langsigtet drift' }, kinds: ['operation'] },
      'Se også strategien',
    ]);
    const after = await civsam(['--data', dir, 'audit', '--rule', 'criteria-missing-for-kind', '--format', 'json']);
    expect(JSON.parse(after.stdout).findings).toHaveLength(0);
  });

  it('sets a call criterion\'s kinds (repeated or with commas) and weight (1,5 as people write it)', async () => {
    const dir = makeFolder({ ...baseFiles(), 'calls/c.yaml': CALL });
    expect((await run(dir, 'call', 'criterion', 'c', 'Rækkevidde', '--for', 'development,operation', '--weight', '1,5')).code).toBe(0);
    expect(criteria(dir, 'calls/c.yaml')).toEqual([{ id: 'reach', text: { da: 'Rækkevidde' }, kinds: ['development', 'operation'], weight: 1.5 }]);
  });

  // Before, a plain text beside criteria with ids got an id here, and so became a scored criterion
  // nobody had scored. It is refused now; where every criterion is a plain text, each gets its id.
  it('refuses a plain text beside criteria with ids; in a pool of plain texts alone, gives every one its id as --criteria would', async () => {
    const dir = makeFolder({ ...baseFiles(), 'pools/p.yaml': POOL });
    const mixed = await run(dir, 'pool', 'criterion', 'p', 'Se også', '--weight', '3', '--lang', 'da');
    expect(mixed).toMatchObject({ code: 2, stderr: 'fejl: det kriterium, du nævnte, står i puljen p som tekst uden id ved siden af de kriterier, der gives karakterer efter, så det får ingen karakterer, og hverken en bedømmelse eller en afgørelse kan bygge på det. Nævn et af de kriterier, der gives karakterer efter: »Kvalitet«, »Langsigtet drift«.\n' });
    expect(readFileSync(join(dir, 'pools/p.yaml'), 'utf8')).toBe(POOL);
    const texts = POOL.replace(/criteria:[\s\S]*$/, 'criteria:\n  - Kvalitet\n  - Se også strategien\n');
    const plain = makeFolder({ ...baseFiles(), 'pools/p.yaml': texts });
    const r = await run(plain, 'pool', 'criterion', 'p', 'Se også', '--weight', '3', '--lang', 'da');
    expect(r.code, r.stderr).toBe(0);
    expect(criteria(plain, 'pools/p.yaml')).toEqual([
      { id: 'kvalitet', text: { da: 'Kvalitet' } },
      { id: 'se-ogsaa-strategien', text: { da: 'Se også strategien' }, weight: 3 },
    ]);
  });

  it('refuses nothing to set, a bad weight, a kind it does not know and a criterion the pool lacks, in words, writing nothing', async () => {
    const dir = makeFolder({ ...baseFiles(), 'pools/p.yaml': POOL });
    const none = await run(dir, 'pool', 'criterion', 'p', 'Kvalitet', '--lang', 'da');
    expect(none).toMatchObject({ code: 2, stderr: 'fejl: angiv --for, --weight eller begge: hvad kriteriet gælder for, eller dets vægt.\n' });
    expect((await run(dir, 'pool', 'criterion', 'p', 'Kvalitet', '--weight', 'meget')).code).toBe(2);
    const kind = await run(dir, 'pool', 'criterion', 'p', 'Kvalitet', '--for', 'drfit', '--lang', 'da');
    expect(kind.code).toBe(2);
    expect(kind.stderr).toContain('Mente du: drift?');
    const missing = await run(dir, 'pool', 'criterion', 'p', 'Økonomi', '--for', 'drift', '--lang', 'da');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('fejl: det, du angav, er ikke et kriterium i puljen p. Puljens kriterier er: »Kvalitet«, »Langsigtet drift«.');
    expect(readFileSync(join(dir, 'pools/p.yaml'), 'utf8')).toBe(POOL);
  });
});
