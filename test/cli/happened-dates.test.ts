// A day something happened (an organisation registered, its contact details confirmed) given by an
// option is not a day still to come: refused, nothing written; today and earlier are taken.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { civsam } from '../helpers/cli.js';
import { baseFiles, makeFolder } from '../helpers/folder.js';
import { todayIs } from '../helpers/today.js';

todayIs('2026-12-06');

describe('an option for a day that has been', () => {
  it('--contact-confirmed and --registered after today are refused in words, in Danish and English; today is taken', async () => {
    const dir = makeFolder(baseFiles());
    const before = readFileSync(join(dir, 'organisations/alpha.yaml'), 'utf8');
    const da = await civsam(['org', 'edit', 'alpha', '--contact-confirmed', '2027-01-01', '--no-commit', '--data', dir], { env: { CIVSAM_LANG: 'da' } });
    expect(da).toEqual({ code: 2, stdout: '', stderr: 'fejl: --contact-confirmed ligger efter i dag (6. dec. 2026): den angiver en dato, der er passeret, fx da oplysningerne blev bekræftet. Angiv dagens dato eller en tidligere.\n' });
    const en = await civsam(['org', 'edit', 'alpha', '--registered', '2026-12-07', '--no-commit', '--data', dir]);
    expect(en.code).toBe(2);
    expect(en.stderr).toContain('--registered is after today (6 Dec 2026)');
    expect(readFileSync(join(dir, 'organisations/alpha.yaml'), 'utf8')).toBe(before);
    // Near miss: today itself.
    const today = await civsam(['org', 'edit', 'alpha', '--registered', '2026-12-06', '--no-commit', '--data', dir]);
    expect(today.code).toBe(0);
  });
});
