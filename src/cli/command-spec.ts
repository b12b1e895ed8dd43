// How a command is described to the command line: its name, arguments, options, help and the
// module that runs it (loaded only when it runs). The command table (commands.ts) and the
// register's commands (register-commands.ts) are lists of these.
import type { MessageKey, MessageParams } from '../i18n/index.js';
import type { Names } from '../context/names.js';
import type { StopOutcome } from '../store/stop-request.js';

export type { Names };

export interface OptionSpec {
  flags: string;
  description: MessageKey;
  /** Values for the description's placeholders (lists that come from the schemas). */
  params?: MessageParams;
  choices?: string[];
  /** Repeatable, and each value may hold several separated by commas. */
  repeatable?: boolean;
  /** With `repeatable`: each value is kept as typed, an empty one too, for the command to split (a rule's title may hold a comma). */
  whole?: boolean;
  /** Its value is one word (a web address, a date, a number): a word after it is never part of it, and quotes would not help. */
  oneWord?: boolean;
  names?: Names;
}

export interface CommandSpec {
  /** The parent command of a subcommand (`overview` for `overview offers`). */
  parent?: string;
  name: string;
  /** Positional arguments in commander's syntax, e.g. `<id>` or `[dir]`. */
  args?: string;
  aliases?: string[];
  description: MessageKey;
  options?: OptionSpec[];
  examples: string[];
  /** Takes `--lang both` (civsam publish writes the site in both languages); other commands refuse it. */
  acceptsLangBoth?: boolean;
  /**
   * A reading command (overviews, list, show, find): on a folder with errors it works on the valid
   * records, leaving out the files with errors and saying so first on stderr. Commands that judge
   * or show everything (audit, publish, export) and writes leave this out and refuse such a folder.
   */
  readsValidRecords?: true;
  /**
   * A report that only reads the folder and prints (the audit, the overviews): its output on a
   * folder unchanged since the snapshot was written is kept and printed again (context/replay.ts).
   */
  replays?: true;
  /**
   * Words beyond its arguments reach the command, which says which are too many in its own terms
   * (`export organisations ekstra ord`: after what it can export, and what it can export), where
   * other commands are refused with the command line's general "too many arguments".
   */
  answersExtraWords?: true;
  /**
   * A command that changes the folder without a --no-commit (sync): a Ctrl-C is heard as a
   * request from its first line, as for a change, and one that comes before the command itself
   * listens is told this (what became of the folder), not ended without a word.
   */
  stopsSaying?: StopOutcome;
  load(): Promise<unknown>;
}

/**
 * Options whose help text is the catalogue's `opt.<group>.<flag in camelCase>`, written as their
 * flags only: `optionsNamed('sync', '--status')` is `--status` described by `opt.sync.status`.
 * (test/cli/help.test.ts checks that every option's help text is in the catalogue.)
 */
export function optionsNamed(group: string, ...flags: string[]): OptionSpec[] {
  return flags.map((flags) => {
    const name = flags.replace(/^--/, '').replace(/ .*$/, '').replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
    return { flags, description: `opt.${group}.${name}` as MessageKey };
  });
}

/**
 * `--format` with its choices, each taken by its code or by its label in either language
 * (`--format tabel`, `value.format.<choice>`), as the other fixed values of the command line are.
 */
export function formatOption(description: MessageKey, choices: readonly string[]): OptionSpec {
  return { flags: '--format <format>', description, choices: [...choices], names: { values: choices, field: 'format' } };
}

/** `--overwrite`, for a command whose --output file is refused when it exists (context/output.ts writeOutputFile). */
export const OVERWRITE_OPTION: OptionSpec = { flags: '--overwrite', description: 'opt.output.overwrite' };

/** `--format` with its choices and `--output FILE`, described by `opt.<group>.format` and `.output`. */
export function formatOptions(group: string, choices: readonly string[]): OptionSpec[] {
  const [format, output] = optionsNamed(group, '--format <format>', '--output <file>');
  return [formatOption(format!.description, choices), output!];
}
