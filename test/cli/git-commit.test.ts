// How a change reaches git's history when things go wrong.
//
// A Ctrl-C at the terminal goes to every process of the foreground group: to civsam and to the git
// it runs to commit a change. A git killed in the middle left the change written but not committed
// (exit 0), and civsam then refused to commit that file later as someone else's work. git now runs
// out of the terminal's reach; civsam hears the Ctrl-C after the commit, and says the change was
// finished and committed (exit 130).
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, readlinkSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, civsamBinary } from '../helpers/cli.js';
import { committedFolder } from '../helpers/team.js';
import { baseFiles, makeFolder, org } from '../helpers/folder.js';

const GIT = { GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 'test@example.org', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 'test@example.org' };

describe('Ctrl-C while a change is committed', () => {
  it('reaches civsam and git alike (one process group), and the change is still committed, exit 130', async () => {
    const { dir, git } = committedFolder(baseFiles());
    // A git that marks when the commit begins and takes a second over it: time for the Ctrl-C.
    const bin = makeFolder({});
    const marker = join(bin, 'committing');
    const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
    writeFileSync(join(bin, 'git'), `#!/bin/sh\nif [ "$1" = commit ]; then : > '${marker}'; sleep 1; fi\nexec '${realGit}' "$@"\n`);
    chmodSync(join(bin, 'git'), 0o755);

    const args = [BIN, '--data', dir, 'org', 'edit', 'alpha', '--website', 'https://ny.example'];
    // Its own process group, as a terminal's foreground job is: the signal goes to the whole group.
    const child = spawn(process.execPath, args, {
      detached: true, stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...GIT, PATH: `${bin}:${process.env.PATH}`, NO_COLOR: '1', CIVSAM_NO_CACHE: '1', LANG: 'C.UTF-8', CIVSAM_LANG: 'en' },
    });
    let stderr = '';
    child.stderr.on('data', (d) => { stderr += d; });
    const done = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    const poll = setInterval(() => {
      if (!existsSync(marker)) return;
      clearInterval(poll);
      process.kill(-child.pid!, 'SIGINT');
    }, 5);
    const code = await done;
    clearInterval(poll);

    expect(existsSync(marker)).toBe(true);
    expect(code).toBe(130);
    expect(stderr).toContain('Committed: ');
    expect(stderr).toContain('Asked to stop: the change was finished and recorded in the history first.');
    expect(git('status', '--porcelain')).toBe('');
    expect(git('show', 'HEAD:organisations/alpha.yaml')).toContain('https://ny.example');
  }, 20_000);
});

/**
 * Runs `org edit` with a git that, when it is run with `step` (add or commit), sends Ctrl-C to civsam
 * and then `then`: dies by the Ctrl-C itself, as a git does that the terminal's Ctrl-C reaches in
 * the moment before it leaves the terminal's session (`die`), or fails as a hook makes it (`fail`).
 * Only the first time: a git run again goes through.
 */
async function ctrlCFromGit(step: 'add' | 'commit', then: 'die' | 'fail'): Promise<{ code: number | null; stderr: string; git: (...args: string[]) => string; dir: string }> {
  const { dir, git } = committedFolder(baseFiles());
  const bin = makeFolder({});
  const marker = join(bin, 'once');
  const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
  const act = then === 'die' ? 'kill -INT $$' : 'exit 1';
  writeFileSync(join(bin, 'git'), `#!/bin/sh\nif [ "$1" = ${step} ] && [ ! -e '${marker}' ]; then : > '${marker}'; kill -INT $PPID; ${act}; fi\nexec '${realGit}' "$@"\n`);
  chmodSync(join(bin, 'git'), 0o755);
  const child = spawn(process.execPath, [BIN, 'org', 'edit', 'alpha', '--website', 'https://ny.example'], {
    cwd: dir, stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...GIT, PATH: `${bin}:${process.env.PATH}`, NO_COLOR: '1', CIVSAM_NO_CACHE: '1', LANG: 'C.UTF-8', CIVSAM_LANG: 'da' },
  });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
  expect(existsSync(marker)).toBe(true);
  return { code, stderr, git, dir };
}

describe('Ctrl-C that reaches git before it leaves the terminal\'s reach', () => {
  it('git is run again and the change committed: one true message, exit 130 as for any change finished after a stop', async () => {
    for (const step of ['add', 'commit'] as const) {
      const r = await ctrlCFromGit(step, 'die');
      expect({ code: r.code, stderr: r.stderr }, step).toEqual({
        code: 130,
        stderr: expect.stringMatching(/^Gemte organisations\/alpha\.yaml\.\nGemt og registreret i historikken: organisation alpha: hjemmeside: sat\nBedt om at stoppe: ændringen blev gjort færdig og registreret i historikken først\.\n$/),
      });
      expect(r.git('status', '--porcelain'), step).toBe('');
      expect(r.git('show', 'HEAD:organisations/alpha.yaml'), step).toContain('https://ny.example');
    }
  }, 30_000);

  it('a commit that fails while a Ctrl-C came says only that the change is saved but not committed, and what to do; exit 2', async () => {
    const r = await ctrlCFromGit('commit', 'fail');
    expect({ code: r.code, stderr: r.stderr }).toEqual({
      code: 2,
      stderr: 'Gemte organisations/alpha.yaml.\nÆndringen er gemt, men git kunne ikke registrere den i historikken. Kør git status og git commit i datamappen for at se hvorfor.\n',
    });
    expect(readFileSync(join(r.dir, 'organisations/alpha.yaml'), 'utf8')).toContain('https://ny.example');
  }, 20_000);
});

describe('a git that does not know who the user is', () => {
  it('refuses the change before anything is written, and says how to tell git; --no-commit saves it outside the history', () => {
    const { dir, git } = committedFolder(baseFiles());
    const before = readFileSync(join(dir, 'organisations/alpha.yaml'), 'utf8');
    // No configuration of the user's or the system's, and git told not to guess from the machine's name.
    const nobody = {
      HOME: makeFolder({}), XDG_CONFIG_HOME: makeFolder({}), GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: undefined, GIT_AUTHOR_EMAIL: undefined,
      GIT_COMMITTER_NAME: undefined, GIT_COMMITTER_EMAIL: undefined, EMAIL: undefined,
      GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: 'user.useConfigOnly', GIT_CONFIG_VALUE_0: 'true',
    };
    const edit = ['org', 'edit', 'alpha', '--website', 'https://ny.example', '--data', dir];
    const r = civsamBinary(edit, { env: nobody });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('error: nothing was written: git does not know who you are, so the change could not be committed to the history. Tell it once, in a terminal: git config --global user.name "Your Name" and git config --global user.email "you@example.org". Then run the same command again (or add --no-commit to save the change outside the history).\n');
    expect(readFileSync(join(dir, 'organisations/alpha.yaml'), 'utf8')).toBe(before);
    expect(git('status', '--porcelain')).toBe('');
    expect(civsamBinary([...edit, '--no-commit'], { env: nobody }).code).toBe(0);
    expect(readFileSync(join(dir, 'organisations/alpha.yaml'), 'utf8')).toContain('https://ny.example');
  }, 20_000);
});

describe('a record folder that is a link within the data folder', () => {
  it('a change to a record in it is committed at the folder it leads to (git takes no path beyond a link)', () => {
    const dir = makeFolder(baseFiles());
    renameSync(join(dir, 'organisations'), join(dir, 'kept-organisations'));
    symlinkSync('kept-organisations', join(dir, 'organisations'));
    const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, ...GIT } });
    git('init', '-q');
    git('add', '-A');
    git('commit', '-q', '-m', 'start');
    const r = civsamBinary(['org', 'edit', 'alpha', '--website', 'https://ny.example', '--data', dir], { env: GIT });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('Committed: ');
    expect(git('status', '--porcelain')).toBe('');
    expect(git('show', 'HEAD:kept-organisations/alpha.yaml')).toContain('https://ny.example');
  }, 20_000);
});

describe('a commit git refuses for reasons of its own (a hook)', () => {
  it('keeps the change, says it is not in the history and how to see why, and exits 2, not 0', () => {
    const { dir, git } = committedFolder(baseFiles());
    const hook = join(dir, '.git', 'hooks', 'pre-commit');
    writeFileSync(hook, '#!/bin/sh\nexit 1\n');
    chmodSync(hook, 0o755);
    const r = civsamBinary(['org', 'edit', 'alpha', '--website', 'https://ny.example', '--data', dir], { env: GIT });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("The change was saved, but git's pre-commit hook (a check set up in the folder's git repository) refused the commit, so it is not in the history yet. Run git commit in the data folder to see what the hook objects to");
    expect(readFileSync(join(dir, 'organisations/alpha.yaml'), 'utf8')).toContain('https://ny.example');
    expect(git('log', '--format=%s')).toBe('start\n');
    // Once the hook lets it through, git commit finishes what civsam started.
    writeFileSync(hook, '#!/bin/sh\nexit 0\n');
    git('commit', '-q', '-m', 'by hand');
    expect(git('show', 'HEAD:organisations/alpha.yaml')).toContain('https://ny.example');
  }, 20_000);

  it('names the hook that refused, in Danish too (commit-msg after a pre-commit that let it through); the next change commits it', () => {
    const { dir, git } = committedFolder(baseFiles());
    for (const [name, code] of [['pre-commit', 0], ['commit-msg', 1]] as const) {
      writeFileSync(join(dir, '.git', 'hooks', name), `#!/bin/sh\nexit ${code}\n`);
      chmodSync(join(dir, '.git', 'hooks', name), 0o755);
    }
    const r = civsamBinary(['org', 'edit', 'alpha', '--website', 'https://ny.example', '--data', dir], { env: { ...GIT, CIVSAM_LANG: 'da' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Ændringen er gemt, men git-kontrollen commit-msg (en såkaldt hook, sat op i mappens git-arkiv) afviste at registrere den i historikken, så den er ikke registreret endnu. Kør git commit i datamappen for at se, hvad kontrollen indvender, og ret det (eller spørg den, der har sat kontrollen op). git commit i datamappen registrerer den med det samme.\ncivsam husker ændringen som sin egen og registrerer den for sig, før din næste ændring registreres.\n');
    writeFileSync(join(dir, '.git', 'hooks', 'commit-msg'), '#!/bin/sh\nexit 0\n');
    const next = civsamBinary(['org', 'edit', 'alpha', '--notes', 'Ny note', '--data', dir], { env: { ...GIT, CIVSAM_LANG: 'da' } });
    expect(next.code).toBe(0);
    expect(git('status', '--porcelain')).toBe('');
    expect(git('show', 'HEAD:organisations/alpha.yaml')).toContain('https://ny.example');
  }, 20_000);
});

describe('a commit git cannot make for want of space', () => {
  /** A git whose `add` meets a full disk, in real git's words; `before`: a shell line it runs first. */
  const fullGit = (before = '') => {
    const bin = makeFolder({});
    const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
    writeFileSync(join(bin, 'git'), `#!/bin/sh\nif [ "$1" = add ]; then ${before} echo 'fatal: unable to write loose object file: No space left on device' >&2; exit 128; fi\nexec '${realGit}' "$@"\n`);
    chmodSync(join(bin, 'git'), 0o755);
    return { ...GIT, PATH: `${bin}:${process.env.PATH}` };
  };

  it('says the disk is full in civsam\'s words, that the change is saved whole and kept for later, with civsam\'s command for it (no git commands); exit 2', async () => {
    const { dir, git } = committedFolder(baseFiles());
    const r = civsamBinary(['org', 'edit', 'alpha', '--website', 'https://ny.example', '--data', dir, '--lang', 'da'], { env: fullGit() });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`Gemte ${join(dir, 'organisations/alpha.yaml')}.\nÆndringen er gemt, og filen er hel, men den kunne ikke registreres i historikken: disken er fuld. civsam husker den som sin egen ændring og registrerer den, før din næste ændring registreres. Frigør plads på drevet; så registrerer civsam doctor --record den med det samme.\n`);
    // civsam doctor --record, once there is room, commits it as the change it was.
    const record = civsamBinary(['doctor', '--record', '--data', dir, '--lang', 'da'], { env: GIT });
    expect(record.code, record.stderr).toBe(0);
    expect(git('status', '--porcelain')).toBe('');
    expect(git('log', '-1', '--format=%s')).toBe('organisation alpha: hjemmeside: sat\n');
  }, 20_000);

  it('a change whose note for later is gone is not promised to be kept: said saved in the file, not in the history, and civsam doctor --record records it, as recorded afterwards (not by hand)', async () => {
    const { dir, git } = committedFolder(baseFiles());
    // The note civsam wrote before the file is lost while git fails (as on a disk with no room to keep it).
    const r = civsamBinary(['org', 'add', '--name', 'Ny Forening', '--kind', 'other', '--areas', 'social', '--scope', 'regional', '--data', dir, '--lang', 'da'], { env: fullGit("rm -f \"$(git rev-parse --git-dir)/civsam-uncommitted.json\";") });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`Oprettede ${join(dir, 'organisations/ny-forening.yaml')}.\nÆndringen er gemt i filen, men ikke i historikken: disken er fuld, og der var heller ikke plads til at notere den til senere. Frigør plads på drevet, og registrér den så med civsam doctor --record.\n`);
    expect(r.stderr).not.toMatch(/git (add|commit)|husker/);
    const record = civsamBinary(['doctor', '--record', '--data', dir, '--lang', 'da'], { env: GIT });
    expect(record.code, record.stderr).toBe(0);
    expect(git('log', '-1', '--format=%s')).toBe('organisation ny-forening: oprettet i en ny fil, registreret bagefter\n');
  }, 20_000);
});

describe('a commit that meets a full disk after git add', () => {
  // The file was left staged (git add done) or taken out again: either way the message says what
  // is saved and that civsam records it, never a git command.
  const gitFailing = (failing: string[]) => {
    const bin = makeFolder({});
    const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
    const cases = failing.map((c) => `[ "$1" = ${c} ]`).join(' || ');
    writeFileSync(join(bin, 'git'), `#!/bin/sh\nif ${cases}; then echo 'fatal: unable to write new index file: No space left on device' >&2; exit 128; fi\nexec '${realGit}' "$@"\n`);
    chmodSync(join(bin, 'git'), 0o755);
    return { ...GIT, PATH: `${bin}:${process.env.PATH}` };
  };
  const kept = 'Ændringen er gemt, og filen er hel, men den kunne ikke registreres i historikken: disken er fuld. civsam husker den som sin egen ændring og registrerer den, før din næste ændring registreres. Frigør plads på drevet; så registrerer civsam doctor --record den med det samme.\n';

  it('takes the file out of the index again: saved, not staged; the next change records it first', () => {
    const { dir, git } = committedFolder(baseFiles());
    const r = civsamBinary(['org', 'edit', 'alpha', '--website', 'https://ny.example', '--data', dir, '--lang', 'da'], { env: gitFailing(['commit']) });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`Gemte ${join(dir, 'organisations/alpha.yaml')}.\n${kept}`);
    expect(git('status', '--porcelain')).toBe(' M organisations/alpha.yaml\n');
    // A new record likewise: untracked again, as before the add.
    const add = civsamBinary(['org', 'add', '--name', 'Ny Forening', '--kind', 'other', '--areas', 'social', '--scope', 'regional', '--data', dir], { env: gitFailing(['commit']) });
    expect(add.code).toBe(2);
    expect(git('status', '--porcelain')).toBe(' M organisations/alpha.yaml\n?? organisations/ny-forening.yaml\n');
    const next = civsamBinary(['org', 'edit', 'alpha', '--notes', 'ny note', '--data', dir, '--lang', 'da'], { env: GIT });
    expect(next.code, next.stderr).toBe(0);
    expect(git('status', '--porcelain')).toBe('');
    expect(git('log', '-3', '--format=%s')).toBe('organisation alpha: noter: sat\norganisation ny-forening: oprettet\norganisation alpha: hjemmeside: sat\n');
  }, 20_000);

  it('where there is no room to take it out either, it stays staged; said the same, and civsam doctor --record records it as the change it was', () => {
    const { dir, git } = committedFolder(baseFiles());
    const r = civsamBinary(['org', 'edit', 'alpha', '--website', 'https://ny.example', '--data', dir, '--lang', 'da'], { env: gitFailing(['commit', 'reset']) });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`Gemte ${join(dir, 'organisations/alpha.yaml')}.\n${kept}`);
    expect(git('status', '--porcelain')).toBe('M  organisations/alpha.yaml\n');
    const record = civsamBinary(['doctor', '--record', '--data', dir, '--lang', 'da'], { env: GIT });
    expect(record.code, record.stderr).toBe(0);
    expect(git('status', '--porcelain')).toBe('');
    expect(git('log', '-1', '--format=%s')).toBe('organisation alpha: hjemmeside: sat\n');
    const en = civsamBinary(['org', 'edit', 'alpha', '--website', 'https://andet.example', '--data', dir], { env: gitFailing(['commit', 'reset']) });
    expect(en.stderr).toContain('The change is saved and its file is whole, but it could not be recorded in the history: the disk is full. civsam keeps it as its own change and records it before your next change is recorded. Free some space on the drive; civsam doctor --record then records it at once.\n');
  }, 20_000);
});

describe('a commit of thousands of records', () => {
  it('takes a message over the 128 KiB a single argument may have, and only the paths given', async () => {
    const { commitPaths } = await import('../../src/store/git.js');
    const dir = makeFolder({ 'a.yaml': 'a: 1\n', 'b.yaml': 'b: 1\n', 'other.yaml': 'o: 1\n' });
    const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, ...GIT } });
    git('init', '-q');
    git('add', 'other.yaml');
    // One line per record, as an import of 4,000 organisations writes: about 160 KiB.
    const message = ['organisation: 4,000 added', '', ...Array.from({ length: 4000 }, (_, i) => `organisation forening-nummer-${i}: added`)].join('\n');
    expect(Buffer.byteLength(message)).toBeGreaterThan(128 * 1024);
    const saved = { ...process.env };
    Object.assign(process.env, GIT);
    try {
      const r = commitPaths({ root: dir }, [join(dir, 'a.yaml'), join(dir, 'b.yaml')], message);
      expect(r.committed).toBe(true);
    } finally {
      for (const k of Object.keys(GIT)) if (saved[k] === undefined) delete process.env[k]; else process.env[k] = saved[k];
    }
    expect(git('log', '-1', '--format=%B').trim()).toBe(message);
    expect(git('show', '--name-only', '--format=', 'HEAD').trim().split('\n')).toEqual(['a.yaml', 'b.yaml']);
    // What was staged before stays staged, out of civsam's commit.
    expect(git('status', '--porcelain')).toBe('A  other.yaml\n');
  }, 20_000);
});

describe('the next change after a commit that failed', () => {
  const failingCommit = () => {
    const bin = makeFolder({});
    const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
    writeFileSync(join(bin, 'git'), `#!/bin/sh\nif [ "$1" = commit ]; then echo 'fatal: unable to write new index file: No space left on device' >&2; exit 128; fi\nexec '${realGit}' "$@"\n`);
    chmodSync(join(bin, 'git'), 0o755);
    return { ...GIT, PATH: `${bin}:${process.env.PATH}` };
  };

  it('knows the file civsam saved as its own (not someone else\'s work) and commits it as itself, before the new change', () => {
    const { dir, git } = committedFolder(baseFiles());
    const failed = civsamBinary(['org', 'edit', 'alpha', '--website', 'https://ny.example', '--data', dir, '--lang', 'da'], { env: failingCommit() });
    expect(failed.code).toBe(2);
    expect(git('status', '--porcelain')).toBe(' M organisations/alpha.yaml\n');
    // Room again: the next change of the same file commits both, and says so.
    const next = civsamBinary(['org', 'edit', 'alpha', '--notes', 'Ny note', '--data', dir, '--lang', 'da'], { env: GIT });
    expect(next.code).toBe(0);
    expect(next.stderr).toMatch(/^Registrerede en tidligere ændring, som civsam gemte, men ikke fik registreret dengang: organisation alpha: hjemmeside: sat\nGemte /);
    expect(next.stderr).not.toContain('Ikke registreret');
    expect(git('status', '--porcelain')).toBe('');
    // Two commits, oldest first, each with its own message and content.
    expect(git('log', '-2', '--format=%B')).toBe('organisation alpha: noter: sat\n\norganisation alpha: hjemmeside: sat\n\n');
    expect(git('show', 'HEAD~1:organisations/alpha.yaml')).toContain('https://ny.example');
    expect(git('show', 'HEAD~1:organisations/alpha.yaml')).not.toContain('Ny note');
    // The note is gone once committed: a later change says nothing of it.
    const later = civsamBinary(['org', 'edit', 'alpha', '--notes', 'Igen', '--data', dir, '--lang', 'da'], { env: GIT });
    expect(later.stderr).not.toContain('tidligere ændring');
  }, 30_000);

  it('a file committed by hand, as the message advises, is forgotten: the same content uncommitted later is someone\'s work', () => {
    const { dir, git } = committedFolder(baseFiles());
    expect(civsamBinary(['org', 'edit', 'alpha', '--website', 'https://ny.example', '--data', dir], { env: failingCommit() }).code).toBe(2);
    const saved = readFileSync(join(dir, 'organisations/alpha.yaml'), 'utf8');
    git('commit', '-q', '-am', 'by hand');
    // A change made while alpha is committed forgets it.
    expect(civsamBinary(['org', 'add', '--name', 'Beta Forening', '--kind', 'other', '--areas', 'social', '--scope', 'regional', '--data', dir], { env: GIT }).code).toBe(0);
    // Someone commits other content, then puts back what civsam once saved, uncommitted: their work.
    writeFileSync(join(dir, 'organisations/alpha.yaml'), saved + '# anden udgave\n');
    git('commit', '-q', '-am', 'other');
    writeFileSync(join(dir, 'organisations/alpha.yaml'), saved);
    const r = civsamBinary(['org', 'add', '--name', 'Gamma Forening', '--kind', 'other', '--areas', 'social', '--scope', 'regional', '--data', dir], { env: GIT });
    expect(r.code).toBe(0);
    expect(git('status', '--porcelain')).toBe(' M organisations/alpha.yaml\n');
    expect(r.stderr).not.toContain('earlier change');
  }, 30_000);

  it('another file civsam saved is committed before the next change, as itself; a file changed by hand since is someone\'s work and left', () => {
    const { dir, git } = committedFolder({ ...baseFiles(), 'organisations/beta.yaml': org('beta', 'Beta Forening'), 'organisations/gamma.yaml': org('gamma', 'Gamma Forening') });
    expect(civsamBinary(['org', 'edit', 'alpha', '--website', 'https://ny.example', '--data', dir], { env: failingCommit() }).code).toBe(2);
    expect(civsamBinary(['org', 'edit', 'beta', '--website', 'https://b.example', '--data', dir], { env: failingCommit() }).code).toBe(2);
    // beta changed by hand after civsam saved it: no longer as civsam wrote it.
    writeFileSync(join(dir, 'organisations/beta.yaml'), readFileSync(join(dir, 'organisations/beta.yaml'), 'utf8') + '# håndrettet\n');
    const next = civsamBinary(['org', 'edit', 'gamma', '--notes', 'x', '--data', dir], { env: GIT });
    expect(next.code).toBe(0);
    expect(next.stderr).toMatch(/^Committed an earlier change civsam saved but could not commit then: organisation alpha: hjemmeside: sat\n/);
    expect(git('status', '--porcelain')).toBe(' M organisations/beta.yaml\n');
    expect(git('show', '--name-only', '--format=%s', 'HEAD~1').trim()).toBe('organisation alpha: hjemmeside: sat\n\norganisations/alpha.yaml');
    expect(git('show', '--name-only', '--format=%s', 'HEAD').trim()).toBe('organisation gamma: noter: sat\n\norganisations/gamma.yaml');
  }, 30_000);
  it('changes saved on a full disk are each committed later as themselves, oldest first, dated when saved, before the new change', () => {
    const { dir, git } = committedFolder(baseFiles());
    const add = (name: string) => civsamBinary(['org', 'add', '--name', name, '--kind', 'other', '--areas', 'social', '--scope', 'regional', '--data', dir, '--lang', 'da'], { env: failingCommit() });
    for (const name of ['Fylde 8', 'Fylde 12', 'Fylde 20']) {
      const r = add(name);
      // Saved but not in the history: exit 2, and the change is not lost for that.
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('civsam husker den som sin egen ændring og registrerer den, før din næste ændring registreres.');
    }
    const saved = new Date().toISOString();
    execFileSync('sleep', ['1.1']);
    const next = civsamBinary(['org', 'edit', 'alpha', '--notes', 'plads igen', '--data', dir, '--lang', 'da'], { env: GIT });
    expect(next.code).toBe(0);
    expect(next.stderr.split('\n').map((l) => l.replace(/commit [0-9a-f]+/, 'commit H'))).toEqual([
      'Registrerede en tidligere ændring, som civsam gemte, men ikke fik registreret dengang: organisation fylde-8: oprettet',
      'Registrerede en tidligere ændring, som civsam gemte, men ikke fik registreret dengang: organisation fylde-12: oprettet',
      'Registrerede en tidligere ændring, som civsam gemte, men ikke fik registreret dengang: organisation fylde-20: oprettet',
      `Gemte ${join(dir, 'organisations/alpha.yaml')}.`,
      'Gemt og registreret i historikken: organisation alpha: noter: sat',
      '',
    ]);
    expect(git('status', '--porcelain')).toBe('');
    expect(git('log', '--format=%s', '-4')).toBe('organisation alpha: noter: sat\norganisation fylde-20: oprettet\norganisation fylde-12: oprettet\norganisation fylde-8: oprettet\n');
    expect(git('show', '--name-only', '--format=', 'HEAD~2').trim()).toBe('organisations/fylde-12.yaml');
    // Dated when they were saved, not when they were committed.
    const dates = git('log', '--format=%aI', '-4').trim().split('\n').map((d) => new Date(d).getTime());
    expect(dates.slice(1).every((d) => d <= new Date(saved).getTime())).toBe(true);
    expect(dates[0]).toBeGreaterThan(new Date(saved).getTime() - 1000);
    // The history of a record shows its creation as itself.
    const history = civsamBinary(['history', 'Fylde 12', '--data', dir, '--lang', 'da'], { env: { ...GIT, COLUMNS: '100' } });
    expect(history.stdout).toContain('organisation fylde-12: oprettet');
    expect(history.stdout).not.toContain('noter');
  }, 60_000);

  it('in a git worktree (whose .git is a file) too: the note goes in the worktree\'s own folder of the repository', () => {
    const { dir, git } = committedFolder(baseFiles());
    const tree = join(makeFolder({}), 'tree');
    git('worktree', 'add', '-q', tree);
    expect(civsamBinary(['org', 'edit', 'alpha', '--website', 'https://ny.example', '--data', tree], { env: failingCommit() }).code).toBe(2);
    const next = civsamBinary(['org', 'edit', 'alpha', '--notes', 'x', '--data', tree], { env: GIT });
    expect(next.code).toBe(0);
    expect(next.stderr).toMatch(/^Committed an earlier change civsam saved but could not commit then: organisation alpha: hjemmeside: sat\n/);
    expect(execFileSync('git', ['log', '--format=%s', '-2'], { cwd: tree, encoding: 'utf8' })).toBe('organisation alpha: noter: sat\norganisation alpha: hjemmeside: sat\n');
    expect(existsSync(join(dir, '.git', 'civsam-uncommitted.json'))).toBe(false);
  }, 30_000);

  it('a new record file nobody noted as civsam\'s is not committed unasked: named, with civsam\'s command that records it (no git commands)', () => {
    const { dir, git } = committedFolder(baseFiles());
    expect(civsamBinary(['org', 'add', '--name', 'Fylde 8', '--kind', 'other', '--areas', 'social', '--scope', 'regional', '--no-commit', '--data', dir], { env: GIT }).code).toBe(0);
    const next = civsamBinary(['org', 'edit', 'alpha', '--notes', 'x', '--data', dir, '--lang', 'da'], { env: GIT });
    expect(next.code).toBe(0);
    expect(next.stderr).toContain('Bemærk: organisations/fylde-8.yaml er en ny post, der ikke er registreret i historikken, og civsam ved ikke, hvem der har skrevet den, så den kom ikke med i denne registrering. Er den jeres (fx gemt, mens disken var fuld), så registrér den med civsam doctor --record.\n');
    expect(next.stderr).not.toContain('anden fil');
    expect(next.stderr).not.toMatch(/git (add|commit)/);
    expect(git('status', '--porcelain')).toBe('?? organisations/fylde-8.yaml\n');
    // The command it names records it.
    expect(civsamBinary(['doctor', '--record', '--data', dir, '--lang', 'da'], { env: GIT }).code).toBe(0);
    expect(git('status', '--porcelain')).toBe('');
    expect(git('log', '-1', '--format=%s')).toBe('organisation fylde-8: oprettet i en ny fil, registreret bagefter\n');
  }, 30_000);

  it('a change to a file with changes of its own not recorded: not recorded by civsam, and civsam doctor --record named for when it is ready (no git commands)', () => {
    const { dir, git } = committedFolder(baseFiles());
    const file = join(dir, 'organisations/alpha.yaml');
    writeFileSync(file, readFileSync(file, 'utf8') + 'website: https://i-haanden.example\n');
    const r = civsamBinary(['org', 'edit', 'alpha', '--notes', 'x', '--data', dir, '--lang', 'da'], { env: GIT });
    expect(r.stderr).toContain('Ikke registreret i historikken: organisations/alpha.yaml havde i forvejen egne ændringer, der ikke var registreret, og civsam registrerer ikke andres arbejde. Når filen er klar, registrerer civsam doctor --record den.\n');
    expect(r.stderr).not.toMatch(/git (add|commit)/);
    expect(civsamBinary(['doctor', '--record', '--data', dir, '--lang', 'da'], { env: GIT }).code).toBe(0);
    expect(git('status', '--porcelain')).toBe('');
  }, 30_000);

  it('a change whose note of civsam\'s own work does not fit on the disk is refused before anything is saved', async () => {
    const { dir, git } = committedFolder(baseFiles());
    const { diskCalls } = await import('../../src/store/atomic-file.js');
    const { civsamInProcess } = await import('../helpers/in-process.js');
    const realWrite = diskCalls.write;
    // The disk fills just as the note is written (its temporary file beside it in .git).
    diskCalls.write = (fd, bytes, offset, length) => (readlinkSync(`/proc/self/fd/${fd}`).includes('civsam-uncommitted') ? 0 : realWrite(fd, bytes, offset, length));
    const saved = { ...process.env };
    Object.assign(process.env, GIT);
    let r;
    try {
      r = await civsamInProcess(['org', 'add', '--name', 'Fylde 8', '--kind', 'other', '--areas', 'social', '--scope', 'regional', '--data', dir, '--lang', 'da'], GIT);
    } finally {
      diskCalls.write = realWrite;
      for (const k of Object.keys(GIT)) if (saved[k] === undefined) delete process.env[k]; else process.env[k] = saved[k];
    }
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^fejl: kan ikke skrive \S*organisations\/fylde-8\.yaml: disken er fuld\. Frigør plads på drevet, og prøv igen\.\n$/);
    expect(existsSync(join(dir, 'organisations/fylde-8.yaml'))).toBe(false);
    expect(git('status', '--porcelain')).toBe('');
  }, 30_000);
});
