// Validation of applications against their calls: criterion ids are unique on a call or pool,
// scores and decision reasons name criteria the call has, scores lie within the call's scale,
// a call that still writes its applicants and selected agrees with its applications, and a refusal
// for being late was not given to an application that, by its dates as they stand, came in time.
import { applicationsByCall, derivedSelection, refusedLateInTime, scaleOf, scoredCriteria } from '../domain/applications.js';
import type { Application, Call } from '../domain/kinds.js';
import { fieldName } from './schema-problems.js';
import { assessedAfterDecided } from '../domain/application-dates.js';
import type { Located, RecordRule, RuleContext } from './record-rules.js';

function uniqueCriterionIds(ctx: RuleContext, located: ReadonlyArray<Located<Pick<Call, 'criteria'>>>): void {
  for (const { rel, record } of located) {
    const seen = new Set<string>();
    (record.criteria ?? []).forEach((c, i) => {
      // A text, or a criterion that failed its schema (a gap in the valid part): no id to compare.
      if (c === null || typeof c !== 'object' || typeof c.id !== 'string') return;
      if (seen.has(c.id)) ctx.report(rel, ['criteria', i, 'id'], 'value', 'criterion-id-unique', 'error', { key: 'problem.criterionIdTwice', params: { criterion: c.id } });
      seen.add(c.id);
    });
  }
}

/**
 * A list on an application that may have failed its schema (Located.partial: an application being
 * filled in, one edited by hand): empty when absent, without the holes left where items failed.
 */
function itemsOf<T>(value: readonly (T | undefined)[] | undefined): Array<[T, number]> {
  return Array.isArray(value) ? value.flatMap((v, i) => (v === undefined || v === null ? [] : [[v, i] as [T, number]])) : [];
}

function checkApplication(ctx: RuleContext, rel: string, app: Application, call: Call): void {
  const ids = scoredCriteria(call).map((c) => c.id);
  const known = new Set(ids);
  const idList = ids.length > 0 ? ids.join(', ') : '—';
  const { min, max } = scaleOf(call);
  for (const [a, i] of itemsOf(app.assessments)) {
    for (const [s, j] of itemsOf(a.scores)) {
      const path = ['assessments', i, 'scores', j];
      if (typeof s.criterion === 'string' && !known.has(s.criterion)) {
        ctx.report(rel, [...path, 'criterion'], 'value', 'application-criterion', 'error', { key: 'problem.criterionNotOnCall', params: { field: fieldName([...path, 'criterion']), criterion: s.criterion, call: call.id, ids: idList } });
      }
      if (typeof s.score === 'number' && (s.score < min || s.score > max)) {
        ctx.report(rel, [...path, 'score'], 'value', 'application-score-scale', 'error', { key: 'problem.scoreOutOfScale', params: { field: fieldName([...path, 'score']), call: call.id, min, max } });
      }
    }
  }
  for (const [c, i] of itemsOf(app.decision?.criteria)) {
    const path = ['decision', 'criteria', i];
    if (!known.has(c)) ctx.report(rel, path, 'value', 'application-criterion', 'error', { key: 'problem.criterionNotOnCall', params: { field: fieldName(path), criterion: c, call: call.id, ids: idList } });
  }
}

function sameSet(a: readonly string[], b: readonly string[]): string[] {
  const sa = new Set(a);
  const sb = new Set(b);
  return [...new Set([...a, ...b])].filter((x) => sa.has(x) !== sb.has(x)).sort();
}

export const APPLICATION_RULES: readonly RecordRule[] = [
  {
    id: 'criterion-id-unique',
    local: true,
    check(ctx) {
      uniqueCriterionIds(ctx, ctx.records.call);
      uniqueCriterionIds(ctx, ctx.records.pool);
    },
  },
  {
    id: 'score-scale-order',
    local: true,
    check(ctx) {
      for (const { rel, record } of ctx.records.call) {
        if (record.score_scale && record.score_scale.min >= record.score_scale.max) ctx.report(rel, ['score_scale'], 'value', 'score-scale-order', 'error', { key: 'problem.scaleOrder' });
      }
    },
  },
  {
    id: 'application-criterion',
    check(ctx) {
      const calls = new Map(ctx.records.call.map((c) => [c.record.id, c.record]));
      for (const { rel, record } of ctx.records.application) {
        const call = typeof record.call === 'string' ? calls.get(record.call) : undefined;
        // A call that does not exist is the reference rule's problem.
        if (call) checkApplication(ctx, rel, record, call);
      }
    },
  },
  {
    // The audit's refused-late-in-time, said where the refusal is written: a day received or a
    // deadline edited by hand after the refusal makes its letter untrue. A warning, as the edits
    // that make it are let through with a note: an error would refuse every folder that holds one,
    // the audit (which reports it) among them.
    id: 'refused-late-in-time',
    check(ctx) {
      const deadlines = new Map(ctx.records.call.map((c) => [c.record.id, c.record.deadline]));
      for (const { rel, record } of ctx.records.application) {
        if (!refusedLateInTime(record, deadlines.get(record.call))) continue;
        ctx.report(rel, ['decision'], 'key', 'refused-late-in-time', 'warning', { key: 'problem.refusedLateInTime', params: { id: rel.slice(rel.lastIndexOf('/') + 1).replace(/\.yaml$/, ''), call: record.call } });
      }
    },
  },
  {
    // A decision dated before an assessment of the application (one registered without its day,
    // and so dated the day it was typed in): the decision cannot rest on it, and the case's
    // course reads backwards. A warning, as the audit and the letters still work on the folder.
    id: 'decided-before-assessed',
    local: true,
    check(ctx) {
      for (const { rel, record } of ctx.records.application) {
        const i = assessedAfterDecided(record as unknown as Record<string, unknown>);
        if (i === undefined) continue;
        ctx.report(rel, ['decision', 'date'], 'value', 'decided-before-assessed', 'warning', { key: 'problem.decidedBeforeAssessed', params: { number: i + 1 } });
      }
    },
  },
  {
    // A call written the old way keeps its applicants and selected; once it has applications,
    // they say who applied and who was chosen, and the written lists must agree with them.
    id: 'call-applications-agree',
    check(ctx) {
      // An application that failed its schema may lack its organisations or its decision (one
      // being filled in, one edited by hand): what its call's applications show is not known then.
      const incomplete = new Set(ctx.records.application.filter((a) => a.partial).map((a) => a.record.call));
      const byCall = applicationsByCall(ctx.records.application.filter((a) => !a.partial).map((a) => a.record));
      const names = new Map(ctx.records.organisation.map(({ record }) => [record.id, typeof record.name === 'string' && record.name.trim() !== '' ? record.name.trim() : record.id]));
      for (const { rel, record } of ctx.records.call) {
        const apps = byCall.get(record.id);
        if (!apps || incomplete.has(record.id)) continue;
        const derived = derivedSelection(apps);
        for (const field of ['applicants', 'selected'] as const) {
          const written = record[field];
          if (written === undefined) continue;
          const differ = sameSet(written, derived[field]);
          // Named as the user knows them (by name; by id where no organisation has it).
          if (differ.length > 0) ctx.report(rel, [field], 'key', 'call-applications-agree', 'warning', { key: 'problem.callApplicantsDisagree', params: { field, count: differ.length, organisations: differ.map((id) => names.get(id) ?? id).join(', ') } });
        }
      }
    },
  },
];
