// `call list` counts who was selected as `call close` and the site do: from the call's applications
// (granted in full or in part), or from the lists a call written the old way keeps; and
// --organisation finds a call an organisation applied to through an application.
import { describe, expect, it } from 'vitest';
import { civsam } from '../helpers/cli.js';
import { baseFiles, makeFolder, org, type Files } from '../helpers/folder.js';
import { todayIs } from '../helpers/today.js';

const CALL = (id: string, extra = '') => `id: ${id}\ntitle: Opslag ${id}\nareas: [psychiatry]\nscope: regional\npublished: 2026-01-05\ndeadline: 2026-02-01\nchannel: public\n${extra}status: closed\n`;
const app = (id: string, o: string, outcome: string) => `id: ${id}\ncall: c1\norganisations: [${o}]\namount_dkk: 1000\nkind: operation\nreceived: 2026-01-20\ndecision:\n  outcome: ${outcome}\n  date: 2026-03-01\n  amount_dkk: 500\n  reason: Begrundet\n`;
// c1: alpha granted, beta partly granted, gamma refused → 2 selected. c2, written the old way: alpha selected.
const files = (): Files => ({
  ...baseFiles(), 'organisations/beta.yaml': org('beta', 'Beta Forening'), 'organisations/gamma.yaml': org('gamma', 'Gamma Forening'),
  'calls/c1.yaml': CALL('c1'), 'calls/c2.yaml': CALL('c2', 'applicants: [alpha, beta]\nselected: [alpha]\n'),
  'applications/a1.yaml': app('a1', 'alpha', 'granted'), 'applications/a2.yaml': app('a2', 'beta', 'partly'), 'applications/a3.yaml': app('a3', 'gamma', 'refused'),
});
const run = (dir: string, args: string[], lang = 'da') => civsam(['--data', dir, ...args], { env: { CIVSAM_LANG: lang, COLUMNS: '80' } });

todayIs('2026-12-06');

describe('call list', () => {
  it('counts the selected from the applications granted in full or in part; near miss: a call written the old way keeps its list', async () => {
    const dir = makeFolder(files());
    const da = await run(dir, ['call', 'list', '--format', 'md']);
    expect(da.code, da.stderr).toBe(0);
    expect(da.stdout).toContain('| Id | Titel | Kanal | Offentliggjort | Frist | Valgt | Status |\n| --- | --- | --- | --- | --- | ---: | --- |\n'
      + '| c1 | Opslag c1 | offentligt | 5. jan. 2026 | 1. feb. 2026 | 2 | lukket |\n'
      + '| c2 | Opslag c2 | offentligt | 5. jan. 2026 | 1. feb. 2026 | 1 | lukket |\n');
    const en = await run(dir, ['call', 'list', '--format', 'csv'], 'en');
    expect(en.stdout).toContain('c1,Opslag c1,public,2026-01-05,2026-02-01,2,closed');
  });

  it('--organisation finds the call an organisation applied to through an application', async () => {
    const r = await run(makeFolder(files()), ['call', 'list', '--organisation', 'gamma', '--format', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('\nc1;Opslag c1;offentligt;2026-01-05;2026-02-01;2;lukket');
    expect(r.stdout).not.toContain('\nc2;');
  });
});
