// Adding a record the register has already (the same offer from the same organisation, a pool of
// the same name) is refused, naming the one there is, unless the new one is given an id of its own;
// an id that had to be numbered is said, with the reason.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { baseFiles, makeFolder, org } from '../helpers/folder.js';
import { civsam } from '../helpers/cli.js';

const DA = { env: { CIVSAM_LANG: 'da' } };
const offer = (title: string, organisation = 'alpha') => ['offer', 'add', '--organisation', organisation, '--title', title, '--type', 'peer-group', '--patient-groups', 'depression', '--scope', 'regional', '--active-from', '2026-01-01', '--no-commit'];

describe('a record added twice', () => {
  it('the same title from the same organisation (case, accents and dashes aside) is refused, naming the offer there is', async () => {
    const dir = makeFolder(baseFiles());
    expect((await civsam([...offer('Samtalegruppe for pårørende'), '--data', dir], DA)).stdout).toBe('samtalegruppe-for-paaroerende\n');
    const again = await civsam([...offer('samtalegruppe  for Pårørende'), '--data', dir], DA);
    expect(again.code).toBe(2);
    expect(again.stderr).toBe('fejl: der er allerede registreret et tilbud med denne titel fra denne organisation: samtalegruppe-for-paaroerende. Ret posten med civsam offer edit samtalegruppe-for-paaroerende. Er det en anden post, så angiv et id til den med --id.\n');
    expect(existsSync(join(dir, 'offers/samtalegruppe-for-paaroerende-2.yaml'))).toBe(false);
    const en = await civsam([...offer('Samtalegruppe for pårørende'), '--data', dir]);
    expect(en.stderr).toBe('error: there is already an offer with this title from this organisation in the register: samtalegruppe-for-paaroerende. To change it, use civsam offer edit samtalegruppe-for-paaroerende. If this is another one, give it an id of its own with --id.\n');
  });

  it('is added when given an id of its own; the same title from another organisation is another offer', async () => {
    const dir = makeFolder({ ...baseFiles(), 'organisations/beta.yaml': org('beta', 'Beta', '11111111') });
    await civsam([...offer('Samtalegruppe'), '--data', dir]);
    const own = await civsam([...offer('Samtalegruppe'), '--id', 'samtalegruppe-skive', '--data', dir]);
    expect(own.code).toBe(0);
    expect(own.stdout).toBe('samtalegruppe-skive\n');
    // Another organisation's offer of that title: made, and the numbered id said with its reason.
    const other = await civsam([...offer('Samtalegruppe', 'beta'), '--data', dir], DA);
    expect(other.code).toBe(0);
    expect(other.stdout).toBe('samtalegruppe-2\n');
    expect(other.stderr).toContain("Id'et samtalegruppe er optaget, så den nye post har fået id'et samtalegruppe-2.\n");
  });

  it('an edit that gives an offer another offer\'s title (same organisation) is made, and said to repeat it; a later edit says nothing more', async () => {
    const dir = makeFolder(baseFiles());
    await civsam([...offer('Samtalegruppe'), '--data', dir]);
    await civsam([...offer('Rådgivning'), '--data', dir]);
    const edit = await civsam(['offer', 'edit', 'raadgivning', '--title', 'samtalegruppe', '--no-commit', '--data', dir], DA);
    expect(edit.code).toBe(0);
    // An offer has a title, so the titles are to differ (not its "names").
    expect(edit.stderr).toContain('Bemærk: nu er der registreret et tilbud med denne titel fra denne organisation mere end én gang: denne og samtalegruppe. Er det det samme, så slet den ene; ellers giv dem forskellige titler.\n');
    const later = await civsam(['offer', 'edit', 'raadgivning', '--description', 'Om tirsdagen', '--no-commit', '--data', dir], DA);
    expect(later.code).toBe(0);
    expect(later.stderr).not.toContain('Bemærk');
  });

  it('a dry run says it too, as what the change would do, in both languages; so does a numbered id', async () => {
    const dir = makeFolder({ ...baseFiles(), 'organisations/beta.yaml': org('beta', 'Beta', '11111111') });
    await civsam([...offer('Samtalegruppe'), '--data', dir]);
    await civsam([...offer('Rådgivning'), '--data', dir]);
    const before = readFileSync(join(dir, 'offers/raadgivning.yaml'), 'utf8');
    const da = await civsam(['offer', 'edit', 'raadgivning', '--title', 'samtalegruppe', '--dry-run', '--data', dir], DA);
    expect(da.code).toBe(0);
    expect(da.stderr).toBe('Herunder filens linjer, som civsam ville skrive dem, med felter og faste værdier som koder, sådan som filen rummer dem (civsam show viser dem med danske ord, når posten er gemt):\nPrøvekørsel: 1 fil ville blive ændret; intet er skrevet.\nBemærk: så ville der være registreret et tilbud med denne titel fra denne organisation mere end én gang: denne og samtalegruppe. Er det det samme, så lad være med at foretage ændringen, eller slet den ene; ellers giv dem forskellige titler.\n');
    const en = await civsam(['offer', 'edit', 'raadgivning', '--title', 'samtalegruppe', '--dry-run', '--data', dir]);
    expect(en.stderr).toBe('Below, the file\'s lines as civsam would write them, with fields and fixed values by their codes, as the file holds them (civsam show gives them in words once saved):\nDry run: 1 file would change; nothing was written.\nNote: the register would then have an offer with this title from this organisation more than once: this one and samtalegruppe. If it is the same thing, leave this change unmade or remove one of them; if not, give them different titles.\n');
    expect(readFileSync(join(dir, 'offers/raadgivning.yaml'), 'utf8')).toBe(before);
    const numbered = await civsam([...offer('Samtalegruppe', 'beta'), '--dry-run', '--data', dir], DA);
    expect(numbered.stdout).toMatch(/\nsamtalegruppe-2\n$/);
    expect(numbered.stderr).toContain("Id'et samtalegruppe er optaget, så den nye post ville få id'et samtalegruppe-2.\n");
  });

  it('a pool of the same name is refused too; an organisation of the same name is refused by its check, said by --name', async () => {
    const dir = makeFolder(baseFiles());
    const pool = ['pool', 'add', '--name', 'Puljen', '--areas', 'social', '--eligible-kinds', 'development', '--budgets', '2026:100000', '--no-commit', '--data', dir];
    expect((await civsam(pool)).code).toBe(0);
    const again = await civsam(pool);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('there is already a pool with this name in the register: puljen.');
    // A pool edited to another's name: it has a name, so the names are to differ.
    expect((await civsam(['pool', 'add', '--name', 'Anden pulje', '--areas', 'social', '--eligible-kinds', 'development', '--budgets', '2026:100000', '--no-commit', '--data', dir])).code).toBe(0);
    const renamed = await civsam(['pool', 'edit', 'anden-pulje', '--name', 'puljen', '--no-commit', '--data', dir], DA);
    expect(renamed.code).toBe(0);
    expect(renamed.stderr).toContain('denne og puljen. Er det det samme, så slet den ene; ellers giv dem forskellige navne.\n');
    const name = await civsam(['org', 'add', '--name', 'ALPHA forening', '--kind', 'patient-association', '--areas', 'psychiatry', '--scope', 'regional', '--no-commit', '--data', dir]);
    expect(name.code).toBe(2);
    expect(name.stderr).toMatch(/^ {2}--name: Another organisation \(organisations\/alpha\.yaml\) has the same name/m);
  });
});
