// `civsam call declare`: an assessor's declaration of impartiality for a call (forvaltningsloven
// § 6): the date and the organisations they have ties to, or none. The assessor's name is kept in
// the call's record only.
import type { CommandContext } from '../context/context.js';
import { dateOption } from '../domain/dates.js';
import { UserError } from '../domain/errors.js';
import type { Call } from '../domain/kinds.js';
import { changeRecord } from '../register/apply-change.js';

type Opts = { dryRun?: boolean; commit?: boolean; assessor?: string; date?: string; ties?: string[]; tie?: string; none?: boolean };
type Declaration = NonNullable<Call['declarations']>[number];

export async function declare(ctx: CommandContext, opts: Opts, args: unknown[]): Promise<number> {
  const id = String(args[0]);
  const assessor = opts.assessor?.trim();
  if (!assessor) throw new UserError('application.assessorMissing');
  const ties = (opts.ties ?? []).map((t) => t.trim()).filter(Boolean);
  if ((ties.length > 0) === (opts.none === true)) throw new UserError('call.tiesOrNone');
  if (opts.tie !== undefined && ties.length === 0) throw new UserError('call.tieWithoutTies');
  const date = dateOption(opts.date, '--date', ctx.today);
  const relation = opts.tie as Declaration['ties'][number]['relation'];
  const declaration: Declaration = { assessor, date, ties: [...new Set(ties)].map((organisation) => ({ organisation, ...(relation ? { relation } : {}) })) };
  return changeRecord(ctx, opts, 'call', id, (r) => {
    // A new declaration on the same day replaces that day's; an earlier one stays, as history.
    const declarations = (Array.isArray(r.declarations) ? (r.declarations as Declaration[]) : []).filter((d) => !(d.assessor === assessor && d.date === date));
    return { ...r, declarations: [...declarations, declaration] };
  });
}
