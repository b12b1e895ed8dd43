// A consultation sent out after its planned day (planned_opens), or despite an error in its hearing
// list (opened_despite, opened_despite_reason), is told as such in the høringsnotat (Markdown and
// HTML) and on the site's consultations page, as an early close is: what happened, and the region's reason.
import { describe, expect, test } from 'vitest';
import { buildSite } from '../../src/site/site.js';
import { civsam } from '../helpers/cli.js';
import { baseFiles, makeFolder, org, type Files } from '../helpers/folder.js';
import { todayIs } from '../helpers/today.js';
import { loadFiles, part, textOf } from '../publish/fixture.js';

const PARTY = (id: string) => `id: ${id}\norganisation: ${id}\nareas: [psychiatry]\nsince: 2020-01-01\nstatus: active\n`;
// Planned for 1 November, sent out 6 December with beta (eligible) left out: deadline 8 December 2026, alpha answered.
const SENT = [
  'id: h1', 'title: Sen høring', 'areas: [psychiatry]', 'opens: 2026-12-06', 'planned_opens: 2026-11-01', 'deadline: 2026-12-08', 'selection: all', 'invited: [alpha]',
  'responses:', '  - party: alpha', '    received: 2026-12-07', 'status: closed',
  'opened_despite: [hearing-omission]', 'opened_despite_reason: Beta høres særskilt', '',
].join('\n');
// Near miss: sent out on its planned day with nothing to open despite.
const ON_TIME = SENT.replace('planned_opens: 2026-11-01\n', '').replace('opened_despite: [hearing-omission]\nopened_despite_reason: Beta høres særskilt\n', '');

const files = (consultation: string): Files => ({
  ...baseFiles(), 'organisations/beta.yaml': org('beta', 'Beta'), 'hearing-parties/alpha.yaml': PARTY('alpha'), 'hearing-parties/beta.yaml': PARTY('beta'), 'consultations/h1.yaml': consultation,
});
const run = (dir: string, args: string[], lang = 'da') => civsam(['--data', dir, ...args], { env: { CIVSAM_LANG: lang, COLUMNS: '80' } });

todayIs('2026-12-10');

describe('the høringsnotat of a consultation sent out late and despite an error in its hearing list', () => {
  test('says when it was planned, what it was sent out despite and why, in both languages', async () => {
    const dir = makeFolder(files(SENT));
    const da = await run(dir, ['consultation', 'report', 'h1', '--format', 'md']);
    expect(da.code, da.stderr).toBe(0);
    expect(da.stdout.split('\n').slice(0, 8)).toEqual([
      '# Høringsnotat: Sen høring', '',
      'Høringen »Sen høring« løb fra 6. dec. 2026 til 8. dec. 2026 (2 dage). Høringen blev sendt til 1 part, som afgav høringssvar.', '',
      'Høringen var planlagt til at åbne 1. nov. 2026, men blev sendt ud senere; fristen regnes fra den dag, den blev sendt ud.', '',
      'Høringen blev sendt ud trods en fejl i høringslisten: Høringsberettiget part udeladt. Begrundelse for at sende høringen ud alligevel: Beta høres særskilt.', '',
    ]);
    const en = await run(dir, ['consultation', 'report', 'h1', '--format', 'md'], 'en');
    expect(en.stdout).toContain('\nIt was planned to open on 1 Nov 2026 but was sent out later; its deadline is counted from the day it was sent out.\n\n'
      + 'It was sent out despite an error in the hearing list: Eligible party left out of the hearing. Reason for sending it out anyway: Beta høres særskilt.\n');
    const page = (await run(dir, ['consultation', 'report', 'h1', '--format', 'html'])).stdout;
    expect(page).toContain('<p>Høringen var planlagt til at åbne 1. nov. 2026, men blev sendt ud senere; fristen regnes fra den dag, den blev sendt ud.</p>\n'
      + '<p>Høringen blev sendt ud trods en fejl i høringslisten: Høringsberettiget part udeladt. Begrundelse for at sende høringen ud alligevel: Beta høres særskilt.</p>');
  });

  test('near miss: sent out on its planned day with nothing to open despite, neither is said', async () => {
    const r = await run(makeFolder(files(ON_TIME)), ['consultation', 'report', 'h1', '--format', 'md']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toContain('planlagt');
    expect(r.stdout).not.toContain('trods');
  });
});

describe('the site\'s consultations page', () => {
  test('gives the planned day, the error it was sent out despite, and the reason', () => {
    const page = buildSite(loadFiles(files(SENT)), { asOf: '2026-12-10', languages: ['da', 'en'] });
    expect(textOf(part(page.get('consultations.html')!, 'consultation-h1'))).toContain(
      'Sendt i høring 6. dec. 2026 Oprindelig planlagt høringsstart 1. nov. 2026 Frist 8. dec. 2026 (2 dage) '
      + 'Sendt ud trods en fejl i høringslisten Høringsberettiget part udeladt Begrundelse for at sende høringen ud alligevel Beta høres særskilt');
    expect(textOf(part(page.get('en/consultations.html')!, 'consultation-h1'))).toContain(
      'Originally planned to open 1 Nov 2026 Deadline 8 Dec 2026 (2 days) Sent out despite an error in the hearing list Eligible party left out of the hearing Why it was sent out anyway Beta høres særskilt');
    // Near miss: on its planned day, with nothing to open despite, neither row is there.
    const onTime = textOf(buildSite(loadFiles(files(ON_TIME)), { asOf: '2026-12-10', languages: ['da'] }).get('consultations.html')!);
    expect(onTime).toContain('Sen høring');
    expect(onTime).not.toContain('planlagt høringsstart');
    expect(onTime).not.toContain('Sendt ud trods');
  });
});
