// `civsam consultation invite|omit|respond|open|close`: a consultation's hearing list and course.
import type { CommandContext } from '../context/context.js';
import { dateOption, daysBetween, isLate } from '../domain/dates.js';
import { EXIT, UserError } from '../domain/errors.js';
import { formatDate } from '../i18n/format.js';
import { andList, listWords } from '../i18n/index.js';
import { changeRecord } from '../register/apply-change.js';
import { recordName } from '../domain/record-name.js';
import type { DataFolder } from '../domain/folder.js';
import type { Consultation } from '../domain/kinds.js';
import type { Message } from '../i18n/index.js';
import { nameOf } from '../audit/make.js';
import type { Rec } from '../register/apply-change.js';

type Opts = { dryRun?: boolean; commit?: boolean; date?: string; reason?: string; party?: string; point?: string[] };
type Omitted = { party: string; reason: string };
type Response = { party: string; received: string; points?: { summary: string; disposition?: string; reason?: string }[] };

const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : v === undefined ? [] : [String(v)]);
const parties = (args: unknown[]) => args.slice(1).flatMap((a) => list(a)).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean);

/**
 * Room for `adding` more invitations: with limited seats, as many as are free. Parties are invited
 * on equal terms, so a consultation closed, or open past its deadline, takes no more (the others
 * have had their time), and the seats are the seats: over them the change is refused, saying who holds
 * them and what to do.
 */
function inviteRefusal(r: Rec, folder: DataFolder, id: string, invited: readonly string[], adding: number, today: string): Message | undefined {
  if (r.status === 'closed') return { key: 'course.inviteClosed', params: { id } };
  // Past its deadline while open: sent out, and the others' time is up. A planned one was sent to nobody yet.
  if (r.status === 'open' && typeof r.deadline === 'string' && isLate(today, r.deadline)) return { key: 'course.inviteAfterDeadline', params: { id, today } };
  if (r.selection !== 'limited' || typeof r.seats !== 'number' || invited.length + adding <= r.seats) return undefined;
  const seats = r.seats;
  const names = andList(invited.map((p) => nameOf(folder, 'hearing-party', p)));
  const held: Message = invited.length === 0 ? { key: 'course.seatsHeldNone' }
    : invited.length >= seats ? { key: 'course.seatsHeldAll', params: { names, seats } }
    : { key: 'course.seatsHeldSome', params: { count: invited.length, names } };
  // Once it has gone out an invitation is not taken back (omit): only more seats make room then.
  const advice: Message = { key: r.status === 'planned' ? 'course.seatsOmitOrRaise' : 'course.seatsRaise', params: { id } };
  return { key: 'course.inviteOverSeats', params: { id, seats, held, free: Math.max(0, seats - invited.length), adding, advice } };
}

/**
 * `consultation edit` that leaves fewer seats than parties invited (--seats below them, or a
 * limited selection chosen with too few): refused as an invitation past the seats is (inviteRefusal),
 * saying who holds them and what to do. Judged only when the edit changes the seats, the selection
 * or the invited, so a record already over its seats can still have its other fields edited.
 */
export function refuseSeatsBelowInvited(before: Rec, after: Rec, id: string, folder: DataFolder): void {
  // Fewer than one seat is no number of seats at all (the schema's minimum), said before any count.
  if (typeof after.seats === 'number' && after.seats < 1 && after.seats !== before.seats) throw new UserError('hearing.error.badSeats');
  const invited = [...new Set(list(after.invited))];
  if (after.selection !== 'limited' || typeof after.seats !== 'number' || invited.length <= after.seats) return;
  if (after.seats === before.seats && after.selection === before.selection && invited.length <= new Set(list(before.invited)).size) return;
  const count = invited.length;
  const advice: Message = { key: after.status === 'planned' ? 'course.fewerSeatsOmit' : 'course.fewerSeatsSent', params: { id, count } };
  throw new UserError('course.seatsBelowInvited', { id, count, seats: after.seats, names: andList(invited.map((p) => nameOf(folder, 'hearing-party', p))), advice });
}

/**
 * Adds hearing parties to the invited list. A party left out with a written reason is taken off the
 * omitted list (a party is not both invited and left out), and that is said: the reason was a
 * decision someone wrote down. Nothing of it is kept in the file; the history keeps it.
 */
export async function invite(ctx: CommandContext, opts: Opts, args: unknown[]): Promise<number> {
  const add = parties(args);
  if (add.length === 0) throw new UserError('register.partiesMissing');
  const id = String(args[0]);
  let takenBack: { names: Message | string; count: number; dir: string } | undefined;
  const code = await changeRecord(ctx, opts, 'consultation', id, (r, s) => {
    const invited = list(r.invited);
    const fresh = [...new Set(add.filter((p) => !invited.includes(p)))];
    const refusal = fresh.length > 0 ? inviteRefusal(r, s.folder, id, invited, fresh.length, ctx.today) : undefined;
    if (refusal) throw new UserError(refusal.key, refusal.params);
    invited.push(...fresh);
    const out: Record<string, unknown> = { ...r, invited };
    takenBack = undefined;
    if (Array.isArray(r.omitted)) {
      const omitted = (r.omitted as Omitted[]).filter((o) => !add.includes(o.party));
      const back = (r.omitted as Omitted[]).filter((o) => add.includes(o.party)).map((o) => o.party);
      if (back.length > 0) takenBack = { names: andList(back.map((p) => nameOf(s.folder, 'hearing-party', p))), count: back.length, dir: s.dir };
      if (omitted.length > 0) out.omitted = omitted;
      else delete out.omitted;
    }
    return out;
  });
  if (code === EXIT.ok && takenBack) {
    const { findRepository } = await import('../store/git.js');
    const kept: Message = { key: findRepository(takenBack.dir) ? 'course.omissionInHistory' : 'course.omissionGone', params: { id, count: takenBack.count } };
    ctx.stderr.write(ctx.errColor.yellow(ctx.t('course.omissionTakenBack', { id, names: takenBack.names, count: takenBack.count, kept })) + '\n');
  }
  return code;
}

/** Records eligible parties deliberately left out, with the reason. */
export async function omit(ctx: CommandContext, opts: Opts, args: unknown[]): Promise<number> {
  const names = parties(args);
  if (names.length === 0) throw new UserError('register.partiesMissing');
  if (!opts.reason || !opts.reason.trim()) throw new UserError('register.reasonMissing');
  const id = String(args[0]);
  return changeRecord(ctx, opts, 'consultation', id, (r, s) => {
    // An invitation went out when the consultation opened: from then on it is part of its history
    // (the party may have answered), not taken back. Only a planned one's list may still change; a
    // reason for leaving out a party that was not invited may always be written down.
    const invitedThen = r.status !== 'planned' ? names.filter((p) => list(r.invited).includes(p)) : [];
    if (invitedThen.length > 0) throw new UserError('course.omitSentInvited', { id, count: invitedThen.length, parties: andList(invitedThen.map((p) => nameOf(s.folder, 'hearing-party', p))) });
    const omitted = Array.isArray(r.omitted) ? (r.omitted as Omitted[]).map((o) => ({ ...o })) : [];
    for (const p of names) {
      const existing = omitted.find((o) => o.party === p);
      if (existing) existing.reason = opts.reason!.trim();
      else omitted.push({ party: p, reason: opts.reason!.trim() });
    }
    const invited = list(r.invited).filter((p) => !names.includes(p));
    const out: Record<string, unknown> = { ...r, omitted };
    if (Array.isArray(r.invited)) out.invited = invited;
    return out;
  });
}

/** Records a response from an invited party (on --date, default today). */
export async function respond(ctx: CommandContext, opts: Opts, args: unknown[]): Promise<number> {
  const names = [...new Set([...parties(args), ...(opts.party ? [opts.party] : [])])];
  if (names.length === 0) throw new UserError('register.partiesMissing');
  // The points a response raised, summarised by staff; they belong to one party's response.
  const points = (opts.point ?? []).map((p) => p.trim()).filter(Boolean);
  if (points.length > 0 && names.length > 1) throw new UserError('hearingNote.pointsOneParty');
  const date = dateOption(opts.date, '--date', ctx.today);
  // A response is recorded once it has come: not after today, not before the consultation opened.
  // After the deadline is allowed: it came late, and the report says so.
  if (date > ctx.today) throw new UserError('course.responseAfterToday', { today: formatDate(ctx.today, ctx.lang) });
  const id = String(args[0]);
  // Points the response already has (by their text): not added twice, and said so.
  let known: { name: string; given: number; index: number }[] = [];
  const code = await changeRecord(ctx, opts, 'consultation', id, (r, s) => {
    // A point is known by its text (as consultation note refuses a second with the same text).
    const second = points.findIndex((x, i) => points.indexOf(x) !== i);
    if (second >= 0) throw new UserError('hearingNote.pointTwice', { name: recordName(s.folder, 'hearing-party', names[0]!) ?? names[0]!, first: points.indexOf(points[second]!) + 1, second: second + 1 });
    // Not sent out yet, it can have had no response (whatever its planned opening day).
    if (r.status === 'planned') throw new UserError('course.responseNotOpen', { id });
    if (typeof r.opens === 'string' && date < r.opens) throw new UserError('course.responseBeforeOpensOn', { title: recordName(s.folder, 'consultation', id) ?? id, opens: formatDate(r.opens, ctx.lang) });
    const invited = list(r.invited);
    const notInvited = names.filter((p) => !invited.includes(p));
    if (notInvited.length > 0) {
      // Invite them first only where an invitation can be given: not to a closed consultation, nor past its seats.
      const refusal = inviteRefusal(r, s.folder, id, invited, notInvited.length, ctx.today);
      const count = notInvited.length;
      const advice: Message = !refusal ? { key: 'course.inviteFirst', params: { id, count, parties: notInvited.join(' ') } }
        : refusal.key === 'course.inviteClosed' ? { key: 'course.closedNoInvite', params: { id, count } }
        : refusal.key === 'course.inviteAfterDeadline' ? { key: 'course.lateNoInvite', params: { id, count } }
        : { key: 'course.seatsNoInvite', params: { id, count, seats: refusal.params!.seats as number } };
      throw new UserError('register.responseNotInvited', { count, parties: notInvited.join(', '), advice });
    }
    const responses = Array.isArray(r.responses) ? (r.responses as Response[]).map((x) => ({ ...x })) : [];
    known = [];
    let changed = false;
    for (const p of names) {
      const existing = responses.find((x) => x.party === p);
      const response = existing ?? { party: p, received: date };
      if (!existing || existing.received !== date) changed = true;
      response.received = date;
      if (!existing) responses.push(response);
      if (points.length > 0) {
        const had = (response.points ?? []).map((x) => x.summary);
        const name = recordName(s.folder, 'hearing-party', p) ?? p;
        points.forEach((x, i) => { if (had.includes(x)) known.push({ name, given: i + 1, index: had.indexOf(x) + 1 }); });
        const added = points.filter((x) => !had.includes(x));
        if (added.length > 0) changed = true;
        response.points = [...(response.points ?? []).map((x) => ({ ...x })), ...added.map((summary) => ({ summary }))];
      }
    }
    // Every point given is there already, and nothing else changes: refused, not passed over in silence.
    if (known.length > 0 && !changed) {
      throw new UserError('hearingNote.pointsAllKnown', { name: known[0]!.name, party: names[0]!, id, count: known.length, indexes: listWords(ctx.lang, known.map((k) => String(k.index))) });
    }
    return { ...r, responses };
  });
  if (code === EXIT.ok) {
    for (const k of known) ctx.stderr.write(ctx.errColor.yellow(ctx.t('hearingNote.pointKnown', { name: k.name, given: k.given, total: points.length, index: k.index })) + '\n');
  }
  return code;
}

/**
 * Opens a consultation on or after its opening day; with --now today, which becomes its opening day.
 * Not past its deadline: opened then, it would give no party time to answer (and those invited
 * before would be held to a deadline that has gone). A new deadline comes first (edit --deadline).
 * A planned one opened on another day than planned has that day as its opening day (opens), since
 * its window and every response are counted from the day it was sent; the planned day is kept
 * (planned_opens), and a late opening is said with the window it leaves. Nor is a planned one sent
 * out while the hearing rules find an error in its list (a party left out): refused with the
 * findings and the fix, unless --despite-findings with a reason, both kept in its file.
 */
export async function open(ctx: CommandContext, opts: Opts & { now?: boolean; despiteFindings?: boolean }, args: unknown[]): Promise<number> {
  const id = String(args[0]);
  const reason = opts.reason?.trim();
  if (opts.despiteFindings && !reason) throw new UserError('course.despiteNeedsReason');
  if (!opts.despiteFindings && opts.reason !== undefined) throw new UserError('course.reasonNeedsDespite');
  const { HEARING_RULES } = await import('../audit/hearing-rule-list.js');
  let late: Message | undefined;
  const code = await changeRecord(ctx, opts, 'consultation', id, (r, s) => {
    // A closed one is said to be: opened again with a new deadline, it asks the parties anew.
    if (typeof r.deadline === 'string' && isLate(ctx.today, r.deadline)) throw new UserError(r.status === 'closed' ? 'course.reopenAfterDeadline' : 'course.openAfterDeadline', { id, today: formatDate(ctx.today, ctx.lang) });
    if (!opts.now && typeof r.opens === 'string' && r.opens > ctx.today) throw new UserError('course.notYetOpenOn', { id, opens: formatDate(r.opens, ctx.lang), today: formatDate(ctx.today, ctx.lang) });
    // Opened again: when and why it was closed early no longer describe it.
    const { closed_early: _day, closed_early_reason: _reason, ...rest } = r;
    // Sent out before (open, or closed and opened again): its opening day and its list stand.
    if (r.status !== 'planned') {
      if (opts.despiteFindings) throw new UserError('course.despiteNotPlanned', { id });
      // Open already: the day it went out stands (its window and its responses are counted from it).
      if (opts.now && r.status === 'open') throw new UserError('course.nowWhileOpen', { id });
      return opts.now ? { ...rest, opens: ctx.today, status: 'open' } : { ...rest, status: 'open' };
    }
    const planned = typeof r.opens === 'string' ? r.opens : undefined;
    const opens = opts.now || (planned !== undefined && isLate(ctx.today, planned)) ? ctx.today : planned;
    const out: Rec = { ...rest, opens, status: 'open' };
    // The first plan is the one kept, however often the day moved.
    if (planned !== undefined && planned !== opens) out.planned_opens = typeof r.planned_opens === 'string' ? r.planned_opens : planned;
    const errors = HEARING_RULES.flatMap((rule) => rule.checkConsultation(s.folder, out as unknown as Consultation, ctx.today).filter((f) => f.severity === 'error').map((f) => ({ rule, f })));
    if (errors.length > 0 && !opts.despiteFindings) {
      const lines: Message[] = errors.map(({ rule, f }) => ({ key: 'course.openErrorLine', params: { title: { key: rule.title }, problem: f.message } }));
      throw new UserError('course.openWithErrors', { id, count: errors.length, list: { lines } });
    }
    if (opts.despiteFindings) {
      if (errors.length === 0) throw new UserError('course.despiteNothing', { id });
      out.opened_despite = [...new Set(errors.map(({ rule }) => rule.id))];
      out.opened_despite_reason = reason;
    }
    late = planned !== undefined && isLate(ctx.today, planned) ? lateOpening(ctx, s.folder, out, id, planned) : undefined;
    return out;
  });
  if (code === EXIT.ok && late) ctx.stderr.write(ctx.errColor.yellow(ctx.t(late.key, late.params)) + '\n');
  return code;
}

/**
 * What is said of a consultation opened after its planned day: the day it was planned, that it
 * opens today, and the window the deadline now leaves; below the policy's minimum without a
 * written reason (the audit's hearing-short-deadline), with how to give a later deadline or the reason.
 */
function lateOpening(ctx: CommandContext, folder: DataFolder, c: Rec, id: string, planned: string): Message {
  const deadline = String(c.deadline);
  const days = daysBetween(ctx.today, deadline);
  const min = folder.policy.hearing_min_days;
  const short = days < min && (typeof c.deadline_reason !== 'string' || c.deadline_reason.trim() === '');
  return {
    key: 'course.openedLate',
    params: { id, planned: formatDate(planned, ctx.lang), today: formatDate(ctx.today, ctx.lang), deadline: formatDate(deadline, ctx.lang), days, short: short ? { key: 'course.openedLateShort', params: { id, min } } : '' },
  };
}

/**
 * Closes a consultation from its deadline day on. Before it only with --early and a reason, kept in
 * the file with the day (closed_early, closed_early_reason), since parties that were told the deadline may still answer.
 */
export async function close(ctx: CommandContext, opts: Opts & { early?: boolean }, args: unknown[]): Promise<number> {
  const id = String(args[0]);
  const reason = opts.reason?.trim();
  if (opts.early && !reason) throw new UserError('course.earlyNeedsReason');
  if (!opts.early && opts.reason !== undefined) throw new UserError('course.reasonNeedsEarly');
  const today = formatDate(ctx.today, ctx.lang);
  let undecided: Message | undefined;
  const code = await changeRecord(ctx, opts, 'consultation', id, (r) => {
    const early = typeof r.deadline === 'string' && ctx.today < r.deadline;
    if (early && !opts.early) throw new UserError('course.closeBeforeDeadline', { id, today });
    if (!early && opts.early) throw new UserError('course.notEarly', { id, today });
    undecided = undecidedPoints(String(r.id ?? id), r.responses);
    return early ? { ...r, status: 'closed', closed_early: ctx.today, closed_early_reason: reason } : { ...r, status: 'closed' };
  });
  // Not refused (a consultation closes on its deadline whatever is still to be decided), but said at
  // once rather than at the next audit: the audit's hearing-points-undecided, with the command.
  if (code === EXIT.ok && undecided) ctx.stderr.write(ctx.errColor.yellow(ctx.t(undecided.key, undecided.params)) + '\n');
  return code;
}

/** The points of a consultation's responses without a disposition, as the audit's hearing-points-undecided counts them, with the first one's party and number (`--index`). */
function undecidedPoints(id: string, responses: unknown): Message | undefined {
  let count = 0;
  let parties = 0;
  let first: { party: string; index: number } | undefined;
  for (const r of Array.isArray(responses) ? (responses as Response[]) : []) {
    const open = (r.points ?? []).flatMap((p, i) => (p.disposition === undefined ? [i + 1] : []));
    if (open.length === 0) continue;
    count += open.length;
    parties += 1;
    first ??= { party: r.party, index: open[0] };
  }
  return first ? { key: 'course.closedUndecided', params: { count, parties, id, party: first.party, index: first.index } } : undefined;
}
