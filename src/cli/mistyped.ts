// The commands or options a mistyped word was probably meant to be (`civsam valdate`, `civsam help
// org ad`, `civsam org list --staus`): close by spelling or begun by it, by the one nearness rule
// of domain/names.ts; and which words of a command line are too many. Loaded only when a command
// word or an option is unknown, or a command is given more than it takes.
import type { Command, Option } from 'commander';
import { nearestByName } from '../domain/names.js';
import { COMMAND_OF, kindFromName } from '../domain/kinds.js';
import { looseKey } from '../domain/text.js';
import { COMMAND_WORDS, commandOfWord } from './command-words.js';

/**
 * The full command words (`org add`) of the commands at the level of `word` in `argv` that it may
 * be meant for, best first, at most three. The level is found by following the command words
 * before it (a leading `help` is the help command's, not a level).
 */
export function nearestCommands(program: Command, argv: readonly string[], word: string): string[] {
  let at = program;
  const path: string[] = [];
  for (const arg of argv) {
    if (arg === word) break;
    const next = at.commands.find((c) => c.name() !== 'help' && (c.name() === arg || c.aliases().includes(arg)));
    if (next) { at = next; path.push(next.name()); }
  }
  // A word for a command that civsam names otherwise comes first (`vocab show` is `vocab list`).
  const meant = (SYNONYMS[word] ?? []).map((name) => at.commands.find((c) => c.name() === name)).find((c) => c !== undefined);
  let near = [...new Set([...(meant ? [meant] : []), ...nearestByName(word, at.commands, (c) => [c.name(), ...c.aliases()], 2)])].slice(0, 3);
  // A Danish word for a command, mistyped (`hjælpe`, `organisatoin`): the command it is a slip from.
  if (near.length === 0 && at === program) {
    const named = nearestByName(word.normalize('NFC').toLocaleLowerCase('da'), COMMAND_WORDS, (w) => [w], 4).map(commandOfWord);
    near = [...new Set(named.map((name) => at.commands.find((c) => c.name() === name)).filter((c): c is Command => c !== undefined))];
  }
  return near.map((c) => [...path, c.name()].join(' '));
}

/**
 * A record command's verb written first (`civsam list`, `civsam add org`): civsam's commands name
 * the kind of record first. The commands it is meant for: the one whose kind the words after it
 * name (`org`, `organisationer`), else the verb after every kind that has it, in civsam's order.
 * Undefined when the word is no such verb (nor a word for one, SYNONYMS).
 */
export function verbFirst(program: Command, argv: readonly string[], word: string): { meant: string[] } | { kinds: string[] } | undefined {
  const at = argv.indexOf(word);
  if (argv.slice(0, at).some((a) => program.commands.some((c) => c.name() === a || c.aliases().includes(a)))) return undefined;
  // The record kinds in civsam's own order, then any other command with the verb (vocab list).
  const order = Object.values(COMMAND_OF) as string[];
  const rank = (c: Command) => (order.includes(c.name()) ? order.indexOf(c.name()) : order.length);
  const withVerb = (verb: string) => program.commands.filter((c) => c.commands.some((s) => s.name() === verb)).sort((a, b) => rank(a) - rank(b));
  const verb = [word, ...(SYNONYMS[word] ?? [])].find((v) => withVerb(v).length > 0);
  if (verb === undefined) return undefined;
  const kinds = withVerb(verb);
  const commandOf = (a: string) => {
    const kind = kindFromName(a.normalize('NFC'));
    return kind ? COMMAND_OF[kind] : a;
  };
  const named = argv.slice(at + 1).map((a) => kinds.find((c) => c.name() === commandOf(a) || c.aliases().includes(a))).find((c) => c !== undefined);
  if (named) return { meant: [`${named.name()} ${verb}`] };
  return { kinds: kinds.map((c) => `civsam ${c.name()} ${verb}`) };
}

/**
 * Words people write for a command that civsam names otherwise, English and Danish (without æ, ø,
 * å, as a command word is typed), each with the commands it may mean, in the order tried: the
 * first that the level has is suggested (`show` where a level only lists is `list`).
 */
const SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  show: ['show', 'list'], view: ['show', 'list'], get: ['show', 'list'], vis: ['show', 'list'], se: ['show', 'list'],
  ls: ['list'], liste: ['list'], all: ['list'], alle: ['list'],
  new: ['add'], create: ['add'], ny: ['add'], opret: ['add'], tilfoej: ['add'],
  delete: ['remove'], del: ['remove'], rm: ['remove'], slet: ['remove'], fjern: ['remove'],
  update: ['edit'], change: ['edit'], modify: ['edit'], set: ['edit'], ret: ['edit'], rediger: ['edit'], aendr: ['edit'],
  search: ['find'], soeg: ['find'], lookup: ['find'],
  stop: ['end', 'close'], slut: ['end', 'close'], afslut: ['end', 'close'], luk: ['close', 'end'],
};

/**
 * The options of `cmd` (its own and those of the commands above it, which it takes too) that the
 * unknown option `typed` may be meant for, best first, at most three. Compared folded: case,
 * accents and dashes ignored, so `--Patient_group` finds `--patient-group`. One letter (`-x`) is
 * near every other, so only the same letter in the other case (`-v` for `-V`) is suggested for it.
 */
function nearestOptions(cmd: Command, typed: string): string[] {
  const options = new Map<string, Option>();
  for (let c: Command | null = cmd; c; c = c.parent) {
    for (const o of c.createHelp().visibleOptions(c)) if (!options.has(o.flags)) options.set(o.flags, o);
  }
  const word = looseKey(typed.replace(/^--?/, ''));
  if (word === '') return [];
  const all = [...options.values()];
  if (word.length === 1) return all.filter((o) => o.short !== undefined && o.short !== typed && looseKey(o.short.slice(1)) === word).map((o) => o.short!);
  const near = nearestByName(word, all.filter((o) => o.long !== undefined), (o) => [looseKey(o.long!.slice(2))], 2);
  if (near.length > 0) return [...new Set(near.map((o) => o.long!))];
  // The last part of an option's name typed alone (`--phone` for --contact-phone), when one option ends so.
  const typedName = typed.replace(/^--?/, '').toLowerCase();
  const ending = all.filter((o) => o.long !== undefined && o.long.endsWith(`-${typedName}`));
  return ending.length === 1 ? [ending[0].long!] : [];
}

/** A long option's name written with one dash (`-status`): small letters and dashes, as civsam's options are. */
const OPTION_WORD = /^-[a-z][a-z-]{1,30}$/;

/**
 * An unknown option as commander found it (`--staus=VALUE`, `-status`, `-xVALUE`): how the error
 * names it, never with a value given to it, and the options of `cmd` it may be meant for. Written
 * with one dash, it is a long option's name when it is close to one (`-status`, `-staus=VALUE`),
 * else a short option with its value glued on (`-qVALUE`), named by its letter only.
 */
export function unknownOption(cmd: Command, typed: string): { shown: string; near: string[] } {
  if (typed.startsWith('--')) {
    const shown = typed.split('=')[0];
    return { shown, near: nearestOptions(cmd, shown) };
  }
  const name = typed.split('=')[0];
  const near = OPTION_WORD.test(name) ? nearestOptions(cmd, name) : [];
  if (near.length > 0) return { shown: name, near };
  const shown = typed.slice(0, 2);
  return { shown, near: nearestOptions(cmd, shown) };
}

/**
 * What an option's value holds, as cli/main.ts marks each option: a text that may have spaces, a
 * list (commas or the option again), items each given with the option again (commas kept), or one
 * word (a web address, a date, a number).
 */
export type ValueHolds = 'text' | 'list' | 'items' | 'word';

/** How `excessArguments` says what the words too many follow. */
export type ExcessWords =
  | { after: 'value'; option: string; holds: ValueHolds; count: number; words?: undefined }
  | { after: 'flag'; option: string; count: number; words?: undefined }
  | { after: 'argument'; arguments: string[]; count: number; words?: string }
  | { after: 'command'; count: number; words?: string };

/**
 * `argv` read as commander reads it for `cmd`: the command words, the options of the command and
 * those above it (with their values, several for a variadic one), and the rest its arguments
 * (`operands`, by their place in `argv`); `valueOf` gives the option each option word or value
 * belongs to. Undefined when `cmd` is not under `program`.
 */
function readAsCommander(program: Command, cmd: Command, argv: readonly string[]): { operands: number[]; valueOf: Map<number, Option> } | undefined {
  const chain: Command[] = [];
  for (let c: Command | null = cmd; c; c = c.parent) chain.unshift(c);
  if (chain[0] !== program) return undefined;
  let level = 0;
  const operands: number[] = [];
  /** For each word, the option whose value it is. */
  const valueOf = new Map<number, Option>();
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i];
    if (word === '--') {
      for (let j = i + 1; j < argv.length; j++) operands.push(j);
      break;
    }
    const next = chain[level + 1];
    if (next && operands.length === 0 && (next.name() === word || next.aliases().includes(word))) {
      level++;
      continue;
    }
    if (word.startsWith('-') && word.length > 1) {
      const option = chain.slice(0, level + 1).flatMap((c) => c.options).find((o) => o.long === word.split('=')[0] || o.short === word);
      if (!option || word.includes('=') || !(option.required || option.optional)) {
        if (option) valueOf.set(i, option);
        continue;
      }
      valueOf.set(i, option);
      if (option.variadic) while (i + 1 < argv.length && !argv[i + 1].startsWith('-')) valueOf.set(++i, option);
      else if (option.required || (i + 1 < argv.length && !argv[i + 1].startsWith('-'))) valueOf.set(++i, option);
      continue;
    }
    if (level === chain.length - 1) operands.push(i);
  }
  return { operands, valueOf };
}

/**
 * The command's arguments written after the values of an option that takes several
 * (`application decide --criteria need reach ID`): commander reads them as more of its values, and
 * then finds the argument missing. When the command takes a fixed number of arguments, the last
 * words after the last such option are those arguments, as the person meant (the option keeping
 * at least one value): `argv` is given back with them before the option, to be read again.
 * Otherwise (the command takes a list of arguments too, so where the values end cannot be told,
 * or the option has no value to spare) `option` names the option, for a refusal that says to
 * write the argument before it. Undefined when no option that takes several values was given.
 */
export function argumentsAfterList(program: Command, cmd: Command, argv: readonly string[]): { argv: string[] } | { option: string } | undefined {
  const read = readAsCommander(program, cmd, argv);
  if (!read) return undefined;
  const { operands, valueOf } = read;
  const lists = [...valueOf.entries()].filter(([i, o]) => o.variadic && argv[i].split('=')[0] === o.long);
  if (lists.length === 0) return undefined;
  const [at, option] = lists[lists.length - 1];
  const expected = cmd.registeredArguments;
  const missing = expected.filter((a) => a.required).length - operands.length;
  const values: number[] = [];
  for (let i = at + 1; valueOf.get(i) === option && !argv[i].startsWith('-'); i++) values.push(i);
  const fixed = expected.every((a) => a.required && !a.variadic);
  if (fixed && missing > 0 && values.length > missing) {
    const moved = values.slice(-missing);
    return { argv: [...argv.slice(0, at), ...moved.map((i) => argv[i]), ...argv.slice(at, moved[0]), ...argv.slice(moved[moved.length - 1] + 1)] };
  }
  return { option: option.long ?? option.name() };
}

/**
 * The words of `argv` that `cmd` had no place for (commander's "too many arguments"), and what
 * they follow: the value of an option that takes one (`--name Angstforeningen Skive`), an option
 * that takes none, the command's last argument, or the command itself. `argv` is read as commander
 * reads it: the command words, the options of the command and those above it (with their values,
 * several for a variadic one), and the rest its arguments. `words` names them only where an id or
 * a name was given and each is shaped like an id (`isId`): anything else, and the rest of an
 * option's text, may be a person's name and is not repeated.
 */
export function excessArguments(program: Command, cmd: Command, argv: readonly string[], isId: (word: string) => boolean): ExcessWords | undefined {
  const read = readAsCommander(program, cmd, argv);
  if (!read) return undefined;
  const { operands, valueOf } = read;
  const expected = cmd.registeredArguments;
  if (expected.some((a) => a.variadic)) return undefined;
  const extra = operands.slice(expected.length);
  if (extra.length === 0) return undefined;
  const before = extra[0] - 1;
  // The word before is an option that takes no value, or an option's value (or the option with it:
  // `--name=…`): the words are the rest of a text, never repeated.
  const option = valueOf.get(before);
  if (option) {
    const name = option.long ?? option.short!;
    if (!(option.required || option.optional)) return { after: 'flag', option: name, count: extra.length };
    return { after: 'value', option: name, holds: (option as Option & { valueHolds?: ValueHolds }).valueHolds ?? 'text', count: extra.length };
  }
  const words = extra.every((i) => isId(argv[i])) ? extra.map((i) => argv[i]).join(', ') : undefined;
  const said = { count: extra.length, ...(words !== undefined ? { words } : {}) };
  if (expected.length === 0) return { after: 'command', ...said };
  return { after: 'argument', arguments: expected.map((a) => (a.required ? `<${a.name()}>` : `[${a.name()}]`)), ...said };
}
