// Making a folder and its missing parents (store/paths.ts makeFolders), which every writer and the
// folder snapshot go through: Node's own recursive mkdir spins for ever on a path under /proc.
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeFolders } from '../../src/store/paths.js';
import { civsam } from '../helpers/cli.js';
import { baseFiles, makeFolder } from '../helpers/folder.js';

describe('making folders', () => {
  it('makes the missing ones from the top, with the mode asked, and leaves one that is there', () => {
    const root = makeFolder({});
    makeFolders(join(root, 'a/b/c'), 0o700);
    expect(statSync(join(root, 'a/b/c')).isDirectory()).toBe(true);
    expect(statSync(join(root, 'a/b')).mode & 0o777).toBe(0o700);
    makeFolders(join(root, 'a/b/c'));
    mkdirSync(join(root, 'd'));
    makeFolders(join(root, 'd'));
    expect(existsSync(join(root, 'd'))).toBe(true);
  });

  it('throws the system\'s error, at once, where a folder cannot be made', () => {
    const root = makeFolder({});
    writeFileSync(join(root, 'file'), 'x');
    expect(() => makeFolders(join(root, 'file/sub'))).toThrow(expect.objectContaining({ code: 'ENOTDIR' }));
    // A path under /proc: the file system answers "no such folder" for a parent that is there.
    if (existsSync('/proc/self')) expect(() => makeFolders('/proc/civsam-test/cache')).toThrow(expect.objectContaining({ code: 'ENOENT' }));
  });

  it('a cache folder that cannot be made leaves civsam working without the snapshot, instead of spinning', async () => {
    if (!existsSync('/proc/self')) return;
    const dir = makeFolder(baseFiles());
    const r = await civsam(['validate', '--data', dir], { env: { CIVSAM_NO_CACHE: undefined, CIVSAM_CACHE_DIR: '/proc/civsam-test/cache' } });
    expect(r.code).toBe(0);
  });
});
