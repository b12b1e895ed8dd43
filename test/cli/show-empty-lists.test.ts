// `show` says an empty list in words ("ingen"/"none") in the table, Markdown and CSV, as it does
// for an empty list inside a list item, instead of a blank cell; JSON keeps the record as it is.
import { describe, expect, it } from 'vitest';
import { civsam } from '../helpers/cli.js';
import { baseFiles, makeFolder, org } from '../helpers/folder.js';

const CONSULTATION = {
  id: 'h1', title: 'Høring', areas: ['psychiatry'], patient_groups: [], opens: '2026-04-08', deadline: '2026-05-13',
  selection: 'all', invited: [], omitted: [], responses: [], status: 'open',
};
const CALL = {
  id: 'c1', title: 'Opslag', areas: ['psychiatry'], scope: 'regional', published: '2026-01-05', deadline: '2026-02-01', channel: 'public',
  applicants: [], selected: [], declarations: [],
};
const AGREEMENT = {
  id: 'a1', title: 'Aftale', organisations: ['alpha'], region_unit: 'Enhed', areas: ['psychiatry'], patient_groups: ['depression'],
  scope: 'regional', start: '2026-01-01', end: '2026-12-31', status: 'active', reports: [],
};

const dir = makeFolder({
  ...baseFiles(),
  'organisations/beta.yaml': org('beta', 'Beta Forening', undefined).replace('patient_groups: [depression]', 'patient_groups: []'),
  'consultations/h1.yaml': JSON.stringify(CONSULTATION) + '\n',
  'calls/c1.yaml': JSON.stringify(CALL) + '\n',
  'agreements/a1.yaml': JSON.stringify(AGREEMENT) + '\n',
  // No patient_groups at all, as `hearing-party add` without --patient-groups writes it.
  'hearing-parties/alpha.yaml': 'id: alpha\norganisation: alpha\nareas: [psychiatry]\nsince: 2026-01-01\nstatus: active\n',
});

/** The value beside a field in a table's rows (`│ Field │ Value │`). */
function cell(out: string, field: string): string | undefined {
  for (const l of out.split('\n')) {
    const [name, value] = l.split('│').slice(1, 3).map((c) => c?.trim());
    if (name === field) return value;
  }
  return undefined;
}

const DA = { env: { CIVSAM_LANG: 'da', COLUMNS: '80' } };

describe('show: an empty list says none', () => {
  it('a consultation\'s empty lists, in Danish, as a table, Markdown and CSV', async () => {
    const table = await civsam(['consultation', 'show', 'h1', '--data', dir], DA);
    expect(table.code).toBe(0);
    for (const field of ['Inviterede', 'Udeladte', 'Svar']) expect(cell(table.stdout, field)).toBe('ingen');
    // A consultation that names no patient group concerns every group of its areas: never "none".
    expect(table.stdout.replace(/[│\s]+/g, ' ')).toContain('Patientgrupper alle patientgrupper inden for områderne');
    const md = await civsam(['consultation', 'show', 'h1', '--data', dir, '--format', 'md'], DA);
    expect(md.stdout).toContain('| Inviterede | ingen |');
    const csv = await civsam(['consultation', 'show', 'h1', '--data', dir, '--format', 'csv'], DA);
    expect(csv.stdout).toContain('Inviterede;ingen');
    expect(csv.stdout).not.toMatch(/^(Patientgrupper|Inviterede|Udeladte|Svar);$/m);
  });

  it('in English too, and JSON keeps the empty list', async () => {
    const en = await civsam(['consultation', 'show', 'h1', '--data', dir], { env: { COLUMNS: '80' } });
    expect(cell(en.stdout, 'Invited')).toBe('none');
    expect(en.stdout.replace(/[│\s]+/g, ' ')).toContain('Patient groups all patient groups in its areas');
    const json = await civsam(['consultation', 'show', 'h1', '--data', dir, '--format', 'json'], DA);
    expect(JSON.parse(json.stdout).record.invited).toEqual([]);
  });

  it('a call\'s, an agreement\'s and an organisation\'s empty lists', async () => {
    const call = await civsam(['call', 'show', 'c1', '--data', dir], DA);
    expect(call.code).toBe(0);
    for (const field of ['Ansøgere', 'Udvalgte', 'Habilitetserklæringer']) expect(cell(call.stdout, field)).toBe('ingen');
    const agreement = await civsam(['agreement', 'show', 'a1', '--data', dir], DA);
    expect(agreement.code).toBe(0);
    expect(cell(agreement.stdout, 'Rapporter')).toBe('ingen');
    const organisation = await civsam(['org', 'show', 'beta', '--data', dir], DA);
    expect(organisation.code).toBe(0);
    expect(cell(organisation.stdout, 'Patientgrupper')).toBe('ingen');
  });

  // Before, a hearing party without the field showed no line for it, though it is heard on every group of its areas.
  it('a hearing party with no list of patient groups at all says every group of its areas, after its areas', async () => {
    const r = await civsam(['hearing-party', 'show', 'alpha', '--data', dir], DA);
    expect(r.code).toBe(0);
    const labels = r.stdout.split('\n').map((l) => l.split('│')[1]?.trim()).filter(Boolean);
    expect(labels.slice(labels.indexOf('Områder'), labels.indexOf('Områder') + 2)).toEqual(['Områder', 'Patientgrupper']);
    expect(r.stdout.replace(/[│\s]+/g, ' ')).toContain('Patientgrupper alle patientgrupper inden for områderne');
    const json = await civsam(['hearing-party', 'show', 'alpha', '--data', dir, '--format', 'json'], DA);
    expect(JSON.parse(json.stdout).record.patient_groups).toBeUndefined();
  });
});
