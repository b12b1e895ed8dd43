// A Ctrl-C to `civsam init` once the new folder is in place, while its history is started and its
// first files recorded: before, Node's default ended the process there, leaving a history begun but
// empty (every file unrecorded; the next change told the user to record them with git) and no word
// of it. Now the history is finished first and the stop said after it, or a history that could not
// be finished is taken away again; the folder is never left with an empty one.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { BIN, testEnv } from '../helpers/cli.js';
import { makeFolder } from '../helpers/folder.js';
import { git, person } from '../helpers/team.js';

const DA = { CIVSAM_LANG: 'da', COLUMNS: '80', ...person('Anna') };
const CREATED = 'Oprettede datamappen d5 (19 filer): indstillinger, model, ordlister, tomme mapper til poster og skemaerne i d5/schemas.';
const STARTED = 'Historikken for mappen er startet: civsam registrerer hver ændring i den, med hvem og hvornår, så civsam history kan vise den, og en tidligere udgave kan hentes tilbage.';
const NEXT = 'Næste skridt: gå ind i mappen (cd d5); civsam finder den derfra. Registrér så den første organisation: civsam org add --name "…" --kind patientforening --areas psykiatri --scope regional';
const FINISHED = 'Bedt om at stoppe: datamappen d5 var allerede lagt på plads, så den blev gjort færdig først, med de første filer registreret i historikken. Den er klar til brug.';
const FINISHED_LATE = 'Bedt om at stoppe: datamappen var allerede oprettet, så den blev gjort færdig først, med de første filer registreret i historikken. Den er hel og klar til brug.';
const STOPPED_BEFORE = 'fejl: stoppet efter dit ønske, før datamappen blev oprettet; intet er oprettet eller ændret. Kør civsam init igen, når du er klar.\n';
const STOPPED_BUILDING = 'fejl: stoppet efter dit ønske; d5 blev ikke oprettet, og intet er efterladt. Kør civsam init igen, når du er klar.\n';
const REAL_GIT = spawnSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).stdout.trim();

type Ended = { code: number | null; signal: NodeJS.Signals | null; stderr: string };

/** `civsam init d5` in a process of its own; `delay`: ms after it starts, a SIGINT to it; `preload`: a module Node loads first. */
function init(cwd: string, env: Record<string, string>, delay?: number, preload?: string): Promise<Ended> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...(preload ? ['--import', preload] : []), BIN, 'init', 'd5'], { cwd, env: testEnv({ ...DA, ...env }), stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (b: Buffer) => { stderr += b.toString('utf8'); });
    if (delay !== undefined) setTimeout(() => child.kill('SIGINT'), delay);
    child.on('close', (code, signal) => resolve({ code, signal, stderr }));
  });
}

/** A git on PATH that runs `script` (sh, `$1` the git command) before the real git: a Ctrl-C to civsam, or a failure, at that moment. */
function gitThat(script: string): Record<string, string> {
  const bin = makeFolder({});
  const file = join(bin, 'git');
  writeFileSync(file, `#!/bin/sh\n${script}\nexec ${REAL_GIT} "$@"\n`);
  chmodSync(file, 0o755);
  return { PATH: `${bin}:${process.env.PATH}` };
}

/** What became of d5: not there, or its history (commits, files not recorded). */
function state(dir: string): string {
  if (!existsSync(dir)) return 'none';
  if (!existsSync(join(dir, '.git'))) return 'no history';
  const log = git(dir, ['rev-list', '--count', 'HEAD']);
  const commits = log.code === 0 ? log.stdout.trim() : '0';
  return `${commits} commit, ${git(dir, ['status', '--porcelain']).stdout.split('\n').filter(Boolean).length} unrecorded`;
}

/** A module Node loads before civsam: `code` runs in the process that runs init. */
function preloaded(code: string): string {
  const file = join(makeFolder({}), 'preload.mjs');
  writeFileSync(file, code);
  return file;
}

// Ctrl-C as soon as civsam listens for it (its first line), before init has begun.
const STOP_AT_START = "const t = setInterval(() => { if (process.listenerCount('SIGINT') > 0) { clearInterval(t); process.kill(process.pid, 'SIGINT'); } }, 1);\nt.unref();\n";
// Ctrl-C while init builds the folder: as it makes the folder it builds in, beside the new one.
const STOP_WHILE_BUILDING = "import fs from 'node:fs';\nimport { syncBuiltinESMExports } from 'node:module';\nconst make = fs.mkdtempSync;\nfs.mkdtempSync = (prefix, ...rest) => { if (String(prefix).includes('.civsam-init-')) process.kill(process.pid, 'SIGINT'); return make(prefix, ...rest); };\nsyncBuiltinESMExports();\n";

// A second Ctrl-C while what was built is taken away again (after a first one stopped the build).
const STOP_TWICE = STOP_WHILE_BUILDING + "const remove = fs.rmSync;\nfs.rmSync = (path, ...rest) => { if (String(path).includes('.civsam-init-')) process.kill(process.pid, 'SIGINT'); return remove(path, ...rest); };\nsyncBuiltinESMExports();\n";

describe('Ctrl-C before the folder is in place says what became of it', () => {
  // Before, the build's listening was given back to Node's default before what was built was
  // removed: a second Ctrl-C there ended the process with no word, the build folder half removed.
  test('asked twice, the second time while what was built is removed: the stop is still said, nothing left', async () => {
    const home = makeFolder({});
    const r = await init(home, {}, undefined, preloaded(STOP_TWICE));
    expect({ code: r.code, signal: r.signal, stderr: r.stderr }).toEqual({ code: 130, signal: null, stderr: STOPPED_BUILDING });
    expect(readdirSync(home)).toEqual([]);
  }, 30_000);

  // Before, a stop before init began said the data folder was "as before", of a folder that was not there.
  test('before init begins: no data folder was made', async () => {
    const home = makeFolder({});
    const r = await init(home, {}, undefined, preloaded(STOP_AT_START));
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 130, stderr: 'fejl: stoppet efter dit ønske, før datamappen blev oprettet; intet er oprettet eller ændret. Kør civsam init igen, når du er klar.\n' });
    expect(state(join(home, 'd5'))).toBe('none');
    const en = await init(home, { CIVSAM_LANG: 'en' }, undefined, preloaded(STOP_AT_START));
    expect({ code: en.code, stderr: en.stderr }).toEqual({ code: 130, stderr: 'error: stopped at your request before the data folder was made; nothing was made or changed. Run civsam init again when you are ready.\n' });
  }, 30_000);

  test('while it is built: the folder is not made, and nothing of it is left', async () => {
    const home = makeFolder({});
    const r = await init(home, {}, undefined, preloaded(STOP_WHILE_BUILDING));
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 130, stderr: 'fejl: stoppet efter dit ønske; d5 blev ikke oprettet, og intet er efterladt. Kør civsam init igen, når du er klar.\n' });
    expect(readdirSync(home)).toEqual([]);
  }, 30_000);

  // An empty folder that was there before is not said to be "not made": it is there, as it was.
  test('while it is built into an empty folder: the folder is left empty, as it was', async () => {
    const home = makeFolder({});
    mkdirSync(join(home, 'd5'));
    const r = await init(home, {}, undefined, preloaded(STOP_WHILE_BUILDING));
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 130, stderr: 'fejl: stoppet efter dit ønske; intet blev lagt i d5, og mappen er som før. Kør civsam init igen, når du er klar.\n' });
    expect({ top: readdirSync(home), d5: readdirSync(join(home, 'd5')) }).toEqual({ top: ['d5'], d5: [] });
  }, 30_000);
});

// Ctrl-C once init has said its next step: the folder is whole, its history recorded.
const STOP_AFTER_NEXT = "const write = process.stderr.write.bind(process.stderr);\nprocess.stderr.write = (chunk, ...rest) => { const r = write(chunk, ...rest); if (String(chunk).includes('Næste skridt')) process.kill(process.pid, 'SIGINT'); return r; };\n";

describe('Ctrl-C once the folder is in place says it is complete', () => {
  // Before, it was told that "the change" was finished, not what became of the folder.
  test('after the last step is said: the folder was made and is complete, exit 130', async () => {
    const home = makeFolder({});
    const r = await init(home, {}, undefined, preloaded(STOP_AFTER_NEXT));
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 130, stderr: [CREATED, STARTED, NEXT, FINISHED_LATE, ''].join('\n') });
    expect(state(join(home, 'd5'))).toBe('1 commit, 0 unrecorded');
  }, 30_000);
});

describe('Ctrl-C while init starts the history', () => {
  test('during the first commit: the commit is finished, the stop said after it, exit 130', async () => {
    const home = makeFolder({});
    const r = await init(home, gitThat('[ "$1" = commit ] && kill -INT $PPID'));
    expect({ code: r.code, signal: r.signal, stderr: r.stderr }).toEqual({ code: 130, signal: null, stderr: [CREATED, STARTED, NEXT, FINISHED, ''].join('\n') });
    expect(state(join(home, 'd5'))).toBe('1 commit, 0 unrecorded');
  }, 30_000);

  test('during git init: the history is started and the files recorded all the same', async () => {
    const home = makeFolder({});
    const r = await init(home, gitThat('[ "$1" = init ] && kill -INT $PPID'));
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 130, stderr: [CREATED, STARTED, NEXT, FINISHED, ''].join('\n') });
    expect(state(join(home, 'd5'))).toBe('1 commit, 0 unrecorded');
  }, 30_000);

  test('a first commit that fails takes the history begun away again, and says the folder has none', async () => {
    const home = makeFolder({});
    const r = await init(home, gitThat('[ "$1" = commit ] && { echo "fatal: no" >&2; exit 1; }'));
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: [CREATED, 'Mappen har ingen historik over ændringerne: git kunne ikke starte den (fatal: no).', NEXT, ''].join('\n') });
    expect(state(join(home, 'd5'))).toBe('no history');
  }, 30_000);

  test('a Ctrl-C at any moment: the folder is not made, or made with its first files recorded; always said', async () => {
    const home = makeFolder({});
    const seen = new Set<string>();
    for (const delay of [60, 120, 160, 200, 240, 280, 330, 400]) {
      const dir = join(home, 'd5');
      rmSync(dir, { recursive: true, force: true });
      const r = await init(home, {}, delay);
      const at = `Ctrl-C ${delay} ms after start`;
      const s = state(dir);
      seen.add(s);
      // A signal before Node has run civsam's first line ends it as Node does (nothing made); so
      // can one in the last moments, once init has handed Ctrl-C back with the folder finished
      // (its history recorded): either way never a history begun but empty.
      if (r.signal !== null) {
        expect(r.signal, at).toBe('SIGINT');
        expect(['none', '1 commit, 0 unrecorded'], at).toContain(s);
        continue;
      }
      if (s === 'none') {
        expect(r.code, at).toBe(130);
        // Said of the folder that was to be made, never that a folder "is as before".
        expect([STOPPED_BEFORE, STOPPED_BUILDING], at).toContain(r.stderr);
      } else {
        expect(s, at).toBe('1 commit, 0 unrecorded');
        // The stop heard while the history was started is said by init; one after it, by the command line.
        const told = r.stderr.includes(FINISHED) ? [FINISHED] : r.stderr.includes(FINISHED_LATE) ? [FINISHED_LATE] : [];
        expect(r.stderr, at).toBe([CREATED, STARTED, NEXT, ...told, ''].join('\n'));
        expect(r.code, at).toBe(told.length > 0 ? 130 : 0);
      }
    }
    expect(seen.has('0 commit, 19 unrecorded')).toBe(false);
  }, 60_000);
});
