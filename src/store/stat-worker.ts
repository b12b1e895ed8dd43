// A worker thread of statFiles (stat-files.ts): started before the files are known, it is sent them
// once they are, then takes chunks of them from the shared counter, as the main thread does once it
// has read the folder snapshot.
import { parentPort } from 'node:worker_threads';
import { pathsOf, statChunks, type StatRequest } from './stat-files.js';

parentPort!.once('message', (request: StatRequest) => statChunks({ ...request, paths: pathsOf(request) }));
