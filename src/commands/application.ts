// `civsam application assess|decide`: an assessor's scores by the call's criteria, and the
// decision with its reasons (or, later, its case number alone); and what `application edit` may not
// do to a decided application's amounts. All go through the one record write path (lock, atomic
// write, commit). The assessor's name is kept in the record only: no message here repeats it.
import type { CommandContext } from '../context/context.js';
import { dateOption, isLate } from '../domain/dates.js';
import { EXIT, UsageError, UserError } from '../domain/errors.js';
import { amountOption } from '../domain/whole-numbers.js';
import { formatDate } from '../i18n/format.js';
import type { DataFolder } from '../domain/folder.js';
import { callYear, reCriteriaCommand, criterionNames, criterionText, isGrant, nameableCriteria, quotedCriterion, scaleOf, scoredCriteria, applicationsOf, recordedAssessor, tiedAssessors, tiesOf, withScores, type AssessmentDay, type CriteriaList, type ScoredCriterion } from '../domain/applications.js';
import { shellWord } from '../i18n/shell-word.js';
import { isValidId } from '../domain/ids.js';
import { sameAssessor } from '../domain/personal.js';
import type { NamedEntry } from '../domain/names.js';
import { andList, type Language, type Message, type MessageKey, type MessageParams } from '../i18n/index.js';
import { valueLabel } from '../i18n/values.js';
import type { Application, Call } from '../domain/kinds.js';
import { applyChange, changeRecord, type PlannedChange, type Rec, type Session } from '../register/apply-change.js';
import type { Problem } from '../store/load-folder.js';
import type { PathSegment } from '../store/yaml-read.js';

type WriteOpts = { dryRun?: boolean; commit?: boolean };
type AssessOpts = WriteOpts & { assessor?: string; score?: string[]; note?: string; date?: string; remove?: boolean };
type DecideOpts = WriteOpts & { decision?: string; date?: string; amount?: string; reason?: string; criteria?: string[]; case?: string; formal?: string };

/** The call an application (as its file says now) is for, or a refusal that says which is missing. */
function callOf(s: Session, id: string, r: Record<string, unknown>): Call {
  const call = typeof r.call === 'string' ? s.folder.records.call.get(r.call) : undefined;
  if (!call) throw new UserError('application.callUnknown', { id, call: String(r.call ?? '') });
  return call;
}

/**
 * The criterion of the call a word names: its id, its text in either language or the start of it
 * (case, accents and Unicode form ignored), as every name on the command line is found. A word
 * that names none is refused with the nearest criteria, or all of them; one that names several
 * with those. `what` is where it was given (`--score`); the word is echoed only when id-shaped.
 */
export function criterionOf(ctx: CommandContext, call: Pick<Call, 'criteria' | 'id'>, word: string, what: string, owner: 'call' | 'pool' = 'call'): { id: string; text: string } {
  const index = criterionNames(call);
  const named = index.resolve(word);
  // A word from inside one criterion's text (`behov`) names it; from inside several, it names none of them.
  const inside = named.status === 'unknown' ? index.wholeWord(word) : named;
  const r = inside.status === 'unknown' ? named : inside;
  const textOf = (e: NamedEntry) => e.display[ctx.lang];
  const key = CRITERION_KEYS[owner];
  if (r.status === 'found') return { id: r.id, text: textOf(index.get(r.id)!) };
  // A command's own argument (`<criterion>`) is what the user gave; an option (`--score`) is named.
  const argument = what.startsWith('<');
  // Each criterion quoted, with its id to type when it has one: »Tilbuddet dækker et behov, der ikke dækkes i dag« (need).
  const shown = (e: NamedEntry) => textOf(e) === e.id ? textOf(e) : `${quotedCriterion(textOf(e), ctx.lang)} (${e.id})`;
  if (r.status === 'ambiguous') throw new UserError(argument ? key.ambiguousArg : key.ambiguous, { what: { syntax: what }, call: call.id, candidates: r.candidates.map(shown).join(', ') });
  const hint = r.closest.length > 0
    ? { key: 'names.didYouMean', params: { list: r.closest.map(shown).join(', ') } }
    : { key: key.are, params: { list: index.entries.map((e) => quotedCriterion(textOf(e), ctx.lang)).join(', ') || '—' } };
  if (isValidId(word.trim())) throw new UserError(key.unknown, { criterion: word.trim(), call: call.id, hint } as MessageParams);
  throw new UserError(argument ? key.noMatchArg : key.noMatch, { what: { syntax: what }, call: call.id, hint } as MessageParams);
}

/** The words for a criterion not found, of a call or of a pool. */
/**
 * The criterion a word names among those a command can name (nameableCriteria): with every
 * criterion a plain text, `criteria` is the list with every one's id, to be written with the
 * change. A plain text beside criteria with ids is refused, with the scored criteria listed.
 */
export function namedCriterion(ctx: CommandContext, rec: { id: string; criteria?: CriteriaList }, word: string, what: string, language: Language, owner: 'call' | 'pool' = 'call'): { id: string; text: string; criteria?: ScoredCriterion[] } {
  const { nameable, givesIds, unscored } = nameableCriteria(rec.criteria, language);
  const target = { id: rec.id, criteria: nameable };
  const names = (criteria: ScoredCriterion[]) => criterionNames({ criteria }).resolve(word).status;
  if (unscored.length > 0 && names(nameable) === 'unknown' && names(unscored) !== 'unknown') {
    throw new UserError(owner === 'pool' ? 'criterion.plainBesideScoredPool' : 'criterion.plainBesideScored', { call: rec.id, list: nameable.map((c) => quotedCriterion(criterionText(c, ctx.lang), ctx.lang)).join(', ') });
  }
  const found = criterionOf(ctx, target, word, what, owner);
  return givesIds ? { ...found, criteria: nameable } : found;
}

const CRITERION_KEYS = {
  call: { ambiguous: 'application.criterionAmbiguous', are: 'application.criteriaAre', unknown: 'application.criterionUnknown', noMatch: 'application.criterionNoMatch', ambiguousArg: 'criterion.ambiguousCallArg', noMatchArg: 'criterion.noMatchCallArg' },
  pool: { ambiguous: 'criterion.ambiguousPool', are: 'criterion.arePool', unknown: 'criterion.unknownPool', noMatch: 'criterion.noMatchPool', ambiguousArg: 'criterion.ambiguousPoolArg', noMatchArg: 'criterion.noMatchPoolArg' },
} as const;

/** `--score Kvalitet=4` as the call's own criteria make it, for a message that shows the form (each quoted for the shell where it needs it). */
function scoreExample(call: Call, lang: Language, language: Language): string {
  const { min, max } = scaleOf(call);
  const n = Math.min(max, Math.max(min, 4));
  return nameableCriteria(call.criteria, language).nameable.slice(0, 3).map((c) => `--score ${shellWord(`${criterionText(c, lang).replace(/\.$/, '')}=${n}`)}`).join(' ');
}

/** One `--score` value's items: `Kvalitet=4`, or several as `reach=4,need=3` (a criterion's text may hold a comma). */
const SCORE_ITEM = /\s*([^=]*?)\s*=\s*(\d{1,3})\s*(?:,|$)/y;

function scoreItems(value: string): Array<{ word: string; n: string }> | undefined {
  const out: Array<{ word: string; n: string }> = [];
  SCORE_ITEM.lastIndex = 0;
  while (SCORE_ITEM.lastIndex < value.length) {
    const at = SCORE_ITEM.lastIndex;
    const m = SCORE_ITEM.exec(value);
    if (!m || m[1] === '' || SCORE_ITEM.lastIndex === at) return undefined;
    out.push({ word: m[1], n: m[2] });
  }
  return out.length > 0 ? out : undefined;
}

/**
 * `--score Kvalitet=4 --score reach=3` as criterion id → score, checked against the call. A call's
 * criteria are named as a decision names them (namedCriterion): `criteria` is the call's list with
 * every plain text's id when all its criteria were plain texts, to be written with the scores.
 */
export function parseScores(ctx: CommandContext, raw: readonly string[], call: Call, language: Language): { scores: Array<{ criterion: string; score: number }>; criteria?: ScoredCriterion[] } {
  if (nameableCriteria(call.criteria, language).nameable.length === 0) throw new UserError('application.noScoredCriteria', { call: call.id, command: reCriteriaCommand(call) });
  const { min, max } = scaleOf(call);
  const out: Array<{ criterion: string; score: number }> = [];
  let criteria: ScoredCriterion[] | undefined;
  for (const value of raw) {
    const items = scoreItems(value);
    if (!items) throw new UserError('application.scoreSyntax', { example: scoreExample(call, ctx.lang, language) });
    for (const { word, n } of items) {
      const found = namedCriterion(ctx, call, word, '--score', language);
      criteria ??= found.criteria;
      const score = Number(n);
      if (score < min || score > max) throw new UserError('application.scoreOutOfScaleNamed', { criterion: quotedCriterion(found.text, ctx.lang), call: call.title, min, max });
      if (out.some((s) => s.criterion === found.id)) throw new UserError('application.scoreTwice', { criterion: quotedCriterion(found.text, ctx.lang) });
      out.push({ criterion: found.id, score });
    }
  }
  return { scores: out, ...(criteria ? { criteria } : {}) };
}

/**
 * `--criteria` values as the call's criterion ids: each value a criterion, else a list of them
 * separated by commas, named as namedCriterion names them. `criteria` is the call's new list when
 * its criteria were all plain texts (each then gets the id `--criteria` on `call add` would give
 * it), for the call to be written with the decision, since a decision names a criterion by its id.
 */
function decisionCriteria(ctx: CommandContext, call: Rec, language: Language, raw: readonly string[]): { ids: string[]; criteria?: CriteriaList } {
  const rec = { id: String(call.id), criteria: Array.isArray(call.criteria) ? (call.criteria as CriteriaList) : [] };
  const index = criterionNames({ criteria: nameableCriteria(rec.criteria, language).nameable });
  const out: string[] = [];
  let criteria: ScoredCriterion[] | undefined;
  for (const value of raw) {
    if (value.trim() === '') continue;
    // A criterion's text may hold a comma: the whole value first, then its parts.
    const whole = index.resolve(value);
    const words = whole.status === 'found' || !value.includes(',') ? [value] : value.split(',').filter((w) => w.trim() !== '');
    for (const word of words) {
      const found = namedCriterion(ctx, rec, word, '--criteria', language);
      criteria ??= found.criteria;
      out.push(found.id);
    }
  }
  return { ids: [...new Set(out)], ...(criteria ? { criteria } : {}) };
}

/**
 * Records one assessor's scores; a later assessment by the same assessor replaces the scores it
 * gives again, each in its place. A correction keeps the day the assessment was made unless --date
 * gives another: the record says when the application was assessed, not when a score was last
 * corrected. Which day stands is said after the change. With --remove, takes that assessor's whole
 * assessment of the application away instead (the one way to remove one assessor's scores and keep
 * the others'). An assessor with a declared tie to an applicant in the call is refused
 * (refuseTiedAssessor): the declaration is on record before the scores are given, and a
 * disqualified assessor's scores never count.
 */
export async function assess(ctx: CommandContext, opts: AssessOpts, args: unknown[]): Promise<number> {
  const id = String(args[0]);
  const typed = opts.assessor?.trim();
  if (!typed) throw new UserError('application.assessorMissing');
  if (opts.remove) return removeAssessment(ctx, opts, id, typed);
  if (!opts.score || opts.score.length === 0) throw new UserError('application.noScores');
  const date = dateOption(opts.date, '--date', ctx.today);
  let dated: Message | undefined;
  const result = await applyChange(ctx, { dryRun: opts.dryRun === true, commit: opts.commit !== false }, (s) => {
    const r = s.current('application', id);
    if (!r) throw new UserError('register.notFound', { kind: { key: 'kind.application' }, id });
    const call = callOf(s, id, r);
    const apps = applicationsOf(s.folder, call.id);
    // The assessor as the call knows them, however the name was typed (recordedAssessor).
    const assessor = recordedAssessor(call, apps, typed);
    refuseTiedAssessor(s.folder, call, apps, assessor, r);
    const { scores, criteria } = parseScores(ctx, opts.score!, call, s.folder.settings?.language ?? ctx.lang);
    const before = Array.isArray(r.assessments) ? (r.assessments as NonNullable<Application['assessments']>) : [];
    const note = opts.note?.trim();
    const { assessments, day } = withScores(before, assessor, { scores, ...(note ? { note } : {}), ...(opts.date !== undefined ? { date } : {}) }, ctx.today);
    dated = assessmentDayMessage(ctx, day);
    // Scores name a criterion by its id: a call whose criteria were all plain texts gets them with the scores.
    return withCallCriteria(s, id, r, { ...r, assessments }, criteria);
  });
  if (dated && result.exitCode === EXIT.ok) ctx.stderr.write(ctx.t(dated.key, dated.params) + '\n');
  return result.exitCode;
}

/** What is said of an assessment's day after scores are written (withScores): today's, taken for one not given; the day kept; the day moved. A day given and standing needs no word. */
function assessmentDayMessage(ctx: CommandContext, day: AssessmentDay): Message | undefined {
  if (day.kind === 'new') return { key: 'application.assessDated', params: { date: formatDate(day.date, ctx.lang) } };
  if (day.kind === 'kept') return { key: 'application.assessDateKept', params: { date: formatDate(day.date, ctx.lang) } };
  if (day.kind === 'moved') return { key: 'application.assessDateMoved', params: { date: formatDate(day.date, ctx.lang), was: formatDate(day.was, ctx.lang) } };
  return undefined;
}

/**
 * `assess ID --assessor NAME --remove`: the assessor's assessment of this one application taken
 * away, the other assessors' kept, through the one write path (the commit says an assessment was
 * removed). What was scored is in the history; why (a declared tie) stays in the call's
 * declarations. --score, --note and --date give an assessment, so they do not go with --remove.
 */
async function removeAssessment(ctx: CommandContext, opts: AssessOpts, id: string, typed: string): Promise<number> {
  const given = [opts.score?.length ? '--score' : '', opts.note !== undefined ? '--note' : '', opts.date !== undefined ? '--date' : ''].filter(Boolean);
  if (given.length > 0) throw new UsageError('application.removeWithScores', { flags: given.join(', ') });
  return changeRecord(ctx, opts, 'application', id, (r) => {
    const appId = typeof r.id === 'string' ? r.id : id;
    const assessments = Array.isArray(r.assessments) ? (r.assessments as NonNullable<Application['assessments']>) : [];
    // The assessor however the name was typed (recordedAssessor), as this application records them.
    const assessor = recordedAssessor({}, [{ assessments }], typed);
    const kept = assessments.filter((a) => !sameAssessor(a.assessor, assessor));
    if (kept.length === assessments.length) throw new UserError('application.noAssessmentBy', { id: appId, count: assessments.length });
    const { assessments: _gone, ...rest } = r;
    return kept.length > 0 ? { ...r, assessments: kept } : rest;
  });
}

/**
 * Refuses scores from an assessor who declared a tie to an organisation that applies in the call
 * (tiedAssessors, as the audit's assessor-conflict rule finds them): disqualified from the whole
 * call (forvaltningsloven § 3), since scoring the others moves the tied applicant too. The
 * assessor is not named; the organisations are, by name.
 */
export function refuseTiedAssessor(folder: DataFolder, call: Call, apps: readonly Application[], assessor: string, scored?: Record<string, unknown>): void {
  const orgs = tiesOf(tiedAssessors(call, apps), assessor);
  if (!orgs) return;
  const nameOf = (o: string) => folder.records.organisation.get(o)?.name ?? o;
  // The very application the assessor is tied to: said as that, not as if only the others were scored.
  const own = Array.isArray(scored?.organisations) ? orgs.filter((o) => (scored.organisations as unknown[]).includes(o)) : [];
  if (own.length > 0) throw new UserError('application.assessorTiedOwn', { organisations: andList(own.map(nameOf)), count: own.length, call: call.id, day: declaredOn(call, assessor) });
  const names = orgs.map(nameOf);
  throw new UserError('application.assessorTied', { organisations: andList(names), count: names.length, call: call.id, day: declaredOn(call, assessor) });
}

/** The day of the assessor's latest declaration in the call: a declaration replacing it is given the same day. */
function declaredOn(call: Call, assessor: string): string {
  const days = (call.declarations ?? []).filter((d) => sameAssessor(d.assessor, assessor)).map((d) => d.date).sort();
  return days[days.length - 1] ?? 'YYYY-MM-DD';
}

const OUTCOMES = ['granted', 'partly', 'refused', 'withdrawn'] as const;

/** An amount in a message, written as each language writes kroner. */
const amount_ = (n: number): Message => ({ key: 'audit.fmt.amount', params: { n } });

/**
 * Records the decision as it was made, also one the audit will flag (a late grant, a refusal
 * without reasons): the register keeps what happened. Refused: criterion ids the call does not have,
 * since a reason cannot rest on a criterion that was never published; a grant of more than was
 * applied for, which no letter can honestly answer and which favours one applicant over those who
 * applied on the published terms; a grant "in full" of less than was applied for, which is a
 * partial grant; and a partial grant that does not say how much. Where an applicant has since asked for more, the amount applied
 * for is corrected first (`application edit --amount`), so the record says what was asked.
 */
export async function decide(ctx: CommandContext, opts: DecideOpts, args: unknown[]): Promise<number> {
  const id = String(args[0]);
  const outcome = opts.decision as (typeof OUTCOMES)[number] | undefined;
  // A formal ground is part of a refusal as a whole (it drops the criteria): given with the decision, never alone.
  if (outcome === undefined && opts.formal !== undefined) throw new UserError('application.formalNeedsDecision', { id, ground: shellWord(valueLabel(ctx.lang, opts.formal, 'formal')) });
  // --case alone adds or corrects the case number of the decision already recorded: the case is
  // often opened after the decision is made, and giving the whole decision again risks changing it.
  if (outcome === undefined && opts.case !== undefined && DECISION_PARTS.every((k) => opts[k] === undefined)) return caseNumberOnly(ctx, opts, id);
  // Any other part without --decision (amount, reason, criteria, date, with --case or not) corrects
  // those parts of the decision already recorded, the same way.
  if (outcome === undefined && DECISION_PARTS.some((k) => opts[k] !== undefined)) return partsOnly(ctx, opts, id);
  if (!outcome || !OUTCOMES.includes(outcome)) throw new UserError('application.decisionMissing');
  const date = dateOption(opts.date, '--date', ctx.today);
  const amount = opts.amount !== undefined ? amountOption(opts.amount, '--amount') : undefined;
  // What a partial grant gives is its point: without it no letter can say it, nor the pool count it.
  if (outcome === 'partly' && amount === undefined) throw new UserError('application.partlyNoAmount');
  // A refusal or a withdrawal grants nothing: an amount on it would be read as money granted.
  if ((outcome === 'refused' || outcome === 'withdrawn') && amount !== undefined) throw new UserError('application.amountWithoutGrant', { decision: valueLabel(ctx.lang, outcome, 'outcome') });
  // A formal ground is a reason to refuse without judging the application by the criteria.
  const formalGiven = opts.formal as Formal | undefined;
  if (formalGiven !== undefined && outcome !== 'refused') throw new UsageError('application.formalNotRefusal', { decision: valueLabel(ctx.lang, outcome, 'outcome') });
  if (formalGiven !== undefined && opts.criteria?.some((c) => c.trim() !== '')) throw new UsageError('application.formalWithCriteria');
  let inferred: Message | undefined;
  let yearNote: Message | undefined;
  const result = await applyChange(ctx, { dryRun: opts.dryRun === true, commit: opts.commit !== false, reword: caseWording }, (s) => {
    const r = s.current('application', id);
    if (!r) throw new UserError('register.notFound', { kind: { key: 'kind.application' }, id });
    const chosen = criteriaGiven(ctx, s, id, r, opts.criteria);
    inferred = undefined;
    yearNote = isGrant(outcome) ? grantYearNote(s, r) : undefined;
    const late = lateAgainst(s, id, r);
    const applied = typeof r.amount_dkk === 'number' ? r.amount_dkk : undefined;
    const appId = typeof r.id === 'string' ? r.id : id;
    if ((outcome === 'granted' || outcome === 'partly') && amount !== undefined) refuseGrantAmount(outcome, amount, applied, appId, r.title);
    const before = (r.decision ?? {}) as Partial<NonNullable<Application['decision']>>;
    // The same outcome given again keeps the reason and criteria it was recorded with where they
    // are not given again (advice to correct a date or an amount must not lose them); a new
    // outcome is a new decision, with its own reasons.
    // Another formal ground is another decision too: "late" as the reason for "not eligible" would be no reason.
    const same = before.outcome === outcome && (formalGiven === undefined || formalGiven === before.formal);
    const reason = opts.reason !== undefined ? opts.reason.trim() : same ? before.reason : undefined;
    const criteria = chosen ? chosen.ids : same ? before.criteria : undefined;
    const caseNumber = opts.case?.trim() || before.case_number;
    if (formalGiven === 'late' && !late) throw new UserError('application.formalNotLate', { id: appId });
    // A late application refused without naming a criterion is refused for being late: recorded
    // so (and said), so that neither its letter nor the audit asks for criteria it was not judged by.
    let formal = formalGiven ?? (outcome === 'refused' && !criteria?.length ? (same && before.formal) || undefined : undefined);
    if (formal === undefined && outcome === 'refused' && !criteria?.length && late) {
      formal = 'late';
      inferred = { key: 'application.formalLateInferred', params: { id: appId } };
    }
    // A refusal because the applicant may not apply must say which condition they do not meet: the
    // ground alone tells them nothing to answer or complain about (forvaltningsloven § 22 and § 24).
    if (formal === 'ineligible' && !reason) throw new UserError('application.ineligibleNoReason', { id: appId, ground: shellWord(valueLabel(ctx.lang, 'ineligible', 'formal')) });
    const decision = {
      outcome, date,
      ...(amount !== undefined ? { amount_dkk: amount } : {}),
      ...(reason ? { reason } : {}),
      ...(criteria?.length && !formal ? { criteria } : {}),
      ...(formal ? { formal } : {}),
      ...(caseNumber ? { case_number: caseNumber } : {}),
    };
    return withCallCriteria(s, id, r, { ...r, decision }, chosen?.criteria);
  });
  if (inferred && result.exitCode === EXIT.ok && opts.dryRun !== true) ctx.stderr.write(ctx.t(inferred.key, inferred.params) + '\n');
  if (yearNote && result.exitCode === EXIT.ok) ctx.stderr.write(ctx.t(yearNote.key, yearNote.params) + '\n');
  return result.exitCode;
}

/**
 * A grant to an application that names no years is money for its call's year (callYear): which
 * year that is and why, said when the grant is recorded, as the overviews and the audit will count it.
 */
function grantYearNote(s: Session, r: Rec): Message | undefined {
  if (Array.isArray(r.years) && r.years.length > 0) return undefined;
  const call = typeof r.call === 'string' ? s.folder.records.call.get(r.call) : undefined;
  if (!call?.pool) return undefined;
  const { year, source } = callYear(call, applicationsOf(s.folder, call.id).filter((a) => a.id !== r.id), s.folder.records.pool.get(call.pool));
  return { key: 'application.grantYear', params: { id: String(r.id), application: applicationNamed(String(r.id), r.title, true), year, why: { key: `application.grantYear.${source}` as MessageKey } } };
}

type Formal = NonNullable<NonNullable<Application['decision']>['formal']>;

/** Whether the application (as its file says now) was received after its call's deadline. */
function lateAgainst(s: Session, id: string, r: Record<string, unknown>): boolean {
  const deadline = typeof r.call === 'string' ? s.folder.records.call.get(r.call)?.deadline : undefined;
  return typeof r.received === 'string' && typeof deadline === 'string' && isLate(r.received, deadline);
}

/**
 * What `decide` refuses of an amount granted: more than was applied for, which no letter can
 * honestly answer and which favours one applicant over those who applied on the published terms;
 * a grant "in full" of less than was applied for, which is a partial grant; and a partial grant of
 * the whole amount applied for, whose letter would refuse "the rest" of nothing.
 */
function refuseGrantAmount(outcome: 'granted' | 'partly', amount: number, applied: number | undefined, appId: string, title: unknown): void {
  if (applied === undefined) return;
  const application = applicationNamed(appId, title);
  if (amount > applied) throw new UserError('application.grantOverAppliedPlain', { id: appId, application, applied: amount_(applied), granted: amount_(amount) });
  // A grant in full of less than was applied for is a partial grant, which must give its reasons;
  // its letter would otherwise say "as applied for" of an amount that is not.
  if (outcome === 'granted' && amount < applied) throw new UserError('application.grantedLessPlain', { id: appId, application, applied: amount_(applied), granted: amount_(amount) });
  if (outcome === 'partly' && amount === applied) throw new UserError('application.partlyWholePlain', { id: appId, application, granted: amount_(amount) });
}

/**
 * An application as a sentence names it: by its title (`ansøgningen »Nyt tilbud«`), as people know
 * it, else by its id; `start` for the first word of a sentence. A command beside it keeps the id.
 */
function applicationNamed(id: string, title: unknown, start = false): Message {
  return typeof title === 'string' && title.trim() !== ''
    ? { key: start ? 'application.namedStart' : 'application.named', params: { title: title.trim() } }
    : { key: start ? 'application.unnamedStart' : 'application.unnamed', params: { id } };
}

/** The call an application is for, as its file says now (its criteria may be written with the decision). */
function callRecordOf(s: Session, id: string, r: Record<string, unknown>): Rec {
  const call = callOf(s, id, r);
  return s.current('call', call.id) ?? (call as unknown as Rec);
}

/** A decision's --criteria (blank values left out) as the call's criterion ids (decisionCriteria); undefined when none is given. */
function criteriaGiven(ctx: CommandContext, s: Session, id: string, r: Rec, values: readonly string[] | undefined): ReturnType<typeof decisionCriteria> | undefined {
  const given = values?.filter((c) => c.trim() !== '');
  return given?.length ? decisionCriteria(ctx, callRecordOf(s, id, r), s.folder.settings?.language ?? ctx.lang, given) : undefined;
}

/**
 * The change of application `id` (`record`, its new version), and of its call when the criteria
 * named with it (scores, a decision's --criteria) gave the call's plain-text criteria ids
 * (`criteria`, the call's new list): a decision and scores name a criterion by its id.
 */
function withCallCriteria(s: Session, id: string, r: Rec, record: Rec, criteria: CriteriaList | undefined): PlannedChange[] {
  const changes: PlannedChange[] = [{ kind: 'application', id, record }];
  if (criteria) {
    const call = callRecordOf(s, id, r);
    changes.push({ kind: 'call', id: String(call.id), record: { ...call, criteria } });
  }
  return changes;
}

/**
 * Corrects the parts given (amount, reason, criteria, date, case number) of a decision already
 * recorded and keeps the rest of it: `decide` given whole would date it today and drop what is not
 * given again. Held to decide's checks: a grant of at most what was applied for; and a grant in
 * full stays one of the whole amount applied for, a partial grant one of less, since moving
 * between the two is a new decision (a partial grant must give its reasons; a letter "as applied
 * for" must be true): refused with the whole command that records it.
 */
async function partsOnly(ctx: CommandContext, opts: DecideOpts, id: string): Promise<number> {
  const amount = opts.amount !== undefined ? amountOption(opts.amount, '--amount') : undefined;
  const date = opts.date !== undefined ? dateOption(opts.date, '--date', ctx.today) : undefined;
  const reason = opts.reason?.trim();
  const caseNumber = opts.case?.trim();
  if (opts.case !== undefined && caseNumber === '') throw new UserError('application.caseEmpty', { id });
  if (opts.reason !== undefined && reason === '') throw new UserError('application.reasonEmpty', { id });
  const result = await applyChange(ctx, { dryRun: opts.dryRun === true, commit: opts.commit !== false, reword: caseWording }, (s) => {
    const r = s.current('application', id);
    if (!r) throw new UserError('register.notFound', { kind: { key: 'kind.application' }, id });
    const appId = typeof r.id === 'string' ? r.id : id;
    const before = r.decision as Partial<NonNullable<Application['decision']>> | undefined;
    if (!before || typeof before !== 'object') {
      throw new UserError(amount !== undefined ? 'application.amountUndecided' : 'application.partsUndecided', { id: appId });
    }
    if (amount !== undefined) {
      if (!isGrant(before.outcome)) throw new UserError('application.amountWithoutGrant', { decision: valueLabel(ctx.lang, before.outcome ?? 'refused', 'outcome') });
      const applied = typeof r.amount_dkk === 'number' ? r.amount_dkk : undefined;
      if (applied !== undefined && amount > applied) throw new UserError('application.grantOverAppliedPlain', { id: appId, application: applicationNamed(appId, r.title), applied: amount_(applied), granted: amount_(amount) });
      const day = date ?? before.date ?? 'YYYY-MM-DD';
      const recorded = Array.isArray(before.criteria) && before.criteria.length > 0 ? before.criteria.join(',') : undefined;
      if (before.outcome === 'granted' && applied !== undefined && amount < applied) {
        const command: Message = { key: 'application.redecidePartlyAmount', params: { id: appId, day, amount: String(amount), criteria: recorded ?? { key: 'application.criteriaWord' } } };
        throw new UserError('application.amountMakesPartialPlain', { id: appId, applied: amount_(applied), granted: amount_(amount), command });
      }
      if (before.outcome === 'partly' && applied !== undefined && amount === applied) {
        const command: Message = { key: 'application.redecideGranted', params: { id: appId, day, criteria: recorded ? ` --criteria ${recorded}` : '' } };
        throw new UserError(before.reason ? 'application.amountMakesFullReasonPlain' : 'application.amountMakesFullPlain', { id: appId, granted: amount_(amount), command });
      }
    }
    const chosen = criteriaGiven(ctx, s, id, r, opts.criteria);
    // Criteria named for a formal refusal make it one judged by them.
    const { formal: _formal, ...merits } = before;
    const decision = {
      ...(chosen?.ids.length ? merits : before),
      ...(date !== undefined ? { date } : {}),
      ...(amount !== undefined ? { amount_dkk: amount } : {}),
      ...(reason ? { reason } : {}),
      ...(chosen?.ids.length ? { criteria: chosen.ids } : {}),
      ...(caseNumber ? { case_number: caseNumber } : {}),
    };
    return withCallCriteria(s, id, r, { ...r, decision }, chosen?.criteria);
  });
  return result.exitCode;
}

/** The options that give a decision (all but --case): with --decision, the whole decision; without it, the parts to correct (partsOnly). */
const DECISION_PARTS = ['date', 'amount', 'reason', 'criteria'] as const;

/** A problem with the case number, said by the flag that gave it (`--case must be at most 200 characters`), not by a line of a file not written. */
const caseWording = (p: Problem, at: readonly PathSegment[]): Message | undefined =>
  at[0] === 'decision' && at[1] === 'case_number' ? { key: p.message.key, params: { ...p.message.params, field: '--case' } } : undefined;

/**
 * Sets the case number of a decision already recorded and keeps the rest of it; an application not
 * yet decided is refused (a case number belongs to a decision). An empty --case is refused rather
 * than taken as removing it: `application edit` is not the way to a decision's fields, and a
 * number once given is what letters were written with.
 */
async function caseNumberOnly(ctx: CommandContext, opts: DecideOpts, id: string): Promise<number> {
  const caseNumber = opts.case!.trim();
  if (caseNumber === '') throw new UserError('application.caseEmpty', { id });
  return changeRecord(ctx, opts, 'application', id, (r) => {
    const appId = typeof r.id === 'string' ? r.id : id;
    const before = r.decision as Partial<NonNullable<Application['decision']>> | undefined;
    if (!before || typeof before !== 'object') throw new UserError('application.caseUndecided', { id: appId });
    return { ...r, decision: { ...before, case_number: caseNumber } };
  }, caseWording);
}

/**
 * `application edit` that leaves a decided application's amounts in a state `decide` refuses:
 * - the amount applied for lowered below what the decision granted, as `decide` refuses the
 *   reverse, since a grant larger than its application favours one applicant (the audit's
 *   grant-exceeds-application). The decision is corrected first: a partial grant's amount alone
 *   (`decide ID --amount`, which keeps the rest of the decision); a grant in full is given again
 *   without an amount (its date, reason and criteria kept), so it follows the amount applied for;
 * - a partial grant of the whole amount applied for, whose letter would refuse "the rest" of nothing;
 * - a grant in full with its amount written out, below an amount applied for that was raised, whose
 *   letter would say "as applied for" of less.
 * Judged only when the edit changes the amount applied for or granted, so a record already
 * inconsistent can still have its notes edited; a grant raised above an amount applied for that
 * stays (from a file) is said as `decide` says it.
 */
export function refuseGrantAboveApplied(before: Record<string, unknown>, after: Record<string, unknown>, id: string): void {
  const applied = after.amount_dkk;
  const d = after.decision as Partial<NonNullable<Application['decision']>> | undefined;
  const granted = d?.amount_dkk;
  if (!d || typeof applied !== 'number' || typeof granted !== 'number' || !isGrant(d.outcome)) return;
  const fits = d.outcome === 'partly' ? granted < applied : granted === applied;
  if (fits) return;
  const was = before.decision as Partial<NonNullable<Application['decision']>> | undefined;
  if (applied === before.amount_dkk && granted === was?.amount_dkk) return;
  const appId = typeof after.id === 'string' ? after.id : id;
  // The amount applied for kept, the grant changed (a whole record from a file): as `decide` says it.
  if (applied === before.amount_dkk) refuseGrantAmount(d.outcome as 'granted' | 'partly', granted, applied, appId, after.title);
  const criteria = Array.isArray(d.criteria) && d.criteria.length > 0 ? d.criteria.join(',') : undefined;
  const day = d.date ?? 'YYYY-MM-DD';
  const full: Message = { key: 'application.redecideGranted', params: { id: appId, day, criteria: criteria ? ` --criteria ${criteria}` : '' } };
  const params = { id: appId, granted: amount_(granted), applied: amount_(applied), command: full };
  if (granted < applied) throw new UserError('application.appliedAboveFullGrantPlain', params);
  // A partial grant's amount is corrected alone (its date, reason and criteria kept); a grant in
  // full is given again without an amount, which keeps its reason and criteria.
  if (d.outcome === 'partly' && granted > applied) throw new UserError('application.appliedBelowPartlyGrantPlain', { ...params, command: { key: 'application.correctAmount', params: { id: appId } } });
  throw new UserError(d.outcome === 'partly' ? 'application.appliedIsPartlyGrantPlain' : 'application.appliedBelowFullGrantPlain', params);
}
