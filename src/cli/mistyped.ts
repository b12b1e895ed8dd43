// The commands or options a mistyped word was probably meant to be (`civsam valdate`, `civsam help
// org ad`, `civsam org list --staus`): close by spelling or begun by it, by the one nearness rule
// of domain/names.ts. Loaded only when a command word or an option is unknown.
import type { Command, Option } from 'commander';
import { nearestByName } from '../domain/names.js';
import { looseKey } from '../domain/text.js';

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
  const near = nearestByName(word, at.commands, (c) => [c.name(), ...c.aliases()], 2);
  return near.map((c) => [...path, c.name()].join(' '));
}

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
  return [...new Set(near.map((o) => o.long!))];
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
