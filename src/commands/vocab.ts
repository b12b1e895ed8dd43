// `civsam vocab list|add|rename|retire`: the vocabularies (patient groups, municipalities, offer
// types) seen and changed by command. A change goes through the register's one write path (the
// folder's lock, the whole folder checked with the change in place, the atomic writer keeping the
// file's comments, one git commit), as a record's change does. An entry's id never changes: records
// refer to it. A retired entry stays in the list, valid where records already name it, and the
// write path refuses it for anything new.
import type { CommandContext } from '../context/context.js';
import { loadFolder } from '../context/load.js';
import { emit } from '../context/output.js';
import { pastDateOption } from '../domain/dates.js';
import { EXIT, UserError } from '../domain/errors.js';
import type { DataFolder } from '../domain/folder.js';
import { slugify } from '../domain/ids.js';
import { VOCABULARIES, VOCABULARY_WORDS, type VocabularyName } from '../domain/kinds.js';
import { AREAS } from '../domain/shapes.js';
import { nameKey } from '../domain/text.js';
import { formatDate } from '../i18n/format.js';
import type { Language, MessageKey } from '../i18n/index.js';
import { valueLabel } from '../i18n/values.js';
import type { Cell, Column, Table } from '../output/table.js';
import { applyChange, type Rec, type Session } from '../register/apply-change.js';
import { referenceIndex, referrersOf } from '../register/refs.js';

interface WriteOpts {
  id?: string;
  nameDa?: string;
  nameEn?: string;
  name?: string;
  areas?: string[];
  parent?: string;
  date?: string;
  dryRun?: boolean;
  commit?: boolean;
}

export function vocabularyFromName(name: string): VocabularyName {
  const key = name.trim().toLowerCase();
  if (!Object.hasOwn(VOCABULARY_WORDS, key)) throw new UserError('vocab.unknown');
  return VOCABULARY_WORDS[key];
}

/** A vocabulary's entries as the file holds them. */
type Entry = Rec & { id: string; name: string | { da: string; en: string }; areas?: string[]; parent?: string; retired?: string };

function entriesOf(folder: DataFolder, name: VocabularyName): Entry[] {
  const v = folder.vocabularies;
  return (name === 'patient-groups' ? v.patientGroups : name === 'municipalities' ? v.municipalities : v.offerTypes) as unknown as Entry[];
}

/** An entry's name in the language (a municipality has one). */
function nameIn(e: Entry, lang: Language): string {
  return typeof e.name === 'string' ? e.name : e.name[lang];
}

/** The vocabularies' files must be valid to be listed or changed: an invalid one is not in the folder at all. */
function refuseInvalidVocabulary(ctx: CommandContext, problems: ReadonlyArray<{ file: string; severity: string }>, names: readonly VocabularyName[]): void {
  for (const name of names) {
    const file = `vocabularies/${name}.yaml`;
    if (problems.some((p) => p.file === file && p.severity === 'error')) throw new UserError('vocab.invalidVocabulary', { file });
  }
}

// ---------------------------------------------------------------------------------------------
// vocab list

/** Patient groups in file order, each followed by the groups below it: `[entry, depth]`. */
export function treeOrder(entries: readonly Entry[]): Array<[Entry, number]> {
  const ids = new Set(entries.map((e) => e.id));
  const children = new Map<string, Entry[]>();
  for (const e of entries) {
    if (e.parent !== undefined && ids.has(e.parent) && e.parent !== e.id) children.set(e.parent, [...(children.get(e.parent) ?? []), e]);
  }
  const out: Array<[Entry, number]> = [];
  const seen = new Set<string>();
  const visit = (e: Entry, depth: number) => {
    if (seen.has(e.id)) return;
    seen.add(e.id);
    out.push([e, depth]);
    for (const c of children.get(e.id) ?? []) visit(c, depth + 1);
  };
  for (const e of entries) if (e.parent === undefined || !ids.has(e.parent) || e.parent === e.id) visit(e, 0);
  // A circle of parents (validate reports it) has no root: its groups are still listed.
  for (const e of entries) visit(e, 0);
  return out;
}

/** Indentation that survives the table's word wrapping (no-break spaces), two per level. */
const indent = (depth: number) => '\u00a0\u00a0'.repeat(depth);

function listTable(ctx: CommandContext, name: VocabularyName, entries: Entry[]): { table: Table; csv: Table } {
  const tree = name === 'patient-groups' ? treeOrder(entries) : entries.map((e): [Entry, number] => [e, 0]);
  const anyRetired = entries.some((e) => e.retired !== undefined);
  const h = (k: MessageKey) => ctx.t(k);
  const areas = (e: Entry) => (e.areas ?? []).map((a) => valueLabel(ctx.lang, a)).join(', ');
  const retired = (e: Entry): Cell => (e.retired ? { text: formatDate(e.retired, ctx.lang), value: e.retired, tone: 'muted' } : '');
  const columns: Column[] = [{ header: h('vocab.col.name') }, { header: h('vocab.col.id') }];
  if (name === 'patient-groups') columns.push({ header: h('vocab.col.areas') });
  if (anyRetired) columns.push({ header: h('vocab.col.retired') });
  const rows = tree.map(([e, depth]) => {
    const row: Cell[] = [indent(depth) + nameIn(e, ctx.lang), e.id];
    if (name === 'patient-groups') row.push(areas(e));
    if (anyRetired) row.push(retired(e));
    return row;
  });
  const title = ctx.t(`vocab.title.${name}`, { count: entries.length });
  // A spreadsheet gets every field in its own column, the parent by id, nothing indented.
  const csvColumns: Column[] = [{ header: h('vocab.col.id') }];
  if (name === 'municipalities') csvColumns.push({ header: h('vocab.col.name') });
  else csvColumns.push({ header: h('vocab.col.nameDa') }, { header: h('vocab.col.nameEn') });
  if (name === 'patient-groups') csvColumns.push({ header: h('vocab.col.areas') }, { header: h('vocab.col.parent') });
  csvColumns.push({ header: h('vocab.col.retired') });
  const csvRows = tree.map(([e]) => {
    const row: Cell[] = [e.id, ...(typeof e.name === 'string' ? [e.name] : [e.name.da, e.name.en])];
    if (name === 'patient-groups') row.push((e.areas ?? []).join(', '), e.parent ?? '');
    row.push(e.retired ?? '');
    return row;
  });
  return { table: { title, columns, rows, compact: true }, csv: { title, columns: csvColumns, rows: csvRows } };
}

export async function list(ctx: CommandContext, opts: { format?: string; output?: string }, args: unknown[]): Promise<number> {
  const names = args[0] === undefined ? [...VOCABULARIES] : [vocabularyFromName(String(args[0]))];
  const { folder, problems } = loadFolder(ctx);
  refuseInvalidVocabulary(ctx, problems, names);
  const made = names.map((n) => ({ name: n, entries: entriesOf(folder, n), ...listTable(ctx, n, entriesOf(folder, n)) }));
  emit(ctx, opts, {
    tables: made.map((m) => m.table),
    csv: made.map((m) => m.csv),
    json: Object.fromEntries(made.map((m) => [m.name, m.entries])),
  });
  return EXIT.ok;
}

// ---------------------------------------------------------------------------------------------
// vocab add, rename, retire

const FLAG: Record<'nameDa' | 'nameEn' | 'name' | 'areas' | 'parent', string> = { nameDa: 'name-da', nameEn: 'name-en', name: 'name', areas: 'areas', parent: 'parent' };

/** The options that are fields of another vocabulary are refused, never silently dropped. */
function refuseForeignOptions(name: VocabularyName, opts: WriteOpts): void {
  const foreign: Array<keyof typeof FLAG> = name === 'municipalities' ? ['nameEn', 'areas', 'parent'] : name === 'offer-types' ? ['areas', 'parent'] : [];
  for (const k of foreign) {
    if (opts[k] !== undefined) throw new UserError('vocab.optionNotFor', { flag: FLAG[k], vocabulary: { key: `vocab.name.${name}` as MessageKey } });
  }
}

/**
 * The name the options give: a municipality's one name, or the Danish and English names. `--name`
 * is the Danish name (`--name-da`) in every vocabulary. A new entry needs its Danish name only: its
 * English one is the Danish until one is given (a case worker is not stopped for want of a
 * translation); a rename gives either or both.
 */
function givenName(name: VocabularyName, opts: WriteOpts, required: boolean): Entry['name'] | undefined {
  // One field by two options: given both, they must say the same, or one would be dropped unseen.
  const same = (a: string, b: string) => a.normalize('NFC').trim() === b.normalize('NFC').trim();
  if (opts.name !== undefined && opts.nameDa !== undefined && !same(opts.name, opts.nameDa)) throw new UserError('vocab.nameTwice');
  const da = opts.nameDa ?? opts.name;
  if (da === undefined && required) throw new UserError('vocab.nameRequired', { vocabulary: { key: `vocab.name.${name}` as MessageKey }, flag: 'name-da' });
  if (name === 'municipalities') return da;
  if (da === undefined && opts.nameEn === undefined) return undefined;
  return { da: da ?? '', en: opts.nameEn ?? (required ? da ?? '' : '') };
}

/** The names given, each with the flag it came from (for the message): a municipality's one name, or Danish and English. */
function namesGiven(opts: WriteOpts): Array<[flag: string, text: string]> {
  const out: Array<[string, string]> = [];
  if (opts.name !== undefined) out.push(['name', opts.name]);
  if (opts.nameDa !== undefined) out.push(['name-da', opts.nameDa]);
  if (opts.nameEn !== undefined) out.push(['name-en', opts.nameEn]);
  return out;
}

/** Refuses a name that another entry already has, in either language (case, accents and spacing aside). */
function refuseTakenName(name: VocabularyName, entries: readonly Entry[], given: ReadonlyArray<[string, string]>, except?: string): void {
  for (const e of entries) {
    if (e.id === except) continue;
    const theirs = new Set((typeof e.name === 'string' ? [e.name] : [e.name.da, e.name.en]).map(nameKey));
    for (const [flag, text] of given) {
      if (theirs.has(nameKey(text))) throw new UserError('vocab.nameTaken', { flag, entry: { key: `vocab.entry.${name}` as MessageKey }, id: e.id });
    }
  }
}

function splitList(values: readonly string[] | undefined): string[] | undefined {
  if (values === undefined) return undefined;
  return values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
}

const writeOptions = (o: WriteOpts) => ({ dryRun: o.dryRun === true, commit: o.commit !== false });

export async function add(ctx: CommandContext, opts: WriteOpts, args: unknown[]): Promise<number> {
  const name = vocabularyFromName(String(args[0]));
  refuseForeignOptions(name, opts);
  const entryName = givenName(name, opts, true)!;
  let createdId = '';
  const result = await applyChange(ctx, writeOptions(opts), (s) => {
    refuseInvalidVocabulary(ctx, s.checked.problems, [name]);
    const entries = entriesOf(s.folder, name);
    const id = opts.id ?? slugify(typeof entryName === 'string' ? entryName : entryName.da);
    if (!id) throw new UserError('vocab.noId');
    const entry = { key: `vocab.entry.${name}` as MessageKey };
    // The name first: an id made from a name that is taken is taken because the name is.
    refuseTakenName(name, entries, namesGiven(opts));
    if (entries.some((e) => e.id === id)) throw new UserError('vocab.idTaken', { entry, id });
    const added: Entry = { id, name: entryName };
    if (name === 'patient-groups') {
      let parent: Entry | undefined;
      if (opts.parent !== undefined) {
        parent = entries.find((e) => e.id === opts.parent);
        if (!parent) throw new UserError('vocab.parentUnknown');
        if (parent.retired) throw new UserError('vocab.parentRetired', { entry, name: nameIn(parent, ctx.lang), id: parent.id, date: formatDate(parent.retired, ctx.lang) });
      }
      const areas = splitList(opts.areas) ?? (parent?.areas ? [...parent.areas] : undefined);
      if (!areas || areas.length === 0) throw new UserError('vocab.areasRequired', { values: { list: AREAS } });
      added.areas = areas;
      if (parent) added.parent = parent.id;
    }
    createdId = id;
    return [{ vocabulary: name, entries: [...entries.map((e) => ({ ...e })), added] }];
  });
  if (result.written.length > 0 || opts.dryRun) {
    // Said in the vocabulary's word as the user wrote it (one of VOCABULARY_WORDS: `patientgrupper`).
    if (typeof entryName !== 'string' && opts.nameEn === undefined) ctx.stderr.write(ctx.t('vocab.englishFromDanish', { command: `civsam vocab rename ${String(args[0]).trim().toLowerCase()} ${createdId} --name-en "…"` }) + '\n');
    ctx.stdout.write(`${createdId}\n`);
  }
  return result.exitCode;
}

/** Changes one entry through `change` (which gets a copy); refuses an id the vocabulary lacks. */
async function changeEntry(ctx: CommandContext, opts: WriteOpts, name: VocabularyName, id: string, change: (e: Entry, entries: Entry[]) => Entry, onWritten?: (s: Session) => void): Promise<number> {
  let session: Session | undefined;
  const result = await applyChange(ctx, writeOptions(opts), (s) => {
    session = s;
    refuseInvalidVocabulary(ctx, s.checked.problems, [name]);
    const entries = entriesOf(s.folder, name).map((e) => structuredClone(e));
    const at = entries.findIndex((e) => e.id === id);
    if (at < 0) throw new UserError('vocab.notFound', { entry: { key: `vocab.entry.${name}` as MessageKey }, id });
    entries[at] = change(entries[at], entries);
    return [{ vocabulary: name, entries }];
  });
  if (session && (result.written.length > 0 || opts.dryRun)) onWritten?.(session);
  return result.exitCode;
}

export async function rename(ctx: CommandContext, opts: WriteOpts, args: unknown[]): Promise<number> {
  const name = vocabularyFromName(String(args[0]));
  const id = String(args[1]);
  refuseForeignOptions(name, { ...opts, areas: undefined, parent: undefined });
  const given = givenName(name, opts, false);
  if (given === undefined) throw new UserError('vocab.nothingToRename');
  return changeEntry(ctx, opts, name, id, (e, entries) => {
    // One language may be renamed alone: the other keeps its name.
    const next: Entry['name'] = typeof given === 'string' || typeof e.name === 'string' ? given : { da: given.da || e.name.da, en: given.en || e.name.en };
    refuseTakenName(name, entries, namesGiven(opts), id);
    return { ...e, name: next };
  });
}

export async function retire(ctx: CommandContext, opts: WriteOpts, args: unknown[]): Promise<number> {
  const name = vocabularyFromName(String(args[0]));
  const id = String(args[1]);
  const date = pastDateOption(opts.date, '--date', ctx.today);
  // Retired already: it keeps the day it was retired unless --date corrects it.
  return changeEntry(ctx, opts, name, id, (e) => (e.retired !== undefined && opts.date === undefined ? e : { ...e, retired: date }), (s) => {
    // What it means for the records that name it: they keep it.
    const count = new Set(referrersOf(referenceIndex(s.folder), name, id).map((r) => `${r.kind}/${r.id}`)).size;
    ctx.stderr.write(ctx.t('vocab.retiredInUse', { count }) + '\n');
  });
}
