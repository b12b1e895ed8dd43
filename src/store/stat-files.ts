// The stat of every file the folder snapshot may hold: what a command with nothing changed must do
// in any case, and about half its time. From a few thousand files on, a worker thread does it on
// the second core while this thread reads and parses the snapshot; the answer is the same table.
import { existsSync, lstatSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { IDENTITY_WORDS, putIdentity } from './file-identity.js';

/** Each file's identity (IDENTITY_WORDS values at its index) and whether it is an ordinary file (1) or not, gone or unreadable (0). */
export interface FileStats {
  table: BigInt64Array;
  regular: Uint8Array;
}

/** Fewer files than this are stat-ed on this thread: a worker costs tens of milliseconds to start. */
export const STAT_WORKER_FROM = 2000;

/** Longest wait for the worker before this thread stats the files itself. */
const WAIT_MS = 60_000;

/** Stats `paths` (null: not to be looked at) into the table; whatever cannot be stat-ed stays 0. */
export function statInto(paths: readonly (string | null)[], table: BigInt64Array, regular: Uint8Array, lstat: typeof lstatSync): void {
  for (let i = 0; i < paths.length; i++) {
    const path = paths[i];
    if (path === null) continue;
    try {
      const st = lstat(path, { bigint: true, throwIfNoEntry: false });
      if (st?.isFile()) {
        putIdentity(table, i, st);
        regular[i] = 1;
      }
    } catch {
      // Unreadable: the file's read says why.
    }
  }
}

/** Starts the stats; the function returned waits for them (the first call) and gives the table. */
export function statFiles(paths: readonly (string | null)[], { from = STAT_WORKER_FROM }: { from?: number } = {}): () => FileStats {
  const inline = (): FileStats => {
    const stats = { table: new BigInt64Array(paths.length * IDENTITY_WORDS), regular: new Uint8Array(paths.length) };
    statInto(paths, stats.table, stats.regular, lstatSync);
    return stats;
  };
  const script = new URL('./stat-worker.js', import.meta.url);
  // Run from the TypeScript sources (the tests) there is no compiled worker: this thread.
  if (paths.length < from || !existsSync(fileURLToPath(script))) {
    let stats: FileStats | undefined;
    return () => (stats ??= inline());
  }
  const table = new SharedArrayBuffer(paths.length * IDENTITY_WORDS * 8);
  const regular = new SharedArrayBuffer(paths.length);
  const done = new SharedArrayBuffer(4);
  let worker: Worker | undefined;
  try {
    worker = new Worker(script, { workerData: { paths, table, regular, done } });
    worker.unref();
  } catch {
    worker = undefined;
  }
  let stats: FileStats | undefined;
  return () => {
    if (stats) return stats;
    const finished = worker !== undefined && Atomics.wait(new Int32Array(done), 0, 0, WAIT_MS) !== 'timed-out';
    if (worker) void worker.terminate();
    stats = finished ? { table: new BigInt64Array(table), regular: new Uint8Array(regular) } : inline();
    return stats;
  };
}
