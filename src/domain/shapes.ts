// The record kinds' shapes as the schemas give them (through the model scripts/build.js generates):
// fields in schema order, enums, required lists. Flags, spreadsheet columns, the write path's field
// order and the filters read shape here, so a value or field added to a schema needs no code change.
import { ID_CODES, SHAPES, SHARED_ENUMS, type FieldShape, type Shape } from '../generated/schema-model.js';
import type { RecordKind } from './record-kinds.js';

export type { FieldShape, Shape } from '../generated/schema-model.js';

/** The region's areas, in the schema's order. */
export const AREAS = SHARED_ENUMS.area;
/** Each area's short form in agreement ids (`psyk` in `2026-psyk-004`), where the schema gives one. */
export const AREA_ID_CODES: { readonly [area: string]: string } = ID_CODES.area ?? {};
export type Area = (typeof AREAS)[number];
/** How far a record reaches when it lists no municipalities. */
export const SCOPES = SHARED_ENUMS.scope;
/** What a funding line pays for: a development project or operation. */
export const FUNDING_KINDS = SHARED_ENUMS['funding-kind'];

/** The range of a shared definition's whole numbers (`year`, `amount_dkk`), as its first use in the record schemas gives it. */
function rangeOf(def: string): { minimum: number; maximum: number } {
  let found: Shape | undefined;
  const walk = (node: Shape): void => {
    if (found) return;
    if (node.def === def) found = node;
    for (const alt of node.anyOf ?? []) walk(alt);
    if (node.items) walk(node.items);
    for (const f of node.fields ?? []) walk(f);
  };
  for (const shape of Object.values(SHAPES)) walk(shape);
  if (found?.minimum === undefined || found.maximum === undefined) throw new Error(`the schemas give no range for ${def}`);
  return { minimum: found.minimum, maximum: found.maximum };
}

// Worked out when first asked for (a walk of every schema's shape), not at the start of every command.
let years: { minimum: number; maximum: number } | undefined;
let amounts: { minimum: number; maximum: number } | undefined;

/** The years a record may name (a budget's, a funding line's, an application's). */
export function yearRange(): { minimum: number; maximum: number } {
  return (years ??= rangeOf('year'));
}

/** The whole kroner an amount may hold. */
export function amountRange(): { minimum: number; maximum: number } {
  return (amounts ??= rangeOf('amount_dkk'));
}

export function shapeOf(kind: RecordKind): Shape {
  return SHAPES[kind];
}

/** The kind's required top-level fields, in the schema's order. */
export function requiredOf(kind: RecordKind): readonly string[] {
  return SHAPES[kind].required;
}

/** The shape at a dotted path (`contact.email`; a list's items are stepped into by name, `funding.kind`). */
export function shapeAt(kind: RecordKind, path: string): Shape | undefined {
  let node: Shape | undefined = SHAPES[kind];
  for (const part of path.split('.')) {
    while (node?.items) node = node.items;
    node = node?.fields?.find((f) => f.name === part);
  }
  return node;
}

/** The values a field (or a list field's items) may take, when the schema fixes them. */
export function enumAt(kind: RecordKind, path: string): readonly string[] | undefined {
  const node = shapeAt(kind, path);
  return node?.enum ?? node?.items?.enum;
}

/** Every value of every enum in the record schemas, each once (for labels). */
export function allEnumValues(): string[] {
  const out = new Set<string>();
  const walk = (node: Shape): void => {
    for (const v of node.enum ?? []) out.add(v);
    if (node.items) walk(node.items);
    for (const f of node.fields ?? []) walk(f);
  };
  for (const shape of Object.values(SHAPES)) walk(shape);
  return [...out];
}

/** The names of the fields a schema holds a decimal number in (a criterion's weight), worked out when first asked for. */
export function decimalFields(): ReadonlySet<string> {
  if (!decimals) {
    const out = new Set<string>();
    const walk = (node: Shape): void => {
      if (node.type === 'number' && 'name' in node) out.add((node as FieldShape).name);
      for (const alt of node.anyOf ?? []) walk(alt);
      if (node.items) walk(node.items);
      for (const f of node.fields ?? []) walk(f);
    };
    for (const shape of Object.values(SHAPES)) walk(shape);
    decimals = out;
  }
  return decimals;
}
let decimals: ReadonlySet<string> | undefined;

/**
 * The kind's leaf fields in schema order: objects (contact, established_by) are stepped into and
 * give dotted paths; lists, of values or of objects, are leaves.
 */
export function leafFields(kind: RecordKind): Array<{ path: readonly string[]; shape: FieldShape }> {
  const out: Array<{ path: readonly string[]; shape: FieldShape }> = [];
  const walk = (fields: readonly FieldShape[], prefix: readonly string[]): void => {
    for (const f of fields) {
      const path = [...prefix, f.name];
      if (f.type === 'object' && f.fields) walk(f.fields, path);
      else out.push({ path, shape: f });
    }
  };
  walk(SHAPES[kind].fields, []);
  return out;
}

/** Each object's field names in schema order, by the object's dotted path ('' for the record; a list's items share the list's path). */
export function fieldOrders(kind: RecordKind | keyof typeof SHAPES): Map<string, readonly string[]> {
  const orders = new Map<string, readonly string[]>();
  const walk = (node: Shape, path: string): void => {
    if (node.fields) {
      orders.set(path, node.fields.map((f) => f.name));
      for (const f of node.fields) walk(f, path ? `${path}.${f.name}` : f.name);
    }
    if (node.items) walk(node.items, path);
  };
  walk(SHAPES[kind], '');
  return orders;
}
