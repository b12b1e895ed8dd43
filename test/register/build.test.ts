// Pure register logic: ids from names, records from flags, defaults, and what a change is called.
import { describe, expect, test } from 'vitest';
import { UserError } from '../../src/domain/errors.js';
import { translate } from '../../src/i18n/index.js';
import { applyFlags, fillDefaults, newId, parseFlag, unsetFields, withDefaults } from '../../src/register/build.js';
import { describeChange, describeChanges, describeVocabularyChange } from '../../src/register/describe.js';
import { FIELDS } from '../../src/register/fields.js';
import { agreementId, slugify, uniqueId } from '../../src/domain/ids.js';
import type { DataFolder } from '../../src/domain/folder.js';

const spec = (kind: keyof typeof FIELDS, path: string) => FIELDS[kind].find((f) => f.path === path)!;

function folderWith(records: Partial<Record<string, Array<Record<string, unknown>>>>, patientGroups: Array<Record<string, unknown>> = []): DataFolder {
  const maps = Object.fromEntries(['organisation', 'offer', 'agreement', 'pool', 'call', 'hearing-party', 'consultation'].map((k) => [k, new Map((records[k] ?? []).map((r) => [r.id as string, r]))]));
  return { records: maps, vocabularies: { patientGroups, municipalities: [], offerTypes: [] } } as unknown as DataFolder;
}

describe('ids', () => {
  test('Danish letters are spelled out, everything else becomes dashes', () => {
    expect(slugify('Pårørendeforeningen – for pårørende')).toBe('paaroerendeforeningen-for-paaroerende');
    expect(slugify('Ædru Sammen Midt')).toBe('aedru-sammen-midt');
    expect(slugify('Foreningen Spis & Lev')).toBe('foreningen-spis-og-lev');
    expect(slugify('  ÉCOLE  d\'été  ')).toBe('ecole-d-ete');
  });
  test('long names are cut at a word boundary within 40 characters, never after a small word', () => {
    // 59 characters spelt out; the first 40 end inside `paaroerende`, and `for` is a small word.
    expect(slugify('Pårørendeforeningen Midt – for pårørende til psykisk syge')).toBe('paaroerendeforeningen-midt');
    // Exactly 40 up to `paaroerendeforeningen`: kept whole.
    const id = slugify('Søstre og Brødre – Pårørendeforeningen for søskende til mennesker med psykisk sygdom');
    expect(id).toBe('soestre-og-broedre-paaroerendeforeningen');
    expect(id.length).toBe(40);
    // One word longer than 40 has no boundary: cut inside it.
    expect(slugify('A'.repeat(50))).toBe('a'.repeat(40));
  });
  test('a taken id gets the next free number', () => {
    const taken = new Set(['natcafe', 'natcafe-2']);
    expect(uniqueId('natcafe', (id) => taken.has(id))).toBe('natcafe-3');
    expect(uniqueId('ny', (id) => taken.has(id))).toBe('ny');
  });
  test('a taken id of the longest length is cut between words for its number, never inside a word nor after a small word', () => {
    // 63 characters: an application's call part and its applicant's name, as civsam makes them.
    const base = '2027-opslag-faellesskaber-landsforeningen-for-paaroerende-til-m';
    expect(base.length).toBe(63);
    const id = uniqueId(base, (x) => x === base);
    expect(id).toBe('2027-opslag-faellesskaber-landsforeningen-for-paaroerende-2');
    expect(id.length).toBeLessThanOrEqual(63);
    const words = '2027-opslag-faellesskaber-landsforeningen-for-paaroerendeforeni';
    expect(uniqueId(words, (x) => x === words)).toBe('2027-opslag-faellesskaber-landsforeningen-2');
    // Near miss: room for the number as it is.
    expect(uniqueId('kort-navn', (x) => x === 'kort-navn')).toBe('kort-navn-2');
  });
  test('agreements are numbered by start year, area and the next running number', () => {
    expect(agreementId('2026-03-01', ['psychiatry', 'social'], ['2024-psyk-001', '2025-soc-033', 'special'])).toBe('2026-psyk-034');
    expect(agreementId('2027-01-01', ['health'], [])).toBe('2027-sund-001');
    expect(agreementId(undefined, ['health'], [])).toBeUndefined();
  });
  test('new ids per kind', () => {
    const folder = folderWith({ organisation: [{ id: 'lyspunktet' }], offer: [{ id: 'natcafe' }], call: [], agreement: [{ id: '2025-psyk-009' }] });
    expect(newId('offer', { title: 'Natcafé' }, folder)).toBe('natcafe-2');
    expect(newId('call', { title: 'Civilsamfundspuljen', published: '2027-09-01' }, folder)).toBe('2027-civilsamfundspuljen');
    // A title that names a year has it first, as every call's id has its year first, and once: its own year or the one the title is for.
    expect(newId('call', { title: 'Opslag 2026: Psykiatri', published: '2026-09-01' }, folder)).toBe('2026-opslag-psykiatri');
    expect(newId('call', { title: 'Opslag 2026: frivilligt psykiatriarbejde', published: '2026-09-01' }, folder)).toBe('2026-opslag-frivilligt-psykiatriarbejde');
    expect(newId('call', { title: 'Psykiatri 2026', published: '2026-09-01' }, folder)).toBe('2026-psykiatri');
    expect(newId('call', { title: 'Opslag 2027 psykiatri', published: '2026-11-01' }, folder)).toBe('2027-opslag-psykiatri');
    expect(newId('consultation', { title: 'Psykiatriplan 2027', opens: '2026-12-01' }, folder)).toBe('2027-psykiatriplan');
    expect(newId('call', { title: '2026 Opslag', published: '2026-10-01' }, folder)).toBe('2026-opslag');
    // A long title is cut after the year is put first, so the year is never what is cut.
    expect(newId('call', { title: 'Opslag om frivillige fællesskaber for pårørende til psykisk syge 2027', published: '2026-10-01' }, folder)).toBe('2027-opslag-om-frivillige-faellesskaber');
    // A number that is no year is part of the title, and the record's own year goes in front.
    expect(newId('call', { title: 'Opslag 12 pladser', published: '2026-10-01' }, folder)).toBe('2026-opslag-12-pladser');
    expect(newId('hearing-party', { organisation: 'lyspunktet' }, folder)).toBe('lyspunktet');
    expect(newId('agreement', { title: 'X', start: '2026-01-01', areas: ['social'] }, folder)).toBe('2026-soc-010');
    expect(newId('organisation', {}, folder)).toBeUndefined();
  });
});

describe('records from flags', () => {
  test('funding and budget lines are parsed; a malformed one names the flag and the form, not the value', () => {
    expect(parseFlag(spec('agreement', 'funding'), ['civilsamfundspuljen:2027:operation:400.000'])).toEqual([{ pool: 'civilsamfundspuljen', year: 2027, kind: 'operation', amount_dkk: 400000 }]);
    expect(parseFlag(spec('pool', 'budgets'), ['2027:2500000', '2028:1000000'])).toEqual([{ year: 2027, amount_dkk: 2500000 }, { year: 2028, amount_dkk: 1000000 }]);
    try {
      parseFlag(spec('agreement', 'funding'), ['secret-pool:2027:operation']);
      expect.unreachable();
    } catch (e) {
      const m = (e as UserError).userMessage;
      expect(translate('en', m.key, m.params)).toBe('--funding must be POOL:YEAR:KIND:AMOUNT, e.g. civilsamfundspuljen:2027:operation:400000.');
      expect(translate('da', m.key, m.params)).toBe('--funding skal være PULJE:ÅR:ART:BELØB, fx civilsamfundspuljen:2027:drift:400000.');
    }
    // The form right, a part of it not: said by the part.
    for (const [item, key] of [['secret-pool:twenty:operation:5', 'register.fundingYear'], ['secret-pool:2027:operation:many', 'register.fundingAmount']]) {
      expect(() => parseFlag(spec('agreement', 'funding'), [item])).toThrow(expect.objectContaining({ userMessage: expect.objectContaining({ key }) }));
    }
    expect(() => parseFlag(spec('agreement', 'start'), '1/3/2026')).toThrow(UserError);
    expect(parseFlag(spec('consultation', 'seats'), '4')).toBe(4);
  });

  test('flags apply over a record; a call replaces an exemption; scope replaces municipalities', () => {
    const base = { id: 'a', municipalities: ['aarhus'], established_by: { exemption: { reason: 'r' } }, contact: { name: 'n' } };
    const out = applyFlags('agreement', base, { establishedByCall: 'c1', scope: 'regional', title: 'T', patientGroups: ['depression', 'angst'] });
    expect(out).toEqual({ id: 'a', scope: 'regional', established_by: { call: 'c1' }, contact: { name: 'n' }, title: 'T', patient_groups: ['depression', 'angst'] });
    expect(base.established_by).toEqual({ exemption: { reason: 'r' } }); // not changed in place
    expect(applyFlags('organisation', {}, { contactEmail: 'x@example.dk' })).toEqual({ contact: { email: 'x@example.dk' } });
  });

  test('--unset removes fields, and an object left empty', () => {
    const rec = { id: 'o', contact: { phone: '1', email: 'e' }, notes: 'n' };
    expect(unsetFields('organisation', rec, ['contact-phone', 'notes'])).toEqual({ id: 'o', contact: { email: 'e' } });
    expect(unsetFields('organisation', rec, ['contact-phone', 'contact-email'])).toEqual({ id: 'o', notes: 'n' });
    expect(() => unsetFields('organisation', rec, ['id'])).toThrow(UserError);
    expect(() => unsetFields('organisation', rec, ['colour'])).toThrow(UserError);
  });

  test('defaults: a hearing party takes its organisation\'s areas and patient groups', () => {
    const folder = folderWith({ organisation: [{ id: 'lys', areas: ['psychiatry'], patient_groups: ['depression'] }] });
    expect(withDefaults('hearing-party', { organisation: 'lys' }, folder, '2026-11-23')).toEqual({ organisation: 'lys', areas: ['psychiatry'], patient_groups: ['depression'], since: '2026-11-23', status: 'active' });
    expect(withDefaults('organisation', { name: 'X', status: 'inactive' }, folder, '2026-11-23')).toEqual({ name: 'X', status: 'inactive', registered: '2026-11-23' });
    expect(withDefaults('agreement', {}, folder, '2026-11-23')).toEqual({ status: 'draft' });
  });

  test('defaults: a hearing party does not take a patient group that has been retired', () => {
    const groups = [{ id: 'depression', name: { da: 'Depression', en: 'Depression' }, areas: ['psychiatry'], retired: '2026-01-01' }, { id: 'angst', name: { da: 'Angst', en: 'Anxiety' }, areas: ['psychiatry'] }];
    const folder = folderWith({ organisation: [{ id: 'lys', areas: ['psychiatry'], patient_groups: ['depression', 'angst'] }] }, groups);
    expect(fillDefaults('hearing-party', { organisation: 'lys' }, folder, '2026-11-23')).toEqual({
      record: { organisation: 'lys', areas: ['psychiatry'], patient_groups: ['angst'], since: '2026-11-23', status: 'active' },
      used: [{ field: 'areas', source: { from: 'organisation' } }, { field: 'patient_groups', source: { from: 'organisation' } }, { field: 'since', source: { from: 'today' } }, { field: 'status', source: { from: 'value', value: 'active' } }],
    });
  });
});

describe('commit messages name fields, never values', () => {
  test('status first, with its values; other fields by name', () => {
    const before = { id: 'x', status: 'active', end: '2027-12-31', contact: { name: 'Per Toft', email: 'p@example.dk' } };
    const after = { id: 'x', status: 'ended', end: '2026-11-23', contact: { name: 'Anne Hansen', email: 'p@example.dk' }, notes: 'hemmeligt' };
    const message = describeChange('agreement', '2026-psyk-004', before, after);
    expect(message).toBe('agreement 2026-psyk-004: status: active → ended, end: changed, name in contact: changed, notes: set');
    expect(message).not.toMatch(/Per|Anne|hemmeligt|2026-11-23|2027/);
  });
  test('in Danish: the kind, the fields and the status by their Danish names', () => {
    const before = { id: 'x', status: 'active', end: '2027-12-31', contact: { name: 'Per Toft' } };
    const after = { id: 'x', status: 'ended', end: '2026-11-23', contact: { name: 'Anne Hansen' }, deadline_reason: 'hemmeligt' };
    const message = describeChange('agreement', '2026-psyk-004', before, after, 'da');
    expect(message).toBe('aftale 2026-psyk-004: status: aktiv → afsluttet, slut: ændret, navn i kontakt: ændret, begrundelse for fristen: sat');
    expect(describeChange('hearing-party', 'h', undefined, { id: 'h' }, 'da')).toBe('høringspart h: oprettet');
    expect(describeChanges([{ kind: 'organisation', id: 'a', after: { id: 'a' } }, { kind: 'organisation', id: 'b', after: { id: 'b' } }, { kind: 'offer', id: 'c', before: { id: 'c' }, after: { id: 'c', notes: 'x' } }], 'da').split('\n')[0])
      .toBe('organisation, tilbud: 2 oprettet, 1 ændret');
  });
  test('each field by its label, then what happened to it; a field inside another, or in a language, in words', () => {
    const closed = describeChange('consultation', 'h1', { id: 'h1', status: 'open' }, { id: 'h1', status: 'closed', closed_early: '2026-01-01', closed_early_reason: 'x' }, 'da');
    expect(closed).toBe('høring h1: status: åben → lukket, lukket før fristen: sat, begrundelse for at lukke før fristen: sat');
    expect(describeVocabularyChange('patient-groups', [{ id: 'd', name: { da: 'A', en: 'B' } }], [{ id: 'd', name: { da: 'C', en: 'B' } }])).toBe('patient group d: name in Danish: changed');
  });
  test('lists say how many items came or went', () => {
    expect(describeChange('consultation', 'c', { id: 'c', invited: ['a'] }, { id: 'c', invited: ['a', 'b', 'c'] })).toBe('consultation c: invited: 2 added');
    // A list begun counts its items as one that grows does, in Danish too.
    expect(describeChange('consultation', 'c', { id: 'c' }, { id: 'c', invited: ['a'] }, 'da')).toBe('høring c: inviterede: 1 tilføjet');
    expect(describeChange('consultation', 'c', { id: 'c', invited: ['a', 'b'] }, { id: 'c' }, 'da')).toBe('høring c: inviterede: 2 fjernet');
    // By what came and went, not the change in length: 3 went and 1 came is not '2 removed'.
    expect(describeChange('organisation', 'o', { id: 'o', municipalities: ['randers', 'skive', 'viborg', 'aarhus'] }, { id: 'o', municipalities: ['randers', 'herning'] }, 'da')).toBe('organisation o: kommuner: 1 tilføjet, 3 fjernet');
    expect(describeChange('organisation', 'o', { id: 'o', municipalities: ['randers', 'skive'] }, { id: 'o', municipalities: ['skive', 'viborg', 'herning', 'aarhus'] })).toBe('organisation o: municipalities: 3 added, 1 removed');
    // The same items in another order, or a list of entries edited in place: changed.
    expect(describeChange('organisation', 'o', { id: 'o', municipalities: ['a', 'b'] }, { id: 'o', municipalities: ['b', 'a'] })).toBe('organisation o: municipalities: changed');
    expect(describeChange('pool', 'p', { id: 'p', budgets: [{ year: 2027, amount_dkk: 1 }] }, { id: 'p', budgets: [{ year: 2027, amount_dkk: 2 }] })).toBe('pool p: budgets: changed');
    expect(describeChange('organisation', 'o', undefined, { id: 'o' })).toBe('organisation o: added');
    expect(describeChange('organisation', 'o', { id: 'o' }, undefined)).toBe('organisation o: removed');
    expect(describeChanges([{ kind: 'organisation', id: 'a', after: { id: 'a' } }, { kind: 'organisation', id: 'b', before: { id: 'b' }, after: { id: 'b', notes: 'x' } }])).toBe('organisation: 1 added, 1 changed\n\norganisation a: added\norganisation b: notes: set');
  });
});

describe('an amount given by an option', () => {
  // One reader for `--amount` wherever it is given (application add|edit as a field, application
  // decide, pool budget): the same value, the same refusal.
  const said = (f: () => unknown): unknown => {
    try {
      return f();
    } catch (e) {
      return e instanceof UserError ? translate('da', e.userMessage.key, e.userMessage.params) : e;
    }
  };
  test('is read as amountOption reads it', async () => {
    const { amountOption } = await import('../../src/domain/whole-numbers.js');
    for (const raw of ['250000', '250.000', '250 000', '250.00', '1.5', '-5', '99999999999999', 'mange']) {
      expect(said(() => parseFlag(spec('application', 'amount_dkk'), raw))).toEqual(said(() => amountOption(raw, '--amount')));
    }
  });
});
