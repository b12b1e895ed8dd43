// Replacing one file so that a crash leaves the old or the new file, never a partial one, and so
// that a change made by someone else since we read the file is never overwritten.
// The temporary file sits beside the target (same file system, so the rename is atomic), is hidden
// and ends in .tmp, so the loader never reads it as a record; `civsam doctor` removes leftovers.
import { closeSync, fstatSync, fsyncSync, linkSync, mkdirSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** What a file was when it was read: absent, or its exact bytes and identity. */
export type Snapshot =
  | { exists: false }
  | { exists: true; bytes: Buffer; ino: number; size: number; mtimeMs: number };

export function snapshot(path: string): Snapshot {
  let fd: number;
  try {
    fd = openSync(path, 'r');
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
    if (expected.exists) {
      renameSync(tmp, target);
    } else {
      // A new file: link fails if someone created the target meanwhile; rename would overwrite it.
      try {
        linkSync(tmp, target);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') return { ok: false, reason: 'changed-since-read' };
        if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK'].includes(code ?? '')) throw e;
        renameSync(tmp, target); // a file system without hard links: the check above must do
        placed = true;
      }
    }
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
