// A worker thread of a large folder's read (parallel-check.ts): reads and parses its share of the
// files and checks each on its own (check-folder.ts checkShare), as the main thread would.
import { serveShare } from '../store/parallel-read.js';
import { checkShare } from './check-folder.js';
import { idsOf, type GivenIds, type StartedIds } from './parallel-check.js';

serveShare((files, position, started, given) => checkShare(files, position, idsOf(started as StartedIds, given as GivenIds)));
