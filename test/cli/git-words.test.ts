// Advice in Danish says what to do in a case worker's words: civsam's own command where there is
// one, a git command only where none does the job, and then after the plain sentence, on a line of
// its own. Before: doctor said "git remote add origin ADRESSE" mid-sentence, and the main help
// called hooks "tjek ved hvert commit: en git-krog, der afviser et commit".
import { expect, test } from 'vitest';
import { civsam } from '../helpers/cli.js';
import { baseFiles, makeFolder } from '../helpers/folder.js';
import { git } from '../helpers/team.js';

const da = (args: string[]) => civsam(args, { env: { CIVSAM_LANG: 'da', COLUMNS: '80' } });

test('doctor on a folder with no shared repository: the plain sentence, then the one git command on a line of its own', async () => {
  const dir = makeFolder(baseFiles());
  for (const args of [['init', '-q'], ['add', '-A'], ['commit', '-q', '-m', 'Start']]) expect(git(dir, args).code).toBe(0);
  const r = await da(['doctor', '--data', dir, '--dry-run']);
  expect(r.stdout).toContain([
    'Datamappen deles ikke med holdet: der er ikke sat noget fælles arkiv op, så',
    'ændringerne bliver på denne computer. Få adressen på det fælles arkiv af den,',
    'der passer det fælles register, tilføj den, og kør så civsam sync. civsam har',
    'ingen kommando til at tilføje den; skriv dette i en terminal i datamappen:',
    '  git remote add origin ADRESSE',
    '',
  ].join('\n'));
  const sync = await da(['sync', '--data', dir]);
  expect(sync.code).toBe(2);
  expect(sync.stderr).toMatch(/^fejl: datamappen \S+ har intet fælles arkiv at synkronisere med\. Få adressen af IT-afdelingen, og tilføj den; civsam har ingen kommando til det, så skriv dette i en terminal i datamappen: git remote add origin ADRESSE\. Kør så civsam sync\.\n$/);
});

test('the main help says what hooks does without git words', async () => {
  const r = await da(['--help']);
  expect(r.stdout).toMatch(/ {2}hooks +tjek, før hver ændring registreres i\n +historikken: ugyldige data afvises\n/);
  expect(r.stdout).not.toMatch(/commit|git-krog/);
});
