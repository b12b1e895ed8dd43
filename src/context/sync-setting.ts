// Whether the data folder asks every change to be synced (civsam.yaml `sync: auto`), and the language
// its history is written in. Read on their own, without loading the folder: a civsam.yaml that
// cannot be read or parsed counts as not asking (and as no language), and the command's own checks
// then say what is wrong with it.
import { closeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openRegular, readUpTo } from '../store/read-file.js';
import { MAX_FILE_BYTES, decode, parseStrict } from '../store/yaml-read.js';
import type { CommandContext } from './context.js';
import { LANGUAGES, type Language } from '../i18n/define.js';

/** civsam.yaml's settings, read on their own; undefined when the file cannot be read or parsed. */
function folderSettings(ctx: CommandContext): Record<string, unknown> | undefined {
  let bytes: Buffer;
  try {
    const opened = openRegular(join(resolve(ctx.cwd, ctx.dataDir), 'civsam.yaml'), { follow: false });
    if ('refused' in opened) return undefined;
    try {
      bytes = readUpTo(opened.fd, opened.st.size, MAX_FILE_BYTES);
    } finally {
      closeSync(opened.fd);
    }
  } catch {
    return undefined;
  }
  const decoded = decode(bytes);
  if (!('text' in decoded)) return undefined;
  const { data } = parseStrict(decoded.text);
  return data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : undefined;
}

export function syncIsAuto(ctx: CommandContext): boolean {
  return folderSettings(ctx)?.sync === 'auto';
}

/** The language the folder's history is written in (civsam.yaml `language`), else the user's. */
export function folderLanguage(ctx: CommandContext): Language {
  const language = folderSettings(ctx)?.language;
  return LANGUAGES.includes(language as Language) ? (language as Language) : ctx.lang;
}
