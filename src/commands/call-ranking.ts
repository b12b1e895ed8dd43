// `civsam call ranking CALL`: the call's applications by weighted total, with each assessor's
// scores (by number, never by name), the decision and amounts, and the line where the pool's money
// for the year runs out. Table, JSON, CSV, Markdown, or an .xlsx workbook with --output FILE.xlsx.
import { extname, resolve } from 'node:path';
import type { CommandContext } from '../context/context.js';
import { dataFolderName } from '../context/data-folder.js';
import { loadFolder } from '../context/load.js';
import { emit, writeOutputFile } from '../context/output.js';
import { EXIT, UserError } from '../domain/errors.js';
import { formatAmount, formatNumber } from '../i18n/format.js';
import type { Cell, Column, Table } from '../output/table.js';
import { buildRanking, type Ranking } from '../reports/ranking.js';

type Opts = { format?: string; output?: string; year?: string };

/** The ranking as a table: applicants by name first (with the rank, the columns that stay in view when the table is split), then the application's id. */
export function rankingTable(ctx: CommandContext, r: Ranking, orgName: (id: string) => string = (id) => id): Table {
  const numbers = Array.from({ length: r.assessors }, (_, i) => i + 1);
  const columns: Column[] = [
    { header: ctx.t('ranking.rank'), align: 'right' },
    { header: ctx.t('ranking.organisations') },
    { header: ctx.t('ranking.application') },
    ...numbers.map((n) => ({ header: ctx.t('ranking.assessor', { n }), align: 'right' as const })),
    { header: ctx.t('ranking.total'), align: 'right' },
    { header: ctx.t('ranking.decision') },
    { header: ctx.t('ranking.applied'), align: 'right' },
    { header: ctx.t('ranking.granted'), align: 'right' },
    { header: ctx.t('ranking.withinBudget') },
  ];
  const amount = (n: number | null): Cell => (n === null ? '' : { text: formatAmount(n, ctx.lang), value: n });
  const rows: Cell[][] = r.applications.map((a) => [
    a.rank ?? { text: ctx.t('ranking.notRanked'), value: null, tone: 'muted' },
    a.organisations.map(orgName).join(', '),
    a.id,
    ...numbers.map((n) => r.criteria.map((c) => a.scores.find((s) => s.assessor === n && s.criterion === c.id)?.score ?? '–').join(' / ')),
    a.total === null ? '' : { text: formatNumber(a.total, ctx.lang, Number.isInteger(a.total) ? 0 : 2), value: a.total },
    a.decision ? ctx.t(`value.${a.decision}`) : '',
    amount(a.amountApplied),
    amount(a.amountGranted),
    a.withinBudget === null ? '' : a.withinBudget ? ctx.t('ranking.yes') : { text: ctx.t('ranking.no'), tone: 'warn' },
  ]);
  // No applications: said in words, not as criteria and a budget line of dashes and nothing spent.
  if (r.applications.length === 0) return { columns, rows, notes: [ctx.t('ranking.noApplications', { call: r.call })], keyColumns: 2 };
  const notes = [ctx.t('ranking.criteriaNote', { criteria: r.criteria.map((c) => c.id).join(' / ') || '—', weights: r.criteria.map((c) => `${c.id} ${formatNumber(c.weight, ctx.lang, Number.isInteger(c.weight) ? 0 : 2)}`).join(', ') || '—' })];
  if (r.budget === null) notes.push(ctx.t('ranking.noBudget', { year: r.year }));
  else if (r.applications.every((a) => a.withinBudget !== false)) {
    const asked = r.applications.reduce((n, a) => Math.max(n, a.cumulative ?? 0), 0);
    notes.push(ctx.t('ranking.budgetCoversAll', { pool: r.pool ?? '', year: r.year, budget: formatAmount(r.budget, ctx.lang), left: formatAmount(r.budget - asked, ctx.lang) }));
  } else notes.push(ctx.t('ranking.budgetLine', { pool: r.pool ?? '', year: r.year, budget: formatAmount(r.budget, ctx.lang), rank: r.lastRankWithinBudget ?? 0 }));
  return { columns, rows, notes, keyColumns: 2 };
}

export async function ranking(ctx: CommandContext, opts: Opts, args: unknown[]): Promise<number> {
  const id = String(args[0]);
  const { folder, problems } = loadFolder(ctx, { reads: ['call', 'application', 'pool', 'organisation'] });
  const errors = problems.filter((p) => p.severity === 'error').length;
  if (errors > 0) throw new UserError('error.invalidData', { count: errors, dir: dataFolderName(ctx) });
  const call = folder.records.call.get(id);
  if (!call) throw new UserError('register.notFound', { kind: { key: 'kind.call' }, id });
  let year: number | undefined;
  if (opts.year !== undefined) {
    year = Number(opts.year);
    if (!/^\d{4}$/.test(opts.year.trim())) throw new UserError('register.badFlagValue', { flag: '--year', expected: { key: 'register.expected.int' } });
  }
  const report = buildRanking(folder, call, year);
  const table = rankingTable(ctx, report, (o) => folder.records.organisation.get(o)?.name ?? o);
  const heading = ctx.t('ranking.heading', { call: call.id, count: report.applications.length });
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
