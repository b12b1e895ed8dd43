// A record given in a file (`add|edit --from-file`) read in the words the command line and the
// import take: a field named by its Danish label (`navn:`, `områder:`), a fixed value by its label
// (`patientforening`), a vocabulary entry or a record by its name (`Depression`). The words are the
// import's (its column headers, spreadsheets/import/columns.ts) and the resolver the flags' and the
// import's (domain/names.ts), taken exactly as the import takes a cell: a file is read with nobody
// there to see what a prefix picked, so a word that only begins a name is a suggestion, not a choice.
import type { DataFolder } from '../domain/folder.js';
import type { RecordKind, Target } from '../domain/kinds.js';
import { enumNames, targetNames, type NameIndex, type Resolution } from '../domain/names.js';
import { LANGUAGES } from '../i18n/define.js';
import { fieldLabel, messageOr } from '../i18n/values.js';
import { columnsOf, foldHeader, headerIndex, itemFieldName, type ColumnSpec, type ValueKind } from '../spreadsheets/import/columns.js';
import { FIELDS } from '../register/fields.js';
import type { PathSegment } from '../store/yaml-read.js';

type Rec = Record<string, unknown>;

/** A word in the file that names no value or entry (or several): where it is and what it was looked up in. */
export interface UnknownWord {
  path: PathSegment[];
  /** A record kind or vocabulary it should name, or the fixed values it should be one of. */
  names: { target: Target; index: NameIndex } | { values: readonly string[]; field?: string; index: NameIndex };
  resolution: Exclude<Resolution, { status: 'found' }>;
}

export interface FileWords {
  /** The record with its fields under their names and its values as the data holds them. */
  record: Rec;
  /** The key the file used for a field it named in other words, by the field's dotted path (`name` → `navn`, `contact.name` → `navn`, `funding.0.pool` → `pulje`). */
  keys: ReadonlyMap<string, string>;
  /** The record's own key that gave a field inside an object, as a sheet's header does, by the field's dotted path (`established_by.exemption.reason` → `undtagelse_begrundelse`). */
  flat: ReadonlyMap<string, string>;
  unknown: UnknownWord[];
}

/**
 * The fields of one object of the record (`[]` the record, `['contact']` its contact), each by every
 * word a sheet heads it by or `show` labels it with, in either language, folded.
 */
function levelWords(kind: RecordKind, prefix: readonly string[]): Map<string, string> {
  const under = (path: readonly string[]) => path.length > prefix.length && prefix.every((s, i) => path[i] === s);
  const words = new Map<string, string>();
  // A sheet's header names a field that is not an object (`kontaktperson` is the contact's name).
  for (const [word, column] of headerIndex(kind)) if (column.path.length === prefix.length + 1 && under(column.path)) words.set(word, column.path[prefix.length]);
  for (const field of new Set(columnsOf(kind).filter((c) => under(c.path)).map((c) => c.path[prefix.length]))) {
    for (const lang of LANGUAGES) {
      const label = prefix.length === 0 ? fieldLabel(lang, kind, field) : messageOr(lang, `label.${field}`, field);
      if (!words.has(foldHeader(label))) words.set(foldHeader(label), field);
    }
  }
  // A field's command-line flag names it in the file too (`amount` for an application's amount_dkk).
  if (prefix.length === 0) for (const spec of FIELDS[kind]) if (!spec.path.includes('.') && !words.has(foldHeader(spec.flag))) words.set(foldHeader(spec.flag), spec.path);
  return words;
}

/**
 * The column of a field inside an object that a key names as its command-line flag does
 * (`exemption-reason` for established_by.exemption.reason), so a file takes every key that mirrors
 * an option, as it takes a sheet's header for it.
 */
function flagColumn(kind: RecordKind, key: string): ColumnSpec | undefined {
  const word = foldHeader(key);
  const spec = FIELDS[kind].find((s) => s.path.includes('.') && foldHeader(s.flag) === word);
  return spec && columnsOf(kind).find((c) => c.field === spec.path);
}

const LEVEL_WORDS = new Map<string, Map<string, string>>();

/** The field a key of an object stands for: itself when it is one, else the field whose label or header it is. */
function fieldOfKey(kind: RecordKind, prefix: readonly string[], key: string): string | undefined {
  const at = `${kind}:${prefix.join('.')}`;
  let words = LEVEL_WORDS.get(at);
  if (!words) LEVEL_WORDS.set(at, (words = levelWords(kind, prefix)));
  return new Set(words.values()).has(key) ? key : words.get(foldHeader(key));
}

/**
 * The fields of a list's items (funding: pool, year, kind, amount_dkk) by every word a sheet's cell
 * or `show` names them with (pulje, år, art, beløb), in either language, folded, as the import reads them.
 */
function itemWords(kind: Extract<ValueKind, { type: 'items' }>): Map<string, string> {
  const words = new Map<string, string>();
  for (const f of kind.fields) {
    for (const word of [f.name, ...LANGUAGES.flatMap((lang) => [itemFieldName(f.name, lang), messageOr(lang, `label.${f.name}`, f.name)])]) {
      if (!words.has(foldHeader(word))) words.set(foldHeader(word), f.name);
    }
  }
  return words;
}

/** The items of a list of objects with their keys in other words renamed to their fields, as an object's are. */
function renamedItems(kind: Extract<ValueKind, { type: 'items' }>, items: readonly unknown[], path: readonly string[], keys: Map<string, string>): unknown[] {
  const words = itemWords(kind);
  const fields = new Set(kind.fields.map((f) => f.name));
  return items.map((item, i) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) return item;
    const given = item as Rec;
    const out: Rec = {};
    for (const [key, value] of Object.entries(given)) {
      const field = fields.has(key) ? key : words.get(foldHeader(key));
      const name = field !== undefined && field !== key && !Object.hasOwn(given, field) && !Object.hasOwn(out, field) ? field : key;
      if (name !== key) keys.set([...path, i, name].join('.'), key);
      out[name] = value;
    }
    return out;
  });
}

/**
 * An object of the record with its keys in other words renamed to their fields (a key whose field
 * the object gives as well is left, to be refused as unknown), and so each object in it and each
 * item of a list of objects; `keys` is told the key the file used, by the field's dotted path. On the
 * record's own level a sheet's header for a field inside an object (`undtagelse_begrundelse`,
 * `kontaktperson`) is read as that field, as the import reads it; `flat` is told its key by the field's path.
 */
function renamed(kind: RecordKind, given: Rec, prefix: readonly string[], keys: Map<string, string>, flat: Map<string, string>): Rec {
  const out: Rec = {};
  const headers = prefix.length === 0 ? headerIndex(kind) : undefined;
  const nested: Array<{ key: string; path: readonly string[]; value: unknown }> = [];
  for (const [key, value] of Object.entries(given)) {
    const field = fieldOfKey(kind, prefix, key);
    const deep = field === undefined && headers ? headers.get(foldHeader(key)) ?? flagColumn(kind, key) : undefined;
    if (deep && deep.path.length > 1) {
      nested.push({ key, path: deep.path, value });
      continue;
    }
    const name = field !== undefined && field !== key && !Object.hasOwn(given, field) && !Object.hasOwn(out, field) ? field : key;
    if (name !== key) keys.set([...prefix, name].join('.'), key);
    const path = [...prefix, name];
    const deeper = columnsOf(kind).some((c) => c.path.length > prefix.length + 1 && path.every((s, i) => c.path[i] === s));
    const items = columnsOf(kind).find((c) => c.path.length === path.length && path.every((s, i) => c.path[i] === s))?.value;
    out[name] = deeper && value !== null && typeof value === 'object' && !Array.isArray(value) ? renamed(kind, value as Rec, path, keys, flat)
      : items?.type === 'items' && Array.isArray(value) ? renamedItems(items, value, path, keys)
      : value;
  }
  // A field given both by its header and in its object (or by two headers) is left under the header, to be refused as unknown.
  for (const { key, path, value } of nested) {
    let node = out;
    let free = true;
    for (const step of path.slice(0, -1)) {
      const next = node[step];
      if (next === undefined) node = (node[step] = {}) as Rec;
      else if (next !== null && typeof next === 'object' && !Array.isArray(next)) node = next as Rec;
      else { free = false; break; }
    }
    const last = path[path.length - 1];
    if (free && !Object.hasOwn(node, last)) {
      node[last] = value;
      flat.set(path.join('.'), key);
    } else out[key] = value;
  }
  return out;
}

/**
 * The record a file gives, in the data's own terms: keys in other words renamed to their fields (a
 * key whose field the file gives as well is left, and refused as unknown), fixed values and
 * references that name exactly one value or entry replaced by it. A word that names none or several is
 * left as written and listed, so its problem can say what it may be meant for.
 */
export function fileWords(kind: RecordKind, given: Rec, folder: DataFolder): FileWords {
  const keys = new Map<string, string>();
  const flat = new Map<string, string>();
  const record = renamed(kind, given, [], keys, flat);
  const unknown: UnknownWord[] = [];
  const indexes = new Map<Target, NameIndex>();
  const indexOf = (target: Target) => {
    let index = indexes.get(target);
    if (!index) indexes.set(target, (index = targetNames(folder, target)));
    return index;
  };
  /** The value the word names, or the word itself (noted) when it names none or several. */
  const word = (value: string, kind: Extract<ValueKind, { type: 'enum' | 'ref' }>, path: PathSegment[]): string => {
    const field = [...path].reverse().find((s): s is string => typeof s === 'string');
    const names = kind.type === 'enum' ? { values: kind.values, ...(field ? { field } : {}), index: enumNames(kind.values, field) } : { target: kind.target, index: indexOf(kind.target) };
    if (names.index.has(value)) return value;
    const r = names.index.exact(value);
    if (r.status === 'found') return r.id;
    unknown.push({ path, names, resolution: r });
    return value;
  };
  const walk = (value: unknown, kind: ValueKind, path: PathSegment[]): unknown => {
    if (kind.type === 'enum' || kind.type === 'ref') return typeof value === 'string' ? word(value, kind, path) : value;
    if (kind.type === 'list' && Array.isArray(value)) return value.map((v, i) => walk(v, kind.item, [...path, i]));
    if (kind.type === 'items' && Array.isArray(value)) {
      return value.map((item, i) => {
        if (item === null || typeof item !== 'object' || Array.isArray(item)) return item;
        const out: Rec = { ...(item as Rec) };
        for (const f of kind.fields) if (out[f.name] !== undefined) out[f.name] = walk(out[f.name], f.value, [...path, i, f.name]);
        return out;
      });
    }
    return value;
  };
  for (const column of columnsOf(kind)) {
    let parent: unknown = record;
    for (const step of column.path.slice(0, -1)) parent = parent !== null && typeof parent === 'object' && !Array.isArray(parent) ? (parent as Rec)[step] : undefined;
    const last = column.path[column.path.length - 1];
    if (parent === null || typeof parent !== 'object' || Array.isArray(parent) || (parent as Rec)[last] === undefined) continue;
    if (parent !== record) parent = structuredCopyInto(record, column.path.slice(0, -1));
    (parent as Rec)[last] = walk((parent as Rec)[last], column.value, [...column.path]);
  }
  return { record, keys, flat, unknown };
}

/** The object at `path` in the record, copied in place so the given record is not changed. */
function structuredCopyInto(record: Rec, path: readonly string[]): Rec {
  let node = record;
  for (const step of path) {
    node[step] = { ...(node[step] as Rec) };
    node = node[step] as Rec;
  }
  return node;
}
