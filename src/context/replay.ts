// A report printed again: a command that only reads and reports (the audit, the overviews; their
// spec says `replays`) keeps what it printed and how it exited, and prints that again when it is
// asked the same thing of the same folder, without reading the records or working anything out.
//
// "The same folder" is decided by the folder snapshot (store/parse-cache.ts): the load found every
// file as one write of the snapshot holds it (the racy rule, the listing, the identities: what
// makes the snapshot safe to take records from at all), and that write is the recording's
// generation. The report was made from that write's records, so it is the report of this folder.
// "The same thing" is everything else the output depends on, hashed into the key: civsam's build,
// the command line as typed, the folder it was run in, the language, today's date, both streams'
// terminal, width and colours, and the environment variables civsam reads (ENVIRONMENT_READ). A run
// that differs in any of them is worked out in full (and recorded in its turn).
//
// A recording is made only of a run that wrote nothing before the folder was loaded, ended without
// an exception and printed to the terminal or a pipe (not --output, not --from-history, not
// --no-cache). What a recording holds is written back byte for byte (the tests compare replayed
// and worked-out runs byte for byte, folder changes in between: test/helpers/snapshot-property.ts).
import { createHash } from 'node:crypto';
import { BUILD_KEY } from '../generated/build-key.js';
import { hasRecording, MOST_PARTS, MOST_RECORDED_CHARS, readRecording, recordingsFolder, writeRecording, type Recording } from '../store/recorded-output.js';
import type { Output, ReplayHook } from './context.js';

/**
 * The environment variables civsam reads, and those its runtime reads for it (TZ for today's date,
 * COLORTERM for colours): a recording is kept by their values, so a report is printed again only
 * where they are as they were. Others (a shell's, a benchmark's) cannot change what civsam prints
 * and are left out. test/io/replay.test.ts finds every variable the source reads and checks that it
 * is here.
 */
export const ENVIRONMENT_READ: readonly string[] = [
  'CIVSAM_LANG', 'CIVSAM_DATA', 'CIVSAM_DEBUG', 'CIVSAM_NO_CACHE', 'CIVSAM_CACHE_DIR', 'XDG_CACHE_HOME',
  'CIVSAM_SNAPSHOT_DEFER_FILES', 'CIVSAM_SNAPSHOT_RACY_MS', 'CIVSAM_SNAPSHOT_SEARCH_WINDOW',
  'LC_ALL', 'LC_MESSAGES', 'LANG', 'TZ', 'COLUMNS', 'TERM', 'COLORTERM', 'NO_COLOR', 'FORCE_COLOR',
];

/** Thrown by the folder's load when the output is recorded: caught by `run` below, which prints it. */
class Replayed {
  constructor(readonly recording: Recording) {}
}

/** `loaded` stops the command with a Replayed when its output on the folder is recorded. */
export interface Replay extends ReplayHook {
  /** The streams to give the command: what goes through them is recorded too. */
  stdout: Output;
  stderr: Output;
  /** Runs the command (names looked up, its module loaded and run): its exit code, replayed or worked out and recorded. */
  run(command: () => Promise<number>): Promise<number>;
}

export interface ReplayInputs {
  argv: readonly string[];
  env: NodeJS.ProcessEnv;
  cwd: string;
  lang: string;
  today: string;
  version: string;
  /** The colour levels chosen for standard output and the error stream. */
  colours: readonly number[];
}

export function replayFor(inputs: ReplayInputs, streams: { stdout: Output; stderr: Output }): Replay {
  const env = ENVIRONMENT_READ.map((k) => inputs.env[k] ?? null);
  const stream = (o: Output) => [o.isTTY, o.columns];
  const key = createHash('sha256')
    .update(JSON.stringify([BUILD_KEY, inputs.version, inputs.argv, inputs.cwd, inputs.lang, inputs.today, inputs.colours, stream(streams.stdout), stream(streams.stderr), env]))
    .digest('hex')
    .slice(0, 40);
  /** What was written, in order: a part per stretch of writes to one stream. */
  const parts: Array<{ stream: 0 | 1; texts: string[] }> = [];
  let chars = 0;
  let wroteBeforeLoad = false;
  let loaded = false;
  /** The snapshot the report is made on (madeOn): what it is recorded under. */
  let under: { folder: string; generation: string } | undefined;
  let checked = false;
  const recorder = (o: Output, stream: 0 | 1): Output => ({
    write(text) {
      if (!loaded) wroteBeforeLoad = true;
      if (chars <= MOST_RECORDED_CHARS && parts.length <= MOST_PARTS) {
        const last = parts[parts.length - 1];
        if (last?.stream === stream) last.texts.push(text);
        else parts.push({ stream, texts: [text] });
        chars += text.length;
      }
      o.write(text);
    },
    get isTTY() { return o.isTTY; },
    get columns() { return o.columns; },
  });
  return {
    stdout: recorder(streams.stdout, 0),
    stderr: recorder(streams.stderr, 1),
    loaded(snapshot) {
      // Only the first load counts: one the command makes again is not the one it was asked on.
      if (loaded) return;
      loaded = true;
      if (!snapshot || wroteBeforeLoad) return;
      const folder = recordingsFolder(snapshot.snapshot);
      const recording = readRecording(folder, snapshot.generation, key);
      if (recording) throw new Replayed(recording);
    },
    madeOn(snapshot) {
      // Only the first load's: one the command makes again is not the one it was asked on.
      if (checked) return;
      checked = true;
      if (!snapshot || wroteBeforeLoad) return;
      under = { folder: recordingsFolder(snapshot.snapshot), generation: snapshot.generation };
    },
    recorded(snapshot) {
      return snapshot !== undefined && hasRecording(recordingsFolder(snapshot.snapshot), snapshot.generation, key);
    },
    async run(command) {
      let exitCode: number;
      try {
        exitCode = await command();
      } catch (e) {
        if (!(e instanceof Replayed)) throw e;
        for (const part of e.recording.parts) writeInPieces(part.stream === 0 ? streams.stdout : streams.stderr, part.text);
        return e.recording.exitCode;
      }
      if (under && chars <= MOST_RECORDED_CHARS && parts.length <= MOST_PARTS) writeRecording(under.folder, under.generation, key, parts, exitCode);
      return exitCode;
    },
  };
}

/** A long text in pieces of a megabyte or so (never splitting a surrogate pair), as the command wrote it in pieces. */
function writeInPieces(o: Output, text: string): void {
  const PIECE = 1 << 20;
  for (let at = 0; at < text.length; ) {
    let end = Math.min(text.length, at + PIECE);
    const c = text.charCodeAt(end - 1);
    if (end < text.length && c >= 0xd800 && c <= 0xdbff) end--;
    o.write(text.slice(at, end));
    at = end;
  }
}
