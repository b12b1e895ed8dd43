// A file operation the system refuses (a full disk, a read-only drive, no permission, a folder where
// a file was meant…) is the user's to put right, not "an internal error": one mapping turns each into
// a message with the path, what the system refused in words (never its code) and advice, in English
// and Danish, and exit 2.
import { spawnSync } from 'node:child_process';
import { chmodSync, lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FILE_SYSTEM_CODES, FileSystemError, fileSystemFailure, fileSystemMessage } from '../../src/domain/errors.js';
import { catalogue } from '../../src/i18n/catalogue/index.js';
import { translate, type MessageKey } from '../../src/i18n/index.js';
import { terminalSafe } from '../../src/i18n/terminal-text.js';
import { BIN, civsam, ROOT } from '../helpers/cli.js';
import { baseFiles, makeFolder } from '../helpers/folder.js';

const errno = (code: string, syscall: string, path?: string, dest?: string) =>
  Object.assign(new Error(`${code}: ${syscall}`), { code, syscall, ...(path !== undefined ? { path } : {}), ...(dest !== undefined ? { dest } : {}) });

const say = (err: unknown, cwd = '/home/anne', lang: 'en' | 'da' = 'en') => {
  const f = fileSystemFailure(err);
  if (!f) return undefined;
  const m = fileSystemMessage(f, cwd, terminalSafe);
  return translate(lang, m.key, m.params);
};

describe('the mapping', () => {
  it('has a reason and advice for every code, in both languages', async () => {
    for (const code of FILE_SYSTEM_CODES) {
      for (const part of ['reason', 'advice']) {
        const key = `fs.${part}.${code}` as MessageKey;
        expect(catalogue.en[key], key).toBeTruthy();
        expect(catalogue.da[key], key).toBeTruthy();
      }
    }
  });

  it('names what failed, the path (relative when shorter), the reason in words and what to do', async () => {
    expect(say(errno('ENOSPC', 'write', '/home/anne/data/organisations/alpha.yaml')))
      .toBe('cannot write data/organisations/alpha.yaml: the disk is full. Free some space on the drive and try again.');
    expect(say(errno('EROFS', 'open', '/mnt/share/data/civsam.yaml'), '/home/anne/work/deep/down', 'da'))
      .toBe('kan ikke åbne /mnt/share/data/civsam.yaml: mappen ligger på et drev, der kun kan læses. Arbejd på en kopi af datamappen på et drev, du kan skrive på, eller bed IT om at gøre drevet skrivbart.');
    expect(say(errno('EACCES', 'scandir', '/home/anne/data/offers')))
      .toBe('cannot read the folder data/offers: permission denied. Ask whoever manages the folder for permission, or work in a folder of your own.');
  });

  it('is the message the README promises for a full disk, in words and without the system\'s code', async () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8').replace(/\n\s*/g, ' ');
    const promised = /If the disk fills at any point the command says so in words, naming the file \("([^"]+)"; in Danish "([^"]+)"\)/.exec(readme);
    expect(promised).not.toBeNull();
    const full = errno('ENOSPC', 'write', '/home/anne/data/organisations/alpha.yaml');
    expect(say(full)).toBe(promised![1]);
    expect(say(full, '/home/anne', 'da')).toContain(promised![2]);
    expect(say(full)).not.toContain('ENOSPC');
  });

  it('a rename is reported at its destination, not at the temporary file', async () => {
    expect(say(errno('EISDIR', 'rename', '/home/anne/out.csv.123.tmp', '/home/anne/out.csv'))).toBe('cannot write out.csv: it is a folder, not a file. Give the name of a file, not of a folder.');
  });

  it('without a path it still says what failed and why', async () => {
    expect(say(errno('ENOSPC', 'write'))).toBe('cannot write: the disk is full. Free some space on the drive and try again.');
  });

  it('a path is passed through the terminal sanitiser', async () => {
    expect(say(errno('ENOENT', 'open', '/home/anne/\u001b[31mred.csv'))).toBe('cannot open \uFFFD[31mred.csv: it, or the folder it is in, does not exist. Check the path; the file or folder may have been moved or removed.');
  });

  it('civsam\'s own FileSystemError reads the same; FileSystemError.at moves a failure to the path a person knows', async () => {
    expect(say(FileSystemError.at(errno('EROFS', 'open', '/home/anne/data/.civsam.lock.1.ab.tmp'), '/home/anne/data/.civsam.lock', 'link')))
      .toMatch(/^cannot create data\/\.civsam\.lock: the folder is on a read-only drive/);
  });

  it('leaves alone what is not a refused file operation (near misses)', async () => {
    expect(fileSystemFailure(errno('ENOENT', 'spawnSync git'))).toBeUndefined(); // a missing program
    expect(fileSystemFailure(errno('EPERM', 'kill'))).toBeUndefined(); // not a file
    expect(fileSystemFailure(errno('ECONNRESET', 'read', '/x'))).toBeUndefined(); // not a known code
    expect(fileSystemFailure(new Error('EACCES'))).toBeUndefined();
    expect(fileSystemFailure(undefined)).toBeUndefined();
  });
});

describe('the built binary', () => {
  it('--output naming a folder: a user error with the path and EISDIR, no internal error', async () => {
    const dir = makeFolder(baseFiles());
    const place = makeFolder({ 'out/.keep': '' });
    const r = await civsam(['overview', 'offers', '--format', 'csv', '--output', join(place, 'out'), '--data', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`error: cannot write ${join(place, 'out')}: it is a folder, not a file. Give the name of a file, not of a folder.\n`);
  });

  it('a link leading nowhere in place of the record to be made is said to be one, not a change by someone else; nothing is written through it', async () => {
    const dir = makeFolder(baseFiles());
    mkdirSync(join(dir, 'organisations'), { recursive: true });
    symlinkSync(join(dir, 'nowhere.yaml'), join(dir, 'organisations', 'evil.yaml'));
    const add = ['org', 'add', '--id', 'evil', '--name', 'Evil', '--kind', 'patient-association', '--areas', 'psychiatry', '--scope', 'regional', '--no-commit', '--data', dir];
    const r = await civsam(add);
    expect(r.code).toBe(2);
    // In the reader's own words, as validate says it.
    expect(r.stderr).toContain('organisations/evil.yaml:1:1  This is a link that leads nowhere, not an ordinary file, so it was not read. Move it out of the data folder, or put the file itself here.');
    expect(r.stderr).not.toContain('changed by someone else');
    expect(lstatSync(join(dir, 'organisations', 'evil.yaml')).isSymbolicLink()).toBe(true);
    expect(readdirSync(dir)).not.toContain('nowhere.yaml');
    const da = await civsam([...add, '--lang', 'da']);
    expect(da.stderr).toContain('Dette er en genvej, der ikke fører nogen steder hen, ikke en almindelig fil');
  });

  it('--output naming a named pipe, a device or a link to one is refused and left as it was; through a link to a file, that file is written', async () => {
    const data = makeFolder(baseFiles());
    // The reports go beside the data folder (a report inside it is refused for that alone).
    const dir = makeFolder({});
    const pipe = join(dir, 'pipe.csv');
    if (spawnSync('mkfifo', [pipe]).status !== 0) throw new Error('mkfifo failed');
    symlinkSync('/dev/null', join(dir, 'null.csv'));
    symlinkSync('nowhere.csv', join(dir, 'dangling.csv'));
    writeFileSync(join(dir, 'target.csv'), 'old\n');
    symlinkSync('target.csv', join(dir, 'link.csv'));
    const out = (file: string, lang = 'en') => civsam(['overview', 'offers', '--format', 'csv', '--output', join(dir, file), '--data', data], { env: { CIVSAM_LANG: lang } });
    const said = (file: string, what: string) => `error: nothing was written: ${join(dir, file)} is ${what}, not an ordinary file, and --output writes a file in its place. Give the name of a file, or leave --output out to write to the screen (and on with | or >).\n`;
    expect(await out('pipe.csv')).toMatchObject({ code: 2, stderr: said('pipe.csv', 'a named pipe (a special file programs pass data through)') });
    expect(await out('null.csv')).toMatchObject({ code: 2, stderr: said('null.csv', 'a link to a device') });
    expect(await out('dangling.csv')).toMatchObject({ code: 2, stderr: said('dangling.csv', 'a link that leads nowhere') });
    expect((await out('pipe.csv', 'da')).stderr).toContain('er en navngiven kanal (en særlig fil, som programmer sender data igennem), ikke en almindelig fil');
    expect(lstatSync(pipe).isFIFO()).toBe(true);
    expect(lstatSync(join(dir, 'null.csv')).isSymbolicLink()).toBe(true);
    expect(lstatSync(join(dir, 'dangling.csv')).isSymbolicLink()).toBe(true);
    expect(await out('link.csv')).toMatchObject({ code: 0 });
    expect(lstatSync(join(dir, 'link.csv')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'target.csv'), 'utf8')).not.toBe('old\n');
  });

  it('--output onto the data folder\'s own places (a record, the settings, a hidden name) is refused, directly or through a link, and they are left as they were', async () => {
    const dir = makeFolder(baseFiles());
    const outside = makeFolder({});
    symlinkSync(join(dir, 'civsam.yaml'), join(outside, 'report.md'));
    const before = readFileSync(join(dir, 'organisations/alpha.yaml'), 'utf8');
    const settings = readFileSync(join(dir, 'civsam.yaml'), 'utf8');
    for (const [output, shown] of [['organisations/alpha.yaml', 'organisations/alpha.yaml'], ['civsam.yaml', 'civsam.yaml'], [join(outside, 'report.md'), join(outside, 'report.md')]]) {
      const r = await civsam(['audit', '--format', 'md', '--output', output], { cwd: dir });
      expect(r.code, output).toBe(2);
      expect(r.stderr).toBe(`error: nothing was written: ${shown} is one of the data folder's own places (${dir}: its settings, records, vocabularies or schemas), and a report there would replace one of them or be read as one. Give --output a file outside the data folder, or at its top level beside civsam.yaml.\n`);
    }
    expect(readFileSync(join(dir, 'organisations/alpha.yaml'), 'utf8')).toBe(before);
    expect(readFileSync(join(dir, 'civsam.yaml'), 'utf8')).toBe(settings);
    // Near misses: a new name at the top of the data folder (someone standing in it) and beside it are written.
    expect((await civsam(['audit', '--format', 'md', '--output', 'rapport.md'], { cwd: dir })).code).not.toBe(2);
    expect(readFileSync(join(dir, 'rapport.md'), 'utf8')).toContain('#');
    expect((await civsam(['audit', '--format', 'md', '--output', '.skjult.md'], { cwd: dir })).code).toBe(2);
    expect((await civsam(['overview', 'offers', '--format', 'csv', '--output', join(outside, 'offers.csv'), '--data', dir])).code).toBe(0);
    expect(readFileSync(join(outside, 'offers.csv'), 'utf8')).not.toBe('');
  });

  it('a path whose name is not UTF-8 (a folder to stand in, --out, --output, init, --from-file, import) is said to be unreadable, never taken for another path', () => {
    const base = makeFolder({});
    // Node reads such a name with U+FFFD in place of its bytes; the shell passes the bytes as they are.
    const data = join(base, 'data-\\305');
    const sh = (script: string) => spawnSync('sh', ['-c', script], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', CIVSAM_LANG: 'en', CIVSAM_NO_CACHE: '1', CIVSAM_DATA: '' } });
    expect(sh(`d=$(printf '${data}') && mkdir "$d" && cp -a '${join(ROOT, 'data')}/.' "$d/"`).status).toBe(0);
    const SAID = 'has a character that cannot be read as text (a name written in another character set, as an old zip file or share may make), so civsam cannot open it by that name.';
    const inside = sh(`cd "$(printf '${data}')" && '${process.execPath}' '${BIN}' validate`);
    expect(inside.status).toBe(2);
    expect(inside.stderr).toContain(SAID);
    const out = sh(`cd '${join(ROOT, 'data')}' && '${process.execPath}' '${BIN}' publish --out "$(printf '${join(base, 'site-\\305')}')"`);
    expect(out.status).toBe(2);
    expect(out.stderr).toContain(SAID);
    const report = sh(`cd '${join(ROOT, 'data')}' && '${process.execPath}' '${BIN}' audit --output "$(printf '${join(base, 'audit-\\305.md')}')"`);
    expect(report.status).toBe(2);
    expect(report.stderr).toContain(SAID);
    // init into such a folder, a record from such a file, an import of such a file: the same.
    const init = sh(`cd '${base}' && '${process.execPath}' '${BIN}' init "$(printf '${join(base, 'ny-\\305')}')"`);
    expect([init.status, init.stderr.includes(SAID)]).toEqual([2, true]);
    const fromFile = sh(`cd '${join(ROOT, 'data')}' && '${process.execPath}' '${BIN}' org add --from-file "$(printf '${join(data, 'x-\\305.yaml')}')" --no-commit`);
    expect([fromFile.status, fromFile.stderr.includes(SAID)]).toEqual([2, true]);
    const sheet = sh(`cd '${join(ROOT, 'data')}' && '${process.execPath}' '${BIN}' import organisations "$(printf '${join(data, 'x-\\305.csv')}')" --dry-run`);
    expect([sheet.status, sheet.stderr.includes(SAID)]).toEqual([2, true]);
    // Nothing was written under a U+FFFD name in its place: only the folder made here is there.
    expect(readdirSync(base)).toEqual(['data-\uFFFD']);
  });

  it('a file name longer than the file system allows: ENAMETOOLONG with advice, in Danish', async () => {
    // (An id that long never reaches the disk: the command line refuses it as an id first.)
    const dir = makeFolder(baseFiles());
    const r = await civsam(['--lang', 'da', 'overview', 'offers', '--format', 'csv', '--output', join(makeFolder({}), `${'a'.repeat(300)}.csv`), '--data', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^fejl: kan ikke .* navnet er for langt til filsystemet\. Brug et kortere id eller filnavn/);
    expect(r.stderr).not.toContain('intern fejl');
  });

  it('init where no folder can be made names the folder asked for, not a temporary one', async () => {
    const r = await civsam(['init', '/proc/civsam-test']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('error: cannot create the folder /proc/civsam-test: it, or the folder it is in, does not exist. Check the path; the file or folder may have been moved or removed.\n');
  });
});

// Read-only drives need a mount, which needs root and a private mount namespace (unshare -m), so
// nothing leaks out of the test. Permission errors cannot be provoked as root (root reads anything),
// so those checks run civsam as the unprivileged user nobody (setpriv).
const isRoot = process.getuid?.() === 0;
const canMount = isRoot && spawnSync('unshare', ['-m', 'true']).status === 0;
const canDropPrivileges = isRoot && spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', 'true']).status === 0;
const env = { ...process.env, NO_COLOR: '1', CIVSAM_NO_CACHE: '1', LANG: 'C.UTF-8', CIVSAM_LANG: 'en' } as NodeJS.ProcessEnv;

describe.runIf(canMount)('a read-only data folder', () => {
  it('doctor reports what it finds, then says the folder is read-only, exit 2', async () => {
    const dir = makeFolder({ ...baseFiles(), 'organisations/.alpha.yaml.123.0badcafe.tmp': 'x' });
    const script = `mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" && exec "$2" "$3" doctor --data "$1"`;
    const r = spawnSync('unshare', ['-m', 'sh', '-c', script, 'sh', dir, process.execPath, BIN], { encoding: 'utf8', timeout: 10_000, env });
    expect(r.signal).toBeNull();
    expect(r.status).toBe(2);
    // Said first: what follows is a look at the folder, nothing is cleaned up.
    expect(r.stdout.startsWith('civsam cannot change the data folder now (the reason is at the end), so it only looks at it and cleans nothing up.\n')).toBe(true);
    expect(r.stdout).toContain(`${join(dir, 'organisations/.alpha.yaml.123.0badcafe.tmp')}`);
    expect(r.stderr).toBe(`error: cannot create ${join(dir, '.civsam.lock')}: the folder is on a read-only drive. Work on a copy of the data folder on a drive you may write to, or ask IT to make the drive writable.\n`);
  });
});

describe.runIf(canMount)('a full disk', () => {
  it('a write says the disk is full at the lock, and leaves no temporary file', async () => {
    const source = makeFolder(baseFiles());
    const mnt = makeFolder({});
    const script = [
      'mount -t tmpfs -o size=1m tmpfs "$1"', 'cp -r "$2" "$1/d"', 'dd if=/dev/zero of="$1/fill" bs=4k 2>/dev/null',
      '"$3" "$4" org edit alpha --notes x --no-commit --data "$1/d"', 'echo "rc=$?"', 'ls -A "$1/d"',
    ].join('; ');
    const r = spawnSync('unshare', ['-m', 'sh', '-c', script, 'sh', mnt, source, process.execPath, BIN], { encoding: 'utf8', timeout: 10_000, env });
    expect(r.signal).toBeNull();
    expect(r.stderr).toBe(`error: cannot write ${join(mnt, 'd/.civsam.lock')}: the disk is full. Free some space on the drive and try again.\n`);
    expect(r.stdout).toBe('rc=2\ncivsam.yaml\norganisations\nvocabularies\n');
  });
});

describe.runIf(canMount)('a disk that fills up while git commits the change', () => {
  it('says the disk is full, that the change is saved whole, and the command that commits it once there is room', async () => {
    const source = makeFolder(baseFiles());
    const mnt = makeFolder({});
    // Room for the record's new file (and civsam's note of it as its own, a page), not for git's copy
    // of it as well: a note of 15,000 characters that do not compress, on a disk with 24 KiB left.
    const note = Array.from({ length: 15_000 }, (_, i) => 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'[(i * 7919 + ((i * i) % 61)) % 62]).join('');
    const script = [
      'mount -t tmpfs -o size=1m tmpfs "$1"', 'cp -r "$2" "$1/d"', 'cd "$1/d"', 'git init -q . && git add -A && git commit -qm start',
      'dd if=/dev/zero of="$1/fill" bs=1k count=$(( $(df -k . | tail -1 | awk \'{print $4}\') - 24 )) 2>/dev/null',
      '"$3" "$4" org edit alpha --notes "$5"', 'echo "rc=$?"', 'rm "$1/fill"', 'git status --porcelain',
    ].join('; ');
    const r = spawnSync('unshare', ['-m', 'sh', '-c', script, 'sh', mnt, source, process.execPath, BIN, note], {
      encoding: 'utf8', timeout: 20_000, env: { ...env, GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 'test@example.org', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 'test@example.org' },
    });
    expect(r.signal).toBeNull();
    expect(r.stderr).toBe('Saved organisations/alpha.yaml.\nThe change is saved and its file is whole, but it could not be recorded in the history: the disk is full. civsam keeps it as its own change and records it before your next change is recorded. Free some space on the drive; civsam doctor --record then records it at once.\n');
    expect(r.stdout).toBe('rc=2\n M organisations/alpha.yaml\n');
  });
});

describe.runIf(canDropPrivileges)('folders and files civsam may not read', () => {
  const asNobody = (args: string[]) => spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, BIN, ...args], { encoding: 'utf8', timeout: 10_000, env });
  const shared = (files: Record<string, string>) => {
    const dir = makeFolder(files);
    chmodSync(dir, 0o755);
    return dir;
  };

  it('an unreadable record folder is one problem with EACCES, not dangling references to its records', async () => {
    const dir = shared({
      ...baseFiles(),
      'offers/help.yaml': 'id: help\norganisation: alpha\ntitle: Hjælp\ntype: hotline\npatient_groups: [depression]\nareas: [psychiatry]\nmunicipalities: [aarhus]\nactive_from: "2026-01-01"\n',
      'agreements/a1.yaml': 'id: a1\ntitle: Aftale\norganisations: [alpha]\nregion_unit: Psykiatrien\nareas: [psychiatry]\npatient_groups: [depression]\nmunicipalities: [aarhus]\noffers: [help]\nstart: "2026-01-01"\nstatus: active\n',
    });
    chmodSync(join(dir, 'offers'), 0o700);
    const r = asNobody(['validate', '--data', dir]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe(`${join(dir, 'offers')}:1:1  civsam cannot read this folder: permission denied, so the records in it were not read. Ask whoever manages the folder for permission, or work in a folder of your own.\n`);
  });

  it('an unreadable civsam.yaml is said to be unreadable, not missing', async () => {
    const dir = shared(baseFiles());
    chmodSync(join(dir, 'civsam.yaml'), 0o600);
    const r = asNobody(['validate', '--data', dir]);
    expect(r.stdout).toBe(`${join(dir, 'civsam.yaml')}:1:1  civsam cannot read this file: permission denied. Ask whoever manages the folder for permission, or work in a folder of your own.\n`);
  });

  it('doctor in a folder it may read but not change reports what it finds, then EACCES, exit 2', async () => {
    const dir = shared(baseFiles());
    const r = asNobody(['doctor', '--data', dir]);
    expect(r.status).toBe(2);
    expect(r.stdout).toContain('No temporary files left by interrupted writes.');
    expect(r.stdout).toContain('civsam cannot change the data folder now (the reason is at the end)');
    expect(r.stderr).toBe(`error: cannot create ${join(dir, '.civsam.lock')}: permission denied. Ask whoever manages the folder for permission, or work in a folder of your own.\n`);
  });

  it('a data folder that may not be read is a user error with EACCES, not "civsam.yaml is missing"', async () => {
    const dir = shared(baseFiles());
    mkdirSync(join(dir, 'data'));
    writeFileSync(join(dir, 'data/civsam.yaml'), 'x');
    chmodSync(join(dir, 'data'), 0o711);
    const r = asNobody(['validate', '--data', join(dir, 'data')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`error: cannot read the folder ${join(dir, 'data')}: permission denied. Ask whoever manages the folder for permission, or work in a folder of your own.\n`);
  });
});
