// What `civsam doctor` says about sharing the folder with the team: no remote, changes not sent,
// a merge or rebase git has left half done, a sync stopped by a conflict, and a sync interrupted
// while it wrote the folder (finished here, when doctor holds the folder's lock).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { CommandContext } from '../context/context.js';
import { countRange, gitOperationInProgress, locate, pendingApply, readStopped, recoverApply, revParse, trackingRef } from '../store/sync.js';
import { gitRaw } from '../store/git.js';

export function reportSharing(ctx: CommandContext, realDir: string, repair: boolean, say: (text: string) => void): void {
  const c = ctx.color;
  const top = gitRaw(['rev-parse', '--show-toplevel', '--absolute-git-dir'], realDir);
  if (!top.ok) return;
  const [root, gitDir] = top.stdout.toString('utf8').trim().split('\n');

  if (pendingApply({ gitDir })) {
    if (repair && recoverApply({ root, gitDir })) say(c.yellow(ctx.t('doctor.syncFinished')));
    else say(c.yellow(ctx.t('doctor.syncInterrupted')));
  } else if (existsSync(join(gitDir, 'index.lock'))) {
    say(c.yellow(ctx.t('doctor.indexLock', { file: join(gitDir, 'index.lock') })));
  }
  const op = gitOperationInProgress({ gitDir });
  if (op === 'merge') say(c.yellow(ctx.t('doctor.mergeInProgress')));
  else if (op === 'rebase') say(c.yellow(ctx.t('doctor.rebaseInProgress')));
  else if (op) say(c.yellow(ctx.t('doctor.gitOperationInProgress')));

  const place = locate(realDir);
  if ('problem' in place) {
    if (place.problem === 'no-remote') say(c.yellow(ctx.t('doctor.noRemote')));
    else if (place.problem === 'detached') say(c.yellow(ctx.t('doctor.detached')));
    return;
  }
  const stopped = readStopped(place);
  if (stopped) say(c.yellow(ctx.t('doctor.syncStopped', { count: stopped.paths.length })));
  // Without fetching: doctor works offline and quickly; the count is as of the last sync.
  const head = revParse(root, 'HEAD');
  const upstream = revParse(root, trackingRef(place));
  const unsent = head ? countRange(root, upstream ? `${upstream}..${head}` : head) : 0;
  say(unsent > 0 ? c.yellow(ctx.t('doctor.unpushed', { count: unsent, remote: place.remote })) : c.green(ctx.t('doctor.allPushed', { remote: place.remote })));
}
