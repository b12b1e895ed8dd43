// Ctrl-C during `civsam publish`. Before, Node died at once and left the site folder full of hidden
// temporary pages (`.offers.html.<pid>.<random>.tmp`), which the next publish kept for ever and
// which would go up to the web server with the site. Now a Ctrl-C removes them and exits 130, and
// what a publish killed outright (kill -9, a power cut) left, the next publish removes: civsam's
// own temporary names only, never a hidden file of the user's.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, watch, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { baseFiles, makeFolder, type Files } from '../helpers/folder.js';
import { BIN, civsam, testEnv } from '../helpers/cli.js';

/** Enough organisations, each with an offer, that writing the site's pages (~4,000) takes a while after the first one. */
const ORGANISATIONS = 2000;

function largeFolder(): string {
  const files: Files = { ...baseFiles() };
  for (let i = 0; i < ORGANISATIONS; i++) {
    const id = `forening-${String(i).padStart(4, '0')}`;
    files[`organisations/${id}.yaml`] = `id: ${id}\nname: Forening ${i}\nkind: patient-association\nareas: [psychiatry]\npatient_groups: [depression]\nmunicipalities: [aarhus]\nstatus: active\n`;
    files[`offers/tilbud-${i}.yaml`] = `id: tilbud-${i}\norganisation: ${id}\ntitle: Samtalegruppe ${i}\ntype: peer-group\npatient_groups: [depression]\nmunicipalities: [aarhus]\nactive_from: 2025-01-01\n`;
  }
  return makeFolder(files);
}

/** Every entry under `dir`, hidden ones and those in subfolders included, as relative paths. */
const everything = (dir: string) => (readdirSync(dir, { recursive: true }) as string[]).sort();
/** The temporary page names civsam's writer makes (`.<page>.<pid>.<eight hex digits>.tmp`). */
const PAGE_TEMPORARY = /(^|\/)\.[^/]+\.html\.\d+\.[0-9a-f]{8}\.tmp$/;

interface Run { code: number | null; signal: NodeJS.Signals | null; stderr: string }

/** Publishes `data` to `site` with the built binary and sends `signal` as soon as the first temporary page appears. */
function publishAndStop(data: string, site: string, signal: NodeJS.Signals, watched = site): Promise<Run & { sent: boolean }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, '--data', data, 'publish', '--out', site, '--lang', 'both'], { env: testEnv(), stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => { stderr += d; });
    let sent = false;
    const watcher = watch(watched, { recursive: true }, (_event, name) => {
      if (sent || !name || !PAGE_TEMPORARY.test(name)) return;
      sent = true;
      child.kill(signal);
    });
    // A folder the watcher walks may go while it looks (the writer's temporary files and folders): not the test's failure.
    watcher.on('error', () => {});
    child.on('close', (code, sig) => {
      watcher.close();
      resolve({ code, signal: sig, stderr, sent });
    });
  });
}

describe('stopping a publish', () => {
  test('Ctrl-C while the pages are written: every temporary file removed, no page placed, exit 130 and a message', async () => {
    const data = largeFolder();
    const site = join(makeFolder({}), 'site');
    mkdirSync(site);
    const r = await publishAndStop(data, site, 'SIGINT');
    expect(r.sent).toBe(true);
    expect(r.signal, r.stderr).toBeNull();
    expect(r.code, r.stderr).toBe(130);
    // Nothing was published, and it says so (not that a site is as it was: there was none).
    expect(r.stderr).toContain(`error: stopped at your request before any page was put in place; nothing was published, and ${site} is as it was (the temporary files were removed).`);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    // A first publish into an empty folder leaves it empty: no temporary file, no page, no manifest, no empty folder.
    expect(everything(site)).toEqual([]);
    expect((await civsam(['--data', data, 'publish', '--out', site, '--as-of', '2026-06-01'])).code).toBe(0);
  }, 40_000);

  test('a first publish into folders it makes, stopped before a page is placed, leaves no folder behind', async () => {
    const data = largeFolder();
    const parent = makeFolder({});
    // Neither `a` nor `a/site` is there: publish makes both, and takes both away.
    const site = join(parent, 'a', 'site');
    const r = await publishAndStop(data, site, 'SIGINT', parent);
    expect(r.sent).toBe(true);
    expect(r.code, r.stderr).toBe(130);
    expect(r.stderr).toContain(`nothing was published, and ${site} was not made: nothing is left of it.`);
    expect(existsSync(site)).toBe(false);
    expect(existsSync(join(parent, 'a'))).toBe(false);
  }, 20_000);
});

describe('what a publish killed outright left behind', () => {
  test('the next publish removes civsam\'s own temporary files, in subfolders too, and keeps the user\'s hidden files', async () => {
    const data = makeFolder(baseFiles());
    const site = join(makeFolder({}), 'site');
    expect((await civsam(['--data', data, 'publish', '--out', site, '--as-of', '2026-06-01'])).code).toBe(0);
    // No process has this pid (Linux allows at most 2^22), as after a kill -9 or a power cut.
    const gone = 99_999_999;
    const leftovers = [`.index.html.${gone}.0123abcd.tmp`, `.civsam-site.${gone}.89abcdef.tmp`, `assets/.site.css.${gone}.deadbeef.tmp`];
    // Hidden files that are not civsam's temporary names, a temporary name of a publish still
    // running (this process's parent is alive), and anything inside a hidden folder stay.
    const kept = ['.notes', '.htaccess', '.draft.tmp', '.backup.1.tmp', `.index.html.${gone}.0123ABCD.tmp`, `.index.html.${process.ppid}.00000000.tmp`, `.git/.index.html.${gone}.0123abcd.tmp`];
    for (const rel of [...leftovers, ...kept]) {
      mkdirSync(join(site, rel, '..'), { recursive: true });
      writeFileSync(join(site, rel), 'x');
    }
    const r = await civsam(['--data', data, 'publish', '--out', site, '--as-of', '2026-06-01']);
    expect(r.code, r.stderr).toBe(0);
    for (const rel of leftovers) expect(existsSync(join(site, rel)), rel).toBe(false);
    for (const rel of kept) expect(existsSync(join(site, rel)), rel).toBe(true);
  });
});
