// Danish all the way: what a Danish user reads names fields, kinds, areas and statuses in Danish and
// writes dates one way (5. dec. 2026); codes stay in JSON. Field labels cover every field the
// schemas ship, so a new field cannot reach a user as its code.
import { describe, expect, it } from 'vitest';
import { catalogue } from '../../src/i18n/catalogue/index.js';
import { SHAPES } from '../../src/generated/schema-model.js';
import { RECORD_KINDS } from '../../src/domain/kinds.js';
import type { Shape } from '../../src/domain/shapes.js';
import { civsam } from '../helpers/cli.js';
import { baseFiles, makeFolder, org } from '../helpers/folder.js';

describe('field labels', () => {
  // Every field of every file the schemas describe: the records, civsam.yaml, model.yaml and the vocabularies.
  const names = new Set<string>();
  const walk = (node: Shape): void => {
    for (const f of node.fields ?? []) {
      names.add(f.name);
      walk(f);
    }
    for (const alt of node.anyOf ?? []) walk(alt);
    if (node.items) walk(node.items);
  };
  for (const shape of Object.values(SHAPES) as Shape[]) walk(shape);

  it('every field of every file the schemas describe has a label in both languages', () => {
    expect(RECORD_KINDS.every((k) => k in SHAPES)).toBe(true);
    const missing = [...names].flatMap((n) => (['en', 'da'] as const).filter((l) => !Object.hasOwn(catalogue[l], `label.${n}`)).map((l) => `${l}: ${n}`));
    expect(missing).toEqual([]);
  });

  it('a label is words in both languages: a key (max_share) only in brackets beside them, as the one to edit', () => {
    const codes = [...names].flatMap((n) => (['en', 'da'] as const)
      .filter((l) => /_/.test((catalogue[l] as Record<string, string>)[`label.${n}`]?.replace(/\([^)]*\)/g, '') ?? ''))
      .map((l) => `${l}: ${n}`));
    expect(codes).toEqual([]);
  });
});

describe('org show in Danish', () => {
  const files = {
    ...baseFiles(),
    'organisations/beta.yaml': org('beta', 'Beta Pårørende', undefined, 'registered: 2026-12-05\ncontact:\n  role: formand\n  confirmed: 2026-11-01\n')
      .replace('kind: patient-association', 'kind: relatives-association').replace('areas: [psychiatry]', 'areas: [psychiatry, social]'),
  };

  it('names every field in Danish, shows kinds, areas, statuses, vocabularies and dates in Danish', async () => {
    const r = await civsam(['org', 'show', 'beta', '--data', makeFolder(files)], { env: { CIVSAM_LANG: 'da', COLUMNS: '80' } });
    expect(r.code, r.stderr).toBe(0);
    const rows = r.stdout.split('\n').filter((l) => l.startsWith('│')).map((l) => l.split('│').slice(1, -1).map((c) => c.trim()));
    expect(rows.slice(0, 12)).toEqual([
      ['Felt', 'Værdi'],
      ['Id', 'beta'],
      ['Navn', 'Beta Pårørende'],
      ['Art', 'pårørendeforening'],
      ['Områder', 'psykiatri, socialområdet'],
      ['Patientgrupper', 'Depression'],
      ['Kommuner', 'Aarhus'],
      ['Status', 'aktiv'],
      ['Registreret', '5. dec. 2026'],
      ['Kontakt: rolle', 'formand'],
      ['Kontakt: bekræftet', '1. nov. 2026'],
    ]);
    // Nothing refers to it: the sentence that says so, not an empty table's headers.
    expect(rows).toHaveLength(11);
    expect(r.stdout).toContain('Andre poster, der nævner denne\nIngen andre poster nævner denne.\n');
    for (const code of ['name', 'kind', 'areas', 'status', 'relatives-association', 'psychiatry', 'active', 'registered', '2026-12-05']) {
      expect(r.stdout, code).not.toMatch(new RegExp(`(?<![\\w-])${code}(?![\\w-])`));
    }
  });

  it('keeps the codes in JSON', async () => {
    const r = await civsam(['org', 'show', 'beta', '--format', 'json', '--data', makeFolder(files)], { env: { CIVSAM_LANG: 'da' } });
    expect(JSON.parse(r.stdout).record).toMatchObject({ kind: 'relatives-association', areas: ['psychiatry', 'social'], status: 'active', registered: '2026-12-05' });
  });

  it('in English the same fields by their English names', async () => {
    const r = await civsam(['org', 'show', 'beta', '--data', makeFolder(files)], { env: { COLUMNS: '80' } });
    expect(r.stdout).toMatch(/│ Kind +│ relatives' association +│/);
    expect(r.stdout).toMatch(/│ Registered +│ 5 Dec 2026 +│/);
    expect(r.stdout).toMatch(/│ Contact: role +│ formand +│/);
  });
});

describe('overview offers: the gaps first, a group of two areas once', () => {
  // Ensomhed belongs to social and health; Angst has no offer; the one offer is for Ensomhed.
  const files = {
    ...baseFiles(),
    'vocabularies/patient-groups.yaml': [
      '- id: ensomhed', '  name: {da: Ensomhed, en: Loneliness}', '  areas: [social, health]',
      '- id: angst', '  name: {da: Angst, en: Anxiety}', '  areas: [psychiatry]', '',
    ].join('\n'),
    'organisations/alpha.yaml': org('alpha', 'Alpha Forening').replace('patient_groups: [depression]', 'patient_groups: [ensomhed]').replace('areas: [psychiatry]', 'areas: [social]'),
    'offers/besog.yaml': 'id: besog\norganisation: alpha\ntitle: Besøgsven\ntype: peer-group\npatient_groups: [ensomhed]\nmunicipalities: [aarhus]\nactive_from: 2026-01-01\n',
  };

  it('in Danish at 80 columns: Angst under its own heading first, Ensomhed once under Socialområdet with a note', async () => {
    const r = await civsam(['overview', 'offers', '--as-of', '2026-06-01', '--data', makeFolder(files)], { env: { CIVSAM_LANG: 'da', COLUMNS: '80' } });
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines.filter((l) => [...l].length > 80)).toEqual([]);
    expect(lines.slice(0, 8)).toEqual([
      'Tilbud pr. patientgruppe den 1. jun. 2026',
      '',
      'Patientgrupper uden aktivt tilbud',
      '┌───────────────┬───────────┐',
      '│ Patientgruppe │ Områder   │',
      '├───────────────┼───────────┤',
      '│ Angst         │ psykiatri │',
      '└───────────────┴───────────┘',
    ]);
    expect(lines.filter((l) => l.includes('Ensomhed')).map((l) => l.replace(/[│ ]+$/, ''))).toEqual(['│ Ensomhed · 1 aktivt tilbud (også under sundhed)']);
    expect(lines.filter((l) => l.includes('Besøgsven'))).toHaveLength(1);
    // The area where Ensomhed only has its note, and Psykiatri with no offer, get no table of their own.
    expect(lines).toContain('Socialområdet');
    expect(lines).not.toContain('Sundhed');
    expect(lines).not.toContain('Psykiatri');
  });

  it('JSON keeps every area\'s groups as before (the view lists a group once)', async () => {
    const r = await civsam(['overview', 'offers', '--as-of', '2026-06-01', '--format', 'json', '--data', makeFolder(files)]);
    const json = JSON.parse(r.stdout) as { areas: Array<{ area: string; patientGroups: Array<{ id: string }> }> };
    expect(json.areas.map((a) => [a.area, a.patientGroups.map((g) => g.id)])).toEqual([['social', ['ensomhed']], ['psychiatry', ['angst']], ['health', ['ensomhed']]]);
  });
});

describe('init says to go into the folder, not to type --data', () => {
  it('a new folder beside: cd into it; standing in it: no cd, no --data', async () => {
    const parent = makeFolder({});
    const beside = await civsam(['init', 'ny', '--no-commit'], { cwd: parent, env: { CIVSAM_LANG: 'da' } });
    expect(beside.code, beside.stderr).toBe(0);
    expect(beside.stderr).toContain('Næste skridt: gå ind i mappen (cd ny); civsam finder den derfra.');
    expect(beside.stderr).not.toContain('--data');
    const here = makeFolder({});
    const inside = await civsam(['init', '.', '--no-commit'], { cwd: here, env: { CIVSAM_LANG: 'da' } });
    expect(inside.code, inside.stderr).toBe(0);
    expect(inside.stderr).toContain('Næste skridt: registrér den første organisation: civsam org add');
    expect(inside.stderr).not.toContain('--data');
  });
});
