// `civsam call close`: a call's round is decided: who applied and who was selected (written here for
// a call without applications; a call with applications takes both from them).
import { applicationsOf, derivedSelection } from '../domain/applications.js';
import type { CommandContext } from '../context/context.js';
import { EXIT, UserError } from '../domain/errors.js';
import { andList, type Message } from '../i18n/index.js';
import { nameOf } from '../audit/make.js';
import { changeRecord } from '../register/apply-change.js';

type Opts = { dryRun?: boolean; commit?: boolean; selected?: string[]; applicants?: string[] };

export async function close(ctx: CommandContext, opts: Opts, args: unknown[]): Promise<number> {
  const id = String(args[0]);
  let told: Message[] = [];
  const code = await changeRecord(ctx, opts, 'call', id, (r, s) => {
    if (typeof r.deadline === 'string' && r.deadline > ctx.today) throw new UserError('register.callBeforeDeadline', { id });
    // A call with applications takes who applied and who was selected from them: lists of its own
    // would be a second copy of that fact, and could only disagree with it.
    const apps = applicationsOf(s.folder, id);
    if (apps.length > 0 && (opts.applicants || opts.selected)) throw new UserError('register.callHasApplications', { id, count: apps.length });
    const out: Record<string, unknown> = { ...r, status: 'closed' };
    if (opts.applicants) out.applicants = opts.applicants;
    if (opts.selected) out.selected = opts.selected;
    // Whoever was selected applied: keep the record coherent without asking twice.
    if (Array.isArray(out.selected)) {
      const applicants = new Set(Array.isArray(out.applicants) ? (out.applicants as string[]) : []);
      const missing = (out.selected as string[]).filter((s) => !applicants.has(s));
      if (missing.length > 0) out.applicants = [...applicants, ...missing];
    }
    const callId = String(r.id ?? id);
    const names = (ids: readonly string[]) => andList(ids.map((o) => nameOf(s.folder, 'organisation', o)));
    if (apps.length > 0) {
      // Shown, not written: the diff holds only the status, so who applied and who was chosen are said as the applications give them.
      const { applicants, selected } = derivedSelection(apps);
      const undecided = apps.filter((a) => a.decision === undefined).map((a) => a.id);
      told = [
        { key: 'call.closeSelection', params: { id: callId, count: apps.length, applicantCount: applicants.length, applicants: names(applicants), selectedCount: selected.length, selected: names(selected) } },
        ...(undecided.length > 0 ? [{ key: 'call.closeUndecided', params: { count: undecided.length, ids: undecided.join(', '), first: undecided[0] } } as Message] : []),
      ];
    } else if (!Array.isArray(out.applicants)) {
      told = [{ key: 'call.closeNobody', params: { id: callId } }];
    } else told = [];
    return out;
  });
  if (code === EXIT.ok) for (const m of told) ctx.stderr.write(ctx.errColor.yellow(ctx.t(m.key, m.params)) + '\n');
  return code;
}
