// An application's events are recorded once they have happened and in the order they can have
// happened, as a consultation's responses are: received not after today nor before the call was
// published; an assessment and a decision not after today nor before the application was received;
// a declaration not after today. A letter is not written for a decision dated after today, and a
// call's deadline moved before the day applications came is said to make them late.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { civsam } from '../helpers/cli.js';
import { baseFiles, makeFolder, type Files } from '../helpers/folder.js';
import { todayIs } from '../helpers/today.js';

const CALL = ['id: c1', 'title: Opslaget', 'areas: [psychiatry]', 'scope: regional', 'published: 2026-12-01', 'deadline: 2027-01-15', 'channel: public', 'criteria:', '  - id: reach', '    text: {da: Rækkevidde}', 'status: open', ''].join('\n');
const APP = (received: string, extra = '') => `id: a1\ncall: c1\norganisations: [alpha]\ntitle: Samtaler\namount_dkk: 1000\nkind: development\nreceived: ${received}\n${extra}`;
const files = (extra: Files = {}): Files => ({ ...baseFiles(), 'calls/c1.yaml': CALL, ...extra });
const run = (dir: string, args: string[], lang = 'da') => civsam(['--data', dir, ...args, '--no-commit'], { env: { CIVSAM_LANG: lang, COLUMNS: '300' } });
const ADD = ['application', 'add', '--call', 'c1', '--organisation', 'alpha', '--amount', '1000', '--kind', 'development', '--title', 'Samtaler'];

todayIs('2026-12-06');

describe('the day an application was received', () => {
  it('is refused after today and before the call was published, in both languages; nothing is written', async () => {
    const dir = makeFolder(files());
    const future = await run(dir, [...ADD, '--received', '2027-01-14']);
    expect(future.code).toBe(2);
    expect(future.stderr).toBe('fejl: modtagelsesdatoen ligger efter i dag (6. dec. 2026): en ansøgning registreres, når den er kommet. Angiv den dag, den kom, med --received.\n');
    const early = await run(dir, [...ADD, '--received', '2026-11-30'], 'en');
    expect(early.code).toBe(2);
    expect(early.stderr).toBe('error: the day received is before the call c1 was published (1 Dec 2026), so no application to it can have come then. Give the day it came with --received; civsam call show c1 shows the call\'s dates.\n');
    expect(future.stdout + early.stdout).toBe('');
  });

  it('near miss: on the day the call was published, and today', async () => {
    expect((await run(makeFolder(files()), [...ADD, '--received', '2026-12-01'])).code).toBe(0);
    expect((await run(makeFolder(files()), [...ADD, '--received', '2026-12-06'])).code).toBe(0);
  });

  it('moved by edit past an assessment already recorded is refused; another field of a record with odd dates can still be edited', async () => {
    const assessed = APP('2026-12-02', 'assessments:\n  - assessor: Fagkonsulent\n    date: 2026-12-03\n    scores:\n      - criterion: reach\n        score: 3\n');
    const dir = makeFolder(files({ 'applications/a1.yaml': assessed }));
    const moved = await run(dir, ['application', 'edit', 'a1', '--received', '2026-12-05']);
    expect(moved.code).toBe(2);
    expect(moved.stderr).toBe('fejl: modtagelsesdatoen ville ligge efter den dag, ansøgningen a1 blev bedømt eller afgjort (3. dec. 2026), og det kan ikke være sket, før den kom. Angiv den dag, den kom, med --received, eller ret den anden dato først.\n');
    const odd = makeFolder(files({ 'applications/a1.yaml': APP('2027-01-14') }));
    expect((await run(odd, ['application', 'edit', 'a1', '--title', 'Nye samtaler'])).code).toBe(0);
  });
});

describe('assessments, decisions and declarations', () => {
  it('an assessment after today, or before the application came (today, for one received in the future), is refused', async () => {
    const dir = makeFolder(files({ 'applications/a1.yaml': APP('2026-12-04') }));
    const future = await run(dir, ['application', 'assess', 'a1', '--assessor', 'Fagkonsulent', '--score', 'reach=3', '--date', '2026-12-07']);
    expect(future.stderr).toBe('fejl: bedømmelsen ville blive dateret efter i dag (6. dec. 2026): en bedømmelse registreres, når den er foretaget. Angiv den dag, den blev foretaget, med --date, eller udelad --date for at bruge dagens dato.\n');
    const before = await run(dir, ['application', 'assess', 'a1', '--assessor', 'Fagkonsulent', '--score', 'reach=3', '--date', '2026-12-03']);
    expect(before.stderr).toBe('fejl: bedømmelsen ville blive dateret før ansøgningen a1 blev modtaget (4. dec. 2026), så den kan ikke være foretaget den dag. Angiv den dag, den blev foretaget, med --date, eller ret modtagelsesdatoen med civsam application edit a1 --received ÅÅÅÅ-MM-DD.\n');
    const ahead = makeFolder(files({ 'applications/a1.yaml': APP('2027-01-14') }));
    const today = await run(ahead, ['application', 'assess', 'a1', '--assessor', 'Fagkonsulent', '--score', 'reach=3'], 'en');
    expect(today.code).toBe(2);
    expect(today.stderr).toContain('error: the assessment would be dated before application a1 was received (14 Jan 2027)');
    // Near miss: on the day it came.
    expect((await run(dir, ['application', 'assess', 'a1', '--assessor', 'Fagkonsulent', '--score', 'reach=3', '--date', '2026-12-04'])).code).toBe(0);
  });

  it('a decision after today, or before the application came, is refused; near miss: today', async () => {
    const dir = makeFolder(files({ 'applications/a1.yaml': APP('2026-12-04') }));
    const decide = (date: string) => run(dir, ['application', 'decide', 'a1', '--decision', 'refused', '--reason', 'Uden for formålet', '--date', date]);
    expect((await decide('2027-02-01')).stderr).toBe('fejl: afgørelsen ville blive dateret efter i dag (6. dec. 2026): en afgørelse registreres, når den er truffet. Angiv den dag, den blev truffet, med --date, eller udelad --date for at bruge dagens dato.\n');
    expect((await decide('2026-12-03')).stderr).toBe('fejl: afgørelsen ville blive dateret før ansøgningen a1 blev modtaget (4. dec. 2026), så den kan ikke være truffet den dag. Angiv den dag, den blev truffet, med --date, eller ret modtagelsesdatoen med civsam application edit a1 --received ÅÅÅÅ-MM-DD.\n');
    // Correcting only the date of a decision already recorded goes by the same rule.
    expect((await decide('2026-12-06')).code).toBe(0);
    const corrected = await run(dir, ['application', 'decide', 'a1', '--date', '2026-12-24']);
    expect(corrected.code).toBe(2);
    expect(corrected.stderr).toContain('fejl: afgørelsen ville blive dateret efter i dag');
  });

  it('a decision dated before an assessment is refused, with how to date the assessment; once it is, the decision goes in; near miss: the same day', async () => {
    // Assessed without --date: dated today, after the day the decision was really made.
    const dir = makeFolder(files({ 'applications/a1.yaml': APP('2026-12-02') }));
    expect((await run(dir, ['application', 'assess', 'a1', '--assessor', 'Fagkonsulent', '--score', 'reach=3'])).code).toBe(0);
    const decide = (date: string) => run(dir, ['application', 'decide', 'a1', '--decision', 'refused', '--reason', 'Uden for formålet', '--date', date]);
    const early = await decide('2026-12-05');
    expect(early.code).toBe(2);
    expect(early.stderr).toBe('fejl: afgørelsen ville blive dateret før en bedømmelse af ansøgning a1, så den kan ikke være truffet på grundlag af den. Angiv den dag, afgørelsen blev truffet, med --date; er bedømmelsen foretaget tidligere, end den er dateret (registreret uden --date får den dagens dato), så registrér den igen med den dag, den blev foretaget: civsam application assess a1 --assessor NAVN --date ÅÅÅÅ-MM-DD med dens karakterer.\n');
    expect(readFileSync(join(dir, 'applications/a1.yaml'), 'utf8')).not.toContain('decision');
    expect((await run(dir, ['application', 'assess', 'a1', '--assessor', 'Fagkonsulent', '--score', 'reach=3', '--date', '2026-12-04'])).code).toBe(0);
    expect((await decide('2026-12-05')).code).toBe(0);
    const same = makeFolder(files({ 'applications/a1.yaml': APP('2026-12-02', 'assessments:\n  - assessor: Fagkonsulent\n    date: 2026-12-05\n    scores:\n      - criterion: reach\n        score: 3\n') }));
    expect((await run(same, ['application', 'decide', 'a1', '--decision', 'refused', '--reason', 'Uden for formålet', '--date', '2026-12-05'])).code).toBe(0);
  });

  it('validate warns of a file whose decision is dated before an assessment, at the decision\'s date; near miss: assessed that day', async () => {
    const app = (assessed: string) => APP('2026-12-02', `assessments:\n  - assessor: Fagkonsulent\n    date: ${assessed}\n    scores:\n      - criterion: reach\n        score: 3\ndecision:\n  outcome: refused\n  date: 2026-12-05\n  reason: Uden for formålet\n`);
    const r = await civsam(['--data', makeFolder(files({ 'applications/a1.yaml': app('2026-12-06') })), 'validate'], { env: { CIVSAM_LANG: 'da', COLUMNS: '300' } });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('applications/a1.yaml:16:9  advarsel: Afgørelsen er dateret før bedømmelse nr. 1 af ansøgningen, så den kan ikke være truffet på grundlag af den. Ret afgørelsens eller bedømmelsens dato, så bedømmelsen kommer først.\n');
    const near = await civsam(['--data', makeFolder(files({ 'applications/a1.yaml': app('2026-12-05') })), 'validate'], { env: { CIVSAM_LANG: 'da', COLUMNS: '300' } });
    expect(near.stdout).not.toContain('Afgørelsen er dateret før');
    // Beside an amount written with a thousands point (which keeps the file from the other commands).
    const grouped = app('2026-12-06').replace('amount_dkk: 1000\n', 'amount_dkk: 200.000\n');
    const both = await civsam(['--data', makeFolder(files({ 'applications/a1.yaml': grouped })), 'validate'], { env: { CIVSAM_LANG: 'da', COLUMNS: '300' } });
    expect(both.code).toBe(2);
    expect(both.stdout).toContain('applications/a1.yaml:5:13  Beløb skrives i hele kroner med cifre alene');
    expect(both.stdout).toContain('applications/a1.yaml:16:9  advarsel: Afgørelsen er dateret før bedømmelse nr. 1 af ansøgningen');
  });

  it('a declaration after today is refused; near miss: today', async () => {
    const dir = makeFolder(files());
    const future = await run(dir, ['call', 'declare', 'c1', '--assessor', 'Fagkonsulent', '--none', '--date', '2027-01-16']);
    expect(future.code).toBe(2);
    expect(future.stderr).toBe('fejl: erklæringen ville blive dateret efter i dag (6. dec. 2026): en habilitetserklæring registreres, når bedømmeren har afgivet den. Angiv den dag, den blev afgivet, med --date, eller udelad --date for at bruge dagens dato.\n');
    expect((await run(dir, ['call', 'declare', 'c1', '--assessor', 'Fagkonsulent', '--none'])).code).toBe(0);
  });
});

describe('what follows from the dates', () => {
  it('no letter is written for a decision dated after today (a date written in the file by hand)', async () => {
    const decided = APP('2026-12-02', 'assessments:\n  - assessor: Fagkonsulent\n    date: 2026-12-03\n    scores:\n      - criterion: reach\n        score: 3\ndecision:\n  outcome: refused\n  date: 2027-02-01\n  reason: Uden for formålet\n  criteria: [reach]\n');
    const dir = makeFolder(files({ 'applications/a1.yaml': decided }));
    const out = join(mkdtempSync(join(tmpdir(), 'civsam-letters-')), 'breve');
    const letters = (folder: string) => civsam(['--data', folder, 'call', 'letters', 'c1', '--output', out], { env: { CIVSAM_LANG: 'da', COLUMNS: '300' } });
    const r = await letters(dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('  »Samtaler« (ansøgning a1):\n    – afgørelsen er dateret 1. feb. 2027, efter i dag, og et brev sendes, når afgørelsen er truffet.');
    const today = makeFolder(files({ 'applications/a1.yaml': decided.replace('date: 2027-02-01', 'date: 2026-12-06') }));
    const written = await letters(today);
    expect(written.code, written.stderr).toBe(0);
  });

  it('a call\'s deadline moved before the day applications came says they are now late, with the command that gives it back', async () => {
    const dir = makeFolder(files({ 'applications/a1.yaml': APP('2026-12-04') }));
    const r = await run(dir, ['call', 'edit', 'c1', '--deadline', '2026-12-03']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Bemærk: den nye frist ligger før den dag, 1 ansøgning til opslaget c1 blev modtaget, så den tæller nu som kommet for sent (civsam audit melder det, hvis en for sent indkommen ansøgning får tilskud). Var det ikke meningen at flytte fristen, så sæt den tilbage med civsam call edit c1 --deadline 2027-01-15.\n');
    expect(readFileSync(join(dir, 'calls/c1.yaml'), 'utf8')).toContain('deadline: 2026-12-03');
    // Near miss: a deadline moved that leaves every application on time.
    const kept = await run(makeFolder(files({ 'applications/a1.yaml': APP('2026-12-04') })), ['call', 'edit', 'c1', '--deadline', '2026-12-04']);
    expect(kept.stderr).not.toContain('frist');
  });
});

describe('an application\'s dates given in a file (--from-file)', () => {
  /** A file outside the data folder, as a case worker writes one. */
  const fileOf = (text: string) => join(makeFolder({ 'ansøgning.yaml': text }), 'ansøgning.yaml');
  const RECORD = (received: string, extra = '') => `call: c1\norganisations: [alpha]\ntitle: Samtaler\namount_dkk: 1000\nkind: development\nreceived: ${received}\n${extra}`;

  it('a day received before the call was published is said at its line and column in the file, with what to write there, not by an option; add and edit, in both languages', async () => {
    const dir = makeFolder(files({ 'applications/a1.yaml': APP('2026-12-02') }));
    const file = fileOf(RECORD('2026-11-30'));
    const add = await run(dir, ['application', 'add', '--from-file', file]);
    expect(add).toEqual({ code: 2, stdout: '', stderr: `  ${file}:6:11  modtagelsesdatoen ligger før opslaget c1 blev offentliggjort (1. dec. 2026), så der kan ikke være kommet en ansøgning til det den dag. Skriv i filen den dag, ansøgningen kom, som ÅÅÅÅ-MM-DD (fx 2026-11-12); civsam call show c1 viser opslagets datoer.\nfejl: ændringen blev afvist på grund af problemet ovenfor; intet er skrevet.\n` });
    const edit = await run(dir, ['application', 'edit', 'a1', '--from-file', file], 'en');
    expect(edit.code).toBe(2);
    expect(edit.stderr.split('\n')[0]).toBe(`  ${file}:6:11  the day received is before the call c1 was published (1 Dec 2026), so no application to it can have come then. Write in the file the day it came, as YYYY-MM-DD (such as 2026-11-12); civsam call show c1 shows the call's dates.`);
    expect(add.stderr + edit.stderr).not.toContain('--received');
    expect(readFileSync(join(dir, 'applications/a1.yaml'), 'utf8')).toBe(APP('2026-12-02'));
  });

  it('a decision dated before the day received, and one after today, are said at the decision\'s date in the file', async () => {
    const dir = makeFolder(files());
    const decision = (date: string) => `decision:\n  outcome: refused\n  date: ${date}\n  reason: Uden for formålet.\n  criteria: [reach]\n`;
    const before = await run(dir, ['application', 'add', '--from-file', fileOf(RECORD('2026-12-03', decision('2026-12-02')))]);
    expect(before.stderr.split('\n')[0]).toMatch(/:9:9 {2}afgørelsen er dateret før den dag, ansøgningen blev modtaget \(3\. dec\. 2026\), så den kan ikke være truffet den dag\. Skriv i filen den dag, den blev truffet, som ÅÅÅÅ-MM-DD \(fx 2026-11-12\), eller ret modtagelsesdatoen i filen\.$/);
    const future = await run(dir, ['application', 'add', '--from-file', fileOf(RECORD('2026-12-03', decision('2026-12-24')))]);
    expect(future.stderr.split('\n')[0]).toMatch(/:9:9 {2}afgørelsen er dateret efter i dag \(6\. dec\. 2026\): en afgørelse registreres, når den er truffet\. Skriv i filen den dag, den blev truffet, som ÅÅÅÅ-MM-DD \(fx 2026-11-12\)\.$/);
    expect(before.stderr + future.stderr).not.toContain('--date');
  });

  it('a day written as it is spoken (12. dec. 2026, 12-12-2026) is said as a date to write YYYY-MM-DD at its place, not compared as if it were one', async () => {
    const dir = makeFolder(files());
    for (const written of ['12. dec. 2026', '12-12-2026']) {
      const r = await run(dir, ['application', 'add', '--from-file', fileOf(RECORD(written))]);
      expect(r.code).toBe(2);
      expect(r.stderr.split('\n')[0]).toMatch(/ansøgning\.yaml:6:11 {2}Modtaget skal være en gyldig dato skrevet ÅÅÅÅ-MM-DD, fx 2026-03-01\.$/);
      expect(r.stderr).not.toContain('offentliggjort');
      expect(r.stderr).not.toContain('--received');
    }
  });

  it('near miss: the same dates given by options are still refused naming the option', async () => {
    const r = await run(makeFolder(files()), [...ADD, '--received', '2026-11-30']);
    expect(r.stderr).toContain('med --received');
  });
});
