// A call's score scale given by one end: the other end takes its default, as the help promises
// (`--score-scale-min … (standard 0)`, `--score-scale-max … (standard 5)`), where it was refused.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { civsam } from '../helpers/cli.js';
import { baseFiles, makeFolder } from '../helpers/folder.js';

const CALL = ['--areas', 'psykiatri', '--scope', 'regional', '--published', '2026-12-01', '--deadline', '2027-01-01', '--channel', 'offentligt', '--criteria', 'Kvalitet'];
const add = (dir: string, title: string, ...scale: string[]) => civsam(['--data', dir, 'call', 'add', '--title', title, ...CALL, ...scale, '--no-commit'], { env: { CIVSAM_LANG: 'da' } });
const call = (dir: string, id: string) => readFileSync(join(dir, 'calls', `${id}.yaml`), 'utf8');

test('the end not given takes its default; both given are kept; an edit of one end keeps the other', async () => {
  const dir = makeFolder(baseFiles());
  const ten = await add(dir, 'Skala ti', '--score-scale-max', '10');
  expect(ten.code, ten.stderr).toBe(0);
  expect(call(dir, '2026-skala-ti')).toContain('score_scale:\n  min: 0\n  max: 10\n');
  expect((await add(dir, 'Fra en', '--score-scale-min', '1')).code).toBe(0);
  expect(call(dir, '2026-fra-en')).toContain('score_scale:\n  min: 1\n  max: 5\n');
  expect((await add(dir, 'Begge', '--score-scale-min', '2', '--score-scale-max', '7')).code).toBe(0);
  expect(call(dir, '2026-begge')).toContain('score_scale:\n  min: 2\n  max: 7\n');
  expect((await add(dir, 'Ingen skala')).code).toBe(0);
  expect(call(dir, '2026-ingen-skala')).not.toContain('score_scale');
  const edit = await civsam(['--data', dir, 'call', 'edit', '2026-begge', '--score-scale-max', '9', '--no-commit'], { env: { CIVSAM_LANG: 'da' } });
  expect(edit.code, edit.stderr).toBe(0);
  expect(call(dir, '2026-begge')).toContain('score_scale:\n  min: 2\n  max: 9\n');
});

test('one end given past the other\'s default is refused by the options, not by the file\'s fields', async () => {
  const dir = makeFolder(baseFiles());
  const r = await add(dir, 'Fra seks', '--score-scale-min', '6');
  expect(r).toEqual({ code: 2, stdout: '', stderr: '  Karakterskalaens laveste karakter skal være lavere end dens højeste: angiv begge med --score-scale-min og --score-scale-max.\nfejl: ændringen blev afvist på grund af problemet ovenfor; intet er skrevet.\n' });
});
