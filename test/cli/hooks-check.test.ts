// The pre-commit hook's check (civsam hooks check) refuses a commit of invalid data and says how
// many problems it found, in words with their plural ("1 problem", "2 problemer").
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { civsam } from '../helpers/cli.js';
import { baseFiles, makeFolder, org } from '../helpers/folder.js';
import { git, person } from '../helpers/team.js';

test('hooks check counts the problems that refuse a commit with their plural, in both languages', async () => {
  const dir = makeFolder(baseFiles());
  git(dir, ['init', '-q', '-b', 'main']);
  git(dir, ['add', '-A']);
  git(dir, ['commit', '-q', '-m', 'start']);
  const check = (lang: string) => civsam(['--data', dir, '--lang', lang, 'hooks', 'check'], { env: person('Anna') });

  writeFileSync(join(dir, 'organisations/beta.yaml'), org('beta', 'Beta Forening').replace('patient_groups: [depression]', 'patient_groups: [depresion]'));
  git(dir, ['add', '-A']);
  const one = await check('da');
  expect(one.code).toBe(2);
  expect(one.stderr).toContain('Registrering i historikken afvist: dataene ville ikke være gyldige (1 problem, se ovenfor). Ret det (civsam validate viser alle problemer), ');
  expect((await check('en')).stderr).toContain('Commit refused: the data would not be valid (1 problem, listed above). Correct it (civsam validate shows every problem), ');

  writeFileSync(join(dir, 'organisations/gamma.yaml'), org('gamma', 'Gamma Forening').replace('municipalities: [aarhus]', 'municipalities: [arhus]'));
  git(dir, ['add', '-A']);
  expect((await check('da')).stderr).toContain('(2 problemer, se ovenfor). Ret dem (civsam validate');
  expect((await check('en')).stderr).toContain('(2 problems, listed above). Correct them (civsam validate');
});
