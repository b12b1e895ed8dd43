// The stat of every file the folder snapshot may hold: what a command with nothing changed must do
// in any case, and about half its time. From a few thousand files on, a worker thread on the second
// core (started while the folder is listed) stats them while this thread reads the snapshot; then
// both take the files in chunks, from one shared counter, until none are left. The answer is the
// same table whoever stat-ed a file.
import { existsSync, lstatSync } from 'node:fs';
import { sep } from 'node:path';
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

/** Files a thread takes at a time. */
const CHUNK = 256;

/** Longest wait for the worker's last chunk before this thread stats everything itself. */
const WAIT_MS = 60_000;

/** The shared state of one stat of many files: the folder, its files' paths in it (null: not to be looked at), the table, and the counters. */
export interface SharedStats {
  dir: string;
  paths: readonly (string | null)[];
  table: SharedArrayBuffer | ArrayBuffer;
  regular: SharedArrayBuffer | ArrayBuffer;
  /** Two 32-bit counters: the next file not yet taken, and how many files are done. */
  counters: SharedArrayBuffer | ArrayBuffer;
}

/** Stats chunks of files until none are left to take; whatever cannot be stat-ed stays 0. */
export function statChunks({ dir, paths, table, regular, counters }: SharedStats): void {
  const base = dir.endsWith(sep) ? dir : dir + sep;
  const ids = new BigInt64Array(table);
  const isFile = new Uint8Array(regular);
  const count = new Int32Array(counters);
  for (;;) {
    const from = Atomics.add(count, 0, CHUNK);
    if (from >= paths.length) return;
    const to = Math.min(from + CHUNK, paths.length);
    for (let i = from; i < to; i++) {
      const path = paths[i];
      if (path === null) continue;
      try {
        const st = lstatSync(base + path, { bigint: true, throwIfNoEntry: false });
        if (st?.isFile()) {
          putIdentity(ids, i, st);
          isFile[i] = 1;
        }
      } catch {
        // Unreadable: the file's read says why.
      }
    }
    Atomics.add(count, 1, to - from);
    Atomics.notify(count, 1);
  }
}

const STAT_WORKER = new URL('./stat-worker.js', import.meta.url);

/**
 * A stat worker started before the files are known (while the folder is listed), so that its tens
 * of milliseconds of starting are spent meanwhile; given to statFiles, it waits for the files there.
 * Undefined run from the TypeScript sources (the tests), where there is no compiled worker.
 */
export function startStatWorker(): Worker | undefined {
  if (!existsSync(fileURLToPath(STAT_WORKER))) return undefined;
  try {
    const worker = new Worker(STAT_WORKER);
    worker.unref();
    // A worker that fails leaves its files to this thread (see statFiles), never an error of the command.
    worker.on('error', () => {});
    return worker;
  } catch {
    return undefined;
  }
}

/** What the worker is sent: the paths as one string (one copy, not one per path), `\0` between them (no path holds one), "" for null. */
export type StatRequest = Omit<SharedStats, 'paths'> & { paths: string };

/** The paths of a request as statChunks takes them. */
export const pathsOf = (request: StatRequest): (string | null)[] => request.paths.split('\0').map((p) => p || null);

/**
 * Starts the stats (on `early`, a worker started before, when given); the function returned takes
 * its share, waits for the rest (the first call) and gives the table.
 */
export function statFiles(dir: string, paths: readonly (string | null)[], { from = STAT_WORKER_FROM, early }: { from?: number; early?: Worker } = {}): () => FileStats {
  const parallel = paths.length > 0 && paths.length >= from && (early !== undefined || existsSync(fileURLToPath(STAT_WORKER)));
  const make = (size: number) => (parallel ? new SharedArrayBuffer(size) : new ArrayBuffer(size));
  const shared: SharedStats = { dir, paths, table: make(paths.length * IDENTITY_WORDS * 8), regular: make(paths.length), counters: make(8) };
  let worker: Worker | undefined;
  if (!parallel) void early?.terminate();
  else {
    worker = early ?? startStatWorker();
    try {
      worker?.postMessage({ dir, paths: paths.map((p) => p ?? '').join('\0'), table: shared.table, regular: shared.regular, counters: shared.counters } satisfies StatRequest);
    } catch {
      void worker?.terminate();
      worker = undefined;
    }
  }
  let stats: FileStats | undefined;
  return () => {
    if (stats) return stats;
    statChunks(shared);
    const done = new Int32Array(shared.counters);
    const until = Date.now() + WAIT_MS;
    for (let seen = Atomics.load(done, 1); seen < paths.length; seen = Atomics.load(done, 1)) {
      // The worker's last chunk: waited for, unless the worker is gone (then this thread does it all).
      if (!worker || Date.now() > until || Atomics.wait(done, 1, seen, until - Date.now()) === 'timed-out') {
        const alone: SharedStats = { dir, paths, table: new ArrayBuffer(paths.length * IDENTITY_WORDS * 8), regular: new ArrayBuffer(paths.length), counters: new ArrayBuffer(8) };
        statChunks(alone);
        Object.assign(shared, alone);
        break;
      }
    }
    if (worker) void worker.terminate();
    stats = { table: new BigInt64Array(shared.table), regular: new Uint8Array(shared.regular) };
    return stats;
  };
}
