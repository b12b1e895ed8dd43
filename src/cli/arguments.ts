// What a command gets from its command line, checked and normalised in one place before any
// command's code runs (cli/main.ts calls this for every command), so a new command cannot forget it.
//
// A value is a record id when its placeholder in the command's syntax says so: `<id>`, `[id]`,
// `<ids>`, or a name ending in `-id` or `-ids` (`<organisation-id>`, `<party-ids...>`). `ids`
// may hold several separated by commas. Such a value must be a well-formed id, or the command is
// refused (exit 2) before any file is read or written. Every other text value is put in NFC, except
// file and folder paths and sheet names, which must stay as the file system and the workbook spell them.
//
// A value that names something (a record, a vocabulary entry, a schema's fixed value; `names` in
// the command's table, or the record kind of a command's own `<id>`) may also be a name or a
// prefix: it is handed back as a lookup, which context/names.ts turns into the id it means before
// the command runs. A name never reaches a command: only the id of an existing record does, so a
// file path is still only ever made from a well-formed id.
import { controlCharacterIn, nfc, withoutNoWidth } from '../domain/text.js';
import { notAName, requireId } from '../domain/ids.js';
import { COMMAND_OF, RECORD_KINDS, VOCABULARIES, type RecordKind, type Target } from '../domain/kinds.js';
import { andList, type Message, type MessageKey } from '../i18n/index.js';
import { kindFromWord } from '../context/record-args.js';
import { placeholderIn } from '../i18n/advice-placeholders.js';
import { UserError } from '../domain/errors.js';
import type { CommandSpec } from './commands.js';
import type { Names } from './command-spec.js';

type Placeholder = { name: string; variadic: boolean };

/** The placeholders in a syntax text: `<id> <party-ids...>` → id, party-ids (variadic). */
export function placeholders(syntax: string | undefined): Placeholder[] {
  return [...(syntax ?? '').matchAll(/[<[]([^>\]]+?)(\.\.\.)?[>\]]/g)].map((m) => ({ name: m[1], variadic: m[2] !== undefined }));
}

function isIdName(name: string): 'one' | 'many' | undefined {
  if (name === 'id' || name.endsWith('-id')) return 'one';
  if (name === 'ids' || name.endsWith('-ids')) return 'many';
  return undefined;
}

const VERBATIM = new Set(['file', 'dir', 'name']);

/** commander's attribute name of an option (`--patient-group` → `patientGroup`, `--no-commit` → `commit`). */
function attributeName(flag: string): string {
  return flag.replace(/^--(no-)?/, '').replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

/**
 * `of`: what the value names, when a record: `record` the command's own (its argument), `option`
 * one given with an option, `command` the command as written for its own `<id>`. Text that is no
 * name there (read as a path, or holding control characters) is refused as history and restore
 * refuse it, neither a record's name nor its id, without the text, rather than described as an id
 * not well formed; an empty `<id>` is asked for as a missing one.
 */
function checkIds(value: unknown, ids: 'one' | 'many', what: string | Message, names: boolean, listedBy?: Message, of: { record?: boolean; option?: boolean; command?: string } = {}): void {
  const { record = false, command } = of;
  const check = (v: string) => {
    if (!names) return requireId(v, what, listedBy);
    const why = notAName(v);
    if (why === undefined) return v;
    const blank = withoutNoWidth(v).trim() === '';
    // Too long for a name is also too long for an id: say so, as history does, rather than describe ids.
    if (why.userMessage.key === 'names.tooLong' || (record && !blank)) throw why;
    // An empty record argument (`org show ''`) is a name not given, asked for as when it is left out.
    if (command !== undefined) throw new UserError('cli.missingRecordName', { command });
    // An option's value read as a path is said so, naming the option, as the argument is.
    if (of.option && typeof what === 'string' && !blank) throw new UserError('cli.badRecordOption', { what: { syntax: what } });
    return requireId(v, what, listedBy);
  };
  for (const v of Array.isArray(value) ? value : [value]) {
    if (typeof v !== 'string') continue;
    // Several ids may be given separated by commas (as the command splits them); an empty item
    // between commas is skipped as the command skips it, but an empty value is no id at all.
    if (ids === 'one' || v.trim() === '') check(v);
    else for (const part of v.split(',')) if (part.trim() !== '') check(part.trim());
  }
}

/** The record kind a command is about (`call` for `call show`), when its parent names one. */
function kindOfCommand(spec: CommandSpec): Target | undefined {
  return spec.parent ? kindFromWord(spec.parent) : undefined;
}

/** Where the ids of a kind are listed: a vocabulary's by `civsam vocab list`, a record kind's by its own list command. */
function listedBy(target: Target | undefined): Message | undefined {
  if (target === undefined) return undefined;
  if ((VOCABULARIES as readonly string[]).includes(target)) return { key: `vocab.listedBy.${target}` as MessageKey };
  return { key: 'cli.listedByKind', params: { command: COMMAND_OF[target as RecordKind] } };
}

/** A value to be looked up before the command runs (context/names.ts). */
export interface NameLookup {
  /** Where it was given: the option or the argument (`--organisation`, `<id>`). */
  what: string;
  names: Names;
  /** The values given, one per item of a list. */
  values: string[];
  /** Puts the ids or values they name in their place. */
  set(resolved: string[]): void;
}

/** Whether what a value names is a record (not a vocabulary entry): its name may be given, and a path is said as such. */
function namesRecord(names: Names | undefined): boolean {
  return names !== undefined && 'target' in names && (RECORD_KINDS as readonly string[]).includes(names.target);
}

/** What a command's own argument names: `<id>` a record of the command's kind, `<party-ids...>` hearing parties. */
function positionalNames(spec: CommandSpec, name: string): Names | undefined {
  if (name === 'organisation-id') return { target: 'organisation' };
  if (name === 'party-ids') return { target: 'hearing-party' };
  const kind = (name === 'id' || name === 'ids') && spec.parent ? kindFromWord(spec.parent) : undefined;
  return kind ? { target: kind } : undefined;
}

/** The items of a value: a list's items, and commas split where the option takes several. */
function itemsOf(value: unknown, many: boolean): string[] {
  const items = (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');
  return many ? items.flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '') : items;
}

function lookup(what: string, names: Names, value: unknown, many: boolean, put: (v: unknown) => void): NameLookup | undefined {
  const values = itemsOf(value, many);
  if (values.length === 0) return undefined;
  const single = !Array.isArray(value) && !many;
  return { what, names, values, set: (resolved) => put(single ? resolved[0] : resolved) };
}

/** A placeholder given where a value goes: what it was given to, in words, and the values the option takes when they are fixed. */
interface GivenPlaceholder {
  /** An option by its flag, an argument in words. */
  what: string | Message;
  word: string;
  option?: string;
  values?: { or: readonly string[]; field?: string };
}

/** An argument named in words (`id'et`, `argumentet høringsparter`), never as `<id>`: `name` as the command's spec gives it, without brackets. */
export function argumentInWords(name: string): Message {
  return name === 'id' ? { key: 'cli.placeholderArgument.id' } : { key: 'cli.placeholderArgument', params: { argument: { placeholder: name } } };
}

/** The placeholder words among a value's items (`--reason TEKST`, `decide ID`). */
function placeholdersIn(value: unknown): string[] {
  return (Array.isArray(value) ? value : [value]).flatMap((v) => {
    const word = typeof v === 'string' ? placeholderIn(v) : undefined;
    return word !== undefined ? [word] : [];
  });
}

/**
 * Refuses the placeholders of civsam's own advice given as values (`--reason TEKST`, `decide ID`):
 * copied as they were printed, the command would write them into the data. Every one given is
 * named at once, its argument in words (`id'et`, `argumentet høringsparter`), never as `<id>`,
 * and an option's fixed values are listed, so one correction is enough.
 */
function refusePlaceholders(spec: CommandSpec, positional: unknown[], opts: Record<string, unknown>): void {
  const given: GivenPlaceholder[] = [];
  const args = placeholders(spec.args);
  positional.forEach((value, i) => {
    const p = args[i];
    if (!p) return;
    const what = argumentInWords(p.name);
    for (const word of placeholdersIn(value)) given.push({ what, word });
  });
  for (const word of placeholdersIn(opts.data)) given.push({ what: '--data', word });
  for (const o of spec.options ?? []) {
    const flag = o.flags.split(/[\s,]+/).find((f) => f.startsWith('--'));
    if (!flag) continue;
    const fixed = o.names && 'values' in o.names ? o.names : o.choices ? { values: o.choices } : undefined;
    for (const word of placeholdersIn(opts[attributeName(flag)])) {
      given.push({ what: flag, word, option: flag, ...(fixed ? { values: { or: fixed.values, ...('field' in fixed && fixed.field ? { field: fixed.field } : {}) } } : {}) });
    }
  }
  if (given.length === 0) return;
  const said = andList(given.map((g) => ({ key: 'cli.placeholderGiven' as MessageKey, params: { what: g.what, word: g.word } })));
  // The values of each option that takes fixed ones, once per option, after the refusal.
  const withValues = given.filter((g, i) => g.values && given.findIndex((h) => h.option === g.option) === i);
  const choices = withValues.reduceRight<Message | string>((more, g) => ({ key: 'cli.placeholderChoices', params: { option: g.option!, choices: g.values!, more } }), '');
  if (given.length === 1) throw new UserError('cli.placeholderValue', { given: said, word: given[0].word, choices });
  throw new UserError('cli.placeholderValues', { given: said, choices });
}

function normalise(value: unknown): unknown {
  if (typeof value === 'string') return nfc(value);
  if (Array.isArray(value)) return value.map(normalise);
  return value;
}

/**
 * The positional arguments and options as the command should see them: ids checked (a refusal
 * names the option or the argument, never the value), text in NFC.
 */
export function prepareArguments(spec: CommandSpec, positional: unknown[], opts: Record<string, unknown>): { positional: unknown[]; opts: Record<string, unknown>; lookups: NameLookup[]; controlTyped: TypedText[] } {
  const args = placeholders(spec.args);
  const lookups: NameLookup[] = [];
  // commander gives a variadic argument (the last) as one array.
  refusePlaceholders(spec, positional, opts);
  const outArgs = positional.map((value, i) => {
    const p = args[i];
    if (!p) return value;
    const ids = isIdName(p.name);
    if (ids) {
      const what = `<${p.name}${p.variadic ? '...' : ''}>`;
      const names = positionalNames(spec, p.name);
      // A refusal names the argument in words ("the id you gave for the application"), not as `<id>`.
      const inWords: Message = { key: p.name === 'party-ids' ? 'cli.idArgument.parties' : names && 'target' in names ? `cli.idArgument.${names.target}` as MessageKey : 'cli.idArgument' };
      const record = namesRecord(names);
      // The command's own record (`<id>`): an empty one is asked for with the command, as a missing one is.
      const command = record && p.name === 'id' ? ['civsam', spec.parent, spec.name].filter(Boolean).join(' ') : undefined;
      checkIds(value, p.variadic ? 'many' : ids, inWords, names !== undefined, listedBy(names && 'target' in names ? names.target : kindOfCommand(spec)), { record, command });
      const l = names && lookup(what, names, value, false, (v) => { outArgs[i] = v; });
      if (l) lookups.push(l);
      return value;
    }
    return VERBATIM.has(p.name) ? value : normalise(value);
  });
  const outOpts = { ...opts };
  // Options typed with a control character: a change they would make is refused by the folder's
  // check, which then names the option rather than a line of a file never written (register/apply-change.ts).
  const controlTyped: TypedText[] = [];
  for (const o of spec.options ?? []) {
    const flag = o.flags.split(/[\s,]+/).find((f) => f.startsWith('--'));
    if (!flag) continue;
    const key = attributeName(flag);
    if (outOpts[key] === undefined) continue;
    const p = placeholders(o.flags.slice(o.flags.indexOf(flag) + flag.length))[0];
    if (!p) continue;
    const ids = isIdName(p.name);
    const names = o.names;
    if (ids) checkIds(outOpts[key], ids, flag, names !== undefined && 'target' in names, listedBy(names && 'target' in names ? names.target : kindOfCommand(spec)), { option: namesRecord(names) });
    else if (!VERBATIM.has(p.name)) outOpts[key] = normalise(outOpts[key]);
    const l = names && lookup(flag, names, outOpts[key], ids === 'many' && !o.repeatable, (v) => { outOpts[key] = v; });
    if (l) lookups.push(l);
    const control = itemsOf(outOpts[key], false).filter((v) => controlCharacterIn(v) !== undefined);
    if (control.length > 0) controlTyped.push({ flag, values: control });
  }
  return { positional: outArgs, opts: outOpts, lookups, controlTyped };
}

/** Text typed after an option: the option, and its values (as the command gets them). */
export interface TypedText {
  flag: string;
  values: readonly string[];
}
