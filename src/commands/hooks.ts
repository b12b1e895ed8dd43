// `civsam hooks install`: a git pre-commit hook that refuses a commit of invalid data, for every
// commit, by civsam or by hand. The hook runs `civsam hooks check`, which validates the data
// folder as it is staged (the index, not the working tree): the whole folder is checked, so the
// cross-record rules see everything, and the commit is refused for any error in a file it
// changes, or an error elsewhere that the last commit did not have (a reference left dangling).
import { chmodSync, existsSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CommandContext } from '../context/context.js';
import { dataFolderName } from '../context/data-folder.js';
import { writeFileAtomic } from '../context/output.js';
import { resolveDataDir } from '../context/load.js';
import { EXIT, UserError } from '../domain/errors.js';
import { folderInRepository, gitRaw, type FolderInRepository } from '../store/git.js';
import { materialise } from '../store/git-tree.js';
import { readFolder, type Problem } from '../store/load-folder.js';
import { noCache } from '../store/parse-cache.js';
import { checkFolder } from '../validate/check-folder.js';
import { makeFolders } from '../store/paths.js';
import { problemLine } from '../output/problem-line.js';
import { shellWord } from '../i18n/shell-word.js';

/** The line that marks a hook as civsam's (and so safe to replace on a new install). */
const MARK = '# civsam pre-commit hook';
const BIN = fileURLToPath(new URL('../../bin/civsam.js', import.meta.url));

function repositoryOf(ctx: CommandContext): FolderInRepository {
  const place = folderInRepository(realpathSync(resolveDataDir(ctx)));
  if (!place) throw new UserError('hooks.noRepository', { dir: dataFolderName(ctx) });
  return place;
}

export function hookText(dataRel: string): string {
  return [
    '#!/bin/sh',
    `${MARK}: refuses a commit of invalid data (installed by civsam hooks install).`,
    '# It validates the data folder as staged for the commit. To skip it once: git commit --no-verify',
    `NODE=${shellWord(process.execPath)}`,
    `CIVSAM=${shellWord(BIN)}`,
    '[ -x "$NODE" ] || NODE=node',
    `if [ -f "$CIVSAM" ]; then exec "$NODE" "$CIVSAM" --data ${shellWord(dataRel || '.')} hooks check; fi`,
    `exec civsam --data ${shellWord(dataRel || '.')} hooks check`,
    '',
  ].join('\n');
}

export async function install(ctx: CommandContext): Promise<number> {
  const { root, prefix } = repositoryOf(ctx);
  const where = gitRaw(['rev-parse', '--git-path', 'hooks/pre-commit'], root);
  if (!where.ok) throw new UserError('hooks.noRepository', { dir: dataFolderName(ctx) });
  const path = join(root, where.stdout.toString('utf8').trim());
  if (existsSync(path) && !readFileSync(path, 'utf8').includes(MARK)) throw new UserError('hooks.otherHook', { file: path });
  makeFolders(dirname(path));
  writeFileAtomic(path, hookText(prefix.replace(/\/$/, '')));
  chmodSync(path, 0o755);
  ctx.stderr.write(ctx.errColor.green(ctx.t('hooks.installed', { file: path })) + '\n');
  return EXIT.ok;
}

function errorsOf(root: string, what: string | { index: true }, prefix: string): Problem[] {
  const tree = materialise(root, what, prefix);
  try {
    return checkFolder(readFolder(tree.dir, noCache)).problems.filter((p) => p.severity === 'error');
  } finally {
    tree.dispose();
  }
}

const key = (p: Problem) => `${p.file}\0${p.rule}\0${p.message.key}\0${JSON.stringify(p.message.params ?? {})}`;

/** The hook's check: exit 0 lets the commit through, 2 refuses it. */
export async function check(ctx: CommandContext): Promise<number> {
  const { root, prefix } = repositoryOf(ctx);
  const staged = gitRaw(['diff', '--cached', '--name-only', '-z', '--no-renames', '--', prefix || '.'], root);
  const changed = new Set(staged.ok ? staged.stdout.toString('utf8').split('\0').filter(Boolean).map((p) => p.slice(prefix.length)) : []);
  if (changed.size === 0) return EXIT.ok;
  const errors = errorsOf(root, { index: true }, prefix);
  let refusing = errors.filter((p) => changed.has(p.file));
  const elsewhere = errors.filter((p) => !changed.has(p.file));
  if (elsewhere.length > 0) {
    const head = gitRaw(['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'], root);
    const had = new Set(head.ok ? errorsOf(root, head.stdout.toString('utf8').trim(), prefix).map(key) : []);
    refusing = [...refusing, ...elsewhere.filter((p) => !had.has(key(p)))];
  }
  if (refusing.length === 0) return EXIT.ok;
  for (const p of refusing) ctx.stderr.write(`  ${problemLine(ctx.lang, ctx.dataDir, p)}\n`);
  ctx.stderr.write(ctx.errColor.red(ctx.t('hooks.refused', { count: refusing.length })) + '\n');
  return EXIT.invalid;
}
