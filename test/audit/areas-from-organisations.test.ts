// An agreement may leave out its areas (the schema does not require them); every rule and report
// must then read its organisations' areas, and split money must not drift into "overcommitted".
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/audit/registry.js';
import { runAudit } from '../../src/audit/run.js';
import { readFolder } from '../../src/store/load-folder.js';
import { buildExpiringReport } from '../../src/reports/expiring.js';
import { buildFundingReport } from '../../src/reports/funding.js';
import { checkFolder } from '../../src/validate/check-folder.js';
import { baseFiles, makeFolder, org } from '../helpers/folder.js';

const load = (files: Record<string, string>) => {
  const { folder, problems } = checkFolder(readFolder(makeFolder({ ...baseFiles(), ...files })));
  expect(problems).toEqual([]);
  return folder;
};

// alpha (baseFiles) works in psychiatry; the agreements below name no areas.
const agreement = (id: string, start: string, end: string, extra = '') =>
  `id: ${id}\ntitle: Projekt ${id}\norganisations: [alpha]\nmunicipalities: [aarhus]\nstart: ${start}\nend: ${end}\nstatus: ended\n` +
  `established_by:\n  exemption: {reason: Forsøg, approved_by: Udvalget, date: ${start}}\nfunding:\n  - {pool: p, year: ${start.slice(0, 4)}, kind: development, amount_dkk: 100000}\n${extra}`;
const pool = 'id: p\nname: Pulje\nareas: [psychiatry]\neligible_kinds: [development]\nbudgets:\n  - {year: 2023, amount_dkk: 1000000}\n  - {year: 2024, amount_dkk: 1000000}\n  - {year: 2025, amount_dkk: 1000000}\n';

describe('an agreement without areas has its organisations\' areas', () => {
  it('short-project-chain finds three short development projects with no areas or patient groups', () => {
    const folder = load({ 'pools/p.yaml': pool,
      'agreements/a1.yaml': agreement('a1', '2023-01-01', '2023-10-31'),
      'agreements/a2.yaml': agreement('a2', '2023-12-01', '2024-09-30'),
      'agreements/a3.yaml': agreement('a3', '2024-11-01', '2025-08-31') });
    const found = runAudit(folder, RULES.filter((r) => r.id === 'short-project-chain'), { asOf: '2026-01-01' }).findings;
    expect(found.map((f) => `${f.subject.id} ${f.related.map((r) => r.id).join(',')}`)).toEqual(['a3 a1,a2']);
  });

  it('--area keeps it: the audit and the expiring overview both find it under psychiatry, not under health', () => {
    const folder = load({ 'pools/p.yaml': pool, 'agreements/a1.yaml': agreement('a1', '2025-01-01', '2025-12-31').replace('status: ended', 'status: active') });
    const expired = (area: 'psychiatry' | 'health') => runAudit(folder, RULES.filter((r) => r.id === 'agreement-expired'), { asOf: '2026-01-10', area }).findings.length;
    expect([expired('psychiatry'), expired('health')]).toEqual([1, 0]);
    const expiring = (area: 'psychiatry' | 'health') => buildExpiringReport(folder, '2026-01-10', 90, { areas: [area] }).entries.length;
    expect([expiring('psychiatry'), expiring('health')]).toEqual([1, 0]);
  });
});

describe('money split among several organisations', () => {
  it('998 kr. shared by six organisations is 998 allocated, not overcommitted against a budget of 998', () => {
    const orgs: Record<string, string> = {};
    const ids = ['o1', 'o2', 'o3', 'o4', 'o5'];
    ids.forEach((id, i) => { orgs[`organisations/${id}.yaml`] = org(id, `Forening ${id}`, undefined); void i; });
    const folder = load({ ...orgs,
      'pools/p.yaml': 'id: p\nname: Pulje\nareas: [psychiatry]\neligible_kinds: [operation]\nbudgets:\n  - {year: 2026, amount_dkk: 998}\n',
      'agreements/a.yaml': `id: a\ntitle: Fælles\norganisations: [alpha, ${ids.join(', ')}]\nareas: [psychiatry]\nscope: regional\nstart: 2026-01-01\nstatus: active\nfunding:\n  - {pool: p, year: 2026, kind: operation, amount_dkk: 998}\n` });
    const py = buildFundingReport(folder, '2026-06-01').poolYears[0];
    expect({ allocated: py.allocated, remaining: py.remaining, overcommitted: py.overcommitted, operation: py.operation.amount })
      .toEqual({ allocated: 998, remaining: 0, overcommitted: false, operation: 998 });
    expect(runAudit(folder, RULES.filter((r) => r.id === 'pool-overcommitted'), { asOf: '2026-06-01' }).findings).toEqual([]);
  });
});
