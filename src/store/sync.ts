// Git plumbing for `civsam sync`: find the shared remote, fetch, merge without touching the
// working tree (`git merge-tree --write-tree`, resolutions in a temporary index), push, and only
// then bring the user's folder to the result. Writing the result into the folder goes through a
// journal in .git: each file is replaced atomically, then the index, then the branch; a process
// killed part-way leaves the journal, and the next sync or `civsam doctor` finishes the job.
import { existsSync, lstatSync, readFileSync, readlinkSync, renameSync, rmSync, statSync, symlinkSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { removeFile, replaceFile, snapshot, syncFolder, writeFileAtomic } from './atomic-file.js';
import { firstLine, folderPrefix, gitRaw, type GitResult } from './git.js';
import { FOLDER_OF, RECORD_KINDS } from '../domain/kinds.js';
import { objectNames, readBlobs, registersOn } from './git-tree.js';
import type { Side } from '../domain/record-merge.js';

export interface SyncPlace {
  /** The repository's top folder and its git folder (absolute). */
  root: string;
  gitDir: string;
  /** The data folder inside the repository: '' at the top, else 'data/' (with the slash). */
  prefix: string;
  branch: string;
  remote: string;
  remoteBranch: string;
}

export type PlaceProblem = 'no-repository' | 'no-remote' | 'detached' | 'no-commit';

function text(r: GitResult): string {
  return r.stdout.toString('utf8').trim();
}

/**
 * Git for a step of the sync, out of the terminal's reach: a Ctrl-C does not kill it half-way, so
 * the sync knows what was done (above all whether the push went through, or how far the folder was
 * brought) and says so when it stops.
 */
function step(args: string[], cwd: string, opts?: Parameters<typeof gitRaw>[2]): GitResult {
  return gitRaw(args, cwd, { ...opts, ownSession: true });
}

function git(place: { root: string }, args: string[], opts?: Parameters<typeof gitRaw>[2]): GitResult {
  return step(args, place.root, opts);
}

export function revParse(root: string, rev: string): string | undefined {
  const r = step(['rev-parse', '--verify', '--quiet', `${rev}^{commit}`], root);
  return r.ok ? text(r) : undefined;
}

/** Where the data folder sits in git and which remote branch it shares, or why it cannot sync. */
export function locate(realDir: string): SyncPlace | { problem: PlaceProblem } {
  const top = step(['rev-parse', '--show-toplevel', '--absolute-git-dir'], realDir);
  if (!top.ok) return { problem: 'no-repository' };
  const [root, gitDir] = text(top).split('\n');
  const prefix = folderPrefix({ root }, realDir);
  const head = step(['symbolic-ref', '--quiet', '--short', 'HEAD'], root);
  if (!head.ok) return { problem: 'detached' };
  const branch = text(head);
  const configured = step(['config', '--get', `branch.${branch}.remote`], root);
  let remote = configured.ok ? text(configured) : '';
  if (!remote || remote === '.') {
    const remotes = text(step(['remote'], root)).split('\n').filter(Boolean);
    remote = remotes.includes('origin') ? 'origin' : remotes.length === 1 ? remotes[0] : '';
  }
  if (!remote) return { problem: 'no-remote' };
  const merge = step(['config', '--get', `branch.${branch}.merge`], root);
  const remoteBranch = merge.ok ? text(merge).replace(/^refs\/heads\//, '') : branch;
  return { root, gitDir, prefix, branch, remote, remoteBranch };
}

/**
 * The branch of `remote` (as last fetched) that holds the register, when the remote's own default
 * branch does not exist: of the branches with a register, the one with the most records (an empty
 * register sent by mistake beside the real one is not taken), then main, master, any other; else
 * the only branch, or main, master, the first other. Undefined: the remote is empty.
 */
export function sharedBranch(root: string, remote: string): string | undefined {
  const best = registersOn(root, remote)[0];
  if (best) return best.branch;
  const r = step(['for-each-ref', '--format=%(refname)', `refs/remotes/${remote}/`], root);
  const prefix = `refs/remotes/${remote}/`;
  const names = text(r).split('\n').filter((n) => n.startsWith(prefix)).map((n) => n.slice(prefix.length)).filter((n) => n && n !== 'HEAD');
  return [...names.filter((n) => n === 'main'), ...names.filter((n) => n === 'master'), ...names.filter((n) => n !== 'main' && n !== 'master').sort()][0];
}

export function trackingRef(place: SyncPlace): string {
  return `refs/remotes/${place.remote}/${place.remoteBranch}`;
}

/** Fetches the shared branch; false when the remote could not be reached (or refused us). */
export function fetch(place: SyncPlace): { ok: true } | { ok: false; detail: string } {
  // Fetching changes nothing of ours: a Ctrl-C may stop it (a slow network) and the sync stops with nothing sent.
  const r = gitRaw(['fetch', '--quiet', '--no-tags', place.remote, `+refs/heads/${place.remoteBranch}:${trackingRef(place)}`], place.root);
  if (r.ok) return { ok: true };
  // An empty remote has no branch yet: reachable, nothing to fetch.
  if (/couldn't find remote ref/i.test(r.stderr)) {
    step(['update-ref', '-d', trackingRef(place)], place.root);
    return { ok: true };
  }
  return { ok: false, detail: firstLine(r.stderr) };
}

/** Fetches every branch of the remote (into its remote-tracking refs only; nothing of ours changes). */
export function fetchAll(place: SyncPlace): { ok: true } | { ok: false; detail: string } {
  const f = gitRaw(['fetch', '--quiet', '--no-tags', place.remote, `+refs/heads/*:refs/remotes/${place.remote}/*`], place.root);
  return f.ok ? { ok: true } : { ok: false, detail: firstLine(f.stderr) };
}

/**
 * What the remote has, as last fetched, for a copy with no commit of its own: the branch `civsam
 * sync` would take (sharedBranch) and how many changes it holds; undefined when nothing has been
 * fetched from it (or it is empty).
 */
export function unfetchedShare(place: SyncPlace): { branch: string; count: number } | undefined {
  const branch = sharedBranch(place.root, place.remote);
  return branch ? { branch, count: countRange(place.root, `refs/remotes/${place.remote}/${branch}`) } : undefined;
}

/**
 * A copy with no commit of its own (a plain `git clone` of a remote whose default branch was never
 * made, or `git init` with the remote added) takes the branch the remote has: fetched, checked out
 * and tracked. Git refuses to overwrite a file in the folder. The branch's name, `undefined` when
 * the remote is empty, or why it could not.
 */
export function takeShared(place: SyncPlace): { branch?: string } | { failed: string; offline?: boolean } {
  const f = fetchAll(place);
  if (!f.ok) return { failed: f.detail, offline: true };
  const branch = sharedBranch(place.root, place.remote);
  if (!branch) return {};
  const r = git(place, ['checkout', '--quiet', '-b', branch, '--track', `${place.remote}/${branch}`]);
  return r.ok ? { branch } : { failed: firstLine(r.stderr) };
}

export function countRange(root: string, range: string): number {
  const r = step(['rev-list', '--count', range], root);
  return r.ok ? Number(text(r)) || 0 : 0;
}

/** What git itself has left half done in the repository (a merge, rebase, cherry-pick or revert). */
export function gitOperationInProgress(place: { gitDir: string }): string | undefined {
  for (const [name, what] of [['MERGE_HEAD', 'merge'], ['rebase-merge', 'rebase'], ['rebase-apply', 'rebase'], ['CHERRY_PICK_HEAD', 'cherry-pick'], ['REVERT_HEAD', 'revert']] as const) {
    if (existsSync(join(place.gitDir, name))) return what;
  }
  return undefined;
}

/** The paths (in the repository) a merge git left half done has not merged: each holds both versions, with git's markers. */
export function unmergedPaths(root: string): string[] {
  const r = step(['diff', '--name-only', '--diff-filter=U', '-z'], root);
  return r.ok ? r.stdout.toString('utf8').split('\0').filter(Boolean).sort() : [];
}

// ---- merging without touching the working tree ----

export interface ConflictSide {
  mode: string;
  oid: string;
}

export interface Conflict {
  /** Path in the repository. */
  path: string;
  base?: ConflictSide;
  mine?: ConflictSide;
  theirs?: ConflictSide;
}

export type MergeResult = { tree: string; conflicts: Conflict[] };

/**
 * The git attributes for a sync's merge: a record file both sides changed is never merged line by
 * line. Git's text merge would take lines from both sides wherever they do not touch, and in a list
 * of entries (assessments, funding lines) that puts one side's year beside the other's amount, or
 * one assessor's score under another, without a word. Marked `-merge`, such a file is a conflict
 * for git, and civsam merges it by its data, entry by entry (domain/record-merge.ts). Vocabularies
 * (one entry a line) and other files keep git's merge. A folder's own .gitattributes still comes first.
 */
const RECORD_MERGE_ATTRIBUTES = RECORD_KINDS.map((k) => `**/${FOLDER_OF[k]}/*.yaml -merge`).join('\n') + '\n';

function recordMergeAttributes(place: SyncPlace): string {
  const file = join(place.gitDir, 'civsam-merge.attributes');
  let current: string | undefined;
  try {
    current = readFileSync(file, 'utf8');
  } catch {
    current = undefined;
  }
  if (current !== RECORD_MERGE_ATTRIBUTES) writeFileAtomic(file, RECORD_MERGE_ATTRIBUTES);
  return file;
}

/** `git merge-tree --write-tree`: the merged tree (conflicted files with markers) and the conflicts. */
export function mergeTrees(place: SyncPlace, mine: string, theirs: string): MergeResult | { failed: string } {
  const r = git(place, ['-c', `core.attributesFile=${recordMergeAttributes(place)}`, 'merge-tree', '--write-tree', '-z', '--no-messages', mine, theirs]);
  if (!r.ok && r.code !== 1) return { failed: firstLine(r.stderr) };
  const parts = r.stdout.toString('utf8').split('\0');
  const tree = parts[0].trim();
  const byPath = new Map<string, Conflict>();
  for (const entry of parts.slice(1)) {
    const m = /^(\d+) ([0-9a-f]+) ([123])\t(.*)$/s.exec(entry);
    if (!m) continue;
    const c = byPath.get(m[4]) ?? { path: m[4] };
    const side = { mode: m[1], oid: m[2] };
    if (m[3] === '1') c.base = side;
    else if (m[3] === '2') c.mine = side;
    else c.theirs = side;
    byPath.set(m[4], c);
  }
  return { tree, conflicts: [...byPath.values()] };
}

export interface Resolution {
  path: string;
  /** The file's new content, or undefined: the file is removed. */
  side?: ConflictSide;
}

/** The merged tree with each conflicted path replaced by its resolution (in a temporary index). */
export function resolveTree(place: SyncPlace, tree: string, resolutions: Resolution[]): string | undefined {
  const index = join(place.gitDir, `civsam-sync-${process.pid}.index`);
  const env = { GIT_INDEX_FILE: index };
  try {
    if (!git(place, ['read-tree', tree], { env }).ok) return undefined;
    const lines = resolutions.map((r) => (r.side ? `${r.side.mode} ${r.side.oid}\t${r.path}` : `0 ${'0'.repeat(40)}\t${r.path}`));
    if (lines.length > 0 && !git(place, ['update-index', '-z', '--index-info'], { env, input: lines.join('\0') + '\0' }).ok) return undefined;
    const w = git(place, ['write-tree'], { env });
    return w.ok ? text(w) : undefined;
  } finally {
    rmSync(index, { force: true });
  }
}

/** Stores a working-tree file as a blob (a --continue resolution), or undefined if it is gone. */
export function blobOfFile(place: SyncPlace, path: string): ConflictSide | undefined {
  const abs = join(place.root, path);
  if (!existsSync(abs)) return undefined;
  const r = git(place, ['hash-object', '-w', '--no-filters', '--', abs]);
  if (!r.ok) return undefined;
  const executable = (statSync(abs).mode & 0o100) !== 0;
  return { mode: executable ? '100755' : '100644', oid: text(r) };
}

/** Stores bytes as a blob (a record combined field by field). */
export function storeBlob(place: SyncPlace, bytes: Buffer | string): string | undefined {
  const r = git(place, ['hash-object', '-w', '--stdin', '--no-filters'], { input: bytes });
  return r.ok ? text(r) : undefined;
}

export function mergeBase(root: string, a: string, b: string): string | undefined {
  const r = step(['merge-base', a, b], root);
  return r.ok ? text(r) : undefined;
}

/** A merge commit of `parents` with `tree`; undefined (and git's reason) when git cannot make it. */
export function commitMerge(place: SyncPlace, tree: string, parents: string[], message: string): { oid: string } | { failed: string } {
  const args = ['commit-tree', tree];
  for (const p of parents) args.push('-p', p);
  const r = git(place, args, { input: message + '\n' });
  return r.ok ? { oid: text(r) } : { failed: firstLine(r.stderr) };
}

/** The authors (git's user names) of the commits after `base` on `tips` that touched `paths`. */
export function authorsOf(root: string, base: string | undefined, tips: string[], paths: string[]): string[] {
  const args = ['log', '--format=%an', ...tips];
  if (base) args.push('--not', base);
  args.push('--', ...paths);
  const r = step(args, root);
  return r.ok ? [...new Set(text(r).split('\n').filter(Boolean))].sort() : [];
}

/**
 * `rejected`: someone else pushed first (fetching and trying again helps). `refused`: the remote
 * turned the push away for good, as trying again would not change: `checked-out` when it is an
 * ordinary (non-bare) repository with the branch checked out, which git never pushes into;
 * `remote` for any other reason of its own (a hook, a protected branch).
 */
export type PushOutcome = { ok: true } | { ok: false; rejected: boolean; refused?: 'checked-out' | 'remote'; detail: string };

/** Pushes `commit` to the shared branch; `rejected` when someone else pushed first. */
export function push(place: SyncPlace, commit: string): PushOutcome {
  const r = git(place, ['push', '--quiet', '--porcelain', place.remote, `${commit}:refs/heads/${place.remoteBranch}`]);
  if (r.ok) {
    // The tracking branch follows what we sent, and the branch remembers its upstream.
    git(place, ['update-ref', trackingRef(place), commit]);
    if (!git(place, ['config', '--get', `branch.${place.branch}.remote`]).ok) {
      git(place, ['config', `branch.${place.branch}.remote`, place.remote]);
      git(place, ['config', `branch.${place.branch}.merge`, `refs/heads/${place.remoteBranch}`]);
    }
    return { ok: true };
  }
  const all = r.stderr + r.stdout.toString('utf8');
  const rejected = /\[rejected\]|non-fast-forward|fetch first|\(stale info\)/.test(all);
  // git's porcelain line for a ref the remote turned away: `!\tsrc:dst\t[remote rejected] (reason)`.
  const refused = /\(branch is currently checked out\)|refusing to update checked out branch/.test(all) ? 'checked-out' : /\[remote rejected\]/.test(all) ? 'remote' : undefined;
  return { ok: false, rejected: rejected && !refused, ...(refused ? { refused } : {}), detail: firstLine(r.stderr) };
}

// ---- bringing the folder to the result, through a journal ----

interface Journal {
  branch: string;
  from: string;
  to: string;
}

function journalPath(place: { gitDir: string }): string {
  return join(place.gitDir, 'civsam-sync-apply.json');
}

/** A small state file of civsam's own in .git, or undefined when there is none (or it is broken). */
function readState<T>(path: string): T | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

export function pendingApply(place: { gitDir: string }): Journal | undefined {
  return readState<Journal>(journalPath(place));
}

/** A state file written whole or not at all, by the one atomic writer. */
function writeSmall(path: string, content: string): void {
  writeFileAtomic(path, content, { mode: 0o600 });
}

/** Paths that differ between two commits. */
export function changedPaths(root: string, from: string, to: string): string[] {
  const r = step(['diff', '--name-only', '--no-renames', '-z', from, to], root);
  if (!r.ok) throw new Error(`git diff failed: ${firstLine(r.stderr)}`);
  return r.stdout.toString('utf8').split('\0').filter(Boolean);
}

/**
 * Moves the branch and the working tree from `from` to `to` (files, index, branch, in that
 * order). Each file is replaced atomically; the journal lets an interrupted run be finished.
 */
export function applyResult(place: SyncPlace, from: string, to: string): void {
  writeSmall(journalPath(place), JSON.stringify({ branch: place.branch, from, to } satisfies Journal));
  finishApply(place, { branch: place.branch, from, to });
}

function isLink(abs: string): boolean {
  try {
    return lstatSync(abs).isSymbolicLink();
  } catch {
    return false;
  }
}

/** A link at `abs` leading to `target`, put in place by a rename (never half there); left as it is when it already is that link. */
function placeLink(abs: string, target: string): void {
  try {
    if (lstatSync(abs).isSymbolicLink() && readlinkSync(abs) === target) return;
  } catch {
    // not there yet
  }
  const tmp = `${abs}.civsam-link-${process.pid}`;
  rmSync(tmp, { force: true });
  symlinkSync(target, tmp);
  renameSync(tmp, abs);
}

function finishApply(place: { root: string; gitDir: string }, j: Journal): void {
  const paths = changedPaths(place.root, j.from, j.to);
  const entries = new Map<string, { mode: string; oid: string }>();
  if (paths.length > 0) {
    const r = step(['ls-tree', '-z', '--full-tree', j.to, '--', ...paths], place.root);
    for (const line of r.stdout.toString('utf8').split('\0')) {
      const m = /^(\d+) blob ([0-9a-f]+)\t(.*)$/s.exec(line);
      if (m) entries.set(m[3], { mode: m[1], oid: m[2] });
    }
  }
  const contents = readBlobs(place.root, [...entries.values()].map((e) => e.oid), { ownSession: true });
  const folders = new Set<string>();
  for (const path of paths) {
    const abs = join(place.root, path);
    const entry = entries.get(path);
    // A link the result has a file in place of (or no longer has) goes as git would take it away,
    // never written or removed through (store/atomic-file.ts: the writer refuses that).
    if (isLink(abs) && entry?.mode !== '120000') unlinkSync(abs);
    const current = snapshot(abs);
    if (entry) {
      const bytes = contents.get(entry.oid);
      if (!bytes) throw new Error('git could not read a file of the result');
      // A link someone committed with git itself is put in place as a link, as git would: civsam
      // never writes a record through one, and validate names it (written as a file, it held the
      // path the link led to).
      if (entry.mode === '120000') {
        placeLink(abs, bytes.toString('utf8'));
        folders.add(join(abs, '..'));
        continue;
      }
      if (current.exists && current.bytes.equals(bytes)) continue;
      const mode = entry.mode === '100755' ? 0o750 : current.exists ? lstatSync(abs).mode & 0o777 : 0o640;
      // As every write of a record does (and as a new file here is made): no permission for others.
      const out = replaceFile(abs, bytes, current, { mode, closedToOthers: true, deferFolderSync: true });
      if (!out.ok) throw new Error('a file changed while sync wrote it');
    } else if (current.exists) {
      removeFile(abs, current, { deferFolderSync: true });
    }
    folders.add(join(abs, '..'));
  }
  for (const f of folders) syncFolder(f);
  // The index: exactly the result's entries for these paths, then fresh file stats.
  const lines = paths.map((p) => {
    const e = entries.get(p);
    return e ? `${e.mode} ${e.oid}\t${p}` : `0 ${'0'.repeat(40)}\t${p}`;
  });
  if (lines.length > 0) {
    const u = step(['update-index', '-z', '--index-info'], place.root, { input: lines.join('\0') + '\0' });
    if (!u.ok) throw new Error(`git update-index failed: ${firstLine(u.stderr)}`);
    step(['update-index', '-q', '--refresh'], place.root);
  }
  const head = revParse(place.root, `refs/heads/${j.branch}`);
  if (head === j.from) {
    const r = step(['update-ref', '-m', 'civsam sync', `refs/heads/${j.branch}`, j.to, j.from], place.root);
    if (!r.ok) throw new Error(`git update-ref failed: ${firstLine(r.stderr)}`);
  }
  unlinkSync(journalPath(place));
}

/**
 * Finishes a sync that was stopped while it wrote the folder (the journal is there). A lock git
 * left on its index when the process was killed is removed: the caller holds civsam's folder
 * lock, so no civsam process uses it. Returns whether there was anything to finish.
 */
export function recoverApply(place: { root: string; gitDir: string }): boolean {
  const j = pendingApply(place);
  if (!j) return false;
  const head = revParse(place.root, `refs/heads/${j.branch}`);
  if (head !== j.from && head !== j.to) {
    // The branch moved on since (by hand): the journal no longer describes the folder.
    unlinkSync(journalPath(place));
    return false;
  }
  const indexLock = join(place.gitDir, 'index.lock');
  if (existsSync(indexLock)) rmSync(indexLock, { force: true });
  finishApply(place, j);
  return true;
}

// ---- a sync stopped by a conflict, waiting for --continue ----

export interface Stopped {
  head: string;
  upstream: string;
  /** The conflicted paths still to decide, in the repository. */
  paths: string[];
  /** The sides chosen for some records (`sync --mine org X`) while others were still open. */
  choices?: StoppedChoice[];
}

/** A side chosen for one conflicted path, for the conflict as it was: its three versions' blobs. */
export interface StoppedChoice {
  path: string;
  side: Side;
  versions: string;
}

/** The three versions (base, yours, theirs) of a conflict, as one string: a choice holds for these only. */
export function conflictVersions(c: Conflict): string {
  return [c.base?.oid ?? '', c.mine?.oid ?? '', c.theirs?.oid ?? ''].join(' ');
}

function stoppedPath(place: { gitDir: string }): string {
  return join(place.gitDir, 'civsam-sync-stopped.json');
}

export function readStopped(place: { gitDir: string }): Stopped | undefined {
  return readState<Stopped>(stoppedPath(place));
}

export function writeStopped(place: { gitDir: string }, s: Stopped): void {
  writeSmall(stoppedPath(place), JSON.stringify(s));
}

export function clearStopped(place: { gitDir: string }): void {
  rmSync(stoppedPath(place), { force: true });
}

// ---- a colleague's choice of side that undid a change this copy had ----

/**
 * A merge commit's trailer naming the files (paths in the repository: kinds and ids, never a value)
 * whose conflict was settled by hand with `sync --continue`: the merge's result for them is the
 * version of whoever settled it, not a choice of side that discarded the other's.
 */
const SETTLED_BY_HAND = 'Civsam-Settled-By-Hand';

export function settledByHandTrailer(paths: string[]): string {
  return paths.map((p) => `${SETTLED_BY_HAND}: ${p}`).join('\n');
}

/** The files a merge's message names as settled by hand (its trailers). */
function settledByHand(message: string): Set<string> {
  return new Set([...message.matchAll(new RegExp(`^${SETTLED_BY_HAND}: (.+)$`, 'gm'))].map((m) => m[1]));
}

/** A change this copy had that a colleague's choice of side (`sync --mine`/`--theirs`) undid. */
export interface Undone {
  path: string;
  /**
   * restored: a removal undone (the record is back); removed: a change undone by removing the
   * record; replaced: a change discarded; fields: the record was combined, and which of the fields
   * both changed kept whose value is for the caller to tell from the versions; settled: the
   * colleague settled the conflict by hand (a value of their own choosing), nothing discarded whole.
   */
  how: 'restored' | 'removed' | 'replaced' | 'fields' | 'settled';
  /** The blobs of the path: at the merge base, the merger's side, this copy's side, the merge. */
  versions: { base?: string; kept?: string; lost?: string; result?: string };
  /** Who made the merge that chose (git's author name). */
  who?: string;
}

/**
 * The changes this copy had (in `head`) that the merges coming in (`head..upstream`) undid: a merge
 * whose result for a path is its own side's version, where the other side (already in `head`) had
 * changed that path too. A merge that combined both (field by field) undid nothing whole, and is
 * not named here.
 */
export function undoneByColleagues(root: string, head: string, upstream: string, isRecord: (path: string) => boolean): Undone[] {
  // The merges coming in, each with its parents, its author and its message (the files settled by
  // hand are named there), in one git call rather than one per merge and path.
  const r = step(['log', '--merges', '--format=%x01%H %P%x00%an%x00%B', `${head}..${upstream}`], root);
  if (!r.ok) return [];
  const out: Undone[] = [];
  for (const chunk of r.stdout.toString('utf8').split('\x01').slice(1)) {
    const [hashes, author, message] = chunk.split('\0');
    const [merge, own, other] = hashes.trim().split(' ');
    if (!other || !step(['merge-base', '--is-ancestor', other, head], root).ok) continue;
    const base = mergeBase(root, own, other);
    if (!base) continue;
    const theirs = new Set(changedPaths(root, base, own));
    const byHand = settledByHand(message ?? '');
    const who = author?.trim() || undefined;
    const paths = changedPaths(root, base, other).filter((p) => theirs.has(p) && isRecord(p));
    // Each path's version at the merge, on each side and at their base: one git call for all of them.
    const objects = objectNames(root, paths.flatMap((p) => [merge, own, other, base].map((c) => `${c}:${p}`)), { ownSession: true });
    for (const path of paths) {
      const [result, kept, lost, before] = [merge, own, other, base].map((c) => objects.get(`${c}:${path}`));
      if (result === lost || out.some((u) => u.path === path)) continue;
      const how = byHand.has(path) && result !== undefined ? 'settled' : result !== kept ? 'fields' : lost === undefined ? 'restored' : result === undefined ? 'removed' : 'replaced';
      if (how === 'fields' && (!result || !kept || !lost || !before)) continue;
      out.push({ path, how, who, versions: { base: before, kept, lost, result } });
    }
  }
  return out;
}
