// `civsam init [DIR] [--sample]`: a new data folder, ready to register in: settings, the model, the
// vocabularies (patient groups, the region's 19 municipalities, offer types), empty record folders
// and a copy of the schemas in DIR/schemas/ so editors find them; or the bundled sample data.
// The folder is built beside its destination and renamed into place, so a failed init leaves nothing.
// A Ctrl-C while it is built stops between two files and removes it; a build folder left by an init
// that was killed outright is removed by the next init beside it.
import { wrapForTerminal } from '../output/table.js';
import { refuseUnreadablePath } from '../domain/path-check.js';
import { chmodSync, closeSync, copyFileSync, existsSync, fsyncSync, lstatSync, mkdtempSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CommandContext } from '../context/context.js';
import { dataFolderName, holdsSettings } from '../context/data-folder.js';
import { DEFAULT_POLICY, FOLDER_OF, RECORD_KINDS } from '../domain/kinds.js';
import { EXIT, FileSystemError, UserError } from '../domain/errors.js';
import type { MessageKey } from '../i18n/index.js';
import { commitPaths, findRepository, startRepository } from '../store/git.js';
import { unfetchedRegister } from '../store/git-tree.js';
import { syncFolder } from '../store/atomic-file.js';
import { makeFolders } from '../store/paths.js';
import { processAlive } from '../store/folder-lock.js';
import { heardYet, listenForStop, stopCheck } from '../store/stop-request.js';

type Opts = { sample?: boolean; commit?: boolean; remote?: string; history?: boolean };

const PACKAGE = fileURLToPath(new URL('../../', import.meta.url));
const BUNDLED_DATA = join(PACKAGE, 'data');
const BUNDLED_SCHEMAS = join(PACKAGE, 'schemas');
const SCHEMA_LINE = /^(# yaml-language-server: \$schema=)(\S+)/;

function writeNew(path: string, content: string | Buffer): void {
  makeFolders(dirname(path), 0o750);
  const fd = openSync(path, 'wx', 0o640);
  try {
    writeSync(fd, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** A YAML file's text with its schema line pointing at DIR/schemas/ from where the file now sits. */
function repointSchema(text: string, fileRel: string): string {
  return text.replace(SCHEMA_LINE, (_, prefix: string, path: string) => {
    const target = join('schemas', basename(path));
    return prefix + relative(dirname(fileRel), target).split(sep).join('/');
  });
}

/** The folder an init builds in, beside its destination: `.civsam-init-<pid>-<six random characters>`. */
const BUILD_PREFIX = '.civsam-init-';
/** An init's build folder; the pid is missing from those of earlier versions. */
const BUILD_NAME = /^\.civsam-init-(?:(\d+)-)?[A-Za-z0-9]{6}$/;
/** No init takes this long: a build folder this old is left over, whatever its pid. */
const BUILD_ABANDONED_MS = 60 * 60 * 1000;

/**
 * Removes the build folders of inits that were killed outright in `parent` (kill -9, a power
 * cut): those named as civsam names them, of a process that is gone (or, without a pid, over an
 * hour old). A real folder only, never through a link.
 */
function removeAbandonedBuilds(parent: string): void {
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return;
  }
  for (const name of names) {
    const m = BUILD_NAME.exec(name);
    if (!m) continue;
    const path = join(parent, name);
    try {
      const st = lstatSync(path);
      if (!st.isDirectory()) continue;
      const pid = m[1] === undefined ? undefined : Number(m[1]);
      const gone = pid !== undefined ? pid !== process.pid && !processAlive(pid) : false;
      if (gone || Date.now() - st.mtimeMs > BUILD_ABANDONED_MS) rmSync(path, { recursive: true, force: true });
    } catch {
      // gone meanwhile, or not ours to remove: the init goes on beside it
    }
  }
}

/** Said when the user asked to stop; the caller removes what was built. */
class Stopped extends Error {}

async function copyTree(from: string, to: string, stopRequested: () => Promise<boolean>, rel = ''): Promise<number> {
  let count = 0;
  for (const name of readdirSync(join(from, rel)).sort()) {
    if (name.startsWith('.')) continue; // never a lock, temporary file or editor backup
    const r = rel ? `${rel}/${name}` : name;
    const st = statSync(join(from, r));
    if (st.isDirectory()) {
      makeFolders(join(to, r), 0o750);
      count += await copyTree(from, to, stopRequested, r);
    } else if (st.isFile()) {
      if (await stopRequested()) throw new Stopped();
      const bytes = readFileSync(join(from, r));
      writeNew(join(to, r), name.endsWith('.yaml') ? repointSchema(bytes.toString('utf8'), r) : bytes);
      count++;
    }
  }
  return count;
}

function settingsText(ctx: CommandContext): string {
  const lines = [
    '# yaml-language-server: $schema=schemas/civsam.schema.json',
    `# ${ctx.t('init.settingsComment')}`,
    'region:',
    '  name: Region Midtjylland',
    '  website: https://www.rm.dk',
    `language: ${ctx.lang}`,
    'policy:',
  ];
  for (const [key, value] of Object.entries(DEFAULT_POLICY)) {
    lines.push(`  # ${ctx.t(`init.policy.${key}` as MessageKey)}`);
    lines.push(`  ${key}: ${value}`);
  }
  return lines.join('\n') + '\n';
}

function isEmptyFolder(dir: string): boolean {
  return readdirSync(dir).every((n) => n === '.git');
}

export async function run(ctx: CommandContext, opts: Opts, args: unknown[]): Promise<number> {
  const shown = typeof args[0] === 'string' ? args[0] : ctx.dataDir;
  const target = resolve(ctx.cwd, shown);
  refuseUnreadablePath(target);
  let exists = false;
  try {
    exists = statSync(target).isDirectory();
    if (!exists) throw new UserError('init.notAFolder', { dir: shown });
  } catch (e) {
    if (e instanceof UserError) throw e;
  }
  // A data folder already (the one the user stands in, found upward when no folder was named), or a
  // folder inside one: a new data folder there would be read by the outer one as a stray folder.
  for (let dir = target; ; dir = dirname(dir)) {
    if (holdsSettings(dir)) {
      const place = relative(ctx.cwd, dir) || '.';
      // The example is a folder beside the data folder, as seen from where the user stands.
      const beside = relative(ctx.cwd, join(dirname(dir), ctx.lang === 'da' ? 'nyt-register' : 'new-register'));
      throw new UserError(dir === target ? 'init.alreadyDataFolder' : 'init.insideDataFolder', { dir: shown, folder: dataFolderName({ dataDir: place, cwd: ctx.cwd }), example: `civsam init ${beside}` });
    }
    if (dirname(dir) === dir) break;
  }
  if (exists && !isEmptyFolder(target)) throw new UserError('init.notEmpty', { dir: shown });
  if (resolve(target) === resolve(BUNDLED_DATA)) throw new UserError('init.notEmpty', { dir: shown });
  // A plain `git clone` of the shared register, not yet taken: a new register here would be sent as
  // an empty one beside (or instead of) the team's.
  const copy = unfetchedRegister(exists ? target : dirname(target));
  if (copy) throw new UserError('init.inSharedCopy', { dir: dataFolderName({ dataDir: shown, cwd: ctx.cwd }), remote: copy.remote, branch: copy.branch });
  // --remote: the new folder becomes the team's shared register (see clone.ts).
  const sharing = opts.remote !== undefined ? await import('./clone.js') : undefined;
  if (sharing && opts.commit === false) throw new UserError('init.remoteNeedsCommit');
  if (sharing) sharing.checkRemoteFree(existsSync(target) ? target : dirname(target));

  makeFolders(dirname(target), 0o750);
  removeAbandonedBuilds(dirname(target));
  let build: string;
  try {
    build = mkdtempSync(join(dirname(target), `${BUILD_PREFIX}${process.pid}-`));
  } catch (e) {
    // The folder is built under a temporary name nobody knows: the failure is the target's.
    throw FileSystemError.at(e, target, 'mkdir');
  }
  chmodSync(build, 0o750);
  let files = 0;
  // Each file is flushed as it is written, so building takes a while: a Ctrl-C is heard between two.
  const stop = listenForStop();
  const stopRequested = stopCheck(stop, 0);
  try {
    if (opts.sample) {
      files += await copyTree(BUNDLED_DATA, build, stopRequested);
    } else {
      writeNew(join(build, 'civsam.yaml'), settingsText(ctx));
      writeNew(join(build, 'model.yaml'), repointSchema(readFileSync(join(BUNDLED_DATA, 'model.yaml'), 'utf8'), 'model.yaml'));
      files += 2;
      for (const v of readdirSync(join(BUNDLED_DATA, 'vocabularies')).filter((n) => n.endsWith('.yaml'))) {
        writeNew(join(build, 'vocabularies', v), repointSchema(readFileSync(join(BUNDLED_DATA, 'vocabularies', v), 'utf8'), `vocabularies/${v}`));
        files++;
      }
      // Git keeps no empty folders: a hidden placeholder keeps each (the loader skips hidden names).
      for (const kind of RECORD_KINDS) writeNew(join(build, FOLDER_OF[kind], '.gitkeep'), '');
    }
    writeNew(join(build, '.gitignore'), '# civsam: the folder lock and temporary files of interrupted writes\n.civsam.lock*\n.*.tmp\n');
    for (const s of readdirSync(BUNDLED_SCHEMAS).filter((n) => n.endsWith('.schema.json'))) {
      if (await stopRequested()) throw new Stopped();
      makeFolders(join(build, 'schemas'), 0o750);
      copyFileSync(join(BUNDLED_SCHEMAS, s), join(build, 'schemas', s));
      files++;
    }
    // The last moment to stop with nothing made. From here on the folder is put in place whole: a
    // signal waits (the moves are synchronous) and is not heard after them.
    if (await stopRequested()) throw new Stopped();
    if (exists) {
      // An existing folder (empty, or only .git) is kept, the contents moved in: it may be where the
      // user stands (`civsam init .`), a mount point, or have permissions of its own. A failure
      // part-way takes out again what was moved in.
      const moved: string[] = [];
      try {
        for (const name of readdirSync(build)) {
          renameSync(join(build, name), join(target, name));
          moved.push(name);
        }
      } catch (e) {
        for (const name of moved) rmSync(join(target, name), { recursive: true, force: true });
        throw e;
      }
      rmSync(build, { recursive: true, force: true });
    } else {
      renameSync(build, target); // a new folder appears whole, atomically
    }
    syncFolder(dirname(target));
  } catch (e) {
    // Requests are still heard while what was built is removed, and noted (not Node's default) while
    // the stop is said: a second Ctrl-C there must not end the process before it says what it did.
    try {
      rmSync(build, { recursive: true, force: true });
    } finally {
      stop.handBack('init.stoppedBeforeStart');
    }
    if (e instanceof Stopped) throw new UserError(exists ? 'init.stoppedInEmpty' : 'init.stopped', { dir: shown }, stop.exitCode());
    throw FileSystemError.at(e, target, 'mkdir');
  }

  ctx.stderr.write(ctx.errColor.green(wrapForTerminal(ctx.t(opts.sample ? 'init.createdSample' : 'init.created', { dir: shown, name: dataFolderName({ dataDir: shown, cwd: ctx.cwd }), files }), ctx)) + '\n');
  // The folder is in place: a Ctrl-C from here on is noted, not Node's default, until its history is
  // started and its first files recorded (git runs out of the terminal's reach), and said after.
  // Ended between the two, the folder was left with a history begun but empty, every file in it
  // unrecorded, and the next change told the user to commit them with git.
  let recorded = false;
  let stopped = false;
  try {
    recorded = startHistory(ctx, opts, target, sharing);
    await heardYet();
    stopped = stop.count() > 0;
  } finally {
    // A request from here on comes too late to stop anything: it is told the folder was finished.
    stop.handBack(recorded ? 'init.finishedBeforeStopRecorded' : 'init.finishedBeforeStop');
  }
  const shared = sharing && findRepository(target) ? sharing.shareFolder(ctx, target, opts.remote!, shown) : EXIT.ok;
  // Standing in the folder, civsam finds it (upward from where one stands): no --data to type.
  // A sample register is there to be looked at; an empty one to be filled.
  const next = opts.sample ? (target === ctx.cwd ? ctx.t('init.nextHereSample') : ctx.t('init.nextCdSample', { dir: shown })) : target === ctx.cwd ? ctx.t('init.nextHere') : ctx.t('init.nextCd', { dir: shown });
  ctx.stderr.write(wrapForTerminal(next, ctx) + '\n');
  if (stopped) {
    // Asked to stop once the folder was in place: it was finished instead, and that is said last.
    ctx.stderr.write(ctx.errColor.yellow(wrapForTerminal(ctx.t(recorded ? 'init.finishedAfterStopRecorded' : 'init.finishedAfterStop', { dir: dataFolderName({ dataDir: shown, cwd: ctx.cwd }) }), ctx)) + '\n');
    return stop.exitCode();
  }
  return existsSync(target) ? shared : EXIT.invalid;
}

/**
 * Starts the new folder's history (as with --remote: a repository of its own, where it is in none)
 * and records its first files; says how that went. Without git, or with --no-history, the folder has
 * none. A history it started but could not record the files in is taken away again: an empty one
 * leaves every file unrecorded, and the next change would tell the user to record them with git.
 * Returns whether the files are recorded.
 */
function startHistory(ctx: CommandContext, opts: Opts, target: string, sharing: typeof import('./clone.js') | undefined): boolean {
  if (sharing) sharing.ensureRepository(target);
  let started = false;
  if (!sharing && opts.history !== false && opts.commit !== false && !findRepository(target)) {
    const r = startRepository(target);
    if (r === 'no-git') ctx.stderr.write(ctx.errColor.yellow(wrapForTerminal(ctx.t('init.noGit'), ctx)) + '\n');
    else if (r !== 'ready') {
      removeHistoryBegun(target);
      ctx.stderr.write(ctx.errColor.yellow(wrapForTerminal(ctx.t('init.historyNotStarted', { detail: r.failed }), ctx)) + '\n');
    } else started = true;
  }
  const repo = opts.commit === false || opts.history === false ? undefined : findRepository(target);
  if (!repo) return false;
  const result = commitPaths(repo, [target], ctx.t(opts.sample ? 'commit.initSample' : 'commit.init'));
  if (result.committed && started) ctx.stderr.write(wrapForTerminal(ctx.t('init.historyStarted'), ctx) + '\n');
  else if (result.committed) ctx.stderr.write(ctx.t('git.committed', { message: 'civsam init' }) + '\n');
  else if (started) {
    // Its own history, begun here: taken away rather than left empty.
    removeHistoryBegun(target);
    ctx.stderr.write(ctx.errColor.yellow(wrapForTerminal(ctx.t('init.historyNotStarted', { detail: result.detail }), ctx)) + '\n');
  } else ctx.stderr.write(ctx.errColor.yellow(ctx.t('git.commitFailed')) + '\n');
  return result.committed;
}

/** Takes away the history init began in the new folder (its `.git`), so the folder is as one made without history. */
function removeHistoryBegun(target: string): void {
  rmSync(join(target, '.git'), { recursive: true, force: true });
}
