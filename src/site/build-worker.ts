// The worker thread of a parallel publish (build-parallel.ts): works out the site's facts from its
// copy of the folder, waits until the out folder has been checked, then takes shares of the site
// from the list both threads share and writes their pages to temporary files, as the main thread
// does. It sends back what it wrote, or the error that stopped it (having removed its files).
import { parentPort, workerData } from 'node:worker_threads';
import type { DataFolder } from '../domain/folder.js';
import { gatherFacts } from './facts.js';
import { siteJobs } from './site.js';
import { CONTROL, type WorkerInput, type WorkerOutput } from './build-parallel.js';
import { removeTemporaries, stageFiles, type StagedFiles } from './write-site.js';

const { folder: data, options, dir, control: shared } = workerData as WorkerInput;
const control = new Int32Array(shared);
const { NEXT, STATE, WAIT, STOP } = CONTROL;
const folder: DataFolder = { ...data, fileOf: () => undefined };
const done: StagedFiles = { paths: [], staged: [], unchanged: 0 };
let out: WorkerOutput;
try {
  const jobs = siteJobs(gatherFacts(folder, options.asOf), options);
  Atomics.wait(control, STATE, WAIT);
  const goOn = () => Atomics.load(control, STATE) !== STOP;
  // The first share is the worker's own (the main thread starts at the second), then whichever is next.
  for (let j = 0; j < jobs.length && goOn(); j = Atomics.add(control, NEXT, 1)) {
    const share = stageFiles(dir, jobs[j].files(), goOn);
    for (const path of share.paths) done.paths.push(path);
    for (const file of share.staged) done.staged.push(file);
    done.unchanged += share.unchanged;
  }
  out = { staged: done };
} catch (e) {
  removeTemporaries(done.staged);
  const err = e as NodeJS.ErrnoException;
  out = { error: { message: err?.message ?? String(e), code: err?.code, path: err?.path } };
}
parentPort?.postMessage(out);
