// Where a data folder's snapshot is kept (the user's cache), and whether it is of a large folder:
// asked at start-up, before the rest of the snapshot's code is loaded (see early-listing.ts).
import { createHash } from 'node:crypto';
import { realpathSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** A snapshot this large holds a few thousand files or more (about 700 bytes each). */
const LARGE_SNAPSHOT_BYTES = 1 << 20;

export function cacheDirectory(env: NodeJS.ProcessEnv): string {
  if (env.CIVSAM_CACHE_DIR) return env.CIVSAM_CACHE_DIR;
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'civsam');
}

/** The snapshot's file for a data folder. */
export function snapshotFile(dataDir: string, env: NodeJS.ProcessEnv): string {
  return join(cacheDirectory(env), createHash('sha256').update(realpathSync(dataDir)).digest('hex').slice(0, 20) + '.snapshot');
}

/** Whether the folder has a snapshot, of a folder large enough for its files to be stat-ed on two threads (told by its size, before it is read). */
export function largeSnapshot(dataDir: string, env: NodeJS.ProcessEnv): boolean {
  try {
    return statSync(snapshotFile(dataDir, env)).size >= LARGE_SNAPSHOT_BYTES;
  } catch {
    return false;
  }
}
