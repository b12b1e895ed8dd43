import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocationShares, carriedGrants, countedLines, hhi, poolYearExcesses, poolYearTotals, wholeParts, wholeShares } from '../../src/domain/allocation.js';
import type { DataFolder } from '../../src/domain/folder.js';

type Line = { pool: string; year: number; kind: 'development' | 'operation'; amount_dkk: number };
const agreement = (id: string, status: string, organisations: string[], funding: Line[]) => ({ id, status, organisations, funding });

// Map order is not id order on purpose: both sums go by agreement id.
const folder = {
  records: {
    agreement: new Map(Object.entries({
      'b-three': agreement('b-three', 'active', ['x', 'y', 'z'], [{ pool: 'p', year: 2026, kind: 'development', amount_dkk: 1000 }]),
      'a-one': agreement('a-one', 'ended', ['x'], [
        { pool: 'p', year: 2026, kind: 'operation', amount_dkk: 500 },
        { pool: 'p', year: 2026, kind: 'development', amount_dkk: 250 },
        { pool: 'p', year: 2025, kind: 'operation', amount_dkk: 100 },
      ]),
      'c-draft': agreement('c-draft', 'draft', ['y'], [{ pool: 'p', year: 2026, kind: 'operation', amount_dkk: 9999 }]),
      'd-cancelled': agreement('d-cancelled', 'cancelled', ['y'], [{ pool: 'q', year: 2026, kind: 'operation', amount_dkk: 9999 }]),
      'e-six': agreement('e-six', 'active', ['u1', 'u2', 'u3', 'u4', 'u5', 'u6'], [{ pool: 'q', year: 2026, kind: 'operation', amount_dkk: 998 }]),
    })),
    application: new Map(),
  },
} as unknown as DataFolder;

describe('the funding lines that count', () => {
  it('are those of active and ended agreements, in agreement-id order', () => {
    expect(countedLines(folder).map((l) => `${l.agreement} ${l.pool} ${l.year} ${l.amount}`)).toEqual([
      'a-one p 2026 500', 'a-one p 2026 250', 'a-one p 2025 100', 'b-three p 2026 1000', 'e-six q 2026 998',
    ]);
  });
});

describe('the overviews\' split', () => {
  it('gives each organisation its exact equal part of each line', () => {
    const shares = allocationShares(folder).filter((s) => s.agreement === 'b-three');
    expect(shares.map((s) => [s.organisation, s.amount])).toEqual([['x', 1000 / 3], ['y', 1000 / 3], ['z', 1000 / 3]]);
  });
});

describe('the audit\'s pool-year totals', () => {
  it('add up whole lines, so a line split in three or six comes back to the krone', () => {
    const totals = poolYearTotals(folder);
    expect(totals.map((py) => [py.pool, py.year, py.total, py.agreements])).toEqual([
      ['p', 2025, 100, ['a-one']],
      ['p', 2026, 1750, ['a-one', 'b-three']],
      ['q', 2026, 998, ['e-six']],
    ]);
    // The parts summed back drift (998 / 6 * 6 is not 998 in floating point); the total does not.
    const q = totals[2];
    expect([...q.byOrganisation.values()].reduce((a, b) => a + b, 0)).not.toBe(998);
    expect(q.total).toBe(998);
  });

  it('give each organisation its parts from the same split as the overviews, and the index of their concentration', () => {
    const p2026 = poolYearTotals(folder)[1];
    expect([...p2026.byOrganisation]).toEqual([['x', 750 + 1000 / 3], ['y', 1000 / 3], ['z', 1000 / 3]]);
    const shares = allocationShares(folder).filter((s) => s.pool === 'p' && s.year === 2026);
    for (const [org, amount] of p2026.byOrganisation) {
      expect(shares.filter((s) => s.organisation === org).reduce((a, s) => a + s.amount, 0)).toBe(amount);
    }
    // Shares of 1750: x 1083.33 (61.90%), y and z 333.33 (19.05% each): 61.90² + 2 × 19.05² ≈ 3832 + 726 = 4558.
    expect(hhi(p2026)).toBe(4558);
  });
});

// Grants decided through a call count as money from the call's pool, as an agreement's line does,
// unless an agreement made from the application already counts it.
describe('grants decided on applications', () => {
  const call = (id: string, pool?: string) => ({ id, deadline: '2026-02-01', ...(pool ? { pool } : {}) });
  const app = (id: string, organisations: string[], amount: number, decision?: object, more: object = {}) =>
    ({ id, call: 'c-p', organisations, amount_dkk: amount, kind: 'development', ...(decision ? { decision: { date: '2026-03-01', ...decision } } : {}), ...more });
  const grants = {
    records: {
      call: new Map(Object.entries({ 'c-p': call('c-p', 'p'), 'c-none': call('c-none') })),
      agreement: new Map(Object.entries({
        // Made from g6 (g6 names it): it carries g6's money.
        'ag-named': { ...agreement('ag-named', 'active', ['x'], [{ pool: 'p', year: 2026, kind: 'development', amount_dkk: 450 }]), established_by: { call: 'c-p' } },
        // A draft made from g7: nothing is counted through it yet, so g7's decision counts.
        'ag-draft': { ...agreement('ag-draft', 'draft', ['x'], [{ pool: 'p', year: 2026, kind: 'development', amount_dkk: 300 }]), established_by: { call: 'c-p' } },
        // Established by the call for y, named by no application: it carries y's grants g9 and h1 (the
        // same organisations), not g2 (x and y). y has two grants in the call and no application names
        // the agreement, so which one it was made from is not known: it carries both, together.
        'ag-unnamed': { ...agreement('ag-unnamed', 'active', ['y'], [{ pool: 'p', year: 2026, kind: 'development', amount_dkk: 380 }]), established_by: { call: 'c-p' } },
        // Active, named by g10, but with no money from the pool: g10's grant is not in it.
        'ag-elsewhere': { ...agreement('ag-elsewhere', 'active', ['z'], [{ pool: 'q', year: 2026, kind: 'development', amount_dkk: 10 }]), established_by: { call: 'c-p' } },
      })),
      application: new Map(Object.entries({
        g1: app('g1', ['x'], 250, { outcome: 'granted', amount_dkk: 200 }),
        g2: app('g2', ['x', 'y'], 100, { outcome: 'partly', amount_dkk: 91 }, { years: [2027, 2026] }),
        g3: app('g3', ['z'], 70, { outcome: 'granted' }, { years: [2027] }),
        g4: app('g4', ['z'], 70, { outcome: 'partly' }),
        g5: app('g5', ['z'], 70, { outcome: 'refused', reason: 'r' }),
        g6: app('g6', ['x'], 500, { outcome: 'granted', amount_dkk: 450 }, { agreement: 'ag-named' }),
        g7: app('g7', ['x'], 300, { outcome: 'granted', amount_dkk: 300 }, { agreement: 'ag-draft' }),
        g8: app('g8', ['x'], 300, { outcome: 'granted', amount_dkk: 300 }, { call: 'c-none' }),
        g9: app('g9', ['y'], 400, { outcome: 'granted', amount_dkk: 380 }),
        g10: app('g10', ['z'], 20, { outcome: 'granted', amount_dkk: 20 }, { agreement: 'ag-elsewhere' }),
        g11: app('g11', ['z'], 20),
        h1: app('h1', ['y'], 5, { outcome: 'granted', amount_dkk: 5 }),
      })),
    },
  } as unknown as DataFolder;

  it('count from the call\'s pool, split over their years, unless an agreement made from them counts the money', () => {
    // g1: 200 in 2027 (no years: the call's year, the one most of its applications ask for: g2 and g3 both name 2027).  g2: 91 over 2026 and 2027 in whole kroner, 46 and 45 (the first year takes the krone left over), shared by x and y.
    // g3: granted in full without an amount: the 70 applied for, in 2027.  g4: partly, no amount: unknown, not counted.
    // g5 refused, g11 undecided: nothing.  g6: carried by ag-named.  g7: its agreement is a draft: 300 counts.
    // g8: its call has no pool.  g9 and h1: carried together by ag-unnamed (same call, same organisation; no id order pairs them).
    // g10: ag-elsewhere has no line in p: 20 counts.
    expect(countedLines(grants).map((l) => `${l.agreement ?? l.application} ${l.pool} ${l.year} ${l.amount}`)).toEqual([
      'ag-elsewhere q 2026 10', 'ag-named p 2026 450', 'ag-unnamed p 2026 380',
      'g1 p 2027 200', 'g10 p 2027 20', 'g2 p 2026 46', 'g2 p 2027 45', 'g3 p 2027 70', 'g7 p 2027 300',
    ]);
  });

  it('are in the audit\'s pool-year totals, each krone once', () => {
    // p 2026: agreements 450 + 380, grant 46 = 876.   p 2027: grants 200 + 20 + 45 + 70 + 300 = 635.
    const p = poolYearTotals(grants).filter((py) => py.pool === 'p');
    expect(p.map((py) => [py.year, py.total, py.agreements, py.applications])).toEqual([
      [2026, 876, ['ag-named', 'ag-unnamed'], ['g2']],
      [2027, 635, [], ['g1', 'g10', 'g2', 'g3', 'g7']],
    ]);
    // 2026: x: 450 + 23 = 473; y: 380 + 23 = 403.
    expect(Object.fromEntries(p[0].byOrganisation)).toEqual({ x: 473, y: 403 });
    const shares = allocationShares(grants).filter((s) => s.application === 'g2');
    expect(shares.map((s) => [s.organisation, s.year, s.amount])).toEqual([['x', 2026, 23], ['y', 2026, 23], ['x', 2027, 22.5], ['y', 2027, 22.5]]);
  });

  it('say which agreement carries which grant, with the amount granted, for the audit to compare with the agreement\'s lines', () => {
    // g6 is carried by ag-named (450 granted, 450 in its line); g9 and h1 by ag-unnamed together (385 granted, 380 in its line); no other grant is carried.
    expect(carriedGrants(grants)).toEqual([
      { application: 'g6', agreement: 'ag-named', pool: 'p', amount: 450 },
      { application: 'g9', agreement: 'ag-unnamed', together: ['ag-unnamed'], pool: 'p', amount: 380 },
      { application: 'h1', agreement: 'ag-unnamed', together: ['ag-unnamed'], pool: 'p', amount: 5 },
    ]);
  });
});

describe('the pool-years promised more than their budget', () => {
  // One sum for the audit's pool-overcommitted and the note a change gets: p 2026 over its budget,
  // p 2025 at it exactly, q 2026 with no budget entry for the year, and a pool not in the folder left out.
  const withPools = {
    ...folder,
    records: {
      ...folder.records,
      pool: new Map(Object.entries({
        p: { id: 'p', budgets: [{ year: 2025, amount_dkk: 100 }, { year: 2026, amount_dkk: 1000 }, { year: 2026, amount_dkk: 500 }] },
        q: { id: 'q', budgets: [{ year: 2027, amount_dkk: 5000 }] },
      })),
    },
  } as unknown as DataFolder;

  it('are each said with the budget, whether the year has one, and by how much', () => {
    expect(poolYearExcesses(withPools).map((e) => [e.poolYear.pool, e.poolYear.year, e.budget, e.budgeted, e.over])).toEqual([
      ['p', 2026, 1500, true, 250],
      ['q', 2026, 0, false, 998],
    ]);
  });

  it('leave out a pool the folder does not hold', () => {
    expect(poolYearExcesses({ ...withPools, records: { ...withPools.records, pool: new Map() } } as unknown as DataFolder)).toEqual([]);
  });
});

describe('a line split into whole kroner', () => {
  it('gives equal parts that add up to the line, the first ones taking the kroner left over', () => {
    expect(wholeShares({ agreement: 'a', organisations: ['x', 'y', 'z'], pool: 'p', year: 2026, kind: 'development', amount: 100_001 }))
      .toEqual([{ organisation: 'x', amount: 33_334 }, { organisation: 'y', amount: 33_334 }, { organisation: 'z', amount: 33_333 }]);
  });

  it('adds up to the line, each part the exact part rounded down or up, the larger ones first, for every amount and number of organisations', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 1, max: 12 }), (amount, count) => {
      const parts = wholeParts(amount, count);
      expect(parts.reduce((a, b) => a + b, 0)).toBe(amount);
      for (const p of parts) expect([Math.floor(amount / count), Math.ceil(amount / count)]).toContain(p);
      expect([...parts].sort((a, b) => b - a)).toEqual(parts);
    }));
  });
});
