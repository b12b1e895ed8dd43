// The command line: global conventions, translated help and errors, and each command's module
// imported only when that command runs.
import { withCommandWords } from './command-words.js';
import { createRequire } from 'node:module';
import type * as Commander from 'commander';
import { dateOption } from '../domain/dates.js';
import { isValidId } from '../domain/ids.js';
import { UserError, UsageError, EXIT, fileSystemFailure, fileSystemMessage } from '../domain/errors.js';
import { languageChoice, languageFromEnvironment, translate, type Language, type MessageKey, type MessageParams } from '../i18n/index.js';
import { argumentInWords, prepareArguments } from './arguments.js';
import { endNotingStops, endOfRun, heardYet, notedStop, sayOnStop, stopExitCode, stopNoting, stopsBeforeAnything } from '../store/stop-request.js';
import type { ExcessWords, ValueHolds } from './mistyped.js';
import { examplesInLanguage, formatExamples } from './examples.js';
import { valueLabel } from '../i18n/values.js';
import { shellWord } from '../i18n/shell-word.js';
import { colourLevel, makeChalk } from '../output/colors.js';
import { displayWidth, textWidth, withoutSgr } from '../output/text-width.js';
import type { CommandContext, Output, Terminal } from '../context/context.js';
import { dataFromArgv, folderLanguage, locateDataFolder } from '../context/data-folder.js';
import { COMMANDS, type CommandSpec, type OptionSpec } from './commands.js';

// commander is a CommonJS package: required as one, it is loaded without the ES module loader's
// look through its source for the names it exports (some milliseconds at every start).
const { Command, CommanderError, Help, Option } = createRequire(import.meta.url)('commander') as typeof Commander;
type Command = Commander.Command;
type Help = Commander.Help;
type Option = Commander.Option;
type CommanderError = Commander.CommanderError;

export interface Streams {
  stdout: Output;
  stderr: Output;
  stdin?: NodeJS.ReadableStream;
  /** The terminal to ask questions on (bin/ gives standard input and the error stream). */
  terminal?: Terminal;
}

/** The width an error's lists are wrapped to: the error stream's terminal, else $COLUMNS, else 80. */
function errorWidth(streams: Streams, env: NodeJS.ProcessEnv): number {
  return textWidth({ stdout: streams.stderr, env });
}

/**
 * Whether an error's own lines are wrapped: only when they go to a terminal. Piped or logged (also
 * with $COLUMNS set, as a script's may be), each stays one line.
 */
function wrapsErrors(streams: Streams): boolean {
  return streams.stderr.isTTY === true;
}

function localDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** `cwd` is where relative paths (--data, --output, files to import) start; tests pass their own. */
export async function main(argv: string[], env: NodeJS.ProcessEnv, streams: Streams, version: string, cwd: string = process.cwd()): Promise<number> {
  // A Danish word for a command (`organisation`, `tilbud`, `hjælp`) is the command it names.
  argv = withCommandWords(argv, isTopCommand);
  const chosen = languageFromEnvironment(argv, env);
  // The folder's language is looked up only when neither the command line nor the environment decides.
  const lang: Language = chosen ?? folderLanguage(locateDataFolder(dataFromArgv(argv), env, cwd).path) ?? 'en';
  const t = (key: MessageKey, params?: MessageParams) => translate(lang, key, params);
  const noColorFlag = argv.includes('--no-color');
  const errLevel = colourLevel(env, streams.stderr.isTTY, noColorFlag);
  const outLevel = colourLevel(env, streams.stdout.isTTY, noColorFlag);
  // chalk only when something is to be coloured (a terminal without NO_COLOR).
  const chalk = errLevel > 0 || outLevel > 0 ? await import('chalk') : undefined;
  const errColor = makeChalk(errLevel, chalk);

  const program = buildProgram(t, version, streams);
  let exitCode: number = EXIT.ok;
  let ran = false;
  /** The command whose action runs, once commander has parsed its command line. */
  let running: Command | undefined;

  for (const spec of commandsNamed(argv)) {
    const cmd = defineCommand(program, spec, t, helpWidth(streams), lang);
    cmd.action(async (...args: unknown[]) => {
      ran = true;
      const command = args[args.length - 1] as Command;
      running = command;
      // A command that changes the folder hears a Ctrl-C as a request from its first line (see
      // stoppedBeforeRun); any other ends at once, as Node would, a request noted so far too.
      const changes = (spec.options ?? []).some((o) => o.flags === '--no-commit') || spec.stopsSaying !== undefined;
      if (spec.stopsSaying) sayOnStop(spec.stopsSaying);
      if (!changes) endNotingStops();
      else await stoppedBeforeRun();
      // Ids checked and text normalised here, for every command, before its code is even loaded.
      // Words after the arguments, for a command that answers them itself (its spec says so).
      const extra = spec.answersExtraWords ? command.args.slice(command.registeredArguments.length) : [];
      const { opts, positional, lookups, controlTyped } = prepareArguments(spec, [...args.slice(0, -2), ...extra], command.optsWithGlobals() as Record<string, unknown>);
      if (opts.lang === 'both' && !spec.acceptsLangBoth) throw new UserError('publish.langBothOnly');
      const dataDir = locateDataFolder(opts.data as string | undefined, env, cwd).shown;
      const today = localDate(new Date());
      // A report asked again of a folder as it was: printed from its recording (context/replay.ts).
      const replay = spec.replays && opts.output === undefined && !opts.fromHistory && opts.cache !== false && !env.CIVSAM_NO_CACHE
        ? (await import('../context/replay.js')).replayFor({ argv, env, cwd, lang, today, version, colours: [opts.color === false ? 0 : outLevel, errLevel] }, streams)
        : undefined;
      const ctx: CommandContext = {
        lang, langExplicit: chosen !== undefined, t,
        // --no-cache, on any command, is what CIVSAM_NO_CACHE=1 is: every reader of the folder looks there.
        env: opts.cache === false ? { ...env, CIVSAM_NO_CACHE: '1' } : env,
        stdout: replay?.stdout ?? streams.stdout, stderr: replay?.stderr ?? streams.stderr,
        color: makeChalk(opts.color === false ? 0 : outLevel, chalk), errColor,
        dataDir, cwd, today, version, stdin: streams.stdin, replay,
        readsValidRecords: spec.readsValidRecords === true,
        ...(controlTyped.length > 0 ? { controlTyped } : {}),
        ...(opts.includePersonalData === true ? { includePersonalData: true } : {}),
        // Questions only where a person answers: both ends a terminal, and not refused by --no-input.
        ...(opts.input !== false && streams.terminal?.input.isTTY && streams.terminal.output.isTTY ? { terminal: streams.terminal } : {}),
      };
      // --from-history: every command with --as-of reads the folder as committed at that date.
      if (opts.fromHistory) {
        if (typeof opts.asOf !== 'string') throw new UserError('asOfHistory.needsDate');
        dateOption(opts.asOf, '--as-of');
        if (opts.apply) throw new UserError('asOfHistory.readOnly');
        ctx.fromHistory = opts.asOf;
      }
      // Names and prefixes given where ids or fixed values are asked, turned into what they name.
      const named = async () => {
        if (lookups.length > 0) (await import('../context/names.js')).resolveNames(ctx, lookups);
        return (await spec.load()) as { run(ctx: CommandContext, opts: Record<string, unknown>, args: unknown[]): Promise<number> };
      };
      if (replay) {
        exitCode = await replay.run(async () => (await named()).run(ctx, opts, positional));
        return;
      }
      const mod = await named();
      if (changes) await stoppedBeforeRun();
      if (opts.sync === true) {
        if (opts.dryRun || opts.commit === false) throw new UserError('sync.needsCommit');
        exitCode = await (await import('../commands/sync.js')).syncAround(ctx, () => mod.run(ctx, opts, positional));
      } else if (commitsAChange(spec, opts) && (await import('../context/sync-setting.js')).syncIsAuto(ctx)) {
        // civsam.yaml `sync: auto`: as if --sync had been given.
        exitCode = await (await import('../commands/sync.js')).syncAround(ctx, () => mod.run(ctx, opts, positional));
      } else {
        exitCode = await mod.run(ctx, opts, positional);
      }
    });
  }

  defineHelpCommand(program, t);
  // Each command stops with commander's error as an exception, and notes itself as the command it
  // stopped in: an error inside a command points to that command's help and options.
  let stoppedIn: Command | undefined;
  for (const cmd of everyCommand(program)) cmd.exitOverride((err) => { stoppedIn = cmd; throw err; });

  try {
    await program.parseAsync(argv, { from: 'user' });
    if (!ran && argv.length === 0) {
      streams.stdout.write(program.helpInformation());
    }
    // Asked to stop too late to stop anything (the change was done, or none was begun): said too.
    await heardYet();
    const late = notedStop();
    if (late && !stopsBeforeAnything(late.then)) {
      stopNoting();
      streams.stderr.write(errColor.yellow(t(late.then)) + '\n');
      return stopExitCode(late.signal);
    }
    await stoppedBeforeRun();
    return exitCode;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return EXIT.ok;
      // A mistyped command word or option: what it may be meant for, in place of commander's English
      // suggestion; an option named without a value given to it (mistyped.ts).
      const word = unknownCommandWord(err);
      const option = err.code === 'commander.unknownOption' ? (await import('./mistyped.js')).unknownOption(stoppedIn ?? program, quotedIn(err)) : undefined;
      const excess = err.code === 'commander.excessArguments' && stoppedIn ? (await import('./mistyped.js')).excessArguments(program, stoppedIn, argv, isValidId) : undefined;
      // The id written after an option's several values (`--criteria a b ID`) was read as one of
      // them: read again with it as the argument, where that is what it can only be (mistyped.ts).
      const listed = err.code === 'commander.missingArgument' && stoppedIn ? (await import('./mistyped.js')).argumentsAfterList(program, stoppedIn, argv) : undefined;
      if (listed && 'argv' in listed) return main(listed.argv, env, streams, version, cwd);
      let message = option ? t('cli.unknownOption', { what: { syntax: option.shown } }) : excess ? excessMessage(excess, stoppedIn!, t) : listed ? t('cli.missingArgumentAfterList', { what: { placeholder: quotedIn(err) }, option: listed.option }) : commanderMessage(err, t, argv, stoppedIn);
      // A record command's verb first (`civsam list`): the kind goes before it, and which kinds have it.
      const verb = word !== undefined ? (await import('./mistyped.js')).verbFirst(program, argv, word) : undefined;
      const near = option?.near ?? (verb && 'meant' in verb ? verb.meant : word !== undefined ? (await import('./mistyped.js')).nearestCommands(program, argv, word) : []);
      // `civsam undo`, `civsam fortryd`, `civsam restore`: the way back is restore, after the record's
      // kind, said once (for `civsam restore` it is that, not the list of every kind's restore as well).
      const undo = word !== undefined && UNDO_WORDS.has(word) && !(verb && 'meant' in verb);
      if (near.length > 0) message += ` ${t('names.didYouMean', { list: near.join(', ') })}`;
      else if (verb && 'kinds' in verb && !undo) message += ` ${t('cli.kindFirst', { commands: verb.kinds.join(', ') })}`;
      if (undo) message += ` ${t('cli.undoHint')}`;
      streams.stderr.write(`${errColor.red(t('cli.error'))} ${message}\n${seeHelp(stoppedIn, t)}\n`);
      return EXIT.invalid;
    }
    if (err instanceof UserError) {
      // A value an option does not take (`--format xml`): the command's help lists what it takes.
      const hint = err instanceof UsageError && running ? `\n${seeHelp(running, t)}` : '';
      const { errorLine } = await import('../output/error-line.js');
      streams.stderr.write(errorLine(lang, (s) => errColor.red(s), err.userMessage, errorWidth(streams, env), wrapsErrors(streams)) + (hint ? `${hint.slice(1)}\n` : ''));
      return err.exitCode;
    }
    // A full disk, a read-only folder, a missing permission: the system's refusal, the user's to
    // put right. Whichever command met it, it is told the same way.
    const failure = fileSystemFailure(err);
    if (failure) {
      const { terminalSafe } = await import('../i18n/terminal-text.js');
      const m = fileSystemMessage(failure, process.cwd(), terminalSafe);
      const { errorLine } = await import('../output/error-line.js');
      streams.stderr.write(errorLine(lang, (s) => errColor.red(s), m, errorWidth(streams, env), wrapsErrors(streams)));
      if (env.CIVSAM_DEBUG) streams.stderr.write(`${(err as Error)?.stack ?? String(err)}\n`);
      return EXIT.invalid;
    }
    // A bug, not the user's doing: say so briefly; the details only when asked for.
    streams.stderr.write(`${errColor.red(t('cli.internalError'))}\n`);
    if (env.CIVSAM_DEBUG) streams.stderr.write(`${(err as Error)?.stack ?? String(err)}\n`);
    return EXIT.invalid;
  } finally {
    endOfRun();
  }
}

/**
 * A Ctrl-C (or SIGTERM) noted before the change began listening (store/stop-request.ts), or while a
 * command ran that never began one: stops with nothing written and says so, rather than ending
 * the process without a word. A change that began listening has taken the request over.
 */
async function stoppedBeforeRun(): Promise<void> {
  await heardYet();
  const noted = notedStop();
  if (!noted) return;
  stopNoting();
  throw new UserError(noted.then, {}, stopExitCode(noted.signal));
}

/**
 * The commands to define for this run: those whose first word (or alias) the arguments hold, when
 * any does and no help is asked for; else all of them. A run defines only the command it runs (and
 * its siblings), not the hundred others and their five hundred options; what commander answers is
 * the same, since the command the words name is always among them.
 */
/** Whether a word is one of civsam's own top-level command words (or `help`). */
function isTopCommand(word: string): boolean {
  return word === 'help' || COMMANDS.some((spec) => (spec.parent ? spec.parent === word : spec.name === word || spec.aliases?.includes(word)));
}

function commandsNamed(argv: readonly string[]): readonly CommandSpec[] {
  const words = new Set(argv);
  if (words.has('help') || words.has('--help') || words.has('-h')) return COMMANDS;
  const named = COMMANDS.filter((spec) => (spec.parent ? words.has(spec.parent) : words.has(spec.name) || spec.aliases?.some((a) => words.has(a))));
  return named.length > 0 ? named : COMMANDS;
}

/**
 * Whether this run commits a change to an existing data folder: a write command (they all take
 * --no-commit) not run with --dry-run or --no-commit, and a plan only with --apply. `init` makes a
 * new folder, with nothing to bring in before it.
 */
function commitsAChange(spec: CommandSpec, opts: Record<string, unknown>): boolean {
  const flags = new Set((spec.options ?? []).map((o) => o.flags));
  if (!flags.has('--no-commit') || spec.name === 'init') return false;
  if (opts.dryRun === true || opts.commit === false) return false;
  return !flags.has('--apply') || opts.apply === true;
}

/** A command and every command under it, however deep. */
function everyCommand(cmd: Command): Command[] {
  return [cmd, ...cmd.commands.flatMap(everyCommand)];
}

/**
 * Where to read what a command takes: the help of the command a usage error stopped in (its
 * commands, or its arguments and options), civsam's own help when it stopped before any command.
 */
function seeHelp(cmd: Command | undefined, t: (k: MessageKey, p?: MessageParams) => string): string {
  if (!cmd?.parent) return t('cli.seeHelp');
  const words: string[] = [];
  for (let c: Command | null = cmd; c; c = c.parent) words.unshift(c.name());
  const key: MessageKey = cmd.commands.length > 0 ? 'cli.seeCommandsHelp' : cmd.registeredArguments.length > 0 ? 'cli.seeArgumentsHelp' : 'cli.seeOptionsHelp';
  return t(key, { command: words.join(' ') });
}

/** What commander's error quotes: the option, command or argument it is about. */
function quotedIn(err: CommanderError): string {
  return /'([^']*)'/.exec(err.message)?.[1] ?? '';
}

/** The command word an unknown-command error names, when it looks like one (a mistyped verb, not data). */
function unknownCommandWord(err: CommanderError): string | undefined {
  const quoted = quotedIn(err);
  return err.code === 'commander.unknownCommand' && COMMAND_WORD.test(quoted) ? quoted : undefined;
}

const COMMAND_WORD = /^[a-zæøå][a-zæøå-]{0,30}$/;

/** The command words before `word` on the command line (`civsam`, `civsam help org`), options left out. */
function wordsBefore(argv: readonly string[], word: string): string {
  const at = argv.indexOf(word);
  const before: string[] = [];
  for (let i = 0; i < (at < 0 ? 0 : at); i++) {
    if (argv[i] === '--data' || argv[i] === '--lang') i++;
    else if (!argv[i].startsWith('-')) before.push(argv[i]);
  }
  return ['civsam', ...before].join(' ');
}

/** The arguments that name a record (or a vocabulary's entry) by its name or id: `<id>`, `restore`'s `<record...>`, `contact erase`'s `<organisation-id>`. */
const RECORD_ARGUMENTS = new Set(['id', 'record', 'organisation-id']);

/** A command as it is typed: `civsam org show`. */
function commandPath(command: Command): string {
  const words: string[] = [];
  for (let c: Command | null = command; c; c = c.parent) words.unshift(c.name());
  return words.join(' ');
}

/** Words for undoing that are no command of civsam's: the unknown-command message points to restore. */
const UNDO_WORDS = new Set(['undo', 'fortryd', 'revert', 'restore', 'gendan', 'genskab', 'undelete', 'rollback']);

/**
 * Commander's error in the user's language, naming the option or argument but never a value given
 * to it. (An unknown option, `--contact-emial=NAME@…`, is named by mistyped.ts, without the address.)
 */
function commanderMessage(err: CommanderError, t: (k: MessageKey, p?: MessageParams) => string, argv: readonly string[], command?: Command): string {
  const quoted = quotedIn(err);
  // An unknown command is named as typed when it looks like a command word (a mistyped verb); when
  // it could be data (a person's name), by where it stands, so the user still sees which word it was.
  if (err.code === 'commander.unknownCommand' && !COMMAND_WORD.test(quoted)) return t('cli.unknownCommandAfter', { command: wordsBefore(argv, quoted) });
  if (err.code === 'commander.invalidArgument') {
    // `option '--format <format>' argument 'x' is invalid` or `command-argument value 'x' is invalid for argument 'kind'`: the name, not the value.
    const name = /^error: option '([^']*)'/.exec(err.message)?.[1] ?? /for argument '([^']*)'/.exec(err.message)?.[1] ?? '';
    const choices = /Allowed choices are (.*)\.$/.exec(err.message)?.[1];
    const what = name.startsWith('-') ? { syntax: name } : { placeholder: name };
    return choices !== undefined ? t('cli.invalidChoice', { what, choices }) : t('cli.invalidArgument', { what });
  }
  // An argument is named by its placeholder's word, an option by its flags (`--name <text>`), in the user's language.
  // A record command's record (`<id>`), found by its name or id: asked for as a name, with the command to write.
  // The arguments given before it are kept (`civsam vocab rename patientgrupper NAVN`), so the command copied as printed reads NAVN where the name goes.
  if (err.code === 'commander.missingArgument' && RECORD_ARGUMENTS.has(quoted) && command) return t('cli.missingRecordName', { command: [commandPath(command), ...command.args.map(shellWord)].join(' ') });
  if (err.code === 'commander.missingArgument') return t('cli.missingArgument', { what: { placeholder: quoted } });
  const key = ({
    'commander.unknownCommand': 'cli.unknownCommand',
    'commander.missingArgument': 'cli.missingArgument',
    'commander.optionMissingArgument': 'cli.optionMissingArgument',
    'commander.missingMandatoryOptionValue': 'cli.missingMandatoryOption',
    'commander.excessArguments': 'cli.excessArguments',
    'commander.invalidArgument': 'cli.invalidArgument',
    'commander.conflictingOption': 'cli.conflictingOption',
  } as Record<string, MessageKey>)[err.code] ?? 'cli.usageError';
  return t(key, { what: err.code === 'commander.unknownCommand' ? quoted : { syntax: quoted } });
}

/** Words too many after an option's value, said by what the value holds: how to give several values, or a text of several words, or neither. */
const EXCESS_AFTER_VALUE: Record<ValueHolds, MessageKey> = { text: 'cli.excessAfterValue', list: 'cli.excessAfterListValue', items: 'cli.excessAfterItemValue', word: 'cli.excessAfterWordValue' };

/** Words too many, said by what they follow and what the command or option takes (cli/mistyped.ts). */
function excessMessage(excess: ExcessWords, cmd: Command, t: (k: MessageKey, p?: MessageParams) => string): string {
  const path: string[] = [];
  for (let c: Command | null = cmd; c; c = c.parent) path.unshift(c.name());
  const command = path.join(' ');
  const count = excess.count;
  const words = excess.words !== undefined ? { key: 'cli.excessWords' as MessageKey, params: { words: excess.words } } : '';
  switch (excess.after) {
    case 'value': return t(EXCESS_AFTER_VALUE[excess.holds], { count, option: excess.option });
    case 'flag': return t('cli.excessAfterFlag', { count, option: excess.option });
    case 'argument': {
      // The argument in words (id'et, argumentet fil), as the placeholder refusal names it, never as `<id>`.
      const argument = argumentInWords(excess.arguments[excess.arguments.length - 1].replace(/^[<[]|\.{3}|[>\]]$/g, ''));
      return t('cli.excessAfterArgument', { count, words, command, argument, arguments: excess.arguments.length });
    }
    case 'command': return t('cli.excessNoArguments', { count, words, command });
  }
}

/** How wide help is written: the terminal's width, at most 120. */
function helpWidth(streams: Streams): number {
  return Math.min(streams.stdout.columns || 80, 120);
}

/**
 * The language of messages and reports: en or da, as help and a refused value say. `both` is civsam
 * publish's own --lang (a site in both languages), which reaches it through this option too; every
 * other command refuses it by name (publish.langBothOnly).
 */
function langOption(t: (k: MessageKey, p?: MessageParams) => string): Option {
  // The choices are listed in help; a value is taken by its code or its label in either language
  // (`begge`), and any other is refused naming every value, publish's own `both` too.
  return new Option('--lang <lang>', t('cli.langOption')).choices(['en', 'da']).argParser((value: string) => {
    const code = languageChoice(value);
    if (code === undefined) throw new UsageError('cli.langValues');
    return code;
  });
}

function buildProgram(t: (k: MessageKey, p?: MessageParams) => string, version: string, streams: Streams): Command {
  const program = new Command('civsam');
  program
    .description(t('cli.description'))
    .version(version, '-V, --version', t('cli.versionOption'))
    .helpOption('-h, --help', t('cli.helpOption'))
    // Our own help command (defined last in main), since commander's looks at the first word only.
    .helpCommand(false)
    .addOption(new Option('--data <dir>', t('cli.dataOption')))
    .addOption(langOption(t))
    .option('--no-color', t('cli.noColorOption'))
    .option('--no-cache', t('opt.noCache'))
    .option('--no-input', t('cli.noInputOption'))
    .showSuggestionAfterError(false)
    .configureOutput({
      writeOut: (s) => streams.stdout.write(s),
      writeErr: (s) => streams.stderr.write(s),
      outputError: () => {},
      getOutHelpWidth: () => helpWidth(streams),
      getErrHelpWidth: () => Math.min(streams.stderr.columns || 80, 120),
    })
    .configureHelp(helpConfig(t))
    .addHelpText('after', () => `\n${t('cli.examples')}\n${formatExamples(['civsam validate', 'civsam --lang da validate --data ./data', 'civsam help org add'], helpWidth(streams))}\n`);
  refuseRepeats(program);
  return program;
}

function helpConfig(t: (k: MessageKey, p?: MessageParams) => string): Partial<Help> {
  const syntax = (text: string) => t('cli.syntax', { syntax: { syntax: text } });
  const titles: Record<string, MessageKey> = {
    'Usage:': 'cli.helpUsage', 'Options:': 'cli.helpOptions', 'Commands:': 'cli.helpCommands',
    'Arguments:': 'cli.helpArguments', 'Global Options:': 'cli.helpGlobalOptions',
  };
  return {
    showGlobalOptions: true,
    // A global option the command has its own of (publish's --lang, which also takes both) is listed once, as the command's.
    visibleGlobalOptions(this: Help, cmd: Command) {
      const own = new Set(cmd.options.map((o) => o.long));
      return Help.prototype.visibleGlobalOptions.call(this, cmd).filter((o) => !own.has(o.long));
    },
    // Wrap a description even beside a long term (`invite [options] <id> <party-ids...>`), so help
    // fits 80 columns; commander leaves it unwrapped when less than 40 columns are left.
    minWidthToWrap: 24,
    // Terms padded and descriptions wrapped by the columns a text takes (an emoji, an accent written apart), not its length.
    displayWidth: (text: string) => displayWidth(withoutSgr(text)),
    styleTitle: (s: string) => (titles[s] ? t(titles[s]) : s),
    // Placeholders (`<text>`, `[dir]`) in the user's language wherever help shows syntax.
    commandUsage(this: Help, cmd: Command) {
      return syntax(Help.prototype.commandUsage.call(this, cmd).replace('[options]', t('cli.usageOptions')).replace('[command]', t('cli.usageCommand')));
    },
    subcommandTerm(this: Help, cmd: Command) {
      return syntax(Help.prototype.subcommandTerm.call(this, cmd).replace('[options]', t('cli.usageOptions')));
    },
    optionTerm: (o: Option) => syntax(o.flags),
    argumentTerm: (a: Commander.Argument) => syntax(a.name()),
    optionDescription: (o: Option) => (o.argChoices ? withAside(o.description, t('cli.choices', { values: { ...(o.parseArg ? { codes: o.argChoices } : { list: o.argChoices }), field: (o as FieldOption).valueField } })) : o.description),
  };
}

/**
 * A description with a remark in brackets: inside the description's own closing bracket, before
 * what it holds, when it ends in one (`aktiv eller inaktiv (en af: aktiv, inaktiv; standard for en
 * ny: aktiv)`), so help never shows two brackets in a row.
 */
export function withAside(description: string, aside: string): string {
  if (description.endsWith(')')) {
    let depth = 0;
    for (let i = description.length - 1; i >= 0; i--) {
      if (description[i] === ')') depth++;
      else if (description[i] === '(' && --depth === 0) return `${description.slice(0, i + 1)}${aside}; ${description.slice(i + 1)}`;
    }
  }
  return `${description} (${aside})`;
}

function defineCommand(program: Command, spec: CommandSpec, t: (k: MessageKey, p?: MessageParams) => string, width: number, lang: Language): Command {
  const parent = spec.parent ? program.commands.find((c) => c.name() === spec.parent) ?? program.command(spec.parent).description(t(`cmd.${spec.parent}.description` as MessageKey)) : program;
  if (spec.parent && !parent.commands.length) {
    parent.helpOption('-h, --help', t('cli.helpOption')).helpCommand(false).configureHelp(helpConfig(t));
  }
  const cmd = parent.command(spec.name + (spec.args ? ` ${spec.args}` : '')).description(t(spec.description));
  for (const a of spec.aliases ?? []) cmd.alias(a);
  if (spec.answersExtraWords) cmd.allowExcessArguments(true);
  for (const o of spec.options ?? []) cmd.addOption(makeOption(o, t));
  // A command that always writes (restore) reads the history itself: --as-of is its own date, not a past folder to read.
  const writes = spec.options?.some((o) => o.flags === '--no-commit') && !spec.options.some((o) => o.flags === '--apply');
  if (spec.options?.some((o) => o.flags.startsWith('--as-of ')) && !writes) cmd.addOption(new Option('--from-history', t('opt.fromHistory')));
  // Every write command's preview leaves personal data's values out unless asked, as history does.
  if (spec.options?.some((o) => o.flags === '--dry-run') && spec.options.some((o) => o.flags === '--no-commit') && !spec.options.some((o) => o.flags === '--include-personal-data')) {
    cmd.addOption(new Option('--include-personal-data', t('opt.dryRun.personal')));
  }
  // Every write command (they all take --no-commit) may sync before and after its change.
  if (spec.options?.some((o) => o.flags === '--no-commit')) cmd.addOption(new Option('--sync', t('opt.syncWrite')));
  cmd.helpOption('-h, --help', t('cli.helpOption')).configureHelp(helpConfig(t));
  refuseRepeats(cmd);
  cmd.addHelpText('after', () => `\n${t('cli.examples')}\n${formatExamples(examplesInLanguage(spec.examples, spec.options ?? [], lang === 'en' ? undefined : (v, field) => valueLabel(lang, v, field)), width)}\n`);
  return cmd;
}

/**
 * `civsam help [command...]`: the help of the command the words name, however deep (`civsam help org
 * add` is `org add`'s help with its examples, as `civsam org add --help` is).
 */
function defineHelpCommand(program: Command, t: (k: MessageKey, p?: MessageParams) => string): void {
  program.command('help [command...]').description(t('cli.helpCommand'))
    .helpOption('-h, --help', t('cli.helpOption')).configureHelp(helpConfig(t))
    .action((words: string[]) => {
      let target = program;
      for (const word of words) {
        const next = target.commands.find((c) => c.name() === word || c.aliases().includes(word));
        if (!next) throw new CommanderError(1, 'commander.unknownCommand', `error: unknown command '${word}'`);
        target = next;
        // `civsam help help`: the help command's own help.
        if (next.name() === 'help') break;
      }
      target.outputHelp();
    });
}

/** An option whose fixed values have labels of their own in its field (`--disposition`: a hearing point's). */
type FieldOption = Option & { valueField?: string };

/** An option with what its value holds (cli/mistyped.ts says so of words too many after it). */
type ValueOption = Option & { valueHolds?: ValueHolds };

function makeOption(o: OptionSpec, t: (k: MessageKey, p?: MessageParams) => string): Option {
  const opt = new Option(o.flags);
  // Put into words only when help is shown: a run defines every command's options (some five
  // hundred) and shows none of them.
  Object.defineProperty(opt, 'description', { get: () => t(o.description, o.params), enumerable: true, configurable: true });
  // A schema's fixed values are listed in the help but checked when the names are resolved, which
  // takes a value's label in either language too (context/names.ts).
  if (o.choices && o.names && 'values' in o.names) opt.argChoices = [...o.choices];
  else if (o.choices) opt.choices(o.choices);
  if (o.names && 'values' in o.names && o.names.field) (opt as FieldOption).valueField = o.names.field;
  (opt as ValueOption).valueHolds = o.repeatable ? (o.whole ? 'items' : 'list') : o.oneWord ? 'word' : 'text';
  if (o.repeatable) opt.argParser((v: string, prev: string[] | undefined) => [...(prev ?? []), ...(o.whole ? [v] : v.split(',').map((s) => s.trim()).filter(Boolean))]);
  return opt;
}

/**
 * Every option of the command that takes one value refuses a second (`--name X --name Y`), which
 * commander would take silently, the last one winning: which of the two was meant is the user's
 * to say. An option that takes several values (repeatable, or `<text...>`) and a flag without a
 * value are left as they are.
 */
function refuseRepeats(cmd: Command): void {
  for (const opt of cmd.options) {
    const holds = (opt as ValueOption).valueHolds;
    if ((!opt.required && !opt.optional) || opt.variadic || holds === 'list' || holds === 'items') continue;
    let given = false;
    cmd.on(`option:${opt.name()}`, () => {
      if (given) throw new UsageError('cli.optionTwice', { option: opt.long ?? opt.flags });
      given = true;
    });
  }
}

