// A folder with errors is refused by every command that judges it whole; when the errors are in a
// few files, the refusal names them, so a civsam.yaml that stops every command is found at once.
import { describe, expect, it } from 'vitest';
import { civsam } from '../helpers/cli.js';
import { baseFiles, makeFolder, org } from '../helpers/folder.js';

const SETTINGS = 'region:\n  name: Region Test\n  website: https://region.example\nlanguage: da\npolicy:\n  max_share: 0,4\n';

describe('a folder with errors is refused by the files they are in, when they are few', () => {
  it('a decimal comma in civsam.yaml: validate says to write the number with a point; audit names civsam.yaml', async () => {
    const dir = makeFolder({ ...baseFiles(), 'civsam.yaml': SETTINGS });
    const v = await civsam(['validate', '--data', dir, '--lang', 'da'], { env: { COLUMNS: '200' } });
    expect(v.stdout.replace(/\s+/g, ' ')).toContain('civsam.yaml:6:14 Kontrollens politik: største andel til én organisation (max_share, mellem 0 og 1) skal være et tal skrevet med punktum som decimaltegn, ikke komma, og uden anførselstegn: fx 0.4, ikke 0,4.');
    const a = await civsam(['audit', '--data', dir, '--lang', 'da']);
    expect(a.code).toBe(2);
    expect(a.stderr).toMatch(/^fejl: datamappen \S+ har 1 fejl i civsam\.yaml, så civsam vil ikke arbejde på den\. Kør civsam validate for at se den, og ret den først\.\n$/);
  });

  it('near miss: errors in more than five files are counted, not named', async () => {
    const broken = Object.fromEntries(['a', 'b', 'c', 'd', 'e', 'f'].map((id) => [`organisations/${id}.yaml`, org(id, `Forening ${id}`).replace('status: active', 'status: aktiv')]));
    const r = await civsam(['audit', '--data', makeFolder({ ...baseFiles(), ...broken }), '--lang', 'da']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^fejl: datamappen \S+ har 6 fejl, så civsam vil ikke arbejde på den\. Kør civsam validate for at se dem, og ret dem først\.\n$/);
  });
});
