// `org deactivate` of an organisation with agreements and offers still running: they are counted
// and what to do is said at once, not left for the audit to find later.
import { describe, expect, it } from 'vitest';
import { civsam } from '../helpers/cli.js';
import { baseFiles, makeFolder } from '../helpers/folder.js';

const agreement = (id: string, status: string) => `id: ${id}\ntitle: Aftale ${id}\norganisations: [alpha]\nregion_unit: Psykiatrien\nareas: [psychiatry]\nscope: regional\nstart: 2026-01-01\nstatus: ${status}\n`;
const offer = (id: string, until?: string) => `id: ${id}\norganisation: alpha\ntitle: Tilbud ${id}\ntype: peer-group\npatient_groups: [depression]\nareas: [psychiatry]\nscope: regional\nactive_from: 2026-01-01\n${until ? `active_until: ${until}\n` : ''}`;

describe('org deactivate with agreements and offers still running', () => {
  it('says how many and what to do; near miss: ended ones are not counted, and with none nothing is said', async () => {
    const dir = makeFolder({
      ...baseFiles(),
      'agreements/a1.yaml': agreement('a1', 'active'), 'agreements/a2.yaml': agreement('a2', 'active'), 'agreements/a3.yaml': agreement('a3', 'ended'),
      'offers/o1.yaml': offer('o1'), 'offers/o2.yaml': offer('o2', '2026-06-30'),
    });
    const r = await civsam(['--data', dir, 'org', 'deactivate', 'alpha', '--date', '2026-11-01', '--no-commit'], { env: { CIVSAM_LANG: 'da' } });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Bemærk: Alpha Forening har stadig 2 aktive aftaler og 1 igangværende tilbud. Oversigterne og de offentlige sider viser dem som igangværende, og civsam audit melder dem, indtil de er afsluttet med civsam agreement end AFTALE og civsam offer end TILBUD (civsam org show alpha viser dem).\n');
    // One offer and no active agreement: only the command that ends an offer, and "det" for it.
    const single = makeFolder({ ...baseFiles(), 'agreements/a3.yaml': agreement('a3', 'ended'), 'offers/o1.yaml': offer('o1') });
    const one = await civsam(['--data', single, 'org', 'deactivate', 'alpha', '--date', '2026-11-01', '--no-commit'], { env: { CIVSAM_LANG: 'da' } });
    expect(one.stderr).toContain('Bemærk: Alpha Forening har stadig 1 igangværende tilbud. Oversigterne og de offentlige sider viser det som igangværende, og civsam audit melder det, indtil det er afsluttet med civsam offer end TILBUD (civsam org show alpha viser det).\n');
    // One active agreement and no offer: "den", and only the command that ends an agreement; in English "it".
    const agreed = makeFolder({ ...baseFiles(), 'agreements/a1.yaml': agreement('a1', 'active') });
    const en = await civsam(['--data', agreed, 'org', 'deactivate', 'alpha', '--date', '2026-11-01', '--no-commit', '--dry-run'], { env: { CIVSAM_LANG: 'en' } });
    expect(en.stderr).toContain('Note: Alpha Forening still has 1 active agreement. The overviews and the public pages show it as running, and civsam audit reports it until it is ended with civsam agreement end AGREEMENT (civsam org show alpha shows it).\n');
    const da = await civsam(['--data', agreed, 'org', 'deactivate', 'alpha', '--date', '2026-11-01', '--no-commit'], { env: { CIVSAM_LANG: 'da' } });
    expect(da.stderr).toContain('viser den som igangværende, og civsam audit melder den, indtil den er afsluttet med civsam agreement end AFTALE (civsam org show alpha viser den).\n');
    const quiet = makeFolder({ ...baseFiles(), 'agreements/a3.yaml': agreement('a3', 'ended') });
    const q = await civsam(['--data', quiet, 'org', 'deactivate', 'alpha', '--no-commit'], { env: { CIVSAM_LANG: 'da' } });
    expect(q.code).toBe(0);
    expect(q.stderr).not.toContain('Bemærk');
  });
});
