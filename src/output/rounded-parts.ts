// Amounts split for display (a line shared by three organisations gives each a third) rounded to
// whole kroner so that the parts shown add up to the total shown beside them, while the total is
// the exact total rounded, never a sum of rounded parts: 400.000 kr. in three shows as 133.334 +
// 133.333 + 133.333 kr., not 133.333 kr. three times beside 400.000 kr. (the largest remainder
// method: each part rounded down, then the kroner still missing go to the parts that lost most).
// Pure; the renderers show what these give and keep the exact amounts for spreadsheets.

/** A tolerance for sums of thirds that come out as 0.9999999998 of a krone. */
const EPSILON = 1e-6;

const floorOf = (n: number) => Math.floor(n + EPSILON);

/**
 * Whole numbers for the parts that add up to `total` rounded (by default the parts' own sum):
 * each part rounded down, then one more to each of the parts with the largest remainders, the
 * earlier part first of equal ones.
 */
export function roundParts(parts: readonly number[], total = parts.reduce((a, b) => a + b, 0)): number[] {
  const out = parts.map(floorOf);
  let missing = Math.round(total) - out.reduce((a, b) => a + b, 0);
  const order = parts.map((p, i) => ({ i, rest: p - out[i] })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (missing <= 0) break;
    out[i]++;
    missing--;
  }
  return out;
}

export interface RoundedMatrix {
  cells: number[][];
  /** Each row's total: the sum of its cells. */
  rows: number[];
  /** Each column's total: the sum of its cells. */
  columns: number[];
  /** The exact total rounded: the sum of the rows and of the columns. */
  total: number;
}

/** The row that came first into a set, but `not` (the same table always gives the same order, so it always rounds the same way). */
function first(rows: ReadonlySet<number>, not: number): number | undefined {
  for (const row of rows) if (row !== not) return row;
  return undefined;
}

/**
 * A table of parts with a total for each row, each column and the whole (organisations × years),
 * in whole numbers that add up every way: the grand total is the exact one rounded, the column
 * totals its parts (roundParts), each row total its exact sum rounded down or up, and each cell
 * its amount rounded down or up so that the cells add up to both. Which cells are rounded up is
 * found as a flow from the rows to the columns that lack kroner, through the cells with a
 * remainder (largest first): first the kroner each row must have, then one more for the rows whose
 * sums lost most in rounding down, while a column still lacks one. (Rounding the row totals on
 * their own, as the columns are, could ask for kroner no cell can give.) Where no such choice
 * exists, each column's cells are its parts and a row's total is its cells' sum.
 */
export function roundMatrix(cells: readonly (readonly number[])[]): RoundedMatrix {
  const width = cells[0]?.length ?? 0;
  const rowSums = cells.map((r) => r.reduce((a, b) => a + b, 0));
  const columnSums = Array.from({ length: width }, (_, c) => cells.reduce((s, r) => s + r[c], 0));
  const total = Math.round(rowSums.reduce((a, b) => a + b, 0));
  const columns = roundParts(columnSums, total);
  const out = cells.map((r) => r.map(floorOf));
  const floors = out.map((r) => r.reduce((a, b) => a + b, 0));
  // The kroner a row must get (its sum rounded down) and may get (rounded up), above its cells' floors.
  const least = rowSums.map((s, r) => floorOf(s) - floors[r]);
  const most = rowSums.map((s, r) => Math.ceil(s - EPSILON) - floors[r]);
  const got = cells.map(() => 0);
  const columnNeed = columns.map((t, c) => t - out.reduce((s, r) => s + r[c], 0));
  // The cells that may be rounded up, by row, largest remainder first.
  const up = cells.map((r, ri) => r.map((v, c) => ({ c, rest: v - out[ri][c] })).filter((x) => x.rest > EPSILON).sort((a, b) => b.rest - a.rest || a.c - b.c).map((x) => x.c));
  const chosen = cells.map(() => new Set<number>());
  // movable[a][b]: the rows holding a krone in column a that could hold it in column b instead
  // (a remainder there, none taken yet). A row that lacks a krone finds a column that lacks one
  // through these, column to column (a search over the columns, not over every row): the cost
  // grows with the rows, not with their square.
  const movable = Array.from({ length: width }, () => Array.from({ length: width }, () => new Set<number>()));
  const canTake = cells.map((_, r) => new Set(up[r]));
  const take = (r: number, c: number) => {
    for (const held of chosen[r]) movable[held][c].delete(r);
    chosen[r].add(c);
    for (const b of up[r]) if (!chosen[r].has(b)) movable[c][b].add(r);
  };
  const give = (r: number, c: number) => {
    chosen[r].delete(c);
    for (const b of up[r]) movable[c][b].delete(r);
    if (canTake[r].has(c)) for (const held of chosen[r]) movable[held][c].add(r);
  };
  /** One more krone for row r: straight from a column that lacks one, else along a path of rows that move theirs. */
  const augment = (r: number): boolean => {
    const free = up[r].filter((c) => !chosen[r].has(c));
    const direct = free.find((c) => columnNeed[c] > 0);
    if (direct !== undefined) {
      columnNeed[direct]--;
      take(r, direct);
      return true;
    }
    // Breadth first over the columns: reached[b] = the column a row moves from to free b's krone.
    const reached = new Map<number, { from: number; row: number } | undefined>();
    const queue: number[] = [];
    for (const c of free) {
      reached.set(c, undefined);
      queue.push(c);
    }
    for (let q = 0; q < queue.length; q++) {
      const a = queue[q];
      for (let b = 0; b < width; b++) {
        if (reached.has(b)) continue;
        const row = first(movable[a][b], r);
        if (row === undefined) continue;
        reached.set(b, { from: a, row });
        if (columnNeed[b] > 0) {
          columnNeed[b]--;
          // Each row on the path moves its krone one column on; r takes the first column's.
          for (let at = b, step = reached.get(b); step; at = step.from, step = reached.get(at)) {
            give(step.row, step.from);
            take(step.row, at);
          }
          let startColumn = b;
          while (reached.get(startColumn)) startColumn = reached.get(startColumn)!.from;
          take(r, startColumn);
          return true;
        }
        queue.push(b);
      }
    }
    return false;
  };
  for (let r = 0; r < cells.length; r++) {
    while (got[r] < least[r] && augment(r)) got[r]++;
  }
  let lacking = columnNeed.reduce((a, b) => a + b, 0);
  if (got.every((g, r) => g === least[r])) {
    const spare = cells.map((_, r) => r).filter((r) => most[r] > least[r]).sort((a, b) => rowSums[b] - floorOf(rowSums[b]) - (rowSums[a] - floorOf(rowSums[a])) || a - b);
    for (const r of spare) {
      if (lacking === 0) break;
      if (augment(r)) {
        got[r]++;
        lacking--;
      }
    }
  }
  if (got.some((g, r) => g < least[r]) || columnNeed.some((n) => n !== 0)) {
    // No choice fits both: the columns (years) keep their totals, each row its cells' sum.
    const byColumn = Array.from({ length: width }, (_, c) => roundParts(cells.map((r) => r[c]), columns[c]));
    const fallback = cells.map((_, r) => byColumn.map((col) => col[r]));
    return { cells: fallback, rows: fallback.map((r) => r.reduce((a, b) => a + b, 0)), columns, total };
  }
  chosen.forEach((set, r) => set.forEach((c) => out[r][c]++));
  return { cells: out, rows: floors.map((f, r) => f + got[r]), columns, total };
}
