// The stat of every file for the folder snapshot (src/store/stat-files.ts) gives the same table on a
// worker thread as on this one. The worker only exists compiled, so this test uses the built code
// in dist/ (run `node scripts/build.js` first).
import { appendFileSync, mkdirSync, symlinkSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { makeFolder } from '../helpers/folder.js';

const dist = (path: string) => import(join(ROOT, 'dist', path)) as Promise<Record<string, any>>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('stat-ing the files of a folder', () => {
  it('gives the same identities on a worker thread as on this one, and none for what is not an ordinary file', async () => {
    const { statFiles } = await dist('store/stat-files.js');
    const files: Record<string, string> = {};
    for (let i = 0; i < 30; i++) files[`f${i}.yaml`] = 'x'.repeat(i);
    const dir = makeFolder(files);
    mkdirSync(join(dir, 'sub'));
    symlinkSync('f1.yaml', join(dir, 'link.yaml'));
    const paths = [...Object.keys(files), 'sub', 'link.yaml', 'gone.yaml', null];
    // This thread waits a moment before it takes its share: the worker has taken every file.
    const started = statFiles(dir, paths, { from: 0 });
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1500);
    const onWorker = started();
    const together = statFiles(dir, paths, { from: 0 })();
    const here = statFiles(dir, paths, { from: Infinity })();
    expect([...onWorker.regular]).toEqual([...here.regular]);
    expect([...onWorker.table]).toEqual([...here.table]);
    expect([...together.regular]).toEqual([...here.regular]);
    expect([...together.table]).toEqual([...here.table]);
    expect([...here.regular]).toEqual([...Array(30).fill(1), 0, 0, 0, 0]);
    const st = statSync(join(dir, 'f7.yaml'), { bigint: true });
    expect([...here.table.subarray(7 * 4, 8 * 4)]).toEqual([st.size, st.mtimeNs, st.ctimeNs, st.ino]);

    // A worker started before the files were known (as while a folder is listed) is sent them and
    // stats them: a file grown after it did, before this thread asks, is in the table as it was.
    const { startStatWorker } = await dist('store/stat-files.js');
    const ready = startStatWorker();
    expect(ready).toBeDefined();
    const sent = statFiles(dir, paths, { from: 0, early: ready });
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1500);
    appendFileSync(join(dir, 'f3.yaml'), 'grown');
    const onEarly = sent();
    expect(onEarly.table[3 * 4]).toBe(3n);
    expect(statSync(join(dir, 'f3.yaml')).size).toBe(8);
    expect([...onEarly.regular]).toEqual([...here.regular]);
    expect([...onEarly.table.subarray(0, 3 * 4)]).toEqual([...here.table.subarray(0, 3 * 4)]);
  });
});
