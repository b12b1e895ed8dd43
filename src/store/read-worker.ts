// A worker thread of readFolder's parallel read (parallel-read.ts): reads and parses its share of
// the folder's files exactly as the main thread would, and sends the outcomes back in order.
import { serveShare } from './parallel-read.js';

serveShare();
