// `civsam agreement end|evaluate|cancel`: an agreement's state changes.
import type { CommandContext } from '../context/context.js';
import { addMonths, dateOption } from '../domain/dates.js';
import { UserError } from '../domain/errors.js';
import { formatDate } from '../i18n/format.js';
import { applyChange, changeRecord, say } from '../register/apply-change.js';
import type { Message } from '../i18n/index.js';

type Opts = { dryRun?: boolean; commit?: boolean; date?: string; summary?: string; nextDue?: string; nextInMonths?: string };

/**
 * Ends the agreement on `--date`, else on its recorded end when that has come, else today. An
 * agreement already ended (or active with a later end recorded) is left as it is, and the user is
 * told its day: the end day moves only by `--date`, and then the user is told from what to what. A
 * day after today is an end planned ahead: the agreement stays active until then (as the overviews,
 * the audit and the site count it in force until its end) and the message says when it ends. A
 * draft is refused: it is cancelled, or its planned end edited with `agreement edit --end`.
 */
export async function end(ctx: CommandContext, opts: Opts, args: unknown[]): Promise<number> {
  const id = String(args[0]);
  const given = opts.date === undefined ? undefined : dateOption(opts.date, '--date');
  let unchanged: Message | undefined;
  const notes: Message[] = [];
  const result = await applyChange(ctx, { dryRun: opts.dryRun === true, commit: opts.commit !== false, notes: () => notes }, (s) => {
    const r = s.current('agreement', id);
    if (!r) throw new UserError('register.notFound', { kind: { key: 'kind.agreement' }, id });
    if (r.status === 'cancelled') throw new UserError('register.agreementCancelled', { id });
    // A draft never ran: it is cancelled, or its planned end edited, not ended (ending it made a
    // draft longer, or ended what never began).
    if (r.status === 'draft') throw new UserError('register.agreementEndDraft', { id });
    const recorded = typeof r.end === 'string' ? r.end : undefined;
    // Said by its title, as the user knows it (its id where it has none).
    const name = typeof r.title === 'string' && r.title !== '' ? r.title : id;
    if (given === undefined) {
      // Run again, it changes nothing: the day it ended, or will end, is said instead of moved to today.
      if (r.status === 'ended') {
        unchanged = recorded === undefined ? { key: 'register.agreementEndedUndated', params: { name } } : { key: recorded <= ctx.today ? 'register.agreementAlreadyEnded' : 'register.agreementEndsLater', params: { name, date: recorded, isoToday: ctx.today } };
        return [];
      }
      if (recorded !== undefined && recorded > ctx.today && r.status === 'active' && !(typeof r.start === 'string' && r.start > ctx.today)) {
        unchanged = { key: 'register.agreementEndsLater', params: { name, date: recorded, isoToday: ctx.today } };
        return [];
      }
    }
    const end = given ?? (recorded !== undefined && recorded <= ctx.today ? recorded : ctx.today);
    // An end before the start is said as what it is (not begun yet, or a --date too early), by the
    // command's words, not at a line of the file that would be written.
    if (typeof r.start === 'string' && end < r.start) {
      throw new UserError(given === undefined ? 'register.endNotStarted' : 'register.endBeforeStart', { id, start: r.start, date: end });
    }
    // An end still to come leaves the agreement active until that day.
    const status = end <= ctx.today ? 'ended' : 'active';
    if (r.status === status && recorded === end) {
      unchanged = { key: end <= ctx.today ? 'register.agreementAlreadyEnded' : 'register.agreementEndsLater', params: { name, date: end, isoToday: ctx.today } };
      return [];
    }
    if (recorded !== undefined && recorded !== end) notes.push({ key: 'register.agreementEndMoved', params: { from: recorded, end } });
    if (status === 'active') notes.push({ key: 'register.agreementEndsOn', params: { name, date: end } });
    return [{ kind: 'agreement', id, record: { ...r, status, end } }];
  });
  if (unchanged) say(ctx, unchanged);
  return result.exitCode;
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
