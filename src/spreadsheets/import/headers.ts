// Which column of the spreadsheet holds which field: by header, in Danish or English, or by a
// --map file for headers civsam cannot know. A column civsam cannot place is an error, not
// silently dropped: its data would otherwise be lost without anyone noticing.
import type { RecordKind } from '../../domain/kinds.js';
import { translate, type Language, type Message, type MessageKey } from '../../i18n/index.js';
import { columnsOf, foldHeader, headerIndex, type ColumnSpec } from './columns.js';
import { distance } from './values.js';
import type { Sheet } from './sheet-rows.js';

/** What a --map file says: header text → a field (English name or Danish header), or null to ignore the column. */
export type HeaderMap = ReadonlyMap<string, string | null>;

export interface HeaderProblem {
  /** 0-based column index, or undefined for a problem about the sheet as a whole. */
  column?: number;
  message: Message;
}

export interface MappedHeader {
  /** For each column of the sheet: its field, or null when it is ignored (empty or mapped to ignore). */
  columns: Array<ColumnSpec | null>;
  problems: HeaderProblem[];
}

const IGNORE_WORDS = new Set(['ignore', 'ignorer', 'spring over', 'skip', '-']);

/** Reads a --map file's data: a mapping of header text to field name (or `ignore`). */
export function headerMapFrom(data: unknown): HeaderMap | undefined {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return undefined;
  const map = new Map<string, string | null>();
  for (const [header, field] of Object.entries(data as Record<string, unknown>)) {
    if (field === null) map.set(foldHeader(header), null);
    else if (typeof field === 'string') map.set(foldHeader(header), IGNORE_WORDS.has(field.trim().toLowerCase()) ? null : field);
    else return undefined;
  }
  return map;
}

/** Places each column of a sheet; problems name fields as the sheet heads them in `lang`, the language of the import. */
export function mapHeader(kind: RecordKind, headers: readonly string[], hasData: (column: number) => boolean, map: HeaderMap, lang: Language): MappedHeader {
  const index = headerIndex(kind);
  const problems: HeaderProblem[] = [];
  const columns: Array<ColumnSpec | null> = [];
  const taken = new Map<string, number>();
  headers.forEach((raw, i) => {
    const h = raw.trim();
    const folded = foldHeader(h);
    let spec: ColumnSpec | null | undefined;
    if (map.has(folded)) {
      const target = map.get(folded)!;
      if (target === null) spec = null;
      else {
        spec = index.get(foldHeader(target));
        if (!spec) {
          problems.push({ column: i, message: { key: 'import.header.mapUnknownField', params: { target, fields: fieldList(kind, lang) } } });
          spec = null;
        }
      }
    } else if (!folded) {
      if (hasData(i)) problems.push({ column: i, message: { key: 'import.header.empty' } });
      spec = null;
    } else {
      spec = index.get(folded);
      // The column civsam adds to a file of rejected rows (import --rejected) says why each row was
      // left out: read back after the rows are put right, it is no field, and no mistake either.
      if (!spec && (['da', 'en'] as const).some((l) => foldHeader(translate(l, 'import.rejectedHeader')) === folded)) spec = null;
      if (spec === undefined) {
        problems.push({ column: i, message: { key: 'import.header.unknown', params: { aKind: { key: `kind.a.${kind}` as MessageKey }, closest: closestFields(kind, h, lang) } } });
        spec = null;
      }
    }
    if (spec) {
      const first = taken.get(spec.field);
      if (first !== undefined) {
        // The other column as the sheet heads it (a header that names a field, never data).
        problems.push({ column: i, message: { key: 'import.header.twice', params: { field: spec.field, first: columnLetter(first), header: headers[first].trim() } } });
        spec = null;
      } else taken.set(spec.field, i);
    }
    columns.push(spec ?? null);
  });
  return { columns, problems };
}

function fieldList(kind: RecordKind, lang: Language): string {
  return columnsOf(kind).map((c) => c.header[lang]).join(', ');
}

/**
 * The three fields a header not known may be meant for, as the sheet heads them in the language
 * (`navn` in Danish, `name` in English): near any name the column is known by, shown by one.
 */
function closestFields(kind: RecordKind, header: string, lang: Language): string {
  const f = foldHeader(header);
  const scored = columnsOf(kind).map((c) => ({ c, d: Math.min(distance(f, foldHeader(c.field)), distance(f, foldHeader(c.header.da))) }));
  scored.sort((a, b) => a.d - b.d);
  return scored.slice(0, 3).map((s) => s.c.header[lang]).join(', ');
}

/** A column's letter as spreadsheets show it: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let s = '';
  let n = index + 1;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/**
 * Whether a header cell's text is one civsam knows for the kind (a field's name, its Danish header,
 * an alias, or a header the --map file names). Only such a text is quoted in a message: any other
 * may be data, as in a sheet without a header row, whose first row holds a person's name.
 */
export function isKnownHeader(kind: RecordKind, header: string, map: HeaderMap = new Map()): boolean {
  const folded = foldHeader(header.trim());
  return folded !== '' && (headerIndex(kind).has(folded) || map.has(folded));
}

/** A column as messages name it: `C (patientgrupper)` when its header is a known one, else only `C`. */
export function columnLabel(kind: RecordKind, header: string | undefined, column: number, map?: HeaderMap): string {
  const h = (header ?? '').trim();
  return h && isKnownHeader(kind, h, map) ? `${columnLetter(column)} (${h})` : columnLetter(column);
}

/** How far down a sheet its header row is looked for, below title rows. */
const HEADER_SEARCH_ROWS = 10;

/**
 * The sheet with its header row found: the first row, unless it (and any row after it) looks like a
 * title (one filled cell, as a merged title cell gives, or no header civsam knows) while a later row
 * among the first few holds at least two headers civsam knows. `titleRows` are the rows passed over.
 */
export function withHeaderRow(kind: RecordKind, sheet: Sheet, map: HeaderMap = new Map()): { sheet: Sheet; titleRows: number[] } {
  const all = [sheet.header, ...sheet.rows];
  const known = (cells: readonly string[]) => cells.filter((c) => isKnownHeader(kind, c, map)).length;
  const filled = (cells: readonly string[]) => cells.filter((c) => c.trim() !== '').length;
  if (known(sheet.header.cells) >= 2) return { sheet, titleRows: [] };
  for (let i = 1; i < Math.min(all.length, HEADER_SEARCH_ROWS); i++) {
    const before = all[i - 1].cells;
    if (filled(before) > 1 && known(before) > 0) break;
    if (known(all[i].cells) >= 2) {
      return { sheet: { ...sheet, header: all[i], rows: all.slice(i + 1) }, titleRows: all.slice(0, i).map((r) => r.row) };
    }
  }
  return { sheet, titleRows: [] };
}
