// Reading a folder on two threads (src/store/parallel-read.ts) gives exactly what one thread gives:
// the same files in the same order, the same problems, the same snapshot. The worker only exists
// compiled, so this test uses the built code in dist/ (run `node scripts/build.js` first).
import { spawnSync } from 'node:child_process';
import { readdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { baseFiles, makeFolder, org, type Files } from '../helpers/folder.js';

const dist = (path: string) => import(join(ROOT, 'dist', path)) as Promise<Record<string, any>>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A folder whose files, in both halves of the list, have every kind of reading problem. */
function awkwardFolder(): string {
  const files: Files = { ...baseFiles() };
  for (let i = 0; i < 40; i++) {
    const id = `o${String(i).padStart(2, '0')}`;
    const sort = i % 8;
    files[`organisations/${id}.yaml`] =
      sort === 1 ? `id: ${id}\nname: [Forening ${i}\n` // does not parse: problems with positions
        : sort === 2 ? '' // empty
          : sort === 3 ? Buffer.from([0x69, 0x64, 0x3a, 0x20, 0xff, 0xfe, 0x0a]) // not UTF-8
            : sort === 4 ? org(id, `Forening ${i}`, undefined, 'notes: .nan\n') // a value JSON cannot carry
              : sort === 5 ? `id: ${id}\nname: &a Forening ${i}\nother: *a\n` // an alias: the strict reader decides
                : org(id, `Forening ${i}`);
  }
  files['organisations/stray.yml'] = 'id: stray\n';
  files['organisations/zz-big.yaml'] = `id: zz-big\nnotes: ${'x'.repeat(1024 * 1024 + 10)}\n`;
  const dir = makeFolder(files);
  symlinkSync('o00.yaml', join(dir, 'organisations', 'o09-link.yaml'));
  symlinkSync('/etc/hostname', join(dir, 'organisations', 'o30-outside.yaml'));
  spawnSync('mkfifo', [join(dir, 'organisations', 'o35-pipe.yaml')]);
  return dir;
}

describe('reading a folder on two threads', () => {
  it.each([
    ['as it comes', {}],
    ['in chunks of 3, the worker first', { unit: 3, workerFirst: true }],
  ])('gives the same files, problems and snapshot as one thread (%s)', async (_name, how) => {
    const { readFolder } = await dist('store/load-folder.js');
    const { parallelReader } = await dist('store/parallel-read.js');
    const { openParseCache, noCache, snapshotEntries } = await dist('store/parse-cache.js');
    const dir = awkwardFolder();
    const twoThreads = parallelReader({ from: 1, evenWhenBusy: true, ...how });
    const plain = (raw: { files: unknown[]; problems: unknown[] }) => JSON.parse(JSON.stringify({ files: raw.files, problems: raw.problems }, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v)));

    const one = readFolder(dir, noCache);
    const two = readFolder(dir, noCache, twoThreads);
    expect(plain(two)).toEqual(plain(one));
    expect(one.files.length).toBeGreaterThan(40);
    expect(one.problems.length).toBeGreaterThan(10);
    // Positions of later problems still come from a strict parse, on the thread that asks.
    expect(two.position('organisations/o01.yaml', ['name'])).toEqual(one.position('organisations/o01.yaml', ['name']));

    // With the snapshot: the same entries kept, whichever thread read the file.
    const snapshotOf = async (reader: unknown) => {
      const cacheDir = makeFolder({});
      const env = { CIVSAM_CACHE_DIR: cacheDir, CIVSAM_SNAPSHOT_RACY_MS: '0' };
      const raw = readFolder(dir, openParseCache(dir, env, 'test'), reader);
      raw.checked([]);
      const [file] = readdirSync(cacheDir);
      return { raw: plain(raw), entries: snapshotEntries(join(cacheDir, file), 'test') };
    };
    const a = await snapshotOf(undefined);
    const b = await snapshotOf(twoThreads);
    expect(b).toEqual(a);
    expect(Object.keys(a.entries).length).toBeGreaterThan(30);
  });

  it('is not used for a small folder', async () => {
    const { parallelReader } = await dist('store/parallel-read.js');
    expect(parallelReader({ from: 100, evenWhenBusy: true })(makeFolder(baseFiles()), [{ rel: 'civsam.yaml', what: { role: 'settings' }, kind: 'file' }], false)).toBeUndefined();
  });
});
