// What only the built binary in its own process shows: its exit codes as the shell sees them, a
// reader that closes the pipe early, and death by a signal. Everything else about the command
// line runs in-process (test/helpers/cli.ts), which is much faster.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { baseFiles, makeFolder, org } from '../helpers/folder.js';
import { BIN, civsamBinary, ROOT, testEnv } from '../helpers/cli.js';

describe('the civsam binary', () => {
  it('exits 0, 1 and 2 as documented: clean, findings, invalid data', () => {
    const clean = makeFolder(baseFiles());
    expect(civsamBinary(['--data', clean, 'validate'])).toEqual({ code: 0, stdout: '', stderr: 'No problems in 5 files.\n' });
    // An agreement with no call or exemption while a comparable organisation was known: an error finding.
    const findings = makeFolder({
      ...baseFiles(),
      'organisations/beta.yaml': org('beta', 'Beta', undefined, 'registered: 2020-01-01\n'),
      'agreements/a1.yaml': 'id: a1\ntitle: Aftale\norganisations: [alpha]\nareas: [psychiatry]\npatient_groups: [depression]\nmunicipalities: [aarhus]\nstart: 2026-01-01\nstatus: active\n',
    });
    const audit = civsamBinary(['--data', findings, 'audit', '--as-of', '2026-06-01', '--format', 'json']);
    expect(audit.code).toBe(1);
    expect(JSON.parse(audit.stdout).findings.map((f: { rule: string }) => f.rule)).toContain('unilateral-agreement');
    const invalid = makeFolder({ ...baseFiles(), 'organisations/alpha.yaml': org('alpha', 'Alpha', '12345678') });
    expect(civsamBinary(['--data', invalid, 'validate']).code).toBe(2);
    expect(civsamBinary(['no-such-command']).code).toBe(2);
  });

  it('a reader that stops early (civsam … | head -1) is not an error', async () => {
    // Enough organisations that the list overflows the pipe's buffer, so writing on fails with EPIPE.
    const files = baseFiles();
    for (let i = 0; i < 1500; i++) files[`organisations/forening-${i}.yaml`] = org(`forening-${i}`, `Forening ${i}`);
    const dir = makeFolder(files);
    const child = spawn(process.execPath, [BIN, '--data', dir, 'org', 'list', '--format', 'json'], { cwd: ROOT, env: testEnv() });
    let stderr = '';
    child.stderr.on('data', (d) => { stderr += d; });
    // Read the first chunk, then close the pipe as head does.
    child.stdout.once('data', () => child.stdout.destroy());
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('close', (c, s) => resolve([c, s])));
    expect({ code, signal, stderr }).toEqual({ code: 0, signal: null, stderr: '' });
  });

  it('ends on SIGTERM with that signal, quietly, leaving no temporary file', async () => {
    const out = makeFolder({});
    const child = spawn(process.execPath, [BIN, 'overview', 'offers', '--as-of', '2026-11-23', '--output', `${out}/offers.csv`], { cwd: ROOT, env: testEnv() });
    let stderr = '';
    child.stderr.on('data', (d) => { stderr += d; });
    child.kill('SIGTERM');
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('close', (c, s) => resolve([c, s])));
    expect(code === null ? signal : code).toBe('SIGTERM');
    expect(stderr).toBe('');
    const { readdirSync } = await import('node:fs');
    expect(readdirSync(out).filter((f) => f !== 'offers.csv')).toEqual([]);
  });
});
