// `civsam hearing-party withdraw`: a party leaves the standing hearing list (kept for history).
// The day it left is recorded (`withdrawn`), so it stays on the list of a consultation that opened
// before that day.
import type { CommandContext } from '../context/context.js';
import { pastDateOption } from '../domain/dates.js';
import { changeRecord } from '../register/apply-change.js';

type Opts = { dryRun?: boolean; commit?: boolean; date?: string };

export async function withdraw(ctx: CommandContext, opts: Opts, args: unknown[]): Promise<number> {
  const date = pastDateOption(opts.date, '--date', ctx.today);
  return changeRecord(ctx, opts, 'hearing-party', String(args[0]), (r) => {
    // Already withdrawn: without --date its recorded day stays; with --date it is set or corrected.
    if (r.status === 'withdrawn' && opts.date === undefined) return r;
    return { ...r, status: 'withdrawn', withdrawn: date };
  });
}
