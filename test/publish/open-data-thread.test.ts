// A large site's open data built on a thread of its own (src/site/open-data-thread.ts) gives the
// very site one thread builds: every path, every byte, the pages and the open data each in the same
// order; and when that thread fails part way, the files it did not send are built here, the site
// again the same. The thread only exists compiled, so this test uses the built code in dist/ (run
// `node scripts/build.js` first).
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { readFolder } from '../../src/store/load-folder.js';
import { checkFolder } from '../../src/validate/check-folder.js';
import { sitePages } from '../../src/site/site.js';
import type { DataFolder } from '../../src/domain/folder.js';
import type { FileContent } from '../../src/site/stage-page.js';
import { AS_OF, siteFolder } from './fixture.js';

const dist = (path: string) => import(join(ROOT, 'dist', path)) as Promise<Record<string, any>>; // eslint-disable-line @typescript-eslint/no-explicit-any

const bytes = (c: FileContent) => (c instanceof Uint8Array ? Buffer.from(c) : Buffer.from(typeof c === 'string' ? c : c.join(''), 'utf8'));

/** The site's files in the order given, each as bytes; and which came as bytes (built on the other thread). */
function collect(files: Iterable<[string, FileContent]>): { order: string[]; files: Map<string, Buffer>; asBytes: string[] } {
  const order: string[] = [];
  const out = new Map<string, Buffer>();
  const asBytes: string[] = [];
  for (const [path, content] of files) {
    order.push(path);
    out.set(path, bytes(content));
    if (content instanceof Uint8Array) asBytes.push(path);
  }
  return { order, files: out, asBytes };
}

const sample = (): DataFolder => checkFolder(readFolder(join(ROOT, 'data'))).folder;
const openData = (order: string[]) => order.filter((p) => p.startsWith('open-data/'));
const pages = (order: string[]) => order.filter((p) => !p.startsWith('open-data/'));

function expectSameSite(two: ReturnType<typeof collect>, one: ReturnType<typeof collect>): void {
  expect([...two.files.keys()].sort()).toEqual([...one.files.keys()].sort());
  for (const [path, content] of one.files) expect(two.files.get(path)?.equals(content), path).toBe(true);
  // The pages, and the open data, each in the same order as one thread makes them.
  expect(pages(two.order)).toEqual(pages(one.order));
  expect(openData(two.order)).toEqual(openData(one.order));
}

describe('the open data built on a thread of its own', () => {
  for (const [name, folder, asOf, languages] of [
    ['the test folder, in two languages', siteFolder, AS_OF, ['da', 'en']],
    ['the bundled sample data, in two languages', sample, '2026-11-01', ['da', 'en']],
    ['the bundled sample data, in one language', sample, '2026-11-01', ['en']],
  ] as const) {
    test(`is the site one thread builds: ${name}`, async () => {
      const { sitePages: onTwoThreads } = await dist('site/site.js');
      const f = folder();
      const options = { asOf, languages: [...languages] };
      const one = collect(sitePages(f, options));
      const two = collect(onTwoThreads(f, options, { from: 0 }));
      // Every open-data file came from the other thread, as bytes; no page did.
      expect(two.asBytes.sort()).toEqual(openData(one.order).sort());
      expect(two.asBytes.length).toBeGreaterThan(5);
      expectSameSite(two, one);
    });
  }

  test('a thread that fails part way: the files it did not send are built here, and the site is the same', async () => {
    const { sitePages: onTwoThreads } = await dist('site/site.js');
    const f = sample();
    const options = { asOf: '2026-11-01', languages: ['da', 'en'] as ('da' | 'en')[] };
    const one = collect(sitePages(f, options));
    const files = openData(one.order).length;
    for (const failAfter of [1, 4]) {
      const two = collect(onTwoThreads(f, options, { from: 0, failAfter }));
      // The thread sends whole batches: at least the files it was to fail after, and not all.
      expect(two.asBytes.length).toBeGreaterThanOrEqual(failAfter);
      expect(two.asBytes.length).toBeLessThan(files);
      expectSameSite(two, one);
    }
  });

  test('a folder of fewer records than the thread pays for is built on this thread alone', async () => {
    const { sitePages: onTwoThreads } = await dist('site/site.js');
    expect(collect(onTwoThreads(sample(), { asOf: '2026-11-01', languages: ['da', 'en'] }, { from: 1_000_000 })).asBytes).toEqual([]);
  });
});
