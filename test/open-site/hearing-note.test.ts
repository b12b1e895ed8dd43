// The høringsnotat: points of a response and the region's disposition recorded by command, the
// report as Markdown and HTML in the state's shape, the audit rule for undecided points of a closed
// consultation, and the site showing the points only once the consultation has closed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/audit/registry.js';
import { HEARING_RULES } from '../../src/audit/hearing-rule-list.js';
import { runAudit } from '../../src/audit/run.js';
import { buildSite } from '../../src/site/site.js';
import { hearingNoteMarkdown } from '../../src/output/hearing-note.js';
import type { HearingNote, NoteParty } from '../../src/reports/hearing-note.js';
import { civsam } from '../helpers/cli.js';
import { makeFolder } from '../helpers/folder.js';
import { AS_OF, loadFiles, part, siteFiles, textOf } from '../publish/fixture.js';

const run = (dir: string, args: string[], lang = 'en') => civsam(['--data', dir, ...args, '--no-commit'], { env: { CIVSAM_LANG: lang } });
const report = (dir: string, args: string[], lang = 'en') => civsam(['--data', dir, 'consultation', 'report', 'k-closed', '--as-of', AS_OF, ...args], { env: { CIVSAM_LANG: lang } });
const read = (dir: string) => readFileSync(join(dir, 'consultations/k-closed.yaml'), 'utf8');

// k-closed of the fixture: invited hp-beta, hp-alpha, hp-aeble; Alpha answered on 2026-03-01; closed.
const POINTS = 'responses:\n  - party: hp-alpha\n    received: 2026-03-01\n    points:\n'
  + '      - summary: Fristen er for kort.\n        disposition: not\n        reason: Fristen var otte uger.\n'
  + '      - summary: Pårørende skal med.\n        disposition: accommodated\n';
const withPoints = (extra = '') => {
  const files = siteFiles();
  files['consultations/k-closed.yaml'] = files['consultations/k-closed.yaml'].replace('responses:\n  - party: hp-alpha\n    received: 2026-03-01\n', POINTS + extra);
  return files;
};

describe('recording points and dispositions', () => {
  it('respond --party --point records a response with its points; note sets a disposition with its reason', async () => {
    const dir = makeFolder(siteFiles());
    expect((await run(dir, ['consultation', 'respond', 'k-closed', '--party', 'hp-beta', '--date', '2026-03-05', '--point', 'Fristen er for kort.', 'Pårørende skal med.'])).code).toBe(0);
    expect(read(dir)).toContain('  - party: hp-beta\n    received: 2026-03-05\n    points:\n      - summary: Fristen er for kort.\n      - summary: Pårørende skal med.\n');
    expect((await run(dir, ['consultation', 'note', 'k-closed', '--party', 'hp-beta', '--index', '1', '--disposition', 'not', '--reason', 'Fristen var otte uger.'])).code).toBe(0);
    expect((await run(dir, ['consultation', 'note', 'k-closed', '--party', 'hp-beta', '--point', 'Flere møder.', '--disposition', 'accommodated'])).code).toBe(0);
    expect(read(dir)).toContain('    points:\n      - summary: Fristen er for kort.\n        disposition: not\n        reason: Fristen var otte uger.\n      - summary: Pårørende skal med.\n      - summary: Flere møder.\n        disposition: accommodated\n');
  });

  it('respond says which points the response already has, adds the others, and refuses when nothing would change', async () => {
    const dir = makeFolder(withPoints());
    const some = await run(dir, ['consultation', 'respond', 'k-closed', '--party', 'hp-alpha', '--date', '2026-03-01', '--point', 'Flere møder.', 'Pårørende skal med.'], 'da');
    expect(some.code, some.stderr).toBe(0);
    expect(some.stderr).toContain('Bemærk: bemærkning 2 af dem, du angav, står allerede i svaret fra Alpha Forening (som bemærkning 2), så den er ikke tilføjet igen.\n');
    expect(read(dir)).toContain('      - summary: Pårørende skal med.\n        disposition: accommodated\n      - summary: Flere møder.\n');
    expect(read(dir).match(/Pårørende skal med/g)).toHaveLength(1);
    const before = read(dir);
    const none = await run(dir, ['consultation', 'respond', 'k-closed', '--party', 'hp-alpha', '--date', '2026-03-01', '--point', 'Fristen er for kort.']);
    expect(none).toMatchObject({ code: 2, stderr: 'error: Alpha Forening\'s response already has the point you gave (as its point 1), so nothing would change. Give what was done with a point with civsam consultation note k-closed --party hp-alpha --index N --disposition …, or write a new point differently.\n' });
    const both = await run(dir, ['consultation', 'respond', 'k-closed', '--party', 'hp-alpha', '--date', '2026-03-01', '--point', 'Fristen er for kort.', 'Flere møder.'], 'da');
    expect(both).toMatchObject({ code: 2, stderr: 'fejl: svaret fra Alpha Forening har allerede alle de bemærkninger, du angav (som bemærkning 1 og 3), så intet ville blive ændret. Angiv, hvad der blev gjort med en bemærkning, med civsam consultation note k-closed --party hp-alpha --index N --disposition …, eller skriv en ny bemærkning anderledes.\n' });
    expect(read(dir)).toBe(before);
    // Near miss: a new date for the response is a change; the known point is said, not refused.
    const later = await run(dir, ['consultation', 'respond', 'k-closed', '--party', 'hp-alpha', '--date', '2026-03-02', '--point', 'Fristen er for kort.']);
    expect(later.code, later.stderr).toBe(0);
    expect(later.stderr).toContain('Note: the point you gave is already in Alpha Forening\'s response (as its point 1), so it was not added again.\n');
  });

  it('refuses what would make a wrong note, saying what to do, in both languages', async () => {
    const dir = makeFolder(siteFiles());
    const r1 = await run(dir, ['consultation', 'respond', 'k-closed', 'hp-alpha', 'hp-beta', '--point', 'X']);
    expect(r1).toMatchObject({ code: 2, stderr: 'error: points belong to one party\'s response: give one party with --point, and record the others\' responses separately.\n' });
    const r2 = await run(dir, ['consultation', 'note', 'k-closed', '--party', 'hp-alpha', '--index', '1', '--disposition', 'partly'], 'da');
    expect(r2).toMatchObject({ code: 2, stderr: 'fejl: angiv begrundelsen med --reason: høringsnotatet begrunder, hvorfor en bemærkning ikke eller kun delvis blev imødekommet.\n' });
    const r3 = await run(dir, ['consultation', 'note', 'k-closed', '--party', 'hp-alpha', '--index', '3', '--disposition', 'accommodated']);
    expect(r3.stderr).toBe('error: hp-alpha has no points recorded, so there is no point number 3. See the consultation with civsam consultation report k-closed.\n');
    const r4 = await run(dir, ['consultation', 'note', 'k-closed', '--party', 'hp-beta', '--point', 'X']);
    expect(r4.stderr).toBe('error: no response from hp-beta is recorded for consultation k-closed. Record it first: civsam consultation respond k-closed --party hp-beta --date YYYY-MM-DD.\n');
    expect((await run(dir, ['consultation', 'note', 'k-closed', '--party', '../x', '--point', 'X'])).code).toBe(2);
    expect(read(dir)).not.toContain('points');
  });
});

describe('consultation report --format md|html: the høringsnotat', () => {
  it('is in the state\'s shape: the parties alphabetically with ✓ where an answer came, each point with its disposition and reason', async () => {
    const r = await report(makeFolder(withPoints()), ['--format', 'md', '--lang', 'da']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe([
      '# Høringsnotat: Høring om udskrivning', '',
      'Høringen »Høring om udskrivning« løb fra 10. jan. 2026 til 10. mar. 2026 (59 dage). Høringen blev sendt til 3 parter, og 1 afgav høringssvar.', '',
      '## 1. Hørte parter', '',
      'Høringen blev sendt til følgende parter, i alfabetisk orden. ✓ angiver, at der er modtaget høringssvar.', '',
      '- ✓ Alpha Forening (høringssvar modtaget 1. mar. 2026)', '- Beta &lt;Forening&gt; & Co', '- Æblehaven', '',
      '## 2. Høringssvarene og regionens bemærkninger', '',
      '### Alpha Forening', '',
      '1. Fristen er for kort.', '   Regionens stillingtagen: ikke imødekommet. Fristen var otte uger.',
      '2. Pårørende skal med.', '   Regionens stillingtagen: imødekommet.', '',
      '## 3. Relevante parter, der ikke blev hørt', '',
      'Alle relevante parter på høringslisten blev hørt.', '',
    ].join('\n'));
  });

  it('marks a response after the deadline, per party and in the opening count, in the hearing report\'s words', async () => {
    // Beta answered five days after the 10 March deadline.
    const files = siteFiles();
    files['consultations/k-closed.yaml'] = files['consultations/k-closed.yaml'].replace('status: closed', '  - party: hp-beta\n    received: 2026-03-15\nstatus: closed');
    const dir = makeFolder(files);
    const da = (await report(dir, ['--format', 'md', '--lang', 'da'])).stdout.split('\n');
    expect(da[2]).toBe('Høringen »Høring om udskrivning« løb fra 10. jan. 2026 til 10. mar. 2026 (59 dage). Høringen blev sendt til 3 parter, og 2 afgav høringssvar. 1 svar kom efter fristen (markeret for sent).');
    expect(da.filter((l) => l.startsWith('- '))).toEqual(['- ✓ Alpha Forening (høringssvar modtaget 1. mar. 2026)', '- ✓ Beta &lt;Forening&gt; & Co (høringssvar modtaget 15. mar. 2026, for sent)', '- Æblehaven']);
    const table = (await report(dir, ['--lang', 'da'])).stdout;
    expect(table).toContain('✓ 15. mar. 2026 (for sent)');
    expect(table).toContain('1 svar kom efter fristen (markeret for sent).');
    const en = (await report(dir, ['--format', 'html'])).stdout;
    expect(en).toContain('It was sent to 3 parties, and 2 responded. 1 response came after the deadline (marked late).</p>');
    expect(en).toContain('<li><span aria-hidden="true">✓</span> Beta &lt;Forening&gt; &amp; Co (response received 15 Mar 2026, late)<span class="visually-hidden"> (responded)</span></li>');
  });

  it('says "the following party" for one party, and sorts names by their letters, not by a leading bracket', async () => {
    const files = siteFiles();
    files['consultations/k-closed.yaml'] = files['consultations/k-closed.yaml'].replace('invited: [hp-beta, hp-alpha, hp-aeble]', 'invited: [hp-alpha]');
    const one = (await report(makeFolder(files), ['--format', 'md', '--lang', 'da'])).stdout;
    expect(one).toContain('\nHøringen blev sendt til følgende part. ✓ angiver, at der er modtaget høringssvar.\n');
    expect((await report(makeFolder(files), ['--format', 'md'])).stdout).toContain('\nThe consultation was sent to the following party. ✓ marks a party that responded.\n');
    const named = siteFiles();
    named['organisations/alpha.yaml'] = named['organisations/alpha.yaml'].replace(/^name: .*$/m, 'name: "[Sind]"');
    named['organisations/beta.yaml'] = named['organisations/beta.yaml'].replace(/^name: .*$/m, 'name: <Hjerte>');
    named['organisations/aeblehaven.yaml'] = named['organisations/aeblehaven.yaml'].replace(/^name: .*$/m, 'name: Lys');
    const parties = (await report(makeFolder(named), ['--format', 'md', '--lang', 'da'])).stdout.split('\n').filter((l) => l.startsWith('- '));
    expect(parties).toEqual(['- &lt;Hjerte&gt;', '- Lys', '- ✓ \\[Sind\\] (høringssvar modtaget 1. mar. 2026)']);
  });

  it('as a table says in words that no party was invited, instead of an empty list and a rate of 0 of 0', async () => {
    const files = siteFiles();
    files['consultations/k-closed.yaml'] = files['consultations/k-closed.yaml'].replace('invited: [hp-beta, hp-alpha, hp-aeble]\nresponses:\n  - party: hp-alpha\n    received: 2026-03-01\n', 'invited: []\n');
    const dir = makeFolder(files);
    const da = await report(dir, ['--lang', 'da']);
    expect(da.code).toBe(0);
    expect(da.stdout).toContain('Status: lukket.\nIngen parter blev inviteret.\n');
    expect(da.stdout).not.toMatch(/Hørte parter|Svarprocent/);
    expect(da.stdout).toContain('Høringsberettigede parter, der ikke blev hørt');
    expect((await report(dir, [])).stdout).toContain('\nNo party was invited.\n');
  });

  // A note built by hand: `invited` parties, of which the first `answered` responded.
  const note = (invited: number, answered: number, name = 'Part'): HearingNote => ({
    consultation: { id: 'k', title: 'Høring', opens: '2026-01-10', deadline: '2026-03-10', days: 59, status: 'closed', selection: 'all', seats: null },
    asOf: '2026-06-01',
    parties: Array.from({ length: invited }, (_, i): NoteParty => ({ party: `hp-${i}`, organisation: `o-${i}`, name: `${name} ${i + 1}`, responded: i < answered, received: i < answered ? '2026-03-01' : null, late: false, points: [] })),
    responded: answered, late: 0, undecided: 0, notInvited: [],
  });
  const sentTo = (invited: number, answered: number, lang: 'da' | 'en') => hearingNoteMarkdown(note(invited, answered), lang).split('\n')[2].replace(/^.*?dage?\)\. |^.*?days?\)\. /, '');

  it('says who the consultation went to and who answered as a case worker writes it: none, one, both, all or some', () => {
    expect([[3, 0], [1, 0], [1, 1], [2, 2], [3, 3], [3, 2], [0, 0]].map(([n, a]) => sentTo(n, a, 'da'))).toEqual([
      'Høringen blev sendt til 3 parter, og ingen afgav høringssvar.',
      'Høringen blev sendt til 1 part, som ikke afgav høringssvar.',
      'Høringen blev sendt til 1 part, som afgav høringssvar.',
      'Høringen blev sendt til 2 parter, og begge afgav høringssvar.',
      'Høringen blev sendt til 3 parter, og alle afgav høringssvar.',
      'Høringen blev sendt til 3 parter, og 2 afgav høringssvar.',
      'Høringen blev ikke sendt til nogen part.',
    ]);
    expect([[3, 0], [1, 0], [1, 1], [2, 2], [3, 3], [3, 2], [0, 0]].map(([n, a]) => sentTo(n, a, 'en'))).toEqual([
      'It was sent to 3 parties, and none responded.',
      'It was sent to 1 party, which did not respond.',
      'It was sent to 1 party, which responded.',
      'It was sent to 2 parties, and both responded.',
      'It was sent to 3 parties, and all responded.',
      'It was sent to 3 parties, and 2 responded.',
      'It was not sent to any party.',
    ]);
  });

  it('as Markdown keeps an & as written (Markdown is not HTML), and still shows no markup, link or character reference', () => {
    const md = (name: string) => hearingNoteMarkdown(note(1, 0, name), 'da').split('\n').find((l) => l.startsWith('- '));
    expect(md('Sind & Sjæl')).toBe('- Sind & Sjæl 1');
    expect(md('Sind&Sjæl')).toBe('- Sind&Sjæl 1');
    // What a viewer would turn into another character stays as typed: its & is written &amp;.
    expect(md('A &amp; B &#38; C &copy;')).toBe('- A &amp;amp; B &amp;#38; C &amp;copy; 1');
    expect(md('<b>x</b> [y](javascript:z) `c` | d')).toBe('- &lt;b&gt;x&lt;/b&gt; \\[y\\](javascript:z) \\`c\\` \\| d 1');
  });

  it('as HTML is a whole page in the language, every value escaped; an undecided point is said so, with a note on stderr', async () => {
    const files = withPoints('      - summary: Mere <b>tid</b>.\n');
    const r = await report(makeFolder(files), ['--format', 'html']);
    expect(r.stdout).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    expect(r.stdout).toContain('<h1>Consultation response memo: Høring om udskrivning</h1>');
    expect(r.stdout).toContain('<li><span aria-hidden="true">✓</span> Alpha Forening (response received 1 Mar 2026)<span class="visually-hidden"> (responded)</span></li>');
    expect(r.stdout).toContain('<li>Beta &lt;Forening&gt; &amp; Co</li>');
    expect(r.stdout).toContain('<li><p>Mere &lt;b&gt;tid&lt;/b&gt;.</p><p>The region&#39;s position: not yet decided.</p></li>');
    // The command a person copies stays whole, on a line of its own.
    expect(r.stderr).toBe('Note: 1 point has no disposition yet\n(civsam consultation note k-closed --party hp-alpha --index 3 --disposition …).\n');
  });
});

describe('audit rule hearing-points-undecided', () => {
  const findings = (files: Record<string, string>) => runAudit(loadFiles(files), RULES.filter((r) => r.id === 'hearing-points-undecided'), { asOf: AS_OF }).findings;

  it('finds a closed consultation with a point without a disposition', () => {
    const f = findings(withPoints('      - summary: Mere tid.\n'));
    expect(f.map((x) => [x.severity, x.subject, x.related, x.message])).toEqual([[
      'warning', { kind: 'consultation', id: 'k-closed' }, [{ kind: 'hearing-party', id: 'hp-alpha' }],
      { key: 'finding.hearing-points-undecided', params: { count: 1, parties: 1, id: 'k-closed' } },
    ]]);
  });

  it('near misses: every point decided; an open consultation still gathering points', () => {
    expect(findings(withPoints())).toEqual([]);
    const open = withPoints('      - summary: Mere tid.\n');
    open['consultations/k-closed.yaml'] = open['consultations/k-closed.yaml'].replace('status: closed', 'status: open');
    expect(findings(open)).toEqual([]);
  });

  it('is one of the hearing rules, explained in both languages', async () => {
    expect(HEARING_RULES.map((r) => r.id)).toContain('hearing-points-undecided');
    const en = await civsam(['audit', '--explain', 'hearing-points-undecided']);
    expect(en.code).toBe(0);
    expect(en.stdout).toContain('Lovkvalitetsvejledningen 9.1.6');
    const da = await civsam(['audit', '--explain', 'hearing-points-undecided'], { env: { CIVSAM_LANG: 'da' } });
    expect(da.stdout).toContain('Bemærkninger i en afsluttet høring uden stillingtagen');
  });
});

describe('the site', () => {
  it('publishes a closed consultation\'s points with the region\'s position, and no points of an open one', () => {
    const files = withPoints();
    files['consultations/k-open.yaml'] = files['consultations/k-open.yaml'].replace('status: open', 'responses:\n  - party: hp-alpha\n    received: 2026-05-25\n    points:\n      - summary: Hemmeligt udkast til svar.\nstatus: open');
    const site = buildSite(loadFiles(files), { asOf: AS_OF, languages: ['da'] });
    const page = site.get('consultations.html')!;
    expect(textOf(part(page, 'consultation-k-closed-note'))).toBe('Høringsnotat: høringssvarenes bemærkninger og regionens stillingtagen');
    expect(textOf(part(page, 'consultation-k-closed'))).toContain('Alpha Forening Fristen er for kort. Regionens stillingtagen: ikke imødekommet. Fristen var otte uger. Pårørende skal med. Regionens stillingtagen: imødekommet.');
    expect(page).not.toContain('Hemmeligt udkast');
  });
});
