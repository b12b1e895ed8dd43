// Loading the data folder for a command: one place that resolves --data, uses the folder snapshot and
// refuses to work on a folder that does not validate.
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { DataFolder } from '../domain/folder.js';
import { UserError } from '../domain/errors.js';
import { readFolder, type Problem } from '../store/load-folder.js';
import { noCache, openParseCache } from '../store/parse-cache.js';
import { readInParallel } from '../store/parallel-read.js';
import { checkFolder } from '../validate/check-folder.js';
import { folderAtDate } from '../store/folder-at-date.js';
import type { CommandContext } from './context.js';

export interface LoadedFolder {
  folder: DataFolder;
  problems: Problem[];
  fileCount: number;
}

/** The data folder's absolute path; refuses (exit 2) when it is not a folder. */
export function resolveDataDir(ctx: CommandContext): string {
  const dir = resolve(ctx.cwd, ctx.dataDir);
  let isDir = false;
  try {
    isDir = statSync(dir).isDirectory();
  } catch (e) {
    // Not there is "no data folder"; not allowed to look (EACCES, …) is said as such.
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') throw e;
  }
  if (!isDir) throw new UserError('error.noDataFolder', { dir: ctx.dataDir });
  return dir;
}

export function loadFolder(ctx: CommandContext, { cache = true }: { cache?: boolean } = {}): LoadedFolder {
  if (ctx.fromHistory) {
    const raw = readFolder(folderAtDate(resolveDataDir(ctx), ctx.dataDir, ctx.fromHistory), noCache);
    return { ...checkFolder(raw), fileCount: raw.files.length };
  }
  const dir = resolveDataDir(ctx);
  const raw = readFolder(dir, cache && !ctx.env.CIVSAM_NO_CACHE ? openParseCache(dir, ctx.env, ctx.version) : noCache, readInParallel);
  const checked = checkFolder(raw);
  return { ...checked, fileCount: raw.files.length };
}

/** The folder for commands that judge or change data: they refuse to work on invalid data. */
export function loadValidFolder(ctx: CommandContext): DataFolder {
  const { folder, problems } = loadFolder(ctx);
  const errors = problems.filter((p) => p.severity === 'error').length;
  if (errors > 0) throw new UserError('error.invalidData', { count: errors, dir: ctx.dataDir });
  return folder;
}
