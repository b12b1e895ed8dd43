// A large site's second language, built on a thread of its own (build-worker.ts) while this thread
// builds the open data and the first language: at the bench folder's size building the pages was
// most of a publish, on one core. The thread is given a copy of the folder's records (the same
// values, so the same pages) and sends its pages back as UTF-8 bytes, a batch at a time in buffers
// handed over without a copy; this thread passes them on to the writer among its own. It is the
// same site as one thread builds: the same pages, in the same order within each language.
// A thread that fails, or goes silent, is not the user's problem: this thread builds the pages it
// did not send itself.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { DataFolder } from '../domain/folder.js';
import { RECORD_KINDS } from '../domain/kinds.js';
import type { Language } from '../i18n/index.js';
import type { FileContent } from './stage-page.js';

/** The folder as the thread gets it: its values, without the functions (the site uses neither). */
export type FolderCopy = Omit<DataFolder, 'fileOf' | 'mentioning'>;

export interface BuilderInput {
  folder: FolderCopy;
  asOf: string;
  languages: Language[];
  port: MessagePort;
  /** Int32 words: batches sent (SENT), and KiB sent and not yet taken here (WAITING). */
  flags: SharedArrayBuffer;
  /** Tests: the thread stops as if it failed once it has sent this many pages. */
  failAfter?: number;
}

/** What the thread sends: a batch of pages (their paths, and where each one's bytes lie in `bytes`), that it is done, or that it failed. */
export type BuilderMessage = { paths: string[]; spans: number[]; bytes: ArrayBuffer } | { done: true } | { failed: true };

export const SENT = 0;
export const WAITING = 1;
/** The most the thread sends ahead of what this thread has taken: the pages are let go once written. */
export const MOST_WAITING_KIB = 48 * 1024;
/** The longest wait for the thread's next batch before this thread builds the rest itself. */
const WAIT_MS = 60_000;

export interface Builder {
  /** The pages the thread has sent so far (none waited for). */
  ready(): Generator<[path: string, content: FileContent]>;
  /** Every page the thread still sends, waited for, until it is done or fails. */
  rest(): Generator<[path: string, content: FileContent]>;
  /** When the thread failed: how many of its pages it sent (those after are to be built here). */
  failedAfter(): number | undefined;
  stop(): void;
}

/**
 * The thread for the open data and the second language, started with a copy of the folder; undefined where it
 * would not pay (a folder of fewer than `from` records, one core) or cannot run (the tests run
 * from the TypeScript sources: there is no compiled thread).
 */
export function startBuilder(folder: DataFolder, options: { asOf: string; languages: Language[] }, from: number, failAfter?: number): Builder | undefined {
  const script = new URL('./build-worker.js', import.meta.url);
  if (availableParallelism() < 2 || !existsSync(fileURLToPath(script))) return undefined;
  let records = 0;
  for (const kind of RECORD_KINDS) records += folder.records[kind].size;
  if (records < from) return undefined;
  const { dir, settings, policy, model, vocabularies } = folder;
  const copy: FolderCopy = { dir, settings, policy, model, vocabularies, records: folder.records };
  const flags = new SharedArrayBuffer(8);
  const { port1, port2 } = new MessageChannel();
  let worker: Worker;
  try {
    const input: BuilderInput = { folder: copy, asOf: options.asOf, languages: options.languages, port: port2, flags, ...(failAfter !== undefined ? { failAfter } : {}) };
    worker = new Worker(script, { workerData: input, transferList: [port2] });
  } catch {
    port1.close();
    return undefined;
  }
  worker.unref();
  worker.on('error', () => {}); // said by its silence: see rest()
  return new BuilderThread(worker, port1, new Int32Array(flags));
}

class BuilderThread implements Builder {
  private received = 0;
  private state: 'running' | 'done' | 'failed' = 'running';

  constructor(
    private readonly worker: Worker,
    private readonly port: MessagePort,
    private readonly flag: Int32Array,
  ) {}

  *ready(): Generator<[string, FileContent]> {
    while (this.state === 'running') {
      const m = receiveMessageOnPort(this.port);
      if (!m) return;
      yield* this.take(m.message as BuilderMessage);
    }
  }

  *rest(): Generator<[string, FileContent]> {
    while (this.state === 'running') {
      const sent = Atomics.load(this.flag, SENT);
      const m = receiveMessageOnPort(this.port);
      if (m) {
        yield* this.take(m.message as BuilderMessage);
        continue;
      }
      if (Atomics.wait(this.flag, SENT, sent, WAIT_MS) === 'timed-out') this.state = 'failed';
    }
  }

  private *take(m: BuilderMessage): Generator<[string, FileContent]> {
    if ('done' in m) {
      this.state = 'done';
      return;
    }
    if ('failed' in m) {
      this.state = 'failed';
      return;
    }
    Atomics.sub(this.flag, WAITING, m.bytes.byteLength >> 10);
    Atomics.notify(this.flag, WAITING);
    for (let i = 0; i < m.paths.length; i++) {
      this.received++;
      yield [m.paths[i], new Uint8Array(m.bytes, m.spans[2 * i], m.spans[2 * i + 1])];
    }
  }

  failedAfter(): number | undefined {
    return this.state === 'failed' ? this.received : undefined;
  }

  stop(): void {
    this.port.close();
    void this.worker.terminate();
  }
}
