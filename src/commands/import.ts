// civsam import KIND FILE: records from a spreadsheet (CSV or .xlsx), all rows or none. The rows
// are read, mapped and checked as a whole before anything is written; the records are written
// through the register's write path (lock, atomic replace, read-back check, one git commit).
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { CommandContext } from '../context/context.js';
import { dataFolderName } from '../context/data-folder.js';
import { writeFileAtomic } from '../context/output.js';
import { EXIT, UserError } from '../domain/errors.js';
import { labelInSentence, translate, type Language, type Message } from '../i18n/index.js';
import { readFolder, type RawFolder } from '../store/load-folder.js';
import { noCache, openParseCache } from '../store/parse-cache.js';
import { readInParallel } from '../store/parallel-read.js';
import { limitMessage, readNamedInput } from '../store/read-file.js';
import { MAX_FILE_BYTES, parseStrict } from '../store/yaml-read.js';
import { headerMapFrom, columnLabel, withHeaderRow, type HeaderMap } from '../spreadsheets/import/headers.js';
import { kindFromName } from '../domain/kinds.js';
import { IMPORT_KINDS, planImport, type ImportKind, type ImportPlan, type RowProblem } from '../spreadsheets/import/plan.js';
import { MAX_IMPORT_BYTES, readSheet, type Sheet } from '../spreadsheets/import/sheet.js';
import { csvDelimiter, encodeCsv } from '../output/csv.js';
import { renderTerminalTable } from '../output/table.js';
import { displayWidth, padToWidth } from '../output/text-width.js';
import { checkFolder } from '../validate/check-folder.js';
import type { DataFolder } from '../domain/folder.js';
import { applyChange } from '../register/apply-change.js';
import { refuseFolderWithErrors, resolveDataDir } from '../context/load.js';
import { isInsideFolder, pathExists } from '../store/paths.js';
import { defaultedFields, fillDefaults, newId as registerId, type DefaultSource } from '../register/build.js';
import { columnsOf } from '../spreadsheets/import/columns.js';
import { fieldLabel, valueLabel } from '../i18n/values.js';
import type { ImportDefaults } from '../spreadsheets/import/plan.js';
import { sheetChoices, unknownSheetKind } from './sheet-kind.js';

interface Options {
  sheet?: string;
  map?: string;
  update?: boolean;
  dryRun?: boolean;
  skipInvalid?: boolean;
  rejected?: string;
  force?: boolean;
  commit?: boolean;
}


export function importKind(name: string, lang: Language): ImportKind {
  const kind = kindFromName(name);
  if (!kind || !(IMPORT_KINDS as readonly string[]).includes(kind)) throw unknownSheetKind('import', [name], sheetChoices('import', IMPORT_KINDS), lang);
  return kind as ImportKind;
}

export async function run(ctx: CommandContext, opts: Options, args: unknown[]): Promise<number> {
  const kind = importKind(String(args[0]), ctx.lang);
  const file = String(args[1]);
  // Only --skip-invalid writes the rejected rows: a bad --rejected is refused before anything is read.
  if (opts.skipInvalid && opts.rejected !== undefined) refuseRejectedFile(ctx, opts.rejected, opts.force === true);
  const path = resolve(ctx.cwd, file);
  const read = await readInput(path, file, opts.sheet, waitingFor(ctx, file));
  const map = opts.map !== undefined ? await readHeaderMap(resolve(ctx.cwd, opts.map), opts.map, waitingFor(ctx, opts.map)) : undefined;
  // A title above the headers (a merged cell "Organisationer" in row 1) is passed over, and said.
  const { sheet, titleRows } = withHeaderRow(kind, read, map);
  ctx.stderr.write(ctx.t('import.read', { file, rows: sheet.rows.length, what: describeSheet(ctx, sheet) }) + '\n');
  if (titleRows.length > 0) ctx.stderr.write(ctx.t('import.headerRowBelowTitle', { row: sheet.header.row, count: titleRows.length, first: titleRows[0] }) + '\n');
  const kindName: Message = { key: `import.kinds.${kind}` };

  if (opts.dryRun) {
    const dir = resolveDataDir(ctx);
    const raw = readFolder(dir, ctx.env.CIVSAM_NO_CACHE ? noCache : openParseCache(dir, ctx.env, ctx.version), readInParallel);
    const checked = checkFolder(raw);
    refuseFolderWithErrors(ctx, checked.problems);
    const plan = planImport({ kind, sheet, raw, folder: checked.folder, update: !!opts.update, lang: ctx.lang, map, newId, defaults: registerDefaults(ctx, checked.folder), today: ctx.today });
    const bad = reportProblems(ctx, plan, sheet, map);
    ctx.stdout.write(planTable(ctx, plan));
    ctx.stderr.write(ctx.t('import.summary', { kind: kindName, ...counts(plan) }) + '\n');
    const used = defaultsLine(ctx, plan);
    if (used) ctx.stderr.write(used + '\n');
    if (bad && !opts.skipInvalid) ctx.stderr.write(ctx.errColor.red(refusal(ctx, plan, sheet)) + '\n');
    ctx.stderr.write(ctx.t('import.dryRun') + '\n');
    return plan.sheetProblems.length || (bad && !opts.skipInvalid) ? EXIT.invalid : EXIT.ok;
  }

  let plan: ImportPlan | undefined;
  let rejectedFile: string | undefined;
  let rejectedText: string | undefined;
  const result = await applyChange(ctx, { commit: opts.commit !== false }, (session) => {
    refuseFolderWithErrors(ctx, session.checked.problems);
    plan = planImport({ kind, sheet, raw: session.raw as RawFolder, folder: session.folder as DataFolder, update: !!opts.update, lang: ctx.lang, map, newId, defaults: registerDefaults(ctx, session.folder), today: ctx.today });
    const bad = reportProblems(ctx, plan, sheet, map);
    if (plan.sheetProblems.length) throw new UserError('import.refusedSheet');
    if (bad && !opts.skipInvalid) throw new UserError('import.refused', { rows: plan.rejected.length, total: sheet.rows.length });
    if (bad) {
      rejectedFile = opts.rejected ?? join(dirname(file), `${basename(file, extname(file))}.rejected.csv`);
      // Checked again now (the folder is locked): a refusal here still writes nothing. The default
      // file beside the input is civsam's own and is replaced on the next run.
      refuseRejectedFile(ctx, rejectedFile, opts.force === true || opts.rejected === undefined);
      rejectedText = rejectedCsv(ctx, sheet, plan, map);
    }
    return plan.records.filter((r) => r.action !== 'unchanged').map((r) => ({ kind, id: r.id, record: r.record }));
  });
  // The rejected rows are written only once the valid ones are in: a refused import leaves no file
  // that looks like the rest went in. An import finished after a Ctrl-C (the records were going in
  // already) is in, and reports as one, but ends with the stop's exit code.
  if (result.exitCode !== EXIT.ok && result.written.length === 0) return result.exitCode;
  if (rejectedFile !== undefined && rejectedText !== undefined) writeFileAtomic(resolve(ctx.cwd, rejectedFile), rejectedText);
  const c = counts(plan!);
  ctx.stdout.write(ctx.t(c.created + c.updated === 0 && rejectedFile === undefined ? 'import.nothing' : 'import.done', { kind: kindName, ...c }) + '\n');
  const used = defaultsLine(ctx, plan!);
  if (used) ctx.stdout.write(used + '\n');
  if (rejectedFile !== undefined) ctx.stderr.write(ctx.errColor.yellow(ctx.t('import.skipped', { rows: plan!.rejected.length, file: rejectedFile })) + '\n');
  if (result.exitCode !== EXIT.ok) return result.exitCode;
  return rejectedFile !== undefined ? EXIT.findings : EXIT.ok;
}

/** Said when a named pipe keeps the import waiting for its writer. */
export function waitingFor(ctx: CommandContext, shown: string): () => void {
  return () => ctx.stderr.write(ctx.errColor.yellow(ctx.t('input.waitingForPipe', { file: shown })) + '\n');
}

async function readInput(path: string, shown: string, sheetName: string | undefined, waiting: () => void): Promise<Sheet> {
  const bytes = await readNamedInput(path, { shown, limit: MAX_IMPORT_BYTES, waiting, tooLarge: () => new UserError('import.error.tooLarge', { file: shown, limit: MAX_IMPORT_BYTES / 1024 / 1024 }) });
  return readSheet(path, bytes, { sheet: sheetName });
}

/** Ids as the register commands give them (an agreement's `2026-psyk-004`), counting the ids this import has given. */
function newId(kind: ImportKind, record: Record<string, unknown>, taken: (id: string) => boolean, ids: () => Iterable<string>): string | undefined {
  const records = { [kind]: { has: taken, keys: () => ids()[Symbol.iterator]() } };
  return registerId(kind, record, { records } as unknown as DataFolder);
}

/** The register's own defaults (what `add` fills in), for the rows that leave a field out. */
function registerDefaults(ctx: CommandContext, folder: DataFolder): ImportDefaults {
  return {
    fields: (kind) => defaultedFields(kind),
    fill: (kind, record) => fillDefaults(kind, record, folder, ctx.today),
  };
}

/**
 * Which defaults the new records took, in words: `status = aktiv (12 rækker), registreret = i dag
 * (12 rækker)`. Field labels are the sheet's headers in the language, values the schema's labels;
 * never a cell's content.
 */
function defaultsLine(ctx: CommandContext, plan: ImportPlan): string | undefined {
  const byField = new Map<string, { source: DefaultSource; rows: number }>();
  for (const r of plan.records) {
    if (r.action !== 'create') continue;
    for (const d of r.defaults) {
      const entry = byField.get(d.field) ?? { source: d.source as DefaultSource, rows: 0 };
      entry.rows++;
      byField.set(d.field, entry);
    }
  }
  if (byField.size === 0) return undefined;
  const columns = columnsOf(plan.kind);
  const order = defaultedFields(plan.kind);
  const items = [...byField].sort(([a], [b]) => order.indexOf(a) - order.indexOf(b)).map(([field, { source, rows }]) => ctx.t('import.defaultItem', {
    column: labelInSentence(ctx.lang, columns.find((c) => c.field === field)?.header[ctx.lang] ?? field),
    value: source.from === 'value' ? valueLabel(ctx.lang, source.value) : ctx.t(source.from === 'today' ? 'import.defaultToday' : 'import.defaultOrganisation'),
    rows,
  }));
  return ctx.t('import.defaultsUsed', { items: items.join(', ') });
}

async function readHeaderMap(path: string, shown: string, waiting: () => void): Promise<HeaderMap> {
  const bytes = await readNamedInput(path, { shown, limit: MAX_FILE_BYTES, waiting, tooLarge: () => new UserError('input.tooLarge', { file: shown, limit: limitMessage(MAX_FILE_BYTES) }) });
  const parsed = parseStrict(bytes.toString('utf8'));
  const first = parsed.problems.find((p) => p.severity === 'error');
  if (first) throw new UserError('import.error.mapUnreadable', { file: shown, line: first.line, col: first.col });
  const map = headerMapFrom(parsed.data);
  if (!map) throw new UserError('import.error.mapFile', { file: shown });
  return map;
}

/**
 * The rejected rows never go into the data folder (whatever `..` or symbolic links the path takes
 * to get there): only records and civsam's own files belong there. Nor over an existing file,
 * unless the user said --force.
 */
function refuseRejectedFile(ctx: CommandContext, file: string, mayOverwrite: boolean): void {
  const target = resolve(ctx.cwd, file);
  if (isInsideFolder(resolveDataDir(ctx), target)) throw new UserError('import.error.rejectedInData', { file, dir: dataFolderName(ctx) });
  if (!mayOverwrite && pathExists(target)) throw new UserError('import.error.rejectedExists', { file });
}

function describeSheet(ctx: CommandContext, sheet: Sheet): string {
  if (sheet.format === 'xlsx') return ctx.t('import.read.xlsx', { sheet: sheet.sheetName ?? '' });
  const delimiter = sheet.delimiter === '\t' ? ctx.t('import.delimiter.tab') : sheet.delimiter ?? ',';
  return ctx.t('import.read.csv', { delimiter, encoding: sheet.encoding === 'utf-8-bom' ? 'UTF-8 (BOM)' : (sheet.encoding ?? 'utf-8').toUpperCase() });
}

/** Where a problem is: `row 5, column C (patientgrupper)`; a header civsam does not know is not quoted (it may be data). */
export function where(ctx: CommandContext, p: RowProblem, sheet: Sheet, kind: ImportKind, map: HeaderMap | undefined): string {
  if (p.row === undefined) return '';
  if (p.column === undefined) return ctx.t('import.where.row', { row: p.row });
  return ctx.t('import.where.rowColumn', { row: p.row, column: columnLabel(kind, sheet.header.cells[p.column], p.column, map) });
}

function problemLine(ctx: CommandContext, p: RowProblem, sheet: Sheet, plan: ImportPlan, map: HeaderMap | undefined): string {
  const at = where(ctx, p, sheet, plan.kind, map);
  const text = translate(ctx.lang, p.message.key, p.message.params);
  return at ? `${ctx.errColor.bold(at)}: ${text}` : text;
}

/** Every problem on stderr, in row and column order. True when any row or the sheet has one. */
function reportProblems(ctx: CommandContext, plan: ImportPlan, sheet: Sheet, map: HeaderMap | undefined): boolean {
  const all = [...plan.sheetProblems, ...plan.rejected.flatMap((r) => r.problems)];
  all.sort((a, b) => (a.row ?? 0) - (b.row ?? 0) || (a.column ?? -1) - (b.column ?? -1));
  for (const p of all) ctx.stderr.write(problemLine(ctx, p, sheet, plan, map) + '\n');
  return all.length > 0;
}

function refusal(ctx: CommandContext, plan: ImportPlan, sheet: Sheet): string {
  return plan.sheetProblems.length ? ctx.t('import.refusedSheet') : ctx.t('import.refused', { rows: plan.rejected.length, total: sheet.rows.length });
}

function counts(plan: ImportPlan): { created: number; updated: number; unchanged: number } {
  return {
    created: plan.records.filter((r) => r.action === 'create').length,
    updated: plan.records.filter((r) => r.action === 'update').length,
    unchanged: plan.records.filter((r) => r.action === 'unchanged').length,
  };
}

/** What the import would do to each record it changes (unchanged rows are only counted); plain lines when there are many. */
function planTable(ctx: CommandContext, plan: ImportPlan): string {
  const changing = plan.records.filter((r) => r.action !== 'unchanged');
  if (changing.length === 0) return '';
  const rows = changing.map((r) => [String(r.row), ctx.t(`import.action.${r.action}`), r.id, r.changed.map((f, i) => fieldChange(ctx, plan.kind, r, f, i === 0)).join(', ')]);
  const headers = [ctx.t('import.col.row'), ctx.t('import.col.action'), ctx.t('import.col.id'), ctx.t('import.col.changed')];
  if (rows.length > 200) {
    // cli-table3 takes seconds for thousands of rows; aligned columns say the same.
    const widths = headers.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i]))));
    const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? padToWidth(c, widths[0], 'start') : i === cells.length - 1 ? c : padToWidth(c, widths[i]))).join('  ').trimEnd();
    return [ctx.color.bold(line(headers)), ...rows.map(line)].join('\n') + '\n';
  }
  const width = ctx.stdout.isTTY ? ctx.stdout.columns : Number(ctx.env.COLUMNS) || 100;
  return renderTerminalTable({ columns: headers.map((header, i) => ({ header, align: i === 0 ? 'right' : 'left' })), rows }, ctx.lang, width, ctx.color).text;
}

/** What an update does to one field, in words: `Noter fjernes`, `hjemmeside tilføjes`, `slut ændres`. */
function fieldChange(ctx: CommandContext, kind: ImportKind, r: ImportPlan['records'][number], field: string, first: boolean): string {
  const label = fieldLabel(ctx.lang, kind, field);
  const how = r.before?.[field] === undefined ? 'added' : r.record[field] === undefined ? 'removed' : 'changed';
  return ctx.t(`import.fieldChange.${how}`, { field: first ? label : labelInSentence(ctx.lang, label) });
}

/** The rejected rows as they were, with a last column saying what is wrong, for correcting and importing again. */
function rejectedCsv(ctx: CommandContext, sheet: Sheet, plan: ImportPlan, map: HeaderMap | undefined): string {
  const delimiter = sheet.format === 'csv' && sheet.delimiter ? sheet.delimiter : csvDelimiter(ctx.lang);
  const byRow = new Map(plan.rejected.map((r) => [r.row, r.problems]));
  const rows = [[...sheet.header.cells, ctx.t('import.rejectedHeader')]];
  for (const r of sheet.rows) {
    const problems = byRow.get(r.row);
    if (!problems) continue;
    const text = problems.map((p) => `${where(ctx, p, sheet, plan.kind, map)}: ${translate(ctx.lang, p.message.key, p.message.params)}`).join('\n');
    const cells = [...r.cells];
    while (cells.length < sheet.header.cells.length) cells.push('');
    rows.push([...cells, text]);
  }
  return encodeCsv(rows, { delimiter, lang: ctx.lang });
}

export { IMPORT_KINDS };
