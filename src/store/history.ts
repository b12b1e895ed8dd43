// Who changed what: the commits that touched a record (or the whole data folder since a date),
// each with its date, author, message and the fields it changed, old and new, read from git's
// objects (`git log`, `git cat-file --batch`). Every commit on every side of a merge is walked
// (git's simplified history would drop the side a merge did not keep). A merge is nobody's change
// of the fields it took from one side or the other: those are shown in the commits that made them.
// A merge is shown for what it changed itself, a field whose merged value no side had (a
// conflict settled by an edit in the folder), as a change by the person who merged; and where it put
// a record together from both sides (one side's notes, the other's website), as the version of its
// own that makes, with what it kept from whom: the version a restore of it undoes.
import { FOLDER_OF, RECORD_KINDS, type RecordKind } from '../domain/kinds.js';
import { isPersonalField } from '../domain/personal.js';
import { mergeRecord } from '../domain/record-merge.js';
import { gitRaw, inDataFolder, inRepository, type FolderInRepository } from './git.js';
import { readBlobs } from './git-tree.js';
import { parseStrict } from './yaml-read.js';

export interface FieldChange {
  field: string;
  /** Absent: the field was not there. */
  old?: unknown;
  new?: unknown;
  personal: boolean;
  /**
   * In one record's history, at a merge that put the record together from both sides: the change
   * on the other side that gave the field the value the merge took (its version and author), so the
   * merge reads as bringing that change in, not as making it again.
   */
  from?: { version: number; author: string };
}

export interface RecordChange {
  kind?: RecordKind;
  id?: string;
  /** The file, relative to the data folder. */
  file: string;
  change: 'added' | 'changed' | 'removed';
  fields: FieldChange[];
  /**
   * At a merge of two sides of which one had removed the record: what the merge made of it, as the
   * merging person chose (`sync --mine` / `--theirs`). `kept-own`: their version kept (brought back
   * where the other side had removed it); `took-theirs`: the other side's version taken (brought back
   * where they had removed it); `removed-own`: their removal kept; `took-removal`: the other side's
   * removal taken.
   */
  atMerge?: 'kept-own' | 'took-theirs' | 'removed-own' | 'took-removal';
  /**
   * At a merge whose result is neither side's version (each side changed other fields, sync put
   * them together): the fields (dotted, as `fields` names them) it kept from each side where the two
   * differed, and who last changed the record on that side. The merging person's own side first.
   */
  combined?: Array<{ author: string; fields: string[] }>;
}

export interface HistoryEntry {
  commit: string;
  /** A merge, shown for the fields it changed itself. */
  merge?: true;
  /** The author's date, ISO 8601 with the author's offset. */
  date: string;
  author: string;
  message: string;
  records: RecordChange[];
  /**
   * In one record's history (recordVersions): a change on a side of a sync whose version of the
   * record was not kept (the merge took the other side's whole), with who synced: a version that
   * was, but no step of the record as it now is.
   */
  discarded?: { author: string };
  /**
   * In one record's history (recordVersions): the number of the record's version this change made,
   * counted from 1, the oldest change; what `civsam <kind> restore NAME --to N` brings back.
   */
  version?: number;
}

export interface HistoryQuery {
  /** Paths in the repository to follow (one record's file, or the data folder). */
  paths: string[];
  since?: string;
  author?: string;
}

/** A file's data, whatever its shape (undefined when it is not there or not YAML). */
function parseAny(bytes: Buffer | undefined): unknown {
  return bytes ? parseStrict(bytes.toString('utf8').replace(/^\uFEFF/, '')).data : undefined;
}

function parse(bytes: Buffer | undefined): Record<string, unknown> | undefined {
  const data = parseAny(bytes);
  return isPlainObject(data) ? data : undefined;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Leaf fields, dotted (`contact.email`); lists are compared whole. */
function flatten(value: Record<string, unknown>, prefix = '', out = new Map<string, unknown>()): Map<string, unknown> {
  for (const [k, v] of Object.entries(value)) {
    const name = prefix ? `${prefix}.${k}` : k;
    if (isPlainObject(v) && Object.keys(v).length > 0) flatten(v, name, out);
    else out.set(name, v);
  }
  return out;
}

/** What changed between two versions of a record of the kind, field by field; personal data marked as such (domain/personal.ts), as export leaves it out. */
export function fieldChanges(kind: RecordKind, before: Record<string, unknown> | undefined, after: Record<string, unknown> | undefined): FieldChange[] {
  const a = before ? flatten(before) : new Map<string, unknown>();
  const b = after ? flatten(after) : new Map<string, unknown>();
  const names = [...new Set([...a.keys(), ...b.keys()])];
  const out: FieldChange[] = [];
  for (const field of names) {
    if (JSON.stringify(a.get(field)) === JSON.stringify(b.get(field))) continue;
    const change: FieldChange = { field, personal: isPersonalField(kind, field) };
    if (a.has(field)) change.old = a.get(field);
    if (b.has(field)) change.new = b.get(field);
    out.push(change);
  }
  return out;
}

export function recordOfFile(rel: string): { kind: RecordKind; id: string } | undefined {
  const m = /^([^/]+)\/([^/]+)\.yaml$/.exec(rel);
  const kind = m ? RECORD_KINDS.find((k) => FOLDER_OF[k] === m[1]) : undefined;
  return kind && m ? { kind, id: m[2] } : undefined;
}

/** What can change in a file on its own: an object's leaf fields (as `fieldChanges` names them), a list's entries (a vocabulary's). */
function leaves(data: unknown): Map<string, unknown> {
  if (Array.isArray(data)) return new Map(data.map((entry) => [JSON.stringify(entry), true]));
  return isPlainObject(data) ? flatten(data) : new Map();
}

/**
 * What a merge changed itself in a file: the fields (or list entries) whose merged value matches no
 * parent's, git's combined diff field by field. True when the file cannot be read field by field.
 */
function madeByMerge(parents: Array<Buffer | undefined>, merged: Buffer | undefined, base?: { kind: RecordKind; bytes: Buffer | undefined }): Set<string> | true {
  const versions = [merged, ...parents];
  const data = versions.map(parseAny);
  if (versions.some((b, i) => b !== undefined && data[i] === undefined)) return true;
  const [result, ...sides] = data.map(leaves);
  // What sync's merge makes of the two sides (entry by entry: one side's assessment beside the
  // other's, a set of ids from both) is no one's change either, though neither side had it whole.
  const combined = base && data.length === 3 ? combinedBySync(base.kind, parseAny(base.bytes), data[1], data[2]) : undefined;
  const names = new Set([...result.keys(), ...sides.flatMap((s) => [...s.keys()])]);
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  return new Set([...names].filter((k) => sides.every((s) => !same(s.get(k), result.get(k))) && !(combined && same(combined.get(k), result.get(k)))));
}

/** The leaves of a record as sync merges its two sides from their common version; undefined when a side is not a record. */
function combinedBySync(kind: RecordKind, base: unknown, mine: unknown, theirs: unknown): Map<string, unknown> | undefined {
  if (!isPlainObject(mine) || !isPlainObject(theirs)) return undefined;
  return leaves(mergeRecord(kind, isPlainObject(base) ? base : {}, mine, theirs).merged);
}

/**
 * What a merge (`parents`, the merging person's first) kept from each side of a record (`sides`,
 * their versions of file `path`): the fields where the two sides differ and the merged record has
 * that side's value; with the author of the side's last own change of the file. Undefined when the
 * versions cannot be read as records, or the merge kept nothing from one of the sides.
 */
function combinedFrom(kind: RecordKind, sides: Array<Buffer | undefined>, after: Buffer, parents: string[], path: string, root: string): RecordChange['combined'] {
  const [mine, theirs, merged] = [parse(sides[0]), parse(sides[1]), parse(after)];
  if (!mine || !theirs || !merged) return undefined;
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const result = flatten(merged);
  const differ = fieldChanges(kind, mine, theirs).map((x) => x.field);
  const at = [flatten(mine), flatten(theirs)];
  const kept = at.map((side) => differ.filter((k) => same(side.get(k), result.get(k))));
  if (kept.some((fields) => fields.length === 0)) return undefined;
  return kept.map((fields, i) => {
    const who = gitRaw(['log', '-1', '--no-merges', '--format=%an', parents[i], '--', path], root);
    return { author: who.ok ? who.stdout.toString('utf8').trim() : '', fields };
  });
}

/**
 * The commits that changed `paths`, newest first, each with every file it changed in the data
 * folder (`place`); merges only with what they changed themselves, and left out when that is nothing.
 */
export function readHistory(place: FolderInRepository, query: HistoryQuery): HistoryEntry[] {
  return historyRead(place, query).entries;
}

/** The versions of the files a history holds, as it read them: each commit's, and its first parent's (`commit^`). */
interface HistoryRead {
  entries: HistoryEntry[];
  /** Each entry's author as git's --author matches it: `name <e-mail>`. */
  ident: ReadonlyMap<HistoryEntry, string>;
  fileAt: (entry: HistoryEntry, path: string) => Buffer | undefined;
  fileBefore: (entry: HistoryEntry, path: string) => Buffer | undefined;
}

/**
 * `versions`: one record's versions are read (recordVersions), where a merge that put the record
 * together from both sides is a version of its own; in the folder's history of who changed what,
 * its fields are shown by the people who changed them, on each side.
 */
function historyRead(place: FolderInRepository, query: HistoryQuery, versions = false): HistoryRead {
  const { root } = place;
  // --full-history: the commits of both sides of a merge; -c: a merge lists the files that differ
  // from every parent (a file taken whole from one side is nobody's change in the merge).
  const args = ['log', '-z', '--no-renames', '--full-history', '-c', '--format=%x01%H%x00%P%x00%aI%x00%an%x00%ae%x00%s', '--name-only'];
  // git's own --since only narrows the walk (it ignores dates it cannot represent); the dates
  // shown decide, below.
  if (query.since && query.since < '2100') args.push(`--since=${query.since} 00:00:00`);
  if (query.author) args.push('--fixed-strings', `--author=${query.author}`);
  args.push('--', ...query.paths);
  const r = gitRaw(args, root);
  const none: HistoryRead = { entries: [], ident: new Map(), fileAt: () => undefined, fileBefore: () => undefined };
  if (!r.ok) return none;
  const commits: Array<{ hash: string; parents: string[]; date: string; author: string; email: string; message: string; files: string[] }> = [];
  for (const chunk of r.stdout.toString('utf8').split('\x01').slice(1)) {
    const [hash, parents, date, author, email, message, ...rest] = chunk.split('\0');
    const files = rest.map((f) => f.replace(/^\n/, '')).filter((f) => inDataFolder(place, f) !== undefined && f.endsWith('.yaml'));
    if (query.since && date.slice(0, 10) < query.since) continue;
    const merge = parents.split(' ').filter(Boolean);
    // A merge that took each file whole from one side is nobody's change, unless, in one record's
    // history, one side had removed the record: then whether it was kept or removed is the merge's.
    const records = query.paths.every((p) => p.endsWith('.yaml'));
    if (merge.length > 1 && files.length === 0 && !records) continue;
    commits.push({ hash, parents: merge, date, author, email, message, files: merge.length > 1 && files.length === 0 ? [...query.paths] : files });
  }
  // A merge of two sides: the version they both started from, for what sync's own merge made of them.
  const bases = new Map<string, string>();
  for (const c of commits) {
    if (c.parents.length !== 2) continue;
    const b = gitRaw(['merge-base', c.parents[0], c.parents[1]], root);
    if (b.ok) bases.set(c.hash, b.stdout.toString('utf8').trim());
  }
  const names = commits.flatMap((c) => c.files.flatMap((f) => [`${c.hash}:${f}`, ...c.parents.map((p) => `${p}:${f}`), ...(bases.has(c.hash) ? [`${bases.get(c.hash)}:${f}`] : [])]));
  const blobs = readBlobs(root, names);
  const entries: HistoryEntry[] = [];
  // The commits whose version of the record a later sync threw away (newest first, so a merge is
  // read before the commits of its sides), with who synced.
  const discarded = new Map<string, { author: string }>();
  const ident = new Map<HistoryEntry, string>();
  const commitOf = new Map<HistoryEntry, (typeof commits)[number]>();
  for (const c of commits) {
    const merge = c.parents.length > 1;
    const records: RecordChange[] = [];
    for (const f of c.files) {
      const rel = inDataFolder(place, f)!;
      const sides = c.parents.map((p) => blobs.get(`${p}:${f}`));
      // A merge's old values are those of the first side that had the file (the merging person's own, mostly).
      const before = sides.find((b) => b !== undefined);
      const after = blobs.get(`${c.hash}:${f}`);
      const rec = recordOfFile(rel);
      const base = rec && bases.has(c.hash) ? { kind: rec.kind, bytes: blobs.get(`${bases.get(c.hash)}:${f}`) } : undefined;
      // One side had the record and the other had removed it: the merge kept one of the two.
      if (merge && rec && sides.some((b) => b === undefined) && sides.some((b) => b !== undefined)) {
        const own = sides[0];
        const atMerge = after !== undefined
          ? (own !== undefined && own.equals(after) ? 'kept-own' : 'took-theirs')
          : (own === undefined ? 'removed-own' : 'took-removal');
        records.push({ ...rec, file: rel, change: after === undefined ? 'removed' : 'added', fields: [], atMerge });
        continue;
      }
      const own = merge ? madeByMerge(sides, after, base) : true;
      // A record put together from both sides is a version of its own, none of the versions its
      // sides made: shown with what it took from each (against the merging person's own version),
      // so that a restore of it, or of a version before it, says what goes.
      const combined = versions && merge && rec && after !== undefined && sides.length === 2 && sides.every((b) => b !== undefined && !b.equals(after))
        ? combinedFrom(rec.kind, sides, after, c.parents, f, root) : undefined;
      if (own !== true && own.size === 0 && !combined) continue;
      // Fields for records; settings, the model and vocabularies are named, not itemised.
      const fields = rec ? fieldChanges(rec.kind, parse(before), parse(after)).filter((x) => own === true || combined || own.has(x.field)) : [];
      if (merge && rec && fields.length === 0 && own !== true) continue;
      records.push({ ...(rec ?? {}), file: rel, change: before === undefined ? 'added' : after === undefined ? 'removed' : 'changed', fields, ...(combined ? { combined } : {}) });
    }
    if (versions && c.parents.length === 2) discardedSide(c, blobs, root, query.paths[0], discarded);
    if (merge && records.length === 0) continue;
    const thrown = discarded.get(c.hash);
    const entry: HistoryEntry = { commit: c.hash.slice(0, 10), ...(merge ? { merge: true as const } : {}), ...(thrown && !merge ? { discarded: thrown } : {}), date: c.date, author: c.author, message: c.message, records };
    entries.push(entry);
    ident.set(entry, `${c.author} <${c.email}>`);
    commitOf.set(entry, c);
  }
  return {
    entries, ident,
    fileAt: (e, path) => blobs.get(`${commitOf.get(e)?.hash}:${path}`),
    fileBefore: (e, path) => {
      const parent = commitOf.get(e)?.parents[0];
      return parent === undefined ? undefined : blobs.get(`${parent}:${path}`);
    },
  };
}

/**
 * A merge (`c`) that took one side's version of the record's file (`path`) whole, the other side's
 * differing: the commits of the other side that changed the file since the two parted are marked
 * in `discarded` as thrown away by the person who merged (a commit a merge kept on another line is
 * left as it is).
 */
function discardedSide(c: { hash: string; parents: string[]; author: string }, blobs: ReadonlyMap<string, Buffer>, root: string, path: string, discarded: Map<string, { author: string }>): void {
  const same = (a: Buffer | undefined, b: Buffer | undefined) => (a === undefined ? b === undefined : b !== undefined && a.equals(b));
  const after = blobs.get(`${c.hash}:${path}`);
  const [mine, theirs] = c.parents.map((p) => blobs.get(`${p}:${path}`));
  if (same(mine, theirs)) return;
  const lost = same(after, theirs) ? 0 : same(after, mine) ? 1 : undefined;
  if (lost === undefined) return;
  // A commit already found discarded by a later merge stays with that merge's author.
  if (discarded.has(c.hash)) return;
  const r = gitRaw(['rev-list', '--full-history', '--no-merges', `${c.parents[1 - lost]}..${c.parents[lost]}`, '--', path], root);
  if (!r.ok) return;
  for (const hash of r.stdout.toString('utf8').split('\n').map((x) => x.trim()).filter(Boolean)) {
    if (!discarded.has(hash)) discarded.set(hash, { author: c.author });
  }
}

/**
 * One record's history (`path`, its file in the repository), read once: newest first, each change
 * numbered with the version it made (1: the oldest), the one numbering `history` shows and
 * `restore --to` takes; with the file as each change left it (`fileAt`) and as it was before
 * (`fileBefore`, the version in the change's first parent), so restore asks git for neither again.
 */
export interface RecordVersions {
  entries: HistoryEntry[];
  fileAt: (entry: HistoryEntry) => Buffer | undefined;
  fileBefore: (entry: HistoryEntry) => Buffer | undefined;
  /** The changes since a day and by an author (git's --author: a part of `name <e-mail>`), still numbered over the whole history. */
  filtered: (filter: { since?: string; author?: string }) => HistoryEntry[];
}

export function recordVersions(place: FolderInRepository, path: string): RecordVersions {
  const read = historyRead(place, { paths: [path] }, true);
  const { entries } = read;
  entries.forEach((e, i) => { e.version = entries.length - i; });
  entries.forEach((e, i) => { if (e.merge) broughtIn(e, entries.slice(i + 1)); });
  return {
    entries,
    fileAt: (e) => read.fileAt(e, path),
    fileBefore: (e) => read.fileBefore(e, path),
    // The dates shown decide, as readHistory's --since does.
    filtered: ({ since, author }) => entries.filter((e) => (since === undefined || e.date.slice(0, 10) >= since) && (author === undefined || (read.ident.get(e) ?? '').includes(author))),
  };
}

/**
 * A merge that put a record together from both sides: each field it took from the other side is
 * marked with the change that gave it that value there (the newest earlier change of the field to
 * that value, by that side's author where there is one).
 */
function broughtIn(merge: HistoryEntry, earlier: HistoryEntry[]): void {
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  for (const r of merge.records) {
    const theirs = r.combined?.[1];
    if (!theirs) continue;
    for (const f of r.fields) {
      if (!theirs.fields.includes(f.field)) continue;
      const made = earlier.filter((e) => !e.merge && e.records.some((x) => x.fields.some((g) => g.field === f.field && same(g.new, f.new))));
      const change = made.find((e) => e.author === theirs.author) ?? made[0];
      if (change?.version !== undefined) f.from = { version: change.version, author: change.author };
    }
  }
}

/** A record removed from the folder: as it was just before its latest removal (`version`, a git object name), and the commit that removed it (none: removed, not yet committed). */
export interface RemovedRecord {
  kind: RecordKind;
  id: string;
  record: Record<string, unknown> | undefined;
  /** The file as it was then, as git holds it (undefined when git could not give it). */
  bytes: Buffer | undefined;
  version: string;
  removedBy?: { commit: string; date: string };
}

/**
 * The records whose files were removed from the data folder (`place`), each as
 * it was just before its latest removal: so a removed record is still found by its id and name.
 * A file removed from the folder but not yet from the last commit is among them, as it was committed.
 */
export function removedRecords(place: FolderInRepository): RemovedRecord[] {
  const { root } = place;
  const folders = RECORD_KINDS.map((k) => inRepository(place, `${FOLDER_OF[k]}/`));
  const found = new Map<string, Omit<RemovedRecord, 'record' | 'bytes'>>();
  const note = (f: string, version: string, removedBy?: RemovedRecord['removedBy']) => {
    const rel = inDataFolder(place, f);
    const rec = rel === undefined ? undefined : recordOfFile(rel);
    // Newest first: a record removed twice is known by its latest version.
    if (rec && !found.has(f)) found.set(f, { ...rec, version, ...(removedBy ? { removedBy } : {}) });
  };
  const gone = gitRaw(['diff', '-z', '--no-renames', '--diff-filter=D', '--name-only', 'HEAD', '--', ...folders], root);
  if (gone.ok) for (const f of gone.stdout.toString('utf8').split('\0').filter(Boolean)) note(f, `HEAD:${f}`);
  const r = gitRaw(['log', '-z', '--no-renames', '--diff-filter=D', '--format=%x01%H%x00%aI', '--name-only', '--', ...folders], root);
  if (r.ok) {
    for (const chunk of r.stdout.toString('utf8').split('\x01').slice(1)) {
      const [hash, date, ...files] = chunk.split('\0');
      for (const f of files.map((x) => x.replace(/^\n/, '')).filter(Boolean)) note(f, `${hash.trim()}^:${f}`, { commit: hash.trim(), date });
    }
  }
  const blobs = readBlobs(root, [...found.values()].map((x) => x.version));
  return [...found.values()].map((x) => {
    const bytes = blobs.get(x.version);
    return { ...x, record: parse(bytes), bytes };
  });
}

/** The versions of one file (`path` in the repository) in every branch's history that `holds` says yes to: the commits that made them, newest first, and their objects. */
export interface VersionsHolding {
  commits: Array<{ commit: string; date: string }>;
  objects: string[];
  /** The file's object in the last commit, and its mode, when that version holds none of it. */
  clean?: { object: string; mode: string };
}

export function versionsHolding(root: string, path: string, holds: (data: Record<string, unknown>) => boolean): VersionsHolding {
  const log = gitRaw(['log', '--all', '--full-history', '--no-renames', '-z', '--format=%H%x00%aI', '--', path], root);
  const made = log.ok ? log.stdout.toString('utf8').split('\0').filter((x) => x.trim() !== '') : [];
  const changes: Array<{ commit: string; date: string }> = [];
  for (let i = 0; i + 1 < made.length; i += 2) changes.push({ commit: made[i].trim(), date: made[i + 1] });
  // Each commit's object for the file (`missing` where it removed it), then each object's data, once.
  const names = [...changes.map((c) => `${c.commit}:${path}`), `HEAD:${path}`];
  const check = gitRaw(['cat-file', '--batch-check=%(objectname) %(objecttype)'], root, { input: names.join('\n') + '\n' });
  const lines = check.ok ? check.stdout.toString('utf8').split('\n') : [];
  const objectOf = (i: number) => (/^([0-9a-f]+) blob$/.exec(lines[i] ?? '') ?? [])[1];
  const objects = [...new Set(names.map((_, i) => objectOf(i)).filter((o): o is string => o !== undefined))];
  const blobs = readBlobs(root, objects);
  const holding = new Set(objects.filter((o) => {
    const data = parse(blobs.get(o));
    return data !== undefined && holds(data);
  }));
  const head = objectOf(names.length - 1);
  const tree = head && !holding.has(head) ? gitRaw(['ls-tree', 'HEAD', '--', path], root) : undefined;
  const mode = tree?.ok ? tree.stdout.toString('utf8').split(' ')[0] : undefined;
  return {
    commits: changes.filter((_, i) => holding.has(objectOf(i) ?? '')),
    objects: [...holding],
    ...(head && mode ? { clean: { object: head, mode } } : {}),
  };
}
