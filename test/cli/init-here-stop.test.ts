// `civsam init .` stopped with Ctrl-C once the folder is in place: the note that it was finished
// first names the folder by its name, as the other lines of init do, never as ".".
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { BIN, testEnv } from '../helpers/cli.js';
import { makeFolder } from '../helpers/folder.js';
import { person } from '../helpers/team.js';

const REAL_GIT = spawnSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).stdout.trim();

test('init . stopped during its first commit names the folder it made', async () => {
  const bin = makeFolder({});
  writeFileSync(join(bin, 'git'), `#!/bin/sh\n[ "$1" = commit ] && kill -INT $PPID\nexec ${REAL_GIT} "$@"\n`);
  chmodSync(join(bin, 'git'), 0o755);
  const here = join(makeFolder({}), 'Tilskud');
  mkdirSync(here);
  const r = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [BIN, 'init', '.'], { cwd: here, env: testEnv({ CIVSAM_LANG: 'da', COLUMNS: '80', ...person('Anna'), PATH: `${bin}:${process.env.PATH}` }), stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (b: Buffer) => { stderr += b.toString('utf8'); });
    child.on('close', (code) => resolve({ code, stderr }));
  });
  expect(r.code).toBe(130);
  expect(r.stderr).toContain('Bedt om at stoppe: datamappen Tilskud var allerede lagt på plads, så den blev gjort færdig først, med de første filer registreret i historikken. Den er klar til brug.\n');
}, 30_000);
