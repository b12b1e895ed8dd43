// The record folders' listings the snapshot keeps (src/store/parse-cache.ts): a folder whose own
// identity (modification and change times, inode) is as it was when listed is not listed again; one
// with a file added, removed or renamed since is; and one that changed just before it was listed
// is never kept, since a change in the same tick of the clock would leave its times as they were.
import { readFileSync, readdirSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readFolder } from '../../src/store/load-folder.js';
import { openParseCache } from '../../src/store/parse-cache.js';
import { civsam } from '../helpers/cli.js';
import { baseFiles, makeFolder, org } from '../helpers/folder.js';

const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
const MAGIC = 'civsam-snapshot/5\n';
const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
/** Longer than the time a folder must have been left alone for its listing to be kept (FOLDER_RACY_NS). */
const SETTLE_MS = 80;

const bigStat = (path: string) => statSync(path, { bigint: true });
const organisations = (raw: ReturnType<typeof readFolder>) => raw.files.filter((f) => f.rel.startsWith('organisations/')).map((f) => f.rel);

/** The snapshot's listing part, and a copy of the snapshot with another listing in its place (its length and CRC-32 made to fit). */
function listingOf(bytes: Buffer): { listing: string; withListing(listing: string): Buffer } {
  const number = (k: number) => Number(bytes.toString('latin1', MAGIC.length + 11 * k, MAGIC.length + 11 * k + 10));
  const prefix = MAGIC.length + 44;
  const headerLength = number(0);
  const listingLength = number(2);
  const headerEnd = prefix + headerLength;
  const tablesAt = (headerEnd + listingLength + 7) & ~7;
  return {
    listing: bytes.toString('latin1', headerEnd, headerEnd + listingLength),
    withListing(listing) {
      const list = Buffer.from(listing, 'latin1');
      const head = Buffer.alloc(((headerEnd + list.length + 7) & ~7));
      const digits = (n: number) => String(n).padStart(10, '0');
      head.write(MAGIC + [headerLength, number(1), list.length, crc32(list)].map(digits).join(' ') + '\n', 'latin1');
      bytes.copy(head, prefix, prefix, headerEnd);
      list.copy(head, headerEnd);
      return Buffer.concat([head, bytes.subarray(tablesAt)]);
    },
  };
}

describe("the snapshot's listing of each record folder", () => {
  it('is kept for a folder left alone, and used while the folder is as it was', () => {
    const dir = makeFolder({ ...baseFiles(), 'organisations/alpha.yaml': org('alpha', 'Alpha Forening'), 'organisations/beta.yaml': org('beta', 'Beta Forening') });
    const cache = makeFolder({});
    const env = { CIVSAM_CACHE_DIR: cache, CIVSAM_SNAPSHOT_RACY_MS: '0' };
    sleep(SETTLE_MS);
    const first = readFolder(dir, openParseCache(dir, env, VERSION));
    first.checked?.([]);
    const kept = openParseCache(dir, env, VERSION).listing('organisations', bigStat(join(dir, 'organisations')));
    expect(kept).toEqual({ names: ['alpha.yaml', 'beta.yaml'], kinds: 'ff' });
    // A folder's identity that is not the one it had: not used.
    const st = bigStat(join(dir, 'organisations'));
    expect(openParseCache(dir, env, VERSION).listing('organisations', { ...st, mtimeNs: st.mtimeNs + 1n })).toBeUndefined();
    expect(openParseCache(dir, env, VERSION).listing('organisations', { ...st, ino: st.ino + 1n })).toBeUndefined();

    // Used indeed: a listing that leaves out a file (its CRC-32 made to fit) is believed while the folder's identity is the one it holds ...
    const [name] = readdirSync(cache);
    const snapshot = listingOf(readFileSync(join(cache, name)));
    expect(snapshot.listing).toContain('alpha.yaml/beta.yaml');
    writeFileSync(join(cache, name), snapshot.withListing(snapshot.listing.replace('alpha.yaml/beta.yaml', 'beta.yaml').replace('"ff"', '"f"')));
    expect(organisations(readFolder(dir, openParseCache(dir, env, VERSION)))).toEqual(['organisations/beta.yaml']);
    // ... and not once the folder changed (a file added, even with the folder's modification time put back).
    const before = statSync(join(dir, 'organisations'));
    writeFileSync(join(dir, 'organisations/gamma.yaml'), org('gamma', 'Gamma Forening'));
    utimesSync(join(dir, 'organisations'), before.atime, before.mtime);
    expect(organisations(readFolder(dir, openParseCache(dir, env, VERSION)))).toEqual(['organisations/alpha.yaml', 'organisations/beta.yaml', 'organisations/gamma.yaml']);
    // A folder the snapshot listed otherwise is told apart from one it never listed (its records are then parsed ahead).
    const cache2 = openParseCache(dir, env, VERSION);
    expect(cache2.listing('organisations', bigStat(join(dir, 'organisations')))).toBeUndefined();
    expect(cache2.hadListing('organisations')).toBe(true);
    expect(cache2.hadListing('offers')).toBe(false);
  });

  it('is not kept for a folder that changed just before it was listed', () => {
    const dir = makeFolder({ ...baseFiles(), 'organisations/alpha.yaml': org('alpha', 'Alpha Forening') });
    const cache = makeFolder({});
    // A window of a minute: the folder surely changed within it, however slow the machine.
    const env = { CIVSAM_CACHE_DIR: cache, CIVSAM_SNAPSHOT_RACY_MS: '60000', CIVSAM_SNAPSHOT_DEFER_FILES: '0' };
    writeFileSync(join(dir, 'organisations/beta.yaml'), org('beta', 'Beta Forening'));
    const raw = readFolder(dir, openParseCache(dir, env, VERSION));
    raw.checked?.([]);
    expect(openParseCache(dir, env, VERSION).listing('organisations', bigStat(join(dir, 'organisations')))).toBeUndefined();
    // Nor with the shortest window a test can set, for a folder changed within the coarse clock's tick.
    const quick = { ...env, CIVSAM_SNAPSHOT_RACY_MS: '0' };
    writeFileSync(join(dir, 'organisations/gamma.yaml'), org('gamma', 'Gamma Forening'));
    const started = performance.now();
    readFolder(dir, openParseCache(dir, quick, VERSION)).checked?.([]);
    const kept = openParseCache(dir, quick, VERSION).listing('organisations', bigStat(join(dir, 'organisations')));
    if (performance.now() - started < 10) expect(kept).toBeUndefined();
  });

  it('gives every command what a run without the snapshot gives after files are added, removed and renamed', async () => {
    const dir = makeFolder({ ...baseFiles(), 'organisations/alpha.yaml': org('alpha', 'Alpha Forening'), 'organisations/beta.yaml': org('beta', 'Beta Forening') });
    const cache = makeFolder({});
    const env = { CIVSAM_NO_CACHE: undefined, CIVSAM_CACHE_DIR: cache, CIVSAM_SNAPSHOT_RACY_MS: '0', CIVSAM_SNAPSHOT_DEFER_FILES: '0' };
    const same = async () => {
      sleep(SETTLE_MS);
      for (const args of [['validate', '--format', 'json'], ['org', 'list', '--format', 'json']]) {
        const fresh = await civsam([...args, '--data', dir]);
        expect(await civsam([...args, '--data', dir], { env })).toEqual(fresh);
        expect(await civsam([...args, '--data', dir], { env })).toEqual(fresh); // from the listing kept by the run before
      }
    };
    await same();
    writeFileSync(join(dir, 'organisations/gamma.yaml'), org('gamma', 'Gamma Forening'));
    await same();
    rmSync(join(dir, 'organisations/alpha.yaml'));
    await same();
    renameSync(join(dir, 'organisations/beta.yaml'), join(dir, 'organisations/delta.yaml')); // its id no longer its file's name
    await same();
    writeFileSync(join(dir, 'organisations/notes.txt'), 'not a record');
    await same();
    expect((await civsam(['validate', '--format', 'json', '--data', dir], { env })).stdout).toContain('notes.txt');
  });
});
