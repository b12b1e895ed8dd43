// A field in a message is named by its label in English as in Danish (`Patient group no. 1`,
// `Patientgruppe nr. 1`), never by its key and a count from 0 (`patient_groups[0]`), which a case
// worker does not know; where a message says what to write, the key to write stays beside the label.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { civsam } from '../helpers/cli.js';
import { baseFiles, makeFolder, org } from '../helpers/folder.js';
import { messagesOf } from '../helpers/check.js';

const OFFER = 'id: x\ntitle: ""\norganisation: alpha\ntype: peer-group\npatient_groups: [nope]\nactive_from: 2026-01-01\nscope: regional\n';

describe('validate names fields by their labels in English too', () => {
  it('an empty title and a wrong reference in a list: both by their labels, no key and no count from 0', async () => {
    const dir = makeFolder({ ...baseFiles(), 'offers/x.yaml': OFFER });
    const en = await civsam(['validate', '--data', dir, '--lang', 'en']);
    expect(en.code).toBe(2);
    expect(en.stdout).toBe([
      `${dir}/offers/x.yaml:2:8  Title must not be empty.`,
      `${dir}/offers/x.yaml:5:18  Patient group no. 1 does not name an existing patient group. Check the id, or create the patient group first.`,
      '',
    ].join('\n'));
    const shown = en.stdout.replaceAll(dir, '');
    expect(shown).not.toMatch(/_|\[0\]/);
    const da = await civsam(['validate', '--data', dir, '--lang', 'da']);
    expect(da.stdout).toBe([
      `${dir}/offers/x.yaml:2:8  Titel skal udfyldes.`,
      `${dir}/offers/x.yaml:5:18  Patientgruppe nr. 1 henviser til et id, som ingen patientgruppe har. Kontrollér id'et, eller opret først det, der henvises til.`,
      '',
    ].join('\n'));
  });

  it('a missing field: its label, and the key to write, in both languages', () => {
    const files = { ...baseFiles(), 'offers/x.yaml': OFFER.replace('title: ""', 'title: Samtaler').replace('[nope]', '[angst]').replace('active_from: 2026-01-01\n', '') };
    expect(messagesOf(files, 'en')).toEqual(['offers/x.yaml:1:1 schema-required The field “active from” is missing. Add a line active_from: with its value.']);
    expect(messagesOf(files, 'da')).toEqual(['offers/x.yaml:1:1 schema-required Feltet aktivt fra mangler. Tilføj en linje active_from: med værdien.']);
  });

  it('two dates in the wrong order: each by its label, quoted', () => {
    const files = { ...baseFiles(), 'offers/x.yaml': OFFER.replace('title: ""', 'title: Samtaler').replace('[nope]', '[angst]') + 'active_until: 2025-01-01\n' };
    expect(messagesOf(files, 'en')).toEqual(['offers/x.yaml:8:15 date-order The date in “active until” is before the date in “active from”. Correct one of the dates.']);
    expect(messagesOf(files, 'da')).toEqual(['offers/x.yaml:8:15 date-order Datoen i »aktivt til« ligger før datoen i »aktivt fra«. Ret en af datoerne.']);
  });

  it('a setting in civsam.yaml: in words, with its key where the words do not spell it', () => {
    const files = { ...baseFiles(), 'civsam.yaml': 'region:\n  name: Region Test\nlanguage: da\nsync: sometimes\nopen_data:\n  licence: ""\n' };
    expect(messagesOf(files, 'en')).toEqual([
      'civsam.yaml:4:7 schema-value Sharing changes with colleagues (sync) must be one of these (write the value as shown): auto (automatic), manual.',
      'civsam.yaml:6:12 schema-length Open data: licence must not be empty.',
    ]);
    expect(messagesOf(files, 'da')).toEqual([
      'civsam.yaml:4:7 schema-value Deling af ændringer med kollegerne (sync) skal være en af disse (skriv koden i filen): auto (automatisk), manual (manuel).',
      'civsam.yaml:6:12 schema-length Åbne data: licens skal udfyldes.',
    ]);
  });

  it('a part of model.yaml: by the words the published pages use', () => {
    const files = { ...baseFiles(), 'model.yaml': 'title: {da: M, en: M}\nintroduction: {da: I, en: I}\nprinciples:\n  - id: p\n    title: {da: P, en: P}\n    text: {da: T, en: T}\nstages:\n  - id: s\n    title: {da: S, en: S}\n    text: {da: T, en: T}\n    evidence: ""\n' };
    expect(messagesOf(files, 'en')).toEqual(['model.yaml:11:15 schema-type Stage no. 1: documentation must hold fields of its own, each on its own indented line below it (field: value).']);
    expect(messagesOf(files, 'da')).toEqual(['model.yaml:11:15 schema-type Fase nr. 1: dokumentation skal rumme sine egne felter, hvert på sin egen indrykkede linje under det (felt: værdi).']);
  });
});

describe('a name the user wrote is said as written, not as a label', () => {
  it('--unset with a field the record kind does not have', async () => {
    const dir = makeFolder({ ...baseFiles(), 'offers/x.yaml': OFFER.replace('title: ""', 'title: Samtaler').replace('[nope]', '[angst]') });
    const r = await civsam(['offer', 'edit', 'x', '--unset', 'cvr', '--no-commit', '--data', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error: offer has no field cvr that can be removed.');
    const da = await civsam(['offer', 'edit', 'x', '--unset', 'cvr', '--no-commit', '--data', dir, '--lang', 'da']);
    expect(da.stderr).toContain('fejl: tilbud har intet felt cvr, der kan fjernes.');
  });

  it('contact erase --field with a field a contact does not have', async () => {
    const dir = makeFolder({ ...baseFiles(), 'organisations/beta.yaml': org('beta', 'Beta', undefined, 'contact:\n  role: formand\n') });
    const r = await civsam(['contact', 'erase', 'beta', '--field', 'cvr', '--no-commit', '--data', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('a contact has no field cvr; use role, name, email, phone, confirmed.');
  });

  it('a --map file that maps a column to a field the kind does not have', async () => {
    const dir = makeFolder(baseFiles());
    const sheet = join(dir, '..', `${dir.split('/').pop()}-parties.csv`);
    const map = join(dir, '..', `${dir.split('/').pop()}-map.yaml`);
    writeFileSync(sheet, 'id,organisation,areas,since,status,extra\nx,alpha,psychiatry,2026-01-01,active,1\n');
    writeFileSync(map, '"extra": cvr\n');
    const r = await civsam(['import', 'hearing-parties', sheet, '--map', map, '--dry-run', '--data', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('row 1, column F (extra): the --map file maps this column to "cvr", which is not a field.');
  });
});

describe('import says a missing field by its label, at its column or with the name to write', () => {
  it('an empty cell, a field missing in a cell\'s item, a reach not given: in English and Danish', async () => {
    const dir = makeFolder({ ...baseFiles(), 'pools/puljen.yaml': 'id: puljen\nname: Puljen\nareas: [psychiatry]\neligible_kinds: [development]\nbudgets:\n  - year: 2026\n    amount_dkk: 1000000\n' });
    const sheet = join(dir, '..', `${dir.split('/').pop()}-agreements.csv`);
    writeFileSync(sheet, [
      'title,organisations,start,status,scope,funding',
      ',alpha,2026-01-01,draft,regional,',
      'B,alpha,2026-01-01,draft,national,"year=2026; kind=development; amount_dkk=5"',
      'C,alpha,2026-01-01,draft,,',
      '',
    ].join('\n'));
    const en = await civsam(['import', 'agreements', sheet, '--dry-run', '--data', dir]);
    expect(en.code).toBe(2);
    expect(en.stderr.split('\n').slice(1, 4)).toEqual([
      'row 2, column A (title): Title must be filled in.',
      'row 3, column F (funding): Funding no. 1: pool is missing. Add pool=… to its line in the cell.',
      'row 4: say where the organisation or offer reaches: fill in the municipalities, or write "regional" or "national" as its scope.',
    ]);
    const da = await civsam(['import', 'agreements', sheet, '--dry-run', '--data', dir, '--lang', 'da']);
    expect(da.stderr.split('\n').slice(1, 3)).toEqual([
      'række 2, kolonne A (title): Titel skal udfyldes.',
      'række 3, kolonne F (funding): Midler nr. 1: pulje mangler. Tilføj pulje=… på dens linje i cellen.',
    ]);
  });
});
