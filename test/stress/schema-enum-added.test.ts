// A value added to a schema's enum needs no code change: in a copy of the project with a new area
// and a new kind of organisation in its schemas, the build regenerates the model and `org add`,
// `org list --area`, the help and `validate` take the new values. Builds once (tsc: ~20 s or more).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, test } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
let copy = '';

function run(args: string[], cwd: string) {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', CIVSAM_LANG: 'en', LANG: 'C.UTF-8', LC_ALL: undefined, CIVSAM_DATA: undefined, CIVSAM_NO_CACHE: '1' };
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  const r = spawnSync(process.execPath, [join(copy, 'bin', 'civsam.js'), ...args], { cwd, env: env as NodeJS.ProcessEnv, encoding: 'utf8' });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

function editJson(file: string, change: (schema: any) => void): void {
  const schema = JSON.parse(readFileSync(file, 'utf8'));
  change(schema);
  writeFileSync(file, JSON.stringify(schema, null, 2) + '\n');
}

beforeAll(() => {
  copy = mkdtempSync(join(tmpdir(), 'civsam-schema-copy-'));
  // data/ too: `init` takes its model and vocabularies from there.
  for (const part of ['schemas', 'scripts', 'src', 'bin', 'data', 'package.json', 'tsconfig.json']) cpSync(join(ROOT, part), join(copy, part), { recursive: true });
  rmSync(join(copy, 'src', 'generated'), { recursive: true, force: true });
  symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir');
  editJson(join(copy, 'schemas', 'common.schema.json'), (s) => s.$defs.area.enum.push('addiction'));
  editJson(join(copy, 'schemas', 'organisation.schema.json'), (s) => s.properties.kind.enum.push('sports-club'));
  const build = spawnSync(process.execPath, [join(copy, 'scripts', 'build.js')], { cwd: copy, encoding: 'utf8' });
  expect(build.stderr + build.stdout).toBe('');
  expect(build.status).toBe(0);
}, 300_000);

afterAll(() => {
  if (copy) rmSync(copy, { recursive: true, force: true });
});

test('org add, list and validate accept a new area and organisation kind; the help offers them', () => {
  const parent = mkdtempSync(join(tmpdir(), 'civsam-schema-data-'));
  try {
    const data = join(parent, 'data');
    const init = run(['--lang', 'en', 'init', data, '--no-commit'], parent);
    expect([init.code, init.stderr]).toEqual([0, expect.any(String)]);
    // The new folder gets the shared definitions too, with the new area in them.
    expect(JSON.parse(readFileSync(join(data, 'schemas', 'common.schema.json'), 'utf8')).$defs.area.enum).toContain('addiction');

    const help = run(['--lang', 'en', 'org', 'add', '--help'], parent);
    expect(help.stdout).toContain('areas: social, psychiatry, health, addiction');
    expect(help.stdout).toMatch(/other,\s+sports-club\)/);

    const add = run(['--lang', 'en', '--data', data, 'org', 'add', '--name', 'Klubben', '--kind', 'sports-club', '--areas', 'addiction', '--scope', 'regional', '--no-commit'], parent);
    expect([add.code, add.stderr]).toEqual([0, expect.any(String)]);
    const file = readFileSync(join(data, 'organisations', 'klubben.yaml'), 'utf8');
    expect(file).toContain('kind: sports-club');
    expect(file).toMatch(/areas:\s*(\[addiction\]|\n\s*- addiction)/);

    const list = run(['--lang', 'da', '--data', data, 'org', 'list', '--area', 'addiction', '--format', 'json'], parent);
    expect([list.code, list.stderr]).toEqual([0, '']);
    expect(JSON.parse(list.stdout).map((o: { id: string }) => o.id)).toEqual(['klubben']);

    const validate = run(['--lang', 'en', '--data', data, 'validate'], parent);
    expect([validate.code, validate.stderr]).toEqual([0, expect.any(String)]);

    // A value the schemas ship without a label is shown as itself, in both languages.
    const exported = run(['--lang', 'da', '--data', data, 'export', 'organisations', '--format', 'csv'], parent);
    expect(exported.code).toBe(0);
    expect(exported.stdout).toContain('sports-club');
    expect(exported.stdout).toContain('addiction');
  } finally {
    rmSync(parent, { recursive: true, force: true });
  }
});

test('the unchanged project refuses the same values (the test can fail)', () => {
  expect(existsSync(join(ROOT, 'dist', 'cli', 'main.js'))).toBe(true);
  const parent = mkdtempSync(join(tmpdir(), 'civsam-schema-data-'));
  try {
    const data = join(parent, 'data');
    const own = (args: string[]) => spawnSync(process.execPath, [join(ROOT, 'bin', 'civsam.js'), ...args], { cwd: parent, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', CIVSAM_NO_CACHE: '1', CIVSAM_LANG: 'en' } });
    expect(own(['init', data, '--no-commit']).status).toBe(0);
    const add = own(['--data', data, 'org', 'add', '--name', 'Klubben', '--kind', 'sports-club', '--areas', 'addiction', '--scope', 'regional', '--no-commit']);
    expect(add.status).toBe(2);
    expect(existsSync(join(data, 'organisations', 'klubben.yaml'))).toBe(false);
  } finally {
    rmSync(parent, { recursive: true, force: true });
  }
});
