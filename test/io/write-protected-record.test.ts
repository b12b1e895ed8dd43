// A record its owner made read-only (`chmod 444`, `chmod a-w`) used to be replaced without a word:
// the rename that puts the new file in place needs only the folder's permission. Now a change to
// it is refused, as an editor refuses, saying what to do; nothing is written, exit 2. Judged by the
// file's own mode, so it holds for root too (who may write any file).
import { chmodSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { civsam } from '../helpers/cli.js';
import { baseFiles, makeFolder } from '../helpers/folder.js';

test('a change to a write-protected record is refused, in both languages, with what to do; nothing is written', async () => {
  const dir = makeFolder(baseFiles());
  const file = join(dir, 'organisations/alpha.yaml');
  chmodSync(file, 0o444);
  const before = readFileSync(file, 'utf8');
  const da = await civsam(['--data', dir, 'org', 'edit', 'alpha', '--notes', 'ro', '--no-commit'], { env: { CIVSAM_LANG: 'da' } });
  expect(da).toEqual({ code: 2, stdout: '', stderr: `fejl: ${file} er skrivebeskyttet; intet er skrevet. Skal den kunne ændres, så gør den skrivbar igen (chmod u+w ${file}), og kør den samme kommando igen.\n` });
  const en = await civsam(['--data', dir, 'org', 'remove', 'alpha', '--no-commit']);
  expect(en).toEqual({ code: 2, stdout: '', stderr: `error: ${file} is write-protected; nothing was written. If it is to be changed, make it writable again (chmod u+w ${file}) and run the same command again.\n` });
  // A dry run says the same: the change could not be made.
  expect((await civsam(['--data', dir, 'org', 'edit', 'alpha', '--notes', 'ro', '--dry-run'])).code).toBe(2);
  expect(readFileSync(file, 'utf8')).toBe(before);
  expect(statSync(file).mode & 0o777).toBe(0o444);
  // Made writable again, the same command goes through.
  chmodSync(file, 0o640);
  expect((await civsam(['--data', dir, 'org', 'edit', 'alpha', '--notes', 'ro', '--no-commit'])).code).toBe(0);
  expect(readFileSync(file, 'utf8')).toContain('notes: ro');
});

