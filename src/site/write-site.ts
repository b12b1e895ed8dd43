// Writing the site to a folder: each file through civsam's one atomic writer (never half a page
// on the web server), unchanged files left alone (so a site kept in git or synced to a server
// shows real changes only), and files a previous publish wrote but this one does not removed.
// A manifest of what civsam wrote is kept in the folder, each file with the size and CRC-32 of what
// was written; a folder holding files civsam did not write is refused, and so is a publish that
// would replace or remove a file civsam did not write or one changed since (a page made or edited
// by hand) unless --overwrite is given, so publishing never overwrites or removes anything else
// unasked. A manifest of an earlier civsam (the paths only) is read as before, without that check.
// A Ctrl-C (or SIGTERM) while the pages are written stops the publish with its temporary files
// removed and the site as it was; what a killed publish could not remove, the next one does.
import { existsSync, readdirSync, readFileSync, renameSync, rmdirSync, statSync, unlinkSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { UserError } from '../domain/errors.js';
import { flushAll, syncFolder, writeFileAtomic, type Staged } from '../store/atomic-file.js';
import { removeLeftoverTemporaries } from '../store/leftover-temporaries.js';
import { heardYet, listenForStop, stopCheck, type StopRequests } from '../store/stop-request.js';
import type { Message } from '../i18n/index.js';
import { keptBecause, stagePage, type FileContent, type Kept, type Sum, type Written } from './stage-page.js';
import type { StageReply, StageRequest, WriterData } from './write-worker.js';
import { makeFolders } from '../store/paths.js';

export const MANIFEST = '.civsam-site';
const MANIFEST_HEADER = '# Files written by `civsam publish`, each with its size and CRC-32 as written. civsam replaces and removes only these, and only as it wrote them.';

/** The site's manifest as read: what civsam wrote at each path, and the text it was read from (undefined: there is none). */
interface Manifest {
  entries: Map<string, Written>;
  text: string | undefined;
}

/** A file this publish would replace or remove, but which is not as civsam wrote it. */
interface KeptFile {
  path: string;
  why: Kept;
  /** It would be removed (its page is no longer part of the site), not replaced. */
  removed?: boolean;
}

/** How many such files the refusal names; the rest are counted. */
const KEPT_NAMED = 10;

export interface WriteOptions {
  /** Replace and remove files civsam did not write, or that were changed since, as well. */
  overwrite?: boolean;
}

/** A path civsam may write or remove: relative, lowercase, no `..`, no hidden files. */
const SAFE_PATH = /^(?!.*(?:^|\/)\.)[a-z0-9][a-z0-9_./-]*$/;

export interface WriteResult {
  written: number;
  unchanged: number;
  removed: number;
  /** Every path written or found unchanged, sorted. */
  paths: string[];
  /**
   * Set when the user asked to stop once the pages were going into place: the site was finished
   * instead, and the command ends with this exit code (130 for Ctrl-C, 143 for SIGTERM).
   */
  finishedAfterStop?: number;
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
 * A Ctrl-C or SIGTERM before the renames is such a failure too: every temporary file (the writer
 * thread's included, once it has answered for the pages it was given) is removed and the publish
 * stops (UserError, exit 130 or 143). Once the renames have begun the site is finished. The
 * temporary files of a publish that was killed outright are removed by the next one.
 * A file the publish would replace or remove that is not as civsam wrote it (by the manifest's size
 * and CRC-32, or not in it at all) is refused the same way, every such file named, once all pages
 * are written and before any is put in place; `overwrite` replaces and removes them.
 */
/**
 * Refuses, before anything is read or built, a --out that cannot take the site: a file, or a folder
 * that holds files and no civsam site (the same checks writeSite makes before it writes, early, so
 * the user does not wait for the folder to be read and audited to learn it). Changes nothing.
 */
export function checkSiteFolder(dir: string, shownDir: string): void {
  if (!existsSync(dir)) return;
  if (!statSync(dir).isDirectory()) throw new UserError('publish.outIsFile', { dir: shownDir });
  readManifest(dir, shownDir);
  refuseLinks(dir, shownDir);
}

/**
 * Refuses a site folder that holds a symbolic link (or anything but files and folders) anywhere
 * inside it: a page written or a page removed through a link would land outside the folder (a
 * folder of pages linked elsewhere, a manifest naming a file there). The folder given itself may
 * be a link: that is where the user chose to publish.
 */
function refuseLinks(dir: string, shownDir: string, under = ''): void {
  for (const entry of readdirSync(join(dir, under), { withFileTypes: true })) {
    // Hidden names (.git of a site kept in git, the manifest) are never civsam's pages: not walked.
    if (entry.name.startsWith('.')) continue;
    const rel = under ? `${under}/${entry.name}` : entry.name;
    if (entry.isDirectory()) refuseLinks(dir, shownDir, rel);
    else if (!entry.isFile()) throw new UserError('publish.linkInSite', { dir: shownDir, path: rel });
  }
}

export async function writeSite(dir: string, shownDir: string, files: Iterable<[path: string, content: FileContent]>, options: WriteOptions = {}): Promise<WriteResult> {
  if (existsSync(dir) && !statSync(dir).isDirectory()) throw new UserError('publish.outIsFile', { dir: shownDir });
  const made = makeFolders(dir);
  // A folder without a manifest holds no visible file (readManifest refuses it otherwise), so none of the pages is there yet.
  const fresh = !existsSync(join(dir, MANIFEST));
  const previous = readManifest(dir, shownDir);
  refuseLinks(dir, shownDir);
  // Only once the folder is known to be a site (or to hold no visible file): civsam's own names only.
  removeLeftoverTemporaries(dir, { recursive: true });
  const stop = listenForStop();
  const progress: Progress = { placed: 0, manifest: previous.text };
  try {
    return await writeOwnedSite(dir, shownDir, files, fresh, previous, options.overwrite === true, stop, progress);
  } catch (e) {
    // A first publish that stopped or failed before any page was put in place leaves the folder as
    // it found it: no manifest, no empty folders, and no folder at all when there was none.
    // A failure of the file system before any page was put in place: the site is as it was (or, on a first publish, there is none).
    if (progress.placed === 0 && isFileSystemError(e)) Object.assign(e, { siteUnchanged: fresh ? 'nothing' : 'asItWas' });
    if (fresh && progress.placed === 0) {
      undoFirstPublish(dir, made, progress.manifest);
      // Nothing was published: said so, not that a site is as it was.
      if (e instanceof UserError && e.userMessage.key === 'publish.stopped') throw new UserError(made.length > 0 ? 'publish.stoppedNew' : 'publish.stoppedFirst', { dir: shownDir }, e.exitCode);
    }
    throw e;
  } finally {
    stop.dispose();
  }
}

/** An error of the file system (ENOSPC, EACCES, …): one with a system error code. */
export function isFileSystemError(e: unknown): e is NodeJS.ErrnoException {
  const code = (e as NodeJS.ErrnoException)?.code;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code);
}

/**
 * What a failed publish left: `asItWas`, the site as before (no page was put in place); `nothing`,
 * a first publish that published nothing; absent, some pages are in place.
 */
export type SiteLeft = 'asItWas' | 'nothing';

/** How far a publish got: the pages put in place, and the manifest's text as it last wrote it (or read it). */
interface Progress {
  placed: number;
  manifest: string | undefined;
}

/**
 * Takes away what a first publish made before its first page: the manifest (`manifest`: its text as
 * written), the empty folders, and the folders it made to hold the site (`made`: `--out a/b` where
 * neither was there), when empty.
 */
function undoFirstPublish(dir: string, made: readonly string[], manifest: string | undefined): void {
  try {
    if (readFileSync(join(dir, MANIFEST), 'utf8') === manifest) unlinkSync(join(dir, MANIFEST));
  } catch {
    // not there
  }
  const emptyFolders = (abs: string): void => {
    for (const entry of readdirSync(abs, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const sub = join(abs, entry.name);
      emptyFolders(sub);
      try {
        rmdirSync(sub); // only when empty
      } catch {
        // holds something: kept
      }
    }
  };
  try {
    emptyFolders(dir);
    for (const folder of [...made].reverse()) rmdirSync(folder);
  } catch {
    // a folder that holds something is kept, and those above it
  }
}

async function writeOwnedSite(dir: string, shownDir: string, files: Iterable<[path: string, content: FileContent]>, fresh: boolean, previous: Manifest, overwrite: boolean, stop: StopRequests, progress: Progress): Promise<WriteResult> {
  const manifestPath = join(dir, MANIFEST);
  // Mark the folder as civsam's before the first page, so an interrupted first publish can be repeated.
  if (fresh) {
    progress.manifest = manifestText([]);
    writeFileAtomic(manifestPath, progress.manifest, { mode: 0o644 });
  }
  const result: WriteResult = { written: 0, unchanged: 0, removed: 0, paths: [] };
  const seen = new Set<string>();
  /** What this publish writes (or finds already there) at each path. */
  const sums = new Map<string, Sum>();
  const kept: KeptFile[] = [];
  const madeDirs = new Set<string>();
  const touched = new Set<string>();
  const staged: Staged[] = [];
  const thread = PageWriterThread.start();
  let placed = 0;
  let stale: string[] = [];
  // Building the pages runs without a pause of its own: let a signal in now and then.
  const stopRequested = stopCheck(stop);
  const stopped = () => new UserError('publish.stopped', { dir: shownDir }, stop.exitCode());
  try {
    let failure: { error: unknown } | undefined;
    try {
      for (const [path, content] of files) {
        if (await stopRequested()) break;
        if (!SAFE_PATH.test(path) || seen.has(path)) throw new Error(`unsafe or repeated site path ${path}`);
        seen.add(path);
        const target = join(dir, path);
        // A fresh folder holds no file to look at; --overwrite replaces whatever is there.
        const written: Written = fresh || overwrite ? 'any' : previous.entries.get(path);
        if (thread) {
          const room = thread.put(path, target, content, fresh, written);
          if (room) await room;
          if (thread.failed()) break;
          continue;
        }
        const staging = stagePage(target, content, fresh, madeDirs, written);
        if ('kept' in staging) {
          kept.push({ path, why: staging.kept });
          continue;
        }
        sums.set(path, { size: staging.size, crc: staging.crc });
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
      for (const [path, sum] of outcome.sums) sums.set(path, sum);
      kept.push(...outcome.kept);
      if (outcome.error) failure ??= { error: outcome.error };
    }
    if (failure) throw failure.error;
    result.paths = [...seen].sort();
    // The pages of a previous publish that this one does not write are removed (once the new pages
    // are in place), each only as civsam wrote it: checked now, with the pages, before any is placed.
    stale = [...previous.entries.keys()].filter((p) => !seen.has(p)).sort().reverse();
    if (!overwrite) kept.push(...keptStale(dir, stale, previous.entries));
    if (kept.length > 0) throw keptRefusal(kept, shownDir);
    await heardYet();
    if (stop.count() > 0) throw stopped();
    result.written = staged.length;
    await flushAll(staged, FLUSH_CONCURRENCY, () => stop.count() > 0);
    await heardYet();
    if (stop.count() > 0) throw stopped();
    // Before the first page is placed, the manifest takes both what each page was and what it will
    // be: a publish killed while placing them leaves every file as civsam wrote it, by one or the other.
    if (staged.length > 0) {
      const placing = manifestText(placingEntries(sums, previous.entries));
      if (placing !== progress.manifest) {
        writeFileAtomic(manifestPath, placing, { mode: 0o644 });
        progress.manifest = placing;
      }
    }
    for (; placed < staged.length; placed++) {
      const { tmp, target } = staged[placed];
      progress.placed = placed + 1;
      renameSync(tmp, target);
      touched.add(dirname(target));
    }
  } finally {
    for (let i = placed; i < staged.length; i++) {
      try { unlinkSync(staged[i].tmp); } catch { /* gone */ }
    }
    for (const d of touched) syncFolder(d);
  }
  for (const path of stale) {
    try {
      unlinkSync(join(dir, path));
      result.removed++;
    } catch {
      // already gone
    }
    removeEmptyParents(dir, path);
  }
  const manifest = manifestText(result.paths.map((path) => [path, [sums.get(path)!]]));
  if (manifest !== progress.manifest || !existsSync(manifestPath)) {
    writeFileAtomic(manifestPath, manifest, { mode: 0o644 });
    progress.manifest = manifest;
  }
  await heardYet();
  if (stop.count() > 0) result.finishedAfterStop = stop.exitCode();
  return result;
}

/**
 * What a previous publish wrote, by path; refuses a folder that holds visible files without a manifest.
 * A line is a path and the size and CRC-32 (hex) of each form civsam wrote it in; a path alone (a
 * manifest of an earlier civsam) is taken as civsam's whatever it holds.
 */
function readManifest(dir: string, shownDir: string): Manifest {
  const path = join(dir, MANIFEST);
  if (!existsSync(path)) {
    // Hidden entries (.git, .gitignore, .nojekyll) may sit in a folder kept in git.
    const visible = readdirSync(dir).filter((name) => !name.startsWith('.'));
    if (visible.length > 0) throw new UserError('publish.outNotSite', { dir: shownDir, manifest: MANIFEST });
    return { entries: new Map(), text: undefined };
  }
  const text = readFileSync(path, 'utf8');
  const entries = new Map<string, Written>();
  for (const line of text.split('\n')) {
    const [file, ...words] = line.trim().split(/\s+/);
    if (!file || file.startsWith('#') || !SAFE_PATH.test(file) || file.split('/').includes('..')) continue;
    entries.set(file, sumsOf(words));
  }
  return { entries, text };
}

/** The sums on a manifest's line after its path (size and CRC-32, pair after pair); `any` when there are none or they cannot be read. */
function sumsOf(words: readonly string[]): Written {
  if (words.length === 0 || words.length % 2 !== 0) return 'any';
  const sums: Sum[] = [];
  for (let i = 0; i < words.length; i += 2) {
    if (!/^\d{1,15}$/.test(words[i]) || !/^[0-9a-f]{8}$/.test(words[i + 1])) return 'any';
    sums.push({ size: Number(words[i]), crc: parseInt(words[i + 1], 16) });
  }
  return sums;
}

/** The manifest's text: a line per path, in order, with the sums of what civsam wrote there (none where there is no telling). */
function manifestText(entries: Iterable<[path: string, written: Written]>): string {
  const lines: string[] = [];
  for (const [path, written] of [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    lines.push(Array.isArray(written) ? `${path} ${written.map((s) => `${s.size} ${s.crc.toString(16).padStart(8, '0')}`).join(' ')}\n` : `${path}\n`);
  }
  return `${MANIFEST_HEADER}\n${lines.join('')}`;
}

/**
 * The manifest while the pages are put in place: every path of this publish and of the previous
 * one, each taken as civsam's in its new form and in its old (a path of an earlier civsam's
 * manifest, whatever it holds).
 */
function placingEntries(sums: ReadonlyMap<string, Sum>, previous: ReadonlyMap<string, Written>): Array<[string, Written]> {
  const entries: Array<[string, Written]> = [];
  for (const [path, sum] of sums) {
    const old = previous.get(path);
    if (old === 'any') entries.push([path, 'any']);
    else entries.push([path, [sum, ...(old ?? []).filter((s) => s.size !== sum.size || s.crc !== sum.crc)]]);
  }
  for (const [path, old] of previous) if (!sums.has(path)) entries.push([path, old]);
  return entries;
}

/** The files of pages no longer part of the site that are not as civsam wrote them (those gone already are not looked at). */
function keptStale(dir: string, stale: readonly string[], previous: ReadonlyMap<string, Written>): KeptFile[] {
  const kept: KeptFile[] = [];
  for (const path of stale) {
    const target = join(dir, path);
    let st;
    try {
      st = statSync(target, { throwIfNoEntry: false });
    } catch {
      continue; // not there to remove (a file where its folder was)
    }
    if (!st?.isFile()) continue;
    const why = keptBecause(target, st.size, previous.get(path));
    if (why) kept.push({ path, why, removed: true });
  }
  return kept;
}

/** The refusal of a publish that would replace or remove files not as civsam wrote them: each named (the first few), and what to do. */
function keptRefusal(kept: KeptFile[], shownDir: string): UserError {
  const sorted = [...kept].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  // One more than those named would be said as "and 1 more": named instead.
  const named = sorted.length <= KEPT_NAMED + 1 ? sorted : sorted.slice(0, KEPT_NAMED);
  const lines: Message[] = named.map(({ path, why, removed }) => ({ key: removed ? 'publish.keptRemoved' : why === 'changed' ? 'publish.keptChanged' : 'publish.keptNotCivsams', params: { path } }));
  if (named.length < sorted.length) lines.push({ key: 'publish.keptMore', params: { count: sorted.length - named.length } });
  return new UserError('publish.kept', { count: sorted.length, dir: shownDir, list: { lines } });
}

/**
 * The bytes shared with the writer thread: pages are encoded into it here and written to disk from
 * it there, one after the other around the ring. Also the most of them waiting to be written.
 */
const RING_BYTES = 16 * 1024 * 1024;
/** Pages are handed over when this many bytes or pages of them are waiting: often enough to keep the thread busy. */
const BATCH_BYTES = 256 * 1024;
const BATCH_PAGES = 32;
/** A file larger than this is encoded into a buffer of its own, handed over whole, not into the ring. */
const OWN_BUFFER_BYTES = RING_BYTES / 4;

/**
 * The writer thread: at the bench folder's size writing the pages (the files' creation and bytes)
 * took a third of a publish, which the second core now does while this thread builds the next
 * pages. Each page is encoded here into memory both threads share (handing a page over as text
 * copied every page twice and cost as much as the writing), and answered with its temporary file,
 * in the order given; nothing is renamed into place there. Not started on one core, nor where there
 * is no compiled worker (the tests run from the TypeScript sources): the pages are then written on
 * this thread, the same way.
 */
class PageWriterThread {
  private readonly worker: Worker;
  private readonly ring: Buffer;
  /** For each page handed over and not yet answered, the ring's fill (see `head`) once it is released. */
  private readonly releases = new Map<number, number>();
  private readonly targets: string[] = [];
  /** Each page's path in the site, by its index. */
  private readonly paths: string[] = [];
  private readonly replies: StageReply[] = [];
  private next = 0;
  /** Bytes put into the ring so far, counting the end of the ring skipped where a page did not fit; its place is `head % RING_BYTES`. */
  private head = 0;
  /** Bytes of the ring released so far: every byte before it is written and may be reused. */
  private tail = 0;
  private error: Error | undefined;
  private wake: (() => void) | undefined;
  /** Pages put and not yet handed over (see `post`), their bytes, and the buffers of their own among them. */
  private batch: StageRequest[] = [];
  private batchBytes = 0;
  private transfer: ArrayBuffer[] = [];

  static start(): PageWriterThread | undefined {
    const script = new URL('./write-worker.js', import.meta.url);
    if (availableParallelism() < 2 || !existsSync(fileURLToPath(script))) return undefined;
    const ring = new SharedArrayBuffer(RING_BYTES);
    return new PageWriterThread(new Worker(script, { workerData: { ring } satisfies WriterData }), ring);
  }

  private constructor(worker: Worker, ring: SharedArrayBuffer) {
    this.worker = worker;
    this.ring = Buffer.from(ring);
    worker.on('message', (replies: StageReply[]) => {
      for (const reply of replies) {
        this.replies.push(reply);
        // Pages are answered in the order given, so this releases every byte before the page's end.
        const released = this.releases.get(reply.index);
        this.releases.delete(reply.index);
        if (released !== undefined && released > this.tail) this.tail = released;
        if ('error' in reply && !this.error) this.error = Object.assign(new Error(reply.error.message), reply.error);
      }
      this.wakeUp();
    });
    // A thread that dies leaves no answer for its pages in flight: the publish fails with its error.
    worker.on('error', (e) => {
      this.error ??= e;
      this.releases.clear();
      this.wakeUp();
    });
    worker.on('exit', () => {
      if (this.releases.size === 0) return;
      this.error ??= new Error('the writer thread stopped');
      this.releases.clear();
      this.wakeUp();
    });
  }

  private wakeUp(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }

  /**
   * Hands a page over; returns a promise when the ring has no room for it yet (the page is handed
   * over once there is), which the caller awaits before building the next page.
   */
  put(path: string, target: string, content: FileContent, fresh: boolean, written: Written): Promise<void> | undefined {
    const page = { path, target, fresh, written };
    // Most pages are written straight into the ring and measured by the writing: a page of n
    // UTF-16 units is at most 3n bytes of UTF-8, so where that much room is free it cannot overrun.
    // Only a page that might not fit is measured first (measuring every page cost as much as writing it).
    // Bytes already encoded are their own length.
    let most = 0;
    if (typeof content === 'string') most = content.length * 3;
    else if (content instanceof Uint8Array) most = content.length;
    else for (const piece of content) most += piece.length * 3;
    if (most <= OWN_BUFFER_BYTES) {
      let start = this.head % RING_BYTES;
      const skip = start + most > RING_BYTES ? RING_BYTES - start : 0;
      if (this.head + skip + most - this.tail <= RING_BYTES) {
        this.head += skip;
        if (skip) start = 0;
        const length = encode(this.ring, start, content) - start;
        this.head += length;
        this.send({ index: this.next++, ...page, start, length }, this.head);
        return undefined;
      }
    }
    let length = 0;
    if (typeof content === 'string') length = Buffer.byteLength(content, 'utf8');
    else if (content instanceof Uint8Array) length = content.length;
    else for (const piece of content) length += Buffer.byteLength(piece, 'utf8');
    if (length > OWN_BUFFER_BYTES) {
      // Bytes that fill a buffer of their own (a large file built on another thread) are handed on as they are.
      const whole = content instanceof Uint8Array && content.byteOffset === 0 && content.byteLength === content.buffer.byteLength && !(content.buffer instanceof SharedArrayBuffer);
      const own = whole ? Buffer.from(content.buffer as ArrayBuffer) : Buffer.allocUnsafeSlow(length);
      if (!whole) encode(own, 0, content);
      this.send({ index: this.next++, ...page, start: 0, length, bytes: own.buffer as ArrayBuffer }, this.head, [own.buffer as ArrayBuffer]);
      return undefined;
    }
    let at = this.head % RING_BYTES;
    // A page is kept whole in the ring: where it would run past the end, the rest of the ring is skipped.
    if (at + length > RING_BYTES) {
      this.head += RING_BYTES - at;
      at = 0;
    }
    if (this.head + length - this.tail <= RING_BYTES) {
      this.place(page, content, at, length);
      return undefined;
    }
    return this.placeWhenRoom(page, content, at, length);
  }

  private async placeWhenRoom(page: Page, content: FileContent, at: number, length: number): Promise<void> {
    this.post();
    while (this.head + length - this.tail > RING_BYTES && !this.error) await new Promise<void>((resolve) => (this.wake = resolve));
    if (!this.error) this.place(page, content, at, length);
  }

  private place(page: Page, content: FileContent, at: number, length: number): void {
    encode(this.ring, at, content);
    this.head += length;
    this.send({ index: this.next++, ...page, start: at, length }, this.head);
  }

  private send({ path, ...request }: StageRequest & { path: string }, release: number, transfer: ArrayBuffer[] = []): void {
    this.targets[request.index] = request.target;
    this.paths[request.index] = path;
    this.releases.set(request.index, release);
    this.batch.push(request);
    this.batchBytes += request.length;
    this.transfer.push(...transfer);
    if (this.batchBytes >= BATCH_BYTES || this.batch.length >= BATCH_PAGES) this.post();
  }

  /** Hands the pages put since the last time over to the thread, in one message (one message a page cost more than its handing over). */
  private post(): void {
    if (this.batch.length === 0) return;
    this.worker.postMessage(this.batch, this.transfer);
    this.batch = [];
    this.transfer = [];
    this.batchBytes = 0;
  }

  failed(): boolean {
    return this.error !== undefined;
  }

  /** Waits for every page handed over, stops the thread, and says what became of them. */
  async finish(): Promise<{ staged: Staged[]; unchanged: number; sums: Array<[path: string, sum: Sum]>; kept: KeptFile[]; error?: Error }> {
    this.post();
    while (this.releases.size > 0) await new Promise<void>((resolve) => (this.wake = resolve));
    await this.worker.terminate();
    const staged: Staged[] = [];
    let unchanged = 0;
    const sums: Array<[string, Sum]> = [];
    const kept: KeptFile[] = [];
    const byIndex = [...this.replies].sort((a, b) => a.index - b.index);
    for (const reply of byIndex) {
      const path = this.paths[reply.index];
      if ('kept' in reply) kept.push({ path, why: reply.kept });
      if (!('size' in reply)) continue;
      sums.push([path, { size: reply.size, crc: reply.crc }]);
      if ('tmp' in reply) staged.push({ tmp: reply.tmp, target: this.targets[reply.index] });
      else unchanged++;
    }
    return { staged, unchanged, sums, kept, error: this.error };
  }
}

/** A page as handed to the writer thread, but for its bytes. */
type Page = Pick<StageRequest, 'target' | 'fresh' | 'written'> & { path: string };

/**
 * A file's text into `into` from `at` as UTF-8, piece after piece (or its bytes as they are), where
 * there is room for all of it (measured before, or at most 3 bytes a UTF-16 unit); where the text ends.
 */
function encode(into: Buffer, at: number, content: FileContent): number {
  if (typeof content === 'string') return at + into.write(content, at, 'utf8');
  if (content instanceof Uint8Array) {
    into.set(content, at);
    return at + content.length;
  }
  for (const piece of content) at += into.write(piece, at, 'utf8');
  return at;
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
