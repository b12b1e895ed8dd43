// A colleague's choice of side that undid a change this copy had. Before: Anna removed a record, Bo
// changed it and kept his version with `sync --mine`; Anna's next sync brought the record back and
// said only how many changes it brought in (and the other way round, her change vanished with the
// record). Now the sync says which record came back or went, and who chose.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { baseFiles, org } from '../helpers/folder.js';
import { cloneAs, sharedRegister, type Member } from '../helpers/team.js';

const DA = { CIVSAM_LANG: 'da' };

function team(): { anna: Member; bo: Member } {
  const { bare, home } = sharedRegister({ ...baseFiles(), 'organisations/beta.yaml': org('beta', 'Beta Forening') });
  return { anna: cloneAs('Anna', bare, home), bo: cloneAs('Bo', bare, home) };
}

test('a removal undone by the colleague\'s --mine: the record is said to be back, and by whose choice', () => {
  const { anna, bo } = team();
  expect(anna.civsam(['org', 'remove', 'beta']).code).toBe(0);
  expect(anna.civsam(['sync']).code).toBe(0);
  expect(bo.civsam(['org', 'edit', 'beta', '--notes', 'Ny note']).code).toBe(0);
  expect(bo.civsam(['sync']).code).toBe(2);
  expect(bo.civsam(['sync', '--mine', 'org', 'beta']).code).toBe(0);

  const r = anna.civsam(['sync'], DA);
  expect(r.code, r.stderr).toBe(0);
  expect(r.stderr).toContain('Organisation beta (Beta Forening) er kommet tilbage: den var fjernet, men Bo havde ændret den samtidig og valgte at beholde sin udgave. Fjern den igen (efter at have talt med Bo), hvis den skal væk; dens historik: civsam history org beta\n');
  expect(existsSync(join(anna.dir, 'organisations/beta.yaml'))).toBe(true);
});

test('a change undone by the colleague\'s removal with --mine: the record is said to be removed, and where the change is', () => {
  const { anna, bo } = team();
  expect(anna.civsam(['org', 'edit', 'beta', '--notes', 'Annas note']).code).toBe(0);
  expect(anna.civsam(['sync']).code).toBe(0);
  expect(bo.civsam(['org', 'remove', 'beta']).code).toBe(0);
  expect(bo.civsam(['sync']).code).toBe(2);
  expect(bo.civsam(['sync', '--mine', 'org', 'beta']).code).toBe(0);

  const r = anna.civsam(['sync'], DA);
  expect(r.code, r.stderr).toBe(0);
  expect(r.stderr).toContain('Organisation beta (Beta Forening) er fjernet: den var blevet ændret, men Bo havde fjernet den samtidig og valgte at holde den fjernet. Ændringen findes stadig i dens historik: civsam history org beta\n');
  expect(existsSync(join(anna.dir, 'organisations/beta.yaml'))).toBe(false);
});

test('near miss: a colleague\'s removal of a record nobody else changed is an ordinary change, not said as undoing anything', () => {
  const { anna, bo } = team();
  expect(bo.civsam(['org', 'remove', 'beta']).code).toBe(0);
  expect(bo.civsam(['sync']).code).toBe(0);
  const r = anna.civsam(['sync'], DA);
  expect(r.code, r.stderr).toBe(0);
  expect(r.stderr).toBe('Synkroniseret: dine ændringer sendt: 0; kollegernes ændringer hentet: 1.\n');
});

test('a field kept by the colleague\'s --mine in a record otherwise combined: the field is named; near miss, --theirs keeps ours and says nothing', () => {
  for (const side of ['--mine', '--theirs'] as const) {
    const { anna, bo } = team();
    expect(anna.civsam(['org', 'edit', 'beta', '--notes', 'Annas note', '--website', 'https://anna.example']).code).toBe(0);
    expect(anna.civsam(['sync']).code).toBe(0);
    // Bo changes another field too: with --theirs his sync still sends a combined record.
    expect(bo.civsam(['org', 'edit', 'beta', '--notes', 'Bos note', '--scope', 'national']).code).toBe(0);
    expect(bo.civsam(['sync']).code).toBe(2);
    expect(bo.civsam(['sync', side, 'org', 'beta']).code).toBe(0);
    const r = anna.civsam(['sync'], DA);
    expect(r.code, r.stderr).toBe(0);
    if (side === '--mine') expect(r.stderr).toContain('Bo havde ændret feltet »noter« i organisation beta (Beta Forening) samtidig og valgte at beholde sin egen værdi: ændringen fra før er kasseret (de andre ændringer af posten er beholdt). Begge udgaver findes i dens historik: civsam history org beta\n');
    else expect(r.stderr).toBe('Synkroniseret: dine ændringer sendt: 0; kollegernes ændringer hentet: 2.\n');
  }
});

test('an offer (a neuter word in Danish) that came back is "det", not "den"', () => {
  const offer = 'id: morgenmad\norganisation: alpha\ntitle: Åben morgenmad\ntype: peer-group\npatient_groups: [angst]\nmunicipalities: [aarhus]\nactive_from: 2026-01-01\n';
  const { bare, home } = sharedRegister({ ...baseFiles(), 'offers/morgenmad.yaml': offer });
  const anna = cloneAs('Anna', bare, home);
  const bo = cloneAs('Bo', bare, home);
  expect(anna.civsam(['offer', 'remove', 'morgenmad']).code).toBe(0);
  expect(anna.civsam(['sync']).code).toBe(0);
  expect(bo.civsam(['offer', 'edit', 'morgenmad', '--title', 'Åben morgenmad om fredagen']).code).toBe(0);
  expect(bo.civsam(['sync']).code).toBe(2);
  expect(bo.civsam(['sync', '--mine', 'offer', 'morgenmad']).code).toBe(0);

  const r = anna.civsam(['sync'], DA);
  expect(r.code, r.stderr).toBe(0);
  expect(r.stderr).toContain('Tilbud morgenmad (Åben morgenmad om fredagen) er kommet tilbage: det var fjernet, men Bo havde ændret det samtidig og valgte at beholde sin udgave. Fjern det igen (efter at have talt med Bo), hvis det skal væk; dets historik: civsam history offer morgenmad\n');
});

test('a conflict the colleague settled by hand (sync --continue after an edit) is said as settled by hand, never as the change being discarded; near miss, --mine still is', async () => {
  const { anna, bo } = team();
  expect(anna.civsam(['org', 'edit', 'beta', '--notes', 'Møde 3. december']).code).toBe(0);
  expect(anna.civsam(['sync']).code).toBe(0);
  expect(bo.civsam(['org', 'edit', 'beta', '--notes', 'Ringet op']).code).toBe(0);
  expect(bo.civsam(['sync']).code).toBe(2);
  // As the stopped sync advises: the record set to the value he wants (holding Anna's words), then --continue.
  expect(bo.civsam(['org', 'edit', 'beta', '--notes', 'Møde 3. december; ringet op igen']).code).toBe(0);
  const settled = bo.civsam(['sync', '--continue']);
  expect(settled.code, settled.stderr).toBe(0);
  // The merge names the file settled by hand (its path: kind and id), never a value.
  expect(bo.git(['log', '-1', '--format=%B']).stdout).toBe('civsam sync: de fælles ændringer flettet ind; konflikter løst (organisation beta)\n\nCivsam-Settled-By-Hand: organisations/beta.yaml');

  const r = anna.civsam(['sync'], DA);
  expect(r.code, r.stderr).toBe(0);
  expect(r.stderr).toContain('Bo havde ændret organisation beta (Beta Forening) samtidig og afgjorde konflikten ved at rette posten i hånden, så ingen af udgaverne blev beholdt uændret. Se efter, om din ændring er med, med civsam org show beta; begge udgaver findes i dens historik: civsam history org beta\n');
  expect(r.stderr).not.toContain('kasseret');

  // Near miss: the same conflict settled with --mine is still said to discard Anna's change, naming her field.
  const again = team();
  expect(again.anna.civsam(['org', 'edit', 'beta', '--notes', 'Møde 3. december']).code).toBe(0);
  expect(again.anna.civsam(['sync']).code).toBe(0);
  expect(again.bo.civsam(['org', 'edit', 'beta', '--notes', 'Ringet op']).code).toBe(0);
  expect(again.bo.civsam(['sync', '--mine']).code).toBe(0);
  expect(again.anna.civsam(['sync'], DA).stderr).toContain('Bo havde ændret organisation beta (Beta Forening) samtidig og valgte at beholde sin egen udgave: din ændring af feltet »noter« er kasseret. Begge udgaver findes i dens historik: civsam history org beta\n');
});
