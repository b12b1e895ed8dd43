// What `civsam doctor` says about sharing the folder with the team: no remote, changes not sent,
// a merge or rebase git has left half done, a sync stopped by a conflict, and a sync interrupted
// while it wrote the folder (finished here, when doctor holds the folder's lock).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { CommandContext } from '../context/context.js';
import { countRange, gitOperationInProgress, locate, pendingApply, readStopped, recoverApply, revParse, trackingRef, unfetchedShare } from '../store/sync.js';
import { gitRaw } from '../store/git.js';

export function reportSharing(ctx: CommandContext, realDir: string, repair: boolean, say: (text: string, paint?: (line: string) => string) => void): void {
  const c = ctx.color;
  const top = gitRaw(['rev-parse', '--show-toplevel', '--absolute-git-dir'], realDir);
  if (!top.ok) return;
  const [root, gitDir] = top.stdout.toString('utf8').trim().split('\n');

  if (pendingApply({ gitDir })) {
    if (repair && recoverApply({ root, gitDir })) say(ctx.t('doctor.syncFinished'), c.yellow);
    else say(ctx.t('doctor.syncInterrupted'), c.yellow);
  } else if (existsSync(join(gitDir, 'index.lock'))) {
    say(ctx.t('doctor.indexLock', { file: join(gitDir, 'index.lock') }), c.yellow);
  }
  const op = gitOperationInProgress({ gitDir });
  if (op === 'merge') say(ctx.t('doctor.mergeInProgress'), c.yellow);
  else if (op === 'rebase') say(ctx.t('doctor.rebaseInProgress'), c.yellow);
  else if (op) say(ctx.t('doctor.gitOperationInProgress'), c.yellow);

  const place = locate(realDir);
  if ('problem' in place) {
    if (place.problem === 'no-remote') say(ctx.t('doctor.noRemote'), c.yellow);
    else if (place.problem === 'detached') say(ctx.t('doctor.detached'), c.yellow);
    return;
  }
  const stopped = readStopped(place);
  if (stopped) say(ctx.t('doctor.syncStopped', { count: stopped.paths.length }), c.yellow);
  // Without fetching: doctor works offline and quickly; the count is as of the last sync.
  const head = revParse(root, 'HEAD');
  if (!head) {
    // Nothing committed here yet: no branch to count against, only what was last fetched.
    const share = unfetchedShare(place);
    say(share ? ctx.t('sync.notTaken', { remote: place.remote, ...share }) : ctx.t('sync.notFetched', { remote: place.remote }), c.yellow);
    return;
  }
  const upstream = revParse(root, trackingRef(place));
  const unsent = head ? countRange(root, upstream ? `${upstream}..${head}` : head) : 0;
  if (unsent > 0) say(ctx.t('doctor.unpushed', { count: unsent, remote: place.remote }), c.yellow);
  else say(ctx.t('doctor.allPushed', { remote: place.remote }), c.green);
}
