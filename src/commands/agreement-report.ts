// `civsam agreement report`: the reports a grantee owes on an agreement. With --kind, a report
// due on --due is added (or its kind corrected); with --received, the report(s) due on --due are
// recorded as received.
import type { CommandContext } from '../context/context.js';
import { dateOption } from '../domain/dates.js';
import { UserError } from '../domain/errors.js';
import type { Agreement } from '../domain/kinds.js';
import { changeRecord } from '../register/apply-change.js';
import { enumAt } from '../domain/shapes.js';

type Opts = { dryRun?: boolean; commit?: boolean; due?: string; kind?: string; received?: string };
type Report = NonNullable<Agreement['reports']>[number];

export async function report(ctx: CommandContext, opts: Opts, args: unknown[]): Promise<number> {
  const id = String(args[0]);
  if (opts.due === undefined) throw new UserError('agreement.reportDueMissing');
  const due = dateOption(opts.due, '--due');
  const received = opts.received !== undefined ? dateOption(opts.received, '--received') : undefined;
  const kind = opts.kind as Report['kind'] | undefined;
  if (!kind && !received) throw new UserError('agreement.reportNothing');
  return changeRecord(ctx, opts, 'agreement', id, (r) => {
    const reports = Array.isArray(r.reports) ? [...(r.reports as Report[])] : [];
    const matches = (x: Report) => x.due === due && (kind === undefined || x.kind === kind);
    if (!reports.some(matches)) {
      if (!kind) throw new UserError('agreement.reportKindMissing', { id, due, kinds: { or: enumAt('agreement', 'reports.kind') ?? [] } });
      reports.push({ due, kind, ...(received ? { received } : {}) });
    } else if (received) {
      for (let i = 0; i < reports.length; i++) if (matches(reports[i])) reports[i] = { ...reports[i], received };
    }
    reports.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
    return { ...r, reports };
  });
}
