// A change of many files (an import) killed while its files were being put in place (SIGKILL, a
// power cut) leaves part of them new and part old, each whole. Before the first rename the writer
// names every target and its temporary file (already complete and flushed) in a journal in the data
// folder (atomic-file.ts replaceFiles); the next writer, holding the lock, finishes what the journal
// names and removes it, so the change ends all done, as the user was promised, never half.
// A journal is believed only as far as it names civsam's own files in the data folder: a record or
// vocabulary file, and a temporary file of civsam's beside it. Anything else in it is left alone.
import { closeSync, existsSync, renameSync, unlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { syncFolder, TEMPORARY_NAME, type Journal } from './atomic-file.js';
import { openRegular, readUpTo } from './read-file.js';

/** The journal's name in the data folder (hidden: never read as a record, never anybody's work to commit). */
export const JOURNAL_FILE = '.civsam-placing';
/** A journal of a change of 100,000 files is some 10 MB. */
const MAX_JOURNAL_BYTES = 64 * 1024 * 1024;

/** A path the journal may name: relative, within the data folder, a record's or vocabulary's YAML file. */
const TARGET = /^(?:[a-z][a-z-]*\/)[^/\\]+\.yaml$/;

export interface Finished {
  /** How many files were put in place (or removed) now. */
  placed: number;
  /** The data folder's paths (absolute) of every file of the change, for its commit. */
  targets: string[];
  note?: unknown;
}

/** Finishes a change a killed writer left (see above), when the data folder holds its journal. The caller holds the lock. */
export function finishUnfinishedChange(dir: string): Finished | undefined {
  const path = join(dir, JOURNAL_FILE);
  if (!existsSync(path)) return undefined;
  const journal = readJournal(path);
  const targets: string[] = [];
  let placed = 0;
  const touched = new Set<string>();
  for (const f of journal?.files ?? []) {
    if (typeof f?.target !== 'string' || !TARGET.test(f.target) || f.target.split('/').includes('..')) continue;
    const target = join(dir, f.target);
    targets.push(target);
    try {
      if (f.tmp === undefined) {
        // A file the change removes: still there, it goes now.
        if (existsSync(target)) {
          unlinkSync(target);
          placed++;
          touched.add(dirname(target));
        }
        continue;
      }
      if (typeof f.tmp !== 'string' || dirname(f.tmp) !== dirname(f.target) || !TEMPORARY_NAME.test(basename(f.tmp))) continue;
      const tmp = join(dir, f.tmp);
      // Its temporary file gone: this one was put in place before the writer stopped.
      if (!existsSync(tmp)) continue;
      // A file the change creates that is there already (someone made it since): theirs is kept.
      if (f.created && existsSync(target)) {
        unlinkSync(tmp);
        continue;
      }
      renameSync(tmp, target);
      placed++;
      touched.add(dirname(target));
    } catch {
      // What cannot be done now is left: the next writer tries again (the journal stays).
      return { placed, targets, note: journal?.note };
    }
  }
  for (const d of touched) syncFolder(d);
  unlinkSync(path);
  syncFolder(dir);
  return { placed, targets, note: journal?.note };
}

function readJournal(path: string): Journal | undefined {
  const opened = openRegular(path, { follow: false });
  if ('refused' in opened) return undefined;
  try {
    const bytes = readUpTo(opened.fd, Number(opened.st.size), MAX_JOURNAL_BYTES);
    const journal = JSON.parse(Buffer.from(bytes).toString('utf8')) as Journal;
    return journal && journal.version === 1 && Array.isArray(journal.files) ? journal : undefined;
  } catch {
    return undefined;
  } finally {
    closeSync(opened.fd);
  }
}
