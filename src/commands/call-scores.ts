// `civsam call scoring-sheet` and `civsam call import-scores`: an assessor scores a call's
// applications in Excel (one row per application, one column per criterion with an id) and the
// filled sheet comes back all or nothing: a changed list of applications, a changed column or a
// score out of the call's scale refuses the whole sheet, naming each problem's row and column
// (never a cell's content). The assessor's name travels in the workbook's second sheet, so the
// import knows whose scores they are; it is written to the records only.
import { resolve } from 'node:path';
import type { CommandContext } from '../context/context.js';
import { loadValidFolder } from '../context/load.js';
import { writeOutputFile } from '../context/output.js';
import { applicationsOf, reCriteriaCommand, recordedAssessor, scaleOf, scoredCriteria, scoresBy, withScores, type AssessmentDay } from '../domain/applications.js';
import { sameData } from '../domain/plain-data.js';
import { controlCharacterIn } from '../domain/text.js';
import { sameAssessor } from '../domain/personal.js';
import { dateOption } from '../domain/dates.js';
import { EXIT, UserError } from '../domain/errors.js';
import type { DataFolder } from '../domain/folder.js';
import type { Application, Call } from '../domain/kinds.js';
import { andList, type Message } from '../i18n/index.js';
import { formatDate } from '../i18n/format.js';
import { applyChange } from '../register/apply-change.js';
import { refuseTiedAssessor } from './application.js';

type SheetOpts = { assessor?: string; output?: string; overwrite?: boolean };
type ImportOpts = { assessor?: string; date?: string; dryRun?: boolean; commit?: boolean };

/** The sheet that names the call and the assessor (a fixed name: the import looks for it). */
export const ABOUT_SHEET = 'civsam';

function callOf(ctx: CommandContext, id: string): { call: Call; apps: Application[]; folder: DataFolder } {
  const folder = loadValidFolder(ctx);
  const call = folder.records.call.get(id);
  if (!call) throw new UserError('register.notFound', { kind: { key: 'kind.call' }, id });
  if (scoredCriteria(call).length === 0) throw new UserError('application.noScoredCriteria', { call: id, command: reCriteriaCommand(call) });
  const apps = applicationsOf(folder, id).filter((a) => a.decision?.outcome !== 'withdrawn').sort((a, b) => (a.id < b.id ? -1 : 1));
  return { call, apps, folder };
}

export async function scoringSheet(ctx: CommandContext, opts: SheetOpts, args: unknown[]): Promise<number> {
  const id = String(args[0]);
  const typed = opts.assessor?.trim();
  if (!typed) throw new UserError('application.assessorMissing');
  if (!opts.output || !opts.output.toLowerCase().endsWith('.xlsx')) throw new UserError('scores.outputXlsx');
  const { call, apps, folder } = callOf(ctx, id);
  const all = applicationsOf(folder, call.id);
  // The assessor as the call knows them, however the name was typed (recordedAssessor).
  const assessor = recordedAssessor(call, all, typed);
  // No sheet for an assessor disqualified in the call: its scores would be refused on import.
  refuseTiedAssessor(folder, call, all, assessor);
  const criteria = scoredCriteria(call);
  const { min, max } = scaleOf(call);
  const headers = [ctx.t('scores.column.application'), ctx.t('scores.column.organisations'), ctx.t('scores.column.title'), ...criteria.map((c) => c.id), ctx.t('scores.column.note')];
  const rows = apps.map((a) => {
    // The assessor's scores however the files spell the name (scoresBy), the note of their assessment.
    const scores = scoresBy(a, assessor);
    const own = (a.assessments ?? []).find((x) => sameAssessor(x.assessor, assessor));
    return [a.id, a.organisations.join(', '), a.title ?? '', ...criteria.map((c) => scores.get(c.id) ?? ''), own?.note ?? ''];
  });
  const { sheetsToXlsx } = await import('../spreadsheets/export/files.js');
  const { criterionText } = await import('../domain/applications.js');
  const about = [
    [ctx.t('scores.about.call'), call.id],
    [ctx.t('scores.about.assessor'), assessor],
    [ctx.t('scores.about.scale'), `${min}–${max}`],
    ...criteria.map((c) => [c.id, criterionText(c, ctx.lang)]),
  ];
  const bytes = await sheetsToXlsx([
    { name: call.id, headers, rows },
    { name: ABOUT_SHEET, headers: [ctx.t('scores.about.field'), ctx.t('scores.about.value')], rows: about },
  ]);
  // Never over a sheet an assessor may have filled in since, unless --overwrite says so; never in
  // the data folder, where nothing but civsam's own files belongs (the sheet names its assessor).
  writeOutputFile(ctx, opts.output, bytes, { replace: opts.overwrite === true, outsideData: 'scores.outputInData' });
  ctx.stderr.write(ctx.t('export.written', { rows: rows.length, file: opts.output }) + '\n');
  return EXIT.ok;
}

/** A column's letter as Excel shows it (0 → A, 26 → AA). */
function columnLetter(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export async function importScores(ctx: CommandContext, opts: ImportOpts, args: unknown[]): Promise<number> {
  const id = String(args[0]);
  const file = String(args[1]);
  const date = dateOption(opts.date, '--date', ctx.today);
  const { readNamedInput } = await import('../store/read-file.js');
  const { MAX_IMPORT_BYTES } = await import('../spreadsheets/import/sheet.js');
  const { readXlsx } = await import('../spreadsheets/import/xlsx.js');
  const bytes = await readNamedInput(resolve(ctx.cwd, file), { shown: file, limit: MAX_IMPORT_BYTES, tooLarge: () => new UserError('import.error.tooLarge', { file, limit: MAX_IMPORT_BYTES / 1024 / 1024 }) });
  const sheet = readXlsx(bytes);
  let assessor = opts.assessor?.trim();
  if (!assessor) {
    let about;
    try { about = readXlsx(bytes, ABOUT_SHEET); } catch { throw new UserError('scores.noAssessor', { sheet: ABOUT_SHEET }); }
    assessor = about.rows.find((r) => r.row === 3)?.cells[1]?.trim();
    if (!assessor) throw new UserError('scores.noAssessor', { sheet: ABOUT_SHEET });
    // Said by the sheet's cell, which is what can be mended, not by the records it would have gone into.
    const kind = controlCharacterIn(assessor);
    if (kind) throw new UserError(kind === 'control' ? 'scores.assessorControl' : 'scores.assessorInvisible', { sheet: ABOUT_SHEET });
  }
  const { call, apps, folder } = callOf(ctx, id);
  const criteria = scoredCriteria(call);
  const { min, max } = scaleOf(call);
  const problems: Message[] = [];
  const rowOf = new Map<string, number>();
  const at = (row: number, col: number) => ({ row, column: columnLetter(col) });

  // Columns: application, organisations, title, one per criterion in the call's order, note.
  const header = sheet.header.cells.map((c) => c.trim());
  criteria.forEach((c, i) => {
    if (header[3 + i] !== c.id) problems.push({ key: 'scores.problem.column', params: { ...at(sheet.header.row, 3 + i), criterion: c.id } });
  });
  if (header.length > 4 + criteria.length && header.slice(4 + criteria.length).some((h) => h !== '')) problems.push({ key: 'scores.problem.extraColumn', params: at(sheet.header.row, 4 + criteria.length) });

  const expected = new Set(apps.map((a) => a.id));
  const seen = new Set<string>();
  const scores = new Map<string, { scores: Array<{ criterion: string; score: number }>; note?: string }>();
  for (const r of sheet.rows) {
    const appId = (r.cells[0] ?? '').trim();
    if (!expected.has(appId)) {
      problems.push({ key: 'scores.problem.unknownRow', params: { ...at(r.row, 0), call: call.id } });
      continue;
    }
    if (seen.has(appId)) {
      problems.push({ key: 'scores.problem.rowTwice', params: { ...at(r.row, 0), application: appId } });
      continue;
    }
    seen.add(appId);
    rowOf.set(appId, r.row);
    const got: Array<{ criterion: string; score: number }> = [];
    criteria.forEach((c, i) => {
      const text = (r.cells[3 + i] ?? '').trim();
      if (text === '') return;
      const n = /^\d{1,3}$/.test(text) ? Number(text) : NaN;
      if (!(n >= min && n <= max)) problems.push({ key: 'scores.problem.score', params: { ...at(r.row, 3 + i), criterion: c.id, min, max } });
      else got.push({ criterion: c.id, score: n });
    });
    const note = (r.cells[3 + criteria.length] ?? '').trim();
    const kind = controlCharacterIn(note);
    if (kind) problems.push({ key: kind === 'control' ? 'scores.problem.control' : 'scores.problem.invisible', params: at(r.row, 3 + criteria.length) });
    scores.set(appId, { scores: got, ...(note ? { note } : {}) });
  }
  for (const a of apps) if (!seen.has(a.id)) problems.push({ key: 'scores.problem.missingRow', params: { application: a.id } });
  // A decided application's scores stand (the write path refuses to change them): each row that
  // would change one is named here, with the others, so the sheet can be mended in one go.
  const who = recordedAssessor(call, applicationsOf(folder, call.id), assessor);
  for (const a of apps) {
    const given = scores.get(a.id);
    if (!a.decision || !given || (given.scores.length === 0 && given.note === undefined)) continue;
    const before = a.assessments ?? [];
    const { assessments } = withScores(before, who, { ...given, ...(opts.date !== undefined ? { date } : {}) }, ctx.today);
    if (!sameData(assessments, before)) problems.push({ key: 'scores.problem.decided', params: { row: rowOf.get(a.id)!, application: a.id, date: formatDate(a.decision.date, ctx.lang) } });
  }

  if (problems.length > 0) {
    for (const p of problems) ctx.stderr.write(`  ${file}: ${ctx.t(p.key, p.params)}\n`);
    throw new UserError('scores.refused', { count: problems.length, file });
  }
  const typed = assessor;
  // Which day each changed assessment stands at (withScores), said after the import as `application assess` says it of one.
  const days: AssessmentDay[] = [];
  const result = await applyChange(ctx, { dryRun: opts.dryRun === true, commit: opts.commit !== false }, (s) => {
    const current = s.folder.records.call.get(call.id) ?? call;
    const callApps = applicationsOf(s.folder, call.id);
    // The assessor as the call knows them, however the name was typed (recordedAssessor).
    const who = recordedAssessor(current, callApps, typed);
    // As `application assess` refuses it: a disqualified assessor's scores never count.
    refuseTiedAssessor(s.folder, current, callApps, who);
    days.length = 0;
    const out = [];
    for (const [appId, given] of scores) {
      if (given.scores.length === 0 && given.note === undefined) continue;
      const current = s.current('application', appId);
      if (!current) continue;
      const before = Array.isArray(current.assessments) ? (current.assessments as NonNullable<Application['assessments']>) : [];
      // Only the scores the sheet brings change (an empty cell keeps its score), as `application assess` changes them.
      const { assessments, day } = withScores(before, who, { ...given, ...(opts.date !== undefined ? { date } : {}) }, ctx.today);
      // A row brought back as the sheet was written changes nothing, and is not said.
      if (sameData(assessments, before)) continue;
      days.push(day);
      out.push({ kind: 'application' as const, id: appId, record: { ...current, assessments } });
    }
    return out;
  });
  if (result.exitCode === EXIT.ok) for (const line of importedDays(ctx, days)) ctx.stderr.write(line + '\n');
  return result.exitCode;
}

/**
 * What an import says of the days its assessments stand at, as `application assess` says it of
 * one: how many new ones are dated today (no --date), how many corrected ones kept their day (by
 * the days, earliest first), how many --date moved. A day given and standing needs no word.
 */
function importedDays(ctx: CommandContext, days: readonly AssessmentDay[]): string[] {
  const out: string[] = [];
  const dates = (list: readonly string[]) => andList([...new Set(list)].sort().map((d) => formatDate(d, ctx.lang)));
  const made = days.filter((d) => d.kind === 'new');
  const kept = days.filter((d) => d.kind === 'kept');
  const moved = days.filter((d): d is Extract<AssessmentDay, { kind: 'moved' }> => d.kind === 'moved');
  if (made.length > 0) out.push(ctx.t('scores.importDated', { count: made.length, date: formatDate(made[0].date, ctx.lang) }));
  if (kept.length > 0) out.push(ctx.t('scores.importDatesKept', { count: kept.length, dates: dates(kept.map((d) => d.date)) }));
  if (moved.length > 0) out.push(ctx.t('scores.importDatesMoved', { count: moved.length, date: formatDate(moved[0].date, ctx.lang), was: dates(moved.map((d) => d.was)) }));
  return out;
}
