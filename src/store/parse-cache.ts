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
//
// Every command with nothing changed reads the whole snapshot, so its layout is made to be read
// fast: the identities are a table of 64-bit integers compared where they lie (no object or string
// per file), and the text parts are JSON in ASCII only (other characters as \u escapes), which is
// decoded byte for byte and parsed as a one-byte string:
//   civsam-snapshot/5\n
//   HEADER_LENGTH HEADER_CRC LISTING_LENGTH LISTING_CRC (10 digits each, a space between)\n
//   header: {"version","key","written","files":[…],"groups":[files in each],"segments":[bytes of each],"tables":crc,"sums":[crc of each segment]}
//   listing: [[record folder, mtime ns, ctime ns, inode, its entries' names joined by "/", one letter per entry for its kind], …]
//   zero bytes to a multiple of 8
//   identities: 4 signed 64-bit integers (little-endian) per file: size, mtime ns, ctime ns, inode
//   lengths: one unsigned 32-bit integer (the machine's byte order, as the cache never leaves it) per file: the bytes of its data's JSON in its group
//   flags: one byte per file (HAS_DATA, HAS_PROBLEMS, PASSED)
//   segments: [{file's index: its problems}, verdict or 0], then per group [data of each file, or 0]
//   (a verdict's "files" is 0 when they are the header's, in its order: 45,000 paths read once, not twice)
// A group's files' lengths let one record be parsed alone, and found by the text it holds (`mentioning`).
// The listing keeps what each record folder held when listed, with the folder's own identity: a
// folder's entries change only with its modification and change times (adding, removing or renaming
// a file in it sets both), so a folder as it was is not listed again (git's untracked cache does the
// same). It is read on its own, before the rest, so the stats can start at once.
// Every part has its CRC-32, checked when the part is read: a snapshot changed on the disk (a bit
// gone bad, a block torn by a power cut, an edit) is never believed; what fails is read again from
// the files.
import { createHash } from 'node:crypto';
import { closeSync, existsSync, fstatSync, lstatSync, readdirSync, readSync, realpathSync, rmSync, statSync } from 'node:fs';
import { endianness, homedir } from 'node:os';
import { basename, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { crc32 } from 'node:zlib';
import { BUILD_KEY } from '../generated/build-key.js';
import { writeFileAtomic } from './atomic-file.js';
import { IDENTITY_WORDS, putIdentity, type Identity } from './file-identity.js';
import { makeFolders } from './paths.js';
import { openRegular } from './read-file.js';
import { removeLeftoverTemporaries } from './leftover-temporaries.js';
import { recordingsFolder } from './recorded-output.js';

const MAGIC = 'civsam-snapshot/5\n';
const HEADER_DIGITS = 10;
/** The magic line and the header's and the listing's length and CRC-32: `0000001234 0123456789 0000000567 0123456789\n`. */
const PREFIX_BYTES = MAGIC.length + 4 * HEADER_DIGITS + 4;

/** The lengths and CRC-32s the prefix gives, or undefined when it is not one. */
function readPrefix(first: Buffer | undefined): { headerLength: number; headerSum: number; listingLength: number; listingSum: number } | undefined {
  if (!first || first.length < PREFIX_BYTES || first.toString('latin1', 0, MAGIC.length) !== MAGIC || first[PREFIX_BYTES - 1] !== 0x0a) return undefined;
  const values: number[] = [];
  for (let k = 0; k < 4; k++) {
    const at = MAGIC.length + k * (HEADER_DIGITS + 1);
    const text = first.toString('latin1', at, at + HEADER_DIGITS);
    if (!/^\d{10}$/.test(text) || first[at + HEADER_DIGITS] !== (k === 3 ? 0x0a : 0x20)) return undefined;
    values.push(Number(text));
  }
  const [headerLength, headerSum, listingLength, listingSum] = values;
  return { headerLength, headerSum, listingLength, listingSum };
}

/**
 * How long before a run a record folder must have last changed for its listing to be kept: the
 * racy window of a file, and never less than this even where a test shortens that: a folder's
 * times come from the kernel's coarse clock (a tick of up to 10 ms late), and a file added in the
 * tick the folder was listed in would leave them as they were.
 */
const FOLDER_RACY_NS = 10_000_000n;

/** A record folder's entries, sorted by name, each with a letter for its kind (see KIND_LETTERS). */
export interface FolderListing {
  names: readonly string[];
  kinds: string;
}

/** What the snapshot keeps of a folder's listing: its identity when listed, and its entries. */
interface KeptListing {
  mtimeNs: bigint;
  ctimeNs: bigint;
  ino: bigint;
  names: string;
  kinds: string;
}

/** A folder's identity, as a stat of it gives. */
export type FolderIdentity = Pick<Identity, 'mtimeNs' | 'ctimeNs' | 'ino'>;

/** A snapshot this large holds a few thousand files or more (about 700 bytes each). */
const LARGE_SNAPSHOT_BYTES = 1 << 20;

// The halves of a 64-bit value in a view of 32-bit ones.
const LOW = endianness() === 'LE' ? 0 : 1;
const HIGH = 1 - LOW;

const HAS_DATA = 1;
const HAS_PROBLEMS = 2;
const PASSED = 4;

/**
 * How long before a snapshot's run a file must have last changed for its entry to be trusted.
 * File times come from a coarse clock (one kernel tick late) and some file systems keep whole
 * seconds (or two, FAT): a file changed within this window is always read again.
 */
const RACY_NS = 2_000_000_000n;

/**
 * How many files read again (changed or new since the snapshot was written) wait for the next
 * write rather than make this run write it: a share of the folder, or this many on a small one.
 * Each run reads them again and patches the verdict for them (which covers ten times as many).
 */
const DEFER_SHARE = 0.005;
const DEFER_FILES = 25;

/** DEFER_FILES, or the number the environment sets (tests set 0 to have every change written at once). */
function deferFiles(env: NodeJS.ProcessEnv): number {
  const n = env.CIVSAM_SNAPSHOT_DEFER_FILES;
  return n !== undefined && /^\d{1,9}$/.test(n) ? Number(n) : DEFER_FILES;
}

/**
 * The window, or a longer (or, for tests on a file system with fine times, shorter) one the
 * environment sets, never shorter than a tick of the kernel's coarse clock (FOLDER_RACY_NS): a file
 * written twice within one tick, the same size, keeps its times, so a run that read it between the
 * two writes must not keep what it read.
 */
function racyWindow(env: NodeJS.ProcessEnv): bigint {
  const ms = env.CIVSAM_SNAPSHOT_RACY_MS;
  const window = ms !== undefined && /^\d{1,9}$/.test(ms) ? BigInt(ms) * 1_000_000n : RACY_NS;
  return window > FOLDER_RACY_NS ? window : FOLDER_RACY_NS;
}

/** What reading one file gave: its data, or (data undefined) the problems that made it unreadable. */
export interface CachedRead {
  data: unknown;
  problems: readonly unknown[];
  /**
   * The data as the snapshot writes it (snapshotText's bytes), when the reader made it already
   * (a worker thread): then `data` is not looked at, and parsed from these only if asked for.
   */
  json?: Uint8Array;
}

export interface ParseCache {
  /** Whether there is a snapshot to look in (told without reading it), so stat-ing the files can pay. */
  exists(): boolean;
  /** Whether the snapshot holds any entry for the file (then a stat decides whether it is current); `hint`: where in its listing the file is. */
  has(rel: string, hint?: number): boolean;
  get(rel: string, st: Identity): CachedRead | undefined;
  /** As get, with the file's identity at `index` of a table of them (see putIdentity): the entry's number, or -1 when it is not current. */
  take(rel: string, table: BigInt64Array, index: number): number;
  /**
   * A taken entry's data, parsed when first asked for (with its folder's, or `alone`);
   * `reread` gives it should the snapshot's copy turn out unreadable.
   */
  dataOf(entry: number, reread?: () => unknown, alone?: boolean): unknown;
  /** The entries whose data may hold one of these strings (every entry that does, and maybe others). */
  mentioning(needles: readonly string[]): ReadonlySet<number>;
  /**
   * Parses now the data of the folders named (`offers/`, …) that the command will read: done while
   * another thread stats the files, it costs no time of its own. Only the snapshot's text is read,
   * so it is right whatever the files are; which entries may be used is decided by `take` as always.
   */
  prefetch(folders: readonly string[]): void;
  /**
   * A record folder's entries (`offers`) as the snapshot keeps them, when the folder's identity is
   * the one it had when they were listed: its entries are the same, and it need not be listed.
   */
  listing(folder: string, st: FolderIdentity): FolderListing | undefined;
  /** Whether the snapshot holds a listing of the folder (asked after `listing` found it no longer as it was: a file came, went or was renamed there). */
  hadListing(folder: string): boolean;
  /** A record folder's entries as listed this run (the folder stat-ed first), kept unless the folder changed too lately to be sure of. */
  listed(folder: string, st: FolderIdentity, listing: FolderListing): void;
  /** Whether there is a snapshot, of a folder large enough for its files to be stat-ed on two threads (told by its size, before it is read). */
  large(): boolean;
  problemsOf(entry: number): readonly unknown[];
  /** `hint`: the file's place in the listing (see `take`). */
  put(rel: string, st: Identity, read: CachedRead, hint?: number): void;
  /** Whether the file's entry was taken this run and the file passed its own checks when it was written. */
  passed(rel: string): boolean;
  /** As passed, for a taken entry. */
  passedEntry(entry: number): boolean;
  /**
   * After the folder was checked: every file no problem names has passed its own checks, and the
   * verdict is kept with the files it was for (one patched from the last only when the snapshot is
   * written anyway).
   */
  settle(files: readonly string[], named: ReadonlySet<string>, verdict: Verdict, how?: { patched?: boolean }): void;
  /**
   * The last verdict, when the listing's own problems are as they were then: for the data each file
   * of it had then (an entry replaced or dropped since drops it), so it can be patched where files
   * changed.
   */
  previous(listing: readonly unknown[]): Verdict | undefined;
  /** The problems the folder was found to have, when every file is as it was then (all taken from the snapshot) and so is the listing. */
  verdict(files: readonly string[], listing: readonly unknown[]): readonly unknown[] | undefined;
  /**
   * The snapshot file and which write of it was read (its time and its header's CRC-32), when one
   * was: with a `verdict` (every file as that write holds it), the folder is exactly what it was
   * when the snapshot was written, which is what a recorded output is kept by (recorded-output.ts).
   */
  generation(): SnapshotWrite | undefined;
  /**
   * Has the next save write the snapshot even when only a few files were read again (which it
   * would otherwise leave for later runs to read again): a report that is recorded can be printed
   * again only for a folder exactly as a snapshot holds it (context/replay.ts).
   */
  writeSoon(): void;
  /**
   * The snapshot this run wrote (its file and which write it is), when it wrote one: it holds the
   * data this run read and the verdict it settled, so it is the folder this run's report was made on.
   */
  written(): SnapshotWrite | undefined;
  /** Drops the entries of files just written, so no old copy of their data stays in the snapshot. */
  forget(rels: Iterable<string>): void;
  /** Writes the snapshot back if anything changed (dropping files not `seen`, when given); a failure to write is not the user's problem. */
  save(seen?: readonly string[]): void;
}

/** A snapshot file and which write of it: see ParseCache.generation. */
export interface SnapshotWrite {
  snapshot: string;
  generation: string;
}

/** A checked folder's problems, with the files (in order) and the listing's own problems they were found for. */
export interface Verdict {
  files: readonly string[];
  listing: readonly unknown[];
  problems: readonly unknown[];
}

/**
 * The user's cache folder for civsam: CIVSAM_CACHE_DIR, else XDG_CACHE_HOME's civsam folder, else
 * ~/.cache/civsam. A relative path in either is ignored, as the XDG rules say: it would put the
 * cache (with the register's personal data) wherever the command is run, inside the data folder too.
 */
export function cacheDirectory(env: NodeJS.ProcessEnv): string {
  if (env.CIVSAM_CACHE_DIR && isAbsolute(env.CIVSAM_CACHE_DIR)) return env.CIVSAM_CACHE_DIR;
  return join(env.XDG_CACHE_HOME && isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : join(homedir(), '.cache'), 'civsam');
}

/**
 * The snapshot's file for a data folder. Throws when the cache folder is inside the data folder (a
 * snapshot there would be read as a stray file and could be committed with the records): the
 * command then works without a snapshot.
 */
export function snapshotFile(dataDir: string, env: NodeJS.ProcessEnv): string {
  const folder = realpathSync(dataDir);
  const cache = cacheDirectory(env);
  const inside = relative(folder, resolve(cache));
  if (inside === '' || !(inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside))) throw new Error('the cache folder is inside the data folder');
  return join(cache, createHash('sha256').update(folder).digest('hex').slice(0, 20) + '.snapshot');
}

/** The entries of a snapshot, as loaded: parallel arrays by file, the identities in one table. */
interface Entries {
  rels: string[];
  /** IDENTITY_WORDS values per file; grown (copied) when files are added. */
  ids: BigInt64Array;
  flags: number[];
  /** Each file's data, once its group is parsed (or it was put this run). */
  data: unknown[];
  /** The data's text of a file put this run as text (CachedRead.json), written as it is. */
  json: (Uint8Array | undefined)[];
  problems: Map<number, unknown[]>;
  /** The loaded files' groups: consecutive files of one folder, their data's JSON parsed when first needed. */
  groups: Group[];
  /** The group of each loaded file (files put this run are beyond it). */
  groupOf: Uint32Array;
  /** Each loaded file's data: where its JSON starts in its group's text, and how many bytes it has. */
  at: Uint32Array;
  lens: Uint32Array;
  /** The bytes at a place of the snapshot file these entries were read from; undefined once that file was replaced. */
  readPart: (pos: number, length: number, into?: Buffer) => Buffer | undefined;
}

interface Group {
  start: number;
  count: number;
  /** Where the group's JSON text is in the snapshot file: read only when a command needs the group. */
  pos: number;
  length: number;
  /** The CRC-32 of its text as written. */
  sum: number;
  /** The group's JSON text, once read (and found to be as written) and until it is parsed. */
  text?: Buffer;
  /** Its text was read whole and found to be as written (`mentioning`): one file's bytes of it may be taken alone. */
  sound?: true;
  /** Its data is in `data` (or BROKEN): the text was parsed, or could not be read. */
  parsed?: true;
  /** An entry of the group was replaced this run: its text is no longer the group's. */
  touched?: true;
}

/** The data of a file whose group turned out not to be the JSON it should be: read the file again. */
const BROKEN: unique symbol = Symbol('broken');

const emptyEntries = (): Entries => ({ rels: [], ids: new BigInt64Array(0), flags: [], data: [], json: [], problems: new Map(), groups: [], groupOf: new Uint32Array(0), at: new Uint32Array(0), lens: new Uint32Array(0), readPart: () => undefined });

/** The folder part of a file's path: files are grouped by it, so a command parses only the folders it reads. */
const groupKey = (rel: string) => rel.slice(0, rel.lastIndexOf('/') + 1);

interface Loaded {
  entries: Entries;
  written: bigint;
  verdict?: Verdict;
  /** Which write of the snapshot this is: when it was written and its header's CRC-32 (see ParseCache.generation). */
  generation: string;
}

/**
 * Reads a snapshot file's tables; undefined when it is missing, of another format, version or
 * build, or not whole. The folders' data is read from it only when a command needs that folder
 * (every page of memory a process touches costs time; a command reads a few of the folders).
 */
export function readSnapshot(file: string, version: string): Loaded | undefined {
  // Opened without blocking and only when it is an ordinary file: a pipe put in its place would
  // make every command wait for ever.
  const opened = openRegular(file, { follow: true });
  if ('refused' in opened) return undefined;
  const fd = opened.fd;
  try {
    return readTables(file, fd, version);
  } finally {
    closeSync(fd);
  }
}

/**
 * The record folders' listings a snapshot keeps, by folder, read without the rest of it (the prefix
 * and the listing only); undefined when there is none or it is not as written.
 */
function readListings(file: string): Map<string, KeptListing> | undefined {
  const opened = openRegular(file, { follow: true });
  if ('refused' in opened) return undefined;
  try {
    const prefix = readPrefix(readAt(opened.fd, 0, PREFIX_BYTES));
    if (!prefix || prefix.listingLength === 0) return undefined;
    const bytes = readAt(opened.fd, PREFIX_BYTES + prefix.headerLength, prefix.listingLength);
    if (!bytes || crc32(bytes) !== prefix.listingSum) return undefined;
    const list = JSON.parse(bytes.toString('latin1')) as unknown;
    if (!Array.isArray(list)) return undefined;
    const out = new Map<string, KeptListing>();
    for (const item of list) {
      if (!Array.isArray(item) || item.length !== 6 || !item.every((v) => typeof v === 'string')) return undefined;
      const [folder, mtime, ctime, ino, names, kinds] = item as string[];
      if (![mtime, ctime, ino].every((v) => /^-?\d{1,20}$/.test(v)) || !/^[a-z]*$/.test(kinds)) return undefined;
      out.set(folder, { mtimeNs: BigInt(mtime), ctimeNs: BigInt(ctime), ino: BigInt(ino), names, kinds });
    }
    return out;
  } catch {
    return undefined;
  } finally {
    closeSync(opened.fd);
  }
}

/** `length` bytes at `pos` of an open file, or undefined when it has fewer. */
function readAt(fd: number, pos: number, length: number, into?: Buffer): Buffer | undefined {
  const buf = into ? into.subarray(0, length) : Buffer.allocUnsafe(length);
  let n = 0;
  while (n < length) {
    const r = readSync(fd, buf, n, length - n, pos + n);
    if (r === 0) return undefined;
    n += r;
  }
  return buf;
}

function readTables(file: string, fd: number, version: string): Loaded | undefined {
  const st = fstatSync(fd, { bigint: true });
  const size = Number(st.size);
  const prefix = readPrefix(readAt(fd, 0, Math.min(size, PREFIX_BYTES)));
  if (!prefix) return undefined;
  const { headerLength, listingLength } = prefix;
  let at = PREFIX_BYTES;
  if (at + headerLength + listingLength > size) return undefined;
  const headerBytes = readAt(fd, at, headerLength);
  if (!headerBytes || crc32(headerBytes) !== prefix.headerSum) return undefined;
  const header = JSON.parse(headerBytes.toString('latin1')) as { version?: unknown; key?: unknown; written?: unknown; files?: unknown; groups?: unknown; segments?: unknown; tables?: unknown; sums?: unknown };
  if (header === null || typeof header !== 'object' || header.version !== version || header.key !== BUILD_KEY) return undefined;
  const { written, files, groups, segments, tables: tablesSum, sums } = header;
  if (typeof written !== 'string' || !/^\d{1,25}$/.test(written) || !Array.isArray(files) || !files.every((f) => typeof f === 'string')) return undefined;
  if (!isCounts(groups) || !isCounts(segments) || segments.length !== groups.length + 1 || !isCounts(sums) || sums.length !== segments.length || typeof tablesSum !== 'number') return undefined;
  const count = files.length;
  if (groups.reduce((a, b) => a + b, 0) !== count) return undefined;
  at = align8(at + headerLength + listingLength);
  const tableBytes = count * IDENTITY_WORDS * 8;
  if (at + tableBytes + 4 * count + count + segments.reduce((a, b) => a + b, 0) !== size) return undefined;
  // The tables and the problems in one read; copied out, as the bytes need not be aligned for a view of 64-bit values.
  const tables = readAt(fd, at, tableBytes + 5 * count + segments[0]);
  if (!tables || crc32(tables.subarray(0, tableBytes + 5 * count)) !== tablesSum || crc32(tables.subarray(tableBytes + 5 * count)) !== sums[0]) return undefined;
  const ids = new BigInt64Array(count * IDENTITY_WORDS);
  new Uint8Array(ids.buffer).set(tables.subarray(0, tableBytes));
  let t = tableBytes;
  const lens = new Uint32Array(count);
  new Uint8Array(lens.buffer).set(tables.subarray(t, t + 4 * count));
  t += 4 * count;
  const flags = Array.from(tables.subarray(t, t + count));
  t += count;
  const head = JSON.parse(tables.toString('latin1', t, t + segments[0])) as unknown;
  at += tableBytes + 5 * count + segments[0];
  if (!Array.isArray(head) || head[0] === null || typeof head[0] !== 'object') return undefined;
  const problems = new Map<number, unknown[]>();
  for (const [index, list] of Object.entries(head[0] as Record<string, unknown>)) {
    const i = Number(index);
    if (!Number.isInteger(i) || i < 0 || i >= count || !Array.isArray(list)) return undefined;
    problems.set(i, list);
  }
  for (let i = 0; i < count; i++) {
    // An entry holds data or problems, and problems exactly when it says so.
    if ((flags[i] & (HAS_DATA | HAS_PROBLEMS)) === 0 || ((flags[i] & HAS_PROBLEMS) !== 0) !== problems.has(i)) return undefined;
  }
  const groupOf = new Uint32Array(count);
  const starts = new Uint32Array(count);
  let start = 0;
  const parts: Group[] = [];
  for (let g = 0; g < groups.length; g++) {
    const n = groups[g];
    // `[` data `,` data … `]`: the lengths must add up to the group's.
    let offset = 1;
    for (let j = start; j < start + n; j++) {
      starts[j] = offset;
      offset += lens[j] + 1;
    }
    if (n === 0 || offset !== segments[g + 1]) return undefined;
    parts.push({ start, count: n, pos: at, length: segments[g + 1], sum: sums[g + 1] });
    groupOf.fill(g, start, start + n);
    start += n;
    at += segments[g + 1];
  }
  // A group is read from this same file later: the file opened again is checked to be it (a run
  // that wrote a new snapshot meanwhile replaced it, and its places are not these).
  const readPart = (pos: number, length: number, into?: Buffer): Buffer | undefined => {
    let again: number | undefined;
    try {
      const opened = openRegular(file, { follow: true });
      if ('refused' in opened) return undefined;
      again = opened.fd;
      const now = fstatSync(again, { bigint: true });
      if (now.ino !== st.ino || now.dev !== st.dev || now.size !== st.size || now.mtimeNs !== st.mtimeNs || now.ctimeNs !== st.ctimeNs) return undefined;
      return readAt(again, pos, length, into);
    } catch {
      return undefined;
    } finally {
      if (again !== undefined) closeSync(again);
    }
  };
  const verdict = head[1] !== null && typeof head[1] === 'object' && (head[1] as { files?: unknown }).files === 0 ? { ...(head[1] as object), files: [...files] } : head[1]; // a copy: the entries' list grows with files added
  return { entries: { rels: files as string[], ids, flags, data: new Array<unknown>(count), json: [], problems, groups: parts, groupOf, at: starts, lens, readPart }, written: BigInt(written), verdict: verdictShaped(verdict) ? verdict : undefined, generation: `${written}.${prefix.headerSum.toString(16)}` };
}

const isCounts = (v: unknown): v is number[] => Array.isArray(v) && v.every((n) => Number.isInteger(n) && n >= 0);

/** The data of file `i`: its group parsed when first asked; BROKEN when that group is not what it should be. */
function dataAt(e: Entries, i: number): unknown {
  const json = e.json[i];
  if (json && !Object.hasOwn(e.data, i)) return (e.data[i] = parseSnapshotText(json));
  const g = i < e.groupOf.length ? e.groups[e.groupOf[i]] : undefined;
  if (g && !g.parsed) {
    const text = textOf(e, g);
    g.text = undefined;
    g.parsed = true;
    let list: unknown;
    try {
      list = text && JSON.parse(text.toString('latin1'));
    } catch {
      list = undefined;
    }
    const whole = Array.isArray(list) && list.length === g.count;
    if (!whole) g.touched = true; // never written back as it was
    for (let j = 0; j < g.count; j++) if (!Object.hasOwn(e.data, g.start + j)) e.data[g.start + j] = whole ? (list as unknown[])[j] : BROKEN;
  }
  return e.data[i];
}

/**
 * The data of file `i` alone, without parsing its group (a command that needs a few records of a
 * folder: those `mentioning` found); its group's whole parse when this one cannot be parsed alone.
 */
function dataAlone(e: Entries, i: number): unknown {
  if (Object.hasOwn(e.data, i)) return e.data[i];
  const g = i < e.groupOf.length ? e.groups[e.groupOf[i]] : undefined;
  if (!g || g.parsed || !(g.text || g.sound)) return dataAt(e, i);
  // From the group's text when it is read, else its own bytes only (the whole was found sound).
  const bytes = g.text ? g.text.subarray(e.at[i], e.at[i] + e.lens[i]) : e.readPart(g.pos + e.at[i], e.lens[i]);
  if (!bytes) return dataAt(e, i);
  try {
    return (e.data[i] = JSON.parse(bytes.toString('latin1')));
  } catch {
    return dataAt(e, i);
  }
}

/**
 * The loaded files whose data's JSON holds one of the strings (as JSON writes them in a string),
 * found in the groups' text without parsing it; every file of a group already parsed.
 */
function mentioning(e: Entries, needles: readonly string[], windowBytes = SEARCH_WINDOW): Set<number> {
  const found = new Set<number>();
  const patterns = needles.map((n) => Buffer.from(snapshotText(n).slice(1, -1), 'latin1')).filter((p) => p.length > 0);
  const longest = Math.max(1, ...patterns.map((p) => p.length));
  // A group not read yet is searched a window at a time in one small buffer (reading it whole
  // would touch as much memory as the folder's text); windows overlap by a pattern's length.
  let window: Buffer | undefined;
  const search = (g: Group, text: Buffer, offset: number) => {
    for (const pattern of patterns) {
      let from = text.indexOf(pattern);
      while (from >= 0) {
        // The file whose data holds this byte: the last that starts at or before it.
        const at = offset + from;
        let lo = g.start;
        let hi = g.start + g.count - 1;
        while (lo < hi) {
          const mid = (lo + hi + 1) >>> 1;
          if (e.at[mid] <= at) lo = mid;
          else hi = mid - 1;
        }
        found.add(lo);
        from = text.indexOf(pattern, Math.max(from + 1, e.at[lo] + e.lens[lo] - offset));
      }
    }
  };
  for (const g of e.groups) {
    if (g.text) {
      search(g, g.text, 0);
      continue;
    }
    let whole = !g.parsed;
    // Its CRC-32 as it is read (each window's bytes but those it shares with the next).
    let sum = 0;
    for (let offset = 0; whole && offset < g.length; offset += windowBytes) {
      window ??= Buffer.allocUnsafe(windowBytes + longest);
      const part = e.readPart(g.pos + offset, Math.min(windowBytes + longest, g.length - offset), window);
      if (part) {
        search(g, part, offset);
        sum = crc32(part.subarray(0, Math.min(windowBytes, part.length)), sum);
      } else whole = false;
    }
    if (whole && sum === g.sum) g.sound = true;
    // Parsed already, or not to be read: every file of it may hold them.
    if (!whole) for (let j = g.start; j < g.start + g.count; j++) found.add(j);
  }
  return found;
}

/**
 * The entry of each file by its path. A run asks for the files in the order of the folder's listing,
 * which is the snapshot's own when nothing was added or taken away: the entry at the place the
 * caller gives (or the one after the last found) is tried first. A path not found so (a file
 * added since, or one edited and read again) is looked for through the list for the first few
 * such; a table of every path is made only after them (making it costs as much as some tens of
 * looks through the list).
 */
/** How many entries past the last found are looked at before anything else. */
const GAP = 8;
/** How many paths are looked for through the whole list before the table is made. */
const SCANS = 8;

class EntryIndex {
  private map: Map<string, number> | undefined;
  private next = 0;
  private scans = 0;
  constructor(private readonly rels: string[]) {}

  get(rel: string, hint?: number): number | undefined {
    const rels = this.rels;
    if (hint !== undefined && rels[hint] === rel) return this.found(hint);
    if (this.next > 0 && rels[this.next - 1] === rel) return this.next - 1;
    // The next few after the last found: files taken away since leave gaps.
    for (let i = this.next; i < this.next + GAP && i < rels.length; i++) if (rels[i] === rel) return this.found(i);
    if (!this.map && this.scans < SCANS) {
      this.scans++;
      const i = rels.indexOf(rel);
      return i < 0 ? undefined : this.found(i);
    }
    return this.table().get(rel);
  }

  /** A path added as entry `i` (the last of the list, where a look through it finds it too). */
  set(rel: string, i: number): void {
    this.map?.set(rel, i);
  }

  private found(i: number): number {
    this.next = i + 1;
    return i;
  }

  private table(): Map<string, number> {
    if (!this.map) {
      this.map = new Map();
      for (let i = 0; i < this.rels.length; i++) this.map.set(this.rels[i], i);
    }
    return this.map;
  }
}

/** The bytes of a group searched at a time (tests set a few, so that ids fall across windows). */
const SEARCH_WINDOW = 1 << 20;

function searchWindow(env: NodeJS.ProcessEnv): number {
  const n = env.CIVSAM_SNAPSHOT_SEARCH_WINDOW;
  return n !== undefined && /^[1-9]\d{0,8}$/.test(n) ? Number(n) : SEARCH_WINDOW;
}

/** A group's text, read from the snapshot file when first needed; undefined once parsed, or when it cannot be read. */
function textOf(e: Entries, g: Group): Buffer | undefined {
  if (!g.parsed && !g.text) {
    const text = e.readPart(g.pos, g.length);
    // Not as written: none of it is believed (its files are read again).
    if (text && crc32(text) === g.sum) g.text = text;
  }
  return g.text;
}

/** A snapshot's entries by file, as a test looks at them. */
export function snapshotEntries(file: string, version: string): Record<string, { data?: unknown; problems?: unknown[]; passed: boolean }> | undefined {
  const loaded = readSnapshot(file, version);
  if (!loaded) return undefined;
  const e = loaded.entries;
  return Object.fromEntries(e.rels.map((rel, i) => [rel, { ...((e.flags[i] & HAS_DATA) !== 0 ? { data: dataAt(e, i) } : {}), ...(e.problems.has(i) ? { problems: e.problems.get(i) } : {}), passed: (e.flags[i] & PASSED) !== 0 }]));
}

/** The snapshot as bytes (see the layout above); files whose data could not be had are left out. */
function encodeSnapshot(version: string, written: bigint, entries: Entries, keep: (i: number) => boolean, verdict: Verdict | undefined, listings: ReadonlyMap<string, KeptListing> = new Map()): Uint8Array[] {
  // Files by folder, each folder's files in their order. A group never parsed and as it was read is
  // written back as it was; the others are parsed first, and a copy found unreadable is left out.
  const byGroup = new Map<string, number[]>();
  for (let i = 0; i < entries.rels.length; i++) {
    if (!keep(i)) continue;
    const key = groupKey(entries.rels[i]);
    let list = byGroup.get(key);
    if (!list) byGroup.set(key, (list = []));
    list.push(i);
  }
  const unreadable = (i: number) => (entries.flags[i] & HAS_DATA) !== 0 && !entries.json[i] && dataAt(entries, i) === BROKEN;
  for (const [key, list] of byGroup) {
    if (unchangedGroup(entries, list) || !list.some(unreadable)) continue;
    const readable = list.filter((i) => !unreadable(i));
    if (readable.length > 0) byGroup.set(key, readable);
    else byGroup.delete(key);
  }
  const order = [...byGroup.values()].flat();
  const ids = new BigInt64Array(order.length * IDENTITY_WORDS);
  const flags = new Uint8Array(order.length);
  const problems: Record<number, unknown[]> = {};
  order.forEach((i, j) => {
    ids.set(entries.ids.subarray(i * IDENTITY_WORDS, (i + 1) * IDENTITY_WORDS), j * IDENTITY_WORDS);
    flags[j] = entries.flags[i];
    const p = entries.problems.get(i);
    if (p) problems[j] = p;
  });
  const files = order.map((i) => entries.rels[i]);
  // The verdict's files, in the listing's order, are most often the snapshot's own in its order:
  // then written as 0, and not a second time (every run reads these tables).
  const sameFiles = verdict !== undefined && verdict.files.length === files.length && verdict.files.every((rel, k) => rel === files[k]);
  // Each segment in one or more parts, written one after the other.
  const segments: Uint8Array[][] = [[Buffer.from(snapshotText([problems, verdict ? (sameFiles ? { ...verdict, files: 0 } : verdict) : 0]), 'latin1')]];
  // Each segment's CRC-32; a group written back as it was read keeps the one it had (were its bytes
  // changed on the disk since, they are still found out).
  const sums: number[] = [];
  const lens = new Uint32Array(order.length);
  let j = 0;
  for (const list of byGroup.values()) {
    const same = unchangedGroup(entries, list);
    if (same) {
      lens.set(entries.lens.subarray(same.start, same.start + same.count), j);
      j += same.count;
      // Its bytes as they are in the snapshot read (which, replaced since, makes this write give up).
      let source = same.text;
      if (!source) {
        source = entries.readPart(same.pos, same.length);
        if (!source) throw new Error('snapshot replaced meanwhile');
        // Kept, when as written, for the command to parse should it need the group after this write
        // (the file it was read from is replaced: each of its files would be read again instead).
        if (!same.parsed && crc32(source) === same.sum) same.text = source;
      }
      segments.push([source]);
      sums[segments.length - 1] = same.sum;
      continue;
    }
    const texts = list.map((i) => entries.json[i] ?? snapshotText((entries.flags[i] & HAS_DATA) !== 0 ? dataAt(entries, i) : 0));
    // Texts a reader made one after another (see parallel-read.ts) are written from where they lie.
    const parts = groupParts(texts);
    if (parts) {
      for (const t of texts) lens[j++] = t.length;
      segments.push(parts);
      continue;
    }
    // Else each file's text written where it goes (no joined copy of the whole folder's text).
    let length = 1;
    for (const t of texts) length += t.length + 1;
    const group = Buffer.allocUnsafe(length);
    let at = 0;
    for (let k = 0; k < texts.length; k++) {
      group[at++] = k === 0 ? 0x5b : 0x2c; // `[` before the first, `,` between
      const t = texts[k];
      if (typeof t === 'string') at += group.write(t, at, 'latin1');
      else {
        group.set(t, at);
        at += t.length;
      }
      lens[j++] = t.length;
    }
    group[at] = 0x5d; // `]`
    segments.push([group]);
  }
  const segmentLength = (parts: Uint8Array[]) => parts.reduce((n, p) => n + p.length, 0);
  const partsSum = (parts: Uint8Array[]) => parts.reduce((sum, p) => crc32(p, sum), 0);
  const tables = [Buffer.from(ids.buffer, ids.byteOffset, ids.byteLength), Buffer.from(lens.buffer, lens.byteOffset, lens.byteLength), flags];
  const header = Buffer.from(snapshotText({
    version, key: BUILD_KEY, written: String(written), files, groups: [...byGroup.values()].map((l) => l.length), segments: segments.map(segmentLength),
    tables: partsSum(tables), sums: segments.map((parts, k) => sums[k] ?? partsSum(parts)),
  }), 'latin1');
  const listing = Buffer.from(snapshotText([...listings].map(([folder, l]) => [folder, String(l.mtimeNs), String(l.ctimeNs), String(l.ino), l.names, l.kinds])), 'latin1');
  const head = Buffer.alloc(align8(PREFIX_BYTES + header.length + listing.length));
  const digits = (n: number) => String(n).padStart(HEADER_DIGITS, '0');
  head.write(MAGIC + [header.length, crc32(header), listing.length, crc32(listing)].map(digits).join(' ') + '\n', 'latin1');
  header.copy(head, PREFIX_BYTES);
  listing.copy(head, PREFIX_BYTES + header.length);
  // In parts, written one after the other: never copied into one block.
  return [head, ...tables, ...segments.flat()];
}

/** More parts than this for one group: its texts are copied into one block instead (a write per part costs a call). */
const MAX_PARTS = 64;
const OPEN = Buffer.from('[');
const COMMA = Buffer.from(',');
const CLOSE = Buffer.from(']');

/**
 * A group's text (`[` texts joined by `,` `]`) as parts that are views of the texts where they lie:
 * texts that follow each other in one buffer with a comma between (as a reader made them, see
 * parallel-read.ts) are one part. Undefined when that would take too many parts.
 */
function groupParts(texts: ReadonlyArray<string | Uint8Array>): Uint8Array[] | undefined {
  const parts: Uint8Array[] = [OPEN];
  let run: { bytes: Uint8Array; start: number; end: number } | undefined;
  const flush = () => {
    if (run) parts.push(run.bytes.subarray(run.start, run.end));
    run = undefined;
  };
  for (let k = 0; k < texts.length; k++) {
    const t = texts[k];
    if (typeof t !== 'string' && run && t.buffer === run.bytes.buffer && t.byteOffset === run.end + 1 && run.bytes[run.end] === 0x2c) {
      run.end = t.byteOffset + t.length;
      continue;
    }
    flush();
    if (k > 0) parts.push(COMMA);
    if (typeof t === 'string') parts.push(Buffer.from(t, 'latin1'));
    else run = { bytes: new Uint8Array(t.buffer), start: t.byteOffset, end: t.byteOffset + t.length };
    if (parts.length > MAX_PARTS) return undefined;
  }
  flush();
  parts.push(CLOSE);
  return parts;
}

/** The loaded group these files are, all of it in its order and none replaced: its text can be written back as read. */
function unchangedGroup(e: Entries, list: readonly number[]): Group | undefined {
  const first = list[0];
  if (first === undefined || first >= e.groupOf.length) return undefined;
  const g = e.groups[e.groupOf[first]];
  if (g.touched || g.start !== first || g.count !== list.length || list[list.length - 1] !== first + g.count - 1) return undefined;
  return g;
}

/**
 * A file's data as the snapshot writes it (and every other text of it): JSON with every character
 * beyond ASCII as a \u escape, so its bytes are its characters. A reader on another thread makes it
 * there, so the data crosses as these bytes (see CachedRead.json).
 */
export function snapshotText(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, escapeOf);
}

/** The data of a snapshot text made by snapshotText (its bytes are its characters). */
export function parseSnapshotText(bytes: Uint8Array): unknown {
  return JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1'));
}

const escapes = new Map<string, string>();
/** A character's \u escape, made once for each character (a register's text repeats few of them: æ, ø, å, é). */
function escapeOf(c: string): string {
  let e = escapes.get(c);
  if (e === undefined) escapes.set(c, (e = '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0')));
  return e;
}

const align8 = (n: number) => (n + 7) & ~7;

export function openParseCache(dataDir: string, env: NodeJS.ProcessEnv, version: string, now: () => bigint = wallClockNs): ParseCache {
  const racy = racyWindow(env);
  const deferUpTo = deferFiles(env);
  // Taken before any file is looked at: whatever changes after this is racy for the next run.
  const startedAt = now();
  // Read when first asked for (after the files are listed, so their stats can be under way meanwhile).
  // `stored`: the last verdict; `stale` once an entry it was found for is replaced or dropped this run
  // (then it is only patched from, and never written again).
  let state: { file?: string; entries: Entries; index: EntryIndex; stored?: Verdict; stale?: boolean; generation?: string } | undefined;
  let fileName: string | undefined;
  const snapshotPath = () => (fileName ??= snapshotFile(dataDir, env));
  const open = () => {
    if (state) return state;
    let file: string | undefined;
    let loaded: Loaded | undefined;
    try {
      file = snapshotPath();
      loaded = readSnapshot(file, version);
    } catch {
      // No snapshot yet, or one that cannot be used: read everything.
    }
    const entries = loaded?.entries ?? emptyEntries();
    const trustedBefore = loaded ? loaded.written - racy : 0n;
    trusted = [Number(BigInt.asIntN(32, trustedBefore >> 32n)), Number(BigInt.asUintN(32, trustedBefore))];
    state = { file, entries, index: new EntryIndex(entries.rels), stored: loaded?.verdict, generation: loaded?.generation };
    return state;
  };
  /** The listings the snapshot holds (read when first asked for), and those to keep when it is written: taken or made this run. */
  let listings: Map<string, KeptListing> | undefined;
  const keptListings = new Map<string, KeptListing>();
  let changed = false;
  /** Entries put this run, and whether something else (a forgotten entry, a broken group) must be written now. */
  let puts = 0;
  let mustWrite = false;
  /** The snapshot this run wrote, once it has (see `written`). */
  let wrote: SnapshotWrite | undefined;
  /** Per entry: it holds this run's data, taken from the snapshot (1) or just read and kept (2). */
  const current: number[] = [];
  const dead = new Set<number>();
  /** How many entries were taken this run. */
  let taken = 0;
  const probe = new BigInt64Array(IDENTITY_WORDS);
  // Identities are compared as 32-bit halves, where they lie: no number is made for a comparison.
  const views = new WeakMap<BigInt64Array, Int32Array>();
  const halves = (table: BigInt64Array) => {
    let v = views.get(table);
    if (!v) views.set(table, (v = new Int32Array(table.buffer, table.byteOffset, table.length * 2)));
    return v;
  };
  let trusted: [high: number, low: number] = [0, 0];
  /** Whether the time at `at` (two halves) is older than the snapshot's trusted bound. */
  const older = (v: Int32Array, at: number) => {
    const high = v[at + HIGH];
    return high < trusted[0] || (high === trusted[0] && v[at + LOW] >>> 0 < trusted[1]);
  };

  const take = (rel: string, table: BigInt64Array, index: number): number => {
    const s = open();
    const i = s.index.get(rel, index);
    if (i === undefined || dead.has(i)) return -1;
    const ours = halves(s.entries.ids);
    const theirs = halves(table);
    const a = i * IDENTITY_WORDS * 2;
    const b = index * IDENTITY_WORDS * 2;
    for (let k = 0; k < IDENTITY_WORDS * 2; k++) if (ours[a + k] !== theirs[b + k]) return -1;
    // mtime and ctime: the second and third values.
    if (!older(theirs, b + 2) || !older(theirs, b + 4)) return -1;
    current[i] = 1;
    taken++;
    return i;
  };

  // The data is parsed when first asked for (with its folder's): a command that needs no data
  // (validate, with the verdict kept) parses none.
  const dataOf = (i: number, reread?: () => unknown, alone?: boolean): unknown => {
    const e = open().entries;
    if ((e.flags[i] & HAS_DATA) === 0) return undefined;
    const d = alone ? dataAlone(e, i) : dataAt(e, i);
    if (d !== BROKEN) return d;
    changed = true; // the snapshot is written again without it
    mustWrite = true;
    return reread ? reread() : undefined;
  };
  const problemsOf = (i: number): readonly unknown[] => open().entries.problems.get(i) ?? [];

  return {
    exists: () => {
      if (state) return state.entries.rels.length > 0;
      try {
        return existsSync(snapshotPath());
      } catch {
        return false;
      }
    },
    large: () => {
      try {
        return statSync(snapshotPath()).size >= LARGE_SNAPSHOT_BYTES;
      } catch {
        return false;
      }
    },
    has: (rel, hint) => {
      const i = open().index.get(rel, hint);
      return i !== undefined && !dead.has(i);
    },
    get(rel, st) {
      putIdentity(probe, 0, st);
      const i = take(rel, probe, 0);
      return i < 0 ? undefined : { data: dataOf(i), problems: problemsOf(i) };
    },
    take,
    dataOf,
    mentioning: (needles) => mentioning(open().entries, needles, searchWindow(env)),
    listing(folder, st) {
      if (!listings) {
        try {
          listings = readListings(snapshotPath()) ?? new Map();
        } catch {
          listings = new Map();
        }
      }
      const kept = listings.get(folder);
      if (!kept || kept.mtimeNs !== st.mtimeNs || kept.ctimeNs !== st.ctimeNs || kept.ino !== st.ino) return undefined;
      const names = kept.names === '' ? [] : kept.names.split('/');
      // A kind for every name, or the listing is not as written.
      if (names.length !== kept.kinds.length) return undefined;
      keptListings.set(folder, kept);
      return { names, kinds: kept.kinds };
    },
    hadListing: (folder) => listings?.has(folder) === true,
    listed(folder, st, listing) {
      if (st.mtimeNs >= startedAt - racy || st.ctimeNs >= startedAt - racy) return;
      keptListings.set(folder, { mtimeNs: st.mtimeNs, ctimeNs: st.ctimeNs, ino: st.ino, names: listing.names.join('/'), kinds: listing.kinds });
    },
    prefetch(folders) {
      const e = open().entries;
      for (const g of e.groups) if (!g.parsed && folders.includes(groupKey(e.rels[g.start]))) dataAt(e, g.start);
    },
    problemsOf,
    put(rel, st, read, hint) {
      const s = open();
      let i = s.index.get(rel, hint);
      if (i !== undefined) current[i] = 0;
      // A file that changed just before or while this run was under way could change again
      // unseen: not kept. Its old entry, if any, no longer matches the file and is never used; it
      // is replaced once the file has settled (rewriting the whole snapshot for it now would cost
      // every run right after an edit the time of a write).
      if (st.mtimeNs >= startedAt - racy || st.ctimeNs >= startedAt - racy) return;
      const e = s.entries;
      if (i === undefined) {
        i = e.rels.length;
        e.rels.push(rel);
        s.index.set(rel, i);
        if ((i + 1) * IDENTITY_WORDS > e.ids.length) {
          const grown = new BigInt64Array(Math.max(e.ids.length * 2, 64 * IDENTITY_WORDS));
          grown.set(e.ids);
          e.ids = grown;
        }
      } else if (i < e.groupOf.length) {
        e.groups[e.groupOf[i]].touched = true;
      }
      dead.delete(i);
      current[i] = 2;
      s.stale = true;
      putIdentity(e.ids, i, st);
      e.flags[i] = (read.data !== undefined || read.json ? HAS_DATA : 0) | (read.problems.length ? HAS_PROBLEMS : 0);
      e.json[i] = read.json;
      // Data given as its text alone is parsed from that when asked for.
      if (read.data !== undefined || !read.json) e.data[i] = read.data;
      else if (Object.hasOwn(e.data, i)) delete e.data[i];
      if (read.problems.length) e.problems.set(i, [...read.problems]);
      else e.problems.delete(i);
      changed = true;
      puts++;
    },
    passedEntry: (i) => current[i] === 1 && (open().entries.flags[i] & PASSED) !== 0,
    passed: (rel) => {
      if (taken === 0) return false; // nothing taken (a folder read afresh): no lookup per file
      const s = open();
      const i = s.index.get(rel);
      return i !== undefined && current[i] === 1 && (s.entries.flags[i] & PASSED) !== 0;
    },
    settle(files, named, verdict, how) {
      const s = open();
      for (let k = 0; k < files.length; k++) {
        const rel = files[k];
        const i = s.index.get(rel, k);
        const now = i !== undefined && current[i] > 0;
        if (!now || named.has(rel)) continue;
        const flags = s.entries.flags[i];
        if ((flags & PASSED) !== 0 || (flags & HAS_DATA) === 0) continue;
        s.entries.flags[i] = flags | PASSED;
        changed = true;
      }
      // Kept for the data it was found for. A file whose entry does not hold that data (one that
      // changed too recently to be kept, or could not be read) has no entry of its identity now or
      // later (its change time only moves on), so it is never taken and is checked again: the
      // verdict is reused whole only when every file is taken, and patched where files are not.
      // One patched from the last is as quick to patch again, so it alone does not make the
      // snapshot be written.
      if ((changed || !how?.patched) && (s.stale || !sameVerdict(s.stored, verdict))) {
        s.stored = { files: [...verdict.files], listing: [...verdict.listing], problems: [...verdict.problems] };
        s.stale = false;
        changed = true;
      }
    },
    previous(listing) {
      const stored = open().stored;
      return stored && JSON.stringify(listing) === JSON.stringify(stored.listing) ? stored : undefined;
    },
    writeSoon() {
      mustWrite = true;
    },
    written() {
      return wrote;
    },
    generation() {
      const s = open();
      return s.file && s.generation ? { snapshot: s.file, generation: s.generation } : undefined;
    },
    verdict(files, listing) {
      const s = open();
      const stored = s.stored;
      if (!stored || s.stale || stored.files.length !== files.length) return undefined;
      for (let i = 0; i < files.length; i++) {
        if (files[i] !== stored.files[i]) return undefined;
        const at = s.index.get(files[i], i);
        if (at === undefined || current[at] !== 1) return undefined;
      }
      return JSON.stringify(listing) === JSON.stringify(stored.listing) ? stored.problems : undefined;
    },
    forget(rels) {
      const s = open();
      for (const rel of rels) {
        const i = s.index.get(rel);
        if (i === undefined || dead.has(i)) continue;
        current[i] = 0;
        dead.add(i);
        s.stale = true;
        changed = true;
        // The data of a file civsam wrote leaves the snapshot at once.
        mustWrite = true;
      }
    },
    save(seen) {
      const s = open();
      // Files no longer in the folder are left out whenever the snapshot is written; that alone does
      // not make it be written (a run after a file was taken away would pay for it every time, and
      // the verdict kept, for the files it was found for, is still patched from). civsam's own
      // removals are forgotten at once (`forget`). A Set of the files only when some may be gone.
      let live = 0;
      for (let i = 0; i < s.entries.rels.length; i++) if (!dead.has(i)) live++;
      const all = !seen || (seen.length === live && seen.every((rel, k) => {
        const i = s.index.get(rel, k);
        return i !== undefined && !dead.has(i);
      }));
      const there = all ? undefined : new Set(seen);
      const keep = (i: number) => !dead.has(i) && (!there || there.has(s.entries.rels[i]));
      if (!changed || !s.file) return;
      // A few files read again since the snapshot was written (a new file, an edit) are read again
      // next run too, and the verdict patched for them, which costs less than writing the whole
      // snapshot for each: it is written once they are more than DEFER_SHARE of the folder (or
      // DEFER_FILES on a small one), well within what a patched verdict covers.
      if (!mustWrite && puts > 0 && s.entries.groupOf.length > 0 && puts <= Math.max(deferUpTo, s.entries.groupOf.length * DEFER_SHARE)) return;
      try {
        makeFolders(join(s.file, '..'), 0o700);
        // A copy a killed run was writing (it holds the register's personal data) goes first.
        removeLeftoverTemporaries(join(s.file, '..'), { of: basename(s.file) });
        // Always for the owner only, whatever the file was; no folder flush: a snapshot lost to a
        // power cut is only rebuilt. A full disk leaves the old one (and no temporary file).
        // Nor a flush of the file: a snapshot torn by a power cut is found out (its lengths, its JSON)
        // and read around; the rename keeps a killed run's half-written one from being seen at all.
        const parts = encodeSnapshot(version, startedAt, s.entries, keep, s.stale ? undefined : s.stored, keptListings);
        writeFileAtomic(s.file, parts, { mode: 0o600, keepMode: false, durable: false, flush: false });
        changed = false;
        const prefix = readPrefix(Buffer.from(parts[0].buffer, parts[0].byteOffset, PREFIX_BYTES));
        wrote = prefix && { snapshot: s.file, generation: `${startedAt}.${prefix.headerSum.toString(16)}` };
        // The reports recorded on the snapshot it replaces are never printed again (they are kept by
        // which write of it they were made on): they go now, with whatever personal data they hold.
        rmSync(recordingsFolder(s.file), { recursive: true, force: true });
        // The JSON snapshot of earlier versions, beside it: its copy of the records goes.
        rmSync(s.file.replace(/\.snapshot$/, '.json'), { force: true });
        removeUnusedSnapshots(join(s.file, '..'), basename(s.file), now());
      } catch {
        // Not the user's problem: the next run reads again.
      }
    },
  };
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

/**
 * How long a snapshot no run has written may stay in the cache: one of a folder nobody opens any
 * more (a copy taken for a day, a folder moved or deleted) holds its personal data for nothing.
 * Should its folder be opened again, it is only read afresh.
 */
const UNUSED_NS = 90n * 24n * 3600n * 1_000_000_000n;

/**
 * Removes the snapshots (and the JSON snapshots of earlier versions) of other folders that no run
 * has written for UNUSED_NS. Only civsam's own names (20 hexadecimal digits) and ordinary files; a
 * failure is left for the next time.
 */
function removeUnusedSnapshots(dir: string, own: string, nowNs: bigint): void {
  for (const name of readdirSync(dir)) {
    if (name === own || !/^[0-9a-f]{20}\.(?:snapshot|json)$/.test(name)) continue;
    try {
      const st = lstatSync(join(dir, name), { bigint: true });
      if (st.isFile() && st.mtimeNs < nowNs - UNUSED_NS) {
        rmSync(join(dir, name), { force: true });
        rmSync(recordingsFolder(join(dir, name)), { recursive: true, force: true });
      }
    } catch {
      // Gone meanwhile, or not ours to judge: left.
    }
  }
}

function wallClockNs(): bigint {
  return BigInt(Date.now()) * 1_000_000n;
}

export const noCache: ParseCache = { listing: () => undefined, hadListing: () => false, listed: () => {}, exists: () => false, has: () => false, get: () => undefined, take: () => -1, dataOf: () => undefined, mentioning: () => new Set(), prefetch: () => {}, large: () => false, problemsOf: () => [], put: () => {}, passed: () => false, passedEntry: () => false, settle: () => {}, previous: () => undefined, verdict: () => undefined, generation: () => undefined, writeSoon: () => {}, written: () => undefined, forget: () => {}, save: () => {} };
