// Each record kind's fields as command-line flags: a flag per field, named as the field with dashes
// (`patient_groups` → `--patient-groups`). The schemas stay the source of truth for shape: a test
// checks that this table covers every schema property and nothing else.
import type { MessageKey } from '../i18n/index.js';
import type { RecordKind } from '../core/kinds.js';

export type FieldType =
  | 'text' // one string
  | 'date' // YYYY-MM-DD
  | 'int'
  | 'choice' // one of `choices`
  | 'list' // ids or choices: repeated flags or commas
  | 'texts' // free-text items: one per value, never split at commas
  | 'funding' // POOL:YEAR:KIND:AMOUNT, repeatable
  | 'budgets'; // YEAR:AMOUNT, repeatable

export interface FieldSpec {
  /** The field's path in the record, dotted for nested fields (`contact.email`). */
  path: string;
  /** The flag without dashes (`contact-email`). */
  flag: string;
  type: FieldType;
  choices?: readonly string[];
  description: MessageKey;
}

const AREAS = ['social', 'psychiatry', 'health'] as const;
const SCOPES = ['regional', 'national'] as const;

const f = (path: string, type: FieldType, description: MessageKey, extra: Partial<FieldSpec> = {}): FieldSpec => ({
  path, flag: extra.flag ?? path.replace(/[._]/g, '-'), type, description, ...(extra.choices ? { choices: extra.choices } : {}),
});

const reach = [
  f('municipalities', 'list', 'field.municipalities'),
  f('scope', 'choice', 'field.scope', { choices: SCOPES }),
];

/** Fields each kind can take on the command line, in the schema's order. `id` is `--id`. */
export const FIELDS: Record<RecordKind, readonly FieldSpec[]> = {
  organisation: [
    f('name', 'text', 'field.organisation.name'),
    f('kind', 'choice', 'field.organisation.kind', { choices: ['patient-association', 'relatives-association', 'user-association', 'volunteer-organisation', 'umbrella-organisation', 'self-governing-institution', 'social-enterprise', 'other'] }),
    f('cvr', 'text', 'field.organisation.cvr'),
    f('areas', 'list', 'field.areas', { choices: AREAS }),
    f('patient_groups', 'list', 'field.patient_groups'),
    ...reach,
    f('status', 'choice', 'field.organisation.status', { choices: ['active', 'inactive'] }),
    f('registered', 'date', 'field.organisation.registered'),
    f('website', 'text', 'field.organisation.website'),
    f('contact.role', 'text', 'field.contact.role'),
    f('contact.name', 'text', 'field.contact.name'),
    f('contact.email', 'text', 'field.contact.email'),
    f('contact.phone', 'text', 'field.contact.phone'),
    f('contact.confirmed', 'date', 'field.contact.confirmed'),
    f('notes', 'text', 'field.notes'),
  ],
  offer: [
    f('organisation', 'text', 'field.offer.organisation'),
    f('title', 'text', 'field.offer.title'),
    f('type', 'text', 'field.offer.type'),
    f('patient_groups', 'list', 'field.patient_groups'),
    f('areas', 'list', 'field.areas', { choices: AREAS }),
    ...reach,
    f('active_from', 'date', 'field.offer.active_from'),
    f('active_until', 'date', 'field.offer.active_until'),
    f('agreement', 'text', 'field.offer.agreement'),
    f('description', 'text', 'field.description'),
  ],
  agreement: [
    f('title', 'text', 'field.agreement.title'),
    f('organisations', 'list', 'field.agreement.organisations'),
    f('region_unit', 'text', 'field.agreement.region_unit'),
    f('areas', 'list', 'field.areas', { choices: AREAS }),
    f('patient_groups', 'list', 'field.patient_groups'),
    ...reach,
    f('offers', 'list', 'field.agreement.offers'),
    f('start', 'date', 'field.agreement.start'),
    f('end', 'date', 'field.agreement.end'),
    f('status', 'choice', 'field.agreement.status', { choices: ['draft', 'active', 'ended', 'cancelled'] }),
    f('funding', 'funding', 'field.agreement.funding'),
    f('established_by.call', 'text', 'field.agreement.established_by.call'),
    f('established_by.exemption.reason', 'text', 'field.agreement.exemption.reason', { flag: 'exemption-reason' }),
    f('established_by.exemption.approved_by', 'text', 'field.agreement.exemption.approved_by', { flag: 'exemption-approved-by' }),
    f('established_by.exemption.date', 'date', 'field.agreement.exemption.date', { flag: 'exemption-date' }),
    f('evaluation_due', 'date', 'field.agreement.evaluation_due'),
    f('notes', 'text', 'field.notes'),
  ],
  pool: [
    f('name', 'text', 'field.pool.name'),
    f('areas', 'list', 'field.areas', { choices: AREAS }),
    f('eligible_kinds', 'list', 'field.pool.eligible_kinds', { choices: ['development', 'operation'] }),
    f('budgets', 'budgets', 'field.pool.budgets'),
    f('criteria', 'texts', 'field.criteria'),
    f('description', 'text', 'field.description'),
  ],
  call: [
    f('title', 'text', 'field.call.title'),
    f('pool', 'text', 'field.call.pool'),
    f('areas', 'list', 'field.areas', { choices: AREAS }),
    f('patient_groups', 'list', 'field.patient_groups'),
    ...reach,
    f('published', 'date', 'field.call.published'),
    f('deadline', 'date', 'field.call.deadline'),
    f('channel', 'choice', 'field.call.channel', { choices: ['public', 'invited'] }),
    f('invited', 'list', 'field.call.invited'),
    f('channel_reason', 'text', 'field.call.channel_reason'),
    f('applicants', 'list', 'field.call.applicants'),
    f('selected', 'list', 'field.call.selected'),
    f('criteria', 'texts', 'field.criteria'),
    f('description', 'text', 'field.description'),
    f('status', 'choice', 'field.call.status', { choices: ['open', 'closed'] }),
  ],
  'hearing-party': [
    f('organisation', 'text', 'field.hearing-party.organisation'),
    f('areas', 'list', 'field.areas', { choices: AREAS }),
    f('patient_groups', 'list', 'field.patient_groups'),
    f('since', 'date', 'field.hearing-party.since'),
    f('status', 'choice', 'field.hearing-party.status', { choices: ['active', 'withdrawn'] }),
  ],
  consultation: [
    f('title', 'text', 'field.consultation.title'),
    f('areas', 'list', 'field.areas', { choices: AREAS }),
    f('patient_groups', 'list', 'field.patient_groups'),
    f('opens', 'date', 'field.consultation.opens'),
    f('deadline', 'date', 'field.consultation.deadline'),
    f('deadline_reason', 'text', 'field.consultation.deadline_reason'),
    f('selection', 'choice', 'field.consultation.selection', { choices: ['all', 'limited'] }),
    f('seats', 'int', 'field.consultation.seats'),
    f('invited', 'list', 'field.consultation.invited'),
    f('status', 'choice', 'field.consultation.status', { choices: ['planned', 'open', 'closed'] }),
    f('description', 'text', 'field.description'),
  ],
};

/**
 * Fields that are set only through their own commands or a whole record from a file, because a
 * flag could not carry them well: evaluations (`agreement evaluate`), a consultation's omitted
 * parties and responses (`consultation omit|respond`).
 */
export const NOT_FLAGS: Record<RecordKind, readonly string[]> = {
  organisation: [], offer: [], agreement: ['evaluations'], pool: [], call: [], 'hearing-party': [], consultation: ['omitted', 'responses'],
};

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

/** The user-facing command name of a record kind. */
export const COMMAND_OF: Record<RecordKind, string> = {
  organisation: 'org', offer: 'offer', agreement: 'agreement', pool: 'pool', call: 'call', 'hearing-party': 'hearing-party', consultation: 'consultation',
};
