// How wide running text may be: the terminal's width, else $COLUMNS, else 80; kept between 40 and
// 100 so a very wide terminal still gets lines a person can read.
export interface WidthSource {
  stdout: { isTTY?: boolean; columns?: number };
  env: Record<string, string | undefined>;
}

export function textWidth(where: WidthSource): number {
  return Math.max(40, Math.min((where.stdout.isTTY ? where.stdout.columns : undefined) ?? (Number(where.env.COLUMNS) || 80), 100));
}
