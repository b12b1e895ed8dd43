// Writing the site to a folder: each file through a temporary file and a rename (never half a
// page on the web server), unchanged files left alone (so a site kept in git or synced to a server
// shows real changes only), and files a previous publish wrote but this one does not removed.
// A manifest of what civsam wrote is kept in the folder; a folder holding files civsam did not
// write is refused, so publishing can never overwrite or remove anything else.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { dirname, join, basename } from 'node:path';
import { UserError } from '../errors.js';

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

/** How many files may be on their way to disk at once while the next pages are built. */
const IN_FLIGHT = 32;

/**
 * Writes the site's files as they come; refuses (before writing anything) a folder civsam does not
 * own. Files go to disk in the background (libuv's threads) while the next pages are built.
 */
export async function writeSite(dir: string, shownDir: string, files: Iterable<[path: string, content: string]>): Promise<WriteResult> {
  if (existsSync(dir) && !statSync(dir).isDirectory()) throw new UserError('publish.outIsFile', { dir: shownDir });
  mkdirSync(dir, { recursive: true });
  const previous = readManifest(dir, shownDir);
  // Mark the folder as civsam's before the first page, so an interrupted first publish can be repeated.
  if (!existsSync(join(dir, MANIFEST))) writeFileSync(join(dir, MANIFEST), `${MANIFEST_HEADER}\n`, { mode: 0o644 });
  const result: WriteResult = { written: 0, unchanged: 0, removed: 0, paths: [] };
  const seen = new Set<string>();
  const madeDirs = new Set<string>();
  const pending = new Set<Promise<void>>();
  for (const [path, content] of files) {
    if (!SAFE_PATH.test(path) || seen.has(path)) throw new Error(`unsafe or repeated site path ${path}`);
    seen.add(path);
    const target = join(dir, path);
    const exists = existsSync(target);
    if (exists && readFileSync(target, 'utf8') === content) {
      result.unchanged++;
      continue;
    }
    const parent = dirname(target);
    if (!madeDirs.has(parent)) {
      mkdirSync(parent, { recursive: true });
      madeDirs.add(parent);
    }
    // Every page, new or replaced, is written whole under a hidden temporary name and renamed into
    // place: a killed publish never leaves a partial page where the web server would serve it.
    const tmp = join(parent, `.${basename(target)}.${process.pid}.tmp`);
    const write = writeFile(tmp, content, { mode: 0o644 }).then(() => rename(tmp, target));
    const tracked: Promise<void> = write.then(() => {
      pending.delete(tracked);
    });
    pending.add(tracked);
    result.written++;
    if (pending.size >= IN_FLIGHT) await Promise.race(pending);
  }
  await Promise.all(pending);
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
  if (!existsSync(manifestPath) || readFileSync(manifestPath, 'utf8') !== manifest) {
    const tmp = join(dir, `${MANIFEST}.${process.pid}.tmp`);
    writeFileSync(tmp, manifest, { mode: 0o644 });
    renameSync(tmp, manifestPath);
  }
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
