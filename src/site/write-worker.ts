// The writer thread of a large publish (write-site.ts `PageWriterThread`): stages each page it is
// given (stage-page.ts) while the publishing thread builds the next, and answers with the
// temporary file's name and the page's sum, that the page was unchanged, that the file in its place
// is kept (not as civsam wrote it), or the file system's error. Pages come in
// batches of a few (a message has a cost of its own) and are answered a batch at a time. A page arrives
// as bytes already encoded: a place in the memory both threads share (the ring), or, for a file
// too large for it, a buffer handed over whole; nothing is copied between the threads.
import { parentPort, workerData } from 'node:worker_threads';
import { stagePage, type Kept, type Sum, type Written } from './stage-page.js';

export interface WriterData {
  /** The ring both threads share: the publishing thread writes pages into it, this thread reads them. */
  ring: SharedArrayBuffer;
}

export interface StageRequest {
  index: number;
  target: string;
  fresh: boolean;
  /** Where the page's bytes are in the ring, or the bytes themselves (a file larger than the ring can hold at once). */
  start: number;
  length: number;
  bytes?: ArrayBuffer;
  /** What civsam wrote at the target before (fresh: none is looked at). */
  written?: Written;
}

export type StageReply =
  | ({ index: number; unchanged: true } & Sum)
  | ({ index: number; tmp: string } & Sum)
  | { index: number; kept: Kept }
  | { index: number; error: { message: string; code?: string; errno?: number; syscall?: string; path?: string } };

const madeDirs = new Set<string>();
const port = parentPort!;
const ring = new Uint8Array((workerData as WriterData).ring);
port.on('message', (batch: StageRequest[]) => {
  const replies: StageReply[] = [];
  for (const m of batch) {
    try {
      const bytes = m.bytes ? new Uint8Array(m.bytes) : ring.subarray(m.start, m.start + m.length);
      replies.push({ index: m.index, ...stagePage(m.target, bytes, m.fresh, madeDirs, m.written) });
    } catch (e) {
      const x = e as NodeJS.ErrnoException;
      replies.push({ index: m.index, error: { message: String(x?.message ?? x), code: x?.code, errno: x?.errno, syscall: x?.syscall, path: x?.path } });
    }
  }
  port.postMessage(replies);
});
