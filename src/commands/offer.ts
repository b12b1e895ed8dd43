// `civsam offer end`: an offer stops; its last day is recorded.
import type { CommandContext } from '../context/context.js';
import { dateOption } from '../domain/dates.js';
import { changeRecord } from '../register/apply-change.js';

type Opts = { dryRun?: boolean; commit?: boolean; date?: string };

export async function end(ctx: CommandContext, opts: Opts, args: unknown[]): Promise<number> {
  const date = dateOption(opts.date, '--date', ctx.today);
  return changeRecord(ctx, opts, 'offer', String(args[0]), (r) => ({ ...r, active_until: date }));
}
