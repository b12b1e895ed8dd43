// A worker thread of statFiles (stat-files.ts): stats its files into the shared table while the
// main thread reads the folder snapshot, and says it is done through the shared flag.
import { lstatSync } from 'node:fs';
import { workerData } from 'node:worker_threads';
import { statInto } from './stat-files.js';

const { paths, table, regular, done } = workerData as { paths: (string | null)[]; table: SharedArrayBuffer; regular: SharedArrayBuffer; done: SharedArrayBuffer };
try {
  statInto(paths, new BigInt64Array(table), new Uint8Array(regular), lstatSync);
} finally {
  const flag = new Int32Array(done);
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
}
