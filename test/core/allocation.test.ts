import { describe, expect, it } from 'vitest';
import { allocationShares, countedLines, hhi, poolYearTotals } from '../../src/domain/allocation.js';
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
