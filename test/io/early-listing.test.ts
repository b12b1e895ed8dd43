// A large folder is listed and stat-ed on a worker thread from start-up (src/store/early-listing.ts);
// the load that takes the listing must read the folder exactly as one that lists it itself. The
// worker only exists compiled, so this test uses the built code in dist/ (run `node scripts/build.js`).
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { baseFiles, makeFolder, org } from '../helpers/folder.js';

const dist = (path: string) => import(join(ROOT, 'dist', path)) as Promise<Record<string, any>>; // eslint-disable-line @typescript-eslint/no-explicit-any
const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/** A folder with every sort of entry the listing must tell apart, and a snapshot of it as it was. */
function oddFolder(): string {
  const files: Record<string, string> = { ...baseFiles(), 'model.yaml': 'x: [\n' };
  for (let i = 0; i < 40; i++) files[`organisations/org-${String(i).padStart(2, '0')}.yaml`] = org(`org-${String(i).padStart(2, '0')}`, `Forening nummer ${i}`);
  files['organisations/.hidden.yaml'] = 'not: a record\n';
  files['organisations/backup.yaml~'] = 'old\n';
  files['organisations/wrong.yml'] = org('wrong', 'Forkert Endelse');
  files['organisations/notes.txt'] = 'a user file\n';
  files['offers/tom.yaml'] = '';
  const dir = makeFolder(files);
  mkdirSync(join(dir, 'organisations/a-folder.yaml'));
  symlinkSync('org-01.yaml', join(dir, 'organisations/linked.yaml'));
  symlinkSync('/etc/hostname', join(dir, 'organisations/outside.yaml'));
  mkfifoSafe(join(dir, 'organisations/pipe.yaml'));
  return dir;
}

/** A named pipe (where the system makes one): a listing must never take it for a file. */
function mkfifoSafe(path: string): void {
  try {
    execFileSync('mkfifo', [path]);
  } catch {
    // No FIFOs here: the rest still tells the entries apart.
  }
}

describe('the listing made at start-up', () => {
  it('reads a folder as a load that lists it itself: the same files, data, problems and verdict, the snapshot taken alike', async () => {
    const { readFolder } = await dist('store/load-folder.js');
    const { openParseCache } = await dist('store/parse-cache.js');
    const { startEarlyListing, claimEarlyListing } = await dist('store/early-listing.js');
    const { checkFolder } = await dist('validate/check-folder.js');
    const dir = oddFolder();
    const cache = makeFolder({});
    const env = { CIVSAM_CACHE_DIR: cache, CIVSAM_SNAPSHOT_RACY_MS: '0' };
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
    // The snapshot, then a file changed since (read again either way).
    const first = readFolder(dir, openParseCache(dir, env, VERSION));
    checkFolder(first);
    writeFileSync(join(dir, 'organisations/org-05.yaml'), org('org-05', 'Forening nummer fem'));
    const plain = (raw: any) => { // eslint-disable-line @typescript-eslint/no-explicit-any
      const checked = checkFolder(raw);
      return JSON.parse(JSON.stringify({ files: raw.files, problems: checked.problems, passed: raw.files.map((f: { rel: string }) => raw.passed?.(f.rel, f)) }));
    };
    const itself = plain(readFolder(dir, openParseCache(dir, env, VERSION), undefined, { prefetch: ['organisations/'] }));

    startEarlyListing(dir, env, { always: true });
    const claim = claimEarlyListing(dir);
    expect(claim).toBeDefined();
    const listing = claim.take;
    let took = 0;
    claim.take = () => { took++; return listing(); };
    const early = plain(readFolder(dir, openParseCache(dir, env, VERSION, () => claim.startedAt), undefined, { prefetch: ['organisations/'], early: claim }));
    expect(took).toBe(1);
    expect(early).toEqual(itself);
    expect(early.files.map((f: { rel: string }) => f.rel)).toContain('organisations/linked.yaml');
    expect(early.problems.map((p: { rule: string }) => p.rule)).toEqual(expect.arrayContaining(['file-name', 'unexpected-file', 'file-empty']));
    // Taken from the snapshot: every organisation but the one changed passed its own checks before.
    expect(early.passed.filter(Boolean).length).toBeGreaterThan(30);
  });

  it('is taken once, for its own folder, while fresh; another folder or a second load lists afresh', async () => {
    const { startEarlyListing, claimEarlyListing } = await dist('store/early-listing.js');
    const dir = makeFolder({ ...baseFiles() });
    const other = makeFolder({ ...baseFiles() });
    const env = { CIVSAM_CACHE_DIR: makeFolder({}) };
    startEarlyListing(dir, env);
    expect(claimEarlyListing(dir)).toBeUndefined(); // no snapshot, so none was started
    startEarlyListing(dir, env, { always: true });
    expect(claimEarlyListing(other)).toBeUndefined();
    expect(claimEarlyListing(dir)).toBeUndefined(); // given up for the other
    startEarlyListing(dir, { ...env, CIVSAM_NO_CACHE: '1' }, { always: true });
    expect(claimEarlyListing(dir)).toBeUndefined();
    startEarlyListing(dir, env, { always: true });
    const claim = claimEarlyListing(dir);
    expect(claim.take()?.message.folders[0]).toEqual(expect.objectContaining({ rel: '' }));
    expect(claim.take()).toBeUndefined();
    expect(claimEarlyListing(dir)).toBeUndefined();
  });
});
