// Many files in one change (an import): replaceFiles writes every temporary file, flushes them all,
// checks every target before the first rename and again just before each one. A refusal found
// before the first rename writes nothing; one found part-way says how many files are already new;
// the lock is kept fresh; the folder snapshot never serves a replaced file's old data.
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Chalk } from 'chalk';
import { describe, expect, test } from 'vitest';
import { replaceFiles, snapshot, type BatchFile } from '../../src/store/atomic-file.js';
import { acquireFolderLock, LOCK_FILE } from '../../src/store/folder-lock.js';
import { readFolder } from '../../src/store/load-folder.js';
import { openParseCache } from '../../src/store/parse-cache.js';
import { applyChange } from '../../src/register/apply-change.js';
import type { CommandContext } from '../../src/context/context.js';
import { translate, type MessageKey, type MessageParams } from '../../src/i18n/index.js';
import { baseFiles, makeFolder, org } from '../helpers/folder.js';

/** Every file under dir (hidden ones too), with its text. */
function contents(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string) => {
    for (const e of readdirSync(join(dir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(r);
      else out[r] = readFileSync(join(dir, r), 'utf8');
    }
  };
  walk('');
  return out;
}

/** The batch of the tests below: a.yaml and b.yaml replaced, c.yaml removed, new/d.yaml created. */
function threeKinds(dir: string): BatchFile[] {
  return [
    { target: join(dir, 'a.yaml'), bytes: Buffer.from('id: a\nnotes: new a\n'), expected: snapshot(join(dir, 'a.yaml')) },
    { target: join(dir, 'b.yaml'), bytes: Buffer.from('id: b\nnotes: new b\n'), expected: snapshot(join(dir, 'b.yaml')) },
    { target: join(dir, 'c.yaml'), expected: snapshot(join(dir, 'c.yaml')) },
    { target: join(dir, 'new', 'd.yaml'), bytes: Buffer.from('id: d\n'), expected: snapshot(join(dir, 'new', 'd.yaml')) },
  ];
}
const OLD = { 'a.yaml': 'id: a\n', 'b.yaml': 'id: b\n', 'c.yaml': 'id: c\n' };

describe('a batch of files', () => {
  test('replaces, removes and creates every file (new ones group-only, replaced ones keeping their permissions) and leaves no temporary file', async () => {
    const dir = makeFolder(OLD);
    chmodSync(join(dir, 'a.yaml'), 0o600);
    chmodSync(join(dir, 'b.yaml'), 0o664);
    expect(await replaceFiles(threeKinds(dir))).toEqual({ ok: true });
    expect(contents(dir)).toEqual({ 'a.yaml': 'id: a\nnotes: new a\n', 'b.yaml': 'id: b\nnotes: new b\n', 'new/d.yaml': 'id: d\n' });
    expect(statSync(join(dir, 'new', 'd.yaml')).mode & 0o007).toBe(0);
    expect(statSync(join(dir, 'a.yaml')).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'b.yaml')).mode & 0o777).toBe(0o664);
  });

  test('refused when one file was changed by someone else after it was read: nothing is written', async () => {
    const dir = makeFolder(OLD);
    const batch = threeKinds(dir);
    writeFileSync(join(dir, 'b.yaml'), 'id: b\nnotes: theirs\n');
    expect(await replaceFiles(batch)).toEqual({ ok: false, reason: 'changed-since-read', index: 1, placed: 0 });
    // a.yaml (before b.yaml in the batch) is untouched too, c.yaml not removed, new/d.yaml not made.
    expect(contents(dir)).toEqual({ ...OLD, 'b.yaml': 'id: b\nnotes: theirs\n' });
  });

  test('refused when a file it would create was created by someone else meanwhile: nothing is written', async () => {
    const dir = makeFolder(OLD);
    const batch = threeKinds(dir);
    mkdirSync(join(dir, 'new'));
    writeFileSync(join(dir, 'new', 'd.yaml'), 'id: d\nnotes: theirs\n');
    expect(await replaceFiles(batch)).toEqual({ ok: false, reason: 'changed-since-read', index: 3, placed: 0 });
    expect(contents(dir)).toEqual({ ...OLD, 'new/d.yaml': 'id: d\nnotes: theirs\n' });
  });

  test('refused when a file it would remove was changed by someone else meanwhile: nothing is written', async () => {
    const dir = makeFolder(OLD);
    const batch = threeKinds(dir);
    writeFileSync(join(dir, 'c.yaml'), 'id: c\nnotes: theirs\n');
    expect(await replaceFiles(batch)).toEqual({ ok: false, reason: 'changed-since-read', index: 2, placed: 0 });
    expect(contents(dir)).toEqual({ ...OLD, 'c.yaml': 'id: c\nnotes: theirs\n' });
  });

  test('refused when the lock was taken over before the first rename: nothing is written', async () => {
    const dir = makeFolder(OLD);
    expect(await replaceFiles(threeKinds(dir), { stillHeld: () => false })).toEqual({ ok: false, reason: 'lock-lost', index: 0, placed: 0 });
    expect(contents(dir)).toEqual(OLD);
  });

  test('a change by someone else in the moment between the checks and a rename stops the batch there', async () => {
    const dir = makeFolder(OLD);
    const batch = threeKinds(dir);
    // Someone saves b.yaml just after a.yaml is in place: a.yaml is new, b.yaml keeps their text,
    // c.yaml and new/d.yaml are left as they were, and no temporary file remains.
    const outcome = await replaceFiles(batch, { onPlaced: (i) => { if (i === 0) writeFileSync(join(dir, 'b.yaml'), 'id: b\nnotes: theirs\n'); } });
    expect(outcome).toEqual({ ok: false, reason: 'changed-since-read', index: 1, placed: 1 });
    expect(contents(dir)).toEqual({ 'a.yaml': 'id: a\nnotes: new a\n', 'b.yaml': 'id: b\nnotes: theirs\n', 'c.yaml': 'id: c\n' });
  });

  test('a lock lost part-way stops the batch before the next rename', async () => {
    const dir = makeFolder(OLD);
    let held = true;
    const outcome = await replaceFiles(threeKinds(dir), { stillHeld: () => held, onPlaced: (i) => { if (i === 1) held = false; } });
    expect(outcome).toEqual({ ok: false, reason: 'lock-lost', index: 2, placed: 2 });
    expect(contents(dir)).toEqual({ 'a.yaml': 'id: a\nnotes: new a\n', 'b.yaml': 'id: b\nnotes: new b\n', 'c.yaml': 'id: c\n' });
  });

  test('a failure while writing the temporary files removes those already written and changes nothing', async () => {
    // The second target's folder cannot be made (a file stands where it would go).
    const dir = makeFolder({ ...OLD, blocked: 'not a folder\n' });
    const batch: BatchFile[] = [
      { target: join(dir, 'a.yaml'), bytes: Buffer.from('id: a\nnotes: new\n'), expected: snapshot(join(dir, 'a.yaml')) },
      { target: join(dir, 'blocked', 'x.yaml'), bytes: Buffer.from('id: x\n'), expected: { exists: false } },
    ];
    await expect(replaceFiles(batch)).rejects.toMatchObject({ code: expect.stringMatching(/^(EEXIST|ENOTDIR)$/) });
    expect(contents(dir)).toEqual({ ...OLD, blocked: 'not a folder\n' });
  });

  test('keeps the folder\'s lock fresh while it works, so a long import is not taken for a stall', async () => {
    const dir = makeFolder(OLD);
    const lock = acquireFolderLock(dir);
    // The lock looks 25 s old (its lifetime is 30 s) when the batch starts.
    const old = (Date.now() - 25_000) / 1000;
    utimesSync(join(dir, LOCK_FILE), old, old);
    let calls = 0;
    expect(await replaceFiles(threeKinds(dir), {
      stillHeld: () => lock.stillHeld(),
      keepAlive: () => { calls++; lock.refresh(); },
      keepAliveEveryMs: 0,
    })).toEqual({ ok: true });
    expect(calls).toBeGreaterThanOrEqual(4);
    expect(Date.now() - statSync(join(dir, LOCK_FILE)).mtimeMs).toBeLessThan(20_000);
    lock.release();
  });

  test('many files in several folders: every one written, none left over', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 300; i++) files[`f${i % 3}/r${i}.yaml`] = `id: r${i}\n`;
    const dir = makeFolder(files);
    const batch: BatchFile[] = [];
    for (let i = 0; i < 450; i++) {
      const target = join(dir, `f${i % 3}`, `r${i}.yaml`);
      batch.push({ target, bytes: Buffer.from(`id: r${i}\nnotes: ${'x'.repeat(i)}\n`), expected: snapshot(target) });
    }
    expect(await replaceFiles(batch, { concurrency: 16 })).toEqual({ ok: true });
    const after = contents(dir);
    expect(Object.keys(after)).toHaveLength(450);
    for (let i = 0; i < 450; i++) expect(after[`f${i % 3}/r${i}.yaml`]).toBe(`id: r${i}\nnotes: ${'x'.repeat(i)}\n`);
  });

  test('the folder snapshot never serves a replaced file\'s old data, even when its size is the same', async () => {
    const files: Record<string, string> = { ...baseFiles() };
    for (let i = 0; i < 20; i++) files[`organisations/o${i}.yaml`] = org(`o${i}`, `Forening ${i}`, undefined, 'notes: aaaa\n');
    const dir = makeFolder(files);
    const cacheDir = makeFolder({});
    // No racy window: the files were written a moment ago and are to be kept all the same.
    const env = { CIVSAM_CACHE_DIR: cacheDir, CIVSAM_SNAPSHOT_RACY_MS: '0' };
    const dataOf = (raw: ReturnType<typeof readFolder>) => Object.fromEntries(raw.files.map((f) => [f.rel, f.data]));
    readFolder(dir, openParseCache(dir, env, 'test')).checked?.([]); // fills the snapshot
    expect(readdirSync(cacheDir)).toHaveLength(1);
    const batch: BatchFile[] = [];
    for (let i = 0; i < 20; i += 2) {
      const target = join(dir, 'organisations', `o${i}.yaml`);
      // The same number of bytes, other text: only the inode and times can tell the difference.
      batch.push({ target, bytes: Buffer.from(org(`o${i}`, `Forening ${i}`, undefined, 'notes: bbbb\n')), expected: snapshot(target) });
    }
    batch.push({ target: join(dir, 'organisations', 'o1.yaml'), expected: snapshot(join(dir, 'organisations', 'o1.yaml')) });
    batch.push({ target: join(dir, 'organisations', 'o99.yaml'), bytes: Buffer.from(org('o99', 'Forening 99')), expected: { exists: false } });
    expect(await replaceFiles(batch)).toEqual({ ok: true });
    const cached = dataOf(readFolder(dir, openParseCache(dir, env, 'test')));
    expect(cached).toEqual(dataOf(readFolder(dir)));
    expect((cached['organisations/o0.yaml'] as { notes: string }).notes).toBe('bbbb');
    expect((cached['organisations/o3.yaml'] as { notes: string }).notes).toBe('aaaa');
    expect(cached['organisations/o1.yaml']).toBeUndefined();
    expect((cached['organisations/o99.yaml'] as { name: string }).name).toBe('Forening 99');
  });
});

/** A command's context in this process, its stderr collected. */
function context(dataDir: string, lang: 'en' | 'da' = 'en'): CommandContext & { err: string[] } {
  const err: string[] = [];
  const chalk = new Chalk({ level: 0 });
  const out = { write: () => {}, isTTY: false, columns: 100 };
  return {
    lang, langExplicit: true, t: (key: MessageKey, params?: MessageParams) => translate(lang, key, params),
    stdout: out, stderr: { write: (s: string) => { err.push(s); }, isTTY: false, columns: 100 },
    color: chalk, errColor: chalk, env: { CIVSAM_NO_CACHE: '1' }, dataDir, cwd: '/', today: '2026-11-23', version: 'test', err,
  };
}

describe('a change of several records (applyChange)', () => {
  const files = () => ({ ...baseFiles(), 'organisations/beta.yaml': org('beta', 'Beta Forening'), 'organisations/gamma.yaml': org('gamma', 'Gamma Forening') });

  test('refused when one record\'s file was changed by someone else after it was read: no file is written', async () => {
    const dir = makeFolder(files());
    const before = contents(dir);
    const theirs = org('beta', 'Beta Forening', undefined, 'notes: theirs\n');
    const ctx = context(dir);
    await expect(applyChange(ctx, { commit: false }, (s) => {
      const changes = ['alpha', 'beta', 'gamma'].map((id) => ({ kind: 'organisation' as const, id, record: { ...s.current('organisation', id)!, notes: 'ours' } }));
      // Someone saves beta.yaml by hand after civsam read it.
      writeFileSync(join(dir, 'organisations', 'beta.yaml'), theirs);
      const delta = { ...s.current('organisation', 'alpha')!, id: 'delta', name: 'Delta Forening' };
      delete delta.cvr;
      return [...changes, { kind: 'organisation' as const, id: 'delta', record: delta }];
    })).rejects.toMatchObject({ userMessage: { key: 'write.conflict', params: { file: join(dir, 'organisations', 'beta.yaml') } } });
    expect(contents(dir)).toEqual({ ...before, 'organisations/beta.yaml': theirs });
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });

  test('writes every record and says so, each file as one-at-a-time writes would make it', async () => {
    const dir = makeFolder(files());
    const ctx = context(dir, 'da');
    const result = await applyChange(ctx, { commit: false }, (s) => ['gamma', 'alpha', 'beta'].map((id) => ({ kind: 'organisation' as const, id, record: { ...s.current('organisation', id)!, notes: 'ours' } })));
    expect(result.written).toEqual(['organisations/gamma.yaml', 'organisations/alpha.yaml', 'organisations/beta.yaml']);
    expect(ctx.err.join('')).toBe(['gamma', 'alpha', 'beta'].map((id) => `Gemte ${join(dir, 'organisations', `${id}.yaml`)}.\n`).join(''));
    for (const id of ['alpha', 'beta', 'gamma']) expect(readFileSync(join(dir, 'organisations', `${id}.yaml`), 'utf8')).toMatch(/\nnotes: ours\n$/);
    expect(readdirSync(join(dir, 'organisations')).filter((f) => f.startsWith('.'))).toEqual([]);
  });
});
