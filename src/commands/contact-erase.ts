// `civsam contact erase ORG`: removes an organisation's contact person (personal data) from its
// record, and says plainly that git history and other copies still hold it: the commits that hold
// it, and commands to copy into a terminal that rewrite that one file's history with plain git.
import type { CommandContext } from '../context/context.js';
import { realpathSync } from 'node:fs';
import { join } from 'node:path';
import { resolveDataFolder } from '../context/load.js';
import { UserError } from '../domain/errors.js';
import { formatDate } from '../i18n/format.js';
import { shellWord } from '../i18n/shell-word.js';
import { folderInRepository, gitRaw, inRepository, type FolderInRepository } from '../store/git.js';
import { recordVersions, versionsHolding, type VersionsHolding } from '../store/history.js';
import { andList, type Message } from '../i18n/index.js';
import { recordRel } from '../store/paths.js';
import { changeRecord } from '../register/apply-change.js';

type Opts = { dryRun?: boolean; commit?: boolean; field?: string[] };
const PERSONAL = ['name', 'email', 'phone'];
const FIELDS = ['role', 'name', 'email', 'phone', 'confirmed'];

export async function run(ctx: CommandContext, opts: Opts, args: unknown[]): Promise<number> {
  const id = String(args[0]);
  const only = opts.field;
  if (only) for (const f of only) if (!FIELDS.includes(f)) throw new UserError('contact.badField', { given: f, fields: FIELDS.join(', ') });
  const code = await changeRecord(ctx, opts, 'organisation', id, (r) => {
    const contact = r.contact as Record<string, unknown> | undefined;
    if (!contact) throw new UserError('contact.none', { id });
    const out = { ...r };
    if (!only) {
      delete out.contact;
    } else {
      const kept = { ...contact };
      for (const f of only) delete kept[f];
      // What is left without any personal field is not a contact any more.
      if (!PERSONAL.some((f) => kept[f] !== undefined)) delete out.contact;
      else out.contact = kept;
    }
    return out;
  });
  if (code !== 0 || opts.dryRun) return code;
  // The folder snapshot's copy of the record was dropped by the write path (applyChange).
  const file = join(ctx.dataDir, recordRel('organisation', id));
  ctx.stderr.write(ctx.t('contact.erased', { file }) + '\n');
  // The personal data erased (a role or a date alone is none): what the history must not keep either.
  const erased = (only ?? FIELDS).filter((f) => PERSONAL.includes(f));
  // The folder the change was written in, found as every command finds it.
  const place = erased.length > 0 ? folderInRepository(realpathSync(resolveDataFolder(ctx))) : undefined;
  if (place) sayHistory(ctx, place, id, inRepository(place, recordRel('organisation', id)), erased, file);
  ctx.stderr.write(ctx.t('contact.otherCopies') + '\n');
  return code;
}

/** The commits whose version of the file holds the erased data, and how to rewrite them away. */
function sayHistory(ctx: CommandContext, place: FolderInRepository, id: string, path: string, erased: readonly string[], file: string): void {
  const { root } = place;
  const holds = (data: Record<string, unknown>) => {
    const contact = data.contact;
    return contact !== null && typeof contact === 'object' && erased.some((f) => (contact as Record<string, unknown>)[f] !== undefined);
  };
  const found = versionsHolding(root, path, holds);
  if (found.commits.length === 0) {
    ctx.stderr.write(ctx.t('contact.historyClean') + '\n');
    return;
  }
  // Each version by the number `history` gives it (and `restore --to` takes) and its day, oldest
  // first; a version on no line of the folder's own history (another branch) by its day alone.
  const numbered = new Map(recordVersions(place, path).entries.map((e) => [e.commit, e.version]));
  const versions = found.commits.map((c) => ({ ...c, version: numbered.get(c.commit.slice(0, 10)) }))
    .sort((x, y) => (x.version ?? Infinity) - (y.version ?? Infinity) || (x.date < y.date ? -1 : 1));
  const words = andList(versions.map((v): Message => {
    const date = formatDate(v.date.slice(0, 10), ctx.lang);
    return v.version === undefined ? { key: 'contact.historyVersionElsewhere', params: { date } } : { key: 'contact.historyVersionNumbered', params: { version: v.version, date } };
  }));
  ctx.stderr.write(ctx.t('contact.historyHoldsNumbered', { path, count: versions.length, versions: words, id }) + '\n');
  // The versions' numbers in git: what the IT department needs to find them on the server.
  const forIt = () => ctx.stderr.write(ctx.t('contact.historyCommits', {
    commits: versions.map((v) => v.version === undefined ? v.commit.slice(0, 7) : ctx.t('contact.historyCommitOf', { version: v.version, commit: v.commit.slice(0, 7) })).join(', '),
  }) + '\n');
  if (!found.clean) {
    ctx.stderr.write(ctx.t('contact.purgeNotCommitted', { file, path }) + '\n');
    forIt();
    return;
  }
  const remote = (gitRaw(['remote'], root).stdout.toString('utf8').trim()) !== '';
  ctx.stderr.write(ctx.t(remote ? 'contact.purgeCommands' : 'contact.purgeCommandsLocal') + '\n');
  ctx.stderr.write(purgeCommands(root, path, found.objects, found.clean, remote).map((l) => `  ${l}\n`).join(''));
  ctx.stderr.write(ctx.t(remote ? 'contact.purgeAfter' : 'contact.purgeAfterLocal') + '\n');
  if (remote) forIt();
}

/**
 * Plain git, one command a line, for a POSIX shell (Git Bash on Windows): every version of the file
 * that holds the data (`objects`) is replaced, in every commit of every branch and tag, by the
 * version without it (`clean`); the old commits' backup references, the reflog and the loose objects
 * are then dropped, and the result sent (forced) to the shared remote.
 */
function purgeCommands(root: string, path: string, objects: readonly string[], clean: NonNullable<VersionsHolding['clean']>, remote: boolean): string[] {
  // Run by filter-branch for each commit, on that commit's index: the file's object there, if it is one that holds the data, is replaced.
  const filter = `case $(git rev-parse -q --verify ${shellWord(`:${path}`)}) in ${objects.join('|')}) git update-index --cacheinfo ${clean.mode} ${clean.object} ${shellWord(path)} ;; esac`;
  return [
    `cd ${shellWord(root)}`,
    `FILTER_BRANCH_SQUELCH_WARNING=1 git filter-branch --force --index-filter ${shellWord(filter)} --tag-name-filter cat -- --all`,
    `git for-each-ref --format='delete %(refname)' refs/original | git update-ref --stdin`,
    'git reflog expire --expire=now --all',
    'git gc --prune=now --quiet',
    ...(remote ? ['git push --force --all', 'git push --force --tags'] : []),
  ];
}
