// Deciding conflicts one record at a time, a record removed on one side and changed on the other,
// and your own records that what came in made invalid. Before: `sync --mine org X` while another
// record still conflicted kept nothing and said nothing (and mine for one, theirs for another could
// not be had); a removed record got the advice `civsam … edit ID`, which cannot work for it; and a
// record of yours that a colleague's change made invalid was not named.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { civsam } from '../helpers/cli.js';
import { baseFiles, org } from '../helpers/folder.js';
import { checkShared, cloneAs, folderState, sharedRegister, type Member } from '../helpers/team.js';

function team(): { bare: string; home: string; anna: Member; bo: Member } {
  const { bare, home } = sharedRegister({ ...baseFiles(), 'organisations/beta.yaml': org('beta', 'Beta Forening') });
  return { bare, home, anna: cloneAs('Anna', bare, home), bo: cloneAs('Bo', bare, home) };
}

/** civsam in this process, in Danish, on the member's copy. */
const da = (m: Member, ...args: string[]) => civsam(['--data', m.dir, ...args], { env: { CIVSAM_LANG: 'da' } });
const notes = (m: Member, id: string) => (parse(readFileSync(join(m.dir, `organisations/${id}.yaml`), 'utf8')) as { notes?: string }).notes;

/** Anna and Bo both change the notes of alpha and of beta; Anna's go first. */
async function twoConflicts(): Promise<{ bare: string; home: string; anna: Member; bo: Member }> {
  const t = team();
  for (const id of ['alpha', 'beta']) expect((await da(t.anna, 'org', 'edit', id, '--notes', `Annas note om ${id}`)).code).toBe(0);
  expect((await da(t.anna, 'sync')).code).toBe(0);
  for (const id of ['alpha', 'beta']) expect((await da(t.bo, 'org', 'edit', id, '--notes', `Bos note om ${id}`)).code).toBe(0);
  return t;
}

describe('civsam sync --mine/--theirs for one record while others still conflict', () => {
  test('the choice is kept and said; deciding the other then finishes the sync with both choices, mine for one and theirs for the other', async () => {
    const { bare, home, anna, bo } = await twoConflicts();
    const before = folderState(bo.dir);
    const first = await da(bo, 'sync', '--mine', 'org', 'alpha');
    expect(first.code, first.stderr).toBe(2);
    expect(first.stderr).toContain([
      'Dit valg er gemt; synkroniseringen gøres færdig, når posten, der stadig er i konflikt nedenfor, også er afgjort. Intet er sendt endnu.',
      'Disse poster er ændret både her og i den fælles mappe, på måder der ikke kan forenes (1):',
      '  organisation beta (Beta Forening): begge har ændret feltet »noter«',
      'Allerede valgt (gennemføres, når resten også er afgjort):',
      '  organisation alpha (Alpha Forening): din version',
    ].join('\n'));
    expect(first.stderr).toContain('synkroniseringen er standset: 1 post er i konflikt');
    expect(folderState(bo.dir)).toEqual(before);

    // A plain sync asks only about what is still open, and keeps the choice.
    const again = await da(bo, 'sync');
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('  organisation alpha (Alpha Forening): din version\n');
    expect(again.stderr).not.toContain('organisation alpha (Alpha Forening): begge');

    const last = await da(bo, 'sync', '--theirs', 'org', 'beta');
    expect(last.code, last.stderr).toBe(0);
    expect(last.stderr).toContain([
      'Konflikter løst (2):',
      '  organisation alpha (Alpha Forening): din version af feltet »noter« er beholdt; den fælles version er kasseret.',
      '  organisation beta (Beta Forening): den fælles version af feltet »noter« er taget; din version er kasseret.',
    ].join('\n'));
    expect([notes(bo, 'alpha'), notes(bo, 'beta')]).toEqual(['Bos note om alpha', 'Annas note om beta']);
    expect((await da(anna, 'sync')).code).toBe(0);
    expect([notes(anna, 'alpha'), notes(anna, 'beta')]).toEqual(['Bos note om alpha', 'Annas note om beta']);
    expect(checkShared(bare, home).validate.code).toBe(0);
  });

  test('a choice made for a conflict that has changed since (a colleague sent more) is asked for again, not applied to what was not seen', async () => {
    const { anna, bo } = await twoConflicts();
    expect((await da(bo, 'sync', '--mine', 'org', 'alpha')).code).toBe(2);
    expect((await da(anna, 'org', 'edit', 'alpha', '--notes', 'Annas anden note')).code).toBe(0);
    expect((await da(anna, 'sync')).code).toBe(0);
    const r = await da(bo, 'sync', '--theirs', 'org', 'beta');
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain('Dit tidligere valg for organisation alpha gælder ikke længere: posten er ændret igen siden. Vælg igen.');
    expect(r.stderr).toContain('  organisation alpha (Alpha Forening): begge har ændret feltet »noter«\n');
    expect(r.stderr).toContain('  organisation beta (Beta Forening): den fælles version\n');
    expect(notes(bo, 'alpha')).toBe('Bos note om alpha');
  });
});

describe('a record removed on one side and changed on the other', () => {
  test('the advice is to keep one side for it (or take it back and change it), never to edit a record that is not there', async () => {
    const { anna, bo } = team();
    expect((await da(anna, 'org', 'edit', 'beta', '--notes', 'Annas note')).code).toBe(0);
    expect((await da(anna, 'sync')).code).toBe(0);
    expect((await da(bo, 'org', 'remove', 'beta')).code).toBe(0);
    const stopped = await da(bo, 'sync');
    expect(stopped.code, stopped.stderr).toBe(2);
    expect(stopped.stderr).toContain('  organisation beta (Beta Forening): slettet her, ændret i den fælles mappe\n');
    expect(stopped.stderr).not.toContain('eller ret posten');
    expect(stopped.stderr).not.toContain('--continue');
    expect(stopped.stderr).toContain('organisation beta (Beta Forening) er slettet her og ændret i den fælles mappe: civsam sync --theirs org beta henter den tilbage med de ændringer (ret den bagefter med civsam org edit beta, hvis det er nødvendigt); civsam sync --mine org beta lader den forblive slettet, og ændringerne kasseres.');
    const r = await da(bo, 'sync', '--theirs', 'org', 'beta');
    expect(r.code, r.stderr).toBe(0);
    expect(notes(bo, 'beta')).toBe('Annas note');

    // The other way round: changed here, removed there.
    const t = team();
    expect((await da(t.anna, 'org', 'remove', 'beta')).code).toBe(0);
    expect((await da(t.anna, 'sync')).code).toBe(0);
    expect((await da(t.bo, 'org', 'edit', 'beta', '--notes', 'Bos note')).code).toBe(0);
    const other = await da(t.bo, 'sync');
    expect(other.code).toBe(2);
    expect(other.stderr).not.toMatch(/edit beta|eller ret posten/);
    expect(other.stderr).toContain('organisation beta (Beta Forening) er ændret her og slettet i den fælles mappe: civsam sync --mine org beta beholder den med dine ændringer; civsam sync --theirs org beta sletter den, og dine ændringer kasseres.');
  });
});

describe('your own records made invalid by what came in', () => {
  test('are named when you had nothing to send, as records that came in invalid are', async () => {
    const { anna, bo } = team();
    // Bo's offer of Beta Forening is shared; Anna then removes the organisation with git itself.
    expect((await da(bo, 'offer', 'add', '--id', 'cafe', '--organisation', 'beta', '--title', 'Café', '--type', 'samtalegruppe', '--patient-groups', 'angst', '--municipalities', 'skive', '--active-from', '2026-01-01')).code).toBe(0);
    expect((await da(bo, 'sync')).code).toBe(0);
    expect((await da(anna, 'sync')).code).toBe(0);
    expect(anna.git(['rm', '-q', 'organisations/beta.yaml']).code).toBe(0);
    expect(anna.git(['commit', '-qm', 'beta væk']).code).toBe(0);
    expect(anna.git(['push', '-q', 'origin', 'HEAD']).code).toBe(0);
    const r = await da(bo, 'sync');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain([
      'Bemærk: en af dine poster, der var gyldig, er ikke længere gyldig med kollegernes ændringer: tilbud cafe (Café).',
      'Ændringerne er lavet af: Anna.',
      'Kør civsam validate for at se, hvad der er galt, og ret det (eller aftal det med den kollega, der bør).',
    ].join('\n'));
  });
});
