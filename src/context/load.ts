// Loading the data folder for a command: one place that resolves --data, uses the folder snapshot and
// refuses to work on a folder that does not validate, or, for a reading command, leaves out the
// files with errors and says so.
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { DataFolder } from '../domain/folder.js';
import { FOLDER_OF, type RecordKind } from '../domain/kinds.js';
import { UserError } from '../domain/errors.js';
import { listWords } from '../i18n/index.js';
import { refuseUnreadablePath } from '../domain/path-check.js';
import { readFolder, type Problem } from '../store/load-folder.js';
import { noCache, openParseCache, type SnapshotWrite } from '../store/parse-cache.js';
import { readInParallel } from '../validate/parallel-check.js';
import { checkFolder } from '../validate/check-folder.js';
import { validPart, type LeftOut } from '../validate/valid-part.js';
import { folderAtDate } from '../store/folder-at-date.js';
import { unfetchedRegister } from '../store/git-tree.js';
import type { CommandContext } from './context.js';
import { dataFolderName, holdsSettings } from './data-folder.js';

export interface LoadedFolder {
  folder: DataFolder;
  problems: Problem[];
  fileCount: number;
  /** The snapshot (its file and which write of it) when every file was as it holds them: what a kept result is kept by. */
  unchanged?: SnapshotWrite;
  /** A file's data as it was read (undefined when it could not be parsed), a record with errors included: what names one left out. */
  dataOf?(rel: string): unknown;
}

/** The data folder's absolute path; refuses (exit 2) when it is not a folder. */
export function resolveDataDir(ctx: CommandContext): string {
  const dir = resolve(ctx.cwd, ctx.dataDir);
  refuseUnreadablePath(dir);
  let isDir = false;
  let exists = false;
  try {
    isDir = statSync(dir).isDirectory();
    exists = true;
  } catch (e) {
    // Not there is "no data folder"; not allowed to look (EACCES, …) is said as such.
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') throw e;
  }
  // A file given for the folder (`--data export.csv`) is said to be no folder, as init says it.
  if (exists && !isDir) throw new UserError('error.dataNotAFolder', { dir: dataFolderName(ctx) });
  if (!isDir) {
    // A plain `git clone` of a shared register whose own default branch was never made: the
    // register is on the remote, not yet here. Making a new one (init) would send an empty one.
    const copy = unfetchedRegister(ctx.cwd);
    if (copy) throw new UserError('error.noDataFolderUnfetched', { remote: copy.remote, branch: copy.branch });
    throw new UserError('error.noDataFolder', { dir: dataFolderName(ctx) });
  }
  return dir;
}

/**
 * As resolveDataDir, for a command that works on the data: the folder must be a data folder, one
 * with its civsam.yaml (an ordinary folder is said to be one, not counted as a folder with errors).
 */
export function resolveDataFolder(ctx: CommandContext): string {
  const dir = resolveDataDir(ctx);
  if (!holdsSettings(dir)) throw new UserError('error.notDataFolder', { dir: dataFolderName(ctx) });
  return dir;
}

/**
 * The folder as loaded once for a command: the names it was given are looked up in the same load
 * the command then works on (a write checks the folder again under its lock, never this copy).
 */
const loadedFor = new WeakMap<CommandContext, LoadedFolder>();

export interface LoadOptions {
  cache?: boolean;
  /**
   * The kinds of record the command reads all of (an overview's, the audit's): their data is
   * parsed from the snapshot while the files are stat-ed on the second thread. Only a matter of
   * time: a kind left out is parsed when first read, one named and not read costs its parse.
   */
  reads?: readonly RecordKind[];
  /** Read a folder without its civsam.yaml too (validate reports what such a folder lacks). */
  anyFolder?: boolean;
}

export function loadFolder(ctx: CommandContext, { cache = true, reads, anyFolder = false }: LoadOptions = {}): LoadedFolder {
  if (!cache) return load(ctx, false, reads, anyFolder);
  let loaded = loadedFor.get(ctx);
  if (!loaded) loadedFor.set(ctx, (loaded = load(ctx, true, reads, anyFolder)));
  return loaded;
}

/** The folder's snapshot when the command's load found every file as it holds them (see LoadedFolder.unchanged). */
export function unchangedSnapshot(ctx: CommandContext): LoadedFolder['unchanged'] {
  return loadedFor.get(ctx)?.unchanged;
}

/** After the folder changed under the command (a sync brought in others' changes): the next load reads it again. */
export function forgetLoaded(ctx: CommandContext): void {
  loadedFor.delete(ctx);
}

function load(ctx: CommandContext, cache: boolean, reads?: readonly RecordKind[], anyFolder = false): LoadedFolder {
  if (ctx.fromHistory) {
    const raw = readFolder(folderAtDate(resolveDataDir(ctx), dataFolderName(ctx), ctx.fromHistory), noCache);
    return { ...checkFolder(raw), fileCount: raw.files.length, dataOf: dataOfFiles(raw.files) };
  }
  const dir = anyFolder ? resolveDataDir(ctx) : resolveDataFolder(ctx);
  const snapshot = cache && !ctx.env.CIVSAM_NO_CACHE ? openParseCache(dir, ctx.env, ctx.version) : noCache;
  const raw = readFolder(dir, snapshot, readInParallel, { prefetch: reads?.map((k) => `${FOLDER_OF[k]}/`), unneeded: ctx.replay && (() => ctx.replay!.recorded(snapshot.generation())) });
  // Every file as the snapshot holds it: a report recorded on that folder is printed again from here.
  const unchanged = raw.verdict?.() !== undefined ? snapshot.generation() : undefined;
  ctx.replay?.loaded(unchanged);
  // A report on a folder changed since the snapshot: the snapshot is written now (not left for
  // later runs to read the changed files again), so the report can be recorded on it.
  if (ctx.replay && !unchanged) snapshot.writeSoon();
  const checked = checkFolder(raw);
  // The snapshot the check wrote, if it wrote one, holds what this run read: the folder its report is of.
  const on = snapshot.written() ?? unchanged;
  ctx.replay?.madeOn(on);
  return { ...checked, fileCount: raw.files.length, unchanged: on, dataOf: dataOfFiles(raw.files) };
}

/** A file's data by its path, the files indexed when first asked (only a report that names records left out asks). */
function dataOfFiles(files: ReadonlyArray<{ rel: string; data: unknown }>): (rel: string) => unknown {
  let byRel: Map<string, { data: unknown }> | undefined;
  return (rel) => (byRel ??= new Map(files.map((f) => [f.rel, f]))).get(rel)?.data;
}

/**
 * The folder a command works on. Commands that judge or show everything (audit, publish, export)
 * refuse a folder with errors. A command declared a reader (`readsValidRecords` in its spec:
 * overviews, list, show) works on the valid records instead, having said first on stderr how
 * many files were left out; it still refuses when the errors are in what every record is read
 * through (civsam.yaml, a vocabulary).
 */
export function loadValidFolder(ctx: CommandContext, reads?: readonly RecordKind[]): DataFolder {
  return loadValidPart(ctx, reads).folder;
}

/** Refuses a folder whose check found errors (`problems`), in the words every command refuses it with. */
export function refuseFolderWithErrors(ctx: CommandContext, problems: ReadonlyArray<{ severity: string; file?: string }>): void {
  if (problems.some((p) => p.severity === 'error')) throw folderWithErrors(ctx, problems);
}

/** At most this many files with errors are named in the refusal; more are left to validate. */
const NAMED_FILES = 5;

/**
 * The refusal of a folder with errors: how many, and, when they are in a few files, which (a
 * civsam.yaml with an error stops every command, and the user should know where to look).
 */
export function folderWithErrors(ctx: CommandContext, problems: ReadonlyArray<{ severity: string; file?: string }>): UserError {
  const errors = problems.filter((p) => p.severity === 'error');
  const files = [...new Set(errors.map((p) => p.file ?? ''))];
  if (files.length > NAMED_FILES || files.some((f) => f === '')) return new UserError('error.invalidData', { count: errors.length, dir: dataFolderName(ctx) });
  return new UserError('error.invalidDataIn', { count: errors.length, dir: dataFolderName(ctx), files: listWords(ctx.lang, files) });
}

/** As loadValidFolder, with what was left out (nothing for a valid folder). */
export function loadValidPart(ctx: CommandContext, reads?: readonly RecordKind[]): { folder: DataFolder; leftOut: LeftOut } {
  const { folder, problems, dataOf } = loadFolder(ctx, { reads });
  const errors = problems.filter((p) => p.severity === 'error').length;
  if (errors === 0) return { folder, leftOut: { files: new Set(), dependents: new Set(), records: [] } };
  const part = ctx.readsValidRecords ? validPart(folder, problems, dataOf) : { unsound: errors };
  if ('unsound' in part) throw folderWithErrors(ctx, problems);
  const { files, dependents } = part.leftOut;
  ctx.stderr.write(ctx.errColor.yellow(ctx.t('validPart.leftOut', { files: files.size })) + '\n');
  if (dependents.size > 0) ctx.stderr.write(ctx.errColor.yellow(ctx.t('validPart.dependents', { count: dependents.size })) + '\n');
  return part;
}
