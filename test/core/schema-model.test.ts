// The schema model the build generates from schemas/, and what reads it: the fields in schema
// order, enums, required lists, and the labels of every fixed value.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { amountRange, AREAS, AREA_ID_CODES, enumAt, fieldOrders, FUNDING_KINDS, leafFields, requiredOf, SCOPES, shapeAt, yearRange } from '../../src/domain/shapes.js';
import { RECORD_KINDS, type Area } from '../../src/domain/kinds.js';
import { catalogue } from '../../src/i18n/catalogue/index.js';
import { translate } from '../../src/i18n/index.js';
import { messageOr, valueLabel } from '../../src/i18n/values.js';
import { columnsOf } from '../../src/spreadsheets/import/columns.js';
import { DA_VALUE } from '../../src/spreadsheets/import/values.js';
import { schemaRank } from '../../src/store/write-record.js';
import { areaName } from '../../src/output/labels.js';

const schemaDir = new URL('../../schemas/', import.meta.url);

/** Every `enum` written anywhere in the schema files given, read from the files themselves. */
function enumsIn(files: string[]): string[][] {
  const out: string[][] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if (k === 'enum' && Array.isArray(v)) out.push(v.map(String));
        else walk(v);
      }
    }
  };
  for (const f of files) walk(JSON.parse(readFileSync(new URL(f, schemaDir), 'utf8')));
  return out;
}
const shippedEnumValues = () => [...new Set(enumsIn(readdirSync(schemaDir).filter((n) => n.endsWith('.schema.json'))).flat())].sort();

describe('shared definitions', () => {
  test('areas, scopes and funding kinds come from schemas/common.schema.json', () => {
    const common = JSON.parse(readFileSync(new URL('common.schema.json', schemaDir), 'utf8'));
    expect(AREAS).toEqual(common.$defs.area.enum);
    expect(AREAS).toEqual(['social', 'psychiatry', 'health']);
    expect(SCOPES).toEqual(['regional', 'national']);
    expect(FUNDING_KINDS).toEqual(['development', 'operation']);
    expect(AREA_ID_CODES).toEqual({ social: 'soc', psychiatry: 'psyk', health: 'sund' });
  });

  test('the ranges of years and amounts come from schemas/common.schema.json, worked out once when first asked for', () => {
    const common = JSON.parse(readFileSync(new URL('common.schema.json', schemaDir), 'utf8'));
    const range = (def: string) => ({ minimum: common.$defs[def].minimum, maximum: common.$defs[def].maximum });
    expect(yearRange()).toEqual(range('year'));
    expect(amountRange()).toEqual(range('amount_dkk'));
    expect(yearRange()).toBe(yearRange());
  });

  test('record schemas refer to them instead of copying them', () => {
    for (const kind of RECORD_KINDS) {
      expect(enumsIn([`${kind}.schema.json`]).filter((e) => e.includes('psychiatry') || e.includes('national')), kind).toEqual([]);
      const text = readFileSync(new URL(`${kind}.schema.json`, schemaDir), 'utf8');
      // Applications have no areas of their own: they take their call's.
      if (kind !== 'application') expect(text, kind).toContain('"$ref": "common.schema.json#/$defs/areas"');
    }
  });
});

describe('the model', () => {
  test("an organisation's fields in schema order, contact stepped into, with the schema's required list", () => {
    expect(leafFields('organisation').map((f) => f.path.join('.'))).toEqual([
      'id', 'name', 'kind', 'cvr', 'areas', 'patient_groups', 'municipalities', 'scope', 'status', 'inactive_since', 'registered', 'website',
      'contact.role', 'contact.name', 'contact.email', 'contact.phone', 'contact.confirmed', 'notes',
    ]);
    expect(requiredOf('organisation')).toEqual(['id', 'name', 'kind', 'areas', 'status']);
    expect(requiredOf('offer')).toEqual(['id', 'organisation', 'title', 'type', 'patient_groups', 'active_from']);
  });

  test('enums of fields, list items and nested items', () => {
    expect(enumAt('organisation', 'status')).toEqual(['active', 'inactive']);
    expect(enumAt('consultation', 'status')).toEqual(['planned', 'open', 'closed']);
    expect(enumAt('call', 'channel')).toEqual(['public', 'invited']);
    expect(enumAt('agreement', 'areas')).toEqual(AREAS);
    expect(enumAt('agreement', 'funding.kind')).toEqual(FUNDING_KINDS);
    expect(enumAt('pool', 'eligible_kinds')).toEqual(FUNDING_KINDS);
    expect(enumAt('organisation', 'name')).toBeUndefined();
    expect(shapeAt('agreement', 'established_by.exemption.date')).toMatchObject({ def: 'date', format: 'date' });
    expect(shapeAt('consultation', 'responses')?.items?.required).toEqual(['party', 'received']);
  });

  test("the write path orders a record's fields, and its items' fields, as the schema does", () => {
    expect(fieldOrders('agreement').get('funding')).toEqual(['pool', 'year', 'kind', 'amount_dkk']);
    const rank = schemaRank('organisation');
    const keys = ['notes', 'contact', 'status', 'id', 'areas', 'unknown'];
    expect([...keys].sort((a, b) => rank([], a) - rank([], b))).toEqual(['id', 'areas', 'status', 'contact', 'notes', 'unknown']);
    expect(rank(['contact'], 'confirmed')).toBeGreaterThan(rank(['contact'], 'role'));
  });

  test("import and export columns: one per leaf field, lists of objects with their items' fields", () => {
    const cols = columnsOf('agreement');
    expect(cols.map((c) => c.field)).toEqual(leafFields('agreement').map((f) => f.path.join('.')));
    expect(cols.find((c) => c.field === 'funding')?.value).toEqual({
      type: 'items',
      fields: [
        { name: 'pool', required: true, value: { type: 'ref', target: 'pool' } },
        { name: 'year', required: true, value: { type: 'integer', of: 'year' } },
        { name: 'kind', required: true, value: { type: 'enum', values: ['development', 'operation'] } },
        { name: 'amount_dkk', required: true, value: { type: 'integer', of: 'amount' } },
      ],
    });
    expect(cols.find((c) => c.field === 'areas')?.value).toEqual({ type: 'list', item: { type: 'enum', values: AREAS }, lines: false });
    expect(columnsOf('organisation').find((c) => c.field === 'cvr')?.value).toEqual({ type: 'cvr' });
    expect(columnsOf('pool').find((c) => c.field === 'criteria')?.value).toEqual({ type: 'list', item: { type: 'text', verbatim: true }, lines: true });
  });
});

describe('labels of fixed values', () => {
  test('every value the schemas ship has a label in both languages', () => {
    const values = shippedEnumValues();
    expect(values.length).toBeGreaterThan(25);
    const missing = values.flatMap((v) => (['en', 'da'] as const).filter((l) => !(catalogue[l] as Record<string, string>)[`value.${v}`]).map((l) => `${l}: ${v}`));
    expect(missing).toEqual([]);
  });

  test('a label in each language; a value without one is shown as itself', () => {
    expect(valueLabel('da', 'psychiatry')).toBe('psykiatri');
    expect(valueLabel('en', 'patient-association')).toBe('patient association');
    expect(DA_VALUE['volunteer-organisation']).toBe('frivillig organisation');
    expect(valueLabel('da', 'addiction')).toBe('addiction');
    expect(messageOr('da', 'value.addiction', 'fallback')).toBe('fallback');
    // An area has one name in Danish, in lists, filters, help and reports alike.
    expect(areaName('social', 'da')).toBe('socialområdet');
    expect(valueLabel('da', 'social')).toBe('socialområdet');
    expect(areaName('psychiatry', 'da')).toBe('psykiatri');
    expect(areaName('addiction' as Area, 'en')).toBe('addiction');
  });

  test('messages that name the areas take them from the schema, as alternatives in each language', () => {
    expect(translate('en', 'hearing.error.unknownArea', { areas: { or: AREAS } })).toBe('unknown area in --area. Use social, psychiatry or health.');
    expect(translate('da', 'hearing.error.unknownArea', { areas: { or: AREAS } })).toBe('ukendt område i --area. Brug socialområdet, psykiatri eller sundhed.');
    expect(translate('da', 'opt.overview.area', { areas: { or: [...AREAS, 'addiction'] } })).toBe('kun dette område: socialområdet, psykiatri, sundhed eller addiction, også på dansk (kan gentages eller gives som kommaliste)');
  });
});
