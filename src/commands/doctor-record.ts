// `civsam doctor --record`: a file of the data folder changed by hand (in an editor) goes into the
// history as its own change, the way every change civsam makes does, so that sync can share it. A
// file is recorded only when validate finds no error in it; a removed file or one civsam does not
// read is left to the user. The commit message names the record (kind and id) or the file, never a
// value from it.
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import type { CommandContext } from '../context/context.js';
import { folderLanguage } from '../context/sync-setting.js';
import { commitPaths, folderPrefix, gitRaw, handEditedFiles, type Repository } from '../store/git.js';
import { recordOfFile } from '../store/history.js';
import { readFileAt } from '../store/git-tree.js';
import { readFolder } from '../store/load-folder.js';
import { noCache } from '../store/parse-cache.js';
import { checkFolder } from '../validate/check-folder.js';
import { translate, type Message } from '../i18n/index.js';
import { COMMAND_OF, ID_PATTERN, type RecordKind } from '../domain/kinds.js';
import { terminalSafe } from '../i18n/terminal-text.js';

/** The record a file of the data folder holds by its place (`organisations/x.yaml`), if it is a record's and named as an id. */
function recordAt(rel: string): { kind: RecordKind; id: string } | undefined {
  const record = recordOfFile(rel);
  return record && ID_PATTERN.test(record.id) ? record : undefined;
}

/** Whether the file is in the last commit (git restore brings it back), or new (only removing it undoes it). */
function inHistory(repo: Repository, prefix: string, rel: string): boolean {
  return gitRaw(['cat-file', '-e', `HEAD:${prefix}${rel}`], repo.root).ok;
}

/**
 * The record files moved by hand among `files` (changed by hand, data-folder paths): a removed
 * record file whose content a new file of the same kind holds (its `id:` line aside, which a
 * careful hand may have changed too); from each old path to its new one.
 */
function movedFiles(repo: Repository, dir: string, prefix: string, files: readonly string[]): Map<string, string> {
  const withoutId = (text: string) => text.replace(/^id:.*$/m, '');
  const gone = files.filter((f) => recordAt(f) && !existsSync(join(dir, f)));
  const added = files.filter((f) => recordAt(f) && existsSync(join(dir, f)) && !inHistory(repo, prefix, f));
  const moves = new Map<string, string>();
  for (const from of gone) {
    const was = readFileAt(repo.root, 'HEAD', `${prefix}${from}`);
    if (!was) continue;
    const folder = from.split('/')[0];
    const to = added.find((f) => f.split('/')[0] === folder && ![...moves.values()].includes(f) && withoutId(readText(join(dir, f))) === withoutId(was.toString('utf8')));
    if (to) moves.set(from, to);
  }
  return moves;
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

/**
 * Commits each file changed by hand that validate finds no error in, one commit a file; says what
 * was recorded and why the others were not. Returns how many were left out. `own`: files of changes
 * civsam saved itself and could not commit (data-folder paths), never taken for edits by hand.
 */
export function recordHandEdits(ctx: CommandContext, repo: Repository, dir: string, say: (text: string, paint?: (line: string) => string) => void, own: ReadonlySet<string> = new Set()): number {
  const c = ctx.color;
  const files = handEditedFiles(repo, dir).filter((rel) => !own.has(rel));
  if (files.length === 0) return 0;
  const prefix = folderPrefix(repo, realpathSync(dir));
  const raw = readFolder(dir, noCache);
  const problems = checkFolder(raw).problems.filter((p) => p.severity === 'error');
  const lang = folderLanguage(ctx);
  let left = 0;
  // A record file moved by hand (`mv`): its removal and the new file are one move, said as one.
  const moves = movedFiles(repo, dir, prefix, files);
  for (const [from, to] of moves) {
    left++;
    say(ctx.t('doctor.recordMoved', { from: terminalSafe(join(ctx.dataDir, from)), to: terminalSafe(join(ctx.dataDir, to)) }), c.yellow);
  }
  const moved = new Set([...moves.keys(), ...moves.values()]);
  for (const rel of files.filter((f) => !moved.has(f))) {
    const shown = terminalSafe(join(ctx.dataDir, rel));
    const source = raw.files.find((f) => f.rel === rel);
    const errors = problems.filter((p) => p.file === rel).length;
    let refusal: Message | undefined;
    if (!existsSync(join(dir, rel))) {
      const record = recordAt(rel);
      refusal = record ? { key: 'doctor.recordRemoved', params: { file: shown, remove: `civsam ${COMMAND_OF[record.kind]} remove ${record.id}` } } : { key: 'doctor.recordRemovedFile', params: { file: shown } };
    }
    else if (!source) refusal = { key: 'doctor.recordNotData', params: { file: shown } };
    else if (errors > 0) refusal = { key: 'doctor.recordInvalid', params: { file: shown, count: errors, undo: { key: inHistory(repo, prefix, rel) ? 'doctor.undoRestore' : 'doctor.undoNew', params: { file: shown } } } };
    if (refusal) {
      left++;
      say(ctx.t(refusal.key, refusal.params), c.yellow);
      continue;
    }
    const what = source!.what;
    // A file the last commit did not have is a record created, not changed. Who wrote it is not
    // known here (by hand in an editor, or a change of civsam's whose note was lost): the history
    // says only that it was recorded afterwards.
    const key = inHistory(repo, prefix, rel) ? 'commit.recordedLaterEdited' : 'commit.recordedLaterCreated';
    const message = what.role === 'record'
      ? translate(lang, key, { what: `${translate(lang, `kind.${what.kind}`)} ${what.id}` })
      : translate(lang, key, { what: rel });
    const done = commitPaths(repo, [join(realpathSync(dir), rel)], message);
    if (done.committed) say(ctx.t('doctor.recorded', { file: shown }), c.green);
    else {
      left++;
      say(ctx.t('doctor.recordFailed', { file: shown, detail: terminalSafe(done.detail) }), c.yellow);
    }
  }
  return left;
}
