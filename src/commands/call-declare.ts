// `civsam call declare`: an assessor's declaration of impartiality for a call (forvaltningsloven
// § 6): the date and the organisations they have ties to, or none. The assessor's name is kept in
// the call's record only.
import type { CommandContext } from '../context/context.js';
import { dateOption } from '../domain/dates.js';
import { EXIT, UserError } from '../domain/errors.js';
import { applicationsOf, assessedBy, recordedAssessor, tiedAssessors, tiesOf } from '../domain/applications.js';
import { sameAssessor } from '../domain/personal.js';
import type { DataFolder } from '../domain/folder.js';
import { andList, type Message } from '../i18n/index.js';
import type { Call } from '../domain/kinds.js';
import { changeRecord } from '../register/apply-change.js';

type Opts = { dryRun?: boolean; commit?: boolean; assessor?: string; date?: string; ties?: string[]; tie?: string; none?: boolean };
type Declaration = NonNullable<Call['declarations']>[number];

export async function declare(ctx: CommandContext, opts: Opts, args: unknown[]): Promise<number> {
  const id = String(args[0]);
  const typed = opts.assessor?.trim();
  if (!typed) throw new UserError('application.assessorMissing');
  const ties = (opts.ties ?? []).map((t) => t.trim()).filter(Boolean);
  if ((ties.length > 0) === (opts.none === true)) throw new UserError('call.tiesOrNone');
  if (opts.tie !== undefined && ties.length === 0) throw new UserError('call.tieWithoutTies');
  const date = dateOption(opts.date, '--date', ctx.today);
  // A declaration is recorded once the assessor has made it (as a response, an assessment, a decision).
  if (date > ctx.today) throw new UserError('call.declaredAfterToday', { today: ctx.today });
  const relation = opts.tie as Declaration['ties'][number]['relation'];
  let late: Message | undefined;
  const code = await changeRecord(ctx, opts, 'call', id, (r, s) => {
    const earlier = Array.isArray(r.declarations) ? (r.declarations as Declaration[]) : [];
    // The assessor as the call knows them, however the name was typed (recordedAssessor).
    const assessor = recordedAssessor({ declarations: earlier }, applicationsOf(s.folder, String(r.id ?? id)), typed);
    const declaration: Declaration = { assessor, date, ties: [...new Set(ties)].map((organisation) => ({ organisation, ...(relation ? { relation } : {}) })) };
    // A new declaration on the same day replaces that day's; an earlier one stays, as history.
    const declarations = earlier.filter((d) => !(sameAssessor(d.assessor, assessor) && d.date === date));
    late = alreadyAssessed(s.folder, String(r.id ?? id), [...declarations, declaration], assessor);
    return { ...r, declarations: [...declarations, declaration] };
  });
  // A tie declared after the scores were given: said at once, with what it means and the way to remove them.
  if (code === EXIT.ok && late) ctx.stderr.write(ctx.errColor.yellow(ctx.t(late.key, late.params)) + '\n');
  return code;
}

/** When the assessor, now tied to an applicant (tiedAssessors), has assessed applications of the call: how many, and the applicants by name. */
function alreadyAssessed(folder: DataFolder, callId: string, declarations: Declaration[], assessor: string): Message | undefined {
  const apps = applicationsOf(folder, callId);
  const orgs = tiesOf(tiedAssessors({ declarations }, apps), assessor);
  const count = apps.filter((a) => assessedBy(a, assessor)).length;
  if (!orgs || count === 0) return undefined;
  return { key: 'call.declaredAfterScores', params: { count, organisations: andList(orgs.map((o) => folder.records.organisation.get(o)?.name ?? o)), orgCount: orgs.length, id: callId } };
}
