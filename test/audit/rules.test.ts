// Every audit rule: a positive case with its exact JSON finding, and near misses that must not fire.
import { describe, expect, it } from 'vitest';
import { agreement, auditOf, call, folderWith, offer, organisation, pool, type Rec } from './audit-fixture.js';
import { catalogue } from '../../src/i18n/catalogue/index.js';

const org = (id: string, extra: Rec = {}): [string, Rec] => ['organisations', organisation(id, extra)];
const agr = (id: string, extra: Rec = {}): [string, Rec] => ['agreements', agreement(id, extra)];
const pl = (id: string, extra: Rec = {}): [string, Rec] => ['pools', pool(id, extra)];
const cl = (id: string, extra: Rec = {}): [string, Rec] => ['calls', call(id, extra)];
const ofr = (id: string, extra: Rec = {}): [string, Rec] => ['offers', offer(id, extra)];

describe('unilateral-agreement', () => {
  const beta = (extra: Rec = {}) => org('beta', { registered: '2020-01-01', ...extra });
  const run = (...records: Array<[string, Rec]>) => auditOf(folderWith(records), 'unilateral-agreement');

  it('finds an agreement without established_by while a peer exists, and names the peer', () => {
    expect(run(beta(), agr('a1'))).toEqual([{
      rule: 'unilateral-agreement', severity: 'error', principle: 'equal-access',
      subject: { kind: 'agreement', id: 'a1' },
      related: [{ kind: 'organisation', id: 'beta' }],
      message: 'no call or exemption is recorded for how it came about, while 1 comparable organisation was known when it started (1 Jan 2025).',
    }]);
  });

  it('counts peers through the patient-group tree and a regional reach, and lists them by id', () => {
    // gamma works with the parent group (psykisk-sygdom includes depression) and reaches the whole region.
    const found = run(beta(), org('gamma', { patient_groups: ['psykisk-sygdom'], municipalities: undefined, scope: 'regional' }), agr('a1'));
    expect(found.map((f) => f.related)).toEqual([[{ kind: 'organisation', id: 'beta' }, { kind: 'organisation', id: 'gamma' }]]);
    expect(found[0].message).toContain('while 2 comparable');
  });

  it('does not count a peer in another municipality', () => {
    expect(run(beta({ municipalities: ['skive'] }), agr('a1'))).toEqual([]);
  });

  it('does not count an organisation that shares no patient group', () => {
    expect(run(beta({ patient_groups: ['angst'] }), agr('a1'))).toEqual([]);
  });

  it('does not count an organisation that shares no area', () => {
    expect(run(beta({ areas: ['health'], patient_groups: ['diabetes'] }), agr('a1', { areas: ['psychiatry'] }))).toEqual([]);
  });

  it('does not count an organisation registered after the agreement started', () => {
    expect(run(beta({ registered: '2025-01-02' }), agr('a1'))).toEqual([]);
    expect(run(beta({ registered: '2025-01-01' }), agr('a1'))).toHaveLength(1);
  });

  it('gives an agreement that names no areas its organisations\' areas, and one that names no patient groups every group of them', () => {
    const bare = agreement('a1');
    delete bare.areas;
    delete bare.patient_groups;
    // beta works with anxiety: a patient group of psychiatry, alpha's area.
    expect(run(beta({ patient_groups: ['angst'] }), ['agreements', bare]).map((f) => f.related)).toEqual([[{ kind: 'organisation', id: 'beta' }]]);
    expect(run(beta({ areas: ['health'], patient_groups: ['diabetes'] }), ['agreements', bare])).toEqual([]);
  });

  it('does not count an inactive organisation or the agreement\'s own parties', () => {
    expect(run(beta({ status: 'inactive' }), agr('a1'))).toEqual([]);
    expect(run(beta(), agr('a1', { organisations: ['alpha', 'beta'] }))).toEqual([]);
  });

  it('judges a peer by its status when the agreement started: made inactive since, it still counts', () => {
    // a1 started 2025-01-01; the audit is on 2026-11-23.
    expect(run(beta({ status: 'inactive', inactive_since: '2026-11-23' }), agr('a1')).map((f) => f.related)).toEqual([[{ kind: 'organisation', id: 'beta' }]]);
    expect(run(beta({ status: 'inactive', inactive_since: '2025-01-02' }), agr('a1'))).toHaveLength(1);
    expect(run(beta({ status: 'inactive', inactive_since: '2025-01-01' }), agr('a1'))).toEqual([]);
  });

  it('is satisfied by a recorded call or exemption, and does not judge a cancelled agreement', () => {
    expect(run(beta(), cl('c1', { selected: ['alpha'] }), agr('a1', { established_by: { call: 'c1' } }))).toEqual([]);
    expect(run(beta(), agr('a1', { established_by: { exemption: { reason: 'Eneste udbyder', approved_by: 'Udvalget', date: '2024-12-01' } } }))).toEqual([]);
    expect(run(beta(), agr('a1', { status: 'cancelled' }))).toEqual([]);
  });
});

describe('exemption-incomplete', () => {
  const run = (exemption: Rec, extra: Rec = {}) => auditOf(folderWith([agr('a1', { established_by: { exemption }, ...extra })]), 'exemption-incomplete');

  it('finds an exemption without an approver, naming the missing field', () => {
    expect(run({ reason: 'Akut behov', date: '2024-12-01' })).toEqual([{
      rule: 'exemption-incomplete', severity: 'error', principle: 'documented-exceptions',
      subject: { kind: 'agreement', id: 'a1' }, related: [],
      message: 'established by an exemption that lacks: approved by.',
    }]);
  });

  it('counts a blank reason as missing', () => {
    expect(run({ reason: '   ', approved_by: 'Udvalget' }).map((f) => f.message)).toEqual(['established by an exemption that lacks: reason and date.']);
  });

  it('does not fire on a complete exemption or a cancelled agreement', () => {
    expect(run({ reason: 'Akut behov', approved_by: 'Udvalget', date: '2024-12-01' })).toEqual([]);
    expect(run({ reason: 'Akut behov' }, { status: 'cancelled' })).toEqual([]);
  });
});

describe('restricted-call', () => {
  const beta = (extra: Rec = {}) => org('beta', { registered: '2020-01-01', ...extra });
  const a1 = agr('a1', { established_by: { call: 'c1' } });
  const invited = (extra: Rec = {}) => cl('c1', { channel: 'invited', invited: ['alpha'], selected: ['alpha'], ...extra });
  const run = (...records: Array<[string, Rec]>) => auditOf(folderWith(records), 'restricted-call');

  it('finds an invited call that left out a peer, as an error without a reason', () => {
    expect(run(beta(), invited(), a1)).toEqual([{
      rule: 'restricted-call', severity: 'error', principle: 'openness',
      subject: { kind: 'agreement', id: 'a1' },
      related: [{ kind: 'call', id: 'c1' }, { kind: 'organisation', id: 'beta' }],
      message: 'made through the call “Opslag c1”, sent only to invited organisations, which left out 1 comparable organisation known when it was published (1 Oct 2024); the call gives no reason for the limited circle (field “reason for the channel”).',
    }]);
  });

  it('is a warning when the call gives a documented reason', () => {
    expect(run(beta(), invited({ channel_reason: 'Kun to foreninger har frivillige i Aarhus' }), a1)).toEqual([{
      rule: 'restricted-call', severity: 'warning', principle: 'openness',
      subject: { kind: 'agreement', id: 'a1' },
      related: [{ kind: 'call', id: 'c1' }, { kind: 'organisation', id: 'beta' }],
      message: 'made through the call “Opslag c1”, sent only to invited organisations, which left out 1 comparable organisation known when it was published (1 Oct 2024); the call gives a reason for the limited circle: check that it holds.',
    }]);
  });

  it('judges peers at the call\'s publication date, not the agreement\'s start', () => {
    // beta was registered after the call went out (2024-10-01) but before the agreement started (2025-01-01).
    expect(run(beta({ registered: '2024-11-01' }), invited(), a1)).toEqual([]);
  });

  it('judges a peer by its status when the call was published: made inactive since, it still counts', () => {
    // c1 was published 2024-10-01; the audit is on 2026-11-23.
    expect(run(beta({ status: 'inactive', inactive_since: '2026-11-23' }), invited(), a1)).toHaveLength(1);
    expect(run(beta({ status: 'inactive', inactive_since: '2024-10-01' }), invited(), a1)).toEqual([]);
  });

  it('does not fire when every peer was invited, or for a public call', () => {
    expect(run(beta(), invited({ invited: ['alpha', 'beta'] }), a1)).toEqual([]);
    expect(run(beta(), cl('c1', { selected: ['alpha'] }), a1)).toEqual([]);
  });

  it('does not count a peer in another municipality', () => {
    expect(run(beta({ municipalities: ['randers'] }), invited(), a1)).toEqual([]);
  });
});

describe('call-selection-mismatch', () => {
  const run = (selected: string[]) => auditOf(folderWith([org('beta'), cl('c1', { applicants: ['alpha', 'beta'], selected }), agr('a1', { established_by: { call: 'c1' } })]), 'call-selection-mismatch');

  it('finds an agreement with an organisation the call did not select', () => {
    expect(run(['beta'])).toEqual([{
      rule: 'call-selection-mismatch', severity: 'warning', principle: 'published-criteria',
      subject: { kind: 'agreement', id: 'a1' }, related: [{ kind: 'call', id: 'c1' }],
      message: 'organisation not selected in the call “Opslag c1”: Forening alpha.',
    }]);
  });

  it('does not fire when the organisation was selected', () => {
    expect(run(['alpha', 'beta'])).toEqual([]);
  });
});

describe('funding-concentration', () => {
  const line = (amount: number, kind = 'operation') => ({ pool: 'p', year: 2025, kind, amount_dkk: amount });
  // alpha 500,000 + half of 200,000 = 600,000; beta 300,000 + 100,000 = 400,000: shares 60% and 40%,
  // HHI 60² + 40² = 5,200. gamma's draft agreement does not count, so gamma received nothing.
  const records = (gamma: Rec = {}): Array<[string, Rec]> => [
    org('beta'), org('gamma', gamma), pl('p', { areas: ['psychiatry'] }),
    agr('a1', { funding: [line(500_000)] }),
    agr('a2', { organisations: ['beta'], funding: [line(300_000)] }),
    agr('a3', { organisations: ['alpha', 'beta'], funding: [line(200_000)] }),
    agr('a4', { organisations: ['gamma'], status: 'draft', funding: [line(500_000)] }),
  ];

  it('finds one organisation above max_share while an eligible one got nothing, with share and HHI', () => {
    expect(auditOf(folderWith(records()), 'funding-concentration')).toEqual([{
      rule: 'funding-concentration', severity: 'warning', principle: 'equal-access',
      subject: { kind: 'pool', id: 'p' }, related: [{ kind: 'organisation', id: 'alpha' }, { kind: 'organisation', id: 'gamma' }],
      message: 'Forening alpha received 60.0% of the money allocated in 2025 (DKK 600,000 of DKK 1,000,000), while 1 eligible organisation received nothing: Forening gamma. The concentration index of the year\'s money (Herfindahl–Hirschman, from 0 to 10,000) is 5,200, above the warning level of 2,500.',
    }]);
  });

  it('writes the numbers the Danish way in Danish', () => {
    expect(auditOf(folderWith(records()), 'funding-concentration', { lang: 'da' })[0].message)
      .toBe('Forening alpha fik 60,0 % af de midler, der blev fordelt i 2025 (600.000 kr. af 1.000.000 kr.), mens 1 organisation, der kunne søge, intet fik: Forening gamma. Koncentrationsindekset for årets midler (Herfindahl-Hirschman, fra 0 til 10.000) er 5.200, over advarselsgrænsen på 2.500.');
  });

  it('does not say the index is above the warning level when it is not', () => {
    const files = folderWith(records());
    files['civsam.yaml'] += 'policy:\n  hhi_warning: 6000\n';
    expect(auditOf(files, 'funding-concentration')[0].message).toBe('Forening alpha received 60.0% of the money allocated in 2025 (DKK 600,000 of DKK 1,000,000), while 1 eligible organisation received nothing: Forening gamma. The concentration index of the year\'s money (Herfindahl–Hirschman, from 0 to 10,000) is 5,200.');
  });

  it('names a few of those passed over, in name order, and counts the rest; the related records hold the ones named', () => {
    const more = ['delta', 'eps', 'zeta', 'eta', 'theta', 'iota'].map((id) => org(id));
    const [f] = auditOf(folderWith([...records(), ...more]), 'funding-concentration', { lang: 'da' });
    expect(f.message).toContain('mens 7 organisationer, der kunne søge, intet fik: Forening delta, Forening eps, Forening eta, Forening gamma, Forening iota og 2 andre.');
    expect(f.related.map((r) => r.id)).toEqual(['alpha', 'delta', 'eps', 'eta', 'gamma', 'iota']);
  });

  it('does not fire when no eligible organisation went without', () => {
    expect(auditOf(folderWith(records({ areas: ['health'], patient_groups: ['diabetes'] })), 'funding-concentration')).toEqual([]);
    expect(auditOf(folderWith(records({ status: 'inactive' })), 'funding-concentration')).toEqual([]);
    expect(auditOf(folderWith(records({ registered: '2026-01-01' })), 'funding-concentration')).toEqual([]);
  });

  it('judges who could apply by their status in that year: made inactive later, even today, they still count', () => {
    const expected = 'Forening alpha received 60.0% of the money allocated in 2025 (DKK 600,000 of DKK 1,000,000), while 1 eligible organisation received nothing: Forening gamma. The concentration index of the year\'s money (Herfindahl–Hirschman, from 0 to 10,000) is 5,200, above the warning level of 2,500.';
    for (const since of ['2026-11-23', '2026-01-01', '2025-06-01']) {
      expect(auditOf(folderWith(records({ status: 'inactive', inactive_since: since })), 'funding-concentration').map((f) => f.message)).toEqual([expected]);
    }
    // Inactive from the year's first day: it could not apply that year.
    expect(auditOf(folderWith(records({ status: 'inactive', inactive_since: '2025-01-01' })), 'funding-concentration')).toEqual([]);
  });

  it('does not fire at exactly max_share', () => {
    const files = folderWith(records());
    files['civsam.yaml'] += 'policy:\n  max_share: 0.6\n';
    expect(auditOf(files, 'funding-concentration')).toEqual([]);
  });
});

describe('short-project-chain', () => {
  const dev = (year: number) => [{ pool: 'p', year, kind: 'development', amount_dkk: 100_000 }];
  const chain = (third: Rec = {}, second: Rec = {}): Array<[string, Rec]> => [
    pl('p'),
    agr('d1', { start: '2023-01-01', end: '2023-12-31', status: 'ended', funding: dev(2023) }),
    agr('d2', { start: '2024-02-01', end: '2024-12-31', status: 'ended', funding: dev(2024), ...second }),
    agr('d3', { start: '2025-03-01', end: '2025-12-31', status: 'ended', funding: dev(2025), ...third }),
  ];
  const run = (records: Array<[string, Rec]>) => auditOf(folderWith(records), 'short-project-chain');

  it('finds three short development projects in a row, on the latest', () => {
    expect(run(chain())).toEqual([{
      rule: 'short-project-chain', severity: 'warning', principle: 'long-term',
      subject: { kind: 'agreement', id: 'd3' },
      related: [{ kind: 'agreement', id: 'd1' }, { kind: 'agreement', id: 'd2' }],
      message: 'Forening alpha has 3 short development projects in a row, each at most 12 months, for overlapping patient groups: “Aftale d1”, “Aftale d2”, “Aftale d3”.',
    }]);
  });

  it('does not chain a project for a patient group not shared', () => {
    expect(run(chain({ patient_groups: ['angst'] }))).toEqual([]);
  });

  it('does not chain a project starting more than three months after the previous one ended', () => {
    expect(run(chain({ start: '2025-04-01', end: '2025-12-31' }))).toEqual([]);
  });

  it('does not count a longer project, running costs, or a draft', () => {
    expect(run(chain({}, { start: '2024-01-01', end: '2025-01-31' }))).toEqual([]);
    expect(run(chain({}, { funding: [{ pool: 'p', year: 2024, kind: 'operation', amount_dkk: 100_000 }] }))).toEqual([]);
    expect(run(chain({ status: 'draft' }))).toEqual([]);
  });
});

describe('pool-kind-not-eligible', () => {
  const ops = [2025, 2026].map((year) => ({ pool: 'q', year, kind: 'operation', amount_dkk: 50_000 }));
  const run = (extra: Rec) => auditOf(folderWith([pl('q', { eligible_kinds: ['development'] }), agr('a1', extra)]), 'pool-kind-not-eligible');

  it('finds running costs from a development-only pool, naming the years', () => {
    expect(run({ funding: ops })).toEqual([{
      rule: 'pool-kind-not-eligible', severity: 'error', principle: 'published-criteria',
      subject: { kind: 'agreement', id: 'a1' }, related: [{ kind: 'pool', id: 'q' }],
      message: 'funds running costs from the pool “Pulje q” (2025, 2026), which does not fund running costs.',
    }]);
  });

  it('does not fire on a kind the pool funds, or on a cancelled agreement', () => {
    expect(run({ funding: [{ pool: 'q', year: 2025, kind: 'development', amount_dkk: 50_000 }] })).toEqual([]);
    expect(run({ funding: ops, status: 'cancelled' })).toEqual([]);
  });
});

describe('funding-outside-period', () => {
  const line = (year: number, amount_dkk = 200_000) => ({ pool: 'q', year, kind: 'development', amount_dkk });
  const run = (extra: Rec, lang: 'en' | 'da' = 'en') => auditOf(folderWith([pl('q'), agr('a1', { start: '2027-01-01', end: '2027-12-31', ...extra })]), 'funding-outside-period', { lang });

  it('finds money for a year before the agreement starts, with the command that gives the line the right year and the one that corrects the period', () => {
    const funding = [line(2026), line(2027, 50_000)];
    expect(run({ funding })).toEqual([{
      rule: 'funding-outside-period', severity: 'warning', principle: 'openness',
      subject: { kind: 'agreement', id: 'a1' }, related: [{ kind: 'pool', id: 'q' }],
      message: 'has DKK 200,000 from Pulje q for 2026, but runs from 1 Jan 2027 to 31 Dec 2027, so that year lies outside the agreement\'s period. The money still counts against the pool\'s budget for that year, and the published grant cannot say when it is used. If the year is wrong, give the agreement all its lines with the right year in place of YEAR (--funding replaces them all): civsam agreement edit a1 --funding q:YEAR:development:200000 --funding q:2027:development:50000. If the period is wrong, correct it: civsam agreement edit a1 --start DATE or --end DATE.',
    }]);
    expect(run({ funding }, 'da')[0].message).toBe('har 200.000 kr. fra Pulje q for 2026, men løber fra 1. jan. 2027 til 31. dec. 2027, så året ligger uden for aftalens periode. Midlerne tælles alligevel med i puljens budget for det år, og den offentliggjorte bevilling kan ikke sige, hvornår de bruges. Er året forkert, så angiv alle aftalens linjer med det rigtige år i stedet for ÅR (--funding erstatter dem alle): civsam agreement edit a1 --funding q:ÅR:udvikling:200000 --funding q:2027:udvikling:50000. Er perioden forkert, så ret den: civsam agreement edit a1 --start DATO eller --end DATO.');
  });

  it('names every line outside, after the end too, in one finding; an open-ended agreement runs on', () => {
    expect(run({ funding: [line(2025, 1), line(2028, 2)] }).map((f) => f.message.slice(0, f.message.indexOf('. '))))
      .toEqual(['has DKK 1 from Pulje q for 2025 and DKK 2 from Pulje q for 2028, but runs from 1 Jan 2027 to 31 Dec 2027, so those years lie outside the agreement\'s period']);
    expect(run({ end: undefined, funding: [line(2026)] })[0].message).toMatch(/^has DKK 200,000 from Pulje q for 2026, but runs from 1 Jan 2027 with no end date set, so/);
  });

  it('does not fire on the years the agreement starts and ends in, on a later year of an open-ended one, or on a cancelled agreement', () => {
    expect(run({ start: '2026-12-31', end: '2028-01-01', funding: [line(2026), line(2027), line(2028)] })).toEqual([]);
    expect(run({ end: undefined, funding: [line(2035)] })).toEqual([]);
    expect(run({ status: 'cancelled', funding: [line(2026)] })).toEqual([]);
    expect(run({ status: 'draft', funding: [line(2026)] })).toHaveLength(1);
  });

  it('says of a draft what will happen once it is made: its money counts nowhere yet', () => {
    const [draft] = run({ status: 'draft', funding: [line(2026)] }, 'da');
    expect(draft.message).toContain('Når aftalen indgås, tælles midlerne med i puljens budget for det år');
    expect(draft.message).not.toContain('alligevel');
  });
});

describe('pool-area-mismatch', () => {
  const run = (areas: string[]) => auditOf(folderWith([pl('h', { areas: ['health'] }), agr('a1', { areas, funding: [{ pool: 'h', year: 2025, kind: 'operation', amount_dkk: 1 }] })]), 'pool-area-mismatch');

  it('finds an agreement funded by a pool of another area', () => {
    expect(run(['psychiatry'])).toEqual([{
      rule: 'pool-area-mismatch', severity: 'error', principle: 'published-criteria',
      subject: { kind: 'agreement', id: 'a1' }, related: [{ kind: 'pool', id: 'h' }],
      message: 'funded by the pool “Pulje h”, which shares no area with the agreement.',
    }]);
  });

  it('judges an agreement that names no areas by its organisations\' areas', () => {
    const files = folderWith([pl('h', { areas: ['health'] }), agr('a1', { areas: undefined, funding: [{ pool: 'h', year: 2025, kind: 'operation', amount_dkk: 1 }] })]);
    expect(auditOf(files, 'pool-area-mismatch').map((f) => f.message)).toEqual(['funded by the pool “Pulje h”, which shares no area with the agreement.']);
  });

  it('does not fire when one area is shared', () => {
    expect(run(['psychiatry', 'health'])).toEqual([]);
  });
});

describe('pool-overcommitted', () => {
  const line = (year: number, amount: number) => ({ pool: 'p', year, kind: 'operation', amount_dkk: amount });
  const run = (secondStatus: string) => auditOf(folderWith([
    pl('p'),
    agr('a1', { funding: [line(2025, 700_000)] }),
    agr('a2', { status: secondStatus, funding: [line(2025, 400_000)] }),
  ]), 'pool-overcommitted');

  it('finds a pool-year whose active and ended lines exceed the budget, relating the agreements', () => {
    expect(run('ended')).toEqual([{
      rule: 'pool-overcommitted', severity: 'error', principle: 'published-criteria',
      subject: { kind: 'pool', id: 'p' }, related: [{ kind: 'agreement', id: 'a1' }, { kind: 'agreement', id: 'a2' }],
      message: '2025: DKK 1,100,000 allocated against a budget of DKK 1,000,000, DKK 100,000 too much.',
    }]);
  });

  it('does not count a draft agreement', () => {
    expect(run('draft')).toEqual([]);
  });

  it('treats a year without a budget as a budget of nothing, and says no budget is recorded', () => {
    const files = folderWith([pl('p'), agr('a1', { funding: [line(2026, 10_000)] })]);
    expect(auditOf(files, 'pool-overcommitted').map((f) => f.message)).toEqual(['2026: DKK 10,000 allocated, but no budget is recorded for the year.']);
    expect(auditOf(files, 'pool-overcommitted', { lang: 'da' }).map((f) => f.message)).toEqual(['2026: 10.000 kr. fordelt, men der er intet budget registreret for året.']);
  });
});

describe('agreement-expired', () => {
  const run = (extra: Rec) => auditOf(folderWith([agr('a1', { established_by: { call: 'c1' }, ...extra }), cl('c1', { selected: ['alpha'] })]), 'agreement-expired');

  it('finds an agreement marked active after its end date', () => {
    expect(run({ end: '2026-10-31' })).toEqual([{
      rule: 'agreement-expired', severity: 'warning', principle: 'equal-access',
      subject: { kind: 'agreement', id: 'a1' }, related: [],
      message: 'marked active, but it ended on 31 Oct 2026 (23 days ago).',
    }]);
  });

  it('does not fire on its last day, or when it is marked ended', () => {
    expect(run({ end: '2026-11-23' })).toEqual([]);
    expect(run({ end: '2026-10-31', status: 'ended' })).toEqual([]);
  });
});

describe('evaluation-overdue', () => {
  const run = (extra: Rec) => auditOf(folderWith([agr('a1', extra)]), 'evaluation-overdue');

  it('finds an active agreement whose evaluation is overdue', () => {
    expect(run({ evaluation_due: '2026-11-01' })).toEqual([{
      rule: 'evaluation-overdue', severity: 'warning', principle: 'long-term',
      subject: { kind: 'agreement', id: 'a1' }, related: [],
      message: 'the evaluation due on 1 Nov 2026 has not been recorded (22 days overdue).',
    }]);
  });

  it('does not fire on the due date, or for an ended agreement', () => {
    expect(run({ evaluation_due: '2026-11-23' })).toEqual([]);
    expect(run({ evaluation_due: '2026-11-01', status: 'ended', end: '2026-06-30' })).toEqual([]);
  });
});

describe('inactive-party', () => {
  const run = (agreementStatus: string, until?: string) => auditOf(folderWith([
    org('beta', { status: 'inactive' }),
    agr('a1', { organisations: ['beta'], status: agreementStatus, ...(agreementStatus === 'ended' ? { end: '2026-01-01' } : {}) }),
    ofr('o1', { organisation: 'beta', ...(until ? { active_until: until } : {}) }),
  ]), 'inactive-party');

  it('finds an active agreement and a current offer of an inactive organisation', () => {
    expect(run('active')).toEqual([
      {
        rule: 'inactive-party', severity: 'warning', principle: 'openness',
        subject: { kind: 'agreement', id: 'a1' }, related: [],
        message: 'active agreement with an inactive organisation: Forening beta.',
      },
      {
        rule: 'inactive-party', severity: 'warning', principle: 'openness',
        subject: { kind: 'offer', id: 'o1' }, related: [],
        message: 'current offer of an inactive organisation: Forening beta.',
      },
    ]);
  });

  it('does not fire on an ended agreement or an offer that has ended', () => {
    expect(run('ended', '2026-01-01')).toEqual([]);
  });
});

describe('stale-contact', () => {
  const run = (contact: Rec) => auditOf(folderWith([org('beta', { contact: { role: 'formand', name: 'Hanne Hansen', email: 'hanne@example.org', ...contact } })]), 'stale-contact');

  it('finds a contact confirmed more than 24 months ago, with no personal data in the message', () => {
    expect(run({ confirmed: '2024-11-22' })).toEqual([{
      rule: 'stale-contact', severity: 'warning', principle: 'long-term',
      subject: { kind: 'organisation', id: 'beta' }, related: [],
      message: 'the contact details were last confirmed on 22 Nov 2024, more than 24 months ago: confirm them with civsam org edit beta --contact-confirmed DATE once the organisation has confirmed them, or delete them with civsam contact erase beta.',
    }]);
  });

  it('finds a contact never confirmed', () => {
    expect(run({}).map((f) => f.message)).toEqual(['the contact details have never been confirmed: confirm them with civsam org edit beta --contact-confirmed DATE once the organisation has confirmed them, or delete them with civsam contact erase beta.']);
  });

  it('does not fire on a contact confirmed exactly 24 months ago', () => {
    expect(run({ confirmed: '2024-11-23' })).toEqual([]);
  });
});

describe('a rule\'s explanation names a setting or a field in words', () => {
  it('a key (max_share, evaluation_due) only in brackets beside the words, in both languages, as the one to edit', () => {
    const bare = (['en', 'da'] as const).flatMap((lang) => Object.entries(catalogue[lang] as Record<string, string>)
      .filter(([k]) => /^(audit\.rule\..*\.explain|rule\..*\.explanation)$/.test(k))
      .flatMap(([k, v]) => (v.replace(/\([^()]*(?:\([^()]*\)[^()]*)*\)/g, '').match(/\b[a-z]+_[a-z_]+\b/g) ?? []).map((w) => `${lang} ${k}: ${w}`)));
    expect(bare).toEqual([]);
  });
});
