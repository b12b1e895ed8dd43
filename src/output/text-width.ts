// How wide running text may be: the terminal's width, else $COLUMNS, else 80; kept between 40 and
// 100 so a very wide terminal still gets lines a person can read.
export interface WidthSource {
  stdout: { isTTY?: boolean; columns?: number };
  env: Record<string, string | undefined>;
}

export function textWidth(where: WidthSource): number {
  return Math.max(40, Math.min((where.stdout.isTTY ? where.stdout.columns : undefined) ?? (Number(where.env.COLUMNS) || 80), 100));
}

/**
 * The width to wrap running text (doctor's findings) at: as textWidth, on a terminal or where
 * $COLUMNS is set; undefined when the output goes to a pipe or a file without it, where each
 * message stays one line for a script to read (as validate's problem lines do).
 */
export function wrapWidth(where: WidthSource): number | undefined {
  if (!where.stdout.isTTY && !Number(where.env.COLUMNS)) return undefined;
  return textWidth(where);
}


// How many columns a text takes on a terminal, which is not its length in UTF-16 units when it
// holds an emoji (a family joined by U+200D, a heart with U+FE0F, a skin tone, a flag: each one
// character two columns wide), an East Asian wide character (two), or a combining mark (none).
// Most text holds none of these and is measured by its length; the rest character by character
// (grapheme clusters, as a terminal draws them).

/** What may make a text's width differ from its length: astral characters, marks, joiners, selectors, wide ranges, emoji. */
const UNEVEN = /[\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u1100-\u115f\u200b-\u200f\u2060-\u2064\u20d0-\u20ff\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe00-\ufe0f\ufe20-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{10000}-\u{10ffff}]|\p{Emoji_Presentation}/u;

/** Two columns: East Asian wide and fullwidth characters (Unicode's East_Asian_Width W and F, in ranges). */
const WIDE = /^[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{20000}-\u{3fffd}]/u;
/** An emoji drawn as a picture: one shown so by default, one asked to be (U+FE0F), or a keycap. */
const EMOJI = /\p{Emoji_Presentation}|\p{Extended_Pictographic}\u{FE0F}|\u{20E3}/u;
/** Characters of no width: marks, format characters (joiners, direction marks), variation selectors. */
const NO_WIDTH = /^[\p{M}\p{Cf}\u{FE00}-\u{FE0F}]+$/u;

let segmenter: Intl.Segmenter | undefined;

/** A text's characters as a reader sees them (grapheme clusters): `👨‍👩‍👧` is one. */
export function graphemes(text: string): string[] {
  segmenter ??= new Intl.Segmenter('en', { granularity: 'grapheme' });
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

/** Whether a text's width on a terminal is surely its length (no emoji, wide or zero-width character). */
export function evenWidth(text: string): boolean {
  return !UNEVEN.test(text);
}

/** The columns one character (a grapheme cluster) takes on a terminal: 0, 1 or 2. */
function graphemeWidth(g: string): number {
  if (EMOJI.test(g) || WIDE.test(g)) return 2;
  if (NO_WIDTH.test(g)) return 0;
  return 1;
}

/** The columns a one-line text takes on a terminal (its length, unless it holds an emoji, a wide or a zero-width character). */
export function displayWidth(text: string): number {
  if (evenWidth(text)) return text.length;
  let width = 0;
  for (const g of graphemes(text)) width += graphemeWidth(g);
  return width;
}

/** The text and the spaces that make it `width` columns wide on a terminal (after it; before it for `end`), as padEnd and padStart would for text of even width. */
export function padToWidth(text: string, width: number, side: 'start' | 'end' = 'end'): string {
  const blanks = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return side === 'end' ? text + blanks : blanks + text;
}

// Select Graphic Rendition: colours, bold, dim and their resets. Cursor movements and erasing
// (`ESC[2K`, `ESC[?25l`) end in other letters and are kept: a question redraws itself with them.
// eslint-disable-next-line no-control-regex
const SGR = /\x1b\[[0-9;:]*m/g;

/** A text without its colours, which take no room on a terminal. */
export const withoutSgr = (text: string): string => text.replace(SGR, '');
