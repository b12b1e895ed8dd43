// doctor names the data files every user of the computer can read, relative to the data folder,
// the first ten of them and then how many more.
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { civsam } from '../helpers/cli.js';
import { baseFiles, makeFolder, org } from '../helpers/folder.js';

function folderWith(orgs: number): string {
  const files = baseFiles();
  for (let i = 1; i <= orgs; i++) files[`organisations/forening-${String(i).padStart(2, '0')}.yaml`] = org(`forening-${String(i).padStart(2, '0')}`, `Forening ${i}`);
  const dir = makeFolder(files);
  for (const rel of Object.keys(files)) chmodSync(join(dir, rel), 0o640);
  return dir;
}

describe('doctor names the files others can read', () => {
  test('a named pipe in place of civsam.yaml, a folder in place of a record file: named as validate names them, never opened, exit 2', async () => {
    const dir = folderWith(0);
    rmSync(join(dir, 'civsam.yaml'));
    expect(spawnSync('mkfifo', [join(dir, 'civsam.yaml')]).status).toBe(0);
    mkdirSync(join(dir, 'organisations/mappe.yaml'));
    const r = await civsam(['--data', dir, '--lang', 'da', 'doctor', '--dry-run']);
    expect(r.code, r.stderr).toBe(2);
    const lines = r.stdout.split('\n');
    expect(lines).toContain(`${dir}/civsam.yaml: Dette er en navngiven kanal (en særlig fil, som programmer sender data igennem), ikke en almindelig fil, så datamappens indstillinger blev ikke læst. Erstat den med civsam.yaml, som den sidst blev registreret i historikken; civsam har ingen kommando til det, så skriv i en terminal i datamappen: git checkout -- civsam.yaml`);
    expect(lines.some((l) => l.startsWith(`${dir}/organisations/mappe.yaml: Dette er en mappe`))).toBe(true);
    // Not counted among the files others can read.
    expect(r.stdout).toContain('Datafilerne kan kun læses af ejeren og gruppen.');
  });

  test('two files: both named, relative to the data folder', async () => {
    const dir = folderWith(0);
    chmodSync(join(dir, 'organisations/alpha.yaml'), 0o644);
    chmodSync(join(dir, 'vocabularies/municipalities.yaml'), 0o644);
    // On a terminal 80 columns wide (COLUMNS says so): the findings are wrapped.
    const r = await civsam(['--data', dir, '--lang', 'da', 'doctor', '--dry-run'], { env: { COLUMNS: '80' } });
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    const at = lines.findIndex((l) => l.startsWith('2 datafiler kan læses af alle brugere'));
    expect(at).toBeGreaterThanOrEqual(0);
    // The finding wrapped at the width (80), then the files, indented, one a line.
    const first = lines.findIndex((l, i) => i > at && l.startsWith('  '));
    expect(lines.slice(at, first).every((l) => l.length <= 80)).toBe(true);
    expect(lines.slice(first, first + 2)).toEqual(['  vocabularies/municipalities.yaml', '  organisations/alpha.yaml']);
    expect(lines[first + 2]).not.toMatch(/^ {2}/);
  });

  test('twelve files: ten named, then how many more, in each language', async () => {
    const dir = folderWith(11);
    for (let i = 1; i <= 11; i++) chmodSync(join(dir, `organisations/forening-${String(i).padStart(2, '0')}.yaml`), 0o644);
    chmodSync(join(dir, 'civsam.yaml'), 0o644);
    const da = await civsam(['--data', dir, '--lang', 'da', 'doctor', '--dry-run'], { env: { COLUMNS: '80' } });
    const lines = da.stdout.split('\n');
    const at = lines.findIndex((l) => l.startsWith('12 datafiler kan læses af alle brugere'));
    const first = lines.findIndex((l, i) => i > at && l.startsWith('  '));
    expect(lines.slice(first, first + 13)).toEqual([
      '  civsam.yaml',
      ...Array.from({ length: 9 }, (_, i) => `  organisations/forening-0${i + 1}.yaml`),
      '  og 2 flere',
      'Datamappen ligger ikke i et git-arkiv, så der er ingen historik over ændringer',
      '(git init opretter et).',
    ]);
    const en = await civsam(['--data', dir, 'doctor', '--dry-run']);
    expect(en.stdout).toContain('  organisations/forening-09.yaml\n  and 2 more\n');
    // Piped, without COLUMNS: each finding one line, for a script to read.
    expect(en.stdout).toContain('\nThe data folder is not in a git repository, so there is no history of changes (git init makes one).\n');
  });
});

describe('doctor on a data folder that is not the user\'s own (a shared drive)', () => {
  // Only root can give a folder to another user; elsewhere the near miss alone is checked.
  const isRoot = process.getuid?.() === 0;
  test('files others can read: whoever manages the folder is to be asked, the folder named, no chmod', async () => {
    const dir = folderWith(0);
    chmodSync(join(dir, 'organisations/alpha.yaml'), 0o644);
    const own = await civsam(['--data', dir, '--lang', 'da', 'doctor', '--dry-run']);
    expect(own.stdout).toContain(`1 datafil kan læses af alle brugere på computeren, og posterne indeholder personoplysninger. Luk for de andre brugeres adgang, så kun du og din gruppe kan læse datamappen; civsam har ingen kommando til det, så skriv dette i en terminal: chmod -R o-rwx ${dir}\n`);
    if (!isRoot) return;
    chownSync(dir, 65534, 65534);
    const da = await civsam(['--data', dir, '--lang', 'da', 'doctor', '--dry-run']);
    expect(da.stdout).toContain(`1 datafil kan læses af alle brugere på computeren. Posterne indeholder personoplysninger, og det er ikke dig, der kan ændre, hvem der må læse dem: bed den, der har ansvaret for datamappen ${dir}, om at lukke for andre brugeres adgang til den.\n`);
    expect(da.stdout).not.toContain('chmod');
    const en = await civsam(['--data', dir, 'doctor', '--dry-run']);
    expect(en.stdout).toContain(`ask whoever manages the data folder ${dir} to close it to other users.\n`);
  });
});

describe('doctor and a folder linked out of the data folder', () => {
  test('removes no temporary file there: it is not the data folder\'s', async () => {
    const dir = makeFolder(baseFiles());
    const other = makeFolder({ 'organisations/alpha.yaml': org('alpha', 'Alpha') });
    const leftover = join(other, 'organisations', '.alpha.yaml.999999.deadbeef.tmp');
    writeFileSync(leftover, 'old\n');
    rmSync(join(dir, 'organisations'), { recursive: true });
    symlinkSync(join(other, 'organisations'), join(dir, 'organisations'));
    await civsam(['doctor', '--data', dir]);
    expect(existsSync(leftover)).toBe(true);
  });
});
