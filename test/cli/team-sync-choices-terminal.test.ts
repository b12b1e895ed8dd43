// The choices a stopped sync offers, on a terminal 80 columns wide. Before, a long record id ran the
// command into its description (`civsam sync --mine consultation 2025-… kun for de` and the rest on
// the next line); now each command stands on its own line and its description under it.
import { expect, test } from 'vitest';
import { baseFiles, org } from '../helpers/folder.js';
import { onTerminal } from '../helpers/pty.js';
import { cloneAs, person, sharedRegister } from '../helpers/team.js';

const LONG = 'psykiatriforeningen-for-hele-midtjylland-og-omegn';

test('each choice\'s command on its own line, its description under it', async () => {
  const { bare, home } = sharedRegister({ ...baseFiles(), [`organisations/${LONG}.yaml`]: org(LONG, 'Psykiatriforeningen for hele Midtjylland') });
  const anna = cloneAs('Anna', bare, home);
  const bo = cloneAs('Bo', bare, home);
  expect(anna.civsam(['org', 'edit', LONG, '--notes', 'Anna']).code).toBe(0);
  expect(anna.civsam(['sync']).code).toBe(0);
  expect(bo.civsam(['org', 'edit', LONG, '--notes', 'Bo']).code).toBe(0);

  const { code, output } = await onTerminal(['--data', bo.dir, 'sync'], { env: { ...person('Bo'), CIVSAM_LANG: 'da' } }).exit();
  expect(code).toBe(2);
  const lines = output.split('\n');
  const at = lines.indexOf('Vælg for at gøre synkroniseringen færdig:');
  expect(lines.slice(at + 1, at + 9)).toEqual([
    '  civsam sync --mine',
    '      behold din version af det, der er i konflikt ovenfor; den fælles version',
    '        kasseres',
    '  civsam sync --theirs',
    '      tag den fælles version af det, der er i konflikt ovenfor; din kasseres',
    `  civsam sync --mine org ${LONG}`,
    '      kun for de poster, du nævner (art og navn eller id for hver); valget',
    '        gemmes, til alle er afgjort',
  ]);
});
