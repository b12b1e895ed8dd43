// The thread that builds a large site's open data (open-data-thread.ts): the same facts and files
// as the publishing thread would make of the same folder, each file encoded as UTF-8 into a
// batch's buffer, and the batch handed over without a copy once it is full.
import { workerData } from 'node:worker_threads';
import type { DataFolder } from '../domain/folder.js';
import { MOST_WAITING_KIB, SENT, WAITING, type OpenDataInput, type OpenDataMessage } from './open-data-thread.js';
import { gatherFacts } from './facts.js';
import { openDataFiles } from './open-data.js';
import type { FileContent } from './stage-page.js';

/** A batch's buffer, unless a file needs more: files are handed over when it is full. */
const BATCH_BYTES = 1 << 20;

const { folder: copy, asOf, port, flags, failAfter } = workerData as OpenDataInput;
const flag = new Int32Array(flags);
let paths: string[] = [];
let spans: number[] = [];
let bytes = Buffer.allocUnsafeSlow(BATCH_BYTES);
let at = 0;
let sent = 0;

function send(message: OpenDataMessage, transfer: ArrayBuffer[] = []): void {
  port.postMessage(message, transfer);
  Atomics.add(flag, SENT, 1);
  Atomics.notify(flag, SENT);
}

function post(): void {
  if (paths.length === 0) return;
  // Not further ahead of the publishing thread than it lets: the files wait in memory until taken.
  for (let waiting = Atomics.load(flag, WAITING); waiting > MOST_WAITING_KIB; waiting = Atomics.load(flag, WAITING)) Atomics.wait(flag, WAITING, waiting, 1000);
  const buffer = bytes.buffer as ArrayBuffer;
  Atomics.add(flag, WAITING, buffer.byteLength >> 10);
  send({ paths, spans, bytes: buffer }, [buffer]);
  sent += paths.length;
  paths = [];
  spans = [];
  bytes = Buffer.allocUnsafeSlow(BATCH_BYTES);
  at = 0;
}

/** A file's text into the batch (a new batch first where it might not fit: at most 3 bytes a UTF-16 unit). */
function add(path: string, content: FileContent): void {
  let most = 0;
  if (typeof content === 'string') most = content.length * 3;
  else if (content instanceof Uint8Array) most = content.length;
  else for (const piece of content) most += piece.length * 3;
  if (at + most > bytes.length) {
    post();
    // A file larger than a batch is measured, and handed over alone in a buffer of its exact size
    // (which the publishing thread hands on to the writer as it is).
    if (most > bytes.length) {
      bytes = Buffer.allocUnsafeSlow(byteLength(content));
      write(path, content);
      post();
      return;
    }
  }
  write(path, content);
}

function write(path: string, content: FileContent): void {
  const start = at;
  if (typeof content === 'string') at += bytes.write(content, at, 'utf8');
  else if (content instanceof Uint8Array) at += (bytes.set(content, at), content.length);
  else for (const piece of content) at += bytes.write(piece, at, 'utf8');
  paths.push(path);
  spans.push(start, at - start);
}

function byteLength(content: FileContent): number {
  if (typeof content === 'string') return Buffer.byteLength(content, 'utf8');
  if (content instanceof Uint8Array) return content.length;
  let n = 0;
  for (const piece of content) n += Buffer.byteLength(piece, 'utf8');
  return n;
}

try {
  const folder: DataFolder = {
    ...copy,
    fileOf: () => {
      throw new Error('the open data does not look up files');
    },
  };
  const facts = gatherFacts(folder, asOf);
  for (const [path, content] of openDataFiles(facts)) {
    add(path, content);
    if (failAfter !== undefined && sent + paths.length >= failAfter) {
      post();
      throw new Error('failing as the test asked');
    }
  }
  post();
  send({ done: true });
} catch {
  send({ failed: true }); // the publishing thread builds the rest itself
}
