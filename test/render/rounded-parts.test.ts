// Amounts split for display (a line shared by three organisations gives thirds) are shown each as
// its exact value in whole kroner, half up: partners of one line show the same amount, and a total
// is its own exact value rounded (so it may differ by a krone from the parts shown, said once).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shownPartsDiffer, wholeKroner } from '../../src/output/rounded-parts.js';

describe('wholeKroner', () => {
  it('rounds half up, a sum of thirds a hair under the half taken as the half', () => {
    expect([100_000 / 3, 400_000 / 3, 200_001 / 2, 0.5, 0.49, 0]).toEqual([100_000 / 3, 400_000 / 3, 200_001 / 2, 0.5, 0.49, 0]);
    expect([100_000 / 3, 400_000 / 3, 200_001 / 2, 0.5, 0.49, 0].map(wholeKroner)).toEqual([33_333, 133_333, 100_001, 1, 0, 0]);
    expect(wholeKroner(1 / 6 + 1 / 6 + 1 / 6)).toBe(1); // 0.49999999999999994
    expect(Object.is(wholeKroner(-0.2), 0)).toBe(true);
  });

  it('equal parts of any line show the same amount', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), fc.integer({ min: 1, max: 40 }), (amount, count) => {
      const shown = Array.from({ length: count }, () => wholeKroner(amount / count));
      expect(new Set(shown).size).toBe(1);
      expect(Math.abs(shown[0] - amount / count)).toBeLessThanOrEqual(0.5 + 1e-6);
    }));
  });
});

describe('shownPartsDiffer', () => {
  it('says when the parts shown do not add up to the total shown', () => {
    expect(shownPartsDiffer([100_000 / 3, 100_000 / 3, 100_000 / 3], 100_000)).toBe(true); // 99.999 beside 100.000
    expect(shownPartsDiffer([200_001 / 2, 200_001 / 2], 200_001)).toBe(true); // 200.002 beside 200.001
    expect(shownPartsDiffer([50_000, 50_000], 100_000)).toBe(false);
    expect(shownPartsDiffer([], 0)).toBe(false);
  });
});
