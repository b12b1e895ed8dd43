// The data folder's lock: one writer at a time, even across computers sharing a network drive.
// A hidden file (`.civsam.lock`, which the loader never reads) names its holder. A lock whose holder
// has died on this computer is taken over at once; any lock older than LOCK_LIFETIME_MS is taken
// over too (its holder is dead elsewhere or has stalled), always with a message. A stalled holder
// that lost its lock finds out through `stillHeld()` just before it would replace a file, and
// writes nothing.
import { closeSync, fsyncSync, linkSync, lstatSync, openSync, statSync, unlinkSync, utimesSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { randomHex, writeAll } from './atomic-file.js';
import { kindOf, notRegularMessage, openRegular, readUpTo, type NotRegular } from './read-file.js';
import { FileSystemError, shortPath, UserError } from '../domain/errors.js';
import type { Message } from '../i18n/index.js';
import { listenForStop, type StopRequests } from './stop-request.js';

export const LOCK_FILE = '.civsam.lock';
const GUARD_FILE = '.civsam.lock.takeover';
/** How long a lock is honoured before it counts as abandoned. */
export const LOCK_LIFETIME_MS = 30_000;
/** The takeover guard is held for microseconds; older than this, its holder died. */
const GUARD_LIFETIME_MS = 5_000;
/** Longest a writer waits for a live lock before giving up (beyond the lifetime, to allow a takeover). */
const MAX_WAIT_MS = LOCK_LIFETIME_MS + 15_000;
/** After this long waiting for another writer, the user is told that civsam waits (and for what). */
const WAIT_SAID_MS = 1_000;

export interface LockOwner {
  pid: number;
  host: string;
  /** ISO time the lock was taken. */
  since: string;
  token: string;
}

export interface FolderLock {
  readonly owner: LockOwner;
  /** Whether this process still holds the lock (nobody took it over). */
  stillHeld(): boolean;
  /** Marks the lock as fresh again (a long read of a large folder is not a stall). */
  refresh(): void;
  release(): void;
}

export interface LockOptions {
  /** Called with a message when an abandoned lock is taken over. */
  onTakeover?(message: Message): void;
  /** Called once when the lock is held by another and this writer has waited WAIT_SAID_MS for it. */
  onWait?(message: Message): void;
  /** For tests: the clock and the lifetime. */
  now?: () => number;
  lifetimeMs?: number;
  maxWaitMs?: number;
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Whether a process with this id runs on this computer. */
export function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function readLockOwner(path: string): LockOwner | undefined {
  try {
    // Opened as the reader opens records: never blocking on something that is not a file.
    const opened = openRegular(path, { follow: false });
    if ('refused' in opened) return undefined;
    let text: string;
    try {
      text = readUpTo(opened.fd, opened.st.size, 4096).toString('utf8');
    } finally {
      closeSync(opened.fd);
    }
    const o = JSON.parse(text) as Partial<LockOwner>;
    if (typeof o.pid === 'number' && typeof o.host === 'string' && typeof o.since === 'string' && typeof o.token === 'string') return o as LockOwner;
  } catch {
    // Being written, or not ours: judged by its age alone.
  }
  return undefined;
}

/**
 * Creates `path` holding `text`, failing if it exists. The text is written to a temporary file first
 * and linked into place, so the lock file never exists without its owner in it (a process killed
 * half-way leaves at most a hidden temporary file, which `civsam doctor` removes).
 */
function createExclusive(path: string, text: string): boolean {
  const tmp = `${path}.${process.pid}.${randomHex()}.tmp`;
  let fd: number;
  try {
    fd = openSync(tmp, 'wx', 0o640);
  } catch (e) {
    // A read-only or full drive, no permission: said of the lock, not of its temporary file.
    throw FileSystemError.at(e, path, 'link');
  }
  try {
    try {
      writeAll(fd, Buffer.from(text, 'utf8'), path);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch (e) {
    // A full drive: the temporary file goes, and the failure is the lock's.
    try { unlinkSync(tmp); } catch { /* gone */ }
    throw FileSystemError.at(e, path, 'write');
  }
  try {
    linkSync(tmp, path);
    return true;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EMLINK'].includes(code ?? '')) throw FileSystemError.at(e, path, 'link');
    return createExclusiveWithoutLinks(path, text);
  } finally {
    try { unlinkSync(tmp); } catch { /* gone */ }
  }
}

/** For file systems without hard links: exclusive create, then the content. */
function createExclusiveWithoutLinks(path: string, text: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx', 0o640);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
  try {
    writeAll(fd, Buffer.from(text, 'utf8'), path);
    fsyncSync(fd);
  } catch (e) {
    // Ours by the exclusive create: a lock file without its owner in it must not stay.
    try { unlinkSync(path); } catch { /* gone */ }
    throw e;
  } finally {
    closeSync(fd);
  }
  return true;
}

/** The lock file's own stat (a link is not followed), or undefined when there is none. */
function statOrUndefined(path: string) {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

export type LockState =
  | { state: 'free' }
  /** Something civsam never makes (a folder, a link…) sits where the lock goes: a person must look. */
  | { state: 'foreign'; kind: NotRegular }
  | { state: 'held'; owner?: LockOwner; ageMs: number }
  | { state: 'abandoned'; owner?: LockOwner; ageMs: number; reason: 'dead' | 'stale' };

/** What the lock file says about its holder, judged now. */
export function lockState(dir: string, now = Date.now(), lifetimeMs = LOCK_LIFETIME_MS): LockState {
  const path = join(dir, LOCK_FILE);
  const st = statOrUndefined(path);
  if (!st) return { state: 'free' };
  const kind = kindOf(st);
  if (kind !== 'file') return { state: 'foreign', kind: kind === 'link' ? linkKind(path) : kind };
  const owner = readLockOwner(path);
  const ageMs = Math.max(0, now - st.mtimeMs);
  if (owner && owner.host === hostname() && !processAlive(owner.pid) && owner.pid !== process.pid) return { state: 'abandoned', owner, ageMs, reason: 'dead' };
  if (ageMs > lifetimeMs) return { state: 'abandoned', owner, ageMs, reason: 'stale' };
  return { state: 'held', owner, ageMs };
}

/** What a link where the lock goes leads to, in the reader's words. */
function linkKind(path: string): NotRegular {
  try {
    const kind = kindOf(statSync(path));
    return kind === 'file' || kind === 'link' ? 'link' : { linkTo: kind };
  } catch {
    return 'linkBroken';
  }
}

/** What is said when a lock is taken over: in words, without process numbers or clock codes; the other computer's name when it was another's. */
function takeoverMessage(s: Extract<LockState, { state: 'abandoned' }>): Message {
  if (s.reason === 'dead') return { key: 'lock.takeoverDead' };
  const seconds = Math.round(s.ageMs / 1000);
  if (s.owner && s.owner.host !== hostname()) return { key: 'lock.takeoverStaleElsewhere', params: { seconds, host: s.owner.host } };
  return { key: 'lock.takeoverStale', params: { seconds } };
}

/** Takes the folder's lock, waiting for a live holder and taking over an abandoned lock. */
export function acquireFolderLock(dir: string, options: LockOptions = {}): FolderLock {
  const attempts = lockAttempts(dir, options);
  for (;;) {
    const next = attempts.next();
    if (next.done) return next.value;
    sleep(next.value);
  }
}

/**
 * The attempts at the lock: each yields how long to wait before the next (the waiting itself is
 * the caller's, so a caller that waits on the event loop hears a Ctrl-C meanwhile), and the last
 * returns the lock taken.
 */
function* lockAttempts(dir: string, options: LockOptions): Generator<number, FolderLock, void> {
  const now = options.now ?? Date.now;
  const lifetime = options.lifetimeMs ?? LOCK_LIFETIME_MS;
  const maxWait = options.maxWaitMs ?? MAX_WAIT_MS;
  const path = join(dir, LOCK_FILE);
  const guard = join(dir, GUARD_FILE);
  const owner: LockOwner = { pid: process.pid, host: hostname(), since: new Date(now()).toISOString(), token: `${Date.now().toString(36)}-${randomHex(16)}` };
  const text = JSON.stringify(owner) + '\n';
  const started = now();
  let pause = 5;
  let said = false;

  for (;;) {
    if (createExclusive(path, text)) break;
    const state = lockState(dir, now(), lifetime);
    // Waiting would never end: nothing civsam does removes a folder or a link.
    if (state.state === 'foreign') throw new UserError('lock.notAFile', { path: shortPath(path, process.cwd()), what: notRegularMessage(state.kind) });
    let retryNow = state.state === 'free'; // released between our attempt and the look: try again at once
    if (state.state === 'abandoned') {
      const seen = statOrUndefined(path);
      // Only one process may remove an abandoned lock: whoever holds the short-lived guard, and
      // only while the lock file is still the one it judged abandoned.
      if (createExclusive(guard, text)) {
        try {
          const again = statOrUndefined(path);
          if (seen && again && again.ino === seen.ino && again.mtimeMs === seen.mtimeMs) {
            try {
              unlinkSync(path);
              options.onTakeover?.(takeoverMessage(state));
            } catch {
              // Its holder released it after all: the lock is free.
            }
          }
        } finally {
          try { unlinkSync(guard); } catch { /* gone already */ }
        }
        retryNow = true;
      } else {
        const g = statOrUndefined(guard);
        if (g && !g.isFile()) throw new UserError('lock.notAFile', { path: shortPath(guard, process.cwd()), what: notRegularMessage(kindOf(g) === 'link' ? linkKind(guard) : (kindOf(g) as NotRegular)) });
        if (g && now() - g.mtimeMs > GUARD_LIFETIME_MS) {
          try { unlinkSync(guard); } catch { /* someone else removed it */ }
        }
      }
    }
    // Every way round the loop passes this check: whatever the lock does, the wait ends.
    if (now() - started > maxWait) throw new UserError('lock.busy', { seconds: Math.round(maxWait / 1000) });
    if (retryNow) continue;
    if (!said && state.state === 'held' && now() - started >= WAIT_SAID_MS) {
      said = true;
      options.onWait?.({ key: 'lock.waiting', params: { seconds: Math.round(Math.max(0, lifetime - state.ageMs) / 1000) } });
    }
    yield pause + Math.floor(Math.random() * pause);
    pause = Math.min(pause * 2, 200);
  }

  let released = false;
  // A process that ends without releasing (process.exit when the reader of its output went away,
  // `civsam doctor | head -1`) still removes its lock, rather than leave the next writer to wait
  // for a takeover.
  const onExit = () => lock.release();
  process.once('exit', onExit);
  const lock: FolderLock = {
    owner,
    stillHeld() {
      if (released) return false;
      const current = readLockOwner(path);
      return current !== undefined && current.token === owner.token;
    },
    refresh() {
      if (released) return;
      const current = readLockOwner(path);
      if (current && current.token === owner.token) {
        const t = new Date(now());
        try { utimesSync(path, t, t); } catch { /* gone: stillHeld() will say so */ }
      }
    },
    release() {
      if (released) return;
      released = true;
      process.removeListener('exit', onExit);
      // Remove the lock only if it is still ours: a takeover may have given it to someone else.
      const current = readLockOwner(path);
      if (current && current.token === owner.token) {
        try { unlinkSync(path); } catch { /* already gone */ }
      }
    },
  };
  return lock;
}

/**
 * The folder's lock, taken while a Ctrl-C is already a request (see listenForStop) rather than the
 * end of the process: taking it writes a temporary file and links it into place, and a Ctrl-C then
 * must not leave that file behind. While civsam waits for another writer it waits on the event
 * loop, so a Ctrl-C is heard there too: the wait ends with nothing written and the other writer's
 * lock untouched (`stopped` says so; by default as any change stopped before it wrote). Every
 * command that changes the folder takes its lock this way.
 */
export async function acquireFolderLockListening(dir: string, options: LockOptions & { stopped?: (stop: StopRequests) => Error } = {}): Promise<{ lock: FolderLock; stop: StopRequests }> {
  const stop = listenForStop();
  try {
    const attempts = lockAttempts(dir, options);
    for (;;) {
      if (stop.count() > 0) throw options.stopped?.(stop) ?? new UserError('write.stopped', {}, stop.exitCode());
      const next = attempts.next();
      if (next.done) return { lock: next.value, stop };
      await new Promise((resolve) => setTimeout(resolve, next.value));
    }
  } catch (e) {
    stop.dispose();
    throw e;
  }
}
