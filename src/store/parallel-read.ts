// Reading a large folder on two cores: a worker thread reads and parses the second half of the
// files while this thread reads the first, and the outcomes are put together in file order, so the
// folder read is the same as one thread's. readFolder stays synchronous: this thread waits for the
// worker on a shared flag and takes its message without going back to the event loop.
import { existsSync, realpathSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { readCandidate, type Candidate, type ParallelReader, type ReadOutcome } from './load-folder.js';

/**
 * Fewer files than this are read on one thread: a worker costs tens of milliseconds to start
 * (its own copy of the reader and the YAML parsers), which a few thousand files repay.
 */
export const PARALLEL_FROM = 2000;

/** Longest wait for the worker before this thread reads its share itself. */
const WAIT_MS = 120_000;

/**
 * A reader that splits the files between this thread and a worker from `from` files on, unless the
 * machine is already busier than it has cores (then a second thread only adds its start-up). A
 * load of one or so per core is what civsam's own runs one after another leave (a script, a
 * colleague's sync), and the second core still pays there. `evenWhenBusy` is for tests.
 */
export function parallelReader({ from, evenWhenBusy = false }: { from: number; evenWhenBusy?: boolean }): ParallelReader {
  return (dir, candidates, withIdentity) => {
    if (candidates.length < from) return undefined;
    const cores = availableParallelism();
    if (!evenWhenBusy && (cores < 2 || loadavg()[0] > cores)) return undefined;
    return readSplit(dir, candidates, withIdentity);
  };
}

export const readInParallel: ParallelReader = parallelReader({ from: PARALLEL_FROM });

function readSplit(dir: string, candidates: readonly Candidate[], withIdentity: boolean): ReadOutcome[] | undefined {
  const script = new URL('./read-worker.js', import.meta.url);
  // Run from the TypeScript sources (the tests) there is no compiled worker: one thread.
  if (!existsSync(fileURLToPath(script))) return undefined;
  const half = Math.ceil(candidates.length / 2);
  const mine = candidates.slice(0, half);
  // An error object loses its code on the way to a worker: only the code is sent.
  const theirs = candidates.slice(half).map((c) => (c.error ? { ...c, error: Object.assign(new Error(c.error.code ?? 'EIO'), { code: c.error.code }) } : c));
  const done = new SharedArrayBuffer(4);
  const { port1, port2 } = new MessageChannel();
  let worker: Worker;
  try {
    worker = new Worker(script, { workerData: { dir, candidates: theirs, withIdentity, port: port2, done }, transferList: [port2] });
  } catch {
    return undefined;
  }
  worker.unref();
  // A worker that fails never sets the flag: this thread reads its share itself after the wait, and
  // the failure is not the user's problem.
  worker.on('error', () => {});
  let realRoot: string | undefined;
  const root = () => (realRoot ??= realpathSync(dir));
  const first = mine.map((c) => readCandidate(dir, c, root, withIdentity));
  Atomics.wait(new Int32Array(done), 0, 0, WAIT_MS);
  const message = receiveMessageOnPort(port1)?.message as { outcomes?: ReadOutcome[] } | undefined;
  port1.close();
  void worker.terminate();
  const second = message?.outcomes ?? candidates.slice(half).map((c) => readCandidate(dir, c, root, withIdentity));
  return [...first, ...second];
}
