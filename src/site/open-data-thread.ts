// A large site's open data, built on a thread of its own (open-data-worker.ts) while this thread
// builds the pages. At the bench folder's size the open data (tens of megabytes of CSV and JSON)
// was an eighth of a publish's work on this thread, and its long texts made every collection of
// the heap here dearer. The thread is given a copy of the folder's records (the same values, so
// the same files) and sends the files back as UTF-8 bytes, a batch at a time in buffers handed
// over without a copy; this thread passes them on to the writer among its pages. The files are
// the very ones one thread makes, in the same order. A thread that fails, or goes silent, is not
// the user's problem: this thread builds the files it did not send itself.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { DataFolder } from '../domain/folder.js';
import { RECORD_KINDS } from '../domain/kinds.js';
import type { FileContent } from './stage-page.js';

/** The folder as the thread gets it: its values, without the functions (the open data uses neither). */
export type FolderCopy = Omit<DataFolder, 'fileOf' | 'mentioning'>;

export interface OpenDataInput {
  folder: FolderCopy;
  asOf: string;
  port: MessagePort;
  /** Int32 words: messages sent (SENT), and KiB sent and not yet taken here (WAITING). */
  flags: SharedArrayBuffer;
  /** Tests: the thread stops as if it failed once it has sent this many files. */
  failAfter?: number;
}

/** What the thread sends: a batch of files (their paths, and where each one's bytes lie in `bytes`), that it is done, or that it failed. */
export type OpenDataMessage = { paths: string[]; spans: number[]; bytes: ArrayBuffer } | { done: true } | { failed: true };

export const SENT = 0;
export const WAITING = 1;
/** The most the thread sends ahead of what this thread has taken: the files are let go once written. */
export const MOST_WAITING_KIB = 48 * 1024;
/** The longest wait for the thread's next message before this thread builds the rest itself. */
const WAIT_MS = 60_000;

export interface OpenDataThread {
  /** The files the thread has sent so far (none waited for). */
  ready(): Generator<[path: string, content: FileContent]>;
  /** Every file the thread still sends, waited for, until it is done or fails. */
  rest(): Generator<[path: string, content: FileContent]>;
  /** When the thread failed: how many files it sent (those after are to be built here). */
  failedAfter(): number | undefined;
  stop(): void;
}

/**
 * The thread, started with a copy of the folder; undefined where it would not pay (a folder of
 * fewer than `from` records, one core) or cannot run (the tests run from the TypeScript sources:
 * there is no compiled thread).
 */
export function startOpenDataThread(folder: DataFolder, asOf: string, from: number, failAfter?: number): OpenDataThread | undefined {
  const script = new URL('./open-data-worker.js', import.meta.url);
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
    const input: OpenDataInput = { folder: copy, asOf, port: port2, flags, ...(failAfter !== undefined ? { failAfter } : {}) };
    worker = new Worker(script, { workerData: input, transferList: [port2] });
  } catch {
    port1.close();
    return undefined;
  }
  worker.unref();
  worker.on('error', () => {}); // said by its silence: see rest()
  return new Thread(worker, port1, new Int32Array(flags));
}

class Thread implements OpenDataThread {
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
      yield* this.take(m.message as OpenDataMessage);
    }
  }

  *rest(): Generator<[string, FileContent]> {
    while (this.state === 'running') {
      const sent = Atomics.load(this.flag, SENT);
      const m = receiveMessageOnPort(this.port);
      if (m) {
        yield* this.take(m.message as OpenDataMessage);
        continue;
      }
      if (Atomics.wait(this.flag, SENT, sent, WAIT_MS) === 'timed-out') this.state = 'failed';
    }
  }

  private *take(m: OpenDataMessage): Generator<[string, FileContent]> {
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
