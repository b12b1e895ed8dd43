// --no-cache is a global option, as the README describes it: on any command (before or after the
// command's words) it reads every file and leaves no snapshot in the cache; validate --no-cache
// works as before.
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { civsam } from '../helpers/cli.js';
import { baseFiles, makeFolder } from '../helpers/folder.js';

/** A run that may use the cache (the tests' environment turns it off), in a cache folder of its own. */
async function withCache(args: string[]) {
  const cache = mkdtempSync(join(tmpdir(), 'civsam-cache-'));
  const r = await civsam(args, { env: { CIVSAM_NO_CACHE: undefined, CIVSAM_CACHE_DIR: cache, CIVSAM_LANG: 'da' } });
  return { r, snapshots: readdirSync(cache, { recursive: true }).filter((f) => String(f).endsWith('.snapshot')) };
}

describe('--no-cache on any command', () => {
  for (const args of [['org', 'list', '--no-cache'], ['overview', 'offers', '--no-cache'], ['--no-cache', 'validate'], ['validate', '--no-cache']]) {
    it(`civsam ${args.join(' ')}: taken, and no snapshot is kept`, async () => {
      const dir = makeFolder(baseFiles());
      const { r, snapshots } = await withCache(['--data', dir, ...args]);
      expect(r.stderr).not.toContain('ukendt tilvalg');
      expect(r.code).toBe(0);
      expect(snapshots).toEqual([]);
    });
  }

  it('near miss: without it, the snapshot is kept', async () => {
    const dir = makeFolder(baseFiles());
    const { r, snapshots } = await withCache(['--data', dir, 'org', 'list']);
    expect(r.code).toBe(0);
    expect(snapshots.length).toBe(1);
  });

  it('help lists it among the global options', async () => {
    const r = await civsam(['org', 'list', '--help']);
    expect(r.stdout).toMatch(/--no-cache +read every file again/);
  });
});
