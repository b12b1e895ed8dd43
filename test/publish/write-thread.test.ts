// Writing the site's pages on a second thread (src/site/write-site.ts `PageWriterThread`) gives
// exactly what writing them on one thread gives: the same files, bytes and counts, unchanged pages
// left alone; and a page that cannot be written fails the publish with the file system's error,
// leaving the old site in place and no temporary file; a page made or edited by hand where a page
// goes is refused there as here. The writer thread only exists compiled, so
// this test uses the built code in dist/ (run `node scripts/build.js` first).
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { writeSite as writeOnThisThread } from '../../src/site/write-site.js';

const dist = (path: string) => import(join(ROOT, 'dist', path)) as Promise<Record<string, any>>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * Enough pages, and large enough ones (2 MB of text with non-Latin letters), that the thread is kept
 * waiting and waits itself; pages of 0.6 MB of various lengths go around the 16 MB the threads share
 * twice, so a page is put where an earlier one was only once that one is written.
 */
const pages = (text: string): [string, string][] => [
  ...Array.from({ length: 300 }, (_, i): [string, string] => [`organisations/o${String(i).padStart(3, '0')}.html`, `${text} ${i} æøå – ✓\n`]),
  ...Array.from({ length: 60 }, (_, i): [string, string] => [`round/r${String(i).padStart(2, '0')}.html`, `${text} ${i} ${'å'.repeat(300_000 + 7919 * i)}\n`]),
  ...Array.from({ length: 12 }, (_, i): [string, string] => [`en/part-${i}.html`, `${text} ${i} ${'ø–'.repeat(1024 * 1024)}\n`]),
];

/** Every file under `dir` (hidden ones too) with its bytes. */
function tree(dir: string, under = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of readdirSync(join(dir, under), { withFileTypes: true })) {
    const rel = under ? `${under}/${e.name}` : e.name;
    if (e.isDirectory()) for (const [p, t] of tree(dir, rel)) out.set(p, t);
    else out.set(rel, readFileSync(join(dir, rel), 'utf8'));
  }
  return out;
}

const newFolder = () => join(mkdtempSync(join(tmpdir(), 'civsam-thread-')), 'site');

describe('the writer thread', () => {
  test('writes the same site as one thread, and leaves unchanged pages alone on the next publish', async () => {
    const { writeSite: writeOnTwoThreads } = await dist('site/write-site.js');
    expect(existsSync(join(ROOT, 'dist', 'site', 'write-worker.js'))).toBe(true);
    const one = newFolder();
    const two = newFolder();
    const first = await writeOnThisThread(one, 'site', pages('old'));
    expect(await writeOnTwoThreads(two, 'site', pages('old'))).toEqual(first);
    expect(first).toMatchObject({ written: 372, unchanged: 0, removed: 0 });
    expect(tree(two)).toEqual(tree(one));

    const next = [...pages('old').slice(0, 200), ...pages('new').slice(200)];
    const again = await writeOnThisThread(one, 'site', next);
    expect(await writeOnTwoThreads(two, 'site', next)).toEqual(again);
    expect(again).toMatchObject({ written: 172, unchanged: 200, removed: 0 });
    expect(tree(two)).toEqual(tree(one));
    expect(readFileSync(join(two, 'en/part-11.html'), 'utf8')).toMatch(/^new 11 ø–ø–/);
  });

  test('a file not as civsam wrote it is refused as on one thread, with nothing placed and no temporary file; --overwrite replaces it', async () => {
    const { writeSite: writeOnTwoThreads } = await dist('site/write-site.js');
    const one = newFolder();
    const two = newFolder();
    await writeOnThisThread(one, 'site', pages('old'));
    await writeOnTwoThreads(two, 'site', pages('old'));
    // Edited by hand: a small page, one in the ring's last turn, one larger than a quarter of the
    // ring (handed over whole), and one the same size as civsam wrote it; and a page of one's own
    // where the next publish puts a page.
    const edit = (site: string) => {
      writeFileSync(join(site, 'organisations/o007.html'), 'my own text\n');
      writeFileSync(join(site, 'round/r59.html'), readFileSync(join(site, 'round/r59.html'), 'utf8') + 'more\n');
      writeFileSync(join(site, 'en/part-3.html'), readFileSync(join(site, 'en/part-3.html'), 'utf8').replace('old', 'odd'));
      writeFileSync(join(site, 'organisations/o008.html'), readFileSync(join(site, 'organisations/o008.html'), 'utf8').replace('old', 'OLD'));
      writeFileSync(join(site, 'mine.html'), 'my own page\n');
    };
    edit(one);
    edit(two);
    const before = tree(two);
    const next: [string, string][] = [...pages('new'), ['mine.html', 'a page of civsam\n']];
    const refusal = await writeOnThisThread(one, 'site', next).catch((e: unknown) => e);
    expect(refusal).toMatchObject({ name: 'UserError', exitCode: 2, userMessage: { key: 'publish.kept', params: { count: 5, dir: 'site', list: { lines: [
      { key: 'publish.keptChanged', params: { path: 'en/part-3.html' } },
      { key: 'publish.keptNotCivsams', params: { path: 'mine.html' } },
      { key: 'publish.keptChanged', params: { path: 'organisations/o007.html' } },
      { key: 'publish.keptChanged', params: { path: 'organisations/o008.html' } },
      { key: 'publish.keptChanged', params: { path: 'round/r59.html' } },
    ] } } } });
    const onTwo = await writeOnTwoThreads(two, 'site', next).catch((e: unknown) => e);
    expect({ ...onTwo as object }).toEqual({ ...refusal as object });
    expect(tree(two)).toEqual(before);

    const forced = await writeOnTwoThreads(two, 'site', next, { overwrite: true });
    expect(forced).toMatchObject({ written: 373, unchanged: 0, removed: 0 });
    expect(forced).toEqual(await writeOnThisThread(one, 'site', next, { overwrite: true }));
    expect(tree(two)).toEqual(tree(one));
    expect(readFileSync(join(two, 'mine.html'), 'utf8')).toBe('a page of civsam\n');
  });

  test('a page that cannot be written fails the publish with its error; the old site stays, no temporary file is left', async () => {
    const { writeSite: writeOnTwoThreads } = await dist('site/write-site.js');
    const site = newFolder();
    await writeOnTwoThreads(site, 'site', pages('old'));
    const before = tree(site);
    // A file where the next publish needs a folder: the page under it cannot be written.
    const blocked: [string, string][] = [...pages('new'), ['zz/page.html', 'new']];
    writeFileSync(join(site, '.civsam-site'), `${readFileSync(join(site, '.civsam-site'), 'utf8')}zz\n`);
    writeFileSync(join(site, 'zz'), 'a file of an earlier publish\n');
    await expect(writeOnTwoThreads(site, 'site', blocked)).rejects.toThrow(expect.objectContaining({ code: expect.stringMatching(/^E[A-Z]+$/) }));
    const after = tree(site);
    expect([...after.keys()].filter((p) => p.split('/').some((part) => part.endsWith('.tmp')))).toEqual([]);
    after.delete('zz');
    after.set('.civsam-site', before.get('.civsam-site')!);
    expect(after).toEqual(before);
  });
});
