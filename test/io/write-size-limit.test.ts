// One size limit for every write: a change that would make a record file larger than the reader
// accepts (MAX_FILE_BYTES) is refused before anything is written, so no command can make the folder
// unreadable. Before, evaluations added one at a time were each accepted until the file passed the
// limit; then every command refused the folder.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { main } from '../../src/cli/main.js';
import { MAX_FILE_BYTES } from '../../src/store/yaml-read.js';
import { baseFiles, makeFolder } from '../helpers/folder.js';
import { civsam } from '../helpers/cli.js';

const SUMMARY = 20_000; // the schema's longest evaluation summary

/** An agreement whose evaluations bring its file to just under the limit. */
function nearlyFull(): { dir: string; file: string } {
  const summary = (n: number) => `Evaluering ${n}. ` + 'Gruppen mødes hver uge og har fundet sin form. '.repeat(Math.floor((SUMMARY - 20) / 47));
  const lines = [
    '# yaml-language-server: $schema=../../schemas/agreement.schema.json',
    'id: aftale-1', 'title: Samtalegrupper', 'organisations: [alpha]', 'region_unit: Psykiatrien', 'areas: [psychiatry]',
    'patient_groups: [depression]', 'municipalities: [aarhus]', 'start: 2020-01-01', 'status: active', 'evaluation_due: 2026-01-01', 'evaluations:',
  ];
  let size = Buffer.byteLength(lines.join('\n'));
  for (let n = 1; size + SUMMARY + 200 < MAX_FILE_BYTES - 5_000; n++) {
    const entry = `  - date: 2020-01-${String((n % 28) + 1).padStart(2, '0')}\n    summary: ${summary(n)}`;
    lines.push(entry);
    size += Buffer.byteLength(entry) + 1;
  }
  const dir = makeFolder({ ...baseFiles(), 'agreements/aftale-1.yaml': lines.join('\n') + '\n' });
  return { dir, file: join(dir, 'agreements', 'aftale-1.yaml') };
}

describe('a write that would pass the reader\'s size limit', () => {
  test('an evaluation that would push the agreement past the limit is refused; nothing is written; a shorter one goes in', async () => {
    const { dir, file } = nearlyFull();
    const before = readFileSync(file);
    expect(before.length).toBeGreaterThan(MAX_FILE_BYTES - 30_000);
    const valid = await civsam(['--data', dir, 'validate']);
    expect(valid.code, valid.stdout + valid.stderr).toBe(0);

    const long = 'Lang opsummering. '.repeat(1100); // 19,800 characters: one evaluation more than fits
    const r = await civsam(['--data', dir, 'agreement', 'evaluate', 'aftale-1', '--summary', long, '--date', '2026-01-02', '--no-commit']);
    expect(r.code).toBe(2);
    const size = Math.ceil((before.length + 19_800) / 1024);
    expect(r.stderr).toMatch(new RegExp(`^error: .*agreements/aftale-1\\.yaml would become (${size.toLocaleString('en-GB')}|${(size + 1).toLocaleString('en-GB')}) KiB, more than the 1 MiB civsam reads in one file; nothing was written\\. Shorten the text, or keep the long part \\(earlier evaluations, long notes\\) in a document elsewhere and refer to it\\.\\n$`));
    expect(r.stderr).not.toContain('Lang opsummering');
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(readdirSync(join(dir, 'agreements'))).toEqual(['aftale-1.yaml']);
    expect(existsSync(join(dir, '.civsam.lock'))).toBe(false);

    const da = await civsam(['--data', dir, '--lang', 'da', 'agreement', 'evaluate', 'aftale-1', '--summary', long, '--date', '2026-01-02', '--no-commit']);
    expect(da.code).toBe(2);
    expect(da.stderr).toMatch(/^fejl: .*agreements\/aftale-1\.yaml ville fylde \d\.\d{3} KiB, mere end de 1 MiB, civsam kan læse i én fil; intet er skrevet\. Gør teksten kortere, eller gem den lange del \(tidligere evalueringer, lange noter\) i et dokument et andet sted, og henvis til det\.\n$/);

    // The near miss: an evaluation that fits is written, and the folder still reads.
    const ok = await civsam(['--data', dir, 'agreement', 'evaluate', 'aftale-1', '--summary', 'Kort opsummering.', '--date', '2026-01-02', '--no-commit']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(statSync(file).size).toBeLessThanOrEqual(MAX_FILE_BYTES);
    expect((await civsam(['--data', dir, 'validate'])).code).toBe(0);
  });

  test('one huge value (2 MB of notes) is refused at once, before it is turned into YAML', async () => {
    const dir = makeFolder(baseFiles());
    const file = join(dir, 'organisations', 'alpha.yaml');
    const before = readFileSync(file);
    let stderr = '';
    const stream = (collect: (s: string) => void) => ({ write: collect, isTTY: false, columns: 80 });
    const started = Date.now();
    // In-process: a 2 MB argument is more than a system passes to a program on its command line.
    const code = await main(['--data', dir, 'org', 'edit', 'alpha', '--notes', 'x'.repeat(2_000_000), '--no-commit'],
      { CIVSAM_NO_CACHE: '1', NO_COLOR: '1', CIVSAM_LANG: 'en' }, { stdout: stream(() => {}), stderr: stream((s) => { stderr += s; }) }, '0');
    expect(code).toBe(2);
    expect(stderr).toMatch(/^error: .*organisations\/alpha\.yaml would become 1,954 KiB, more than the 1 MiB civsam reads in one file; nothing was written\./);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(readdirSync(join(dir, 'organisations'))).toEqual(['alpha.yaml']);
  });
});
