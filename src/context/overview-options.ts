// What the overview commands share: reading --as-of, turning filter values into ids (refusing
// unknown ones with exit 2 and the known values), and writing the report in the chosen format.
import type { CommandContext } from './context.js';
import { loadValidPart } from './load.js';
import { leftOutCounts, type LeftOut, type LeftOutCounts, type LeftOutRecord } from '../validate/valid-part.js';
import { chooseFormat, emit } from './output.js';
import { dateOption } from '../domain/dates.js';
import type { DataFolder } from '../domain/folder.js';
import { AREAS, type Area, type RecordKind } from '../domain/kinds.js';
import { EXIT, UserError } from '../domain/errors.js';
import { listWords, translate, type MessageKey } from '../i18n/index.js';
import { notCounted, type ReportView } from '../output/labels.js';
import { wrapForTerminal } from '../output/table.js';
import type { CoverageFilter } from '../reports/coverage.js';
import type { ExpiringFilter } from '../reports/expiring.js';
import type { FundingFilter } from '../reports/funding.js';
import type { OffersFilter } from '../reports/offers.js';
import { select, type Selectable } from '../reports/select.js';

export interface OutputOptions {
  format?: string;
  output?: string;
  asOf?: string;
}

/** Checks the output options before any work is done, and gives the report's date. */
export function start(ctx: CommandContext, opts: OutputOptions): { asOf: string } {
  chooseFormat(opts);
  return { asOf: asOfDate(ctx, opts.asOf) };
}

/** --as-of, or today: a real calendar date written YYYY-MM-DD. */
export function asOfDate(ctx: CommandContext, value: string | undefined): string {
  return dateOption(value, '--as-of', ctx.today);
}

/** The ids the option's values name; an unknown value is refused, with the known ones where they are few. */
export function selected(ctx: CommandContext, folder: DataFolder, kind: Selectable, option: string, values: string[] | undefined): string[] {
  if (!values?.length) return [];
  const { ids, unknown } = select(kind, values, folder);
  if (unknown.length) {
    const hint = kind === 'organisation'
      ? ctx.t('overview.hint.organisation')
      : known(folder, kind).length === 0 ? ctx.t('overview.hint.none') : ctx.t('overview.hint.known', { list: known(folder, kind).join(', ') });
    throw new UserError('overview.error.unknown', { option, kind: ctx.t(`overview.kind.${kind}` as MessageKey), values: unknown.join(', '), hint });
  }
  return ids;
}

export function selectedAreas(ctx: CommandContext, folder: DataFolder, values: string[] | undefined): Area[] {
  return selected(ctx, folder, 'area', '--area', values) as Area[];
}

/** The overviews' filter options, as `civsam overview …` and `civsam export overview-…` both take them. */
export interface OverviewFilters {
  area?: string[];
  patientGroup?: string[];
  municipality?: string[];
  organisation?: string[];
  type?: string[];
  pool?: string[];
  within?: string;
}

// Each overview's filter from its options, in one place for the overview and its export: the
// values are turned into ids (unknown ones refused) in the order the options are listed.

export function offersFilter(ctx: CommandContext, folder: DataFolder, opts: OverviewFilters): OffersFilter {
  return {
    areas: selectedAreas(ctx, folder, opts.area),
    patientGroups: selected(ctx, folder, 'patient-group', '--patient-group', opts.patientGroup),
    municipalities: selected(ctx, folder, 'municipality', '--municipality', opts.municipality),
    organisations: selected(ctx, folder, 'organisation', '--organisation', opts.organisation),
    types: selected(ctx, folder, 'offer-type', '--type', opts.type),
  };
}

export function coverageFilter(ctx: CommandContext, folder: DataFolder, opts: OverviewFilters): CoverageFilter {
  return { areas: selectedAreas(ctx, folder, opts.area), patientGroups: selected(ctx, folder, 'patient-group', '--patient-group', opts.patientGroup) };
}

/** `years`: --year's values, read (yearOption) before the folder is. */
export function fundingFilter(ctx: CommandContext, folder: DataFolder, opts: OverviewFilters, years: number[]): FundingFilter {
  return { years, pools: selected(ctx, folder, 'pool', '--pool', opts.pool), areas: selectedAreas(ctx, folder, opts.area) };
}

export function expiringFilter(ctx: CommandContext, folder: DataFolder, opts: OverviewFilters): ExpiringFilter {
  return { areas: selectedAreas(ctx, folder, opts.area), organisations: selected(ctx, folder, 'organisation', '--organisation', opts.organisation) };
}

/** --within's days (a whole number, at most five digits), refused otherwise; undefined when not given (the folder's policy then says). */
export function withinDays(within: string | undefined): number | undefined {
  if (within !== undefined && !/^\d{1,5}$/.test(within)) throw new UserError('overview.error.within', { value: within });
  return within !== undefined ? Number(within) : undefined;
}

function known(folder: DataFolder, kind: Selectable): string[] {
  switch (kind) {
    case 'area': return [...AREAS];
    case 'patient-group': return folder.vocabularies.patientGroups.map((g) => g.id);
    case 'municipality': return folder.vocabularies.municipalities.map((m) => m.id);
    case 'offer-type': return folder.vocabularies.offerTypes.map((t) => t.id);
    case 'pool': return [...folder.records.pool.keys()].sort();
    case 'organisation': return [];
  }
}

/**
 * What an overview leaves out, of the kinds it counts (`kinds`): the records of files with errors
 * (and those depending on them) that its numbers lack. Said in every form it is written in: the
 * view's notes (terminal, Markdown), the last lines of its CSV, a `leftOut` list in its JSON; and
 * on stderr, naming each record by its title (its id when it has none) and its file.
 */
export interface NotCounted {
  leftOut: LeftOut;
  kinds: readonly RecordKind[];
}

/** The left-out records of the kinds an overview counts. */
export function notCountedRecords(counted: NotCounted | undefined): LeftOutRecord[] {
  return counted ? counted.leftOut.records.filter((r) => counted.kinds.includes(r.kind)) : [];
}

/**
 * Writes the report: its data as JSON, or its view (made only then) as a table, CSV or Markdown.
 * Returns the records of the counted kinds that were left out (said as NotCounted describes).
 */
export function output(ctx: CommandContext, opts: OutputOptions, json: unknown, view: () => ReportView, counted?: NotCounted): LeftOutRecord[] {
  const missing = notCountedRecords(counted);
  const counts: LeftOutCounts = {};
  for (const r of missing) counts[r.kind] = (counts[r.kind] ?? 0) + 1;
  if (chooseFormat(opts) === 'json') {
    // A field added, none renamed: present only when something the report counts was left out.
    const data = missing.length > 0 && json !== null && typeof json === 'object' ? { ...json, leftOut: missing.map((r) => ({ kind: r.kind, id: r.id, ...(r.title !== undefined ? { title: r.title } : {}), file: r.file })) } : json;
    emit(ctx, opts, { json: data, tables: [] });
  } else {
    const v = view();
    // `csv` is a getter: read it only when CSV is what is written.
    emit(ctx, opts, { json, heading: v.heading, tables: v.tables, csv: 'csv' in v ? () => v.csv ?? v.tables : undefined, closing: notCounted(counted?.kinds ?? [], counts, ctx.lang) });
  }
  if (missing.length > 0) {
    const records = listWords(ctx.lang, missing.map((r) => translate(ctx.lang, r.title !== undefined ? 'overview.leftOutRecord' : 'overview.leftOutRecordUntitled', { kind: { key: `kind.${r.kind}` as MessageKey }, title: r.title ?? '', id: r.id, file: r.file })));
    ctx.stderr.write(ctx.errColor.yellow(wrapForTerminal(ctx.t('overview.leftOutNamed', { count: missing.length, records }), ctx)) + '\n');
  }
  return missing;
}

/**
 * An overview command from start to end: the date and the format checked, the folder loaded (it
 * must be valid), the report built, and written as the options ask. `counts`: the kinds of record
 * whose absence its numbers would not show (said as NotCounted describes).
 */
export function runOverview<R>(ctx: CommandContext, opts: OutputOptions, build: (folder: DataFolder, asOf: string) => R, view: (report: R, folder: DataFolder, leftOut: LeftOutCounts) => ReportView, reads: readonly RecordKind[] | undefined, counts: readonly RecordKind[]): number {
  const { asOf } = start(ctx, opts);
  const { folder, leftOut } = loadValidPart(ctx, reads);
  const report = build(folder, asOf);
  output(ctx, opts, report, () => view(report, folder, leftOutCounts(leftOut)), { leftOut, kinds: counts });
  return EXIT.ok;
}
