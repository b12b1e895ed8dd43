// Names where ids and codes are asked: before a command runs, every value that names a record, a
// vocabulary entry or a fixed value (the lookups cli/arguments.ts hands over) is turned into the
// id or value it means, through the one resolver in domain/names.ts. What matches nothing is
// refused with the closest (or, for a schema's few fixed values, all of them); what matches
// several is refused with the candidates, never guessed. The command then sees only ids of
// existing records, so its paths are made from those alone.
import type { CommandContext } from './context.js';
import { existsSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadFolder, resolveDataDir } from './load.js';
import type { DataFolder } from '../domain/folder.js';
import { isValidId, mayBeName } from '../domain/ids.js';
import { COMMAND_OF, kindFromName, type RecordKind, type Target, type VocabularyName } from '../domain/kinds.js';
import { enumNames, NameIndex, recordName, targetNames, type NamedEntry, type Resolution } from '../domain/names.js';
import { UsageError, UserError } from '../domain/errors.js';
import { translate, type Language, type Message, type MessageKey, type MessageParams } from '../i18n/index.js';
import { readCandidate, type Problem } from '../store/load-folder.js';
import { leftOutFiles } from '../validate/valid-part.js';
import { placesOf } from '../output/problem-line.js';
import { recordRel, vocabularyRel } from '../store/paths.js';
import { MAX_FILE_BYTES } from '../store/yaml-read.js';

/**
 * What an option's value names, so a name (either language), a label or an id's prefix is taken
 * for the id or the fixed value it means: the records of a kind or a vocabulary's entries, a
 * schema's fixed values (`field`: the field whose value labels to use; `refusal`: the message for a
 * value that is none of them, when the generic one would not say what to do), or an agreement's
 * funding (`POOL:YEAR:KIND:AMOUNT`).
 */
export type Names = { target: Target } | { values: readonly string[]; field?: string; refusal?: MessageKey } | { funding: { kinds: readonly string[] } };

/** A value to look up, as cli/arguments.ts describes it. */
export interface Lookup {
  what: string;
  names: Names;
  values: string[];
  set(resolved: string[]): void;
}

const VOCABULARY_KIND: Record<string, string> = { 'patient-groups': 'patient-group', municipalities: 'municipality', 'offer-types': 'offer-type' };

/** The catalogue's word for what a target holds (`organisation`, `patientgruppe`). */
export function kindWord(target: Target): MessageParams[string] {
  return { key: `kind.${VOCABULARY_KIND[target] ?? target}` } as MessageParams[string];
}

/** An entry as a suggestion shows it: its name and, when that differs, its id. */
export function shown(entry: NamedEntry, lang: Language): string {
  const name = entry.display[lang];
  return name === entry.id ? name : `${name} (${entry.id})`;
}

/**
 * Several entries for a message, at most ten named. A vocabulary's entries by name alone: their ids
 * are codes (`peer-group`) that a user never needs to type, since the names are taken.
 */
export function listed(entries: readonly NamedEntry[], lang: Language, target?: Target): string {
  const show = target && isVocabulary(target) ? (e: NamedEntry) => e.display[lang] : (e: NamedEntry) => shown(e, lang);
  return entries.slice(0, 10).map(show).join(', ') + (entries.length > 10 ? ', …' : '');
}

/**
 * The records once in the folder whose files were removed, as the history last held them: for a
 * command that reads the history, which finds them by id and name as it finds the others.
 */
export type RemovedRecords = () => Array<{ kind: RecordKind; id: string; record: Record<string, unknown> | undefined }>;

class Folder {
  private loaded: { folder: DataFolder; broken: Set<string>; problems: readonly Problem[] } | undefined;
  private indexes = new Map<Target, NameIndex>();
  private gone: ReturnType<RemovedRecords> | undefined;

  constructor(private ctx: CommandContext, private removed?: RemovedRecords, private otherVersions?: RemovedRecords) {}

  private load() {
    if (!this.loaded) {
      const { folder, problems } = loadFolder(this.ctx);
      // A record whose file has errors is not loaded, but its id still names it: `edit` and
      // `remove` must reach a broken record to mend or remove it.
      this.loaded = { folder, broken: new Set(problems.filter((p) => p.severity === 'error').map((p) => p.file)), problems };
    }
    return this.loaded;
  }

  /** True when some file of the folder has errors (then an unknown id is the command's to judge). */
  get hasErrors(): boolean {
    return this.load().broken.size > 0;
  }

  index(target: Target): NameIndex {
    let index = this.indexes.get(target);
    if (!index) this.indexes.set(target, (index = this.withRemoved(target, target === 'application' ? this.applicationNames() : targetNames(this.load().folder, target))));
    return index;
  }

  /** Applications as a suggestion shows them: by title or organisation, with the call each is to (an organisation applies in several). */
  private applicationNames(): NameIndex {
    const folder = this.load().folder;
    return new NameIndex(targetNames(folder, 'application').entries.map((e) => {
      const app = folder.records.application.get(e.id);
      const call = app === undefined ? undefined : folder.records.call.get(app.call)?.title ?? app.call;
      const orgs = (app?.organisations ?? []).map((o) => folder.records.organisation.get(o)?.name ?? o).join(', ');
      const inCall = (lang: Language) => (call === undefined ? e.display[lang]
        : app?.title !== undefined && orgs !== '' ? translate(lang, 'names.titledApplicationInCall', { title: app.title, orgs, call })
          : translate(lang, 'names.applicationInCall', { name: e.display[lang], call }));
      // The call's title finds its applications too: a case worker knows an application by its call.
      const callTitle = app === undefined ? undefined : folder.records.call.get(app.call)?.title;
      return { ...e, names: callTitle === undefined ? e.names : [...e.names, callTitle], display: { da: inCall('da'), en: inCall('en') } };
    }));
  }

  /** A kind's entries and those of its removed records (an id in the folder again is the record there). */
  private withRemoved(target: Target, index: NameIndex): NameIndex {
    if (this.otherVersions) index = this.withOtherNames(target, index, this.otherVersions());
    if (!this.removed) return index;
    this.gone ??= this.removed();
    const folder = this.load().folder;
    const gone = this.gone.filter((r) => r.kind === target && !index.has(r.id)).map((r): NamedEntry => {
      const name = r.record ? recordName(folder, r.kind, r.record) : undefined;
      return { id: r.id, names: name ? [name] : [], display: { da: name ?? r.id, en: name ?? r.id } };
    });
    return gone.length > 0 ? new NameIndex([...index.entries, ...gone]) : index;
  }

  /** A kind's entries, each also known by the names other versions of it have (a colleague's, in a conflict). */
  private withOtherNames(target: Target, index: NameIndex, versions: ReturnType<RemovedRecords>): NameIndex {
    const folder = this.load().folder;
    const more = new Map<string, string[]>();
    for (const v of versions) {
      const name = v.kind === target && v.record ? recordName(folder, v.kind, v.record) : undefined;
      if (name) more.set(v.id, [...(more.get(v.id) ?? []), name]);
    }
    if (more.size === 0) return index;
    const entries = index.entries.map((e) => (more.has(e.id) ? { ...e, names: [...new Set([...e.names, ...more.get(e.id)!])] } : e));
    const missing = [...more].filter(([id]) => !index.has(id)).map(([id, names]): NamedEntry => ({ id, names, display: { da: names[0], en: names[0] } }));
    return new NameIndex([...entries, ...missing]);
  }

  /**
   * The entry with only the names that are the record's own (an application's title, not its
   * organisations' names nor its call's title, which find it through another record). A record
   * known only from the history keeps the names it has there.
   */
  ownEntry(kind: RecordKind, entry: NamedEntry): NamedEntry {
    const folder = this.load().folder;
    const record = folder.records[kind].get(entry.id) as unknown as Record<string, unknown> | undefined;
    if (!record) return entry;
    const name = recordName(folder, kind, record);
    return { ...entry, names: name ? [name] : [] };
  }

  /** True when the value is a record's id and its file is in the folder (as it is now). */
  recordFileExists(target: Target, id: string): boolean {
    if (this.ctx.fromHistory || !isValidId(id) || target === 'patient-groups' || target === 'municipalities' || target === 'offer-types') return false;
    return existsSync(join(resolveDataDir(this.ctx), recordRel(target as RecordKind, id)));
  }

  /**
   * True when the value is the id of an entry in the vocabulary's file as it is now, read on its
   * own: the folder is not loaded for it (the command loads it once, itself). Whatever this cannot
   * tell (a file missing, too large, not plain, not readable YAML) is left to the full lookup.
   */
  vocabularyEntryExists(target: Target, id: string): boolean {
    if (this.ctx.fromHistory || this.loaded || !isValidId(id) || !(target === 'patient-groups' || target === 'municipalities' || target === 'offer-types')) return false;
    try {
      const dir = resolveDataDir(this.ctx);
      const rel = vocabularyRel(target as VocabularyName);
      const st = statSync(join(dir, rel));
      if (!st.isFile() || st.size > MAX_FILE_BYTES) return false;
      // Read as the folder's loader reads it (its quick parser when the file allows, the strict one
      // otherwise): a command given a vocabulary id does not load the strict parser for it.
      const { file, problems } = readCandidate(dir, { rel, what: { role: 'vocabulary', name: target as VocabularyName }, kind: 'file' }, () => realpathSync(dir), false);
      const entries = problems.every((p) => p.severity !== 'error') ? file?.data : undefined;
      const isEntry = (e: unknown): e is Record<string, unknown> => e !== null && typeof e === 'object' && !Array.isArray(e);
      return Array.isArray(entries) && entries.every(isEntry) && entries.some((e) => e.id === id);
    } catch {
      return false;
    }
  }

  /** The files of these kinds' records left out for errors, each at its first error. */
  leftOut(kinds: readonly Target[]): Problem[] {
    const records = kinds.filter((k): k is RecordKind => !isVocabulary(k));
    return records.length === 0 || !this.hasErrors ? [] : leftOutFiles(this.load().problems, records);
  }

  /** True when an id-shaped value names a record whose file is there but could not be read. */
  brokenRecord(target: Target, id: string): boolean {
    if (isVocabulary(target)) return false;
    return this.load().broken.has(recordRel(target as RecordKind, id));
  }
}

const isVocabulary = (target: Target): boolean => target === 'patient-groups' || target === 'municipalities' || target === 'offer-types';

/**
 * What to say after "there is no such record": the files of the kinds looked in that were left out
 * for errors, when there are any (the record may be one of them), else the closest, else `otherwise`.
 */
function notFoundHint(ctx: CommandContext, leftOut: readonly Problem[], closest: string | undefined, otherwise: Message): Message {
  if (leftOut.length > 0) {
    const params = { count: leftOut.length, files: placesOf(ctx.dataDir, leftOut) };
    return closest ? { key: 'names.leftOutHintNear', params: { ...params, list: closest } } : { key: 'names.leftOutHint', params };
  }
  return closest ? { key: 'names.didYouMean', params: { list: closest } } : otherwise;
}

/** A vocabulary this short is listed whole where a word named none of it (the nine types of offer). */
const SHORT_VOCABULARY = 10;

/** What to say after a vocabulary word that names nothing and is close to nothing: every entry by name when they are few, else how to search. */
function vocabularyHint(lang: Language, index: NameIndex): Message {
  const entries = index.entries;
  if (entries.length === 0 || entries.length > SHORT_VOCABULARY) return { key: 'names.findHint' };
  return { key: 'names.chooseHint', params: { list: entries.map((e) => e.display[lang]).join(', ') } };
}

/**
 * What to say after a word that names no entry of a target, where no folder's files can be at
 * fault (a word in a record file the user gave): the closest, else how to find one.
 */
export function hintForWord(lang: Language, target: Target, index: NameIndex, closest: readonly NamedEntry[]): Message {
  if (closest.length > 0) return { key: 'names.didYouMean', params: { list: listed(closest, lang, target) } };
  return isVocabulary(target) ? vocabularyHint(lang, index) : { key: 'names.listHint', params: { command: COMMAND_OF[target as RecordKind] } };
}

function resolveTarget(ctx: CommandContext, folder: Folder, what: string, target: Target, value: string): string {
  // The common case costs no more than before: a record's own id, its file there.
  if (folder.recordFileExists(target, value) || folder.vocabularyEntryExists(target, value)) return value;
  const index = folder.index(target);
  if (index.has(value)) return value;
  const idShaped = isValidId(value);
  if (idShaped && folder.brokenRecord(target, value)) return value;
  // An application is found by any part of its title, its organisations' names or its call's title
  // (see NameIndex.resolveContained); other records by their names' beginnings.
  const r = target === 'application' ? index.resolveContained(value) : index.resolve(value);
  if (r.status === 'found') {
    // The resolved id is an existing entry's; held to the id rule again before anything uses it.
    if (!isValidId(r.id)) throw new UserError('cli.badId', { what: { syntax: what } });
    return r.id;
  }
  // Records of the kind left out for errors: what was asked for may be one of them, so that is
  // said rather than only that there is none.
  const leftOut = r.status === 'ambiguous' ? [] : folder.leftOut([target]);
  // In a folder with errors elsewhere the folder may not be read at all: the command says so, as
  // it did before names were looked up.
  if (idShaped && folder.hasErrors && leftOut.length === 0) return value;
  const kind = kindWord(target);
  // A command's own argument (`show ID`) is what the user gave; an option is named.
  const argument = what.startsWith('<');
  if (r.status === 'ambiguous' && target === 'application') {
    // Every application that matches, each with its call (its display names it with commas, so they are parted by semicolons).
    const candidates = r.candidates.map((e) => shown(e, ctx.lang)).join('; ');
    throw new UserError(argument ? 'names.ambiguousApplicationArg' : 'names.ambiguousApplication', { what: { syntax: what }, count: r.candidates.length, candidates });
  }
  if (r.status === 'ambiguous') throw new UserError(argument ? 'names.ambiguousArg' : 'names.ambiguous', { what: { syntax: what }, kind, candidates: listed(r.candidates, ctx.lang, target) });
  // No party by that name, but an organisation: it is not on the hearing list, and that is said, with how to put it there.
  if (target === 'hearing-party') {
    const organisations = folder.index('organisation');
    const o = organisations.resolve(value);
    if (o.status === 'found') throw new UserError('names.notOnHearingList', { organisation: shown(organisations.get(o.id)!, ctx.lang), id: o.id });
  }
  const hint = notFoundHint(ctx, leftOut, r.closest.length > 0 ? listed(r.closest, ctx.lang, target) : undefined,
    isVocabulary(target) ? vocabularyHint(ctx.lang, index) : { key: 'names.listHint', params: { command: COMMAND_OF[target as RecordKind] } });
  // An id is shown as the existing messages show one; anything else the user typed is not echoed. A
  // vocabulary is named, not given by its codes: a word there is a name the user typed, not an id.
  if (idShaped && !isVocabulary(target)) throw new UserError('names.noId', { kind, id: value, hint } as MessageParams);
  throw new UserError(argument ? 'names.noNameArg' : 'names.noName', { kind, what: { syntax: what }, hint } as MessageParams);
}

/** `what`: the option or argument as the user typed it (`--decision`), or a message for a part of one. */
function resolveValue(ctx: CommandContext, what: string | Message, values: readonly string[], value: string, field?: string, refusal?: MessageKey): string {
  const said = typeof what === 'string' ? { syntax: what } : what;
  const index = enumNames(values, field);
  const r = index.resolve(value);
  if (r.status === 'found') return r.id;
  const choices = index.entries.map((e) => e.display[ctx.lang]).join(', ');
  // The value meant, when one is near (`delvist imødekommet`), before every value it may take.
  const near = r.status === 'unknown' ? r.closest : r.candidates;
  if (near.length > 0) throw new UsageError('names.badValueNear', { what: said, hint: { key: 'names.didYouMean', params: { list: near.map((e) => e.display[ctx.lang]).join(', ') } }, choices } as MessageParams);
  throw new UsageError(refusal ?? 'names.badValue', { what: said, choices });
}

/** An agreement's funding item with its pool and its kind resolved; a malformed item is left for the flag's own check. */
function resolveFunding(ctx: CommandContext, folder: Folder, what: string, kinds: readonly string[], item: string): string {
  const parts = item.split(':');
  if (parts.length !== 4 || !mayBeName(parts[0]) || parts[2].trim() === '') return item;
  const pool = resolveTarget(ctx, folder, what, 'pool', parts[0].trim());
  // Said as the part of the line it is: `--funding` alone would read as if the whole line should be a kind.
  const kind = resolveValue(ctx, { key: 'names.fundingKind' }, kinds, parts[2].trim());
  return [pool, parts[1], kind, parts[3]].join(':');
}

/** Every lookup's values replaced by the ids and values they name; refuses what names nothing or several. */
export function resolveNames(ctx: CommandContext, lookups: readonly Lookup[]): void {
  const folder = new Folder(ctx);
  for (const l of lookups) {
    const names = l.names;
    const resolved = l.values.map((v) => {
      if ('values' in names) return resolveValue(ctx, l.what, names.values, v, names.field, names.refusal);
      if ('funding' in names) return resolveFunding(ctx, folder, l.what, names.funding.kinds, v);
      return resolveTarget(ctx, folder, l.what, names.target, v);
    });
    l.set(resolved);
  }
}

/** A record as a command names it: its kind and its id. */
export interface RecordRef {
  kind: RecordKind;
  id: string;
}

/** A record of some kind for a message: the kind's word, its name and id (`organisation Test (test)`). */
function shownWithKind(ctx: CommandContext, ref: { kind: RecordKind; entry: NamedEntry }): string {
  return `${ctx.t(`kind.${ref.kind}`)} ${shown(ref.entry, ctx.lang)}`;
}

/** The first of each kind's list, then the second of each, and so on: no kind crowds out the others. */
function interleave<T>(lists: readonly T[][]): T[] {
  const out: T[] = [];
  for (let i = 0; lists.some((l) => i < l.length); i++) for (const l of lists) if (i < l.length) out.push(l[i]);
  return out;
}

/**
 * The record a command's words name (`civsam history`): with one kind, as every record argument
 * is found (see resolveTarget); with several, by id or name among all of them, the same way: an
 * exact id or name first, else the one record whose id or name begins with the word. What names
 * records of several kinds is refused with each candidate and its kind, what names none with the
 * closest of any kind. With `removed`, records no longer in the folder are found too; with
 * `otherVersions`, records by the names other versions of them have (the colleague's side of a conflict).
 */
export function findRecord(ctx: CommandContext, word: string, kinds: readonly RecordKind[], removed?: RemovedRecords, otherVersions?: RemovedRecords): RecordRef {
  const folder = new Folder(ctx, removed, otherVersions);
  const what = '<record>';
  if (kinds.length === 1) return { kind: kinds[0], id: resolveTarget(ctx, folder, what, kinds[0], word) };
  const ambiguous = (candidates: Array<{ kind: RecordKind; entry: NamedEntry }>): never => {
    throw new UserError('names.ambiguousRecord', { candidates: candidates.slice(0, 10).map((c) => shownWithKind(ctx, c)).join(', ') + (candidates.length > 10 ? ', …' : '') });
  };
  // A suggestion copied as it was printed (`organisation Angstforeningen Skive (angstforeningen-skive)`, shownWithKind).
  const suggested = /^(\S+)\s+(.+\))$/su.exec(word.trim());
  const suggestedKind = suggested ? kindFromName(suggested[1]) : undefined;
  if (suggested && suggestedKind && kinds.includes(suggestedKind)) {
    const r = folder.index(suggestedKind).exact(suggested[2]);
    if (r.status === 'found' && isValidId(r.id)) return { kind: suggestedKind, id: r.id };
  }
  const idShaped = isValidId(word);
  // An id of any kind: its file there, readable or not (the common case reads no more than that),
  // else a record the folder's entries know (one only in the history, with `removed`).
  let byId = idShaped ? kinds.filter((k) => folder.recordFileExists(k, word) || folder.brokenRecord(k, word)) : [];
  if (idShaped && byId.length === 0) byId = kinds.filter((k) => folder.index(k).has(word));
  if (byId.length === 1) return { kind: byId[0], id: word };
  if (byId.length > 1) ambiguous(byId.map((kind) => ({ kind, entry: folder.index(kind).get(word) ?? { id: word, names: [], display: { da: word, en: word } } })));
  // A hearing party goes by its organisation's name (and mostly its id too): among all kinds a
  // name is the organisation's, and the party is found by its own id, above.
  const named = kinds.filter((k) => k !== 'hearing-party');
  // An exact id or name of any kind before the start of one, as for one kind.
  for (const how of ['exact', 'resolve'] as const) {
    const results = named.map((kind) => ({ kind, r: folder.index(kind)[how](word) as Resolution }));
    let hits = results.flatMap(({ kind, r }) => (r.status === 'found' ? [{ kind, entry: folder.index(kind).get(r.id)! }] : r.status === 'ambiguous' ? r.candidates.map((entry) => ({ kind, entry })) : []));
    // A record's own exact name wins over a match through another record (an application found by
    // its organisation's name): `history Depressionsforeningen` is the organisation.
    if (hits.length > 1 && how === 'exact') {
      const own = hits.filter((h) => new NameIndex([folder.ownEntry(h.kind, h.entry)]).exact(word).status === 'found');
      if (own.length === 1) hits = own;
    }
    if (hits.length > 1) ambiguous(hits);
    if (hits.length === 1) {
      // The id is a known record's; held to the id rule again before anything uses it.
      if (!isValidId(hits[0].entry.id)) throw new UserError('cli.badId', { what: { syntax: what } });
      return { kind: hits[0].kind, id: hits[0].entry.id };
    }
  }
  const closest = interleave(named.map((kind) => folder.index(kind).closest(word).map((entry) => ({ kind, entry })))).slice(0, 3);
  const hint = notFoundHint(ctx, folder.leftOut(kinds), closest.length > 0 ? closest.map((c) => shownWithKind(ctx, c)).join(', ') : undefined, { key: 'names.findHint' });
  // An id is shown as the existing messages show one; anything else the user typed is not echoed.
  if (idShaped) throw new UserError('names.noRecordId', { id: word, hint } as MessageParams);
  throw new UserError('names.noRecordName', { hint } as MessageParams);
}
