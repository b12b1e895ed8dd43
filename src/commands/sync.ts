// `civsam sync`: bring in the others' changes and send yours, in one command. Fetch, merge the
// local commits with the shared branch without touching the folder, validate the merged folder,
// push, and only then bring the folder to the result. A conflict, an invalid merge or an
// unreachable remote leaves the folder exactly as it was (files, HEAD, no merge in progress).
import { realpathSync } from 'node:fs';
import { join } from 'node:path';
import type { CommandContext } from '../context/context.js';
import { dataFolderName } from '../context/data-folder.js';
import { forgetLoaded, resolveDataDir } from '../context/load.js';
import { FOLDER_OF, RECORD_KINDS, type RecordKind } from '../domain/kinds.js';
import { EXIT, UserError } from '../domain/errors.js';
import { translate, type Message } from '../i18n/index.js';
import { acquireFolderLock } from '../store/folder-lock.js';
import { uncommitted } from '../store/git.js';
import { readBlobs, materialise } from '../store/git-tree.js';
import { readFolder, type Problem } from '../store/load-folder.js';
import { noCache } from '../store/parse-cache.js';
import {
  applyResult, authorsOf, blobOfFile, changedPaths, clearStopped, commitMerge, countRange, fetch, gitOperationInProgress,
  locate, mergeBase, mergeTrees, push, readStopped, recoverApply, resolveTree, revParse, storeBlob, trackingRef, treeOf, writeStopped,
  type Conflict, type ConflictSide, type Resolution, type SyncPlace,
} from '../store/sync.js';
import { parseStrict } from '../store/yaml-read.js';
import { editText } from '../store/yaml-write.js';
import { schemaRank } from '../store/write-record.js';
import { COMMAND_OF } from '../domain/kinds.js';
import { kindFromWord } from '../context/record-args.js';
import { mayBeName } from '../domain/ids.js';
import { terminalSafe } from '../i18n/terminal-text.js';
import { checkFolder } from '../validate/check-folder.js';
import { problemLine } from '../output/problem-line.js';

type Opts = { status?: boolean; mine?: boolean; theirs?: boolean; continue?: boolean };

/** Someone else pushed between our fetch and our push: fetch and merge again, this often. */
const PUSH_ATTEMPTS = 3;

function say(ctx: CommandContext, text: string): void {
  ctx.stderr.write(text + '\n');
}

/** The place to sync, or a refusal that says what to do. */
export function placeOf(ctx: CommandContext): { place: SyncPlace; dir: string } {
  const dir = realpathSync(resolveDataDir(ctx));
  const found = locate(dir);
  if ('problem' in found) {
    const key = ({ 'no-repository': 'sync.noRepository', 'no-remote': 'sync.noRemote', detached: 'sync.detached', 'no-commit': 'sync.noRepository' } as const)[found.problem];
    throw new UserError(key, { dir: dataFolderName(ctx) });
  }
  return { place: found, dir };
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
  const rel = path.startsWith(place.prefix) ? path.slice(place.prefix.length) : path;
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

/** The fields both sides changed, to different values (their names only, never their values). */
export function conflictingFields(base: Record<string, unknown> | undefined, mine: Record<string, unknown> | undefined, theirs: Record<string, unknown> | undefined): string[] {
  if (!mine || !theirs) return [];
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const keys = new Set([...Object.keys(mine), ...Object.keys(theirs), ...Object.keys(base ?? {})]);
  return [...keys].filter((k) => !same(mine[k], theirs[k]) && (base === undefined || (!same(mine[k], base[k]) && !same(theirs[k], base[k])))).sort();
}

/**
 * Git merges lines; a record is fields. When both sides changed the same record but different
 * fields (on neighbouring lines, say), the record is combined field by field: your file with the
 * shared side's changed fields applied through the comment-keeping editor. Undefined when the
 * fields overlap or the file cannot be combined safely: then it is a conflict for the user.
 */
function combineFields(place: SyncPlace, c: Conflict, blobs: Map<string, Buffer>): ConflictSide | undefined {
  if (!c.base || !c.mine || !c.theirs) return undefined;
  const kind = nameOf(place, c.path).kind;
  if (!kind) return undefined;
  const [baseBytes, mineBytes, theirsBytes] = [blobs.get(c.base.oid), blobs.get(c.mine.oid), blobs.get(c.theirs.oid)];
  const base = parse(baseBytes);
  const mine = parse(mineBytes);
  const theirs = parse(theirsBytes);
  if (!base || !mine || !theirs || !mineBytes || conflictingFields(base, mine, theirs).length > 0) return undefined;
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const merged: Record<string, unknown> = structuredClone(mine);
  for (const k of new Set([...Object.keys(base), ...Object.keys(theirs)])) {
    if (same(theirs[k], base[k])) continue;
    if (k in theirs) merged[k] = structuredClone(theirs[k]);
    else delete merged[k];
  }
  const raw = mineBytes.toString('utf8');
  const bom = raw.startsWith('\uFEFF');
  const edited = editText(bom ? raw.slice(1) : raw, mine, merged, schemaRank(kind));
  if (edited === undefined) return undefined;
  const oid = storeBlob(place, (bom ? '\uFEFF' : '') + edited);
  return oid ? { mode: c.mine.mode, oid } : undefined;
}

interface Described extends Named {
  fields: string[];
  removedHere: boolean;
  removedThere: boolean;
}

function describeConflicts(place: SyncPlace, conflicts: Conflict[]): Described[] {
  const blobs = readBlobs(place.root, conflicts.flatMap((c) => [c.base?.oid, c.mine?.oid, c.theirs?.oid].filter((o): o is string => o !== undefined)));
  return conflicts.map((c) => {
    const base = parse(c.base && blobs.get(c.base.oid));
    const mine = parse(c.mine && blobs.get(c.mine.oid));
    const theirs = parse(c.theirs && blobs.get(c.theirs.oid));
    const named = nameOf(place, c.path);
    const fields = conflictingFields(base, mine, theirs);
    // The name or title helps to recognise the record, unless it is itself one of the values in conflict.
    const label = fields.includes('name') || fields.includes('title') ? undefined : [mine, theirs].map((r) => r?.name ?? r?.title).find((v) => typeof v === 'string');
    return { ...named, label: typeof label === 'string' ? terminalSafe(label) : undefined, fields, removedHere: !c.mine, removedThere: !c.theirs };
  });
}

function recordWords(ctx: CommandContext, n: Named): string {
  if (!n.kind || !n.id) return n.path;
  const kind = translate(ctx.lang, `kind.${n.kind}` as Message['key']);
  return `${kind} ${n.id}${n.label ? ` (${n.label})` : ''}`;
}

/**
 * The records the command line names, each by its kind and its name or id (`org "Lys i Mørket"`,
 * `org lyspunktet offer natcafe-aarhus`), or by a name or id alone, of any kind. A name typed
 * without quotes is its words up to the next kind; a kind word right after a kind is the name's.
 * Checked as words only: they are looked up in the folder once it is known to be shared.
 */
function namedRecords(args: unknown[]): Array<{ kind?: RecordKind; word: string }> {
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
    if (kind && name.length === 0) throw new UserError('sync.kindOnly', { command: COMMAND_OF[kind] });
    const word = name.join(' ');
    // Text that cannot be a name or an id (a path, escape codes) is refused without repeating it.
    if (!mayBeName(word)) throw new UserError('history.badRecord');
    return { kind, word };
  });
}

/** The named records' kinds and ids, found as every command finds a record (with "Did you mean"); also those this side removed. */
async function findNamed(ctx: CommandContext, place: SyncPlace, named: Array<{ kind?: RecordKind; word: string }>): Promise<Array<{ kind: RecordKind; id: string }>> {
  if (named.length === 0) return [];
  const { findRecord } = await import('../context/names.js');
  const { removedRecords } = await import('../store/history.js');
  let removed: ReturnType<typeof removedRecords> | undefined;
  const gone = () => (removed ??= removedRecords(place.root, place.prefix));
  return named.map((n) => findRecord(ctx, n.word, n.kind ? [n.kind] : RECORD_KINDS, gone));
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
  const named = namedRecords(args);
  if (named.length > 0 && !opts.mine && !opts.theirs) throw new UserError('sync.recordsNeedSide');
  const { place, dir } = placeOf(ctx);
  if (opts.status) return status(ctx, place);
  const records = await findNamed(ctx, place, named);

  const lock = acquireFolderLock(dir, { onTakeover: (m) => say(ctx, ctx.errColor.yellow(translate(ctx.lang, m.key, m.params))), onWait: (m) => say(ctx, translate(ctx.lang, m.key, m.params)) });
  try {
    if (recoverApply(place)) say(ctx, ctx.errColor.yellow(ctx.t('sync.recovered')));
    // A change of this folder stopped part-way is finished (and committed) before anything is shared.
    (await import('../register/apply-change.js')).finishLeftChange(ctx, dir);
    const inProgress = gitOperationInProgress(place);
    if (inProgress) throw new UserError('sync.gitInProgress', { what: inProgress });
    for (let attempt = 1; ; attempt++) {
      const outcome = once(ctx, place, opts, records);
      if (outcome !== 'retry') return outcome;
      if (attempt >= PUSH_ATTEMPTS) throw new UserError('sync.busy');
      lock.refresh();
    }
  } finally {
    lock.release();
  }
}

function once(ctx: CommandContext, place: SyncPlace, opts: Opts, named: Array<{ kind: RecordKind; id: string }>): number | 'retry' {
  const c = ctx.errColor;
  const head = revParse(place.root, 'HEAD');
  if (!head) throw new UserError('sync.noCommits', { dir: dataFolderName(ctx) });
  const fetched = fetch(place);
  const lastKnown = revParse(place.root, trackingRef(place));
  if (!fetched.ok) {
    const waiting = lastKnown ? countRange(place.root, `${lastKnown}..${head}`) : countRange(place.root, head);
    throw new UserError('sync.offline', { remote: place.remote, count: waiting });
  }
  const upstream = lastKnown;
  const stopped = readStopped(place);
  if (opts.continue && !stopped) throw new UserError('sync.nothingToContinue');

  // The result: what the branch should be once the sync is done.
  let result: string;
  let resolvedPaths: string[] = [];
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
    const sides = readBlobs(place.root, merged.conflicts.flatMap((cf) => [cf.base?.oid, cf.mine?.oid, cf.theirs?.oid].filter((o): o is string => o !== undefined)));
    const combined: string[] = [];
    for (const conflict of merged.conflicts) {
      const fieldwise = combineFields(place, conflict, sides);
      if (fieldwise) {
        resolutions.push({ path: conflict.path, side: fieldwise });
        combined.push(conflict.path);
      } else if (opts.mine && wanted(conflict.path)) resolutions.push({ path: conflict.path, side: conflict.mine });
      else if (opts.theirs && wanted(conflict.path)) resolutions.push({ path: conflict.path, side: conflict.theirs });
      else if (opts.continue && stopped?.paths.includes(conflict.path)) resolutions.push({ path: conflict.path, side: blobOfFile(place, conflict.path) });
      else open.push(conflict);
    }
    for (const r of named) {
      if (!merged.conflicts.some((cf) => { const n = nameOf(place, cf.path); return n.kind === r.kind && n.id === r.id; })) {
        say(ctx, c.yellow(ctx.t('sync.notInConflict', { record: recordWords(ctx, { path: '', kind: r.kind, id: r.id }) })));
      }
    }
    if (open.length > 0) {
      writeStopped(place, { head, upstream, paths: open.map((o) => o.path) });
      reportConflicts(ctx, place, open);
      throw new UserError('sync.stopped', { count: open.length });
    }
    resolvedPaths = resolutions.map((r) => r.path).filter((p) => !combined.includes(p));
    if (combined.length > 0) say(ctx, ctx.t('sync.combined', { records: combined.map((p) => recordWords(ctx, nameOf(place, p))).join(', ') }));
    const tree = resolutions.length > 0 ? resolveTree(place, merged.tree, resolutions) : merged.tree;
    if (!tree) throw new UserError('sync.gitFailed', { detail: 'write-tree' });
    if (tree === treeOf(place.root, upstream)) {
      result = upstream; // ours is already there (a sync that was stopped after it pushed)
    } else {
      const message = resolvedPaths.length > 0
        ? `civsam sync: merge the shared changes; conflicts resolved (${resolvedPaths.map((p) => { const n = nameOf(place, p); return n.kind ? `${n.kind} ${n.id}` : p; }).join(', ')})`
        : 'civsam sync: merge the shared changes';
      const made = commitMerge(place, tree, [head, upstream], message);
      if ('failed' in made) throw new UserError('sync.commitFailed', { detail: made.failed });
      result = made.oid;
    }
  }

  // Nothing of ours goes out if it makes the shared folder invalid.
  const sending = upstream ? countRange(place.root, `${upstream}..${result}`) : countRange(place.root, result);
  if (sending > 0) {
    const before = upstream ? new Set(errorsAt(place, upstream).map(problemKey)) : new Set<string>();
    const introduced = errorsAt(place, result).filter((p) => !before.has(problemKey(p)));
    if (introduced.length > 0) {
      // The file with the problem, and the file it names (the other record with the same CVR).
      const files = [...new Set(introduced.flatMap((p) => [p.file, ...Object.values(p.message.params ?? {}).filter((v): v is string => typeof v === 'string' && /^[a-z-]+\/[^/]+\.yaml$/.test(v))]).map((f) => `${place.prefix}${f}`))];
      const authors = authorsOf(place.root, upstream ? mergeBase(place.root, head, upstream) : undefined, upstream ? [head, upstream] : [head], files);
      for (const p of introduced) say(ctx, `  ${problemLine(ctx.lang, ctx.dataDir, p)}`);
      if (authors.length > 0) say(ctx, ctx.t('sync.invalidAuthors', { authors: authors.map((x) => terminalSafe(x)).join(', ') }));
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

  if (sending > 0) {
    const pushed = push(place, result);
    if (!pushed.ok) {
      if (pushed.rejected) return 'retry';
      throw new UserError('sync.pushFailed', { remote: place.remote, count: countRange(place.root, upstream ? `${upstream}..${head}` : head) });
    }
  }
  const received = upstream && result !== head ? countRange(place.root, `${head}..${upstream}`) : 0;
  if (result !== head) applyResult(place, head, result);
  clearStopped(place);

  if (sending === 0 && received === 0) say(ctx, c.green(ctx.t('sync.upToDate')));
  else say(ctx, c.green(ctx.t('sync.done', { sent: upstream ? countRange(place.root, `${upstream}..${head}`) : countRange(place.root, head), received })));
  if (resolvedPaths.length > 0) say(ctx, ctx.t('sync.resolved', { records: resolvedPaths.map((p) => recordWords(ctx, nameOf(place, p))).join(', ') }));
  if (sending === 0 && received > 0 && upstream) {
    const problems = errorsAt(place, upstream);
    if (problems.length > 0) say(ctx, c.yellow(ctx.t('sync.sharedInvalid', { count: problems.length })));
  }
  return EXIT.ok;
}

function reportConflicts(ctx: CommandContext, place: SyncPlace, open: Conflict[]): void {
  const c = ctx.errColor;
  say(ctx, c.red(ctx.t('sync.conflictIntro', { count: open.length })));
  const described = describeConflicts(place, open);
  for (const d of described) {
    const what = d.removedHere ? ctx.t('sync.removedHere') : d.removedThere ? ctx.t('sync.removedThere') : d.fields.length > 0 ? ctx.t('sync.conflictFields', { fields: d.fields.join(', ') }) : ctx.t('sync.conflictText');
    say(ctx, `  ${recordWords(ctx, d)}: ${what}`);
  }
  const example = described.find((d) => d.kind && d.id);
  say(ctx, ctx.t('sync.conflictWhatToDo', {
    record: example ? `${COMMAND_OF[example.kind!]} ${example.id}` : 'org <id>',
    edit: example ? `civsam ${COMMAND_OF[example.kind!]} edit ${example.id}` : 'civsam org edit <id>',
  }));
}

function status(ctx: CommandContext, place: SyncPlace): number {
  const head = revParse(place.root, 'HEAD');
  const fetched = fetch(place);
  const upstream = revParse(place.root, trackingRef(place));
  const out = (s: string) => ctx.stdout.write(s + '\n');
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
 * Offline, the change is still made (and committed here); the next sync sends it.
 */
export async function syncAround(ctx: CommandContext, change: () => Promise<number>): Promise<number> {
  try {
    await run(ctx, {}, []);
  } catch (e) {
    if (!(e instanceof UserError) || e.userMessage.key !== 'sync.offline') throw e;
    say(ctx, ctx.errColor.yellow(translate(ctx.lang, e.userMessage.key, e.userMessage.params)));
  }
  // Whatever was loaded to look up names is older than what the sync brought in.
  forgetLoaded(ctx);
  const code = await change();
  return code === EXIT.ok ? run(ctx, {}, []) : code;
}
