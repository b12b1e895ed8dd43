// The one module that talks to git. Each change to records becomes one commit of exactly the
// files civsam wrote, with a message built only from kinds, ids, field names and statuses (never
// a field's value: records hold personal data). Other uncommitted work in the tree is left alone
// and reported, never swept into civsam's commit.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';

export interface GitRun {
  /** `input`: git's standard input (else it has none); `env`: added to git's environment. */
  (args: string[], cwd: string, input?: string, env?: Record<string, string>): { ok: true; stdout: string } | { ok: false; missing: boolean; stderr: string };
}

// The commit of a change runs in a session of its own (`detached`): a Ctrl-C at the terminal goes to
// every process of the foreground group, and a git killed by it left the change written but not
// committed (exit 0, and civsam refused to commit it later as someone else's work). Out of the
// terminal's reach, git finishes; civsam hears the Ctrl-C itself, after, and stops as it promises.
// (Node's synchronous spawns take `detached` as spawn does; their types leave it out.)
const OWN_SESSION: object = { detached: true };

/**
 * Whether a git run out of the terminal's reach was killed by a stop request all the same, and is
 * to be run again. A git takes up its own session just after it is started, before it runs: a
 * Ctrl-C to the terminal's process group in that moment still reaches it, and kills it then, before
 * it has done anything (the change was left written but not committed, and said to be committed).
 * Run again, a few times at most, it finishes.
 */
function killedByStop(signal: NodeJS.Signals | null | undefined, attempt: number): boolean {
  return (signal === 'SIGINT' || signal === 'SIGTERM') && attempt < GIT_ATTEMPTS;
}
const GIT_ATTEMPTS = 5;

// The commits of changes run out of the terminal's reach (see OWN_SESSION), through gitRaw below.
const runGit: GitRun = (args, cwd, input, env) => {
  const r = gitRaw(args, cwd, { input, ownSession: true, ...(env ? { env } : {}) });
  return r.ok ? { ok: true, stdout: r.stdout.toString('utf8') } : { ok: false, missing: r.missing, stderr: r.stderr };
};

export interface GitOptions {
  /** Bytes for git's standard input. */
  input?: string | Buffer;
  /** Extra environment (a temporary index, a commit's author). */
  env?: Record<string, string>;
  /** Out of the terminal's reach (see OWN_SESSION): a Ctrl-C does not kill git half-way; the caller hears it after. */
  ownSession?: boolean;
}

export type GitResult = { ok: true; stdout: Buffer; code: 0 } | { ok: false; missing: boolean; stdout: Buffer; stderr: string; code: number };

/** Runs git with raw output and standard input: the plumbing that sync, history and clone use. */
export function gitRaw(args: string[], cwd: string, opts: GitOptions = {}): GitResult {
  const run = () => spawnSync('git', args, {
    ...(opts.ownSession ? OWN_SESSION : {}), cwd, input: opts.input, stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C', ...opts.env },
    maxBuffer: 256 * 1024 * 1024,
  });
  let r = run();
  for (let attempt = 1; opts.ownSession && killedByStop(r.signal, attempt); attempt++) r = run();
  const stdout = r.stdout ?? Buffer.alloc(0);
  if (r.error || r.status !== 0) {
    const missing = (r.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
    return { ok: false, missing, stdout, stderr: String(r.stderr ?? ''), code: r.status ?? -1 };
  }
  return { ok: true, stdout, code: 0 };
}

export interface Repository {
  root: string;
}

/**
 * Makes `dir` a repository of its own on branch main, where it is in none: `ready` when it is in
 * one now, `no-git` when git is not installed, else git's first line of why not.
 */
export function startRepository(dir: string): 'ready' | 'no-git' | { failed: string } {
  if (gitRaw(['rev-parse', '--show-toplevel'], dir).ok) return 'ready';
  // Out of the terminal's reach, as a commit is: a Ctrl-C does not leave a history half made.
  const r = gitRaw(['init', '--quiet', '--initial-branch=main', dir], dir, { ownSession: true });
  if (r.ok) return 'ready';
  return r.missing ? 'no-git' : { failed: firstLine(r.stderr) };
}

/** The repository the folder is in, if any (and if git is installed). */
export function findRepository(dir: string, git: GitRun = runGit): Repository | undefined {
  const r = git(['rev-parse', '--show-toplevel'], dir);
  if (!r.ok) return undefined;
  const root = r.stdout.trim();
  return root ? { root } : undefined;
}

/** A path (absolute, links resolved as git resolves them) as git names it: relative to the repository's top folder, with forward slashes; '' for the top folder itself. */
export function toRepoPath(repo: Repository, path: string): string {
  return relative(repo.root, path).split(sep).join('/');
}

/** Where the data folder lies in its repository: the repository's root and the folder's path in it ('' at the top, else 'data/', with the slash). */
export interface FolderInRepository {
  root: string;
  prefix: string;
}

/** The data folder's path in the repository (`realDir`: its real path), as FolderInRepository.prefix has it. */
export function folderPrefix(repo: Repository, realDir: string): string {
  const rel = toRepoPath(repo, realDir);
  return rel ? `${rel}/` : '';
}

/** A file of the data folder (relative to it, `organisations/x.yaml`) as git names it in the repository. */
export function inRepository(place: FolderInRepository, rel: string): string {
  return `${place.prefix}${rel}`;
}

/** A file git names in the repository, relative to the data folder; undefined for one outside the folder. */
export function inDataFolder(place: FolderInRepository, path: string): string | undefined {
  return path.startsWith(place.prefix) ? path.slice(place.prefix.length) : undefined;
}

/** The files of the data folder `dir` changed by hand (not committed), relative to it: not civsam's own hidden files. */
export function handEditedFiles(repo: Repository, dir: string): string[] {
  const place = { root: repo.root, prefix: folderPrefix(repo, realpathSync(dir)) };
  return uncommitted(repo, dir).filter((p) => !/(^|\/)\.[^/]*$/.test(p)).map((p) => inDataFolder(place, p) ?? p);
}

/**
 * Paths (relative to the repository) with uncommitted changes, within `under` when given;
 * `untracked: false` leaves out files git has never been told of.
 */
export function uncommitted(repo: Repository, under?: string, { untracked = true }: { untracked?: boolean } = {}, git: GitRun = runGit): string[] {
  return uncommittedFiles(repo, under, { untracked }, git).map((f) => f.path);
}

/** An uncommitted file (a path in the repository), and whether git has never been told of it (`??`). */
export interface UncommittedFile {
  path: string;
  untracked: boolean;
}

/** As uncommitted, each file with whether git tracks it: one `git status` tells both. */
export function uncommittedFiles(repo: Repository, under?: string, { untracked = true }: { untracked?: boolean } = {}, git: GitRun = runGit): UncommittedFile[] {
  const args = ['status', '--porcelain=v1', '-z', `--untracked-files=${untracked ? 'all' : 'no'}`];
  if (under !== undefined) args.push('--', toRepoPath(repo, under) || '.');
  const r = git(args, repo.root);
  if (!r.ok) return [];
  const out: UncommittedFile[] = [];
  const parts = r.stdout.split('\0');
  for (let i = 0; i < parts.length; i++) {
    const entry = parts[i];
    if (entry.length < 4) continue;
    out.push({ path: entry.slice(3), untracked: entry.startsWith('??') });
    if (entry[0] === 'R' || entry[0] === 'C') i++; // a rename names its source next
  }
  return out;
}

/**
 * Whether git knows whom a commit is by (user.name and user.email, or what it can work out): where
 * it does not, every commit fails, so a change is refused before it is written rather than saved
 * outside the history (which civsam then would not commit later, as work that is not its own).
 */
export function identityKnown(repo: Repository, git: GitRun = runGit): boolean {
  return git(['var', 'GIT_AUTHOR_IDENT'], repo.root).ok && git(['var', 'GIT_COMMITTER_IDENT'], repo.root).ok;
}

export type CommitResult =
  | { committed: true; hash: string }
  /**
   * `full`: git could not write for want of space (a full disk, a used-up quota): said as such.
   * `hook`: the git hook that refused the commit (pre-commit, commit-msg …), by its name.
   */
  | { committed: false; reason: 'failed'; detail: string; full?: 'ENOSPC' | 'EDQUOT'; staged?: true; hook?: string };

/** Whether git (or writing the message for it) failed for want of space, in the system's words as git gives them. */
function wantOfSpace(text: string): 'ENOSPC' | 'EDQUOT' | undefined {
  if (/no space left on device|out of diskspace|\bENOSPC\b/i.test(text)) return 'ENOSPC';
  if (/disk quota exceeded|\bEDQUOT\b/i.test(text)) return 'EDQUOT';
  return undefined;
}

/** A failed commit, with its first line and whether it failed for want of space. */
function failed(detail: string, whole = detail): CommitResult {
  const full = wantOfSpace(whole);
  return { committed: false, reason: 'failed', detail, ...(full ? { full } : {}) };
}

/**
 * Commits exactly `paths` (absolute; written, created or removed) with `message`, leaving anything
 * else that is staged or changed out of the commit.
 *
 * The paths go to git on its standard input and the message in a file, never as arguments: an
 * import of some thousands of records has a message of one line each, and the system refuses an
 * argument over 128 KiB (and all of them together over a few MiB), so git would never start and
 * the import would be saved outside the history.
 */
export function commitPaths(repo: Repository, paths: string[], message: string, git: GitRun = runGit, opts: { authorDate?: string } = {}): CommitResult {
  // The repository's top folder itself is '.' to git (an empty path is not a pathspec).
  const rel = paths.map((p) => toRepoPath(repo, p) || '.');
  const list = rel.map((p) => `${p}\0`).join('');
  const fromInput = ['--pathspec-from-file=-', '--pathspec-file-nul'];
  const add = git(['add', '--all', ...fromInput], repo.root, list);
  if (!add.ok) return failed(firstLine(add.stderr), add.stderr);
  // A commit that fails for want of space after the add takes the paths out of the index again, as
  // they were (nothing of theirs was staged, or civsam would not commit them): the change is then
  // saved and not staged, as the message says, which gives the command that adds and commits it;
  // nor does a later `git commit` of the user's own take it in unseen. Where even that cannot be
  // written, the result says the paths are staged, and the message gives the command from there.
  // (A commit a hook refuses stays staged: its message says to run git commit to see why.)
  const unstaged = (result: CommitResult): CommitResult => {
    if (result.committed || !result.full) return result;
    return git(['reset', '--quiet', ...fromInput], repo.root, list).ok ? result : { ...result, staged: true };
  };
  // The message holds kinds, ids and field names only (see the top of this file); a file of the
  // user's own, removed at once.
  let folder: string;
  try {
    folder = mkdtempSync(join(tmpdir(), 'civsam-commit-'));
  } catch (e) {
    return unstaged(failed((e as NodeJS.ErrnoException).code ?? 'EIO'));
  }
  try {
    const file = join(folder, 'message');
    try {
      writeFileSync(file, message, { mode: 0o600 });
    } catch (e) {
      return unstaged(failed((e as NodeJS.ErrnoException).code ?? 'EIO'));
    }
    // With paths, `git commit` takes only those paths (`--only`), whatever else is in the index.
    // git's own account of what it ran (trace2, into the same private folder) names a hook that refused.
    const trace = join(folder, 'trace');
    // `authorDate`: a change committed after it was saved (own-uncommitted.ts) is dated when it was made.
    const commit = git(['commit', '--quiet', '--only', '--file', file, ...fromInput], repo.root, list, { GIT_TRACE2_EVENT: trace, ...(opts.authorDate ? { GIT_AUTHOR_DATE: opts.authorDate } : {}) });
    if (!commit.ok) {
      const hook = refusingHook(trace);
      return unstaged({ ...failed(firstLine(commit.stderr), commit.stderr), ...(hook ? { hook } : {}) });
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  const head = git(['rev-parse', '--short', 'HEAD'], repo.root);
  return { committed: true, hash: head.ok ? head.stdout.trim() : '' };
}

/**
 * The hook that failed in a git run traced to `file` (GIT_TRACE2_EVENT): a hook git itself started
 * (not one run by a git the hook started in turn) that exited with other than 0. Undefined when
 * none did, or the trace cannot be read.
 */
function refusingHook(file: string): string | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  let sid: string | undefined;
  const hooks = new Map<number, string>();
  for (const line of text.split('\n')) {
    let event: { event?: unknown; sid?: unknown; child_id?: unknown; child_class?: unknown; hook_name?: unknown; code?: unknown };
    try {
      event = JSON.parse(line) as typeof event;
    } catch {
      continue;
    }
    sid ??= typeof event.sid === 'string' ? event.sid : undefined;
    if (event.sid !== sid || typeof event.child_id !== 'number') continue;
    // A hook's name is git's own (pre-commit); anything else is not said.
    if (event.event === 'child_start' && event.child_class === 'hook' && typeof event.hook_name === 'string' && /^[a-z][a-z-]*$/.test(event.hook_name)) hooks.set(event.child_id, event.hook_name);
    if (event.event === 'child_exit' && event.code !== 0 && hooks.has(event.child_id)) return hooks.get(event.child_id);
  }
  return undefined;
}

/** An address without a user name or token written into it (https://user:token@host/… → https://host/…). */
export function withoutCredentials(s: string): string {
  return s.replace(/([a-z][a-z0-9+.-]*:\/\/)[^/@\s]+@/gi, '$1');
}

/**
 * git's first line of complaint, for a message: a user name or token written into a remote's
 * address (https://user:token@host/…) is left out, and no control character reaches the terminal.
 */
export function firstLine(s: string): string {
  const line = s.split('\n').map((l) => l.trim()).find((l) => l && !l.startsWith('hint:')) ?? '';
  return withoutCredentials(line).replace(/[\u0000-\u001f\u007f-\u009f]/g, '\uFFFD');
}

/** Where the data folder `dir` lies in its git repository: the repository's root and the folder's path in it ('' or 'data/'); undefined outside one. */
export function folderInRepository(dir: string): FolderInRepository | undefined {
  const top = gitRaw(['rev-parse', '--show-toplevel'], dir);
  if (!top.ok) return undefined;
  const root = realpathSync(top.stdout.toString('utf8').trim());
  return { root, prefix: folderPrefix({ root }, realpathSync(dir)) };
}
