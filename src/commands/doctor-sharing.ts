// What `civsam doctor` says about sharing the folder with the team: no remote, changes not sent,
// a merge or rebase git has left half done, a sync stopped by a conflict, and a sync interrupted
// while it wrote the folder (finished here, when doctor holds the folder's lock).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { terminalSafe } from '../i18n/terminal-text.js';
import type { CommandContext } from '../context/context.js';
import { countRange, gitOperationInProgress, unmergedPaths, locate, pendingApply, readStopped, recoverApply, revParse, trackingRef, unfetchedShare } from '../store/sync.js';
import { folderPrefix, gitRaw } from '../store/git.js';

/**
 * What doctor says about sharing; `unusable` when the folder cannot be used as it is: a merge git
 * left with files that hold both versions (git commit refuses while they are unmerged, and no
 * record in them can be read).
 */
export function reportSharing(ctx: CommandContext, realDir: string, repair: boolean, say: (text: string, paint?: (line: string) => string) => void, sayFiles: (files: string[]) => void): { unusable: boolean } {
  const c = ctx.color;
  const top = gitRaw(['rev-parse', '--show-toplevel', '--absolute-git-dir'], realDir);
  if (!top.ok) return { unusable: false };
  const [root, gitDir] = top.stdout.toString('utf8').trim().split('\n');

  if (pendingApply({ gitDir })) {
    if (repair && recoverApply({ root, gitDir })) say(ctx.t('doctor.syncFinished'), c.yellow);
    else say(ctx.t('doctor.syncInterrupted'), c.yellow);
  } else if (existsSync(join(gitDir, 'index.lock'))) {
    say(ctx.t('doctor.indexLock', { file: join(gitDir, 'index.lock') }), c.yellow);
  }
  const op = gitOperationInProgress({ gitDir });
  const unmerged = op === 'merge' ? unmergedFiles(root, realDir, ctx.dataDir) : [];
  if (unmerged.length > 0) {
    say(ctx.t('doctor.mergeConflicted', { count: unmerged.length }), c.red);
    sayFiles(unmerged);
    say(ctx.t('doctor.mergeConflictedWhatToDo'));
  } else if (op === 'merge') say(ctx.t('doctor.mergeInProgress'), c.yellow);
  else if (op === 'rebase') say(ctx.t('doctor.rebaseInProgress'), c.yellow);
  else if (op) say(ctx.t('doctor.gitOperationInProgress'), c.yellow);

  const place = locate(realDir);
  if ('problem' in place) {
    if (place.problem === 'no-remote') {
      say(ctx.t('doctor.noRemote'), c.yellow);
      // The one git command left in civsam's advice (no civsam command adds the address): on a line of its own, to copy.
      say(`  ${ctx.t('doctor.noRemoteCommand')}`);
    }
    else if (place.problem === 'detached') say(ctx.t('doctor.detached'), c.yellow);
    return { unusable: unmerged.length > 0 };
  }
  const stopped = readStopped(place);
  if (stopped) say(ctx.t('doctor.syncStopped', { count: stopped.paths.length }), c.yellow);
  // Without fetching: doctor works offline and quickly; the count is as of the last sync.
  const head = revParse(root, 'HEAD');
  if (!head) {
    // Nothing committed here yet: no branch to count against, only what was last fetched.
    const share = unfetchedShare(place);
    say(share ? ctx.t('sync.notTaken', { remote: place.remote, ...share }) : ctx.t('sync.notFetched', { remote: place.remote }), c.yellow);
    return { unusable: unmerged.length > 0 };
  }
  const upstream = revParse(root, trackingRef(place));
  const unsent = head ? countRange(root, upstream ? `${upstream}..${head}` : head) : 0;
  if (unsent > 0) say(ctx.t('doctor.unpushed', { count: unsent, remote: place.remote }), c.yellow);
  else say(ctx.t('doctor.allPushed', { remote: place.remote }), c.green);
  return { unusable: unmerged.length > 0 };
}

/** The files a merge left unmerged, as the user reaches them: in the data folder by its name as given, others by their path in the repository. */
function unmergedFiles(root: string, realDir: string, dataDir: string): string[] {
  const prefix = folderPrefix({ root }, realDir);
  return unmergedPaths(root).map((p) => terminalSafe(p.startsWith(prefix) ? join(dataDir, p.slice(prefix.length)) : p));
}
