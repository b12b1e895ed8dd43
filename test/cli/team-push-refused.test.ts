// A shared copy that will never take a push. Before: sync to a plain `git clone` (an ordinary
// repository, whose checked-out branch git refuses to push into) failed every time with "could not
// send your changes … the next civsam sync sends them", which it never did. Now git's refusal is
// read: the copy is said to be no bare repository, with how to make one, and no next try is
// promised; a push turned away by a rule of the remote's own (a hook) is said as such.
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { cloneAs, git, member, person, sharedRegister, tempHome } from '../helpers/team.js';

const DA = { CIVSAM_LANG: 'da' };

test('sync to an ordinary clone with its branch checked out says why it is refused and what to do; done so, the next sync sends', () => {
  const { bare, home } = sharedRegister();
  // The shared copy as someone set it up: a plain clone, with files to work in and main checked out.
  const plain = join(tempHome(), 'fælles');
  expect(git(home, ['clone', '-q', bare, plain]).code).toBe(0);
  const anna = member('Anna', join(home, 'anna'));
  expect(git(home, ['clone', '-q', plain, anna.dir]).code).toBe(0);
  expect(anna.civsam(['org', 'edit', 'alpha', '--notes', 'Ny note']).code).toBe(0);

  for (let i = 0; i < 2; i++) {
    const r = anna.civsam(['sync'], DA);
    expect(r).toEqual({ code: 2, stdout: '', stderr: 'fejl: kunne ikke sende dine ændringer: det fælles arkiv er en almindelig kopi med sine egne filer at arbejde i (ikke et bart arkiv), og git sender aldrig ændringer ind i den gren, sådan en kopi har i brug, så næste civsam sync ville også blive afvist. Det fælles register skal være et bart arkiv (kun historikken): lav et ud fra den kopi med git clone --bare MAPPE FÆLLES.git, peg denne kopi og dine kollegers på det med git remote set-url origin FÆLLES.git, og kør civsam sync. Din mappe er som før; dine lokale ændringer (ikke sendt endnu: 1) er gemt.\n' });
  }
  expect(anna.civsam(['sync']).stderr).toMatch(/^error: could not send your changes: the shared remote is an ordinary copy .* so the next civsam sync would be turned away too\./);

  // What the message says to do, done: the next sync sends.
  const shared = join(home, 'FÆLLES.git');
  expect(git(home, ['clone', '-q', '--bare', plain, shared]).code).toBe(0);
  expect(anna.git(['remote', 'set-url', 'origin', shared]).code).toBe(0);
  const done = anna.civsam(['sync'], DA);
  expect(done.code, done.stderr).toBe(0);
  expect(git(home, ['--git-dir', shared, 'log', '-1', '--format=%s', 'main']).stdout).toBe(anna.git(['log', '-1', '--format=%s']).stdout);
});

test('a push the shared remote turns away by a rule of its own is said as such, without promising the next sync; near miss: a colleague who sent first is merged with', () => {
  const { bare, home } = sharedRegister();
  const anna = cloneAs('Anna', bare, home);
  const bo = cloneAs('Bo', bare, home);
  expect(bo.civsam(['org', 'edit', 'alpha', '--notes', 'Bo']).code).toBe(0);
  expect(bo.civsam(['sync']).code).toBe(0);
  expect(anna.civsam(['org', 'add', '--name', 'Beta Forening', '--kind', 'patient-association', '--areas', 'psychiatry', '--scope', 'regional']).code).toBe(0);
  // Near miss: Bo sent first; Anna's sync merges and sends.
  expect(anna.civsam(['sync']).code).toBe(0);

  const hook = join(bare, 'hooks', 'pre-receive');
  writeFileSync(hook, '#!/bin/sh\necho "closed for the night" >&2\nexit 1\n');
  chmodSync(hook, 0o755);
  expect(anna.civsam(['org', 'edit', 'beta-forening', '--notes', 'Anna']).code).toBe(0);
  const r = anna.civsam(['sync'], { ...person('Anna'), ...DA });
  expect(r).toEqual({ code: 2, stdout: '', stderr: 'fejl: det fælles arkiv afviste dine ændringer (en regel, der er sat op dér, ikke en kollegas ændring), så næste civsam sync ville også blive afvist. Spørg den, der passer det fælles register, hvorfor, og kør civsam sync, når det er ordnet. Din mappe er som før; dine lokale ændringer (ikke sendt endnu: 1) er gemt.\n' });
});
