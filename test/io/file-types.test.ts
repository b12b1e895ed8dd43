// Only ordinary files are read from a data folder. A named pipe under a record's name used to hang
// every command; a folder or a link to /dev/zero named like a record was skipped without a word.
// Each is now a located problem, and nothing blocks.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFolder } from '../../src/store/load-folder.js';
import { openRegular } from '../../src/store/read-file.js';
import { noCache, type ParseCache } from '../../src/store/parse-cache.js';
import { checkFolder } from '../../src/validate/check-folder.js';
import { translate } from '../../src/i18n/index.js';
import { baseFiles, makeFolder, org } from '../helpers/folder.js';
import { BIN, civsam } from '../helpers/cli.js';

function mkfifo(path: string): void {
  const r = spawnSync('mkfifo', [path]);
  if (r.status !== 0) throw new Error('mkfifo failed');
}

/** Each problem as `file:line:col rule message` in English. */
function problems(dir: string, cache?: ParseCache): string[] {
  return checkFolder(readFolder(dir, cache)).problems.map((p) => `${p.file}:${p.line}:${p.col} ${p.rule} ${translate('en', p.message.key, p.message.params)}`);
}

const SAY = 'not an ordinary file, so it was not read. Move it out of the data folder, or put the file itself here.';

describe('files that are not ordinary files', () => {
  it('a named pipe, a folder, and links out of the folder, to a device or to nowhere are each a problem', () => {
    const dir = makeFolder({ ...baseFiles(), 'outside.yaml': org('outside', 'Outside') });
    const data = join(dir, 'data');
    mkdirSync(data);
    for (const [rel, text] of Object.entries(baseFiles())) {
      mkdirSync(join(data, rel, '..'), { recursive: true });
      writeFileSync(join(data, rel), text as string);
    }
    mkfifo(join(data, 'organisations/pipe.yaml'));
    mkdirSync(join(data, 'organisations/folder.yaml'));
    symlinkSync('/dev/zero', join(data, 'organisations/zero.yaml'));
    symlinkSync('../../outside.yaml', join(data, 'organisations/outside.yaml'));
    symlinkSync('nowhere.yaml', join(data, 'organisations/broken.yaml'));
    symlinkSync('.', join(data, 'organisations/loop.yaml'));
    expect(problems(data)).toEqual([
      `organisations/broken.yaml:1:1 file-not-regular This is a link that leads nowhere, ${SAY}`,
      `organisations/folder.yaml:1:1 file-not-regular This is a folder, ${SAY}`,
      `organisations/loop.yaml:1:1 file-not-regular This is a link to a folder, ${SAY}`,
      `organisations/outside.yaml:1:1 file-not-regular This is a link to something outside the data folder, ${SAY}`,
      `organisations/pipe.yaml:1:1 file-not-regular This is a named pipe (a special file programs pass data through), ${SAY}`,
      `organisations/zero.yaml:1:1 file-not-regular This is a link to something outside the data folder, ${SAY}`,
    ]);
  });

  it('a link to an ordinary file inside the data folder is followed (near miss)', () => {
    const dir = makeFolder({ ...baseFiles(), 'archive/beta.yaml': org('beta', 'Beta') });
    symlinkSync('../archive/beta.yaml', join(dir, 'organisations/beta.yaml'));
    const raw = readFolder(dir);
    expect(raw.problems).toEqual([]);
    expect(raw.files.find((f) => f.rel === 'organisations/beta.yaml')?.data).toMatchObject({ id: 'beta', name: 'Beta' });
  });

  it('a record folder that is a link out of the data folder is not read, and nothing is written through it', async () => {
    const offer = 'id: samtaler\norganisation: alpha\ntitle: Samtaler\ntype: peer-group\npatient_groups: [depression]\nareas: [psychiatry]\nmunicipalities: [aarhus]\nactive_from: 2024-01-01\n';
    const dir = makeFolder({ ...baseFiles(), 'organisations/alpha.yaml': org('alpha', 'Alpha'), 'offers/samtaler.yaml': offer });
    expect(problems(dir)).toEqual([]);
    const away = makeFolder({});
    renameSync(join(dir, 'organisations'), join(away, 'organisations'));
    symlinkSync(join(away, 'organisations'), join(dir, 'organisations'));
    const FOLDER = 'organisations:1:1 folder-outside This folder is a link to a folder outside the data folder, so the records in it were not read';
    // No reference to an organisation is said to be dangling: the folder's own problem says why.
    expect(problems(dir).map((p) => p.slice(0, FOLDER.length))).toEqual([FOLDER]);
    const add = ['org', 'add', '--id', 'beta', '--name', 'Beta Forening', '--kind', 'patient-association', '--areas', 'psychiatry', '--scope', 'regional', '--no-commit', '--data', dir];
    const r = await civsam(add);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`error: ${join(dir, 'organisations')} is a link to a folder outside the data folder; civsam writes only inside the data folder, so nothing was written. Move the folder into the data folder in the link's place.\n`);
    expect(readdirSync(join(away, 'organisations')).sort()).toEqual(['alpha.yaml']);
    const da = await civsam(add, { env: { CIVSAM_LANG: 'da' } });
    expect(da.stderr).toContain('er en genvej til en mappe uden for datamappen; civsam skriver kun inden for datamappen, så intet er skrevet.');
  });

  it('a record folder that is a link leading nowhere is a problem, not an empty folder; references to it are not called dangling', () => {
    const offer = 'id: samtaler\norganisation: alpha\ntitle: Samtaler\ntype: peer-group\npatient_groups: [depression]\nareas: [psychiatry]\nmunicipalities: [aarhus]\nactive_from: 2024-01-01\n';
    const dir = makeFolder({ ...baseFiles(), 'offers/samtaler.yaml': offer });
    renameSync(join(dir, 'organisations'), join(dir, 'gone'));
    symlinkSync('nowhere', join(dir, 'organisations'));
    expect(problems(dir)).toEqual(['organisations:1:1 folder-unreadable This folder is a link that leads nowhere, so the records in it were not read. Put the link right, or put the folder itself in its place.']);
  });

  it('a record folder that is a link within the data folder is read (near miss)', () => {
    const dir = makeFolder({ ...baseFiles(), 'organisations/alpha.yaml': org('alpha', 'Alpha') });
    renameSync(join(dir, 'organisations'), join(dir, 'kept-organisations'));
    symlinkSync('kept-organisations', join(dir, 'organisations'));
    const raw = readFolder(dir);
    expect(raw.problems).toEqual([]);
    expect(raw.files.find((f) => f.rel === 'organisations/alpha.yaml')?.data).toMatchObject({ id: 'alpha', name: 'Alpha' });
  });

  it('the vocabularies folder linked out of the data folder is not read either', () => {
    const dir = makeFolder(baseFiles());
    const away = makeFolder({});
    renameSync(join(dir, 'vocabularies'), join(away, 'vocabularies'));
    symlinkSync(join(away, 'vocabularies'), join(dir, 'vocabularies'));
    // Its files are not also said to be missing, and no reference to a vocabulary is dangling.
    // It holds vocabularies (word lists), not records.
    expect(problems(dir)).toEqual(['vocabularies:1:1 folder-outside This folder is a link to a folder outside the data folder, so the vocabularies in it were not read: civsam reads and writes only inside the data folder (and its history). Move the folder into the data folder in the link\'s place.']);
  });

  it('a vocabularies folder that is a link leading nowhere speaks of the word lists in it, not of records', () => {
    const dir = makeFolder(baseFiles());
    renameSync(join(dir, 'vocabularies'), join(dir, 'gone'));
    symlinkSync('nowhere', join(dir, 'vocabularies'));
    const [p] = checkFolder(readFolder(dir)).problems;
    expect(translate('da', p!.message.key, p!.message.params)).toBe('Denne mappe er en genvej, der ikke fører nogen steder hen, så ordlisterne i den blev ikke læst. Ret genvejen, eller læg selve mappen i dens sted.');
    expect(translate('en', p!.message.key, p!.message.params)).toBe('This folder is a link that leads nowhere, so the vocabularies in it were not read. Put the link right, or put the folder itself in its place.');
  });

  it('a record file that is a link to the data folder itself is said to be that', () => {
    const dir = makeFolder(baseFiles());
    symlinkSync('..', join(dir, 'organisations/loop.yaml'));
    expect(problems(dir)).toEqual([`organisations/loop.yaml:1:1 file-not-regular This is a link to the data folder itself, ${SAY}`]);
  });

  it('a record folder that is a link to the data folder itself is said to be that, not a link out of the folder; nothing is written through it', async () => {
    const dir = makeFolder(baseFiles());
    renameSync(join(dir, 'organisations'), join(dir, 'kept'));
    symlinkSync('.', join(dir, 'organisations'));
    const [p] = checkFolder(readFolder(dir)).problems;
    expect(p).toMatchObject({ file: 'organisations', rule: 'folder-outside' });
    expect(translate('da', p!.message.key, p!.message.params)).toBe('Denne mappe er en genvej til selve datamappen og ikke en mappe for sig, så posterne i den blev ikke læst (datamappens egne filer ville blive taget for dem). Slet genvejen, og opret en almindelig mappe i dens sted.');
    const add = ['org', 'add', '--id', 'beta', '--name', 'Beta Forening', '--kind', 'patient-association', '--areas', 'psychiatry', '--scope', 'regional', '--no-commit'];
    const r = await civsam(add, { cwd: dir, env: { CIVSAM_LANG: 'da' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('fejl: organisations er en genvej til selve datamappen og ikke en mappe for sig, så civsam har intet skrevet, hverken der eller andre steder. Slet genvejen, og opret en almindelig mappe i dens sted.\n');
    expect(existsSync(join(dir, 'beta.yaml'))).toBe(false);
  });

  it('settings and vocabularies are held to the same rule', () => {
    const dir = makeFolder({ ...baseFiles(), 'civsam.yaml': null });
    mkfifo(join(dir, 'civsam.yaml'));
    expect(problems(dir)).toEqual(['civsam.yaml:1:1 file-not-regular This is a named pipe (a special file programs pass data through), not an ordinary file, so the data folder\'s settings were not read. Replace it with civsam.yaml as it was last recorded in the history; civsam has no command for that, so type in a terminal in the data folder: git checkout -- civsam.yaml']);
  });

  it('vocabularies/ holds its word lists: another file or folder there is a warning, a pipe an error, as in a record folder; near miss: hidden and backup files', () => {
    const dir = makeFolder({ ...baseFiles(), 'vocabularies/x.yaml': '- id: a\n', 'vocabularies/notes.txt': 'x', 'vocabularies/gammel/patient-groups.yaml': '[]\n', 'vocabularies/.patient-groups.yaml.swp': 'x', 'vocabularies/municipalities.yaml~': 'x' });
    mkfifo(join(dir, 'vocabularies/p.yaml'));
    mkfifo(join(dir, 'organisations/p.yaml'));
    expect(problems(dir)).toEqual([
      `organisations/p.yaml:1:1 file-not-regular This is a named pipe (a special file programs pass data through), ${SAY}`,
      'vocabularies/gammel:1:1 unexpected-file This folder is not a word list (the word lists are files in vocabularies/) and is ignored. Move it out of vocabularies/ if it does not belong there.',
      'vocabularies/notes.txt:1:1 unexpected-file This file is not one of the word lists civsam reads and is ignored. Move it out of vocabularies/ if it does not belong there.',
      `vocabularies/p.yaml:1:1 file-not-regular This is a named pipe (a special file programs pass data through), ${SAY}`,
      'vocabularies/x.yaml:1:1 unexpected-file This file is not one of the word lists civsam reads and is ignored. Move it out of vocabularies/ if it does not belong there.',
    ]);
    // In Danish, through the command, and without blocking.
    return civsam(['--data', dir, '--lang', 'da', 'validate', '--format', 'json']).then((r) => {
      expect(r.code).toBe(2);
      expect(JSON.parse(r.stdout).problems.filter((p: { file: string }) => p.file === 'vocabularies/x.yaml').map((p: { severity: string; message: string }) => `${p.severity} ${p.message}`))
        .toEqual(['warning Filen er ikke en af de ordlister, civsam læser, og bliver ignoreret. Flyt den ud af vocabularies/, hvis den ikke hører hjemme der.']);
    });
  });

  it('a vocabulary that could not be read makes no reference to it dangling (its own problem says why)', () => {
    const dir = makeFolder({ ...baseFiles(), 'vocabularies/patient-groups.yaml': null });
    mkdirSync(join(dir, 'vocabularies/patient-groups.yaml'));
    expect(problems(dir)).toEqual([`vocabularies/patient-groups.yaml:1:1 file-not-regular This is a folder, ${SAY}`]);
  });

  it('a pipe swapped in after the folder was listed is refused when opened, without blocking', () => {
    const dir = makeFolder({});
    mkfifo(join(dir, 'x.yaml'));
    expect(openRegular(join(dir, 'x.yaml'), { follow: false })).toEqual({ refused: 'fifo' });
    symlinkSync('x.yaml', join(dir, 'y.yaml'));
    expect(openRegular(join(dir, 'y.yaml'), { follow: false })).toMatchObject({ refused: expect.anything() });
  });

  it('a cached entry never makes the reader open a pipe that took a file\'s place', () => {
    const dir = makeFolder(baseFiles());
    mkfifo(join(dir, 'organisations/pipe.yaml'));
    const everything: ParseCache = { ...noCache, exists: () => true, has: () => true };
    expect(problems(dir, everything)).toEqual([`organisations/pipe.yaml:1:1 file-not-regular This is a named pipe (a special file programs pass data through), ${SAY}`]);
  });

  it('the built binary reports a named pipe and exits 2 instead of hanging', () => {
    const dir = makeFolder(baseFiles());
    mkfifo(join(dir, 'organisations/x.yaml'));
    const r = spawnSync(process.execPath, [BIN, 'validate', '--data', dir], { encoding: 'utf8', timeout: 10_000, env: { ...process.env, NO_COLOR: '1', CIVSAM_NO_CACHE: '1', LANG: 'C.UTF-8', CIVSAM_LANG: 'da' } });
    expect(r.signal).toBeNull();
    expect(r.status).toBe(2);
    expect(r.stdout).toContain('organisations/x.yaml:1:1  Dette er en navngiven kanal');
  });

  it('a write onto a named pipe in a record\'s place is refused instead of hanging, and the lock is released', () => {
    const dir = makeFolder(baseFiles());
    mkfifo(join(dir, 'organisations/beta.yaml'));
    const args = ['org', 'add', '--id', 'beta', '--name', 'Beta Forening', '--kind', 'patient-association', '--areas', 'psychiatry', '--patient-groups', 'depression', '--scope', 'regional', '--no-commit', '--data', dir];
    const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 10_000, env: { ...process.env, NO_COLOR: '1', CIVSAM_NO_CACHE: '1', LANG: 'C.UTF-8', CIVSAM_LANG: 'en' } });
    expect(r.signal).toBeNull();
    expect(r.status).toBe(2);
    // In the reader's own words, as validate says it.
    expect(r.stderr).toBe(`  ${join(dir, 'organisations/beta.yaml')}:1:1  This is a named pipe (a special file programs pass data through), ${SAY}\nerror: the change was refused because of the problem above; nothing was written.\n`);
    expect(existsSync(join(dir, '.civsam.lock'))).toBe(false);
  });
});
