// A cache of parsed records, so a second run over a large folder does not parse YAML again.
// An entry is used only while the file's size, modification and change times and inode are those
// it was parsed at; any write to the file changes its ctime. Only files that parsed without any
// problem are cached, so every problem is always found afresh. The cache holds personal data like
// the records themselves, so it is written for the owner only, atomically, outside the data folder.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, realpathSync, type Stats } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic-file.js';

const FORMAT = 'civsam-parse-cache/1';

export interface CacheEntry {
  m: number;
  c: number;
  s: number;
  i: number;
  d: unknown;
}

export interface ParseCache {
  /** Whether the cache holds any entry for the file (then a stat decides whether it is current). */
  has(rel: string): boolean;
  get(rel: string, st: Stats): unknown;
  put(rel: string, st: Stats, data: unknown): void;
  /** Drops the entries of files just written, so no old copy of their data stays in the cache. */
  forget(rels: Iterable<string>): void;
  /** Writes the cache back if anything changed (dropping files not `seen`, when given); a failure to write is not the user's problem. */
  save(seen?: ReadonlySet<string>): void;
}

export function cacheDirectory(env: NodeJS.ProcessEnv): string {
  if (env.CIVSAM_CACHE_DIR) return env.CIVSAM_CACHE_DIR;
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'civsam');
}

export function openParseCache(dataDir: string, env: NodeJS.ProcessEnv, version: string): ParseCache {
  let file: string | undefined;
  let entries: Record<string, CacheEntry> = {};
  try {
    const dir = cacheDirectory(env);
    file = join(dir, createHash('sha256').update(realpathSync(dataDir)).digest('hex').slice(0, 20) + '.json');
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as { format?: string; version?: string; entries?: Record<string, CacheEntry> };
    if (parsed.format === FORMAT && parsed.version === version && parsed.entries) entries = parsed.entries;
  } catch {
    // No cache yet, or an unreadable one: parse everything.
  }
  let changed = false;
  return {
    has: (rel) => Object.hasOwn(entries, rel),
    get(rel, st) {
      const e = entries[rel];
      if (e && e.m === st.mtimeMs && e.c === st.ctimeMs && e.s === st.size && e.i === st.ino) return e.d;
      return undefined;
    },
    put(rel, st, data) {
      entries[rel] = { m: st.mtimeMs, c: st.ctimeMs, s: st.size, i: st.ino, d: data };
      changed = true;
    },
    forget(rels) {
      for (const rel of rels) {
        if (Object.hasOwn(entries, rel)) {
          delete entries[rel];
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
      if (!changed || !file) return;
      try {
        mkdirSync(join(file, '..'), { recursive: true, mode: 0o700 });
        // Always for the owner only, whatever the file was; no folder flush: a cache lost to a
        // power cut is only rebuilt. A full disk leaves the old cache (and no temporary file).
        writeFileAtomic(file, JSON.stringify({ format: FORMAT, version, entries }), { mode: 0o600, keepMode: false, durable: false });
      } catch {
        // Not the user's problem: the next run parses again.
      }
    },
  };
}

export const noCache: ParseCache = { has: () => false, get: () => undefined, forget: () => {}, put: () => {}, save: () => {} };
