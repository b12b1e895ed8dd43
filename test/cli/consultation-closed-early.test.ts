// A consultation closed before its deadline (`consultation close --early --reason`) is told as such
// wherever it is described: the høringsnotat and the table report say it closed early, on which day
// and why (and no longer that answers may still come), and the site's past consultations say it too.
// The table report carries the høringsnotat's summary: each point, the region's position and why.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildSite } from '../../src/site/site.js';
import { civsam } from '../helpers/cli.js';
import { baseFiles, makeFolder, org, type Files } from '../helpers/folder.js';
import { todayIs } from '../helpers/today.js';
import { loadFiles, part, textOf } from '../publish/fixture.js';

const PARTY = (id: string) => `id: ${id}\norganisation: ${id}\nareas: [psychiatry]\npatient_groups: [depression]\nsince: 2020-01-01\nstatus: active\n`;
// Opens 6 December, deadline 20 December 2026 (14 days); both parties have answered, alpha with two points.
const CONSULTATION = [
  'id: h-model', 'title: Høring om samarbejdsmodellen', 'areas: [psychiatry]', 'opens: 2026-12-06', 'deadline: 2026-12-20', 'selection: all', 'invited: [alpha, beta]',
  'responses:', '  - party: alpha', '    received: 2026-12-08', '    points:',
  '      - summary: Fristen er for kort.', '        disposition: not', '        reason: Fristen følger regionens praksis.',
  '      - summary: Pårørende skal med.',
  '  - party: beta', '    received: 2026-12-09', 'status: open', '',
].join('\n');

const files = (): Files => ({
  ...baseFiles(),
  'organisations/beta.yaml': org('beta', 'Beta Netværket'),
  'hearing-parties/alpha.yaml': PARTY('alpha'),
  'hearing-parties/beta.yaml': PARTY('beta'),
  'consultations/h-model.yaml': CONSULTATION,
});
const run = (dir: string, args: string[], lang = 'da') => civsam(['--data', dir, ...args], { env: { CIVSAM_LANG: lang, COLUMNS: '120' } });

todayIs('2026-12-10');

/** The folder with h-model closed early today, 10 December, ten days before its deadline. */
async function closedEarly(reason = 'Alle har svaret'): Promise<string> {
  const dir = makeFolder(files());
  const r = await run(dir, ['consultation', 'close', 'h-model', '--early', '--reason', reason, '--no-commit']);
  expect(r.code, r.stderr).toBe(0);
  expect(readFileSync(join(dir, 'consultations/h-model.yaml'), 'utf8')).toContain(`status: closed\nclosed_early: 2026-12-10\nclosed_early_reason: ${reason}\n`);
  return dir;
}

describe('a consultation closed before its deadline', () => {
  test('the høringsnotat says it closed early, on which day and why, and is no longer preliminary', async () => {
    const dir = await closedEarly();
    const da = await run(dir, ['consultation', 'report', 'h-model', '--format', 'md']);
    expect(da.code).toBe(0);
    expect(da.stdout.split('\n').slice(0, 6)).toEqual([
      '# Høringsnotat: Høring om samarbejdsmodellen', '',
      'Høringen »Høring om samarbejdsmodellen« åbnede 6. dec. 2026 med frist 20. dec. 2026 (14 dage), men blev lukket før fristen, den 10. dec. 2026. Høringen blev sendt til 2 parter, og begge afgav høringssvar.', '',
      'Begrundelse for at lukke høringen før fristen: Alle har svaret.', '',
    ]);
    expect(da.stdout).not.toContain('foreløbigt');
    expect(da.stdout).not.toContain('løb fra');
    const en = await run(dir, ['consultation', 'report', 'h-model', '--format', 'md'], 'en');
    expect(en.stdout).toContain('\nThe consultation “Høring om samarbejdsmodellen” opened on 6 Dec 2026 with a deadline of 20 Dec 2026 (14 days), but was closed before its deadline, on 10 Dec 2026. It was sent to 2 parties, and both responded.\n\nReason for closing it before the deadline: Alle har svaret.\n');
    expect(en.stdout).not.toContain('preliminary');
  });

  test('near miss: still open before its deadline, the note is preliminary and runs to the deadline', async () => {
    const r = await run(makeFolder(files()), ['consultation', 'report', 'h-model', '--format', 'md']);
    expect(r.stdout).toContain('Høringen »Høring om samarbejdsmodellen« løb fra 6. dec. 2026 til 20. dec. 2026 (14 dage).');
    expect(r.stdout).toContain('Høringsfristen er ikke udløbet pr. 10. dec. 2026: notatet er foreløbigt, og der kan stadig komme svar.');
    expect(r.stdout).not.toContain('lukket før fristen');
  });

  test('the table report says when and why under its dates, and no note that answers may still come', async () => {
    const dir = await closedEarly();
    const r = await run(dir, ['consultation', 'report', 'h-model']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').slice(0, 3)).toEqual([
      'Høringsrapport: Høring om samarbejdsmodellen (h-model)',
      'Åbnede 6. dec. 2026, frist 20. dec. 2026 (14 dage). Status: lukket.',
      'Lukket før fristen den 10. dec. 2026: Alle har svaret.',
    ]);
    expect(r.stderr).toBe('');
    // A reason with its own full stop gets no second one.
    expect((await run(await closedEarly('Alle har svaret.'), ['consultation', 'report', 'h-model'])).stdout).toContain('\nLukket før fristen den 10. dec. 2026: Alle har svaret.\n');
    const json = JSON.parse((await run(dir, ['consultation', 'report', 'h-model', '--format', 'json'])).stdout);
    expect(json.consultation).toMatchObject({ status: 'closed', closed_early: '2026-12-10', closed_early_reason: 'Alle har svaret' });
    // Before the early close, the deadline note is still given.
    const open = await run(makeFolder(files()), ['consultation', 'report', 'h-model']);
    expect(open.stderr).toBe('Bemærk: Fristen (20. dec. 2026) er ikke overskredet pr. 10. dec. 2026; der kan stadig komme svar.\n');
  });

  test('the site lists it among past consultations with the day and the reason', async () => {
    const dir = await closedEarly();
    const read = (rel: string) => readFileSync(join(dir, rel), 'utf8');
    const page = buildSite(loadFiles({ ...files(), 'consultations/h-model.yaml': read('consultations/h-model.yaml') }), { asOf: '2026-12-10', languages: ['da'] }).get('consultations.html')!;
    const article = textOf(part(page, 'consultation-h-model'));
    expect(textOf(page)).toMatch(/Afsluttede høringer Høring om samarbejdsmodellen /);
    expect(article).toContain('Frist 20. dec. 2026 (14 dage) Lukket før fristen 10. dec. 2026 Begrundelse for at lukke før fristen Alle har svaret');
    // Near miss: open, it is not among the past ones, and nothing is said of an early close.
    const open = buildSite(loadFiles(files()), { asOf: '2026-12-10', languages: ['da'] }).get('consultations.html')!;
    expect(open).not.toContain('Lukket før fristen');
  });
});

describe('the table report carries the points', () => {
  test('each point with the region\'s position and reason, in both languages', async () => {
    const dir = makeFolder(files());
    const da = await run(dir, ['consultation', 'report', 'h-model', '--format', 'csv']);
    expect(da.stdout).toContain([
      'Organisation;Bemærkning;Regionens stillingtagen;Begrundelse',
      'Alpha Forening;Fristen er for kort.;ikke imødekommet;Fristen følger regionens praksis.',
      'Alpha Forening;Pårørende skal med.;endnu ikke afgjort;–',
    ].join('\r\n'));
    const table = await run(dir, ['consultation', 'report', 'h-model'], 'en');
    expect(table.stdout).toContain('\nPoints raised in the responses\n');
    expect(table.stdout).toMatch(/│ Alpha Forening +│ Fristen er for kort\. +│ not accommodated +│ Fristen følger regionens praksis\. +│/);
    expect(table.stdout).toMatch(/│ Alpha Forening +│ Pårørende skal med\. +│ not yet decided +│ – +│/);
    const json = JSON.parse((await run(dir, ['consultation', 'report', 'h-model', '--format', 'json'])).stdout);
    expect(json.points).toEqual([
      { party: 'alpha', organisation: 'alpha', name: 'Alpha Forening', summary: 'Fristen er for kort.', disposition: 'not', reason: 'Fristen følger regionens praksis.' },
      { party: 'alpha', organisation: 'alpha', name: 'Alpha Forening', summary: 'Pårørende skal med.', disposition: null, reason: null },
    ]);
  });

  test('the note on the undecided point names the command to decide it, with its party and number', async () => {
    const r = await run(makeFolder(files()), ['consultation', 'report', 'h-model', '--format', 'md']);
    // Wrapped at the error stream's width: read as one line.
    expect(r.stderr.replace(/\n(?!$)/g, ' ')).toBe('Bemærk: 1 bemærkning mangler stadig regionens stillingtagen (civsam consultation note h-model --party alpha --index 2 --disposition …).\n');
  });

  test('a point number out of range is answered with the consultation\'s own id in the command to look them up', async () => {
    const r = await run(makeFolder(files()), ['consultation', 'note', 'h-model', '--party', 'alpha', '--index', '3', '--disposition', 'accommodated', '--no-commit']);
    expect(r).toEqual({ code: 2, stdout: '', stderr: 'fejl: alpha har 2 bemærkninger registreret, så der er ingen bemærkning nummer 3. Se dem med civsam consultation report h-model.\n' });
  });
});
