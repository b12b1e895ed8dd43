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
      '2 Organisation does not name an existing organisation. Did you mean: Alpha Forening (alpha)? Correct the id in the file, or create the organisation first.',
    ]);
  });

  it('a reference written as a name or with capitals, a fixed value written as its label: the id or code to write', async () => {
    const files = { ...baseFiles(), 'organisations/beta.yaml': org('beta', 'Beta Forening')
      .replace('patient_groups: [depression]', 'patient_groups: [Psykisk sygdom, angst]')
      .replace('municipalities: [aarhus]', 'municipalities: [aarhus, Randers kommune]')
      .replace('kind: patient-association', 'kind: pårørendeforening') };
    files['vocabularies/patient-groups.yaml'] += '- id: hjemloeshed\n  name: {da: Hjemløshed, en: Homelessness}\n  areas: [social]\n';
    files['organisations/beta.yaml'] = files['organisations/beta.yaml'].replace('angst]', 'hjemløshed]');
    const dir = makeFolder(files);
    const r = await civsam(['validate', '--data', dir], { env: DA });
    expect(r.code).toBe(2);
    expect(r.stdout.replaceAll(`${dir}/`, '')).toBe([
      'organisations/beta.yaml:4:7',
      '    Art skal være en af disse (skriv koden i filen): patient-association',
      '    (patientforening), relatives-association (pårørendeforening),',
      '    user-association (brugerforening), volunteer-organisation (frivillig',
      '    organisation), umbrella-organisation (paraplyorganisation),',
      '    self-governing-institution (selvejende institution), social-enterprise',
      '    (socialøkonomisk virksomhed), other (andet). Skriv relatives-association for',
      '    pårørendeforening.',
      'organisations/beta.yaml:6:18',
      '    Patientgruppe nr. 1 skal være et id: små bogstaver, cifre og bindestreger,',
      '    begyndende med et bogstav eller ciffer, højst 63 tegn. Mente du: Psykisk',
      '    sygdom (psykisk-sygdom)?',
      'organisations/beta.yaml:6:34',
      '    Patientgruppe nr. 2 skal være et id: små bogstaver, cifre og bindestreger,',
      '    begyndende med et bogstav eller ciffer, højst 63 tegn. Mente du: Hjemløshed',
      '    (hjemloeshed)?',
      'organisations/beta.yaml:7:26',
      '    Kommune nr. 2 skal være et id: små bogstaver, cifre og bindestreger,',
      '    begyndende med et bogstav eller ciffer, højst 63 tegn. Mente du: Randers',
      '    (randers)?',
      '',
    ].join('\n'));
  });

  it('a pool written with a capital in a funding line: the pool by name and id', async () => {
    const dir = makeFolder({ ...baseFiles(),
      'pools/civilsamfundspuljen.yaml': 'id: civilsamfundspuljen\nname: Puljen til civilsamfundet\nareas: [psychiatry]\neligible_kinds: [development]\nbudgets: []\n',
      'agreements/2027-psyk-001.yaml': 'id: 2027-psyk-001\ntitle: Første\norganisations: [alpha]\nareas: [psychiatry]\nscope: regional\nstart: 2027-01-01\nstatus: draft\nfunding:\n  - pool: Civilsamfundspuljen\n    year: 2027\n    kind: development\n    amount_dkk: 1000\n',
    });
    const r = await civsam(['validate', '--data', dir, '--format', 'json'], { env: { CIVSAM_LANG: 'da' } });
    expect(JSON.parse(r.stdout).problems.map((p: { line: number; message: string }) => `${p.line} ${p.message}`)).toEqual([
      '9 Midler nr. 1: pulje skal være et id: små bogstaver, cifre og bindestreger, begyndende med et bogstav eller ciffer, højst 63 tegn. Mente du: Puljen til civilsamfundet (civilsamfundspuljen)?',
    ]);
  });
});
