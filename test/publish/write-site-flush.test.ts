// The published site is written whole before any page is put in place: every page goes to a
// hidden temporary file, all of them are flushed together, and only then are they renamed over
// the old pages. So a disk that fills up part-way through a large site leaves the old site as it
// was (not its first pages new and the rest old), and no temporary file behind.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { diskCalls, systemError } from '../../src/store/atomic-file.js';
import { writeSite } from '../../src/site/write-site.js';
import { civsamInProcess } from '../helpers/in-process.js';
import { baseFiles, makeFolder } from '../helpers/folder.js';

const realWrite = diskCalls.write;
const realPath = process.env.PATH;
afterEach(() => {
  diskCalls.write = realWrite;
  process.env.PATH = realPath;
});

/** More pages than were ever flushed in one batch, so a site put in place batch by batch would show. */
const PAGES = 150;
const pages = (text: string): [string, string][] => Array.from({ length: PAGES }, (_, i) => [`p${String(i).padStart(3, '0')}.html`, `${text} ${i}\n`]);
const visible = (dir: string) => readdirSync(dir).filter((n) => !n.startsWith('.')).sort();
const hidden = (dir: string) => readdirSync(dir).filter((n) => n.startsWith('.')).sort();

describe('writing a large site', () => {
  test('a disk that fills up at the last page leaves every old page in place and no temporary file', async () => {
    const site = mkdtempSync(join(tmpdir(), 'civsam-flush-'));
    await writeSite(site, 'site', pages('old'));
    let writes = 0;
    diskCalls.write = (fd, bytes, offset, length) => {
      if (++writes === PAGES) {
        const e = systemError('ENOSPC', 'write', '');
        delete e.path;
        throw e;
      }
      return realWrite(fd, bytes, offset, length);
    };
    await expect(writeSite(site, 'site', pages('new'))).rejects.toThrow(expect.objectContaining({ code: 'ENOSPC', siteUnchanged: 'asItWas' }));
    expect(writes).toBe(PAGES);
    for (const [path] of pages('old')) expect(readFileSync(join(site, path), 'utf8')).toMatch(/^old /);
    expect(hidden(site)).toEqual(['.civsam-site']);
    expect(visible(site)).toHaveLength(PAGES);
  });

  test('said as the site it left: as it was, or nothing published on a first publish (in Danish too)', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'civsam-flush-'));
    const data = makeFolder(baseFiles());
    const publish = (out: string) => civsamInProcess(['publish', '--data', data, '--out', out, '--as-of', '2026-06-01', '--lang', 'da'], { CIVSAM_LANG: 'da' });
    let writes = 0;
    diskCalls.write = (fd, bytes, offset, length) => {
      if (++writes === 3) throw systemError('ENOSPC', 'write', '');
      return realWrite(fd, bytes, offset, length);
    };
    const first = await publish(join(parent, 'first'));
    expect(first.code).toBe(2);
    expect(first.stderr).toContain('disken er fuld. Intet er udgivet, og de midlertidige filer er fjernet. Tjek, at der kan skrives i mappen, og at der er plads på disken, og udgiv så igen.');
    diskCalls.write = realWrite;
    expect((await publish(join(parent, 'site'))).code).toBe(0);
    const before = readdirSync(join(parent, 'site')).sort();
    writes = 0;
    diskCalls.write = (fd, bytes, offset, length) => {
      if (++writes === 3) throw systemError('ENOSPC', 'write', '');
      return realWrite(fd, bytes, offset, length);
    };
    // The folder's data changed, so its pages would change: a disk full before any is put in place leaves the site as it was.
    const again = await civsamInProcess(['publish', '--data', data, '--out', join(parent, 'site'), '--as-of', '2026-07-01', '--lang', 'da'], { CIVSAM_LANG: 'da' });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('disken er fuld. Webstedet er uændret: ingen side er erstattet, og de midlertidige filer er fjernet.');
    expect(again.stderr).not.toContain('bliver erstattet næste gang');
    expect(readdirSync(join(parent, 'site')).sort()).toEqual(before);
  });

  test('without a way to flush the whole file system, each page is flushed and the site is written', async () => {
    const site = mkdtempSync(join(tmpdir(), 'civsam-flush-'));
    process.env.PATH = join(site, 'no-programs-here');
    const result = await writeSite(site, 'site', pages('new'));
    expect(result).toMatchObject({ written: PAGES, unchanged: 0, removed: 0 });
    expect(readFileSync(join(site, 'p149.html'), 'utf8')).toBe('new 149\n');
    expect(hidden(site)).toEqual(['.civsam-site']);
  });

  test('a page whose bytes are the same is left alone; one of the same size but other bytes is replaced', async () => {
    const site = mkdtempSync(join(tmpdir(), 'civsam-flush-'));
    await writeSite(site, 'site', [['a.html', 'same'], ['b.html', 'abcd']]);
    const result = await writeSite(site, 'site', [['a.html', 'same'], ['b.html', 'abce']]);
    expect(result).toMatchObject({ written: 1, unchanged: 1 });
    expect(readFileSync(join(site, 'b.html'), 'utf8')).toBe('abce');
  });
});
