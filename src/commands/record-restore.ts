// `civsam <kind> restore NAME [--to VERSION | --as-of DATE]`: a record brought back from the data
// folder's git history, through the same write path as every change (register/apply-change.ts): a
// removed record as it was just before its removal, a record as it was before its last change, or,
// with --to, as one of its versions numbered by `civsam history NAME` (or the commit that made it),
// or, with --as-of, as it was at the end of that day. The file is written back as it was then,
// comments and all; the commit says what was brought back. Undoing a last change that itself undid
// the one before would only bring that back: refused, with the versions to choose from instead.
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import type { CommandContext } from '../context/context.js';
import { dataFolderName } from '../context/data-folder.js';
import { loadFolder, resolveDataDir } from '../context/load.js';
import { COMMAND_OF, REFERENCES, type RecordKind } from '../domain/kinds.js';
import { dateOption } from '../domain/dates.js';
import { UserError } from '../domain/errors.js';
import { sameData } from '../domain/plain-data.js';
import { notAName } from '../domain/ids.js';
import { formatDate } from '../i18n/format.js';
import { LANGUAGES } from '../i18n/define.js';
import { listWords, translate, type Message, type MessageKey, type MessageParams } from '../i18n/index.js';
import { fieldLabel } from '../i18n/values.js';
import { applyChange, type Rec } from '../register/apply-change.js';
import { commitAt } from '../store/folder-at-date.js';
import { folderInRepository, inRepository, uncommitted } from '../store/git.js';
import { readFileAt } from '../store/git-tree.js';
import { fieldChanges, recordOfFile, recordVersions, removedRecords, type HistoryEntry, type RecordVersions } from '../store/history.js';
import { recordRel } from '../store/paths.js';
import { decode, parseStrict } from '../store/yaml-read.js';
import { referrersSaid } from './record-write.js';

type Opts = { to?: string; asOf?: string; dryRun?: boolean; commit?: boolean };

/** The version to bring back: its text and data, and what it is, for the user and the commit. */
interface Version {
  text: string;
  record: Rec;
  /** What is brought back, said to the user before the change. */
  said: Message;
  /** The commit's subject line, in the folder's language. */
  subject: { key: MessageKey; params: Record<string, string> };
  /** Undoing a merge: the changes it brought in from the other side, which go with it (by field, author and version). */
  undoes?: string[];
  /** A removed record: it must not be in the folder again when the change is made. */
  removed: boolean;
}

export function restore(kind: RecordKind) {
  return async (ctx: CommandContext, opts: Opts, args: unknown[]): Promise<number> => {
    // The arguments first: a malformed name or date is refused before git or the folder is touched.
    const words = (Array.isArray(args[0]) ? args[0] : args).filter((a): a is string => typeof a === 'string');
    const word = words.join(' ');
    const notName = notAName(word);
    if (notName) throw notName;
    if (opts.to !== undefined && opts.asOf !== undefined) throw new UserError('restore.toAndAsOf');
    if (opts.to !== undefined && !VERSION.test(opts.to) && !COMMIT.test(opts.to)) throw new UserError('restore.badTo', { command: COMMAND_OF[kind] });
    // A version number or a commit given as a day: pointed to --to, which takes them.
    if (opts.asOf !== undefined && (VERSION.test(opts.asOf) || COMMIT.test(opts.asOf))) throw new UserError('restore.asOfVersion', { value: opts.asOf });
    if (opts.asOf !== undefined) dateOption(opts.asOf, '--as-of');

    const dir = realpathSync(resolveDataDir(ctx));
    const place = folderInRepository(dir);
    if (!place) throw new UserError('restore.noRepository', { dir: dataFolderName(ctx) });
    const { root } = place;
    let removed: ReturnType<typeof removedRecords> | undefined;
    const gone = () => (removed ??= removedRecords(place));
    // A removed record is found as the others are, by its id or the name it last had (mistyped: the nearest, removed ones too).
    const { id } = (await import('../context/names.js')).findRecord(ctx, word, [kind], gone);
    const rel = recordRel(kind, id);
    const path = inRepository(place, rel);
    const params = { kind: { key: `kind.${kind}` as MessageKey }, id, command: COMMAND_OF[kind] };
    const plain = { kind, id };
    const date = (iso: string) => formatDate(iso.slice(0, 10), ctx.lang);

    const version = ((): Version => {
      const there = existsSync(join(dir, rel));
      // Changes made in the file since its last commit would be lost unseen, whichever version is
      // brought back. (A file git does not track yet, `??`, is told so below when the last change
      // is undone; put back as it was on a day, its content too would be lost.)
      const changed = there && uncommitted({ root }, join(dir, rel), { untracked: opts.asOf !== undefined || opts.to !== undefined }).length > 0;
      if (changed) throw new UserError('restore.uncommitted', { file: join(ctx.dataDir, rel) });
      if (opts.to !== undefined) {
        const history = recordVersions(place, path);
        const entries = history.entries;
        const entry = chosenVersion(entries, opts.to, params);
        const bytes = history.fileAt(entry);
        if (!bytes) {
          const before = entries.find((e) => e.version! < entry.version! && e.records.some((r) => r.change !== 'removed'));
          throw new UserError('restore.versionRemoved', { ...params, version: entry.version!, date: date(entry.date), before: before?.version ?? 0 });
        }
        return {
          ...readVersion(bytes, params),
          said: { key: 'restore.fromVersion', params: { ...params, version: entry.version!, date: date(entry.date) } },
          subject: { key: 'commit.restoredVersion', params: { ...plain, version: String(entry.version) } },
          removed: !there,
        };
      }
      if (opts.asOf !== undefined) {
        const commit = commitAt(root, opts.asOf);
        if (!commit) throw new UserError('asOfHistory.nothingYet', { date: opts.asOf, dir: dataFolderName(ctx) });
        const bytes = readFileAt(root, commit, path);
        if (!bytes) throw new UserError('restore.notAtDate', { ...params, date: date(opts.asOf) });
        return {
          ...readVersion(bytes, params),
          said: { key: 'restore.fromDate', params: { ...params, date: date(opts.asOf) } },
          subject: { key: 'commit.restoredDate', params: { ...plain, date: opts.asOf } },
          removed: !there,
        };
      }
      if (!there) {
        const entry = gone().find((r) => r.kind === kind && r.id === id);
        const bytes = entry?.bytes;
        if (!entry || !bytes) throw new UserError('register.notFound', params);
        const by = entry.removedBy;
        return {
          ...readVersion(bytes, params),
          said: by ? { key: 'restore.fromRemoved', params: { ...params, date: date(by.date) } } : { key: 'restore.fromRemovedUncommitted', params },
          subject: by ? { key: 'commit.restoredRemoved', params: { ...plain, date: by.date.slice(0, 10) } } : { key: 'commit.restoredRemovedUncommitted', params: plain },
          removed: true,
        };
      }
      // The record's history, read once: its last change (the one history shows first, as the
      // version it made) and the versions before and after it come from that one reading.
      const history = recordVersions(place, path);
      // The last change on the record's own line: a version a sync threw away is not what it now is.
      const kept = history.entries.filter((e) => !e.discarded);
      const last = kept[0];
      if (!last) throw new UserError('restore.neverCommitted', params);
      refuseUndoingUndo(history, kept, kind, id, params);
      const bytes = history.fileBefore(last);
      if (!bytes) throw createdByLastChange(ctx, kind, id, { ...params, date: date(last.date) }, history.entries.find((e) => e.discarded && history.fileAt(e)));
      return {
        ...readVersion(bytes, params),
        // A merge that put the record together from both sides: said as such, and whose version comes back.
        said: last.records.some((r) => r.combined)
          ? { key: 'restore.fromLastMerge', params: { ...params, version: last.version!, date: date(last.date), author: last.author } }
          : { key: 'restore.fromLastChange', params: { ...params, version: last.version!, date: date(last.date), author: last.author } },
        subject: { key: 'commit.restoredChange', params: { ...plain, version: String(last.version) } },
        undoes: last.records.flatMap((r) => r.fields.flatMap((f) => (f.from ? [ctx.t('restore.mergeUndoesChange', { field: fieldLabel(ctx.lang, kind, f.field), author: f.from.author, version: f.from.version })] : []))),
        removed: false,
      };
    })();

    ctx.stderr.write(ctx.t(version.said.key, version.said.params) + '\n');
    // Which fields change, by their names (never their values): a whole version brought back takes
    // with it what a colleague changed since, and that is said, not done silently.
    // (A removed record comes back whole: nothing of it is in the folder to change.)
    const now = existsSync(join(dir, rel)) ? readAny(readFileSync(join(dir, rel))) : undefined;
    const changing = isRecord(now) ? fieldChanges(kind, now, version.record).map((f) => fieldLabel(ctx.lang, kind, f.field)) : [];
    if (changing.length > 0) ctx.stderr.write(ctx.t('restore.fieldsChange', { fields: listWords(ctx.lang, changing) }) + '\n');
    // Whose changes a restore of a merge takes back, named: not only which fields.
    if (version.undoes?.length) ctx.stderr.write(ctx.t('restore.mergeUndoes', { changes: listWords(ctx.lang, version.undoes) }) + '\n');
    const result = await applyChange(ctx, {
      dryRun: opts.dryRun === true, commit: opts.commit !== false,
      // A record it refers to that was removed as well: said with the command that brings that one back first.
      reword: (p, field) => {
        // Its name given to another record since: found by validate's own rule (name-unique), which
        // says it at whichever of the two files comes second; said as what stops the restore.
        if (p.rule === 'name-unique' && (p.file === rel || p.message.params?.other === rel)) {
          const other = recordOfFile(p.file === rel ? String(p.message.params?.other) : p.file);
          if (other) return { key: 'restore.nameTaken', params: { ...params, other: other.id } };
        }
        if (p.rule !== 'reference' || p.file !== rel) return undefined;
        const target = REFERENCES[kind].find(([at]) => at.split('.').length === field.length && at.split('.').every((step, i) => step === '*' || step === field[i]))?.[1];
        let value: unknown = version.record;
        for (const step of field) value = value !== null && typeof value === 'object' ? (value as Record<string | number, unknown>)[step] : undefined;
        const back = typeof value === 'string' ? gone().find((r) => r.kind === target && r.id === value) : undefined;
        if (!back) return undefined;
        return { at: { file: join(ctx.dataDir, rel), line: p.line, col: p.col }, message: { key: 'restore.referenceRemoved', params: { kind: { key: `kind.${back.kind}` }, id: back.id, command: COMMAND_OF[back.kind] } } };
      },
      message: (described, language) => {
        const s = version.subject.params;
        const subject = translate(language, version.subject.key, { ...s, kind: { key: `kind.${kind}` }, ...(s.date ? { date: formatDate(s.date, language) } : {}) });
        return `${subject}\n\n${described}`;
      },
    }, (s) => {
      if (version.removed && s.current(kind, id) !== undefined) throw new UserError('restore.backAlready', params);
      return [{ kind, id, record: version.record, text: version.text }];
    });
    return result.exitCode;
  };
}

/**
 * A record its last change created has no earlier version; the way to undo that change is to
 * remove it, which is said only where remove would do it: while other records refer to it, remove
 * refuses, so they are named, and an active organisation is pointed to deactivate, as remove does.
 * A version made on the other side of a sync and discarded there (`discarded`) is pointed to.
 */
function createdByLastChange(ctx: CommandContext, kind: RecordKind, id: string, params: MessageParams, discarded?: HistoryEntry): UserError {
  const { folder } = loadFolder(ctx);
  const refs = referrersSaid(ctx, folder, kind, id);
  // A version a sync threw away is still there to go back to: said, by its number.
  if (!refs && discarded) return new UserError('restore.addedLastDiscarded', { ...params, version: discarded.version! });
  if (!refs) return new UserError('restore.addedLast', params);
  const active = kind === 'organisation' && folder.records.organisation.get(id)?.status !== 'inactive';
  return new UserError(active ? 'restore.addedLastReferredOrg' : 'restore.addedLastReferred', { ...params, ...refs });
}

/** A version number as `civsam history NAME` shows it; a commit as git abbreviates it. */
const VERSION = /^[1-9][0-9]{0,5}$/;
const COMMIT = /^[0-9a-f]{7,40}$/i;

/** The change `--to` names in the record's history: by the number of the version it made, or by its commit. */
function chosenVersion(entries: readonly HistoryEntry[], to: string, params: MessageParams): HistoryEntry {
  if (entries.length === 0) throw new UserError('restore.neverCommitted', params);
  if (VERSION.test(to)) {
    const entry = entries.find((e) => e.version === Number(to));
    if (!entry) throw new UserError('restore.noVersion', { ...params, version: Number(to), last: entries.length });
    return entry;
  }
  const commit = to.toLowerCase();
  const found = entries.filter((e) => (commit.length <= e.commit.length ? e.commit.startsWith(commit) : commit.startsWith(e.commit)));
  if (found.length !== 1) throw new UserError('restore.noVersionCommit', { ...params, commit: commit.slice(0, 12) });
  return found[0];
}

/**
 * A plain restore undoes the last change. Where that change was a restore that itself undid the
 * one before it (the record is again as before that one), undoing it would only bring back what
 * was undone: refused, with the versions to choose from. Any other change (an edit, an import) is
 * undone as asked, even where it left the record as it once was: that is what the person undoes.
 * `kept`: the record's own line of changes, without versions a sync threw away.
 */
function refuseUndoingUndo(history: RecordVersions, kept: readonly HistoryEntry[], kind: RecordKind, id: string, params: MessageParams): void {
  const [last, previous] = kept;
  if (!last || !previous || previous.version! < 2) return;
  if (!madeByRestore(kind, id, last.message)) return;
  // A removal brought back by the last change: undoing it is removing the record again, which the
  // plain restore says as such (not a version to go to, since that version is the removal).
  if (!history.fileAt(previous)) return;
  const now = history.fileAt(last);
  const before = history.fileBefore(previous);
  if (!now || !before) return;
  const same = now.equals(before) || sameData(readAny(now), readAny(before));
  if (!same) return;
  throw new UserError('restore.undoesUndo', { ...params, last: last.version!, undone: previous.version!, now: kept[2]?.version ?? previous.version! - 1, back: kept[3]?.version ?? 0 });
}

/** The subjects restore gives its commits, in any language, with their dates and numbers left open. */
const RESTORE_SUBJECTS: readonly MessageKey[] = ['commit.restoredVersion', 'commit.restoredChange', 'commit.restoredDate', 'commit.restoredRemoved', 'commit.restoredRemovedUncommitted'];

/** Whether a commit's subject is one restore gives a change of this record. */
function madeByRestore(kind: RecordKind, id: string, subject: string): boolean {
  // A word no subject holds, where the number or day goes (control characters are sanitised away).
  const open = '§§§';
  return LANGUAGES.some((lang) => RESTORE_SUBJECTS.some((key) => {
    const said = translate(lang, key, { kind: { key: `kind.${kind}` }, id, version: open, date: open });
    const pattern = said.split(open).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.+');
    return new RegExp(`^${pattern}$`).test(subject);
  }));
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function readAny(bytes: Buffer): unknown {
  const decoded = decode(bytes);
  return 'text' in decoded ? parseStrict(decoded.text).data ?? null : null;
}

/** A version's text and record; refused when it cannot be read as one. */
function readVersion(bytes: Buffer, params: Record<string, unknown>): { text: string; record: Rec } {
  const decoded = decode(bytes);
  const parsed = 'text' in decoded ? parseStrict(decoded.text) : undefined;
  const data = parsed && parsed.problems.length === 0 ? parsed.data : undefined;
  if (!parsed || data === null || typeof data !== 'object' || Array.isArray(data)) throw new UserError('restore.unreadableVersion', params as Record<string, string>);
  return { text: (decoded as { text: string }).text, record: data as Rec };
}
