// A call's ranking: its applications by weighted total, each assessor's scores (assessors by their
// number, never by name), the decision, and where the pool's money for the year runs out when
// the amounts applied for are granted in rank order. Pure: data in, data out.
import { assessorsOf, scoredCriteria, weightedTotal, type Outcome } from '../domain/applications.js';
import type { DataFolder } from '../domain/folder.js';
import type { Application, Call } from '../domain/kinds.js';

export interface RankedApplication {
  id: string;
  organisations: string[];
  /** 1 for the highest total; equal totals share a rank. Null when not ranked (a score missing, or withdrawn). */
  rank: number | null;
  total: number | null;
  /** Scores by assessor number (1, 2, …, in the order they first assessed) and criterion id. */
  scores: Array<{ assessor: number; criterion: string; score: number }>;
  decision: Outcome | null;
  amountApplied: number;
  amountGranted: number | null;
  /** The amounts applied for, summed down the ranking to this one (ranked applications only). */
  cumulative: number | null;
  /** Whether the pool's budget for the year covers the cumulative amount (null without a budget, or not ranked). */
  withinBudget: boolean | null;
}

export interface Ranking {
  call: string;
  pool: string | null;
  year: number;
  budget: number | null;
  criteria: Array<{ id: string; weight: number }>;
  assessors: number;
  applications: RankedApplication[];
  /** The last rank the budget covers (null without a budget; 0 when it covers none). */
  lastRankWithinBudget: number | null;
}

export function buildRanking(folder: DataFolder, call: Call, year = Number(call.deadline.slice(0, 4))): Ranking {
  const apps = [...folder.records.application.values()].filter((a) => a.call === call.id).sort((a, b) => (a.id < b.id ? -1 : 1));
  const criteria = scoredCriteria(call);
  const assessors = assessorsOf(apps);
  const pool = call.pool !== undefined ? folder.records.pool.get(call.pool) : undefined;
  const budget = pool?.budgets.find((b) => b.year === year)?.amount_dkk ?? null;
  const rows = apps.map((a) => row(a, criteria, assessors));
  const ranked = rows.filter((r) => r.total !== null).sort((a, b) => b.total! - a.total! || (a.id < b.id ? -1 : 1));
  let cumulative = 0;
  let lastRankWithinBudget: number | null = budget === null ? null : 0;
  ranked.forEach((r, i) => {
    r.rank = i > 0 && ranked[i - 1].total === r.total ? ranked[i - 1].rank : i + 1;
    cumulative += r.amountApplied;
    r.cumulative = cumulative;
    if (budget !== null) {
      r.withinBudget = cumulative <= budget;
      if (r.withinBudget) lastRankWithinBudget = r.rank;
    }
  });
  const unranked = rows.filter((r) => r.total === null);
  return {
    call: call.id, pool: pool?.id ?? null, year, budget,
    criteria: criteria.map((c) => ({ id: c.id, weight: c.weight ?? 1 })),
    assessors: assessors.length,
    applications: [...ranked, ...unranked],
    lastRankWithinBudget,
  };
}

function row(a: Application, criteria: ReturnType<typeof scoredCriteria>, assessors: readonly string[]): RankedApplication {
  const withdrawn = a.decision?.outcome === 'withdrawn';
  const total = withdrawn ? undefined : weightedTotal(a, criteria, assessors);
  const scores: RankedApplication['scores'] = [];
  assessors.forEach((name, i) => {
    for (const x of a.assessments ?? []) if (x.assessor === name) for (const s of x.scores) scores.push({ assessor: i + 1, criterion: s.criterion, score: s.score });
  });
  return {
    id: a.id, organisations: a.organisations, rank: null, total: total ?? null, scores,
    decision: a.decision?.outcome ?? null, amountApplied: a.amount_dkk, amountGranted: a.decision?.amount_dkk ?? null,
    cumulative: null, withinBudget: null,
  };
}
