// Records shown by their name or title where a case worker reads them, with the id only where
// nothing else tells two apart: org show's funding, consultation plan's tie-break, call letters'
// summary, and history's choice between an exact name and a match through another record.
import { describe, expect, test } from 'vitest';
import { civsam } from '../helpers/cli.js';
import { baseFiles, makeFolder, org } from '../helpers/folder.js';
import { git } from '../helpers/team.js';

const json = (v: unknown) => JSON.stringify(v) + '\n';
const DA = { env: { CIVSAM_LANG: 'da', COLUMNS: '80' } };

describe('org show: what carries the funding, by its title', () => {
  const POOL = { id: 'p', name: 'Psykiatripuljen', areas: ['psychiatry'], eligible_kinds: ['development'], budgets: [{ year: 2026, amount_dkk: 900_000 }] };
  const CALL = { id: '2026-opslag-psykiatri', title: 'Psykiatriopslag', pool: 'p', areas: ['psychiatry'], scope: 'regional', published: '2026-01-05', deadline: '2026-02-01', channel: 'public', criteria: [{ id: 'samarbejde', text: { da: 'Samarbejde' } }] };
  const agreement = (id: string, title: string, amount: number) => json({
    id, title, organisations: ['alpha'], region_unit: 'Psykiatrien', areas: ['psychiatry'], scope: 'regional', start: '2026-01-01', status: 'active',
    funding: [{ pool: 'p', year: 2026, kind: 'development', amount_dkk: amount }],
  });
  const dir = makeFolder({
    ...baseFiles(),
    'pools/p.yaml': json(POOL),
    'calls/2026-opslag-psykiatri.yaml': json(CALL),
    'agreements/2026-psyk-001.yaml': agreement('2026-psyk-001', 'Samtalegrupper for unge med angst', 100_000),
    'agreements/2026-psyk-002.yaml': agreement('2026-psyk-002', 'Samarbejdsaftale', 200_000),
    'agreements/2026-psyk-003.yaml': agreement('2026-psyk-003', 'Samarbejdsaftale', 300_000),
    'applications/2026-opslag-psykiatri-alpha.yaml': json({
      id: '2026-opslag-psykiatri-alpha', call: '2026-opslag-psykiatri', organisations: ['alpha'], title: 'Pårørendecafé i Aarhus', amount_dkk: 50_000, kind: 'development', years: [2026], received: '2026-01-20',
      assessments: [{ assessor: 'Fagkonsulent', date: '2026-02-10', scores: [{ criterion: 'samarbejde', score: 4 }] }], decision: { date: '2026-03-01', outcome: 'granted', amount_dkk: 50_000 },
    }),
  });

  test('an agreement by its title, an application by its title, the id only beside a title two share', async () => {
    const r = await civsam(['--data', dir, 'org', 'show', 'alpha', '--format', 'md'], DA);
    expect(r.stderr).toBe('');
    const rows = r.stdout.split('\n').filter((l) => l.startsWith('| 2026 |'));
    expect(rows).toEqual([
      '| 2026 | Psykiatripuljen | Samtalegrupper for unge med angst | udvikling | 100.000 kr. |',
      '| 2026 | Psykiatripuljen | Samarbejdsaftale (2026-psyk-002) | udvikling | 200.000 kr. |',
      '| 2026 | Psykiatripuljen | Samarbejdsaftale (2026-psyk-003) | udvikling | 300.000 kr. |',
      '| 2026 | Psykiatripuljen | ansøgningen »Pårørendecafé i Aarhus« | udvikling | 50.000 kr. |',
    ]);
    // JSON keeps the ids, as every record's JSON does.
    const j = JSON.parse((await civsam(['--data', dir, 'org', 'show', 'alpha', '--format', 'json'])).stdout);
    expect(j.funding.map((f: { agreement?: string; application?: string }) => f.agreement ?? f.application)).toEqual(['2026-psyk-001', '2026-psyk-002', '2026-psyk-003', '2026-opslag-psykiatri-alpha']);
  });
});

describe('history: a record\'s own exact name wins over a match through another record', () => {
  const CALL = { id: '2027-opslag-psykiatri', title: 'Psykiatriopslag 2027', areas: ['psychiatry'], scope: 'regional', published: '2027-01-05', deadline: '2027-02-01', channel: 'public', criteria: ['Samarbejde'] };
  const dir = makeFolder({
    ...baseFiles(),
    'organisations/depressionsforeningen.yaml': org('depressionsforeningen', 'Depressionsforeningen'),
    'calls/2027-opslag-psykiatri.yaml': json(CALL),
    'applications/2027-opslag-psykiatri-depressionsforeningen.yaml': json({ id: '2027-opslag-psykiatri-depressionsforeningen', call: '2027-opslag-psykiatri', organisations: ['depressionsforeningen'], title: 'Samtalegrupper i Randers', amount_dkk: 50_000, kind: 'development', years: [2027], received: '2027-01-20' }),
  });
  for (const args of [['init', '-q'], ['add', '-A'], ['commit', '-q', '-m', 'Start']]) git(dir, args);

  test('the organisation\'s name is the organisation, not its application too', async () => {
    const r = await civsam(['--data', dir, 'history', 'Depressionsforeningen', '--format', 'json'], DA);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).record).toEqual({ kind: 'organisation', id: 'depressionsforeningen' });
    // The application is still found by its own title.
    const app = await civsam(['--data', dir, 'history', 'Samtalegrupper i Randers', '--format', 'json'], DA);
    expect(JSON.parse(app.stdout).record).toEqual({ kind: 'application', id: '2027-opslag-psykiatri-depressionsforeningen' });
  });
});
