// A response recorded for an organisation that is not on the hearing list: said as that, with the
// command that puts it on the list, not as if nothing matched.
import { describe, expect, it } from 'vitest';
import { civsam } from '../helpers/cli.js';
import { baseFiles, makeFolder, org } from '../helpers/folder.js';

const OPEN = 'id: h\ntitle: Høring om angst\nareas: [psychiatry]\nopens: 2026-11-01\ndeadline: 2026-12-20\nselection: all\ninvited: [alpha]\nstatus: open\n';
const PARTY = 'id: alpha\norganisation: alpha\nareas: [psychiatry]\nsince: 2026-01-01\nstatus: active\n';

describe('consultation respond --party with an organisation not on the hearing list', () => {
  it('says it is an organisation not on the list and how to put it there; near miss: a name matching nothing', async () => {
    const dir = makeFolder({ ...baseFiles(), 'organisations/soestre.yaml': org('soestre', 'Søstre og Brødre'), 'consultations/h.yaml': OPEN, 'hearing-parties/alpha.yaml': PARTY });
    const respond = (party: string) => civsam(['--data', dir, 'consultation', 'respond', 'h', '--party', party, '--date', '2026-11-20', '--no-commit'], { env: { CIVSAM_LANG: 'da' } });
    const r = await respond('Søstre');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('fejl: Søstre og Brødre (soestre) er en organisation, men står ikke på høringslisten. Sæt den på listen med civsam hearing-party add --organisation soestre, og kør så dette igen.\n');
    const none = await respond('Hanne Jensen');
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('fejl: der er ingen høringspart, der passer til det, du angav ved --party.');
  });
});
