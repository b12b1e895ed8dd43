// The folder snapshot (src/store/parse-cache.ts): what it keeps, when it trusts an entry (git's
// racy rule), that a broken one is ignored and made again, and that --no-cache goes around it.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openParseCache } from '../../src/store/parse-cache.js';
import { civsam } from '../helpers/cli.js';
import { baseFiles, makeFolder, org } from '../helpers/folder.js';

const SECOND = 1_000_000_000n;

/** A folder with one problem of each sort a file can have on its own, and one between files. */
function folderWithProblems(): string {
  return makeFolder({
    ...baseFiles(),
    'organisations/beta.yaml': org('beta', 'Beta Forening', undefined, 'status: sleepy\n').replace('status: active\n', ''),
    'organisations/gamma.yaml': 'id: gamma\nname: [Gamma\n',
    'organisations/delta.yaml': org('delta', 'Delta Forening').replace('[depression]', '[ukendt]'),
    'organisations/empty.yaml': '',
  });
}

describe('the folder snapshot', () => {
  it('is one file for the owner only, outside the data folder, holding problems as well as data', async () => {
    const dir = folderWithProblems();
    const cache = makeFolder({});
    const env = { CIVSAM_NO_CACHE: undefined, CIVSAM_CACHE_DIR: cache, CIVSAM_SNAPSHOT_RACY_MS: '0' };
    const fresh = await civsam(['validate', '--format', 'json', '--data', dir]);
    expect(fresh.code).toBe(2);
    expect(await civsam(['validate', '--format', 'json', '--data', dir], { env })).toEqual(fresh);
    const files = readdirSync(cache);
    expect(files).toHaveLength(1);
    expect(statSync(join(cache, files[0])).mode & 0o777).toBe(0o600);
    const kept = JSON.parse(readFileSync(join(cache, files[0]), 'utf8')) as { format: string; entries: Record<string, { d?: unknown; p?: unknown[]; v?: number }> };
    expect(kept.format).toBe('civsam-snapshot/1');
    expect(kept.entries['organisations/gamma.yaml'].p).toHaveLength(1); // the parse problem, with its place
    expect(kept.entries['organisations/empty.yaml'].p).toEqual([expect.objectContaining({ rule: 'file-empty' })]);
    expect(kept.entries['organisations/alpha.yaml'].v).toBe(1); // passed its own checks
    expect(kept.entries['organisations/beta.yaml'].v).toBeUndefined(); // its schema problem is checked every time
    expect(kept.entries['organisations/delta.yaml'].v).toBeUndefined(); // so is a file a rule names
    // Taken from the snapshot the second time, and still the same answer.
    expect(await civsam(['validate', '--format', 'json', '--data', dir], { env })).toEqual(fresh);
    expect(readdirSync(dir).some((f) => f.endsWith('.json'))).toBe(false);
  });

  it('that is broken, cut short, of another build or another program is ignored and made again', async () => {
    const dir = folderWithProblems();
    const cache = makeFolder({});
    const env = { CIVSAM_NO_CACHE: undefined, CIVSAM_CACHE_DIR: cache, CIVSAM_SNAPSHOT_RACY_MS: '0' };
    const fresh = await civsam(['validate', '--format', 'json', '--data', dir]);
    await civsam(['validate', '--data', dir], { env });
    const [name] = readdirSync(cache);
    const good = readFileSync(join(cache, name), 'utf8');
    const parsed = JSON.parse(good) as { key: string; entries: Record<string, { d?: unknown; s: string }> };
    const alpha = parsed.entries['organisations/alpha.yaml'];
    const broken = [
      good.slice(0, good.length >> 1), // cut short by a kill during a write without the atomic rename
      '',
      'null',
      '\u0000\u0001garbage',
      JSON.stringify({ ...parsed, key: 'another-build' }),
      JSON.stringify({ ...parsed, format: 'someone-else/1' }),
      JSON.stringify({ ...parsed, entries: { ...parsed.entries, 'organisations/alpha.yaml': { ...alpha, s: 'many' } } }),
      JSON.stringify({ ...parsed, entries: [] }),
      JSON.stringify({ ...parsed, written: 'yesterday' }),
    ];
    for (const text of broken) {
      writeFileSync(join(cache, name), text);
      expect(await civsam(['validate', '--format', 'json', '--data', dir], { env })).toEqual(fresh);
      // Made again, whole.
      expect({ ...JSON.parse(readFileSync(join(cache, name), 'utf8')), written: 'when' }).toEqual({ ...parsed, written: 'when' });
    }
  });

  it('is gone around by --no-cache', async () => {
    const dir = makeFolder(baseFiles());
    const cache = makeFolder({});
    const env = { CIVSAM_NO_CACHE: undefined, CIVSAM_CACHE_DIR: cache, CIVSAM_SNAPSHOT_RACY_MS: '0' };
    expect((await civsam(['validate', '--no-cache', '--data', dir], { env })).code).toBe(0);
    expect(readdirSync(cache)).toEqual([]);
  });

  it('trusts an entry only when the file had not changed within the racy window before the snapshot was made', () => {
    const dir = makeFolder(baseFiles());
    const cache = makeFolder({});
    const env = { CIVSAM_CACHE_DIR: cache };
    const st = statSync(join(dir, 'civsam.yaml'), { bigint: true });
    const read = { data: { id: 'x' }, problems: [] };
    // Written by a run that started well after the file last changed: kept and trusted.
    const late = openParseCache(dir, env, '1', () => st.ctimeNs + 10n * SECOND);
    late.put('civsam.yaml', st, read);
    late.save();
    expect(openParseCache(dir, env, '1').get('civsam.yaml', st)).toEqual(read);
    // The same identity, from a run that started within two seconds of the file's change: that
    // run could not tell a second write in the same clock tick, so the file is read again.
    const racyEnv = { CIVSAM_CACHE_DIR: makeFolder({}) };
    const racy = openParseCache(dir, racyEnv, '1', () => st.ctimeNs + SECOND);
    racy.put('civsam.yaml', st, read);
    racy.save();
    expect(openParseCache(dir, racyEnv, '1').get('civsam.yaml', st)).toBeUndefined();
    // Any identity value that differs: read again.
    for (const other of [{ ...st, ctimeNs: st.ctimeNs + 1n }, { ...st, mtimeNs: st.mtimeNs - 1n }, { ...st, size: st.size + 1n }, { ...st, ino: st.ino + 1n }]) {
      expect(openParseCache(dir, env, '1').get('civsam.yaml', other)).toBeUndefined();
    }
    // Another version of civsam: nothing is trusted.
    expect(openParseCache(dir, env, '2').get('civsam.yaml', st)).toBeUndefined();
  });
});
