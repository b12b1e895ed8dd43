// The spreadsheet form of each record kind: one column per field, derived from the record's
// schema (through the generated schema model) and the REFERENCES table, so a field added to a
// schema gets a column without anyone keeping a second list. Nested objects (contact,
// established_by) become dotted columns; lists of values one cell; lists of objects (funding,
// evaluations) one cell with a line per item. English headers are the field names; Danish headers
// are the labels `show` gives the fields. Used by both import and export.
import { REFERENCES, type RecordKind, type Target } from '../../domain/kinds.js';
import { looseKey } from '../../domain/text.js';
import { isPersonalField, namesAssessors } from '../../domain/personal.js';
import { leafFields, type Shape } from '../../domain/shapes.js';
import { LANGUAGES, type Language } from '../../i18n/define.js';
import { fieldLabel, messageOr } from '../../i18n/values.js';

export type ValueKind =
  | { type: 'text'; verbatim: boolean }
  | { type: 'date' }
  /** A whole number; a year (four digits) or an amount in kroner where the schema's shared definition says so. */
  | { type: 'integer'; of?: 'year' | 'amount' }
  | { type: 'cvr' }
  | { type: 'enum'; values: readonly string[] }
  | { type: 'ref'; target: Target }
  | { type: 'list'; item: ValueKind; lines: boolean }
  | { type: 'items'; fields: ReadonlyArray<{ name: string; value: ValueKind; required: boolean }> };

export interface ColumnSpec {
  /** The field's path in the record, e.g. ['contact', 'email']. */
  path: readonly string[];
  /** Dotted field name: the English header. */
  field: string;
  header: Record<Language, string>;
  value: ValueKind;
  /** Personal data (contact persons): left out of exports unless asked for (domain/personal.ts). */
  personal: boolean;
  /** A list whose items name an assessor: exported with each assessor as a number unless personal data is asked for. */
  assessors: boolean;
}

/**
 * Danish headers sheets already carry where they differ from the label `show` gives the field
 * (kontaktperson, not kontakt_navn): exports keep them, so a sheet staff made from an earlier export
 * still looks as it did. Every other column is headed by its label (sheetHeader), so a field the
 * schemas gain gets a Danish header as soon as it has a label, which a test requires. An
 * agreement made without a call is made by an exemption (undtagelse), as Danish says everywhere;
 * the headers earlier exports wrote for it (dispensation_…) are still read (ALIASES).
 */
const DA_HEADER: Record<string, string> = {
  cvr: 'cvr', 'contact.name': 'kontaktperson', 'contact.email': 'kontakt_email',
  active_from: 'aktiv_fra', active_until: 'aktiv_til', funding: 'finansiering',
  'established_by.exemption.reason': 'undtagelse_begrundelse', 'established_by.exemption.approved_by': 'undtagelse_godkendt_af',
  'established_by.exemption.date': 'undtagelse_dato', deadline_reason: 'begrundelse_for_frist',
};

/** A label as a sheet heads a column: small letters, a word break or a step into an object as `_` (`Kontakt: rolle` → `kontakt_rolle`). */
function sheetWord(label: string, lang: Language): string {
  return label.toLocaleLowerCase(lang).replace(/:\s*/g, '_').replace(/\s+/g, '_');
}

/** A column's header in the language: the data contract's field name in English, the field's label in Danish. */
function sheetHeader(kind: RecordKind, field: string, lang: Language): string {
  if (lang === 'en') return field;
  return DA_HEADER[field] ?? sheetWord(fieldLabel(lang, kind, field), lang);
}

/** A field inside a list of objects as a cell names it (funding: pool, year, … or pulje, år, art, beløb). */
export function itemFieldName(name: string, lang: Language): string {
  return lang === 'en' ? name : sheetWord(messageOr(lang, `label.${name}`, name), lang);
}

/** Other headers people use for a field, matched like the headers above (case, accents, punctuation ignored). */
const ALIASES: Record<string, readonly string[]> = {
  'organisation:kind': ['organisationstype', 'type'],
  'offer:type': ['type'],
  name: ['organisationsnavn', 'foreningsnavn', 'forening'],
  cvr: ['cvr-nr', 'cvr-nummer', 'cvrnummer', 'cvr number'],
  areas: ['område', 'area'],
  patient_groups: ['patientgruppe', 'målgrupper', 'målgruppe', 'patient groups', 'target groups'],
  municipalities: ['kommune', 'municipality'],
  website: ['web', 'webside', 'url', 'hjemmesideadresse'],
  'contact.name': ['kontakt', 'kontaktpersonens navn', 'contact', 'contact person', 'contact name'],
  'contact.email': ['e-mail', 'email', 'mail', 'kontakt e-mail'],
  'contact.phone': ['telefon', 'tlf', 'telefonnummer', 'phone', 'kontakt telefon'],
  'contact.role': ['rolle', 'role', 'kontaktpersonens rolle'],
  'contact.confirmed': ['bekræftet', 'confirmed'],
  notes: ['bemærkninger', 'note'],
  organisation: ['forening', 'organisation id', 'organisations-id'],
  active_from: ['fra', 'startdato', 'from'],
  active_until: ['til', 'slutdato', 'until'],
  'established_by.exemption.reason': ['dispensation_begrundelse'],
  'established_by.exemption.approved_by': ['dispensation_godkendt_af'],
  'established_by.exemption.date': ['dispensation_dato'],
};

const cache = new Map<RecordKind, ColumnSpec[]>();

/** The columns of a record kind, in the schema's field order. */
export function columnsOf(kind: RecordKind): ColumnSpec[] {
  let cols = cache.get(kind);
  if (!cols) {
    const refs = new Map(REFERENCES[kind].map(([p, t]) => [p, t] as const));
    cols = leafFields(kind).map(({ path, shape }) => {
      const field = path.join('.');
      return {
        path, field, value: valueKind(shape, field, refs),
        header: { en: sheetHeader(kind, field, 'en'), da: sheetHeader(kind, field, 'da') },
        personal: isPersonalField(kind, field) && !namesAssessors(kind, path[0]),
        assessors: namesAssessors(kind, path[0]),
      };
    });
    cache.set(kind, cols);
  }
  return cols;
}

function valueKind(prop: Shape, field: string, refs: Map<string, Target>): ValueKind {
  const ref = refs.get(field);
  if (prop.type === 'array' && prop.items) {
    const items = prop.items;
    if (items.type === 'object') {
      const required = new Set(items.required ?? []);
      return {
        type: 'items',
        fields: (items.fields ?? []).map((p) => ({ name: p.name, required: required.has(p.name), value: valueKind(p, `${field}.*.${p.name}`, refs) })),
      };
    }
    const item = valueKind(items, `${field}.*`, refs);
    return { type: 'list', item, lines: item.type === 'text' };
  }
  if (ref) return { type: 'ref', target: ref };
  // A value of several shapes (a criterion: text, or an object with an id) is a text in a cell:
  // criteria with ids are kept in the record's file, where their ids and weights have room.
  const text = prop.anyOf?.find((alt) => alt.def === 'text');
  if (text) return valueKind(text, field, refs);
  if (prop.enum) return { type: 'enum', values: prop.enum };
  if (prop.type === 'integer' || prop.type === 'number') return prop.def === 'year' ? { type: 'integer', of: 'year' } : prop.def === 'amount_dkk' ? { type: 'integer', of: 'amount' } : { type: 'integer' };
  if (prop.format === 'date') return { type: 'date' };
  if (prop.pattern === '^[0-9]{8}$') return { type: 'cvr' };
  return { type: 'text', verbatim: (prop.maxLength ?? 0) > 500 };
}

/** How headers are compared: as words are matched loosely (case, accents, Danish letters, punctuation and spacing folded away). */
export const foldHeader = looseKey;

/** Every header text that names a column of the kind, folded: field name, Danish header, labels and aliases. */
export function headerIndex(kind: RecordKind): Map<string, ColumnSpec> {
  const index = new Map<string, ColumnSpec>();
  const cols = columnsOf(kind);
  // Field names and the two languages' headers first, so an alias never shadows a real header.
  for (const c of cols) {
    for (const h of [c.field, c.header.da, c.header.en]) if (!index.has(foldHeader(h))) index.set(foldHeader(h), c);
  }
  // The labels `show` gives the fields, in either language (Aktivt fra, Application link).
  for (const c of cols) {
    for (const lang of LANGUAGES) {
      const label = fieldLabel(lang, kind, c.field);
      if (!index.has(foldHeader(label))) index.set(foldHeader(label), c);
    }
  }
  for (const c of cols) {
    for (const a of ALIASES[`${kind}:${c.field}`] ?? ALIASES[c.field] ?? []) if (!index.has(foldHeader(a))) index.set(foldHeader(a), c);
  }
  return index;
}
