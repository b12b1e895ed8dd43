// Reads a whole data folder: every file, safely, into plain data plus every problem found.
// Nothing here throws for bad data; the folder is reported as it is.
import { closeSync, fstatSync, openSync, readdirSync, readFileSync, readSync, statSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { FOLDER_OF, RECORD_KINDS, VOCABULARIES, type RecordKind, type VocabularyName } from '../core/kinds.js';
import type { Message } from '../i18n/index.js';
import { noCache, type ParseCache } from './parse-cache.js';
import { MAX_FILE_BYTES, decode, locate, parseFast, parseStrict, type PathSegment, type Position, type StrictParse } from './yaml-read.js';

export interface Problem extends Position {
  /** The file, relative to the data folder, with forward slashes. */
  file: string;
  rule: string;
  severity: 'error' | 'warning';
  message: Message;
}

export type FileRole =
  | { role: 'settings' }
  | { role: 'model' }
  | { role: 'vocabulary'; name: VocabularyName }
  | { role: 'record'; kind: RecordKind; id: string };

export interface SourceFile {
  rel: string;
  what: FileRole;
  /** The parsed data; undefined when the file could not be parsed. */
  data: unknown;
}

export interface RawFolder {
  dir: string;
  files: SourceFile[];
  problems: Problem[];
  /** Finds where a path sits in a file, parsing it with positions on demand. */
  position(rel: string, path: readonly PathSegment[], at?: 'key' | 'value'): Position;
}

const IGNORED = /^\.|~$|\.(?:bak|swp|swo|orig|tmp)$/;

function listDir(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}

/** Which files the folder holds, by role. Hidden and temporary files are never records. */
function listFiles(dir: string, problems: Problem[]): Array<{ rel: string; what: FileRole }> {
  const out: Array<{ rel: string; what: FileRole }> = [];
  const top = new Set(listDir(dir));
  if (top.has('civsam.yaml')) out.push({ rel: 'civsam.yaml', what: { role: 'settings' } });
  if (top.has('model.yaml')) out.push({ rel: 'model.yaml', what: { role: 'model' } });
  for (const name of VOCABULARIES) {
    if (existsFile(join(dir, 'vocabularies', `${name}.yaml`))) out.push({ rel: `vocabularies/${name}.yaml`, what: { role: 'vocabulary', name } });
  }
  for (const kind of RECORD_KINDS) {
    const folder = FOLDER_OF[kind];
    for (const name of listDir(join(dir, folder))) {
      if (IGNORED.test(name)) continue;
      const rel = `${folder}/${name}`;
      if (name.endsWith('.yaml')) {
        out.push({ rel, what: { role: 'record', kind, id: name.slice(0, -5) } });
      } else if (name.endsWith('.yml')) {
        problems.push({ file: rel, line: 1, col: 1, rule: 'file-name', severity: 'error', message: { key: 'problem.fileExtension' } });
      } else {
        problems.push({ file: rel, line: 1, col: 1, rule: 'unexpected-file', severity: 'warning', message: { key: 'problem.unexpectedFile', params: { folder } } });
      }
    }
  }
  return out;
}

function existsFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Values JSON cannot carry (NaN, ±Infinity, -0) are never cached, so a cached read equals a fresh one. */
function jsonSafe(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (Array.isArray(value)) return value.every(jsonSafe);
  if (value !== null && typeof value === 'object') return Object.values(value).every(jsonSafe);
  return true;
}

/** Reads a file of known size, and whatever was appended since the stat (up to the size limit). */
function readAll(fd: number, size: number): Buffer {
  let buf = Buffer.allocUnsafe(size + 1);
  let n = 0;
  for (;;) {
    if (n === buf.length) {
      if (buf.length > MAX_FILE_BYTES) break;
      const bigger = Buffer.allocUnsafe(buf.length * 2);
      buf.copy(bigger, 0, 0, n);
      buf = bigger;
    }
    const r = readSync(fd, buf, n, buf.length - n, null);
    if (r === 0) break;
    n += r;
  }
  return buf.subarray(0, n);
}

export function readFolder(dir: string, cache: ParseCache = noCache): RawFolder {
  const problems: Problem[] = [];
  const files: SourceFile[] = [];
  const strict = new Map<string, StrictParse>();
  const seen = new Set<string>();

  const strictParse = (rel: string): StrictParse => {
    let p = strict.get(rel);
    if (!p) {
      const decoded = decode(readFileSync(join(dir, rel)));
      p = 'text' in decoded ? parseStrict(decoded.text) : { data: undefined, problems: [decoded.problem] };
      strict.set(rel, p);
    }
    return p;
  };

  for (const { rel, what } of listFiles(dir, problems)) {
    seen.add(rel);
    let st: Stats;
    let bytes: Buffer;
    try {
      if (cache.has(rel)) {
        st = statSync(join(dir, rel));
        const cached = st.isFile() ? cache.get(rel, st) : undefined;
        if (cached !== undefined) {
          files.push({ rel, what, data: cached });
          continue;
        }
      }
      // One open for the stat and the read: a cold run over a large folder is mostly system calls.
      const fd = openSync(join(dir, rel), 'r');
      try {
        st = fstatSync(fd);
        if (!st.isFile()) continue;
        if (st.size > MAX_FILE_BYTES) {
          // Refused before reading: a huge file is never parsed.
          problems.push({ file: rel, line: 1, col: 1, rule: 'file-too-large', severity: 'error', message: { key: 'problem.fileTooLarge', params: { limit: MAX_FILE_BYTES / 1024 } } });
          files.push({ rel, what, data: undefined });
          continue;
        }
        bytes = readAll(fd, st.size);
      } finally {
        closeSync(fd);
      }
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') continue; // removed while we read: not there
      problems.push({ file: rel, line: 1, col: 1, rule: 'file-unreadable', severity: 'error', message: { key: 'problem.fileUnreadable' } });
      files.push({ rel, what, data: undefined });
      continue;
    }
    let data: unknown;
    let fileProblems: Problem[] = [];
    const decoded = decode(bytes);
    if ('problem' in decoded) {
      fileProblems = [{ file: rel, ...decoded.problem }];
    } else {
      const fast = parseFast(decoded.text);
      if (fast) {
        data = fast.data;
      } else {
        const p = parseStrict(decoded.text);
        strict.set(rel, p);
        data = p.data;
        fileProblems = p.problems.map((fp) => ({ file: rel, ...fp }));
      }
      if (fileProblems.length === 0 && (data === null || data === undefined)) {
        fileProblems.push({ file: rel, line: 1, col: 1, rule: 'file-empty', severity: 'error', message: { key: 'problem.fileEmpty' } });
      }
    }
    if (fileProblems.length > 0) {
      problems.push(...fileProblems);
      files.push({ rel, what, data: undefined });
      continue;
    }
    if (jsonSafe(data)) cache.put(rel, st, data);
    files.push({ rel, what, data });
  }
  cache.save(seen);

  return {
    dir,
    files,
    problems,
    position: (rel, path, at = 'value') => locate(strictParse(rel), path, at),
  };
}
