// A consultation's response points changed by two people at once. Before: the conflict named the
// response by its party's id ("bemærkning 1 i svar (part hp-alpha)") and advised `civsam
// consultation edit`, which has no flag for a point; and a second point with the same summary was
// accepted, after which any concurrent change to the response was a conflict of the whole list.
import { expect, test } from 'vitest';
import { siteFiles } from '../publish/fixture.js';
import { cloneAs, folderState, sharedRegister } from '../helpers/team.js';

const DA = { CIVSAM_LANG: 'da' };

function withPoints() {
  const files = siteFiles();
  files['consultations/k-closed.yaml'] = files['consultations/k-closed.yaml'].replace('responses:\n  - party: hp-alpha\n    received: 2026-03-01\n',
    'responses:\n  - party: hp-alpha\n    received: 2026-03-01\n    points:\n      - summary: Fristen er for kort.\n      - summary: Pårørende skal med.\n');
  return files;
}

test('a point both changed is named in the response of the party by its name, and no edit advice that cannot work is given', () => {
  const { bare, home } = sharedRegister(withPoints());
  const anna = cloneAs('Anna', bare, home);
  const bo = cloneAs('Bo', bare, home);
  expect(anna.civsam(['consultation', 'note', 'k-closed', '--party', 'hp-alpha', '--index', '1', '--disposition', 'accommodated']).code).toBe(0);
  expect(anna.civsam(['sync']).code).toBe(0);
  expect(bo.civsam(['consultation', 'note', 'k-closed', '--party', 'hp-alpha', '--index', '1', '--disposition', 'not', '--reason', 'Fristen var otte uger.']).code).toBe(0);
  const r = bo.civsam(['sync'], DA);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('  høring k-closed (Høring om udskrivning): begge har ændret bemærkning 1 i svaret fra Alpha Forening\n');
  expect(r.stderr).not.toContain('hp-alpha)');
  expect(r.stderr).not.toContain('eller ret posten');
});

test('consultation note refuses a second point with the same summary in one response, saying which point it is', () => {
  const { bare, home } = sharedRegister(withPoints());
  const anna = cloneAs('Anna', bare, home);
  const r = anna.civsam(['consultation', 'note', 'k-closed', '--party', 'hp-alpha', '--point', 'Pårørende skal med.'], DA);
  expect(r).toMatchObject({ code: 2, stdout: '' });
  expect(r.stderr).toBe('fejl: svaret fra Alpha Forening har allerede en bemærkning med den tekst (bemærkning 2); en til ville være den samme bemærkning to gange. Angiv, hvad der blev gjort med den, med civsam consultation note k-closed --party hp-alpha --index 2 --disposition …, eller skriv den nye bemærkning anderledes.\n');
  // Near miss: another text is a new point.
  expect(anna.civsam(['consultation', 'note', 'k-closed', '--party', 'hp-alpha', '--point', 'Flere møder.']).code).toBe(0);
});

test('consultation respond refuses the same point twice in one command, naming the party by its name', () => {
  const { bare, home } = sharedRegister(withPoints());
  const anna = cloneAs('Anna', bare, home);
  const before = folderState(anna.dir);
  const r = anna.civsam(['consultation', 'respond', 'k-closed', '--party', 'hp-alpha', '--date', '2026-03-01', '--point', 'Samme', ' Samme'], DA);
  expect(r).toMatchObject({ code: 2, stdout: '' });
  expect(r.stderr).toBe('fejl: --point angiver den samme tekst to gange til svaret fra Alpha Forening (bemærkning 1 og 2); den samme bemærkning to gange kan ikke skelnes fra hinanden. Angiv den én gang, eller skriv de to bemærkninger forskelligt.\n');
  expect(folderState(anna.dir)).toEqual(before);
  // Near miss: two different points are both kept.
  const ok = anna.civsam(['consultation', 'respond', 'k-closed', '--party', 'hp-alpha', '--date', '2026-03-01', '--point', 'Samme', 'Anden'], DA);
  expect(ok.code, ok.stderr).toBe(0);
});
