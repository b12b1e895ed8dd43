// Writing the site to a folder: each file through civsam's one atomic writer (never half a page
// on the web server), unchanged files left alone (so a site kept in git or synced to a server
// shows real changes only), and files a previous publish wrote but this one does not removed.
// A manifest of what civsam wrote is kept in the folder; a folder holding files civsam did not
// write is refused, so publishing can never overwrite or remove anything else.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, statSync, unlinkSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { UserError } from '../domain/errors.js';
import { flushAll, syncFolder, writeFileAtomic, type Staged } from '../store/atomic-file.js';
import { stagePage } from './stage-page.js';
import type { StageReply, StageRequest } from './write-worker.js';

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
  // A folder without a manifest holds no visible file (readManifest refuses it otherwise), so none of the pages is there yet.
  const fresh = !existsSync(join(dir, MANIFEST));
  const previous = readManifest(dir, shownDir);
  // Mark the folder as civsam's before the first page, so an interrupted first publish can be repeated.
  if (fresh) writeFileAtomic(join(dir, MANIFEST), `${MANIFEST_HEADER}\n`, { mode: 0o644 });
  const result: WriteResult = { written: 0, unchanged: 0, removed: 0, paths: [] };
  const seen = new Set<string>();
  const madeDirs = new Set<string>();
  const touched = new Set<string>();
  const staged: Staged[] = [];
  const thread = PageWriterThread.start();
  let placed = 0;
  try {
    let failure: { error: unknown } | undefined;
    try {
      for (const [path, content] of files) {
        if (!SAFE_PATH.test(path) || seen.has(path)) throw new Error(`unsafe or repeated site path ${path}`);
        seen.add(path);
        const target = join(dir, path);
        if (thread) {
          if (thread.busy()) await thread.drained();
          if (thread.failed()) break;
          thread.put(target, content, fresh);
          continue;
        }
        const staging = stagePage(target, content, fresh, madeDirs);
        if ('tmp' in staging) staged.push({ tmp: staging.tmp, target });
        else result.unchanged++;
      }
    } catch (error) {
      failure = { error };
    }
    // Every page handed to the writer thread is accounted for (its temporary file among those
    // removed on failure) before this goes on, whether the pages were all built or not.
    if (thread) {
      const outcome = await thread.finish();
      staged.push(...outcome.staged);
      result.unchanged += outcome.unchanged;
      if (outcome.error) failure ??= { error: outcome.error };
    }
    if (failure) throw failure.error;
    result.written = staged.length;
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

/** Characters of pages handed to the writer thread and not yet written, at most: what the handing over may hold in memory. */
const IN_FLIGHT_CHARS = 16 * 1024 * 1024;

/**
 * The writer thread: at the bench folder's size writing the pages (encoding, the files' creation and
 * bytes) took a third of a publish, which the second core now does while this thread builds the
 * next pages. Pages are handed over as text and answered with their temporary files, in the order
 * given; nothing is renamed into place here. Not started on one core, nor where there is no
 * compiled worker (the tests run from the TypeScript sources): the pages are then written on this
 * thread, the same way.
 */
class PageWriterThread {
  private readonly worker: Worker;
  private readonly sizes = new Map<number, number>();
  private readonly targets: string[] = [];
  private readonly replies: StageReply[] = [];
  private next = 0;
  private inFlight = 0;
  private error: Error | undefined;
  private wake: (() => void) | undefined;

  static start(): PageWriterThread | undefined {
    const script = new URL('./write-worker.js', import.meta.url);
    if (availableParallelism() < 2 || !existsSync(fileURLToPath(script))) return undefined;
    return new PageWriterThread(new Worker(script));
  }

  private constructor(worker: Worker) {
    this.worker = worker;
    worker.on('message', (reply: StageReply) => {
      this.replies.push(reply);
      this.inFlight -= this.sizes.get(reply.index) ?? 0;
      this.sizes.delete(reply.index);
      if ('error' in reply && !this.error) this.error = Object.assign(new Error(reply.error.message), reply.error);
      this.wakeUp();
    });
    // A thread that dies leaves no answer for its pages in flight: the publish fails with its error.
    worker.on('error', (e) => {
      this.error ??= e;
      this.sizes.clear();
      this.wakeUp();
    });
    worker.on('exit', () => {
      if (this.sizes.size === 0) return;
      this.error ??= new Error('the writer thread stopped');
      this.sizes.clear();
      this.wakeUp();
    });
  }

  private wakeUp(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }

  put(target: string, content: string, fresh: boolean): void {
    const index = this.next++;
    this.targets[index] = target;
    this.sizes.set(index, content.length);
    this.inFlight += content.length;
    this.worker.postMessage({ index, target, content, fresh } satisfies StageRequest);
  }

  busy(): boolean {
    return this.inFlight > IN_FLIGHT_CHARS;
  }

  failed(): boolean {
    return this.error !== undefined;
  }

  /** Resolves once the pages in flight are few enough again, or the thread failed. */
  async drained(): Promise<void> {
    while (this.busy() && !this.error) await new Promise<void>((resolve) => (this.wake = resolve));
  }

  /** Waits for every page handed over, stops the thread, and says what became of them. */
  async finish(): Promise<{ staged: Staged[]; unchanged: number; error?: Error }> {
    while (this.sizes.size > 0) await new Promise<void>((resolve) => (this.wake = resolve));
    await this.worker.terminate();
    const staged: Staged[] = [];
    let unchanged = 0;
    const byIndex = [...this.replies].sort((a, b) => a.index - b.index);
    for (const reply of byIndex) {
      if ('tmp' in reply) staged.push({ tmp: reply.tmp, target: this.targets[reply.index] });
      else if ('unchanged' in reply) unchanged++;
    }
    return { staged, unchanged, error: this.error };
  }
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
