// A publish replaces or removes only files as civsam wrote them: the site's manifest keeps the size
// and CRC-32 of each. A page made or edited by hand is refused by name, the first ten of them named;
// a manifest of an earlier civsam (paths only) is read without the check and rewritten with the
// sums; and a publish stopped while its pages go into place leaves a manifest that takes each file,
// placed or not yet, as civsam's. (The command's words and the writer thread: cli.test.ts and
// write-thread.test.ts.)
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { UserError } from '../../src/domain/errors.js';
import { translate } from '../../src/i18n/index.js';
import { MANIFEST, writeSite } from '../../src/site/write-site.js';

const newFolder = () => join(mkdtempSync(join(tmpdir(), 'civsam-hand-')), 'site');
const pages = (text: string, count = 3): [string, string][] => Array.from({ length: count }, (_, i) => [`p${String(i).padStart(2, '0')}.html`, `${text} ${i}\n`]);
const refusal = (site: string, files: [string, string][]) => writeSite(site, 'site', files).then(() => undefined, (e: unknown) => e);
const shown = (e: unknown) => (e instanceof UserError ? translate('da', e.userMessage.key, e.userMessage.params) : String(e));

describe('files not as civsam wrote them', () => {
  test('more than eleven are counted after the first ten', async () => {
    const site = newFolder();
    await writeSite(site, 'site', pages('old', 14));
    for (const [path] of pages('old', 13)) writeFileSync(join(site, path), 'rettet\n');
    expect(shown(await refusal(site, pages('new', 14)))).toBe(`intet er udgivet: 13 filer i site ville blive erstattet eller fjernet, men de er ikke, som civsam skrev dem:\n${
      Array.from({ length: 10 }, (_, i) => `  – p${String(i).padStart(2, '0')}.html: ændret, siden civsam skrev den\n`).join('')
    }  og 3 flere\nFlyt dem ud af mappen for at beholde dem, eller angiv --overwrite for at lade civsam erstatte eller fjerne dem.`);
    // Eleven are named all.
    writeFileSync(join(site, 'p11.html'), 'old 11\n');
    writeFileSync(join(site, 'p12.html'), 'old 12\n');
    expect(shown(await refusal(site, pages('new', 14)))).toMatch(/ 11 filer .*\n(  – p\d\d\.html: .*\n){11}Flyt dem/);
  });

  test('a manifest of an earlier civsam (its paths only) is read without the check, and rewritten with the sums', async () => {
    const site = newFolder();
    await writeSite(site, 'site', pages('old'));
    writeFileSync(join(site, MANIFEST), '# Files written by `civsam publish`. civsam replaces and removes only these.\np00.html\np01.html\np02.html\n');
    writeFileSync(join(site, 'p01.html'), 'rettet i hånden\n');
    expect(await writeSite(site, 'site', pages('new').slice(0, 2))).toMatchObject({ written: 2, unchanged: 0, removed: 1 });
    expect(readFileSync(join(site, MANIFEST), 'utf8')).toMatch(/\np00\.html 6 [0-9a-f]{8}\np01\.html 6 [0-9a-f]{8}\n$/);
    // From now on the check is made.
    writeFileSync(join(site, 'p01.html'), 'rettet i hånden\n');
    expect(shown(await refusal(site, pages('newer').slice(0, 2)))).toContain('  – p01.html: ændret, siden civsam skrev den\n');
  });

  test('a publish that fails while its pages go into place leaves every file, placed or not, as civsam\'s to the next one', async () => {
    const site = newFolder();
    await writeSite(site, 'site', [...pages('old'), ['z.html', 'old z\n']]);
    // A folder where a page of the next publish goes: its page cannot be put in place, after
    // the pages before it were and before those after it.
    mkdirSync(join(site, 'p03.html'));
    writeFileSync(join(site, 'p03.html', 'x'), 'x\n');
    await expect(writeSite(site, 'site', [...pages('new', 4), ['z.html', 'new z\n']])).rejects.toThrow(expect.objectContaining({ code: expect.stringMatching(/^E[A-Z]+$/) }));
    expect(readFileSync(join(site, 'p00.html'), 'utf8')).toBe('new 0\n');
    expect(readFileSync(join(site, 'z.html'), 'utf8')).toBe('old z\n');
    rmSync(join(site, 'p03.html'), { recursive: true });
    expect(await writeSite(site, 'site', [...pages('newer', 4), ['z.html', 'newer z\n']])).toMatchObject({ written: 5, unchanged: 0, removed: 0 });
    expect(readdirSync(site).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    // Once in place, the manifest holds the new sums alone.
    expect(readFileSync(join(site, MANIFEST), 'utf8').split('\n').slice(1, -1).map((l) => l.split(' ').length)).toEqual([3, 3, 3, 3, 3]);
  });
});
