// The flags table against the schema model: every field of every kind can be given as a flag (or
// has its own command), in the schema's order, with the schema's enums as choices.
import { describe, expect, test } from 'vitest';
import { RECORD_KINDS } from '../../src/domain/kinds.js';
import { AREAS, leafFields } from '../../src/domain/shapes.js';
import { FIELD_TYPES, FIELDS, NOT_FLAGS, fieldByName, flagSyntax, optionName } from '../../src/register/fields.js';

describe('FIELDS covers each schema exactly, in its order', () => {
  for (const kind of RECORD_KINDS) {
    test(kind, () => {
      const expected = leafFields(kind).map((f) => f.path.join('.')).filter((p) => p !== 'id' && !NOT_FLAGS[kind].some((n) => p === n || p.startsWith(`${n}.`)));
      expect(FIELDS[kind].map((f) => f.path)).toEqual(expected);
    });
  }
});

test("an organisation's flags: types and choices from its schema", () => {
  expect(FIELDS.organisation.map((f) => [f.flag, f.type, f.choices?.length ?? 0, f.description])).toEqual([
    ['name', 'text', 0, 'field.organisation.name'],
    ['kind', 'choice', 8, 'field.organisation.kind'],
    ['cvr', 'text', 0, 'field.organisation.cvr'],
    ['areas', 'list', 3, 'field.areas'],
    ['patient-groups', 'list', 0, 'field.patient_groups'],
    ['municipalities', 'list', 0, 'field.municipalities'],
    ['scope', 'choice', 2, 'field.scope'],
    ['status', 'choice', 2, 'field.organisation.status'],
    ['inactive-since', 'date', 0, 'field.organisation.inactive_since'],
    ['registered', 'date', 0, 'field.organisation.registered'],
    ['website', 'text', 0, 'field.organisation.website'],
    ['contact-role', 'text', 0, 'field.contact.role'],
    ['contact-name', 'text', 0, 'field.contact.name'],
    ['contact-email', 'text', 0, 'field.contact.email'],
    ['contact-phone', 'text', 0, 'field.contact.phone'],
    ['contact-confirmed', 'date', 0, 'field.contact.confirmed'],
    ['notes', 'text', 0, 'field.notes'],
  ]);
  expect(FIELDS.organisation.find((f) => f.path === 'areas')?.choices).toEqual(AREAS);
  expect(FIELDS.agreement.find((f) => f.path === 'status')?.choices).toEqual(['draft', 'active', 'ended', 'cancelled']);
  expect(FIELDS.pool.map((f) => [f.flag, f.type])).toEqual([['name', 'text'], ['areas', 'list'], ['eligible-kinds', 'list'], ['budgets', 'budgets'], ['criteria', 'texts'], ['description', 'text'], ['contact-address', 'text'], ['contact-email', 'text'], ['contact-phone', 'text'], ['apply-url', 'text']]);
  expect(FIELDS.consultation.find((f) => f.path === 'seats')?.type).toBe('int');
});

test('flags are the field names with dashes', () => {
  expect(flagSyntax(FIELDS.organisation.find((f) => f.path === 'patient_groups')!)).toBe('--patient-groups <ids>');
  expect(flagSyntax(FIELDS.organisation.find((f) => f.path === 'contact.email')!)).toBe('--contact-email <text>');
  expect(flagSyntax(FIELDS.agreement.find((f) => f.path === 'funding')!)).toBe('--funding <pool:year:kind:amount>');
  expect(optionName('patient-groups')).toBe('patientGroups');
  expect(fieldByName('organisation', 'contact-phone')?.path).toBe('contact.phone');
  expect(fieldByName('agreement', 'exemption-reason')?.path).toBe('established_by.exemption.reason');
  expect(fieldByName('organisation', 'nope')).toBeUndefined();
});

test('every flag type is some field\'s: a type no field has is not kept (a list of whole numbers that are not years has none)', () => {
  const used = new Set(RECORD_KINDS.flatMap((kind) => FIELDS[kind].map((f) => f.type)));
  expect(FIELD_TYPES.filter((t) => !used.has(t))).toEqual([]);
  for (const t of FIELD_TYPES) expect(flagSyntax({ path: 'x', flag: 'x', type: t, description: 'field.notes' })).toMatch(/^--x </);
});
