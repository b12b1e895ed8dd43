// A file name in another character set (Å as the Latin-1 byte 0xC5, as an old zip file or share
// writes it): shown by its bytes, an error only where it would be a record.
import { mkdirSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { baseFiles, makeFolder, org } from '../helpers/folder.js';
import { civsam } from '../helpers/cli.js';
import { nameByBytes } from '../../src/store/raw-names.js';

/** A path inside `dir` whose last part has the given bytes. */
const rawPath = (dir: string, folder: string, ...parts: (string | number[])[]) =>
  Buffer.concat([Buffer.from(`${dir}/${folder}/`), ...parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p)))]);

describe('a name shown by its bytes', () => {
  it('keeps UTF-8 as text and writes each other byte as \\xNN', () => {
    expect(nameByBytes(Buffer.from([0xc5, ...Buffer.from('rhus.yaml')]))).toBe('\\xC5rhus.yaml');
    expect(nameByBytes(Buffer.from('Århus.yaml'))).toBe('Århus.yaml');
    // A lead byte without its continuation, an overlong form, a lone continuation byte.
    expect(nameByBytes(Buffer.from([0x61, 0xc3, 0x62, 0xc0, 0xaf, 0x80]))).toBe('a\\xC3b\\xC0\\xAF\\x80');
  });
});

describe('a file name in another character set', () => {
  it('that is not a record is the ordinary warning, and audit still runs', async () => {
    const dir = makeFolder({ ...baseFiles() });
    writeFileSync(rawPath(dir, 'organisations', [0xc5], 'rhus-notat.txt'), 'noter');
    mkdirSync(rawPath(dir, 'organisations', [0xc5], 'dir'));
    const v = await civsam(['validate', '--data', dir]);
    expect(v.code).toBe(0);
    expect(v.stdout).toContain('organisations/\\xC5rhus-notat.txt:1:1  warning: This file is not a record');
    expect(v.stdout).toContain('organisations/\\xC5dir:1:1  warning: This folder is not a record');
    expect(v.stdout).not.toContain('cannot be read as text');
    expect((await civsam(['audit', '--data', dir])).code).toBe(0);
    const da = await civsam(['validate', '--data', dir], { env: { CIVSAM_LANG: 'da' } });
    expect(da.stdout).toContain('organisations/\\xC5dir:1:1  advarsel: Mappen er ikke en post');
  });

  it('that would be a record is an error, and two that list alike are two files', async () => {
    const dir = makeFolder({ ...baseFiles() });
    writeFileSync(rawPath(dir, 'organisations', [0xc5], 'rhus.yaml'), org('aarhus', 'Aarhus Forening'));
    writeFileSync(rawPath(dir, 'organisations', [0xe5], 'rhus.yaml'), org('aarhus2', 'Aarhus Anden'));
    const v = await civsam(['validate', '--data', dir], { env: { CIVSAM_LANG: 'da' } });
    expect(v.code).toBe(2);
    expect(v.stdout).toContain('organisations/\\xC5rhus.yaml:1:1  Filens navn har et tegn');
    expect(v.stdout).toContain('organisations/\\xE5rhus.yaml:1:1  Filens navn har et tegn');
    expect(v.stderr).toContain('2 fejl i 2 filer');
    const list = await civsam(['org', 'list', '--data', dir], { env: { CIVSAM_LANG: 'da' } });
    expect(list.stderr).toContain('2 filer med fejl er udeladt; civsam validate viser dem.');
    const find = await civsam(['find', 'alpha', '--data', dir], { env: { CIVSAM_LANG: 'da' } });
    expect(find.stderr).toContain('2 filer har fejl og er ikke med i søgningen; civsam validate viser dem.');
  });
});

describe("find's note on files with errors", () => {
  it('says it for one file and them for more, in both languages', async () => {
    const dir = makeFolder({ ...baseFiles(), 'organisations/broken.yaml': 'id: broken\nname: [\n' });
    const da = await civsam(['find', 'alpha', '--data', dir], { env: { CIVSAM_LANG: 'da' } });
    expect(da.stderr).toContain('1 fil har fejl og er ikke med i søgningen; civsam validate viser den.');
    const en = await civsam(['find', 'alpha', '--data', dir]);
    expect(en.stderr).toContain('1 file has errors and was left out of the search; civsam validate lists it.');
  });
});
