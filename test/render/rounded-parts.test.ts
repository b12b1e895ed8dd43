// Amounts split for display (a line shared by three organisations gives thirds) are rounded so the
// parts shown add up to the total shown, and the total is the exact total rounded.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roundMatrix, roundParts } from '../../src/output/rounded-parts.js';

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

describe('roundParts', () => {
  it('gives the kroner left over to the parts with the largest remainders, the earlier first of equal ones', () => {
    expect(roundParts([400_000 / 3, 400_000 / 3, 400_000 / 3])).toEqual([133_334, 133_333, 133_333]);
    expect(roundParts([100_000.5, 100_000.5])).toEqual([100_001, 100_000]);
    expect(roundParts([0.2, 0.7, 0.1])).toEqual([0, 1, 0]);
    expect(roundParts([10, 20])).toEqual([10, 20]);
  });
});

describe('roundMatrix', () => {
  it('one grant of 400.000 kr. split three ways beside another year: every row and column adds up, the total exact', () => {
    const third = 400_000 / 3;
    const m = roundMatrix([[third + 100_000, 50_000], [third, 0], [third - 100_000, 0]]);
    expect(m.cells).toEqual([[233_334, 50_000], [133_333, 0], [33_333, 0]]);
    expect(m.rows).toEqual([283_334, 133_333, 33_333]);
    expect(m.columns).toEqual([400_000, 50_000]);
    expect(m.total).toBe(450_000);
  });

  it('row totals are rounded with the cells, not on their own: rounded on their own, they asked for a krone no cell could give', () => {
    // Halves in three years among five organisations: rows rounded by themselves gave the krone of
    // the year 1 halves to the first two rows, which have none there.
    const m = roundMatrix([[1, 0, 0.5, 0], [0.5, 0, 0, 0], [0, 0.5, 0, 0], [0, 0.5, 0, 0], [0.5, 0, 0.5, 0], [0, 0, 0, 0]]);
    expect(m.columns).toEqual([2, 1, 1, 0]);
    m.cells.forEach((row, r) => expect(sum(row)).toBe(m.rows[r]));
    expect(m.rows).toEqual([2, 0, 1, 0, 1, 0]);
    expect(m.total).toBe(4);
  });

  it('for any lines of whole kroner shared among organisations: cells within a krone, adding up every way', () => {
    const line = fc.record({ year: fc.integer({ min: 0, max: 3 }), amount: fc.integer({ min: 1, max: 2_000_000 }), orgs: fc.uniqueArray(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 6 }) });
    fc.assert(fc.property(fc.array(line, { minLength: 1, maxLength: 12 }), (lines) => {
      const cells = Array.from({ length: 6 }, () => [0, 0, 0, 0]);
      for (const l of lines) for (const o of l.orgs) cells[o][l.year] += l.amount / l.orgs.length;
      const m = roundMatrix(cells);
      const exactTotal = sum(lines.map((l) => l.amount));
      expect(m.total).toBe(exactTotal);
      m.cells.forEach((row, r) => {
        expect(sum(row)).toBe(m.rows[r]);
        row.forEach((v, c) => expect(Math.abs(v - cells[r][c])).toBeLessThan(1));
      });
      m.columns.forEach((col, c) => {
        expect(sum(m.cells.map((row) => row[c]))).toBe(col);
        expect(col).toBe(sum(lines.filter((l) => l.year === c).map((l) => l.amount)));
      });
      m.rows.forEach((total, r) => expect(Math.abs(total - sum(cells[r]))).toBeLessThan(1));
      expect(sum(m.rows)).toBe(m.total);
      expect(sum(m.columns)).toBe(m.total);
    }), { numRuns: 3000, seed: 20261206 });
  });

  it('grows with the rows, not with their square: 100,000 organisations with thirds in saturated years (within 6 s; a search through every row took about 10 s)', () => {
    const cells = Array.from({ length: 100_000 }, (_, r) => Array.from({ length: 12 }, (_, c) => ((r * 7 + c * 13) % 5 === 0 ? 100_000 / 3 + (r % 3) / 3 : (r + c) % 7 === 0 ? 2 / 3 : 0)));
    const m = roundMatrix(cells);
    m.cells.forEach((row, r) => expect(sum(row)).toBe(m.rows[r]));
    expect(sum(m.rows)).toBe(m.total);
  }, 6_000);
});
