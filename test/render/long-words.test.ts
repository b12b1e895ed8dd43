// A word wider than its column (a web address, an e-mail address, an id with hyphens, a run of
// emoji) is wrapped by the columns it takes: after a hyphen, a slash or a full stop inside an
// address where there is one, else anywhere, but never inside an emoji sequence nor between a
// letter and its combining mark. The table keeps its columns and its borders at 80 columns,
// rather than leaving out columns (or drawing a list) to give one word its whole width.
import { describe, expect, it } from 'vitest';
import { civsam } from '../helpers/cli.js';
import { baseFiles, makeFolder, org } from '../helpers/folder.js';
import { displayWidth, graphemes } from '../../src/output/text-width.js';
import { wrapText } from '../../src/output/table.js';

const FAMILY = '👨\u200D👩\u200D👧';
/** 60 characters, no hyphen and no slash after the scheme: only its full stops part it. */
const ADDRESS = 'https://www.angstogdepressionforeningenmidtjyllandsregion.dk';

describe('a long word in a table at 80 columns', () => {
  it('org list: a name that is a 60-character web address wraps inside its column after a full stop; the kind and the areas stay, every line ends at the border', async () => {
    expect(ADDRESS).toHaveLength(60);
    const dir = makeFolder({ ...baseFiles(), 'organisations/lys.yaml': org('lys', ADDRESS) });
    const r = await civsam(['org', 'list', '--data', dir, '--lang', 'da'], { env: { COLUMNS: '80' } });
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.split('\n').filter((l) => /^[┌│├└]/.test(l));
    for (const l of lines) expect(displayWidth(l)).toBe(80);
    // Only the id gives way, as it does in any org list at 80 columns; the kind and the areas stay.
    expect(lines[1]).toMatch(/^│ Navn +│ Art +│ Områder +│ Status │$/);
    expect(r.stderr).toBe('Denne kolonne er udeladt, så tabellen passer til vinduets bredde: Id. Den vises i et bredere vindue eller med --format md.\n');
    const cells = lines.filter((l) => l.startsWith('│')).map((l) => l.split('│')[1].trim());
    expect(cells).toContain('https://www.');
    expect(cells.join('')).toContain(ADDRESS);
  });

  it('wraps a run of emoji between its emoji, never inside a family', () => {
    const lines = wrapText(FAMILY.repeat(30), 21, 0, { inCell: true });
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines) {
      expect(displayWidth(l)).toBeLessThanOrEqual(21);
      expect(graphemes(l).every((g) => g === FAMILY)).toBe(true);
    }
  });

  it('wraps a long word with accents written apart (NFD) between its letters, each letter with its mark', () => {
    const word = 'A\u030a'.repeat(5) + 'o\u0308'.repeat(40);
    const lines = wrapText(`Navn ${word}`, 20, 0, { inCell: true });
    for (const l of lines) {
      expect(displayWidth(l)).toBeLessThanOrEqual(20);
      expect(/^\p{M}/u.test(l)).toBe(false);
    }
    expect(lines.join('')).toBe(`Navn ${word}`);
  });

  it('wraps an address with an emoji after its slashes and full stops where there are some', () => {
    expect(wrapText(`www.lys-i-mørket.dk/${FAMILY}/kontakt`, 14, 0, { inCell: true })).toEqual(['www.lys-i-', `mørket.dk/${FAMILY}/`, 'kontakt']);
  });
});
