// validate names the closest entries for a reference that names nothing, as a record given by
// --from-file is told: the id the file must hold with the name it has. Built binary, in Danish.
import { describe, expect, it } from 'vitest';
import { baseFiles, makeFolder, org } from '../helpers/folder.js';
import { civsam } from '../helpers/cli.js';

const DA = { CIVSAM_LANG: 'da', COLUMNS: '80' };

describe('validate: a reference to no id, with the closest entries', () => {
  it('a misspelt patient group gets "Mente du"; a word close to nothing keeps the plain advice', async () => {
    const dir = makeFolder({ ...baseFiles(), 'organisations/beta.yaml': org('beta', 'Beta Forening').replace('patient_groups: [depression]', 'patient_groups: [depresion, xyzzyq]') });
    const r = await civsam(['validate', '--data', dir], { env: DA });
    expect(r.code).toBe(2);
    expect(r.stdout.replaceAll(`${dir}/`, '')).toBe([
      'organisations/beta.yaml:6:18',
      '    Patientgruppe nr. 1 henviser til et id, som ingen patientgruppe har. Mente',
      '    du: Depression (depression)? Ret id\'et i filen, eller opret først det, der',
      '    henvises til.',
      'organisations/beta.yaml:6:29',
      '    Patientgruppe nr. 2 henviser til et id, som ingen patientgruppe har.',
      '    Kontrollér id\'et, eller opret først det, der henvises til.',
      '',
    ].join('\n'));
  });

  it('a record named by a slip of its id: the record by name and id', async () => {
    const dir = makeFolder({ ...baseFiles(), 'offers/o1.yaml': 'id: o1\norganisation: alpah\ntitle: Samtalegruppe\ntype: peer-group\npatient_groups: [depression]\nactive_from: 2026-01-01\nscope: regional\n' });
    const r = await civsam(['validate', '--data', dir, '--format', 'json'], { env: { CIVSAM_LANG: 'en' } });
    expect(JSON.parse(r.stdout).problems.map((p: { line: number; message: string }) => `${p.line} ${p.message}`)).toEqual([
      '2 organisation does not name an existing organisation. Did you mean: Alpha Forening (alpha)? Correct the id in the file, or create the organisation first.',
    ]);
  });
});
