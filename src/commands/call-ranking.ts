// `civsam call ranking CALL`: the call's applications by weighted total, with each assessor's
// scores (by number, never by name), the decision and amounts, and the line where the pool's money
// for the year runs out: what `overview funding` shows as left of that year's budget, with the
// year said and why it was taken. Table, JSON, CSV, Markdown, or an .xlsx workbook with --output FILE.xlsx.
import { extname } from 'node:path';
import type { CommandContext } from '../context/context.js';
import { loadValidFolder } from '../context/load.js';
import { emit, writeOutputFile } from '../context/output.js';
import { EXIT, UserError } from '../domain/errors.js';
import { yearOption } from '../domain/whole-numbers.js';
import { formatAmount, formatDate, formatNumber } from '../i18n/format.js';
import { andList, type MessageKey } from '../i18n/index.js';
import type { Cell, Column, Table } from '../output/table.js';
import { buildRanking, type Ranking } from '../reports/ranking.js';
import { criterionText, plainCriteria, quotedCriterion, reCriteriaCommand, scoredCriteria } from '../domain/applications.js';
import { nameKey } from '../domain/text.js';

type Opts = { format?: string; output?: string; year?: string };

/** The ranking as a table: applicants by name first (with the rank, the columns that stay in view when the table is split), then the application's id. */
/**
 * `plain`: the call's criteria written as plain texts, without the ids scores name: with no other
 * criteria the note says so and how to give them ids, rather than that the call has none.
 */
export function rankingTable(ctx: CommandContext, r: Ranking, orgName: (id: string) => string = (id) => id, criterionName: (id: string) => string = (id) => id, plain: { texts: readonly string[]; command: string } = { texts: [], command: '' }): Table {
  const numbers = Array.from({ length: r.assessors }, (_, i) => i + 1);
  const uncounted = r.applications.some((a) => a.uncounted > 0);
  // The day each came, beside the deadline, when one came after it (a column only then): the others kept it.
  const late = r.applications.filter((a) => a.late);
  // Only applications ranked and not yet decided are held against the money left: with none (all
  // decided, or no budget) the column would be empty in every row, and is left out; the notes say what is left.
  const budgetLine = r.applications.some((a) => a.withinBudget !== null);
  // The scores by criterion: with one assessor and few criteria a column for each criterion,
  // headed by its name; else a column for each assessor, each score named by its criterion
  // (`Kvalitet 4, Dækning 5`). Never bare numbers in a row, which read as a fraction.
  const byCriterion = r.assessors === 1 && r.criteria.length <= CRITERION_COLUMNS;
  const scoreOf = (a: Ranking['applications'][number], n: number, c: string) => a.scores.find((x) => x.assessor === n && x.criterion === c)?.score;
  const columns: Column[] = [
    { header: ctx.t('ranking.rank'), align: 'right' },
    { header: ctx.t('ranking.organisations') },
    { header: ctx.t('ranking.application') },
    ...(byCriterion ? r.criteria.map((c) => ({ header: criterionName(c.id).replace(/\.$/, ''), align: 'right' as const }))
      : numbers.map((n) => ({ header: ctx.t('ranking.assessor', { n }) }))),
    { header: ctx.t('ranking.total'), align: 'right' },
    // Where a disqualified assessor's scores were left out, the row says so (a column only when one was).
    ...(uncounted ? [{ header: ctx.t('ranking.uncounted') }] : []),
    ...(late.length > 0 ? [{ header: ctx.t('ranking.received') }] : []),
    { header: ctx.t('ranking.decision') },
    { header: ctx.t('ranking.applied'), align: 'right' },
    { header: ctx.t('ranking.granted'), align: 'right' },
    ...(budgetLine ? [{ header: ctx.t('ranking.withinBudget') }] : []),
  ];
  const amount = (n: number | null): Cell => (n === null ? '' : { text: formatAmount(n, ctx.lang), value: n });
  const rows: Cell[][] = r.applications.map((a) => [
    a.rank ?? { text: ctx.t('ranking.notRanked'), value: null, tone: 'muted' },
    a.organisations.map(orgName).join(', '),
    applicationLabel(a, r.applications),
    ...(byCriterion ? r.criteria.map((c): Cell => scoreOf(a, 1, c.id) ?? '–')
      // Each score after its criterion's text in quotes and a colon, so a text ending in a number (`i 2024`) is not read into the score.
      : numbers.map((n) => r.criteria.map((c) => `${quotedCriterion(criterionName(c.id), ctx.lang)}: ${scoreOf(a, n, c.id) ?? '–'}`).join(', '))),
    a.total === null ? '' : { text: formatNumber(a.total, ctx.lang, Number.isInteger(a.total) ? 0 : 2), value: a.total },
    ...(uncounted ? [a.uncounted > 0 ? { text: ctx.t('ranking.uncountedCell', { count: a.uncounted }), tone: 'warn' as const } : ''] : []),
    ...(late.length > 0 ? [a.late ? { text: ctx.t('ranking.lateCell', { date: formatDate(a.received, ctx.lang) }), value: a.received, tone: 'warn' as const } : { text: formatDate(a.received, ctx.lang), value: a.received }] : []),
    // A refusal on formal grounds says its ground (`afslag: ikke berettiget`): it is why the application is not ranked.
    a.decision ? (a.formal ? ctx.t('ranking.decisionFormal', { decision: ctx.t(`value.${a.decision}`), ground: ctx.t(`value.${a.formal}`) }) : ctx.t(`value.${a.decision}`)) : '',
    amount(a.amountApplied),
    amount(a.amountGranted),
    ...(budgetLine ? [a.withinBudget === null ? '' : a.withinBudget ? ctx.t('ranking.yes') : { text: ctx.t(a.tiedAtLine ? 'ranking.tiedAtLine' : 'ranking.no', { rank: a.rank ?? 0 }), tone: 'warn' as const }] : []),
  ]);
  // No applications: said in words, not as criteria and a budget line of dashes and nothing spent.
  if (r.applications.length === 0) return { columns, rows, notes: [ctx.t('ranking.noApplications', { call: r.call })], keyColumns: 2 };
  // The criteria by their wording (a sentence each, its full stop left to the note), numbered in the order the scores are.
  const criteria = r.criteria.map((c, i) => ctx.t('ranking.criterionItem', { n: i + 1, text: criterionName(c.id).replace(/\.$/, ''), weight: formatNumber(c.weight, ctx.lang, Number.isInteger(c.weight) ? 0 : 2) }));
  // Nothing to score against, or nothing scored yet: said so, with the command that puts it right.
  const toAssess = r.applications.find((a) => a.decision !== 'withdrawn' && !a.formal) ?? r.applications[0];
  const notes = [criteria.length === 0 && plain.texts.length > 0 ? ctx.t('ranking.criteriaWithoutIds', { criteria: quotedCriteria(ctx, plain.texts), command: plain.command })
    : criteria.length === 0 ? ctx.t('ranking.noCriteria', { call: r.call })
    : r.assessors === 0 ? ctx.t(r.uncounted.assessors > 0 ? 'ranking.noCountedAssessments' : 'ranking.noAssessments', { criteria: criteria.join('; '), id: toAssess.id })
    : ctx.t('ranking.criteriaWeights', { criteria: criteria.join('; ') })];
  // Plain texts beside the scored criteria are not scored: the ranking leaves them out, and says so.
  if (criteria.length > 0 && plain.texts.length > 0) notes.push(ctx.t('ranking.unscoredCriteria', { count: plain.texts.length, criteria: quotedCriteria(ctx, plain.texts), command: plain.command }));
  if (r.uncounted.assessors > 0) {
    const organisations = andList(r.uncounted.organisations.map(orgName));
    notes.push(ctx.t('ranking.uncountedNote', { count: r.uncounted.assessors, organisations, orgCount: r.uncounted.organisations.length, apps: r.applications.filter((a) => a.uncounted > 0).length, id: r.applications.find((a) => a.uncounted > 0)!.id }));
  }
  if (late.length > 0) notes.push(ctx.t('ranking.lateNote', { count: late.length, deadline: formatDate(r.deadline, ctx.lang), ids: late.map((a) => a.id).join(', ') }));
  notes.push(...moneyNotes(ctx, r));
  return { columns, rows, notes };
}

/** The most criteria given a column each (with one assessor): more would not fit a terminal beside the rest. */
const CRITERION_COLUMNS = 3;

/** An application as the ranking names it: by its title, with its id where another has the same title (or by its id when it has none). */
function applicationLabel(a: Ranking['applications'][number], all: Ranking['applications']): string {
  if (!a.title) return a.id;
  const key = nameKey(a.title);
  return all.some((o) => o !== a && o.title && nameKey(o.title) === key) ? `${a.title} (${a.id})` : a.title;
}

/**
 * Criteria to be given again by the command beside them: each quoted as written, its full stop
 * kept, so the sentence names them as the command (what the user types) does.
 */
function quotedCriteria(ctx: CommandContext, texts: readonly string[]): string {
  return texts.map((t) => ctx.t('audit.fmt.quoted', { text: t })).join(', ');
}

/** Which year's money the ranking is held against and why, what is left of it, and where it runs out. */
function moneyNotes(ctx: CommandContext, r: Ranking): string[] {
  const amount = (n: number) => formatAmount(n, ctx.lang);
  const notes = [ctx.t(`ranking.year.${r.yearSource}` as MessageKey, { year: r.year, leftOut: r.yearLeftOut })];
  if (r.budget === null || r.available === null || r.committed === null || r.pool === null) notes.push(ctx.t('ranking.noBudget', { year: r.year }));
  else {
    const money = { pool: r.pool.name, year: r.year, budget: amount(r.budget), committed: amount(r.committed), available: amount(r.available), over: amount(-r.available) };
    const said = [ctx.t(r.available < 0 ? 'ranking.moneyOvercommitted' : r.committed === 0 ? 'ranking.moneyNoneGranted' : 'ranking.money', money)];
    const ranked = r.applications.filter((a) => a.cumulative !== null);
    if (ranked.length > 0 && r.available >= 0) {
      const asked = ranked[ranked.length - 1].cumulative!;
      if (asked <= r.available) said.push(ctx.t('ranking.budgetCoversAll', { asked: amount(asked), left: amount(r.available - asked) }));
      // The line inside a shared rank: said as the line is, with why the ranking cannot draw it there.
      else if (r.tieAtLine) said.push(ctx.t('ranking.budgetLineTie', { above: r.lastRankWithinBudget ?? 0, rank: r.tieAtLine.rank, count: r.tieAtLine.count, asked: amount(r.tieAtLine.asked), left: amount(r.tieAtLine.left) }));
      else if (!r.lastRankWithinBudget) said.push(ctx.t('ranking.budgetCoversNone', { rank: r.firstUndecidedRank ?? 1 }));
      else said.push(ctx.t('ranking.budgetLine', { rank: r.lastRankWithinBudget }));
    }
    notes.push(said.join(' '));
  }
  if (r.otherYears.length > 0) {
    const years = [...new Set(r.otherYears.flatMap((a) => a.years))].sort((x, y) => x - y);
    notes.push(ctx.t('ranking.otherYears', { count: r.otherYears.length, ids: r.otherYears.map((a) => a.id).join(', '), year: r.year, years: years.join(', ') }));
  }
  return notes;
}

export async function ranking(ctx: CommandContext, opts: Opts, args: unknown[]): Promise<number> {
  const id = String(args[0]);
  // Agreements too: what they already grant from the pool is not left for the applications (nor what is granted through calls).
  const folder = loadValidFolder(ctx, ['call', 'application', 'pool', 'organisation', 'agreement']);
  const call = folder.records.call.get(id);
  if (!call) throw new UserError('register.notFound', { kind: { key: 'kind.call' }, id });
  const year = opts.year === undefined ? undefined : yearOption(opts.year, '--year');
  const report = buildRanking(folder, call, ctx.today, { year });
  const byId = new Map(scoredCriteria(call).map((c) => [c.id, criterionText(c, ctx.lang)]));
  const table = rankingTable(ctx, report, (o) => folder.records.organisation.get(o)?.name ?? o, (id) => byId.get(id) ?? id, { texts: plainCriteria(call), command: reCriteriaCommand(call, folder.settings?.language ?? ctx.lang) });
  const heading = ctx.t('ranking.heading', { call: call.title, count: report.applications.length });
  if (opts.output !== undefined && extname(opts.output).toLowerCase() === '.xlsx') {
    if (opts.format !== undefined) throw new UserError('ranking.xlsxFormat');
    const { viewSheets } = await import('../spreadsheets/export/overviews.js');
    const { sheetsToXlsx } = await import('../spreadsheets/export/files.js');
    const { sheets } = viewSheets({ heading, tables: [{ ...table, title: call.id }] }, call.id);
    writeOutputFile(ctx, opts.output, await sheetsToXlsx(sheets));
    ctx.stderr.write(ctx.t('export.written', { rows: sheets[0].rows.length, file: opts.output }) + '\n');
    return EXIT.ok;
  }
  emit(ctx, opts, { heading, tables: [table], json: report });
  return EXIT.ok;
}
