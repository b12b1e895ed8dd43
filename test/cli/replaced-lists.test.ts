// A flag that gives a whole list anew (--budgets, --funding, --criteria) takes away the entries not
// given again. The edit is made (exit 0), and a note after it says what was removed, in words, and
// how to change one entry and leave the others.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { civsam } from '../helpers/cli.js';
import { baseFiles, makeFolder } from '../helpers/folder.js';

const DA = { env: { CIVSAM_LANG: 'da' } };
const json = (v: unknown) => JSON.stringify(v) + '\n';
const POOL = {
  id: 'p', name: 'Psykiatripuljen', areas: ['psychiatry'], eligible_kinds: ['development', 'operation'],
  budgets: [{ year: 2026, amount_dkk: 500_000 }, { year: 2027, amount_dkk: 1_200_000 }],
  criteria: ['Samarbejde med kommunen.', 'Nye målgrupper'],
};
const AGREEMENT = {
  id: 'ag', title: 'Aftalen', organisations: ['alpha'], region_unit: 'Psykiatrien', areas: ['psychiatry'], scope: 'regional', start: '2026-01-01', status: 'active',
  funding: [{ pool: 'p', year: 2026, kind: 'development', amount_dkk: 300_000 }, { pool: 'p', year: 2027, kind: 'operation', amount_dkk: 100_000 }],
};
const folder = () => makeFolder({ ...baseFiles(), 'pools/p.yaml': json(POOL), 'agreements/ag.yaml': json(AGREEMENT) });
const edit = (dir: string, ...args: string[]) => civsam([...args, '--no-commit', '--data', dir], DA);

describe('a replacing list flag that removes entries', () => {
  it('--budgets: the years removed, with their amounts, and the command that sets one year', async () => {
    const dir = folder();
    const run = await edit(dir, 'pool', 'edit', 'p', '--budgets', '2028:1500000');
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('Gemte pools/p.yaml.\n'.replace('pools', join(dir, 'pools')) + 'Bemærk: --budgets erstatter alle år, så budgetterne for disse år er fjernet: 2026: 500.000 kr. og 2027: 1.200.000 kr. Et enkelt års budget sættes med civsam pool budget p --year ÅR --amount BELØB, som lader de andre år stå.\n'
      // What that does to the money already promised from the pool in those years (the audit's pool-overcommitted, said at once).
      + 'Bemærk: efter ændringen er der lovet mere af puljen »Psykiatripuljen«, end den har. 2026: 300.000 kr. fordelt, men der er intet budget registreret for året. civsam audit melder det som en fejl, indtil årets vedtagne budget er registreret (civsam pool budget), eller der er lovet mindre.\n'
      + 'Bemærk: efter ændringen er der lovet mere af puljen »Psykiatripuljen«, end den har. 2027: 100.000 kr. fordelt, men der er intet budget registreret for året. civsam audit melder det som en fejl, indtil årets vedtagne budget er registreret (civsam pool budget), eller der er lovet mindre.\n');
    // A year given again (another amount) is changed, not removed.
    const one = await edit(dir, 'pool', 'edit', 'p', '--budgets', '2028:1000000', '--budgets', '2029:900000');
    expect(one.stderr).not.toContain('Bemærk');
    const en = await civsam(['pool', 'edit', 'p', '--budgets', '2029:900000', '--no-commit', '--data', dir]);
    expect(en.stderr).toContain("Note: --budgets replaces all years, so this year's budget was removed: 2028: DKK 1,000,000. To set one year's budget and leave the others, use civsam pool budget p --year YEAR --amount AMOUNT.\n");
  });

  it('--funding: the lines removed by pool name, year, kind and amount', async () => {
    const dir = folder();
    const run = await edit(dir, 'agreement', 'edit', 'ag', '--funding', 'p:2026:development:350000');
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('Bemærk: --funding erstatter alle bevillingslinjer, så denne linje er fjernet: Psykiatripuljen 2027 (drift): 100.000 kr. Skal den blive, så angiv den med --funding igen sammen med de nye.\n');
    expect(readFileSync(join(dir, 'agreements/ag.yaml'), 'utf8')).toContain('350000');
  });

  it('--criteria: the criteria removed, quoted; one given again in other case is kept', async () => {
    const dir = folder();
    const run = await edit(dir, 'pool', 'edit', 'p', '--criteria', 'nye målgrupper', 'Frivillige');
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('Bemærk: --criteria erstatter alle kriterier, så dette er fjernet: »Samarbejde med kommunen«. Skal det blive, så angiv det med --criteria igen sammen med de nye.\n');
  });

  it('says nothing when nothing is removed or when another field is edited', async () => {
    const dir = folder();
    const more = await edit(dir, 'pool', 'edit', 'p', '--budgets', '2026:500000', '--budgets', '2027:1200000', '--budgets', '2028:100000');
    expect(more.code).toBe(0);
    expect(more.stderr).not.toContain('Bemærk');
    const other = await edit(dir, 'pool', 'edit', 'p', '--name', 'Ny pulje');
    expect(other.stderr).not.toContain('Bemærk');
  });

  it('a dry run says what the edit would remove, for each of the three, and writes nothing', async () => {
    const dir = folder();
    const pool = readFileSync(join(dir, 'pools/p.yaml'), 'utf8');
    const budgets = await edit(dir, 'pool', 'edit', 'p', '--budgets', '2030:1', '--dry-run');
    expect(budgets.code).toBe(0);
    expect(budgets.stderr).toContain('Bemærk: --budgets erstatter alle år, så budgetterne for disse år ville blive fjernet: 2026: 500.000 kr. og 2027: 1.200.000 kr. Et enkelt års budget sættes med civsam pool budget p --year ÅR --amount BELØB, som lader de andre år stå.\n');
    const criteria = await edit(dir, 'pool', 'edit', 'p', '--criteria', 'nye målgrupper', '--dry-run');
    expect(criteria.stderr).toContain('Bemærk: --criteria erstatter alle kriterier, så dette ville blive fjernet: »Samarbejde med kommunen«. Skal det blive, så angiv det med --criteria igen sammen med de nye.\n');
    expect(readFileSync(join(dir, 'pools/p.yaml'), 'utf8')).toBe(pool);
    const funding = await edit(dir, 'agreement', 'edit', 'ag', '--funding', 'p:2026:development:350000', '--dry-run');
    expect(funding.stderr).toContain('Bemærk: --funding erstatter alle bevillingslinjer, så denne linje ville blive fjernet: Psykiatripuljen 2027 (drift): 100.000 kr. Skal den blive, så angiv den med --funding igen sammen med de nye.\n');
    const en = await civsam(['agreement', 'edit', 'ag', '--funding', 'p:2028:operation:1', '--dry-run', '--data', dir]);
    expect(en.stderr).toContain('Note: --funding replaces all funding lines, so these 2 lines would be removed: Psykiatripuljen 2026 (development): DKK 300,000 and Psykiatripuljen 2027 (operation): DKK 100,000. To keep them, give them again with --funding beside the new ones.\n');
    expect(readFileSync(join(dir, 'agreements/ag.yaml'), 'utf8')).toBe(json(AGREEMENT));
  });
});
