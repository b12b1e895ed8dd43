// The flags table against the schemas: every field of every kind can be given as a flag (or has its
// own command), and no flag names a field the schema does not have.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { RECORD_KINDS } from '../../src/core/kinds.js';
import { FIELDS, NOT_FLAGS, fieldByName, flagSyntax, optionName } from '../../src/register/fields.js';

function leafPaths(schema: { properties?: Record<string, unknown> }, prefix = ''): string[] {
  const out: string[] = [];
  for (const [k, v] of Object.entries(schema.properties ?? {})) {
    const node = v as { type?: string; properties?: Record<string, unknown> };
    if (node.type === 'object' && node.properties) out.push(...leafPaths(node, `${prefix}${k}.`));
    else out.push(prefix + k);
  }
  return out;
}

describe('FIELDS covers each schema exactly', () => {
  for (const kind of RECORD_KINDS) {
    test(kind, () => {
      const schema = JSON.parse(readFileSync(new URL(`../../schemas/${kind}.schema.json`, import.meta.url), 'utf8'));
      const expected = leafPaths(schema).filter((p) => p !== 'id').sort();
      const covered = [...FIELDS[kind].map((f) => f.path), ...NOT_FLAGS[kind]].sort();
      expect(covered).toEqual(expected);
    });
  }
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
