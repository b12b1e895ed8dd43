// The funding overview on the hand-built fixture (see fixture.ts): two pools, an agreement with lines
// in both, a line shared by two organisations, a draft and a cancelled agreement that do not count,
// and an overcommitted pool-year.
import { describe, expect, it } from 'vitest';
import { allocationShares, herfindahl } from '../../src/domain/allocation.js';
import { buildFundingByOrganisationReport, buildFundingReport } from '../../src/reports/funding.js';
import { AS_OF, loadFixture, overviewFiles } from './fixture.js';

const folder = loadFixture();
const alpha = { id: 'alpha', name: 'Alpha Forening' };
const beta = { id: 'beta', name: 'Beta Netværket' };
const delta = { id: 'delta', name: 'Delta Diabetesforening' };
const general = { id: 'pool-general', name: 'Almen pulje' };
const psyk = { id: 'pool-psyk', name: 'Psykiatripuljen' };

describe('allocation', () => {
  it('counts active and ended agreements, shares a line equally, and skips drafts and cancelled ones', () => {
    const shares = allocationShares(folder).map((s) => `${s.agreement} ${s.pool} ${s.year} ${s.kind} ${s.organisation} ${s.amount}`);
    expect(shares).toEqual([
      'a-over pool-general 2026 operation delta 450000',
      'a-shared pool-psyk 2025 development alpha 100000.5',
      'a-shared pool-psyk 2025 development beta 100000.5',
      'a-two-pools pool-psyk 2026 operation beta 300000',
      'a-two-pools pool-general 2026 development beta 100000',
      'a-two-pools pool-general 2027 operation beta 50000',
    ]);
  });
  it('Herfindahl–Hirschman: one recipient 10,000; two equal 5,000; nothing 0', () => {
    expect(herfindahl([7])).toBe(10_000);
    expect(herfindahl([3, 3])).toBe(5_000);
    expect(herfindahl([])).toBe(0);
  });
});

describe('overview funding', () => {
  it('gives each pool-year its budget, allocation, remainder, kinds, recipients and concentration', () => {
    const r = buildFundingReport(folder, AS_OF);
    expect(r.poolYears).toEqual([
      // Almen pulje before Psykiatripuljen (by name). 2026: a-two-pools' development line 100,000 (beta) and
      // a-over's 450,000 (delta); a-draft's 999,999 is not counted. 550,000 of 500,000: 50,000 overcommitted.
      {
        pool: general, year: 2026, budget: 500_000, allocated: 550_000, remaining: -50_000, overcommitted: true,
        development: { amount: 100_000, share: 100_000 / 550_000 }, operation: { amount: 450_000, share: 450_000 / 550_000 },
        organisations: 2, largest: { organisation: delta, amount: 450_000, share: 450_000 / 550_000 },
        hhi: (100 * 100_000 / 550_000) ** 2 + (100 * 450_000 / 550_000) ** 2, // = 850,000 / 121 ≈ 7,024.8
      },
      // 2027: a line but no budget: all of it is overcommitted.
      {
        pool: general, year: 2027, budget: null, allocated: 50_000, remaining: -50_000, overcommitted: true,
        development: { amount: 0, share: 0 }, operation: { amount: 50_000, share: 1 },
        organisations: 1, largest: { organisation: beta, amount: 50_000, share: 1 }, hhi: 10_000,
      },
      // 2025: a-shared (ended) 200,001 shared by alpha and beta, 100,000.5 each; the tie goes to the first by name.
      {
        pool: psyk, year: 2025, budget: 400_000, allocated: 200_001, remaining: 199_999, overcommitted: false,
        development: { amount: 200_001, share: 1 }, operation: { amount: 0, share: 0 },
        organisations: 2, largest: { organisation: alpha, amount: 100_000.5, share: 0.5 }, hhi: 5_000,
      },
      // 2026: a-two-pools' operation line 300,000; a-cancelled's 777,777 is not counted.
      {
        pool: psyk, year: 2026, budget: 500_000, allocated: 300_000, remaining: 200_000, overcommitted: false,
        development: { amount: 0, share: 0 }, operation: { amount: 300_000, share: 1 },
        organisations: 1, largest: { organisation: beta, amount: 300_000, share: 1 }, hhi: 10_000,
      },
    ]);
    expect(r.poolYears[0].hhi).toBeCloseTo(7024.79, 2);
    expect(r.totals).toEqual([
      { year: 2025, budget: 400_000, allocated: 200_001, remaining: 199_999, development: 200_001, operation: 0 },
      { year: 2026, budget: 1_000_000, allocated: 850_000, remaining: 150_000, development: 100_000, operation: 750_000 },
      { year: 2027, budget: 0, allocated: 50_000, remaining: -50_000, development: 0, operation: 50_000 },
    ]);
  });

  it('--year, --pool and --area narrow the pool-years', () => {
    const key = (r: ReturnType<typeof buildFundingReport>) => r.poolYears.map((p) => `${p.pool.id} ${p.year}`);
    expect(key(buildFundingReport(folder, AS_OF, { years: [2026] }))).toEqual(['pool-general 2026', 'pool-psyk 2026']);
    expect(key(buildFundingReport(folder, AS_OF, { pools: ['pool-psyk'] }))).toEqual(['pool-psyk 2025', 'pool-psyk 2026']);
    expect(key(buildFundingReport(folder, AS_OF, { areas: ['health'] }))).toEqual(['pool-general 2026', 'pool-general 2027']);
    expect(key(buildFundingReport(folder, AS_OF, { areas: ['social'] }))).toEqual([]);
  });

  it('a pool-year with a budget and nothing allocated has no shares, recipients or index', () => {
    const files = overviewFiles();
    files['pools/pool-psyk.yaml'] = String(files['pools/pool-psyk.yaml']).replace('budgets:\n', 'budgets:\n  - year: 2024\n    amount_dkk: 80000\n');
    expect(buildFundingReport(loadFixture(files), AS_OF, { years: [2024] }).poolYears).toEqual([{
      pool: psyk, year: 2024, budget: 80_000, allocated: 0, remaining: 80_000, overcommitted: false,
      development: { amount: 0, share: null }, operation: { amount: 0, share: null }, organisations: 0, largest: null, hhi: null,
    }]);
  });
});

describe('overview funding --by organisation', () => {
  it('adds up each organisation per year across pools, largest total first', () => {
    const r = buildFundingByOrganisationReport(folder, AS_OF);
    expect(r.years).toEqual([2025, 2026, 2027]);
    expect(r.organisations).toEqual([
      { organisation: beta, total: 550_000.5, years: [
        { year: 2025, development: 100_000.5, operation: 0, total: 100_000.5, pools: ['pool-psyk'] },
        { year: 2026, development: 100_000, operation: 300_000, total: 400_000, pools: ['pool-general', 'pool-psyk'] },
        { year: 2027, development: 0, operation: 50_000, total: 50_000, pools: ['pool-general'] },
      ] },
      { organisation: delta, total: 450_000, years: [{ year: 2026, development: 0, operation: 450_000, total: 450_000, pools: ['pool-general'] }] },
      { organisation: alpha, total: 100_000.5, years: [{ year: 2025, development: 100_000.5, operation: 0, total: 100_000.5, pools: ['pool-psyk'] }] },
    ]);
    expect(r.totals).toEqual({ byYear: [{ year: 2025, total: 200_001 }, { year: 2026, total: 850_000 }, { year: 2027, total: 50_000 }], total: 1_100_001 });
  });

  it('--year keeps the asked years as columns even when empty', () => {
    const r = buildFundingByOrganisationReport(folder, AS_OF, { years: [2024, 2027] });
    expect(r.years).toEqual([2024, 2027]);
    expect(r.organisations.map((o) => [o.organisation.id, o.total])).toEqual([['beta', 50_000]]);
  });
});
