// Ctrl-C (SIGINT) and SIGTERM while an import writes. Before, a Ctrl-C after about a hundred
// renames left part of the records written and uncommitted, thousands of hidden temporary files
// holding contact data, and the lock; the same import then refused the rows already written.
// Now: before the first rename the import stops with nothing changed (temporary files removed, lock
// released, exit 130 or 143); once the renames have begun it finishes the batch and commits it; a
// second Ctrl-C stops at once and says how much is written; the same import run again finishes the
// job with exit 0.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, watch } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { readFolder } from '../../src/store/load-folder.js';
import { checkFolder } from '../../src/validate/check-folder.js';
import { baseFiles, makeFolder, org, type Files } from '../helpers/folder.js';
import { BIN } from '../helpers/cli.js';

// Enough files that putting them in place takes well over the moment between two Ctrl-Cs and the
// writer's turns at the event loop (25 ms), on a fast machine too: 600 were placed before a second
// Ctrl-C was heard there.
const CHANGED = 150;
const CREATED = 1850;
const GIT = { GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 'test@example.org', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 'test@example.org' };
const ENV = { NO_COLOR: '1', CIVSAM_NO_CACHE: '1', LANG: 'C.UTF-8', CIVSAM_LANG: 'en', CIVSAM_DEBUG: '1', ...GIT };

const pad = (i: number) => String(i).padStart(4, '0');
function oldFiles(): Files {
  const files: Files = { ...baseFiles() };
  for (let i = 0; i < CHANGED; i++) files[`organisations/forening-${pad(i)}.yaml`] = org(`forening-${pad(i)}`, `Forening ${pad(i)}`, undefined, 'website: https://old.example\n');
  return files;
}
// The existing organisations get a new website; new ones (without an id: named by the import) are created.
const CSV = ['id,name,kind,areas,patient_groups,municipalities,status,website',
  ...Array.from({ length: CHANGED }, (_, i) => `forening-${pad(i)},Forening ${pad(i)},patient-association,psychiatry,depression,aarhus,active,https://new-${i}.example`),
  ...Array.from({ length: CREATED }, (_, i) => `,Nyforening ${pad(i)},volunteer-organisation,psychiatry,angst,randers,active,https://ny-${i}.example`),
].join('\n') + '\n';
const csvFile = () => join(makeFolder({ 'import.csv': CSV }), 'import.csv');

interface Run { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }

/**
 * Runs the import in `dir`, sending `signals` when the record folder first changes (`writing`: the
 * first temporary file) or when the first record file is put in place (`placing`).
 */
function importInto(dir: string, csv: string, send?: { at: 'writing' | 'placing'; signals: NodeJS.Signals[] }, git = false): Promise<Run> {
  return new Promise((resolve) => {
    const args = [BIN, '--data', dir, 'import', 'organisations', csv, '--update', ...(git ? [] : ['--no-commit'])];
    const child = spawn(process.execPath, args, { env: { ...process.env, ...ENV }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    let sent = false;
    const watcher = watch(join(dir, 'organisations'), (_event, name) => {
      if (!send || sent || !name) return;
      const placed = !name.startsWith('.') && name.startsWith('nyforening');
      if (send.at === 'writing' || placed) {
        sent = true;
        // A few milliseconds apart, as two presses of Ctrl-C are: a signal sent while the same one
        // is still pending is merged into it by the system.
        send.signals.forEach((s, i) => (i === 0 ? child.kill(s) : setTimeout(() => child.kill(s), 10 * i)));
      }
    });
    // A folder the watcher walks may go while it looks (the writer's temporary files and folders): not the test's failure.
    watcher.on('error', () => {});
    child.on('close', (code, signal) => {
      watcher.close();
      resolve({ code, signal, stdout, stderr });
    });
  });
}

/** Every record file's text, by name (the new records' names come from the import). */
function records(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(join(dir, 'organisations')).filter((n) => !n.startsWith('.')).sort().map((n) => [n, readFileSync(join(dir, 'organisations', n), 'utf8')]));
}
const hiddenIn = (dir: string) => [...readdirSync(join(dir, 'organisations')), ...readdirSync(dir)].filter((n) => n.startsWith('.') && n !== '.git');
const errorsIn = (dir: string) => checkFolder(readFolder(dir)).problems.filter((p) => p.severity === 'error');
const git = (dir: string, ...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, ...GIT } });

/** The folder before, and after a complete import (the texts every interrupted run must end in, old or new). */
let before: Record<string, string>;
let after: Record<string, string>;
beforeAll(async () => {
  const dir = makeFolder(oldFiles());
  before = records(dir);
  const r = await importInto(dir, csvFile());
  expect(r.code, r.stderr).toBe(0);
  after = records(dir);
});

describe('stopping an import', () => {
  test('Ctrl-C or SIGTERM before the first rename: nothing changed, temporary files and lock gone, exit 130 or 143', async () => {
    for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
      const dir = makeFolder(oldFiles());
      const r = await importInto(dir, csvFile(), { at: 'writing', signals: [signal] });
      expect({ code: r.code, signal: r.signal }, r.stderr).toEqual({ code, signal: null });
      expect(r.stderr).toContain('error: stopped at your request before anything was written; the data folder is as it was.\n');
      expect(r.stdout).toBe('');
      expect(records(dir)).toEqual(before);
      expect(hiddenIn(dir)).toEqual([]);
    }
  });

  test('Ctrl-C once the renames have begun: the import is finished and committed, then it exits 130', async () => {
    const dir = makeFolder(oldFiles());
    git(dir, 'init', '-q');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', 'start');
    const r = await importInto(dir, csvFile(), { at: 'placing', signals: ['SIGINT'] }, true);
    expect({ code: r.code, signal: r.signal }, r.stderr).toEqual({ code: 130, signal: null });
    expect(r.stderr).toMatch(/Asked to stop: civsam is finishing the change it has begun to put in place \([\d,]+ of 2,000 files so far\), so that the folder is not left with half of it\. Press Ctrl-C again to stop at once\.\n/);
    expect(r.stderr).toContain('Asked to stop: the change was finished and recorded in the history first.\n');
    expect(r.stdout).toBe('Imported organisations: 1,850 created, 150 updated, 0 unchanged.\nDefaults used: registered set to today (1,850 rows).\n');
    expect(records(dir)).toEqual(after);
    expect(hiddenIn(dir)).toEqual([]);
    expect(git(dir, 'status', '--porcelain')).toBe('');
    expect(git(dir, 'log', '--format=%s')).toMatch(/^organisation: 1\.850 oprettet, 150 ændret/);
  });

  test('Ctrl-C twice once the renames have begun: it stops where it is and says so; every file is old or new; the same import run again finishes the job', async () => {
    const dir = makeFolder(oldFiles());
    const csv = csvFile();
    const r = await importInto(dir, csv, { at: 'placing', signals: ['SIGINT', 'SIGINT'] });
    expect({ code: r.code, signal: r.signal }, r.stderr).toEqual({ code: 130, signal: null });
    const stopped = /error: stopped at your request with ([\d,]+) of the change's 2,000 files written; the others were left as they were \(every file is whole, old or new\) and nothing was committed to git\. Run the same command again to finish the job \(civsam validate and git status show where the folder stands\)\.\n/.exec(r.stderr);
    expect(stopped, r.stderr).not.toBeNull();
    const written = Number(stopped![1].replace(/,/g, ''));
    expect(written).toBeGreaterThan(0);
    expect(written).toBeLessThan(2000);
    const now = records(dir);
    let news = 0;
    for (const [name, text] of Object.entries(now)) {
      if (text === before[name]) continue;
      expect(text, name).toBe(after[name]);
      news++;
    }
    expect(news).toBe(written);
    expect(hiddenIn(dir)).toEqual([]);
    expect(errorsIn(dir)).toEqual([]);

    // The same import again: the rows already in are recognised (the new records by their data,
    // under the names they were given), the rest is written, and it ends as a complete import does.
    const again = await importInto(dir, csv);
    expect(again.code, again.stderr).toBe(0);
    expect(records(dir)).toEqual(after);
    expect(hiddenIn(dir)).toEqual([]);
    expect(existsSync(join(dir, '.civsam.lock'))).toBe(false);
  });

  test('an import stopped the old way (the process killed part-way) is finished by running it again without --update', async () => {
    // The first half of the new records is in, as a killed import leaves it; the rest is not.
    const full = makeFolder(baseFiles());
    // The header and the first 450 new organisations.
    const csv = join(makeFolder({ 'import.csv': CSV.split('\n').filter((l, i) => i === 0 || l.startsWith(',')).slice(0, 451).join('\n') + '\n' }), 'import.csv');
    const complete = await new Promise<Run>((resolve) => {
      const child = spawn(process.execPath, [BIN, '--data', full, 'import', 'organisations', csv, '--no-commit'], { env: { ...process.env, ...ENV } });
      let stderr = '';
      child.stderr.on('data', (d) => { stderr += d; });
      child.on('close', (code, signal) => resolve({ code, signal, stdout: '', stderr }));
    });
    expect(complete.code, complete.stderr).toBe(0);
    const whole = records(full);
    const dir = makeFolder(baseFiles());
    cpSync(join(full, 'organisations'), join(dir, 'organisations'), { recursive: true, filter: (src) => !/nyforening-0(2|3|4)\d\d/.test(src) });
    expect(Object.keys(records(dir)).length).toBe(1 + 200);
    const again = execFileSync(process.execPath, [BIN, '--data', dir, 'import', 'organisations', csv, '--no-commit'], { env: { ...process.env, ...ENV }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(again).toBe('Imported organisations: 250 created, 0 updated, 200 unchanged.\nDefaults used: registered set to today (250 rows).\n');
    expect(records(dir)).toEqual(whole);
  });
});
