// `consultation plan` of a planned consultation that no party on the hearing list may be heard in:
// the plan says so, and what follows it says there is nothing to write in, not how to write it.
import { describe, expect, it } from 'vitest';
import { civsam } from '../helpers/cli.js';
import { baseFiles, makeFolder } from '../helpers/folder.js';

const PLANNED = 'id: h\ntitle: Høring om diabetes\nareas: [health]\nopens: 2026-12-10\ndeadline: 2027-01-20\nselection: all\nstatus: planned\n';
const PARTY = 'id: alpha\norganisation: alpha\nareas: [psychiatry]\nsince: 2026-01-01\nstatus: active\n';

describe('consultation plan with no eligible party', () => {
  it('ends by saying there is nothing to write into the consultation; near miss: with a party, how to write it in', async () => {
    const none = makeFolder({ ...baseFiles(), 'consultations/h.yaml': PLANNED, 'hearing-parties/alpha.yaml': PARTY });
    const r = await civsam(['--data', none, 'consultation', 'plan', 'h', '--as-of', '2026-12-01'], { env: { CIVSAM_LANG: 'da', COLUMNS: '80' } });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Ingen høringspart er høringsberettiget til denne høring');
    expect(r.stderr).toBe('Forslaget nævner ingen høringsparter, så der er intet at skrive ind i høringen.\n');
    const one = makeFolder({ ...baseFiles(), 'consultations/h.yaml': PLANNED.replace('[health]', '[psychiatry]'), 'hearing-parties/alpha.yaml': PARTY });
    const r2 = await civsam(['--data', one, 'consultation', 'plan', 'h', '--as-of', '2026-12-01'], { env: { CIVSAM_LANG: 'da', COLUMNS: '80' } });
    expect(r2.stderr).toBe('Skriv forslaget ind i høringen med: civsam consultation plan h --apply\n');
  });
});
