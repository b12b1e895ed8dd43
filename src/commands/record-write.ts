// `civsam <kind> add|edit|remove`: the generic commands that create, change and remove records of
// any kind, from flags (one per field) or a whole record from a file or standard input.
import { resolve } from 'node:path';
import type { CommandContext } from '../context/context.js';
import type { RecordKind } from '../domain/kinds.js';
import type { DataFolder } from '../domain/folder.js';
import { nfcDeep } from '../domain/text.js';
import { EXIT, UserError } from '../domain/errors.js';
import { limitMessage, readNamedInput } from '../store/read-file.js';
import { commentsAfterPlainValues, decode, thousandsNumbers, locate, MAX_FILE_BYTES, parseStrict, type PathSegment, type StrictParse } from '../store/yaml-read.js';
import { applyFlags, hasFieldFlags, newId, unsetFields, withDefaults, type Rec } from '../register/build.js';
import { isValidId, lettersLeftOut, slugify, uniqueId } from '../domain/ids.js';
import { missingRequired, needsReach } from './guided-questions.js';
import { referenceIndex, referrersOf } from '../register/refs.js';
import { COMMAND_OF } from '../domain/kinds.js';
import { nameFieldOf } from '../domain/record-name.js';
import { applyChange, type ChangeOptions, type Reworded } from '../register/apply-change.js';
import { recordRel } from '../store/paths.js';
import { namesakes, repeatedRecords } from '../register/repeats.js';
import { removedByReplacing } from '../register/replaced.js';
import { refuseOpeningDayByEdit, refuseStatusByEdit, refuseStatusOnAdd } from '../register/course-status.js';
import { lateByNewDeadline, lateReceipt, lateRefusalInTime } from '../domain/application-dates.js';
import { applicationsOf, refusedLateInTime } from '../domain/applications.js';
import { FIELDS, optionName } from '../register/fields.js';
import { typedValueWording } from '../register/flag-words.js';
import { translate, type Language, type Message, type MessageKey, type MessageParams } from '../i18n/index.js';
import { LANGUAGES } from '../i18n/define.js';
import { problemLine } from '../output/problem-line.js';
import { fieldLabel, messageOr } from '../i18n/values.js';
import { decimalFields, requiredOf } from '../domain/shapes.js';
import { numberFormProblems, type Problem } from '../store/load-folder.js';
import { fileWords, type FileWords } from './record-file-words.js';
import { looksLikeSpreadsheet } from '../spreadsheets/import/sheet.js';
import { IMPORT_KINDS } from '../spreadsheets/import/plan.js';
import { shellWord } from '../i18n/shell-word.js';
import { hintForWord, kindWord, listed } from '../context/names.js';

export interface WriteOpts {
  id?: string;
  fromFile?: string;
  dryRun?: boolean;
  commit?: boolean;
  unset?: string[];
  [flag: string]: unknown;
}

/** A record the user gave in a file: the record, the file as messages name it, and where each field is in it. */
export interface RecordInput {
  record: Rec;
  shown: string;
  parsed: StrictParse;
}

/** A key of a field the schemas hold a decimal number in (a criterion's weight), by its name or its label in either language. */
function takesDecimal(key: string): boolean {
  DECIMAL_KEYS ??= new Set([...decimalFields()].flatMap((f) => [f, ...LANGUAGES.map((lang) => messageOr(lang, `label.${f}`, f).toLocaleLowerCase(lang))]));
  return DECIMAL_KEYS.has(key.toLocaleLowerCase('da'));
}
let DECIMAL_KEYS: Set<string> | undefined;

/** A whole record from a YAML or JSON file, or from standard input with `-`. */
export async function recordFromInput(ctx: CommandContext, file: string, kind?: RecordKind): Promise<RecordInput> {
  const shown = file === '-' ? ctx.t('register.stdin') : file;
  // A record is a few KiB: reading stops at the loader's limit, so /dev/zero or a runaway pipe
  // cannot fill the memory.
  const bytes = await readNamedInput(file === '-' ? '-' : resolve(ctx.cwd, file), {
    shown, limit: MAX_FILE_BYTES, stdin: ctx.stdin,
    waiting: () => ctx.stderr.write(ctx.errColor.yellow(ctx.t('input.waitingForPipe', { file: shown })) + '\n'),
    tooLarge: () => new UserError('input.tooLarge', { file: shown, limit: limitMessage(MAX_FILE_BYTES) }),
  });
  // A spreadsheet (one made for `import`, an .xlsx) holds rows, not one record: said with the
  // command that reads it, rather than taken for a YAML file with mistakes in it.
  if (file !== '-' && looksLikeSpreadsheet(file, bytes)) throw spreadsheetGiven(file, kind);
  const decoded = decode(bytes);
  if (!('text' in decoded)) throw new UserError('register.fromFileInvalid', { file: shown, line: decoded.problem.line, col: decoded.problem.col, problem: decoded.problem.message });
  const parsed = parseStrict(decoded.text);
  if (parsed.problems.length > 0) {
    const p = parsed.problems[0];
    throw new UserError('register.fromFileInvalid', { file: shown, line: p.line, col: p.col, problem: p.message });
  }
  if (parsed.data === null || typeof parsed.data !== 'object' || Array.isArray(parsed.data)) throw new UserError('register.fromFileNotRecord', { file: shown });
  // A number written as Danish writes thousands (600.000, which YAML reads as 600) is kept as the
  // text it was written as, under Danish keys too: the record's check then says it, with the digits
  // to write, at its place in the file and with the file's other problems; it is never written.
  const grouped = thousandsNumbers(decoded.text, parsed, takesDecimal);
  for (const { path, written } of grouped) putAt(parsed.data, path, written);
  // Another form YAML reads as a number (0x… or 2.027e3): refused as validate refuses it in a
  // record's file. (Behind a number kept as text, one is found on the next try: the record is refused.)
  const form = numberFormProblems(shown, decoded.text).find((p) => !grouped.some((g) => g.line === p.line && g.col === p.col));
  if (form) throw new UserError('register.fromFileNumber', { file: shown, line: form.line, col: form.col, problem: form.message });
  for (const p of commentsAfterPlainValues(decoded.text)) {
    ctx.stderr.write(ctx.errColor.yellow(problemLine(ctx.lang, '', { ...p, file: shown })) + '\n');
  }
  // Text arriving from a file is put in NFC like text from flags (a file saved on a Mac may be NFD).
  return { record: nfcDeep(parsed.data as Rec), shown, parsed };
}

/** A spreadsheet given to --from-file: the import command for it, for a kind import reads; else what --from-file reads. */
function spreadsheetGiven(file: string, kind: RecordKind | undefined): UserError {
  if (kind !== undefined && (IMPORT_KINDS as readonly string[]).includes(kind)) {
    return new UserError('register.fromFileSpreadsheet', { file, command: `civsam import ${translate('en', `sheetKind.${kind}` as MessageKey)} ${shellWord(file)}` });
  }
  return new UserError('register.fromFileSpreadsheetNoImport', { file });
}

/** Puts a value at a path of parsed data, through objects and lists, where the path leads to one. */
function putAt(data: unknown, path: readonly PathSegment[], value: unknown): void {
  let node = data as Record<PathSegment, unknown>;
  for (const step of path.slice(0, -1)) node = node?.[step] as Record<PathSegment, unknown>;
  if (node !== null && typeof node === 'object' && path.length > 0) node[path[path.length - 1]] = value;
}

/** The id a new record is checked under when none can be made yet; such a record is never written. */
const STAND_IN_ID = 'ny-post';

/**
 * A record from flags is said in flags (flagWording; `made`: a new record's file, see there); one
 * from a file the user gave, at its places in that file (`from.file`: the record's file in the data
 * folder, a new record's once its id is made).
 */
const options = (o: WriteOpts, kind: RecordKind, lang: Language, made?: () => string | undefined, from?: FromFile): ChangeOptions => ({
  dryRun: o.dryRun === true, commit: o.commit !== false,
  reword: from ? fileWording(kind, o, lang, from, made !== undefined) : flagWording(kind, o, made),
  ...(from ? { fromFile: true } : {}),
});

/**
 * A record from a file the user gave: the file, the record's file in the data folder (a new
 * record's once its id is made), and the record read in the data's terms (once the folder is read).
 */
interface FromFile {
  input: RecordInput;
  file: () => string | undefined;
  words: () => FileWords | undefined;
}

/**
 * A record from a file the user gave (`--from-file`): a problem of its file in the data folder is
 * said at its field's place in the user's file, not at a line of the file civsam would write, which
 * the user has never seen; a field the user's file does not have (a default civsam filled in, one
 * the record lacks) is said without a line. A field a flag gave as well is said by its flag.
 */
function fileWording(kind: RecordKind, given: WriteOpts, lang: Language, { input, file, words }: FromFile, adding: boolean): (p: Problem, at: readonly PathSegment[], place: 'key' | 'value') => Reworded | undefined {
  return (p, at, place) => {
    const flagged = givenFlagWording(kind, given, p, at, adding);
    if (flagged) return flagged;
    if (p.file !== file()) return undefined;
    const read = words();
    const message = (read && unknownWordWording(kind, lang, p, at, read)) ?? p.message;
    // A field the file named in other words (`navn:`) is at the key the file has.
    // A field inside an object the file gave by a sheet's header on its own level (`undtagelse_begrundelse:`) is at that key.
    const flat = read && [...read.flat].find(([path]) => at.join('.') === path || at.join('.').startsWith(`${path}.`));
    const where = flat ? [flat[1], ...at.slice(flat[0].split('.').length)]
      : at.map((step, i) => (typeof step === 'string' && read?.keys.get(at.slice(0, i + 1).join('.'))) || step);
    // A missing field is placed at the object that lacks it (the record's own: at no line); the message names the field.
    if (where.length > 0 && hasPath(input.record, where)) return { at: { file: input.shown, ...locate(input.parsed, where, p.rule === 'schema-required' ? 'key' : place) }, message };
    return { at: { file: input.shown }, message };
  };
}

/**
 * A problem at a word of the file that names no fixed value or entry (or several): said as the
 * flags say it, with what it may be meant for, in place of the schema's advice to write a code or an id.
 */
function unknownWordWording(kind: RecordKind, lang: Language, p: Problem, at: readonly PathSegment[], read: FileWords): Message | undefined {
  const word = read.unknown.find((w) => w.path.length === at.length && w.path.every((s, i) => s === at[i]));
  if (!word) return undefined;
  const field = p.message.params?.field ?? fieldLabel(lang, kind, at.filter((s) => typeof s === 'string').join('.'));
  const r = word.resolution;
  if ('values' in word.names) {
    const choices = word.names.index.entries.map((e) => e.display[lang]).join(', ');
    const near = r.status === 'unknown' ? r.closest : r.candidates;
    return near.length > 0
      ? { key: 'register.fileValueNear', params: { field, hint: { key: 'names.didYouMean', params: { list: near.map((e) => e.display[lang]).join(', ') } }, choices } }
      : { key: 'register.fileValue', params: { field, choices } };
  }
  const target = word.names.target;
  if (r.status === 'ambiguous') return { key: 'register.fileSeveralEntries', params: { field, candidates: listed(r.candidates, lang, target) } };
  return { key: 'register.fileNoEntry', params: { field, kind: kindWord(target), hint: hintForWord(lang, target, word.names.index, r.closest) } };
}


/** Whether a record has a value at the path. */
function hasPath(record: unknown, path: readonly PathSegment[]): boolean {
  let node = record;
  for (const step of path) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, step)) return false;
    node = (node as Record<string | number, unknown>)[step];
  }
  return true;
}

/**
 * A record made from flags: its problems are said by the flag that gives the field (`--cvr must
 * be …`), not by a line of a file the user never wrote; a missing field by the flag that gives it.
 * `made`: the file of a new record, whose other problems are said without a place in it.
 */
function flagWording(kind: RecordKind, given: WriteOpts, made?: () => string | undefined): (p: Problem, at: readonly PathSegment[]) => Message | undefined {
  return (p, at) => {
    const field = p.message.params?.field;
    if (p.message.key === 'problem.reachMissing' && FIELDS[kind].some((s) => s.path === 'scope')) return { key: 'register.reachFlag' };
    if (p.rule === 'schema-required' && typeof field === 'string') {
      const spec = FIELDS[kind].find((s) => s.path === field);
      if (spec) return { key: 'register.requiredFlag', params: { field, flag: `--${spec.flag}` } };
    }
    return givenFlagWording(kind, given, p, at, made !== undefined) ?? (made && p.file === made() ? p.message : undefined);
  };
}

/** A problem at a field a flag was given for, said by the flag (`--cvr must be …`). `adding`: the record is new, so it has no field to remove. */
function givenFlagWording(kind: RecordKind, given: WriteOpts, p: Problem, at: readonly PathSegment[], adding: boolean): Message | undefined {
  const field = p.message.params?.field;
  // The field the problem is at, as a flag path: list positions dropped (`areas[1]` is --areas,
  // `funding[0].kind` is --funding), a nested field as deep as a flag reaches (`contact.email`).
  const list = at.findIndex((s) => typeof s === 'number');
  const names = (list < 0 ? at : at.slice(0, list)).map(String);
  let spec: (typeof FIELDS)[RecordKind][number] | undefined;
  for (let n = names.length; n > 0 && !spec; n--) spec = FIELDS[kind].find((s) => s.path === names.slice(0, n).join('.'));
  if (!spec || given[optionName(spec.flag)] === undefined) return undefined;
  const flag = `--${spec.flag}`;
  const own = typeof field === 'string' && field.replace(/\[\d+\].*$/, '') === spec.path;
  // A part of a line such as --funding POOL:YEAR:KIND:AMOUNT is named as the form names it.
  const part = list < 0 ? undefined : PART_NAMES[`${spec.type}.${String(at[list + 1])}`];
  if (own && part) return { key: p.message.key, params: { ...p.message.params, field: { key: part } } };
  // An empty text after an option: leave the option out, or (a record that has the field) remove it with --unset.
  // A field the record must have (a name, a title) cannot be left out: only the text is asked for.
  if (p.message.key === 'problem.schema.minLength' && own && requiredOf(kind).includes(spec.path)) return { key: 'problem.flag.minLengthRequired', params: { field: flag } };
  if (p.message.key === 'problem.schema.minLength' && own) return { key: adding ? 'problem.flag.minLengthNew' : 'problem.flag.minLength', params: { ...p.message.params, field: flag, name: spec.flag } };
  const worded = typedValueWording(p.message, flag);
  if (worded) return worded;
  if (own) return { key: p.message.key, params: { ...p.message.params, field: flag } };
  return { key: 'register.flagProblem', params: { flag, problem: p.message } };
}

/** The parts of the flags that give a list of objects as colon-separated parts, by the flag's type and the part's field. */
const PART_NAMES: Readonly<Record<string, MessageKey>> = {
  'funding.pool': 'register.part.funding.pool',
  'funding.year': 'register.part.funding.year',
  'funding.kind': 'names.fundingKind',
  'funding.amount_dkk': 'register.part.funding.amount',
  'budgets.year': 'register.part.budgets.year',
  'budgets.amount_dkk': 'register.part.budgets.amount',
};

/** What civsam made of a flag's value (a web address completed), said on stderr. */
const noteOf = (ctx: CommandContext) => (m: Message) => ctx.stderr.write(ctx.errColor.yellow(ctx.t(m.key, m.params)) + '\n');

/** On a terminal, the flags completed by asking (undefined: the user chose not to save); elsewhere the flags as given. */
async function guided(ctx: CommandContext, ask: () => Promise<Record<string, unknown> | undefined>, opts: WriteOpts): Promise<WriteOpts | undefined> {
  return ctx.terminal ? ((await ask()) as WriteOpts | undefined) : opts;
}

export function add(kind: RecordKind) {
  return async (ctx: CommandContext, given: WriteOpts): Promise<number> => {
    // A whole record from a file asks nothing: the file is the answer.
    const opts = given.fromFile === undefined ? await guided(ctx, async () => (await import('./guided-entry.js')).guidedAdd(ctx, kind, given), given) : given;
    if (!opts) return EXIT.ok;
    const input = opts.fromFile !== undefined ? await recordFromInput(ctx, opts.fromFile, kind) : undefined;
    let read: FileWords | undefined;
    let createdId = '';
    let numberedFrom: string | undefined;
    // The part of the name the id was made of, when other letters were left out.
    let idFromPart: string | undefined;
    // An application received after its call's deadline: said after the change.
    let received: Message | undefined;
    let built: Rec | undefined;
    // Other records of the kind with the same name (two agreements may share a title): said by id.
    let alike: string[] = [];
    // A record made from flags that lacks fields is told where it reaches as well, should it lack that too.
    const lacking = () => (opts.fromFile === undefined && built && needsReach(kind, built) ? [{ key: 'register.reachFlag' } as const] : []);
    const made = () => (createdId ? recordRel(kind, createdId) : undefined);
    const result = await applyChange(ctx, { ...options(opts, kind, ctx.lang, made, input && { input, file: made, words: () => read }), lacking }, (s) => {
      read = input && fileWords(kind, input.record, s.folder);
      const rec = withDefaults(kind, applyFlags(kind, read?.record ?? {}, opts, noteOf(ctx), s.folder.settings?.language ?? ctx.lang), s.folder, ctx.today);
      built = rec;
      const chosen = opts.id ?? (typeof rec.id === 'string' ? rec.id : undefined);
      // A record the register has already (the same offer from the same organisation) is refused
      // unless the user names the new one: a second entry of the same thing is the usual mistake.
      const same = chosen === undefined ? repeatedRecords(kind, rec, s.folder) : [];
      if (same.length > 0) throw new UserError('register.repeated', { what: { key: `register.same.${kind}` as MessageKey }, ids: same.join(', '), first: same[0], command: COMMAND_OF[kind] });
      let id = chosen ?? newId(kind, rec, s.folder, (taken) => { numberedFrom = taken; });
      // No id can be made while the fields it is made from are missing: the record is checked under
      // a stand-in id (never written, as a record that lacks a field is refused), so every field it
      // lacks is said at once rather than the id alone.
      // So is a name or title given empty (`--name ""`): the check then says it was given without text.
      const blank = [rec.name, rec.title].some((v) => typeof v === 'string' && v.trim() === '');
      if (!id && (blank || missingRequired(kind, rec).length > 0)) id = uniqueId(STAND_IN_ID, (x) => s.folder.records[kind].has(x));
      if (!id) {
        // A name or title was given but holds no letter or digit to make an id of ("…" copied from an example).
        const named = [rec.name, rec.title].some((v) => typeof v === 'string' && v.trim() !== '');
        // A name of letters none of which an id can hold (`日本語の会`) is not said to have none.
        const letters = [rec.name, rec.title].some((v) => typeof v === 'string' && /[\p{L}\p{N}]/u.test(v));
        throw new UserError(letters ? 'register.noIdFromLetters' : named ? 'register.noIdFromName' : 'register.noId', kindWords(kind));
      }
      // An id made of a part of the name, other letters left out (`日本語の会 Midtjylland`): said which.
      const name = typeof rec.name === 'string' ? rec.name : rec.title;
      if (chosen === undefined && typeof name === 'string' && lettersLeftOut(name) && slugify(name) !== '' && id.includes(slugify(name))) idFromPart = slugify(name);
      if (!isValidId(id)) throw new UserError('register.badId');
      if (s.folder.records[kind].has(id) || s.current(kind, id) !== undefined) throw new UserError('register.exists', { ...kindWords(kind), id, command: COMMAND_OF[kind] });
      const { id: _drop, ...rest } = rec;
      void _drop;
      refuseStatusOnAdd(kind, rec, id, ctx.today);
      received = kind === 'application' ? lateReceipt(undefined, { id, ...rest }, s.folder) : undefined;
      createdId = id;
      alike = namesakes(kind, id, rec, s.folder);
      return [{ kind, id, record: { id, ...rest } }];
    });
    if (result.written.length > 0 || opts.dryRun) {
      if (idFromPart) noteOf(ctx)({ key: 'register.idFromPart', params: { id: createdId } });
      if (numberedFrom) noteOf(ctx)({ key: opts.dryRun ? 'register.idNumberedDryRun' : 'register.idNumbered', params: { base: numberedFrom, id: createdId } });
      ctx.stdout.write(`${createdId}\n`);
      if (received) noteOf(ctx)(received);
      if (alike.length > 0 && result.exitCode === EXIT.ok) noteOf(ctx)({ key: `${opts.dryRun ? 'register.namesakeDryRun' : 'register.namesake'}.${kind}` as MessageKey, params: { count: alike.length, ids: alike.join(', '), id: createdId, command: `civsam ${COMMAND_OF[kind]} remove ${createdId}` } });
    }
    return result.exitCode;
  };
}

/** A kind's name, with its article and the pronoun for it (Danish nouns are en or et, den or det), for a message. */
function kindWords(kind: RecordKind): MessageParams {
  return { kind: { key: `kind.${kind}` }, aKind: { key: `kind.a.${kind}` as MessageKey }, it: { key: `kind.it.${kind}` as MessageKey } };
}

export function edit(kind: RecordKind) {
  return async (ctx: CommandContext, given: WriteOpts, args: unknown[]): Promise<number> => {
    const id = String(args[0]);
    // Nothing to change on the command line: on a terminal, civsam asks which fields to change.
    const bare = given.fromFile === undefined && !hasFieldFlags(kind, given) && !(given.unset && given.unset.length > 0);
    const opts = bare ? await guided(ctx, async () => (await import('./guided-entry.js')).guidedEdit(ctx, kind, id, given), given) : given;
    if (!opts) return EXIT.ok;
    const input = opts.fromFile !== undefined ? await recordFromInput(ctx, opts.fromFile, kind) : undefined;
    const fromFile = input?.record;
    let read: FileWords | undefined;
    if (!fromFile && !hasFieldFlags(kind, opts) && !(opts.unset && opts.unset.length > 0)) throw new UserError('register.nothingToChange', { command: `civsam ${COMMAND_OF[kind]} edit --help` });
    let repeats: string[] = [];
    let removed: Message[] = [];
    let late: { count: number; command: string } | undefined;
    let received: Message | undefined;
    // A refusal for being late that the change makes one of an application received in time.
    let inTime: Message | undefined;
    // An application's amount applied for is judged against its grant, a consultation's seats against
    // those invited (only their commands' code knows how).
    const guard: ((before: Rec, after: Rec, id: string, folder: DataFolder) => void) | undefined = kind === 'application' ? (await import('./application.js')).refuseGrantAboveApplied
      : kind === 'consultation' ? (await import('./consultation.js')).refuseSeatsBelowInvited : undefined;
    const result = await applyChange(ctx, { ...options(opts, kind, ctx.lang, undefined, input && { input, file: () => recordRel(kind, id), words: () => read }), notes: () => removed }, (s) => {
      const current = s.current(kind, id);
      if (!current) throw new UserError('register.notFound', { kind: { key: `kind.${kind}` }, id });
      let rec: Rec = current;
      if (fromFile) {
        if (fromFile.id !== undefined && fromFile.id !== id) throw new UserError('register.idMismatch', { id });
        read = fileWords(kind, fromFile, s.folder);
        rec = { id, ...read.record };
      }
      rec = applyFlags(kind, rec, opts, noteOf(ctx), s.folder.settings?.language ?? ctx.lang);
      if (opts.unset) rec = unsetFields(kind, rec, opts.unset);
      refuseStatusByEdit(kind, current, rec, id);
      refuseOpeningDayByEdit(kind, current, rec, id);
      // A call's deadline moved before the day applications came makes them late: said after the change (the audit's late-application-granted follows).
      if (kind === 'call' && typeof rec.deadline === 'string' && rec.deadline !== current.deadline) {
        const received = applicationsOf(s.folder, id).map((a) => a.received);
        const was = typeof current.deadline === 'string' ? current.deadline : undefined;
        const count = lateByNewDeadline(received, was, rec.deadline);
        late = count > 0 && was !== undefined ? { count, command: `civsam call edit ${id} --deadline ${was}` } : undefined;
        // Moved past the day a refusal for being late was received: that refusal's letter would be untrue (the audit's refused-late-in-time).
        const untrue = applicationsOf(s.folder, id).filter((a) => refusedLateInTime(a, rec.deadline as string) && !refusedLateInTime(a, was)).map((a) => a.id);
        inTime = untrue.length > 0 && was !== undefined ? { key: 'call.deadlineUndoesLateRefusal', params: { count: untrue.length, ids: untrue.join(', '), first: untrue[0], command: `civsam call edit ${id} --deadline ${was}` } } : undefined;
      }
      guard?.(current, rec, id, s.folder);
      received = kind === 'application' ? lateReceipt(current, rec, s.folder) : undefined;
      if (kind === 'application') inTime = lateRefusalInTime(current, rec, s.folder);
      // An edit that makes it repeat another record (a title changed to another offer's of the same
      // organisation) is most often a slip: said after the change, which is the user's to make.
      const before = new Set(repeatedRecords(kind, current, s.folder));
      repeats = repeatedRecords(kind, rec, s.folder).filter((other) => other !== id && !before.has(other));
      // A flag that gives a whole list anew (--budgets) may take away entries not given again: said
      // after the write, or after a dry run's diff as what it would take away.
      removed = removedByReplacing(kind, id, current, rec, opts, s.folder, ctx.lang, opts.dryRun === true);
      return [{ kind, id, record: rec }];
    });
    if (result.exitCode === EXIT.ok && (result.written.length > 0 || opts.dryRun) && late) noteOf(ctx)({ key: 'call.deadlineBeforeReceived', params: { ...late, id } });
    if (result.exitCode === EXIT.ok && (result.written.length > 0 || opts.dryRun) && received) noteOf(ctx)(received);
    if (result.exitCode === EXIT.ok && (result.written.length > 0 || opts.dryRun) && inTime) noteOf(ctx)(inTime);
    // Said after a dry run's diff too, as what the change would do.
    if (result.exitCode === EXIT.ok && repeats.length > 0 && (result.written.length > 0 || opts.dryRun)) noteOf(ctx)({ key: opts.dryRun ? 'register.wouldRepeat' : 'register.nowRepeats', params: { what: { key: `register.same.${kind}` as MessageKey }, ids: repeats.join(', '), names: { key: `register.names.${nameFieldOf(kind) ?? 'name'}` } } });
    return result.exitCode;
  };
}

/**
 * The records that refer to a record, which keep it from being removed: how many, and the first
 * ten by kind, id and field (`tilbud samtalegruppe (Organisation)`); undefined when none does.
 */
export function referrersSaid(ctx: CommandContext, folder: DataFolder, kind: RecordKind, id: string): { count: number; list: string } | undefined {
  const refs = referrersOf(referenceIndex(folder, new Set([kind])), kind, id);
  if (refs.length === 0) return undefined;
  const list = refs.slice(0, 10).map((r) => `${ctx.t(`kind.${r.kind}`)} ${r.id} (${fieldLabel(ctx.lang, r.kind, r.field)})`).join(', ') + (refs.length > 10 ? ', …' : '');
  return { count: refs.length, list };
}

export function remove(kind: RecordKind) {
  return async (ctx: CommandContext, opts: WriteOpts, args: unknown[]): Promise<number> => {
    const id = String(args[0]);
    const result = await applyChange(ctx, options(opts, kind, ctx.lang), (s) => {
      if (!s.current(kind, id)) throw new UserError('register.notFound', { kind: { key: `kind.${kind}` }, id });
      const refs = referrersSaid(ctx, s.folder, kind, id);
      if (refs) throw new UserError(kind === 'organisation' ? 'register.referencedOrg' : 'register.referenced', { ...kindWords(kind), id, ...refs });
      return [{ kind, id, record: null }];
    });
    return result.exitCode;
  };
}
