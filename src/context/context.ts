// What a command gets to work with: the language, output streams, colours, the data folder's
// path and today's date. Commands return an exit code; only bin/ touches the process.
import type { ChalkInstance } from 'chalk';
import type { Language, MessageKey, MessageParams } from '../i18n/index.js';
import type { SnapshotWrite } from '../store/parse-cache.js';

export interface Output {
  write(text: string): void;
  isTTY: boolean;
  columns: number;
}

export interface Terminal {
  input: NodeJS.ReadableStream & { isTTY?: boolean };
  output: NodeJS.WritableStream & { isTTY?: boolean };
}

export interface CommandContext {
  lang: Language;
  /** True when the language was chosen by the user or environment, not by default. */
  langExplicit: boolean;
  t(key: MessageKey, params?: MessageParams): string;
  stdout: Output;
  stderr: Output;
  /** Colours for stdout and for stderr (each decided for its own stream). */
  color: ChalkInstance;
  errColor: ChalkInstance;
  env: NodeJS.ProcessEnv;
  /** The data folder as the user gave it (for messages) and resolved. */
  dataDir: string;
  cwd: string;
  /** Today, as YYYY-MM-DD in local time. */
  today: string;
  version: string;
  stdin?: NodeJS.ReadableStream;
  /**
   * Where civsam may ask questions (guided entry): set only when standard input and the error
   * stream are a terminal and --no-input was not given; scripts and pipes never get a question.
   */
  terminal?: Terminal;
  /** With --from-history: the date whose committed folder is read (YYYY-MM-DD), not the working tree. */
  fromHistory?: string;
  /** The command reports on the valid records of a folder with errors (its spec says `readsValidRecords`). */
  readsValidRecords?: boolean;
  /**
   * The options typed with a control character in their value (domain/text.ts), with those values:
   * a change refused for one names the option the user typed, not a line of a file never written.
   */
  controlTyped?: ReadonlyArray<{ flag: string; values: readonly string[] }>;
  /** With --include-personal-data: a preview of a record file (--dry-run) shows personal data's values too. */
  includePersonalData?: boolean;
  /** Its output may be printed again from a recording (its spec says `replays`; see context/replay.ts): told of the folder's load. */
  replay?: ReplayHook;
}


/** What the folder's load tells a report that may be printed again from a recording (context/replay.ts). */
export interface ReplayHook {
  /**
   * Told before any record is read: the snapshot when every file is as that write of it holds them.
   * Stops the command when its output on that folder is recorded; else notes what to record under.
   */
  loaded(snapshot: SnapshotWrite | undefined): void;
  /** Whether a recording of this command is kept for this write of the snapshot (then the records need not be parsed ahead). */
  recorded(snapshot: SnapshotWrite | undefined): boolean;
  /**
   * Told once the folder is checked: the snapshot that holds the data the report is made of (the
   * one it was found as, or the one this run wrote), which the report is recorded under; undefined
   * when there is none (a file changed too lately to be trusted), and then it is not recorded.
   */
  madeOn(snapshot: SnapshotWrite | undefined): void;
}
