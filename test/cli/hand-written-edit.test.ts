// `org edit` on a file written by hand: the file changes only in the changed field's lines, and the
// dry run's diff shows only those (no schema line comes in, no comment loses its spacing).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { baseFiles, makeFolder } from '../helpers/folder.js';
import { civsamInProcess } from '../helpers/in-process.js';

const HAND_WRITTEN = [
  'id: haand',
  "name: 'Håndskrevet Forening'   # navnet som de selv skriver det",
  'kind: patient-association',
  'areas:',
  '  - health      # sundhed',
  '  - psychiatry',
  'status: active',
  'scope: regional',
  'notes: |',
  '  Første linje.',
  '  Anden linje.',
  '',
].join('\n');

test('org edit --notes changes the notes lines only; the dry run shows just those', async () => {
  const dir = makeFolder({ ...baseFiles(), 'organisations/haand.yaml': HAND_WRITTEN });
  const file = join(dir, 'organisations/haand.yaml');
  const args = ['--data', dir, 'org', 'edit', 'haand', '--notes', 'Ny note med: kolon og # hash', '--no-commit'];
  const dry = await civsamInProcess([...args, '--dry-run'], { CIVSAM_LANG: 'da' });
  expect(dry.code, dry.stderr).toBe(0);
  expect(dry.stdout.replaceAll(`${dir}/`, '')).toBe([
    '--- organisations/haand.yaml',
    '+++ organisations/haand.yaml',
    '…',
    ' status: active',
    ' scope: regional',
    '-notes: |',
    '-  Første linje.',
    '-  Anden linje.',
    '+notes: "Ny note med: kolon og # hash"',
    '',
  ].join('\n'));
  const r = await civsamInProcess(args, { CIVSAM_LANG: 'da' });
  expect(r.code, r.stderr).toBe(0);
  expect(readFileSync(file, 'utf8')).toBe(HAND_WRITTEN.replace('notes: |\n  Første linje.\n  Anden linje.\n', 'notes: "Ny note med: kolon og # hash"\n'));
  // A second edit of another field: the first one's line and every other stay as they are.
  const again = await civsamInProcess(['--data', dir, 'org', 'edit', 'haand', '--name', 'Ny Forening', '--no-commit'], { CIVSAM_LANG: 'da' });
  expect(again.code, again.stderr).toBe(0);
  expect(readFileSync(file, 'utf8')).toBe(HAND_WRITTEN
    .replace("name: 'Håndskrevet Forening'   #", "name: 'Ny Forening'   #")
    .replace('notes: |\n  Første linje.\n  Anden linje.\n', 'notes: "Ny note med: kolon og # hash"\n'));
});

test('a file with Windows line endings: the dry run shows its lines as they read, and the edit keeps the line endings', async () => {
  const crlf = HAND_WRITTEN.replace(/\n/g, '\r\n');
  const dir = makeFolder({ ...baseFiles(), 'organisations/haand.yaml': crlf });
  const args = ['--data', dir, 'org', 'edit', 'haand', '--name', 'Ny Forening', '--no-commit'];
  const dry = await civsamInProcess([...args, '--dry-run'], { CIVSAM_LANG: 'da' });
  expect(dry.code, dry.stderr).toBe(0);
  expect(dry.stdout.replaceAll(`${dir}/`, '')).toBe([
    '--- organisations/haand.yaml',
    '+++ organisations/haand.yaml',
    ' id: haand',
    "-name: 'Håndskrevet Forening'   # navnet som de selv skriver det",
    "+name: 'Ny Forening'   # navnet som de selv skriver det",
    ' kind: patient-association',
    ' areas:',
    '',
  ].join('\n'));
  const r = await civsamInProcess(args, { CIVSAM_LANG: 'da' });
  expect(r.code, r.stderr).toBe(0);
  expect(readFileSync(join(dir, 'organisations/haand.yaml'), 'utf8')).toBe(crlf.replace("'Håndskrevet Forening'", "'Ny Forening'"));
});
