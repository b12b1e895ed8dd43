// Amounts split for display (a line shared by three organisations gives each a third). Shown to
// people, each amount is its exact value rounded to whole kroner, half up (`wholeKroner`): partners
// of one line show the same amount and the same share, and a total shown beside them is its own
// exact value rounded, so it may differ by a krone from the sum of the parts shown (the report
// then says so once, under its table). Only data whose parts must add up to the line exactly (the
// 360Giving grants) splits whole kroner by remainder (domain/allocation.ts `wholeParts`). Pure;
// the renderers keep the exact amounts for spreadsheets and JSON.

/** A tolerance for sums of thirds that come out as 0.9999999998 of a krone. */
const EPSILON = 1e-6;

/**
 * An amount as people are shown it: the exact amount in whole kroner, half up (a third of
 * 100.000 kr. is 33.333 kr. for each of the three; 200.001 kr. in two is 100.001 kr. for each), a
 * sum of thirds that comes out a hair under a half taken as the half it is.
 */
export function wholeKroner(exact: number): number {
  const n = Math.floor(exact + 0.5 + EPSILON);
  return Object.is(n, -0) ? 0 : n;
}

/** Whether the parts shown (each `wholeKroner`) add up to the total shown: where not, a report says so under its table. */
export function shownPartsDiffer(parts: readonly number[], total: number): boolean {
  return parts.reduce((a, b) => a + wholeKroner(b), 0) !== wholeKroner(total);
}
