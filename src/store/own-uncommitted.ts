// A change civsam saved but could not put in the history (a full disk while git committed, a hook
// that refused, a process killed between the two): noted, before its files are written, in the
// repository's own folder (.git, never a file of the register and never shared), with what civsam
// wrote in each file, the change's commit message and when it was saved. The next change that finds
// such a file uncommitted and still as civsam wrote it knows it for civsam's own unfinished work,
// not someone else's, and commits it as the change it was (its own commit, its own message, oldest
// first); a file changed since (by hand, by another program) is someone's work and is left to them.
// The note is written before the files: a note that cannot be written for want of space refuses the
// change before anything is saved, so no change is ever saved that the next one cannot recognise.
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, lstatSync, readFileSync, unlinkSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { writeFileAtomic } from './atomic-file.js';
import { commitPaths } from './git.js';
import { openRegular, readUpTo } from './read-file.js';
import { MAX_FILE_BYTES } from './yaml-read.js';

const NOTE_FILE = 'civsam-uncommitted.json';
/** A note of some thousand files is some hundred KiB. */
const MAX_NOTE_BYTES = 16 * 1024 * 1024;

/** One file of a change civsam saved: its path in the repository and the SHA-256 of what civsam wrote (null: civsam removed it). */
export interface OwnFile {
  path: string;
  sha: string | null;
}

/** A change civsam saved: its files, its whole commit message, and when it was saved (ISO 8601). */
export interface OwnChange {
  id: string;
  saved: string;
  message: string;
  files: OwnFile[];
}

export const contentSha = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** A new change's note, saved now. */
export function newOwnChange(message: string, files: OwnFile[], now: Date = new Date()): OwnChange {
  return { id: `${now.getTime().toString(36)}-${randomBytes(4).toString('hex')}`, saved: now.toISOString(), message, files };
}

/**
 * The note's place: in the repository's own folder (.git; for a worktree, the private folder its
 * .git file names), never among the files git tracks.
 */
function notePath(root: string): string | undefined {
  const dotGit = join(root, '.git');
  try {
    const st = lstatSync(dotGit);
    if (st.isDirectory()) return join(dotGit, NOTE_FILE);
    if (!st.isFile()) return undefined;
    const named = /^gitdir: (.+)$/m.exec(readFileSync(dotGit, 'utf8'))?.[1]?.trim();
    if (!named) return undefined;
    const gitDir = isAbsolute(named) ? named : join(root, named);
    return lstatSync(gitDir).isDirectory() ? join(gitDir, NOTE_FILE) : undefined;
  } catch {
    return undefined;
  }
}

const isFile = (f: unknown): f is OwnFile => typeof (f as OwnFile)?.path === 'string' && ((f as OwnFile).sha === null || typeof (f as OwnFile).sha === 'string');

/** The noted changes, oldest first. A note of an earlier civsam (one entry per file, the message's first line) reads as one change per message. */
function readNote(path: string): OwnChange[] {
  try {
    const opened = openRegular(path, { follow: false });
    if ('refused' in opened) return [];
    try {
      const parsed = JSON.parse(readUpTo(opened.fd, Number(opened.st.size), MAX_NOTE_BYTES).toString('utf8')) as { version?: number; files?: unknown; changes?: unknown };
      if (parsed?.version === 2 && Array.isArray(parsed.changes)) {
        return parsed.changes.flatMap((c: Partial<OwnChange>) =>
          typeof c?.id === 'string' && typeof c.saved === 'string' && typeof c.message === 'string' && Array.isArray(c.files)
            ? [{ id: c.id, saved: c.saved, message: c.message, files: c.files.filter(isFile).map((f) => ({ path: f.path, sha: f.sha })) }]
            : []);
      }
      if (parsed?.version !== 1 || !Array.isArray(parsed.files)) return [];
      const byMessage = new Map<string, OwnChange>();
      for (const f of parsed.files as Array<{ message?: unknown }>) {
        if (!isFile(f) || typeof f.message !== 'string') continue;
        const message = f.message;
        let change = byMessage.get(message);
        if (!change) byMessage.set(message, (change = { id: `v1-${byMessage.size}`, saved: '', message, files: [] }));
        change.files.push({ path: f.path, sha: f.sha });
      }
      return [...byMessage.values()];
    } finally {
      closeSync(opened.fd);
    }
  } catch {
    return [];
  }
}

/** Writes the note (removes it when empty); throws what the file system said. */
function writeNote(path: string, changes: readonly OwnChange[]): void {
  const left = changes.filter((c) => c.files.length > 0);
  if (left.length === 0) {
    try {
      unlinkSync(path);
    } catch {
      // Not there: nothing to forget.
    }
  } else {
    writeFileAtomic(path, JSON.stringify({ version: 2, changes: left }) + '\n', { mode: 0o600 });
  }
}

/** Whether a file system error is a want of space: the one failure of the note that refuses a change. */
const wantOfSpace = (e: unknown) => ['ENOSPC', 'EDQUOT'].includes(String((e as NodeJS.ErrnoException)?.code));

/**
 * Notes a change about to be written (its files leave the notes of earlier changes: what civsam
 * writes now is what the next change will find). Throws the file system's error when the note
 * cannot be written for want of space: the change's files would not fit either, and a change saved
 * without its note would be taken for someone else's work. Any other failure (a read-only .git)
 * leaves the change un-noted, as a repository without a .git folder of its own does. True when noted.
 */
export function noteOwnChange(root: string, change: OwnChange): boolean {
  const path = notePath(root);
  if (!path || change.files.length === 0) return false;
  const paths = new Set(change.files.map((f) => f.path));
  const earlier = readNote(path).map((c) => ({ ...c, files: c.files.filter((f) => !paths.has(f.path)) }));
  try {
    writeNote(path, [...earlier, change]);
    return true;
  } catch (e) {
    if (wantOfSpace(e)) throw e;
    return false;
  }
}

/** Forgets the files once committed (or once they are no longer uncommitted). Best effort. */
export function forgetOwnChanges(root: string, paths: readonly string[]): void {
  const path = notePath(root);
  if (!path || paths.length === 0) return;
  const drop = new Set(paths);
  const changes = readNote(path);
  if (!changes.some((c) => c.files.some((f) => drop.has(f.path)))) return;
  try {
    writeNote(path, changes.map((c) => ({ ...c, files: c.files.filter((f) => !drop.has(f.path)) })));
  } catch {
    // A full disk: the files stay noted, and are found committed (so forgotten) next time.
  }
}

/**
 * Of these uncommitted files (paths in the repository), the changes civsam saved whose files are
 * still exactly as it saved them, oldest first, each with those files only.
 */
export function ownUncommitted(root: string, paths: readonly string[], { forget = true }: { forget?: boolean } = {}): OwnChange[] {
  const path = notePath(root);
  if (!path) return [];
  const wanted = new Set(paths);
  const noted = readNote(path);
  // A noted file that is no longer uncommitted was committed since (by hand, as civsam advised), or
  // was never written (the change was refused after it was noted): forgotten, so the same content
  // uncommitted later is never taken for civsam's (unless the caller only looks: `forget: false`).
  const open = noted.map((c) => ({ ...c, files: c.files.filter((f) => wanted.has(f.path)) }));
  if (forget && open.some((c, i) => c.files.length < noted[i].files.length)) {
    try {
      writeNote(path, open);
    } catch {
      // Best effort, as forgetOwnChanges.
    }
  }
  return open.map((c) => ({ ...c, files: c.files.filter((f) => currentSha(join(root, f.path)) === f.sha) })).filter((c) => c.files.length > 0);
}

/** The SHA-256 of a file's text now; null when it is not there; undefined when it cannot be told (a link, unreadable). */
function currentSha(file: string): string | null | undefined {
  let opened;
  try {
    opened = openRegular(file, { follow: false });
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ENOENT' ? null : undefined;
  }
  if ('refused' in opened) return undefined;
  try {
    return createHash('sha256').update(readUpTo(opened.fd, Number(opened.st.size), MAX_FILE_BYTES)).digest('hex');
  } catch {
    return undefined;
  } finally {
    closeSync(opened.fd);
  }
}

/**
 * Commits the changes civsam saved and could not commit (ownUncommitted), each as the change it
 * was: its files, its message, dated when it was saved; oldest first, `committed` told of each.
 * Stops at the first git cannot commit (the disk is still full): the rest wait, in order. Returns
 * the changes still uncommitted. What the next change does first, and `civsam doctor --record`.
 */
export function commitOwnChanges(repo: { root: string }, changes: readonly OwnChange[], committed: (hash: string, change: OwnChange) => void): OwnChange[] {
  for (let i = 0; i < changes.length; i++) {
    const change = changes[i];
    const result = commitPaths(repo, change.files.map((f) => join(repo.root, f.path)), change.message, undefined, change.saved ? { authorDate: change.saved } : {});
    if (!result.committed) return changes.slice(i);
    forgetOwnChanges(repo.root, change.files.map((f) => f.path));
    committed(result.hash, change);
  }
  return [];
}
