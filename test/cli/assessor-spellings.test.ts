// One assessor however the files spell the name (other capitals, accents typed apart (NFD), extra
// spaces): one person in the ranking, the audit's assessor rules, ties and disqualification, the
// scoring sheet, export and application assess. The spelling a command writes and the scoring sheet
// shows is the one first recorded: the call's first declaration, else the first assessment.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { parse } from 'yaml';
import { civsam } from '../helpers/cli.js';
import { baseFiles, makeFolder, org } from '../helpers/folder.js';
import { auditOf, call, folderWith, organisation, type Rec } from '../audit/audit-fixture.js';

const NFC = 'Renée Holm';
// The same name, typed otherwise: small letters, the accent typed apart (NFD), two spaces.
const NFD = 'rene\u0301e  holm';

const CRITERIA = [{ id: 'reach', text: { da: 'Rækkevidde' }, weight: 2 }, { id: 'need', text: { da: 'Behov' } }];
const by = (assessor: string, reach: number, need: number, date = '2024-11-10') => ({ assessor, date, scores: [{ criterion: 'reach', score: reach }, { criterion: 'need', score: need }] });

describe('the audit\'s assessor rules', () => {
  const cl = (extra: Rec = {}): [string, Rec] => ['calls', call('c1', { criteria: CRITERIA, ...extra })];
  const app = (id: string, o: string, extra: Rec = {}): [string, Rec] => ['applications', { id, call: 'c1', organisations: [o], amount_dkk: 100_000, kind: 'development', received: '2024-10-15', ...extra }];
  const decided = { outcome: 'granted', date: '2024-12-01' };

  it('take a declaration under one spelling for the assessments under another', () => {
    const files = folderWith([['organisations', organisation('beta')], cl({ declarations: [{ assessor: NFC, date: '2024-11-01', ties: [] }] }),
      app('a1', 'alpha', { assessments: [by(NFC, 3, 3)], decision: decided }), app('a2', 'beta', { assessments: [by(NFD, 4, 4)], decision: decided })]);
    // One assessor, declared before assessing, who scored both applications: nothing is undeclared or missing.
    expect(auditOf(files, 'assessor-undeclared')).toEqual([]);
    expect(auditOf(files, 'assessment-incomplete')).toEqual([]);
  });

  it('find a tie declared under one spelling when the scores were given under another, counting the applications once', () => {
    const files = folderWith([['organisations', organisation('beta')], cl({ declarations: [{ assessor: 'RENÉE HOLM', date: '2024-11-01', ties: [{ organisation: 'beta', relation: 'board' }] }] }),
      app('a1', 'alpha', { assessments: [by(NFC, 3, 3), by('Bo', 3, 3)] }), app('a2', 'beta', { assessments: [by(NFD, 4, 4), by('Bo', 3, 3)] })]);
    expect(auditOf(files, 'assessor-conflict').map((f) => f.message)).toEqual(['an assessor declared a tie to applicant Forening beta and still assessed 2 applications of the call.']);
  });
});

const CALL = { id: 'c1', title: 'Opslag', areas: ['psychiatry'], scope: 'regional', published: '2026-01-05', deadline: '2026-02-01', channel: 'public', criteria: CRITERIA };
const application = (id: string, o: string, assessments: unknown[]) => JSON.stringify({ id, call: 'c1', organisations: [o], amount_dkk: 100_000, kind: 'development', received: '2026-01-20', assessments }) + '\n';
const folder = (a1: unknown[], a2: unknown[], callExtra: Rec = {}) => makeFolder({ ...baseFiles(), 'organisations/beta.yaml': org('beta', 'Beta'), 'calls/c1.yaml': JSON.stringify({ ...CALL, ...callExtra }) + '\n', 'applications/a1.yaml': application('a1', 'alpha', a1), 'applications/a2.yaml': application('a2', 'beta', a2) });
const ranking = async (dir: string) => JSON.parse((await civsam(['--data', dir, 'call', 'ranking', 'c1', '--format', 'json'])).stdout);

describe('call ranking', () => {
  it('counts an assessor spelt two ways as one: every application ranked, each by its two assessors', async () => {
    // a1: reach (5+3)/2 = 4 → 8, need (4+2)/2 = 3 → 11. a2: reach (4+4)/2 = 4 → 8, need (2+2)/2 = 2 → 10.
    const report = await ranking(folder([by(NFC, 5, 4), by('Bo', 3, 2)], [by(NFD, 4, 2), by('Bo', 4, 2)]));
    expect(report.assessors).toBe(2);
    expect(report.applications.map((a: any) => [a.id, a.rank, a.total])).toEqual([['a1', 1, 11], ['a2', 2, 10]]);
  });

  it('counts one person\'s two assessments of an application once, the later one\'s scores where both give one', async () => {
    // a1 holds the assessor twice: need 1 (10 November) and need 5 (12 November, under the other spelling). 2×5 + 5 = 15, not the mean of three.
    const report = await ranking(folder([by(NFC, 5, 1), by(NFD, 5, 5, '2024-11-12')], [by(NFC, 3, 3)]));
    expect(report.assessors).toBe(1);
    expect(report.applications.map((a: any) => [a.id, a.total])).toEqual([['a1', 15], ['a2', 9]]);
    expect(report.applications[0].scores).toEqual([{ assessor: 1, criterion: 'reach', score: 5 }, { assessor: 1, criterion: 'need', score: 5 }]);
  });

  it('leaves out every score of an assessor who declared a tie under another spelling', async () => {
    const dir = folder([by(NFC, 5, 4), by('Bo', 3, 2)], [by(NFD, 4, 2), by('Bo', 4, 2)], { declarations: [{ assessor: 'Renee Holm', date: '2026-01-10', ties: [{ organisation: 'beta' }] }] });
    const report = await ranking(dir);
    expect(report.assessors).toBe(1);
    expect(report.uncounted).toEqual({ assessors: 1, organisations: ['beta'] });
    expect(report.applications.map((a: any) => [a.id, a.total, a.uncounted])).toEqual([['a2', 10, 1], ['a1', 8, 1]]);
  });
});

describe('writing an assessor\'s scores', () => {
  it('application assess makes one assessment of the two spellings a file holds, under the spelling first recorded, and --remove takes both', async () => {
    const dir = folder([by(NFC, 5, 1), by(NFD, 2, 5, '2024-11-12')], [by(NFC, 3, 3)]);
    const r = await civsam(['--data', dir, 'application', 'assess', 'a1', '--assessor', 'RENÉE HOLM', '--score', 'reach=4', '--no-commit']);
    expect(r.code, r.stderr).toBe(0);
    const record = parse(readFileSync(join(dir, 'applications/a1.yaml'), 'utf8'));
    // One assessment, dated when the application was first assessed, the later need score kept, reach corrected.
    expect(record.assessments).toEqual([{ assessor: NFC, date: '2024-11-10', scores: [{ criterion: 'reach', score: 4 }, { criterion: 'need', score: 5 }] }]);
    expect(r.stderr).toContain('The assessment keeps its date, 10 Nov 2024');
    const removed = await civsam(['--data', dir, 'application', 'assess', 'a2', '--assessor', NFD, '--remove', '--no-commit']);
    expect(removed.code, removed.stderr).toBe(0);
    expect(parse(readFileSync(join(dir, 'applications/a2.yaml'), 'utf8')).assessments).toBeUndefined();
  });

  it('the scoring sheet shows the spelling first recorded and the scores given under another; export numbers one person once', async () => {
    const dir = folder([by(NFD, 5, 1)], [by(NFC, 3, 3), by('Bo', 2, 2)], { declarations: [{ assessor: NFC, date: '2026-01-10', ties: [] }] });
    const file = join(makeFolder({}), 's.xlsx');
    expect((await civsam(['--data', dir, 'call', 'scoring-sheet', 'c1', '--assessor', 'renee holm', '--output', file])).code).toBe(0);
    const wb = XLSX.read(readFileSync(file));
    const rows = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[wb.SheetNames[0]], { header: 1, defval: '' });
    expect(rows.slice(1).map((r) => r.slice(3, 5))).toEqual([[5, 1], [3, 3]]);
    const about = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[wb.SheetNames[1]], { header: 1, defval: '' });
    expect(about.find((r) => r[0] === 'Assessor')).toEqual(['Assessor', NFC]);
    const out = join(makeFolder({}), 'a.csv');
    expect((await civsam(['--data', dir, 'export', 'application', '--output', out])).code).toBe(0);
    const csv = readFileSync(out, 'utf8');
    expect(csv).not.toMatch(/Ren/i);
    expect(csv.match(/assessor=[^;]*/g)).toEqual(['assessor=assessor 1', 'assessor=assessor 1', 'assessor=assessor 2']);
  });
});
