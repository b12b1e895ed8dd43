// `civsam call ranking`: weighted totals, ranks and the line where the pool's money runs out,
// worked out by hand beside the data; the .xlsx workbook read back with SheetJS.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { civsam } from '../helpers/cli.js';
import { baseFiles, makeFolder, org } from '../helpers/folder.js';

const CALL = {
  id: 'c1', title: 'Opslag', pool: 'p', areas: ['psychiatry'], scope: 'regional', published: '2026-01-05', deadline: '2026-02-01', channel: 'public',
  criteria: [{ id: 'reach', text: { da: 'Rækkevidde' }, weight: 2 }, { id: 'need', text: { da: 'Behov' } }],
};
const POOL = { id: 'p', name: 'Pulje', areas: ['psychiatry'], eligible_kinds: ['development'], budgets: [{ year: 2026, amount_dkk: 250_000 }] };
const by = (assessor: string, reach: number, need?: number) => ({ assessor, date: '2026-02-10', scores: [{ criterion: 'reach', score: reach }, ...(need === undefined ? [] : [{ criterion: 'need', score: need }])] });
const app = (id: string, o: string, amount: number, assessments: unknown[], decision?: unknown) => JSON.stringify({ id, call: 'c1', organisations: [o], amount_dkk: amount, kind: 'development', received: '2026-01-20', assessments, ...(decision ? { decision } : {}) }) + '\n';

// a1: reach (5+3)/2 = 4 → 8, need (4+2)/2 = 3 → total 11.   a2: reach 4 → 8, need 3 → 11 (tied with a1).
// a3: reach 2 → 4, need 5 → 9.   a4: Bo gave no need score → not ranked.   a5: withdrawn → not ranked.
// Budget 250,000: a1 100,000 (cumulative 100,000) and a2 100,000 (200,000) fit; a3 100,000 (300,000) does not.
function folder(): string {
  return makeFolder({
    ...baseFiles(),
    'organisations/beta.yaml': org('beta', 'Beta'), 'organisations/gamma.yaml': org('gamma', 'Gamma'), 'organisations/delta.yaml': org('delta', 'Delta'), 'organisations/eps.yaml': org('eps', 'Eps'),
    'pools/p.yaml': JSON.stringify(POOL) + '\n',
    'calls/c1.yaml': JSON.stringify(CALL) + '\n',
    'applications/a1.yaml': app('a1', 'alpha', 100_000, [by('Anna', 5, 4), by('Bo', 3, 2)], { outcome: 'granted', date: '2026-03-01', amount_dkk: 100_000 }),
    'applications/a2.yaml': app('a2', 'beta', 100_000, [by('Anna', 4, 3), by('Bo', 4, 3)]),
    'applications/a3.yaml': app('a3', 'gamma', 100_000, [by('Anna', 2, 5), by('Bo', 2, 5)], { outcome: 'refused', date: '2026-03-01', reason: 'r', criteria: ['reach'] }),
    'applications/a4.yaml': app('a4', 'delta', 100_000, [by('Anna', 5, 5), by('Bo', 5)]),
    'applications/a5.yaml': app('a5', 'eps', 100_000, [], { outcome: 'withdrawn', date: '2026-02-15' }),
  });
}

describe('call ranking', () => {
  it('ranks by weighted total, ties sharing a rank, and draws the budget line', async () => {
    const r = await civsam(['--data', folder(), 'call', 'ranking', 'c1', '--format', 'json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({ call: 'c1', pool: 'p', year: 2026, budget: 250_000, assessors: 2, lastRankWithinBudget: 1, criteria: [{ id: 'reach', weight: 2 }, { id: 'need', weight: 1 }] });
    expect(report.applications.map((a: any) => [a.id, a.rank, a.total, a.cumulative, a.withinBudget, a.decision])).toEqual([
      ['a1', 1, 11, 100_000, true, 'granted'],
      ['a2', 1, 11, 200_000, true, null],
      ['a3', 3, 9, 300_000, false, 'refused'],
      ['a4', null, null, null, null, null],
      ['a5', null, null, null, null, 'withdrawn'],
    ]);
    expect(report.applications[0].scores).toEqual([{ assessor: 1, criterion: 'reach', score: 5 }, { assessor: 1, criterion: 'need', score: 4 }, { assessor: 2, criterion: 'reach', score: 3 }, { assessor: 2, criterion: 'need', score: 2 }]);
    expect(r.stdout).not.toContain('Anna');
    const table = await civsam(['--data', folder(), 'call', 'ranking', 'c1', '--format', 'md']);
    expect(table.stdout).toContain('covers the amounts applied for down to rank 1; below that, the money for the year has run out.');
  });

  it('writes a workbook with one row per application, assessors by number', async () => {
    const dir = folder();
    const out = join(makeFolder({}), 'rangordning.xlsx');
    const r = await civsam(['--data', dir, '--lang', 'da', 'call', 'ranking', 'c1', '--output', out]);
    expect(r.code).toBe(0);
    const wb = XLSX.read(readFileSync(out));
    const rows = XLSX.utils.sheet_to_json<string[]>(wb.Sheets[wb.SheetNames[0]], { header: 1 });
    expect(rows[0]).toEqual(['Plads', 'Organisationer', 'Ansøgning', 'Bedømmer 1', 'Bedømmer 2', 'Vægtet sum', 'Afgørelse', 'Ansøgt', 'Bevilget', 'Inden for budgettet']);
    expect(rows.slice(1).map((x) => [x[0], x[1], x[2], x[5]])).toEqual([[1, 'Alpha Forening', 'a1', 11], [1, 'Beta', 'a2', 11], [3, 'Gamma', 'a3', 9], ['', 'Delta', 'a4', ''], ['', 'Eps', 'a5', '']]);
    expect(JSON.stringify(rows)).not.toContain('Anna');
  });

  it('a call with no applications yet says so in words, not as criteria and a budget of dashes', async () => {
    const dir = makeFolder({ ...baseFiles(), 'pools/p.yaml': JSON.stringify(POOL) + '\n', 'calls/c1.yaml': JSON.stringify(CALL) + '\n' });
    const r = await civsam(['--data', dir, '--lang', 'da', 'call', 'ranking', 'c1'], { env: { COLUMNS: '200' } });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('Rangordning for opslag c1: 0 ansøgninger\n\nOpslaget c1 har endnu ingen ansøgninger, så der er intet at rangordne. Registrér dem med civsam application add --call c1.\n');
    expect(r.stdout).not.toContain('—');
    const en = await civsam(['--data', dir, 'call', 'ranking', 'c1'], { env: { COLUMNS: '200' } });
    expect(en.stdout).toContain('The call c1 has no applications yet, so there is nothing to rank. Register them with civsam application add --call c1.\n');
  });

  it('says which call is missing', async () => {
    const r = await civsam(['--data', folder(), 'call', 'ranking', 'c9']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('error: there is no call with the id c9. See them with civsam call list, or search with civsam find and part of the name.\n');
  });
});
