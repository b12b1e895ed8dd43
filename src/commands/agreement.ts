// `civsam agreement end|evaluate|cancel`: an agreement's state changes.
import type { CommandContext } from '../context/context.js';
import { addMonths, dateOption } from '../domain/dates.js';
import { UserError } from '../domain/errors.js';
import { formatDate } from '../i18n/format.js';
import { changeRecord } from '../register/apply-change.js';

type Opts = { dryRun?: boolean; commit?: boolean; date?: string; summary?: string; nextDue?: string; nextInMonths?: string };

/** Ends the agreement: status ended, and `end` on the given date (default: the recorded end if already past, else today). */
export async function end(ctx: CommandContext, opts: Opts, args: unknown[]): Promise<number> {
  return changeRecord(ctx, opts, 'agreement', String(args[0]), (r) => {
    if (r.status === 'cancelled') throw new UserError('register.agreementCancelled', { id: String(args[0]) });
    const recorded = typeof r.end === 'string' && r.end <= ctx.today ? r.end : ctx.today;
    const end = dateOption(opts.date, '--date', recorded);
    // An end before the start is said as what it is (not begun yet, or a --date too early), by the
    // command's words, not at a line of the file that would be written.
    if (typeof r.start === 'string' && end < r.start) {
      const id = String(args[0]);
      throw new UserError(opts.date === undefined ? 'register.endNotStarted' : 'register.endBeforeStart', { id, start: r.start, date: end });
    }
    return { ...r, status: 'ended', end };
  });
}

export async function cancel(ctx: CommandContext, opts: Opts, args: unknown[]): Promise<number> {
  return changeRecord(ctx, opts, 'agreement', String(args[0]), (r) => ({ ...r, status: 'cancelled' }));
}

/** Records an evaluation and moves `evaluation_due` on (default: a year after the evaluation). */
export async function evaluate(ctx: CommandContext, opts: Opts, args: unknown[]): Promise<number> {
  if (!opts.summary || !opts.summary.trim()) throw new UserError('register.summaryMissing');
  const date = dateOption(opts.date, '--date', ctx.today);
  // An evaluation is recorded once it has been made: not dated after today.
  if (date > ctx.today) throw new UserError('register.evaluationAfterToday', { today: formatDate(ctx.today, ctx.lang) });
  let months = 12;
  if (opts.nextInMonths !== undefined) {
    months = Number(opts.nextInMonths);
    if (!Number.isInteger(months) || months < 1 || months > 120) throw new UserError('register.badFlagValue', { flag: '--next-in-months', expected: { key: 'register.expected.months' } });
  }
  const next = dateOption(opts.nextDue, '--next-due', addMonths(date, months));
  if (next <= date) throw new UserError('register.nextDueNotAfter');
  const id = String(args[0]);
  return changeRecord(ctx, opts, 'agreement', id, (r) => {
    // An evaluation looks back on what the agreement did: none is dated before it starts.
    if (typeof r.start === 'string' && date < r.start) {
      // One that has not begun yet cannot be evaluated now; one that has, from its first day on.
      if (r.start > ctx.today) throw new UserError('register.evaluationNotStarted', { id, start: formatDate(r.start, ctx.lang) });
      throw new UserError('register.evaluationBeforeStart', { id, start: formatDate(r.start, ctx.lang), date: formatDate(date, ctx.lang) });
    }
    const evaluations = Array.isArray(r.evaluations) ? [...r.evaluations] : [];
    evaluations.push({ date, summary: opts.summary!.trim() });
    return { ...r, evaluations, evaluation_due: next };
  });
}
