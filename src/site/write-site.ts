// Writing the site to a folder: each file through civsam's one atomic writer (never half a page
// on the web server), unchanged files left alone (so a site kept in git or synced to a server
// shows real changes only), and files a previous publish wrote but this one does not removed.
// A manifest of what civsam wrote is kept in the folder; a folder holding files civsam did not
// write is refused, so publishing can never overwrite or remove anything else.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, statSync, unlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { UserError } from '../domain/errors.js';
import { flushAll, syncFolder, writeFileAtomic, writeTemporary, type Staged } from '../store/atomic-file.js';

export const MANIFEST = '.civsam-site';
const MANIFEST_HEADER = '# Files written by `civsam publish`. civsam replaces and removes only these.';

/** A path civsam may write or remove: relative, lowercase, no `..`, no hidden files. */
const SAFE_PATH = /^(?!.*(?:^|\/)\.)[a-z0-9][a-z0-9_./-]*$/;

export interface WriteResult {
  written: number;
  unchanged: number;
  removed: number;
  /** Every path written or found unchanged, sorted. */
  paths: string[];
}

/** How many temporary files are flushed at once where the file system cannot be flushed in one call. */
const FLUSH_CONCURRENCY = 64;

/**
 * Writes the site's files as they come; refuses (before writing anything) a folder civsam does not
 * own. Every page, new or replaced, goes through civsam's one atomic writer: written whole under a
 * hidden temporary name beside its target; once every page is written, all are flushed together
 * (one flush of the file system where the system allows, far cheaper than a flush per page) and
 * only then renamed into place, each folder flushed once at the end. A full disk or any other
 * failure before the renames leaves the old site as it was, without a temporary file; a killed
 * publish never leaves a partial page where the web server would serve it.
 */
export async function writeSite(dir: string, shownDir: string, files: Iterable<[path: string, content: string]>): Promise<WriteResult> {
  if (existsSync(dir) && !statSync(dir).isDirectory()) throw new UserError('publish.outIsFile', { dir: shownDir });
  mkdirSync(dir, { recursive: true });
  const previous = readManifest(dir, shownDir);
  // Mark the folder as civsam's before the first page, so an interrupted first publish can be repeated.
  if (!existsSync(join(dir, MANIFEST))) writeFileAtomic(join(dir, MANIFEST), `${MANIFEST_HEADER}\n`, { mode: 0o644 });
  const result: WriteResult = { written: 0, unchanged: 0, removed: 0, paths: [] };
  const seen = new Set<string>();
  const madeDirs = new Set<string>();
  const touched = new Set<string>();
  const staged: Staged[] = [];
  let placed = 0;
  try {
    for (const [path, content] of files) {
      if (!SAFE_PATH.test(path) || seen.has(path)) throw new Error(`unsafe or repeated site path ${path}`);
      seen.add(path);
      const target = join(dir, path);
      const bytes = Buffer.from(content, 'utf8');
      if (sameBytes(target, bytes)) {
        result.unchanged++;
        continue;
      }
      const parent = dirname(target);
      if (!madeDirs.has(parent)) {
        mkdirSync(parent, { recursive: true });
        madeDirs.add(parent);
      }
      staged.push({ tmp: writeTemporary(target, bytes, { mode: 0o644, flush: false }), target });
      result.written++;
    }
    await flushAll(staged, FLUSH_CONCURRENCY);
    for (; placed < staged.length; placed++) {
      const { tmp, target } = staged[placed];
      renameSync(tmp, target);
      touched.add(dirname(target));
    }
  } finally {
    for (let i = placed; i < staged.length; i++) {
      try { unlinkSync(staged[i].tmp); } catch { /* gone */ }
    }
    for (const d of touched) syncFolder(d);
  }
  result.paths = [...seen].sort();
  const stale = [...previous].filter((p) => !seen.has(p)).sort().reverse();
  for (const path of stale) {
    try {
      unlinkSync(join(dir, path));
      result.removed++;
    } catch {
      // already gone
    }
    removeEmptyParents(dir, path);
  }
  const manifest = `${MANIFEST_HEADER}\n${result.paths.join('\n')}\n`;
  const manifestPath = join(dir, MANIFEST);
  if (!existsSync(manifestPath) || readFileSync(manifestPath, 'utf8') !== manifest) writeFileAtomic(manifestPath, manifest, { mode: 0o644 });
  return result;
}

/** The paths a previous publish wrote; refuses a folder that holds visible files without a manifest. */
function readManifest(dir: string, shownDir: string): Set<string> {
  const path = join(dir, MANIFEST);
  if (!existsSync(path)) {
    // Hidden entries (.git, .gitignore, .nojekyll) may sit in a folder kept in git.
    const visible = readdirSync(dir).filter((name) => !name.startsWith('.'));
    if (visible.length > 0) throw new UserError('publish.outNotSite', { dir: shownDir, manifest: MANIFEST });
    return new Set();
  }
  return new Set(readFileSync(path, 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#') && SAFE_PATH.test(l) && !l.split('/').includes('..')));
}

/** Whether `target` is an ordinary file holding exactly `bytes` (its size is compared first, so a changed page is rarely read). */
function sameBytes(target: string, bytes: Buffer): boolean {
  const st = statSync(target, { throwIfNoEntry: false });
  if (!st?.isFile() || st.size !== bytes.length) return false;
  return readFileSync(target).equals(bytes);
}

function removeEmptyParents(dir: string, path: string): void {
  let rel = dirname(path);
  while (rel !== '.' && rel !== '') {
    const abs = join(dir, rel);
    try {
      if (readdirSync(abs).length > 0) return;
      rmdirSync(abs);
    } catch {
      return;
    }
    rel = dirname(rel);
  }
}
