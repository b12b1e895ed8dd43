// The commands a mistyped command word was probably meant to be (`civsam valdate`, `civsam help
// org ad`): the commands at the level where the word stood, close by spelling or begun by it.
// Loaded only when a command word is unknown.
import type { Command } from 'commander';
import { distance } from '../domain/names.js';

/** How close two words are: edit distance, with two letters swapped counted as one slip (`hlep`). */
function slips(a: string, b: string): number {
  if (a.length === b.length) {
    const differ = [...a].flatMap((c, i) => (c === b[i] ? [] : [i]));
    if (differ.length === 2 && differ[1] === differ[0] + 1 && a[differ[0]] === b[differ[1]] && a[differ[1]] === b[differ[0]]) return 1;
  }
  return distance(a, b);
}

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
  const scored = at.commands.map((c) => {
    const names = [c.name(), ...c.aliases()];
    const d = Math.min(...names.map((n) => slips(word, n)));
    const begins = word.length >= 2 && names.some((n) => n.startsWith(word));
    return { name: c.name(), d: begins ? 0 : d };
  });
  // One slip in any word; two in a word of five letters or more; or the start of a command.
  const near = scored.filter((s) => s.d <= 1 || (s.d === 2 && word.length >= 5)).sort((a, b) => a.d - b.d);
  return near.slice(0, 3).map((s) => [...path, s.name].join(' '));
}
