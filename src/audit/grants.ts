// What the rules on applications share: each call with its applications, scored criteria and
// assessors, and the grantee reports overdue on a day.
import { applicationsByCall, assessorPanel, scoredCriteria, type AssessorPanel, type ScoredCriterion } from '../domain/applications.js';
import type { DataFolder } from '../domain/folder.js';
import type { Agreement, Application, Call } from '../domain/kinds.js';
import { enumAt } from '../domain/shapes.js';
import type { MessageParams } from '../i18n/index.js';

/** A call with its assessors: everyone who assessed, those disqualified by a tie, those who count (assessorPanel). */
export interface CallRound extends AssessorPanel {
  readonly call: Call;
  /** The call's applications, in id order. */
  readonly apps: readonly Application[];
  /** The call's criteria with ids (none for calls written with plain-text criteria). */
  readonly criteria: readonly ScoredCriterion[];
}

const rounds = new WeakMap<DataFolder, readonly CallRound[]>();

/**
 * Each call that has applications, with what its rules need, in call id order. Built once per
 * folder and shared by every rule on applications, so none may change it.
 */
export function callRounds(folder: DataFolder): readonly CallRound[] {
  let built = rounds.get(folder);
  if (!built) rounds.set(folder, (built = buildCallRounds(folder)));
  return built;
}

function buildCallRounds(folder: DataFolder): CallRound[] {
  const out: CallRound[] = [];
  for (const [callId, apps] of applicationsByCall(folder.records.application.values())) {
    const call = folder.records.call.get(callId);
    if (!call) continue;
    out.push({ call, apps, criteria: scoredCriteria(call), ...assessorPanel(call, apps) });
  }
  return out.sort((a, b) => (a.call.id < b.call.id ? -1 : 1));
}

export type Report = NonNullable<Agreement['reports']>[number];

/**
 * The reports of an agreement overdue on `day`: due before it and not received by then (a report
 * due on the day is not yet overdue). Cancelled and draft agreements owe no reports.
 */
export function overdueReports(a: Agreement, day: string): Report[] {
  if (a.status !== 'active' && a.status !== 'ended') return [];
  return (a.reports ?? []).filter((r) => r.due < day && (r.received === undefined || r.received > day));
}

/** The report kinds, for advice that writes `--kind`: each as the reader types it (`slutrapport`). */
export const reportKindParams: MessageParams = { kinds: { or: enumAt('agreement', 'reports.kind') ?? [] } };
