// A change that brings about a warning in a call (an application added to a call whose written
// list of applicants it now disagrees with) says that warning, as validate would, with the
// organisations by name.
import { describe, expect, it } from 'vitest';
import { civsam } from '../helpers/cli.js';
import { baseFiles, makeFolder, org } from '../helpers/folder.js';
import { todayIs } from '../helpers/today.js';

const CALL = 'id: c\ntitle: Opslaget\nareas: [psychiatry]\nscope: regional\npublished: 2026-01-01\ndeadline: 2027-02-01\nchannel: public\napplicants: [alpha]\n';
const EARLIER = 'id: c-alpha\ncall: c\norganisations: [alpha]\namount_dkk: 50000\nkind: operation\nreceived: 2026-11-01\n';
const folder = () => makeFolder({ ...baseFiles(), 'organisations/beta.yaml': org('beta', 'Beta Forening'), 'calls/c.yaml': CALL, 'applications/c-alpha.yaml': EARLIER });
const ADD = ['application', 'add', '--call', 'c', '--organisation', 'beta', '--amount', '60000', '--kind', 'operation', '--received', '2026-12-01', '--no-input', '--no-commit'];

describe('warnings a change brings about in a record it does not touch', () => {
  todayIs('2026-12-07');

  it('application add says the call now disagrees with its applications, by name', async () => {
    const dir = folder();
    const run = await civsam(['--data', dir, ...ADD], { env: { CIVSAM_LANG: 'da' } });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('Bemærk: efter ændringen viser civsam validate en ny advarsel:\n');
    expect(run.stderr).toContain('calls/c.yaml:8:1  advarsel: opslaget angiver ansøgere, men dets ansøgninger viser 1 organisation anderledes: Beta Forening. Fjern ansøgere (ansøgningerne siger det nu), eller ret det.\n');
    // validate shows the same, nothing the command did not say.
    expect((await civsam(['--data', dir, 'validate'], { env: { CIVSAM_LANG: 'da' } })).stdout).toContain('calls/c.yaml:8:1  advarsel: opslaget angiver ansøgere, men dets ansøgninger viser 1 organisation anderledes: Beta Forening.');
  });

  it('a dry run says it as what would happen; a change that brings none says nothing', async () => {
    const dry = await civsam(['--data', folder(), ...ADD, '--dry-run'], { env: { CIVSAM_LANG: 'da' } });
    expect(dry.stderr).toContain('Bemærk: efter ændringen ville civsam validate vise en ny advarsel:\n');
    const agreeing = makeFolder({ ...baseFiles(), 'organisations/beta.yaml': org('beta', 'Beta Forening'), 'calls/c.yaml': CALL.replace('[alpha]', '[alpha, beta]'), 'applications/c-alpha.yaml': EARLIER });
    const none = await civsam(['--data', agreeing, ...ADD], { env: { CIVSAM_LANG: 'da' } });
    expect(none.code).toBe(0);
    expect(none.stderr).not.toContain('advarsel');
  });
});
