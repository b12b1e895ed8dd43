// Records as the loader gives them: plain objects, lists, strings, numbers, booleans and null. The
// one meaning of "the same data" and of setting or removing a field by its path, shared by the
// register's flags, the import and the writer, so that what an import plans ("unchanged") and what
// the writer then does (nothing) cannot disagree. Pure.

export type Data = Record<string, unknown>;

/** A field's place in a record: `contact.name`, or its parts `['contact', 'name']`. */
export type FieldPath = string | readonly string[];

export function isPlainObject(v: unknown): v is Data {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/**
 * Deep equality of parsed data: an object's key order does not matter, a list's order does. Numbers
 * are equal as numbers: -0 is 0, and NaN (YAML's `.nan`) is NaN, so a file read back is the data
 * that was written.
 */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === 'number' && typeof b === 'number') return Number.isNaN(a) && Number.isNaN(b);
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => sameData(x, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    return keys.every((k) => Object.hasOwn(b, k) && sameData(a[k], b[k]));
  }
  return false;
}

function partsOf(path: FieldPath): readonly string[] {
  return typeof path === 'string' ? path.split('.') : path;
}

/** The value at a path; undefined when a part of the way is missing or not an object. */
export function getPath(data: Data, path: FieldPath): unknown {
  let node: unknown = data;
  for (const p of partsOf(path)) node = isPlainObject(node) ? node[p] : undefined;
  return node;
}

/** Sets the value at a path (in place). Missing parents are made; a parent that is not an object (a list, a text) becomes one. */
export function setPath(data: Data, path: FieldPath, value: unknown): void {
  const parts = partsOf(path);
  let node = data;
  for (const p of parts.slice(0, -1)) {
    if (!isPlainObject(node[p])) node[p] = {};
    node = node[p] as Data;
  }
  node[parts[parts.length - 1]] = value;
}

/**
 * Removes the field at a path (in place). A missing parent, or one that is not an object (it never
 * reaches into a list), means there is nothing to remove. An object the removal leaves empty goes
 * too, and so on upwards: an empty `contact:` would not be valid.
 */
export function deletePath(data: Data, path: FieldPath): void {
  const parts = partsOf(path);
  const chain: Data[] = [data];
  for (const p of parts.slice(0, -1)) {
    const next = chain[chain.length - 1][p];
    if (!isPlainObject(next)) return;
    chain.push(next);
  }
  delete chain[chain.length - 1][parts[parts.length - 1]];
  for (let i = chain.length - 1; i > 0 && Object.keys(chain[i]).length === 0; i--) delete chain[i - 1][parts[i - 1]];
}
