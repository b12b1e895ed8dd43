// Records of one kind as a spreadsheet: the kind's columns (the same the import reads), each
// value written so that importing the sheet gives the same record back. Vocabulary entries and
// fixed values are written as names in the chosen language (an id where a name would not lead
// back to the same entry); contact persons' fields only when personal data is asked for, and
// assessors by number unless it is (domain/personal.ts).
import { criterionText, type ScoredCriterion } from '../../domain/applications.js';
import type { DataFolder } from '../../domain/folder.js';
import type { RecordKind, Target } from '../../domain/kinds.js';
import type { Language } from '../../i18n/index.js';
import { formatItems } from '../import/cells.js';
import { columnsOf, type ColumnSpec, type ValueKind } from '../import/columns.js';
import { ASSESSOR, assessorKey } from '../../domain/personal.js';
import { tr } from '../../output/labels.js';
import { valueLabel } from '../../i18n/values.js';
import { DA_VALUE, vocabularyIndexes, type VocabularyIndexes } from '../import/values.js';

export interface SheetData {
  name: string;
  headers: string[];
  /** Text cells, except whole numbers, which stay numbers so a spreadsheet can sum them. */
  rows: Array<Array<string | number>>;
}

export interface RecordsExport {
  sheet: SheetData;
  /** Whether contact persons' fields were left out. */
  personalOmitted: boolean;
  /** Whether assessors were written as numbers (there were some, and personal data was not asked for). */
  assessorsNumbered: boolean;
  /** Whether the sheet holds personal data (asked for, and some record has it). */
  holdsPersonal: boolean;
}

/** Separator between several values in a cell: `;` in a comma-separated file, else `,`. */
export type ListSeparator = ',' | ';';

export function exportRecords(folder: DataFolder, kind: RecordKind, opts: { lang: Language; includePersonal: boolean; listSeparator: ListSeparator; sheetName: string }): RecordsExport {
  const all = columnsOf(kind);
  const columns = all.filter((c) => opts.includePersonal || !c.personal);
  const vocab = vocabularyIndexes(folder);
  const names = vocabularyNames(folder);
  const records = [...(folder.records[kind] as unknown as Map<string, Record<string, unknown>>).values()].sort((a, b) => (String(a.id) < String(b.id) ? -1 : 1));
  // Assessors as numbers, the same number for the same assessor throughout the sheet (which scores
  // one person gave can still be compared), unless personal data is asked for.
  const numbers = new Map<string, number>();
  // One person however the files spell the name (assessorKey).
  const pseudonym = (name: string) => {
    const key = assessorKey(name);
    return tr(opts.lang, 'export.assessorNumber', { n: numbers.get(key) ?? numbers.set(key, numbers.size + 1).get(key)! });
  };
  const valueOf = (r: Record<string, unknown>, c: ColumnSpec): unknown => {
    const v = valueAt(r, c.path);
    if (!c.assessors || opts.includePersonal || !Array.isArray(v)) return v;
    return v.map((item) => (item !== null && typeof item === 'object' && typeof (item as Record<string, unknown>)[ASSESSOR] === 'string' ? { ...item, [ASSESSOR]: pseudonym((item as Record<string, string>)[ASSESSOR]) } : item));
  };
  const rows = records.map((r) => columns.map((c) => cellOf(valueOf(r, c), c, { ...opts, vocab, names })));
  return {
    sheet: { name: opts.sheetName, headers: columns.map((c) => c.header[opts.lang]), rows },
    personalOmitted: !opts.includePersonal && all.some((c) => c.personal),
    assessorsNumbered: numbers.size > 0,
    holdsPersonal: opts.includePersonal && records.some((r) => all.some((c) => (c.personal || c.assessors) && hasValue(valueAt(r, c.path)))),
  };
}

const hasValue = (v: unknown) => v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0);

function valueAt(record: Record<string, unknown>, path: readonly string[]): unknown {
  let node: unknown = record;
  for (const seg of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[seg];
  }
  return node;
}

interface CellOptions {
  lang: Language;
  listSeparator: ListSeparator;
  vocab: VocabularyIndexes;
  names: Record<'patient-groups' | 'municipalities' | 'offer-types', Map<string, Record<Language, string>>>;
}

function cellOf(value: unknown, column: ColumnSpec, opts: CellOptions): string | number {
  if (value === undefined || value === null) return '';
  return format(value, column.value, opts, column.field);
}

/** `field`: the field's dotted name, for a fixed value that has labels of its own there (a hearing point's disposition). */
function format(value: unknown, kind: ValueKind, opts: CellOptions, field?: string): string | number {
  switch (kind.type) {
    case 'integer': return typeof value === 'number' ? value : String(value);
    case 'enum': return opts.lang === 'da' ? (field !== undefined ? valueLabel('da', String(value), field.split('.').pop()) : DA_VALUE[String(value)] ?? String(value)) : String(value);
    case 'ref': return refName(String(value), kind.target, opts);
    case 'list': {
      const items = (value as unknown[]).map((v) => String(format(v, kind.item, opts, field)));
      return kind.lines ? items.join('\n') : items.join(`${opts.listSeparator} `);
    }
    case 'items': {
      const fields = new Map(kind.fields.map((f) => [f.name, f.value]));
      return formatItems(value as Record<string, unknown>[], opts.lang, (name, v) => String(format(v, fields.get(name) ?? { type: 'text', verbatim: true }, opts, name)));
    }
    default:
      // A criterion with an id is written as its wording in the sheet's language.
      if (value !== null && typeof value === 'object' && 'text' in value) return criterionText(value as ScoredCriterion, opts.lang);
      return String(value);
  }
}

/** A vocabulary entry's name in the language, when that name leads back to the same id and holds no separator; else its id. */
function refName(id: string, target: Target, opts: CellOptions): string {
  if (target !== 'patient-groups' && target !== 'municipalities' && target !== 'offer-types') return id;
  const name = opts.names[target].get(id)?.[opts.lang];
  if (name === undefined || /[,;\n]/.test(name) || name.trim() !== name) return id;
  return opts.vocab[target].resolve(name) === id ? name : id;
}

function vocabularyNames(folder: DataFolder): CellOptions['names'] {
  return {
    'patient-groups': new Map(folder.vocabularies.patientGroups.map((g) => [g.id, g.name])),
    municipalities: new Map(folder.vocabularies.municipalities.map((m) => [m.id, { da: m.name, en: m.name }])),
    'offer-types': new Map(folder.vocabularies.offerTypes.map((t) => [t.id, t.name])),
  };
}
