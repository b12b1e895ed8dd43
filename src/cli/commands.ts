// Every command civsam has: its name, options, help and examples, and how to load its code.
// A command's module is imported only when it runs, so start-up costs what --help costs.
import type { MessageKey } from '../i18n/index.js';

export interface OptionSpec {
  flags: string;
  description: MessageKey;
  choices?: string[];
  /** Repeatable, and each value may hold several separated by commas. */
  repeatable?: boolean;
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
  load(): Promise<unknown>;
}

export const COMMANDS: CommandSpec[] = [
  {
    name: 'validate',
    aliases: ['check'],
    description: 'cmd.validate.description',
    options: [
      { flags: '--format <format>', description: 'opt.formatValidate', choices: ['text', 'json'] },
      { flags: '--no-cache', description: 'opt.noCache' },
    ],
    examples: ['civsam validate', 'civsam check --data ./data --format json', 'civsam --lang da validate'],
    load: () => import('../commands/validate.js'),
  },
];
