// A refusal on formal grounds (received late, not eligible to apply) is not judged by the call's
// criteria: it names none, needs no scores, and its letter gives the ground instead of claiming to
// rest on a criterion. A late application refused without a criterion is recorded as refused for
// being late, and that is said. A withdrawn application gets no letter, and `call letters` says so.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { civsam } from '../helpers/cli.js';
import { baseFiles, makeFolder, org } from '../helpers/folder.js';
import { todayIs } from '../helpers/today.js';

const CALL = ['id: c1', 'title: Opslag 2027', 'areas: [psychiatry]', 'scope: regional', 'published: 2026-10-01', 'deadline: 2026-11-15', 'channel: public',
  'criteria:', '  - id: quality', '    text: {da: Faglig kvalitet}', '  - id: reach', '    text: {da: Rækkevidde}', ''].join('\n');
const APP = (id: string, o: string, title: string, received: string, extra = '') => `id: ${id}\ncall: c1\norganisations: [${o}]\ntitle: ${title}\namount_dkk: 1000\nkind: development\nreceived: ${received}\n${extra}`;
const SCORED = 'assessments:\n  - assessor: Anna\n    date: 2026-11-25\n    scores:\n      - {criterion: quality, score: 4}\n      - {criterion: reach, score: 3}\n';
const folder = () => makeFolder({
  ...baseFiles(),
  'organisations/beta.yaml': org('beta', 'Beta'),
  'organisations/gamma.yaml': org('gamma', 'Gamma'),
  'calls/c1.yaml': CALL,
  // In time and scored; late and never scored; in time, to be withdrawn.
  'applications/c1-alpha.yaml': APP('c1-alpha', 'alpha', 'Angstcafé', '2026-11-10', SCORED),
  'applications/c1-beta.yaml': APP('c1-beta', 'beta', 'Besøgsvenner', '2026-11-20'),
  'applications/c1-gamma.yaml': APP('c1-gamma', 'gamma', 'Hjertecafé', '2026-11-12'),
});
const run = (dir: string, args: string[], lang = 'da') => civsam(['--data', dir, ...args, '--no-commit'], { env: { CIVSAM_LANG: lang, COLUMNS: '300' } });
const letters = (dir: string, out: string, lang = 'da') => civsam(['--data', dir, 'call', 'letters', 'c1', '--out', out], { env: { CIVSAM_LANG: lang, COLUMNS: '300' } });
const decision = (dir: string, id: string) => readFileSync(join(dir, `applications/${id}.yaml`), 'utf8').split('decision:')[1] ?? '';

todayIs('2026-12-06');

describe('a refusal on formal grounds', () => {
  it('a late application refused without a criterion is recorded as refused for being late, said so; its letter gives that ground and names no criterion; the withdrawn one is named as left without a letter', async () => {
    const dir = folder();
    const late = await run(dir, ['application', 'decide', 'Besøgsvenner', '--decision', 'afslag', '--reason', 'Ansøgningen kom for sent']);
    expect(late.code, late.stderr).toBe(0);
    expect(late.stderr).toContain('Afslaget er registreret som et afslag af formelle grunde: ansøgning c1-beta blev modtaget efter fristen, og der er ikke angivet noget kriterium. Brevet siger det og nævner ingen kriterier. Bygger afslaget alligevel på kriterierne, så angiv dem: civsam application decide c1-beta --criteria KRITERIER.\n');
    expect(decision(dir, 'c1-beta')).toContain('formal: late');
    expect((await run(dir, ['application', 'decide', 'Angstcafé', '--decision', 'bevilget', '--reason', 'Stærk ansøgning', '--criteria', 'Faglig kvalitet'])).code).toBe(0);
    expect((await run(dir, ['application', 'decide', 'Hjertecafé', '--decision', 'trukket tilbage'])).code).toBe(0);
    // Neither a criterion nor scores are asked of it: the letters are written.
    const out = join(makeFolder({}), 'breve');
    const written = await letters(dir, out);
    expect(written.code, written.stderr).toBe(0);
    expect(written.stderr).toContain('Skrev 2 breve (Markdown og HTML) til');
    expect(written.stderr).toContain('Intet brev til ansøgningen, som ansøgeren har trukket tilbage: »Hjertecafé« (c1-gamma). En tilbagetrækning er ansøgerens egen, så regionen sender ingen afgørelse.\n');
    expect(readdirSync(out).filter((f) => f.endsWith('.md')).sort()).toEqual(['c1-alpha.md', 'c1-beta.md']);
    const refusal = readFileSync(join(out, 'c1-beta.md'), 'utf8');
    expect(refusal).toContain('Region Test giver afslag på jeres ansøgning om 1.000 kr. til »Besøgsvenner«, fordi den blev modtaget efter ansøgningsfristen den 15. nov. 2026. Den er derfor ikke bedømt efter opslagets kriterier.');
    expect(refusal).toContain('Ansøgningen kom for sent');
    expect(refusal).not.toContain('bygger særligt på');
    expect(refusal).not.toContain('Faglig kvalitet');
    // The audit asks nothing of it either.
    const audit = await civsam(['--data', dir, 'audit', '--format', 'json', '--as-of', '2026-12-06']);
    expect((JSON.parse(audit.stdout) as { findings: Array<{ subject: { id: string } }> }).findings.filter((f) => f.subject.id === 'c1-beta')).toEqual([]);
  });

  it('--formal ineligible is said in the letter; near misses: --formal on a grant, with --criteria, or late for one received in time, are refused and write nothing', async () => {
    const dir = folder();
    const before = readFileSync(join(dir, 'applications/c1-alpha.yaml'), 'utf8');
    const grant = await run(dir, ['application', 'decide', 'c1-alpha', '--decision', 'bevilget', '--formal', 'for sent']);
    expect(grant.code).toBe(2);
    expect(grant.stderr.split('\n')[0]).toBe('fejl: --formal angiver den formelle grund til et afslag, og afgørelsen »bevilget« er ikke et afslag. Angiv --decision afslag sammen med den, eller udelad --formal.');
    const both = await run(dir, ['application', 'decide', 'c1-alpha', '--decision', 'afslag', '--formal', 'ikke berettiget', '--criteria', 'reach']);
    expect(both.stderr.split('\n')[0]).toBe('fejl: et afslag af formelle grunde bedømmes ikke efter kriterierne og nævner derfor ingen: angiv enten --formal eller --criteria, ikke begge.');
    const inTime = await run(dir, ['application', 'decide', 'c1-alpha', '--decision', 'afslag', '--formal', 'for sent']);
    expect(inTime).toMatchObject({ code: 2, stderr: 'fejl: ansøgning c1-alpha blev modtaget inden opslagets frist, så den kan ikke afvises for at komme for sent. Er modtagelsesdatoen forkert, så ret den først (civsam application edit c1-alpha --received ÅÅÅÅ-MM-DD); ellers giv afslag efter kriterierne med --criteria.\n' });
    // --formal alone (without the decision) would have been dropped unseen: refused.
    const alone = await run(dir, ['application', 'decide', 'c1-alpha', '--formal', 'ikke berettiget', '--reason', 'Ikke hjemmehørende']);
    expect(alone).toMatchObject({ code: 2, stderr: 'fejl: --formal angives sammen med hele afslaget, for et afslag af formelle grunde nævner ingen kriterier: civsam application decide c1-alpha --decision afslag --formal \'ikke berettiget\' --reason TEKST.\n' });
    expect(readFileSync(join(dir, 'applications/c1-alpha.yaml'), 'utf8')).toBe(before);
    // A refusal in time without --formal still has to name its criteria: nothing is inferred.
    expect((await run(dir, ['application', 'decide', 'c1-alpha', '--decision', 'afslag', '--reason', 'Lav kvalitet'])).stderr).not.toContain('formelle');
    expect(decision(dir, 'c1-alpha')).not.toContain('formal');
    expect((await run(dir, ['application', 'decide', 'c1-alpha', '--decision', 'afslag', '--formal', 'ikke berettiget', '--reason', 'Foreningen er ikke hjemmehørende i regionen'])).code).toBe(0);
    expect(decision(dir, 'c1-alpha')).toContain('formal: ineligible');
    const out = join(makeFolder({}), 'letters');
    expect((await letters(dir, out, 'en')).code).toBe(0);
    expect(readFileSync(join(out, 'c1-alpha.md'), 'utf8')).toContain('Region Test refuses your application for DKK 1,000 for “Angstcafé”, because you may not apply under the call “Opslag 2027”. It has therefore not been assessed by the call\'s criteria. The reasons follow.');
  });
});

describe('a refusal for being late whose day received or deadline is corrected afterwards', () => {
  const refuseLate = async (dir: string) => expect((await run(dir, ['application', 'decide', 'c1-beta', '--decision', 'afslag', '--formal', 'for sent', '--date', '2026-11-25', '--reason', 'Ansøgningen kom efter fristen.'])).code).toBe(0);

  it('the edit says the letter would be untrue, the audit reports it as an error, and call letters writes none, naming the application and the fix', async () => {
    const dir = folder();
    await refuseLate(dir);
    const edit = await run(dir, ['application', 'edit', 'c1-beta', '--received', '2026-11-12']);
    expect(edit.code, edit.stderr).toBe(0);
    expect(edit.stderr).toContain('Bemærk: ansøgning c1-beta har fået afslag, fordi den kom for sent, men efter denne ændring kom den i tide (modtaget 12. nov. 2026, frist 15. nov. 2026), så brevet ville sige noget urigtigt: civsam audit melder det, og civsam call letters skriver ingen breve, før afslaget er taget tilbage (civsam application edit c1-beta --unset decision) og ansøgningen er bedømt efter kriterierne.\n');
    const audit = await civsam(['--data', dir, 'audit', '--format', 'json', '--as-of', '2026-12-06']);
    const found = (JSON.parse(audit.stdout) as { findings: Array<{ rule: string; severity: string; subject: { id: string } }> }).findings.filter((f) => f.rule === 'refused-late-in-time');
    expect(found.map((f) => [f.subject.id, f.severity])).toEqual([['c1-beta', 'error']]);
    const out = join(makeFolder({}), 'breve');
    const letter = await letters(dir, out);
    expect(letter.code).toBe(2);
    expect(letter.stderr.replace(/\s+/g, ' ')).toContain('»Besøgsvenner« (ansøgning c1-beta): – afvist for at komme for sent, men modtaget 12. nov. 2026, inden fristen 15. nov. 2026 i opslaget »Opslag 2027«: brevet ville sige, at den kom for sent. Tag afslaget tilbage (civsam application edit c1-beta --unset decision), og bedøm den efter kriterierne, eller ret modtagelsesdatoen, hvis det er den, der er forkert (civsam application edit c1-beta --received ÅÅÅÅ-MM-DD).');
    expect(() => readdirSync(out)).toThrow();
  });

  it('a deadline moved past the day it was received is said too; near miss: a day received corrected but still late says nothing', async () => {
    const dir = folder();
    await refuseLate(dir);
    const still = await run(dir, ['application', 'edit', 'c1-beta', '--received', '2026-11-18']);
    expect(still.code).toBe(0);
    expect(still.stderr).not.toContain('urigtigt');
    const moved = await run(dir, ['call', 'edit', 'c1', '--deadline', '2026-11-30']);
    expect(moved.code, moved.stderr).toBe(0);
    expect(moved.stderr).toContain('Bemærk: med den nye frist kom 1 ansøgning, der har fået afslag for at komme for sent, i tide (c1-beta), så brevet ville sige noget urigtigt: civsam audit melder det, og civsam call letters skriver ingen breve, før afslaget er taget tilbage (civsam application edit c1-beta --unset decision). Var det ikke meningen at flytte fristen, så sæt den tilbage med civsam call edit c1 --deadline 2026-11-15.\n');
    const audit = await civsam(['--data', dir, 'audit', '--format', 'json', '--as-of', '2026-12-06']);
    expect((JSON.parse(audit.stdout) as { findings: Array<{ rule: string }> }).findings.filter((f) => f.rule === 'refused-late-in-time')).toHaveLength(1);
  });
});

describe('an earlier letter whose decision is taken back', () => {
  it('is removed when it is as civsam wrote it, and said; one changed by hand is kept and named', async () => {
    const dir = folder();
    expect((await run(dir, ['application', 'decide', 'c1-alpha', '--decision', 'bevilget', '--reason', 'Stærk ansøgning', '--criteria', 'Faglig kvalitet'])).code).toBe(0);
    expect((await run(dir, ['application', 'decide', 'c1-beta', '--decision', 'afslag', '--reason', 'Ansøgningen kom for sent'])).code).toBe(0);
    const out = join(makeFolder({}), 'breve');
    expect((await letters(dir, out)).code).toBe(0);
    expect(readdirSync(out).filter((f) => !f.startsWith('.')).sort()).toEqual(['c1-alpha.html', 'c1-alpha.md', 'c1-beta.html', 'c1-beta.md']);
    expect((await run(dir, ['application', 'edit', 'c1-alpha', '--unset', 'decision'])).code).toBe(0);
    const again = await letters(dir, out);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain(`Skrev 1 brev (Markdown og HTML) til ${out}.\nFjernede det tidligere brev i ${out} til ansøgning c1-alpha, som ikke længere har en afgørelse at sende (Markdown og HTML).\n`);
    expect(readdirSync(out).filter((f) => !f.startsWith('.')).sort()).toEqual(['c1-beta.html', 'c1-beta.md']);
    // Changed by hand, then its decision taken back too: kept, and named, also when no letter is left to write.
    writeFileSync(join(out, 'c1-beta.md'), readFileSync(join(out, 'c1-beta.md'), 'utf8') + '\nSendt 1. dec.\n');
    expect((await run(dir, ['application', 'edit', 'c1-beta', '--unset', 'decision'])).code).toBe(0);
    const none = await letters(dir, out);
    expect(none.code, none.stderr).toBe(0);
    expect(none.stderr).toContain(`Beholdt det tidligere brev i ${out} til ansøgning c1-beta, som ikke længere har en afgørelse at sende, fordi det er ændret, efter civsam skrev det (c1-beta.html, c1-beta.md). Slet det, så det ikke bliver sendt ved en fejl.\n`);
    expect(readdirSync(out).filter((f) => !f.startsWith('.')).sort()).toEqual(['c1-beta.html', 'c1-beta.md']);
  });
});

describe('a refusal because the applicant may not apply', () => {
  it('needs a reason, which its letter gives, addressed to the applicant; one without, from a file, is an error of the audit and gets no letter', async () => {
    const dir = folder();
    const before = readFileSync(join(dir, 'applications/c1-gamma.yaml'), 'utf8');
    const bare = await run(dir, ['application', 'decide', 'c1-gamma', '--decision', 'afslag', '--formal', 'ikke berettiget']);
    expect(bare).toMatchObject({ code: 2, stderr: 'fejl: et afslag, fordi ansøgeren ikke kan søge under opslaget, skal sige, hvilken betingelse ansøgeren ikke opfylder, så ansøgeren kan forstå det og klage: angiv den med --reason, fx civsam application decide c1-gamma --decision afslag --formal \'ikke berettiget\' --reason "Foreningen er ikke hjemmehørende i regionen."\n' });
    expect(readFileSync(join(dir, 'applications/c1-gamma.yaml'), 'utf8')).toBe(before);
    // A refusal for being late given again as one for not being eligible does not keep "late" as its reason.
    expect((await run(dir, ['application', 'decide', 'c1-beta', '--decision', 'afslag', '--formal', 'for sent', '--reason', 'Kom for sent'])).code).toBe(0);
    expect((await run(dir, ['application', 'decide', 'c1-beta', '--decision', 'afslag', '--formal', 'ikke berettiget'])).code).toBe(2);
    const given = await run(dir, ['application', 'decide', 'c1-gamma', '--decision', 'afslag', '--formal', 'ikke berettiget', '--reason', 'Foreningen har ikke hjemsted i regionen.']);
    expect(given.code, given.stderr).toBe(0);
    expect((await run(dir, ['application', 'decide', 'c1-alpha', '--decision', 'bevilget', '--reason', 'Stærk ansøgning', '--criteria', 'Faglig kvalitet'])).code).toBe(0);
    const out = join(makeFolder({}), 'breve');
    expect((await letters(dir, out)).code).toBe(0);
    const letter = readFileSync(join(out, 'c1-gamma.md'), 'utf8');
    expect(letter).toContain('Region Test giver afslag på jeres ansøgning om 1.000 kr. til »Hjertecafé«, fordi I ikke kan søge under opslaget »Opslag 2027«. Den er derfor ikke bedømt efter opslagets kriterier. Begrundelsen følger nedenfor.\n\n## Begrundelse\n\nForeningen har ikke hjemsted i regionen.\n');
    // The reason taken out of the file by hand: the audit reports it, and no letter is written.
    writeFileSync(join(dir, 'applications/c1-gamma.yaml'), readFileSync(join(dir, 'applications/c1-gamma.yaml'), 'utf8').replace(/\n  reason: .*\n/, '\n'));
    const audit = await civsam(['--data', dir, 'audit', '--format', 'json', '--as-of', '2026-12-06', '--lang', 'da']);
    const found = (JSON.parse(audit.stdout) as { findings: Array<{ rule: string; severity: string; subject: { id: string }; text?: string }> }).findings.filter((f) => f.subject.id === 'c1-gamma');
    expect(found.map((f) => [f.rule, f.severity])).toEqual([['decision-without-reason', 'error']]);
    const none = await letters(dir, join(makeFolder({}), 'igen'));
    expect(none.code).toBe(2);
    expect(none.stderr.replace(/\s+/g, ' ')).toContain('afvist den 6. dec. 2026, fordi ansøgeren ikke kan søge under opslaget »Opslag 2027«, uden begrundelse: ansøgeren skal have at vide, hvilken betingelse den ikke opfylder. Tilføj den: civsam application decide c1-gamma --reason TEKST.');
  });
});

describe('an application named by its organisation', () => {
  it('is found when the organisation has that one application; with several, each is listed with its call', async () => {
    const dir = folder();
    const one = await run(dir, ['application', 'decide', 'Gamma', '--decision', 'afslag', '--formal', 'ikke berettiget', '--reason', 'Foreningen har ikke hjemsted i regionen.']);
    expect(one.code, one.stderr).toBe(0);
    expect(decision(dir, 'c1-gamma')).toContain('formal: ineligible');
    writeFileSync(join(dir, 'applications/c1-gamma-2.yaml'), 'id: c1-gamma-2\ncall: c1\norganisations: [gamma]\namount_dkk: 500\nkind: development\nreceived: 2026-11-12\n');
    const two = await run(dir, ['application', 'decide', 'Gamma', '--decision', 'afslag', '--formal', 'ikke berettiget', '--reason', 'Foreningen har ikke hjemsted i regionen.']);
    expect(two).toMatchObject({ code: 2, stderr: 'fejl: 2 ansøgninger passer til det, du angav: Gamma i opslaget »Opslag 2027« (c1-gamma-2); »Hjertecafé« fra Gamma i opslaget »Opslag 2027« (c1-gamma). Angiv mere af navnet eller titlen, eller id\'et.\n' });
  });
});

describe('call ranking and a refusal on formal grounds', () => {
  it('does not rank a scored application refused as not eligible, and says its ground; near miss: one refused by the criteria keeps its place', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'applications/c1-gamma.yaml'), APP('c1-gamma', 'gamma', 'Hjertecafé', '2026-11-12', SCORED.replace('score: 4', 'score: 5')));
    expect((await run(dir, ['application', 'decide', 'c1-gamma', '--decision', 'afslag', '--formal', 'ikke berettiget', '--reason', 'Foreningen har ikke hjemsted i regionen.'])).code).toBe(0);
    expect((await run(dir, ['application', 'decide', 'c1-alpha', '--decision', 'afslag', '--reason', 'Lav kvalitet', '--criteria', 'Faglig kvalitet'])).code).toBe(0);
    expect((await run(dir, ['application', 'decide', 'c1-beta', '--decision', 'afslag', '--reason', 'For sent'])).code).toBe(0);
    const table = await civsam(['--data', dir, 'call', 'ranking', 'c1'], { env: { CIVSAM_LANG: 'da', COLUMNS: '300' } });
    expect(table.code, table.stderr).toBe(0);
    // Each row names its application by its title.
    const line = (title: string) => table.stdout.split('\n').find((l) => l.includes(` ${title} `)) ?? '';
    expect(line(titleOf(dir, 'c1-alpha'))).toMatch(/^│ +1 │ Alpha Forening .*│ afslag +│/);
    expect(line('Hjertecafé')).toMatch(/^│ ikke placeret │ Gamma .*│ afslag: ikke berettiget │/);
    expect(line(titleOf(dir, 'c1-beta'))).toMatch(/^│ ikke placeret │ Beta .*│ afslag: for sent +│/);
    const json = JSON.parse((await civsam(['--data', dir, 'call', 'ranking', 'c1', '--format', 'json'])).stdout) as { applications: Array<{ id: string; rank: number | null; formal: string | null }> };
    expect(json.applications.map((a) => [a.id, a.rank, a.formal])).toEqual([['c1-alpha', 1, null], ['c1-beta', null, 'late'], ['c1-gamma', null, 'ineligible']]);
  });
});

/** An application's title, as its file gives it. */
function titleOf(dir: string, id: string): string {
  return /^title: (.*)$/m.exec(readFileSync(join(dir, 'applications', `${id}.yaml`), 'utf8'))![1];
}
