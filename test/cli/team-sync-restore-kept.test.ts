// A record's history after a sync that kept one side's version whole: the version the other side
// made, which the sync threw away, is shown as discarded, not as a step of the record as it now
// is; a plain restore undoes the last change on the record's own line. Before: after `sync
// --theirs` and an import that erased the notes, a plain restore was refused with "udgave 4
// fortrød udgave 3, så posten er nu som udgave 2" (none of it true), and after `sync --mine` on a
// record both had added, the colleague's version was listed as the record's first version.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { baseFiles, org } from '../helpers/folder.js';
import { cloneAs, sharedRegister, type Member } from '../helpers/team.js';

function team(): { anna: Member; bo: Member } {
  const { bare, home } = sharedRegister({ ...baseFiles(), 'organisations/beta.yaml': org('beta', 'Beta Forening') });
  return { anna: cloneAs('Anna', bare, home), bo: cloneAs('Bo', bare, home) };
}

/** The built binary, in Danish at 80 columns, as the member. */
const da = (m: Member, ...args: string[]) => m.civsam(args, { CIVSAM_LANG: 'da', COLUMNS: '80' });
const headings = (out: string) => out.split('\n').filter((l) => l.includes('Udgave')).map((l) => l.replace(/ · \d+\. \S+ \d{4} \d\d:\d\d/, '').replace(/[│\s]+$/, '').replace(/^│ /, ''));

test('after sync --theirs, the discarded version is shown as such and a plain restore undoes a later erasure', () => {
  const { anna, bo } = team();
  expect(da(anna, 'org', 'edit', 'beta', '--notes', 'Annas note').code).toBe(0);
  expect(da(anna, 'sync').code).toBe(0);
  expect(da(bo, 'org', 'edit', 'beta', '--notes', 'Bos note').code).toBe(0);
  expect(da(bo, 'sync').code).toBe(2);
  expect(da(bo, 'sync', '--theirs').code).toBe(0);
  expect(da(bo, 'org', 'edit', 'beta', '--unset', 'notes').code).toBe(0);

  const history = da(bo, 'history', 'org', 'beta').stdout;
  expect(headings(history)).toEqual([
    'Udgave 4 · Bo: organisation beta: noter: fjernet',
    'Udgave 3 · Bo: organisation beta: noter: sat',
    'Udgave 2 · Anna: organisation beta: noter: sat',
    'Udgave 1 · Admin: the register',
  ]);
  expect(history).toContain('│ kasseret │ Noter: – → Bos note');
  expect(history.replace(/[│ ]*\n[│ ]*/g, ' ')).toContain('Da Bo synkroniserede, blev den anden udgave beholdt og denne kasseret: posten, som den er nu, bygger ikke på den.');
  expect(history).toContain('│ ændret   │ Noter: Annas note → –');

  const r = da(bo, 'org', 'restore', 'beta');
  expect(r.code, r.stderr).toBe(0);
  expect(r.stderr.split('\n')[0]).toMatch(/^Fortryder den seneste ændring af organisation beta, udgave 4, lavet \d+\. \S+ \d{4} af Bo: tilbage til udgaven før den\.$/);
  expect(readFileSync(join(bo.dir, 'organisations/beta.yaml'), 'utf8')).toContain('notes: Annas note');
  // A second plain restore right after it would only undo the undo: still refused.
  const again = da(bo, 'org', 'restore', 'beta');
  expect(again.code).toBe(2);
  expect(again.stderr).toContain('den seneste ændring af organisation beta (udgave 5) fortrød udgave 4, så posten er nu som udgave 2');
});

test('after sync --mine on a record both added, the colleague\'s version is shown as discarded and restore points to it', () => {
  const { anna, bo } = team();
  const add = ['org', 'add', '--kind', 'other', '--areas', 'social', '--scope', 'regional', '--name'];
  expect(da(anna, ...add, 'Ny Forening').code).toBe(0);
  expect(da(anna, 'sync').code).toBe(0);
  expect(da(bo, ...add, 'Ny forening').code).toBe(0);
  expect(da(bo, 'sync').code).toBe(2);
  expect(da(bo, 'sync', '--mine').code).toBe(0);

  const history = da(bo, 'history', 'org', 'ny-forening').stdout;
  expect(headings(history)).toEqual([
    'Udgave 2 · Bo: organisation ny-forening: oprettet',
    'Udgave 1 · Anna: organisation ny-forening: oprettet',
  ]);
  expect(history).toContain('│ kasseret │ Id: – → ny-forening');
  expect(history).toContain('│ tilføjet │ Id: – → ny-forening');
  const r = da(bo, 'org', 'restore', 'ny-forening', '--dry-run');
  expect(r).toMatchObject({ code: 2, stdout: '' });
  expect(r.stderr).toMatch(/^fejl: organisation ny-forening blev oprettet ved sin seneste ændring \(\d+\. \S+ \d{4}\), så posten har ingen tidligere udgave af sin egen\. Udgave 1 blev lavet samtidig på den anden side af en synkronisering og kasseret dér: civsam org restore ny-forening --to 1 henter den tilbage\. Slet posten med civsam org remove ny-forening\.\n$/);
});

test('an edit that takes back the one before is undone by a plain restore: only a restore\'s own undo is refused', () => {
  const { anna } = team();
  expect(da(anna, 'org', 'edit', 'beta', '--notes', 'Annas note').code).toBe(0);
  expect(da(anna, 'org', 'edit', 'beta', '--unset', 'notes').code).toBe(0);
  const r = da(anna, 'org', 'restore', 'beta');
  expect(r.code, r.stderr).toBe(0);
  expect(readFileSync(join(anna.dir, 'organisations/beta.yaml'), 'utf8')).toContain('notes: Annas note');
});
