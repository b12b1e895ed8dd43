// The code's layout is its architecture: every import (type-only and lazy `import()` ones
// included) must point down the layer list below or stay inside its own folder, and no files may
// import each other in a circle. A new upward arrow or cycle fails the build here.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
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

/**
 * The imports a module runs as it loads: static ones that are not type-only (`import type`,
 * `export type` and a lazy `import()` load nothing at start). Package imports are kept by name.
 */
const STATIC = /^\s*(?:import|export)\s+(?!type\b)(?:[^'";]*?\bfrom\s*)?(['"])([^'"]+)\1/gm;
function staticImportsOf(file: string): string[] {
  // A module made by the build (src/generated/) imports nothing of the project's.
  if (!existsSync(file)) return [];
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(STATIC)].map((m) => (m[2]!.startsWith('.') ? resolve(dirname(file), m[2]!).replace(/\.js$/, '.ts') : `pkg:${m[2]}`));
}

/** Every module loaded when `start` is, with the module that first loads it. */
function loadedWith(start: string[]): Map<string, string | null> {
  const from = new Map<string, string | null>(start.map((f) => [f, null]));
  const queue = [...start];
  while (queue.length > 0) {
    const f = queue.shift()!;
    if (f.startsWith('pkg:')) continue;
    for (const t of staticImportsOf(f)) if (!from.has(t)) { from.set(t, f); queue.push(t); }
  }
  return from;
}

describe('what a read command loads as it starts', () => {
  // Reading the folder needs neither the writer nor the YAML library it edits files with (about
  // 30 ms to load): a command that only reads loads them only when it is to write or read a file
  // again for a message (a lazy import()).
  const READERS = ['validate', 'audit', 'overview-offers', 'overview-coverage', 'overview-funding', 'overview-expiring', 'record-show', 'record-list', 'call-ranking', 'consultation-plan', 'find'];
  for (const command of READERS) {
    it(`${command} loads neither the YAML library nor the writer`, () => {
      const loaded = loadedWith([join(src, 'cli', 'main.ts'), join(src, 'commands', `${command}.ts`)]);
      const path = (x: string): string => { const chain: string[] = []; for (let at: string | null | undefined = x; at; at = loaded.get(at)) chain.push(at.startsWith('pkg:') ? at : relative(src, at)); return chain.join(' ← '); };
      expect([...loaded.keys()].filter((m) => m === 'pkg:yaml' || m === join(src, 'store', 'yaml-write.ts')).map(path)).toEqual([]);
    });
  }

  it('the check follows runtime imports and skips type-only ones (a test of the test)', () => {
    const text = "import type { A } from './a.js';\nimport { B } from './b.js';\nexport { C } from './c.js';\nexport type { D } from './d.js';\nconst e = await import('./e.js');\nimport { f } from 'yaml';\n";
    expect([...text.matchAll(STATIC)].map((m) => m[2])).toEqual(['./b.js', './c.js', 'yaml']);
  });
});
