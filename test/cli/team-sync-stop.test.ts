// Ctrl-C during `civsam sync`. Before, Node died at once: exit 130, not a word, and the folder's lock
// left behind; once the push had already gone through. Now the sync stops where it safely can,
// releases the lock, and says whether anything was sent. The Ctrl-C comes at a fixed step: a git
// hook (pre-push) sends it to the sync's process, named in the lock file, while git pushes.
import { chmodSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { cloneAs, folderState, sharedRegister, type Member } from '../helpers/team.js';

/** A pre-push hook that sends Ctrl-C to the civsam holding the folder's lock, then lets the push go on (0) or refuses it (1). */
function ctrlCDuringPush(m: Member, exit: 0 | 1): void {
  const hook = join(m.dir, '.git/hooks/pre-push');
  writeFileSync(hook, `#!/bin/sh\nkill -INT "$(sed -n 's/.*"pid": *\\([0-9]*\\).*/\\1/p' .civsam.lock)"\nexit ${exit}\n`);
  chmodSync(hook, 0o755);
}

function twoWithWork(): { bare: string; anna: Member; bo: Member } {
  const { bare, home } = sharedRegister();
  const anna = cloneAs('Anna', bare, home);
  const bo = cloneAs('Bo', bare, home);
  expect(anna.civsam(['org', 'edit', 'alpha', '--notes', 'Anna']).code).toBe(0);
  expect(anna.civsam(['sync']).code).toBe(0);
  expect(bo.civsam(['org', 'edit', 'alpha', '--website', 'https://alpha.example']).code).toBe(0);
  return { bare, anna, bo };
}

const remoteHead = (m: Member, bare: string) => m.git(['ls-remote', bare, 'main']).stdout.split('\t')[0];

describe('Ctrl-C during civsam sync', () => {
  test('while the push goes through: the folder is brought to the result first, the lock released, exit 130, and it says all was sent', () => {
    const { bare, bo } = twoWithWork();
    ctrlCDuringPush(bo, 0);
    const r = bo.civsam(['sync'], { CIVSAM_LANG: 'da' });
    expect(r.code, r.stderr).toBe(130);
    expect(r.stderr).toContain('Synkroniseret: dine ændringer sendt: 1; kollegernes ændringer hentet: 1.');
    expect(r.stderr).toContain('Bedt om at stoppe: dine ændringer var allerede sendt, så synkroniseringen blev gjort færdig først; din mappe og det fælles arkiv er i takt.');
    expect(existsSync(join(bo.dir, '.civsam.lock'))).toBe(false);
    expect(bo.git(['rev-parse', 'HEAD']).stdout).toBe(remoteHead(bo, bare));
    expect(bo.git(['status', '--porcelain']).stdout).toBe('');
  });

  test('before anything was sent: the folder as it was, the lock released, exit 130, and it says nothing was sent', () => {
    const { bare, bo } = twoWithWork();
    ctrlCDuringPush(bo, 1);
    const remote = remoteHead(bo, bare);
    const before = folderState(bo.dir);
    const r = bo.civsam(['sync'], { CIVSAM_LANG: 'da' });
    expect(r.code, r.stderr).toBe(130);
    expect(r.stderr).toBe('fejl: stoppet efter dit ønske, før noget blev sendt eller hentet ind i din mappe; din mappe er som før. Kør civsam sync igen, når du er klar.\n');
    expect(existsSync(join(bo.dir, '.civsam.lock'))).toBe(false);
    expect(folderState(bo.dir)).toEqual(before);
    expect(remoteHead(bo, bare)).toBe(remote);
  });
});
