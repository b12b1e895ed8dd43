// The one way commands change records: take the folder's lock, read the folder, let the command
// decide the new records, check them (schema and the whole folder's consistency, the size the
// reader accepts), show or write them atomically, and commit them to git. A refused change writes
// nothing and exits 2. Ctrl-C (or SIGTERM) before the first file is put in place stops with
// nothing written; after, the change is finished and committed first, unless asked twice.
import { basename, dirname, join, relative, sep } from 'node:path';
import { lstatSync, realpathSync, statSync } from 'node:fs';
import type { CommandContext } from '../context/context.js';
import { folderWithErrors, resolveDataFolder } from '../context/load.js';
import { dataFolderName, SETTINGS } from '../context/data-folder.js';
import type { DataFolder } from '../domain/folder.js';
import { FOLDER_OF, ID_PATTERN, type RecordKind, type VocabularyName } from '../domain/kinds.js';
import { pastDateOption } from '../domain/dates.js';
import { EXIT, FileSystemError, UserError } from '../domain/errors.js';
import { labelInSentence, listWords, translate, type Language, type Message, type MessageKey } from '../i18n/index.js';
import { fieldLabel } from '../i18n/values.js';
import { overcommittedByChange } from './overcommit.js';
import { commitOwnChanges, contentSha, forgetOwnChanges, newOwnChange, noteOwnChange, ownUncommitted, type OwnChange } from '../store/own-uncommitted.js';
import { applicationDateProblem, refuseApplicationDates, type DateRefusal } from '../domain/application-dates.js';
import { happenedAfterToday } from '../domain/happened-dates.js';
import { notReadAsData, numberFormProblems, readFolder, type Problem, type RawFolder } from '../store/load-folder.js';
import { noCache, openParseCache, type ParseCache } from '../store/parse-cache.js';
import { finishUnfinishedChange, JOURNAL_FILE } from '../store/unfinished-change.js';
import { readInParallel } from '../store/parallel-read.js';
import { folderOutside, kindOf, limitMessage, notRegularMessage, type NotRegular } from '../store/read-file.js';
import { KEEP_ALIVE_MS, replaceFiles, writeProtected, type BatchFile, type BatchOutcome } from '../store/atomic-file.js';
import { shellWord } from '../i18n/shell-word.js';
import { commitRecordFile, newRecordText, newVocabularyText, readDataFile, readRecordFile, RECORD_MODE, recordBytes, refuseThroughLink, type FolderLock, type ReadRecord } from '../store/write-record.js';
import { recordRel, vocabularyRel } from '../store/paths.js';
import { withTrimmedName } from '../domain/record-name.js';
import { fieldAt, locate, MAX_FILE_BYTES, parseStrict, type PathSegment, type StrictParse } from '../store/yaml-read.js';
import { heardYet, type StopRequests } from '../store/stop-request.js';
import { acquireFolderLockListening } from '../store/folder-lock.js';
import { commitPaths, findRepository, identityKnown, toRepoPath, uncommitted, uncommittedFiles } from '../store/git.js';
import { errorsIntroduced, retiredChosen, UNIQUE_FIELDS, untoldRecords, type ChangedFile } from './check.js';
import { describeChanges, describeVocabularyChange } from './describe.js';
import { checkFolder, type CheckedFolder } from '../validate/check-folder.js';
import { lineDiff, type HiddenValues } from './diff.js';
import { personalLines } from './personal-lines.js';
import { placesOf, problemLine } from '../output/problem-line.js';
import { wrapForTerminal } from '../output/table.js';

export type Rec = Record<string, unknown>;

/** One file of a change: the record's plan, its file as read under the lock, and its new text (undefined: removed). */
interface FileChange {
  change: PlannedChange | PlannedVocabularyChange;
  rel: string;
  current: ReadRecord;
  text?: string;
  unchanged: boolean;
}

/** One record to write (`record`) or remove (`record: null`). */
export interface PlannedChange {
  kind: RecordKind;
  id: string;
  record: Rec | null;
  /** The file's whole text, when it is to be written as it is (a restore brings back a file as it was); it reads as `record`. */
  text?: string;
}

/** A vocabulary's whole new list of entries (`civsam vocab add|rename|retire`). */
export interface PlannedVocabularyChange {
  vocabulary: VocabularyName;
  entries: Rec[];
}

const isVocabulary = (c: PlannedChange | PlannedVocabularyChange): c is PlannedVocabularyChange => 'vocabulary' in c;

export interface Session {
  dir: string;
  folder: DataFolder;
  checked: CheckedFolder;
  raw: RawFolder;
  /** The record as its file says now (read under the lock), or undefined. */
  current(kind: RecordKind, id: string): Rec | undefined;
}

/**
 * A refused change's problem said otherwise than at its place in the file civsam would write: in
 * words of its own (a flag), or at a place in another file, the record file the user gave
 * (`line` absent: the problem is the file's, at no line of it).
 */
export type Reworded = Message | { at: { file: string; line?: number; col?: number }; message: Message };

export interface ChangeOptions {
  dryRun?: boolean;
  /** false with --no-commit. */
  commit?: boolean;
  /**
   * A refused change's problem said in the terms the change was given in (a flag, not a line of a
   * file that is not written), when it has such words; `field`: the path of the field the problem
   * is at in the new text of its file.
   */
  reword?: (p: Problem, field: readonly PathSegment[], at: 'key' | 'value') => Reworded | undefined;
  /**
   * What a refused record still lacks that its check says only once the rest is in place (where
   * it reaches): said together with the fields it lacks, so one run tells them all.
   */
  lacking?: () => Message[];
  /**
   * The records were given in a file (`--from-file`): an application's date out of order is a
   * problem at its place in that file, said with what to write there, rather than a refusal that
   * names the option that gives it.
   */
  fromFile?: boolean;
  /**
   * Notes the plan found about what the change does (a list flag that removed entries), said once
   * the change is written or after a dry run's diff, before what it does to the pools' budgets.
   */
  notes?: () => readonly Message[];
  /** The commit's message made of the one civsam would write (`described`), in the folder's language: a restore says what it brought back. */
  message?: (described: string, language: Language) => string;
}

export interface ChangeResult {
  exitCode: number;
  written: string[];
}

/** Writes go only into a real data folder: one with its civsam.yaml. */
function dataDirOf(ctx: CommandContext): string {
  return resolveDataFolder(ctx);
}

/**
 * Warnings a change brings about in a call, often without touching its file (an application added to
 * a call whose written list of applicants it now disagrees with): new, or saying other organisations
 * than before. Said after the change, so `validate` shows nothing the command did not.
 */
const CAUSED_ELSEWHERE = new Set(['call-applications-agree']);

function warningsCaused(before: CheckedFolder, after: CheckedFolder): Problem[] {
  const key = (p: Problem) => `${p.file}\u0000${p.rule}\u0000${JSON.stringify(p.message)}`;
  const had = new Set(before.problems.filter((p) => p.severity === 'warning').map(key));
  return after.problems.filter((p) => p.severity === 'warning' && p.rule !== undefined && CAUSED_ELSEWHERE.has(p.rule) && !had.has(key(p)));
}

function sayWarningsCaused(ctx: CommandContext, warned: readonly Problem[], dryRun: boolean): void {
  if (warned.length === 0) return;
  say(ctx, { key: dryRun ? 'write.wouldCauseWarnings' : 'write.causedWarnings', params: { count: warned.length } }, 'warn');
  for (const p of warned) ctx.stderr.write(problemLine(ctx.lang, ctx.dataDir, p) + '\n');
}

/** A note on stderr, as a change says what it did (also for a command's own notes beside one). */
export function say(ctx: CommandContext, message: Message, tone: 'note' | 'warn' | 'ok' = 'note'): void {
  const c = ctx.errColor;
  // Wrapped on a terminal (a commit line, a note about other files); one line to a pipe or a log.
  const text = wrapForTerminal(translate(ctx.lang, message.key, message.params), ctx);
  ctx.stderr.write((tone === 'warn' ? c.yellow(text) : tone === 'ok' ? c.green(text) : text) + '\n');
}

/**
 * The refused change's problems; one reworded (see ChangeOptions.reword) is said without a place in
 * a file. `added`: how many of `more` were not among the problems and are said besides.
 */
function problemLines(ctx: CommandContext, problems: Problem[], reword: ChangeOptions['reword'], texts: ReadonlyMap<string, string>, more: readonly Message[] = []): { text: string; added: number } {
  const parsed = new Map<string, StrictParse>();
  // The field a problem is at, and whether at its key or its value (as the file to be written has it).
  const fieldOf = (p: Problem): { field: PathSegment[]; at: 'key' | 'value' } => {
    const text = texts.get(p.file);
    if (text === undefined) return { field: [], at: 'value' };
    let got = parsed.get(p.file);
    if (!got) parsed.set(p.file, (got = parseStrict(text)));
    const field = fieldAt(got, p);
    const key = locate(got, field, 'key');
    return { field, at: key.line === p.line && key.col === p.col ? 'key' : 'value' };
  };
  const said = problems.map((p) => {
    if (!reword && !ctx.controlTyped) return { p, said: undefined };
    const { field, at } = fieldOf(p);
    return { p, said: reword?.(p, field, at) ?? typedWording(ctx, p, parsed.get(p.file)?.data, field) };
  });
  // Every field a record made from flags still lacks is said at once, in one message, each by its
  // flag: a person then gives them all in the next run rather than learning of one per run.
  const found = said.flatMap(({ said: m }) => (m && 'key' in m && LACKING.has(m.key) ? [m] : []));
  const lacking = [...found, ...more.filter((m) => !found.some((f) => f.key === m.key))];
  const together: Message | undefined = lacking.length > 1 ? { key: 'register.flagsMissing', params: { count: lacking.length, lines: { lines: lacking.map(lackingLine) } } } : undefined;
  // The options typed with a control character are named together, each once (`--point` given
  // twice is one option to mend), in one sentence rather than one a line.
  const typed = new Map<string, string[]>();
  let told = 0;
  for (const { said: m } of said) {
    if (!m || !('key' in m) || !HIDDEN.has(m.key)) continue;
    const flag = m.params?.field;
    if (typeof flag !== 'string' || !flag.startsWith('--')) continue;
    told++;
    const flags = typed.get(m.key) ?? [];
    if (!flags.includes(flag)) flags.push(flag);
    typed.set(m.key, flags);
  }
  const toldOnce = new Set<string>();
  let first = true;
  // Problems said at places in the user's file come in that file's order (line, then column), not
  // in the order of the file civsam would write, whose fields stand in the schema's order.
  const placed = said.map((x, i) => ({ x, i })).filter(({ x }) => x.said !== undefined && 'at' in x.said);
  const place = (m: Reworded | undefined) => (m && 'at' in m ? m.at : { file: '' });
  const inFileOrder = [...placed].sort((a, b) => {
    const pa = place(a.x.said), pb = place(b.x.said);
    return pa.file.localeCompare(pb.file) || (pa.line ?? 0) - (pb.line ?? 0) || (pa.col ?? 0) - (pb.col ?? 0) || a.i - b.i;
  });
  const ordered = [...said];
  placed.forEach(({ i }, n) => { ordered[i] = inFileOrder[n].x; });
  const lines = ordered.flatMap(({ p, said: m }) => {
    if (together && m && 'key' in m && LACKING.has(m.key)) {
      if (!first) return [];
      first = false;
      m = together;
    }
    const flags = m && 'key' in m ? typed.get(m.key) : undefined;
    if (flags && m && 'key' in m && typeof m.params?.field === 'string' && m.params.field.startsWith('--')) {
      if (toldOnce.has(m.key)) return [];
      toldOnce.add(m.key);
      if (flags.length > 1) m = { key: m.key === 'problem.directionCharacter' ? 'register.flagsDirection' : m.key === 'problem.invisibleCharacter' ? 'register.flagsInvisible' : 'register.flagsControl', params: { flags: listWords(ctx.lang, flags) } };
    }
    if (m && 'at' in m) return [problemLine(ctx.lang, '', { ...m.at, severity: p.severity, message: m.message })];
    return [m ? translate(ctx.lang, m.key, m.params) : problemLine(ctx.lang, ctx.dataDir, p)];
  });
  // What lacks and was not among the problems (the check had not got that far) comes last.
  if (first && lacking.length > found.length) lines.push(...(together ? [together] : lacking.slice(found.length)).map((m) => translate(ctx.lang, m.key, m.params)));
  // The options named together in one sentence are one problem to mend, as the count says (one line per kind of character).
  return { text: lines.map((l) => `  ${l}`).join('\n') + '\n', added: lacking.length - found.length - (told - typed.size) };
}

/**
 * A control character in a value the user typed after an option (`--assessor`, `--point`): said by
 * that option, which is what the user can mend, not by the line of a file civsam would have written.
 */
function typedWording(ctx: CommandContext, p: Problem, data: unknown, field: readonly PathSegment[]): Message | undefined {
  if (p.rule !== 'control-character' || !ctx.controlTyped) return undefined;
  let value = data;
  for (const step of field) value = value !== null && typeof value === 'object' ? (value as Record<string | number, unknown>)[step] : undefined;
  if (typeof value !== 'string') return undefined;
  const typed = ctx.controlTyped.find((o) => o.values.some((v) => v.trim() !== '' && value.includes(v.trim())));
  return typed && { key: p.message.key, params: { ...p.message.params, field: typed.flag } };
}

/** The messages that say a value holds a control character. */
const HIDDEN = new Set<string>(['problem.controlCharacter', 'problem.directionCharacter', 'problem.invisibleCharacter']);

/** The messages that say a field a record made from flags lacks. */
const LACKING = new Set<string>(['register.requiredFlag', 'register.reachFlag']);

/** One lacking field as a line of the message that lists them: its flag, then what it is. */
function lackingLine(m: Message): Message {
  return m.key === 'register.reachFlag' ? { key: 'register.flagsMissingReach' } : { key: 'register.flagsMissingLine', params: { flag: String(m.params?.flag), field: String(m.params?.field) } };
}

/**
 * Runs one change of the data folder. `plan` gets the folder as read under the lock and returns
 * the records to write; it may throw a UserError to refuse (nothing is written then).
 */
export async function applyChange(ctx: CommandContext, options: ChangeOptions, plan: (s: Session) => Array<PlannedChange | PlannedVocabularyChange> | Promise<Array<PlannedChange | PlannedVocabularyChange>>): Promise<ChangeResult> {
  const dir = dataDirOf(ctx);
  // From here on a Ctrl-C is a request, answered where stopping is safe (see writeBatch).
  const { lock, stop } = await acquireFolderLockListening(dir, { onTakeover: (m) => say(ctx, m, 'warn'), onWait: (m) => say(ctx, m) });
  const checkpoint = async () => {
    await heardYet();
    if (stop.count() > 0) throw new UserError('write.stopped', {}, stop.exitCode());
  };
  // A large change (an import) takes longer than the lock's lifetime: refresh it as we go.
  let refreshed = Date.now();
  const keepAlive = () => {
    if (Date.now() - refreshed >= KEEP_ALIVE_MS) {
      lock.refresh();
      refreshed = Date.now();
    }
  };
  // The folder snapshot holds a copy of each record, personal data included: the entries of the files
  // this change writes are dropped once they are written, so an erased value leaves the cache too.
  const cache = ctx.env.CIVSAM_NO_CACHE ? noCache : openParseCache(dir, ctx.env, ctx.version);
  /** The change's files went in (and were to be committed); undefined while nothing is written. */
  let done: { committed: boolean } | undefined;
  try {
    finishLeftChange(ctx, dir, cache);
    const raw = readFolder(dir, cache, readInParallel);
    const checked = checkFolder(raw);
    refuseUnreadSettings(ctx, checked.problems);
    lock.refresh();
    const reads = new Map<string, ReadRecord>();
    let realDir: string | undefined;
    const readRel = (rel: string, shape: 'record' | 'vocabulary') => {
      let r = reads.get(rel);
      // Every file a change reads and writes is in the data folder: never through a folder linked out of it.
      const place = r ? false : folderOutside(join(dir, dirname(rel)), (realDir ??= realpathSync(dir)));
      if (place) throw new UserError(place === 'data-folder' ? 'write.folderIsDataFolder' : 'write.outsideDataFolder', { folder: join(ctx.dataDir, dirname(rel)) });
      if (!r) {
        // A file the reader does not read (a link out of the folder: its content is not the
        // folder's and must not come into it) is refused in the reader's own words.
        const notRead = notReadAsData(dir, rel, () => (realDir ??= realpathSync(dir)));
        if (notRead) {
          ctx.stderr.write(`  ${problemLine(ctx.lang, ctx.dataDir, notRead)}\n`);
          throw new UserError('write.refused', { count: 1 });
        }
        reads.set(rel, (r = shape === 'record' ? readRecordFile(join(dir, rel)) : readDataFile(join(dir, rel), shape)));
      }
      return r;
    };
    const read = (kind: RecordKind, id: string) => readRel(recordRel(kind, id), 'record');
    const session: Session = {
      dir, folder: checked.folder, checked, raw,
      current: (kind, id) => {
        const r = read(kind, id);
        if (r.unreadable) throw new UserError('write.unreadable', { file: join(ctx.dataDir, recordRel(kind, id)) });
        return r.data ? structuredClone(r.data) : undefined;
      },
    };
    const planned = await plan(session);
    keepAlive();
    await checkpoint();

    // The new text of every file, and the check of the folder with all of them in place.
    const files: FileChange[] = [];
    const untoldOf = new Map<RecordKind, Problem[]>();
    const happenedLate: Problem[] = [];
    for (const change of planned) {
      const rel = isVocabulary(change) ? vocabularyRel(change.vocabulary) : recordRel(change.kind, change.id);
      const current = isVocabulary(change) ? readRel(rel, 'vocabulary') : read(change.kind, change.id);
      if (current.unreadable) throw new UserError(isVocabulary(change) ? 'write.vocabularyUnreadable' : 'write.unreadable', { file: join(ctx.dataDir, rel) });
      refuseThroughLink(current, dir, ctx.dataDir);
      if (isVocabulary(change)) {
        const t = newVocabularyText(dir, change.vocabulary, current, change.entries);
        if ('refused' in t) {
          if (t.refused === 'too-large') throw new UserError('write.tooLarge', { file: join(ctx.dataDir, rel), size: kib(t.bytes), limit: limitMessage(MAX_FILE_BYTES) });
          throw new UserError('write.roundTrip', { file: join(ctx.dataDir, rel) });
        }
        files.push({ change, rel, current, text: t.text, unchanged: t.unchanged });
        continue;
      }
      // Every record written, from flags, a file, a sheet or a question, keeps no space around its
      // name: trimmed before any check, so a space alone is no new name (nor refused as one). A name
      // the file holds already is left as written: an edit changes only the fields it was given.
      if (change.record !== null && change.text === undefined) change.record = withTrimmedName(change.kind, change.record, current.data as Rec | undefined);
      if (!current.snapshot.exists && change.record !== null) {
        // A new record while a file of its folder cannot be read: whether the record is there
        // already (under another id, by the same name) cannot be told, and a second entry of the
        // same thing, once that file is mended, makes every later change refuse. (Something
        // unreadable in the new record's own place is said as such, below.)
        let untold = untoldOf.get(change.kind);
        if (!untold) untoldOf.set(change.kind, (untold = untoldRecords(raw, checked.problems, change.kind)));
        refuseBesideUntold(ctx, change.kind, untold.filter((p) => p.file !== rel));
      } else if (change.record !== null && current.data) {
        // A record given a new name (or another value no two may share) while a file of its folder
        // cannot be read: that file may hold the same, which no check can see until it is mended.
        const record = change.record;
        const before = current.data as Rec;
        const changed = (UNIQUE_FIELDS[change.kind] ?? []).filter((f) => record[f] !== undefined && record[f] !== before[f]);
        if (changed.length > 0) {
          let untold = untoldOf.get(change.kind);
          if (!untold) untoldOf.set(change.kind, (untold = untoldRecords(raw, checked.problems, change.kind)));
          refuseUniqueBesideUntold(ctx, change.kind, changed, untold.filter((p) => p.file !== rel));
        }
      }
      if (change.record === null) {
        if (!current.snapshot.exists) throw new UserError('register.notFound', { kind: { key: `kind.${change.kind}` }, id: change.id });
        files.push({ change, rel, current, text: undefined, unchanged: false });
        continue;
      }
      // An application's events as any change leaves them (assess, decide, a scores sheet, an import…):
      // recorded once they have happened, in the order they can have happened. A restored version
      // (written as it is) is a state the record had, and is not judged again.
      let misdated: DateRefusal | undefined;
      if (change.kind === 'application' && change.text === undefined) {
        if (options.fromFile) misdated = applicationDateProblem(current.data as Rec | undefined, change.record, checked.folder, ctx.today, true);
        else refuseApplicationDates(current.data as Rec | undefined, change.record, checked.folder, ctx.today);
      }
      const t = change.text !== undefined ? { text: change.text, unchanged: current.text === change.text } : newRecordText(dir, change.kind, current, change.record);
      if ('refused' in t) {
        if (t.refused === 'too-large') throw new UserError('write.tooLarge', { file: join(ctx.dataDir, rel), size: kib(t.bytes), limit: limitMessage(MAX_FILE_BYTES) });
        throw new UserError('write.roundTrip', { file: join(ctx.dataDir, rel) });
      }
      // A day something happened, however it was given, is not after today (a restored version, again,
      // is not judged): a problem at its field in the new text, said where the day came from as any other is.
      if (change.text === undefined && t.text !== undefined) {
        const late = happenedAfterToday(current.data as Rec | undefined, change.record, ctx.today);
        const parsed = late.length > 0 || misdated ? parseStrict(t.text) : undefined;
        for (const l of late) happenedLate.push({ file: rel, ...locate(parsed!, l.path.split('.'), 'value'), rule: 'happened-after-today', severity: 'error', message: l.message });
        if (misdated) happenedLate.push({ file: rel, ...locate(parsed!, misdated.path, misdated.path.length === 1 && misdated.path[0] === 'assessments' ? 'key' : 'value'), rule: 'application-dates', severity: 'error', message: misdated.message });
      }
      files.push({ change, rel, current, text: t.text, unchanged: t.unchanged });
      keepAlive();
    }
    const changing = files.filter((f) => !f.unchanged);
    if (changing.length === 0) {
      for (const f of files) say(ctx, { key: 'write.unchanged', params: { file: join(ctx.dataDir, f.rel) } });
      return { exitCode: EXIT.ok, written: [] };
    }
    // A file its owner made read-only is not to be changed, as an editor would not; the rename
    // that puts a new file in place would replace it regardless of its mode.
    const readOnly = changing.filter((f) => writeProtected(f.current.snapshot)).map((f) => join(ctx.dataDir, f.rel));
    if (readOnly.length > 0) {
      throw new UserError('write.readOnly', { count: readOnly.length, files: readOnly.slice(0, 10).join(', ') + (readOnly.length > 10 ? ', …' : ''), command: `chmod u+w ${readOnly.map(shellWord).join(' ')}` });
    }
    const changedFiles: ChangedFile[] = changing.map((f) => {
      const c = f.change;
      return isVocabulary(c)
        ? { rel: f.rel, vocabulary: c.vocabulary, data: c.entries, text: f.text }
        : { rel: f.rel, kind: c.kind, id: c.id, data: c.record ?? undefined, text: f.text };
    });
    const { introduced, after } = errorsIntroduced(checked, raw, changedFiles);
    const warned = warningsCaused(checked, after);
    // What the reader finds in a text alone, before its data (a number YAML misreads), is found in
    // every text written: a restored file was never read this run, and an edit keeps the lines it
    // does not change as they were written, so a file the reader refuses would be saved as such.
    for (const f of changing) if (!isVocabulary(f.change) && f.text !== undefined) introduced.push(...numberFormProblems(f.rel, f.text));
    // A retired vocabulary entry stays valid where it was, but no change may choose it anew.
    introduced.push(...retiredChosen(checked.folder, raw, changedFiles, ctx.lang));
    introduced.push(...happenedLate);
    lock.refresh();
    if (introduced.length > 0) {
      const said = problemLines(ctx, introduced, options.reword, new Map(changing.flatMap((f) => (f.text === undefined ? [] : [[f.rel, f.text] as const]))), options.lacking?.());
      ctx.stderr.write(said.text);
      throw new UserError('write.refused', { count: introduced.length + said.added });
    }

    // Money promised beyond a pool's budget by this change: said once it is written (or as what it would do).
    const overcommitted = overcommittedByChange(checked.folder, changing.flatMap((f) => (isVocabulary(f.change) ? [] : [{ kind: f.change.kind, id: f.change.id, record: f.change.record }])), ctx.today, options.dryRun === true);

    if (options.dryRun) {
      // The diff is of the file, which holds fields and fixed values by their codes: said so above
      // it rather than putting words in the file's lines that the file would not hold.
      if (changing.length > 0) say(ctx, { key: 'write.dryRunLines', params: { count: changing.length } });
      // Personal data's values (contact persons, assessors) are left out unless asked for, as history leaves them out.
      const words = ctx.t('write.dryRunPersonalValue');
      let hid = false;
      for (const f of changing) {
        const hidden: HiddenValues | undefined = ctx.includePersonalData || isVocabulary(f.change) ? undefined
          : { before: personalLines(f.change.kind, f.current.text ?? ''), after: personalLines(f.change.kind, f.text ?? ''), words };
        const diff = lineDiff(join(ctx.dataDir, f.rel), f.current.text ?? '', f.text ?? '', ctx.color, hidden);
        if (hidden && (hidden.before.size > 0 || hidden.after.size > 0) && diff.includes(words)) hid = true;
        ctx.stdout.write(diff);
      }
      if (hid) say(ctx, { key: 'history.personalNote' });
      say(ctx, { key: 'write.dryRun', params: { count: changing.length } });
      for (const note of [...(options.notes?.() ?? []), ...overcommitted]) say(ctx, note, 'warn');
      sayWarningsCaused(ctx, warned, true);
      return { exitCode: EXIT.ok, written: [] };
    }

    // Git: what was uncommitted before we write, so it is reported and never swept in.
    const repo = options.commit === false ? undefined : findRepository(dir);
    // Paths as git sees them (git reports the repository's real path, without symbolic links).
    const real = repo ? realpathSync(dir) : dir;
    // A record folder may be a link within the data folder (organisations -> kept/organisations): git
    // takes no path beyond a link, so each file is named where it really is.
    const realFolder = (rel: string): string => {
      try {
        return repo ? realpathSync(join(dir, dirname(rel))) : join(real, dirname(rel));
      } catch {
        return join(real, dirname(rel)); // not there yet
      }
    };
    const targets = changing.map((f) => join(realFolder(f.rel), basename(f.rel)));
    let dirtyTargets: string[] = [];
    let dirtyOthers = 0;
    /** New record files nobody has committed and civsam did not note as its own: someone's work, named with the command that commits them. */
    let strangers: Array<{ rel: string; kind: RecordKind; id: string }> = [];
    // Files of an earlier change civsam saved and could not commit, still as it saved them: its own work, committed with this change.
    let earlier: OwnChange[] = [];
    if (repo && !identityKnown(repo)) throw new UserError('git.noIdentity');
    if (repo) {
      // Hidden files (the lock we hold, temporary files) are not anybody's work.
      const status = uncommittedFiles(repo, real).filter((f) => !HIDDEN_NAME.test(f.path));
      const dirty = new Set(status.map((f) => f.path));
      const untracked = new Set(status.filter((f) => f.untracked).map((f) => f.path));
      const targetRel = new Set(targets.map((t) => toRepoPath(repo, t)));
      earlier = ownUncommitted(repo.root, [...dirty]);
      const own = new Set(earlier.flatMap((c) => c.files.map((f) => f.path)));
      dirtyTargets = [...dirty].filter((p) => targetRel.has(p) && !own.has(p));
      const others = [...dirty].filter((p) => !targetRel.has(p) && !own.has(p));
      strangers = others.length > 0 ? newRecordsOfOthers(repo.root, real, others.filter((p) => untracked.has(p)), checked, raw) : [];
      dirtyOthers = others.length - strangers.length;
    }

    lock.refresh();
    await checkpoint();
    // The history is the folder's, shared by everyone who works on it: written in the folder's language.
    const language = checked.folder.settings?.language ?? ctx.lang;
    const records = changing.filter((f) => !isVocabulary(f.change));
    const vocabularies = changing.filter((f) => isVocabulary(f.change));
    const described = [
      ...vocabularies.map((f) => describeVocabularyChange((f.change as PlannedVocabularyChange).vocabulary, f.current.entries ?? [], (f.change as PlannedVocabularyChange).entries, language)),
      ...(records.length > 0 ? [describeChanges(records.map((f) => ({ kind: (f.change as PlannedChange).kind, id: (f.change as PlannedChange).id, before: f.current.data, after: (f.change as PlannedChange).record ?? undefined })), language)] : []),
    ].join('\n');
    const message = options.message ? options.message(described, language) : described;
    // Earlier changes civsam saved and could not commit: each committed now as the change it was,
    // oldest first and before this one is written, so the history shows each as itself.
    const left = repo ? catchUp(ctx, repo, earlier) : [];
    // One still uncommitted (git failed again) whose file this change writes anew: its message goes with this one's.
    const targetPaths = repo ? new Set(targets.map((t) => toRepoPath(repo, t))) : new Set<string>();
    const overtaken = left.filter((c) => c.files.some((f) => targetPaths.has(f.path)));
    const fullMessage = overtaken.length === 0 ? message : `${message}\n\n${translate(language, 'git.earlierOwnBody', { messages: overtaken.map((c) => c.message.split('\n')[0]).join('\n') })}`;
    // Noted before the files are written, so a commit that fails (or a process killed now) leaves the
    // next change knowing them for civsam's; a note that does not fit on the disk refuses the change here.
    if (left.length > 0) say(ctx, { key: 'git.earlierOwnLeft', params: { count: left.length } }, 'warn');
    const mine = repo && dirtyTargets.length === 0 ? newOwnChange(fullMessage, changing.map((f, i) => ({ path: toRepoPath(repo, targets[i]), sha: f.text === undefined ? null : contentSha(f.text) }))) : undefined;
    let noted = false;
    if (repo && mine) {
      try {
        noted = noteOwnChange(repo.root, mine);
      } catch (e) {
        throw FileSystemError.at(e, join(dir, changing[0].rel), 'write');
      }
    }
    // What the next writer needs to commit this change, should this process be killed while its files go in place.
    const note: LeftNote | undefined = repo && dirtyTargets.length === 0 ? { message: fullMessage, targets: targets.map((t) => relative(real, t).split(sep).join('/')) } : undefined;
    let written: string[];
    try {
      written = changing.length === 1 ? writeOne(ctx, lock, changing[0]) : await writeBatch(ctx, lock, changing, stop, { path: join(dir, JOURNAL_FILE), note });
      done = { committed: false };
    } catch (e) {
      // Not written (or not whole): nothing of it is civsam's saved work to commit later.
      if (repo && mine) forgetOwnChanges(repo.root, mine.files.map((f) => f.path));
      throw e;
    } finally {
      cache.forget(changing.map((f) => f.rel));
      cache.save();
    }
    if (changing.length <= 20) {
      for (const f of changing) say(ctx, { key: f.text === undefined ? 'write.removed' : f.current.snapshot.exists ? 'write.saved' : 'write.created', params: { file: join(ctx.dataDir, f.rel) } }, 'ok');
    } else {
      say(ctx, { key: 'write.savedMany', params: { count: changing.length } }, 'ok');
    }

    let commitFailed = false;
    if (repo) {
      if (dirtyTargets.length > 0) {
        say(ctx, { key: 'git.targetDirty', params: { files: dirtyTargets.join(', ') } }, 'warn');
      } else {
        const result = commitPaths(repo, targets, fullMessage);
        done.committed = result.committed;
        if (result.committed) forgetOwnChanges(repo.root, [...targetPaths]);
        if (result.committed) say(ctx, { key: 'git.committed', params: { message: message.split('\n')[0] } });
        else {
          // Saved but not in the history (a hook or git itself refused): not an ordinary success,
          // so a script that goes on to share the folder learns of it.
          // Kept for later only if the note is there still, as written: a promise made on what was saved.
          const kept = noted && mine !== undefined && ownUncommitted(repo.root, [...targetPaths], { forget: false }).some((c) => c.id === mine.id);
          if (result.full) say(ctx, { key: kept ? 'git.commitFullKept' : 'git.commitFullNotKept', params: { count: targets.length, reason: { key: `fs.reason.${result.full}` } } }, 'warn');
          else say(ctx, result.hook ? { key: 'git.hookRefused', params: { hook: result.hook } } : { key: 'git.commitFailed' }, 'warn');
          if (result.hook && kept) say(ctx, { key: 'git.commitLater' }, 'warn');
          commitFailed = true;
        }
      }
      if (strangers.length > 0) say(ctx, othersNewMessage(strangers), 'warn');
      if (dirtyOthers > 0) say(ctx, { key: 'git.othersDirty', params: { count: dirtyOthers } }, 'warn');
    }
    for (const note of [...(options.notes?.() ?? []), ...overcommitted]) say(ctx, note, 'warn');
    sayWarningsCaused(ctx, warned, false);
    // A Ctrl-C while git committed (git runs out of the terminal's reach, store/git.ts) is heard only
    // now. A commit that failed all the same has said so, with what to do: that is the one thing to
    // know (a stop had nothing left to stop), and the exit is the failed commit's.
    await heardYet();
    if (stop.count() > 0 && !commitFailed) {
      // Asked to stop once the files were going in: the change was finished instead, and says so.
      say(ctx, { key: repo && dirtyTargets.length === 0 ? 'write.finishedCommitted' : 'write.finished' }, 'warn');
      return { exitCode: stop.exitCode(), written };
    }
    return { exitCode: commitFailed ? EXIT.invalid : EXIT.ok, written };
  } finally {
    // A request from here on comes too late to stop anything: it is told what became of the change.
    stop.handBack(!done ? 'write.stopped' : done.committed ? 'write.finishedCommitted' : 'write.finished');
    lock.release();
  }
}

/**
 * Refuses a change to a folder whose civsam.yaml is there but no file civsam can read (a named
 * pipe, a folder, a link leading nowhere, a file it may not open): the folder is refused as a
 * whole, in the words a reading command refuses it with (see loadValidPart), since the region's
 * settings every record is judged by are not known. A civsam.yaml that is read but wrong is left
 * for validate to say: a change that adds no error still goes in.
 */
export function refuseUnreadSettings(ctx: CommandContext, problems: readonly Problem[]): void {
  if (!problems.some((p) => p.file === SETTINGS && UNREAD.has(p.rule))) return;
  throw folderWithErrors(ctx, problems);
}

/** The problems that say a file was not read at all. */
const UNREAD = new Set(['file-not-regular', 'file-unreadable']);

/**
 * Refuses a new record of the kind while files of its folder cannot be told (`untold`, see
 * untoldRecords): named at their errors, to be put right first.
 */
export function refuseBesideUntold(ctx: CommandContext, kind: RecordKind, untold: readonly Problem[]): void {
  if (untold.length > 0) throw new UserError('write.addBesideUnreadable', { aKind: { key: `kind.a.${kind}` as MessageKey }, count: untold.length, files: placesOf(ctx.dataDir, untold) });
}

/**
 * Refuses a new value of a field no two records may share (`fields`) while files of the kind's
 * folder cannot be told (`untold`): named at their errors, to be put right first.
 */
function refuseUniqueBesideUntold(ctx: CommandContext, kind: RecordKind, fields: readonly string[], untold: readonly Problem[]): void {
  if (untold.length === 0) return;
  const labels = listWords(ctx.lang, fields.map((f) => labelInSentence(ctx.lang, fieldLabel(ctx.lang, kind, f))));
  throw new UserError('write.uniqueBesideUnreadable', { aKind: { key: `kind.a.${kind}` as MessageKey }, fields: labels, count: untold.length, files: placesOf(ctx.dataDir, untold) });
}

/** Bytes in KiB, rounded up (a file 1 byte over the limit must not read as the limit itself). */
function kib(bytes: number): number {
  return Math.ceil(bytes / 1024);
}

/** One file: replaced on its own (file and folder flushed), exactly as a register command always did. */
function writeOne(ctx: CommandContext, lock: FolderLock, f: FileChange): string[] {
  const outcome = commitRecordFile(f.current, f.text, () => lock.stillHeld());
  if (!outcome.ok) throw refusedWrite(outcome.reason, join(ctx.dataDir, f.rel));
  return [f.rel];
}

/**
 * Why a record file could not be replaced: the lock was lost; the place holds no ordinary file (a
 * link, even one leading nowhere, a folder or a pipe: a record is never written through one, and
 * running the command again would not help); or it was changed by someone else meanwhile.
 */
function refusedWrite(reason: string, file: string): UserError {
  if (reason === 'lock-lost') return new UserError('write.lockLost', { file });
  const kind = notOrdinaryFile(file);
  if (kind) return new UserError('write.notRegular', { path: file, what: notRegularMessage(kind) });
  return new UserError('write.conflict', { file });
}

function notOrdinaryFile(path: string): NotRegular | undefined {
  let own;
  try {
    own = lstatSync(path);
  } catch {
    return undefined;
  }
  const kind = kindOf(own);
  if (kind === 'file') return undefined;
  if (kind !== 'link') return kind;
  try {
    const to = kindOf(statSync(path));
    return to === 'file' || to === 'link' ? 'link' : { linkTo: to };
  } catch {
    return 'linkBroken';
  }
}

/** Commits earlier changes civsam saved and could not commit (own-uncommitted.ts), and says so of each; returns those still uncommitted. */
function catchUp(ctx: CommandContext, repo: { root: string }, earlier: readonly OwnChange[]): OwnChange[] {
  return commitOwnChanges(repo, earlier, (hash, change) => say(ctx, { key: 'git.earlierOwnCommitted', params: { message: change.message.split('\n')[0] } }));
}

/**
 * Of the uncommitted files of others that git has never been told of (`others`, paths in the
 * repository), the new record files whose records pass their checks: most likely a change saved
 * while git could not commit it (by an earlier civsam, which did not note it), but nobody knows
 * whose, so never committed unasked; named, with the command that commits them as the creations they are.
 */
function newRecordsOfOthers(root: string, real: string, others: readonly string[], checked: CheckedFolder, raw: RawFolder): Array<{ rel: string; kind: RecordKind; id: string }> {
  const kindIn = new Map(Object.entries(FOLDER_OF).map(([kind, folder]) => [folder, kind as RecordKind]));
  const read = new Set(raw.files.filter((f) => f.data !== undefined).map((f) => f.rel));
  const faulty = new Set(checked.problems.filter((p) => p.severity === 'error').map((p) => p.file));
  return others.flatMap((p) => {
    const rel = relative(real, join(root, p)).split(sep).join('/');
    const m = /^([^/]+)\/([^/]+)\.yaml$/.exec(rel);
    const kind = m ? kindIn.get(m[1]) : undefined;
    if (!m || !kind || !ID_PATTERN.test(m[2]) || !read.has(rel) || faulty.has(rel)) return [];
    return [{ rel, kind, id: m[2] }];
  });
}

/** The note naming new record files of others (newRecordsOfOthers), with the civsam command that records them. */
function othersNewMessage(files: ReadonlyArray<{ rel: string; kind: RecordKind; id: string }>): Message {
  return { key: 'git.othersNew', params: { count: files.length, files: files.map((f) => f.rel).join(', ') } };
}

/** Where a file goes in a batch: new files first, then changed ones, then removals. */
function placingOrder(f: FileChange): number {
  return f.text === undefined ? 2 : f.current.snapshot.exists ? 1 : 0;
}

/**
 * Many files (an import, or any change of several records): written through replaceFiles, all
 * flushed at once, every one checked before the first rename, so a refusal found then writes
 * nothing. New files go first and removals last, so a crash part-way (each file then old or new)
 * leaves, as far as one change allows, no reference to a record that is not there.
 * A request to stop before the first rename stops with nothing written; once the renames have
 * begun the batch is finished (and, by applyChange, committed), unless a second request comes:
 * then it stops where it is and says how much is written and how to finish.
 */
/** A hidden name (the lock, a temporary file, the journal): nobody's work to commit. */
const HIDDEN_NAME = /(^|\/)\.[^/]*$/;

/** What a change's journal keeps for its commit: the message, and its files as git names them (relative to the data folder's real path). */
interface LeftNote {
  message: string;
  targets: string[];
}

/**
 * Finishes, first thing under the lock, a change of many files whose writer was killed while they
 * went in place (store/unfinished-change.ts), and commits it as that writer would have; says so.
 */
export function finishLeftChange(ctx: CommandContext, dir: string, cache: ParseCache = noCache): void {
  const finished = finishUnfinishedChange(dir);
  if (!finished) return;
  cache.forget(finished.targets.map((t) => relative(dir, t).split(sep).join('/')));
  const note = finished.note as Partial<LeftNote> | undefined;
  let committed = false;
  const repo = findRepository(dir);
  if (repo && typeof note?.message === 'string' && Array.isArray(note.targets) && note.targets.every((t) => typeof t === 'string' && !t.split('/').includes('..'))) {
    const real = realpathSync(dir);
    const paths = note.targets.map((t) => join(real, t));
    const mine = new Set(paths.map((p) => toRepoPath(repo, p)));
    // Only when nothing but this change is uncommitted in the folder: what anyone else changed since is theirs to commit.
    if (uncommitted(repo, real).every((p) => HIDDEN_NAME.test(p) || mine.has(p))) committed = commitPaths(repo, paths, note.message).committed;
  }
  say(ctx, { key: committed ? 'write.leftFinishedCommitted' : 'write.leftFinished', params: { count: finished.placed } }, 'warn');
}

async function writeBatch(ctx: CommandContext, lock: FolderLock, changing: FileChange[], stop: StopRequests, journal: { path: string; note?: unknown }): Promise<string[]> {
  const ordered = changing.map((f, i) => ({ f, i })).sort((a, b) => placingOrder(a.f) - placingOrder(b.f) || a.i - b.i).map((x) => x.f);
  const batch: BatchFile[] = ordered.map((f) => ({
    target: f.current.path,
    bytes: f.text === undefined ? undefined : recordBytes(f.current, f.text),
    expected: f.current.snapshot,
  }));
  let placed = 0;
  let placing = false;
  stop.onRequest((count) => {
    if (placing && count === 1) say(ctx, { key: 'write.finishing', params: { written: placed, total: ordered.length } }, 'warn');
  });
  let outcome: BatchOutcome;
  try {
    outcome = await replaceFiles(batch, {
      stillHeld: () => lock.stillHeld(), keepAlive: () => lock.refresh(), mode: RECORD_MODE, closedToOthers: true, journal,
      interrupts: () => stop.count(),
      onPlacingBegins: () => { placing = true; },
      onPlaced: () => { placed++; },
    });
  } catch (e) {
    // An error of the system (a full disk, a permission) part-way: say what is already written.
    if (placed > 0) sayPartial(ctx, ordered.slice(0, placed));
    throw e;
  }
  if (outcome.ok) return changing.map((f) => f.rel);
  const file = join(ctx.dataDir, ordered[outcome.index].rel);
  if (outcome.reason === 'interrupted') {
    if (outcome.placed === 0) throw new UserError('write.stopped', {}, stop.exitCode());
    throw new UserError('write.stoppedPart', { written: outcome.placed, total: ordered.length }, stop.exitCode());
  }
  if (outcome.placed === 0) throw refusedWrite(outcome.reason, file);
  sayPartial(ctx, ordered.slice(0, outcome.placed));
  throw new UserError(outcome.reason === 'lock-lost' ? 'write.batchLockLost' : 'write.batchConflict', { file, written: outcome.placed, total: ordered.length });
}

function sayPartial(ctx: CommandContext, written: FileChange[]): void {
  if (written.length <= 20) say(ctx, { key: 'write.partial', params: { files: written.map((w) => join(ctx.dataDir, w.rel)).join(', ') } }, 'warn');
  else say(ctx, { key: 'write.partialMany', params: { count: written.length } }, 'warn');
}

/** Changes one existing record through `mutate` (which gets a copy and may throw to refuse). */
export async function changeRecord(ctx: CommandContext, opts: { dryRun?: boolean; commit?: boolean }, kind: RecordKind, id: string, mutate: (record: Rec, s: Session) => Rec, reword?: ChangeOptions['reword']): Promise<number> {
  const result = await applyChange(ctx, { dryRun: opts.dryRun === true, commit: opts.commit !== false, ...(reword ? { reword } : {}) }, (s) => {
    const current = s.current(kind, id);
    if (!current) throw new UserError('register.notFound', { kind: { key: `kind.${kind}` }, id });
    return [{ kind, id, record: mutate(current, s) }];
  });
  return result.exitCode;
}

/**
 * A state change that records the day it took effect (`inactive_since`, `withdrawn`): `--date`,
 * else today, never a day after today. A record already in that state keeps its recorded day unless
 * `--date` sets or corrects it (today would be a later, wrong day).
 * `read`: given the folder as it is before the change, and the day, to say what the change leaves behind.
 */
export async function changeDatedStatus(ctx: CommandContext, opts: { dryRun?: boolean; commit?: boolean; date?: string }, kind: RecordKind, id: string, status: string, dateField: string, read?: (folder: DataFolder, date: string) => void): Promise<number> {
  const date = pastDateOption(opts.date, '--date', ctx.today);
  return changeRecord(ctx, opts, kind, id, (r, s) => {
    read?.(s.folder, date);
    return r.status === status && opts.date === undefined ? r : { ...r, status, [dateField]: date };
  });
}
