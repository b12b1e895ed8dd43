// `civsam offer end`: an offer stops; its last day is recorded.
import type { CommandContext } from '../context/context.js';
import { dateOption } from '../domain/dates.js';
import { changeRecord } from '../register/apply-change.js';
import { UserError } from '../domain/errors.js';

type Opts = { dryRun?: boolean; commit?: boolean; date?: string };

export async function end(ctx: CommandContext, opts: Opts, args: unknown[]): Promise<number> {
  const date = dateOption(opts.date, '--date', ctx.today);
  const id = String(args[0]);
  return changeRecord(ctx, opts, 'offer', id, (r) => {
    // A last day before the first is said as what it is (not begun yet, or a --date too early), by
    // the command's words, not at a line of the file that would be written.
    if (typeof r.active_from === 'string' && date < r.active_from) throw new UserError(opts.date === undefined ? 'register.offerEndNotStarted' : 'register.offerEndBeforeStart', { id, start: r.active_from, date });
    return { ...r, active_until: date };
  });
}
