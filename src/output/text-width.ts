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

