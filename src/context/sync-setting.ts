// Whether the data folder asks every change to be synced (civsam.yaml `sync: auto`). Read on its own
// before a write command runs, without loading the folder: a civsam.yaml that cannot be read or
// parsed counts as not asking, and the command's own checks then say what is wrong with it.
import { closeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openRegular, readUpTo } from '../store/read-file.js';
import { MAX_FILE_BYTES, decode, parseStrict } from '../store/yaml-read.js';
import type { CommandContext } from './context.js';

export function syncIsAuto(ctx: CommandContext): boolean {
  let bytes: Buffer;
  try {
    const opened = openRegular(join(resolve(ctx.cwd, ctx.dataDir), 'civsam.yaml'), { follow: false });
    if ('refused' in opened) return false;
    try {
      bytes = readUpTo(opened.fd, opened.st.size, MAX_FILE_BYTES);
    } finally {
      closeSync(opened.fd);
    }
  } catch {
    return false;
  }
  const decoded = decode(bytes);
  if (!('text' in decoded)) return false;
  const { data } = parseStrict(decoded.text);
  return data !== null && typeof data === 'object' && (data as Record<string, unknown>).sync === 'auto';
}
