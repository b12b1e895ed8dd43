// A large folder listed and stat-ed from the moment civsam starts. A command with nothing changed
// since its last run spends about half its time listing and stat-ing the folder's files; done on
// the second core from start-up, this is under way while the command's code is still loading and
// while this thread reads the folder's snapshot. The entry point starts it for a folder whose
// snapshot is large; the first load of that folder takes it (a command's reading load only: a
// write reads its folder again under its lock, never this), while it is fresh.
import { existsSync, readdirSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { FOLDER_OF, RECORD_KINDS } from '../domain/kinds.js';
import { kindOf } from './read-file.js';
import { largeSnapshot } from './snapshot-place.js';

/** A folder's entries sorted by name (byte order), as every listing of the folder gives them. */
export function sortedEntries(path: string): Dirent[] {
  return readdirSync(path, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** What a folder entry is, as a number that crosses between threads. */
export const ENTRY_KINDS = ['file', 'link', 'folder', 'fifo', 'socket', 'device', 'other'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];
const FILE = 0;

/** One folder as the worker listed it: its names (`\0` between them) and their kinds; or the system's error code. */
export type ListedFolder = { rel: string; names: string; kinds: Uint8Array } | { rel: string; code: string };

/** The worker's listing, and the shared tables it stats the record folders' files into (see stat-files.ts). */
export interface EarlyListingMessage {
  folders: ListedFolder[];
  table: SharedArrayBuffer;
  regular: SharedArrayBuffer;
  counters: SharedArrayBuffer;
}

/** The folders listed: the data folder itself, then each kind's, in the loader's order. */
export const LISTED_FOLDERS: readonly string[] = ['', ...RECORD_KINDS.map((k) => FOLDER_OF[k])];

/** The names of a listed folder. */
export const namesOf = (f: { names: string; kinds: Uint8Array }): string[] => (f.kinds.length === 0 ? [] : f.names.split('\0'));

/**
 * The paths the worker stats, by their place in the listing of the record folders (one after the
 * other): every ordinary file's, null for anything else. Made alike on both threads.
 */
export function statPaths(folders: readonly ListedFolder[]): (string | null)[] {
  const paths: (string | null)[] = [];
  for (const f of folders) {
    if (f.rel === '' || !('names' in f)) continue;
    const names = namesOf(f);
    for (let j = 0; j < names.length; j++) paths.push(f.kinds[j] === FILE ? `${f.rel}/${names[j]}` : null);
  }
  return paths;
}

/** Lists the folders (in the worker). */
export function listFolders(dir: string): ListedFolder[] {
  return LISTED_FOLDERS.map((rel) => {
    try {
      const entries = sortedEntries(join(dir, rel));
      return { rel, names: entries.map((e) => e.name).join('\0'), kinds: Uint8Array.from(entries, (e) => ENTRY_KINDS.indexOf(kindOf(e) as EntryKind)) };
    } catch (e) {
      return { rel, code: String((e as NodeJS.ErrnoException).code ?? 'EIO') };
    }
  });
}

const LIST_WORKER = new URL('./list-worker.js', import.meta.url);

/** How long after start-up a listing is still taken: a command that waited for its user (a prompt) lists the folder afresh. */
const FRESH_MS = 3000;

/** Longest wait for the worker's listing before the folder is listed on this thread. */
const WAIT_MS = 60_000;

interface Started {
  dir: string;
  at: number;
  /** The wall clock when it started, in nanoseconds: whatever changes after it is racy for the snapshot. */
  startedAt: bigint;
  worker: Worker;
  port: MessagePort;
  flag: Int32Array;
}

let started: Started | undefined;

/**
 * Starts listing and stat-ing `dir` on a worker thread when it has a large snapshot (else nothing
 * is done: a small folder is listed quicker than a thread starts; `always`: for a test, whatever
 * its size). Never fails the command.
 */
export function startEarlyListing(dir: string, env: NodeJS.ProcessEnv, { always = false }: { always?: boolean } = {}): void {
  if (env.CIVSAM_NO_CACHE || (!always && !largeSnapshot(dir, env))) return;
  try {
    if (!existsSync(fileURLToPath(LIST_WORKER))) return;
    const { port1, port2 } = new MessageChannel();
    const flag = new Int32Array(new SharedArrayBuffer(4));
    const startedAt = BigInt(Date.now()) * 1_000_000n;
    const worker = new Worker(LIST_WORKER, { workerData: { dir, port: port2, flag }, transferList: [port2] });
    worker.unref();
    port1.unref();
    worker.on('error', () => {});
    started = { dir, at: Date.now(), startedAt, worker, port: port1, flag };
  } catch {
    started = undefined;
  }
}

/** The listing, once taken: the folders as listed, and the stats' shared tables and worker. */
export interface EarlyListing {
  message: EarlyListingMessage;
  worker: Worker;
}

/** The listing started at start-up, claimed by a load of its folder: when it started, and the listing itself (waited for). */
export interface EarlyClaim {
  startedAt: bigint;
  /** The listing, waited for; undefined should the worker have failed (then the caller lists the folder itself). */
  take(): EarlyListing | undefined;
}

/**
 * The listing of `dir` started at start-up, once (a second load lists afresh); undefined when there
 * is none for it or it is stale.
 */
export function claimEarlyListing(dir: string): EarlyClaim | undefined {
  const s = started;
  started = undefined;
  if (!s) return undefined;
  if (s.dir !== dir || Date.now() - s.at > FRESH_MS) {
    s.port.close();
    void s.worker.terminate();
    return undefined;
  }
  let taken = false;
  return {
    startedAt: s.startedAt,
    take() {
      if (taken) return undefined;
      taken = true;
      const got = Atomics.wait(s.flag, 0, 0, WAIT_MS) === 'timed-out' ? undefined : (receiveMessageOnPort(s.port)?.message as EarlyListingMessage | undefined);
      s.port.close();
      if (got && Array.isArray(got.folders)) return { message: got, worker: s.worker };
      void s.worker.terminate();
      return undefined;
    },
  };
}
