// A record made from flags is told by its flags: a bad value by the flag that gave it, never by a
// line of a YAML file the user has not seen (and that is not written). A web address given as
// www.example.dk is taken as https://www.example.dk, and said so.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { baseFiles, makeFolder } from '../helpers/folder.js';
import { civsam } from '../helpers/cli.js';

const DA = { env: { CIVSAM_LANG: 'da' } };
const ORG = ['org', 'add', '--name', 'Ny Forening', '--kind', 'patient-association', '--areas', 'psychiatry', '--scope', 'regional', '--no-commit'];

describe('a record made from flags', () => {
  it('is told by the flag that gave a bad value, in words for a flag (no quotes, no file)', async () => {
    const dir = makeFolder(baseFiles());
    const r = await civsam([...ORG, '--data', dir, '--cvr', '12 34 56', '--contact-email', 'ikke-en-adresse', '--contact-phone', '12'], DA);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe([
      '  --cvr skal være 8 cifre, fx 29 19 09 25, der består CVR-numrenes modulus 11-kontrol. Tjek nummeret på cvr.dk.',
      '  --contact-email skal være en e-mailadresse.',
      '  --contact-phone skal være et telefonnummer på 8 til 20 cifre og mellemrum, evt. med + foran.',
      'fejl: ændringen blev afvist på grund af de 3 problemer ovenfor; intet er skrevet.',
      '',
    ].join('\n'));
    const en = await civsam([...ORG, '--data', dir, '--cvr', '12 34 56']);
    expect(en.stderr).toContain('  --cvr must be 8 digits, such as 29 19 09 25, that pass the modulus-11 check of CVR numbers. Check the number on cvr.dk.\n');
  });

  it('a rule between fields names the flag and keeps its own words; a rule at no flag has no place in a file not written', async () => {
    const dir = makeFolder(baseFiles());
    const r = await civsam([...ORG, '--data', dir, '--cvr', '12345678'], DA);
    expect(r.stderr).toContain('  --cvr skal være 8 cifre, fx 29 19 09 25, der består CVR-numrenes modulus 11-kontrol. Tjek nummeret på cvr.dk.\n');
    const noReach = await civsam(['org', 'add', '--name', 'Ny Forening', '--kind', 'patient-association', '--areas', 'psychiatry', '--no-commit', '--data', dir], DA);
    expect(noReach.stderr).toMatch(/^ {2}Angiv, hvor posten når ud: /);
    expect(noReach.stderr).not.toContain('ny-forening.yaml');
  });

  it('edit: a flag given is told by the flag; a problem the file had already keeps its place in the file', async () => {
    const dir = makeFolder({ ...baseFiles(), 'organisations/beta.yaml': 'id: beta\nname: Beta\nkind: patient-association\nareas: [psychiatry]\nscope: regional\nstatus: active\nwebsite: ikke en adresse\n' });
    const r = await civsam(['org', 'edit', 'beta', '--cvr', '1234', '--no-commit', '--data', dir], DA);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('  --cvr skal være 8 cifre, fx 29 19 09 25, der består CVR-numrenes modulus 11-kontrol. Tjek nummeret på cvr.dk.\n');
    expect(r.stderr).toMatch(new RegExp(`^  ${dir}/organisations/beta\\.yaml:\\d+:10  Hjemmeside skal være en webadresse`, 'm'));
  });

  it('--cvr "29 19 09 25" (as a CVR number is often written) is taken as its eight digits, said on stderr; too few digits are refused as before', async () => {
    const dir = makeFolder(baseFiles());
    const r = await civsam([...ORG, '--data', dir, '--cvr', '29 19 09 25'], DA);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('--cvr: CVR-nummeret er taget som dets 8 cifre (mellemrum, punktummer, bindestreger og DK er udeladt).\n');
    expect(readFileSync(join(dir, 'organisations/ny-forening.yaml'), 'utf8')).toContain('cvr: "29190925"\n');
    const short = await civsam(['org', 'edit', 'ny-forening', '--cvr', '29 19 09', '--no-commit', '--data', dir], DA);
    expect(short.code).toBe(2);
    expect(short.stderr).not.toContain('taget som');
    expect(short.stderr).toContain('--cvr skal være 8 cifre');
  });

  it('--website www.example.dk is taken as https://www.example.dk, said on stderr; a full address is left alone', async () => {
    const dir = makeFolder(baseFiles());
    const r = await civsam([...ORG, '--data', dir, '--website', 'www.example.dk/om-os'], DA);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('--website har ikke http:// eller https:// foran: https:// er sat foran adressen.\n');
    expect(readFileSync(join(dir, 'organisations/ny-forening.yaml'), 'utf8')).toContain('website: https://www.example.dk/om-os\n');
    const full = await civsam(['org', 'edit', 'ny-forening', '--website', 'http://example.dk', '--no-commit', '--data', dir], DA);
    expect(full.code).toBe(0);
    expect(full.stderr).not.toContain('https://');
    expect(readFileSync(join(dir, 'organisations/ny-forening.yaml'), 'utf8')).toContain('website: http://example.dk\n');
    const bad = await civsam(['org', 'edit', 'ny-forening', '--website', 'ikke en adresse', '--no-commit', '--data', dir], DA);
    expect(bad.stderr).toContain('  --website skal være en webadresse, der begynder med http:// eller https://, uden mellemrum.\n');
  });
});
