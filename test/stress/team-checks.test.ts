// Checks on every change: the pre-commit hook refuses a commit of a record with a typo'd patient
// group and lets the corrected one through; the CI files' commands (docs/ci/) fail on the sample
// data, which has planted audit errors, and pass on a clean folder.
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { BIN, ROOT, civsamBinary as civsam } from '../helpers/cli.js';
import { baseFiles, makeFolder, org } from '../helpers/folder.js';
import { git, person, tempHome } from '../helpers/team.js';

describe('civsam hooks install', () => {
  test('the pre-commit hook refuses a typo\'d patient group and lets the corrected record through', () => {
    const dir = makeFolder({ ...baseFiles(), '.gitignore': '.civsam.lock*\n.*.tmp\n' });
    git(dir, ['init', '-q', '-b', 'main']);
    git(dir, ['add', '-A']);
    git(dir, ['commit', '-q', '-m', 'start']);
    const install = civsam(['--data', dir, 'hooks', 'install'], { env: person('Anna') });
    expect(install.code, install.stderr).toBe(0);
    expect(install.stderr).toContain('every commit of invalid data is now refused');

    const head = git(dir, ['rev-parse', 'HEAD']).stdout;
    writeFileSync(join(dir, 'organisations/beta.yaml'), org('beta', 'Beta Forening').replace('patient_groups: [depression]', 'patient_groups: [depresion]'));
    git(dir, ['add', 'organisations/beta.yaml']);
    const refused = git(dir, ['commit', '-m', 'beta'], { ...person('Anna'), NO_COLOR: '1', LANG: 'C.UTF-8', CIVSAM_LANG: 'en' });
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/organisations\/beta\.yaml:\d+:\d+ {2}Patient group no\. 1 does not name an existing patient group\./);
    expect(refused.stderr).toContain('Commit refused: the data would not be valid (1 problem, listed above)');
    expect(git(dir, ['rev-parse', 'HEAD']).stdout).toBe(head);

    writeFileSync(join(dir, 'organisations/beta.yaml'), org('beta', 'Beta Forening'));
    git(dir, ['add', 'organisations/beta.yaml']);
    const passed = git(dir, ['commit', '-q', '-m', 'beta'], person('Anna'));
    expect(passed.code, passed.stderr).toBe(0);
    expect(git(dir, ['rev-parse', 'HEAD']).stdout).not.toBe(head);
    // civsam's own commits go through the hook too.
    const edit = civsam(['--data', dir, 'org', 'edit', 'beta', '--notes', 'ok'], { env: person('Anna') });
    expect(edit.stderr).toContain('Committed');
    expect(git(dir, ['status', '--porcelain']).stdout).toBe('');
  });

  test('a pre-commit hook that is not civsam\'s is left alone', () => {
    const dir = makeFolder(baseFiles());
    git(dir, ['init', '-q', '-b', 'main']);
    const hook = join(dir, '.git', 'hooks', 'pre-commit');
    writeFileSync(hook, '#!/bin/sh\nexit 0\n');
    const r = civsam(['--data', dir, 'hooks', 'install']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('there is already a pre-commit hook that civsam did not write');
    expect(readFileSync(hook, 'utf8')).toBe('#!/bin/sh\nexit 0\n');
  });
});

/** The commands a CI job runs, in order, without the step that installs civsam. */
function ciCommands(file: string): string[] {
  const doc = parse(readFileSync(join(ROOT, 'docs/ci', file), 'utf8')) as Record<string, unknown>;
  if (file.startsWith('github')) {
    const jobs = doc.jobs as Record<string, { steps: Array<{ run?: string }> }>;
    return Object.values(jobs).flatMap((j) => j.steps.map((s) => s.run).filter((r): r is string => r !== undefined && !r.includes('npm install')));
  }
  const order = (doc.stages as string[]);
  const jobs = Object.entries(doc).filter(([, v]) => v !== null && typeof v === 'object' && 'script' in (v as object)) as Array<[string, { stage: string; script: string[] }]>;
  return jobs.sort((a, b) => order.indexOf(a[1].stage) - order.indexOf(b[1].stage)).flatMap(([, j]) => j.script);
}

/** Runs the commands as CI would (a shell each, stopping at the first failure), `civsam` being the built binary. */
function runJob(file: string, dataDir: string): { failedAt?: string; code: number; output: string } {
  const home = tempHome();
  writeFileSync(join(home, 'civsam'), `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} "$@"\n`);
  chmodSync(join(home, 'civsam'), 0o755);
  const env = { ...process.env, PATH: `${home}:${process.env.PATH}`, CIVSAM_DATA: '.', NO_COLOR: '1', LANG: 'C.UTF-8', CIVSAM_NO_CACHE: '1', SITE_BUILD: join(home, 'site'), RUNNER_TEMP: home };
  let output = '';
  for (const command of ciCommands(file)) {
    const r = spawnSync('sh', ['-c', command], { cwd: dataDir, env, encoding: 'utf8' });
    output += r.stdout + r.stderr;
    if (r.status !== 0) return { failedAt: command, code: r.status ?? -1, output };
  }
  return { code: 0, output };
}

describe('docs/ci: the CI files\' commands', () => {
  test.each(['gitlab-ci.yml', 'github-actions.yml'])('%s: the job fails on the sample data\'s planted audit errors and passes on a clean folder', (file) => {
    expect(ciCommands(file).map((c) => c.split(' ').slice(0, 2).join(' '))).toEqual(
      file.startsWith('github') ? ['civsam validate', 'civsam audit', 'civsam publish'] : ['civsam validate', 'civsam audit', 'civsam publish', 'rm -rf'],
    );
    const sample = tempHome();
    cpSync(join(ROOT, 'data'), sample, { recursive: true });
    const onSample = runJob(file, sample);
    expect(onSample.failedAt).toBe('civsam audit --fail-on error');
    expect(onSample.code).toBe(1);

    const clean = makeFolder(baseFiles());
    const onClean = runJob(file, clean);
    expect(onClean.failedAt, onClean.output).toBeUndefined();
    if (file.startsWith('gitlab')) expect(existsSync(join(clean, 'public', 'index.html'))).toBe(true);
  });
});
