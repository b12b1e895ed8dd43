// The worker thread of early-listing.ts: lists the data folder and its record folders, hands the
// listing over, then stats the files in chunks from the shared counter (stat-files.ts), as the
// loading thread does once it has read the snapshot.
import { workerData, type MessagePort } from 'node:worker_threads';
import { listFolders, statPaths, type EarlyListingMessage } from './early-listing.js';
import { IDENTITY_WORDS } from './file-identity.js';
import { statChunks } from './stat-files.js';

const { dir, port, flag } = workerData as { dir: string; port: MessagePort; flag: Int32Array };
const folders = listFolders(dir);
const paths = statPaths(folders);
const message: EarlyListingMessage = {
  folders,
  table: new SharedArrayBuffer(paths.length * IDENTITY_WORDS * 8),
  regular: new SharedArrayBuffer(paths.length),
  counters: new SharedArrayBuffer(8),
};
port.postMessage(message);
Atomics.store(flag, 0, 1);
Atomics.notify(flag, 0);
statChunks({ dir, paths, table: message.table, regular: message.regular, counters: message.counters });
