// The thread that builds a large site's second language (build-thread.ts): the same facts and
// pages as the publishing thread would make of the same folder, each page encoded as UTF-8 into a
// batch's buffer, and the batch handed over without a copy once it is full.
import { workerData } from 'node:worker_threads';
import type { DataFolder } from '../domain/folder.js';
import { MOST_WAITING_KIB, SENT, WAITING, type BuilderInput, type BuilderMessage } from './build-thread.js';
import { gatherFacts } from './facts.js';
import { builderFiles, siteLanguages } from './site.js';
import type { FileContent } from './stage-page.js';

/** A batch's buffer, unless a page needs more: pages are handed over when it is full. */
const BATCH_BYTES = 1 << 20;

const { folder: copy, asOf, languages, port, flags, failAfter } = workerData as BuilderInput;
const flag = new Int32Array(flags);
let paths: string[] = [];
let spans: number[] = [];
let bytes = Buffer.allocUnsafeSlow(BATCH_BYTES);
let at = 0;
let sent = 0;

function send(message: BuilderMessage, transfer: ArrayBuffer[] = []): void {
  port.postMessage(message, transfer);
  Atomics.add(flag, SENT, 1);
  Atomics.notify(flag, SENT);
}

function post(): void {
  if (paths.length === 0) return;
  // Not further ahead of the publishing thread than it lets: the pages wait in memory until taken.
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

/** A page's text into the batch (a new batch first where it might not fit: at most 3 bytes a UTF-16 unit). */
function add(path: string, content: FileContent): void {
  let most = 0;
  if (typeof content === 'string') most = content.length * 3;
  else if (content instanceof Uint8Array) most = content.length;
  else for (const piece of content) most += piece.length * 3;
  if (at + most > bytes.length) {
    post();
    if (most > bytes.length) bytes = Buffer.allocUnsafeSlow(most);
  }
  const start = at;
  if (typeof content === 'string') at += bytes.write(content, at, 'utf8');
  else if (content instanceof Uint8Array) at += (bytes.set(content, at), content.length);
  else for (const piece of content) at += bytes.write(piece, at, 'utf8');
  paths.push(path);
  spans.push(start, at - start);
}

try {
  const folder: DataFolder = {
    ...copy,
    fileOf: () => {
      throw new Error('the site does not look up files');
    },
  };
  const facts = gatherFacts(folder, asOf);
  for (const [path, build] of builderFiles(facts, siteLanguages(languages))) {
    add(path, build());
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
