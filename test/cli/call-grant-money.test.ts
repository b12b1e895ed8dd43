// Money granted through a call is money from the call's pool: overview funding, call ranking, the
// audit's budget rule and org show count it as they count an agreement's funding line, and an
// agreement made from a grant carries that money instead, never both.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { civsam } from '../helpers/cli.js';
import { baseFiles, makeFolder, org } from '../helpers/folder.js';

const json = (v: unknown) => JSON.stringify(v) + '\n';
const POOL = { id: 'p', name: 'Psykiatripuljen', areas: ['psychiatry'], eligible_kinds: ['development'], budgets: [{ year: 2026, amount_dkk: 500_000 }] };
const CALL = {
  id: 'c1', title: 'Psykiatriopslag', pool: 'p', areas: ['psychiatry'], scope: 'regional', published: '2026-01-05', deadline: '2026-02-01', channel: 'public',
  criteria: [{ id: 'samarbejde', text: { da: 'Samarbejde' } }],
};
const agreement = (id: string, organisations: string[], amount: number, more: object = {}) => json({
  id, title: id, organisations, region_unit: 'Psykiatrien', areas: ['psychiatry'], scope: 'regional', start: '2026-01-01', status: 'active',
  funding: [{ pool: 'p', year: 2026, kind: 'development', amount_dkk: amount }], ...more,
});
const scored = [{ assessor: 'Fagkonsulent', date: '2026-02-10', scores: [{ criterion: 'samarbejde', score: 4 }] }];
const application = (id: string, o: string, applied: number, decision?: object, more: object = {}) => json({
  id, call: 'c1', organisations: [o], title: id, amount_dkk: applied, kind: 'development', years: [2026], received: '2026-01-20', assessments: scored,
  ...(decision ? { decision: { date: '2026-03-01', ...decision } } : {}), ...more,
});

// The review's case: a budget of 500,000 for 2026; an agreement (no call) takes 300,000 of it; the
// call grants a-peer 200,000 and a-besog 250,000 (it asked for 150,000): 750,000 promised, 250,000 too much.
function folder(): string {
  return makeFolder({
    ...baseFiles(),
    'organisations/beta.yaml': org('beta', 'Beta'), 'organisations/gamma.yaml': org('gamma', 'Gamma'), 'organisations/delta.yaml': org('delta', 'Delta'),
    'pools/p.yaml': json(POOL),
    'calls/c1.yaml': json(CALL),
    'agreements/ag-old.yaml': agreement('ag-old', ['alpha'], 300_000),
    'applications/a-peer.yaml': application('a-peer', 'beta', 200_000, { outcome: 'granted', amount_dkk: 200_000 }),
    'applications/a-besog.yaml': application('a-besog', 'gamma', 150_000, { outcome: 'partly', amount_dkk: 250_000, reason: 'Delvis', criteria: ['samarbejde'] }),
    'applications/a-open.yaml': application('a-open', 'delta', 50_000),
  });
}

const funding = async (dir: string) => JSON.parse((await civsam(['--data', dir, 'overview', 'funding', '--year', '2026', '--format', 'json'])).stdout).poolYears[0];

describe('grants decided through a call', () => {
  it('count in overview funding, call ranking and the audit, which agree', async () => {
    const dir = folder();
    // 300,000 + 200,000 + 250,000 = 750,000 allocated; 500,000 − 750,000 = −250,000.
    expect(await funding(dir)).toMatchObject({ budget: 500_000, allocated: 750_000, remaining: -250_000, overcommitted: true, organisations: 3 });

    const ranking = JSON.parse((await civsam(['--data', dir, 'call', 'ranking', 'c1', '--format', 'json'])).stdout);
    expect(ranking).toMatchObject({ year: 2026, budget: 500_000, committed: 750_000, available: -250_000 });
    const da = await civsam(['--data', dir, '--lang', 'da', 'call', 'ranking', 'c1', '--format', 'md']);
    expect(da.stdout).toContain('Psykiatripuljen har et budget for 2026 på 500.000 kr., men aftaler og afgjorte ansøgninger har allerede fået bevilget 750.000 kr., 250.000 kr. mere end budgettet: intet er tilbage til de ansøgninger, der endnu ikke er afgjort.');

    const audit = await civsam(['--data', dir, 'audit', '--rule', 'pool-overcommitted', '--format', 'json']);
    const findings = JSON.parse(audit.stdout).findings;
    expect(findings.map((f: any) => [f.subject.id, f.related.map((r: any) => `${r.kind}:${r.id}`)])).toEqual([
      ['p', ['agreement:ag-old', 'application:a-besog', 'application:a-peer']],
    ]);
    const daAudit = await civsam(['--data', dir, '--lang', 'da', 'audit', '--rule', 'pool-overcommitted', '--format', 'md']);
    expect(daAudit.stdout).toContain('2026: 750.000 kr. fordelt mod et budget på 500.000 kr., 250.000 kr. for meget.');
  });

  it('count once when an agreement is made from the grant', async () => {
    const dir = folder();
    // a-peer's agreement (named by the application) carries its 200,000; a-besog's agreement, named
    // by no application, is found by its call and organisation and carries its 250,000: still 750,000.
    writeFileSync(join(dir, 'agreements/ag-peer.yaml'), agreement('ag-peer', ['beta'], 200_000, { established_by: { call: 'c1' } }));
    writeFileSync(join(dir, 'agreements/ag-besog.yaml'), agreement('ag-besog', ['gamma'], 250_000, { established_by: { call: 'c1' } }));
    writeFileSync(join(dir, 'applications/a-peer.yaml'), application('a-peer', 'beta', 200_000, { outcome: 'granted', amount_dkk: 200_000 }, { agreement: 'ag-peer' }));
    expect(await funding(dir)).toMatchObject({ allocated: 750_000, remaining: -250_000 });
    const show = JSON.parse((await civsam(['--data', dir, 'org', 'show', 'beta', '--format', 'json'])).stdout);
    expect(show.funding).toEqual([{ agreement: 'ag-peer', pool: 'p', year: 2026, kind: 'development', amount_dkk: 200_000, exact_amount_dkk: 200_000 }]);

    // A draft agreement promises nothing yet: the decision counts until it is active.
    writeFileSync(join(dir, 'agreements/ag-peer.yaml'), agreement('ag-peer', ['beta'], 200_000, { established_by: { call: 'c1' }, status: 'draft' }));
    expect(await funding(dir)).toMatchObject({ allocated: 750_000 });
    const draft = JSON.parse((await civsam(['--data', dir, 'org', 'show', 'beta', '--format', 'json'])).stdout);
    expect(draft.funding).toEqual([{ application: 'a-peer', pool: 'p', year: 2026, kind: 'development', amount_dkk: 200_000, exact_amount_dkk: 200_000 }]);
    const daShow = await civsam(['--data', dir, '--lang', 'da', 'org', 'show', 'beta', '--format', 'md']);
    expect(daShow.stdout).toContain('| 2026 | Psykiatripuljen | ansøgningen »a-peer« | udvikling | 200.000 kr. |');
  });
});
