// What civsam asks git, counted in git's own trace (GIT_TRACE): a record's history is read once by
// restore and by history --since (the versions restore brings back come from that reading), sync
// finds the conflicts a colleague settled by hand in one git call for all of them, and a change
// asks git for the folder's status once, uncommitted work of others or not.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { civsamBinary } from '../helpers/cli.js';
import { baseFiles, org } from '../helpers/folder.js';
import { cloneAs, committedFolder, person, sharedRegister } from '../helpers/team.js';

/** The git commands a run of civsam started (`log`, `status`, `cat-file`…), each with its arguments, from git's trace. */
function gitCalls(trace: string): string[] {
  return readFileSync(trace, 'utf8').split('\n').flatMap((line) => {
    const m = /trace: built-in: git (.*)$/.exec(line);
    return m ? [m[1]] : [];
  });
}

function traced(dir: string, args: string[]): { code: number; stderr: string; calls: string[] } {
  const trace = join(mkdtempSync(join(tmpdir(), 'civsam-trace-')), 'trace');
  writeFileSync(trace, '');
  const r = civsamBinary(['--data', dir, ...args], { env: { ...person('Test'), GIT_TRACE: trace } });
  return { code: r.code, stderr: r.stderr, calls: gitCalls(trace) };
}

function changedTwice() {
  const f = committedFolder({ ...baseFiles(), 'organisations/vest.yaml': org('vest', 'Pårørende Vest') });
  for (const note of ['Første', 'Anden', 'Tredje']) {
    expect(civsamBinary(['--data', f.dir, 'org', 'edit', 'vest', '--notes', note], { env: person('Test') }).code).toBe(0);
  }
  return f;
}

test('restore reads the record\'s history once, with the versions it brings back; so does history --since', () => {
  const f = changedTwice();
  const plain = traced(f.dir, ['org', 'restore', 'vest', '--dry-run']);
  expect(plain.code, plain.stderr).toBe(0);
  expect(plain.stderr).toContain('Undoing the last change');
  expect(plain.calls.filter((c) => c.startsWith('log '))).toHaveLength(1);
  expect(plain.calls.filter((c) => c.startsWith('cat-file'))).toEqual(['cat-file --batch']);

  const to = traced(f.dir, ['org', 'restore', 'vest', '--to', '2', '--dry-run']);
  expect(to.code, to.stderr).toBe(0);
  expect(to.calls.filter((c) => c.startsWith('log '))).toHaveLength(1);
  expect(to.calls.filter((c) => c.startsWith('cat-file'))).toEqual(['cat-file --batch']);

  const since = traced(f.dir, ['history', 'vest', '--since', '2020-01-01']);
  expect(since.code, since.stderr).toBe(0);
  expect(since.calls.filter((c) => c.startsWith('log ') && c.includes('organisations/vest.yaml'))).toHaveLength(1);
});

test('a change asks git for the status once, also when another file is uncommitted', () => {
  const f = changedTwice();
  writeFileSync(join(f.dir, 'organisations/alpha.yaml'), `${readFileSync(join(f.dir, 'organisations/alpha.yaml'), 'utf8')}notes: I hånden\n`);
  writeFileSync(join(f.dir, 'organisations/ny.yaml'), org('ny', 'Ny Forening'));
  const r = traced(f.dir, ['org', 'edit', 'vest', '--notes', 'Fjerde']);
  expect(r.code, r.stderr).toBe(0);
  // The new file is still named as a record nobody has committed, the hand edit as other uncommitted work.
  expect(r.stderr).toContain('organisations/ny.yaml is a new record not yet in the history');
  expect(r.calls.filter((c) => c.startsWith('status '))).toHaveLength(1);
});

test('sync finds the conflicts a colleague settled in one git call, not one per record', () => {
  const { bare, home } = sharedRegister({ ...baseFiles(), 'organisations/beta.yaml': org('beta', 'Beta Forening'), 'organisations/gamma.yaml': org('gamma', 'Gamma Forening') });
  const anna = cloneAs('Anna', bare, home);
  const bo = cloneAs('Bo', bare, home);
  for (const id of ['beta', 'gamma']) expect(anna.civsam(['org', 'edit', id, '--notes', 'Annas note']).code).toBe(0);
  expect(anna.civsam(['sync']).code).toBe(0);
  for (const id of ['beta', 'gamma']) expect(bo.civsam(['org', 'edit', id, '--notes', 'Bos note']).code).toBe(0);
  expect(bo.civsam(['sync']).code).toBe(2);
  expect(bo.civsam(['sync', '--mine']).code).toBe(0);

  const r = traced(anna.dir, ['sync']);
  expect(r.code, r.stderr).toBe(0);
  // Both records are said to be undone by Bo's choice, from one reading of the merges coming in.
  expect(r.stderr.match(/Bo/g)?.length).toBeGreaterThanOrEqual(2);
  expect(r.calls.filter((c) => c.startsWith('log ') && c.includes('--merges'))).toHaveLength(1);
  expect(r.calls.filter((c) => c.startsWith('log -1') || c.startsWith('rev-list --merges') || (c.startsWith('rev-parse --verify --quiet') && c.includes(':organisations/')))).toEqual([]);
});
