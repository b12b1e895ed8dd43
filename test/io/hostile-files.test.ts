// The loader must never crash, hang or silently change data, whatever a file holds.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { baseFiles, org } from '../helpers/folder.js';
import { problemsOf } from '../helpers/check.js';
import { makeFolder } from '../helpers/folder.js';
import { civsam } from '../helpers/cli.js';

const deep = (n: number) => 'id: x\nname: ' + '[{'.repeat(n) + '\n';

export const HOSTILE: Record<string, string | Uint8Array> = {
  'organisations/alias.yaml': org('alias', 'Alias').replace('areas: [psychiatry]', 'areas: &a [psychiatry]\nnotes: *a'),
  'organisations/tagged.yaml': org('tagged', 'Tagged').replace('name: Tagged', 'name: !custom Tagged'),
  'organisations/dupkey.yaml': org('dupkey', 'Dup') + 'status: inactive\n',
  'organisations/twodocs.yaml': org('twodocs', 'Two') + '---\nid: other\n',
  'organisations/huge.yaml': org('huge', 'Huge') + `notes: "${'x'.repeat(1024 * 1024)}"\n`,
  // "København" saved as Windows-1252: ø is the single byte 0xf8.
  'organisations/latin1.yaml': Buffer.from(org('latin1', 'Kxbenhavn').replace('Kxbenhavn', 'K\u00f8benhavn'), 'latin1'),
  'organisations/deep1.yaml': deep(500),
  'organisations/deep2.yaml': deep(3000),
  'organisations/directive.yaml': '%YAML 1.1\n---\n' + org('directive', 'Directive'),
  'organisations/zeros.yaml': org('zeros', 'Zeros').replace('status: active', 'status: active\ncvr: 01234567'),
  'organisations/merge.yaml': org('merge', 'Merge') + '<<: {notes: x}\n',
  'organisations/tabs.yaml': org('tabs', 'Tabs') + 'contact:\n\trole: formand\n',
  'organisations/empty.yaml': '# nothing here yet\n',
  'organisations/list.yaml': '- id: list\n',
  'organisations/.alpha.yaml.tmp-1234-abcd': 'partial: [',
  'organisations/bom.yaml': '\uFEFF' + org('bom', 'Bom'),
};

describe('hostile files', () => {
  it('each is refused with a located problem, and the rest of the folder is still read', async () => {
    const got = problemsOf({ ...baseFiles(), ...HOSTILE });
    expect(got).toEqual([
      'organisations/alias.yaml:5:11 yaml-alias',
      'organisations/alias.yaml:6:8 yaml-alias',
      'organisations/deep1.yaml:2:71 yaml-too-deep',
      'organisations/deep2.yaml:2:71 yaml-too-deep',
      'organisations/directive.yaml:1:1 yaml-directive',
      'organisations/dupkey.yaml:9:1 yaml-duplicate-key',
      'organisations/empty.yaml:1:1 file-empty',
      'organisations/huge.yaml:1:1 file-too-large',
      'organisations/latin1.yaml:3:8 file-encoding',
      'organisations/list.yaml:1:1 schema-type',
      'organisations/merge.yaml:9:1 schema-unknown-field',
      'organisations/tabs.yaml:10:1 yaml-tab',
      'organisations/tagged.yaml:3:7 yaml-tag',
      'organisations/twodocs.yaml:9:1 yaml-multiple-documents',
      'organisations/zeros.yaml:9:6 schema-type',
    ]);
  });

  it('the built binary reports them, exits 2 and prints no stack trace', async () => {
    const dir = makeFolder({ ...baseFiles(), ...HOSTILE });
    const r = await civsam(['validate', '--data', dir]);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(`${dir}/organisations/deep1.yaml:2:71  Brackets are nested more than 64 levels deep here`);
    expect(r.stdout).toContain(`${dir}/organisations/deep2.yaml:2:71  Brackets are nested`);
    expect(r.stdout).toContain(`${dir}/organisations/zeros.yaml:9:6  CVR number must be text.`);
    expect(r.stderr + r.stdout).not.toMatch(/\n\s+at .*:\d+:\d+\)?\n/);
    expect(r.stderr).toBe('15 errors in 14 files (20 files read).\n');
  });

  it('a BOM is accepted and the temporary file of an interrupted write is never read', async () => {
    expect(problemsOf({ ...baseFiles(), 'organisations/bom.yaml': HOSTILE['organisations/bom.yaml'], 'organisations/.alpha.yaml.tmp-1234-abcd': 'partial: [' })).toEqual([]);
  });

  it('values are never changed: a phone number stays text, with its spaces and plus', async () => {
    const { readFolder } = await import('../../src/store/load-folder.js');
    const dir = makeFolder({ ...baseFiles(), 'organisations/alpha.yaml': org('alpha', 'Alpha', '12345674', 'contact:\n  phone: "+45 0800 1234"\n  role: "0042"\n') });
    const f = readFolder(dir).files.find((x) => x.rel === 'organisations/alpha.yaml')!;
    expect((f.data as { contact: unknown }).contact).toEqual({ phone: '+45 0800 1234', role: '0042' });
  });
});

describe('a file name in another character set', () => {
  it('is an error naming the file, with and without the snapshot, never a record left out without a word', async () => {
    const dir = makeFolder({ ...baseFiles(), 'organisations/alpha.yaml': org('alpha', 'Alpha') });
    // "Århus-forening.yaml" as an old zip or share writes it: Å as the single Latin-1 byte 0xc5.
    writeFileSync(Buffer.concat([Buffer.from(`${dir}/organisations/`), Buffer.from([0xc5]), Buffer.from('rhus-forening.yaml')]), org('aarhus-forening', 'Aarhus Forening'));
    const cached = { CIVSAM_NO_CACHE: undefined, CIVSAM_CACHE_DIR: mkdtempSync(join(tmpdir(), 'civsam-cache-')), CIVSAM_SNAPSHOT_RACY_MS: '0' };
    const fresh = await civsam(['validate', '--data', dir]);
    expect(fresh.code).toBe(2);
    expect(fresh.stdout).toContain('organisations/\\xC5rhus-forening.yaml:1:1');
    expect(fresh.stdout).toContain("This file's name has a character that cannot be read as text");
    for (let run = 0; run < 2; run++) expect(await civsam(['validate', '--data', dir], { env: cached })).toEqual(fresh);
    const da = await civsam(['validate', '--data', dir], { env: { CIVSAM_LANG: 'da' } });
    expect(da.stdout).toContain('Omdøb filen til postens id');
  });
});
