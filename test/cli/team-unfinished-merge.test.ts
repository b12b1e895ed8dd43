// A merge started outside civsam (`git pull` that stopped on a conflict). Before: validate said
// "Kolon efter et feltnavn mangler" at git's markers; doctor said to finish it with git commit (which
// git refuses while files are unmerged) and exited 0; sync only sent the user to doctor. Now validate
// says at the `<<<<<<<` line what the file holds, and doctor and sync name the files, say to undo
// the merge and let civsam sync combine the records, and exit 2.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { civsam } from '../helpers/cli.js';
import { baseFiles, org } from '../helpers/folder.js';
import { cloneAs, sharedRegister, type Member } from '../helpers/team.js';

/** civsam in this process, in Danish, on the member's copy. */
const da = (m: Member, ...args: string[]) => civsam(['--data', m.dir, ...args], { env: { CIVSAM_LANG: 'da' } });

/** Anna's change to beta's notes is shared; Bo changed them too and runs git pull, which stops on the conflict. */
async function pulledIntoConflict(): Promise<Member> {
  const { bare, home } = sharedRegister({ ...baseFiles(), 'organisations/beta.yaml': org('beta', 'Beta Forening') });
  const anna = cloneAs('Anna', bare, home);
  const bo = cloneAs('Bo', bare, home);
  expect((await da(anna, 'org', 'edit', 'beta', '--notes', 'Annas note')).code).toBe(0);
  expect((await da(anna, 'sync')).code).toBe(0);
  expect((await da(bo, 'org', 'edit', 'beta', '--notes', 'Bos note')).code).toBe(0);
  expect(bo.git(['pull', '--no-rebase', 'origin', 'main']).code).not.toBe(0);
  return bo;
}

test('validate names the unfinished merge at the <<<<<<< line, once, instead of the syntax errors the markers cause', async () => {
  const bo = await pulledIntoConflict();
  const r = await da(bo, 'validate');
  expect(r.code).toBe(2);
  expect(r.stdout).toContain('organisations/beta.yaml:9:1  Fra denne linje indeholder filen begge udgaver fra en git-fletning, der ikke blev gjort færdig (git markerer dem med <<<<<<<, ======= og >>>>>>>), så den kan ikke læses som en post. Kør civsam doctor: den fortæller, hvordan du fortryder fletningen og lader civsam sync forene posterne.\n');
  expect(r.stdout).toMatch(/^\S+beta\.yaml:9:1 [^\n]+\n$/);
  expect(r.stdout + r.stderr).not.toContain('Kolon efter et feltnavn');
});

test('doctor names the unmerged files, says to undo the merge and run civsam sync, and exits 2; sync says the same; after git merge --abort, sync asks about the conflict as usual', async () => {
  const bo = await pulledIntoConflict();
  const d = await da(bo, 'doctor');
  expect(d.code).toBe(2);
  expect(d.stdout).toContain([
    'git er midt i en fletning i dette arkiv (startet uden for civsam, med git pull eller git merge), som ikke kunne gøres færdig: 1 fil indeholder begge udgaver, markeret med <<<<<<< og >>>>>>>, og kan ikke læses som poster, før fletningen er fortrudt. git commit kan ikke gøre fletningen færdig, så længe den ikke er flettet:',
    `  ${join(bo.dir, 'organisations/beta.yaml')}`,
    'Fortryd fletningen med git merge --abort (de ændringer, du har registreret, bevares), og kør så civsam sync: den henter de samme ændringer, forener posterne felt for felt og spørger om det, der er i konflikt.',
  ].join('\n'));
  expect(d.stdout).not.toContain('Gør den færdig med git commit');

  const s = await da(bo, 'sync');
  expect(s.code).toBe(2);
  expect(s.stderr).toBe(`fejl: git er midt i en fletning i datamappens arkiv (startet uden for civsam, med git pull eller git merge), som ikke kunne gøres færdig: 1 fil indeholder begge udgaver (${join(bo.dir, 'organisations/beta.yaml')}). Fortryd den med git merge --abort (de ændringer, du har registreret, bevares), og kør så civsam sync igen: den henter de samme ændringer og forener posterne felt for felt.\n`);

  expect(bo.git(['merge', '--abort']).code).toBe(0);
  const again = await da(bo, 'sync');
  expect(again.code).toBe(2);
  expect(again.stderr).toContain('  organisation beta (Beta Forening): begge har ændret feltet »noter«');
});

test('near miss: a merge whose files are all resolved but not yet committed is for git commit to finish, and doctor exits 0', async () => {
  const bo = await pulledIntoConflict();
  writeFileSync(join(bo.dir, 'organisations/beta.yaml'), org('beta', 'Beta Forening'));
  expect(bo.git(['add', 'organisations/beta.yaml']).code).toBe(0);
  const d = await da(bo, 'doctor');
  expect(d.code).toBe(0);
  expect(d.stdout).toContain('git er midt i en fletning i dette arkiv (startet uden for civsam). Gør den færdig med git commit, eller fortryd den med git merge --abort.');
  expect(d.stdout).not.toContain('begge udgaver');
});
