// One page of the site to its hidden temporary file beside its target, through civsam's one
// atomic writer (not yet flushed or renamed: write-site.ts does both for all pages at once), or
// nothing when the target already holds exactly these bytes. Used on the publishing thread and on
// the writer thread alike (write-worker.ts), so a page is staged the same way on either.
import { readFileSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { writeTemporary } from '../store/atomic-file.js';
import { makeFolders } from '../store/paths.js';

export type Staging = { unchanged: true } | { tmp: string };

/** A file of the site: its text, or its text in pieces to be written one after the other (a long page, an open-data file). */
export type FileContent = string | readonly string[];

/**
 * `fresh`: the folder held no page before this publish, so no target can hold these bytes and none
 * is looked at. `madeDirs` remembers the folders made, so each is made once.
 */
export function stagePage(target: string, content: FileContent | Uint8Array, fresh: boolean, madeDirs: Set<string>): Staging {
  const bytes = content instanceof Uint8Array ? content : Buffer.from(typeof content === 'string' ? content : content.join(''), 'utf8');
  if (!fresh && sameBytes(target, bytes)) return { unchanged: true };
  const parent = dirname(target);
  if (!madeDirs.has(parent)) {
    makeFolders(parent);
    madeDirs.add(parent);
  }
  // A page of a fresh folder has no old file whose permissions it keeps: none is looked for.
  return { tmp: writeTemporary(target, bytes, { mode: 0o644, flush: false, ...(fresh ? { keepMode: false } : {}) }) };
}

/** Whether `target` is an ordinary file holding exactly `bytes` (its size is compared first, so a changed page is rarely read). */
function sameBytes(target: string, bytes: Uint8Array): boolean {
  const st = statSync(target, { throwIfNoEntry: false });
  if (!st?.isFile() || st.size !== bytes.length) return false;
  return readFileSync(target).equals(bytes);
}
