// Each record kind's fields as command-line flags: a flag per field, named as the field with dashes
// (`patient_groups` → `--patient-groups`), read from the schema model in schema order, so a field
// or value added to a schema is a flag or a choice without a code change.
import { catalogue, type MessageKey } from '../i18n/catalogue/index.js';
import { perKind, RECORD_KINDS, type RecordKind } from '../domain/kinds.js';
import { leafFields, type FieldShape } from '../domain/shapes.js';

/**
 * How a field's flag is written and read (build.ts parseFlag, flagSyntax below):
 * text one string · date YYYY-MM-DD · int a whole number · choice one of `choices` ·
 * list ids or choices, repeated flags or commas · texts free-text items, one per value, never split
 * at commas · years years of four digits, repeated flags or commas · funding POOL:YEAR:KIND:AMOUNT,
 * repeatable · budgets YEAR:AMOUNT, repeatable. Every one is some field's (a test holds it so).
 */
export const FIELD_TYPES = ['text', 'date', 'int', 'choice', 'list', 'texts', 'years', 'funding', 'budgets'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export interface FieldSpec {
  /** The field's path in the record, dotted for nested fields (`contact.email`). */
  path: string;
  /** The flag without dashes (`contact-email`). */
  flag: string;
  type: FieldType;
  choices?: readonly string[];
  description: MessageKey;
  /** A web address (its schema asks for http:// or https://). */
  web?: true;
  /** Criteria: texts on the command line, each written with an id made from it (so it can be scored). */
  criteria?: true;
}

/**
 * Fields that are set only through their own commands or a whole record from a file, because a
 * flag could not carry them well: evaluations (`agreement evaluate`), a consultation's omitted
 * parties and responses (`consultation omit|respond`), the day it was planned to open and what it was
 * opened despite (`consultation open`), why it closed early (`consultation close --early`).
 */
export const NOT_FLAGS: Record<RecordKind, readonly string[]> = {
  organisation: [], offer: [], agreement: ['evaluations', 'reports'], pool: [], call: ['declarations'], 'hearing-party': [], consultation: ['omitted', 'responses', 'planned_opens', 'opened_despite', 'opened_despite_reason', 'closed_early', 'closed_early_reason'],
  application: ['assessments', 'decision'],
};

/** Lists of objects a flag carries as colon-separated parts, one item per flag. */
const ITEM_FLAGS: Record<string, FieldType> = { 'agreement:funding': 'funding', 'pool:budgets': 'budgets' };

/** Flags shorter than their path would give, with their help text. */
const FLAG_NAMES: Record<string, { flag: string; description: MessageKey }> = {
  'agreement:established_by.exemption.reason': { flag: 'exemption-reason', description: 'field.agreement.exemption.reason' },
  'agreement:established_by.exemption.approved_by': { flag: 'exemption-approved-by', description: 'field.agreement.exemption.approved_by' },
  'agreement:established_by.exemption.date': { flag: 'exemption-date', description: 'field.agreement.exemption.date' },
  // An application's flags as staff say them: `--organisation A,B`, `--amount 250000`.
  'application:organisations': { flag: 'organisation', description: 'field.application.organisations' },
  'application:amount_dkk': { flag: 'amount', description: 'field.application.amount_dkk' },
};

function fieldType(kind: RecordKind, path: string, shape: FieldShape): Pick<FieldSpec, 'type' | 'choices' | 'criteria'> {
  if (shape.type === 'array') {
    const items = shape.items ?? {};
    if (items.type === 'object') {
      const type = ITEM_FLAGS[`${kind}:${path}`];
      if (!type) throw new Error(`${kind}.${path}: a list of objects needs a flag format (ITEM_FLAGS) or a place in NOT_FLAGS`);
      return { type };
    }
    if (items.enum) return { type: 'list', choices: items.enum };
    if (items.def === 'year') return { type: 'years' };
    if (items.type === 'integer') throw new Error(`${kind}.${path}: a list of whole numbers other than years needs a flag type`);
    // Criteria: plain texts or objects with ids; a flag gives texts, written as criteria with ids.
    if (items.anyOf?.some((alt) => alt.def === 'text') && items.anyOf.some((alt) => alt.type === 'object')) return { type: 'texts', criteria: true };
    if (items.def === 'text' || items.anyOf?.some((alt) => alt.def === 'text')) return { type: 'texts' };
    return { type: 'list' };
  }
  if (shape.enum) return { type: 'choice', choices: shape.enum };
  if (shape.format === 'date') return { type: 'date' };
  if (shape.type === 'integer') return { type: 'int' };
  return { type: 'text' };
}

/** The help text of a field's flag: the kind's own (`field.offer.title`), else the shared one (`field.areas`). */
function descriptionOf(kind: RecordKind, path: string): MessageKey {
  const own = `field.${kind}.${path}`;
  return (Object.hasOwn(catalogue.en, own) ? own : `field.${path}`) as MessageKey;
}

function fieldsOf(kind: RecordKind): FieldSpec[] {
  return leafFields(kind)
    .filter(({ path }) => path[0] !== 'id' && !NOT_FLAGS[kind].includes(path[0]) && !NOT_FLAGS[kind].includes(path.join('.')))
    .map(({ path: parts, shape }) => {
      const path = parts.join('.');
      const named = FLAG_NAMES[`${kind}:${path}`];
      const { type, choices, criteria } = fieldType(kind, path, shape);
      return {
        path, flag: named?.flag ?? path.replace(/[._]/g, '-'), type, description: named?.description ?? descriptionOf(kind, path),
        ...(choices ? { choices } : {}),
        ...(criteria ? { criteria } : {}),
        ...(shape.pattern?.startsWith('^https?://') ? { web: true as const } : {}),
      };
    });
}

/** Fields each kind can take on the command line, in the schema's order. `id` is `--id`. */
export const FIELDS: Record<RecordKind, readonly FieldSpec[]> = perKind(RECORD_KINDS, fieldsOf);

/** commander's name for a flag's value (`patient-groups` → `patientGroups`). */
export function optionName(flag: string): string {
  return flag.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** The commander flag text for a field. */
export function flagSyntax(spec: FieldSpec): string {
  switch (spec.type) {
    case 'date': return `--${spec.flag} <date>`;
    case 'int': return `--${spec.flag} <n>`;
    case 'list': return `--${spec.flag} <ids>`;
    case 'years': return `--${spec.flag} <years>`;
    case 'texts': return `--${spec.flag} <text...>`;
    case 'funding': return `--${spec.flag} <pool:year:kind:amount>`;
    case 'budgets': return `--${spec.flag} <year:amount>`;
    case 'choice': return `--${spec.flag} <value>`;
    default: return `--${spec.flag} <text>`;
  }
}

/** The fields of a kind by flag (for `--unset contact-phone`) and by path. */
export function fieldByName(kind: RecordKind, name: string): FieldSpec | undefined {
  const n = name.replace(/^--/, '');
  return FIELDS[kind].find((s) => s.flag === n || s.path === n || s.path.replace(/[._]/g, '-') === n.replace(/[._]/g, '-'));
}

