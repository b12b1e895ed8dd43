// Reading a large folder on two cores: this thread reads and parses the files from the first on, a
// worker thread from the last back, a chunk at a time, each taking the next chunk from a counter
// they share until they meet; the outcomes are put together in file order, so the folder read is the
// same as one thread's. Which thread reads which files is decided as they go, so neither waits for
// the other: the worker starts late (its own copy of the code to load) and files differ in cost. readFolder stays synchronous: this thread waits for the
// worker on a shared flag and takes its message without going back to the event loop.
//
// What the worker read crosses back as little as it can be: each file's data as the text the
// snapshot keeps (JSON, made there), all in one buffer handed over without a copy, parsed here
// only when a command asks for that file's data. A folder's check can have each thread check its
// files on their own as well (ShareChecks, given by the layer that knows the checks), so this
// thread need not look at most of that data at all. Both threads go through their share a chunk
// of files at a time and let each chunk's parsed data go, keeping only its text.
import { existsSync, realpathSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker, workerData, type MessagePort } from 'node:worker_threads';
import { FOLDER_OF, RECORD_KINDS } from '../domain/kinds.js';
import { ForeignFile, jsonSafe, positionsIn, readCandidate, type Candidate, type FileIdentity, type OwnChecks, type ParallelReader, type Problem, type ReadOutcome, type SourceFile } from './load-folder.js';
import { snapshotText } from './parse-cache.js';
import type { PathSegment, Position, StrictParse } from './yaml-read.js';

/**
 * Fewer files than this are read on one thread: a worker costs tens of milliseconds to start
 * (its own copy of the reader and the YAML parsers), which a few thousand files repay.
 */
export const PARALLEL_FROM = 2000;

/** Files read, checked and made into text at a time, after which their data is let go while still young (less for the collector to keep). */
const CHUNK = 64;

/** Longest wait for the worker before this thread reads its share itself. */
const WAIT_MS = 120_000;

/** What one file alone shows, found on the worker for its share: see OwnChecks. */
export interface ShareCheckResult {
  problems: Problem[];
  /** Per file of the share: 0 not checked there (no data, not a record), 1 its data failed its schema, 2 it passed. */
  passed: Uint8Array;
  idsKey: string;
}

/** The checks of one file, run on the worker over its share, and what they need from this thread. */
export interface ShareChecks {
  /** The worker script: it calls serveShare with `check`. */
  script: URL;
  /** The checks, run on each thread's share (this thread's too, before it waits for the worker). */
  check: ShareCheck;
  /** Of every candidate (the whole folder) and the listing's problems: what the worker is given as it starts. */
  start(candidates: readonly Candidate[], listing: readonly Problem[]): unknown;
  /** How many of the first candidates this thread reads before anything else (what `given` needs). */
  head(candidates: readonly Candidate[]): number;
  /** Of those first files' outcomes: what the checks need besides `start`; undefined when they cannot run. */
  given(outcomes: readonly ReadOutcome[], started: unknown, listing: readonly Problem[]): unknown;
}

/** The checks as the worker runs them: over the share's files, placing problems with `position`. */
export type ShareCheck = (files: SourceFile[], position: (rel: string, path: readonly PathSegment[], at?: 'key' | 'value') => Position, started: unknown, given: unknown) => ShareCheckResult;

/**
 * A reader that shares the files between this thread and a worker from `from` files on, unless the
 * machine is busier than two processes per core (then a second thread only adds its start-up).
 * The worker reads only the chunks it gets to, so on a busy machine it takes fewer and this thread
 * the rest, without waiting for it: civsam's own two-thread runs one after another leave a load of
 * about one per core (measured: the bench's first read went from two threads to one at a load just
 * over 2 on 2 cores, 3.3 s to 3.8 s), and the second core still pays well beyond that.
 * `evenWhenBusy` is for tests. `share`:
 * the most of the files the worker may read (the rest are never sent to it: each costs a copy);
 * `unit`: how many files a chunk has (tests make it small, so the threads take turns often);
 * `workerFirst` (tests): this thread starts on its chunks only once the worker has taken one.
 */
export function parallelReader({ from, evenWhenBusy = false, checks, share = 0.75, unit = CHUNK, workerFirst = false }: { from: number; evenWhenBusy?: boolean; checks?: ShareChecks; share?: number; unit?: number; workerFirst?: boolean }): ParallelReader {
  return (dir, candidates, withIdentity, listing) => {
    if (candidates.length < from) return undefined;
    const cores = availableParallelism();
    if (!evenWhenBusy && (cores < 2 || loadavg()[0] > 2 * cores)) return undefined;
    return readSplit(dir, candidates, withIdentity, listing && checks ? { checks, listing } : undefined, share, unit, workerFirst);
  };
}

/** How many files the worker read in the last parallel read (what tests look at). */
export const lastSplit = { worker: 0 };

export const readInParallel: ParallelReader = parallelReader({ from: PARALLEL_FROM });

interface WorkerInput {
  dir: string;
  /** The files it may read: the last of the folder's, from `first` (see Claims), packed (see packCandidates). */
  candidates: PackedCandidates;
  withIdentity: boolean;
  port: MessagePort;
  /** Three 32-bit flags: the worker is done; this thread has sent what the checks need (1) or will not (2); the claims (see Claims). */
  flags: SharedArrayBuffer;
  /** The chunks, as Claims numbers them, and the first the worker may take. */
  chunks: { head: number; unit: number; count: number; first: number; offset: number };
  started?: unknown;
}

/**
 * The chunks of the files after the head, taken by the two threads from either end: one 32-bit
 * word holds the next chunk from the front (this thread's) and one past the last left at the back
 * (the worker's), changed only by compare-and-swap, so a chunk is read by exactly one thread and
 * the front and back meet with nothing left between them. The worker stops at `first`: files before
 * its candidates are this thread's alone.
 */
const CLAIM = 2;
const MAX_CHUNKS = 0xffff;

function claimFront(flag: Int32Array): number | undefined {
  for (;;) {
    const word = Atomics.load(flag, CLAIM);
    const front = word & 0xffff;
    const back = word >>> 16;
    if (front >= back) return undefined;
    if (Atomics.compareExchange(flag, CLAIM, word, (back << 16) | (front + 1)) === word) return front;
  }
}

function claimBack(flag: Int32Array, first: number): number | undefined {
  for (;;) {
    const word = Atomics.load(flag, CLAIM);
    const front = word & 0xffff;
    const back = word >>> 16;
    if (back <= front || back - 1 < first) return undefined;
    if (Atomics.compareExchange(flag, CLAIM, word, ((back - 1) << 16) | front) === word) {
      Atomics.notify(flag, CLAIM); // for a test's `workerFirst`
      return back - 1;
    }
  }
}

/** What the worker sends back: see handover. */
interface Handover {
  failed?: true;
  texts: ArrayBuffer;
  /** Per file: where its data's text starts in `texts`, and its length. */
  spans: Uint32Array;
  /** Per file: 0 gone, 1 a file without data, 2 with data as text, 3 with a value JSON cannot carry (in `values`). */
  state: Uint8Array;
  /** Per file: size, mtime and ctime in nanoseconds; the inode apart (unsigned); `identified`: whether it has one. */
  times: BigInt64Array;
  inodes: BigUint64Array;
  identified: Uint8Array;
  problems: Array<[number, Problem[]]>;
  values: Array<[number, unknown]>;
  own?: ShareCheckResult;
  /** The first file (of those given) it read: every one from there to the last was read. */
  from: number;
}

function readSplit(dir: string, candidates: readonly Candidate[], withIdentity: boolean, checking: { checks: ShareChecks; listing: readonly Problem[] } | undefined, share: number, unit: number, workerFirst: boolean): { outcomes: ReadOutcome[]; own?: OwnChecks } | undefined {
  const script = checking?.checks.script ?? new URL('./read-worker.js', import.meta.url);
  // Run from the TypeScript sources (the tests) there is no compiled worker: one thread.
  if (!existsSync(fileURLToPath(script))) return undefined;
  const n = candidates.length;
  const head = checking ? checking.checks.head(candidates) : 0;
  const size = Math.max(unit, Math.ceil((n - head) / MAX_CHUNKS));
  const count = Math.ceil((n - head) / size);
  // The worker may take the chunks from `first` on; it is sent only those files.
  const first = Math.min(count, Math.floor(count * (1 - share)));
  const offset = head + first * size;
  const chunkStart = (k: number) => head + k * size;
  // An error object loses its code on the way to a worker: only the code is sent.
  const theirs = candidates.slice(offset).map((c) => (c.error ? { ...c, error: Object.assign(new Error(c.error.code ?? 'EIO'), { code: c.error.code }) } : c));
  const flags = new SharedArrayBuffer(12);
  const flag = new Int32Array(flags);
  flag[CLAIM] = count << 16;
  const { port1, port2 } = new MessageChannel();
  let started: unknown;
  let worker: Worker;
  try {
    started = checking?.checks.start(candidates, checking.listing);
    const input: WorkerInput = { dir, candidates: packCandidates(theirs), withIdentity, port: port2, flags, started, chunks: { head, unit: size, count, first, offset } };
    worker = new Worker(script, { workerData: input, transferList: [port2] });
  } catch {
    return undefined;
  }
  worker.unref();
  // A worker that fails never sets the flag: this thread reads its share itself after the wait, and
  // the failure is not the user's problem.
  worker.on('error', () => {});
  let realRoot: string | undefined;
  const root = () => (realRoot ??= realpathSync(dir));
  // First what the checks need (the settings and vocabularies), read and kept as they are.
  const firstFiles = candidates.slice(0, head).map((c) => readCandidate(dir, c, root, withIdentity));
  let given: unknown;
  if (checking) {
    try {
      given = checking.checks.given(firstFiles, started, checking.listing);
    } catch {
      given = undefined;
    }
    if (given !== undefined) port1.postMessage(given);
    Atomics.store(flag, 1, given !== undefined ? 1 : 2);
    Atomics.notify(flag, 1);
  }
  // Then chunks from the front, checked and made into the snapshot's text as the worker's are,
  // until the two threads meet: after it, only what needs the whole folder is left.
  const check = checking && given !== undefined ? checking.checks.check : undefined;
  const rest = candidates.slice(head);
  if (workerFirst && first < count) Atomics.wait(flag, CLAIM, count << 16, WAIT_MS);
  const mine = readShare(dir, root, rest, withIdentity, check && ((files, position) => check(files, position, started, given)), () => {
    const k = claimFront(flag);
    return k === undefined ? undefined : [chunkStart(k) - head, Math.min(n, chunkStart(k + 1)) - head];
  });
  // Where the front stopped: the worker read every file from there (none when it took no chunk, and then it is not waited for).
  const split = Math.min(n, chunkStart(Atomics.load(flag, CLAIM) >>> 16));
  lastSplit.worker = n - split;
  const ours = (passed: WeakMap<SourceFile, boolean>) => [...firstFiles, ...taken(rest.slice(0, split - head), mine, passed)];
  const passed = new WeakMap<SourceFile, boolean>();
  if (split >= n) {
    port1.close();
    void worker.terminate();
    const a = mine.own;
    return { outcomes: ours(passed), ...(a ? { own: { problems: a.problems, passedSchema: (f: SourceFile) => passed.get(f), idsKey: a.idsKey } } : {}) };
  }
  Atomics.wait(flag, 0, 0, WAIT_MS);
  const message = receiveMessageOnPort(port1)?.message as Handover | undefined;
  port1.close();
  void worker.terminate();
  const outcomes = ours(passed);
  // A worker that failed, or did not read every file it took: this thread reads them itself.
  if (!message || message.failed || message.from !== split - offset) return { outcomes: [...outcomes, ...candidates.slice(split).map((c) => readCandidate(dir, c, root, withIdentity))] };
  outcomes.push(...taken(theirs.slice(message.from), message, passed, message.from));
  // Both shares checked, against the same ids (a share of no files checked none): the folder's check takes both.
  const a = mine.own;
  const b = message.own;
  if (!a || !b || (a.idsKey !== b.idsKey && a.idsKey !== '' && b.idsKey !== '')) return { outcomes };
  return { outcomes, own: { problems: [...a.problems, ...b.problems], passedSchema: (f) => passed.get(f), idsKey: a.idsKey || b.idsKey } };
}

/** The outcomes of a share (from the worker, or this thread's) as readFolder takes them: each file's data parsed from its text only when asked for; `at`: where the candidates start in the share's tables. */
function taken(candidates: readonly Candidate[], m: Handover, passed: WeakMap<SourceFile, boolean>, at = 0): ReadOutcome[] {
  const problems = new Map(m.problems);
  const values = new Map(m.values);
  const texts = new Uint8Array(m.texts);
  return candidates.map((c, j) => {
    const i = j + at;
    const state = m.state[i];
    const found = problems.get(i) ?? [];
    if (state === 0) return { problems: found };
    const json = state === 2 ? texts.subarray(m.spans[2 * i], m.spans[2 * i] + m.spans[2 * i + 1]) : undefined;
    const file = new ForeignFile(c.rel, c.what, json, values.get(i));
    if (m.own && m.own.passed[i] !== 0) passed.set(file, m.own.passed[i] === 2);
    const identity: FileIdentity | undefined = m.identified[i] ? { size: m.times[3 * i], mtimeNs: m.times[3 * i + 1], ctimeNs: m.times[3 * i + 2], ino: m.inodes[i] } : undefined;
    return { file, problems: found, identity, json };
  });
}


/**
 * Reads a share of the files a chunk at a time, the chunks `claim` gives ([from, to) of
 * `candidates`; every chunk in order when there is none): each chunk parsed, checked (when `check`
 * is given) and its data made into the snapshot's text, one file's after another's with a comma
 * after each, in one buffer; then the parsed data is let go. What is found goes in plain tables.
 * The chunks read make one run of the files, whatever order they came in: their texts are put in
 * file order at the end (a folder's texts are then its part of the snapshot as they lie:
 * parse-cache.ts groupParts), and so are the problems the checks found.
 */
function readShare(dir: string, root: () => string, candidates: readonly Candidate[], withIdentity: boolean, check?: (files: SourceFile[], position: (rel: string, path: readonly PathSegment[], at?: 'key' | 'value') => Position) => ShareCheckResult, claim?: () => [number, number] | undefined): Handover {
  const n = candidates.length;
  const state = new Uint8Array(n);
  const spans = new Uint32Array(2 * n);
  const times = new BigInt64Array(3 * n);
  const inodes = new BigUint64Array(n);
  const identified = new Uint8Array(n);
  const problems: Array<[number, Problem[]]> = [];
  const values: Array<[number, unknown]> = [];
  let own: ShareCheckResult | undefined = check && { problems: [], passed: new Uint8Array(n), idsKey: '' };
  /** The checks' problems of each chunk read, by its first file. */
  const found = new Map<number, Problem[]>();
  let bytes = Buffer.from(new ArrayBuffer(1 << 20));
  let at = 0;
  const room = (need: number) => {
    if (need <= bytes.length) return;
    const bigger = Buffer.from(new ArrayBuffer(Math.max(need, 2 * bytes.length)));
    bytes.copy(bigger, 0, 0, at);
    bytes = bigger;
  };
  let next = 0;
  const take = claim ?? (() => (next < n ? [next, (next = Math.min(n, next + CHUNK))] : undefined));
  let first = n;
  let last = 0;
  let inOrder = true;
  let sized = false;
  for (let chunk = take(); chunk; chunk = take()) {
    const [from, to] = chunk;
    if (from !== last && first !== n) inOrder = false;
    first = Math.min(first, from);
    last = to;
    const part = candidates.slice(from, to);
    const outcomes = part.map((c) => readCandidate(dir, c, root, withIdentity));
    if (own && check) {
      try {
        const r = checkOutcomes(check, dir, root, part, outcomes);
        found.set(from, r.problems);
        own.passed.set(r.passed, from);
        own.idsKey = r.idsKey;
      } catch {
        own = undefined; // not checked here: the folder's check does it all
      }
    }
    for (let k = 0; k < outcomes.length; k++) {
      const i = from + k;
      const o = outcomes[k];
      if (o.problems.length > 0) problems.push([i, o.problems]);
      const id = o.identity;
      if (id) {
        times[3 * i] = id.size;
        times[3 * i + 1] = id.mtimeNs;
        times[3 * i + 2] = id.ctimeNs;
        inodes[i] = id.ino;
        identified[i] = 1;
      }
      if (!o.file) continue;
      const data = o.file.data;
      if (data === undefined) state[i] = 1;
      else if (jsonSafe(data)) {
        const t = snapshotText(data);
        room(at + t.length + 1);
        spans[2 * i] = at;
        spans[2 * i + 1] = t.length;
        at += bytes.write(t, at, 'latin1');
        bytes[at++] = 0x2c;
        state[i] = 2;
      } else {
        values.push([i, data]);
        state[i] = 3;
      }
    }
    // After the first chunk the buffer is made about as large as the share's texts can be.
    if (!sized && to - from < n) room(Math.ceil((at / (to - from)) * n * 1.1));
    sized = true;
  }
  if (own) for (const from of [...found.keys()].sort((x, y) => x - y)) own.problems.push(...found.get(from)!);
  if (!inOrder) bytes = inFileOrder(bytes, spans, state, first, n);
  return { texts: bytes.buffer as ArrayBuffer, spans, state, times, inodes, identified, problems, values, own, from: Math.min(first, n) };
}

/** The texts of files `from`…`n` laid out again in file order (chunks read from the back), the spans set to their new places. */
function inFileOrder(bytes: Buffer, spans: Uint32Array, state: Uint8Array, from: number, n: number): Buffer<ArrayBuffer> {
  const out = Buffer.from(new ArrayBuffer(bytes.length));
  let at = 0;
  for (let i = from; i < n; i++) {
    if (state[i] !== 2) continue;
    const start = spans[2 * i];
    const length = spans[2 * i + 1];
    bytes.copy(out, at, start, start + length + 1); // with its comma
    spans[2 * i] = at;
    at += length + 1;
  }
  return out;
}

/** A share's outcomes checked: the result's `passed` per outcome (0 for one without a file). */
function checkOutcomes(check: (files: SourceFile[], position: (rel: string, path: readonly PathSegment[], at?: 'key' | 'value') => Position) => ShareCheckResult, dir: string, root: () => string, candidates: readonly Candidate[], outcomes: readonly ReadOutcome[]): ShareCheckResult {
  const strict = new Map<string, StrictParse>();
  const byRel = new Map<string, Candidate>();
  candidates.forEach((c, i) => {
    byRel.set(c.rel, c);
    const s = outcomes[i].strict;
    if (s) strict.set(c.rel, s);
  });
  const files: SourceFile[] = [];
  for (const o of outcomes) if (o.file) files.push(o.file);
  const result = check(files, positionsIn(dir, root, (rel) => byRel.get(rel), strict));
  const passed = new Uint8Array(candidates.length);
  let k = 0;
  outcomes.forEach((o, i) => {
    if (o.file) passed[i] = result.passed[k++];
  });
  return { ...result, passed };
}

/**
 * The worker's side: reads and parses its share exactly as this thread would, checks it when
 * `check` is given and this thread sends what that needs, and sends the outcomes back in order.
 */
export function serveShare(check?: ShareCheck): void {
  const { dir, withIdentity, port, flags, started, chunks } = workerData as WorkerInput;
  const candidates = unpackCandidates((workerData as WorkerInput).candidates);
  const flag = new Int32Array(flags);
  let realRoot: string | undefined;
  const root = () => (realRoot ??= realpathSync(dir));
  try {
    let given: unknown;
    if (check && started !== undefined) {
      // Sent as soon as this thread's caller has read the vocabularies: long before this is reached.
      Atomics.wait(flag, 1, 0, WAIT_MS);
      given = Atomics.load(flag, 1) === 1 ? receiveMessageOnPort(port)?.message : undefined;
    }
    // Chunks from the back, its files numbered from the first it was given.
    const { head, unit, first, offset } = chunks;
    const end = offset + candidates.length;
    const m = readShare(dir, root, candidates, withIdentity, check && given !== undefined ? (files, position) => check(files, position, started, given) : undefined, () => {
      const k = claimBack(flag, first);
      return k === undefined ? undefined : [head + k * unit - offset, Math.min(end, head + (k + 1) * unit) - offset];
    });
    const tables = [m.spans, m.state, m.times, m.inodes, m.identified, ...(m.own ? [m.own.passed] : [])];
    port.postMessage(m, [m.texts, ...tables.map((t) => t.buffer as ArrayBuffer)]);
  } catch {
    port.postMessage({ failed: true }); // this thread's caller reads the share itself
  } finally {
    Atomics.store(flag, 0, 1);
    Atomics.notify(flag, 0);
  }
}

/**
 * The worker's files as they cross to it: a record file that is what its name says (a kind's
 * folder, `ID.yaml`, found, no error) as its id alone, in one text, with its kind and what its
 * folder entry says it is in a byte each; any other file as it is. A copy of tens of thousands of
 * small objects costs both threads tens of milliseconds; this one costs a few.
 */
export interface PackedCandidates {
  /** The ids of the record files, in order, each followed by NUL (no file name holds one). */
  ids: string;
  /** Per file: the index of its record kind, or NOT_PACKED (then it is in `others`). */
  kinds: Uint8Array;
  /** Per file: its folder entry's kind as a letter code (KIND_CODES), 0 when none was seen. */
  entries: Uint8Array;
  others: Array<[number, Candidate]>;
}

const NOT_PACKED = 0xff;
const ENTRY_KINDS = ['file', 'link', 'folder', 'fifo', 'socket', 'device', 'other'] as const;

export function packCandidates(candidates: readonly Candidate[]): PackedCandidates {
  const n = candidates.length;
  const kinds = new Uint8Array(n);
  const entries = new Uint8Array(n);
  const ids: string[] = [];
  const others: Array<[number, Candidate]> = [];
  for (let i = 0; i < n; i++) {
    const c = candidates[i];
    const w = c.what;
    const k = w.role === 'record' ? RECORD_KINDS.indexOf(w.kind) : -1;
    const entry = typeof c.kind === 'string' ? (ENTRY_KINDS as readonly string[]).indexOf(c.kind) + 1 : 0;
    if (k < 0 || c.error || entry === 0 || w.role !== 'record' || c.rel !== `${FOLDER_OF[w.kind]}/${w.id}.yaml` || w.id.includes('\0')) {
      kinds[i] = NOT_PACKED;
      others.push([i, c]);
      continue;
    }
    kinds[i] = k;
    entries[i] = entry;
    ids.push(w.id);
  }
  return { ids: ids.length > 0 ? `${ids.join('\0')}\0` : '', kinds, entries, others };
}

export function unpackCandidates(packed: PackedCandidates): Candidate[] {
  const { ids, kinds, entries } = packed;
  const others = new Map(packed.others);
  const out: Candidate[] = new Array(kinds.length);
  let at = 0;
  for (let i = 0; i < kinds.length; i++) {
    if (kinds[i] === NOT_PACKED) {
      out[i] = others.get(i)!;
      continue;
    }
    const end = ids.indexOf('\0', at);
    const id = ids.slice(at, end);
    at = end + 1;
    const kind = RECORD_KINDS[kinds[i]];
    out[i] = { rel: `${FOLDER_OF[kind]}/${id}.yaml`, what: { role: 'record', kind, id }, kind: ENTRY_KINDS[entries[i] - 1] };
  }
  return out;
}
