// Danish (and plural) words for civsam's commands: `civsam organisation list`, `civsam tilbud
// liste`, `civsam oversigt dækning`, `civsam hjælp org`. A record kind's command is found by the one
// table of kind words that `find --kind` and `history` read (domain/kinds.ts KIND_NAMES); the few
// other commands with a Danish word are below, and the words for each command's own commands
// (`liste`, `vis`, `tilføj`; an overview by the words `export overview` takes). A word is read so
// only where it names no command of civsam's itself, and only a word that means one command there;
// help and every message keep the English command names.
import { COMMAND_OF, KIND_NAMES, kindFromName } from '../domain/kinds.js';
import { OVERVIEW_NAMES } from '../spreadsheets/export/overview-names.js';

/** Danish words for the commands that are not a record kind's. */
const OTHER_COMMANDS: Readonly<Record<string, string>> = {
  'hjælp': 'help', hjaelp: 'help', oversigt: 'overview', oversigter: 'overview', overblik: 'overview', forening: 'org', foreninger: 'org',
  'søg': 'find', soeg: 'find', historik: 'history', ordliste: 'vocab', ordlister: 'vocab',
};

/** Danish words for what every record kind's command does (`civsam tilbud liste`). */
const RECORD_VERBS: Readonly<Record<string, string>> = {
  liste: 'list', vis: 'show', 'tilføj': 'add', tilfoej: 'add', opret: 'add', ret: 'edit', rediger: 'edit', 'redigér': 'edit',
  gendan: 'restore',
};
// A record is removed (or a contact person erased) only by the command's own name: `slet` and
// `fjern` are answered with it (`Mente du: org remove?`), never run.

/** Danish words for each command's own commands, by the command they belong to. */
const SUBCOMMAND_WORDS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  ...Object.fromEntries(Object.values(COMMAND_OF).map((command) => [command, RECORD_VERBS])),
  org: { ...RECORD_VERBS, deaktiver: 'deactivate', 'deaktivér': 'deactivate', aktiver: 'activate', 'aktivér': 'activate' },
  offer: { ...RECORD_VERBS, afslut: 'end' },
  agreement: { ...RECORD_VERBS, afslut: 'end', annuller: 'cancel', 'annullér': 'cancel', evaluer: 'evaluate', 'evaluér': 'evaluate', rapport: 'report' },
  pool: { ...RECORD_VERBS, kriterie: 'criterion', kriterium: 'criterion' },
  call: { ...RECORD_VERBS, kriterie: 'criterion', kriterium: 'criterion', luk: 'close', breve: 'letters', rangering: 'ranking' },
  application: { ...RECORD_VERBS, vurder: 'assess', 'vurdér': 'assess', afgør: 'decide', afgoer: 'decide' },
  'hearing-party': { ...RECORD_VERBS, historik: 'history' },
  consultation: { ...RECORD_VERBS, inviter: 'invite', 'invitér': 'invite', udelad: 'omit', svar: 'respond', 'åbn': 'open', aabn: 'open', luk: 'close', rapport: 'report' },
  vocab: { liste: 'list', 'tilføj': 'add', tilfoej: 'add', omdøb: 'rename', omdoeb: 'rename' },
  hooks: { installer: 'install', 'installér': 'install', tjek: 'check' },
  // The overviews by the words `export overview` takes them by (`oversigt tilbud`, `overblik dækning`).
  overview: OVERVIEW_NAMES,
};

/** The command of `parent`'s own that a word names in Danish, when it is one. */
export function subcommandOfWord(parent: string, word: string): string | undefined {
  const words = Object.hasOwn(SUBCOMMAND_WORDS, parent) ? SUBCOMMAND_WORDS[parent] : undefined;
  const w = word.normalize('NFC').toLocaleLowerCase('da');
  return words && Object.hasOwn(words, w) ? words[w] : undefined;
}

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
 * The command line with its command word (after `help`, the word it asks help for) and the word
 * for that command's own command in the English names civsam knows them by, where they are Danish
 * words for them (`organisation vis` → `org show`); `isCommand` says which words are commands
 * already and stay as they are. A word after the command that is no Danish word for one of its own
 * is left as it is (a command's own, or an argument).
 */
export function withCommandWords(argv: readonly string[], isCommand: (word: string) => boolean): string[] {
  const out = [...argv];
  let parent: string | undefined;
  for (let i = 0; i < out.length; i++) {
    const a = out[i];
    if (a === '--') break;
    if (a.startsWith('-')) {
      if (TAKES_VALUE.has(a)) i++;
      continue;
    }
    if (parent !== undefined) {
      const sub = subcommandOfWord(parent, a);
      if (sub !== undefined) out[i] = sub;
      break;
    }
    const meant = isCommand(a) ? a : commandOfWord(a);
    if (meant === undefined) break;
    out[i] = meant;
    if (meant !== 'help') parent = meant;
  }
  return out;
}
