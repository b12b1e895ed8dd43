// A change of many files killed while they went in place (SIGKILL, a power cut): the next writer
// finishes it from the journal the batch wrote before its first rename, and commits it as the
// killed writer would have (store/unfinished-change.ts).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { civsamBinary, ROOT } from '../helpers/cli.js';
import { committedFolder, person } from '../helpers/team.js';
import { baseFiles, makeFolder, org } from '../helpers/folder.js';

const IDS = ['nye-a', 'nye-b', 'nye-c', 'nye-d', 'nye-e'];

describe('a change killed while its files went in place', () => {
  it('is finished and committed by the next writer, whose own change follows', () => {
    const { dir, git } = committedFolder(baseFiles());
    // Five new organisations written as one batch, with the journal an import writes; the process
    // kills itself once the second is in place.
    const files = IDS.map((id, k) => ({ target: join(dir, 'organisations', `${id}.yaml`), bytes: Buffer.from(org(id, `Ny forening ${k}`)), expected: { exists: false } }));
    const note = { message: 'organisation: 5 added', targets: IDS.map((id) => `organisations/${id}.yaml`) };
    const script = `import('${pathToFileURL(join(ROOT, 'dist/store/atomic-file.js')).href}').then(({ replaceFiles }) => replaceFiles(${JSON.stringify(files.map((f) => ({ ...f, bytes: f.bytes.toString('utf8') })))}.map((f) => ({ ...f, bytes: Buffer.from(f.bytes) })), { journal: { path: ${JSON.stringify(join(dir, '.civsam-placing'))}, note: ${JSON.stringify(note)} }, onPlaced: (i) => { if (i === 1) process.kill(process.pid, 'SIGKILL'); } }));`;
    const killed = spawnSync(process.execPath, ['-e', script]);
    expect(killed.signal).toBe('SIGKILL');
    // Killed part-way: two new, three still temporary files, and the journal.
    expect(IDS.filter((id) => existsSync(join(dir, 'organisations', `${id}.yaml`)))).toEqual(['nye-a', 'nye-b']);
    expect(readdirSync(join(dir, 'organisations')).filter((n) => n.endsWith('.tmp'))).toHaveLength(3);
    expect(existsSync(join(dir, '.civsam-placing'))).toBe(true);

    const r = civsamBinary(['org', 'add', '--name', 'Efter stoppet', '--kind', 'andet', '--areas', 'social', '--scope', 'regional', '--data', dir], { env: { ...person('Test'), CIVSAM_LANG: 'da' } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('En ændring, der blev afbrudt, mens dens filer blev lagt på plads (computeren eller civsam blev stoppet), er gjort færdig først: 3 filer mere er lagt på plads, og ændringen er registreret i historikken, som den skulle have været.');
    expect(IDS.every((id) => existsSync(join(dir, 'organisations', `${id}.yaml`)))).toBe(true);
    expect(readdirSync(join(dir, 'organisations')).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect(existsSync(join(dir, '.civsam-placing'))).toBe(false);
    // The killed change as its own commit, then the new one; nothing left over.
    expect(git('log', '--format=%s').split('\n').slice(1, 3)).toEqual(['organisation: 5 added', 'start']);
    expect(git('show', '--name-only', '--format=', 'HEAD~1').trim().split('\n')).toEqual(IDS.map((id) => `organisations/${id}.yaml`));
    expect(git('status', '--porcelain')).toBe('');
  }, 30_000);

  it('believes a journal only where it names civsam\'s own files in the data folder', async () => {
    const { finishUnfinishedChange } = await import('../../src/store/unfinished-change.js');
    const outside = makeFolder({ 'keep.yaml': 'x: 1\n' });
    const dir = makeFolder({ ...baseFiles(), 'organisations/.a.yaml.123.0123abcd.tmp': 'id: a\n', 'organisations/b.yaml': 'id: b\n' });
    writeFileSync(join(dir, '.civsam-placing'), JSON.stringify({ version: 1, files: [
      { target: '../keep.yaml' }, // a removal outside the folder
      { target: join(outside, 'keep.yaml') },
      { target: 'organisations/b.yaml', tmp: '../../etc/hostname' }, // a "temporary file" that is not one
      { target: 'organisations/a.yaml', tmp: 'organisations/.a.yaml.123.0123abcd.tmp', created: true },
    ] }));
    const done = finishUnfinishedChange(dir);
    expect(done?.placed).toBe(1);
    expect(existsSync(join(outside, 'keep.yaml'))).toBe(true);
    expect(existsSync(join(dir, 'organisations/a.yaml'))).toBe(true);
    expect(existsSync(join(dir, 'organisations/b.yaml'))).toBe(true);
    expect(existsSync(join(dir, '.civsam-placing'))).toBe(false);
  });
});
