// A grant to an application that names no years is money for one year: its call's year, the one
// `call ranking` holds the call against (the year the call's other applications ask for; when none
// does, the deadline's year, or the first year after it that the pool has a budget for). The
// overview, the audit and the ranking count it there, and the decision says which year and why.
import { describe, expect, it } from 'vitest';
import { civsam } from '../helpers/cli.js';
import { baseFiles, makeFolder, org } from '../helpers/folder.js';

const DA = { env: { CIVSAM_LANG: 'da', COLUMNS: '80' } };
const json = (v: unknown) => JSON.stringify(v) + '\n';
// A call closing in December 2026 for the pool's 2027 and 2028 money.
const POOL = { id: 'p', name: 'Puljen', areas: ['psychiatry'], eligible_kinds: ['development', 'operation'], budgets: [{ year: 2027, amount_dkk: 1_000_000 }, { year: 2028, amount_dkk: 1_000_000 }] };
const CALL = { id: 'c', title: 'Opslag 2027', pool: 'p', areas: ['psychiatry'], scope: 'regional', published: '2026-10-01', deadline: '2026-12-01', channel: 'public' };
const app = (id: string, organisation: string, years?: number[]) => ({ id, call: 'c', organisations: [organisation], title: `Projekt ${organisation}`, amount_dkk: 77_000, kind: 'development', ...(years ? { years } : {}), received: '2026-11-20' });
const files = (withYears: boolean) => ({
  ...baseFiles(),
  'organisations/beta.yaml': org('beta', 'Beta Forening'),
  'pools/p.yaml': json(POOL), 'calls/c.yaml': json(CALL),
  ...(withYears ? { 'applications/c-alpha.yaml': json(app('c-alpha', 'alpha', [2027])) } : {}),
  'applications/c-beta.yaml': json(app('c-beta', 'beta')),
});
const run = (dir: string, args: string[]) => civsam([...args, '--data', dir], DA);
const decide = (dir: string, id = 'c-beta') => run(dir, ['application', 'decide', id, '--decision', 'bevilget', '--amount', '77000', '--date', '2026-12-06', '--reason', 'ok', '--no-commit']);

describe('a grant to an application that names no years', () => {
  it('is money for the year the call\'s other applications ask for, in the overview, the audit and the ranking, and the decision says so', async () => {
    const dir = makeFolder(files(true));
    const decided = await decide(dir);
    expect(decided.code).toBe(0);
    expect(decided.stderr.replace(/\s+/g, ' ')).toContain('Ansøgningen »Projekt beta« angiver ikke, hvilke år den søger midler til, så bevillingen regnes, som i civsam call ranking, for puljens midler for 2027: det år, opslagets andre ansøgninger søger midler til. Er det midler til et andet år, så angiv det: civsam application edit c-beta --years ÅR.');
    expect(decided.stderr).not.toContain('intet budget');
    const overview = await run(dir, ['overview', 'funding', '--format', 'json']);
    const years = JSON.parse(overview.stdout).poolYears.map((py: { year: number; allocated: number }) => [py.year, py.allocated]);
    expect(years).toEqual([[2027, 77_000], [2028, 0]]);
    const audit = await run(dir, ['audit', '--format', 'json']);
    expect(JSON.parse(audit.stdout).findings.filter((f: { rule: string }) => f.rule === 'pool-overcommitted')).toEqual([]);
    const ranking = await run(dir, ['call', 'ranking', 'c', '--format', 'json']);
    expect(JSON.parse(ranking.stdout)).toMatchObject({ year: 2027, committed: 77_000 });
  });

  it('with no application naming years, is money for the first year from the deadline\'s on that the pool has a budget for', async () => {
    const dir = makeFolder(files(false));
    const decided = await decide(dir);
    expect(decided.stderr.replace(/\s+/g, ' ')).toContain('for puljens midler for 2027: det første år efter opslagets frist, som puljen har et budget for.');
    const overview = await run(dir, ['overview', 'funding', '--format', 'json']);
    expect(JSON.parse(overview.stdout).poolYears.map((py: { year: number; allocated: number }) => [py.year, py.allocated])).toEqual([[2027, 77_000], [2028, 0]]);
    const ranking = await run(dir, ['call', 'ranking', 'c']);
    expect(ranking.stdout.replace(/\s+/g, ' ')).toContain('Rangordningen holdes op mod puljens midler for 2027, det første år efter fristens, som puljen har et budget for, da ingen ansøgning angiver, hvilke år den søger midler til');
  });

  it('an application that names its years says nothing of them when granted', async () => {
    const dir = makeFolder(files(true));
    const decided = await decide(dir, 'c-alpha');
    expect(decided.code).toBe(0);
    expect(decided.stderr).not.toContain('angiver ikke');
  });
});
