// What the rules on applications share: each call with its applications, scored criteria and
// assessors, and the grantee reports overdue on a day.
import { applicationsByCall, assessorsOf, scoredCriteria, type ScoredCriterion } from '../domain/applications.js';
import type { DataFolder } from '../domain/folder.js';
import type { Agreement, Application, Call } from '../domain/kinds.js';

export interface CallRound {
  call: Call;
  /** The call's applications, in id order. */
  apps: Application[];
  /** The call's criteria with ids (none for calls written with plain-text criteria). */
  criteria: ScoredCriterion[];
  /** Everyone who assessed any application of the call. */
  assessors: string[];
}

/** Each call that has applications, with what its rules need, in call id order. */
export function callRounds(folder: DataFolder): CallRound[] {
  const out: CallRound[] = [];
  for (const [callId, apps] of applicationsByCall(folder.records.application.values())) {
    const call = folder.records.call.get(callId);
    if (!call) continue;
    out.push({ call, apps, criteria: scoredCriteria(call), assessors: assessorsOf(apps) });
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
