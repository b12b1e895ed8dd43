// Files civsam writes outside the data folder besides the site: call letters (many files), a
// report's --output (one), the folder init builds beside the new data folder. A Ctrl-C stops the
// letters between two letters, each file whole and no temporary file left, and init with nothing
// left; what a run killed outright left (civsam's own temporary names, of a
// process that is gone) the next run removes, and nothing else of the user's.
import { existsSync, mkdirSync, readdirSync, utimesSync, watch, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { civsam } from '../helpers/cli.js';
import { makeFolder } from '../helpers/folder.js';
import { sampleWithReasons } from '../helpers/sample-letters.js';

/** No process has this pid (Linux allows at most 2^22): a writer killed by kill -9 or a power cut. */
const GONE = 99_999_999;
const CALL = '2025-civilsamfundspuljen'; // the sample's call with 8 decided applications

describe('call letters', () => {
  const data = sampleWithReasons();
  test('Ctrl-C after the first letter: the letters written are whole, no temporary file, exit 130 and how many were written', async () => {
    const out = join(makeFolder({}), 'breve');
    mkdirSync(out);
    let sent = false;
    // The letters are written on this thread; the watcher is heard between two letters, as a signal is.
    const watcher = watch(out, (_event, name) => {
      if (sent || !name?.endsWith('.html') || name.startsWith('.')) return;
      sent = true;
      process.emit('SIGINT');
    });
    const r = await civsam(['call', 'letters', CALL, '--out', out, '--data', data]).finally(() => watcher.close());
    expect(sent).toBe(true);
    expect(r.code, r.stderr).toBe(130);
    const files = readdirSync(out).sort();
    expect(files.filter((f) => f.startsWith('.'))).toEqual(['.civsam-letters.json']); // what civsam wrote, no temporary file
    const md = files.filter((f) => f.endsWith('.md'));
    expect(md.length).toBeGreaterThan(0);
    expect(md.length).toBeLessThan(8);
    expect(files.filter((f) => f.endsWith('.html'))).toEqual(md.map((f) => f.replace(/\.md$/, '.html')));
    expect(r.stderr).toContain(`error: stopped at your request; ${md.length === 1 ? '1 letter was' : `${md.length} letters were`} written to ${out} (each whole), the others were not.`);
    // The same command again writes them all.
    expect((await civsam(['call', 'letters', CALL, '--out', out, '--data', data])).code).toBe(0);
    expect(readdirSync(out).filter((f) => f.endsWith('.md'))).toHaveLength(8);
  });

  test('the next run removes civsam\'s leftover temporary files in the folder and keeps the user\'s own', async () => {
    const out = join(makeFolder({}), 'breve');
    mkdirSync(out);
    const leftovers = [`.${CALL}-gryden-horsens.md.${GONE}.0123abcd.tmp`, `.${CALL}-gryden-horsens.html.${GONE}.89abcdef.tmp`];
    const kept = ['.notes', 'noter.txt', '.udkast.md.tmp', `.brev.md.${process.ppid}.0123abcd.tmp`];
    for (const name of [...leftovers, ...kept]) writeFileSync(join(out, name), 'x');
    const r = await civsam(['call', 'letters', CALL, '--out', out, '--data', data]);
    expect(r.code, r.stderr).toBe(0);
    for (const name of leftovers) expect(existsSync(join(out, name)), name).toBe(false);
    for (const name of kept) expect(existsSync(join(out, name)), name).toBe(true);
  });
});

describe('a report written with --output', () => {
  test('writing the file again removes that file\'s leftover temporary files, and no other file\'s', async () => {
    const dir = makeFolder({});
    const ours = `.tilbud.csv.${GONE}.0123abcd.tmp`;
    const kept = [`.andet.csv.${GONE}.0123abcd.tmp`, '.tilbud.csv.tmp', '.tilbud.csv'];
    for (const name of [ours, ...kept]) writeFileSync(join(dir, name), 'x');
    const r = await civsam(['overview', 'offers', '--output', join(dir, 'tilbud.csv')]);
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(join(dir, 'tilbud.csv'))).toBe(true);
    expect(existsSync(join(dir, ours))).toBe(false);
    for (const name of kept) expect(existsSync(join(dir, name)), name).toBe(true);
  });
});

describe('init', () => {
  test('Ctrl-C while the new folder is built: nothing is left beside it, exit 130', async () => {
    const parent = makeFolder({});
    let sent = false;
    const watcher = watch(parent, (_event, name) => {
      if (sent || !name?.startsWith('.civsam-init-')) return;
      sent = true;
      process.emit('SIGINT');
    });
    const r = await civsam(['init', '--sample', 'ny', '--no-commit'], { cwd: parent }).finally(() => watcher.close());
    expect(sent).toBe(true);
    expect(r.code, r.stderr).toBe(130);
    expect(r.stderr).toContain('error: stopped at your request; ny was not made and nothing is left of it.');
    expect(readdirSync(parent)).toEqual([]);
  });

  test('the next init removes the build folder of an init killed outright, and nothing else', async () => {
    const parent = makeFolder({});
    const leftovers = [`.civsam-init-${GONE}-aB3xYz`, '.civsam-init-Qw12Er']; // the second from an earlier version, two hours old
    const kept = [`.civsam-init-${process.ppid}-aB3xYz`, '.civsam-init-Zx98Cv', '.civsam-init-notes', 'civsam-init-aB3xYz'];
    for (const name of [...leftovers, ...kept]) mkdirSync(join(parent, name, 'organisations'), { recursive: true });
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    utimesSync(join(parent, leftovers[1]), twoHoursAgo, twoHoursAgo);
    const r = await civsam(['init', 'ny', '--no-commit'], { cwd: parent });
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(parent).sort()).toEqual([...kept, 'ny'].sort());
  });
});
