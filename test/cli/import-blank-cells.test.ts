// import --update and empty cells: an empty cell leaves the field as it is (a small sheet that adds
// notes to a few organisations takes no one else's notes away); (tom) empties a field on purpose;
// the dry run says per field what happens to it.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { civsam } from '../helpers/cli.js';
import { baseFiles, makeFolder, org } from '../helpers/folder.js';

const DA = { CIVSAM_LANG: 'da', COLUMNS: '80' };

function folder() {
  return makeFolder({
    ...baseFiles(),
    'organisations/angst.yaml': org('angst', 'Angstforeningen Midt', '29190925', 'notes: Mødes hver tirsdag\n'),
    'organisations/beta.yaml': org('beta', 'Beta Gruppen', undefined, 'notes: Kun om aftenen\nwebsite: https://beta.example\n'),
  });
}
const sheet = (text: string) => {
  const file = join(makeFolder({}), 'ark.csv');
  writeFileSync(file, text);
  return file;
};

describe('import --update with empty cells', () => {
  it('an empty cell keeps the field; only the filled cells change', async () => {
    const dir = folder();
    const file = sheet('navn;cvr;noter\nAngstforeningen Midt;29190925;\nBeta Gruppen;;Ny note\n');
    const dry = await civsam(['--data', dir, 'import', 'organisations', file, '--update', '--dry-run'], { env: DA });
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toBe([
      '┌───────┬──────────┬──────┬────────────────┐',
      '│ Række │ Handling │ Id   │ Ændrede felter │',
      '├───────┼──────────┼──────┼────────────────┤',
      '│     3 │ opdatér  │ beta │ Noter ændres   │',
      '└───────┴──────────┴──────┴────────────────┘',
      '',
    ].join('\n'));
    expect(dry.stderr).toContain('organisationer: 0 oprettes, 1 opdateres, 1 uændret.\n');
    const r = await civsam(['--data', dir, 'import', 'organisations', file, '--update', '--no-commit'], { env: DA });
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(dir, 'organisations/angst.yaml'), 'utf8')).toContain('notes: Mødes hver tirsdag\n');
    expect(readFileSync(join(dir, 'organisations/beta.yaml'), 'utf8')).toContain('notes: Ny note\n');
    expect(readFileSync(join(dir, 'organisations/beta.yaml'), 'utf8')).toContain('website: https://beta.example\n');
  });

  it('(tom) empties a field on purpose, and the dry run says it is removed', async () => {
    const dir = folder();
    const file = sheet('navn;noter;hjemmeside\nBeta Gruppen;(tom);\nAngstforeningen Midt;(TOM);https://angst.example\n');
    const dry = await civsam(['--data', dir, 'import', 'organisations', file, '--update', '--dry-run'], { env: DA });
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('│     2 │ opdatér  │ beta  │ Noter fjernes                      │');
    expect(dry.stdout).toContain('│     3 │ opdatér  │ angst │ Noter fjernes, hjemmeside tilføjes │');
    const r = await civsam(['--data', dir, 'import', 'organisations', file, '--update', '--no-commit'], { env: DA });
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(dir, 'organisations/beta.yaml'), 'utf8')).not.toContain('notes:');
    expect(readFileSync(join(dir, 'organisations/beta.yaml'), 'utf8')).toContain('website: https://beta.example\n');
  });

  it('a scope given in a row takes the municipalities away (a record has one or the other), though their cell is empty', async () => {
    const dir = folder();
    const file = sheet('navn;kommuner;rækkevidde\nBeta Gruppen;;hele regionen\n');
    const r = await civsam(['--data', dir, 'import', 'organisations', file, '--update', '--no-commit'], { env: DA });
    expect(r.code, r.stderr).toBe(0);
    const text = readFileSync(join(dir, 'organisations/beta.yaml'), 'utf8');
    expect(text).toContain('scope: regional\n');
    expect(text).not.toContain('municipalities');
  });

  it('in English the dry run says "removed" and (empty) empties a field too', async () => {
    const dir = folder();
    const file = sheet('name,notes\nBeta Gruppen,(empty)\n');
    const dry = await civsam(['--data', dir, 'import', 'organisations', file, '--update', '--dry-run'], { env: { COLUMNS: '80' } });
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('│   2 │ update │ beta │ Notes removed  │');
  });
});
