// A record given with --from-file is read in the words the flags and the import take: a field by its
// Danish label (`navn:`), a fixed value by its label (`patientforening`), a vocabulary entry or a
// record by its name. What is written is the data's own: field names, codes and ids. A word that
// names nothing is said at its place in the file with what it may be meant for, never echoed.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { civsam } from '../helpers/cli.js';
import { baseFiles, makeFolder } from '../helpers/folder.js';

const DA = { CIVSAM_LANG: 'da' };

async function add(file: string, env: Record<string, string> = DA) {
  const dir = makeFolder(baseFiles());
  writeFileSync(join(dir, 'ny.yaml'), file);
  const r = await civsam(['--data', dir, 'org', 'add', '--from-file', 'ny.yaml', '--no-commit'], { cwd: dir, env });
  return { r, dir };
}

describe('--from-file takes the words the flags take', () => {
  it('Danish labels and names are stored as fields, codes and ids', async () => {
    const { r, dir } = await add([
      'navn: Ny Forening',
      'art: pårørendeforening',
      'områder: [Psykiatri, socialområdet]',
      'patientgrupper: [Depression, Anxiety]',
      'kommuner: [Aarhus]',
      'kontakt:',
      '  rolle: formand',
      '',
    ].join('\n'));
    expect(r.stderr).toBe('Oprettede organisations/ny-forening.yaml.\n'.replace('organisations', join(dir, 'organisations')));
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'organisations/ny-forening.yaml'), 'utf8')).toContain([
      'name: Ny Forening',
      'kind: relatives-association',
      'areas: [psychiatry, social]',
      'patient_groups: [depression, angst]',
      'municipalities: [aarhus]',
      'status: active',
    ].join('\n'));
    expect(readFileSync(join(dir, 'organisations/ny-forening.yaml'), 'utf8')).toContain('contact:\n  role: formand\n');
  });

  it('a word that names nothing is said at its place, with what it may be meant for, in line order', async () => {
    const { r } = await add([
      'patient_groups: [Depresion]',
      'name: Ny Forening',
      'kind: patientforenig',
      'areas: [psychiatry]',
      'scope: regional',
      '',
    ].join('\n'));
    expect(r.code).toBe(2);
    expect(r.stderr).toBe([
      '  ny.yaml:1:18  Patientgruppe nr. 1: der er ingen patientgruppe, der passer til det, der står i filen. Mente du: Depression?',
      '  ny.yaml:3:7  Art kan ikke have den værdi, der står i filen. Mente du: patientforening? Den kan have: patientforening, pårørendeforening, brugerforening, frivillig organisation, paraplyorganisation, selvejende institution, socialøkonomisk virksomhed, andet.',
      'fejl: ændringen blev afvist på grund af de 2 problemer ovenfor; intet er skrevet.',
      '',
    ].join('\n'));
  });

  it('in English too', async () => {
    const { r } = await add('name: Ny Forening\nkind: patient association\nareas: [psychiatry]\nscope: regional\npatient_groups: [Anxity]\n', { CIVSAM_LANG: 'en' });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe([
      '  ny.yaml:5:18  Patient group no. 1: there is no patient group that matches what the file says. Did you mean: Anxiety?',
      'error: the change was refused because of the problem above; nothing was written.',
      '',
    ].join('\n'));
  });

  it('a Danish key beside the field it names is left, and refused as unknown (near miss)', async () => {
    const { r } = await add('name: Ny Forening\nnavn: Anden\nkind: other\nareas: [health]\nscope: regional\n');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('  ny.yaml:2:1  Ukendt felt navn.');
  });

  it('edit: the whole record from a file in Danish words', async () => {
    const dir = makeFolder(baseFiles());
    writeFileSync(join(dir, 'alpha.yaml'), 'navn: Alpha Forening\nart: andet\nområder: [sundhed]\npatientgrupper: [Diabetes]\nrækkevidde: hele landet\nstatus: aktiv\n');
    const r = await civsam(['--data', dir, 'org', 'edit', 'alpha', '--from-file', 'alpha.yaml', '--no-commit'], { cwd: dir, env: DA });
    expect(r.stderr).not.toContain('fejl');
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'organisations/alpha.yaml'), 'utf8')).toContain('kind: other\nareas: [health]\npatient_groups: [diabetes]\nscope: national\nstatus: active\n');
  });
});

describe('--from-file: the items of a list and the headers of a sheet in Danish', () => {
  const POOL = 'id: puljen\nname: Puljen\nareas: [psychiatry]\neligible_kinds: [operation]\nbudgets:\n  - year: 2027\n    amount_dkk: 1000000\n';
  async function addAgreement(file: string) {
    const dir = makeFolder({ ...baseFiles(), 'pools/puljen.yaml': POOL });
    writeFileSync(join(dir, 'ny.yaml'), file);
    const r = await civsam(['--data', dir, 'agreement', 'add', '--from-file', 'ny.yaml', '--no-commit'], { cwd: dir, env: DA });
    return { r, dir };
  }
  const AGREEMENT = [
    'titel: Samtalegrupper',
    'organisationer: [Alpha Forening]',
    'rækkevidde: regional',
    'start: 2027-01-01',
    'status: udkast',
    'finansiering:',
    '  - pulje: Puljen',
    // `år` as macOS writes it (a and a combining ring): the same key.
    `    ${'år'.normalize('NFD')}: 2027`,
    '    art: drift',
    '    beløb: 100000',
    'undtagelse_begrundelse: Den eneste forening i området',
    'undtagelse_godkendt_af: Udvalget',
    'undtagelse_dato: 2026-11-01',
    '',
  ];

  it('pulje, år, art, beløb in a funding line and undtagelse_* as a sheet heads them are read as their fields', async () => {
    const { r, dir } = await addAgreement(AGREEMENT.join('\n'));
    expect(r.stderr).toBe(`Oprettede ${join(dir, 'agreements/samtalegrupper.yaml')}.\n`);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'agreements/samtalegrupper.yaml'), 'utf8')).toContain([
      'funding:',
      '  - pool: puljen',
      '    year: 2027',
      '    kind: operation',
      '    amount_dkk: 100000',
      'established_by:',
      '  exemption:',
      '    reason: Den eneste forening i området',
      '    approved_by: Udvalget',
      '    date: 2026-11-01',
      '',
    ].join('\n'));
  });

  it('the three keys that mirror the --exemption-* options are read alike, as their fields', async () => {
    const flags = AGREEMENT.map((l) => l.replace('undtagelse_begrundelse:', 'exemption-reason:').replace('undtagelse_godkendt_af:', 'exemption-approved-by:').replace('undtagelse_dato:', 'exemption-date:'));
    const { r, dir } = await addAgreement(flags.join('\n'));
    expect(r.stderr).toBe(`Oprettede ${join(dir, 'agreements/samtalegrupper.yaml')}.\n`);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'agreements/samtalegrupper.yaml'), 'utf8')).toContain([
      'established_by:',
      '  exemption:',
      '    reason: Den eneste forening i området',
      '    approved_by: Udvalget',
      '    date: 2026-11-01',
      '',
    ].join('\n'));
  });

  it('a problem in them is said at the key the file has', async () => {
    const bad = AGREEMENT.map((l) => l.replace('beløb: 100000', 'beløb: "12,50"').replace('undtagelse_dato: 2026-11-01', 'undtagelse_dato: i går'));
    const { r } = await addAgreement(bad.join('\n'));
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n').filter((l) => l.startsWith('  ny.yaml:')).map((l) => l.split('  ')[1])).toEqual(['ny.yaml:10:12', 'ny.yaml:13:18']);
  });

  it('near miss: a field given both by its header and in its object is not taken twice; the header is refused as unknown', async () => {
    const both = [...AGREEMENT.slice(0, -1), 'etableret_ved:', '  undtagelse:', '    dato: 2026-11-01', ''];
    const { r } = await addAgreement(both.join('\n'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('ny.yaml:13:1  Ukendt felt undtagelse_dato.');
  });
});
