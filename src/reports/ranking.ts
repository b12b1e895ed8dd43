// A call's ranking: its applications by weighted total, each assessor's scores (assessors by their
// number, never by name), the decision, and where the pool's money for the year runs out when
// the amounts applied for by the applications not yet decided are granted in rank order. The money
// there is what `overview funding` shows as left of the pool's budget that year (the budget minus
// what agreements and grants decided on applications, this call's too, already take of it:
// reports/funding.ts), so the two never disagree. A decided application's money is in that figure
// already (or, refused, takes none), so it is not counted again down the ranking. Pure: data in, data out.
import { applicationsOf, assessedBy, callYear, outOfCompetition, type CallYearSource, assessorPanel, scoresBy, grantedAmount, scoredCriteria, weightedTotal, type AssessorPanel, type Outcome } from '../domain/applications.js';
import { isLate } from '../domain/dates.js';
import type { DataFolder } from '../domain/folder.js';
import type { Application, Call, Pool } from '../domain/kinds.js';
import { buildFundingReport } from './funding.js';

export interface RankedApplication {
  id: string;
  /** The application's title (null when it has none). */
  title: string | null;
  organisations: string[];
  /** 1 for the highest total; equal totals share a rank. Null when not ranked (a score missing, withdrawn, or refused on formal grounds). */
  rank: number | null;
  total: number | null;
  /** Scores by assessor number (1, 2, …, in the order they first assessed) and criterion id: the counted assessors' only. */
  scores: Array<{ assessor: number; criterion: string; score: number }>;
  /** How many assessors with a declared tie to an applicant assessed this application: their scores are left out of its total and rank. */
  uncounted: number;
  decision: Outcome | null;
  /** The formal ground of a refusal (late, ineligible): it was not judged by the scores, so it is not ranked. */
  formal: NonNullable<Application['decision']>['formal'] | null;
  amountApplied: number;
  amountGranted: number | null;
  /** The day the application was received. */
  received: string;
  /** Received after the call's deadline: the others kept it (the audit's late-application-granted if it is granted). */
  late: boolean;
  /** The years applied for, as the application gives them (empty when it gives none). */
  years: number[];
  /** The amounts applied for by the undecided applications, summed down the ranking to this one (ranked, undecided applications only). */
  cumulative: number | null;
  /**
   * Whether what is left of the pool's budget for the year covers this application with every one
   * ranked above it and every one sharing its rank (null without a budget, not ranked, or decided):
   * applications with the same total are all within or all not, never parted by their ids.
   */
  withinBudget: boolean | null;
  /** Whether the application shares its rank at the budget line: what is left covers some of those that share it, not all (tieAtLine). */
  tiedAtLine: boolean;
}

/** Why the ranking is set against this year's money: `--year` said so, or the call's year (callYear) and why it is that. */
export type RankingYearSource = 'option' | CallYearSource;

export interface Ranking {
  call: string;
  /** The call's deadline, against which an application is late. */
  deadline: string;
  pool: { id: string; name: string } | null;
  year: number;
  yearSource: RankingYearSource;
  /**
   * Applications that name years but did not choose the year, being out of the competition
   * (withdrawn, or refused on formal grounds): said beside the year, so that "the year the
   * applications ask for" is not read as all of them. 0 with --year.
   */
  yearLeftOut: number;
  /** The pool's budget for the year (null without a pool or a budget that year). */
  budget: number | null;
  /** What agreements and decided grants already take from the pool in the year (overview funding's allocated; null without a budget). */
  committed: number | null;
  /** The budget minus what is committed (overview funding's remaining; null without a budget): what the undecided applications compete for. */
  available: number | null;
  criteria: Array<{ id: string; weight: number }>;
  /** The assessors whose scores count (numbered 1…n in `scores`). */
  assessors: number;
  /**
   * Assessors left out for a declared tie to an applicant (disqualified in the whole call,
   * forvaltningsloven § 3) who assessed an application all the same: how many, and the applicants
   * (organisation ids) they declared ties to. Never who they are.
   */
  uncounted: { assessors: number; organisations: string[] };
  applications: RankedApplication[];
  /** The last rank what is left covers, every application of it (null without a budget; 0 when it covers none). */
  lastRankWithinBudget: number | null;
  /**
   * Where the money runs out among undecided applications that share a rank: what is left after
   * the ranks above covers some of them but not all, and the ranking cannot say which (null when
   * the line does not fall inside a shared rank).
   */
  tieAtLine: { rank: number; count: number; asked: number; left: number } | null;
  /** The rank of the first undecided application the money is walked down from (null when every ranked application is decided). */
  firstUndecidedRank: number | null;
  /** Ranked applications that name the years they apply for, none of them the ranking's year. */
  otherYears: Array<{ id: string; years: number[] }>;
}

/** The year a ranking is set against, and why (see RankingYearSource). `apps` are the call's applications. */
export function rankingYear(call: Call, apps: readonly Application[], option?: number, pool?: Pick<Pool, 'budgets'>): { year: number; source: RankingYearSource } {
  if (option !== undefined) return { year: option, source: 'option' };
  return callYear(call, apps, pool);
}

/**
 * The ranking of a call's applications on `asOf`: `year` chooses the pool-year (else rankingYear);
 * `panel`, the call's assessors when the caller has them already (the audit's callRounds).
 */
export function buildRanking(folder: DataFolder, call: Call, asOf: string, given: { year?: number; panel?: AssessorPanel } = {}): Ranking {
  const apps = applicationsOf(folder, call.id).sort((a, b) => (a.id < b.id ? -1 : 1));
  const criteria = scoredCriteria(call);
  // An assessor with a declared tie to an applicant is disqualified in the whole call: none of their scores count.
  const panel = given.panel ?? assessorPanel(call, apps);
  const assessors = panel.counted;
  const tied = [...panel.tied].filter(([name]) => apps.some((a) => assessedBy(a, name)));
  const pool = call.pool !== undefined ? folder.records.pool.get(call.pool) : undefined;
  const { year, source } = rankingYear(call, apps, given.year, pool);
  const yearLeftOut = source === 'option' ? 0 : apps.filter((a) => outOfCompetition(a) && (a.years?.length ?? 0) > 0).length;
  // The pool-year as `overview funding` gives it: its budget, what agreements and decisions grant, what is left.
  const money = pool ? buildFundingReport(folder, asOf, { pools: [pool.id], years: [year] }).poolYears.find((py) => py.pool.id === pool.id && py.year === year) : undefined;
  const budget = money?.budget ?? null;
  const committed = budget === null ? null : money!.allocated;
  const available = budget === null ? null : money!.remaining;
  const rows = apps.map((a) => row(a, call, criteria, assessors, tied.filter(([name]) => assessedBy(a, name)).length));
  const ranked = rows.filter((r) => r.total !== null).sort((a, b) => b.total! - a.total! || (a.id < b.id ? -1 : 1));
  ranked.forEach((r, i) => {
    r.rank = i > 0 && ranked[i - 1].total === r.total ? ranked[i - 1].rank : i + 1;
  });
  // The undecided walked down the ranking a rank at a time: applications with the same total are
  // within the budget together or not at all (their ids order them, never decide between them).
  const undecided = ranked.filter((r) => r.decision === null);
  let cumulative = 0;
  let lastRankWithinBudget: number | null = available === null ? null : 0;
  let tieAtLine: Ranking['tieAtLine'] = null;
  for (const rank of [...new Set(undecided.map((r) => r.rank!))]) {
    const shared = undecided.filter((r) => r.rank === rank);
    const before = cumulative;
    for (const r of shared) {
      cumulative += r.amountApplied;
      r.cumulative = cumulative;
    }
    if (available === null) continue;
    const within = cumulative <= available;
    for (const r of shared) r.withinBudget = within;
    if (within) lastRankWithinBudget = rank;
    else if (tieAtLine === null && before <= available && shared.length > 1 && shared.some((r) => before + r.amountApplied <= available)) {
      tieAtLine = { rank, count: shared.length, asked: cumulative - before, left: available - before };
      for (const r of shared) r.tiedAtLine = true;
    }
  }
  const firstUndecidedRank = undecided[0]?.rank ?? null;
  const unranked = rows.filter((r) => r.total === null);
  return {
    call: call.id, deadline: call.deadline, pool: pool ? { id: pool.id, name: pool.name } : null, year, yearSource: source, yearLeftOut, budget, committed, available,
    criteria: criteria.map((c) => ({ id: c.id, weight: c.weight ?? 1 })),
    assessors: assessors.length,
    uncounted: { assessors: tied.length, organisations: [...new Set(tied.flatMap(([, orgs]) => orgs))].sort() },
    applications: [...ranked, ...unranked],
    lastRankWithinBudget,
    tieAtLine,
    firstUndecidedRank,
    otherYears: ranked.filter((r) => r.years.length > 0 && !r.years.includes(year)).map((r) => ({ id: r.id, years: r.years })),
  };
}


/** The formal ground of a refusal (late, not eligible), if it is one. */
const formalGround = (a: Application) => (a.decision?.outcome === 'refused' ? a.decision.formal : undefined);

function row(a: Application, call: Call, criteria: ReturnType<typeof scoredCriteria>, assessors: readonly string[], uncounted: number): RankedApplication {
  const formal = formalGround(a);
  const total = outOfCompetition(a) ? undefined : weightedTotal(a, criteria, assessors);
  const scores: RankedApplication['scores'] = [];
  assessors.forEach((name, i) => {
    for (const [criterion, score] of scoresBy(a, name)) scores.push({ assessor: i + 1, criterion, score });
  });
  return {
    id: a.id, title: a.title ?? null, organisations: a.organisations, rank: null, total: total ?? null, scores, uncounted,
    decision: a.decision?.outcome ?? null, formal: formal ?? null, amountApplied: a.amount_dkk, amountGranted: grantedAmount(a) ?? null,
    received: a.received, late: isLate(a.received, call.deadline),
    years: [...(a.years ?? [])].sort((x, y) => x - y),
    cumulative: null, withinBudget: null, tiedAtLine: false,
  };
}
