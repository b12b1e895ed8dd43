// `civsam clone URL [DIR]`: a colleague's copy of the shared register in one command; and the
// sharing half of `civsam init --remote URL` (a new folder becomes the shared register).
import { refuseUnreadablePath } from '../domain/path-check.js';
import { chmodSync, existsSync, lstatSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CommandContext } from '../context/context.js';
import { EXIT, UserError } from '../domain/errors.js';
import { firstLine, gitRaw, startRepository, withoutCredentials } from '../store/git.js';
import { locate, push, revParse, sharedBranch } from '../store/sync.js';
import { registersOn } from '../store/git-tree.js';
import { wrapForTerminal } from '../output/table.js';
import { shellWord } from '../i18n/shell-word.js';
import { listWords } from '../i18n/index.js';

/** The folder name git would choose: the address's last part without `.git`. */
export function folderFromUrl(url: string): string {
  const last = url.replace(/[\\/]+$/, '').split(/[\\/:]/).pop() ?? '';
  return last.replace(/\.git$/, '') || 'register';
}

/** Records hold personal data: the copy is for its owner (and group), like every file civsam writes. */
function closeToOthers(dir: string): void {
  for (const name of readdirSync(dir)) {
    if (name === '.git') continue;
    const path = join(dir, name);
    const st = lstatSync(path);
    if (st.isSymbolicLink()) continue;
    chmodSync(path, st.mode & 0o770);
    if (st.isDirectory()) closeToOthers(path);
  }
}

/** Whether git knows whose changes these are (commits need a name). */
function identityKnown(dir: string): boolean {
  return gitRaw(['config', 'user.name'], dir).ok && gitRaw(['config', 'user.email'], dir).ok;
}

// What git says when a clone fails, in English whatever the reader's language: the common causes
// are told in the reader's words; anything else with git's own first line.
const CLONE_FAILURES: Array<[RegExp, 'clone.addressKind' | 'clone.notFound' | 'clone.unreachable' | 'clone.noAccess']> = [
  [/transport '[^']*' not allowed|protocol '?[^' ]*'? is not supported|unable to find remote helper/i, 'clone.addressKind'],
  [/authentication failed|permission denied|could not read (?:username|password)|returned error: 40[13]/i, 'clone.noAccess'],
  [/repository '[^']*' not found|does not appear to be a git repository|does not exist|returned error: 404/i, 'clone.notFound'],
  [/could not resolve host|connection refused|connection timed out|network is unreachable|failed to connect/i, 'clone.unreachable'],
];

function cloneFailure(stderr: string): UserError {
  const known = CLONE_FAILURES.find(([pattern]) => pattern.test(stderr));
  return known ? new UserError(known[1]) : new UserError('clone.failed', { detail: firstLine(stderr) });
}

export async function run(ctx: CommandContext, _opts: Record<string, unknown>, args: unknown[]): Promise<number> {
  const url = String(args[0]);
  const shown = typeof args[1] === 'string' ? args[1] : folderFromUrl(url);
  const target = resolve(ctx.cwd, shown);
  refuseUnreadablePath(target);
  if (existsSync(target) && (!statSync(target).isDirectory() || readdirSync(target).length > 0)) throw new UserError('clone.notEmpty', { dir: shown });
  const r = gitRaw(['clone', '--quiet', '--', url, target], ctx.cwd);
  if (!r.ok) {
    if (r.missing) throw new UserError('clone.noGit');
    throw cloneFailure(r.stderr);
  }
  // A remote whose own default branch was never made (a `git init --bare` naming master, where
  // `civsam init --remote` sent main) is cloned with nothing checked out: the register is on the
  // branch it has, whatever its name. With a register on several branches (an empty one sent by
  // mistake beside the real one), the copy follows the one with the most records, and says so.
  const registers = registersOn(target, 'origin');
  const current = revParse(target, 'HEAD') ? gitRaw(['symbolic-ref', '--quiet', '--short', 'HEAD'], target).stdout.toString('utf8').trim() || undefined : undefined;
  const branch = current === undefined ? sharedBranch(target, 'origin') : registers.length > 1 ? registers[0].branch : current;
  if (branch && branch !== current) {
    const r = gitRaw(['checkout', '--quiet', '-b', branch, '--track', `origin/${branch}`], target);
    if (!r.ok) throw new UserError('clone.failed', { detail: firstLine(r.stderr) });
    // The branch git checked out (the remote's default) is not the one the copy follows.
    if (current) gitRaw(['branch', '--quiet', '-D', current], target);
  }
  if (registers.length > 1) {
    const list = (items: string[]) => listWords(ctx.lang, items);
    const others = registers.slice(1).map((b) => ctx.t('clone.registerBranch', { branch: b.branch, count: b.records }));
    ctx.stderr.write(ctx.errColor.yellow(wrapForTerminal(ctx.t('clone.severalRegisters', { branch: registers[0].branch, count: registers[0].records, others: list(others) }), ctx)) + '\n');
  }
  closeToOthers(target);
  if (!revParse(target, 'HEAD')) {
    ctx.stderr.write(ctx.errColor.yellow(ctx.t('clone.empty', { dir: shown })) + '\n');
    return EXIT.ok;
  }
  // The data folder is the repository's top, or one folder below it (a repository with more in it).
  let data = shown;
  if (!existsSync(join(target, 'civsam.yaml'))) {
    const sub = readdirSync(target).find((n) => !n.startsWith('.') && existsSync(join(target, n, 'civsam.yaml')));
    if (!sub) {
      ctx.stderr.write(ctx.errColor.yellow(ctx.t('clone.noDataFolder', { dir: shown })) + '\n');
      return EXIT.ok;
    }
    data = join(shown, sub);
  }
  ctx.stderr.write(ctx.errColor.green(ctx.t('clone.done', { dir: data })) + '\n');
  if (!identityKnown(target)) ctx.stderr.write(ctx.errColor.yellow(ctx.t('clone.whoAreYou')) + '\n');
  ctx.stderr.write(ctx.t('clone.next', { dir: data }) + '\n');
  return EXIT.ok;
}

/** Refuses `init --remote` early, before anything is created, when the remote cannot be added. */
export function checkRemoteFree(targetParent: string): void {
  const top = gitRaw(['rev-parse', '--show-toplevel'], targetParent);
  if (!top.ok) return;
  if (gitRaw(['remote', 'get-url', 'origin'], targetParent).ok) throw new UserError('init.remoteExists');
}

/**
 * After `civsam init DIR --remote URL` wrote the folder: make it a repository if it is not in one
 * (so init's own commit records it), or, once committed, add the remote and send the first commit.
 */
export function ensureRepository(target: string): void {
  const started = startRepository(target);
  if (started !== 'ready') throw new UserError('init.gitInitFailed', { detail: started === 'no-git' ? 'git' : started.failed });
}

export function shareFolder(ctx: CommandContext, target: string, url: string, shown: string): number {
  const add = gitRaw(['remote', 'add', 'origin', url], target);
  if (!add.ok) throw new UserError('init.remoteExists');
  const place = locate(target);
  const head = revParse(target, 'HEAD');
  if ('problem' in place || !head) throw new UserError('init.notShared', { dir: shown });
  const pushed = push(place, head);
  if (!pushed.ok) {
    ctx.stderr.write(ctx.errColor.yellow(ctx.t(pushed.rejected ? 'init.remoteNotEmpty' : 'init.remoteUnreachable', { dir: shown })) + '\n');
    return EXIT.invalid;
  }
  ctx.stderr.write(ctx.errColor.green(wrapForTerminal(ctx.t('init.shared', { dir: shown, branch: place.remoteBranch, address: shellWord(withoutCredentials(url)) }), ctx)) + '\n');
  return EXIT.ok;
}

