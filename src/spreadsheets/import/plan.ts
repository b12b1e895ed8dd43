// What an import would do, worked out before anything is written: each row read into a record,
// matched against the existing records (by id, and organisations by CVR), checked as a whole
// folder with the new records in it by the same rules `civsam validate` uses, and every problem
// placed at its row and column. Pure: the folder comes in as read data, nothing is written here.
import type { DataFolder } from '../../domain/folder.js';
import { FOLDER_OF, ID_PATTERN, perKind, type RecordKind } from '../../domain/kinds.js';
import { requiredOf, SCOPES } from '../../domain/shapes.js';
import { deletePath, sameData, setPath } from '../../domain/plain-data.js';
import type { Language, Message, MessageKey, MessageParams } from '../../i18n/index.js';
import type { Problem, RawFolder, SourceFile } from '../../store/load-folder.js';
import { checkFolder } from '../../validate/check-folder.js';
import { retiredEntriesChosen } from '../../validate/retired.js';
import { nameKey } from '../../domain/text.js';
import { shellWord } from '../../i18n/shell-word.js';
import { parseCell, type CellContext } from './cells.js';
import { columnsOf, itemFieldName, type ColumnSpec } from './columns.js';
import { mapHeader, type HeaderMap } from './headers.js';
import { slugify, uniqueId } from '../../domain/ids.js';
import type { Sheet } from './sheet.js';
import { enumIndex, vocabularyIndexes, WordIndex } from './values.js';
import { happenedAfterToday } from '../../domain/happened-dates.js';

export const IMPORT_KINDS = ['organisation', 'offer', 'agreement', 'hearing-party'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export type Data = Record<string, unknown>;

export interface RowProblem {
  /** The spreadsheet's row number; undefined for a problem with the sheet as a whole. */
  row?: number;
  /** 0-based column index in the sheet. */
  column?: number;
  message: Message;
}

export interface PlannedRecord {
  row: number;
  id: string;
  action: 'create' | 'update' | 'unchanged';
  record: Data;
  before?: Data;
  /** Top-level fields that change (updates only). */
  changed: string[];
  /** The fields a new record took from the register's defaults, with where each came from. */
  defaults: DefaultsUsed;
}

/** Defaults a new record took: the field and where its value came from (as the register's defaults say it). */
export type DefaultsUsed = Array<{ field: string; source: unknown }>;

/**
 * The register's defaults for a new record (what `add` fills in): the fields they may fill, and
 * the record with them in place. Given by the command, so an import fills exactly what `add` fills.
 */
export interface ImportDefaults {
  fields(kind: ImportKind): readonly string[];
  fill(kind: ImportKind, record: Data): { record: Data; used: DefaultsUsed };
}

export interface ImportPlan {
  kind: ImportKind;
  /** Problems with the sheet itself (headers): nothing can be imported until they are put right. */
  sheetProblems: RowProblem[];
  /** Rows that are valid, in sheet order. */
  records: PlannedRecord[];
  /** Rows that are not, each with every problem found in it. */
  rejected: Array<{ row: number; problems: RowProblem[] }>;
}

export interface PlanInput {
  kind: ImportKind;
  sheet: Sheet;
  raw: RawFolder;
  folder: DataFolder;
  update: boolean;
  lang: Language;
  map?: HeaderMap;
  /**
   * How a new record without an id gets one, as the register commands make them (an agreement's
   * `2026-psyk-004`); `taken` and `ids` include the ids this import has given already. Without it,
   * or when it gives none, the id is made from the name.
   */
  newId?: (kind: ImportKind, record: Data, taken: (id: string) => boolean, ids: () => Iterable<string>) => string | undefined;
  /** What a new record gets when the sheet does not say (no column, or an empty cell). */
  defaults?: ImportDefaults;
  /** Today (YYYY-MM-DD): a day something happened that a row gives after it is refused at its cell. */
  today?: string;
}

const NAME_FIELD: Record<ImportKind, string> = { organisation: 'name', offer: 'title', agreement: 'title', 'hearing-party': 'organisation' };
const scopeWords = enumIndex(SCOPES);

export function planImport(input: PlanInput): ImportPlan {
  const { kind, sheet, folder, raw } = input;
  const hasData = (c: number) => sheet.rows.some((r) => (r.cells[c] ?? '').trim() !== '');
  const mapped = mapHeader(kind, sheet.header.cells, hasData, input.map ?? new Map(), input.lang);
  const sheetProblems: RowProblem[] = mapped.problems.map((p) => ({ row: sheet.header.row, column: p.column, message: p.message }));
  const columns = mapped.columns;
  const present = new Set(columns.filter((c): c is ColumnSpec => c !== null).map((c) => c.field));
  const defaulted = new Set(input.defaults?.fields(kind) ?? []);
  if (!input.update) {
    // Without --update every row makes a new record, which needs its required fields; with it, a
    // sheet may hold only the columns to change (a new row among them still gets validate's
    // required-field check).
    for (const c of columnsOf(kind)) {
      if (REQUIRED[kind].includes(c.field) && !present.has(c.field) && !defaulted.has(c.field)) {
        sheetProblems.push({ row: sheet.header.row, message: { key: 'import.header.missing', params: { field: c.field, header: c.header[input.lang] } } });
      }
    }
  }
  if (sheetProblems.length) return { kind, sheetProblems, records: [], rejected: [] };

  const ctx = cellContext(folder, input.lang, sheet);
  const existing = folder.records[kind] as unknown as Map<string, Data>;
  const columnOfField = new Map<string, number>();
  columns.forEach((c, i) => c && columnOfField.set(c.field, i));
  const errorCells = new Map<number, number[]>();
  for (const e of sheet.errorCells ?? []) errorCells.set(e.row, [...(errorCells.get(e.row) ?? []), e.column]);

  const claimed = new Map<string, number>(); // id → row
  // By content apart from the fields a row leaves to the defaults (a record made on another day has
  // another `registered`), one index per set of such fields.
  const contentIndexes = new Map<string, Map<string, string>>();
  const sameContent = (left: readonly string[]) => {
    const key = left.join('\u0000');
    let index = contentIndexes.get(key);
    if (!index) contentIndexes.set(key, (index = contentIndexOf(existing.values(), left)));
    return index;
  };
  const dupKeys = duplicateIndex(kind, folder);
  // Organisations by their name's uniqueness key, for a row that names one without its id.
  const organisationByName = new Map<string, string>();
  if (kind === 'organisation') for (const o of folder.records.organisation.values()) if (!organisationByName.has(nameKey(o.name))) organisationByName.set(nameKey(o.name), o.id);
  const seenKeys = new Map<string, number>();
  const rowsOut: Array<{ planned: PlannedRecord; problems: RowProblem[] }> = [];

  for (const r of sheet.rows) {
    const problems: RowProblem[] = [];
    const values = new Map<string, unknown>();
    for (const c of errorCells.get(r.row) ?? []) if (columns[c]) problems.push({ row: r.row, column: c, message: { key: 'import.value.errorCell' } });
    columns.forEach((spec, i) => {
      if (!spec) return;
      const text = r.cells[i] ?? '';
      if (spec.field === 'municipalities') {
        // "hele regionen" or "landsdækkende" in the municipalities column means a scope.
        const t = text.trim();
        const scopeColumn = columnOfField.get('scope');
        const scopeEmpty = scopeColumn === undefined || (r.cells[scopeColumn] ?? '').trim() === '';
        const scope = t ? scopeWords.resolve(t) : undefined;
        if (scopeEmpty && scope && ctx.vocabularies.municipalities.resolve(t) === undefined) {
          values.set('municipalities', undefined);
          values.set('scope', scope);
          return;
        }
      }
      if (spec.field === 'scope' && values.get('scope') !== undefined && text.trim() === '') return;
      // An empty cell says nothing about the field: an update leaves it as it is (a small sheet that
      // adds notes to a few organisations takes no one's notes away). A field is emptied on purpose
      // by writing (tom) in its cell.
      if (isClearWord(text)) {
        // A field every record must have cannot be emptied: said at its cell, by its label.
        if (REQUIRED[kind].includes(spec.field)) problems.push({ row: r.row, column: i, message: { key: 'import.value.requiredCleared', params: { field: spec.field } } });
        values.set(spec.field, undefined);
        return;
      }
      const res = parseCell(text, spec.value, ctx);
      if ('problem' in res) problems.push({ row: r.row, column: i, message: res.problem });
      else if ('value' in res) values.set(spec.field, res.value);
    });
    // Fields of which a record has one or the other (municipalities or a scope, a call or an
    // exemption): a row that gives one takes the other away, or the record would have both.
    for (const [one, other] of EITHER_OR) {
      if (one.some((f) => values.get(f) !== undefined)) for (const f of other) if (!values.has(f)) values.set(f, undefined);
    }

    // Which record the row is: an existing one (by id, or by CVR for organisations) or a new one.
    let idValue = typeof values.get('id') === 'string' ? (values.get('id') as string) : undefined;
    if (idValue !== undefined && !ID_PATTERN.test(idValue)) {
      // Never a file name from a malformed id (`../x` and the like): the row is refused here.
      problems.push({ row: r.row, column: columnOfField.get('id'), message: { key: 'problem.schema.patternId', params: { field: 'id' } } });
      idValue = undefined;
    }
    let before: Data | undefined = idValue !== undefined ? existing.get(idValue) : undefined;
    let matchedBy: 'id' | 'cvr' | 'name' | undefined = before ? 'id' : undefined;
    const rowCvr = typeof values.get('cvr') === 'string' ? (values.get('cvr') as string) : undefined;
    const rowName = typeof values.get('name') === 'string' ? (values.get('name') as string) : undefined;
    if (!before && kind === 'organisation' && rowCvr !== undefined) {
      const id = ctx.records.organisationCvr.get(rowCvr);
      if (id && (idValue === undefined || idValue === id)) {
        before = existing.get(id);
        matchedBy = 'cvr';
      }
    }
    if (matchedBy === 'cvr' && before && rowName !== undefined && typeof before.name === 'string' && nameKey(rowName) !== nameKey(before.name)) {
      // A CVR number that belongs to another organisation than the row names is a typing slip more
      // often than a new name: the row is refused, with or without --update, rather than renaming
      // the organisation the number belongs to. A real change of name is made on that organisation.
      problems.push({ row: r.row, column: columnOfField.get('cvr'), message: { key: 'import.row.cvrOtherName', params: { existing: before.name, name: rowName, id: String(before.id), command: `civsam org edit ${shellWord(String(before.id))} --name ${shellWord(rowName)}` } } });
    }
    if (!before && kind === 'organisation' && idValue === undefined && rowName !== undefined) {
      // Organisation names are unique (validate's name-unique rule), so a row with an existing
      // organisation's name is that organisation, unless the CVR numbers say otherwise: it is
      // matched when the row gives no CVR number, the same one, or one the organisation lacks.
      const id = organisationByName.get(nameKey(rowName));
      const found = id !== undefined ? existing.get(id) : undefined;
      if (found && (rowCvr === undefined || found.cvr === undefined || found.cvr === rowCvr)) {
        before = found;
        matchedBy = 'name';
        // An empty CVR cell is why the row was matched by its name: it keeps the number the
        // organisation has, where on a row matched by id it would take it away.
        if (rowCvr === undefined) values.delete('cvr');
      }
    }
    // The defaulted fields this row does not give: a record already in took them from the defaults.
    const given = buildNew('', values, kind);
    const left = [...defaulted].filter((f) => given[f] === undefined);
    if (!before && idValue === undefined) {
      // The row's record may be in already, under the id it was given then: an earlier run of this
      // import that was stopped part-way. Recognised as that record, unchanged, not made twice.
      const sameId = sameContent(left).get(contentKey(given));
      if (sameId !== undefined) before = existing.get(sameId);
    }
    // Without --update a row may not change an existing record, but one that says what the record
    // says in every column the sheet has is that record, already in (importing the same sheet again
    // finishes the job; a sheet exported without some columns, such as the contact person's, imports
    // back unchanged). A defaulted field the row leaves empty is what the record took from the defaults.
    const alreadyIn = before !== undefined && sameData(before, applyUpdate(before, without(values, left), kind));
    const refusedAlready = problems.some((p) => p.message.key === 'import.row.cvrOtherName');
    if (before && !input.update && !alreadyIn && !refusedAlready) {
      const by = { id: ['id', 'import.row.exists'], cvr: ['cvr', 'import.row.existsCvr'], name: ['name', 'import.row.existsName'] } as const;
      const [field, key] = by[matchedBy ?? 'id'];
      problems.push({ row: r.row, column: columnOfField.get(field), message: { key, params: { id: String(before.id) } } });
    }
    let id: string;
    if (before) id = String(before.id);
    else if (idValue !== undefined) id = idValue;
    else {
      const taken = (x: string) => existing.has(x) || claimed.has(x);
      const name = values.get(NAME_FIELD[kind]);
      id = input.newId?.(kind, buildNew('', values, kind), taken, () => [...existing.keys(), ...claimed.keys()])
        ?? uniqueId((typeof name === 'string' ? slugify(name) : '') || `${kind}-${r.row}`, taken);
    }
    const other = claimed.get(id);
    // A row refused for a CVR number that belongs to an organisation of another name is that
    // organisation's row only by the number: mending the number (or the name) is what to do, and
    // then it is no longer the same record as the other row. So only the number is said.
    if (other !== undefined && !refusedAlready) problems.push({ row: r.row, column: columnOfField.get('id'), message: { key: 'import.row.sameRecord', params: { other } } });
    else if (other === undefined) claimed.set(id, r.row);

    let record = before ? (alreadyIn && !input.update ? before : applyUpdate(before, values, kind)) : buildNew(id, values, kind);
    let defaults: DefaultsUsed = [];
    if (!before && input.defaults) ({ record, used: defaults } = input.defaults.fill(kind, record));
    const key = dupKey(kind, record);
    // A row with an id is the record of that id, never another by its name: two agreements may share
    // a title (and an offer of another's title is allowed with an id of its own, as `add --id` allows
    // it), so a sheet exported with its ids imports back. A row without one that repeats a record's
    // name is most often that record entered again.
    const givesId = typeof values.get('id') === 'string';
    if (key !== undefined) {
      const existingId = dupKeys.get(key);
      if (!givesId && existingId !== undefined && existingId !== id) {
        problems.push({ row: r.row, column: columnOfField.get(NAME_FIELD[kind]), message: { key: `import.row.duplicate.${kind}` as MessageKey, params: { id: existingId } } });
      }
      const earlier = seenKeys.get(key);
      if (!givesId && earlier !== undefined) problems.push({ row: r.row, column: columnOfField.get(NAME_FIELD[kind]), message: { key: 'import.row.duplicateInFile', params: { other: earlier } } });
      else if (earlier === undefined) seenKeys.set(key, r.row);
    }
    // A day something happened (registered, contact confirmed) still to come, as the write refuses it: at its cell.
    if (input.today !== undefined) {
      for (const late of happenedAfterToday(before, record, input.today)) {
        const column = columns.findIndex((c) => c !== null && c.path.join('.') === late.path);
        problems.push(column >= 0 ? { row: r.row, column, message: { key: 'import.value.afterToday', params: late.message.params } } : { row: r.row, message: late.message });
      }
    }
    const action = !before ? 'create' : sameData(before, record) ? 'unchanged' : 'update';
    rowsOut.push({ planned: { row: r.row, id, action, record, ...(before ? { before } : {}), changed: before ? changedFields(before, record) : [], defaults }, problems });
  }

  // The whole folder with these records in it, by validate's own rules; repeated without the
  // rejected rows, since leaving a row out can change what the others are checked against.
  let candidates = rowsOut.filter((r) => r.problems.length === 0);
  for (let round = 0; round < 3 && candidates.length; round++) {
    const found = checkWith(kind, raw, candidates.map((c) => c.planned), columns, folder, input.lang);
    for (const [row, ps] of found.byRow) rowsOut.find((r) => r.planned.row === row)!.problems.push(...ps);
    sheetProblems.push(...found.elsewhere);
    const next = rowsOut.filter((r) => r.problems.length === 0);
    if (next.length === candidates.length || found.elsewhere.length) break;
    candidates = next;
  }
  return {
    kind,
    sheetProblems,
    records: rowsOut.filter((r) => r.problems.length === 0).map((r) => r.planned),
    rejected: rowsOut.filter((r) => r.problems.length > 0).map((r) => ({ row: r.planned.row, problems: r.problems })),
  };
}

/** What a cell says to empty a field under --update (an empty cell leaves the field as it is), in either language. */
export const CLEAR_WORDS = ['(tom)', '(empty)'] as const;

function isClearWord(text: string): boolean {
  const t = text.trim().toLowerCase();
  return (CLEAR_WORDS as readonly string[]).includes(t);
}

/** Groups of columns of which a record holds one or the other, both ways round. */
const EITHER_OR: Array<[readonly string[], readonly string[]]> = (() => {
  const reach = [['municipalities'], ['scope']] as const;
  const established = [['established_by.call'], ['established_by.exemption.reason', 'established_by.exemption.approved_by', 'established_by.exemption.date']] as const;
  return [reach, established].flatMap(([a, b]) => [[a, b], [b, a]] as Array<[readonly string[], readonly string[]]>);
})();

/** The schema's required fields but the id, which a new row may leave to be made from its name. */
const REQUIRED = perKind(IMPORT_KINDS, (k) => requiredOf(k).filter((f) => f !== 'id'));

function cellContext(folder: DataFolder, lang: Language, sheet: Sheet): CellContext {
  const organisationNames = new WordIndex();
  const organisationCvr = new Map<string, string>();
  for (const o of folder.records.organisation.values()) {
    organisationNames.addId(o.id);
    organisationNames.add(o.id, [o.name], { da: o.name, en: o.name });
    if (o.cvr) organisationCvr.set(o.cvr, o.id);
  }
  const ids = Object.fromEntries(Object.entries(folder.records).map(([k, m]) => [k, new Set((m as Map<string, unknown>).keys())])) as unknown as CellContext['records']['ids'];
  return {
    lang,
    listSeparator: sheet.format === 'csv' && sheet.delimiter === ',' ? ';' : ',',
    vocabularies: vocabularyIndexes(folder),
    records: { ids, organisationNames, organisationCvr },
  };
}

function duplicateIndex(kind: ImportKind, folder: DataFolder): Map<string, string> {
  const index = new Map<string, string>();
  for (const r of (folder.records[kind] as unknown as Map<string, Data>).values()) {
    const k = dupKey(kind, r);
    if (k !== undefined && !index.has(k)) index.set(k, String(r.id));
  }
  return index;
}

/** What makes two records of a kind the same thing, apart from the id (organisations: checked by validate's name and CVR rules). */
function dupKey(kind: ImportKind, r: Data): string | undefined {
  switch (kind) {
    case 'offer': return typeof r.title === 'string' && typeof r.organisation === 'string' ? `${r.organisation}\u0000${nameKey(r.title)}` : undefined;
    case 'agreement': return typeof r.title === 'string' ? nameKey(r.title) : undefined;
    case 'hearing-party': return typeof r.organisation === 'string' ? r.organisation : undefined;
    default: return undefined;
  }
}

function buildNew(id: string, values: Map<string, unknown>, kind: RecordKind): Data {
  const record: Data = { id };
  for (const c of columnsOf(kind)) {
    if (c.field === 'id') continue;
    const v = values.get(c.field);
    if (v !== undefined) setPath(record, c.path, v);
  }
  return record;
}

function applyUpdate(before: Data, values: Map<string, unknown>, kind: RecordKind): Data {
  const record = structuredClone(before);
  for (const c of columnsOf(kind)) {
    if (c.field === 'id' || !values.has(c.field)) continue;
    const v = values.get(c.field);
    if (v === undefined) deletePath(record, c.path);
    else setPath(record, c.path, v);
  }
  return record;
}

/** The row's values but those of the fields named. */
function without(values: ReadonlyMap<string, unknown>, fields: readonly string[]): Map<string, unknown> {
  const out = new Map(values);
  for (const f of fields) out.delete(f);
  return out;
}

/** A record's data apart from its id (and the fields named), as one string: equal strings, equal data (sameData). */
function contentKey(record: Data, without: readonly string[] = []): string {
  const canonical = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(canonical);
    if (v !== null && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical((v as Data)[k])]));
    return v;
  };
  const { id: _id, ...rest } = record;
  for (const f of without) delete rest[f];
  return JSON.stringify(canonical(rest));
}

/** The existing records by their content apart from the id (the first, when two say the same). */
function contentIndexOf(records: Iterable<Data>, without: readonly string[]): Map<string, string> {
  const index = new Map<string, string>();
  for (const r of records) {
    const key = contentKey(r, without);
    if (!index.has(key)) index.set(key, String(r.id));
  }
  return index;
}

function changedFields(before: Data, after: Data): string[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return keys.filter((k) => !sameData(before[k], after[k]));
}

/** Validate's messages that give YAML advice ("in quotes", "scope: regional"), said in a spreadsheet's terms. */
const SHEET_WORDING: Partial<Record<MessageKey, MessageKey>> = {
  'problem.schema.patternCvr': 'import.value.cvr',
  'problem.schema.patternPhone': 'import.value.phone',
  'problem.reachMissing': 'import.value.reachMissing',
};

/**
 * "Add a line status: …" is advice for a file; a sheet has a cell to fill in: the field by its
 * label, and the header of the column to add (what the user writes) or, for a field of an item in
 * a cell (`pool=…`), the name to write there.
 */
function requiredInSheet(kind: ImportKind, params: MessageParams | undefined, lang: Language, inSheet: boolean): Message {
  const field = String(params?.field);
  const column = columnsOf(kind).find((c) => c.field === field);
  // The sheet has the column and the row's cell is empty: the cell is to be filled in, nothing added.
  if (column && inSheet) return { key: 'import.value.requiredEmpty', params: { field } };
  return column
    ? { key: 'import.value.required', params: { field, header: column.header[lang] } }
    : { key: 'import.value.requiredItem', params: { field, name: itemFieldName(String(params?.key), lang) } };
}

/** A field's column header in `lang` (`kommuner`, `rækkevidde`), as an exported sheet heads it. */
function headerOf(kind: ImportKind, field: string, lang: Language): string {
  return columnsOf(kind).find((c) => c.field === field)?.header[lang] ?? field;
}

/** Runs validate's checks over the folder with the planned records in it and places each error. */
function checkWith(kind: ImportKind, raw: RawFolder, planned: PlannedRecord[], columns: Array<ColumnSpec | null>, folder: DataFolder, lang: Language): { byRow: Map<number, RowProblem[]>; elsewhere: RowProblem[] } {
  const folderName = FOLDER_OF[kind];
  const rowOfRel = new Map<string, number>();
  const replaced = new Map<string, SourceFile>();
  const added: SourceFile[] = [];
  for (const p of planned) {
    const rel = `${folderName}/${p.id}.yaml`;
    rowOfRel.set(rel, p.row);
    const file: SourceFile = { rel, what: { role: 'record', kind, id: p.id }, data: p.record };
    if (p.before) replaced.set(rel, file);
    else added.push(file);
  }
  const columnOf = (path: readonly (string | number)[]): number => {
    let best = -1;
    let bestLen = 0;
    columns.forEach((c, i) => {
      if (!c) return;
      const n = c.path.length;
      if (n > bestLen && n <= path.length && c.path.every((seg, k) => path[k] === seg)) {
        best = i;
        bestLen = n;
      }
    });
    return best + 1;
  };
  const combined: RawFolder = {
    dir: raw.dir,
    problems: raw.problems,
    files: [...raw.files.map((f) => replaced.get(f.rel) ?? f), ...added],
    position: (rel, path, at) => (rowOfRel.has(rel) ? { line: rowOfRel.get(rel)!, col: columnOf(path) } : raw.position(rel, path, at)),
  };
  const byRow = new Map<number, RowProblem[]>();
  const elsewhere: RowProblem[] = [];
  const rowName = (params: MessageParams | undefined): MessageParams | undefined => {
    if (!params || typeof params.other !== 'string' || !rowOfRel.has(params.other)) return params;
    return { ...params, other: { key: 'import.rowRef', params: { row: rowOfRel.get(params.other)! } } };
  };
  // A retired vocabulary entry is refused in a new value, as the register's write path refuses it.
  const retired = retiredEntriesChosen(folder, planned.map((p) => ({ rel: `${folderName}/${p.id}.yaml`, kind, before: p.before, after: p.record })), lang, (rel, path) => combined.position(rel, path));
  for (const p of [...checkFolder(combined).problems, ...retired] as Problem[]) {
    if (p.severity !== 'error') continue;
    const message: Message = p.message.key === 'problem.reachConflict'
      // Said by the sheet's columns, as they are headed in the user's language, not the fields'.
      ? { key: 'import.value.reachConflict', params: { municipalities: headerOf(kind, 'municipalities', lang), scope: headerOf(kind, 'scope', lang) } }
      : p.message.key === 'problem.schema.required' ? requiredInSheet(kind, p.message.params, lang, columns.some((c) => c?.field === p.message.params?.field))
      : { key: SHEET_WORDING[p.message.key] ?? p.message.key, params: rowName(p.message.params) };
    const row = rowOfRel.get(p.file) ?? (typeof p.message.params?.other === 'string' ? rowOfRel.get(p.message.params.other) : undefined);
    if (row !== undefined) {
      const own = rowOfRel.has(p.file);
      // A required field's problem is placed at its column, where the sheet has one.
      const requiredColumn = p.message.key === 'problem.schema.required' ? columns.findIndex((c) => c?.field === p.message.params?.field) : -1;
      if (own && requiredColumn >= 0) {
        const list = byRow.get(row) ?? [];
        list.push({ row, column: requiredColumn, message });
        byRow.set(row, list);
        continue;
      }
      const list = byRow.get(row) ?? [];
      list.push({ row, column: own && p.col > 0 ? p.col - 1 : undefined, message: own ? message : { key: 'import.row.clashesWith', params: { file: p.file, problem: message } } });
      byRow.set(row, list);
    } else elsewhere.push({ message: { key: 'import.folderProblem', params: { file: p.file, line: p.line, problem: message } } });
  }
  return { byRow, elsewhere };
}
