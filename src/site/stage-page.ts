// One page of the site to its hidden temporary file beside its target, through civsam's one
// atomic writer (not yet flushed or renamed: write-site.ts does both for all pages at once), or
// nothing when the target already holds exactly these bytes, or when it holds bytes civsam did not
// write there (a page made or edited by hand, which only --overwrite replaces). Used on the
// publishing thread and on the writer thread alike (write-worker.ts), so a page is staged the same
// way on either; the page's size and CRC-32 are taken here, where its bytes are, for the manifest.
import { readFileSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { crc32 } from 'node:zlib';
import { writeTemporary } from '../store/atomic-file.js';
import { makeFolders } from '../store/paths.js';

/** A file's size and CRC-32, as the site's manifest keeps them for each file civsam wrote. */
export interface Sum {
  size: number;
  crc: number;
}

/**
 * What civsam wrote at a path, as the site's manifest says: the sums of what it wrote (two while a
 * publish puts its pages in place: the old and the new); `any` where there is no telling (a
 * manifest of an earlier civsam names the files only; --overwrite); undefined where civsam wrote nothing.
 */
export type Written = readonly Sum[] | 'any' | undefined;

/** Why a file is left as it is rather than replaced or removed: changed since civsam wrote it, or never written by civsam. */
export type Kept = 'changed' | 'notCivsams';

export type Staging = (({ unchanged: true } | { tmp: string }) & Sum) | { kept: Kept };

/**
 * A file of the site: its text, or its text in pieces to be written one after the other (a long
 * page, an open-data file), or its bytes already encoded as UTF-8 (a page built on another thread).
 */
export type FileContent = string | readonly string[] | Uint8Array;

/**
 * `fresh`: the folder held no page before this publish, so no target can hold these bytes and none
 * is looked at. `madeDirs` remembers the folders made, so each is made once. `written`: what civsam
 * wrote at the target before; a target that holds other bytes than that (and than this page) is kept.
 */
export function stagePage(target: string, content: FileContent, fresh: boolean, madeDirs: Set<string>, written?: Written): Staging {
  const bytes = content instanceof Uint8Array ? content : Buffer.from(typeof content === 'string' ? content : content.join(''), 'utf8');
  const sum = { size: bytes.length, crc: crc32(bytes) };
  if (!fresh) {
    const st = statSync(target, { throwIfNoEntry: false });
    if (st?.isFile()) {
      // Its size is compared first, so a changed page is rarely read.
      const old = st.size === bytes.length ? readFileSync(target) : undefined;
      if (old?.equals(bytes)) return { unchanged: true, ...sum };
      const kept = keptBecause(target, st.size, written, old);
      if (kept) return { kept };
    }
  }
  const parent = dirname(target);
  if (!madeDirs.has(parent)) {
    makeFolders(parent);
    madeDirs.add(parent);
  }
  // A page of a fresh folder has no old file whose permissions it keeps: none is looked for.
  return { tmp: writeTemporary(target, bytes, { mode: 0o644, flush: false, ...(fresh ? { keepMode: false } : {}) }), ...sum };
}

/**
 * Why the file at `target` (of `size` bytes; `old`, its bytes where already read) may not be
 * replaced or removed, or undefined when it may: it is as civsam wrote it, or there is no telling.
 * It is read only when its size is one civsam wrote.
 */
export function keptBecause(target: string, size: number, written: Written, old?: Buffer): Kept | undefined {
  if (written === 'any') return undefined;
  if (written === undefined) return 'notCivsams';
  const sameSize = written.filter((s) => s.size === size);
  if (sameSize.length === 0) return 'changed';
  const crc = crc32(old ?? readFileSync(target));
  return sameSize.some((s) => s.crc === crc) ? undefined : 'changed';
}
