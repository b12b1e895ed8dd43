// `civsam org deactivate|activate`: an organisation is never removed while anything refers to it;
// it is marked inactive and kept for history.
import type { CommandContext } from '../context/context.js';
import { changeRecord } from '../register/apply-change.js';

type Opts = { dryRun?: boolean; commit?: boolean };

export async function deactivate(ctx: CommandContext, opts: Opts, args: unknown[]): Promise<number> {
  return changeRecord(ctx, opts, 'organisation', String(args[0]), (r) => ({ ...r, status: 'inactive' }));
}

export async function activate(ctx: CommandContext, opts: Opts, args: unknown[]): Promise<number> {
  return changeRecord(ctx, opts, 'organisation', String(args[0]), (r) => ({ ...r, status: 'active' }));
}
