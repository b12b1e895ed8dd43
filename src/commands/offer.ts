// `civsam offer end`: an offer stops; its last day is recorded.
import type { CommandContext } from '../cli/context.js';
import { UserError } from '../errors.js';
import { changeRecord } from './apply-change.js';

type Opts = { dryRun?: boolean; commit?: boolean; date?: string };

export async function end(ctx: CommandContext, opts: Opts, args: unknown[]): Promise<number> {
  const date = opts.date ?? ctx.today;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new UserError('register.badFlagValue', { flag: '--date', expected: { key: 'register.expected.date' } });
  return changeRecord(ctx, opts, 'offer', String(args[0]), (r) => ({ ...r, active_until: date }));
}
