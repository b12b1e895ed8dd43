// civsam consultation plan [ID]: the proposed hearing list of a registered consultation, or of one
// described by --area/--patient-group/--seats/--opens; --apply writes it into `invited`.
import type { CommandContext } from '../context/context.js';
import { loadValidFolder, refuseFolderWithErrors } from '../context/load.js';
import { emit } from '../context/output.js';
import { dateOption } from '../domain/dates.js';
import type { Consultation } from '../domain/kinds.js';
import { EXIT, UserError } from '../domain/errors.js';
import { findConsultation, parseAreas, parsePatientGroups, parseSeats } from '../context/hearing-options.js';
import { draftConsultation, planConsultation } from '../hearing/plan.js';
import { planReport } from '../reports/hearing.js';
import { recordName } from '../domain/record-name.js';

interface Options {
  area?: string[];
  patientGroup?: string[];
  seats?: string;
  opens?: string;
  asOf?: string;
  apply?: boolean;
  dryRun?: boolean;
  commit?: boolean;
  format?: string;
  output?: string;
}

export async function run(ctx: CommandContext, opts: Options, [id]: (string | undefined)[]): Promise<number> {
  const asOf = dateOption(opts.asOf, '--as-of', ctx.today);
  const describes = opts.area !== undefined || opts.patientGroup !== undefined || opts.seats !== undefined || opts.opens !== undefined;
  if (id !== undefined && describes) throw new UserError('hearing.error.planBoth');
  if (id === undefined && opts.area === undefined) throw new UserError('hearing.error.planNeedsScope');
  if (id === undefined && opts.apply) throw new UserError('hearing.error.applyDraft');
  if (opts.apply) return apply(ctx, opts, id!, asOf);

  const folder = loadValidFolder(ctx, ['hearing-party', 'consultation', 'organisation']);
  const consultation = id !== undefined ? findConsultation(folder, id) : draftConsultation({
    areas: parseAreas(opts.area ?? []),
    patient_groups: parsePatientGroups(folder, opts.patientGroup ?? []),
    opens: dateOption(opts.opens, '--opens', asOf),
    seats: parseSeats(opts.seats),
  });
  const plan = planConsultation(folder, consultation, asOf);
  emit(ctx, opts, planReport(folder, plan, ctx.lang));
  if (id !== undefined && consultation.status === 'planned' && opts.output === undefined && (opts.format ?? 'table') === 'table') {
    // An empty proposal has nothing to write in: said so, not how to write it.
    ctx.stderr.write(ctx.t(plan.proposal.length === 0 ? 'hearing.plan.nothingToApply' : 'hearing.plan.applyHint', { id }) + '\n');
  }
  return EXIT.ok;
}

/**
 * Writes the plan into `invited` through the register's write path: under the folder's lock the
 * folder is read again and the plan made from what the files say then; the file is edited with its
 * comments and layout kept, checked with the whole folder, replaced atomically only if nobody
 * changed it meanwhile, and committed to git when the folder is a repository.
 */
async function apply(ctx: CommandContext, opts: Options, id: string, asOf: string): Promise<number> {
  const { changeRecord } = await import('../register/apply-change.js');
  let invited: string[] = [];
  const code = await changeRecord(ctx, { dryRun: opts.dryRun, commit: opts.commit }, 'consultation', id, (record, s) => {
    refuseFolderWithErrors(ctx, s.checked.problems);
    const c: Consultation = findConsultation(s.folder, id);
    if (c.status !== 'planned') throw new UserError('hearing.error.applyNotPlanned', { id, status: { key: `hearing.status.${c.status}` } });
    // Judged on the same day as the plan shown without --apply, so what it showed is what it writes.
    const proposal = planConsultation(s.folder, c, asOf).proposal;
    // Who is invited, by their organisations' names, for the line said after the write.
    invited = proposal.map((p) => {
      const party = s.folder.records['hearing-party'].get(p);
      return (party && recordName(s.folder, 'organisation', party.organisation)) ?? p;
    });
    const current = Array.isArray(record.invited) ? (record.invited as string[]) : [];
    // The same parties in another order: leave the list as the user ordered it.
    if (current.length === proposal.length && proposal.every((p) => current.includes(p))) return record;
    return { ...record, invited: proposal };
  });
  if (code === EXIT.ok && !opts.dryRun) ctx.stderr.write(ctx.t(invited.length === 0 ? 'hearing.plan.appliedNone' : 'hearing.plan.applied', { count: invited.length, names: invited.join(', ') }) + '\n');
  return code;
}
