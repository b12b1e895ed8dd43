// `civsam hearing-party withdraw`: a party leaves the standing hearing list (kept for history).
// The day it left is recorded (`withdrawn`), so it stays on the list of a consultation that opened
// before that day.
import type { CommandContext } from '../context/context.js';
import { changeDatedStatus } from '../register/apply-change.js';

type Opts = { dryRun?: boolean; commit?: boolean; date?: string };

export async function withdraw(ctx: CommandContext, opts: Opts, args: unknown[]): Promise<number> {
  return changeDatedStatus(ctx, opts, 'hearing-party', String(args[0]), 'withdrawn', 'withdrawn');
}
