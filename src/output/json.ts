// JSON as `JSON.stringify(value, null, 2)` writes it, handed on a piece at a time: a report of tens
// of megabytes (an audit of a large register) is never one string, and a long list can make each
// of its items only when that item is written (JsonList), so they are not all held at once.

import type { TextSink } from './table.js';

/**
 * A list whose items are made when written: `at(i)` makes item i. JSON.stringify sees the whole
 * list (through toJSON), so the value means the same to either writer.
 */
export class JsonList<T> {
  constructor(private readonly source: readonly T[], private readonly make: (item: T) => unknown) {}

  get length(): number {
    return this.source.length;
  }

  at(i: number): unknown {
    return this.make(this.source[i]);
  }

  toJSON(): unknown[] {
    return this.source.map((x) => this.make(x));
  }
}

/** How deep the writer walks before a value is written whole (a finding, a record: some kilobytes). */
const WALK_DEPTH = 2;

/** Writes `value` followed by a line break, exactly as `JSON.stringify(value, null, 2) + '\n'` would be. */
export function writeJson(value: unknown, sink: TextSink): void {
  if (!isContainer(value)) {
    sink(String(JSON.stringify(value, null, 2)) + '\n');
    return;
  }
  writeValue(value, '', 0, sink);
  sink('\n');
}

function isContainer(v: unknown): boolean {
  if (v instanceof JsonList || Array.isArray(v)) return true;
  if (v === null || typeof v !== 'object' || typeof (v as { toJSON?: unknown }).toJSON === 'function') return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** A value as JSON.stringify gives it inside a container: after toJSON; undefined when it leaves it out. */
function prepared(v: unknown, key: string): unknown {
  if (v !== null && typeof v === 'object' && !(v instanceof JsonList) && typeof (v as { toJSON?: unknown }).toJSON === 'function') {
    return (v as { toJSON(key: string): unknown }).toJSON(key);
  }
  return v;
}

const omitted = (v: unknown) => v === undefined || typeof v === 'function' || typeof v === 'symbol';

function writeValue(v: unknown, indent: string, depth: number, sink: TextSink): void {
  if (depth >= WALK_DEPTH || !isContainer(v)) {
    const text = JSON.stringify(v, null, 2);
    // JSON text holds no raw line break inside a string: every one starts a line to indent.
    sink(indent && text.includes('\n') ? text.replace(/\n/g, `\n${indent}`) : text);
    return;
  }
  const inner = `${indent}  `;
  if (v instanceof JsonList || Array.isArray(v)) {
    const list = v as JsonList<unknown> | unknown[];
    const n = list.length;
    if (n === 0) return sink('[]');
    sink('[\n');
    for (let i = 0; i < n; i++) {
      if (i > 0) sink(',\n');
      sink(inner);
      const item = prepared(list instanceof JsonList ? list.at(i) : list[i], String(i));
      if (omitted(item)) sink('null');
      else writeValue(item, inner, depth + 1, sink);
    }
    sink(`\n${indent}]`);
    return;
  }
  let first = true;
  for (const key of Object.keys(v as object)) {
    const item = prepared((v as Record<string, unknown>)[key], key);
    if (omitted(item)) continue;
    sink(first ? `{\n${inner}` : `,\n${inner}`);
    first = false;
    sink(`${JSON.stringify(key)}: `);
    writeValue(item, inner, depth + 1, sink);
  }
  sink(first ? '{}' : `\n${indent}}`);
}
