// A sync refused because a colleague removed a record that one of yours refers to. Before: only
// `offers/….yaml:3:15  Organisation henviser til et id, som ingen organisation har.` Now the sync
// also says who removed which record, which of yours refers to it, and what to do.
import { expect, test } from 'vitest';
import { baseFiles, org } from '../helpers/folder.js';
import { cloneAs, folderState, sharedRegister } from '../helpers/team.js';

const DA = { CIVSAM_LANG: 'da' };

test('the removed record and its remover are named, with the record of yours that refers to it', () => {
  const { bare, home } = sharedRegister({ ...baseFiles(), 'organisations/beta.yaml': org('beta', 'Beta Forening') });
  const anna = cloneAs('Anna', bare, home);
  const bo = cloneAs('Bo', bare, home);
  expect(anna.civsam(['org', 'remove', 'beta']).code).toBe(0);
  expect(anna.civsam(['sync']).code).toBe(0);
  const add = bo.civsam(['offer', 'add', '--organisation', 'beta', '--title', 'Tilbud til tre', '--type', 'peer-group', '--patient-groups', 'angst', '--municipalities', 'aarhus', '--active-from', '2027-01-01']);
  expect(add.code, add.stderr).toBe(0);
  const before = folderState(bo.dir);

  const r = bo.civsam(['sync'], DA);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('Organisation henviser til et id, som ingen organisation har.');
  expect(r.stderr).toContain('Anna har fjernet organisation beta (Beta Forening) fra den fælles mappe, og tilbud tilbud-til-tre (Tilbud til tre) henviser stadig til den. Vælg en anden i dens sted (civsam offer edit tilbud-til-tre --organisation "…"), eller aftal med Anna, at den lægges tilbage; kør så civsam sync igen.\n');
  // Bo's offer is fine in itself: the problem came with Anna's removal, so Bo is not named as its cause.
  expect(r.stderr).not.toContain('er lavet af');
  expect(r.stderr).toContain('(1 problem, se ovenfor)');
  expect(folderState(bo.dir)).toEqual(before);

  // The advice, pasted with a name in place of "…", is accepted and makes the sync go through.
  const edit = bo.civsam(['offer', 'edit', 'tilbud-til-tre', '--organisation', 'Alpha Forening'], DA);
  expect(edit.code, edit.stderr).toBe(0);
  expect(bo.civsam(['sync']).code).toBe(0);
});

test('a list that named the removed record: the advice keeps the others of the list', () => {
  const { bare, home } = sharedRegister({ ...baseFiles(), 'organisations/beta.yaml': org('beta', 'Beta Forening') });
  const anna = cloneAs('Anna', bare, home);
  const bo = cloneAs('Bo', bare, home);
  expect(anna.civsam(['org', 'remove', 'beta']).code).toBe(0);
  expect(anna.civsam(['sync']).code).toBe(0);
  const add = bo.civsam(['agreement', 'add', '--title', 'Fælles aftale', '--organisations', 'alpha,beta', '--areas', 'psychiatry', '--patient-groups', 'angst', '--municipalities', 'aarhus', '--start', '2027-01-01', '--end', '2027-12-31', '--status', 'active']);
  expect(add.code, add.stderr).toBe(0);
  const r = bo.civsam(['sync'], DA);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('Vælg en anden i dens sted (civsam agreement edit 2027-psyk-001 --organisations alpha,"…")');
});

test('near miss: a problem of your own that no removal caused gets no such line', () => {
  const { bare, home } = sharedRegister({ ...baseFiles(), 'organisations/beta.yaml': org('beta', 'Beta Forening') });
  const anna = cloneAs('Anna', bare, home);
  const bo = cloneAs('Bo', bare, home);
  // Both register an organisation with the same CVR: the merge would hold it twice.
  expect(anna.civsam(['org', 'edit', 'beta', '--cvr', '87654303']).code).toBe(0);
  expect(anna.civsam(['sync']).code).toBe(0);
  expect(bo.civsam(['org', 'edit', 'alpha', '--cvr', '87654303']).code).toBe(0);
  const r = bo.civsam(['sync'], DA);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('Intet er sendt');
  expect(r.stderr).not.toContain('har fjernet');
});
