// A report asked again of an unchanged folder is printed from its recording (src/context/replay.ts,
// src/store/recorded-output.ts): that it is, byte for byte and with the same exit code; that any
// change of the folder or of what the output depends on works it out again; that a recording that is
// broken, cut short or not a file is never believed.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRecording, writeRecording } from '../../src/store/recorded-output.js';
import { ENVIRONMENT_READ } from '../../src/context/replay.js';
import { civsam, ROOT, type RunOptions } from '../helpers/cli.js';
import { makeFolder } from '../helpers/folder.js';
import { agreement, folderWith } from '../audit/audit-fixture.js';

/** A folder whose audit warns of one thing: an overdue evaluation. */
function folder(): string {
  return makeFolder(folderWith([['agreements', agreement('a1', { evaluation_due: '2026-01-01', established_by: { exemption: { reason: 'Akut', approved_by: 'Direktionen', date: '2024-12-01' } } })]]));
}

function setup(): { dir: string; cache: string; run: (args: string[], opts?: RunOptions) => ReturnType<typeof civsam> } {
  const dir = folder();
  const cache = makeFolder({});
  // A short racy window (see snapshot-property.ts); each change written to the snapshot at once.
  const env = { CIVSAM_NO_CACHE: undefined, CIVSAM_CACHE_DIR: cache, CIVSAM_SNAPSHOT_RACY_MS: '5', CIVSAM_SNAPSHOT_DEFER_FILES: '0' };
  const run = (args: string[], opts: RunOptions = {}) => civsam([...args, '--data', dir], { ...opts, env: { ...env, ...opts.env } });
  return { dir, cache, run };
}

/** The recordings kept (their file names: generation-key). */
function recordings(cache: string): string[] {
  const folders = readdirSync(cache).filter((n) => n.endsWith('.outputs'));
  return folders.flatMap((f) => readdirSync(join(cache, f)).map((n) => join(cache, f, n)));
}

/** Puts other text in the place of a recording, so a run that prints it is known to have replayed it. */
function replaceRecording(file: string, text: string, exitCode = 0): void {
  const name = file.slice(file.lastIndexOf('/') + 1);
  const dash = name.indexOf('-');
  writeRecording(join(file, '..'), name.slice(0, dash), name.slice(dash + 1), [{ stream: 0, texts: [text] }], exitCode);
}

const AUDIT = ['audit', '--as-of', '2026-11-01', '--fail-on', 'warning'];

describe('a report printed again from its recording', () => {
  it('prints what the worked-out run printed, byte for byte, and exits the same; the folder untouched', async () => {
    const { dir, cache, run } = setup();
    const fresh = await civsam([...AUDIT, '--data', dir]);
    expect(fresh.code).toBe(1); // the overdue evaluation, at --fail-on warning
    const first = await run(AUDIT); // reads the files, writes the snapshot and records the report made on it
    expect(recordings(cache)).toHaveLength(1);
    const second = await run(AUDIT); // every file as the snapshot holds it: printed from the recording
    const third = await run(AUDIT);
    for (const r of [first, second, third]) expect(r).toEqual(fresh);
    // Written for the owner only.
    expect(statSync(recordings(cache)[0]).mode & 0o777).toBe(0o600);
  });

  it('is what the run prints (proved by changing the recording), and only for the same folder and question', async () => {
    const { dir, cache, run } = setup();
    await run(AUDIT);
    await run(AUDIT);
    const [file] = recordings(cache);
    replaceRecording(file, 'FROM THE RECORDING\n', 1);
    expect(await run(AUDIT)).toEqual({ code: 1, stdout: 'FROM THE RECORDING\n', stderr: '' });
    // Anything else the output depends on works it out again.
    const other: Array<[string[], RunOptions]> = [
      [['audit', '--as-of', '2026-11-02', '--fail-on', 'warning'], {}],
      [['audit', '--fail-on', 'warning', '--as-of', '2026-11-01'], {}], // the same question typed in another order: worked out (the key is the command line as typed)
      [AUDIT, { env: { CIVSAM_LANG: 'da' } }],
      [AUDIT, { env: { COLUMNS: '100' } }],
      [AUDIT, { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } }],
      [AUDIT, { env: { TZ: 'Pacific/Kiritimati' } }],
      [AUDIT, { cwd: dir }],
      [[...AUDIT, '--format', 'json'], {}],
    ];
    for (const [args, opts] of other) expect((await run(args, opts)).stdout).not.toContain('FROM THE RECORDING');
    expect(await run(AUDIT)).toEqual({ code: 1, stdout: 'FROM THE RECORDING\n', stderr: '' });
    // A variable civsam never reads (a shell's, a benchmark's) does not make it work the report out again.
    expect(await run(AUDIT, { env: { CIVSAM_BENCH_RSS_FILE: '/tmp/x', SHLVL: '9' } })).toEqual({ code: 1, stdout: 'FROM THE RECORDING\n', stderr: '' });
    // A record changed: worked out again (and the folder's new findings shown).
    const record = join(dir, 'agreements/a1.yaml');
    writeFileSync(record, readFileSync(record, 'utf8').replace('2026-01-01', '2027-01-01'));
    const edited = await run(AUDIT);
    expect(edited.stdout).not.toContain('FROM THE RECORDING');
    expect(edited).toEqual(await civsam([...AUDIT, '--data', dir]));
    expect(edited.code).toBe(0);
  });

  it('is made again soon after a file is edited by hand, though a few such files are otherwise left for later runs to read again', async () => {
    const { dir, cache, run } = setup();
    const deferring = { env: { CIVSAM_SNAPSHOT_DEFER_FILES: undefined } };
    await run(AUDIT, deferring);
    await run(AUDIT, deferring);
    const record = join(dir, 'agreements/a1.yaml');
    writeFileSync(record, readFileSync(record, 'utf8').replace('2026-01-01', '2026-02-01'));
    const fresh = await civsam([...AUDIT, '--data', dir]);
    expect(await run(AUDIT, deferring)).toEqual(fresh); // the snapshot written now, with the edited file
    expect(await run(AUDIT, deferring)).toEqual(fresh); // recorded
    const mine = recordings(cache).filter((f) => statSync(f).mtimeMs >= statSync(record).mtimeMs);
    expect(mine).toHaveLength(1);
    replaceRecording(mine[0], 'FROM THE RECORDING\n', 1);
    expect((await run(AUDIT, deferring)).stdout).toBe('FROM THE RECORDING\n');
  });

  it('goes when civsam writes the folder (the snapshot written again): nothing it held stays in the cache', async () => {
    const { dir, cache, run } = setup();
    await run(AUDIT);
    await run(AUDIT);
    expect(recordings(cache)).toHaveLength(1);
    const edit = await run(['agreement', 'edit', 'a1', '--notes', 'Ny note', '--no-commit']);
    expect(edit.code).toBe(0);
    expect(recordings(cache)).toEqual([]);
    expect(readdirSync(cache).filter((n) => n.endsWith('.outputs'))).toEqual([]);
  });

  it('is never made or used with --output, --no-cache or CIVSAM_NO_CACHE', async () => {
    const { dir, cache, run } = setup();
    const out = join(makeFolder({}), 'rapport.md');
    for (let i = 0; i < 3; i++) await run([...AUDIT, '--output', out]);
    for (let i = 0; i < 3; i++) await run(['overview', 'offers', '--as-of', '2026-11-01', '--no-cache']);
    for (let i = 0; i < 3; i++) await run(AUDIT, { env: { CIVSAM_NO_CACHE: '1' } });
    expect(recordings(cache)).toEqual([]);
    expect(existsSync(out)).toBe(true);
  });

  it('keeps the order of what went to each stream, and a folder with errors says so again', async () => {
    const { dir, cache, run } = setup();
    writeFileSync(join(dir, 'organisations/gamma.yaml'), 'id: gamma\nname: [Gamma\n');
    const args = ['overview', 'offers', '--as-of', '2026-11-01'];
    const fresh = await civsam([...args, '--data', dir]);
    expect(fresh.stderr).not.toBe(''); // the file left out is said on stderr
    await run(args);
    await run(args);
    expect(recordings(cache)).toHaveLength(1);
    const [file] = recordings(cache);
    const recorded = readRecording(join(file, '..'), ...nameParts(file));
    expect(recorded?.parts.map((p) => p.stream)).toEqual([1, 0]);
    expect(await run(args)).toEqual(fresh);
  });

  it('is ignored when it is broken, cut short or not an ordinary file: the run works it out', async () => {
    const { dir, cache, run } = setup();
    const fresh = await civsam([...AUDIT, '--data', dir]);
    await run(AUDIT);
    await run(AUDIT);
    const [file] = recordings(cache);
    const whole = readFileSync(file);
    const broken: Buffer[] = [
      whole.subarray(0, whole.length - 1), // cut short
      Buffer.concat([whole.subarray(0, whole.length - 2), Buffer.from('xx')]), // a byte gone bad
      Buffer.from('civsam-output/1\n{"exit":0,"parts":[[0,3]],"crc":0}\nabc'), // a CRC that does not fit
      Buffer.from('civsam-output/9\n'), // another format
      Buffer.alloc(0),
    ];
    for (const bytes of broken) {
      writeFileSync(file, bytes);
      expect(await run(AUDIT)).toEqual(fresh);
    }
    // A named pipe where the recording was: never waited on.
    rmSync(file);
    expect(spawnSync('mkfifo', [file]).status).toBe(0);
    expect(await run(AUDIT)).toEqual(fresh);
  });
});

function nameParts(file: string): [string, string] {
  const name = file.slice(file.lastIndexOf('/') + 1);
  const dash = name.indexOf('-');
  return [name.slice(0, dash), name.slice(dash + 1)];
}

describe('where the cache is', () => {
  it('never inside the data folder: a relative cache folder is ignored (as XDG says), one inside the data folder is not used', async () => {
    const dir = folder();
    const home = makeFolder({});
    const fresh = await civsam([...AUDIT, '--data', dir]);
    const env = { CIVSAM_NO_CACHE: undefined, CIVSAM_SNAPSHOT_RACY_MS: '5', XDG_CACHE_HOME: home };
    // Standing in the data folder, a relative CIVSAM_CACHE_DIR: the user's cache folder is used instead.
    for (let i = 0; i < 2; i++) expect(await civsam(AUDIT, { cwd: dir, env: { ...env, CIVSAM_CACHE_DIR: 'kache' } })).toEqual({ ...fresh });
    expect(existsSync(join(dir, 'kache'))).toBe(false);
    expect(readdirSync(join(home, 'civsam')).some((n) => n.endsWith('.snapshot'))).toBe(true);
    // A cache folder given inside the data folder: the command works without one, and writes nothing there.
    rmSync(join(home, 'civsam'), { recursive: true });
    for (let i = 0; i < 2; i++) expect(await civsam([...AUDIT, '--data', dir], { env: { ...env, CIVSAM_CACHE_DIR: join(dir, 'kache') } })).toEqual(fresh);
    expect(existsSync(join(dir, 'kache'))).toBe(false);
    expect(existsSync(join(home, 'civsam'))).toBe(false);
  });
});

describe('what a recording is kept by', () => {
  it('holds every environment variable the source reads', () => {
    const read = new Set<string>();
    const walk = (dir: string): void => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, e.name);
        if (e.isDirectory()) walk(path);
        else if (e.name.endsWith('.ts')) {
          const text = readFileSync(path, 'utf8');
          for (const m of text.matchAll(/\benv(?:\.|\[')([A-Z][A-Z0-9_]*)/g)) read.add(m[1]);
          // Names read from a list (the locale variables).
          for (const m of text.matchAll(/'((?:LC|LANG)[A-Z_]*)'/g)) read.add(m[1]);
        }
      }
    };
    walk(join(ROOT, 'src'));
    read.delete('GIT_TERMINAL_PROMPT'); // set for git, not read
    expect(read.size).toBeGreaterThan(10);
    expect([...read].filter((name) => !ENVIRONMENT_READ.includes(name)).sort()).toEqual([]);
  });
});

describe("publish's audit counts kept with the snapshot", () => {
  it('are taken again for an unchanged folder and the same date, and worked out again otherwise', async () => {
    const { dir, cache, run } = setup();
    const site = () => join(makeFolder({}), 'site');
    const publish = (asOf: string) => run(['publish', '--out', site(), '--as-of', asOf]);
    const fresh = await civsam(['publish', '--data', dir, '--out', site(), '--as-of', '2026-11-01']);
    expect(fresh.stderr).toContain('1 finding');
    await publish('2026-11-01');
    const firstLine = (text: string) => text.slice(0, text.indexOf('\n'));
    expect(firstLine((await publish('2026-11-01')).stderr)).toBe(firstLine(fresh.stderr)); // kept now
    const [file] = recordings(cache);
    expect(file).toBeDefined();
    // Counts put in its place are what the next publish says: they are taken, not worked out.
    const [generation, key] = nameParts(file);
    writeRecording(join(file, '..'), generation, key, [{ stream: 0, texts: [JSON.stringify({ asOf: '2026-11-01', findings: 7, errors: 0, warnings: 7, byRule: {} })] }], 0);
    expect((await publish('2026-11-01')).stderr).toContain('7 findings');
    // Another date, or a value that is not a summary, is worked out again.
    expect((await publish('2026-11-02')).stderr).toContain('1 finding');
    writeRecording(join(file, '..'), generation, key, [{ stream: 0, texts: ['{"findings":"many"}'] }], 0);
    expect((await publish('2026-11-01')).stderr).toContain('1 finding');
  });
});
