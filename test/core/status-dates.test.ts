// A status with its day: an organisation active on a date, a hearing party on the list on a date,
// and the hearing eligibility that reads them (the day a consultation opened, or the report's date
// for one that opens later). Near misses on the day itself; no date recorded counts as always.
import { describe, expect, it } from 'vitest';
import type { Agreement, HearingParty, Organisation } from '../../src/domain/kinds.js';
import { agreementInForceOn, agreementStandingOn, organisationActiveOn, partyOnListOn } from '../../src/domain/reach.js';
import { eligibleParties, hearingIndex, ineligibility } from '../../src/domain/scope.js';
import { org } from '../helpers/folder.js';
import { hearingFiles, load } from '../hearing/fixture.js';

const organisation = (extra: Partial<Organisation>): Organisation =>
  ({ id: 'o', name: 'O', kind: 'other', areas: ['social'], scope: 'regional', status: 'active', ...extra } as Organisation);
const party = (extra: Partial<HearingParty>): HearingParty =>
  ({ id: 'p', organisation: 'o', areas: ['social'], since: '2025-01-01', status: 'active', ...extra } as HearingParty);

describe('organisationActiveOn', () => {
  it('active is active on every date; inactive without a date on none', () => {
    expect(organisationActiveOn(organisation({}), '1999-01-01')).toBe(true);
    expect(organisationActiveOn(organisation({ status: 'inactive' }), '1999-01-01')).toBe(false);
    expect(organisationActiveOn(undefined, '2026-01-01')).toBe(false);
  });
  it('inactive since 2026-03-02: active the day before, inactive that day and after', () => {
    const o = organisation({ status: 'inactive', inactive_since: '2026-03-02' });
    expect(organisationActiveOn(o, '2026-03-01')).toBe(true);
    expect(organisationActiveOn(o, '2026-03-02')).toBe(false);
    expect(organisationActiveOn(o, '2026-12-31')).toBe(false);
  });
});

const agreement = (extra: Partial<Agreement>): Agreement =>
  ({ id: 'a', title: 'A', organisations: ['o'], areas: ['social'], scope: 'regional', start: '2027-01-01', status: 'active', ...extra } as Agreement);

describe('agreementInForceOn and agreementStandingOn', () => {
  it('active from 2027-01-01 to 2027-12-31: upcoming the day before, in force on both end days, ended the day after', () => {
    const a = agreement({ end: '2027-12-31' });
    expect([agreementInForceOn(a, '2026-12-06'), agreementStandingOn(a, '2026-12-06')]).toEqual([false, 'upcoming']);
    expect([agreementInForceOn(a, '2026-12-31'), agreementStandingOn(a, '2026-12-31')]).toEqual([false, 'upcoming']);
    expect([agreementInForceOn(a, '2027-01-01'), agreementStandingOn(a, '2027-01-01')]).toEqual([true, 'in-force']);
    expect([agreementInForceOn(a, '2027-12-31'), agreementStandingOn(a, '2027-12-31')]).toEqual([true, 'in-force']);
    expect([agreementInForceOn(a, '2028-01-01'), agreementStandingOn(a, '2028-01-01')]).toEqual([false, 'ended']);
  });
  it('active without an end runs on; ended runs to its end date, and without one is over', () => {
    expect(agreementInForceOn(agreement({}), '2040-01-01')).toBe(true);
    expect(agreementStandingOn(agreement({ status: 'ended', end: '2027-06-30' }), '2027-06-30')).toBe('in-force');
    expect(agreementStandingOn(agreement({ status: 'ended', end: '2027-06-30' }), '2027-07-01')).toBe('ended');
    expect(agreementStandingOn(agreement({ status: 'ended' }), '2027-03-01')).toBe('ended');
    expect(agreementStandingOn(agreement({ status: 'ended' }), '2026-03-01')).toBe('ended');
  });
  it('a draft or a cancelled agreement is never in force and has no standing', () => {
    for (const status of ['draft', 'cancelled'] as const) {
      expect(agreementInForceOn(agreement({ status }), '2027-06-01')).toBe(false);
      expect(agreementStandingOn(agreement({ status }), '2027-06-01')).toBeUndefined();
    }
  });
});

describe('partyOnListOn', () => {
  it('withdrawn the day after a consultation opened: on the list that day; withdrawn the same day: not', () => {
    expect(partyOnListOn(party({ status: 'withdrawn', withdrawn: '2026-03-02' }), '2026-03-01')).toBe(true);
    expect(partyOnListOn(party({ status: 'withdrawn', withdrawn: '2026-03-01' }), '2026-03-01')).toBe(false);
  });
  it('withdrawn without a date is off the list on every date; not yet joined is not on it', () => {
    expect(partyOnListOn(party({ status: 'withdrawn' }), '2025-06-01')).toBe(false);
    expect(partyOnListOn(party({}), '2024-12-31')).toBe(false);
    expect(partyOnListOn(party({}), '2025-01-01')).toBe(true);
  });
});

describe('hearing eligibility with dated statuses', () => {
  const consultations = { h: { opens: '2026-03-01' } };
  const folderWith = (parties: Parameters<typeof hearingFiles>[0], extra = {}) => load(hearingFiles(parties, consultations, extra));

  it('a party withdrawn after the consultation opened was on its list; on the day it opened, it was not', () => {
    const f = folderWith({
      later: { since: '2020-01-01', status: 'withdrawn', withdrawn: '2026-03-02' },
      same: { since: '2020-01-01', status: 'withdrawn', withdrawn: '2026-03-01' },
      undated: { since: '2020-01-01', status: 'withdrawn' },
    });
    const h = f.records.consultation.get('h')!;
    const index = hearingIndex(f);
    expect(eligibleParties(index, h).map((p) => p.id)).toEqual(['later']);
    expect(ineligibility(index, f.records['hearing-party'].get('same')!, h)).toEqual(['withdrawn']);
    expect(ineligibility(index, f.records['hearing-party'].get('undated')!, h)).toEqual(['withdrawn']);
  });

  it('an organisation made inactive after the consultation opened: its party was eligible; the same day: not', () => {
    const f = folderWith({ later: { since: '2020-01-01' }, same: { since: '2020-01-01' } }, {
      'organisations/org-later.yaml': org('org-later', 'Forening later').replace('status: active', 'status: inactive\ninactive_since: 2026-03-02'),
      'organisations/org-same.yaml': org('org-same', 'Forening same').replace('status: active', 'status: inactive\ninactive_since: 2026-03-01'),
    });
    const h = f.records.consultation.get('h')!;
    const index = hearingIndex(f);
    expect(eligibleParties(index, h).map((p) => p.id)).toEqual(['later']);
    expect(ineligibility(index, f.records['hearing-party'].get('same')!, h)).toEqual(['organisation-inactive']);
  });

  it('judged on a date before the consultation opens: a withdrawal dated after that date was not known yet', () => {
    const f = folderWith({ left: { since: '2020-01-01', status: 'withdrawn', withdrawn: '2026-02-20' } });
    const h = f.records.consultation.get('h')!;
    expect(eligibleParties(hearingIndex(f, '2026-02-15'), h).map((p) => p.id)).toEqual(['left']);
    expect(eligibleParties(hearingIndex(f, '2026-02-20'), h).map((p) => p.id)).toEqual([]);
    expect(eligibleParties(hearingIndex(f), h).map((p) => p.id)).toEqual([]);
    // After it opened, the opening day decides.
    expect(eligibleParties(hearingIndex(f, '2026-06-01'), h).map((p) => p.id)).toEqual([]);
  });
});
