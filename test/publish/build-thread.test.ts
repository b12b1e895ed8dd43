// A large site's second language built on a thread of its own (src/site/build-thread.ts) gives the
// very site one thread builds: every path, every byte, each language's pages in the same order; and
// when that thread fails part way, the pages it did not send are built here, the site again the
// same. The thread only exists compiled, so this test uses the built code in dist/ (run
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

/** The site's files in the order given, each as bytes; and how many came as bytes (built on the other thread). */
function collect(files: Iterable<[string, FileContent]>): { order: string[]; files: Map<string, Buffer>; asBytes: number } {
  const order: string[] = [];
  const out = new Map<string, Buffer>();
  let asBytes = 0;
  for (const [path, content] of files) {
    order.push(path);
    out.set(path, bytes(content));
    if (content instanceof Uint8Array) asBytes++;
  }
  return { order, files: out, asBytes };
}

const sample = (): DataFolder => checkFolder(readFolder(join(ROOT, 'data'))).folder;
const openData = (order: string[]) => order.filter((p) => p.startsWith('open-data/'));
/** The pages of one language (the first at the root, English in en/), in the order given; the open data apart. */
const inLanguage = (order: string[], en: boolean) => order.filter((p) => p.startsWith('en/') === en && !p.startsWith('open-data/'));

describe('the site built on two threads', () => {
  for (const [name, folder, asOf] of [['the test folder', siteFolder, AS_OF], ['the bundled sample data', sample, '2026-11-01']] as const) {
    test(`is the site one thread builds: ${name}`, async () => {
      const { sitePages: onTwoThreads } = await dist('site/site.js');
      const f = folder();
      const options = { asOf, languages: ['da', 'en'] };
      const one = collect(sitePages(f, options as never));
      const two = collect(onTwoThreads(f, options, { from: 0 }));
      // The open data and the second language came from the other thread: every English page, as bytes.
      expect(two.asBytes).toBe(inLanguage(one.order, true).length + openData(one.order).length);
      expect(two.asBytes).toBeGreaterThan(5);
      expect([...two.files.keys()].sort()).toEqual([...one.files.keys()].sort());
      for (const [path, content] of one.files) expect(two.files.get(path)?.equals(content), path).toBe(true);
      // Each language's pages, and the open data, in the same order as one thread makes them.
      expect(openData(two.order)).toEqual(openData(one.order));
      expect(inLanguage(two.order, false)).toEqual(inLanguage(one.order, false));
      expect(inLanguage(two.order, true)).toEqual(inLanguage(one.order, true));
    });
  }

  test('a thread that fails part way: its other pages are built here, and the site is the same', async () => {
    const { sitePages: onTwoThreads } = await dist('site/site.js');
    const f = sample();
    const options = { asOf: '2026-11-01', languages: ['da', 'en'] };
    const one = collect(sitePages(f, options as never));
    const english = inLanguage(one.order, true).length;
    for (const failAfter of [1, 7]) {
      const two = collect(onTwoThreads(f, options, { from: 0, failAfter }));
      // The thread sends whole batches: at least the pages it was to fail after, and not all.
      expect(two.asBytes).toBeGreaterThanOrEqual(failAfter);
      expect(two.asBytes).toBeLessThan(english + openData(one.order).length);
      expect(inLanguage(two.order, true)).toEqual(inLanguage(one.order, true));
      for (const [path, content] of one.files) expect(two.files.get(path)?.equals(content), path).toBe(true);
      expect(two.files.size).toBe(one.files.size);
    }
  });

  test('a small folder, or a site in one language, is built on this thread alone', async () => {
    const { sitePages: onTwoThreads } = await dist('site/site.js');
    const f = sample();
    expect(collect(onTwoThreads(f, { asOf: '2026-11-01', languages: ['da', 'en'] }, { from: 1_000_000 })).asBytes).toBe(0);
    expect(collect(onTwoThreads(f, { asOf: '2026-11-01', languages: ['da'] }, { from: 0 })).asBytes).toBe(0);
  });
});
