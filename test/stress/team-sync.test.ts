// Two members of staff, one shared register: a bare repository in a temporary folder and two
// clones. Different records sync without a conflict; the same field stops the second sync with
// the folder exactly as before, and --mine, --theirs and edit + --continue each finish it; the
// same CVR twice is refused before it is pushed; offline, the commits wait for the next sync.
// After every case the shared folder validates and git fsck is clean.
import { renameSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { baseFiles, org } from '../helpers/folder.js';
import { checkShared, cloneAs, folderState, sharedRegister, type Member } from '../helpers/team.js';

let bare: string;
let home: string;
let anna: Member;
let bo: Member;

beforeAll(() => {
  ({ bare, home } = sharedRegister({ ...baseFiles(), 'organisations/delta.yaml': org('delta', 'Delta Forening') }));
  anna = cloneAs('Anna', bare, home);
  bo = cloneAs('Bo', bare, home);
});

function expectSharedHealthy(): void {
  const shared = checkShared(bare, home);
  expect(shared.validate.code, shared.validate.stdout + shared.validate.stderr).toBe(0);
  expect(shared.fsck).toBe(0);
}

function field(m: Member, rel: string, name: string): string | undefined {
  return new RegExp(`^${name}: (.*)$`, 'm').exec(readFileSync(join(m.dir, rel), 'utf8'))?.[1];
}

describe('civsam sync, two members of staff', () => {
  test('different records: both sync without a conflict and end up with the same folder', () => {
    expect(anna.civsam(['org', 'add', '--id', 'beta', '--name', 'Beta Forening', '--kind', 'patient-association', '--areas', 'psychiatry', '--patient-groups', 'depression', '--municipalities', 'aarhus']).code).toBe(0);
    expect(anna.civsam(['org', 'edit', 'alpha', '--notes', 'Anna was here']).code).toBe(0);
    expect(bo.civsam(['org', 'add', '--id', 'gamma', '--name', 'Gamma Forening', '--kind', 'patient-association', '--areas', 'psychiatry', '--patient-groups', 'angst', '--municipalities', 'skive']).code).toBe(0);
    expect(bo.civsam(['org', 'edit', 'delta', '--notes', 'Bo was here']).code).toBe(0);

    const a = anna.civsam(['sync']);
    expect(a.code, a.stderr).toBe(0);
    expect(a.stderr).toContain("your changes sent: 2; colleagues' changes brought in: 0");
    const b = bo.civsam(['sync']);
    expect(b.code, b.stderr).toBe(0);
    expect(b.stderr).toContain("your changes sent: 2; colleagues' changes brought in: 2");
    const a2 = anna.civsam(['sync']);
    expect(a2.code, a2.stderr).toBe(0);

    expect(folderState(anna.dir).files).toEqual(folderState(bo.dir).files);
    expect(anna.git(['rev-parse', 'HEAD']).stdout).toBe(bo.git(['rev-parse', 'HEAD']).stdout);
    expect(field(bo, 'organisations/alpha.yaml', 'notes')).toBe('Anna was here');
    expect(field(anna, 'organisations/delta.yaml', 'notes')).toBe('Bo was here');
    expect(anna.git(['status', '--porcelain']).stdout).toBe('');
    expect(bo.git(['status', '--porcelain']).stdout).toBe('');
    expect(anna.civsam(['sync', '--status']).stdout).toBe('Shared remote: origin, branch main\nYour changes not yet sent: 0\nColleagues\' changes not yet here: 0\n');
    expectSharedHealthy();
  });

  /** Anna and Bo both change alpha's website; Anna syncs first; Bo's sync stops, folder untouched. */
  function conflictOnWebsite(round: string): void {
    expect(anna.civsam(['org', 'edit', 'alpha', '--website', `https://anna-${round}.example`]).code).toBe(0);
    expect(anna.civsam(['sync']).code).toBe(0);
    expect(bo.civsam(['org', 'edit', 'alpha', '--website', `https://bo-${round}.example`]).code).toBe(0);
    const before = folderState(bo.dir);
    const stopped = bo.civsam(['sync']);
    expect(stopped.code).toBe(2);
    expect(folderState(bo.dir)).toEqual(before);
    expect(before.inProgress).toEqual([]);
    expect(stopped.stderr).toContain('organisation alpha (Alpha Forening): both changed the field "website"');
    expect(stopped.stderr).toContain('civsam sync --mine');
    expect(stopped.stderr).toContain('civsam sync --continue');
    expect(stopped.stderr).toContain('Your folder is exactly as before the sync');
    // The values in conflict are data, never part of the message.
    expect(stopped.stderr).not.toContain(`anna-${round}`);
    expect(stopped.stderr).not.toContain(`bo-${round}`);
    const status = bo.civsam(['sync', '--status']);
    expect(status.stdout).toContain('Your changes not yet sent: 1\nColleagues\' changes not yet here: 1\n');
    expect(status.stdout).toContain('A stopped sync waits for a decision on: organisation alpha');
  }

  test('the same field: the second sync stops cleanly; --mine keeps Bo\'s value', () => {
    conflictOnWebsite('1');
    const r = bo.civsam(['sync', '--mine']);
    expect(r.code, r.stderr).toBe(0);
    expect(field(bo, 'organisations/alpha.yaml', 'website')).toBe('https://bo-1.example');
    expect(anna.civsam(['sync']).code).toBe(0);
    expect(field(anna, 'organisations/alpha.yaml', 'website')).toBe('https://bo-1.example');
    expect(bo.git(['status', '--porcelain']).stdout).toBe('');
    expectSharedHealthy();
  });

  test('the same field: --theirs org alpha takes Anna\'s value', () => {
    conflictOnWebsite('2');
    const r = bo.civsam(['sync', '--theirs', 'org', 'alpha']);
    expect(r.code, r.stderr).toBe(0);
    expect(field(bo, 'organisations/alpha.yaml', 'website')).toBe('https://anna-2.example');
    expect(anna.civsam(['sync']).code).toBe(0);
    expect(field(anna, 'organisations/alpha.yaml', 'website')).toBe('https://anna-2.example');
    expectSharedHealthy();
  });

  test('the same field: an edit with civsam, then --continue, takes the edited value', () => {
    conflictOnWebsite('3');
    expect(bo.civsam(['org', 'edit', 'alpha', '--website', 'https://agreed-3.example']).code).toBe(0);
    const r = bo.civsam(['sync', '--continue']);
    expect(r.code, r.stderr).toBe(0);
    expect(field(bo, 'organisations/alpha.yaml', 'website')).toBe('https://agreed-3.example');
    expect(anna.civsam(['sync']).code).toBe(0);
    expect(field(anna, 'organisations/alpha.yaml', 'website')).toBe('https://agreed-3.example');
    expect(bo.git(['status', '--porcelain']).stdout).toBe('');
    expectSharedHealthy();
  });

  test('the same field: an edit by hand, then --continue, takes the edited value', () => {
    conflictOnWebsite('4');
    const file = join(bo.dir, 'organisations/alpha.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^website: .*$/m, 'website: https://by-hand-4.example'));
    const r = bo.civsam(['sync', '--continue']);
    expect(r.code, r.stderr).toBe(0);
    expect(bo.git(['status', '--porcelain']).stdout).toBe('');
    expect(anna.civsam(['sync']).code).toBe(0);
    expect(field(anna, 'organisations/alpha.yaml', 'website')).toBe('https://by-hand-4.example');
    expectSharedHealthy();
  });

  test('the same CVR added twice: the second sync refuses to push and names the problem and the authors', () => {
    expect(anna.civsam(['org', 'add', '--id', 'epsilon', '--name', 'Epsilon Forening', '--kind', 'patient-association', '--areas', 'psychiatry', '--patient-groups', 'depression', '--municipalities', 'aarhus', '--cvr', '87654303']).code).toBe(0);
    expect(anna.civsam(['sync']).code).toBe(0);
    expect(bo.civsam(['org', 'add', '--id', 'zeta', '--name', 'Zeta Forening', '--kind', 'patient-association', '--areas', 'psychiatry', '--patient-groups', 'depression', '--municipalities', 'aarhus', '--cvr', '87654303']).code).toBe(0);
    const before = folderState(bo.dir);
    const remoteBefore = bo.git(['ls-remote', bare, 'main']).stdout;
    const r = bo.civsam(['sync']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/organisations\/(epsilon|zeta)\.yaml:\d+:\d+ {2}Another organisation \(organisations\/(epsilon|zeta)\.yaml\) has the same CVR number\./);
    expect(r.stderr).toContain('made by: Anna, Bo');
    expect(r.stderr).toContain('sync refused');
    expect(r.stderr).not.toContain('87654303');
    expect(folderState(bo.dir)).toEqual(before);
    expect(bo.git(['ls-remote', bare, 'main']).stdout).toBe(remoteBefore);
    expectSharedHealthy();
    // Bo takes his record back out; the next sync goes through.
    expect(bo.civsam(['org', 'remove', 'zeta']).code).toBe(0);
    expect(bo.civsam(['sync']).code).toBe(0);
    expectSharedHealthy();
  });

  test('offline: the sync says so and keeps the commit; the next sync sends it', () => {
    expect(bo.civsam(['org', 'edit', 'delta', '--notes', 'written on the train']).code).toBe(0);
    const head = bo.git(['rev-parse', 'HEAD']).stdout;
    const before = folderState(bo.dir);
    renameSync(bare, `${bare}.away`);
    try {
      const r = bo.civsam(['sync']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('could not reach the shared remote');
      expect(r.stderr).toContain('1 not sent yet');
      expect(folderState(bo.dir)).toEqual(before);
      const s = bo.civsam(['sync', '--status']);
      expect(s.code).toBe(2);
      expect(s.stdout).toContain('Your changes not yet sent: 1');
    } finally {
      renameSync(`${bare}.away`, bare);
    }
    const r = bo.civsam(['sync']);
    expect(r.code, r.stderr).toBe(0);
    expect(bo.git(['ls-remote', bare, 'main']).stdout.split('\t')[0]).toBe(head);
    expect(anna.civsam(['sync']).code).toBe(0);
    expect(field(anna, 'organisations/delta.yaml', 'notes')).toBe('written on the train');
    expectSharedHealthy();
  });

  test('a write command with --sync brings in the others\' changes first and sends the change', () => {
    expect(anna.civsam(['org', 'edit', 'delta', '--notes', 'from Anna']).code).toBe(0);
    expect(anna.civsam(['sync']).code).toBe(0);
    const r = bo.civsam(['org', 'edit', 'alpha', '--notes', 'from Bo', '--sync']);
    expect(r.code, r.stderr).toBe(0);
    expect(field(bo, 'organisations/delta.yaml', 'notes')).toBe('from Anna');
    expect(bo.git(['rev-parse', 'HEAD']).stdout).toBe(bo.git(['ls-remote', bare, 'main']).stdout.split('\t')[0]);
    expect(bo.civsam(['org', 'edit', 'alpha', '--notes', 'x', '--sync', '--dry-run']).stderr).toContain('cannot be used with --dry-run or --no-commit');
    expect(anna.civsam(['sync']).code).toBe(0);
    expect(field(anna, 'organisations/alpha.yaml', 'notes')).toBe('from Bo');
    expectSharedHealthy();
  });

  test('Danish messages on a conflict', () => {
    conflictOnWebsite('5');
    const r = bo.civsam(['--lang', 'da', 'sync']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('organisation alpha (Alpha Forening): begge har ændret feltet »hjemmeside«');
    expect(bo.civsam(['sync', '--theirs']).code).toBe(0);
    expectSharedHealthy();
  });
});
