// A report's tables as data: what report builders produce (or their own JSON) and every renderer
// (terminal, CSV, Markdown, xlsx, the site) draws. Plain data, no drawing here.

/**
 * How a cell stands out. On a terminal with colour: gap and warn yellow, bad red, good green,
 * muted dim, strong bold; in Markdown bad and strong are bold. The text itself must say it too
 * (a mark, a word): colour is never the only signal.
 */
export type Tone = 'gap' | 'bad' | 'warn' | 'good' | 'muted' | 'strong';

/**
 * A cell whose text for people differs from its value for spreadsheets: `1.250.000 kr.` shown,
 * 1250000 in CSV; `23. nov. 2026` shown, 2026-11-23 in CSV; `—` shown for a gap, 0 in CSV.
 */
export interface StyledCell {
  text: string;
  /** What CSV gets (default: the text). */
  value?: string | number | null;
  tone?: Tone;
}

export type Cell = string | number | null | undefined | StyledCell;

export interface Column {
  /** Header text, already translated. */
  header: string;
  align?: 'left' | 'right';
  /**
   * On a terminal too narrow for every column at a readable width, columns with a place here are
   * left out, the lowest first, until the rest fit (and the reader is told which). CSV, Markdown
   * and JSON keep every column.
   */
  omitOrder?: number;
  /** The cells are names that must not be broken across lines (an id): on a terminal, the column is as wide as its longest cell, or left out. */
  unbroken?: boolean;
}

export interface Table {
  /** A heading above the table, already translated (optional). */
  title?: string;
  columns: Column[];
  rows: Cell[][];
  /** Lines under the table (totals, notes), already translated. */
  notes?: string[];
  /**
   * When the table is too wide for the terminal even with every column wrapped to its longest
   * word: with `keyColumns`, the other columns are split over several tables that each repeat the
   * first `keyColumns` columns (a matrix); without it, each row is printed as `header: value`
   * lines (a list). Either way nothing is cut and no line is wider than the terminal. A table with
   * columns that may be left out (Column.omitOrder) is not split: it leaves them out instead.
   */
  keyColumns?: number;
  /**
   * The column that holds a group's label on the group's first row (a patient group above its
   * offers): on a terminal it is printed as a line across the table above the group, or as a
   * heading in the list layout, instead of taking a column's width. Markdown and CSV keep it as a column.
   */
  groupColumn?: number;
  /** No lines between rows (a matrix of numbers reads better without them). */
  compact?: boolean;
}
