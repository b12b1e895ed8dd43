// The worker thread of early-listing.ts: lists the data folder and its record folders, hands the
// listing over, then stats the files in chunks from the shared counter (stat-files.ts), as the
// loading thread does once it has read the snapshot.
import { workerData, type MessagePort } from 'node:worker_threads';
import { listFolders, statPaths, type EarlyListingMessage } from './early-listing.js';
import { IDENTITY_WORDS } from './file-identity.js';
import { statChunks } from './stat-files.js';

const { dir, port, flag } = workerData as { dir: string; port: MessagePort; flag: Int32Array };
let message: EarlyListingMessage | undefined;
let paths: (string | null)[] = [];
try {
  const folders = listFolders(dir);
  paths = statPaths(folders);
  message = {
    folders,
    table: new SharedArrayBuffer(paths.length * IDENTITY_WORDS * 8),
    regular: new SharedArrayBuffer(paths.length),
    counters: new SharedArrayBuffer(8),
  };
  port.postMessage(message);
} catch {
  message = undefined; // nothing sent: the loading thread lists the folder itself
} finally {
  // Told either way, so the loading thread never waits for a listing that is not coming.
  Atomics.store(flag, 0, message ? 1 : 2);
  Atomics.notify(flag, 0);
}
if (message) statChunks({ dir, paths, table: message.table, regular: message.regular, counters: message.counters });
