// Danish (and plural) words for civsam's commands: `civsam organisation list`, `civsam tilbud
// list`, `civsam hjælp org`. A record kind's command is found by the one table of kind words that
// `find --kind` and `history` read (domain/kinds.ts KIND_NAMES); the few other commands with a
// Danish word are below. Only the command word is read so, where it names no command of civsam's
// itself; help and every message keep the English command names.
import { COMMAND_OF, KIND_NAMES, kindFromName } from '../domain/kinds.js';

/** Danish words for the commands that are not a record kind's. */
const OTHER_COMMANDS: Readonly<Record<string, string>> = {
  'hjælp': 'help', hjaelp: 'help', oversigt: 'overview', oversigter: 'overview', forening: 'org', foreninger: 'org',
  'søg': 'find', soeg: 'find', historik: 'history', ordliste: 'vocab', ordlister: 'vocab',
};

/** Every word commandOfWord takes, for a mistyped one to be compared with (`organisatoin`). */
export const COMMAND_WORDS: readonly string[] = [...Object.keys(KIND_NAMES), ...Object.keys(OTHER_COMMANDS)];

/** The command a word names in Danish (or as a kind's plural), when it is one. */
export function commandOfWord(word: string): string | undefined {
  const w = word.normalize('NFC').toLocaleLowerCase('da');
  const kind = kindFromName(w);
  if (kind) return COMMAND_OF[kind];
  return Object.hasOwn(OTHER_COMMANDS, w) ? OTHER_COMMANDS[w] : undefined;
}

/** The global options that take a value, which is not a command word however it reads. */
const TAKES_VALUE = new Set(['--data', '--lang']);

/**
 * The command line with its command word (and, after `help`, the word it asks help for) in the
 * English name civsam knows it by, where it is a Danish word for one (`organisation` → `org`);
 * `isCommand` says which words are commands already and stay as they are.
 */
export function withCommandWords(argv: readonly string[], isCommand: (word: string) => boolean): string[] {
  const out = [...argv];
  for (let i = 0; i < out.length; i++) {
    const a = out[i];
    if (a === '--') break;
    if (a.startsWith('-')) {
      if (TAKES_VALUE.has(a)) i++;
      continue;
    }
    const meant = isCommand(a) ? a : commandOfWord(a);
    if (meant === undefined) break;
    out[i] = meant;
    if (meant !== 'help') break;
  }
  return out;
}
