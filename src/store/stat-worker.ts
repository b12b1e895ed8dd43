// A worker thread of statFiles (stat-files.ts): takes chunks of the files to stat from the shared
// counter, as the main thread does once it has read the folder snapshot.
import { workerData } from 'node:worker_threads';
import { statChunks, type SharedStats } from './stat-files.js';

statChunks(workerData as SharedStats);
