// The offers overview on the hand-built fixture (see fixture.ts for what each record is for).
import { describe, expect, it } from 'vitest';
import { buildOffersReport } from '../../src/reports/offers.js';
import { civsam } from '../helpers/cli.js';
import { makeFolder } from '../helpers/folder.js';
import { AS_OF, loadFixture, overviewFiles } from './fixture.js';

const folder = loadFixture();
/** area → patient group → the offer ids listed under it. */
const shape = (r: ReturnType<typeof buildOffersReport>) =>
  Object.fromEntries(r.areas.map((a) => [a.area, Object.fromEntries(a.patientGroups.map((g) => [g.id, g.offers.map((o) => o.id)]))]));

describe('overview offers', () => {
  it('lists every patient group by area in vocabulary order, with its active offers only', () => {
    const r = buildOffersReport(folder, AS_OF);
    // o-ended (ended 2025-12-31), o-future (starts 2026-09-01) and o-inactive (organisation inactive) are not active;
    // o-broad starts and o-diabetes ends on the day, so both are. Under depression: Alpha before Beta by organisation name.
    expect(shape(r)).toEqual({
      social: {},
      psychiatry: { 'psykisk-sygdom': ['o-broad'], depression: ['o-two', 'o-regional'], angst: ['o-regional'] },
      health: { diabetes: ['o-diabetes'], kol: [] },
    });
    expect(r.areas[1].patientGroups.map((g) => g.offerCount)).toEqual([1, 2, 1]);
    // Distinct: o-broad, o-two, o-regional, o-diabetes; organisations beta, alpha, delta; kol has none.
    expect(r.totals).toEqual({ offers: 4, organisations: 3, patientGroups: 5, patientGroupsWithoutOffers: 1 });
  });

  it('gives each offer its type, organisation, reach, and the agreement and pools behind it', () => {
    const r = buildOffersReport(folder, AS_OF);
    const depression = r.areas[1].patientGroups[1];
    expect(depression).toMatchObject({ id: 'depression', name: { da: 'Depression', en: 'Depression' }, parent: 'psykisk-sygdom', offerCount: 2 });
    expect(depression.offers).toEqual([
      {
        id: 'o-two', title: 'Samtalegruppe', type: { id: 'peer-group', name: { da: 'Samtalegruppe', en: 'Peer group' } },
        organisation: { id: 'alpha', name: 'Alpha Forening' },
        reach: { scope: null, municipalities: ['aarhus', 'randers'] },
        activeFrom: '2025-01-01', activeUntil: null,
        // the ended a-shared names the offer: still the agreement behind it, shown with its status
        agreements: [{ id: 'a-shared', title: 'Aftale a-shared', status: 'ended', standing: 'ended' }],
        pools: [{ id: 'pool-psyk', name: 'Psykiatripuljen' }],
      },
      {
        id: 'o-regional', title: 'Telefonlinjen', type: { id: 'hotline', name: { da: 'Rådgivning', en: 'Helpline' } },
        organisation: { id: 'beta', name: 'Beta Netværket' },
        reach: { scope: 'regional', municipalities: ['aarhus', 'randers', 'skive'] },
        activeFrom: '2024-01-01', activeUntil: null,
        // named by the offer and naming it: listed once; two funding lines in two pools
        agreements: [{ id: 'a-two-pools', title: 'Aftale a-two-pools', status: 'active', standing: 'in-force' }],
        pools: [{ id: 'pool-psyk', name: 'Psykiatripuljen' }, { id: 'pool-general', name: 'Almen pulje' }],
      },
    ]);
  });

  it('a filter on a parent patient group includes its children; groups outside it are left out', () => {
    expect(shape(buildOffersReport(folder, AS_OF, { patientGroups: ['psykisk-sygdom'] }))).toEqual({
      social: {}, psychiatry: { 'psykisk-sygdom': ['o-broad'], depression: ['o-two', 'o-regional'], angst: ['o-regional'] }, health: {},
    });
    expect(shape(buildOffersReport(folder, AS_OF, { patientGroups: ['angst'] }))).toEqual({ social: {}, psychiatry: { angst: ['o-regional'] }, health: {} });
  });

  it('--area shows that area only', () => {
    const r = buildOffersReport(folder, AS_OF, { areas: ['health'] });
    expect(shape(r)).toEqual({ health: { diabetes: ['o-diabetes'], kol: [] } });
    expect(r.totals).toEqual({ offers: 1, organisations: 1, patientGroups: 2, patientGroupsWithoutOffers: 1 });
  });

  it('--municipality keeps offers reaching it (a regional offer reaches every one) and still lists the groups left empty', () => {
    const r = buildOffersReport(folder, AS_OF, { municipalities: ['skive'] });
    expect(shape(r)).toEqual({
      social: {}, psychiatry: { 'psykisk-sygdom': ['o-broad'], depression: ['o-regional'], angst: ['o-regional'] }, health: { diabetes: [], kol: [] },
    });
    expect(r.totals).toEqual({ offers: 2, organisations: 1, patientGroups: 5, patientGroupsWithoutOffers: 2 });
  });

  it('--organisation and --type', () => {
    expect(buildOffersReport(folder, AS_OF, { organisations: ['alpha'] }).totals.offers).toBe(1);
    expect(shape(buildOffersReport(folder, AS_OF, { types: ['hotline'] })).psychiatry).toEqual({ 'psykisk-sygdom': [], depression: ['o-regional'], angst: ['o-regional'] });
  });

  it('is decided by --as-of: a year earlier the ended offer was running and o-broad had not started', () => {
    // o-inactive stays out: its organisation is inactive (the status has no dates to go back by).
    expect(shape(buildOffersReport(folder, '2025-06-01')).psychiatry).toEqual({
      'psykisk-sygdom': [], depression: ['o-two', 'o-regional'], angst: ['o-ended', 'o-regional'],
    });
  });
});

describe('overview offers: an offer behind several agreements', () => {
  const line = (pool: string) => `  - pool: ${pool}\n    year: 2026\n    kind: operation\n    amount_dkk: 1000\n`;
  const agreement = (id: string, status: string, start: string, pools: string[]) =>
    `id: ${id}\ntitle: Aftale ${id}\norganisations: [alpha]\nscope: regional\nstart: ${start}\nstatus: ${status}\noffers: [o-many]\nfunding:\n${pools.map(line).join('')}`;
  const files = {
    ...overviewFiles(),
    'offers/o-many.yaml': 'id: o-many\norganisation: alpha\ntitle: Mange aftaler\ntype: peer-group\npatient_groups: [angst, depression]\nmunicipalities: [skive, aarhus, randers]\nactive_from: 2025-01-01\nagreement: a-m2\n',
    'agreements/a-m0.yaml': agreement('a-m0', 'ended', '2026-01-01', ['pool-psyk']),
    'agreements/a-m1.yaml': agreement('a-m1', 'active', '2025-01-01', ['pool-general']),
    'agreements/a-m2.yaml': agreement('a-m2', 'active', '2025-01-01', ['pool-psyk', 'pool-general']),
    'agreements/a-m3.yaml': agreement('a-m3', 'draft', '2027-01-01', ['pool-psyk']),
  };

  it('says where each agreement stands on the date: one active but not started yet is upcoming, not in force', () => {
    // a-m4 is active and starts 2027-01-01, after AS_OF: "(kommende)", like the ended a-m0's "(afsluttet)".
    const r = buildOffersReport(loadFixture({ ...files, 'agreements/a-m4.yaml': agreement('a-m4', 'active', '2027-01-01', ['pool-psyk']) }), AS_OF);
    const entry = r.areas[1].patientGroups.flatMap((g) => g.offers).find((o) => o.id === 'o-many')!;
    expect(entry.agreements.map((a) => [a.id, a.status, a.standing])).toEqual([['a-m4', 'active', 'upcoming'], ['a-m0', 'ended', 'ended'], ['a-m1', 'active', 'in-force'], ['a-m2', 'active', 'in-force']]);
  });

  it('marks it so in the overview\'s table', async () => {
    const dir = makeFolder({ ...files, 'agreements/a-m4.yaml': agreement('a-m4', 'active', '2027-01-01', ['pool-psyk']) });
    const r = await civsam(['--data', dir, '--lang', 'da', 'overview', 'offers', '--as-of', AS_OF, '--format', 'md']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('a-m4 (kommende)');
    expect(r.stdout).toContain('a-m0 (afsluttet)');
  });

  it('lists each agreement once, newest first (the same day by id), its pools in order of first mention, its municipalities in vocabulary order', () => {
    const r = buildOffersReport(loadFixture(files), AS_OF);
    const entries = r.areas[1].patientGroups.flatMap((g) => g.offers.filter((o) => o.id === 'o-many'));
    // Under angst and under depression: one entry, the same each time.
    expect(entries).toHaveLength(2);
    expect(entries[1]).toEqual(entries[0]);
    expect(entries[0]).toMatchObject({
      reach: { scope: null, municipalities: ['aarhus', 'randers', 'skive'] },
      // a-m2 is named by the offer and names it: once; the draft a-m3 does not count
      agreements: [{ id: 'a-m0', status: 'ended' }, { id: 'a-m1', status: 'active' }, { id: 'a-m2', status: 'active' }],
      pools: [{ id: 'pool-psyk', name: 'Psykiatripuljen' }, { id: 'pool-general', name: 'Almen pulje' }],
    });
  });
});
