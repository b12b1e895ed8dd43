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
  {
    name: 'audit',
    description: 'cmd.audit.description',
    options: [
      { flags: '--rule <id>', description: 'opt.audit.rule', repeatable: true },
      { flags: '--area <area>', description: 'opt.audit.area', choices: ['social', 'psychiatry', 'health'] },
      { flags: '--as-of <date>', description: 'opt.audit.asOf' },
      { flags: '--fail-on <severity>', description: 'opt.audit.failOn', choices: ['error', 'warning', 'never'] },
      { flags: '--explain <rule>', description: 'opt.audit.explain' },
      { flags: '--format <format>', description: 'opt.audit.format', choices: ['table', 'json', 'md', 'csv'] },
      { flags: '--output <file>', description: 'opt.audit.output' },
    ],
    examples: [
      'civsam audit',
      'civsam audit --as-of 2026-11-23 --area psychiatry',
      'civsam audit --rule unilateral-agreement --rule restricted-call --format json',
      'civsam audit --fail-on warning --output audit.md',
      'civsam audit --explain funding-concentration',
    ],
    load: () => import('../commands/audit.js'),
  },
  {
    name: 'model',
    description: 'cmd.model.description',
    options: [
      { flags: '--format <format>', description: 'opt.audit.format', choices: ['table', 'json', 'md'] },
      { flags: '--output <file>', description: 'opt.audit.output' },
    ],
    examples: ['civsam model', 'civsam --lang en model --format md --output model.md', 'civsam model --format json'],
    load: () => import('../commands/model.js'),
  },
];
