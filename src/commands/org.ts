// `civsam org deactivate|activate`: an organisation is never removed while anything refers to it;
// it is marked inactive and kept for history. The day it became inactive is recorded
// (`inactive_since`), so a report as of an earlier day still counts it as active.
import type { CommandContext } from '../context/context.js';
import { changeDatedStatus, changeRecord } from '../register/apply-change.js';

type Opts = { dryRun?: boolean; commit?: boolean; date?: string };

export async function deactivate(ctx: CommandContext, opts: Opts, args: unknown[]): Promise<number> {
  return changeDatedStatus(ctx, opts, 'organisation', String(args[0]), 'inactive', 'inactive_since');
}

export async function activate(ctx: CommandContext, opts: Opts, args: unknown[]): Promise<number> {
  return changeRecord(ctx, opts, 'organisation', String(args[0]), (r) => {
    const { inactive_since: _, ...rest } = r;
    return { ...rest, status: 'active' };
  });
}
