// What a report command printed, kept beside the folder snapshot it was made from, so the same
// command on the same folder prints it again without working it out (see context/replay.ts for
// when a recording is made and used). A recording is found by the snapshot's generation (which
// write of the snapshot the folder was found to be exactly as) and a hash of everything else the
// output depends on; a snapshot written again makes every recording of the last one unusable, and
// they are removed at the next recording. Like the snapshot it holds personal data: written for the
// owner only, atomically, outside the data folder, in the user's cache. Each is checked whole (its
// lengths and CRC-32) before it is believed; one that is not as written is ignored and made again.
//
//   civsam-output/1\n
//   {"exit":N,"parts":[[0 for standard output or 1 for the error stream, BYTES], …],"crc":CRC-32 of the rest}\n
//   each part's bytes (UTF-8), in the order they were written
import { closeSync, existsSync, fstatSync, lstatSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { writeFileAtomic } from './atomic-file.js';
import { removeLeftoverTemporaries } from './leftover-temporaries.js';
import { makeFolders } from './paths.js';
import { openRegular, readUpTo } from './read-file.js';

const MAGIC = 'civsam-output/1\n';
/** A command that printed more than this (in UTF-16 units, at most three bytes each) is not recorded. */
export const MOST_RECORDED_CHARS = 32 * 1024 * 1024;
/** How many recordings of one snapshot are kept (the newest): one per way of asking. */
const KEPT = 16;
/** How many times output may go from one stream to the other in a recording (a report's notes and its tables: a few). */
export const MOST_PARTS = 64;
const MOST_HEADER = 100 + MOST_PARTS * 24;

/** What a command wrote: each part to standard output (0) or the error stream (1), in order. */
export interface Recording {
  parts: Array<{ stream: 0 | 1; text: string }>;
  exitCode: number;
}

/** The folder of a snapshot's recordings: beside it, named after it. */
export function recordingsFolder(snapshotFile: string): string {
  return snapshotFile.replace(/\.(?:snapshot|json)$/, '') + '.outputs';
}

/** A generation and a key are made of hex digits and dots only (context/replay.ts, parse-cache.ts). */
const NAME_PART = /^[0-9a-f.]{1,80}$/;

function fileOf(folder: string, generation: string, key: string): string | undefined {
  if (!NAME_PART.test(generation) || !NAME_PART.test(key)) return undefined;
  return join(folder, `${generation}-${key}`);
}

/** Whether a recording for this generation and key is there (not yet whether it is whole). */
export function hasRecording(folder: string, generation: string, key: string): boolean {
  const file = fileOf(folder, generation, key);
  return file !== undefined && existsSync(file);
}

/** The recording for this generation and key, when there is one and it is whole. */
export function readRecording(folder: string, generation: string, key: string): Recording | undefined {
  const file = fileOf(folder, generation, key);
  if (!file) return undefined;
  let fd: number;
  try {
    // Only an ordinary file, opened without blocking: a pipe in its place never makes a run wait.
    const opened = openRegular(file, { follow: false });
    if ('refused' in opened) return undefined;
    fd = opened.fd;
  } catch {
    return undefined;
  }
  try {
    // No more than a recording can hold (a file grown past that is not one).
    const most = MOST_HEADER + MAGIC.length + 3 * MOST_RECORDED_CHARS;
    const bytes = readUpTo(fd, fstatSync(fd).size, most);
    if (bytes.length > most) return undefined;
    if (bytes.toString('latin1', 0, MAGIC.length) !== MAGIC) return undefined;
    const end = bytes.indexOf(0x0a, MAGIC.length);
    if (end < 0 || end - MAGIC.length > MOST_HEADER) return undefined;
    const header = JSON.parse(bytes.toString('latin1', MAGIC.length, end)) as { exit?: unknown; parts?: unknown; crc?: unknown };
    const { exit, parts, crc } = header ?? {};
    const count = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
    if (!count(exit) || !count(crc) || !Array.isArray(parts)) return undefined;
    const body = bytes.subarray(end + 1);
    if (crc32(body) !== crc) return undefined;
    const out: Recording['parts'] = [];
    let at = 0;
    for (const part of parts as unknown[]) {
      if (!Array.isArray(part) || (part[0] !== 0 && part[0] !== 1) || !count(part[1]) || at + part[1] > body.length) return undefined;
      out.push({ stream: part[0], text: body.toString('utf8', at, at + part[1]) });
      at += part[1];
    }
    return at === body.length ? { parts: out, exitCode: exit } : undefined;
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/**
 * Keeps a recording; removes those of other generations (never used again) and all but the newest
 * of this one. A failure to write is not the user's problem: the next run works it out again.
 */
export function writeRecording(folder: string, generation: string, key: string, parts: ReadonlyArray<{ stream: 0 | 1; texts: readonly string[] }>, exitCode: number): void {
  const file = fileOf(folder, generation, key);
  if (!file || parts.length > MOST_PARTS) return;
  try {
    const bytes: Buffer[] = [];
    const lengths: Array<[0 | 1, number]> = [];
    let crc = 0;
    for (const { stream, texts } of parts) {
      let length = 0;
      for (const text of texts) {
        const b = Buffer.from(text, 'utf8');
        crc = crc32(b, crc);
        length += b.length;
        bytes.push(b);
      }
      lengths.push([stream, length]);
    }
    const header = Buffer.from(`${MAGIC}${JSON.stringify({ exit: exitCode, parts: lengths, crc })}\n`, 'latin1');
    makeFolders(folder, 0o700);
    removeLeftoverTemporaries(folder);
    writeFileAtomic(file, [header, ...bytes], { mode: 0o600, keepMode: false, durable: false, flush: false });
    prune(folder, generation);
  } catch {
    // A full disk, a cache folder not ours: the output was printed; only the next run's time is lost.
  }
}

function prune(folder: string, generation: string): void {
  const ours: Array<{ name: string; at: number }> = [];
  for (const name of readdirSync(folder)) {
    const dash = name.indexOf('-');
    // A temporary file (a dot first) is a write under way, or a killed one's, which removeLeftoverTemporaries judges.
    if (dash < 0 || name.startsWith('.') || !NAME_PART.test(name.slice(0, dash))) continue;
    const path = join(folder, name);
    try {
      if (name.slice(0, dash) !== generation) rmSync(path, { force: true });
      else ours.push({ name, at: lstatSync(path).mtimeMs });
    } catch {
      // Gone meanwhile: nothing to do.
    }
  }
  ours.sort((a, b) => b.at - a.at);
  for (const { name } of ours.slice(KEPT)) rmSync(join(folder, name), { force: true });
}
