// `civsam application assess|decide`: an assessor's scores by the call's criteria, and the
// decision with its reasons. Both go through the one record write path (lock, atomic write,
// commit). The assessor's name is kept in the record only: no message here repeats it.
import type { CommandContext } from '../context/context.js';
import { dateOption } from '../domain/dates.js';
import { UserError } from '../domain/errors.js';
import { scaleOf, scoredCriteria } from '../domain/applications.js';
import type { Application, Call } from '../domain/kinds.js';
import { changeRecord, type Session } from '../register/apply-change.js';

type WriteOpts = { dryRun?: boolean; commit?: boolean };
type AssessOpts = WriteOpts & { assessor?: string; score?: string[]; note?: string; date?: string };
type DecideOpts = WriteOpts & { decision?: string; date?: string; amount?: string; reason?: string; criteria?: string[]; case?: string };

/** A whole number of kroner or points from a flag (`250.000` and `250 000` read as 250000). */
export function wholeNumberFlag(raw: string, flag: string): number {
  const t = raw.trim().replace(/[._\s]/g, '');
  if (!/^\d+$/.test(t)) throw new UserError('register.badFlagValue', { flag, expected: { key: 'register.expected.int' } });
  return Number(t);
}

/** The call an application (as its file says now) is for, or a refusal that says which is missing. */
function callOf(s: Session, id: string, r: Record<string, unknown>): Call {
  const call = typeof r.call === 'string' ? s.folder.records.call.get(r.call) : undefined;
  if (!call) throw new UserError('application.callUnknown', { id, call: String(r.call ?? '') });
  return call;
}

/** Refuses a criterion id the call does not have, naming the ones it has. */
function requireCriterion(call: Call, criterion: string): void {
  const ids = scoredCriteria(call).map((c) => c.id);
  if (!ids.includes(criterion)) throw new UserError('application.criterionUnknown', { criterion, call: call.id, ids: ids.join(', ') || '—' });
}

/** `--score reach=4 --score need=3` (or `reach=4,need=3`) as criterion → score, checked against the call. */
export function parseScores(raw: readonly string[], call: Call): Array<{ criterion: string; score: number }> {
  if (scoredCriteria(call).length === 0) throw new UserError('application.noScoredCriteria', { call: call.id });
  const { min, max } = scaleOf(call);
  const out: Array<{ criterion: string; score: number }> = [];
  for (const item of raw) {
    const m = /^\s*([a-z0-9][a-z0-9-]{0,62})\s*=\s*(\d{1,3})\s*$/.exec(item);
    if (!m) throw new UserError('application.scoreSyntax');
    const [, criterion, n] = m;
    requireCriterion(call, criterion);
    const score = Number(n);
    if (score < min || score > max) throw new UserError('application.scoreOutOfScale', { criterion, call: call.id, min, max });
    if (out.some((s) => s.criterion === criterion)) throw new UserError('application.scoreTwice', { criterion });
    out.push({ criterion, score });
  }
  return out;
}

/** Records one assessor's scores; a later assessment by the same assessor replaces the scores it gives again. */
export async function assess(ctx: CommandContext, opts: AssessOpts, args: unknown[]): Promise<number> {
  const id = String(args[0]);
  const assessor = opts.assessor?.trim();
  if (!assessor) throw new UserError('application.assessorMissing');
  if (!opts.score || opts.score.length === 0) throw new UserError('application.noScores');
  const date = dateOption(opts.date, '--date', ctx.today);
  return changeRecord(ctx, opts, 'application', id, (r, s) => {
    const scores = parseScores(opts.score!, callOf(s, id, r));
    const assessments = Array.isArray(r.assessments) ? [...(r.assessments as NonNullable<Application['assessments']>)] : [];
    const at = assessments.findIndex((a) => a.assessor === assessor);
    const note = opts.note?.trim();
    if (at < 0) {
      assessments.push({ assessor, date, scores, ...(note ? { note } : {}) });
    } else {
      const before = assessments[at];
      const kept = before.scores.filter((old) => !scores.some((n) => n.criterion === old.criterion));
      assessments[at] = { ...before, date, scores: [...kept, ...scores], ...(note ? { note } : {}) };
    }
    return { ...r, assessments };
  });
}

const OUTCOMES = ['granted', 'partly', 'refused', 'withdrawn'] as const;

/**
 * Records the decision as it was made, also one the audit will flag (a late or over-large grant,
 * a refusal without reasons): the register keeps what happened. Only criterion ids the call does
 * not have are refused, since a reason cannot rest on a criterion that was never published.
 */
export async function decide(ctx: CommandContext, opts: DecideOpts, args: unknown[]): Promise<number> {
  const id = String(args[0]);
  const outcome = opts.decision as (typeof OUTCOMES)[number] | undefined;
  if (!outcome || !OUTCOMES.includes(outcome)) throw new UserError('application.decisionMissing');
  const date = dateOption(opts.date, '--date', ctx.today);
  const amount = opts.amount !== undefined ? wholeNumberFlag(opts.amount, '--amount') : undefined;
  const reason = opts.reason?.trim();
  return changeRecord(ctx, opts, 'application', id, (r, s) => {
    const criteria = opts.criteria?.map((c) => c.trim()).filter(Boolean);
    if (criteria?.length) {
      const call = callOf(s, id, r);
      for (const c of criteria) requireCriterion(call, c);
    }
    const before = (r.decision ?? {}) as Partial<NonNullable<Application['decision']>>;
    const caseNumber = opts.case?.trim() || before.case_number;
    const decision = {
      outcome, date,
      ...(amount !== undefined ? { amount_dkk: amount } : {}),
      ...(reason ? { reason } : {}),
      ...(criteria?.length ? { criteria: [...new Set(criteria)] } : {}),
      ...(caseNumber ? { case_number: caseNumber } : {}),
    };
    return { ...r, decision };
  });
}
