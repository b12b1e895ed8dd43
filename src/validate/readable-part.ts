// What the record rules may read of a file that failed its schema. Every value a schema problem
// points at is taken out (a field removed, an item of a list left as a hole), so what is left has
// the types the schema gives it, and a rule never speaks again about a value already reported.
// A field the schema found missing stays missing: rules that judge an absent field skip partial
// records (the absence may be this pruning's doing).
import type { PathSegment } from '../store/yaml-read.js';
import type { SchemaProblem } from './schema-problems.js';

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** A copy of `data` without the values its schema problems point at. */
export function readablePart<T>(data: T, problems: readonly Pick<SchemaProblem, 'rule' | 'path'>[]): T {
  const copy = structuredClone(data);
  for (const p of problems) {
    // A missing field's problem points at the object that lacks it; nothing there to take out.
    if (p.rule === 'schema-required' || p.path.length === 0) continue;
    remove(copy, p.path);
  }
  return copy;
}

function remove(root: unknown, path: readonly PathSegment[]): void {
  let node: unknown = root;
  for (let i = 0; i < path.length - 1; i++) {
    const seg = path[i];
    if (Array.isArray(node) && typeof seg === 'number') node = node[seg];
    else if (isObject(node) && typeof seg === 'string' && Object.hasOwn(node, seg)) node = node[seg];
    else return; // already taken out with a value above it
  }
  const last = path[path.length - 1];
  if (Array.isArray(node) && typeof last === 'number') {
    if (last < node.length) node[last] = undefined;
  } else if (isObject(node) && typeof last === 'string') {
    delete node[last];
  }
}
