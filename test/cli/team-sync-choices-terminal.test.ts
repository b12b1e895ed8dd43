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

test('on a terminal, each field in conflict is shown with both values, yours and the shared one; written on standard output as data, not into the error; piped (a log), no value is written anywhere', async () => {
  const { bare, home } = sharedRegister({ ...baseFiles(), 'organisations/beta.yaml': org('beta', 'Beta Forening') });
  const anna = cloneAs('Anna', bare, home);
  const bo = cloneAs('Bo', bare, home);
  expect(anna.civsam(['org', 'edit', 'beta', '--notes', 'Møde 3. december', '--scope', 'national']).code).toBe(0);
  expect(anna.civsam(['sync']).code).toBe(0);
  expect(bo.civsam(['org', 'edit', 'beta', '--notes', 'Ringet op', '--scope', 'regional']).code).toBe(0);

  const { code, output } = await onTerminal(['--data', bo.dir, 'sync'], { env: { ...person('Bo'), CIVSAM_LANG: 'da' } }).exit();
  expect(code).toBe(2);
  const lines = output.split('\n');
  const at = lines.findIndex((l) => l.startsWith('  organisation beta (Beta Forening): begge har ændret'));
  expect(lines.slice(at, at + 4)).toEqual([
    '  organisation beta (Beta Forening): begge har ændret felterne »noter« og',
    '    »rækkevidde«',
    '    »noter«: din: Ringet op / fælles: Møde 3. december',
    '    »rækkevidde«: din: regional / fælles: landsdækkende',
  ]);

  const piped = bo.civsam(['sync'], { CIVSAM_LANG: 'da' });
  expect(piped.code).toBe(2);
  expect(piped.stderr).toContain('  organisation beta (Beta Forening): begge har ændret felterne »noter« og »rækkevidde«\n');
  expect(piped.stderr).not.toContain('Ringet op');
  expect(piped.stderr).not.toContain('din:');
  expect(piped.stdout).not.toContain('Ringet op');
});
