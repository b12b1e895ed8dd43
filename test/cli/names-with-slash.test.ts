// A name with a slash between words (`LAP/Landsforeningen af psykiatribrugere`) is a name like any
// other: found by name wherever a record is named. Text that reads as a path is still refused, in
// words, without repeating it, and no file outside the folder is read or written for it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { civsam } from '../helpers/cli.js';
import { baseFiles, makeFolder, org } from '../helpers/folder.js';
import { git } from '../helpers/team.js';
import { notAName } from '../../src/domain/ids.js';

const NAME = 'LAP/Landsforeningen af psykiatribrugere';
const OFFER = 'id: lap-samtale\norganisation: lap\ntitle: Samtalegruppe\ntype: peer-group\npatient_groups: [depression]\nmunicipalities: [aarhus]\nactive_from: 2026-01-01\n';

let dir = '';
beforeAll(() => {
  dir = makeFolder({ ...baseFiles(), 'organisations/lap.yaml': org('lap', NAME), 'offers/lap-samtale.yaml': OFFER });
  for (const args of [['init', '-q'], ['add', '-A'], ['commit', '-q', '-m', 'Start']]) expect(git(dir, args).code).toBe(0);
});

const run = (args: string[]) => civsam(['--data', dir, ...args], { env: { CIVSAM_LANG: 'da', COLUMNS: '80' } });

describe('a name with a slash between words', () => {
  test('is taken as a name, while a path is not', () => {
    for (const name of [NAME, 'Bruger/pårørende', 'a/b']) expect(notAName(name), name).toBeUndefined();
    for (const path of ['../x', '../../etc/passwd', '/etc/passwd', 'a\\b', 'x/..', './x', 'a//b', 'LAP/', '~/x', '..', '.']) {
      expect(notAName(path)?.userMessage.key, path).toBe('history.badRecord');
    }
  });

  test('finds the record in show, edit, an option and history', async () => {
    const shown = await run(['org', 'show', NAME, '--format', 'json']);
    expect(shown.code, shown.stderr).toBe(0);
    expect(JSON.parse(shown.stdout)).toMatchObject({ id: 'lap' });
    const offers = await run(['offer', 'list', '--organisation', NAME, '--format', 'json']);
    expect(offers.code, offers.stderr).toBe(0);
    expect(offers.stdout).toContain('"lap-samtale"');
    const edited = await run(['org', 'edit', NAME, '--website', 'https://lap.example']);
    expect(edited.code, edited.stderr).toBe(0);
    expect(readFileSync(join(dir, 'organisations/lap.yaml'), 'utf8')).toContain('website: https://lap.example\n');
    const history = await run(['history', NAME, '--format', 'json']);
    expect(history.code, history.stderr).toBe(0);
    expect(JSON.parse(history.stdout)).toMatchObject({ record: { kind: 'organisation', id: 'lap' } });
  });

  test('a name with a slash that names nothing is answered as any unknown name, with the nearest', async () => {
    const r = await run(['org', 'show', 'LAP/Landsforening']);
    expect(r.code, r.stderr).toBe(0);
    const miss = await run(['org', 'show', 'LAB/Landsforeningen af psykiatribrugere']);
    expect(miss).toMatchObject({ code: 2, stdout: '' });
    expect(miss.stderr).toContain('Mente du: LAP/Landsforeningen af psykiatribrugere (lap)?');
  });

  test('text that reads as a path is refused without being repeated, and nothing is written', async () => {
    const before = readdirSync(join(dir, 'organisations'));
    for (const path of ['../x', '/etc/passwd', 'a\\b', '../../organisations/lap']) {
      for (const args of [['org', 'show', path], ['org', 'edit', path, '--website', 'https://x.example'], ['offer', 'list', '--organisation', path], ['history', path]]) {
        const r = await run(args);
        expect(r.code, `${args.join(' ')}`).toBe(2);
        expect(r.stdout).toBe('');
        expect(r.stderr).not.toContain(path);
        expect(r.stderr).not.toContain('passwd');
      }
    }
    expect((await run(['history', '../x'])).stderr).toBe('fejl: det, du angav, er hverken en posts navn eller dens id (det ligner en sti til en fil, eller det indeholder styretegn eller usynlige tegn). Find posten med civsam find og en del af navnet.\n');
    expect(readdirSync(join(dir, 'organisations'))).toEqual(before);
  });

  // Before, show, edit and end said such text was an id not well formed, and described ids; it is
  // no id and no name: said as history and restore say it.
  test('a path given to show, edit or end is said to read as a path, not to be an id not well formed', async () => {
    const PATH_DA = 'fejl: det, du angav, er hverken en posts navn eller dens id (det ligner en sti til en fil, eller det indeholder styretegn eller usynlige tegn). Find posten med civsam find og en del af navnet.\n';
    const PATH_EN = "error: what you gave is neither a record's name nor its id (it reads as a path to a file, or holds control or invisible characters). Find the record with civsam find and part of its name.\n";
    const before = git(dir, ['status', '--porcelain']).stdout;
    for (const path of ['../x', '/etc/passwd', 'a/../../b']) {
      for (const args of [['org', 'show', path], ['offer', 'edit', path, '--title', 'Ny titel'], ['agreement', 'end', path, '--date', '2026-06-30']]) {
        const at = `${args.join(' ')}`;
        expect(await run(args), at).toMatchObject({ code: 2, stdout: '', stderr: PATH_DA });
        expect(await civsam(['--data', dir, ...args], { env: { CIVSAM_LANG: 'en', COLUMNS: '80' } }), at).toMatchObject({ code: 2, stdout: '', stderr: PATH_EN });
      }
    }
    expect(git(dir, ['status', '--porcelain']).stdout).toBe(before);
  });
});
