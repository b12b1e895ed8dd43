// The folder snapshot (src/store/parse-cache.ts): what it keeps, when it trusts an entry (git's
// racy rule), that a broken one is ignored and made again, and that --no-cache goes around it.
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readFolder } from '../../src/store/load-folder.js';
import { openParseCache, snapshotEntries } from '../../src/store/parse-cache.js';
import { civsam, ROOT } from '../helpers/cli.js';
import { baseFiles, makeFolder, org } from '../helpers/folder.js';

const SECOND = 1_000_000_000n;
const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/** A snapshot's parts (its layout is described in parse-cache.ts), to break one on purpose. */
interface Parts { header: { files: string[]; bodyLength: number; [k: string]: unknown }; listing: string; table: Buffer; lengths: Buffer; flags: Buffer; body: string }
const MAGIC = 'civsam-snapshot/5\n';
/** The magic line, then the header's and the listing's length and CRC-32 (ten digits each, a space between) and a line break. */
const PREFIX = MAGIC.length + 44;
const align8 = (n: number) => (n + 7) & ~7;
const prefixNumber = (bytes: Buffer, k: number) => Number(bytes.toString('latin1', MAGIC.length + 11 * k, MAGIC.length + 11 * k + 10));

function parts(bytes: Buffer): Parts {
  const length = prefixNumber(bytes, 0);
  const listingLength = prefixNumber(bytes, 2);
  const at = PREFIX;
  const header = JSON.parse(bytes.toString('latin1', at, at + length)) as Parts['header'];
  const listing = bytes.toString('latin1', at + length, at + length + listingLength);
  const tableAt = align8(at + length + listingLength);
  const n = header.files.length;
  return { header, listing, table: bytes.subarray(tableAt, tableAt + n * 32), lengths: bytes.subarray(tableAt + n * 32, tableAt + n * 36), flags: bytes.subarray(tableAt + n * 36, tableAt + n * 37), body: bytes.toString('latin1', tableAt + n * 37) };
}

/**
 * The bytes of a snapshot made of these parts, its lengths and CRC-32s made to fit (so only what was
 * changed is wrong); `keepSums`: the parts' sums left as they were, as a change on the disk would.
 */
function built({ header, listing, table, lengths, flags, body }: Parts, { keepSums = false } = {}): Buffer {
  const segments = (header as { segments?: number[] }).segments ?? [];
  const bodyBytes = Buffer.from(body, 'latin1');
  let from = 0;
  const sums = segments.map((n) => crc32(bodyBytes.subarray(from, (from += n))));
  const tables = crc32(flags, crc32(lengths, crc32(table)));
  const head = Buffer.from(JSON.stringify({ ...header, ...(keepSums ? {} : { tables, sums }), bodyLength: bodyBytes.length }), 'latin1');
  const list = Buffer.from(listing, 'latin1');
  const first = Buffer.alloc(align8(PREFIX + head.length + list.length));
  const digits = (n: number) => String(n).padStart(10, '0');
  first.write(MAGIC + [head.length, crc32(head), list.length, crc32(list)].map(digits).join(' ') + '\n', 'latin1');
  head.copy(first, PREFIX);
  list.copy(first, PREFIX + head.length);
  return Buffer.concat([first, table, lengths, flags, bodyBytes]);
}

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
    expect(readFileSync(join(cache, files[0]), 'latin1').startsWith('civsam-snapshot/5\n')).toBe(true);
    const kept = snapshotEntries(join(cache, files[0]), VERSION)!;
    expect(kept['organisations/gamma.yaml'].problems).toHaveLength(1); // the parse problem, with its place
    expect(kept['organisations/gamma.yaml'].data).toBeUndefined();
    expect(kept['organisations/empty.yaml'].problems).toEqual([expect.objectContaining({ rule: 'file-empty' })]);
    expect(kept['organisations/alpha.yaml'].data).toEqual(expect.objectContaining({ id: 'alpha' }));
    expect(kept['organisations/alpha.yaml'].passed).toBe(true); // passed its own checks
    expect(kept['organisations/beta.yaml'].passed).toBe(false); // its schema problem is checked every time
    expect(kept['organisations/delta.yaml'].passed).toBe(false); // so is a file a rule names
    // Taken from the snapshot the second time, and still the same answer.
    expect(await civsam(['validate', '--format', 'json', '--data', dir], { env })).toEqual(fresh);
    expect(readdirSync(dir).some((f) => f.endsWith('.json'))).toBe(false);
  });

  it('that is broken, cut short, of another build or another program is ignored and made again', async () => {
    const dir = folderWithProblems();
    const cache = makeFolder({});
    const env = { CIVSAM_NO_CACHE: undefined, CIVSAM_CACHE_DIR: cache, CIVSAM_SNAPSHOT_RACY_MS: '0' };
    const fresh = await civsam(['validate', '--format', 'json', '--data', dir]);
    // Past the time a folder must have been left alone for its listing to be kept: each snapshot made below keeps it too.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 80);
    await civsam(['validate', '--data', dir], { env });
    const name = readdirSync(cache).find((n) => n.endsWith('.snapshot'))!;
    const good = readFileSync(join(cache, name));
    expect(good.toString('latin1')).toContain('"organisations","');
    const whole = (bytes: Buffer) => bytes.toString('latin1').replace(/"written":"\d+"/, '').replace(/^(civsam-snapshot\/5\n\d{10}) \d{10}/, '$1');
    const layout = parts(good);
    const alpha = layout.header.files.indexOf('organisations/alpha.yaml');
    const broken = [
      good.subarray(0, good.length >> 1), // cut short by a kill during a write without the atomic rename
      good.subarray(0, good.length - 1),
      Buffer.from(''),
      Buffer.from('null'),
      Buffer.from('\u0000\u0001garbage'),
      Buffer.from(JSON.stringify({ format: 'civsam-snapshot/1', entries: {} })), // the JSON snapshot of earlier versions
      Buffer.concat([Buffer.from('someone-else/22222\n'), good.subarray(18)]),
      built({ ...layout, header: { ...layout.header, key: 'another-build' } }),
      built({ ...layout, header: { ...layout.header, written: 'yesterday' } }),
      built({ ...layout, header: { ...layout.header, files: [...layout.header.files, 'organisations/more.yaml'] } }),
      built({ ...layout, flags: Buffer.from(layout.flags).fill(0, alpha, alpha + 1) }), // neither data nor problems
      built({ ...layout, body: '[[],{},0]' }),
      built({ ...layout, body: layout.body.slice(0, -1) }),
    ];
    for (const bytes of broken) {
      writeFileSync(join(cache, name), bytes);
      expect(await civsam(['validate', '--format', 'json', '--data', dir], { env })).toEqual(fresh);
      // Made again, whole.
      expect(whole(readFileSync(join(cache, name)))).toEqual(whole(good));
    }
  });

  it('gives a command the records it reads, parsed when asked for, the same as a fresh read; a folder whose copy is unreadable is read again', async () => {
    const dir = folderWithProblems();
    const cache = makeFolder({});
    const env = { CIVSAM_NO_CACHE: undefined, CIVSAM_CACHE_DIR: cache, CIVSAM_SNAPSHOT_RACY_MS: '0' };
    const commands = [['org', 'list', '--format', 'json'], ['org', 'show', 'alpha', '--format', 'json'], ['validate', '--format', 'json'], ['overview', 'offers', '--format', 'json', '--as-of', '2026-11-01']];
    const fresh = [];
    for (const args of commands) fresh.push(await civsam([...args, '--data', dir]));
    expect(fresh[0].code).toBe(0);
    expect(fresh[0].stdout).toContain('alpha');
    await civsam(['validate', '--data', dir], { env }); // makes the snapshot
    for (let round = 0; round < 2; round++) {
      for (const [i, args] of commands.entries()) expect(await civsam([...args, '--data', dir], { env })).toEqual(fresh[i]);
    }
    // The organisations' copy made unreadable, its length kept (so only parsing it finds out).
    const name = readdirSync(cache).find((n) => n.endsWith('.snapshot'))!;
    const layout = parts(readFileSync(join(cache, name)));
    const header = layout.header as Parts['header'] & { groups: number[]; segments: number[] };
    const g = [...new Set(header.files.map((f) => f.slice(0, f.lastIndexOf('/') + 1)))].indexOf('organisations/');
    const from = header.segments.slice(0, g + 1).reduce((a, b) => a + b, 0);
    const body = layout.body.slice(0, from) + '[]'.padEnd(header.segments[g + 1], ' ') + layout.body.slice(from + header.segments[g + 1]);
    writeFileSync(join(cache, name), built({ ...layout, body }));
    for (const [i, args] of commands.entries()) expect(await civsam([...args, '--data', dir], { env })).toEqual(fresh[i]);
  });

  it('changed on the disk, its lengths kept (a bad block, an edit), is never believed: every part is checked by its CRC-32', async () => {
    const dir = folderWithProblems();
    const cache = makeFolder({});
    const env = { CIVSAM_NO_CACHE: undefined, CIVSAM_CACHE_DIR: cache, CIVSAM_SNAPSHOT_RACY_MS: '0' };
    const commands = [['org', 'show', 'alpha', '--format', 'json'], ['org', 'list', '--format', 'json'], ['validate', '--format', 'json'], ['overview', 'offers', '--format', 'json', '--as-of', '2026-11-01']];
    const fresh = [];
    for (const args of commands) fresh.push(await civsam([...args, '--data', dir]));
    expect(fresh[0].stdout).toContain('Alpha Forening');
    await civsam(['validate', '--data', dir], { env });
    const name = readdirSync(cache).find((n) => n.endsWith('.snapshot'))!;
    const good = readFileSync(join(cache, name));
    const layout = parts(good);
    // A record's name, one letter: the organisations' copy parses and is believed unless its sum is checked.
    const renamed = { ...layout, body: layout.body.replace('Alpha Forening', 'Alphx Forening') };
    expect(renamed.body).not.toBe(layout.body);
    for (const [i, args] of commands.entries()) {
      writeFileSync(join(cache, name), built(renamed, { keepSums: true }));
      expect(await civsam([...args, '--data', dir], { env })).toEqual(fresh[i]);
    }
    // Every problem's line number, in the part with every file's problems and the verdict; a file's
    // flags (beta, which failed its schema, said to have passed it): the snapshot is not read at all.
    const moved = { ...layout, body: layout.body.replace(/"line":(\d)/g, (_, d: string) => `"line":${(Number(d) + 1) % 10}`) };
    expect(moved.body).not.toBe(layout.body);
    const beta = layout.header.files.indexOf('organisations/beta.yaml');
    const passed = { ...layout, flags: Buffer.from(layout.flags).fill(layout.flags[beta] | 4, beta, beta + 1) };
    expect(passed.flags.equals(layout.flags)).toBe(false);
    for (const bytes of [moved, passed]) {
      writeFileSync(join(cache, name), built(bytes));
      expect(snapshotEntries(join(cache, name), VERSION)?.['organisations/alpha.yaml']).toBeDefined(); // as built, with sums made to fit
      writeFileSync(join(cache, name), built(bytes, { keepSums: true }));
      expect(snapshotEntries(join(cache, name), VERSION)).toBeUndefined();
      expect(await civsam(['validate', '--format', 'json', '--data', dir], { env })).toEqual(fresh[2]);
    }
    // The header too: its own sum is in the line before it.
    const written = good.toString('latin1').match(/"written":"(\d+)"/)![1];
    const earlier = String(BigInt(written) - 1n).padStart(written.length, '0');
    writeFileSync(join(cache, name), Buffer.from(good.toString('latin1').replace(`"written":"${written}"`, `"written":"${earlier}"`), 'latin1'));
    expect(snapshotEntries(join(cache, name), VERSION)).toBeUndefined();
    writeFileSync(join(cache, name), good);
    expect(snapshotEntries(join(cache, name), VERSION)?.['organisations/alpha.yaml'].data).toEqual(expect.objectContaining({ name: 'Alpha Forening' }));

    // In a folder without problems, `show` reads one record's bytes alone, found by its text: only
    // from a copy whose every byte was read and found as written.
    const clean = makeFolder({ ...baseFiles(), 'organisations/alpha.yaml': org('alpha', 'Alpha Forening'), 'organisations/beta.yaml': org('beta', 'Beta Forening') });
    const cleanCache = makeFolder({});
    const cleanEnv = { ...env, CIVSAM_CACHE_DIR: cleanCache };
    const show = await civsam(['org', 'show', 'alpha', '--format', 'json', '--data', clean]);
    expect(show.code).toBe(0);
    await civsam(['validate', '--data', clean], { env: cleanEnv });
    const [cleanName] = readdirSync(cleanCache);
    const cleanLayout = parts(readFileSync(join(cleanCache, cleanName)));
    writeFileSync(join(cleanCache, cleanName), built({ ...cleanLayout, body: cleanLayout.body.replace('Alpha Forening', 'Alphx Forening') }, { keepSums: true }));
    expect(await civsam(['org', 'show', 'alpha', '--format', 'json', '--data', clean], { env: cleanEnv })).toEqual(show);
  });

  it('written again removes the copy a killed run left half-written (it holds personal data), and nothing else', async () => {
    const dir = makeFolder({ ...baseFiles() });
    const cache = makeFolder({});
    const env = { CIVSAM_NO_CACHE: undefined, CIVSAM_CACHE_DIR: cache, CIVSAM_SNAPSHOT_RACY_MS: '0', CIVSAM_SNAPSHOT_DEFER_FILES: '0' };
    await civsam(['validate', '--data', dir], { env });
    const name = readdirSync(cache).find((n) => n.endsWith('.snapshot'))!;
    const left = `.${name}.999999999.0123abcd.tmp`; // as the writer names its copy; no process has that number
    const others = ['.other.snapshot.999999999.0123abcd.tmp', 'notes.txt'];
    for (const f of [left, ...others]) writeFileSync(join(cache, f), 'half a snapshot');
    writeFileSync(join(dir, 'organisations/beta.yaml'), org('beta', 'Beta Forening'));
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
    await civsam(['validate', '--data', dir], { env }); // a file changed: the snapshot is written again
    expect(readdirSync(cache).sort()).toEqual([...others, name].sort());
  });

  it("written removes other folders' snapshots no run has written for ninety days (their personal data), and nothing else", async () => {
    const dir = makeFolder({ ...baseFiles() });
    const cache = makeFolder({});
    const env = { CIVSAM_NO_CACHE: undefined, CIVSAM_CACHE_DIR: cache, CIVSAM_SNAPSHOT_RACY_MS: '0', CIVSAM_SNAPSHOT_DEFER_FILES: '0' };
    const day = 24 * 3600;
    const now = Date.now() / 1000;
    const files: Record<string, number> = {
      'aaaaaaaaaaaaaaaaaaaa.snapshot': 100, // a folder nobody opened for a hundred days: goes
      'bbbbbbbbbbbbbbbbbbbb.json': 91, // the JSON snapshot of an earlier version, as old: goes
      'cccccccccccccccccccc.snapshot': 30, // a folder opened a month ago: stays
      'notes.txt': 400, // not civsam's: stays
      'dddddddddddddddddddd.snapshot.bak': 400, // not a name civsam writes: stays
    };
    for (const [name, days] of Object.entries(files)) {
      writeFileSync(join(cache, name), 'x');
      utimesSync(join(cache, name), now - days * day, now - days * day);
    }
    await civsam(['validate', '--data', dir], { env });
    const own = readdirSync(cache).filter((n) => !(n in files));
    expect(own).toHaveLength(1); // this folder's snapshot, written
    expect(readdirSync(cache).sort()).toEqual([...own, 'cccccccccccccccccccc.snapshot', 'dddddddddddddddddddd.snapshot.bak', 'notes.txt'].sort());
  });

  it('that is a named pipe, or a folder, is gone around at once (never waited on)', async () => {
    const dir = makeFolder({ ...baseFiles() });
    const cache = makeFolder({});
    const env = { CIVSAM_NO_CACHE: undefined, CIVSAM_CACHE_DIR: cache, CIVSAM_SNAPSHOT_RACY_MS: '0' };
    const fresh = await civsam(['org', 'list', '--format', 'json', '--data', dir]);
    await civsam(['validate', '--data', dir], { env });
    const name = readdirSync(cache).find((n) => n.endsWith('.snapshot'))!;
    rmSync(join(cache, name));
    execFileSync('mkfifo', [join(cache, name)]);
    // The built binary, with a time limit: opening the pipe for reading would block this very process.
    const r = spawnSync(process.execPath, [join(ROOT, 'bin/civsam.js'), 'org', 'list', '--format', 'json', '--data', dir], { env: { ...process.env, CIVSAM_LANG: 'en', NO_COLOR: '1', ...env }, encoding: 'utf8', timeout: 20_000 });
    expect(r.signal).toBeNull();
    expect({ code: r.status, stdout: r.stdout, stderr: r.stderr }).toEqual(fresh);
    rmSync(join(cache, name));
    mkdirSync(join(cache, name));
    expect(await civsam(['org', 'list', '--format', 'json', '--data', dir], { env })).toEqual(fresh);
  });

  it('parsed ahead for a command that names the folders it reads still gives a file changed since as it is now', () => {
    const dir = makeFolder({ ...baseFiles(), 'organisations/alpha.yaml': org('alpha', 'Alpha Forening'), 'organisations/beta.yaml': org('beta', 'Beta Forening') });
    const cache = makeFolder({});
    const env = { CIVSAM_CACHE_DIR: cache, CIVSAM_SNAPSHOT_RACY_MS: '0' };
    const records = (raw: ReturnType<typeof readFolder>) => raw.files.filter((f) => f.what.role === 'record').map((f) => [f.rel, f.data]);
    // Past the millisecond the files were written in (the snapshot keeps no file that new).
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
    const raw = readFolder(dir, openParseCache(dir, env, VERSION));
    raw.checked?.([]); // the snapshot written, its verdict kept
    writeFileSync(join(dir, 'organisations/beta.yaml'), org('beta', 'Beta Forening Aarhus'));
    const ahead = readFolder(dir, openParseCache(dir, env, VERSION), undefined, { prefetch: ['organisations/'] });
    const got = records(ahead);
    expect(got).toEqual(records(readFolder(dir)));
    expect(got.find(([rel]) => rel === 'organisations/beta.yaml')?.[1]).toMatchObject({ name: 'Beta Forening Aarhus' });
    // The other file came from the snapshot, parsed ahead.
    expect(ahead.passed?.('organisations/alpha.yaml', ahead.files.find((f) => f.rel === 'organisations/alpha.yaml'))).toBe(true);
  });

  it('written again after a change holds what a snapshot made afresh holds (folders nothing changed in are copied as they were)', async () => {
    const dir = folderWithProblems();
    const cache = makeFolder({});
    const afresh = makeFolder({});
    const env = { CIVSAM_NO_CACHE: undefined, CIVSAM_CACHE_DIR: cache, CIVSAM_SNAPSHOT_RACY_MS: '0', CIVSAM_SNAPSHOT_DEFER_FILES: '0' };
    mkdirSync(join(dir, 'offers'), { recursive: true });
    writeFileSync(join(dir, 'offers/gruppe.yaml'), 'id: gruppe\norganisation: alpha\ntitle: Samtalegruppe om angst\ntype: peer-group\npatient_groups: [angst]\nareas: [psychiatry]\nmunicipalities: [aarhus]\nactive_from: 2024-01-01\n');
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
    await civsam(['validate', '--data', dir], { env });
    writeFileSync(join(dir, 'organisations/alpha.yaml'), readFileSync(join(dir, 'organisations/alpha.yaml'), 'utf8').replace('Alpha Forening', 'Alfa Forening'));
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
    await civsam(['overview', 'offers', '--data', dir], { env }); // reads offers and organisations, not the rest
    await civsam(['validate', '--data', dir], { env: { ...env, CIVSAM_CACHE_DIR: afresh } });
    const name = readdirSync(cache).find((n) => n.endsWith('.snapshot'))!;
    const kept = snapshotEntries(join(cache, name), VERSION)!;
    expect(kept['organisations/alpha.yaml'].data).toEqual(expect.objectContaining({ name: 'Alfa Forening' }));
    expect(kept).toEqual(snapshotEntries(join(afresh, name), VERSION));
  });

  it('read in parts: data read after another run replaced the snapshot comes from the files, and this run then leaves the new snapshot be', async () => {
    const dir = makeFolder({ ...baseFiles(), 'organisations/alpha.yaml': org('alpha', 'Alpha Forening'), 'organisations/beta.yaml': org('beta', 'Beta Forening') });
    const cache = makeFolder({});
    const env = { CIVSAM_NO_CACHE: undefined, CIVSAM_CACHE_DIR: cache, CIVSAM_SNAPSHOT_RACY_MS: '0', CIVSAM_SNAPSHOT_DEFER_FILES: '0' };
    // Each run starts a clock tick after the files it reads were written, as a process does (the
    // runner waits): a run started within the tick of a write keeps nothing of that file (the racy
    // rule), and this test needs the first snapshot to hold the folder and the second to be written.
    // The reads in this process wait the same.
    const later = () => new Promise((done) => setTimeout(done, 12));
    await civsam(['validate', '--data', dir], { env });
    await later();
    const first = openParseCache(dir, env, VERSION);
    const raw = readFolder(dir, first);
    const alpha = raw.files.find((f) => f.rel === 'organisations/alpha.yaml')!;
    // Another run writes a new snapshot (a changed file elsewhere) before this one reads the organisations.
    writeFileSync(join(dir, 'civsam.yaml'), readFileSync(join(dir, 'civsam.yaml'), 'utf8') + '# changed\n');
    await later();
    await civsam(['validate', '--data', dir], { env });
    const name = readdirSync(cache).find((n) => n.endsWith('.snapshot'))!;
    const replaced = readFileSync(join(cache, name));
    expect((alpha.data as { name: string }).name).toBe('Alpha Forening');
    // Writing this run's snapshot cannot copy the organisations' text from a file that is gone: it gives up, leaving the other run's.
    first.forget(['organisations/beta.yaml']);
    first.save();
    expect(readFileSync(join(cache, name)).equals(replaced)).toBe(true);
    expect(await civsam(['org', 'list', '--format', 'json', '--data', dir], { env })).toEqual(await civsam(['org', 'list', '--format', 'json', '--data', dir]));
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
    // A window shortened below a tick of the coarse clock the file's times come from (as tests do)
    // still covers one tick: a run 5 ms after the change keeps nothing, one 20 ms after does.
    const shortEnv = { CIVSAM_CACHE_DIR: makeFolder({}), CIVSAM_SNAPSHOT_RACY_MS: '0' };
    const within = openParseCache(dir, shortEnv, '1', () => st.ctimeNs + 5_000_000n);
    within.put('civsam.yaml', st, read);
    within.save();
    expect(openParseCache(dir, shortEnv, '1').get('civsam.yaml', st)).toBeUndefined();
    const after = openParseCache(dir, shortEnv, '1', () => st.ctimeNs + 20_000_000n);
    after.put('civsam.yaml', st, read);
    after.save();
    expect(openParseCache(dir, shortEnv, '1').get('civsam.yaml', st)).toEqual(read);
    // Any identity value that differs: read again.
    for (const other of [{ ...st, ctimeNs: st.ctimeNs + 1n }, { ...st, mtimeNs: st.mtimeNs - 1n }, { ...st, size: st.size + 1n }, { ...st, ino: st.ino + 1n }]) {
      expect(openParseCache(dir, env, '1').get('civsam.yaml', other)).toBeUndefined();
    }
    // Another version of civsam: nothing is trusted.
    expect(openParseCache(dir, env, '2').get('civsam.yaml', st)).toBeUndefined();
  });
});
