// find on a folder with errors says which files were left out (they could not be read) and which
// were searched as they stand (read, with errors), never that a file it lists from was left out.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { civsam } from '../helpers/cli.js';
import { baseFiles, makeFolder } from '../helpers/folder.js';

describe('find on a folder with errors', () => {
  it('a file read despite its error is searched and said so; one that could not be read is left out and said so', async () => {
    const dir = makeFolder(baseFiles());
    writeFileSync(join(dir, 'organisations/roed.yaml'), 'id: roed\nname: "Rød \\e[31mForening"\nkind: other\nareas: [psychiatry]\nscope: regional\nstatus: active\n');
    const one = await civsam(['find', 'rød', '--data', dir], { env: { CIVSAM_LANG: 'da', COLUMNS: '80' } });
    expect(one.code).toBe(0);
    expect(one.stdout).toContain('roed');
    expect(one.stderr).toBe('1 fil har fejl, men kunne læses, og dens post er med i søgningen, som den står; civsam validate viser fejlene.\n');
    writeFileSync(join(dir, 'organisations/brudt.yaml'), 'id: [brudt\n');
    const two = await civsam(['find', 'rød', '--data', dir]);
    expect(two.stderr).toBe('1 file has errors and was left out of the search; civsam validate lists it.\n1 file has errors but could be read, and its record is searched as it stands; civsam validate lists the errors.\n');
  });
});
