// `civsam org deactivate|activate`: an organisation is never removed while anything refers to it;
// it is marked inactive and kept for history. The day it became inactive is recorded
// (`inactive_since`), so a report as of an earlier day still counts it as active.
import type { CommandContext } from '../context/context.js';
import type { DataFolder } from '../domain/folder.js';
import { EXIT } from '../domain/errors.js';
import { offerRunningOn } from '../domain/reach.js';
import { recordName } from '../domain/record-name.js';
import { listWords } from '../i18n/index.js';
import { changeDatedStatus, changeRecord } from '../register/apply-change.js';

type Opts = { dryRun?: boolean; commit?: boolean; date?: string };

export async function deactivate(ctx: CommandContext, opts: Opts, args: unknown[]): Promise<number> {
  const id = String(args[0]);
  let left = { name: id, agreements: 0, offers: 0 };
  const code = await changeDatedStatus(ctx, opts, 'organisation', id, 'inactive', 'inactive_since', (folder, date) => {
    left = { name: recordName(folder, 'organisation', id) ?? id, ...stillRunning(folder, id, date) };
  });
  // What the audit's inactive-party will find, said now: the agreements and offers still running.
  if (code === EXIT.ok && left.agreements + left.offers > 0) {
    const things = [
      ...(left.agreements > 0 ? [ctx.t('org.deactivate.agreements', { count: left.agreements })] : []),
      ...(left.offers > 0 ? [ctx.t('org.deactivate.offers', { count: left.offers })] : []),
    ];
    // Only the commands that end what it has, and a pronoun that fits one agreement (den), one offer (det) or several (dem).
    const commands = [...(left.agreements > 0 ? [ctx.t('org.deactivate.endAgreement')] : []), ...(left.offers > 0 ? [ctx.t('org.deactivate.endOffer')] : [])];
    const one = left.agreements + left.offers > 1 ? 'many' : left.agreements === 1 ? 'agreement' : 'offer';
    ctx.stderr.write(ctx.t('org.deactivate.stillRunning', { organisation: left.name, things: listWords(ctx.lang, things), id, them: ctx.t(`org.deactivate.them.${one}`), they: ctx.t(`org.deactivate.they.${one}`), commands: listWords(ctx.lang, commands) }) + '\n');
  }
  return code;
}

/** The organisation's active agreements and its offers running on `day` (as the audit's inactive-party counts them). */
function stillRunning(folder: DataFolder, id: string, day: string): { agreements: number; offers: number } {
  let agreements = 0;
  let offers = 0;
  for (const a of folder.records.agreement.values()) if (a.status === 'active' && a.organisations.includes(id)) agreements++;
  for (const o of folder.records.offer.values()) if (o.organisation === id && offerRunningOn(o, day)) offers++;
  return { agreements, offers };
}

export async function activate(ctx: CommandContext, opts: Opts, args: unknown[]): Promise<number> {
  return changeRecord(ctx, opts, 'organisation', String(args[0]), (r) => {
    const { inactive_since: _, ...rest } = r;
    return { ...rest, status: 'active' };
  });
}
