// The one writer against what a disk does: write(2) writing fewer bytes than it was given, a disk
// with no room left (a write that cannot progress, or an ENOSPC part-way), and a replaced file's
// permissions and owner. Every way into the writer is tried: a record (replaceFile), a batch
// (replaceFiles), a report (--output's writeFileAtomic), a published site and the parse cache.
import { chmodSync, chownSync, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { diskCalls, replaceFile, replaceFiles, snapshot, systemError, writeFileAtomic } from '../../src/store/atomic-file.js';
import { writeFileAtomic as writeOutput } from '../../src/context/output.js';
import { openParseCache } from '../../src/store/parse-cache.js';
import { writeSite } from '../../src/site/write-site.js';
import { baseFiles, makeFolder } from '../helpers/folder.js';
import { civsam } from '../helpers/cli.js';

const realWrite = diskCalls.write;
afterEach(() => {
  diskCalls.write = realWrite;
});

/** A system that writes at most `most` bytes per call (what write(2) may do, and does on a nearly full disk). */
function shortWrites(most: number): { calls: number } {
  const seen = { calls: 0 };
  diskCalls.write = (fd, bytes, offset, length) => {
    seen.calls++;
    return realWrite(fd, bytes, offset, Math.min(length, most));
  };
  return seen;
}

/** A disk with room for `room` more bytes: a write then writes what fits, and the next one writes nothing. */
function diskWithRoom(room: number): void {
  let left = room;
  diskCalls.write = (fd, bytes, offset, length) => {
    const n = Math.min(length, left);
    left -= n;
    return n === 0 ? 0 : realWrite(fd, bytes, offset, n);
  };
}

/** A disk that fails as Linux does: the write that finds no room throws ENOSPC (without a path: it writes to a descriptor). */
function diskThatThrows(room: number): void {
  let left = room;
  diskCalls.write = (fd, bytes, offset, length) => {
    if (left === 0) {
      const e = systemError('ENOSPC', 'write', '');
      delete e.path;
      throw e;
    }
    const n = Math.min(length, left);
    left -= n;
    return realWrite(fd, bytes, offset, n);
  };
}

const LONG = 'id: a\nnotes: ' + 'x'.repeat(5000) + '\n';
const hidden = (dir: string) => readdirSync(dir).filter((n) => n.startsWith('.'));

describe('short writes', () => {
  test('a record is written whole however few bytes each call writes', async () => {
    const dir = makeFolder({ 'a.yaml': 'id: a\n' });
    const seen = shortWrites(7);
    expect(replaceFile(join(dir, 'a.yaml'), LONG, snapshot(join(dir, 'a.yaml')))).toEqual({ ok: true });
    expect(readFileSync(join(dir, 'a.yaml'), 'utf8')).toBe(LONG);
    expect(seen.calls).toBe(Math.ceil(Buffer.byteLength(LONG) / 7));
    expect(readdirSync(dir)).toEqual(['a.yaml']);
  });

  test('a batch, a report and a published page too', async () => {
    const dir = makeFolder({ 'a.yaml': 'id: a\n' });
    shortWrites(5);
    expect(await replaceFiles([
      { target: join(dir, 'a.yaml'), bytes: Buffer.from(LONG), expected: snapshot(join(dir, 'a.yaml')) },
      { target: join(dir, 'b.yaml'), bytes: Buffer.from(LONG.replace('id: a', 'id: b')), expected: snapshot(join(dir, 'b.yaml')) },
    ])).toEqual({ ok: true });
    expect(readFileSync(join(dir, 'a.yaml'), 'utf8')).toBe(LONG);
    expect(readFileSync(join(dir, 'b.yaml'), 'utf8')).toBe(LONG.replace('id: a', 'id: b'));
    writeOutput(join(dir, 'report.csv'), LONG);
    expect(readFileSync(join(dir, 'report.csv'), 'utf8')).toBe(LONG);
    const site = join(dir, 'site');
    await writeSite(site, 'site', [['index.html', LONG], ['da/index.html', LONG + 'da']]);
    expect(readFileSync(join(site, 'index.html'), 'utf8')).toBe(LONG);
    expect(readFileSync(join(site, 'da', 'index.html'), 'utf8')).toBe(LONG + 'da');
    expect(hidden(dir)).toEqual([]);
    expect(hidden(site)).toEqual(['.civsam-site']);
  });
});

describe('a full disk', () => {
  for (const [name, fill] of [['a write that cannot progress', diskWithRoom], ['an ENOSPC part-way', diskThatThrows]] as const) {
    test(`${name}: a record keeps its old text, the error names it, no temporary file is left`, async () => {
      const dir = makeFolder({ 'a.yaml': 'id: a\n' });
      const target = join(dir, 'a.yaml');
      for (const room of [0, 1, 4096, Buffer.byteLength(LONG) - 1]) {
        fill(room);
        expect(() => replaceFile(target, LONG, snapshot(target))).toThrow(expect.objectContaining({ code: 'ENOSPC', path: target }));
        expect(readFileSync(target, 'utf8')).toBe('id: a\n');
        expect(readdirSync(dir)).toEqual(['a.yaml']);
      }
      // With room for every byte, the write goes through.
      fill(Buffer.byteLength(LONG));
      expect(replaceFile(target, LONG, snapshot(target))).toEqual({ ok: true });
      expect(readFileSync(target, 'utf8')).toBe(LONG);
    });

    test(`${name}: a batch changes nothing (no file half written, none put in place)`, async () => {
      const dir = makeFolder({ 'a.yaml': 'id: a\n', 'b.yaml': 'id: b\n' });
      const files = () => ['a', 'b', 'c'].map((id) => ({ target: join(dir, `${id}.yaml`), bytes: Buffer.from(LONG.replace('id: a', `id: ${id}`)), expected: snapshot(join(dir, `${id}.yaml`)) }));
      // Room for the first file and part of the second.
      fill(Buffer.byteLength(LONG) + 100);
      await expect(replaceFiles(files())).rejects.toThrow(expect.objectContaining({ code: 'ENOSPC', path: join(dir, 'b.yaml') }));
      expect(readdirSync(dir).sort()).toEqual(['a.yaml', 'b.yaml']);
      expect(readFileSync(join(dir, 'a.yaml'), 'utf8')).toBe('id: a\n');
      expect(readFileSync(join(dir, 'b.yaml'), 'utf8')).toBe('id: b\n');
    });

    test(`${name}: a report keeps the old file; a published site keeps its old pages; the cache its old copy`, async () => {
      const dir = makeFolder({ 'old.csv': 'old\n' });
      fill(10);
      expect(() => writeOutput(join(dir, 'old.csv'), LONG)).toThrow(expect.objectContaining({ code: 'ENOSPC', path: join(dir, 'old.csv') }));
      expect(readFileSync(join(dir, 'old.csv'), 'utf8')).toBe('old\n');
      expect(readdirSync(dir)).toEqual(['old.csv']);

      diskCalls.write = realWrite;
      const site = join(dir, 'site');
      await writeSite(site, 'site', [['index.html', 'old page'], ['b.html', 'old b']]);
      fill(3);
      await expect(writeSite(site, 'site', [['index.html', 'new page'], ['b.html', 'new b']])).rejects.toThrow(expect.objectContaining({ code: 'ENOSPC' }));
      expect(readFileSync(join(site, 'index.html'), 'utf8')).toBe('old page');
      expect(readFileSync(join(site, 'b.html'), 'utf8')).toBe('old b');
      expect(readdirSync(site).sort()).toEqual(['.civsam-site', 'b.html', 'index.html']);

      diskCalls.write = realWrite;
      const data = makeFolder(baseFiles());
      // No racy window: the files were written a moment ago and must still be kept.
      const env = { CIVSAM_CACHE_DIR: join(dir, 'cache'), CIVSAM_SNAPSHOT_RACY_MS: '0' };
      // The snapshot's clock counts whole milliseconds: a file written in the same one as it opens is racy.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
      const cache = openParseCache(data, env, '1');
      cache.put('a.yaml', statSync(join(data, 'civsam.yaml'), { bigint: true }), { data: { id: 'a' }, problems: [] });
      cache.save();
      const [cacheFile] = readdirSync(join(dir, 'cache'));
      const before = readFileSync(join(dir, 'cache', cacheFile), 'utf8');
      const again = openParseCache(data, env, '1');
      again.put('b.yaml', statSync(join(data, 'civsam.yaml'), { bigint: true }), { data: { id: 'b' }, problems: [] });
      fill(20);
      again.save(); // a failure to write the cache is not the user's problem…
      expect(readFileSync(join(dir, 'cache', cacheFile), 'utf8')).toBe(before); // …and leaves the old one whole
      expect(readdirSync(join(dir, 'cache'))).toEqual([cacheFile]);
    });
  }

  test('a new file that finds no room is not created at all', async () => {
    const dir = makeFolder({});
    diskWithRoom(0);
    expect(() => writeFileAtomic(join(dir, 'new.md'), 'text')).toThrow(expect.objectContaining({ code: 'ENOSPC', path: join(dir, 'new.md') }));
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('permissions and owner', () => {
  test('a replaced file keeps its permissions, however narrow or wide; a new file is group-only', async () => {
    const dir = makeFolder({ 'a.yaml': 'id: a\n', 'b.yaml': 'id: b\n', 'c.yaml': 'id: c\n', 'report.csv': 'old\n' });
    chmodSync(join(dir, 'a.yaml'), 0o600);
    chmodSync(join(dir, 'b.yaml'), 0o664);
    chmodSync(join(dir, 'c.yaml'), 0o600);
    chmodSync(join(dir, 'report.csv'), 0o600);
    expect(replaceFile(join(dir, 'a.yaml'), 'id: a\nnotes: x\n', snapshot(join(dir, 'a.yaml')))).toEqual({ ok: true });
    expect(replaceFile(join(dir, 'b.yaml'), 'id: b\nnotes: x\n', snapshot(join(dir, 'b.yaml')))).toEqual({ ok: true });
    expect(await replaceFiles([
      { target: join(dir, 'c.yaml'), bytes: Buffer.from('id: c\nnotes: x\n'), expected: snapshot(join(dir, 'c.yaml')) },
      { target: join(dir, 'd.yaml'), bytes: Buffer.from('id: d\n'), expected: snapshot(join(dir, 'd.yaml')) },
    ])).toEqual({ ok: true });
    writeOutput(join(dir, 'report.csv'), 'new\n');
    const mode = (name: string) => statSync(join(dir, name)).mode & 0o777;
    expect({ a: mode('a.yaml'), b: mode('b.yaml'), c: mode('c.yaml'), report: mode('report.csv') }).toEqual({ a: 0o600, b: 0o664, c: 0o600, report: 0o600 });
    expect(mode('d.yaml') & 0o007).toBe(0);
    expect(readFileSync(join(dir, 'report.csv'), 'utf8')).toBe('new\n');
  });

  test('a replaced file keeps its owner and group (as root, who may give a file away)', async () => {
    const dir = makeFolder({ 'a.yaml': 'id: a\n' });
    const isRoot = process.getuid?.() === 0;
    // Without root a file cannot be given to someone else; its owner is then ours, and stays so.
    if (isRoot) chownSync(join(dir, 'a.yaml'), 4321, 4322);
    const before = statSync(join(dir, 'a.yaml'));
    expect(replaceFile(join(dir, 'a.yaml'), 'id: a\nnotes: x\n', snapshot(join(dir, 'a.yaml')))).toEqual({ ok: true });
    const after = statSync(join(dir, 'a.yaml'));
    expect({ uid: after.uid, gid: after.gid }).toEqual({ uid: before.uid, gid: before.gid });
    if (isRoot) expect(after.uid).toBe(4321);
  });

  test('civsam org edit keeps a record that is the owner\'s alone (0600) the owner\'s alone', async () => {
    const dir = makeFolder(baseFiles());
    const file = join(dir, 'organisations', 'alpha.yaml');
    chmodSync(file, 0o600);
    const r = await civsam(['--data', dir, 'org', 'edit', 'alpha', '--notes', 'Ny note', '--no-commit']);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('notes: Ny note');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(existsSync(join(dir, '.civsam.lock'))).toBe(false);
  });
});

test('the system error a short write becomes is what Node gives: code, syscall, path', async () => {
  const e = systemError('ENOSPC', 'write', '/x/a.yaml');
  expect(e).toMatchObject({ code: 'ENOSPC', syscall: 'write', path: '/x/a.yaml' });
  expect(e.message).toBe("ENOSPC: no space left on device, write '/x/a.yaml'");
});
