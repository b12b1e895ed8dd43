// The few errors civsam raises on purpose. Each carries a message key (translated where it is
// shown, in cli/main.ts) and the exit code it ends the process with; nothing else reaches a user
// as an exception.
import { relative, resolve } from 'node:path';
import type { Message, MessageKey, MessageParams } from '../i18n/index.js';

export const EXIT = { ok: 0, findings: 1, invalid: 2 } as const;

/** Invalid usage, invalid data or a refused action: the user can put it right. */
export class UserError extends Error {
  readonly userMessage: Message;
  readonly exitCode: number;
  constructor(key: MessageKey, params?: MessageParams, exitCode: number = EXIT.invalid) {
    super(key);
    this.name = 'UserError';
    this.userMessage = { key, params };
    this.exitCode = exitCode;
  }
}

/**
 * A value the command line gives that the option does not take (`--format xml`): said with the
 * command's help to read, as commander's own usage errors are.
 */
export class UsageError extends UserError {
  constructor(key: MessageKey, params?: MessageParams) {
    super(key, params, EXIT.invalid);
    this.name = 'UsageError';
  }
}

// --- errors of the file system --------------------------------------------------------------------
// A full disk, a read-only drive, a missing permission: the system refused a file operation. These
// are the user's to put right, so every one becomes a message (what failed, where, the system's
// code and what to do) in one place, `fileSystemMessage`, whoever raised it: Node's own errors
// (which carry `code`, `syscall` and usually `path`) and civsam's `FileSystemError` alike.

/** The system error codes a person can do something about, each with a reason and advice. */
export const FILE_SYSTEM_CODES = [
  'ENOSPC', 'EDQUOT', 'EROFS', 'EACCES', 'EPERM', 'EISDIR', 'ENOTDIR', 'ENAMETOOLONG', 'EMFILE', 'ENFILE',
  'EIO', 'ELOOP', 'EBUSY', 'ETXTBSY', 'EXDEV', 'ENOENT',
] as const;
export type FileSystemCode = (typeof FILE_SYSTEM_CODES)[number];

/** What a failed system call was doing, in words a person understands. */
const OPERATION: Record<string, MessageKey> = {
  open: 'fs.op.open', read: 'fs.op.read', pread: 'fs.op.read', readlink: 'fs.op.read',
  write: 'fs.op.write', fsync: 'fs.op.write', fdatasync: 'fs.op.write', ftruncate: 'fs.op.write', close: 'fs.op.write', rename: 'fs.op.write',
  mkdir: 'fs.op.createFolder', mkdtemp: 'fs.op.createFolder',
  scandir: 'fs.op.listFolder', opendir: 'fs.op.listFolder',
  unlink: 'fs.op.remove', rmdir: 'fs.op.remove', rm: 'fs.op.remove',
  link: 'fs.op.create', symlink: 'fs.op.create',
  stat: 'fs.op.examine', lstat: 'fs.op.examine', fstat: 'fs.op.examine', access: 'fs.op.examine', realpath: 'fs.op.examine',
  copyfile: 'fs.op.copy', cp: 'fs.op.copy',
  utime: 'fs.op.update', futime: 'fs.op.update', lutime: 'fs.op.update', chmod: 'fs.op.update', fchmod: 'fs.op.update', chown: 'fs.op.update', fchown: 'fs.op.update',
};

/** A file operation the system refused, raised by civsam itself (Node's errors look the same). */
export class FileSystemError extends Error {
  readonly code: string;
  readonly syscall: string;
  readonly path?: string;
  constructor(code: string, syscall: string, path?: string) {
    super(`${code}: ${syscall}`);
    this.name = 'FileSystemError';
    this.code = code;
    this.syscall = syscall;
    this.path = path;
  }

  /** The same failure, reported at another path (the file a person knows, not a temporary one). */
  static at(err: unknown, path: string, syscall?: string): unknown {
    const f = fileSystemFailure(err);
    return f ? new FileSystemError(f.code, syscall ?? f.syscall, path) : err;
  }
}

export interface FileSystemFailure {
  code: FileSystemCode;
  syscall: string;
  path?: string;
}

/** The failure an error describes, when it is a file operation the system refused with a known code. */
export function fileSystemFailure(err: unknown): FileSystemFailure | undefined {
  if (err === null || typeof err !== 'object') return undefined;
  const { code, syscall, path, dest } = err as { code?: unknown; syscall?: unknown; path?: unknown; dest?: unknown };
  if (typeof code !== 'string' || typeof syscall !== 'string') return undefined;
  if (!(FILE_SYSTEM_CODES as readonly string[]).includes(code) || !Object.hasOwn(OPERATION, syscall)) return undefined;
  // A rename is a write of its destination: the source is a temporary file nobody knows about.
  const shown = syscall === 'rename' && typeof dest === 'string' ? dest : typeof path === 'string' ? path : undefined;
  return { code: code as FileSystemCode, syscall, ...(shown !== undefined ? { path: shown } : {}) };
}

/** The reason and the advice for a code, as message parameters. */
export function fileSystemReason(code: FileSystemCode): MessageParams {
  return { code, reason: { key: `fs.reason.${code}` as MessageKey }, advice: { key: `fs.advice.${code}` as MessageKey } };
}

/**
 * The message for a refused file operation. The path is shown relative to `cwd` when that is
 * shorter, through `safe` (the terminal sanitiser: a file name is the user's text).
 */
export function fileSystemMessage(f: FileSystemFailure, cwd: string, safe: (text: string) => string): Message {
  const op = { key: OPERATION[f.syscall] };
  if (f.path === undefined) return { key: 'fs.failedNoPath', params: { op, ...fileSystemReason(f.code) } };
  return { key: 'fs.failed', params: { op, path: safe(shortPath(f.path, cwd)), ...fileSystemReason(f.code) } };
}

/** A path relative to the current folder when that is shorter, else absolute. */
export function shortPath(path: string, cwd: string): string {
  const abs = resolve(cwd, path);
  const rel = relative(cwd, abs) || '.';
  return rel.length < abs.length ? rel : abs;
}
