// The site states what the records show about a consultation's hearing list: "all" only when all
// were invited, the plain numbers when the audit finds an omission; and publish runs the audit
// first, refusing with --require-clean when it finds an error.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../../src/site/site.js';
import { civsam, ROOT } from '../helpers/cli.js';
import { baseFiles, makeFolder } from '../helpers/folder.js';
import { AS_OF, loadFiles, part, siteFiles, textOf } from '../publish/fixture.js';

function consultationText(files: Record<string, string>, id: string, lang: 'da' | 'en' = 'en'): string {
  const site = buildSite(loadFiles(files), { asOf: AS_OF, languages: [lang] });
  return textOf(part(site.get('consultations.html')!, `consultation-${id}`));
}

// k-open of the fixture, made a `selection: all` consultation of the three depression parties
// (hp-alpha, hp-beta, hp-aeble are all eligible on 2026-05-20).
function withOpen(invited: string, omitted = ''): Record<string, string> {
  return {
    ...siteFiles(),
    'consultations/k-open.yaml': `id: k-open\ntitle: Høring om pårørende\nareas: [psychiatry]\npatient_groups: [depression]\nopens: 2026-05-20\ndeadline: 2026-06-30\nselection: all\ninvited: [${invited}]\n${omitted}status: open\n`,
  };
}

describe('who was invited, as the site states it', () => {
  it('says "all" with the number when every relevant party was invited', () => {
    expect(consultationText(withOpen('hp-alpha, hp-beta, hp-aeble'), 'k-open')).toContain('Who was invited All 3 relevant organisations on the hearing list were invited');
  });

  it('states the numbers, and no "all", when an eligible party was left out (the planted omission)', () => {
    const text = consultationText(withOpen('hp-alpha, hp-beta'), 'k-open');
    expect(text).toContain('Who was invited 2 of 3 relevant organisations on the hearing list were invited; 1 was not invited');
    expect(text).not.toMatch(/\bAll\b|Every organisation/);
    const da = consultationText(withOpen('hp-alpha'), 'k-open', 'da');
    expect(da).toContain('Hvem blev inviteret 1 af 3 relevante organisationer på høringslisten blev inviteret; 2 blev ikke inviteret');
    expect(da).not.toMatch(/Alle/);
  });

  it('counts a party left out with a reason apart from one left out without', () => {
    const text = consultationText(withOpen('hp-alpha', 'omitted:\n  - party: hp-beta\n    reason: Inhabil i sagen\n'), 'k-open');
    expect(text).toContain('1 of 3 relevant organisations on the hearing list was invited; 1 was not invited; 1 was left out with a recorded reason');
  });

  it('gives seats, relevant parties and invitations for a limited consultation', () => {
    // k-open of the fixture: limited, 1 seat, hp-alpha invited, three eligible.
    expect(consultationText(siteFiles(), 'k-open')).toContain('1 seat among 3 relevant organisations on the hearing list; 1 was invited');
  });
});

describe('civsam publish runs the audit first', () => {
  const DATA = join(ROOT, 'data');

  it('prints the audit summary and publishes; --require-clean refuses the sample data (planted errors) with exit 2 and writes nothing', async () => {
    const out = join(makeFolder({}), 'site');
    const r = await civsam(['publish', '--data', DATA, '--out', out, '--as-of', '2026-11-23']);
    expect(r.code).toBe(0);
    expect(r.stderr.split('\n')[0]).toMatch(/^Audit before publishing: \d+ findings \(\d+ errors and \d+ warnings\) as of 23 Nov 2026\./);
    const out2 = join(makeFolder({}), 'site');
    const refused = await civsam(['publish', '--data', DATA, '--out', out2, '--as-of', '2026-11-23', '--require-clean'], { env: { CIVSAM_LANG: 'da' } });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/ikke udgivet: kontrollen fandt \d+ fejl pr\. 23\. nov\. 2026, og --require-clean var angivet/);
    expect(refused.stderr).not.toContain('Udgav');
  });

  it('publishes a clean folder with --require-clean (exit 0)', async () => {
    const data = makeFolder(baseFiles());
    const out = join(makeFolder({}), 'site');
    const r = await civsam(['publish', '--data', data, '--out', out, '--as-of', '2026-11-23', '--require-clean']);
    expect(r.stderr.split('\n')[0]).toBe('Audit before publishing: no findings as of 23 Nov 2026.');
    expect(r.code).toBe(0);
  });
});
