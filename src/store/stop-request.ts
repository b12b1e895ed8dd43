// Ctrl-C (SIGINT) and SIGTERM while civsam changes the data folder. Node's default is to die at
// once, which may leave a change half written, its temporary files and the folder's lock behind.
// While a change runs, a request to stop is counted instead, and the write path stops where it
// safely can: before the first file is put in place it stops with nothing changed; once it has
// begun to put files in place it finishes, unless asked a second time.
import { constants } from 'node:os';

export type StopSignal = 'SIGINT' | 'SIGTERM';
const SIGNALS: readonly StopSignal[] = ['SIGINT', 'SIGTERM'];

export interface StopRequests {
  /** How many times the user has asked to stop so far. */
  count(): number;
  /** The exit code a stop ends with: 128 + the first signal's number (130 for Ctrl-C, 143 for SIGTERM). */
  exitCode(): number;
  /** Called on every request, with the count so far. */
  onRequest(listener: (count: number) => void): void;
  /** Gives the signals back to Node's default (die at once). */
  dispose(): void;
}

/** How many write paths are listening now: while one is, it answers a request, not the reading's. */
let writing = 0;

/** Listens for SIGINT and SIGTERM until dispose(). */
export function listenForStop(): StopRequests {
  writing++;
  let disposed = false;
  let count = 0;
  let first: StopSignal | undefined;
  const listeners: Array<(count: number) => void> = [];
  const handlers = SIGNALS.map((signal) => {
    const handler = () => {
      count++;
      first ??= signal;
      for (const l of listeners) l(count);
    };
    process.on(signal, handler);
    return { signal, handler };
  });
  return {
    count: () => count,
    exitCode: () => 128 + constants.signals[first ?? 'SIGINT'],
    onRequest: (listener) => { listeners.push(listener); },
    dispose() {
      if (disposed) return;
      disposed = true;
      writing--;
      for (const { signal, handler } of handlers) process.off(signal, handler);
    },
  };
}

let reading: { dispose(): void } | undefined;

/**
 * From the moment a command reads the data folder to its end: a request to stop ends the run,
 * saying so (`say`: reading leaves the folder as it was, so there is nothing to put back), then dies of the
 * signal as it would have (exit 130 for Ctrl-C, 143 for SIGTERM). A signal is heard when the
 * program can next act, which for a folder being read is once it is read; a write path listening
 * meanwhile answers it instead. Armed once per run; `stopHeard` ends it.
 */
export function stopWhileReading(say: (signal: StopSignal) => void, die: (signal: StopSignal) => void = (signal) => process.kill(process.pid, signal)): void {
  if (reading) return;
  const handlers = SIGNALS.map((signal) => {
    const handler = () => {
      if (writing > 0) return;
      reading?.dispose();
      say(signal);
      die(signal);
    };
    process.on(signal, handler);
    return { signal, handler };
  });
  reading = {
    dispose() {
      for (const { signal, handler } of handlers) process.off(signal, handler);
      reading = undefined;
    },
  };
}

/** At a run's end: a request that came while the folder was read is answered now, not lost. */
export async function stopHeard(): Promise<void> {
  if (!reading) return;
  // Two turns: a signal that came during synchronous work is read in the loop's poll phase, which
  // the first turn may already be past (it ends in the check phase, where setImmediate runs).
  await heardYet();
  await heardYet();
  reading?.dispose();
}

/** Lets the event loop run once, so that a signal that came during synchronous work is heard. */
export function heardYet(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * For a long synchronous loop (building and writing many files): call the result between two
 * steps; every `everyMs` it lets the event loop run once, so a Ctrl-C is heard, and it says
 * whether the user has asked to stop. Between times it costs a clock read.
 */
export function stopCheck(stop: StopRequests, everyMs = 25): () => Promise<boolean> {
  let last = Date.now();
  return async () => {
    if (Date.now() - last >= everyMs) {
      await heardYet();
      last = Date.now();
    }
    return stop.count() > 0;
  };
}
