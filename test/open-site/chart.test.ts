// The bar chart's labels: the value inside the end of its bar when it fits, else after the bar and
// clear of the marker, so an amount never stands unlabelled beside the budget line.
import { describe, expect, it } from 'vitest';
import { barChart } from '../../src/site/charts.js';

const chart = (value: number, marker: number) => barChart({
  id: 'c', title: 'T', description: 'D', max: 100,
  rows: [{ label: '2026', segments: [{ value, series: 0 }], valueText: 'Tildelt 5 kr.', valueInside: true, marker, markerText: 'Budget 9 kr.', note: '4 kr. tilbage' }],
}).text;

describe('bar chart labels', () => {
  it('writes the value inside the bar when it fits (410 units stand for 100)', () => {
    // 50 → a bar 205 wide; "Tildelt 5 kr." is 13 characters (≤ 104 units + 12) → inside, ending 6 before the bar's end.
    expect(chart(50, 90)).toContain('<text class="value value-inside" x="199" y="36" text-anchor="end">Tildelt 5 kr.</text>');
  });

  it('writes it after a short bar, and past the marker when the marker would cross it', () => {
    // 10 → 41 wide: too short. The marker at 20 (82) lies where the text would run → the text starts past it.
    expect(chart(10, 20)).toContain('<text class="value" x="88" y="36">Tildelt 5 kr.</text>');
    // The marker far off (90 → 369): the text follows the bar.
    expect(chart(10, 90)).toContain('<text class="value" x="47" y="36">Tildelt 5 kr.</text>');
  });

  it('labels the marker above the bar, ending at it, or starting at it when the row label is in the way', () => {
    expect(chart(10, 90)).toContain('<text class="marker-label" x="365" y="14" text-anchor="end">Budget 9 kr.</text>');
    // The marker at 20 (82): 82 − 96 would run into "2026" → starts after the row label (4 × 8 + 12 = 44) or the marker.
    expect(chart(10, 20)).toContain('<text class="marker-label" x="86" y="14">Budget 9 kr.</text>');
    expect(chart(10, 90)).toContain('<text class="note" x="0" y="58">4 kr. tilbage</text>');
  });
});
