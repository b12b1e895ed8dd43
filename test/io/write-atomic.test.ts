// The pieces of a safe write: the folder lock (waiting, taking over an abandoned lock, a stalled
// holder finding it has lost the lock) and the replace that compares just before it renames.
import { existsSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { acquireFolderLock, LOCK_FILE, lockState } from '../../src/store/folder-lock.js';
import { removeFile, replaceFile, snapshot } from '../../src/store/atomic-file.js';
import type { Message } from '../../src/i18n/index.js';
import { translate } from '../../src/i18n/index.js';
import { makeFolder } from '../helpers/folder.js';

const owner = (pid: number, host = hostname(), since = '2026-01-01T00:00:00.000Z') => JSON.stringify({ pid, host, since, token: 'theirs' });

describe('the folder lock', () => {
  test('taken and released; a second taker waits until then', () => {
    const dir = makeFolder({});
    const lock = acquireFolderLock(dir);
    expect(lockState(dir).state).toBe('held');
    expect(lock.stillHeld()).toBe(true);
    expect(() => acquireFolderLock(dir, { maxWaitMs: 50 })).toThrow(expect.objectContaining({ userMessage: { key: 'lock.busy', params: { seconds: 0 } } }));
    lock.release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    acquireFolderLock(dir).release();
    expect(readdirSync(dir)).toEqual([]); // no temporary file left by taking it
  });

  test('a lock whose holder died on this computer is taken over at once, with a message', () => {
    const dir = makeFolder({ [LOCK_FILE]: owner(99999999) });
    const messages: Message[] = [];
    const lock = acquireFolderLock(dir, { onTakeover: (m) => messages.push(m), maxWaitMs: 1000 });
    expect(messages.map((m) => translate('en', m.key, m.params))).toEqual(['Took over the data folder\'s lock: the civsam that held it on this computer is no longer running (it was stopped before it finished).']);
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
    lock.release();
  });

  test('a lock from another computer is honoured for its lifetime, then taken over', () => {
    const dir = makeFolder({ [LOCK_FILE]: owner(1, 'fileserver-7') });
    expect(() => acquireFolderLock(dir, { maxWaitMs: 30 })).toThrow();
    const old = (Date.now() - 31_000) / 1000;
    utimesSync(join(dir, LOCK_FILE), old, old);
    const messages: Message[] = [];
    acquireFolderLock(dir, { onTakeover: (m) => messages.push(m) }).release();
    expect(messages).toHaveLength(1);
    expect(translate('da', messages[0].key, messages[0].params)).toMatch(/^Overtog datamappens lås efter 3\d s: den civsam, der havde den på computeren fileserver-7, blev ikke færdig i tide\. Hvis dens skrivning alligevel kommer, bliver den afvist\.$/);
  });

  test('a writer that waits for another says so once, after a second, with how long it may take', () => {
    const dir = makeFolder({});
    const holder = acquireFolderLock(dir);
    const waits: Message[] = [];
    expect(() => acquireFolderLock(dir, { onWait: (m) => waits.push(m), maxWaitMs: 2500 })).toThrow();
    expect(waits).toHaveLength(1);
    expect(translate('da', waits[0].key, waits[0].params)).toMatch(/^Venter på, at en anden ændring af datamappen bliver færdig \(højst omkring 2\d sekunder mere\) … Ctrl-C holder op med at vente; intet er ændret endnu\.$/);
    holder.release();
  });

  test('a process that exits without releasing its lock (its reader went away) removes it', () => {
    const dir = makeFolder({});
    const script = `import('${pathToFileURL(join(ROOT, 'dist/store/folder-lock.js')).href}').then(({ acquireFolderLock }) => { acquireFolderLock(${JSON.stringify(dir)}); process.exit(0); });`;
    expect(spawnSync(process.execPath, ['-e', script]).status).toBe(0);
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });

  test('a holder that stalled past the lifetime finds its lock gone and must not write', () => {
    const dir = makeFolder({ 'a.yaml': 'id: a\n' });
    const stalled = acquireFolderLock(dir);
    const before = snapshot(join(dir, 'a.yaml'));
    // It stalls; the lock grows old; another writer takes over and writes.
    const old = (Date.now() - 40_000) / 1000;
    utimesSync(join(dir, LOCK_FILE), old, old);
    const other = acquireFolderLock(dir, { onTakeover: () => {} });
    expect(replaceFile(join(dir, 'a.yaml'), 'id: a\nnotes: other\n', before, { stillHeld: () => other.stillHeld() })).toEqual({ ok: true });
    // The stalled holder wakes up: refused, and the other writer's change stands.
    expect(stalled.stillHeld()).toBe(false);
    expect(replaceFile(join(dir, 'a.yaml'), 'id: a\nnotes: stalled\n', before, { stillHeld: () => stalled.stillHeld() })).toEqual({ ok: false, reason: 'lock-lost' });
    // Even if it had not checked the lock, the compare before the rename stops it.
    expect(replaceFile(join(dir, 'a.yaml'), 'id: a\nnotes: stalled\n', before)).toEqual({ ok: false, reason: 'changed-since-read' });
    stalled.release(); // does not remove the other writer's lock
    expect(other.stillHeld()).toBe(true);
    other.release();
    expect(readFileSync(join(dir, 'a.yaml'), 'utf8')).toBe('id: a\nnotes: other\n');
    expect(readdirSync(dir).sort()).toEqual(['a.yaml']);
  });
});

describe('replacing a file', () => {
  test('writes the new text, a new file with group-only permissions, and leaves no temporary file', () => {
    const dir = makeFolder({ 'a.yaml': 'old\n' });
    expect(replaceFile(join(dir, 'a.yaml'), 'new\n', snapshot(join(dir, 'a.yaml')))).toEqual({ ok: true });
    expect(readFileSync(join(dir, 'a.yaml'), 'utf8')).toBe('new\n');
    expect(replaceFile(join(dir, 'b.yaml'), 'new\n', snapshot(join(dir, 'b.yaml')))).toEqual({ ok: true });
    expect(statSync(join(dir, 'b.yaml')).mode & 0o007).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['a.yaml', 'b.yaml']);
  });

  test('a file changed since it was read is not overwritten', () => {
    const dir = makeFolder({ 'a.yaml': 'old\n' });
    const seen = snapshot(join(dir, 'a.yaml'));
    writeFileSync(join(dir, 'a.yaml'), 'someone else\n');
    expect(replaceFile(join(dir, 'a.yaml'), 'mine\n', seen)).toEqual({ ok: false, reason: 'changed-since-read' });
    expect(readFileSync(join(dir, 'a.yaml'), 'utf8')).toBe('someone else\n');
    expect(readdirSync(dir)).toEqual(['a.yaml']);
  });

  test('a new file is not created over one that appeared meanwhile; a removal checks too', () => {
    const dir = makeFolder({});
    const seen = snapshot(join(dir, 'b.yaml'));
    writeFileSync(join(dir, 'b.yaml'), 'theirs\n');
    expect(replaceFile(join(dir, 'b.yaml'), 'mine\n', seen)).toEqual({ ok: false, reason: 'changed-since-read' });
    expect(readFileSync(join(dir, 'b.yaml'), 'utf8')).toBe('theirs\n');
    const now = snapshot(join(dir, 'b.yaml'));
    writeFileSync(join(dir, 'b.yaml'), 'changed again\n');
    expect(removeFile(join(dir, 'b.yaml'), now)).toEqual({ ok: false, reason: 'changed-since-read' });
    expect(removeFile(join(dir, 'b.yaml'), snapshot(join(dir, 'b.yaml')))).toEqual({ ok: true });
    expect(readdirSync(dir)).toEqual([]);
  });
});
