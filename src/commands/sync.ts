// `civsam sync`: bring in the others' changes and send yours, in one command. Fetch, merge the
// local commits with the shared branch without touching the folder (a record both sides changed
// field by field and entry by entry), validate the merged folder, push, and only then bring the
// folder to the result. A conflict, an invalid merge, an unreachable remote or a Ctrl-C before the
// push leaves the folder exactly as it was (files, HEAD, no merge in progress); every choice of a
// side says what it discards, and records brought in that do not validate are named.
import { realpathSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { CommandContext } from '../context/context.js';
import { dataFolderName } from '../context/data-folder.js';
import { forgetLoaded, resolveDataDir } from '../context/load.js';
import { FOLDER_OF, RECORD_KINDS, REFERENCES, type RecordKind } from '../domain/kinds.js';
import { FIELDS } from '../register/fields.js';
import { EXIT, UserError } from '../domain/errors.js';
import { labelInSentence, listWords, translate, type Language, type Message, type MessageKey } from '../i18n/index.js';
import { fieldLabel, messageOr, valueLabel } from '../i18n/values.js';
import { formatDate } from '../i18n/format.js';
import { shapeAt } from '../domain/shapes.js';
import { getPath } from '../domain/plain-data.js';
import { isPersonalField } from '../domain/personal.js';
import { mergeRecord, type EntryRef, type FieldConflict, type Side } from '../domain/record-merge.js';
import { folderLanguage } from '../context/sync-setting.js';
import { heardYet, type StopRequests } from '../store/stop-request.js';
import { acquireFolderLockListening } from '../store/folder-lock.js';
import { inDataFolder, inRepository, uncommitted } from '../store/git.js';
import { readBlobs, readFileAt, materialise, registersOn, unfetchedRegister } from '../store/git-tree.js';
import { readFolder, type Problem } from '../store/load-folder.js';
import { noCache } from '../store/parse-cache.js';
import {
  applyResult, authorsOf, blobOfFile, changedPaths, clearStopped, commitMerge, countRange, fetch, gitOperationInProgress,
  conflictVersions, fetchAll, locate, unmergedPaths, settledByHandTrailer, takeShared, unfetchedShare, undoneByColleagues, mergeBase, mergeTrees, push, readStopped, recoverApply, resolveTree, revParse, storeBlob, trackingRef, writeStopped,
  type Conflict, type ConflictSide, type Resolution, type Stopped, type StoppedChoice, type SyncPlace, type Undone,
} from '../store/sync.js';
import { parseStrict } from '../store/yaml-read.js';
import { editText } from '../store/yaml-write.js';
import { schemaRank } from '../store/write-record.js';
import { nameFieldOf } from '../domain/record-name.js';
import { wrapForTerminal } from '../output/table.js';
import { COMMAND_OF } from '../domain/kinds.js';
import { kindFromWord } from '../context/record-args.js';
import { notAName } from '../domain/ids.js';
import { hiddenCharacters, terminalSafe, withoutHiddenCharacters } from '../i18n/terminal-text.js';
import { checkFolder } from '../validate/check-folder.js';
import { problemLine } from '../output/problem-line.js';

type Opts = { status?: boolean; mine?: boolean; theirs?: boolean; continue?: boolean };

/** Someone else pushed between our fetch and our push: fetch and merge again, this often. */
const PUSH_ATTEMPTS = 3;

/** A line of what sync did or found (wrapped on a terminal). */
function say(ctx: CommandContext, text: string): void {
  ctx.stderr.write(wrapForTerminal(text, ctx) + '\n');
}

/** The place to sync, or a refusal that says what to do. */
export function placeOf(ctx: CommandContext): { place: SyncPlace; dir: string } {
  const dir = realpathSync(resolveDataDir(adoptUnfetchedCopy(ctx)));
  const found = locate(dir);
  if ('problem' in found) {
    const key = ({ 'no-repository': 'sync.noRepository', 'no-remote': 'sync.noRemote', detached: 'sync.detached', 'no-commit': 'sync.noRepository' } as const)[found.problem];
    throw new UserError(key, { dir: dataFolderName(ctx) });
  }
  return { place: found, dir };
}

/**
 * Standing in a plain `git clone` of the shared register that has not taken it yet (no data folder
 * where civsam looked, no commit of its own): the sync works on that copy, as `sync --data .` would,
 * and brings the register in.
 */
function adoptUnfetchedCopy(ctx: CommandContext): CommandContext {
  try {
    resolveDataDir(ctx);
  } catch (e) {
    if (!(e instanceof UserError && e.userMessage.key === 'error.noDataFolderUnfetched')) throw e;
    const copy = unfetchedRegister(ctx.cwd);
    if (copy) ctx.dataDir = relative(ctx.cwd, copy.root) || '.';
  }
  return ctx;
}

/** A conflicted path as the user knows it: kind and id (and name or title), or the file. */
interface Named {
  path: string;
  kind?: RecordKind;
  id?: string;
  /** The record's name or title (not personal data), for recognising it. */
  label?: string;
}

function nameOf(place: SyncPlace, path: string): Named {
  const rel = inDataFolder(place, path) ?? path;
  const m = /^([^/]+)\/([^/]+)\.yaml$/.exec(rel);
  if (m) {
    const kind = RECORD_KINDS.find((k) => FOLDER_OF[k] === m[1]);
    if (kind) return { path, kind, id: m[2] };
  }
  return { path };
}

function parse(bytes: Buffer | undefined): Record<string, unknown> | undefined {
  if (!bytes) return undefined;
  const data = parseStrict(bytes.toString('utf8').replace(/^\uFEFF/, '')).data;
  return data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : undefined;
}

/**
 * What a conflicted file is to the user: a record both changed (merged field by field and entry by
 * entry, src/domain/record-merge.ts), one created on both sides, one removed on one side, or a file
 * that is no record or cannot be read as one.
 */
type Analysis =
  | { how: 'changed'; kind: RecordKind; base: Record<string, unknown>; mine: Record<string, unknown>; theirs: Record<string, unknown>; conflicts: FieldConflict[] }
  | { how: 'added-both' | 'removed-here' | 'removed-there' | 'text'; mine?: Record<string, unknown>; theirs?: Record<string, unknown> };

function analyse(place: SyncPlace, c: Conflict, blobs: Map<string, Buffer>): Analysis {
  const base = parse(c.base && blobs.get(c.base.oid));
  const mine = parse(c.mine && blobs.get(c.mine.oid));
  const theirs = parse(c.theirs && blobs.get(c.theirs.oid));
  if (!c.mine) return { how: 'removed-here', theirs };
  if (!c.theirs) return { how: 'removed-there', mine };
  if (!c.base) return { how: 'added-both', mine, theirs };
  const kind = nameOf(place, c.path).kind;
  if (!kind || !base || !mine || !theirs) return { how: 'text', mine, theirs };
  return { how: 'changed', kind, base, mine, theirs, conflicts: mergeRecord(kind, base, mine, theirs).conflicts };
}

/**
 * Git merges lines; a record is fields. When both sides changed the same record, it is merged field
 * by field and entry by entry: your file with the merged data written through the comment-keeping
 * editor, the conflicts (if any) taken from `prefer`'s side. Undefined when the file cannot be
 * combined safely.
 */
function combineFields(place: SyncPlace, c: Conflict, a: Analysis & { how: 'changed' }, blobs: Map<string, Buffer>, prefer: Side = 'mine'): ConflictSide | undefined {
  const mineBytes = c.mine && blobs.get(c.mine.oid);
  if (!c.mine || !mineBytes) return undefined;
  const { merged } = mergeRecord(a.kind, a.base, a.mine, a.theirs, prefer);
  const raw = mineBytes.toString('utf8');
  const bom = raw.startsWith('\uFEFF');
  const edited = editText(bom ? raw.slice(1) : raw, a.mine, merged, schemaRank(a.kind));
  if (edited === undefined) return undefined;
  const oid = storeBlob(place, (bom ? '\uFEFF' : '') + edited);
  return oid ? { mode: c.mine.mode, oid } : undefined;
}

/** The name of a record an entry's identity names by id (a pool, a hearing party), for a sentence; undefined when not known. */
export type ReferenceNames = (kind: RecordKind, id: string) => string | undefined;

/** The identity fields of entries that hold another record's id: a funding line's pool, a response's party. */
const ENTRY_REFERENCES: Readonly<Record<string, RecordKind>> = { pool: 'pool', party: 'hearing-party' };

/**
 * An entry of a list as a person finds it, the way `show` heads it: by its identity fields where
 * they may be shown (`midler (pulje Civilsamfundspuljen, år 2027, art drift)`, a record named by
 * its name where it is known), a response by its party (`svaret fra Lyspunktet`); else by its place
 * (`bedømmelse 2`: an assessor is personal data, a point's summary free text).
 */
function entryWords(lang: Language, kind: RecordKind, field: string, item: EntryRef, names?: ReferenceNames): string {
  const step = field.split('.').pop()!;
  const named = (key: string, v: string | number) => (typeof v === 'string' && ENTRY_REFERENCES[key] ? names?.(ENTRY_REFERENCES[key], v) : undefined);
  if (step === 'responses' && item.keys.length === 1) {
    const party = named(...item.keys[0]);
    if (party) return translate(lang, 'sync.entryResponse', { party: terminalSafe(party) });
  }
  const one = labelInSentence(lang, messageOr(lang, `label.item.${step}`, fieldLabel(lang, kind, field)));
  if (item.keys.length === 0) return translate(lang, 'sync.entryNumbered', { item: one, position: item.position });
  const value = (key: string, path: string, v: string | number): string => {
    if (typeof v === 'number') return String(v);
    const name = named(key, v);
    if (name) return terminalSafe(name);
    const shape = shapeAt(kind, path);
    if (shape?.format === 'date') return formatDate(v, lang);
    if (shape?.enum) return valueLabel(lang, v, path.split('.').pop());
    return terminalSafe(v);
  };
  const keys = item.keys.map(([k, v]) => `${fieldLabel(lang, kind, `${field}.${k}`).split(': ').pop()!.toLocaleLowerCase(lang)} ${value(k, `${field}.${k}`, v)}`);
  return translate(lang, 'sync.entryKeyed', { item: one, keys: keys.join(', ') });
}

/**
 * The fields and entries of lists in conflict, as the language names them: `feltet »noter«`,
 * `felterne »områder« og »art«`, `bedømmelse 2`, `bemærkning 1 i svaret fra Lyspunktet`.
 */
export function conflictWords(lang: Language, kind: RecordKind, conflicts: readonly FieldConflict[], names?: ReferenceNames): string {
  // A field of an entry is named by its own label (`»modtaget« i svar (part …)`), not the list's again.
  const quoted = (c: FieldConflict) => translate(lang, 'sync.quoted', { label: labelInSentence(lang, c.within ? fieldLabel(lang, kind, c.field).split(': ').pop()! : fieldLabel(lang, kind, c.field)) });
  const list = (items: string[]) => listWords(lang, items);
  const inEntry = (c: FieldConflict, words: string) => (c.within ? translate(lang, 'sync.entryWithin', { what: words, entry: entryWords(lang, kind, c.within.field, c.within.item, names) }) : words);
  const parts: string[] = [];
  // Whole fields of the record (or of one entry) together: `felterne »områder« og »art«`.
  const groups = new Map<string, FieldConflict[]>();
  for (const c of conflicts) {
    if (c.items) continue;
    const at = c.within ? JSON.stringify(c.within) : '';
    groups.set(at, [...(groups.get(at) ?? []), c]);
  }
  for (const group of groups.values()) {
    parts.push(inEntry(group[0], translate(lang, 'sync.fieldsNamed', { count: group.length, fields: list(group.map(quoted)) })));
  }
  for (const c of conflicts) {
    if (c.items) parts.push(inEntry(c, list(c.items.map((item) => entryWords(lang, kind, c.field, item, names)))));
  }
  return list(parts);
}

/** Records' names as committed in the first of `commits` that has the record (a hearing party by its organisation's name). */
function committedNames(place: SyncPlace, commits: string[]): ReferenceNames {
  const read = (kind: RecordKind, id: string) => {
    for (const commit of commits) {
      const data = parse(readFileAt(place.root, commit, inRepository(place, `${FOLDER_OF[kind]}/${id}.yaml`)));
      if (data) return data;
    }
    return undefined;
  };
  const known = new Map<string, string | undefined>();
  const name = (kind: RecordKind, id: string): string | undefined => {
    // An id from a record is shaped like one; anything else is not looked up as a path.
    if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(id)) return undefined;
    const key = `${kind}/${id}`;
    if (!known.has(key)) {
      const data = read(kind, id);
      const field = nameFieldOf(kind);
      const value = kind === 'hearing-party' ? (typeof data?.organisation === 'string' ? name('organisation', data.organisation) : undefined) : field ? data?.[field] : undefined;
      known.set(key, typeof value === 'string' ? value : undefined);
    }
    return known.get(key);
  };
  return name;
}

interface Described extends Named {
  analysis: Analysis;
}

function describeConflicts(place: SyncPlace, conflicts: Conflict[]): Described[] {
  const blobs = readBlobs(place.root, conflicts.flatMap((c) => [c.base?.oid, c.mine?.oid, c.theirs?.oid].filter((o): o is string => o !== undefined)));
  return conflicts.map((c) => {
    const analysis = analyse(place, c, blobs);
    return { ...nameOf(place, c.path), label: labelOf(analysis), analysis };
  });
}

/** The record's name or title, to recognise it by, unless it is itself one of the values in conflict. */
function labelOf(analysis: Analysis): string | undefined {
  const names = [analysis.mine, analysis.theirs].map((r) => r?.name ?? r?.title).filter((v): v is string => typeof v === 'string');
  const inConflict = analysis.how === 'changed' ? analysis.conflicts.some((f) => f.field === 'name' || f.field === 'title') : names.length > 1 && names[0] !== names[1];
  return inConflict || names.length === 0 ? undefined : names[0];
}

function recordWords(ctx: CommandContext, n: Named): string {
  if (!n.kind || !n.id) return n.path;
  const kind = translate(ctx.lang, `kind.${n.kind}` as Message['key']);
  return `${kind} ${n.id}${n.label ? ` (${labelWords(ctx, n.label)})` : ''}`;
}

/** A name or title as it may be shown: one with an invisible mark (which would show as �) without it, and the mark said in words. */
function labelWords(ctx: CommandContext, label: string): string {
  const hidden = hiddenCharacters(label);
  return hidden ? ctx.t(`sync.labelHidden.${hidden}`, { name: withoutHiddenCharacters(label) }) : terminalSafe(label);
}

/**
 * The records the command line names, each by its kind and its name or id (`org "Lys i Mørket"`,
 * `org lyspunktet offer natcafe-aarhus`), or by a name or id alone, of any kind. A name typed
 * without quotes is its words up to the next kind; a kind word right after a kind is the name's.
 * Checked as words only: they are looked up in the folder once it is known to be shared.
 */
function namedRecords(args: unknown[], option: '--mine' | '--theirs'): Array<{ kind?: RecordKind; word: string }> {
  const words = (Array.isArray(args[0]) ? args[0] : args).filter((a): a is string => typeof a === 'string');
  const named: Array<{ kind?: RecordKind; words: string[] }> = [];
  for (const w of words) {
    const kind = kindFromWord(w);
    const last = named.at(-1);
    if (kind && (!last || last.words.length > 0)) named.push({ kind, words: [] });
    else if (last) last.words.push(w);
    else named.push({ words: [w] });
  }
  return named.map(({ kind, words: name }) => {
    // A kind alone names no record.
    if (kind && name.length === 0) throw new UserError('sync.kindOnly', { command: COMMAND_OF[kind], option });
    const word = name.join(' ');
    // Text that cannot be a name or an id (a path, escape codes) is refused without repeating it.
    const notName = notAName(word);
    if (notName) throw notName;
    return { kind, word };
  });
}

/** The named records' kinds and ids, found as every command finds a record (with "Did you mean"); also those this side removed. */
async function findNamed(ctx: CommandContext, place: SyncPlace, named: Array<{ kind?: RecordKind; word: string }>): Promise<Array<{ kind: RecordKind; id: string }>> {
  if (named.length === 0) return [];
  const { findRecord } = await import('../context/names.js');
  const { removedRecords } = await import('../store/history.js');
  let removed: ReturnType<typeof removedRecords> | undefined;
  const gone = () => (removed ??= removedRecords(place));
  // In a sync stopped by conflicts, a conflicted record is found by either side's name too (a colleague's new name).
  const stopped = readStopped(place);
  const sides = stopped ? () => conflictedVersions(place, stopped) : undefined;
  return named.map((n) => findRecord(ctx, n.word, n.kind ? [n.kind] : RECORD_KINDS, gone, sides));
}

/** The records of a stopped sync's conflicts as each side has them. */
function conflictedVersions(place: SyncPlace, stopped: Stopped): Array<{ kind: RecordKind; id: string; record: Record<string, unknown> | undefined }> {
  const files = stopped.paths.flatMap((p) => [`${stopped.head}:${p}`, `${stopped.upstream}:${p}`]);
  const blobs = readBlobs(place.root, files);
  return stopped.paths.flatMap((p) => {
    const n = nameOf(place, p);
    if (!n.kind || !n.id) return [];
    return [stopped.head, stopped.upstream].map((side) => ({ kind: n.kind!, id: n.id!, record: parse(blobs.get(`${side}:${p}`)) }));
  });
}

/** The errors of the data folder as committed in `commit`. */
function errorsAt(place: SyncPlace, commit: string): Problem[] {
  const tree = materialise(place.root, commit, place.prefix);
  try {
    return checkFolder(readFolder(tree.dir, noCache)).problems.filter((p) => p.severity === 'error');
  } finally {
    tree.dispose();
  }
}

function problemKey(p: Problem): string {
  return `${p.file}\0${p.rule}\0${p.message.key}\0${JSON.stringify(p.message.params ?? {})}`;
}

export async function run(ctx: CommandContext, opts: Opts, args: unknown[]): Promise<number> {
  const modes = [opts.mine, opts.theirs, opts.continue, opts.status].filter(Boolean).length;
  if (modes > 1) throw new UserError('sync.oneMode');
  const named = namedRecords(args, opts.mine ? '--mine' : '--theirs');
  if (named.length > 0 && !opts.mine && !opts.theirs) throw new UserError('sync.recordsNeedSide');
  const { place, dir } = placeOf(ctx);
  if (opts.status) return status(ctx, place);
  const records = await findNamed(ctx, place, named);

  // From here a Ctrl-C is a request (also while the lock is taken): the sync stops where it safely
  // can, releases the lock and says how far it got. Before the push nothing is sent and the folder
  // is as it was; once the push has gone through, the folder is brought to the result first (it is
  // quick and only local).
  const progress: Progress = { sent: false, applying: false };
  const { lock, stop } = await acquireFolderLockListening(dir, { onTakeover: (m) => say(ctx, ctx.errColor.yellow(translate(ctx.lang, m.key, m.params))), onWait: (m) => say(ctx, translate(ctx.lang, m.key, m.params)), stopped: (s) => stopped(place, s, progress) });
  try {
    if (recoverApply(place)) say(ctx, ctx.errColor.yellow(ctx.t('sync.recovered')));
    // A change of this folder stopped part-way is finished (and committed) before anything is shared.
    (await import('../register/apply-change.js')).finishLeftChange(ctx, dir);
    const inProgress = gitOperationInProgress(place);
    if (inProgress === 'merge') {
      // A `git pull` that stopped on a conflict: the files hold both versions; git commit refuses.
      const unmerged = unmergedPaths(place.root);
      if (unmerged.length > 0) throw new UserError('sync.mergeConflicted', { count: unmerged.length, files: unmerged.map((p) => terminalSafe(join(ctx.dataDir, inDataFolder(place, p) ?? relative(dir, join(place.root, p))))).join(', ') });
    }
    if (inProgress) throw new UserError('sync.gitInProgress', { what: inProgress });
    for (let attempt = 1; ; attempt++) {
      const outcome = await once(ctx, place, opts, records, stop, progress);
      if (outcome !== 'retry') return outcome;
      if (attempt >= PUSH_ATTEMPTS) throw new UserError('sync.busy');
      lock.refresh();
    }
  } catch (e) {
    // A git step the Ctrl-C reached (a fetch) fails: what the user asked for is the stop, not that failure.
    await heardYet();
    if (stop.count() > 0 && !(e instanceof UserError && e.exitCode === stop.exitCode())) throw stopped(place, stop, progress);
    throw e;
  } finally {
    // A Ctrl-C from here on is noted until the process ends, and told that the sync was done: the
    // lock is given back and the last words are said, never ended without a word.
    stop.handBack('sync.finishedBeforeStop');
    lock.release();
  }
}

/** How far a sync has got, for what a Ctrl-C says. */
interface Progress {
  /** The push went through: the shared remote has the result. */
  sent: boolean;
  /** The folder is being brought to the result (through the journal a later sync or doctor finishes). */
  applying: boolean;
}

function stopped(place: SyncPlace, stop: StopRequests, progress: Progress): UserError {
  if (progress.sent) return new UserError('sync.interruptedSent', { remote: place.remote }, stop.exitCode());
  if (progress.applying) return new UserError('sync.interruptedApplying', {}, stop.exitCode());
  return new UserError('sync.interrupted', {}, stop.exitCode());
}

/** Between two steps: stops here if the user asked to. */
async function checkpoint(place: SyncPlace, stop: StopRequests, progress: Progress): Promise<void> {
  await heardYet();
  if (stop.count() > 0) throw stopped(place, stop, progress);
}

/** A conflict resolved by a choice of side: what the choice keeps and what it throws away. */
interface Chosen {
  path: string;
  label?: string;
  side: Side;
  how: Analysis['how'];
  kind?: RecordKind;
  conflicts?: FieldConflict[];
}

/** The lines that say what each choice of side kept and discarded, in words. */
function choiceLines(ctx: CommandContext, place: SyncPlace, chosen: Chosen[], names: ReferenceNames): string[] {
  return chosen.map((x) => {
    const record = recordWords(ctx, { ...nameOf(place, x.path), label: x.label });
    const mine = x.side === 'mine';
    if (x.how === 'changed' && x.kind && x.conflicts) return ctx.t(mine ? 'sync.keptMine' : 'sync.tookTheirs', { record, what: conflictWords(ctx.lang, x.kind, x.conflicts, names) });
    if (x.how === 'added-both') return ctx.t(mine ? 'sync.keptMineAdded' : 'sync.tookTheirsAdded', { record });
    if (x.how === 'removed-here') return ctx.t(mine ? 'sync.keptRemoved' : 'sync.tookRestored', { record });
    if (x.how === 'removed-there') return ctx.t(mine ? 'sync.keptChanged' : 'sync.tookRemoved', { record });
    return ctx.t(mine ? 'sync.keptMineFile' : 'sync.tookTheirsFile', { record });
  });
}

async function once(ctx: CommandContext, place: SyncPlace, opts: Opts, named: Array<{ kind: RecordKind; id: string }>, stop: StopRequests, progress: Progress): Promise<number | 'retry'> {
  const c = ctx.errColor;
  await checkpoint(place, stop, progress);
  const head = revParse(place.root, 'HEAD');
  if (!head) {
    // Nothing of ours yet: the copy takes the register the remote has, on whatever branch.
    const taken = takeShared(place);
    if ('failed' in taken) {
      if (taken.offline) throw new UserError('sync.offline', { remote: place.remote, count: 0 });
      throw new UserError('sync.takeSharedFailed', { detail: taken.failed });
    }
    if (!taken.branch) throw new UserError('sync.noCommits', { dir: dataFolderName(ctx) });
    say(ctx, c.green(ctx.t('sync.tookShared', { remote: place.remote, branch: taken.branch })));
    return EXIT.ok;
  }
  const fetched = fetch(place);
  await checkpoint(place, stop, progress);
  const lastKnown = revParse(place.root, trackingRef(place));
  if (!fetched.ok) {
    const waiting = lastKnown ? countRange(place.root, `${lastKnown}..${head}`) : countRange(place.root, head);
    throw new UserError('sync.offline', { remote: place.remote, count: waiting });
  }
  const upstream = lastKnown;
  const stoppedSync = readStopped(place);
  if (opts.continue && !stoppedSync) throw new UserError('sync.nothingToContinue');

  // The result: what the branch should be once the sync is done.
  let result: string;
  let resolvedPaths: string[] = [];
  let combinedPaths: string[] = [];
  const chosen: Chosen[] = [];
  if (!upstream) {
    result = head; // the shared branch is empty: ours is the first
  } else if (countRange(place.root, `${upstream}..${head}`) === 0) {
    result = upstream; // nothing of ours to send: take theirs
  } else if (countRange(place.root, `${head}..${upstream}`) === 0) {
    result = head; // nothing new there: send ours
  } else {
    const merged = mergeTrees(place, head, upstream);
    if ('failed' in merged) throw new UserError('sync.gitFailed', { detail: merged.failed });
    const resolutions: Resolution[] = [];
    const open: Conflict[] = [];
    const wanted = (p: string) => {
      const n = nameOf(place, p);
      return named.length === 0 || named.some((r) => r.kind === n.kind && r.id === n.id);
    };
    // A side chosen for some records while others were open is kept until all are decided, for the
    // conflict as it was then: changed since (a colleague sent more), it is asked for again.
    const earlier = new Map((stoppedSync?.choices ?? []).map((x) => [x.path, x]));
    const choices: StoppedChoice[] = [];
    const newChoices: StoppedChoice[] = [];
    const outdated: string[] = [];
    const sides = readBlobs(place.root, merged.conflicts.flatMap((cf) => [cf.base?.oid, cf.mine?.oid, cf.theirs?.oid].filter((o): o is string => o !== undefined)));
    const combined: string[] = [];
    const byHand: string[] = [];
    for (const conflict of merged.conflicts) {
      const analysis = analyse(place, conflict, sides);
      const asked: Side | undefined = opts.mine && wanted(conflict.path) ? 'mine' : opts.theirs && wanted(conflict.path) ? 'theirs' : undefined;
      const before = earlier.get(conflict.path);
      const kept = before?.versions === conflictVersions(conflict) ? before.side : undefined;
      if (before && !kept && !asked) outdated.push(conflict.path);
      // A record named now wins over an earlier choice; an earlier choice over "all the rest".
      const choice: Side | undefined = named.length > 0 ? asked ?? kept : kept ?? asked;
      const fieldwise = analysis.how === 'changed' && (analysis.conflicts.length === 0 || choice) ? combineFields(place, conflict, analysis, sides, choice) : undefined;
      if (fieldwise && analysis.how === 'changed' && analysis.conflicts.length === 0) {
        resolutions.push({ path: conflict.path, side: fieldwise });
        combined.push(conflict.path);
      } else if (choice) {
        // Your file, or theirs, whole, when the record could not be merged field by field.
        const how = fieldwise ? analysis.how : analysis.how === 'changed' ? 'text' : analysis.how;
        resolutions.push({ path: conflict.path, side: fieldwise ?? conflict[choice] });
        chosen.push({ path: conflict.path, label: labelOf(analysis), side: choice, how, ...(analysis.how === 'changed' ? { kind: analysis.kind, conflicts: analysis.conflicts } : {}) });
        const one = { path: conflict.path, side: choice, versions: conflictVersions(conflict) };
        choices.push(one);
        if (choice !== kept) newChoices.push(one);
      } else if (opts.continue && stoppedSync?.paths.includes(conflict.path)) {
        resolutions.push({ path: conflict.path, side: blobOfFile(place, conflict.path) });
        byHand.push(conflict.path);
      }
      else open.push(conflict);
    }
    for (const r of named) {
      if (!merged.conflicts.some((cf) => { const n = nameOf(place, cf.path); return n.kind === r.kind && n.id === r.id; })) {
        say(ctx, c.yellow(ctx.t('sync.notInConflict', { record: recordWords(ctx, { path: '', kind: r.kind, id: r.id }) })));
      }
    }
    for (const p of outdated) say(ctx, c.yellow(ctx.t('sync.choiceOutdated', { record: recordWords(ctx, nameOf(place, p)) })));
    if (open.length > 0) {
      writeStopped(place, { head, upstream, paths: open.map((o) => o.path), choices });
      if (newChoices.length > 0) say(ctx, c.green(ctx.t('sync.choiceKept', { count: newChoices.length, open: open.length })));
      reportConflicts(ctx, place, open, chosen, committedNames(place, [head, upstream]));
      throw new UserError('sync.stopped', { count: open.length });
    }
    resolvedPaths = resolutions.map((r) => r.path).filter((p) => !combined.includes(p));
    combinedPaths = combined;
    const tree = resolutions.length > 0 ? resolveTree(place, merged.tree, resolutions) : merged.tree;
    if (!tree) throw new UserError('sync.gitFailed', { detail: 'write-tree' });
    // Always a merge, even when its content is the shared version's (every conflict settled with
    // --theirs): the changes made here stay in the shared history, where `civsam history` finds them.
    const made = commitMerge(place, tree, [head, upstream], mergeMessage(ctx, place, resolvedPaths, byHand));
    if ('failed' in made) throw new UserError('sync.commitFailed', { detail: made.failed });
    result = made.oid;
  }

  // Nothing of ours goes out if it makes the shared folder invalid.
  const sending = upstream ? countRange(place.root, `${upstream}..${result}`) : countRange(place.root, result);
  let resultErrors: Problem[] | undefined;
  if (sending > 0) {
    const before = upstream ? new Set(errorsAt(place, upstream).map(problemKey)) : new Set<string>();
    resultErrors = errorsAt(place, result);
    await checkpoint(place, stop, progress);
    const introduced = resultErrors.filter((p) => !before.has(problemKey(p)));
    if (introduced.length > 0) {
      // The file with the problem, and the file it names (the other record with the same CVR).
      const authorsFor = (problems: Problem[]): string[] => {
        if (problems.length === 0) return [];
        const files = [...new Set(problems.flatMap((p) => [p.file, ...Object.values(p.message.params ?? {}).filter((v): v is string => typeof v === 'string' && /^[a-z-]+\/[^/]+\.yaml$/.test(v))]).map((f) => inRepository(place, f)))];
        return authorsOf(place.root, upstream ? mergeBase(place.root, head, upstream) : undefined, upstream ? [head, upstream] : [head], files);
      };
      for (const p of introduced) say(ctx, `  ${problemLine(ctx.lang, ctx.dataDir, p)}`);
      const removals = upstream ? removedThereLines(ctx, place, head, upstream, result, introduced) : { lines: [], explained: new Set<Problem>() };
      // A reference left dangling by a colleague's removal is theirs to explain, not the
      // changes of whoever syncs: the authors are named for the other problems only.
      const authors = authorsFor(introduced.filter((p) => !removals.explained.has(p)));
      if (authors.length > 0) say(ctx, ctx.t('sync.invalidAuthors', { authors: authors.map((x) => terminalSafe(x)).join(', ') }));
      for (const line of removals.lines) say(ctx, line);
      say(ctx, ctx.t('sync.invalidWhatToDo'));
      throw new UserError('sync.invalidMerge', { count: introduced.length });
    }
  }

  // The folder must take the result without overwriting anyone's unsaved work.
  const touched = result === head ? [] : changedPaths(place.root, head, result);
  if (touched.length > 0) {
    // With --continue, a record edited by hand and not committed is the resolution itself.
    const resolution = new Set(opts.continue ? resolvedPaths : []);
    const dirty = new Set(uncommitted({ root: place.root }).filter((p) => !/(^|\/)\.[^/]*$/.test(p) && !resolution.has(p)));
    const blocked = touched.filter((p) => dirty.has(p));
    if (blocked.length > 0) throw new UserError('sync.dirty', { files: blocked.map((p) => terminalSafe(p)).join(', ') });
  }

  // The records the colleagues' changes bring in that do not validate: said by name, not refused.
  const incoming = received(place, head, upstream, result, touched, resultErrors);
  await checkpoint(place, stop, progress);

  if (sending > 0) {
    const pushed = push(place, result);
    if (!pushed.ok) {
      await checkpoint(place, stop, progress);
      if (pushed.rejected) return 'retry';
      // Turned away for good: said why, and never that the next sync will send them.
      const key = pushed.refused === 'checked-out' ? 'sync.pushCheckedOut' : pushed.refused === 'remote' ? 'sync.pushRefused' : 'sync.pushFailed';
      throw new UserError(key, { remote: place.remote, count: countRange(place.root, upstream ? `${upstream}..${head}` : head) });
    }
    progress.sent = true;
  }
  const receivedCount = upstream && result !== head ? countRange(place.root, `${head}..${upstream}`) : 0;
  if (result !== head) {
    progress.applying = true;
    applyResult(place, head, result);
    progress.applying = false;
  }
  clearStopped(place);

  if (sending === 0 && receivedCount === 0) say(ctx, c.green(ctx.t('sync.upToDate')));
  else say(ctx, c.green(ctx.t('sync.done', { sent: sending === 0 ? 0 : upstream ? countRange(place.root, `${upstream}..${head}`) : countRange(place.root, head), received: receivedCount })));
  // An empty register beside the team's real one (sent from a copy that never took it): said, with what to do.
  const registers = registersOn(place.root, place.remote);
  const followed = registers.find((r) => r.branch === place.remoteBranch);
  if (followed && followed.records === 0 && registers[0].records > 0) {
    say(ctx, c.yellow(ctx.t('sync.emptyBesideRegister', { branch: place.remoteBranch, other: registers[0].branch, count: registers[0].records })));
  }
  if (upstream && receivedCount > 0) {
    const names = committedNames(place, [result, head]);
    const undone = undoneByColleagues(place.root, head, upstream, (p) => nameOf(place, p).kind !== undefined);
    // Each record as it is now (as it was, for one removed) and the versions of those combined, in one git call.
    const shownAt = (u: Undone) => `${u.how === 'removed' ? head : result}:${u.path}`;
    const blobs = readBlobs(place.root, undone.flatMap((u) => [shownAt(u), ...(u.how === 'fields' || u.how === 'replaced' ? versionsOf(u) : [])]));
    for (const u of undone) {
      const n = nameOf(place, u.path);
      const data = parse(blobs.get(shownAt(u)));
      const label = data?.name ?? data?.title;
      const record = recordWords(ctx, { ...n, label: typeof label === 'string' ? label : undefined });
      const who = u.who ? terminalSafe(u.who) : ctx.t('sync.aColleague');
      const what = u.how === 'fields' ? keptOwnFields(blobs, n.kind!, u.versions, names, ctx.lang) : undefined;
      if (u.how === 'fields' && !what) continue;
      // A whole version kept over yours: which of your fields' changes are gone, when they can be told.
      const discarded = u.how === 'replaced' ? discardedFields(blobs, n.kind!, u.versions, ctx.lang) : undefined;
      const line = ctx.t(discarded ? 'sync.undone.replacedFields' : `sync.undone.${u.how}`, { record, who, what: discarded ?? what ?? '', history: `civsam history ${COMMAND_OF[n.kind!]} ${n.id}`, show: `civsam ${COMMAND_OF[n.kind!]} show ${n.id}`, ...pronouns(n.kind!) });
      say(ctx, c.yellow(line.charAt(0).toLocaleUpperCase(ctx.lang) + line.slice(1)));
    }
  }
  if (combinedPaths.length > 0) say(ctx, ctx.t('sync.combined', { records: combinedPaths.map((p) => recordWords(ctx, nameOf(place, p))).join(', ') }));
  if (chosen.length > 0) {
    say(ctx, ctx.t('sync.resolvedIntro', { count: chosen.length }));
    for (const line of choiceLines(ctx, place, chosen, committedNames(place, [result, head]))) say(ctx, `  ${line}`);
  }
  const continued = resolvedPaths.filter((p) => !chosen.some((x) => x.path === p));
  if (continued.length > 0) say(ctx, ctx.t('sync.resolved', { records: continued.map((p) => recordWords(ctx, nameOf(place, p))).join(', ') }));
  if (incoming.records.length > 0 || incoming.yours.length > 0) {
    if (incoming.records.length > 0) say(ctx, c.yellow(ctx.t('sync.incomingInvalid', { count: incoming.records.length, records: incoming.records.map((n) => recordWords(ctx, n)).join(', ') })));
    if (incoming.yours.length > 0) say(ctx, c.yellow(ctx.t('sync.madeInvalid', { count: incoming.yours.length, records: incoming.yours.map((n) => recordWords(ctx, n)).join(', ') })));
    if (incoming.authors.length > 0) say(ctx, ctx.t('sync.incomingAuthors', { authors: incoming.authors.map((x) => terminalSafe(x)).join(', ') }));
    if (sending > 0) say(ctx, ctx.t('sync.incomingSent'));
    say(ctx, ctx.t('sync.incomingWhatToDo'));
  }
  // Files edited by hand and not committed are not sent: said, by name, with the way to send them.
  const byHandNow = uncommitted({ root: place.root }).map((p) => inDataFolder(place, p)).filter((p): p is string => p !== undefined && !/(^|\/)\.[^/]*$/.test(p));
  if (byHandNow.length > 0) {
    say(ctx, c.yellow(ctx.t('sync.handEditedNotSent', { count: byHandNow.length })));
    for (const file of byHandNow.slice(0, 10)) say(ctx, `  ${terminalSafe(join(ctx.dataDir, file))}`);
    if (byHandNow.length > 10) say(ctx, ctx.t('doctor.readableMore', { count: byHandNow.length - 10 }));
  }
  // Asked to stop after the push: the folder was brought to the result first, and that is said.
  await heardYet();
  if (stop.count() > 0) {
    say(ctx, c.yellow(ctx.t(progress.sent ? 'sync.finishedAfterStopSent' : 'sync.finishedAfterStop')));
    return stop.exitCode();
  }
  return EXIT.ok;
}

/**
 * The records that have an error after the sync they did not have here before: those the
 * colleagues' changes brought in (changed between `head` and the result), and those of yours they
 * made invalid without touching them (an organisation your offer names, removed); with their names,
 * and who made the changes that came in.
 */
function received(place: SyncPlace, head: string, upstream: string | undefined, result: string, touched: string[], resultErrors: Problem[] | undefined): { records: Named[]; yours: Named[]; authors: string[] } {
  const none = { records: [], yours: [], authors: [] };
  if (!upstream || touched.length === 0) return none;
  const here = new Set(errorsAt(place, head).map(problemKey));
  const files = [...new Set((resultErrors ?? errorsAt(place, result)).filter((p) => !here.has(problemKey(p))).map((p) => inRepository(place, p.file)))].sort();
  if (files.length === 0) return none;
  const named = (f: string): Named => {
    const n = nameOf(place, f);
    const data = parse(readFileAt(place.root, result, f));
    const label = data?.name ?? data?.title;
    return { ...n, label: typeof label === 'string' ? label : undefined };
  };
  const came = new Set(touched);
  const cameIn = files.filter((f) => came.has(f));
  const base = mergeBase(place.root, head, upstream);
  // Who made the records that came in; for yours, whoever made the changes that came in.
  const authors = authorsOf(place.root, base, [upstream], cameIn.length > 0 ? cameIn : touched.filter((p) => p.startsWith(place.prefix)));
  return { records: cameIn.map(named), yours: files.filter((f) => !came.has(f)).map(named), authors };
}

/** A value written the same whatever the order of its keys, to compare two records' data. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v));
}

/** The objects of a record's versions at a colleague's merge that are there. */
/**
 * A record whose whole version a colleague kept over the one this copy had (`replaced`): the fields
 * that version had changed from their common base, in words (`feltet »hjemmeside«`); undefined when
 * a version is missing or nothing can be told apart.
 */
function discardedFields(blobs: ReadonlyMap<string, Buffer>, kind: RecordKind, v: Undone['versions'], lang: Language): string | undefined {
  const [base, lost] = [v.base, v.lost].map((o) => parse(o ? blobs.get(o) : undefined));
  if (!base || !lost) return undefined;
  const fields = [...new Set([...Object.keys(base), ...Object.keys(lost)])].filter((k) => canonical(base[k]) !== canonical(lost[k]));
  if (fields.length === 0) return undefined;
  const quoted = fields.map((f) => translate(lang, 'sync.quoted', { label: labelInSentence(lang, fieldLabel(lang, kind, f)) }));
  return translate(lang, 'sync.fieldsNamed', { count: fields.length, fields: listWords(lang, quoted) });
}

const versionsOf = (u: Undone): string[] => [u.versions.base, u.versions.kept, u.versions.lost, u.versions.result].filter((o): o is string => o !== undefined);

/**
 * A record a colleague's merge combined field by field (`blobs`: its versions' objects, versionsOf): the fields both sides changed, in words,
 * when the merge kept the colleague's own value of them (`sync --mine`), which discarded this
 * copy's; undefined when it kept this copy's, or cannot be told.
 */
function keptOwnFields(blobs: ReadonlyMap<string, Buffer>, kind: RecordKind, v: Undone['versions'], names: ReferenceNames, lang: Language): string | undefined {
  const [base, kept, lost, result] = [v.base, v.kept, v.lost, v.result].map((o) => parse(o ? blobs.get(o) : undefined));
  if (!base || !kept || !lost || !result) return undefined;
  const own = mergeRecord(kind, base, kept, lost, 'mine');
  if (own.conflicts.length === 0 || canonical(result) !== canonical(own.merged)) return undefined;
  if (canonical(own.merged) === canonical(mergeRecord(kind, base, kept, lost, 'theirs').merged)) return undefined;
  return conflictWords(lang, kind, own.conflicts, names);
}

/** Every string in a record's data (the ids it refers to among them). */
function stringsOf(value: unknown, out = new Set<string>()): Set<string> {
  if (typeof value === 'string') out.add(value);
  else if (Array.isArray(value)) for (const v of value) stringsOf(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) stringsOf(v, out);
  return out;
}

/**
 * A merge refused because a record refers to one a colleague removed in the meantime: which record
 * was removed, by whom, which of the records with a problem refers to it, and what to do.
 */
function removedThereLines(ctx: CommandContext, place: SyncPlace, head: string, upstream: string, result: string, introduced: Problem[]): { lines: string[]; explained: Set<Problem> } {
  const lines: string[] = [];
  const explained = new Set<Problem>();
  const references = introduced.filter((p) => p.rule === 'reference');
  if (references.length === 0) return { lines, explained };
  const base = mergeBase(place.root, head, upstream);
  if (!base) return { lines, explained };
  const removed = changedPaths(place.root, base, upstream)
    .filter((p) => nameOf(place, p).kind && readFileAt(place.root, upstream, p) === undefined && readFileAt(place.root, base, p) !== undefined);
  for (const path of removed) {
    const gone = nameOf(place, path);
    const referring = [...new Set(references.map((p) => inRepository(place, p.file)))].filter((f) => stringsOf(parse(readFileAt(place.root, result, f))).has(gone.id!));
    if (referring.length === 0) continue;
    for (const p of references) if (referring.includes(inRepository(place, p.file))) explained.add(p);
    const before = parse(readFileAt(place.root, base, path));
    const label = before?.name ?? before?.title;
    const who = authorsOf(place.root, base, [upstream], [path]);
    const byWhom = who.length > 0 ? who.map((x) => terminalSafe(x)).join(', ') : ctx.t('sync.aColleague');
    for (const f of referring) {
      const n = nameOf(place, f);
      const data = parse(readFileAt(place.root, result, f));
      const own = data?.name ?? data?.title;
      lines.push(ctx.t('sync.removedThereReferred', {
        who: byWhom,
        removed: recordWords(ctx, { ...gone, label: typeof label === 'string' ? label : undefined }),
        record: recordWords(ctx, { ...n, label: typeof own === 'string' ? own : undefined }),
        edit: editToReplace(n, gone, data) ?? f,
        ...pronouns(gone.kind!),
        another: { key: `kind.another.${gone.kind!}` as MessageKey },
      }));
    }
  }
  return { lines, explained };
}

/**
 * The edit command that puts another record where the removed one was named, with the flag of the
 * field that names it (`civsam offer edit x --organisation "…"`), the others of a list kept; none
 * when that field has no flag (a funding line's pool, a response's party).
 */
function editToReplace(n: { kind?: RecordKind; id?: string }, gone: { kind?: RecordKind; id?: string }, data: Record<string, unknown> | undefined): string | undefined {
  if (!n.kind || !n.id || !gone.kind || !data) return undefined;
  for (const [pattern, target] of REFERENCES[n.kind]) {
    if (target !== gone.kind) continue;
    const path = pattern.replace(/\.\*$/, '');
    if (path.includes('*')) continue;
    const spec = FIELDS[n.kind].find((s) => s.path === path);
    if (!spec) continue;
    const value = path.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), data);
    if (Array.isArray(value) ? !value.includes(gone.id) : value !== gone.id) continue;
    const others = Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v !== gone.id) : [];
    return `civsam ${COMMAND_OF[n.kind]} edit ${n.id} --${spec.flag} ${[...others, '"…"'].join(',')}`;
  }
  return undefined;
}

/** The pronouns that stand for a record of the kind (Danish: den/dens for en-words, det/dets for et-words). */
function pronouns(kind: RecordKind): { it: Message; its: Message } {
  return { it: { key: `kind.it.${kind}` as MessageKey }, its: { key: `kind.its.${kind}` as MessageKey } };
}

/** The merge commit's message, in the data folder's language like every commit civsam writes. */
function mergeMessage(ctx: CommandContext, place: SyncPlace, resolvedPaths: string[], byHand: string[]): string {
  const lang = folderLanguage(ctx);
  const records = resolvedPaths.map((p) => {
    const n = nameOf(place, p);
    return n.kind ? `${translate(lang, `kind.${n.kind}`)} ${n.id}` : p;
  });
  const subject = records.length > 0 ? translate(lang, 'commit.syncMergeResolved', { records: records.join(', ') }) : translate(lang, 'commit.syncMerge');
  // The files whose conflict was settled by hand (--continue), for the colleagues' syncs to tell from a choice of side.
  return byHand.length > 0 ? `${subject}\n\n${settledByHandTrailer(byHand)}` : subject;
}

function reportConflicts(ctx: CommandContext, place: SyncPlace, open: Conflict[], decided: Chosen[], names: ReferenceNames): void {
  const c = ctx.errColor;
  say(ctx, c.red(ctx.t('sync.conflictIntro', { count: open.length })));
  const described = describeConflicts(place, open);
  for (const d of described) {
    const a = d.analysis;
    const what = a.how === 'removed-here' ? ctx.t('sync.removedHere')
      : a.how === 'removed-there' ? ctx.t('sync.removedThere')
        : a.how === 'added-both' ? ctx.t('sync.bothAdded')
          : a.how === 'changed' && a.conflicts.length > 0 ? ctx.t('sync.conflictFields', { what: conflictWords(ctx.lang, a.kind, a.conflicts, names) })
            : ctx.t('sync.conflictText');
    say(ctx, `  ${recordWords(ctx, d)}: ${what}`);
    // The values are the user's data, not part of the error: on standard output, and only where it
    // is a terminal the user reads (never into a file or a log a redirected run leaves).
    if (a.how === 'changed' && ctx.stdout.isTTY) for (const line of conflictValues(ctx, a)) ctx.stdout.write(wrapForTerminal(line, { stderr: ctx.stdout, env: ctx.env }) + '\n');
  }
  // The choices made for other records, kept until these are decided too.
  if (decided.length > 0) {
    say(ctx, ctx.t('sync.decidedIntro'));
    for (const x of decided) say(ctx, `  ${ctx.t(x.side === 'mine' ? 'sync.decidedMine' : 'sync.decidedTheirs', { record: recordWords(ctx, { ...nameOf(place, x.path), label: x.label }) })}`);
  }
  const example = described.find((d) => d.kind && d.id);
  say(ctx, ctx.t('sync.conflictWhatToDo', { record: example ? `${COMMAND_OF[example.kind!]} ${example.id}` : 'org <id>' }));
  // Setting the value by hand needs the record in the folder, changed on both sides: a record
  // removed on one side is decided by a side (below).
  // `edit` sets a record's own fields; an entry of a list (a point of a response, a funding line)
  // has no flag there, so for those no such advice is given.
  const editable = described.find((d) => d.kind && d.id && ((d.analysis.how === 'changed' && d.analysis.conflicts.every((f) => !f.within && !f.items)) || d.analysis.how === 'text'));
  if (editable || !example) say(ctx, ctx.t('sync.conflictWhatToDoEdit', { edit: editable ? `civsam ${COMMAND_OF[editable.kind!]} edit ${editable.id}` : 'civsam org edit <id>' }));
  for (const d of described) {
    if (!d.kind || !d.id) continue;
    const command = COMMAND_OF[d.kind];
    if (d.analysis.how === 'removed-here' || d.analysis.how === 'removed-there') {
      say(ctx, ctx.t(d.analysis.how === 'removed-here' ? 'sync.removedHereWhatToDo' : 'sync.removedThereWhatToDo', { record: recordWords(ctx, d), command, id: d.id }));
    } else if (d.analysis.how === 'added-both') {
      // A record created on both sides: the same one twice (keep one), or two that need an id each.
      const rel = inDataFolder(place, d.path) ?? d.path;
      // Two different records need two names as well as two ids (a name is unique): the copy is given both.
      const nameField = nameFieldOf(d.kind);
      const rename = nameField ? ` --${nameField} "${ctx.t(nameField === 'name' ? 'sync.newNameWord' : 'sync.newTitleWord')}"` : '';
      say(ctx, ctx.t('sync.bothAddedWhatToDo', { record: recordWords(ctx, d), command, id: d.id, file: join(ctx.dataDir, rel), rename }));
    }
  }
}

/**
 * Both values of each field in conflict, yours and the shared one, so the choice can be made on
 * sight: only on a terminal (the user's own records, to the user, as `show` shows them; never into
 * a file the error stream is sent to, such as a log), and never a field of personal data (a contact
 * person, an assessor), nor an entry of a list (those are named, and `show` shows them).
 */
function conflictValues(ctx: CommandContext, a: Analysis & { how: 'changed' }): string[] {
  const lines: string[] = [];
  for (const f of a.conflicts) {
    // Not a field that names other records or vocabulary entries by id (their names are in the record's show).
    const shape = shapeAt(a.kind, f.field);
    if (f.items || f.within || isPersonalField(a.kind, f.field) || shape?.def === 'id' || shape?.items?.def === 'id') continue;
    const mine = valueWords(ctx.lang, a.kind, f.field, getPath(a.mine, f.field));
    const theirs = valueWords(ctx.lang, a.kind, f.field, getPath(a.theirs, f.field));
    if (mine === undefined || theirs === undefined) continue;
    lines.push(ctx.t('sync.conflictValues', { field: ctx.t('sync.quoted', { label: labelInSentence(ctx.lang, fieldLabel(ctx.lang, a.kind, f.field)) }), mine, theirs }));
  }
  return lines;
}

/** A field's value as words on one line (`–` when it has none); undefined for one with structure (a list of entries, an object). */
function valueWords(lang: Language, kind: RecordKind, field: string, value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return '–';
  const one = (v: unknown): string | undefined => {
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    if (typeof v !== 'string') return undefined;
    const shape = shapeAt(kind, field);
    if (shape?.format === 'date') return formatDate(v, lang);
    if (shape?.enum || shape?.items?.enum) return valueLabel(lang, v, field.split('.').pop());
    return terminalSafe(v.replace(/\s+/g, ' ').trim());
  };
  if (Array.isArray(value)) {
    const words = value.map(one);
    return words.every((w): w is string => w !== undefined) ? (words.length > 0 ? words.join(', ') : '–') : undefined;
  }
  return one(value);
}

function status(ctx: CommandContext, place: SyncPlace): number {
  const head = revParse(place.root, 'HEAD');
  const out = (s: string) => ctx.stdout.write(s + '\n');
  if (!head) {
    // Nothing committed here yet (a clone of an empty remote, or a branch with no commit): there is
    // no branch to count against; say what the remote has and that civsam sync brings it in.
    const fetchedAll = fetchAll(place);
    if (!fetchedAll.ok) say(ctx, ctx.errColor.yellow(ctx.t('sync.statusOfflineUnfetched', { remote: place.remote })));
    const share = unfetchedShare(place);
    if (share) out(ctx.t('sync.notTaken', { remote: place.remote, ...share }));
    else out(ctx.t(fetchedAll.ok ? 'sync.nothingShared' : 'sync.notFetched', { remote: place.remote }));
    return fetchedAll.ok ? EXIT.ok : EXIT.invalid;
  }
  const fetched = fetch(place);
  const upstream = revParse(place.root, trackingRef(place));
  if (!fetched.ok) say(ctx, ctx.errColor.yellow(ctx.t('sync.statusOffline', { remote: place.remote })));
  const ahead = head ? countRange(place.root, upstream ? `${upstream}..${head}` : head) : 0;
  const behind = head && upstream ? countRange(place.root, `${head}..${upstream}`) : upstream ? countRange(place.root, upstream) : 0;
  out(ctx.t('sync.statusRemote', { remote: place.remote, branch: place.remoteBranch }));
  out(ctx.t('sync.statusOutgoing', { count: ahead }));
  out(ctx.t('sync.statusIncoming', { count: behind }));
  const stopped = readStopped(place);
  if (stopped) out(ctx.t('sync.statusStopped', { records: stopped.paths.map((p) => recordWords(ctx, nameOf(place, p))).join(', ') }));
  return fetched.ok ? EXIT.ok : EXIT.invalid;
}

/**
 * A write command with --sync: bring in the others' changes first, make the change, send it.
 * Offline, the change is still made (and committed here): a note says it was not sent and that the
 * next sync sends it, and the command succeeds, as the change it was asked for is saved. Once the
 * remote could not be reached, it is not tried a second time.
 */
export async function syncAround(ctx: CommandContext, change: () => Promise<number>): Promise<number> {
  const offline = async (attempt: () => Promise<number>): Promise<{ remote: unknown } | number> => {
    try {
      return await attempt();
    } catch (e) {
      if (!(e instanceof UserError) || e.userMessage.key !== 'sync.offline') throw e;
      return { remote: e.userMessage.params?.remote };
    }
  };
  const before = await offline(() => run(ctx, {}, []));
  // Whatever was loaded to look up names is older than what the sync brought in.
  forgetLoaded(ctx);
  const code = await change();
  if (code !== EXIT.ok) return code;
  const after = typeof before === 'number' ? await offline(() => run(ctx, {}, [])) : before;
  if (typeof after === 'number') return after;
  say(ctx, ctx.errColor.yellow(ctx.t('sync.offlineAfterChange', { remote: String(after.remote) })));
  return EXIT.ok;
}
