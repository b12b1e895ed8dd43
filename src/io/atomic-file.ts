// Replacing files so that a crash leaves the old or the new file, never a partial one, and so
// that a change made by someone else since we read the file is never overwritten.
// The temporary file sits beside the target (same file system, so the rename is atomic), is hidden
// and ends in .tmp, so the loader never reads it as a record; `civsam doctor` removes leftovers.
// One file: replaceFile. Many files in one change (an import): replaceFiles, which flushes all the
// temporary files at once and each folder once, with the same checks before every rename.
import { closeSync, fstatSync, fsyncSync, linkSync, mkdirSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { shortPath, UserError } from '../errors.js';
import { notRegularMessage, openRegular } from './read-file.js';

/** What a file was when it was read: absent, or its exact bytes and identity. */
export type Snapshot =
  | { exists: false }
  | { exists: true; bytes: Buffer; ino: number; size: number; mtimeMs: number };

export function snapshot(path: string): Snapshot {
  let fd: number;
  try {
    // Opened as the reader opens files: a named pipe or a device in a record's place is refused,
    // never waited on or read without end.
    const opened = openRegular(path, { follow: true });
    if ('refused' in opened) throw new UserError('write.notRegular', { path: shortPath(path, process.cwd()), what: notRegularMessage(opened.refused) });
    fd = opened.fd;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { exists: false };
    throw e;
  }
  try {
    const st = fstatSync(fd);
    const bytes = readFileSync(fd);
    return { exists: true, bytes, ino: st.ino, size: st.size, mtimeMs: st.mtimeMs };
  } finally {
    closeSync(fd);
  }
}

/** Whether the file is still exactly as it was in the snapshot. */
export function unchangedSince(path: string, before: Snapshot): boolean {
  const now = snapshot(path);
  if (!before.exists || !now.exists) return before.exists === now.exists;
  return now.ino === before.ino && now.size === before.size && now.mtimeMs === before.mtimeMs && now.bytes.equals(before.bytes);
}

/** Why a replace did not happen; nothing was changed in any of these cases. */
export type ReplaceRefusal = 'changed-since-read' | 'lock-lost';

export interface ReplaceOptions {
  /** Checked immediately before the rename: false means another writer took over. */
  stillHeld?: () => boolean;
  /** Permission bits for the new file (the umask still applies). */
  mode?: number;
  /** The caller flushes the folder itself, once after many files (see syncFolder). */
  deferFolderSync?: boolean;
}

/**
 * Eight hex digits for a temporary name. Not secret, only unlikely to repeat within one process
 * and pid (node:crypto would cost a write command ~70 ms of start-up).
 */
export function randomHex(digits = 8): string {
  let out = '';
  while (out.length < digits) out += Math.floor(Math.random() * 0x100000000).toString(16).padStart(8, '0');
  return out.slice(0, digits);
}

export function temporaryName(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}.${randomHex()}.tmp`);
}

/** fsync a folder so a rename or removal in it survives a power cut. Not every system allows it. */
export function syncFolder(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Some file systems (and Windows) cannot fsync a folder; the rename is still atomic.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Puts the flushed temporary file in the target's place: rename over an existing file, link for a
 * new one (link fails if someone created the target meanwhile, where rename would overwrite it).
 * False when the target appeared since it was read. The temporary name may remain (a link): the
 * caller removes it.
 */
function place(tmp: string, target: string, expected: Snapshot): boolean {
  if (expected.exists) {
    renameSync(tmp, target);
    return true;
  }
  try {
    linkSync(tmp, target);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK'].includes(code ?? '')) throw e;
    renameSync(tmp, target); // a file system without hard links: the check before must do
  }
  return true;
}

/**
 * Writes `text` to `target` atomically, but only if the target is still as `expected` says:
 * write a temporary file, flush it, compare, rename (or link, for a new file), flush the folder.
 */
export function replaceFile(target: string, text: string | Uint8Array, expected: Snapshot, options: ReplaceOptions = {}): { ok: true } | { ok: false; reason: ReplaceRefusal } {
  const dir = dirname(target);
  mkdirSync(dir, { recursive: true, mode: 0o750 });
  const tmp = temporaryName(target);
  const fd = openSync(tmp, 'wx', options.mode ?? 0o640);
  let placed = false;
  try {
    try {
      writeSync(fd, typeof text === 'string' ? Buffer.from(text, 'utf8') : text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    // The last checks, as close to the rename as they can be.
    if (options.stillHeld && !options.stillHeld()) return { ok: false, reason: 'lock-lost' };
    if (!unchangedSince(target, expected)) return { ok: false, reason: 'changed-since-read' };
    if (!place(tmp, target, expected)) return { ok: false, reason: 'changed-since-read' };
    placed = true;
    return { ok: true };
  } finally {
    try { unlinkSync(tmp); } catch { /* renamed away: nothing to clean */ }
    if (placed && !options.deferFolderSync) syncFolder(dir);
  }
}

/** Removes `target` if it is still as `expected` says. */
export function removeFile(target: string, expected: Snapshot, options: ReplaceOptions = {}): { ok: true } | { ok: false; reason: ReplaceRefusal } {
  if (options.stillHeld && !options.stillHeld()) return { ok: false, reason: 'lock-lost' };
  if (!unchangedSince(target, expected)) return { ok: false, reason: 'changed-since-read' };
  unlinkSync(target);
  if (!options.deferFolderSync) syncFolder(dirname(target));
  return { ok: true };
}

/** One file of a batch: its new bytes (undefined: remove the file) and what it was when it was read. */
export interface BatchFile {
  target: string;
  bytes?: Uint8Array;
  expected: Snapshot;
}

export interface BatchOptions {
  /** Checked before the first rename and again immediately before each one: false means another writer took over. */
  stillHeld?: () => boolean;
  /** Called every `keepAliveEveryMs` or so while the batch runs, so the folder's lock does not lapse. */
  keepAlive?: () => void;
  /** KEEP_ALIVE_MS unless a test says otherwise. */
  keepAliveEveryMs?: number;
  /** Permission bits for new files (the umask still applies). */
  mode?: number;
  /** How many temporary files are flushed at once. */
  concurrency?: number;
  /** Called as soon as the file at this index is in place (tests interfere here). */
  onPlaced?: (index: number) => void;
}

/**
 * Why a batch stopped, at which file, and how many files were in place by then (the first
 * `placed` files, in the order given). placed 0: nothing was changed.
 */
export type BatchOutcome = { ok: true } | { ok: false; reason: ReplaceRefusal; index: number; placed: number };

/** Well inside the lock's 30 s lifetime; a refresh costs one small read and a utimes. */
export const KEEP_ALIVE_MS = 2_000;

/**
 * Flushes the files, `concurrency` at a time: one fsync waits for the disk, many at once share
 * its journal commits (measured here: 1,000 fsyncs 4.1 s one after another, ~90 ms 64 at once).
 * Waits for every flush to finish (so nobody still holds a file when the caller cleans up) and
 * then throws the first error, if any.
 */
async function flushAll(paths: readonly string[], concurrency: number, tick: () => void): Promise<void> {
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < paths.length) {
      const handle = await open(paths[next++], 'r+');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
      tick();
    }
  };
  const results = await Promise.allSettled(Array.from({ length: Math.min(concurrency, paths.length) }, () => worker().catch((e: unknown) => {
    failed = true;
    throw e;
  })));
  const rejected = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (rejected) throw rejected.reason;
}

/**
 * Writes (or removes) many files as one change, with every guarantee of replaceFile:
 *  1. every temporary file is written beside its target (hidden, ending in .tmp);
 *  2. all of them are flushed, `concurrency` at a time;
 *  3. before the first rename: the lock is still ours and every target is still as it was read;
 *     a refusal here (or any failure before) removes the temporary files and changes nothing;
 *  4. file by file, in the order given: the same two checks again immediately before the rename
 *     (or the link, for a new file; the removal, for a file to remove), then the rename;
 *  5. each touched folder is flushed once.
 * A crash (or SIGKILL) during step 4 leaves each target whole, either old or new, as one-at-a-time
 * writes do: every rename is atomic and points at a file already flushed. The files after the
 * crash point keep their old text, their temporary files stay behind (never read as records;
 * `civsam doctor` removes them), and the folder holds part of the change; until step 5 a power
 * cut may also undo some of the renames, each again leaving the old file whole. A refusal in step 4
 * (someone changed a file in the moment between the checks, or took over the lock) stops there
 * likewise: `placed` says how many of the files, in order, are already new.
 */
export async function replaceFiles(files: readonly BatchFile[], options: BatchOptions = {}): Promise<BatchOutcome> {
  if (new Set(files.map((f) => f.target)).size !== files.length) throw new Error('replaceFiles: a target is given twice');
  const every = options.keepAliveEveryMs ?? KEEP_ALIVE_MS;
  let lastKeepAlive = Date.now();
  const keepAlive = () => {
    if (options.keepAlive && Date.now() - lastKeepAlive >= every) {
      options.keepAlive();
      lastKeepAlive = Date.now();
    }
  };
  const stillHeld = options.stillHeld ?? (() => true);
  const temps: Array<string | undefined> = files.map(() => undefined);
  const touched = new Set<string>();
  try {
    // 1. Written, not yet flushed: creating files goes fastest while no flush competes with it.
    const folders = new Set<string>();
    for (let i = 0; i < files.length; i++) {
      const { target, bytes } = files[i];
      if (bytes === undefined) continue;
      const dir = dirname(target);
      if (!folders.has(dir)) {
        mkdirSync(dir, { recursive: true, mode: 0o750 });
        folders.add(dir);
      }
      const tmp = temporaryName(target);
      const fd = openSync(tmp, 'wx', options.mode ?? 0o640);
      temps[i] = tmp;
      try {
        writeSync(fd, bytes);
      } finally {
        closeSync(fd);
      }
      keepAlive();
    }
    // 2. Flushed, all before any rename.
    await flushAll(temps.filter((t): t is string => t !== undefined), options.concurrency ?? 64, keepAlive);
    keepAlive();

    // 3. A refusal found before the first rename changes nothing.
    if (!stillHeld()) return { ok: false, reason: 'lock-lost', index: 0, placed: 0 };
    for (let i = 0; i < files.length; i++) {
      if (!unchangedSince(files[i].target, files[i].expected)) return { ok: false, reason: 'changed-since-read', index: i, placed: 0 };
    }

    // 4. In place, one by one, each checked again as close to its rename as it can be.
    for (let i = 0; i < files.length; i++) {
      const { target, bytes, expected } = files[i];
      keepAlive();
      if (!stillHeld()) return { ok: false, reason: 'lock-lost', index: i, placed: i };
      if (!unchangedSince(target, expected)) return { ok: false, reason: 'changed-since-read', index: i, placed: i };
      touched.add(dirname(target));
      if (bytes === undefined) {
        unlinkSync(target);
      } else {
        if (!place(temps[i]!, target, expected)) return { ok: false, reason: 'changed-since-read', index: i, placed: i };
        // A rename took the temporary name away; a link (new file) left it: remove it now.
        if (!expected.exists) {
          try { unlinkSync(temps[i]!); } catch { /* renamed: nothing left */ }
        }
        temps[i] = undefined;
      }
      options.onPlaced?.(i);
    }
    return { ok: true };
  } finally {
    for (const tmp of temps) {
      if (tmp !== undefined) {
        try { unlinkSync(tmp); } catch { /* never made, or gone */ }
      }
    }
    // 5. Once per folder, also after a refusal part-way (what is in place should stay in place).
    for (const dir of touched) syncFolder(dir);
  }
}
