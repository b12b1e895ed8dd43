// A vocabulary entry's id given where a patient group, municipality or offer type is asked is taken
// from the vocabulary's file alone, without loading the folder a second time; whatever that file
// cannot settle goes through the full lookup, so every answer is the one the folder gives.
import { describe, expect, test } from 'vitest';
import { civsam } from '../helpers/cli.js';
import { baseFiles, makeFolder, org } from '../helpers/folder.js';

const OFFER = 'id: samtale-angst\norganisation: alpha\ntitle: Samtalegruppe om angst\ntype: peer-group\npatient_groups: [angst]\nmunicipalities: [aarhus]\nactive_from: 2026-01-01\n';
const files = () => ({ ...baseFiles(), 'organisations/alpha.yaml': org('alpha', 'Alpha'), 'offers/samtale-angst.yaml': OFFER });
const offers = (dir: string, ...filters: string[]) => civsam(['--data', dir, 'overview', 'offers', '--as-of', '2026-11-01', '--format', 'csv', ...filters]);

describe('a vocabulary id as an option', () => {
  test('an id, a name and an unknown id give what they gave before', async () => {
    const dir = makeFolder(files());
    const byId = await offers(dir, '--patient-group', 'angst', '--municipality', 'aarhus', '--type', 'peer-group');
    expect(byId.code).toBe(0);
    expect(byId.stdout).toContain('Samtalegruppe om angst');
    expect(await offers(dir, '--patient-group', 'Anxiety')).toEqual(await offers(dir, '--patient-group', 'angst'));
    const unknown = await offers(dir, '--patient-group', 'hoeretab');
    expect(unknown).toEqual({ code: 2, stdout: '', stderr: 'error: there is no patient group that matches what you gave for --patient-group. Give one of these: Mental illness, Depression, Anxiety, Diabetes.\n' });
  });

  test('a vocabulary that is not readable YAML is judged by the folder, as before', async () => {
    const dir = makeFolder({ ...files(), 'vocabularies/patient-groups.yaml': '- id: angst\n  name: [unclosed\n' });
    const r = await offers(dir, '--patient-group', 'angst');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^error: /);
  });

  test('an id in a vocabulary file too large to read is judged by the folder, as before', async () => {
    const big = baseFiles()['vocabularies/patient-groups.yaml'] + `# ${'x'.repeat(1024 * 1024)}\n`;
    const dir = makeFolder({ ...files(), 'vocabularies/patient-groups.yaml': big });
    const r = await offers(dir, '--patient-group', 'angst');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: /);
  });
});
