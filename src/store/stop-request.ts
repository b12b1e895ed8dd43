// Ctrl-C (SIGINT) and SIGTERM while civsam changes the data folder. Node's default is to die at
// once, which may leave a change half written, its temporary files and the folder's lock behind.
// While a change runs, a request to stop is counted instead, and the write path stops where it
// safely can: before the first file is put in place it stops with nothing changed; once it has
// begun to put files in place it finishes, unless asked a second time.
import { constants } from 'node:os';
import type { MessageKey } from '../i18n/index.js';

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
  /**
   * Done: requests are noted again, as before this listened, when they were (under the program,
   * bin/civsam.js), with what a later one is to be told (the change was finished, or nothing
   * written); else as dispose().
   */
  handBack(then: StopOutcome): void;
}

/**
 * What a request that came too late to stop anything is told: the change was finished (and
 * committed), or nothing was written; for a sync, that nothing was sent or brought in yet, or
 * that it was done.
 */
export type StopOutcome = Extract<MessageKey, 'write.stopped' | 'write.finished' | 'write.finishedCommitted' | 'sync.interrupted' | 'sync.finishedBeforeStop' | 'init.stoppedBeforeStart' | 'init.finishedBeforeStop' | 'init.finishedBeforeStopRecorded'>;

/** The outcomes said of a stop that came before anything was begun: the command stops there (cli/main.ts). */
export function stopsBeforeAnything(then: StopOutcome): boolean {
  return then === 'write.stopped' || then === 'sync.interrupted' || then === 'init.stoppedBeforeStart';
}

/**
 * Requests that came before any change listened: from the program's first line (bin/civsam.js
 * starts noting them, before the rest of civsam is loaded), while the command line is read and
 * names are looked up. Node's default would end the process there without a word; noted, they are
 * taken over by the change's own listening (which then stops before anything is written, and says
 * so), or said by the command line once the command is done (cli/main.ts).
 */
interface Noted {
  count: number;
  first?: StopSignal;
  handlers: Array<{ signal: StopSignal; handler: () => void }>;
  /** What a request is told (see StopOutcome). */
  then: StopOutcome;
}
let noted: Noted | undefined;

/** Notes SIGINT and SIGTERM from now on, until a change listens (listenForStop) or stopNoting(). */
export function noteStopsFromStart(then: StopOutcome = 'write.stopped'): void {
  if (noted) return;
  const n: Noted = { count: 0, handlers: [], then };
  n.handlers = SIGNALS.map((signal) => {
    const handler = () => {
      n.count++;
      n.first ??= signal;
    };
    process.on(signal, handler);
    return { signal, handler };
  });
  noted = n;
}

/** What a request noted from now on is told, in place of what noting began with (a sync says it in its own words). */
export function sayOnStop(then: StopOutcome): void {
  if (noted) noted.then = then;
}

/** The first request noted so far, and what it is to be told (undefined: none, or nothing is being noted). */
export function notedStop(): { signal: StopSignal; then: StopOutcome } | undefined {
  return noted?.first && { signal: noted.first, then: noted.then };
}

/** Stops noting: the signals go back to Node's default; returns the first request noted, if any. */
export function stopNoting(): StopSignal | undefined {
  const n = noted;
  noted = undefined;
  if (!n) return undefined;
  for (const { signal, handler } of n.handlers) process.off(signal, handler);
  return n.first;
}

/**
 * The command is done, its last words said: a request now has nothing left to stop and what became
 * of the folder is on the screen, so the process ends as it was about to, with the command's exit
 * code; should it not end, the next request ends it at once (Node's default).
 */
export function endOfRun(): void {
  const n = noted;
  if (!n) return;
  const before = n.handlers;
  const last = () => stopNoting();
  // The new handlers on before the old ones come off: with none at all for a moment, a signal
  // then would be Node's default (the end without a word).
  n.handlers = SIGNALS.map((signal) => {
    process.on(signal, last);
    return { signal, handler: last };
  });
  for (const { signal, handler } of before) process.off(signal, handler);
}

/**
 * For a command that changes nothing: stops noting, and a request noted so far ends the process as
 * Node's default would have when it came (such a command is stopped at once, anywhere).
 */
export function endNotingStops(): void {
  const first = stopNoting();
  if (first) process.kill(process.pid, first);
}

/** The exit code a stop by this signal ends with: 130 for Ctrl-C, 143 for SIGTERM. */
export function stopExitCode(signal: StopSignal): number {
  return 128 + constants.signals[signal];
}

/** Listens for SIGINT and SIGTERM until dispose(); requests noted before (see noteStopsFromStart) count as heard. */
export function listenForStop(): StopRequests {
  const before = noted;
  let count = before?.count ?? 0;
  let first: StopSignal | undefined = before?.first;
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
  // Heard here from now on: the noting's own handlers are taken off only once these are on, so
  // no moment is left with Node's default.
  if (before) stopNoting();
  return {
    count: () => count,
    exitCode: () => stopExitCode(first ?? 'SIGINT'),
    onRequest: (listener) => { listeners.push(listener); },
    dispose() {
      for (const { signal, handler } of handlers) process.off(signal, handler);
    },
    handBack(then) {
      if (before) noteStopsFromStart(then);
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
