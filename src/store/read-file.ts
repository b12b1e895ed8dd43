// Reading a file without surprises. Only ordinary files are read: a named pipe would block the read
// for ever, a device (/dev/zero) never ends, a folder cannot be read at all. A file is opened so
// that the open itself cannot block (O_NONBLOCK) and checked again once open (fstat), since it may
// have been swapped for something else after it was looked at; and no more than a limit is read,
// whatever the file claims or grows to.
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, realpathSync, statSync, type BigIntStats, type Stats } from 'node:fs';
import { relative, isAbsolute, sep } from 'node:path';
import { FileSystemError, UserError } from '../domain/errors.js';
import { refuseUnreadablePath } from '../domain/path-check.js';
import type { Message } from '../i18n/index.js';
import { listenForStop, type StopRequests } from './stop-request.js';

/** What a path is when it is not an ordinary file. */
export type NotRegular = 'folder' | 'fifo' | 'socket' | 'device' | 'other' | 'link' | 'linkOutside' | 'linkToDataFolder' | 'linkBroken' | { linkTo: NotRegular };

/** What a stat (or a folder entry, which says the same) shows. */
export function kindOf(st: Pick<Stats, 'isFile' | 'isSymbolicLink' | 'isDirectory' | 'isFIFO' | 'isSocket' | 'isCharacterDevice' | 'isBlockDevice'>): NotRegular | 'file' | 'link' {
  if (st.isFile()) return 'file';
  if (st.isSymbolicLink()) return 'link';
  if (st.isDirectory()) return 'folder';
  if (st.isFIFO()) return 'fifo';
  if (st.isSocket()) return 'socket';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'device';
  return 'other';
}

/** The words for a kind, as a message parameter. */
export function notRegularMessage(kind: NotRegular): Message {
  if (typeof kind === 'object') return { key: 'fs.kind.linkTo', params: { what: notRegularMessage(kind.linkTo) } };
  return { key: `fs.kind.${kind}` };
}

// O_NONBLOCK: opening a named pipe for reading would otherwise wait for a writer. O_NOFOLLOW: a
// link swapped in after the look is refused (ELOOP) rather than followed. Both are 0 where the
// system has no such flag.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);
const NO_FOLLOW = constants.O_NOFOLLOW ?? 0;

export type Opened = { fd: number; st: Stats } | { refused: NotRegular };

/**
 * Opens an ordinary file for reading, never blocking. With `follow: false` a link is refused
 * (the caller has resolved it already). Other errors (no permission, …) are thrown as the system
 * gave them.
 */
export function openRegular(path: string, options: { follow: boolean; bigint?: false }): Opened;
/** As above, its stat in nanoseconds (a file's identity, taken from the open file at no extra call). */
export function openRegular(path: string, options: { follow: boolean; bigint: true }): { fd: number; st: BigIntStats } | { refused: NotRegular };
export function openRegular(path: string, { follow, bigint = false }: { follow: boolean; bigint?: boolean }): { fd: number; st: Stats | BigIntStats } | { refused: NotRegular } {
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS | (follow ? 0 : NO_FOLLOW));
  } catch (e) {
    // A link swapped in after the caller looked: refused like any link it may not follow.
    if (!follow && (e as NodeJS.ErrnoException).code === 'ELOOP') return { refused: 'link' };
    throw e;
  }
  let st: Stats | BigIntStats;
  try {
    st = fstatSync(fd, { bigint });
  } catch (e) {
    closeSync(fd);
    throw e;
  }
  const kind = kindOf(st);
  if (kind !== 'file') {
    closeSync(fd);
    return { refused: kind === 'link' ? 'other' : kind };
  }
  return { fd, st };
}

/**
 * Where a file the user named for output (`--output FILE`) is written: the path itself when it is
 * an ordinary file or none yet; where a link leads when it leads to an ordinary file (so the file
 * the user sees through the link is the one replaced, not the link). Anything else (a named pipe,
 * a device such as /dev/full, /dev/stdout when the output goes to a pipe or terminal, a
 * link that leads nowhere) is refused: the atomic writer renames a new file into the name's place,
 * which would put an ordinary file where that thing was.
 */
export function outputTarget(path: string): { path: string } | { refused: NotRegular } {
  let own: Stats;
  try {
    own = lstatSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { path };
    throw e;
  }
  // A folder is left to the writer, whose rename fails with the system's own "is a folder" (EISDIR).
  if (own.isFile() || own.isDirectory()) return { path };
  if (!own.isSymbolicLink()) return { refused: kindOf(own) as NotRegular };
  let st: Stats;
  try {
    st = statSync(path);
  } catch {
    return { refused: 'linkBroken' };
  }
  const kind = kindOf(st);
  if (kind !== 'file') return { refused: { linkTo: kind as NotRegular } };
  return { path: realpathSync(path) };
}

/**
 * Whether a folder of the data folder (`organisations`, `vocabularies`, …) is, or lies through, a
 * link that leads out of the data folder (`root`, a real path): its files would be read from, and
 * written to, a place that is not in the folder's history (`outside`); or a link to the data folder
 * itself (`data-folder`): its own files would be taken for records. A folder that does not exist is
 * neither (false).
 */
export function folderOutside(path: string, root: string): false | 'outside' | 'data-folder' {
  let target: string;
  try {
    target = realpathSync(path);
  } catch {
    return false; // missing, or unreadable: listing it says why
  }
  return target === root ? 'data-folder' : within(root, target) ? false : 'outside';
}

/** Whether `target` lies in the folder `root` (both real paths), or is it. */
function within(root: string, target: string): boolean {
  const inside = relative(root, target);
  return inside !== '..' && !inside.startsWith(`..${sep}`) && !isAbsolute(inside);
}

/**
 * Where a link inside the data folder leads, when it may be followed: to an ordinary file inside
 * the folder (`root`, a real path). A link out of the folder would make a record that is not in the
 * folder's history; a link to anything but a file is refused like that thing itself.
 */
export function followLinkWithin(path: string, root: string): { path: string } | { refused: NotRegular } {
  let target: string;
  try {
    target = realpathSync(path);
  } catch {
    return { refused: 'linkBroken' };
  }
  if (target === root) return { refused: 'linkToDataFolder' };
  if (!within(root, target)) return { refused: 'linkOutside' };
  const kind = kindOf(lstatSync(target));
  if (kind === 'file') return { path: target };
  return { refused: kind === 'link' ? 'linkBroken' : { linkTo: kind } };
}

/**
 * Reads an open file: the `size` its stat gave and whatever was appended since, but never more than
 * `limit` + 1 bytes (so a caller sees that the limit was passed without holding the rest).
 */
export function readUpTo(fd: number, size: number, limit: number): Buffer {
  let buf = Buffer.allocUnsafe(Math.min(size, limit) + 1);
  let n = 0;
  for (;;) {
    if (n === buf.length) {
      if (buf.length > limit) break;
      const bigger = Buffer.allocUnsafe(Math.min(buf.length * 2, limit + 1));
      buf.copy(bigger, 0, 0, n);
      buf = bigger;
    }
    const r = readSync(fd, buf, n, buf.length - n, null);
    if (r === 0) break;
    n += r;
  }
  return buf.subarray(0, n);
}

/**
 * Reads a stream (standard input, a pipe) up to `limit` + 1 bytes, then stops reading it. A pipe
 * waits for its writer, which may never come (a shell that waits for a line, a named pipe nobody
 * writes to): a request to stop (`stop`, a Ctrl-C or SIGTERM) ends the read at once, the stream
 * closed, with `stopped()`'s error.
 */
export function readStreamUpTo(stream: NodeJS.ReadableStream, limit: number, stop?: { requests: StopRequests; stopped: () => Error }): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let n = 0;
    let done = false;
    const finish = (result: { bytes: Buffer } | { error: Error }, close: boolean) => {
      if (done) return;
      done = true;
      stream.off('data', onData);
      stream.off('end', onEnd);
      stream.off('error', onError);
      // Closed when left early: a writer that goes on gets a broken pipe, and nothing more is
      // held in memory or keeps the process waiting.
      if (close) (stream as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
      if ('error' in result) reject(result.error);
      else resolve(result.bytes);
    };
    const all = () => {
      const bytes = Buffer.concat(chunks);
      return bytes.length > limit + 1 ? bytes.subarray(0, limit + 1) : bytes;
    };
    const onData = (c: Buffer | string) => {
      const chunk = typeof c === 'string' ? Buffer.from(c) : c;
      chunks.push(chunk);
      n += chunk.length;
      if (n > limit) finish({ bytes: all() }, true);
    };
    const onEnd = () => finish({ bytes: all() }, false);
    const onError = (error: Error) => finish({ error }, true);
    if (stop) {
      if (stop.requests.count() > 0) return finish({ error: stop.stopped() }, true);
      stop.requests.onRequest(() => finish({ error: stop.stopped() }, true));
    }
    stream.on('data', onData);
    stream.on('end', onEnd);
    stream.on('error', onError);
  });
}

/**
 * Reads a pipe the user named (`<(…)`, a named pipe, /dev/stdin from a pipe): opened without
 * waiting for its writer (O_NONBLOCK; a plain open would wait for one out of reach of a Ctrl-C and
 * keep the process alive after it) and read as the event loop's, so a request to stop is heard
 * while it waits.
 */
/** How long a named pipe may keep civsam waiting before the user is told (a pipe that is written to gives its data sooner). */
export const PIPE_WAIT_NOTE_MS = 1000;

async function openPipe(path: string): Promise<NodeJS.ReadableStream | undefined> {
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS);
  } catch (e) {
    throw FileSystemError.at(e, path, 'open');
  }
  // Swapped for something else since it was looked at: undefined, to be read or refused as any other file.
  if (!fstatSync(fd).isFIFO()) {
    closeSync(fd);
    return undefined;
  }
  const { Socket } = await import('node:net');
  return new Socket({ fd, readable: true, writable: false });
}

/**
 * Reads a stream while listening for a request to stop (store/stop-request.ts): before this reads,
 * nothing is written, so a Ctrl-C ends the command with nothing written, as any change stopped
 * before it wrote; after it, requests are noted again as before.
 */
async function readListening(stream: NodeJS.ReadableStream, limit: number): Promise<Buffer> {
  const requests = listenForStop();
  try {
    return await readStreamUpTo(stream, limit, { requests, stopped: () => new UserError('write.stopped', {}, requests.exitCode()) });
  } finally {
    requests.handBack('write.stopped');
  }
}

/** A limit in words: whole MiB from 1 MiB up, else KiB. */
export function limitMessage(bytes: number): Message {
  return bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0
    ? { key: 'input.unitMiB', params: { n: bytes / 1024 / 1024 } }
    : { key: 'input.unitKiB', params: { n: Math.round(bytes / 1024) } };
}

/**
 * A file a person names on the command line, read whole: an ordinary file, or a pipe (`<(…)`,
 * /dev/stdin from a pipe); `-` is standard input. Anything else (a device such as /dev/zero, a
 * folder, a socket) is refused before a byte is read. More than `limit` bytes is refused with
 * `tooLarge()`, without reading (much) more than the limit. A Ctrl-C while a pipe or standard input
 * waits for its writer stops the command (nothing is written before the input is read). System
 * errors (no such file, no permission) are thrown as the system gave them, for the one place that
 * tells them to the user.
 */
export async function readNamedInput(
  path: string,
  opts: { shown: string; limit: number; stdin?: NodeJS.ReadableStream; tooLarge: () => Error; waiting?: () => void },
): Promise<Buffer> {
  const { limit, tooLarge } = opts;
  refuseUnreadablePath(path);
  if (path === '-') {
    const bytes = await readListening(opts.stdin ?? process.stdin, limit);
    if (bytes.length > limit) throw tooLarge();
    return bytes;
  }
  let st: Stats;
  try {
    st = statSync(path);
  } catch (e) {
    throw FileSystemError.at(e, path, 'open');
  }
  // A pipe is the user's own (`<(…)`): read as a stream, waiting for its writer, up to the limit.
  const pipe = st.isFIFO() ? await openPipe(path) : undefined;
  if (pipe) {
    // A named pipe nobody writes to waits for ever: after a moment the user is told what civsam
    // waits for (and how to stop it), rather than left before a silent terminal.
    const timer = opts.waiting ? setTimeout(opts.waiting, PIPE_WAIT_NOTE_MS) : undefined;
    const quiet = () => clearTimeout(timer);
    pipe.once('data', quiet);
    pipe.once('end', quiet);
    try {
      const bytes = await readListening(pipe, limit);
      if (bytes.length > limit) throw tooLarge();
      return bytes;
    } finally {
      quiet();
    }
  }
  const opened = openRegular(path, { follow: true });
  if ('refused' in opened) throw new UserError('input.notRegular', { file: opts.shown, what: notRegularMessage(opened.refused) });
  try {
    if (opened.st.size > limit) throw tooLarge();
    const bytes = readUpTo(opened.fd, opened.st.size, limit);
    if (bytes.length > limit) throw tooLarge();
    return bytes;
  } finally {
    closeSync(opened.fd);
  }
}
