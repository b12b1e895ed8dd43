// Reading a large folder on two cores, with the worker thread checking its share of the files on
// their own as well (their schema, characters, the rules of one record and their references), so
// that what crosses back is each file's snapshot text and its problems, and this thread looks at
// little of that data (see store/parallel-read.ts). The references need every id of the folder:
// the records' file names from the listing, given as the worker starts, and the vocabularies'
// entries, which this thread reads first and sends as soon as it has them.
import { RECORD_KINDS, VOCABULARIES, type RecordKind, type Target } from '../domain/kinds.js';
import type { Candidate, ParallelReader, Problem, ReadOutcome, SourceFile } from '../store/load-folder.js';
import { PARALLEL_FROM, parallelReader, type ShareChecks } from '../store/parallel-read.js';
import { anyId, checkShare, existingIds, isAnyId } from './check-folder.js';

/** What the worker is given as it starts: every record file's id by kind, joined by NUL (no file name holds one). */
export interface StartedIds {
  names: Partial<Record<RecordKind, string>>;
}

/** What it is sent once the vocabularies are read: their ids, and the targets any id of which exists. */
export interface GivenIds {
  vocabularies: Partial<Record<Target, string[]>>;
  any: Target[];
}

const isRecord = (c: Candidate) => c.what.role === 'record';

export const checks: ShareChecks = {
  script: new URL('./check-worker.js', import.meta.url),
  check: (files, position, started, given) => checkShare(files, position, idsFor(started as StartedIds, given as GivenIds)),
  start(candidates): StartedIds {
    const lists = new Map<RecordKind, string[]>();
    for (const c of candidates) {
      if (c.what.role !== 'record') continue;
      let list = lists.get(c.what.kind);
      if (!list) lists.set(c.what.kind, (list = []));
      list.push(c.what.id);
    }
    return { names: Object.fromEntries([...lists].map(([k, list]) => [k, list.join('\0')])) };
  },
  head(candidates) {
    // The settings, model and vocabularies come first in a listing; nothing after the first record.
    const i = candidates.findIndex(isRecord);
    return i < 0 ? candidates.length : i;
  },
  given(outcomes: readonly ReadOutcome[], _started: unknown, listing: readonly Problem[]): GivenIds {
    const files: SourceFile[] = [];
    const problems: Problem[] = [...listing];
    for (const o of outcomes) {
      if (o.file) files.push(o.file);
      problems.push(...o.problems);
    }
    const ids = existingIds([], files, problems);
    const any = [...RECORD_KINDS, ...VOCABULARIES].filter((t) => isAnyId(ids[t]));
    return { vocabularies: Object.fromEntries(VOCABULARIES.map((v) => [v, [...ids[v]]])), any };
  },
};

/** The ids of `idsOf`, made once for a read (its share is checked a chunk at a time). */
let lastIds: { started: StartedIds; given: GivenIds; ids: Record<Target, Set<string>> } | undefined;
function idsFor(started: StartedIds, given: GivenIds): Record<Target, Set<string>> {
  if (lastIds?.started !== started || lastIds.given !== given) lastIds = { started, given, ids: idsOf(started, given) };
  return lastIds.ids;
}

/** The ids a worker checks references against: every record's (by its file name) and vocabulary entry's. */
export function idsOf(started: StartedIds, given: GivenIds): Record<Target, Set<string>> {
  const ids = {} as Record<Target, Set<string>>;
  for (const k of RECORD_KINDS) ids[k] = new Set(started.names[k] ? started.names[k].split('\0') : []);
  for (const v of VOCABULARIES) ids[v] = new Set(given.vocabularies[v] ?? []);
  for (const t of given.any) ids[t] = anyId();
  return ids;
}

/** The reader of a large folder read afresh: two threads, each file checked on its own where it is read. */
export const readInParallel: ParallelReader = parallelReader({ from: PARALLEL_FROM, checks });
