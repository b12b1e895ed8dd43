// Choosing audit rules by a word (--rule, --explain) on the sample data: a start of an id that
// several rules share lists just those, one a line; one too short says how many letters it takes;
// a rule as the lists write it is taken back; an empty choice is refused rather than running every
// rule; of several --rule, the one that names nothing is told by its place, its text never echoed.
import { describe, expect, it } from 'vitest';
import { civsam } from '../helpers/cli.js';

const DA = { env: { CIVSAM_LANG: 'da', COLUMNS: '80' } };
const AS_OF = '2026-11-23';

describe('audit: choosing a rule by a word', () => {
  it('a start several rules share: those rules, by id and title, one a line', async () => {
    const r = await civsam(['audit', '--rule', 'ass'], DA);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe([
      'fejl: 3 kontrolregler begynder med ass; skriv mere af id\'et:',
      // Wrapped at the width (80), under the title it continues.
      '  assessment-incomplete – Afgjort ansøgning uden alle bedømmeres karakter for',
      '                          alle kriterier',
      '  assessor-conflict – Bedømmer med erklæret tilknytning til en ansøger deltog',
      '  assessor-undeclared – Bedømmer uden erklæring om habilitet',
      '',
    ].join('\n'));
    const en = await civsam(['audit', '--explain', 'pool-']);
    expect(en.code).toBe(2);
    expect(en.stderr.split('\n')).toEqual([
      'error: 3 audit rules start with pool-; write more of the id:',
      '  pool-kind-not-eligible – Funding of a kind the pool does not fund',
      expect.stringMatching(/^ {2}pool-area-mismatch – /),
      expect.stringMatching(/^ {2}pool-overcommitted – /),
      '',
    ]);
    const hearing = await civsam(['audit', '--explain', 'hearing'], DA);
    expect(hearing.stderr.split('\n').filter((l) => l.startsWith('  hearing-'))).toHaveLength(8);
    expect(hearing.stderr).not.toContain('unilateral-agreement');
  });

  it('the start of a title in the user\'s language: any case, NFD the same as NFC', async () => {
    for (const given of ['Puljen er', 'puljen ER', '  PULJEN er overdis']) {
      const r = await civsam(['audit', '--explain', given], DA);
      expect([r.code, r.stdout.split('\n')[0]], given).toEqual([0, 'pool-overcommitted · Puljen er overdisponeret']);
    }
    const nfd = await civsam(['audit', '--explain', 'De samme parter fa\u030Ar'], DA);
    expect([nfd.code, nfd.stdout.split('\n')[0]]).toEqual([0, 'hearing-rotation · De samme parter får pladserne']);
    const en = await civsam(['audit', '--explain', 'pool over']);
    expect([en.code, en.stdout.split('\n')[0]]).toEqual([0, 'pool-overcommitted · Pool overcommitted']);
    // --rule runs just that rule.
    const run = await civsam(['audit', '--as-of', AS_OF, '--format', 'json', '--rule', 'Puljen er'], DA);
    expect(run.code).not.toBe(2);
    expect(Object.keys((JSON.parse(run.stdout) as { summary: { byRule: object } }).summary.byRule)).toEqual(['pool-overcommitted']);
  });

  it('a title start several rules share: just those, what was typed not repeated', async () => {
    const r = await civsam(['audit', '--rule', 'bedømmer'], DA);
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toBe([
      'fejl: 2 kontrolregler har et id eller en titel, der begynder med det, der står efter --rule; skriv mere af titlen eller id\'et:',
      '  assessor-conflict – Bedømmer med erklæret tilknytning til en ansøger deltog',
      '  assessor-undeclared – Bedømmer uden erklæring om habilitet',
      '',
    ].join('\n'));
    // An id's start and a title's start together: every rule either names.
    const en = await civsam(['audit', '--explain', 'Funding']);
    expect(en.stderr).toBe([
      'error: 3 audit rules have an id or a title that starts with what you gave after --explain; write more of the title, or the id:',
      '  funding-concentration – Funding concentrated on one organisation',
      '  pool-kind-not-eligible – Funding of a kind the pool does not fund',
      '  funding-outside-period – Money for a year the agreement does not run',
      '',
    ].join('\n'));
    // The other language's title is not taken by its start (its whole title is).
    expect((await civsam(['audit', '--explain', 'Puljen er'])).stderr).toMatch(/^error: no audit rule has the id or title given after --explain\./);
    expect((await civsam(['audit', '--explain', 'Pool overcommitted'], DA)).code).toBe(0);
    // Escape codes in what was typed: nothing matches, nothing is echoed.
    const esc = await civsam(['audit', '--explain', 'Puljen\u001b[31m er'], DA);
    expect(esc.code).toBe(2);
    expect(esc.stderr).not.toContain('\u001b');
  });

  it('too short a start: how many letters it takes', async () => {
    const r = await civsam(['audit', '--rule', 'ev'], DA);
    expect([r.code, r.stderr]).toEqual([2, 'fejl: ev er for kort til at vælge en kontrolregel: skriv mindst 3 tegn af reglens id (1 regel begynder med ev).\n']);
    const en = await civsam(['audit', '--explain', 'as']);
    expect(en.stderr).toBe('error: as is too short to pick an audit rule: write at least 3 letters of its id (3 rules start with as).\n');
  });

  it('takes a rule back as a list writes it, and a title that holds a comma', async () => {
    // Also in capitals, as an id may be typed: ids are small letters.
    for (const given of ['evaluation-overdue (Evaluering er forsinket)', 'evaluation-overdue – Evaluering er forsinket', 'evaluation-overdue (Evaluation overdue)', 'EVALUATION-OVERDUE', 'Evaluation-ov', 'Evaluation-Overdue (Evaluering er forsinket)']) {
      const r = await civsam(['audit', '--explain', given], DA);
      expect([r.code, r.stdout.split('\n')[0]], given).toEqual([0, 'evaluation-overdue · Evaluering er forsinket']);
    }
    const comma = await civsam(['audit', '--as-of', AS_OF, '--format', 'json', '--rule', 'Afslag eller delvis bevilling uden begrundelse, der nævner kriterierne'], DA);
    expect(comma.code).not.toBe(2);
    const rules = new Set((JSON.parse(comma.stdout) as { findings: Array<{ rule: string }> }).findings.map((f) => f.rule));
    expect([...rules]).toEqual(['decision-without-reason']);
    // Several ids in one value, separated by commas, still work.
    const two = await civsam(['audit', '--as-of', AS_OF, '--format', 'json', '--rule', 'agreement-expired,stale-contact']);
    expect(new Set((JSON.parse(two.stdout) as { findings: Array<{ rule: string }> }).findings.map((f) => f.rule))).toEqual(new Set(['agreement-expired', 'stale-contact']));
  });

  it('an empty --rule or --explain is refused, not read as every rule', async () => {
    for (const args of [['--rule='], ['--rule', ''], ['--rule', ' , '], ['--explain=']]) {
      const r = await civsam(['audit', '--as-of', AS_OF, ...args], DA);
      expect([r.code, r.stdout], args.join(' ')).toEqual([2, '']);
      expect(r.stderr).toMatch(/^fejl: --(rule|explain) er angivet uden en regel\. Skriv reglens id, for eksempel evaluation-overdue, eller dens titel\.\n$/);
    }
  });

  it('of several --rule, the one that names nothing is told by its place, its text not echoed', async () => {
    const r = await civsam(['audit', '--rule', 'eval', '--rule', 'Noget andet'], DA);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe('fejl: ingen kontrolregel har det id eller den titel, der står efter --rule nummer 2. Reglerne er:');
    expect(r.stderr).not.toContain('Noget');
    expect(r.stderr.split('\n').filter((l) => /^ {2}[a-z-]+ – /.test(l)).length).toBeGreaterThan(20);
  });

  it('a word that is part of a rule\'s id or title, in either language, is answered with that rule to copy, which is then taken', async () => {
    const r = await civsam(['audit', '--explain', 'concentration'], DA);
    expect([r.code, r.stdout]).toEqual([2, '']);
    expect(r.stderr.split('\n')[0]).toBe('fejl: der er ingen kontrolregel ved navn concentration. Mente du: funding-concentration (Midler samlet hos én organisation)? Reglerne er:');
    const words = await civsam(['audit', '--explain', 'organisationen samlet'], DA);
    expect(words.stderr.split('\n')[0]).toBe('fejl: ingen kontrolregel har det id eller den titel, der står efter --explain. Mente du: funding-concentration (Midler samlet hos én organisation)? Reglerne er:');
    expect(words.stderr).not.toContain('organisationen samlet');
    const copied = await civsam(['audit', '--explain', 'funding-concentration (Midler samlet hos én organisation)'], DA);
    expect(copied.code).toBe(0);
    expect(copied.stdout.split('\n')[0]).toBe('funding-concentration · Midler samlet hos én organisation');
    // The rule's Danish title is taken as it is, as its id is.
    expect((await civsam(['audit', '--explain', 'midler samlet hos en organisation'], DA)).stdout.split('\n')[0]).toBe('funding-concentration · Midler samlet hos én organisation');
    // Nothing near: every rule, no suggestion.
    expect((await civsam(['audit', '--explain', 'xyzzy'], DA)).stderr.split('\n')[0]).toBe('fejl: der er ingen kontrolregel ved navn xyzzy. Reglerne er:');
  });

  it('the hint under each rule\'s findings keeps the command on one line at 80 columns', async () => {
    const r = await civsam(['audit', '--as-of', AS_OF, '--rule', 'evaluation-overdue'], DA);
    const lines = r.stdout.split('\n');
    expect(lines).toContain('civsam audit --explain evaluation-overdue');
    expect(lines.every((l) => l.length <= 80)).toBe(true);
  });
});
