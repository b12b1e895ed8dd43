// `civsam hearing-party withdraw`: a party leaves the standing hearing list (kept for history).
import type { CommandContext } from '../context/context.js';
import { changeRecord } from '../register/apply-change.js';

type Opts = { dryRun?: boolean; commit?: boolean };

export async function withdraw(ctx: CommandContext, opts: Opts, args: unknown[]): Promise<number> {
  return changeRecord(ctx, opts, 'hearing-party', String(args[0]), (r) => ({ ...r, status: 'withdrawn' }));
}
