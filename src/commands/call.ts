// `civsam call close`: a call's round is decided: who applied and who was selected (written here for
// a call without applications; a call with applications takes both from them).
import { applicationsOf } from '../domain/applications.js';
import type { CommandContext } from '../context/context.js';
import { UserError } from '../domain/errors.js';
import { changeRecord } from '../register/apply-change.js';

type Opts = { dryRun?: boolean; commit?: boolean; selected?: string[]; applicants?: string[] };

export async function close(ctx: CommandContext, opts: Opts, args: unknown[]): Promise<number> {
  const id = String(args[0]);
  return changeRecord(ctx, opts, 'call', id, (r, s) => {
    if (typeof r.deadline === 'string' && r.deadline > ctx.today) throw new UserError('register.callBeforeDeadline', { id });
    // A call with applications takes who applied and who was selected from them: lists of its own
    // would be a second copy of that fact, and could only disagree with it.
    const applications = applicationsOf(s.folder, id).length;
    if (applications > 0 && (opts.applicants || opts.selected)) throw new UserError('register.callHasApplications', { id, count: applications });
    const out: Record<string, unknown> = { ...r, status: 'closed' };
    if (opts.applicants) out.applicants = opts.applicants;
    if (opts.selected) out.selected = opts.selected;
    // Whoever was selected applied: keep the record coherent without asking twice.
    if (Array.isArray(out.selected)) {
      const applicants = new Set(Array.isArray(out.applicants) ? (out.applicants as string[]) : []);
      const missing = (out.selected as string[]).filter((s) => !applicants.has(s));
      if (missing.length > 0) out.applicants = [...applicants, ...missing];
    }
    return out;
  });
}
