// The order in which an application's events can have happened, and that none of them has
// happened after today: an application comes once its call is published, is assessed and decided
// once it has come, and each is recorded once it has happened (as `consultation respond` refuses a
// response dated after today), and once decided its assessments stand as the decision found them.
// Only the dates a change gives or moves are judged, so a record that already breaks the order can
// still have its other fields put right. Pure: today comes in.
import type { Message, MessageKey } from '../i18n/index.js';
import type { Application } from './kinds.js';
import type { DataFolder } from './folder.js';
import { applicationsOf, refusedLateInTime, tiedAssessors, tiesOf } from './applications.js';
import { UserError } from './errors.js';
import { isDate, isLate } from './dates.js';

type Rec = Record<string, unknown>;
type Dated = { date?: unknown; assessor?: unknown };

/** A date as the record holds it, when it is one (`YYYY-MM-DD`): another text (`12. nov. 2026` in a file) is the schema's to say, at its place, not to be compared as if it were a date. */
const dateOf = (v: unknown): string | undefined => (typeof v === 'string' && isDate(v) ? v : undefined);
const assessmentsOf = (r: Rec | undefined): Dated[] => (r && Array.isArray(r.assessments) ? (r.assessments as Dated[]).filter((a) => a !== null && typeof a === 'object') : []);
const decisionDate = (r: Rec | undefined): string | undefined => (r && r.decision !== null && typeof r.decision === 'object' ? dateOf((r.decision as Dated).date) : undefined);

/** Why an application's dates cannot be, and the field it is said at (its path in the record). */
export interface DateRefusal {
  message: Message;
  path: Array<string | number>;
}

/**
 * Why an application's dates, as a change leaves them, cannot be (undefined: they can). `before`
 * is the record as it was (undefined for a new one), `published` the day its call was published,
 * `disqualified` whether an assessor is disqualified in the call (a declared tie to an applicant).
 */
function applicationDateRefusal(before: Rec | undefined, after: Rec, published: string | undefined, today: string, disqualified: (assessor: string) => boolean): DateRefusal | undefined {
  const id = String(after.id ?? '');
  const received = dateOf(after.received);
  const receivedMoved = received !== undefined && received !== dateOf(before?.received);
  const at = (path: Array<string | number>, message: Message): DateRefusal => ({ message, path });
  if (receivedMoved) {
    if (received > today) return at(['received'], { key: 'application.receivedAfterToday', params: { today } });
    if (published !== undefined && received < published) return at(['received'], { key: 'application.receivedBeforePublished', params: { call: String(after.call ?? ''), published } });
  }
  // Decided, the application's scores are what the decision and its letter rest on: a score added or
  // changed then (another assessor, a sheet imported late) would make a decision taken on other
  // grounds look unfounded, and one taken away would hide what it rested on. Only a disqualified
  // assessor's assessment is taken away then: it never counted, and the case the letters close
  // must not show them taking part (call letters asks for it). A decision to be revisited is taken back first.
  const decidedBefore = decisionDate(before);
  if (decidedBefore !== undefined && decisionDate(after) !== undefined && (assessmentsChanged(before, after) || assessmentsRemoved(before, after).some((a) => !disqualified(a)))) {
    return at(['assessments'], { key: 'application.assessedAfterDecision', params: { id, date: decidedBefore } });
  }
  const had = new Set(assessmentsOf(before).map((a) => `${String(a.assessor)}\u0000${String(a.date)}`));
  const all = Array.isArray(after.assessments) ? (after.assessments as unknown[]) : [];
  for (let i = 0; i < all.length; i++) {
    const a = all[i] as Dated | null;
    if (a === null || typeof a !== 'object' || had.has(`${String(a.assessor)}\u0000${String(a.date)}`)) continue;
    const date = dateOf(a.date);
    if (date === undefined) continue;
    if (date > today) return at(['assessments', i, 'date'], { key: 'application.assessedAfterToday', params: { today } });
    if (received !== undefined && date < received) return at(['assessments', i, 'date'], { key: 'application.assessedBeforeReceived', params: { id, received } });
  }
  const decided = decisionDate(after);
  if (decided !== undefined && decided !== decisionDate(before)) {
    if (decided > today) return at(['decision', 'date'], { key: 'application.decidedAfterToday', params: { today } });
    if (received !== undefined && decided < received) return at(['decision', 'date'], { key: 'application.decidedBeforeReceived', params: { id, received } });
    // A decision rests on the assessments it was made on: it cannot come before one of them.
    if (assessmentsOf(after).some((a) => (dateOf(a.date) ?? '') > decided)) return at(['decision', 'date'], { key: 'application.decidedBeforeAssessed', params: { id } });
  }
  // The day received moved past an assessment or a decision already recorded.
  if (receivedMoved) {
    const earlier = [...assessmentsOf(after).flatMap((a) => dateOf(a.date) ?? []), ...(decided !== undefined ? [decided] : [])].filter((d) => d < received).sort()[0];
    if (earlier !== undefined) return at(['received'], { key: 'application.receivedAfterEvents', params: { id, date: earlier } });
  }
  return undefined;
}

/**
 * The refusals whose advice names an option (`--received`, `--date`) or a command on a record that
 * may not exist yet, as said of a record given in a file: the file is what is corrected, at the
 * field's place, in the form a date takes there.
 */
const IN_FILE: Partial<Record<MessageKey, MessageKey>> = {
  'application.receivedAfterToday': 'application.file.receivedAfterToday',
  'application.receivedBeforePublished': 'application.file.receivedBeforePublished',
  'application.receivedAfterEvents': 'application.file.receivedAfterEvents',
  'application.assessedAfterToday': 'application.file.assessedAfterToday',
  'application.assessedBeforeReceived': 'application.file.assessedBeforeReceived',
  'application.decidedAfterToday': 'application.file.decidedAfterToday',
  'application.decidedBeforeReceived': 'application.file.decidedBeforeReceived',
  'application.decidedBeforeAssessed': 'application.file.decidedBeforeAssessed',
};

/** The first of an application's assessments dated after its decision (an index), if any: the decision cannot rest on it. */
export function assessedAfterDecided(app: Rec): number | undefined {
  const decided = decisionDate(app);
  if (decided === undefined) return undefined;
  const all = Array.isArray(app.assessments) ? (app.assessments as unknown[]) : [];
  const i = all.findIndex((a) => a !== null && typeof a === 'object' && (dateOf((a as Dated).date) ?? '') > decided);
  return i < 0 ? undefined : i;
}

/** Whether a change adds an assessment or changes one (its scores, note or day); one taken away is not counted. */
function assessmentsChanged(before: Rec | undefined, after: Rec): boolean {
  const was = new Map(assessmentsOf(before).map((a) => [String(a.assessor), JSON.stringify(a)]));
  return assessmentsOf(after).some((a) => was.get(String(a.assessor)) !== JSON.stringify(a));
}

/** The assessors whose assessment a change takes away. */
function assessmentsRemoved(before: Rec | undefined, after: Rec): string[] {
  const kept = new Set(assessmentsOf(after).map((a) => String(a.assessor)));
  return assessmentsOf(before).map((a) => String(a.assessor)).filter((a) => !kept.has(a));
}

/**
 * What is wrong with an application's dates as a change leaves them (applicationDateRefusal), and
 * where; `inFile`: the record was given in a file, so the advice is about the file, not an option.
 */
export function applicationDateProblem(before: Rec | undefined, after: Rec, folder: DataFolder, today: string, inFile = false): DateRefusal | undefined {
  const call = typeof after.call === 'string' ? folder.records.call.get(after.call) : undefined;
  // Tied as the call's ranking and the audit find it: to any organisation applying in the call, this application's as the change leaves it included.
  const tied = call ? tiedAssessors(call, [...applicationsOf(folder, call.id).filter((a) => a.id !== after.id), after as unknown as Application]) : new Map<string, string[]>();
  const refusal = applicationDateRefusal(before, after, call?.published, today, (assessor) => tiesOf(tied, assessor) !== undefined);
  const key = refusal && inFile ? IN_FILE[refusal.message.key] : undefined;
  return refusal && key ? { ...refusal, message: { ...refusal.message, key } } : refusal;
}

/** Refuses a change that leaves an application's dates as applicationDateRefusal finds they cannot be. */
export function refuseApplicationDates(before: Rec | undefined, after: Rec, folder: DataFolder, today: string): void {
  const refusal = applicationDateProblem(before, after, folder, today);
  if (refusal) throw new UserError(refusal.message.key, refusal.message.params);
}

/**
 * What is said when a change records an application as received after its call's deadline (a
 * new one, or its day received or call changed): not refused, since the register keeps what came
 * and when, but said at once rather than first when it is granted (the audit's late-application-granted).
 */
export function lateReceipt(before: Rec | undefined, after: Rec, folder: DataFolder): Message | undefined {
  const received = dateOf(after.received);
  const call = typeof after.call === 'string' ? folder.records.call.get(after.call) : undefined;
  if (received === undefined || !call || !isLate(received, call.deadline)) return undefined;
  if (before && received === dateOf(before.received) && after.call === before.call) return undefined;
  return { key: 'application.receivedLate', params: { id: String(after.id ?? ''), received, deadline: call.deadline, call: call.title } };
}

/**
 * What is said when a change (a day received or a call corrected) makes an application refused for
 * being late one that came in time: its letter would be untrue (the audit's refused-late-in-time).
 */
export function lateRefusalInTime(before: Rec, after: Rec, folder: DataFolder): Message | undefined {
  const deadlineOf = (r: Rec) => (typeof r.call === 'string' ? folder.records.call.get(r.call)?.deadline : undefined);
  const app = after as unknown as Application;
  if (!refusedLateInTime(app, deadlineOf(after)) || refusedLateInTime(before as unknown as Application, deadlineOf(before))) return undefined;
  return { key: 'application.lateRefusalNowInTime', params: { id: String(after.id ?? ''), received: app.received, deadline: deadlineOf(after)! } };
}

/** The applications received on or before `before` and after `deadline`: on time with the one deadline, late with the other. */
export function lateByNewDeadline(received: readonly string[], before: string | undefined, deadline: string): number {
  return received.filter((d) => isLate(d, deadline) && (before === undefined || !isLate(d, before))).length;
}
