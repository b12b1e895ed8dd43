// Which data folder a command works on, and the language that folder asks for. Both are decided
// before the command line is parsed (help is written in the folder's language too), so both are
// cheap: a few stats upward from the current folder, and one key read from civsam.yaml without a
// YAML parser.
import { closeSync, lstatSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import type { Language } from '../i18n/index.js';
import { openRegular, readUpTo } from '../store/read-file.js';

export const SETTINGS = 'civsam.yaml';
/** civsam.yaml is a few lines; a bigger one is not read for its language (validate says why). */
const SETTINGS_LIMIT = 64 * 1024;

export interface DataFolderPlace {
  /** As messages show it: as given, or relative to the current folder when found. */
  shown: string;
  /** Absolute. */
  path: string;
}

/**
 * Whether the folder has a civsam.yaml of any sort: an ordinary file, or something else in its
 * place (a pipe, a folder, a link leading nowhere), which makes it the data folder all the same,
 * whose check then says what is wrong with its civsam.yaml (never opened here, so a pipe cannot
 * block). Looking further up would send a person to make a data folder inside this one.
 */
export function holdsSettings(dir: string): boolean {
  try {
    lstatSync(join(dir, SETTINGS));
    return true;
  } catch {
    return false;
  }
}

/**
 * The data folder: `--data`, else $CIVSAM_DATA, else the nearest folder upward from `cwd` (itself
 * included) that holds civsam.yaml, so a user standing anywhere in the folder need not name it,
 * else `./data`.
 */
export function locateDataFolder(given: string | undefined, env: NodeJS.ProcessEnv, cwd: string): DataFolderPlace {
  const named = given ?? (env.CIVSAM_DATA || undefined);
  if (named !== undefined) return { shown: named, path: resolve(cwd, named) };
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    if (holdsSettings(dir)) return { shown: relative(cwd, dir) || '.', path: dir };
    if (dirname(dir) === dir) break;
  }
  return { shown: 'data', path: resolve(cwd, 'data') };
}

/**
 * The data folder as a sentence names it (`datamappen {name} har 3 fejl`): as the user gave it or it
 * was found, except a path of only `.` and `..` (the folder one stands in, or one above it), which
 * a sentence cannot say; that is named by the folder's own name. A command in a message (`cd`,
 * `chmod`, `--data`) keeps the path itself.
 */
export function dataFolderName(place: { dataDir: string; cwd: string }): string {
  if (!/^\.\.?([\\/]\.\.?)*[\\/]?$/.test(place.dataDir)) return place.dataDir;
  return basename(resolve(place.cwd, place.dataDir)) || place.dataDir;
}

/** `--data DIR` or `--data=DIR` as written on the command line, before commander has parsed it. */
export function dataFromArgv(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') break;
    if (a === '--data') return argv[i + 1];
    if (a.startsWith('--data=')) return a.slice(7);
  }
  return undefined;
}

/**
 * The `language:` a folder's civsam.yaml sets (da or en), or none: no file, no such key, anything
 * unreadable. Only an ordinary file is read (never a pipe, which would block), and only the one
 * top-level key is looked at; validate reports a broken civsam.yaml, not this.
 */
export function folderLanguage(dir: string): Language | undefined {
  let text: string;
  try {
    const opened = openRegular(join(dir, SETTINGS), { follow: true });
    if ('refused' in opened) return undefined;
    try {
      if (opened.st.size > SETTINGS_LIMIT) return undefined;
      text = readUpTo(opened.fd, opened.st.size, SETTINGS_LIMIT).toString('utf8');
    } finally {
      closeSync(opened.fd);
    }
  } catch {
    return undefined;
  }
  const m = /^language:[ \t]*(["']?)(da|en)\1[ \t]*(?:#.*)?$/m.exec(text);
  return m ? (m[2] as Language) : undefined;
}
