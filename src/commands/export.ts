// civsam export KIND: the records of a kind as CSV or .xlsx, in the columns `civsam import` reads,
// so a sheet can be exported, corrected in Excel and imported again. Contact persons' data only
// with --include-personal-data, and the command says on stderr which it did.
import { extname, resolve } from 'node:path';
import type { CommandContext } from '../context/context.js';
import { loadValidFolder } from '../context/load.js';
import { writeOutputFile } from '../context/output.js';
import { kindFromName, RECORD_KINDS, type RecordKind } from '../domain/kinds.js';
import { EXIT, UserError } from '../domain/errors.js';
import { sheetToCsv, sheetsToXlsx, xlsxEscapeLike } from '../spreadsheets/export/files.js';
import { exportRecords } from '../spreadsheets/export/records.js';
import type { OverviewName, OverviewOptions } from '../spreadsheets/export/overviews.js';
import { csvDelimiter } from '../output/csv.js';
import { renderCsv } from '../output/table.js';
import { GIVING, OVERVIEW_NAMES, OVERVIEW_WORDS, sheetChoices, unknownSheetKind } from './sheet-kind.js';

interface Options extends OverviewOptions {
  format?: string;
  output?: string;
  overwrite?: boolean;
  includePersonalData?: boolean;
}


const SHEET_NAME: Record<RecordKind, { en: string; da: string }> = {
  organisation: { en: 'Organisations', da: 'Organisationer' },
  offer: { en: 'Offers', da: 'Tilbud' },
  agreement: { en: 'Agreements', da: 'Aftaler' },
  pool: { en: 'Pools', da: 'Puljer' },
  call: { en: 'Calls', da: 'Opslag' },
  'hearing-party': { en: 'Hearing parties', da: 'Høringsparter' },
  consultation: { en: 'Consultations', da: 'Høringer' },
  application: { en: 'Applications', da: 'Ansøgninger' },
};

export function exportFormat(opts: Options): 'csv' | 'xlsx' {
  const f = (opts.format ?? (opts.output ? extname(opts.output).slice(1).toLowerCase() : 'csv')) || 'csv';
  if (f !== 'csv' && f !== 'xlsx') throw new UserError('export.formatUnknown', { format: f });
  if (f === 'xlsx' && opts.output === undefined) throw new UserError('export.xlsxNeedsOutput');
  return f;
}

export async function run(ctx: CommandContext, opts: Options, args: unknown[]): Promise<number> {
  const typed = args.filter((a): a is string => typeof a === 'string');
  const name = typed[0].toLowerCase();
  const refuse = () => unknownSheetKind('export', typed, sheetChoices('export', RECORD_KINDS), ctx.lang, opts.output !== undefined);
  // Grants in the 360Giving Data Standard: their own module, loaded only for this.
  if (name === GIVING && typed.length === 1) return (await import('./export-360giving.js')).run(ctx, opts);
  const overviewName = OVERVIEW_WORDS.includes(name) ? (typed[1] ?? '').toLowerCase() : name.startsWith('overview-') ? name.slice(9) : undefined;
  if (overviewName !== undefined) {
    const overview = Object.hasOwn(OVERVIEW_NAMES, overviewName) ? OVERVIEW_NAMES[overviewName] : undefined;
    if (!overview || typed.length > (name.startsWith('overview-') ? 1 : 2)) throw refuse();
    return exportOverview(ctx, opts, overview);
  }
  const kind = kindFromName(name);
  if (!kind || typed.length > 1) throw refuse();
  const format = exportFormat(opts);
  const folder = loadValidFolder(ctx, [kind]);
  const includePersonal = !!opts.includePersonalData;
  const { sheet, personalOmitted, assessorsNumbered, holdsPersonal } = exportRecords(folder, kind, {
    lang: ctx.lang, includePersonal,
    listSeparator: format === 'csv' && csvDelimiter(ctx.lang) === ',' ? ';' : ',',
    sheetName: SHEET_NAME[kind][ctx.lang],
  });
  const bytes = format === 'xlsx' ? await sheetsToXlsx([sheet]) : sheetToCsv(sheet, ctx.lang);
  write(ctx, opts, bytes, sheet.rows.length);
  const escapeLike = format === 'xlsx' ? xlsxEscapeLike([sheet]) : 0;
  if (escapeLike > 0) ctx.stderr.write(ctx.errColor.yellow(ctx.t('export.xlsxEscapeLike', { cells: escapeLike })) + '\n');
  if (personalOmitted) ctx.stderr.write(ctx.t('export.personalOmitted') + '\n');
  if (assessorsNumbered) ctx.stderr.write(ctx.t('export.assessorsNumbered') + '\n');
  if (holdsPersonal) ctx.stderr.write(ctx.errColor.yellow(ctx.t(kind === 'organisation' ? 'export.personalIncluded' : 'export.personalIncludedAssessors')) + '\n');
  return EXIT.ok;
}

/** An overview's spreadsheet tables: CSV exactly as `civsam overview … --format csv` writes it, or one sheet per table. */
async function exportOverview(ctx: CommandContext, opts: Options, name: OverviewName): Promise<number> {
  if (opts.includePersonalData) throw new UserError('export.personalOverview');
  const format = exportFormat(opts);
  const { overviewView, viewSheets } = await import('../spreadsheets/export/overviews.js');
  const view = overviewView(ctx, name, opts);
  const { tables, sheets } = viewSheets(view, ctx.t(`export.overview.${name}`));
  const bytes = format === 'xlsx' ? await sheetsToXlsx(sheets) : renderCsv(tables, ctx.lang);
  write(ctx, opts, bytes, sheets.reduce((n, s) => n + s.rows.length, 0));
  return EXIT.ok;
}

function write(ctx: CommandContext, opts: Options, bytes: string | Uint8Array, rows: number): void {
  if (opts.output !== undefined) {
    // writeFileAtomic hands its data to fs.writeSync, which writes bytes as they are.
    // An export is corrected in a spreadsheet and imported again: never replaced without --overwrite.
    writeOutputFile(ctx, opts.output, bytes as string, { replace: opts.overwrite === true });
    ctx.stderr.write(ctx.t('export.written', { rows, file: opts.output }) + '\n');
  } else {
    ctx.stdout.write(bytes as string);
  }
}
