// The code's layout is its architecture: every import (type-only and lazy `import()` ones
// included) must point down the layer list below or stay inside its own folder, and no files may
// import each other in a circle. A new upward arrow or cycle fails the build here.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src');

/**
 * Top-level folders of `src/`, lowest first. A folder may import from folders on its own row or
 * lower ones only when listed lower; folders on the same row may not import each other.
 */
const LAYERS: string[][] = [
  ['generated'],
  ['i18n'],
  ['domain'],
  ['store'],
  ['validate', 'hearing'],
  ['audit'],
  ['reports'],
  ['output'],
  ['context'],
  ['register', 'spreadsheets', 'site'],
  ['commands'],
  ['cli'],
];

const layerOf = new Map<string, number>();
LAYERS.forEach((row, i) => row.forEach((folder) => layerOf.set(folder, i)));

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : /\.ts$/.test(e.name) ? [join(dir, e.name)] : []);
}

const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)(['"])(\.{1,2}\/[^'"]+)\1/gm;

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(SPECIFIER)) {
    const target = resolve(dirname(file), m[2]!).replace(/\.js$/, '.ts');
    out.push(target.endsWith('.ts') ? target : target + '.ts');
  }
  return out;
}

const files = walk(src).filter((f) => !f.includes(`${join(src, 'generated')}/`) || f.endsWith('.d.ts'));
const graph = new Map(files.map((f) => [f, importsOf(f).filter((t) => t.startsWith(src + '/'))]));
const top = (f: string) => relative(src, f).split('/')[0]!.replace(/\.ts$/, '');

describe('import structure', () => {
  it('every top-level folder of src/ is in the layer list', () => {
    const unknown = [...new Set(files.map(top))].filter((t) => !layerOf.has(t));
    expect(unknown).toEqual([]);
  });

  it('no import runs upward or sideways between top-level folders', () => {
    const bad: string[] = [];
    for (const [from, targets] of graph) {
      for (const to of targets) {
        const a = top(from);
        const b = top(to);
        if (a === b) continue;
        if (!(layerOf.get(b)! < layerOf.get(a)!)) bad.push(`${relative(root, from)} -> ${relative(root, to)}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('no files import each other in a circle', () => {
    // Tarjan's strongly connected components; any component of two or more files is a cycle.
    let index = 0;
    const idx = new Map<string, number>();
    const low = new Map<string, number>();
    const stack: string[] = [];
    const on = new Set<string>();
    const cycles: string[][] = [];
    const visit = (v: string): void => {
      idx.set(v, index); low.set(v, index); index++;
      stack.push(v); on.add(v);
      for (const w of graph.get(v) ?? []) {
        if (!graph.has(w)) continue;
        if (!idx.has(w)) { visit(w); low.set(v, Math.min(low.get(v)!, low.get(w)!)); }
        else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
      }
      if (low.get(v) === idx.get(v)) {
        const comp: string[] = [];
        let w: string;
        do { w = stack.pop()!; on.delete(w); comp.push(relative(root, w)); } while (w !== v);
        if (comp.length > 1 || (graph.get(v) ?? []).includes(v)) cycles.push(comp.sort());
      }
    };
    for (const f of graph.keys()) if (!idx.has(f)) visit(f);
    expect(cycles).toEqual([]);
  });

  it('the check sees imports of every kind (a test of the test)', () => {
    const probe = join(src, 'probe.ts');
    const text = "import type { A } from './a.js';\nexport { B } from '../b.js';\nconst c = await import('./c/d.js');\nimport './e.js';\n";
    const found = [...text.matchAll(SPECIFIER)].map((m) => relative(src, resolve(dirname(probe), m[2]!)));
    expect(found).toEqual(['a.js', '../b.js', 'c/d.js', 'e.js']);
  });
});
