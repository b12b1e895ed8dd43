// `civsam init` copies the schemas with their shared definitions, so an editor that follows a
// record's `$schema` line into the new folder's schemas/ resolves every `$ref` there.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { civsam, ROOT } from '../helpers/cli.js';
import { makeFolder } from '../helpers/folder.js';

function refsIn(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => refsIn(n, out));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string') out.push(v);
      else refsIn(v, out);
    }
  }
  return out;
}

test('init copies common.schema.json beside the others, and every $ref resolves inside the copy', async () => {
  const parent = makeFolder({});
  const dir = join(parent, 'ny');
  expect((await civsam(['init', dir, '--no-commit'])).code).toBe(0);
  const copied = readdirSync(join(dir, 'schemas')).sort();
  expect(copied).toEqual(readdirSync(join(ROOT, 'schemas')).filter((f) => f.endsWith('.schema.json')).sort());
  expect(copied).toContain('common.schema.json');
  const load = (f: string) => JSON.parse(readFileSync(join(dir, 'schemas', f), 'utf8'));
  let count = 0;
  for (const f of copied) {
    for (const ref of refsIn(load(f))) {
      const [file, pointer] = ref.split('#');
      const target = load(file || f);
      const def = pointer.split('/').slice(1).reduce((n: Record<string, unknown> | undefined, part) => n?.[part] as Record<string, unknown> | undefined, target);
      expect(def, `${f}: ${ref}`).toBeTypeOf('object');
      count++;
    }
  }
  expect(count).toBeGreaterThan(50);
  const add = await civsam(['--data', dir, 'org', 'add', '--name', 'Første Forening', '--kind', 'other', '--areas', 'social', '--scope', 'regional', '--no-commit']);
  expect(add.code).toBe(0);
  expect(readFileSync(join(dir, 'organisations', 'foerste-forening.yaml'), 'utf8')).toMatch(/^# yaml-language-server: \$schema=\.\.\/schemas\/organisation\.schema\.json\n/);
});
