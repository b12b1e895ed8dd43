// The commands a mistyped command word was probably meant to be (`civsam valdate`, `civsam help
// org ad`): the commands at the level where the word stood, close by spelling or begun by it.
// Loaded only when a command word is unknown.
import type { Command } from 'commander';
import { nearestByName } from '../domain/names.js';

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
