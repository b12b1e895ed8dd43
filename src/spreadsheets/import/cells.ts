// One cell's text turned into the value a record holds, by the column's kind: dates in Danish or
// ISO form, whole numbers with or without thousands separators, fixed values and vocabulary
// entries by name in either language, references by id (organisations also by CVR or name).
// Problems name the column and the item, never the cell's text (it may be personal data).
import { readDate } from '../../domain/dates.js';
import type { RecordKind, Target } from '../../domain/kinds.js';
import { nfc } from '../../domain/text.js';
import { typedCvr } from '../../domain/cvr.js';
import { readWholeNumber, readYear } from '../../domain/whole-numbers.js';
import type { Language, Message, MessageParams } from '../../i18n/index.js';
import type { ValueKind } from './columns.js';
import { foldHeader, itemFieldName } from './columns.js';
import { enumIndex, type VocabularyIndexes, type WordIndex } from './values.js';

export interface RecordLookup {
  ids: Record<RecordKind, ReadonlySet<string>>;
  /** Organisations by name (normalised) → id. */
  organisationNames: WordIndex;
  organisationCvr: ReadonlyMap<string, string>;
}

export interface CellContext {
  lang: Language;
  /** Separates several values in one cell: `,`, or `;` in a comma-separated file. Line breaks always do. */
  listSeparator: ',' | ';';
  vocabularies: VocabularyIndexes;
  records: RecordLookup;
}

export type CellResult = { value: unknown } | { absent: true } | { problem: Message };

const VOCABULARY_TARGETS = new Set<Target>(['patient-groups', 'municipalities', 'offer-types']);
const enumCache = new WeakMap<readonly string[], WordIndex>();

export function parseCell(cell: string, kind: ValueKind, ctx: CellContext): CellResult {
  // A cell's text is put in NFC like text from flags (a sheet made on a Mac may hold NFD).
  const text = nfc(cell);
  if (kind.type === 'text' && kind.verbatim) return text === '' || text.trim() === '' ? { absent: true } : { value: text };
  const t = text.trim();
  if (t === '') return { absent: true };
  switch (kind.type) {
    case 'text': return { value: t };
    case 'date': return parseDate(t);
    case 'integer': return wholeNumberCell(t, kind);
    case 'cvr': {
      const cvr = typedCvr(t);
      if (cvr) return { value: cvr.cvr };
      // Seven digits are most often a number whose leading nought a spreadsheet dropped.
      return { problem: t.replace(/\D/g, '').length === 7 ? { key: 'import.value.cvr' } : { key: 'cvr.invalid', params: { field: 'cvr' } } };
    }
    case 'enum': return one(t, kind, ctx, undefined);
    case 'ref': return one(t, kind, ctx, undefined);
    case 'list': {
      const parts = splitList(t, kind.lines ? undefined : ctx.listSeparator);
      if (!kind.lines && kind.item.type !== 'text') parts.splice(0, parts.length, ...parts.flatMap((p) => otherSeparatorParts(p, kind.item, ctx)));
      const out: unknown[] = [];
      for (let i = 0; i < parts.length; i++) {
        const r = kind.item.type === 'text' ? { value: parts[i] } : one(parts[i], kind.item, ctx, i + 1);
        // A value with a comma where values are separated by semicolons, not read as a list (a part
        // of it is not known either): the way to write several values is said after what is wrong.
        if ('problem' in r && ctx.listSeparator === ';' && parts[i].includes(',')) return { problem: { key: 'import.value.commaInList', params: { problem: r.problem } } };
        if ('problem' in r) return r;
        if ('value' in r) out.push(r.value);
      }
      return out.length ? { value: out } : { absent: true };
    }
    case 'items': return parseItems(t, kind, ctx);
  }
}

function one(t: string, kind: ValueKind, ctx: CellContext, item: number | undefined): CellResult {
  const itemParam: MessageParams = item === undefined ? {} : { item };
  if (kind.type === 'enum') {
    let index = enumCache.get(kind.values);
    if (!index) enumCache.set(kind.values, (index = enumIndex(kind.values)));
    const v = index.resolve(t);
    if (v !== undefined) return { value: v };
    const allowed = index.all(ctx.lang).join(', ');
    // The value meant, when one is near (`patientforen`: a cell takes no prefix), before every value allowed.
    const near = index.near(t, ctx.lang);
    if (near.length > 0) return { problem: { key: item === undefined ? 'import.value.enumNear' : 'import.value.enumNearItem', params: { ...itemParam, closest: near.join(', '), allowed } } };
    return { problem: { key: item === undefined ? 'import.value.enum' : 'import.value.enumItem', params: { ...itemParam, allowed } } };
  }
  if (kind.type === 'ref') {
    const target = kind.target;
    if (VOCABULARY_TARGETS.has(target)) {
      const index = ctx.vocabularies[target as keyof VocabularyIndexes];
      const v = index.resolve(t);
      if (v !== undefined) return { value: v };
      const key = index.ambiguous(t) ? (item === undefined ? 'import.value.ambiguous' : 'import.value.ambiguousItem') : item === undefined ? 'import.value.unknown' : 'import.value.unknownItem';
      return { problem: { key, params: { ...itemParam, target: { key: `kind.${target === 'patient-groups' ? 'patient-group' : target === 'municipalities' ? 'municipality' : 'offer-type'}` }, closest: index.closest(t, ctx.lang).join(', ') } } };
    }
    const kindOf = target as RecordKind;
    if (ctx.records.ids[kindOf].has(t)) return { value: t };
    if (kindOf === 'organisation') {
      const typed = typedCvr(t);
      const byCvr = typed && ctx.records.organisationCvr.get(typed.cvr);
      if (byCvr) return { value: byCvr };
      const byName = ctx.records.organisationNames.resolve(t);
      if (byName) return { value: byName };
      // Names to suggest only when there are any (a folder with no organisations yet has none).
      const closest = ctx.records.organisationNames.closest(t, ctx.lang);
      if (closest.length === 0) return { problem: { key: item === undefined ? 'import.value.unknownOrganisationNoneClose' : 'import.value.unknownOrganisationItemNoneClose', params: itemParam } };
      return { problem: { key: item === undefined ? 'import.value.unknownOrganisation' : 'import.value.unknownOrganisationItem', params: { ...itemParam, closest: closest.join(', ') } } };
    }
    return { problem: { key: item === undefined ? 'import.value.unknownRecord' : 'import.value.unknownRecordItem', params: { ...itemParam, target: { key: `kind.${kindOf}` } } } };
  }
  if (kind.type === 'date') return parseDate(t);
  if (kind.type === 'integer') return wholeNumberCell(t, kind);
  return { value: t };
}

/**
 * A value of a list cell with a semicolon in it where values are separated by commas (`Aarhus;
 * Randers` in an .xlsx cell: people write lists either way): split at the semicolons, unless the
 * value as it stands is a known one (a name with a semicolon in it), so it cannot be taken for
 * another value. The other way round (`Aarhus, Randers` in a comma-separated file, where a list is
 * separated by semicolons) only when, besides, every part is a known value: names keep their
 * commas there (`Calm, Together`).
 */
function otherSeparatorParts(part: string, item: ValueKind, ctx: CellContext): string[] {
  const other = ctx.listSeparator === ',' ? ';' : ',';
  if (!part.includes(other) || !('problem' in one(part, item, ctx, undefined))) return [part];
  const parts = splitList(part, other);
  // In a comma-separated file a value keeps its commas (`Calm, Together`), so `Aarhus, Randers` is
  // read as a list only when every part of it is a known value.
  if (other === ',' && parts.some((p) => 'problem' in one(p, item, ctx, undefined))) return [part];
  return parts;
}

/** Splits a cell holding several values; line breaks (Alt+Enter in Excel) always separate. */
export function splitList(t: string, separator: string | undefined): string[] {
  const parts = separator ? t.split(new RegExp(`[\\n${separator === ';' ? ';' : ','}]`)) : t.split('\n');
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

/** ISO dates as they are; Danish day-first dates (31-12-2026, 31.12.2026) turned into ISO. */
export function parseDate(t: string): CellResult {
  // A date a spreadsheet keeps as its day number (46027) shows as that number when the cell lost its
  // date format: said so, with what to do, rather than only that it is no date.
  if (/^\d{5}(?:[.,]\d+)?$/.test(t)) return { problem: { key: 'import.value.dateAsNumber' } };
  const m = /^(\d{1,2})[-.](\d{1,2})[-.](\d{4})$/.exec(t);
  const reading = readDate(m ? `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}` : t);
  if ('date' in reading) return { value: reading.date };
  return { problem: { key: reading.mistake === 'not-a-date' ? 'import.value.date' : 'import.value.noSuchDay' } };
}

/** Whole numbers: 450000, 450.000 or 450 000 (Danish), 450,000 (English); never decimals. */
export function parseInteger(t: string): CellResult {
  const n = readWholeNumber(withoutKroner(t), '. ,\u00a0');
  if (n !== undefined) return { value: n };
  return { problem: { key: 'import.value.integer' } };
}

/**
 * A cell's whole number by what it counts, read as the command line reads the same value: a year
 * only as four digits (`2.027` is refused as `--year 2.027` is, not read as 2027), an amount in
 * whole kroner with the words the command line gives for one with øre.
 */
function wholeNumberCell(t: string, kind: Extract<ValueKind, { type: 'integer' }>): CellResult {
  if (kind.of === 'year') {
    const year = readYear(t);
    return year !== undefined ? { value: year } : { problem: { key: 'import.value.expected', params: { expected: { key: 'register.expected.year' } } } };
  }
  const read = parseInteger(t);
  if (kind.of === 'amount' && 'problem' in read) return { problem: { key: 'import.value.expected', params: { expected: { key: 'register.expected.amount' } } } };
  return read;
}

/** The number of an amount written with its currency (`450.000 kr.`, `DKK 450,000`). */
function withoutKroner(t: string): string {
  return t.replace(/\s*(kr\.?|dkk)\s*$/i, '').replace(/^(kr\.?|dkk)\s*/i, '').trim();
}

/**
 * A list of objects in one cell: one line per item, `field=value` pairs separated by `;`, a value
 * in double quotes (JSON) when it holds `;`, `=`, a quote or a line break. Field names in English
 * or Danish: `pool=udviklingspuljen; year=2026; kind=development; amount_dkk=250000`.
 */
function parseItems(t: string, kind: Extract<ValueKind, { type: 'items' }>, ctx: CellContext): CellResult {
  const byName = new Map<string, (typeof kind.fields)[number]>();
  for (const f of kind.fields) {
    byName.set(foldHeader(f.name), f);
    byName.set(foldHeader(itemFieldName(f.name, 'da')), f);
  }
  const items: Record<string, unknown>[] = [];
  const lines = itemLines(t).map((l) => l.trim()).filter((l) => l !== '');
  for (let i = 0; i < lines.length; i++) {
    const item: Record<string, unknown> = {};
    const pairs = splitPairs(lines[i]);
    if (!pairs) return { problem: { key: 'import.value.items', params: { item: i + 1 } } };
    for (const [name, raw] of pairs) {
      const f = byName.get(foldHeader(name));
      if (!f) return { problem: { key: 'import.value.itemField', params: { item: i + 1, fields: kind.fields.map((x) => itemFieldName(x.name, ctx.lang)).join(', ') } } };
      const r = f.value.type === 'text' ? (raw === '' ? { absent: true as const } : { value: raw }) : one(raw, f.value, ctx, undefined);
      if ('problem' in r) return { problem: { key: 'import.value.itemValue', params: { item: i + 1, field: f.name, problem: r.problem } } };
      if ('value' in r) item[f.name] = r.value;
    }
    // The schema's field order, so a written record reads like a hand-written one.
    const orderedItem: Record<string, unknown> = {};
    for (const f of kind.fields) if (f.name in item) orderedItem[f.name] = item[f.name];
    items.push(orderedItem);
  }
  return items.length ? { value: items } : { absent: true };
}

function splitPairs(line: string): Array<[string, string]> | undefined {
  const out: Array<[string, string]> = [];
  let i = 0;
  while (i < line.length) {
    const eq = line.indexOf('=', i);
    if (eq < 0) return undefined;
    const name = line.slice(i, eq).trim();
    let j = eq + 1;
    while (line[j] === ' ') j++;
    let value: string;
    if (line[j] === '"') {
      let k = j + 1;
      while (k < line.length && line[k] !== '"') k += line[k] === '\\' ? 2 : 1;
      try {
        // A line break written as one (as export writes it) or as `\n` (as earlier exports did).
        value = JSON.parse(line.slice(j, k + 1).replace(/\r?\n/g, '\\n')) as string;
      } catch {
        return undefined;
      }
      j = k + 1;
      while (line[j] === ' ') j++;
      if (j < line.length && line[j] !== ';') return undefined;
    } else {
      const semi = line.indexOf(';', j);
      const end = semi < 0 ? line.length : semi;
      value = line.slice(j, end).trim();
      j = end;
    }
    out.push([name, value]);
    i = j + 1;
    while (line[i] === ' ') i++;
  }
  return out;
}

/**
 * The inverse of parseItems, for export: one line per item. A quoted value keeps its line breaks
 * as line breaks (an assessment's scores, one a line, as every other cell of several lines shows
 * them), not as `\n`; the quotes hold them inside their item.
 */
export function formatItems(items: readonly Record<string, unknown>[], lang: Language, format: (field: string, v: unknown) => string): string {
  return items.map((item) => Object.entries(item).map(([k, v]) => {
    const s = format(k, v);
    const name = itemFieldName(k, lang);
    return `${name}=${/[;="\n\\]|^\s|\s$/.test(s) || s === '' ? quoted(s) : s}`;
  }).join('; ')).join('\n');
}

/** A value in double quotes as JSON writes it, except that a line break stays one. */
function quoted(s: string): string {
  return JSON.stringify(s).replace(/\\(.)/g, (escape, c: string) => (c === 'n' ? '\n' : escape));
}

/** A cell's items, one a line: a line break inside a quoted value (`field="…"`) belongs to that value, not the next item. */
function itemLines(t: string): string[] {
  const lines: string[] = [];
  let start = 0;
  let inQuotes = false;
  for (let i = 0; i < t.length; i++) {
    const c = t[i];
    if (inQuotes && c === '\\') i++;
    else if (c === '"' && (inQuotes || /=\s*$/.test(t.slice(start, i)))) inQuotes = !inQuotes;
    else if (c === '\n' && !inQuotes) {
      lines.push(t.slice(start, i));
      start = i + 1;
    }
  }
  lines.push(t.slice(start));
  return lines;
}
