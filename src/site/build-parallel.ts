// Building a large site on two cores: a worker thread gets a copy of the loaded folder, works out
// the same facts, and takes shares of the site (siteJobs) from the same list as this thread, each
// thread the next share nobody has taken, writing its pages to temporary files. The pages are the
// same bytes whichever thread builds them; writeSite then flushes and places them all together.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { DataFolder } from '../domain/folder.js';
import { gatherFacts } from './facts.js';
import { siteJobs, type SiteOptions } from './site.js';
import { removeTemporaries, stageFiles, type SiteBuilder, type StagedFiles } from './write-site.js';

/**
 * Fewer records than this are built on one thread: the worker's start and its copy of the folder
 * cost about a second at the bench folder's size (40,000 records), a fortieth of that at this one.
 */
export const PARALLEL_FROM = 2000;

/**
 * The worker's heap: its copy of the folder (~100 MB at the bench folder's size) and room to work.
 * Node lets a heap grow to gigabytes before it collects hard; kept small, the worker collects its
 * pages' garbage as it goes, and the two threads together stay within what one thread needed.
 */
const WORKER_HEAP_MB = 256;

/** The shared counters (the next share to take; whether the threads may write, GO, or must stop, STOP) and their values. */
export const CONTROL = { NEXT: 0, STATE: 1, WAIT: 0, GO: 1, STOP: 2 } as const;
const { NEXT, STATE, GO, STOP } = CONTROL;

export interface WorkerInput {
  folder: Omit<DataFolder, 'fileOf'>;
  options: SiteOptions;
  dir: string;
  control: SharedArrayBuffer;
}

export type WorkerOutput = { staged: StagedFiles } | { error: { message: string; code?: string; path?: string } };

export interface SiteBuild {
  /** Builds the pages (with the worker, if one was started) once the out folder has been checked. */
  build: SiteBuilder;
  /**
   * Stops the worker and removes what it wrote, unless `build` has returned its pages (then there is
   * nothing to do): call it however the publish ends.
   */
  cancel(): Promise<void>;
}

/**
 * Starts building the site: a worker is started now (it copies the folder and works out the facts
 * while this thread runs the audit) when the folder is large and a second core is there; `force`
 * is for tests. Nothing is written until `build` is called.
 */
export function startSite(folder: DataFolder, options: SiteOptions, dir: string, { force = false }: { force?: boolean } = {}): SiteBuild {
  const worker = startWorker(folder, options, dir, force);
  const facts = () => gatherFacts(folder, options.asOf);
  if (!worker) {
    return {
      build: async (dir) => {
        const jobs = siteJobs(facts(), options);
        return [stageFiles(dir, (function* () { for (const job of jobs) yield* job.files(); })())];
      },
      cancel: async () => {},
    };
  }
  const control = new Int32Array(worker.control);
  const signal = (state: number) => {
    Atomics.store(control, STATE, state);
    Atomics.notify(control, STATE);
  };
  let handedOver = false;
  return {
    build: async (dir) => {
      if (dir !== worker.dir) throw new Error('the site is built where it was started for');
      signal(GO);
      const mine: StagedFiles[] = [];
      try {
        const jobs = siteJobs(facts(), options);
        const goOn = () => Atomics.load(control, STATE) !== STOP;
        for (let j = Atomics.add(control, NEXT, 1); j < jobs.length && goOn(); j = Atomics.add(control, NEXT, 1)) mine.push(stageFiles(dir, jobs[j].files(), goOn));
      } catch (e) {
        signal(STOP);
        const theirs = await worker.result;
        removeTemporaries(mine.flatMap((s) => s.staged));
        if ('staged' in theirs) removeTemporaries(theirs.staged.staged);
        throw e;
      }
      const theirs = await worker.result;
      if ('error' in theirs) {
        removeTemporaries(mine.flatMap((s) => s.staged));
        throw Object.assign(new Error(theirs.error.message), theirs.error);
      }
      handedOver = true;
      return [...mine, theirs.staged];
    },
    cancel: async () => {
      if (handedOver) return;
      signal(STOP);
      const theirs = await worker.result;
      if ('staged' in theirs) removeTemporaries(theirs.staged.staged);
    },
  };
}

function startWorker(folder: DataFolder, options: SiteOptions, dir: string, force: boolean): { dir: string; control: SharedArrayBuffer; result: Promise<WorkerOutput> } | undefined {
  const script = new URL('./build-worker.js', import.meta.url);
  // Run from the TypeScript sources (the tests) there is no compiled worker: one thread.
  if (!existsSync(fileURLToPath(script))) return undefined;
  const records = Object.values(folder.records).reduce((n, m) => n + m.size, 0);
  if (!force && (records < PARALLEL_FROM || availableParallelism() < 2)) return undefined;
  const control = new SharedArrayBuffer(8);
  // The first share (the open data) is the worker's: the next one to take is the second.
  new Int32Array(control)[NEXT] = 1;
  // The folder without its one function (a worker gets plain data); the site never asks for a record's file.
  const { fileOf: _fileOf, ...data } = folder;
  const input: WorkerInput = { folder: data, options, dir, control };
  let worker: Worker;
  try {
    worker = new Worker(script, { workerData: input, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
  } catch {
    return undefined;
  }
  const result = new Promise<WorkerOutput>((resolve) => {
    worker.once('message', (m: WorkerOutput) => resolve(m));
    worker.once('error', (e: Error) => resolve({ error: { message: e.message, code: (e as NodeJS.ErrnoException).code } }));
    worker.once('exit', (code) => resolve({ error: { message: `the site's worker thread stopped (${code})` } }));
  });
  return { dir, control, result };
}
