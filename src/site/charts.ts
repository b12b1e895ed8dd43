// Horizontal bar charts as inline SVG: one row per bar, a label above it, stacked segments, an
// optional marker (a pool's budget) and the value written after the bar. Each chart is an image
// with a title and a text alternative; the page puts the same numbers in a table beside it.
import { html, type Html } from './html.js';

export interface BarRow {
  label: string;
  /** Stacked segments, each drawn in its series' colour. */
  segments: { value: number; series: number }[];
  /** The value as written after the bar. */
  valueText: string;
  /** A dashed mark across the bar at this value (e.g. the budget). */
  marker?: number;
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
const BAR_HEIGHT = 18;
const GAP = 12;
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
  const rowHeight = LABEL_HEIGHT + BAR_HEIGHT + GAP;
  const height = chart.rows.length * rowHeight + 4;
  const rows = chart.rows.map((r, i) => {
    const top = i * rowHeight;
    const barY = top + LABEL_HEIGHT + 2;
    let x = 0;
    const segs = r.segments.filter((s) => s.value > 0).map((s) => {
      const w = Math.max(1, s.value * scale);
      const rect = html`<rect class="series-${s.series}" x="${n(x)}" y="${n(barY)}" width="${n(w)}" height="${BAR_HEIGHT}"/>`;
      x += w;
      return rect;
    });
    const marker = r.marker !== undefined && r.marker > 0
      ? html`<line class="marker" x1="${n(r.marker * scale)}" x2="${n(r.marker * scale)}" y1="${n(barY - 4)}" y2="${n(barY + BAR_HEIGHT + 4)}"/>`
      : '';
    const valueX = Math.max(x, r.marker !== undefined ? r.marker * scale : 0) + 6;
    return html`<text class="label" x="0" y="${n(top + 14)}">${shorten(r.label)}</text>${segs}${marker}<text class="value" x="${n(valueX)}" y="${n(barY + 14)}">${r.valueText}</text>`;
  });
  return html`<svg class="chart" role="img" aria-labelledby="${chart.id}-title ${chart.id}-desc" viewBox="0 0 ${WIDTH} ${n(height)}" width="${WIDTH}" height="${n(height)}" focusable="false"><title id="${chart.id}-title">${chart.title}</title><desc id="${chart.id}-desc">${chart.description}</desc>${rows}</svg>`;
}

/** A legend for a chart's series and marker, as HTML (readable, not part of the image). */
export function legend(items: { series?: number; marker?: boolean; label: string }[]): Html {
  return html`<ul class="legend">${items.map((it) => html`<li><span class="${it.marker ? 'swatch swatch-marker' : `swatch series-${it.series}`}" aria-hidden="true"></span>${it.label}</li>`)}</ul>`;
}
