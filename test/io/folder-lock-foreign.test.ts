// Something civsam never makes where the lock goes (a dangling link, a folder, a named pipe) used to
// make every write and `civsam doctor` wait for ever. Now it is refused at once, with a message that
// says what it is and what to do, and nothing is left behind.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, symlinkSync, utimesSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { acquireFolderLock, LOCK_FILE, lockState } from '../../src/store/folder-lock.js';
import { translate } from '../../src/i18n/index.js';
import { UserError } from '../../src/domain/errors.js';
import { BIN } from '../helpers/cli.js';
import { baseFiles, makeFolder } from '../helpers/folder.js';

const twoHoursAgo = () => new Date(Date.now() - 2 * 3600_000);

function refusal(dir: string): string {
  try {
    acquireFolderLock(dir, { maxWaitMs: 60_000 }).release();
  } catch (e) {
    if (e instanceof UserError) return translate('en', e.userMessage.key, e.userMessage.params);
    throw e;
  }
  return 'taken';
}

describe('a lock that is not a file', () => {
  test('a dangling link is refused at once, and no temporary file is left', () => {
    const dir = makeFolder({});
    symlinkSync('/nonexistent', join(dir, LOCK_FILE));
    const started = Date.now();
    const lockPath = relative(process.cwd(), join(dir, LOCK_FILE));
    expect(refusal(dir)).toBe(`the data folder's lock ${lockPath.length < join(dir, LOCK_FILE).length ? lockPath : join(dir, LOCK_FILE)} is a link that leads nowhere, which civsam never makes. Check that nobody uses it, remove it and try again.`);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(readdirSync(dir)).toEqual([LOCK_FILE]);
    expect(lockState(dir)).toEqual({ state: 'foreign', kind: 'linkBroken' });
  }, 10_000);

  test('a folder two hours old is refused at once, not taken over and not removed', () => {
    const dir = makeFolder({});
    mkdirSync(join(dir, LOCK_FILE));
    utimesSync(join(dir, LOCK_FILE), twoHoursAgo(), twoHoursAgo());
    expect(refusal(dir)).toMatch(/lock .*\.civsam\.lock is a folder, which civsam never makes/);
    expect(readdirSync(dir)).toEqual([LOCK_FILE]);
  }, 10_000);

  test('a named pipe is refused without blocking on it', () => {
    const dir = makeFolder({});
    expect(spawnSync('mkfifo', [join(dir, LOCK_FILE)]).status).toBe(0);
    expect(refusal(dir)).toMatch(/is a named pipe/);
  }, 10_000);

  test('a link to an ordinary file is refused too: civsam only ever makes a file (near miss: a file is a lock)', () => {
    const dir = makeFolder({ 'other.txt': 'x' });
    symlinkSync('other.txt', join(dir, LOCK_FILE));
    expect(refusal(dir)).toMatch(/is a link, which civsam never makes/);
    const free = makeFolder({});
    expect(refusal(free)).toBe('taken');
  }, 10_000);

  test('civsam doctor and a write both answer within seconds, with the reason, and leave no temporary file', () => {
    const dir = makeFolder(baseFiles());
    symlinkSync('/nonexistent', join(dir, LOCK_FILE));
    const env = { ...process.env, NO_COLOR: '1', CIVSAM_NO_CACHE: '1', LANG: 'C.UTF-8', CIVSAM_LANG: 'en' };
    const doctor = spawnSync(process.execPath, [BIN, 'doctor', '--data', dir], { encoding: 'utf8', timeout: 10_000, env });
    expect(doctor.signal).toBeNull();
    expect(doctor.status).toBe(1);
    // Wrapped at the width wherever the (temporary) path ends: read as one text.
    expect(doctor.stdout.replace(/\n/g, ' ')).toContain(`The lock ${join(dir, LOCK_FILE)} is a link that leads nowhere, which civsam never makes: check that nobody uses it and remove it.`);
    const write = spawnSync(process.execPath, [BIN, 'org', 'edit', 'alpha', '--notes', 'x', '--no-commit', '--data', dir], { encoding: 'utf8', timeout: 10_000, env });
    expect(write.signal).toBeNull();
    expect(write.status).toBe(2);
    expect(write.stderr).toContain('is a link that leads nowhere, which civsam never makes');
    expect(readdirSync(dir).filter((n) => n.startsWith('.civsam'))).toEqual([LOCK_FILE]);
  }, 20_000);
});
