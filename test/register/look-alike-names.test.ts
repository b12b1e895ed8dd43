// A name written with `o` and a combining stroke (U+0338) reads as `ø`, and a name with a space
// after it reads as the name without: the uniqueness check takes both for the name they look like,
// in validate and on add; and what civsam writes keeps no space around a name or a title.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { nameKey } from '../../src/domain/text.js';
import { civsam } from '../helpers/cli.js';
import { problemsOf } from '../helpers/check.js';
import { baseFiles, makeFolder, org } from '../helpers/folder.js';

const NAME = 'Angstforeningen Østjylland';
const STROKED = 'Angstforeningen O\u0338stjylland ';
const DA = { CIVSAM_LANG: 'da' };

describe('names a reader cannot tell apart', () => {
  test('o with a combining stroke is ø, in either case and with spaces around', () => {
    expect(nameKey(STROKED)).toBe(nameKey(NAME));
    expect(nameKey('ANGSTFORENINGEN O\u0337STJYLLAND')).toBe(nameKey(NAME));
    // Near miss: a plain o is another letter in Danish.
    expect(nameKey('Angstforeningen Ostjylland')).not.toBe(nameKey(NAME));
  });

  test('validate reports such a duplicate already in the files', () => {
    expect(problemsOf({ ...baseFiles(), 'organisations/a.yaml': org('a', NAME), 'organisations/b.yaml': org('b', `"${STROKED}"`) })).toEqual(['organisations/b.yaml:3:7 name-spaces', 'organisations/b.yaml:3:7 name-unique']);
    expect(problemsOf({ ...baseFiles(), 'organisations/a.yaml': org('a', NAME), 'organisations/b.yaml': org('b', 'Angstforeningen Ostjylland') })).toEqual([]);
  });

  test('org add refuses it as the organisation already there', async () => {
    const dir = makeFolder({ ...baseFiles(), 'organisations/a.yaml': org('a', NAME) });
    const r = await civsam(['--data', dir, 'org', 'add', '--name', STROKED, '--kind', 'andet', '--areas', 'sundhed', '--scope', 'regional', '--no-commit'], { env: DA });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe([
      '  --name: En anden organisation (organisations/a.yaml) har samme navn (når der ses bort fra store og små bogstaver, accenter, tegnsætning, usynlige tegn og bogstaver, der ser ens ud). Slå posterne sammen, eller gør navnene forskellige.',
      'fejl: ændringen blev afvist på grund af problemet ovenfor; intet er skrevet.',
      '',
    ].join('\n'));
  });
});

describe('spaces around a name or a title are not written', () => {
  test('org add and offer add from flags', async () => {
    const dir = makeFolder(baseFiles());
    const r = await civsam(['--data', dir, 'org', 'add', '--name', '  Ny Forening ', '--kind', 'andet', '--areas', 'sundhed', '--scope', 'regional', '--no-commit'], { env: DA });
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'organisations/ny-forening.yaml'), 'utf8')).toContain('\nname: Ny Forening\n');
    const o = await civsam(['--data', dir, 'offer', 'add', '--organisation', 'alpha', '--title', 'Samtalegruppe ', '--type', 'peer-group', '--patient-groups', 'depression', '--scope', 'regional', '--active-from', '2026-01-01', '--no-commit'], { env: DA });
    expect(o.code).toBe(0);
    expect(readFileSync(join(dir, `offers/${o.stdout.trim()}.yaml`), 'utf8')).toContain('\ntitle: Samtalegruppe\n');
  });

  test('org edit --name; spaces inside the name are kept (near miss)', async () => {
    const dir = makeFolder(baseFiles());
    const r = await civsam(['--data', dir, 'org', 'edit', 'alpha', '--name', ' Alpha  Forening\u00A0', '--no-commit'], { env: DA });
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'organisations/alpha.yaml'), 'utf8')).toContain('\nname: Alpha  Forening\n');
  });
});
