// A change civsam saved but could not put in the history (a full disk while git committed, a hook
// that refused, a process killed between the two): noted, before each commit, in the repository's
// own folder (.git, never a file of the register and never shared), with what civsam wrote in each
// file. The next change that finds such a file uncommitted and still as civsam wrote it knows it
// for civsam's own unfinished work, not someone else's, and commits it with its own; a file changed
// since (by hand, by another program) is someone's work and is left to them, as before. Best
// effort: a note that cannot be written (the disk is full) leaves things as they were without it.
import { createHash } from 'node:crypto';
import { closeSync, lstatSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic-file.js';
import { openRegular, readUpTo } from './read-file.js';
import { MAX_FILE_BYTES } from './yaml-read.js';

const NOTE_FILE = 'civsam-uncommitted.json';
/** A note of some thousand files is some hundred KiB. */
const MAX_NOTE_BYTES = 16 * 1024 * 1024;

/** One file of a change civsam saved: its path in the repository, the SHA-256 of what civsam wrote (null: civsam removed it), and the change's commit message. */
export interface OwnChange {
  path: string;
  sha: string | null;
  message: string;
}

export const contentSha = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** The note's place: in the repository's .git folder, when it is one (a worktree's .git is a file: no note there). */
function notePath(root: string): string | undefined {
  try {
    return lstatSync(join(root, '.git')).isDirectory() ? join(root, '.git', NOTE_FILE) : undefined;
  } catch {
    return undefined;
  }
}

function readNote(path: string): OwnChange[] {
  try {
    const opened = openRegular(path, { follow: false });
    if ('refused' in opened) return [];
    try {
      const parsed = JSON.parse(readUpTo(opened.fd, Number(opened.st.size), MAX_NOTE_BYTES).toString('utf8')) as { version?: number; files?: unknown };
      if (parsed?.version !== 1 || !Array.isArray(parsed.files)) return [];
      return parsed.files.filter((f): f is OwnChange => typeof f?.path === 'string' && (f.sha === null || typeof f.sha === 'string') && typeof f.message === 'string');
    } finally {
      closeSync(opened.fd);
    }
  } catch {
    return [];
  }
}

function writeNote(path: string, files: readonly OwnChange[]): void {
  try {
    if (files.length === 0) unlinkSync(path);
    else writeFileAtomic(path, JSON.stringify({ version: 1, files }) + '\n', { mode: 0o600 });
  } catch {
    // A full disk, a read-only .git: without the note the next change treats the files as before.
  }
}

/** Notes the files of a change about to be committed (replacing earlier notes of the same files). */
export function noteOwnChanges(root: string, changes: readonly OwnChange[]): void {
  const path = notePath(root);
  if (!path || changes.length === 0) return;
  const paths = new Set(changes.map((c) => c.path));
  writeNote(path, [...readNote(path).filter((f) => !paths.has(f.path)), ...changes]);
}

/** Forgets the files once committed (or once they are no longer uncommitted). */
export function forgetOwnChanges(root: string, paths: readonly string[]): void {
  const path = notePath(root);
  if (!path || paths.length === 0) return;
  const drop = new Set(paths);
  const files = readNote(path);
  if (files.some((f) => drop.has(f.path))) writeNote(path, files.filter((f) => !drop.has(f.path)));
}

/** Of these uncommitted files (paths in the repository), those civsam saved and that are still exactly as it saved them. */
export function ownUncommitted(root: string, paths: readonly string[]): OwnChange[] {
  const path = notePath(root);
  if (!path) return [];
  const wanted = new Set(paths);
  const noted = readNote(path);
  // A noted file that is no longer uncommitted was committed since (by hand, as civsam advised):
  // forgotten, so the same content uncommitted later is never taken for civsam's.
  const open = noted.filter((f) => wanted.has(f.path));
  if (open.length < noted.length) writeNote(path, open);
  return open.filter((f) => currentSha(join(root, f.path)) === f.sha);
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
