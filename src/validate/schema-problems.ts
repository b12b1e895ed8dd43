// Turns Ajv's errors into problems a person can act on: which field, what is wrong, what to do.
// Built from the schema's keyword and the field's path only, never from the value.
import type { ErrorObject } from 'ajv';
import type { Message } from '../i18n/index.js';
import type { PathSegment } from '../store/yaml-read.js';
import { amountRange, yearRange } from '../domain/shapes.js';
import { readWholeNumber } from '../domain/whole-numbers.js';
import { readDate } from '../domain/dates.js';

export interface SchemaProblem {
  rule: string;
  path: PathSegment[];
  at: 'key' | 'value';
  message: Message;
}

export function pathOf(instancePath: string): PathSegment[] {
  if (!instancePath) return [];
  return instancePath.slice(1).split('/').map((s) => {
    const seg = s.replace(/~1/g, '/').replace(/~0/g, '~');
    return /^(0|[1-9][0-9]*)$/.test(seg) ? Number(seg) : seg;
  });
}

/** `funding[1].kind`: how a field is named in messages. */
export function fieldName(path: readonly PathSegment[]): string {
  let out = '';
  for (const seg of path) out += typeof seg === 'number' ? `[${seg}]` : out ? `.${seg}` : seg;
  return out || '(record)';
}

/**
 * What is wrong with a value a date field holds, as the options say it: written YYYY-MM-DD but no day
 * of the calendar (2026-02-30), or not written so.
 */
function dateKey(value: unknown): Message['key'] {
  const reading = typeof value === 'string' ? readDate(value) : undefined;
  return reading && 'mistake' in reading && reading.mistake === 'no-such-day' ? 'problem.schema.noSuchDay' : 'problem.schema.formatDate';
}

const PATTERN_KEY: Record<string, Message['key']> = {
  '^[a-z0-9][a-z0-9-]{0,62}$': 'problem.schema.patternId',
  '^[0-9]{8}$': 'problem.schema.patternCvr',
  '^[0-9]{4}-[0-9]{2}-[0-9]{2}$': 'problem.schema.formatDate',
  '^https?://[^\\s]+$': 'problem.schema.patternUrl',
  '^\\+?[0-9 ]{8,20}$': 'problem.schema.patternPhone',
};

const FIELD_LIKE = /^[A-Za-z_][A-Za-z0-9_-]{0,62}$/;

/** Whether a key looks like a field name (one that does not is never named in a message: it may be a person's name). */
export const fieldLike = (key: string): boolean => FIELD_LIKE.test(key);

/** The value at a path in the data, if there is one. */
function valueAt(data: unknown, path: readonly PathSegment[]): unknown {
  let v = data;
  for (const seg of path) v = v !== null && typeof v === 'object' ? (v as Record<string | number, unknown>)[seg] : undefined;
  return v;
}

const isWithin = (path: string, at: string): boolean => path === at || path.startsWith(`${at}/`);

/**
 * When a value fits none of an anyOf/oneOf's choices, Ajv reports every choice's errors and then the
 * choice keyword's own. A choice whose type is not the value's type was not the one the user meant
 * (a criterion written as text was not meant as a mapping): its type error and the bare "does not
 * have the form" are left out, so only the problems of the choices of the value's type are said.
 * When no choice has the value's type, the first choice's type error alone is said.
 */
function meantChoices(errors: readonly ErrorObject[]): ErrorObject[] {
  const left = new Set<number>();
  errors.forEach((e, i) => {
    if ((e.keyword !== 'anyOf' && e.keyword !== 'oneOf') || (e.params as { passingSchemas?: unknown }).passingSchemas) return;
    // The choices' errors come just before, at the value or inside it.
    let start = i;
    while (start > 0 && isWithin(errors[start - 1].instancePath, e.instancePath)) start--;
    const block = [...Array(i - start).keys()].map((k) => start + k).filter((k) => !left.has(k));
    const mismatched = block.filter((k) => errors[k].keyword === 'type' && errors[k].instancePath === e.instancePath);
    if (mismatched.length === 0) return;
    const meant = block.length > mismatched.length;
    for (const k of meant ? mismatched : mismatched.slice(1)) left.add(k);
    left.add(i);
  });
  return errors.filter((_, i) => !left.has(i));
}

/**
 * A value outside its range, said as what is wrong with it: a year by the years it may be (written
 * as years are, without a thousands separator), an amount as negative or larger than the register
 * holds, any other number by the limit it passed.
 */
function rangeMessage(e: ErrorObject, field: string): Message {
  const below = e.keyword.endsWith('inimum');
  const def = /\$defs\/([a-z_-]+)\/[a-zA-Z]+$/.exec(e.schemaPath)?.[1];
  if (def === 'year') return { key: 'problem.schema.yearRange', params: { field, firstYear: yearRange().minimum, lastYear: yearRange().maximum } };
  if (def === 'amount_dkk') return below ? { key: 'problem.schema.amountNegative', params: { field } } : { key: 'problem.schema.amountTooLarge', params: { field, limit: amountRange().maximum } };
  return { key: below ? 'problem.schema.minimum' : 'problem.schema.maximum', params: { field, limit: Number(e.params.limit) } };
}

/** `data`: the data the errors are about, to say how long a text is (its length only, never the text). */
export function schemaProblems(errors: readonly ErrorObject[], data?: unknown): SchemaProblem[] {
  const out: SchemaProblem[] = [];
  const seen = new Set<string>();
  for (const e of meantChoices(errors)) {
    const path = pathOf(e.instancePath);
    const field = fieldName(path);
    let p: SchemaProblem | undefined;
    switch (e.keyword) {
      case 'required': {
        const missing = String(e.params.missingProperty);
        p = { rule: 'schema-required', path, at: 'value', message: { key: 'problem.schema.required', params: { field: fieldName([...path, missing]), key: missing } } };
        break;
      }
      case 'additionalProperties': {
        const extra = String(e.params.additionalProperty);
        // A key is the user's text: it is named only when it looks like a field name (a misplaced
        // "Mette Kaae: …" or a key with an escape code is pointed at by its position alone).
        // A key YAML reads as null (`null:`, `~:`) is "" in the data: said as a field with no name.
        p = extra === ''
          ? { rule: 'schema-unknown-field', path: [...path, extra], at: 'key', message: { key: 'problem.schema.unknownFieldNoName' } }
          : FIELD_LIKE.test(extra)
          ? { rule: 'schema-unknown-field', path: [...path, extra], at: 'key', message: { key: 'problem.schema.unknownField', params: { key: extra } } }
          : { rule: 'schema-unknown-field', path: [...path, extra], at: 'key', message: path.length === 0 ? { key: 'problem.schema.unknownFieldUnnamedTop' } : { key: 'problem.schema.unknownFieldUnnamed', params: { field: fieldName(path) } } };
        break;
      }
      case 'type': {
        const type = String(e.params.type);
        // A number too large for the computer (`1e400` reads as infinity) is a number: said as too large, not as text in quotes.
        const value = valueAt(data, path);
        const tooLarge = typeof value === 'number' && !Number.isFinite(value) && (type === 'number' || type === 'integer');
        const key = tooLarge ? 'problem.schema.numberTooLarge' : ({ string: 'problem.schema.typeString', integer: 'problem.schema.typeInteger', number: 'problem.schema.typeNumber', array: 'problem.schema.typeArray', object: 'problem.schema.typeObject' } as const)[type as 'string'] ?? 'problem.schema.typeOther';
        // A whole number written as people write one (`1.500.000`, `250 000`, `100.000,50`: text to
        // YAML) is said with how to write it, never with the number (an amount is the record's);
        // an amount is whole kroner, so øre written after a comma cannot be kept.
        const grouped = type === 'integer' && typeof value === 'string' && !/^\s*-?\d+\s*$/.test(value) ? readWholeNumber(value) : undefined;
        const amount = path.length > 0 && String(path[path.length - 1]).endsWith('_dkk');
        if (grouped !== undefined || (amount && typeof value === 'string' && /^\s*[+-]?[\d. ]*\d,\d+\s*$/.test(value))) {
          p = { rule: 'schema-type', path, at: 'value', message: { key: amount ? 'problem.schema.amountGrouped' : 'problem.schema.integerGroupedForm', params: { field } } };
          break;
        }
        // A decimal number written with a Danish decimal comma (`max_share: 0,4`, text to YAML): said
        // as how to write it, with a point.
        if (type === 'number' && typeof value === 'string' && /^\s*[+-]?\d*,\d+\s*$/.test(value)) {
          p = { rule: 'schema-type', path, at: 'value', message: { key: 'problem.schema.numberDecimalComma', params: { field } } };
          break;
        }
        // The whole file is not a mapping (a list, a lone value): said as what the file must hold.
        p = { rule: 'schema-type', path, at: 'value', message: path.length === 0 && type === 'object' ? { key: 'problem.schema.recordNotMapping' } : { key, params: { field, type } } };
        break;
      }
      case 'enum':
        // Each code with its label as the field says it (a hearing point's `partly` is "delvis imødekommet", a decision's "delvist bevilget").
        p = { rule: 'schema-value', path, at: 'value', message: { key: 'problem.schema.enum', params: { field, allowed: { codes: (e.params.allowedValues as unknown[]).map(String), field: [...path].reverse().find((k): k is string => typeof k === 'string') } } } };
        break;
      case 'format':
        p = { rule: 'schema-format', path, at: 'value', message: { key: e.params.format === 'date' ? dateKey(valueAt(data, path)) : 'problem.schema.formatEmail', params: { field } } };
        break;
      case 'pattern': {
        const key = PATTERN_KEY[String(e.params.pattern)] ?? 'problem.schema.patternOther';
        // A value right but for a space before or after it (a no-break space copied along, which
        // cannot be seen): that space is what to mend, not the form. A BOM is said as a character of
        // its own (control-character).
        const value = valueAt(data, path);
        const shown = typeof value === 'string' ? value.replace(/\uFEFF/g, '') : undefined;
        if (shown !== undefined && shown.trim() !== shown && new RegExp(String(e.params.pattern), 'u').test(shown.trim())) {
          p = { rule: 'schema-format', path, at: 'value', message: { key: 'problem.schema.edgeSpace', params: { field } } };
          break;
        }
        p = { rule: 'schema-format', path, at: 'value', message: { key: key === 'problem.schema.formatDate' ? dateKey(valueAt(data, path)) : key, params: { field } } };
        break;
      }
      case 'minItems':
        p = { rule: 'schema-length', path, at: 'value', message: { key: 'problem.schema.minItems', params: { field, limit: Number(e.params.limit) } } };
        break;
      case 'minLength':
        p = { rule: 'schema-length', path, at: 'value', message: { key: 'problem.schema.minLength', params: { field } } };
        break;
      case 'maxLength': {
        // Said as a count of characters, as the schema counts them (code points), so the words agree
        // with any field's name and the user knows how much to cut.
        const value = valueAt(data, path);
        const limit = Number(e.params.limit);
        p = { rule: 'schema-length', path, at: 'value', message: typeof value === 'string' ? { key: 'problem.schema.textTooLong', params: { field, limit, length: [...value].length } } : { key: 'problem.schema.maxLength', params: { field, limit } } };
        break;
      }
      case 'maxItems':
        p = { rule: 'schema-length', path, at: 'value', message: { key: 'problem.schema.maxItems', params: { field, limit: Number(e.params.limit) } } };
        break;
      case 'minProperties':
      case 'maxProperties':
        p = { rule: 'schema-exactly-one', path, at: 'value', message: { key: 'problem.schema.exactlyOne', params: { field } } };
        break;
      case 'minimum':
      case 'maximum':
      case 'exclusiveMinimum':
      case 'exclusiveMaximum':
        p = { rule: 'schema-range', path, at: 'value', message: rangeMessage(e, field) };
        break;
      case 'uniqueItems':
      {
        // Point at the second occurrence: that is the one to remove.
        const [first, second] = [Number(e.params.i), Number(e.params.j)].sort((a, b) => a - b);
        p = { rule: 'schema-duplicate', path: [...path, second], at: 'value', message: { key: 'problem.schema.uniqueItems', params: { field, first: first + 1, second: second + 1 } } };
        break;
      }
      default:
        p = { rule: 'schema-other', path, at: 'value', message: { key: 'problem.schema.other', params: { field } } };
    }
    // A date breaks both its pattern and its format: say it once. Each missing field is its own
    // problem (they share the path of the record that lacks them).
    const k = `${p.rule}|${p.path.join('/')}|${p.message.key}|${String(p.message.params?.field ?? '')}`;
    if (!seen.has(k)) {
      seen.add(k);
      out.push(p);
    }
  }
  return out;
}
