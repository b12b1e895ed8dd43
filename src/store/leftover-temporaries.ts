// civsam's own temporary files left behind where nobody could clean up: a writer killed with
// SIGKILL, a power cut, a battery gone flat. A Ctrl-C is cleaned up by the writer itself (see
// stop-request.ts); these are what is left when it could not be. The next run of the same writer
// into the same folder removes them, so they never pile up or go out with a published site.
// Only names civsam's writer makes (TEMPORARY_NAME) are touched, and only those of a process that
// is gone: a writer running at the same time keeps its files.
import { lstatSync, readdirSync, unlinkSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import { TEMPORARY_NAME } from './atomic-file.js';
import { processAlive } from './folder-lock.js';

/** No write of civsam's takes this long: a temporary file this old is a leftover even if its pid is in use again. */
const ABANDONED_AFTER_MS = 24 * 60 * 60 * 1000;

export interface LeftoverOptions {
  /** Only the temporary files of this file name (a report's --output): `.<of>.<pid>.<hex>.tmp`. */
  of?: string;
  /** Also in the folders below (not hidden ones such as .git): a published site. */
  recursive?: boolean;
}

/** Whether `name` is a temporary file of civsam's whose writer is gone; `of` narrows it to one target's. */
export function isLeftover(path: string, name: string, of?: string): boolean {
  const m = TEMPORARY_NAME.exec(name);
  if (!m || (of !== undefined && m[1] !== of)) return false;
  const pid = Number(m[2]);
  // This process's own may be a write still under way (the site's writer thread).
  if (pid !== process.pid && !processAlive(pid)) return true;
  try {
    return Date.now() - lstatSync(path).mtimeMs > ABANDONED_AFTER_MS;
  } catch {
    return false;
  }
}

/**
 * Removes civsam's leftover temporary files in `dir` (see isLeftover); returns how many. Ordinary
 * files only, never through a link; a file that cannot be removed is left (the write that follows
 * says what the system refuses, if anything).
 */
export function removeLeftoverTemporaries(dir: string, options: LeftoverOptions = {}): number {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  let removed = 0;
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (options.recursive && !entry.name.startsWith('.')) removed += removeLeftoverTemporaries(path, options);
      continue;
    }
    if (!entry.isFile() || !isLeftover(path, entry.name, options.of)) continue;
    try {
      unlinkSync(path);
      removed++;
    } catch {
      // gone meanwhile, or not ours to remove
    }
  }
  return removed;
}
