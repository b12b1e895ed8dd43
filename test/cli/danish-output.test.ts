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
  it('every field of every record kind has a label in both languages', () => {
    const names = new Set<string>();
    const walk = (node: Shape): void => {
      for (const f of node.fields ?? []) {
        names.add(f.name);
        walk(f);
      }
      if (node.items) walk(node.items);
    };
    for (const kind of RECORD_KINDS) walk(SHAPES[kind]);
    const missing = [...names].flatMap((n) => (['en', 'da'] as const).filter((l) => !Object.hasOwn(catalogue[l], `label.${n}`)).map((l) => `${l}: ${n}`));
    expect(missing).toEqual([]);
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
      ['Type', 'pårørendeforening'],
      ['Områder', 'psykiatri, social'],
      ['Patientgrupper', 'Depression'],
      ['Kommuner', 'Aarhus'],
      ['Status', 'aktiv'],
      ['Registreret', '5. dec. 2026'],
      ['Kontakt: rolle', 'formand'],
      ['Kontakt: bekræftet', '1. nov. 2026'],
      ['Art', 'Id', 'I feltet'],
    ]);
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
    expect(r.stdout).toMatch(/│ Type +│ relatives' association +│/);
    expect(r.stdout).toMatch(/│ Registered +│ 5 Dec 2026 +│/);
    expect(r.stdout).toMatch(/│ Contact: role +│ formand +│/);
  });
});
