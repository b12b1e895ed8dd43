// The snapshot of a loaded folder, so a command over a large folder reads only what changed since
// the last one. One file per data folder in the user's cache holds, for every file the folder held,
// its identity (size, modification and change times in nanoseconds, inode), what reading it gave
// (its data, or the problems that made it unreadable as YAML) and whether it passed every check of
// its own. The next run stats each file and takes the entry only while all four identity values are
// the same, and only when the file's times are older than the run that wrote the entry by more
// than a file system's clock step (git's "racy" rule): a write in the same tick as the snapshot can
// keep every identity value and is still seen. Everything else is read and checked again.
//
// It replaces the older cache of parsed records: one copy of the register in the cache, not two.
// The key is civsam's version and a hash of the schemas and the built code (made by the build), so
// any change in what a file's checks are drops every entry. A snapshot that is missing, broken,
// cut short or of another build is ignored and rebuilt: it can make a run slower, never different.
// It holds personal data like the records themselves, so it is written for the owner only,
// atomically, outside the data folder; the entries of files civsam writes are dropped at once.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, realpathSync, type BigIntStats } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { BUILD_KEY } from '../generated/build-key.js';
import { writeFileAtomic } from './atomic-file.js';

const FORMAT = 'civsam-snapshot/1';

/**
 * How long before a snapshot's run a file must have last changed for its entry to be trusted.
 * File times come from a coarse clock (one kernel tick late) and some file systems keep whole
 * seconds (or two, FAT): a file changed within this window is always read again.
 */
const RACY_NS = 2_000_000_000n;

/** The window, or a longer (or, for tests on a file system with fine times, shorter) one the environment sets. */
function racyWindow(env: NodeJS.ProcessEnv): bigint {
  const ms = env.CIVSAM_SNAPSHOT_RACY_MS;
  return ms !== undefined && /^\d{1,9}$/.test(ms) ? BigInt(ms) * 1_000_000n : RACY_NS;
}

/** A file's identity: what a stat says, compared exactly. */
type Identity = Pick<BigIntStats, 'size' | 'mtimeNs' | 'ctimeNs' | 'ino'>;

/** What reading one file gave: its data, or (data undefined) the problems that made it unreadable. */
export interface CachedRead {
  data: unknown;
  problems: readonly unknown[];
}

interface Entry {
  /** size, mtime ns, ctime ns, inode, as decimal strings (JSON has no 64-bit integers). */
  s: string;
  m: string;
  c: string;
  i: string;
  d?: unknown;
  p?: unknown[];
  /** The file passed every check of its own (schema, characters) and no rule named it. */
  v?: 1;
}

export interface ParseCache {
  /** Whether the snapshot holds any entry for the file (then a stat decides whether it is current). */
  has(rel: string): boolean;
  get(rel: string, st: Identity): CachedRead | undefined;
  put(rel: string, st: Identity, read: CachedRead): void;
  /** Whether the file's entry was taken this run and the file passed its own checks when it was written. */
  passed(rel: string): boolean;
  /**
   * After the folder was checked: every file no problem names has passed its own checks, and when
   * every file's entry holds this run's data, the verdict is kept whole with the files it was for.
   */
  settle(files: readonly string[], named: ReadonlySet<string>, verdict: Verdict): void;
  /** The problems the folder was found to have, when every file is as it was then (all taken from the snapshot) and so is the listing. */
  verdict(files: readonly string[], listing: readonly unknown[]): readonly unknown[] | undefined;
  /** Drops the entries of files just written, so no old copy of their data stays in the snapshot. */
  forget(rels: Iterable<string>): void;
  /** Writes the snapshot back if anything changed (dropping files not `seen`, when given); a failure to write is not the user's problem. */
  save(seen?: ReadonlySet<string>): void;
}

/** A checked folder's problems, with the files (in order) and the listing's own problems they were found for. */
export interface Verdict {
  files: readonly string[];
  listing: readonly unknown[];
  problems: readonly unknown[];
}

export function cacheDirectory(env: NodeJS.ProcessEnv): string {
  if (env.CIVSAM_CACHE_DIR) return env.CIVSAM_CACHE_DIR;
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'civsam');
}

/** Identity values of a stat, as an entry keeps them. */
const idOf = (st: Identity) => ({ s: String(st.size), m: String(st.mtimeNs), c: String(st.ctimeNs), i: String(st.ino) });

export function openParseCache(dataDir: string, env: NodeJS.ProcessEnv, version: string, now: () => bigint = wallClockNs): ParseCache {
  let file: string | undefined;
  let entries: Record<string, Entry> = Object.create(null) as Record<string, Entry>;
  const racy = racyWindow(env);
  let trustedBefore = 0n;
  /** The last verdict, while it is for the data the entries hold (any change to an entry drops it). */
  let stored: Verdict | undefined;
  // Taken before any file is looked at: whatever changes after this is racy for the next run.
  const startedAt = now();
  try {
    const dir = cacheDirectory(env);
    file = join(dir, createHash('sha256').update(realpathSync(dataDir)).digest('hex').slice(0, 20) + '.json');
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as { format?: unknown; version?: unknown; key?: unknown; written?: unknown; entries?: unknown; verdict?: unknown };
    if (parsed.format === FORMAT && parsed.version === version && parsed.key === BUILD_KEY && typeof parsed.written === 'string' && /^\d{1,25}$/.test(parsed.written) && wellFormed(parsed.entries)) {
      entries = parsed.entries;
      trustedBefore = BigInt(parsed.written) - racy;
      if (verdictShaped(parsed.verdict)) stored = parsed.verdict;
    }
  } catch {
    // No snapshot yet, or one that cannot be used: read everything.
  }
  let changed = false;
  /** Files whose entry holds this run's data: taken from the snapshot, or just read and kept. */
  const taken = new Set<string>();
  const kept = new Set<string>();
  return {
    has: (rel) => Object.hasOwn(entries, rel),
    get(rel, st) {
      const e = entries[rel];
      // Strings compared with strings: an entry of any other shape never matches a file.
      if (e === null || typeof e !== 'object' || e.m !== String(st.mtimeNs) || e.c !== String(st.ctimeNs) || e.s !== String(st.size) || e.i !== String(st.ino)) return undefined;
      if ((e.p !== undefined && !Array.isArray(e.p)) || (e.d === undefined && e.p === undefined)) return undefined;
      if (st.mtimeNs >= trustedBefore || st.ctimeNs >= trustedBefore) return undefined;
      taken.add(rel);
      return { data: e.d, problems: e.p ?? [] };
    },
    put(rel, st, read) {
      taken.delete(rel);
      // A file that changed just before or while this run was under way could change again
      // unseen: not kept. Its old entry, if any, no longer matches the file and is never used; it
      // is replaced once the file has settled (rewriting the whole snapshot for it now would cost
      // every run right after an edit the time of a write).
      if (st.mtimeNs >= startedAt - racy || st.ctimeNs >= startedAt - racy) return;
      kept.add(rel);
      stored = undefined;
      entries[rel] = { ...idOf(st), ...(read.data !== undefined ? { d: read.data } : {}), ...(read.problems.length ? { p: [...read.problems] } : {}) };
      changed = true;
    },
    passed: (rel) => taken.has(rel) && entries[rel]?.v === 1,
    settle(files, named, verdict) {
      let whole = true;
      for (const rel of files) {
        const current = taken.has(rel) || kept.has(rel);
        whole &&= current;
        const e = entries[rel];
        if (!e || e.v === 1 || named.has(rel) || e.d === undefined || !current) continue;
        e.v = 1;
        changed = true;
      }
      // Kept only when the entries hold exactly the data it was found for.
      if (whole && !sameVerdict(stored, verdict)) {
        stored = { files: [...verdict.files], listing: [...verdict.listing], problems: [...verdict.problems] };
        changed = true;
      }
    },
    verdict(files, listing) {
      if (!stored || stored.files.length !== files.length) return undefined;
      for (let i = 0; i < files.length; i++) if (files[i] !== stored.files[i] || !taken.has(files[i])) return undefined;
      return JSON.stringify(listing) === JSON.stringify(stored.listing) ? stored.problems : undefined;
    },
    forget(rels) {
      for (const rel of rels) {
        taken.delete(rel);
        kept.delete(rel);
        if (Object.hasOwn(entries, rel)) {
          delete entries[rel];
          stored = undefined;
          changed = true;
        }
      }
    },
    save(seen) {
      for (const rel of seen ? Object.keys(entries) : []) {
        if (!seen!.has(rel)) {
          delete entries[rel];
          changed = true;
        }
      }
      if (stored && seen && stored.files.some((rel) => !seen.has(rel))) {
        stored = undefined;
        changed = true;
      }
      if (!changed || !file) return;
      try {
        mkdirSync(join(file, '..'), { recursive: true, mode: 0o700 });
        // Always for the owner only, whatever the file was; no folder flush: a snapshot lost to a
        // power cut is only rebuilt. A full disk leaves the old one (and no temporary file).
        writeFileAtomic(file, JSON.stringify({ format: FORMAT, version, key: BUILD_KEY, written: String(startedAt), entries, ...(stored ? { verdict: stored } : {}) }), { mode: 0o600, keepMode: false, durable: false });
        changed = false;
      } catch {
        // Not the user's problem: the next run reads again.
      }
    },
  };
}

/**
 * The entries of a snapshot of this format, version and build. Each entry's shape is checked when
 * it is used (`get`), not here: a look at every entry up front would cost every run its time.
 */
function wellFormed(entries: unknown): entries is Record<string, Entry> {
  return entries !== null && typeof entries === 'object' && !Array.isArray(entries);
}

function verdictShaped(v: unknown): v is Verdict {
  if (v === null || typeof v !== 'object') return false;
  const x = v as Record<string, unknown>;
  return Array.isArray(x.files) && x.files.every((f) => typeof f === 'string') && Array.isArray(x.listing) && Array.isArray(x.problems);
}

function sameVerdict(a: Verdict | undefined, b: Verdict): boolean {
  if (!a || a.files.length !== b.files.length) return false;
  for (let i = 0; i < a.files.length; i++) if (a.files[i] !== b.files[i]) return false;
  return JSON.stringify(a.listing) === JSON.stringify(b.listing) && JSON.stringify(a.problems) === JSON.stringify(b.problems);
}

function wallClockNs(): bigint {
  return BigInt(Date.now()) * 1_000_000n;
}

export const noCache: ParseCache = { has: () => false, get: () => undefined, put: () => {}, passed: () => false, settle: () => {}, verdict: () => undefined, forget: () => {}, save: () => {} };
