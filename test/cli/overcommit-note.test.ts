// Money promised beyond a pool's budget is said when it is promised: any change of an agreement's
// funding, a pool's budget (or anything else that holds money from a pool) that leaves a pool-year
// overcommitted, where it was not, or not by as much, before, ends with a note; a dry run says it
// would. The audit's own rule decides, so the note and `civsam audit` never disagree.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { civsam } from '../helpers/cli.js';
import { baseFiles, makeFolder } from '../helpers/folder.js';

const DA = { env: { CIVSAM_LANG: 'da' } };
const json = (v: unknown) => JSON.stringify(v) + '\n';
// Budget 2026: 1,000,000 kr.; already promised: 600,000 kr. (ag) + 300,000 kr. (draft: not counted).
const POOL = { id: 'p', name: 'Psykiatripuljen', areas: ['psychiatry'], eligible_kinds: ['development', 'operation'], budgets: [{ year: 2026, amount_dkk: 1_000_000 }] };
const agreement = (id: string, amount: number, status = 'active') => ({
  id, title: `Aftale ${id}`, organisations: ['alpha'], region_unit: 'Psykiatrien', areas: ['psychiatry'], scope: 'regional', start: '2026-01-01', status,
  funding: [{ pool: 'p', year: 2026, kind: 'operation', amount_dkk: amount }],
});
const folder = () => makeFolder({ ...baseFiles(), 'pools/p.yaml': json(POOL), 'agreements/ag.yaml': json(agreement('ag', 600_000)), 'agreements/kladde.yaml': json(agreement('kladde', 300_000, 'draft')) });
const run = (dir: string, args: string[], lang: 'da' | 'en' = 'da') => civsam([...args, '--no-commit', '--data', dir], lang === 'da' ? DA : {});
const NOTE_DA = (allocated: string, over: string) => `Bemærk: efter ændringen er der lovet mere af puljen »Psykiatripuljen«, end den har. 2026: ${allocated} fordelt mod et budget på 1.000.000 kr., ${over} for meget. civsam audit melder det som en fejl, indtil årets vedtagne budget er registreret (civsam pool budget), eller der er lovet mindre.\n`;

describe('a change that promises more of a pool than its budget', () => {
  it('an agreement edited above the budget (600,000 → 1,200,000 kr.: 200,000 kr. too much) is saved and then said, in Danish and English', async () => {
    const dir = folder();
    const da = await run(dir, ['agreement', 'edit', 'ag', '--funding', 'p:2026:operation:1200000']);
    expect(da.code).toBe(0);
    expect(da.stderr.endsWith(NOTE_DA('1.200.000 kr.', '200.000 kr.'))).toBe(true);
    expect(readFileSync(join(dir, 'agreements/ag.yaml'), 'utf8')).toContain('1200000');
    // Raised further (1,250,000 kr.: 250,000 kr. too much): said again, with the new sums.
    const en = await run(dir, ['agreement', 'edit', 'ag', '--funding', 'p:2026:operation:1250000'], 'en');
    expect(en.stderr).toContain('Note: after this change more is promised from the pool “Psykiatripuljen” than it has. 2026: DKK 1,250,000 allocated against a budget of DKK 1,000,000, DKK 250,000 too much. civsam audit reports it as an error');
    // Lowered but still above the budget (1,100,000 kr.): the excess is smaller, nothing is said (the audit still finds it).
    const lower = await run(dir, ['agreement', 'edit', 'ag', '--funding', 'p:2026:operation:1100000']);
    expect(lower.code).toBe(0);
    expect(lower.stderr).not.toContain('Bemærk');
    // Another field of the same overcommitted agreement: the pool is as it was, nothing is said.
    const title = await run(dir, ['agreement', 'edit', 'ag', '--title', 'Ny titel']);
    expect(title.code).toBe(0);
    expect(title.stderr).not.toContain('Bemærk');
  });

  it('a draft agreement\'s funding (not counted until it is active) says nothing; a budget lowered below what is promised says it', async () => {
    const dir = folder();
    const within = await run(dir, ['agreement', 'edit', 'kladde', '--funding', 'p:2026:operation:400000']);
    expect(within.stderr).not.toContain('Bemærk');
    // The budget lowered below the 600,000 kr. promised: through `pool budget`, a command of its own.
    const budget = await run(dir, ['pool', 'budget', 'p', '--year', '2026', '--amount', '500000']);
    expect(budget.code).toBe(0);
    expect(budget.stderr).toContain('Bemærk: efter ændringen er der lovet mere af puljen »Psykiatripuljen«, end den har. 2026: 600.000 kr. fordelt mod et budget på 500.000 kr., 100.000 kr. for meget.');
  });

  it('a dry run says what the change would do, and writes nothing; a new agreement is said too', async () => {
    const dir = folder();
    const before = readFileSync(join(dir, 'agreements/ag.yaml'), 'utf8');
    const dry = await run(dir, ['agreement', 'edit', 'ag', '--funding', 'p:2026:operation:1100000', '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stderr).toContain('Bemærk: efter ændringen ville der være lovet mere af puljen »Psykiatripuljen«, end den har. 2026: 1.100.000 kr. fordelt mod et budget på 1.000.000 kr., 100.000 kr. for meget. civsam audit ville melde det som en fejl');
    expect(readFileSync(join(dir, 'agreements/ag.yaml'), 'utf8')).toBe(before);
    const add = await run(dir, ['agreement', 'add', '--title', 'Tredje aftale', '--organisations', 'alpha', '--region-unit', 'Psykiatrien', '--areas', 'psychiatry', '--scope', 'regional', '--start', '2026-02-01', '--status', 'active', '--funding', 'p:2026:development:500000']);
    expect(add.code).toBe(0);
    expect(add.stderr).toContain(NOTE_DA('1.100.000 kr.', '100.000 kr.'));
  });
});
