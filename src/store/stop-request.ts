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

/** Listens for SIGINT and SIGTERM until dispose(). */
export function listenForStop(): StopRequests {
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
      for (const { signal, handler } of handlers) process.off(signal, handler);
    },
  };
}

/**
 * Lets the event loop run until a signal that came during synchronous work is heard. A signal is
 * read in the loop's poll phase; code that goes on from an I/O callback is past it, and a single
 * turn (which ends in the check phase, where setImmediate runs) would return before the signal is
 * read: two turns always pass a poll phase.
 */
export async function heardYet(): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  await new Promise((resolve) => setImmediate(resolve));
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
