// `civsam offer end`: an offer stops; its last day is recorded.
import type { CommandContext } from '../context/context.js';
import { dateOption } from '../domain/dates.js';
import { applyChange, say } from '../register/apply-change.js';
import { UserError } from '../domain/errors.js';
import type { Message } from '../i18n/index.js';

type Opts = { dryRun?: boolean; commit?: boolean; date?: string };

/**
 * Records the offer's last day: `--date`, else today. An offer whose last day is recorded already
 * (past, or still to come) is left as it is and the user is told that day: run again, the command
 * must not bring an ended offer back to today. The day moves only by `--date`, said from what to what.
 */
export async function end(ctx: CommandContext, opts: Opts, args: unknown[]): Promise<number> {
  const given = opts.date === undefined ? undefined : dateOption(opts.date, '--date');
  const id = String(args[0]);
  let unchanged: Message | undefined;
  const notes: Message[] = [];
  const result = await applyChange(ctx, { dryRun: opts.dryRun === true, commit: opts.commit !== false, notes: () => notes }, (s) => {
    const r = s.current('offer', id);
    if (!r) throw new UserError('register.notFound', { kind: { key: 'kind.offer' }, id });
    const recorded = typeof r.active_until === 'string' ? r.active_until : undefined;
    // Said by its title, as the user knows it (its id where it has none).
    const name = typeof r.title === 'string' && r.title !== '' ? r.title : id;
    // One not begun yet is said as such below (its last day cannot be today), whatever day it has.
    const begun = !(typeof r.active_from === 'string' && r.active_from > ctx.today);
    if (given === undefined && recorded !== undefined && begun || given !== undefined && given === recorded) {
      unchanged = { key: recorded! <= ctx.today ? 'register.offerAlreadyEnded' : 'register.offerEndsLater', params: { name, date: recorded!, isoToday: ctx.today } };
      return [];
    }
    const date = given ?? ctx.today;
    // A last day before the first is said as what it is (not begun yet, or a --date too early), by
    // the command's words, not at a line of the file that would be written.
    if (typeof r.active_from === 'string' && date < r.active_from) throw new UserError(given === undefined ? 'register.offerEndNotStarted' : 'register.offerEndBeforeStart', { id, start: r.active_from, date });
    if (recorded !== undefined) notes.push({ key: 'register.offerEndMoved', params: { from: recorded, end: date } });
    if (date > ctx.today) notes.push({ key: 'register.offerRunsUntil', params: { name, date } });
    return [{ kind: 'offer', id, record: { ...r, active_until: date } }];
  });
  if (unchanged) say(ctx, unchanged);
  return result.exitCode;
}
