// `civsam doctor`: looks after the data folder itself. Removes temporary files left by an
// interrupted write (they are never read as records), clears a lock left by a process that died,
// and reports what else a person should know: files others can read, uncommitted changes (its own
// saved changes it could not commit told apart from edits by hand).
import { lstatSync, readdirSync, realpathSync, statSync, unlinkSync } from 'node:fs';
import { folderOutside } from '../store/read-file.js';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import type { CommandContext } from '../context/context.js';
import { resolveDataDir } from '../context/load.js';
import { dataFolderName } from '../context/data-folder.js';
import { FOLDER_OF, RECORD_KINDS } from '../domain/kinds.js';
import { EXIT, UserError, fileSystemFailure, fileSystemMessage, type FileSystemFailure } from '../domain/errors.js';
import { acquireFolderLock, LOCK_FILE, lockState, processAlive, type FolderLock } from '../store/folder-lock.js';
import { findRepository, folderPrefix, handEditedFiles, inDataFolder, uncommitted } from '../store/git.js';
import { commitOwnChanges, ownUncommitted } from '../store/own-uncommitted.js';
import { kindOf, notRegularMessage, type NotRegular } from '../store/read-file.js';
import { TEMPORARY_NAME } from '../store/atomic-file.js';
import { terminalSafe } from '../i18n/terminal-text.js';
import { textWidth, wrapWidth } from '../output/text-width.js';
import { wrapText } from '../output/table.js';
import { errorLine } from '../output/error-line.js';

type Opts = { dryRun?: boolean; record?: boolean };

/** How many files of a finding (readable by others, not committed, unmerged) are named; the rest are counted. */
const FILES_SHOWN = 10;

function list(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}

export interface FolderHealth {
  temporary: Array<{ rel: string; pid: number }>;
  readableByOthers: string[];
  /** A data file that is not an ordinary file (a named pipe, a folder): never opened, named as validate names it. */
  notRegular: Array<{ rel: string; kind: NotRegular }>;
}

export function examine(dir: string): FolderHealth {
  const health: FolderHealth = { temporary: [], readableByOthers: [], notRegular: [] };
  const root = realpathSync(dir);
  for (const sub of ['', 'vocabularies', ...RECORD_KINDS.map((k) => FOLDER_OF[k])]) {
    // A folder that is a link out of the data folder is not looked after (nor read, nor written).
    if (sub && folderOutside(join(dir, sub), root)) continue;
    for (const name of list(join(dir, sub))) {
      const rel = sub ? `${sub}/${name}` : name;
      // The names civsam's writer makes (`.<name>.<pid>.<random>.tmp`), and only those.
      const m = TEMPORARY_NAME.exec(name);
      if (m) {
        health.temporary.push({ rel, pid: Number(m[2]) });
        continue;
      }
      if (!name.endsWith('.yaml')) continue;
      try {
        // lstat: the entry itself, never opened (a named pipe would wait for a writer). A link is
        // validate's to follow or refuse.
        const kind = kindOf(lstatSync(join(dir, rel)));
        if (kind !== 'file' && kind !== 'link') {
          health.notRegular.push({ rel, kind });
          continue;
        }
        if ((statSync(join(dir, rel)).mode & 0o004) !== 0) health.readableByOthers.push(rel);
      } catch {
        // gone meanwhile
      }
    }
  }
  return health;
}

/** Whether the folder is the user's own (where the system has no owners, as good as). */
function ownsFolder(dir: string): boolean {
  const uid = process.getuid?.();
  return uid === undefined || statSync(dir).uid === uid;
}

export async function run(ctx: CommandContext, opts: Opts): Promise<number> {
  if (opts.record && opts.dryRun) throw new UserError('doctor.recordDryRun');
  const dir = resolveDataDir(ctx);
  // Each finding wrapped at the terminal's width (piped: one line each), then coloured line by line.
  const width = wrapWidth(ctx);
  const say = (text: string, paint: (line: string) => string = (l) => l) => ctx.stdout.write((width === undefined ? [text] : wrapText(text, width)).map((l) => paint(l)).join('\n') + '\n');
  const c = ctx.color;
  // Files named one a line, so the user can see which; a long list is cut.
  const sayFiles = (files: string[]) => {
    for (const file of files.slice(0, FILES_SHOWN)) say(ctx.t('doctor.readableFile', { file }));
    if (files.length > FILES_SHOWN) say(ctx.t('doctor.readableMore', { count: files.length - FILES_SHOWN }));
  };

  // The lock: report it; a dry run leaves it, a real run takes (and so clears) an abandoned one.
  const state = lockState(dir);
  if (state.state === 'held') say(ctx.t('doctor.lockHeld', { pid: state.owner?.pid ?? '?', host: state.owner?.host === hostname() ? '-' : state.owner?.host ?? '?' }), c.yellow);
  else if (state.state === 'abandoned') say(ctx.t(opts.dryRun ? 'doctor.lockAbandoned' : 'doctor.lockCleared', { pid: state.owner?.pid ?? '?' }), c.yellow);
  else if (state.state === 'foreign') say(ctx.t('doctor.lockNotAFile', { path: terminalSafe(join(ctx.dataDir, LOCK_FILE)), what: notRegularMessage(state.kind) }), c.yellow);

  // A folder the system will not let us change (read-only, no permission) is still examined and
  // reported on; what stopped the cleaning is said at the end, and the exit code says it too.
  let refused: FileSystemFailure | undefined;
  let lock: FolderLock | undefined;
  let unusable = false;
  let notRecorded = 0;
  let notOrdinary = false;
  if (!opts.dryRun && state.state !== 'held' && state.state !== 'foreign') {
    try {
      lock = acquireFolderLock(dir, { onTakeover: () => {} });
    } catch (e) {
      refused = fileSystemFailure(e);
      if (!refused) throw e;
      // Said first, so what follows is read as a look at the folder, not as a clean bill of health.
      say(ctx.t('doctor.lookOnly'), c.yellow);
    }
  }
  try {
    // A change stopped while its files went in place is finished first: its temporary files are its new files.
    if (lock) (await import('../register/apply-change.js')).finishLeftChange(ctx, dir);
    const health = examine(dir);
    let removed = 0;
    for (const t of health.temporary) {
      const inUse = t.pid !== process.pid && processAlive(t.pid) && state.state === 'held';
      if (opts.dryRun || inUse || !lock) {
        say(ctx.t('doctor.tempFound', { file: join(ctx.dataDir, t.rel) }));
        continue;
      }
      try {
        unlinkSync(join(dir, t.rel));
        removed++;
        say(ctx.t('doctor.tempRemoved', { file: join(ctx.dataDir, t.rel) }));
      } catch {
        say(ctx.t('doctor.tempFound', { file: join(ctx.dataDir, t.rel) }));
      }
    }
    if (health.temporary.length === 0) say(ctx.t('doctor.noTemp'), c.green);
    else if (opts.dryRun || !lock) say(ctx.t('doctor.tempLeft', { count: health.temporary.length - removed }));

    // A data file that is a named pipe or a folder: named with what to do, as validate says it; the folder is not usable as it is.
    for (const f of health.notRegular) {
      say(`${terminalSafe(join(ctx.dataDir, f.rel))}: ${ctx.t(f.rel === 'civsam.yaml' ? 'problem.settingsNotRegular' : 'problem.fileNotRegular', { what: notRegularMessage(f.kind) })}`, c.red);
      notOrdinary = true;
    }
    if (health.readableByOthers.length > 0) {
      // chmod is the owner's to run, on a folder that can be changed: a case worker on a shared
      // drive can do neither, and is told whom to ask, about which folder.
      const own = refused === undefined && ownsFolder(dir);
      say(own ? ctx.t('doctor.readableByOthers', { count: health.readableByOthers.length, dir: ctx.dataDir }) : ctx.t('doctor.readableByOthersShared', { count: health.readableByOthers.length, dir: dataFolderName(ctx) }), c.yellow);
      // Named, so the user can see which files (and fix one without chmod -R); a long list is cut.
      sayFiles(health.readableByOthers);
    } else {
      say(ctx.t('doctor.permissionsOk'), c.green);
    }

    const repo = findRepository(dir);
    if (repo) {
      unusable = (await import('./doctor-sharing.js')).reportSharing(ctx, realpathSync(dir), lock !== undefined, say, sayFiles).unusable;
      const recording = opts.record === true && !unusable && lock !== undefined;
      // A change civsam saved and could not commit (a hook refused, the disk was full) is its own
      // work, not an edit by hand: committed as the change it was, with its own message, as the next
      // change would (only by a doctor that holds the folder), and otherwise named as such.
      const place = { root: repo.root, prefix: folderPrefix(repo, realpathSync(dir)) };
      let saved = ownUncommitted(repo.root, uncommitted(repo, dir), { forget: lock !== undefined });
      if (recording && saved.length > 0) {
        saved = commitOwnChanges(repo, saved, (hash, change) => say(ctx.t('git.earlierOwnCommitted', { message: change.message.split('\n')[0] }), c.green));
        notRecorded += saved.length;
      }
      const savedFiles = new Set(saved.flatMap((change) => change.files.map((f) => inDataFolder(place, f.path) ?? f.path)));
      // A data file that is not an ordinary file was named above, to be replaced, not recorded: not
      // listed again as a change to record (doctor --record would only refuse it).
      const leftOut = new Set([...savedFiles, ...health.notRegular.map((f) => f.rel)]);
      if (saved.length > 0) {
        say(ctx.t('doctor.ownUncommitted', { count: saved.length }), c.yellow);
        for (const change of saved) say(ctx.t('doctor.ownChange', { message: change.message.split('\n')[0], files: change.files.map((f) => terminalSafe(join(ctx.dataDir, inDataFolder(place, f.path) ?? f.path))).join(', ') }));
        say(ctx.t(recording ? 'doctor.ownStillUncommitted' : 'doctor.ownWhatToDo', { count: saved.length }));
      }
      // Recorded only in a folder doctor holds and can use: never in the middle of git's merge. The
      // recording (which validates the folder) is loaded only when asked for.
      if (recording) notRecorded += (await import('./doctor-record.js')).recordHandEdits(ctx, repo, dir, say, leftOut);
      else if (opts.record) say(ctx.t('doctor.recordNotNow'), c.yellow);
      const changed = handEditedFiles(repo, dir);
      const dirty = changed.filter((rel) => !leftOut.has(rel));
      if (dirty.length > 0) {
        say(ctx.t('doctor.uncommitted', { count: dirty.length }), c.yellow);
        sayFiles(dirty.map((rel) => terminalSafe(join(ctx.dataDir, rel))));
        if (!opts.record) say(ctx.t('doctor.uncommittedWhatToDo'));
      } else if (saved.length === 0 && changed.length === 0) say(ctx.t('doctor.committed'), c.green);
    } else {
      say(ctx.t('doctor.noGit'));
    }
  } finally {
    lock?.release();
  }
  if (refused) {
    const m = fileSystemMessage(refused, ctx.cwd, terminalSafe);
    ctx.stderr.write(errorLine(ctx.lang, (s) => ctx.errColor.red(s), m, textWidth({ stdout: ctx.stderr, env: ctx.env })));
    return EXIT.invalid;
  }
  if (unusable || notOrdinary || notRecorded > 0) return EXIT.invalid;
  return state.state === 'foreign' ? EXIT.findings : EXIT.ok;
}
