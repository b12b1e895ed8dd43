// A record given with --from-file that is refused: each problem is placed in the file the user gave,
// at the line and column of its field there, not at a line of the record file civsam would have
// written (which the user has never seen, with its fields in another order). A problem of a field
// the user's file does not have is said without a line; one of a field a flag gave, by the flag.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { civsam } from '../helpers/cli.js';
import { baseFiles, makeFolder } from '../helpers/folder.js';

const DA = { CIVSAM_LANG: 'da' };

// Comments and a blank line first, and the fields in another order than civsam writes them.
const FILE = [
  '# Ny forening, fra mødet i marts',
  '',
  'name: Ny Forening',
  'website: ikke en adresse',
  'kind: relatives-association',
  'areas: [psychiatry, xx]',
  'scope: regional',
  'foo: 1',
  'contact:',
  '  email: nej',
  '',
].join('\n');

describe('--from-file problems are placed in the file the user gave', () => {
  it('add: each at its field\'s line and column there', async () => {
    const dir = makeFolder(baseFiles());
    writeFileSync(join(dir, '..', 'ny.yaml'), FILE);
    const r = await civsam(['--data', dir, 'org', 'add', '--from-file', '../ny.yaml', '--no-commit'], { cwd: dir, env: DA });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe([
      // In the order of the user's file, not of the file civsam would write.
      '  ../ny.yaml:4:10  Hjemmeside skal være en webadresse, der begynder med http:// eller https://, uden mellemrum.',
      '  ../ny.yaml:6:21  Område nr. 2 kan ikke have den værdi, der står i filen. Den kan have: socialområdet, psykiatri, sundhed.',
      '  ../ny.yaml:8:1  Ukendt felt foo. Kontrollér stavningen mod skemaet, eller fjern feltet.',
      '  ../ny.yaml:10:10  Kontakt: e-mail skal være en e-mailadresse.',
      'fejl: ændringen blev afvist på grund af de 4 problemer ovenfor; intet er skrevet.',
      '',
    ].join('\n'));
  });

  it('edit: a field the file leaves out is said without a line; a flag given as well is named for its own value', async () => {
    const dir = makeFolder(baseFiles());
    writeFileSync(join(dir, 'ny.json'), '{"name": "Alpha Forening", "kind": "patient-association",\n "areas": ["psychiatry"], "scope": "regional", "cvr": "1"}\n');
    const r = await civsam(['--data', dir, 'org', 'edit', 'alpha', '--from-file', 'ny.json', '--website', 'nej', '--no-commit'], { cwd: dir, env: DA });
    expect(r.code).toBe(2);
    const lines = r.stderr.split('\n');
    expect(lines).toContain('  ny.json  Feltet status mangler. Tilføj en linje status: med værdien.');
    expect(lines).toContain('  ny.json:2:55  CVR-nummer skal have præcis 8 cifre og stå i anførselstegn.');
    expect(lines.some((l) => l.startsWith('  --website '))).toBe(true);
    // Never a line of organisations/alpha.yaml, the file civsam would have written.
    expect(r.stderr).not.toContain('alpha.yaml');
  });

  it('from standard input, the place is in standard input', async () => {
    const dir = makeFolder(baseFiles());
    const r = await civsam(['--data', dir, 'org', 'add', '--from-file', '-', '--no-commit'], { env: DA, input: FILE });
    expect(r.stderr).toContain('  standardinput:4:10  Hjemmeside skal være en webadresse');
  });

  it('a record made from flags is still said by its flags (near miss)', async () => {
    const dir = makeFolder(baseFiles());
    const r = await civsam(['--data', dir, 'org', 'add', '--name', 'Ny', '--kind', 'relatives-association', '--areas', 'psychiatry', '--scope', 'regional', '--website', 'nej', '--no-commit'], { env: DA });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^ {2}--website /m);
    expect(r.stderr).not.toMatch(/\.yaml:\d+/);
  });
});
