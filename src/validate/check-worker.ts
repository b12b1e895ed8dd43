// A worker thread of a large folder's read (parallel-check.ts): reads and parses its share of the
// files and checks each on its own (check-folder.ts checkShare), as the main thread does its own.
import { serveShare } from '../store/parallel-read.js';
import { checks } from './parallel-check.js';

serveShare(checks.check);
