// An option given an empty text (`--notes ""`) is refused in words for an option, with the way to
// remove a field the record has (--unset), not the file's "Noter skal udfyldes".
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { civsam } from '../helpers/cli.js';
import { baseFiles, makeFolder } from '../helpers/folder.js';

describe('an option given no text', () => {
  it('is refused, named by the option, with --unset for removing the field; nothing is written', async () => {
    const dir = makeFolder(baseFiles());
    const before = readFileSync(join(dir, 'organisations/alpha.yaml'), 'utf8');
    const da = await civsam(['org', 'edit', 'alpha', '--notes', '', '--no-commit', '--data', dir], { env: { CIVSAM_LANG: 'da' } });
    expect(da.code).toBe(2);
    expect(da.stderr).toContain('--notes er givet uden tekst: skriv en tekst, eller udelad --notes. Et felt, posten har, fjernes med --unset notes.\n');
    const en = await civsam(['org', 'edit', 'alpha', '--notes', '', '--no-commit', '--data', dir]);
    expect(en.stderr).toContain('--notes was given no text: write some, or leave --notes out. A field the record has is removed with --unset notes.\n');
    expect(readFileSync(join(dir, 'organisations/alpha.yaml'), 'utf8')).toBe(before);
  });

  it('on add, where the record has no field to remove, says only to write a text or leave the option out', async () => {
    const dir = makeFolder(baseFiles());
    const da = await civsam(['org', 'add', '--name', 'Tom Forening', '--notes', '', '--kind', 'andet', '--areas', 'psykiatri', '--scope', 'regional', '--no-commit', '--data', dir], { env: { CIVSAM_LANG: 'da' } });
    expect(da).toMatchObject({ code: 2, stdout: '' });
    expect(da.stderr).toContain('  --notes er givet uden tekst: skriv en tekst, eller udelad --notes.\n');
    expect(da.stderr).not.toContain('--unset');
    const en = await civsam(['org', 'add', '--name', 'Tom Forening', '--notes', '', '--kind', 'other', '--areas', 'psychiatry', '--scope', 'regional', '--no-commit', '--data', dir]);
    expect(en.stderr).toContain('  --notes was given no text: write some, or leave --notes out.\n');
  });

  it('a name given empty is said to be empty, with or without --id, and not to be left out (the record must have one)', async () => {
    const dir = makeFolder(baseFiles());
    const want = '  --name er givet uden tekst, men feltet skal udfyldes: skriv teksten efter --name, i anførselstegn, hvis den har mellemrum.\n';
    for (const id of [['--id', 'tom'], []]) {
      const da = await civsam(['org', 'add', ...id, '--name', '', '--kind', 'andet', '--areas', 'psykiatri', '--scope', 'regional', '--no-commit', '--data', dir], { env: { CIVSAM_LANG: 'da' } });
      expect(da).toMatchObject({ code: 2, stdout: '' });
      expect(da.stderr).toContain(want);
      expect(da.stderr).not.toContain('dannes et id');
    }
    const en = await civsam(['org', 'add', '--name', ' ', '--kind', 'other', '--areas', 'psychiatry', '--scope', 'regional', '--no-commit', '--data', dir]);
    expect(en.stderr).toContain('  --name was given no text, but the field must be filled in: write the text after --name, in quotes if it has spaces.\n');
  });
});
