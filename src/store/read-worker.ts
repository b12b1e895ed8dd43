// A worker thread of readFolder's parallel read (parallel-read.ts): reads and parses its share of
// the folder's files exactly as the main thread would, sends the outcomes back in order, and says
// it is done through the shared flag the main thread waits on.
import { realpathSync } from 'node:fs';
import { workerData, type MessagePort } from 'node:worker_threads';
import { readCandidate, type Candidate, type ReadOutcome } from './load-folder.js';

const { dir, candidates, withIdentity, port, done } = workerData as { dir: string; candidates: Candidate[]; withIdentity: boolean; port: MessagePort; done: SharedArrayBuffer };
let realRoot: string | undefined;
const root = () => (realRoot ??= realpathSync(dir));
try {
  const outcomes: ReadOutcome[] = candidates.map((c) => {
    const o = readCandidate(dir, c, root, withIdentity);
    // The strict parse is not plain data; the main thread parses again if it needs a position.
    delete o.strict;
    return o;
  });
  port.postMessage({ outcomes });
} catch {
  port.postMessage({ failed: true }); // the main thread reads this share itself
} finally {
  const flag = new Int32Array(done);
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
}
