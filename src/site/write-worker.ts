// The writer thread of a large publish (write-site.ts `PageWriterThread`): stages each page it is
// given (stage-page.ts) while the publishing thread builds the next, and answers with the
// temporary file's name, that the page was unchanged, or the file system's error.
import { parentPort } from 'node:worker_threads';
import { stagePage } from './stage-page.js';

export interface StageRequest {
  index: number;
  target: string;
  content: string;
  fresh: boolean;
}

export type StageReply =
  | { index: number; unchanged: true }
  | { index: number; tmp: string }
  | { index: number; error: { message: string; code?: string; errno?: number; syscall?: string; path?: string } };

const madeDirs = new Set<string>();
const port = parentPort!;
port.on('message', (m: StageRequest) => {
  let reply: StageReply;
  try {
    reply = { index: m.index, ...stagePage(m.target, m.content, m.fresh, madeDirs) };
  } catch (e) {
    const x = e as NodeJS.ErrnoException;
    reply = { index: m.index, error: { message: String(x?.message ?? x), code: x?.code, errno: x?.errno, syscall: x?.syscall, path: x?.path } };
  }
  port.postMessage(reply);
});
