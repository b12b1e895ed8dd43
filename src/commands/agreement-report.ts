// `civsam agreement report`: the reports a grantee owes on an agreement. With --kind, a report
// due on --due is added; with --received, the report(s) due on --due are recorded as received.
// An agreement has one final report: --kind final on another day than the one it has moves its
// due date (said so), unless it was received, which is refused.
import { join } from 'node:path';
import type { CommandContext } from '../context/context.js';
import { dateOption } from '../domain/dates.js';
import { EXIT, UserError } from '../domain/errors.js';
import type { Agreement } from '../domain/kinds.js';
import { changeRecord } from '../register/apply-change.js';
import { enumAt } from '../domain/shapes.js';
import { recordRel } from '../store/paths.js';

type Opts = { dryRun?: boolean; commit?: boolean; due?: string; kind?: string; received?: string };
type Report = NonNullable<Agreement['reports']>[number];

export async function report(ctx: CommandContext, opts: Opts, args: unknown[]): Promise<number> {
  const id = String(args[0]);
  if (opts.due === undefined) throw new UserError('agreement.reportDueMissing');
  const due = dateOption(opts.due, '--due');
  const received = opts.received !== undefined ? dateOption(opts.received, '--received') : undefined;
  const kind = opts.kind as Report['kind'] | undefined;
  if (!kind && !received) throw new UserError('agreement.reportNothing');
  let moved: string | undefined;
  const code = await changeRecord(ctx, opts, 'agreement', id, (r) => {
    let reports = Array.isArray(r.reports) ? [...(r.reports as Report[])] : [];
    const matches = (x: Report) => x.due === due && (kind === undefined || x.kind === kind);
    // The one final report, owed on another day: this is its due date now (a date typed wrong, a
    // deadline put off), never a second final report beside it.
    const once = kind === ONCE && !reports.some(matches) ? reports.filter((x) => x.kind === ONCE) : [];
    const received1 = once.find((x) => x.received !== undefined);
    if (received1) {
      const others = (enumAt('agreement', 'reports.kind') ?? []).filter((k) => k !== ONCE);
      throw new UserError('agreement.finalReportReceived', { id, due: received1.due, received: received1.received!, kinds: { or: others }, file: join(ctx.dataDir, recordRel('agreement', id)) });
    }
    if (once.length > 0) {
      moved = once[0].due;
      reports = reports.filter((x) => x.kind !== ONCE);
    }
    if (!reports.some(matches)) {
      if (!kind) throw new UserError('agreement.reportKindMissing', { id, due, kinds: { or: enumAt('agreement', 'reports.kind') ?? [] } });
      reports.push({ due, kind, ...(received ? { received } : {}) });
    } else if (received) {
      for (let i = 0; i < reports.length; i++) if (matches(reports[i])) reports[i] = { ...reports[i], received };
    }
    reports.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
    return { ...r, reports };
  });
  if (code === EXIT.ok && moved) ctx.stderr.write(ctx.errColor.yellow(ctx.t(opts.dryRun ? 'agreement.finalReportWouldMove' : 'agreement.finalReportMoved', { id, from: moved, due })) + '\n');
  return code;
}

/** The kind of report an agreement has one of. */
const ONCE: Report['kind'] = 'final';
