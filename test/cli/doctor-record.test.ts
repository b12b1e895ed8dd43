// Files changed by hand. Before: doctor said "1 fil i datamappen har ændringer, der ikke er
// registreret i historikken" without naming it, and the only way into the history (which sync
// needs) was git add and git commit, unchecked. Now doctor names the files (ten, then how many
// more), and `civsam doctor --record` commits each one validate finds no error in, with a message
// that names the record and never a value; an invalid file is named and left out, exit 2.
import { appendFileSync, chmodSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { civsam } from '../helpers/cli.js';
import { baseFiles, org } from '../helpers/folder.js';
import { cloneAs, committedFolder, sharedRegister } from '../helpers/team.js';

const da = (dir: string, ...args: string[]) => civsam(['--data', dir, ...args], { env: { CIVSAM_LANG: 'da' } });

test('doctor names the files changed by hand, ten and then how many more, and says how to record them', async () => {
  const files = baseFiles();
  for (let i = 1; i <= 11; i++) files[`organisations/f-${String(i).padStart(2, '0')}.yaml`] = org(`f-${String(i).padStart(2, '0')}`, `Forening ${i}`);
  const { dir } = committedFolder(files);
  for (let i = 1; i <= 12; i++) appendFileSync(join(dir, i === 12 ? 'organisations/alpha.yaml' : `organisations/f-${String(i).padStart(2, '0')}.yaml`), '# min kommentar\n');
  const r = await da(dir, 'doctor', '--dry-run');
  expect(r.code).toBe(0);
  const at = r.stdout.indexOf('12 filer i datamappen har ændringer, der ikke er registreret i historikken:\n');
  expect(at).toBeGreaterThanOrEqual(0);
  const lines = r.stdout.slice(at).split('\n').slice(1, 13);
  expect(lines.slice(0, 10).every((l) => l.startsWith(`  ${dir}/organisations/`))).toBe(true);
  expect(lines[10]).toBe('  og 2 flere');
  // Plain words first; git only as the exact thing to type where civsam has no command.
  expect(lines[11]).toBe('Registrér ændringerne i historikken med civsam doctor --record (hver fil kontrolleres først). Er en ændring en fejl, så kassér den, så filen igen er, som den sidst blev registreret; civsam har ingen kommando til det, så skriv i en terminal: git restore FIL');
});

test('a named pipe in place of civsam.yaml is to be replaced, and so not also listed as a change to record', async () => {
  const { dir } = committedFolder(baseFiles());
  rmSync(join(dir, 'civsam.yaml'));
  expect(spawnSync('mkfifo', [join(dir, 'civsam.yaml')]).status).toBe(0);
  for (const args of [['doctor', '--dry-run'], ['doctor', '--record']]) {
    const r = await da(dir, ...args);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('så skriv i en terminal i datamappen: git checkout -- civsam.yaml\n');
    expect(r.stdout).not.toMatch(/^ +\S*civsam\.yaml$/m);
    expect(r.stdout).not.toContain('ikke registreret i historikken:');
    expect(r.stdout).not.toContain('Ikke registreret');
    expect(r.stdout).not.toContain('Alt i datamappen er registreret');
  }
});

test('doctor --record commits a valid hand edit, naming the record; an invalid file is named, left uncommitted, exit 2', async () => {
  const { dir, git } = committedFolder(baseFiles());
  appendFileSync(join(dir, 'organisations/alpha.yaml'), '# min kommentar\n');
  writeFileSync(join(dir, 'organisations/ny.yaml'), org('ny', 'Ny Forening').replace('status: active', 'status: aktiv'));
  const r = await da(dir, 'doctor', '--record');
  expect(r.code, r.stdout + r.stderr).toBe(2);
  expect(r.stdout).toMatch(new RegExp(`Registreret i historikken: ${dir}/organisations/alpha\\.yaml\\n`));
  expect(r.stdout).toContain(`Ikke registreret: ${dir}/organisations/ny.yaml har en fejl (civsam validate viser den). Ret filen, og kør så civsam doctor --record igen; eller slet filen, som er ny.\n`);
  expect(git('log', '-1', '--format=%s%n%b').trim()).toBe('organisation alpha: rettet i filen, registreret bagefter');
  expect(git('show', '--stat', '--format=', 'HEAD').trim()).toMatch(/^organisations\/alpha\.yaml \| 1 \+\n/);
  expect(git('status', '--porcelain').trim()).toBe('?? organisations/ny.yaml');

  // Near miss: once the file is correct, it is recorded too, and doctor exits 0.
  writeFileSync(join(dir, 'organisations/ny.yaml'), org('ny', 'Ny Forening'));
  const again = await da(dir, 'doctor', '--record');
  expect(again.code, again.stdout).toBe(0);
  expect(git('log', '-1', '--format=%s')).toBe('organisation ny: oprettet i en ny fil, registreret bagefter\n');
  expect(again.stdout).toContain('Alt i datamappen er registreret i historikken (git).');
});

test('--record with --dry-run is refused; sync blocked by a hand edit points to civsam doctor --record', async () => {
  const { dir } = committedFolder(baseFiles());
  const both = await da(dir, 'doctor', '--record', '--dry-run');
  expect(both.code).toBe(2);
  expect(both.stderr).toBe('fejl: brug --record eller --dry-run, ikke begge: --record ændrer historikken.\n');

  const { bare, home } = sharedRegister();
  const anna = cloneAs('Anna', bare, home);
  const bo = cloneAs('Bo', bare, home);
  expect((await da(anna.dir, 'org', 'edit', 'alpha', '--notes', 'Annas note')).code).toBe(0);
  expect((await da(anna.dir, 'sync')).code).toBe(0);
  appendFileSync(join(bo.dir, 'organisations/alpha.yaml'), '# min kommentar\n');
  const s = await da(bo.dir, 'sync');
  expect(s.code).toBe(2);
  expect(s.stderr).toContain('Registrér dem først med civsam doctor --record (hver fil kontrolleres først), eller fortryd dem med git restore FIL, og kør så civsam sync igen.');
  expect((await da(bo.dir, 'doctor', '--record')).code).toBe(0);
  const after = await da(bo.dir, 'sync');
  expect(after.code, after.stderr).toBe(0);
});

test('a record file removed by hand is not recorded: doctor --record says to get it back and remove the record with civsam, which checks references', async () => {
  const { dir, git } = committedFolder({ ...baseFiles(), 'organisations/beta.yaml': org('beta', 'Beta Forening') });
  rmSync(join(dir, 'organisations/beta.yaml'));
  const r = await da(dir, 'doctor', '--record');
  expect(r.code).toBe(2);
  expect(r.stdout).toContain(`Ikke registreret: ${dir}/organisations/beta.yaml er slettet. Hent den tilbage med git restore ${dir}/organisations/beta.yaml, og fjern så posten med civsam org remove beta, som tjekker, at intet henviser til den.\n`);
  expect(git('status', '--porcelain').trim()).toBe('D organisations/beta.yaml');
});

test('a record file added by hand is committed as created by hand; a record file moved with mv is said as one move, with the way back', async () => {
  const { dir, git } = committedFolder({ ...baseFiles(), 'organisations/beta.yaml': org('beta', 'Beta Forening') });
  writeFileSync(join(dir, 'organisations/kopi.yaml'), org('kopi', 'Kopi Forening'));
  execFileSync('mv', [join(dir, 'organisations/beta.yaml'), join(dir, 'organisations/beta-ny.yaml')]);
  const r = await da(dir, 'doctor', '--record');
  expect(r.code).toBe(2);
  expect(r.stdout).toContain(`Ikke registreret: ${dir}/organisations/beta.yaml er flyttet til ${dir}/organisations/beta-ny.yaml i hånden. En posts id er filens navn, og andre poster og historikken kender posten ved det id: flyt filen tilbage med mv ${dir}/organisations/beta-ny.yaml ${dir}/organisations/beta.yaml.\n`);
  // Said once, as a move: neither as a removal nor as a new file with an error.
  expect(r.stdout).not.toMatch(/er slettet|har en fejl/);
  expect(git('log', '-1', '--format=%s').trim()).toBe('organisation kopi: oprettet i en ny fil, registreret bagefter');
  expect(git('status', '--porcelain').split('\n').filter(Boolean).map((l) => l.trim()).sort()).toEqual(['?? organisations/beta-ny.yaml', 'D organisations/beta.yaml']);
});

test('a change civsam saved and could not commit (a hook refused) is said as civsam\'s own, and --record commits it with its own message, not as an edit by hand', async () => {
  const { dir, git } = committedFolder({ ...baseFiles(), 'organisations/ny.yaml': org('ny', 'Ny Forening') });
  const hook = join(dir, '.git', 'hooks', 'pre-commit');
  writeFileSync(hook, '#!/bin/sh\nexit 1\n');
  chmodSync(hook, 0o755);
  expect((await da(dir, 'org', 'edit', 'alpha', '--notes', 'Ny note')).code).toBe(2);
  const saved = git('log', '-1', '--format=%H').trim();
  rmSync(hook);
  // Beside it, a file changed by hand: that one is a hand edit.
  appendFileSync(join(dir, 'organisations/ny.yaml'), '# min kommentar\n');

  const look = await da(dir, 'doctor', '--dry-run');
  expect(look.code).toBe(0);
  expect(look.stdout).toContain(`En ændring, som civsam gemte, kunne ikke registreres i historikken dengang (en git-kontrol afviste, eller disken var fuld). Den er civsams egen, ikke rettet i hånden:\n  organisation alpha: noter: sat (${dir}/organisations/alpha.yaml)\ncivsam registrerer den som den ændring, den var, med sin egen besked, før din næste ændring, eller nu med civsam doctor --record.\n`);
  expect(look.stdout).toContain(`1 fil i datamappen har ændringer, der ikke er registreret i historikken:\n  ${dir}/organisations/ny.yaml\n`);
  // Its own change alone is not everything committed either.
  execFileSync('git', ['checkout', '-q', '--', 'organisations/ny.yaml'], { cwd: dir });
  const alone = await da(dir, 'doctor', '--dry-run');
  expect(alone.stdout).toContain('Den er civsams egen, ikke rettet i hånden:');
  expect(alone.stdout).not.toContain('Alt i datamappen er registreret');
  expect(alone.stdout).not.toContain('har ændringer, der ikke er registreret');
  appendFileSync(join(dir, 'organisations/ny.yaml'), '# min kommentar\n');

  const r = await da(dir, 'doctor', '--record');
  expect(r.code, r.stdout + r.stderr).toBe(0);
  expect(r.stdout).toMatch(/Registrerede en tidligere ændring, som civsam gemte, men ikke fik registreret dengang: organisation alpha: noter: sat\n/);
  expect(git('log', '--format=%s', `${saved}..HEAD`)).toBe('organisation ny: rettet i filen, registreret bagefter\norganisation alpha: noter: sat\n');
  expect(git('show', '--stat', '--format=', 'HEAD~1').trim()).toMatch(/^organisations\/alpha\.yaml \| 1 \+\n/);
  expect(git('status', '--porcelain')).toBe('');
});
