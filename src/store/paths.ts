// Where a path really leads (`..` and symbolic links resolved, for a path that may not exist yet), and
// where a record's or a vocabulary's file is in the data folder.
import { lstatSync, mkdirSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { UserError } from '../domain/errors.js';
import { FOLDER_OF, ID_PATTERN, type RecordKind, type VocabularyName } from '../domain/kinds.js';

/**
 * A record's file, relative to the data folder. Only a well-formed id makes a file name: the
 * command line refuses any other before a command runs, and this refuses it again, so no id
 * (`../x`, `a/b`, an absolute path) can name a file outside its kind's folder.
 */
export function recordRel(kind: RecordKind, id: string): string {
  if (!ID_PATTERN.test(id)) throw new UserError('register.badId');
  return `${FOLDER_OF[kind]}/${id}.yaml`;
}

/** A vocabulary's file, relative to the data folder. */
export function vocabularyRel(name: VocabularyName): string {
  return `vocabularies/${name}.yaml`;
}

/** The path with every symbolic link on the way resolved; for parts that do not exist yet, as written. */
export function realPath(path: string): string {
  const abs = resolve(path);
  try {
    // The native call also gives the case the disk uses, so `DATA` is `data` on a Mac's disk.
    return realpathSync.native(abs);
  } catch {
    const parent = dirname(abs);
    // The root always exists; reaching it means nothing on the way could be resolved.
    if (parent === abs) return abs;
    return join(realPath(parent), basename(abs));
  }
}

/** True when `target` is `folder` itself or lies anywhere inside it, once both are resolved. */
export function isInsideFolder(folder: string, target: string): boolean {
  const rel = relative(realPath(folder), realPath(target));
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/** True when something is at the path, a dangling symbolic link included. */
export function pathExists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Makes a folder and the folders missing above it, as `mkdir -p` does: nothing when it is there.
 * Node's own `mkdirSync(…, { recursive: true })` never returns on a file system that says a folder
 * that is there is not (a path under /proc spins at full speed), so each missing level is made here
 * in turn, from the top, and the system's error at one of them is thrown as it is. Returns the
 * folders it made, the top one first (none made by someone else meanwhile).
 */
export function makeFolders(dir: string, mode?: number): string[] {
  const missing: string[] = [];
  const made: string[] = [];
  for (let at = resolve(dir); ; ) {
    try {
      statSync(at);
      break; // there (a file in the way makes the mkdir below it fail, as it should)
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    missing.push(at);
    const parent = dirname(at);
    if (parent === at) break;
    at = parent;
  }
  for (const d of missing.reverse()) {
    try {
      mkdirSync(d, mode === undefined ? undefined : { mode });
      made.push(d);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
  return made;
}
