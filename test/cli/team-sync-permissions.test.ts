// civsam sync writes the records colleagues changed as every other write of a record does: no
// permission for others. It kept a replaced file's bits for others (664 stayed 664) where `edit`
// makes it 660; a record a colleague turned into a link, or a link into a record, comes in as git
// would put it, never written through.
import { chmodSync, lstatSync, readFileSync, statSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { civsam } from '../helpers/cli.js';
import { baseFiles, org } from '../helpers/folder.js';
import { cloneAs, sharedRegister, type Member } from '../helpers/team.js';

const da = (m: Member, ...args: string[]) => civsam(['--data', m.dir, ...args], { env: { CIVSAM_LANG: 'da' } });
const bits = (m: Member, rel: string) => statSync(join(m.dir, rel)).mode & 0o777;

test('a record sync replaces loses the permissions others had, as after edit (664 → 660, 644 → 640); the owner\'s and the group\'s stay', async () => {
  const { bare, home } = sharedRegister({ ...baseFiles(), 'organisations/beta.yaml': org('beta', 'Beta') });
  const anna = cloneAs('Anna', bare, home);
  const bo = cloneAs('Bo', bare, home);
  chmodSync(join(bo.dir, 'organisations/alpha.yaml'), 0o664);
  chmodSync(join(bo.dir, 'organisations/beta.yaml'), 0o644);
  expect((await da(anna, 'org', 'edit', 'alpha', '--notes', 'Annas note')).code).toBe(0);
  expect((await da(anna, 'org', 'edit', 'beta', '--notes', 'Annas note')).code).toBe(0);
  expect((await da(anna, 'sync')).code).toBe(0);
  const r = await da(bo, 'sync');
  expect(r.code, r.stderr).toBe(0);
  expect(readFileSync(join(bo.dir, 'organisations/alpha.yaml'), 'utf8')).toContain('Annas note');
  expect([bits(bo, 'organisations/alpha.yaml'), bits(bo, 'organisations/beta.yaml')]).toEqual([0o660, 0o640]);
  // The same as edit does to a file with those bits.
  chmodSync(join(anna.dir, 'organisations/alpha.yaml'), 0o664);
  expect((await da(anna, 'org', 'edit', 'alpha', '--notes', 'Igen')).code).toBe(0);
  expect(bits(anna, 'organisations/alpha.yaml')).toBe(0o660);
});

test('a record a colleague made a link in place of, and back, comes in as git puts it: the link is replaced or removed, never written through', async () => {
  const { bare, home } = sharedRegister({ ...baseFiles(), 'shared/beta.yaml': org('beta', 'Beta') });
  const anna = cloneAs('Anna', bare, home);
  const bo = cloneAs('Bo', bare, home);
  symlinkSync('../shared/beta.yaml', join(bo.dir, 'organisations/beta.yaml'));
  expect(bo.git(['add', '-A']).code).toBe(0);
  expect(bo.git(['commit', '-qm', 'Link']).code).toBe(0);
  expect(bo.git(['push', '-q']).code).toBe(0);
  expect((await da(anna, 'sync')).code).toBe(0);
  expect(lstatSync(join(anna.dir, 'organisations/beta.yaml')).isSymbolicLink()).toBe(true);
  // Bo puts the file itself in the link's place: Anna's link goes, the shared file stays as it was.
  unlinkSync(join(bo.dir, 'organisations/beta.yaml'));
  writeFileSync(join(bo.dir, 'organisations/beta.yaml'), org('beta', 'Beta'));
  expect(bo.git(['add', '-A']).code).toBe(0);
  expect(bo.git(['commit', '-qm', 'File']).code).toBe(0);
  expect(bo.git(['push', '-q']).code).toBe(0);
  const r = await da(anna, 'sync');
  expect(r.code, r.stderr).toBe(0);
  expect(lstatSync(join(anna.dir, 'organisations/beta.yaml')).isFile()).toBe(true);
  expect(readFileSync(join(anna.dir, 'shared/beta.yaml'), 'utf8')).toBe(org('beta', 'Beta'));
  expect(anna.git(['status', '--porcelain']).stdout).toBe('');
});
