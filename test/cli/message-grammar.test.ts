// Messages that name a kind or a field agree with it: a Danish noun is en or et (and den or det after
// it), an English one a or an; a text's length is said in characters, whatever the field is called.
import { describe, expect, it } from 'vitest';
import { civsam } from '../helpers/cli.js';
import { baseFiles, makeFolder, org } from '../helpers/folder.js';

const OFFER = 'id: gruppe\norganisation: alpha\ntitle: Samtalegruppe\ntype: peer-group\npatient_groups: [depression]\nmunicipalities: [aarhus]\nactive_from: 2026-01-01\n';
const POOL = 'id: puljen\nname: Puljen\nareas: [psychiatry]\neligible_kinds: [operation]\nbudgets:\n  - year: 2026\n    amount_dkk: 1000000\n';
const AGREEMENT = 'id: 2026-psyk-001\ntitle: Samtalegrupper\norganisations: [alpha]\nareas: [psychiatry]\npatient_groups: [depression]\nmunicipalities: [aarhus]\nstart: 2026-01-01\nend: 2030-12-31\nstatus: active\nfunding:\n  - pool: puljen\n    year: 2026\n    kind: operation\n    amount_dkk: 300000\n';

const folder = (extra: Record<string, string> = {}) => makeFolder({ ...baseFiles(), 'offers/gruppe.yaml': OFFER, 'pools/puljen.yaml': POOL, 'agreements/2026-psyk-001.yaml': AGREEMENT, ...extra });
const da = { env: { CIVSAM_LANG: 'da' } };

describe('a kind named with its article', () => {
  it('an offer is et tilbud (det), a pool en pulje (den); in English an offer, a pool', async () => {
    const dir = folder();
    const offer = ['offer', 'add', '--data', dir, '--id', 'gruppe', '--organisation', 'alpha', '--title', 'Ny gruppe'];
    const pool = ['pool', 'add', '--data', dir, '--id', 'puljen', '--name', 'Ny pulje'];
    expect((await civsam(offer, da)).stderr).toBe("fejl: der findes allerede et tilbud med id'et gruppe. Ret det med civsam offer edit gruppe, eller angiv et andet --id.\n");
    expect((await civsam(pool, da)).stderr).toBe("fejl: der findes allerede en pulje med id'et puljen. Ret den med civsam pool edit puljen, eller angiv et andet --id.\n");
    expect((await civsam(offer)).stderr).toBe('error: there is already an offer with the id gruppe. Change it with civsam offer edit gruppe, or give another --id.\n');
    expect((await civsam(pool)).stderr).toBe('error: there is already a pool with the id puljen. Change it with civsam pool edit puljen, or give another --id.\n');
  });

  it('a record that others refer to names them by their kind and field in the language', async () => {
    const dir = folder();
    const r = await civsam(['pool', 'remove', '--data', dir, 'puljen'], da);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('fejl: pulje puljen kan ikke slettes: 1 post henviser til den: aftale 2026-psyk-001 (Midler: pulje). Ret den først.\n');
  });
});

describe('a text too long', () => {
  it('is said in characters with its length now, never the text, in both languages', async () => {
    const dir = folder({ 'organisations/beta.yaml': org('beta', 'Beta', undefined, `notes: ${'ø'.repeat(20001)}\n`) });
    const v = await civsam(['validate', '--data', dir], da);
    expect(v.stdout).toContain('Noter må højst have 20.000 tegn (har 20.001).');
    expect(v.stdout).not.toContain('øøø');
    const en = await civsam(['validate', '--data', dir]);
    expect(en.stdout).toContain('Notes must be at most 20,000 characters long (it is 20,001).');
  });

  it('a name of 100,000 letters given to org add --name is refused as too long, with the limit, never echoed, in both languages; nothing written', async () => {
    const dir = folder();
    const args = ['org', 'add', '--data', dir, '--name', 'a'.repeat(100_000), '--kind', 'patientforening', '--areas', 'psykiatri', '--scope', 'regional', '--no-commit'];
    expect(await civsam(args, da)).toEqual({ code: 2, stdout: '', stderr: '  --name må højst have 200 tegn (har 100.000).\nfejl: ændringen blev afvist på grund af problemet ovenfor; intet er skrevet.\n' });
    expect(await civsam(args)).toEqual({ code: 2, stdout: '', stderr: '  --name must be at most 200 characters long (it is 100,000).\nerror: the change was refused because of the problem above; nothing was written.\n' });
  });

  it('an empty text is said without an adjective that would have to agree with the field (Navn tomt, Noter tomme)', async () => {
    const dir = folder({ 'organisations/beta.yaml': org('beta', '""') });
    const v = await civsam(['validate', '--data', dir], da);
    expect(v.stdout).toMatch(/organisations\/beta\.yaml:3:7 {2}Navn skal udfyldes\.\n/);
  });
});

describe('a malformed id where a vocabulary entry is named', () => {
  it('points to the vocabulary\'s list, not to a record list, in both languages; a record option is said to take a name', async () => {
    const dir = folder();
    const inDanish = await civsam(['org', 'add', '--data', dir, '--name', 'Ny', '--municipalities', '../x', '--dry-run'], da);
    expect(inDanish.code).toBe(2);
    expect(inDanish.stderr).toBe("fejl: --municipalities er ikke et gyldigt id. Et id har 1 til 63 tegn: små bogstaver a-z, cifre og bindestreger, og det begynder med et bogstav eller et ciffer. civsam vocab list kommuner viser kommunerne og deres id'er.\n");
    const en = await civsam(['offer', 'list', '--data', dir, '--patient-group', '../a/b']);
    expect(en.stderr).toBe('error: --patient-group is not a valid id. An id has 1 to 63 characters: lowercase letters a-z, digits and dashes, and begins with a letter or a digit. civsam vocab list patient-groups shows the patient groups and their ids.\n');
    const org = await civsam(['offer', 'list', '--data', dir, '--organisation', '/a/b']);
    expect(org.stderr).toBe('error: what you gave for --organisation is neither a record\'s name nor its id (it reads as a path to a file, or holds control or invisible characters). Find the record with civsam find and part of its name.\n');
  });
});
