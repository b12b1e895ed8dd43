// A change reads and writes a record's file as the reader reads it. A record that is a link out of
// the data folder used to be read through by `edit` (which `validate` and `show` refuse), and what
// it read was written into the folder as a new file with the outside file's permissions, readable
// by everyone. Now it is refused in the reader's words, and a record's file never gets any
// permission for others, whatever the file it replaces had.
import { lstatSync, readFileSync, readlinkSync, statSync, chmodSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { civsam } from '../helpers/cli.js';
import { baseFiles, makeFolder, org } from '../helpers/folder.js';

const READER = 'Dette er en genvej til noget uden for datamappen, ikke en almindelig fil, så den blev ikke læst. Flyt den ud af datamappen, eller læg selve filen her.';

test('edit refuses a record that is a link out of the data folder, in the reader\'s words, and leaves link and outside file alone', async () => {
  const outside = join(makeFolder({}), 'outside.yaml');
  writeFileSync(outside, org('link', 'Link Forening'), { mode: 0o644 });
  const dir = makeFolder(baseFiles());
  symlinkSync(outside, join(dir, 'organisations/link.yaml'));
  const validate = await civsam(['--data', dir, 'validate'], { env: { CIVSAM_LANG: 'da' } });
  expect(validate.stdout).toContain(`organisations/link.yaml:1:1  ${READER}`);

  const r = await civsam(['--data', dir, 'org', 'edit', 'link', '--notes', 'via link', '--no-commit'], { env: { CIVSAM_LANG: 'da' } });
  expect(r).toEqual({ code: 2, stdout: '', stderr: `  ${join(dir, 'organisations/link.yaml')}:1:1  ${READER}\nfejl: ændringen blev afvist på grund af problemet ovenfor; intet er skrevet.\n` });
  expect(lstatSync(join(dir, 'organisations/link.yaml')).isSymbolicLink()).toBe(true);
  expect(readlinkSync(join(dir, 'organisations/link.yaml'))).toBe(outside);
  expect(readFileSync(outside, 'utf8')).toBe(org('link', 'Link Forening'));

  // Nor is it removed, or a new record made in its place.
  expect((await civsam(['--data', dir, 'org', 'remove', 'link', '--no-commit'], { env: { CIVSAM_LANG: 'da' } })).code).toBe(2);
  const add = await civsam(['--data', dir, 'org', 'add', '--id', 'link', '--name', 'Ny Forening', '--kind', 'patient-association', '--areas', 'psychiatry', '--scope', 'regional', '--no-commit'], { env: { CIVSAM_LANG: 'da' } });
  expect(add.code).toBe(2);
  expect(add.stderr).toContain(READER);
  expect(lstatSync(join(dir, 'organisations/link.yaml')).isSymbolicLink()).toBe(true);
});

test('a record\'s file never gets permissions for others: an edit takes them away, and keeps the owner\'s and the group\'s', async () => {
  const dir = makeFolder(baseFiles());
  const file = join(dir, 'organisations/alpha.yaml');
  chmodSync(file, 0o664);
  const r = await civsam(['--data', dir, 'org', 'edit', 'alpha', '--notes', 'Ny note', '--no-commit'], { env: { CIVSAM_LANG: 'da' } });
  expect(r.code).toBe(0);
  expect(readFileSync(file, 'utf8')).toContain('Ny note');
  expect(statSync(file).mode & 0o777).toBe(0o660);
  chmodSync(file, 0o604);
  expect((await civsam(['--data', dir, 'org', 'edit', 'alpha', '--notes', 'Anden note', '--no-commit'])).code).toBe(0);
  expect(statSync(file).mode & 0o777).toBe(0o600);
});

test('a record that is a link to another file in the data folder is never changed through it: edit and remove refuse, naming both files, and the two stay one', async () => {
  // `edit` once put an ordinary file in the link's place: the two names that were one record parted.
  const dir = makeFolder({ ...baseFiles(), 'shared/linked.yaml': org('linked', 'Delt Forening') });
  const link = join(dir, 'organisations/linked.yaml');
  symlinkSync('../shared/linked.yaml', link);
  expect((await civsam(['--data', dir, 'validate'])).code).toBe(0);
  const said = (file: string, target: string) => `fejl: kan ikke ændre ${file}: den er en genvej til ${target}, og en ændring ville lægge en almindelig fil i genvejens sted, så de to ikke længere var én. `
    + `Intet er ændret. Ret ${target} i hånden, eller flyt den til ${file} i genvejens sted, og prøv igen.\n`;
  const edit = await civsam(['--data', '.', 'org', 'edit', 'linked', '--notes', 'gennem genvejen', '--no-commit'], { env: { CIVSAM_LANG: 'da' }, cwd: dir });
  expect(edit).toEqual({ code: 2, stdout: '', stderr: said('organisations/linked.yaml', 'shared/linked.yaml') });
  const remove = await civsam(['--data', '..', 'org', 'remove', 'linked', '--no-commit'], { env: { CIVSAM_LANG: 'da' }, cwd: join(dir, 'organisations') });
  expect(remove).toEqual({ code: 2, stdout: '', stderr: said('../organisations/linked.yaml', '../shared/linked.yaml') });
  expect((await civsam(['--data', '.', 'org', 'edit', 'linked', '--notes', 'x', '--no-commit'], { cwd: dir })).stderr).toBe(
    "error: cannot change organisations/linked.yaml: it is a link to shared/linked.yaml, and a change would put an ordinary file in the link's place, so the two would no longer be one. "
    + "Nothing was changed. Make the change in shared/linked.yaml by hand, or move it to organisations/linked.yaml in the link's place and try again.\n");
  expect(lstatSync(link).isSymbolicLink()).toBe(true);
  expect(readlinkSync(link)).toBe('../shared/linked.yaml');
  expect(readFileSync(join(dir, 'shared/linked.yaml'), 'utf8')).toBe(org('linked', 'Delt Forening'));
});
