// A disk that fills up, at every point of an edit, an import and an export --output. Before, on a
// nearly full disk `org edit --notes <19,000 characters>` said "Saved" and left an 8,192-byte file
// (the notes cut, the contact block gone) that validate then passed; export --output likewise.
// Here the data folder lives on a small tmpfs mounted by the test; a filler file leaves N bytes free,
// for a range of N from nothing to enough, and after every run each record file must be its old or
// its new content byte for byte, no temporary file or lock may be left, the folder must validate,
// and a run that could not write must not have said it did.
// Where mounting is not possible (not root, or no tmpfs), the same runs go in-process with the
// writer's disk calls given a budget of N bytes, after which writes make no progress (ENOSPC).
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statfsSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { main } from '../../src/cli/main.js';
import { diskCalls } from '../../src/store/atomic-file.js';
import { readFolder } from '../../src/store/load-folder.js';
import { checkFolder } from '../../src/validate/check-folder.js';
import { baseFiles, makeFolder, org, type Files } from '../helpers/folder.js';
import { BIN } from '../helpers/cli.js';

const PAGE = 4096;
const ENV = { NO_COLOR: '1', LANG: 'C.UTF-8', CIVSAM_LANG: 'en', CIVSAM_DEBUG: '1' };

let mount: string | undefined;
let work: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'civsam-full-disk-'));
  // FULL_DISK_INJECT=1 runs the in-process fallback even where a tmpfs could be mounted.
  if (process.getuid?.() !== 0 || process.env.FULL_DISK_INJECT) return;
  const dir = join(work, 'disk');
  mkdirSync(dir);
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', dir], { encoding: 'utf8' });
  if (r.status === 0) mount = dir;
  else console.log(`full-disk test: cannot mount a tmpfs (${(r.stderr || String(r.error)).trim()}); injecting ENOSPC into the writer instead`);
});

afterAll(() => {
  if (mount) spawnSync('umount', [mount]);
  rmSync(work, { recursive: true, force: true });
});

interface Result { code: number; stdout: string; stderr: string }

/** Leaves `room` bytes free on the disk and runs civsam; the filler is removed afterwards. */
async function runWithRoom(room: number, args: string[], env: Record<string, string> = {}): Promise<Result> {
  if (mount) {
    const filler = join(mount, 'filler');
    const st = statfsSync(mount);
    writeFileSync(filler, Buffer.alloc(Math.max(0, st.bavail * st.bsize - room)));
    try {
      const r = spawnSync(process.execPath, [BIN, ...args], { env: { ...process.env, ...ENV, ...env }, encoding: 'utf8' });
      return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
    } finally {
      unlinkSync(filler);
    }
  }
  // In-process: every write of the writer draws on one budget; once it is spent, writes make no progress.
  const realWrite = diskCalls.write;
  let left = room;
  diskCalls.write = (fd, bytes, offset, length) => {
    const n = Math.min(length, left);
    left -= n;
    return n === 0 ? 0 : realWrite(fd, bytes, offset, n);
  };
  let stdout = '';
  let stderr = '';
  const out = (collect: (s: string) => void) => ({ write: collect, isTTY: false, columns: 100 });
  try {
    const code = await main(args, { ...ENV, CIVSAM_NO_CACHE: '1', ...env }, { stdout: out((s) => { stdout += s; }), stderr: out((s) => { stderr += s; }) }, '0');
    return { code, stdout, stderr };
  } finally {
    diskCalls.write = realWrite;
  }
}

/** A folder on the small disk (or, without one, in the ordinary temporary folder). */
function folderOnDisk(name: string, files: Files): string {
  const dir = join(mount ?? work, name);
  cpSync(makeFolder(files), dir, { recursive: true });
  return dir;
}

/** Every file under `dir`, hidden ones included, with its bytes. */
function snapshotOf(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (rel: string) => {
    for (const e of readdirSync(join(dir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(r);
      else out.set(r, readFileSync(join(dir, r)));
    }
  };
  walk('');
  return out;
}

/** Each file is exactly its old or its new content (absent counting as content); no other file exists. Returns how many are new. */
function oldOrNew(dir: string, before: Map<string, Buffer>, after: Map<string, Buffer>, what: string): number {
  const now = snapshotOf(dir);
  const names = new Set([...before.keys(), ...after.keys(), ...now.keys()]);
  let news = 0;
  for (const name of names) {
    const was = before.get(name);
    const will = after.get(name);
    const is = now.get(name);
    const same = (a: Buffer | undefined, b: Buffer | undefined) => (a === undefined ? b === undefined : b !== undefined && a.equals(b));
    if (same(is, was)) continue;
    expect(same(is, will), `${what}: ${name} is neither its old nor its new content`).toBe(true);
    news++;
  }
  return news;
}

const errorsIn = (dir: string) => checkFolder(readFolder(dir)).problems.filter((p) => p.severity === 'error');

/**
 * Free space to leave: nothing, then `steps` even steps up to `most` bytes (whole pages on the tmpfs,
 * which gives out space a page at a time), a few odd sizes, and plenty.
 */
function rooms(most: number, steps: number): number[] {
  const step = mount ? Math.max(1, Math.round(most / steps / PAGE)) * PAGE : Math.ceil(most / steps);
  return [...Array.from({ length: Math.floor(most / step) + 1 }, (_, k) => k * step), 1, PAGE - 1, most + 32 * PAGE];
}

const CONTACT = 'contact:\n  role: Formand\n  name: Kirsten Holm\n  email: kirsten@example.org\n  phone: "+45 12 34 56 78"\n  confirmed: 2026-01-15\n';
const NOTES = 'Mødes hver tirsdag i kælderen under biblioteket, kaffe og samtale. '.repeat(280).trim(); // ~19,000 characters

describe(`a full disk (${'mounted tmpfs, or ENOSPC injected'})`, () => {
  test('org edit with 19,000 characters of notes: the record old or new, never cut; no temporary file, no lock; no "Saved" unless saved', async () => {
    const files: Files = { ...baseFiles(), 'organisations/forening-et.yaml': org('forening-et', 'Forening Et', '12345682', `${CONTACT}notes: Kort note.\n`) };
    // The new content, from the same edit on a disk with room.
    const reference = folderOnDisk('edit-reference', files);
    const args = (dir: string) => ['--data', dir, 'org', 'edit', 'forening-et', '--notes', NOTES, '--no-commit'];
    const ok = await runWithRoom(64 * PAGE, args(reference));
    expect(ok.code, ok.stderr).toBe(0);
    const after = snapshotOf(reference);
    expect(after.get('organisations/forening-et.yaml')!.toString('utf8')).toContain('  phone: "+45 12 34 56 78"');

    const tally = { refused: 0, saved: 0 };
    for (const room of rooms(mount ? 8 * PAGE : 24_000, mount ? 8 : 12)) {
      const dir = folderOnDisk(`edit-${room}`, files);
      const before = snapshotOf(dir);
      // The parse cache on the same disk: its write may fail too, and must leave nothing behind.
      const r = await runWithRoom(room, args(dir), { CIVSAM_CACHE_DIR: join(dir, '..', `cache-${room}`) });
      const news = oldOrNew(dir, before, after, `${room} bytes free`);
      if (r.code === 0) {
        expect(news, r.stderr).toBe(1);
        expect(r.stderr).toContain('Saved');
        tally.saved++;
      } else {
        expect(news, r.stderr).toBe(0);
        expect(r.stderr).not.toContain('Saved');
        tally.refused++;
      }
      expect(errorsIn(dir)).toEqual([]);
      const cache = join(dir, '..', `cache-${room}`);
      if (existsSync(cache)) expect(readdirSync(cache).filter((n) => n.endsWith('.tmp'))).toEqual([]);
      rmSync(cache, { recursive: true, force: true });
      rmSync(dir, { recursive: true, force: true });
    }
    console.log(`full-disk edit: ${tally.refused} runs refused (file old), ${tally.saved} saved (file new)`);
    expect(tally.refused).toBeGreaterThan(2);
    expect(tally.saved).toBeGreaterThan(0);
  }, 600_000);

  test('an import of 40 records (20 changed, 20 created): every file old or new, nothing half written, no temporary file or lock', async () => {
    const files: Files = { ...baseFiles() };
    for (let i = 0; i < 20; i++) files[`organisations/forening-${i}.yaml`] = org(`forening-${i}`, `Forening ${i}`, undefined, `${CONTACT}website: https://old.example\n`);
    const csv = join(work, 'import.csv');
    writeFileSync(csv, ['id,name,kind,areas,patient_groups,municipalities,status,website,notes',
      ...Array.from({ length: 20 }, (_, i) => `forening-${i},Forening ${i},patient-association,psychiatry,depression,aarhus,active,https://new-${i}.example,Opdateret fra regnearket`),
      ...Array.from({ length: 20 }, (_, i) => `ny-${i},Ny forening ${i},volunteer-organisation,psychiatry,angst,randers,active,https://ny-${i}.example,Ny i regnearket`),
    ].join('\n') + '\n');
    const args = (dir: string) => ['--data', dir, 'import', 'organisations', csv, '--update', '--no-commit'];
    const reference = folderOnDisk('import-reference', files);
    const ok = await runWithRoom(128 * PAGE, args(reference), { CIVSAM_NO_CACHE: '1' });
    expect(ok.code, ok.stderr).toBe(0);
    const after = snapshotOf(reference);

    const tally = { refused: 0, imported: 0 };
    for (const room of rooms(mount ? 44 * PAGE : 24_000, mount ? 22 : 24)) {
      const dir = folderOnDisk(`import-${room}`, files);
      const before = snapshotOf(dir);
      const r = await runWithRoom(room, args(dir), { CIVSAM_NO_CACHE: '1' });
      const news = oldOrNew(dir, before, after, `${room} bytes free`);
      if (r.code === 0) {
        expect(news, r.stderr).toBe(40);
        expect(r.stdout).toMatch(/^Imported organisations: 20 created, 20 updated, 0 unchanged\.\n/);
        tally.imported++;
      } else {
        // The disk fills while the temporary files are written, before the first rename: nothing changed.
        expect(news, r.stderr).toBe(0);
        expect(r.stdout).toBe('');
        expect(r.stderr).not.toMatch(/Wrote|Saved|Imported/);
        tally.refused++;
      }
      expect(errorsIn(dir)).toEqual([]);
      rmSync(dir, { recursive: true, force: true });
    }
    console.log(`full-disk import: ${tally.refused} runs refused (every file old), ${tally.imported} imported (every file new)`);
    expect(tally.refused).toBeGreaterThan(10);
    expect(tally.imported).toBeGreaterThan(0);
  }, 600_000);

  test('export --output over an existing file: the old file or the whole new one, never a cut one', async () => {
    const files: Files = { ...baseFiles() };
    for (let i = 0; i < 60; i++) files[`organisations/forening-${i}.yaml`] = org(`forening-${i}`, `Forening ${i}`, undefined, `${CONTACT}notes: ${'En lang note om foreningens arbejde. '.repeat(8).trim()}\n`);
    const dir = folderOnDisk('export', files);
    const out = join(mount ?? work, 'export-out', 'organisations.csv');
    mkdirSync(join(out, '..'), { recursive: true });
    // Over an existing file, which export replaces only when told to.
    const args = ['--data', dir, 'export', 'organisations', '--output', out, '--overwrite'];
    const ok = await runWithRoom(64 * PAGE, args, { CIVSAM_NO_CACHE: '1' });
    expect(ok.code, ok.stderr).toBe(0);
    const whole = readFileSync(out);
    expect(whole.length).toBeGreaterThan(3 * PAGE);
    writeFileSync(out, 'the old export\n');
    const tally = { refused: 0, written: 0 };
    for (const room of rooms(mount ? 6 * PAGE : 20_000, mount ? 6 : 10)) {
      const r = await runWithRoom(room, args, { CIVSAM_NO_CACHE: '1' });
      const now = readFileSync(out);
      if (r.code === 0) {
        expect(now.equals(whole)).toBe(true);
        tally.written++;
        writeFileSync(out, 'the old export\n');
      } else {
        expect(now.toString('utf8')).toBe('the old export\n');
        expect(r.stderr).not.toMatch(/Wrote/);
        tally.refused++;
      }
      expect(readdirSync(join(out, '..'))).toEqual(['organisations.csv']);
    }
    console.log(`full-disk export: ${tally.refused} runs refused (old file kept), ${tally.written} written whole`);
    expect(tally.refused).toBeGreaterThan(2);
    expect(tally.written).toBeGreaterThan(0);
  }, 600_000);
});

test('the folder is on the small disk when the test could mount one', () => {
  if (!mount) return;
  const mounts = execFileSync('cat', ['/proc/mounts'], { encoding: 'utf8' });
  expect(mounts).toContain(` ${mount} tmpfs `);
  expect(existsSync(mount)).toBe(true);
});
