// Applications judged by a call's criteria: the criteria with ids, the score scale, an
// application's weighted total and the applicants and grantees a call's applications show.
// Pure functions over records; no file system, no clock.
import type { Application, Call, Pool } from './kinds.js';
import { translate, type Language } from '../i18n/index.js';
import { shellWord } from '../i18n/shell-word.js';
import { slugify, uniqueId } from './ids.js';
import { NameIndex, type NamedEntry } from './names.js';
import { nameKey } from './text.js';
import { assessorKey, sameAssessor } from './personal.js';
import { isLate } from './dates.js';
import type { DataFolder } from './folder.js';

export type CriteriaList = NonNullable<Call['criteria']>;
type CriterionItem = CriteriaList[number];
/** A criterion with a stable id (the form that can be scored). */
export type ScoredCriterion = Exclude<CriterionItem, string>;

export const DEFAULT_SCALE = { min: 0, max: 5 } as const;

/** The criteria of a call or pool that have ids, in their order (plain-text criteria are not scored). */
export function scoredCriteria(rec: Pick<Call | Pool, 'criteria'>): ScoredCriterion[] {
  // A criterion that failed its schema (a text over the limit) is left out of the record's valid part as a gap: not one.
  return (rec.criteria ?? []).filter((c): c is ScoredCriterion => c !== null && typeof c === 'object' && typeof (c as { id?: unknown }).id === 'string');
}

/** The id a criterion gets when its text gives none (a text of punctuation only). */
const CRITERION_FALLBACK_ID = 'kriterium';

/**
 * Criteria as a command line gives them (`--criteria "Kvalitet" "Dækning af behov"`): each with an
 * id made from its text (`kvalitet`, `daekning-af-behov`), so scores and decisions can name it, and
 * the text in `language` (the data's). A text the record had already keeps its criterion as it was
 * (its id, weight, kinds and other language), so giving the list again does not orphan scores.
 */
export function criteriaFromTexts(texts: readonly string[], before: CriteriaList | undefined, language: Language): ScoredCriterion[] {
  const had = scoredCriteria({ criteria: before });
  const sameText = (c: ScoredCriterion, text: string) => [c.text.da, c.text.en].some((t) => t !== undefined && nameKey(t) === nameKey(text) && nameKey(text) !== '');
  // Kept criteria first, so a new one's id never takes a kept one's.
  const kept = texts.map((text) => had.find((c) => sameText(c, text)));
  const taken = new Set<string>();
  const keptOnce = kept.map((c) => (c && !taken.has(c.id) ? (taken.add(c.id), c) : undefined));
  return texts.map((text, i) => {
    const old = keptOnce[i];
    if (old) return old;
    const id = uniqueId(slugify(text) || CRITERION_FALLBACK_ID, (x) => taken.has(x));
    taken.add(id);
    return { id, text: { [language]: text.trim() } as ScoredCriterion['text'] };
  });
}

/**
 * Every criterion of a call or pool with an id, in their order: one with an id as it is, a plain
 * text (as the sample's are) with the id `--criteria` would give it (criteriaFromTexts). What a
 * criterion named by its text is found among, by `call criterion` and `application decide` alike;
 * the record gets the id only where a command writes it. One entry per item of `criteria`.
 */
export function criteriaWithIds(criteria: CriteriaList | undefined, language: Language): ScoredCriterion[] {
  const list = criteria ?? [];
  // A criterion that failed its schema (a gap in the record's valid part, or a file read as it is) has no text to be found by.
  const text = (c: unknown): string => (typeof c === 'string' ? c : c !== null && typeof c === 'object' && typeof (c as { text?: unknown }).text === 'object' && (c as { text?: unknown }).text !== null ? criterionText(c as ScoredCriterion, language) : '');
  return criteriaFromTexts(list.map(text), list, language);
}

/**
 * The criteria of a call or pool a command can name (a decision's `--criteria`, `--score`, `call
 * criterion`). Where every criterion is a plain text, each is named with the id `--criteria` would
 * give it, and naming one gives every one its id (`givesIds`). Where some have ids, a plain text
 * beside them is not scored and no decision can rest on it: only the scored ones can be named, and
 * `unscored` holds the plain texts (with the ids they would get) to tell a refusal from a typo.
 */
export function nameableCriteria(criteria: CriteriaList | undefined, language: Language): { nameable: ScoredCriterion[]; givesIds: boolean; unscored: ScoredCriterion[] } {
  const list = criteria ?? [];
  const scored = scoredCriteria({ criteria: list });
  const plain = list.some((c) => typeof c === 'string');
  if (!plain) return { nameable: scored, givesIds: false, unscored: [] };
  const all = criteriaWithIds(list, language);
  if (scored.length === 0) return { nameable: all, givesIds: true, unscored: [] };
  return { nameable: scored, givesIds: false, unscored: all.filter((_, i) => typeof list[i] === 'string') };
}

/** The criteria of a call or pool that have no id yet: plain texts, in their order. */
export function plainCriteria(rec: Pick<Call | Pool, 'criteria'>): string[] {
  return (rec.criteria ?? []).filter((c): c is string => typeof c === 'string');
}

/**
 * A call's (or pool's) scored criteria as names: each by its id and its text in both languages,
 * shown by its text in the reader's language. What `--score` and `--criteria` resolve against.
 */
export function criterionNames(rec: Pick<Call | Pool, 'criteria'>): NameIndex {
  return new NameIndex(scoredCriteria(rec).map((c): NamedEntry => ({
    id: c.id,
    names: [c.text.da, c.text.en].filter((t): t is string => t !== undefined),
    display: { da: criterionText(c, 'da'), en: criterionText(c, 'en') },
  })));
}

/** A criterion's wording in a language, else in the other one. */
export function criterionText(c: CriterionItem, lang: 'da' | 'en'): string {
  if (typeof c === 'string') return c;
  return textIn(c.text, lang) ?? c.id;
}

/**
 * A criterion as a list or a suggestion names it: quoted, without its final full stop (»Tilbuddet
 * når mange i sin målgruppe«), so its own punctuation does not run into the sentence around it.
 */
export function quotedCriterion(text: string, lang: Language): string {
  return translate(lang, 'audit.fmt.quoted', { text: text.replace(/\.$/, '') });
}

/** A text given in each language (`{da: …, en: …}`) in the reader's, else in the other. */
export function textIn(text: { da?: string; en?: string }, lang: 'da' | 'en'): string | undefined {
  return lang === 'da' ? text.da ?? text.en : text.en ?? text.da;
}

export function scaleOf(call: Pick<Call, 'score_scale'>): { min: number; max: number } {
  return call.score_scale ?? DEFAULT_SCALE;
}

/** Whether a call's criterion ids include `id`. */
export function hasCriterion(call: Pick<Call, 'criteria'>, id: string): boolean {
  return scoredCriteria(call).some((c) => c.id === id);
}

/**
 * One assessor's scores of an application, one per criterion: from every assessment the file holds
 * under any spelling of the name (sameAssessor), the latest-dated one's score where two give one
 * (of the same date, the later in the file). One person's scores count once however the name was
 * written.
 */
export function scoresBy(app: Pick<Application, 'assessments'>, assessor: string): Map<string, number> {
  const own = (app.assessments ?? []).map((a, i) => ({ a, i })).filter(({ a }) => sameAssessor(a.assessor, assessor))
    .sort((x, y) => (x.a.date < y.a.date ? -1 : x.a.date > y.a.date ? 1 : x.i - y.i));
  const out = new Map<string, number>();
  for (const { a } of own) for (const s of a.scores) out.set(s.criterion, s.score);
  return out;
}

/** Whether the assessor (under any spelling: sameAssessor) has an assessment of the application. */
export function assessedBy(app: Pick<Application, 'assessments'>, assessor: string): boolean {
  return (app.assessments ?? []).some((a) => sameAssessor(a.assessor, assessor));
}

/**
 * The mean score each criterion got from the application's assessors, each person once (scoresBy;
 * criteria nobody scored are absent); with `assessors`, from those only (the call's counted
 * assessors: countedAssessors).
 */
export function meanScores(app: Pick<Application, 'assessments'>, assessors?: readonly string[]): Map<string, number> {
  const sums = new Map<string, { sum: number; n: number }>();
  for (const person of assessors ?? assessorsOf([app])) {
    for (const [criterion, score] of scoresBy(app, person)) {
      const e = sums.get(criterion) ?? { sum: 0, n: 0 };
      e.sum += score;
      e.n += 1;
      sums.set(criterion, e);
    }
  }
  return new Map([...sums].map(([k, { sum, n }]) => [k, sum / n]));
}

/**
 * The assessors of a call: everyone who assessed any of its applications, in first-seen order, each
 * person once (sameAssessor), by the spelling first seen.
 */
export function assessorsOf(apps: readonly Pick<Application, 'assessments'>[]): string[] {
  const out = new Map<string, string>();
  for (const app of apps) for (const a of app.assessments ?? []) if (!out.has(assessorKey(a.assessor))) out.set(assessorKey(a.assessor), a.assessor);
  return [...out.values()];
}

/**
 * The assessors of a call who declared a tie to an organisation that applies in it, each with
 * those organisations (ids, sorted): as declared on any date, since a tie once declared is a tie
 * for the call. Such an assessor is disqualified from the whole call (forvaltningsloven § 3): in a
 * ranking, scoring the other applicants moves the tied one up or down as surely as scoring it.
 * Each person once (sameAssessor), by the spelling of their first declaration; look one up by a
 * name with tiesOf.
 */
export function tiedAssessors(call: Pick<Call, 'declarations'>, apps: readonly Pick<Application, 'organisations'>[]): Map<string, string[]> {
  const applicants = new Set(apps.flatMap((a) => a.organisations));
  const ties = new Map<string, { name: string; orgs: Set<string> }>();
  for (const d of call.declarations ?? []) {
    for (const t of d.ties) {
      if (!applicants.has(t.organisation)) continue;
      const key = assessorKey(d.assessor);
      const e = ties.get(key) ?? { name: d.assessor, orgs: new Set<string>() };
      ties.set(key, e);
      e.orgs.add(t.organisation);
    }
  }
  return new Map([...ties.values()].map(({ name, orgs }) => [name, [...orgs].sort()]));
}

/** The organisations an assessor, under any spelling of the name (sameAssessor), is tied to in `tied` (tiedAssessors); undefined when none. */
export function tiesOf(tied: ReadonlyMap<string, readonly string[]>, assessor: string): readonly string[] | undefined {
  for (const [name, orgs] of tied) if (sameAssessor(name, assessor)) return orgs;
  return undefined;
}

/** The applications to a call. */
export function applicationsOf(folder: Pick<DataFolder, 'records'>, callId: string): Application[] {
  return [...folder.records.application.values()].filter((a) => a.call === callId);
}

/**
 * The assessor as the call already records them, when the name typed is that name written
 * otherwise (sameAssessor): the spelling first recorded, that of the call's first declaration by
 * them, else of their first assessment among its applications (in the order given). One person
 * however the name is typed, so a tie declared under one spelling catches scores given under
 * another, and what a command writes keeps the spelling the files already show. The name as
 * typed when nobody of that name is recorded.
 */
export function recordedAssessor(call: Pick<Call, 'declarations'>, apps: readonly Pick<Application, 'assessments'>[], typed: string): string {
  for (const d of call.declarations ?? []) if (sameAssessor(d.assessor, typed)) return d.assessor;
  for (const a of apps) for (const x of a.assessments ?? []) if (sameAssessor(x.assessor, typed)) return x.assessor;
  return typed;
}

/** Who assessed a call and whose scores count (assessorPanel): worked out once per call and passed on. */
export interface AssessorPanel {
  /** Everyone who assessed any application of the call (assessorsOf). */
  readonly assessors: readonly string[];
  /** The assessors with a declared tie to an applicant, each with those applicants (tiedAssessors); also those who assessed nothing. */
  readonly tied: ReadonlyMap<string, readonly string[]>;
  /** The assessors whose scores count: all but those with a declared tie to an applicant. */
  readonly counted: readonly string[];
}

/** A call's assessors, those disqualified by a declared tie, and those whose scores count. */
export function assessorPanel(call: Pick<Call, 'declarations'>, apps: readonly Application[]): AssessorPanel {
  const assessors = assessorsOf(apps);
  const tied = tiedAssessors(call, apps);
  return { assessors, tied, counted: assessors.filter((a) => tiesOf(tied, a) === undefined) };
}

type Assessment = NonNullable<Application['assessments']>[number];

/** Which day an assessment written by withScores stands at: today's (none given, a new one), the day it kept, or the day given in place of another. */
export type AssessmentDay = { kind: 'new'; date: string } | { kind: 'kept'; date: string } | { kind: 'moved'; date: string; was: string } | { kind: 'given'; date: string };

/**
 * An application's assessments with one assessor's scores given (`application assess`, `call
 * import-scores`): a new assessment dated `date`, else today; or the assessor's assessment (all of
 * it the file holds under any spelling of the name, made one: scoresBy) with the scores given
 * replacing those of their criteria, the others kept, in its place, under the spelling passed in.
 * It keeps its day (the earliest it had: when the application was assessed, not when a score was
 * last corrected) unless `date` gives another, and its note unless a note is given.
 */
export function withScores(assessments: readonly Assessment[], assessor: string, given: { scores: Assessment['scores']; note?: string; date?: string }, today: string): { assessments: Assessment[]; day: AssessmentDay } {
  const own = assessments.filter((a) => sameAssessor(a.assessor, assessor));
  if (own.length === 0) {
    const date = given.date ?? today;
    return { assessments: [...assessments, { assessor, date, scores: given.scores, ...(given.note ? { note: given.note } : {}) }], day: given.date === undefined ? { kind: 'new', date } : { kind: 'given', date } };
  }
  const was = own.map((a) => a.date).sort()[0];
  const date = given.date ?? was;
  const before = scoresBy({ assessments: own }, assessor);
  for (const s of given.scores) before.set(s.criterion, s.score);
  const note = given.note ?? own.find((a) => a.note !== undefined)?.note;
  const entry: Assessment = { ...own[0], assessor, date, scores: [...before].map(([criterion, score]) => ({ criterion, score })), ...(note ? { note } : {}) };
  const out = assessments.filter((a) => a === own[0] || !own.includes(a)).map((a) => (a === own[0] ? entry : a));
  return { assessments: out, day: date !== was ? { kind: 'moved', date, was } : given.date === undefined ? { kind: 'kept', date } : { kind: 'given', date } };
}

/** Whether every assessor scored every criterion of the call on this application. */
export function fullyScored(app: Application, criteria: readonly ScoredCriterion[], assessors: readonly string[]): boolean {
  return missingScores(app, criteria, assessors).length === 0;
}

/** The (assessor index, criterion id) pairs without a score: assessors by their place in `assessors`, never by name. */
export function missingScores(app: Application, criteria: readonly ScoredCriterion[], assessors: readonly string[]): Array<{ assessor: number; criterion: string }> {
  const out: Array<{ assessor: number; criterion: string }> = [];
  assessors.forEach((name, i) => {
    const scored = scoresBy(app, name);
    for (const c of criteria) if (!scored.has(c.id)) out.push({ assessor: i, criterion: c.id });
  });
  return out;
}

/**
 * The weighted total: over the call's criteria, the criterion's weight (default 1) times the mean
 * of the scores of `assessors` (others' scores, a disqualified assessor's, do not count). Undefined when the call has no scored criteria or a score is missing
 * (the application is then not ranked).
 */
export function weightedTotal(app: Application, criteria: readonly ScoredCriterion[], assessors: readonly string[]): number | undefined {
  if (criteria.length === 0 || assessors.length === 0 || !fullyScored(app, criteria, assessors)) return undefined;
  const means = meanScores(app, assessors);
  let total = 0;
  for (const c of criteria) total += (c.weight ?? 1) * (means.get(c.id) ?? 0);
  // Rounded so that sums of thirds compare as a person would compare them.
  return Math.round(total * 1000) / 1000;
}

export type Outcome = NonNullable<Application['decision']>['outcome'];
export const isGrant = (o: Outcome | undefined): boolean => o === 'granted' || o === 'partly';

/**
 * What a decision granted, in whole kroner: its amount, or for a grant in full without one the
 * amount applied for (what "as applied for" grants); undefined for a refusal, a withdrawal, an
 * undecided application or a partial grant that does not say how much. Letters, the ranking, the
 * site and the money counted all take the amount from here.
 */
export function grantedAmount(app: Pick<Application, 'amount_dkk' | 'decision'>): number | undefined {
  const d = app.decision;
  if (!d || !isGrant(d.outcome)) return undefined;
  return d.amount_dkk ?? (d.outcome === 'granted' ? app.amount_dkk : undefined);
}

/**
 * Whether an application is refused for being late while, by its day received and its call's
 * deadline as they stand now, it came in time (one of them corrected after the refusal): its
 * letter would tell the applicant a falsehood.
 */
export function refusedLateInTime(app: Pick<Application, 'decision' | 'received'>, deadline: string | undefined): boolean {
  const d = app.decision;
  return d?.outcome === 'refused' && d.formal === 'late' && typeof app.received === 'string' && typeof deadline === 'string' && !isLate(app.received, deadline);
}

/** The applications of each call, by call id, in id order. */
export function applicationsByCall(apps: Iterable<Application>): Map<string, Application[]> {
  const out = new Map<string, Application[]>();
  for (const a of [...apps].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0))) {
    const list = out.get(a.call);
    if (list) list.push(a);
    else out.set(a.call, [a]);
  }
  return out;
}

/** The applicants and the selected organisations a call's applications show (a withdrawn application still applied). */
export function derivedSelection(apps: readonly Application[]): { applicants: string[]; selected: string[] } {
  const applicants = new Set<string>();
  const selected = new Set<string>();
  for (const a of apps) {
    for (const o of a.organisations) applicants.add(o);
    if (isGrant(a.decision?.outcome)) for (const o of a.organisations) selected.add(o);
  }
  return { applicants: [...applicants].sort(), selected: [...selected].sort() };
}

/**
 * Who applied to a call and who was selected: as the call writes it (older calls), else as its
 * applications show it. Validate warns when a call writes lists its applications contradict.
 */
export function selectionOf(call: Pick<Call, 'applicants' | 'selected'>, apps: readonly Application[]): { applicants: string[]; selected: string[] } {
  const derived = derivedSelection(apps);
  return { applicants: call.applicants ?? derived.applicants, selected: call.selected ?? derived.selected };
}

/**
 * Why a call's applications are counted against one year's money: it is the year the applications
 * ask for (all of those in the competition that name years: `applications-all`, else the one most
 * ask for: `applications-most`); or none names a year and it is the deadline's year (`deadline`),
 * or, when the call's pool has no budget that year, the first year after it that the pool has a
 * budget for (`pool-budget`: a call closing in December for next year's money).
 */
export type CallYearSource = 'applications-all' | 'applications-most' | 'deadline' | 'pool-budget';

/** Withdrawn, or refused on formal grounds (late, not eligible): out of the competition, whatever scores it has. */
export const outOfCompetition = (a: Pick<Application, 'decision'>): boolean => a.decision?.outcome === 'withdrawn' || (a.decision?.outcome === 'refused' && a.decision.formal !== undefined);

/**
 * The one year a call's money is taken from where an application does not say (`call ranking`
 * holds the ranking against it; a grant that names no years is money for it in `overview funding`,
 * the audit and the site). `apps` are the call's applications; `pool`, the call's pool, if any.
 */
export function callYear(call: Pick<Call, 'deadline'>, apps: readonly Pick<Application, 'decision' | 'years'>[], pool?: Pick<Pool, 'budgets'>): { year: number; source: CallYearSource } {
  // Only those in the competition: a withdrawn application, or one refused on formal grounds, is not ranked, so its years do not choose the money.
  const naming = apps.filter((a) => !outOfCompetition(a) && (a.years?.length ?? 0) > 0);
  if (naming.length === 0) {
    const deadline = Number(call.deadline.slice(0, 4));
    const budgeted = (pool?.budgets ?? []).map((b) => b.year).filter((y) => y >= deadline).sort((x, y) => x - y);
    return budgeted.length === 0 || budgeted[0] === deadline ? { year: deadline, source: 'deadline' } : { year: budgeted[0], source: 'pool-budget' };
  }
  const count = new Map<number, number>();
  for (const a of naming) for (const y of new Set(a.years)) count.set(y, (count.get(y) ?? 0) + 1);
  // The year most of them ask for; of equally many, the earliest (the first the money is needed in).
  const [year, n] = [...count].sort(([y1, n1], [y2, n2]) => n2 - n1 || y1 - y2)[0]!;
  return { year, source: n === naming.length ? 'applications-all' : 'applications-most' };
}

/** The years a grant is money for: those the application names, else its call's year (callYear). */
export function grantYears(folder: Pick<DataFolder, 'records'>, app: Pick<Application, 'call' | 'years'>): number[] {
  if (app.years?.length) return [...new Set(app.years)].sort((x, y) => x - y);
  const year = callYears(folder).get(app.call);
  return year === undefined ? [] : [year];
}

const callYearCache = new WeakMap<object, Map<string, number>>();

/** Each call's year (callYear), made once per loaded folder: a large register has many calls and applications. */
function callYears(folder: Pick<DataFolder, 'records'>): Map<string, number> {
  let years = callYearCache.get(folder.records);
  if (!years) {
    years = new Map();
    const byCall = applicationsByCall(folder.records.application.values());
    for (const call of folder.records.call.values()) {
      const pool = call.pool === undefined ? undefined : folder.records.pool?.get(call.pool);
      years.set(call.id, callYear(call, byCall.get(call.id) ?? [], pool).year);
    }
    callYearCache.set(folder.records, years);
  }
  return years;
}

/**
 * The command that gives a call's plain-text criteria ids: every criterion's text given again
 * (`civsam call edit ID --criteria …`), each quoted for the shell. One that has an id is given by
 * its text in the data's `language` and keeps its id (criteriaFromTexts), so its scores stay.
 */
export function reCriteriaCommand(call: Call, language: Language = 'da'): string {
  const scored = new Set<unknown>(scoredCriteria(call));
  const texts = (call.criteria ?? []).flatMap((c) => (typeof c === 'string' || scored.has(c) ? [criterionText(c, language)] : []));
  const shownTexts = texts.length > 0 ? texts.map(shellWord).join(' ') : '"…" "…"';
  return `civsam call edit ${shellWord(call.id)} --criteria ${shownTexts}`;
}
