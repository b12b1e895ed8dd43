// Horizontal bar charts as inline SVG: one row per bar, a label above it, stacked segments, an
// optional marker (a pool's budget) with its own label, the value written inside the bar's end
// when it fits and after it otherwise, and an optional line of words under the bar (what remains).
// A value is never left unlabelled beside a marker, where it would read as the marker's. Each chart
// is an image with a title and a text alternative; the page puts the same numbers in a table.
import { html, type Html } from './html.js';

export interface BarRow {
  label: string;
  /** Stacked segments, each drawn in its series' colour. */
  segments: { value: number; series: number }[];
  /** The value as written after the bar. */
  valueText: string;
  /** A dashed mark across the bar at this value (e.g. the budget). */
  marker?: number;
  /** The marker's label, written above the bar at the marker ("Budget 600.000 kr."). */
  markerText?: string;
  /** Write the value inside the end of the bar when it fits (else after the bar, clear of the marker). */
  valueInside?: boolean;
  /** A line of words under the bar ("140.000 kr. tilbage"). */
  note?: string;
}

export interface BarChart {
  id: string;
  title: string;
  /** The text alternative: every number the chart shows, in words. */
  description: string;
  rows: BarRow[];
  /** The value a full-width bar stands for; default the largest bar or marker. Shares use 1 (100 %). */
  max?: number;
}

const WIDTH = 560;
const VALUE_SPACE = 150;
const LABEL_HEIGHT = 18;
const BAR_HEIGHT = 22;
const NOTE_HEIGHT = 18;
const GAP = 12;
/** A generous width of one character of the 14px chart text, to decide where a text fits. */
const CHAR_WIDTH = 8;
const MAX_LABEL = 60;

function shorten(s: string): string {
  return s.length > MAX_LABEL ? `${s.slice(0, MAX_LABEL - 1).trimEnd()}…` : s;
}

/** Coordinates are rounded to tenths so the same data always gives the same bytes. */
function n(x: number): string {
  return String(Math.round(x * 10) / 10);
}

export function barChart(chart: BarChart): Html {
  const totals = chart.rows.map((r) => r.segments.reduce((s, x) => s + Math.max(0, x.value), 0));
  const max = chart.max ?? (Math.max(0, ...totals, ...chart.rows.map((r) => r.marker ?? 0)) || 1);
  const scale = (WIDTH - VALUE_SPACE) / max;
  let top = 0;
  const rows = chart.rows.map((r) => {
    const barY = top + LABEL_HEIGHT + 2;
    let x = 0;
    const segs = r.segments.filter((s) => s.value > 0).map((s) => {
      const w = Math.max(1, s.value * scale);
      const rect = html`<rect class="series-${s.series}" x="${n(x)}" y="${n(barY)}" width="${n(w)}" height="${BAR_HEIGHT}"/>`;
      x += w;
      return rect;
    });
    const markerX = r.marker !== undefined && r.marker > 0 ? r.marker * scale : undefined;
    const marker = markerX !== undefined
      ? html`<line class="marker" x1="${n(markerX)}" x2="${n(markerX)}" y1="${n(barY - 4)}" y2="${n(barY + BAR_HEIGHT + 4)}"/>`
      : '';
    // The marker's label sits above the bar, ending at the marker; when that would run into the
    // row's own label it starts at the marker instead.
    const labelWidth = shorten(r.label).length * CHAR_WIDTH;
    const markerTextWidth = (r.markerText?.length ?? 0) * CHAR_WIDTH;
    const markerText = markerX !== undefined && r.markerText
      ? markerX - markerTextWidth > labelWidth + 12
        ? html`<text class="marker-label" x="${n(markerX - 4)}" y="${n(top + 14)}" text-anchor="end">${r.markerText}</text>`
        : html`<text class="marker-label" x="${n(Math.max(markerX + 4, labelWidth + 12))}" y="${n(top + 14)}">${r.markerText}</text>`
      : '';
    const valueWidth = r.valueText.length * CHAR_WIDTH;
    const textY = barY + BAR_HEIGHT / 2 + 5;
    let value: Html;
    if (r.valueInside && x >= valueWidth + 12) {
      value = html`<text class="value value-inside" x="${n(x - 6)}" y="${n(textY)}" text-anchor="end">${r.valueText}</text>`;
    } else {
      // After the bar; past the marker when the marker would cross the text.
      let valueX = x + 6;
      if (markerX !== undefined && markerX >= x - 2 && markerX <= valueX + valueWidth) valueX = markerX + 6;
      value = html`<text class="value" x="${n(valueX)}" y="${n(textY)}">${r.valueText}</text>`;
    }
    const note = r.note ? html`<text class="note" x="0" y="${n(barY + BAR_HEIGHT + 16)}">${r.note}</text>` : '';
    const out = html`<text class="label" x="0" y="${n(top + 14)}">${shorten(r.label)}</text>${markerText}${segs}${marker}${value}${note}`;
    top += LABEL_HEIGHT + 2 + BAR_HEIGHT + (r.note ? NOTE_HEIGHT : 0) + GAP;
    return out;
  });
  const height = top + 4;
  return html`<svg class="chart" role="img" aria-labelledby="${chart.id}-title ${chart.id}-desc" viewBox="0 0 ${WIDTH} ${n(height)}" width="${WIDTH}" height="${n(height)}" focusable="false"><title id="${chart.id}-title">${chart.title}</title><desc id="${chart.id}-desc">${chart.description}</desc>${rows}</svg>`;
}

/** A legend for a chart's series and marker, as HTML (readable, not part of the image). */
export function legend(items: { series?: number; marker?: boolean; label: string }[]): Html {
  return html`<ul class="legend">${items.map((it) => html`<li><span class="${it.marker ? 'swatch swatch-marker' : `swatch series-${it.series}`}" aria-hidden="true"></span>${it.label}</li>`)}</ul>`;
}
