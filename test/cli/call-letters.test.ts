// `civsam call letters` on the sample data: one answer per decided application, a refusal that
// carries its reasons and criteria, no assessor named anywhere, never written into the data folder.
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogue } from '../../src/i18n/catalogue/index.js';
import { civsam } from '../helpers/cli.js';
import { baseFiles, makeFolder, org } from '../helpers/folder.js';
import { sampleWithReasons, UNREASONED } from '../helpers/sample-letters.js';

describe('call letters', () => {
  it('writes one letter per applicant, in Markdown and HTML, with the reasons and criteria of a refusal', async () => {
    const out = join(makeFolder({}), 'breve');
    const r = await civsam(['call', 'letters', '2025-civilsamfundspuljen', '--out', out, '--data', sampleWithReasons()], { env: { CIVSAM_LANG: undefined } });
    expect(r.code, r.stderr).toBe(0);
    const files = readdirSync(out).sort();
    expect(files.filter((f) => f.endsWith('.md'))).toHaveLength(8);
    expect(files.filter((f) => f.endsWith('.html'))).toHaveLength(8);
    const refusal = readFileSync(join(out, '2025-civilsamfundspuljen-gryden-horsens.md'), 'utf8');
    expect(refusal).toContain('giver afslag på jeres ansøgning om 200.000 kr.');
    expect(refusal).toContain('Horsens fik midler i 2024, og andre ansøgninger dækkede kommuner uden midler.');
    expect(refusal).toContain('Afgørelsen bygger særligt på disse af opslagets kriterier:\n\n- I 2025 prioriteres tilbud i kommuner, der ikke fik midler i 2024.');
    expect(refusal).toContain('Folketingets Ombudsmand');
    expect(refusal.split('\n')[0]).toBe('# Afgørelse om jeres ansøgning: Puljen til styrkelse af civilsamfundssamarbejdet – ansøgningsrunde 2025');
    for (const f of files) {
      const text = readFileSync(join(out, f), 'utf8');
      expect(text, f).not.toContain('Fagkonsulent');
    }
    expect(readFileSync(join(out, '2025-civilsamfundspuljen-gryden-horsens.html'), 'utf8')).toContain('<html lang="da">');
    // The application by its title, as the applicant knows it, not by the register's id.
    expect(refusal).toContain('- **Ansøgning:** Madværksted i Horsens\n');
    expect(refusal).not.toContain('2025-civilsamfundspuljen-gryden-horsens');
    expect(readFileSync(join(out, '2025-civilsamfundspuljen-gryden-horsens.html'), 'utf8')).toContain('<dt>Ansøgning</dt><dd>Madværksted i Horsens</dd>');
  });

  it('quotes as each language does: “…” in English, »…« in Danish, never straight quotes', async () => {
    const data = sampleWithReasons();
    const letters = async (lang: 'en' | 'da') => {
      const out = join(makeFolder({}), lang);
      expect((await civsam(['--data', data, '--lang', lang, 'call', 'letters', '2025-civilsamfundspuljen', '--out', out])).code).toBe(0);
      return (name: string) => readFileSync(join(out, name), 'utf8');
    };
    const en = await letters('en');
    expect(en('2025-civilsamfundspuljen-gryden-horsens.md')).toContain('refuses your application for DKK 200,000 for “Madværksted i Horsens”. The reasons follow.');
    expect(en('2025-civilsamfundspuljen-gryden-horsens.html')).toContain('for “Madværksted i Horsens”.');
    const da = await letters('da');
    expect(da('2025-civilsamfundspuljen-gryden-horsens.md')).toContain('giver afslag på jeres ansøgning om 200.000 kr. til »Madværksted i Horsens«. Begrundelsen følger nedenfor.');
    // Every sentence of a letter, with or without the application's title.
    const keys = Object.keys(catalogue.en).filter((k) => k.startsWith('letter.'));
    expect(keys.filter((k) => /"|„|»|«/.test(String(catalogue.en[k as keyof typeof catalogue.en])))).toEqual([]);
    expect(keys.filter((k) => /"|“|”|„/.test(String(catalogue.da[k as keyof typeof catalogue.da])))).toEqual([]);
    expect(catalogue.en['letter.refusedCall']).toContain('under the call “{call}”');
  });

  it('writes none while a refusal or partial grant has no reason (its letter would promise reasons it does not give), and says which and what to do', async () => {
    const out = join(makeFolder({}), 'breve');
    const r = await civsam(['call', 'letters', '2025-civilsamfundspuljen', '--out', out]);
    expect(r.code).toBe(2);
    expect(UNREASONED).toBe('applications/2025-civilsamfundspuljen-sorggruppen-favrskov.yaml');
    expect(r.stderr).toBe([
      'error: no letter was written: one decision is not fit to be sent, as civsam audit also says:',
      '  “Sorggrupper i Favrskov” (application',
      '    2025-civilsamfundspuljen-sorggruppen-favrskov):',
      '    – decided refused on 28 Mar 2025 without a reason and without naming any of',
      '      the criteria of the call “Puljen til styrkelse af civilsamfundssamarbejdet',
      '      – ansøgningsrunde 2025”; a refusal or partial grant must give its reasons',
      '      and the criteria it rests on. Add both:',
      '      civsam application decide 2025-civilsamfundspuljen-sorggruppen-favrskov --reason TEXT --criteria CRITERIA.',
      'Put the decisions right (civsam application decide); a decision that must rest on scores not yet given is taken back first (civsam application edit ID --unset decision), scored (civsam application assess) and decided again. Then write the letters again.',
      '',
    ].join('\n'));
    expect(() => readdirSync(out)).toThrow();
  });

  it('never replaces a letter a person has edited since, or one civsam did not write, unless told to', async () => {
    const data = sampleWithReasons();
    const out = join(makeFolder({}), 'breve');
    const run = (...more: string[]) => civsam(['call', 'letters', '2025-civilsamfundspuljen', '--out', out, '--data', data, ...more]);
    expect((await run()).code).toBe(0);
    expect((await run()).code).toBe(0); // as civsam wrote them: replaced
    const letter = join(out, '2025-civilsamfundspuljen-gryden-horsens.md');
    const edited = readFileSync(letter, 'utf8') + '\nRettet af sagsbehandleren.\n';
    writeFileSync(letter, edited);
    writeFileSync(join(out, '2025-civilsamfundspuljen-aedru-sammen-midt.html'), '<p>mit eget</p>'); // not from civsam's record
    rmSync(join(out, '2025-civilsamfundspuljen-lungeklubben-herning.md')); // gone: simply written again
    const refused = await run();
    // The two changed letters kept and named, the others written all the same; exit 2, as not every answer is the register's.
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(`Wrote 6 letters (Markdown and HTML) to ${out}.\nerror: the letters to the 2 applications 2025-civilsamfundspuljen-aedru-sammen-midt, 2025-civilsamfundspuljen-gryden-horsens were not written: the letters in ${out} were changed since civsam wrote them, or not written by civsam (2025-civilsamfundspuljen-aedru-sammen-midt.html, 2025-civilsamfundspuljen-gryden-horsens.md), and are kept as they are. Move them elsewhere to keep the changes and write the letters again, or give --overwrite to replace them.\n`);
    expect(readFileSync(letter, 'utf8')).toBe(edited);
    expect(readFileSync(join(out, '2025-civilsamfundspuljen-aedru-sammen-midt.html'), 'utf8')).toBe('<p>mit eget</p>');
    expect(readdirSync(out)).toContain('2025-civilsamfundspuljen-lungeklubben-herning.md');
    expect((await run('--overwrite')).code).toBe(0);
    expect(readFileSync(letter, 'utf8')).not.toContain('Rettet af sagsbehandleren');
    expect(readdirSync(out)).toContain('2025-civilsamfundspuljen-lungeklubben-herning.md');
    expect((await run()).code).toBe(0);
  });

  it('one rule for a hand-edited letter: kept and named, the others written, an unedited letter with no decision behind it removed', async () => {
    const data = sampleWithReasons();
    const out = join(makeFolder({}), 'breve');
    const run = (...more: string[]) => civsam(['--data', data, '--lang', 'da', ...more]);
    const letters = ['call', 'letters', '2025-civilsamfundspuljen', '--out', out];
    expect((await run(...letters)).code).toBe(0);
    const letter = join(out, '2025-civilsamfundspuljen-gryden-horsens.md');
    const edited = readFileSync(letter, 'utf8') + 'x\n';
    writeFileSync(letter, edited);
    expect((await run('application', 'edit', '2025-civilsamfundspuljen-lungeklubben-herning', '--unset', 'decision', '--no-commit')).code).toBe(0);
    const r = await run(...letters);
    expect(r.code).toBe(2);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe(`Skrev 6 breve (Markdown og HTML) til ${out}.`);
    expect(lines[1]).toBe(`Fjernede det tidligere brev i ${out} til ansøgning 2025-civilsamfundspuljen-lungeklubben-herning, som ikke længere har en afgørelse at sende (Markdown og HTML).`);
    expect(lines.at(-1)).toBe(`fejl: brevet til ansøgning 2025-civilsamfundspuljen-gryden-horsens blev ikke skrevet: det brev, der ligger i ${out}, er ændret, siden civsam skrev det, eller er ikke skrevet af civsam (2025-civilsamfundspuljen-gryden-horsens.md), og det er beholdt, som det er. Flyt det et andet sted hen for at beholde ændringerne, og skriv brevene igen, eller angiv --overwrite for at erstatte det.`);
    expect(readFileSync(letter, 'utf8')).toBe(edited);
    expect(readdirSync(out).filter((f) => f.includes('lungeklubben'))).toEqual([]);
    expect(readdirSync(out).filter((f) => f.endsWith('.md'))).toHaveLength(7);
  });

  it('refuses an --out inside the data folder and writes nothing', async () => {
    const r = await civsam(['call', 'letters', '2025-civilsamfundspuljen', '--out', 'data/breve']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('inside the data folder');
  });
});

// A call whose decisions the audit marks as errors, built here: letters are refused for all, each
// wrong decision named by its application's title with what is wrong; put right, they are written,
// and a letter without a case number does not ask for one (the application's id is none).
describe('call letters and decisions that are not fit to send', () => {
  const CALL = {
    id: 'c1', title: 'Psykiatriopslag', areas: ['psychiatry'], scope: 'regional', published: '2026-01-05', deadline: '2026-02-01', channel: 'public',
    criteria: [{ id: 'samarbejde', text: { da: 'Samarbejde' } }, { id: 'reach', text: { da: 'Rækkevidde' } }],
  };
  const both = [{ assessor: 'Fagkonsulent', date: '2026-02-10', scores: [{ criterion: 'samarbejde', score: 4 }, { criterion: 'reach', score: 3 }] }];
  const onlyOne = [{ assessor: 'Fagkonsulent', date: '2026-02-10', scores: [{ criterion: 'samarbejde', score: 4 }] }];
  const app = (id: string, o: string, title: string, assessments: unknown[], decision: object) => JSON.stringify({
    id, call: 'c1', organisations: [o], title, amount_dkk: 150_000, kind: 'development', received: '2026-01-20', assessments, decision: { date: '2026-03-01', ...decision },
  }) + '\n';
  const filesOf = (): Record<string, string> => ({
    ...baseFiles(),
    'organisations/beta.yaml': org('beta', 'Beta'), 'organisations/gamma.yaml': org('gamma', 'Gamma'), 'organisations/delta.yaml': org('delta', 'Delta'),
    'calls/c1.yaml': JSON.stringify(CALL) + '\n',
    // Fine: granted in full, every score, a case number.
    'applications/a-fine.yaml': app('a-fine', 'alpha', 'Samtalegrupper', both, { outcome: 'granted', amount_dkk: 150_000, case_number: '1-30-72-45-26' }),
    // A refusal whose reason names no criterion (decision-without-reason).
    'applications/b-refused.yaml': app('b-refused', 'beta', 'Peer-grupper', both, { outcome: 'refused', reason: 'Andre var bedre' }),
    // A grant without every score (assessment-incomplete), and without a case number.
    'applications/c-unscored.yaml': app('c-unscored', 'gamma', 'Besøgsvenner i psykiatrien', onlyOne, { outcome: 'granted', amount_dkk: 150_000 }),
    // A partial grant that gives no amount: its letter could only say "0 kr.".
    'applications/d-no-amount.yaml': app('d-no-amount', 'delta', 'Værested', both, { outcome: 'partly', reason: 'Delvis', criteria: ['reach'] }),
    // Granted "in full" with less than the 150,000 applied for: the letter would say "as applied for".
    'applications/e-less.yaml': app('e-less', 'alpha', 'Café', both, { outcome: 'granted', amount_dkk: 100_000, case_number: '1-30-72-48-26' }),
  });
  const dir = () => makeFolder(filesOf());

  it('writes none, naming each wrong decision by its title and what is wrong', async () => {
    const data = dir();
    const out = join(makeFolder({}), 'breve');
    // Wrapped at 100 columns, the widest an error is wrapped at.
    const r = await civsam(['--data', data, '--lang', 'da', 'call', 'letters', 'Psykiatriopslag', '--output', out], { env: { COLUMNS: '200' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe([
      'fejl: der blev ikke skrevet nogen breve: 4 afgørelser kan ikke sendes, som civsam audit også viser:',
      '  »Peer-grupper« (ansøgning b-refused):',
      '    – afgjort (afslag) den 1. mar. 2026 med en begrundelse, der ikke nævner nogen af kriterierne i',
      '      opslaget »Psykiatriopslag«. Angiv de kriterier, afgørelsen bygger på:',
      '      civsam application decide b-refused --criteria KRITERIER.',
      '  »Besøgsvenner i psykiatrien« (ansøgning c-unscored):',
      '    – mangler 1 karakter for kriteriet »Rækkevidde« i opslaget »Psykiatriopslag«; 1 bedømmer har',
      '      bedømt ansøgninger til opslaget. Se bedømmerens karakterer med',
      '      civsam application show c-unscored. Afgørelsen blev truffet uden den manglende karakter: skal',
      '      den bygge på den, så tag afgørelsen tilbage først',
      '      (civsam application edit c-unscored --unset decision), registrér karakteren med',
      '      civsam application assess c-unscored --assessor NAVN --score reach=N, og træf afgørelsen igen.',
      '  »Værested« (ansøgning d-no-amount):',
      '    – delvist bevilget uden det bevilgede beløb, så brevet kan ikke sige, hvad der bevilges. Tilføj',
      '      det bevilgede beløb med civsam application decide d-no-amount --amount BELØB.',
      '  »Café« (ansøgning e-less):',
      '    – bevilget fuldt ud med 100.000 kr., men der blev søgt om 150.000 kr., så brevets »som ansøgt«',
      '      ville være forkert. Bevilges det hele, så registrér afgørelsen uden beløb:',
      '      civsam application decide e-less --decision bevilget --date 2026-03-01; bevilges kun',
      '      100.000 kr., så registrér en delvis bevilling med begrundelse:',
      '      civsam application decide e-less --decision "delvist bevilget" --date 2026-03-01 --amount 100000 --reason TEKST --criteria KRITERIER.',
      'Ret afgørelserne (civsam application decide); en afgørelse, der skal bygge på karakterer, som ikke er givet, tages først tilbage (civsam application edit ID --unset decision), bedømmes (civsam application assess) og træffes igen. Skriv så brevene igen.',
      '',
    ].join('\n'));
    expect(() => readdirSync(out)).toThrow();
  });

  it('once they are put right, writes them; one without a case number does not ask for one, and the command says so', async () => {
    const data = dir();
    const put = async (...args: string[]) => expect((await civsam(['--data', data, ...args, '--no-commit'])).code).toBe(0);
    await put('application', 'decide', 'b-refused', '--decision', 'refused', '--date', '2026-03-01', '--reason', 'Andre var bedre', '--criteria', 'reach');
    // A decided application's scores stand: the decision is taken back, scored and made again, as the advice says.
    await put('application', 'edit', 'c-unscored', '--unset', 'decision');
    await put('application', 'assess', 'c-unscored', '--assessor', 'Fagkonsulent', '--score', 'reach=3', '--date', '2026-02-10');
    await put('application', 'decide', 'c-unscored', '--decision', 'granted', '--date', '2026-03-01');
    // The advice as printed, its placeholders for what was never recorded (the reason, the criteria) filled in.
    await put('--lang', 'da', 'application', 'decide', 'e-less', '--decision', 'delvist bevilget', '--date', '2026-03-01', '--amount', '100000', '--reason', 'Delvis', '--criteria', 'reach');
    await put('application', 'decide', 'd-no-amount', '--decision', 'partly', '--date', '2026-03-01', '--amount', '100000', '--reason', 'Delvis', '--criteria', 'reach', '--case', '1-30-72-47-26');
    const out = join(makeFolder({}), 'breve');
    // --out, the option's earlier name, still works.
    const r = await civsam(['--data', data, '--lang', 'da', 'call', 'letters', 'c1', '--out', out], { env: { COLUMNS: '200' } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe([
      `Skrev 5 breve (Markdown og HTML) til ${out}.`,
      '2 breve til Beta og Gamma har intet journalnummer, så de beder ikke ansøgeren om at oplyse noget journalnummer. Skal det med i brevet, så føj det til afgørelsen (civsam application decide b-refused --case JOURNALNUMMER; resten af afgørelsen bevares), og skriv brevene igen.',
      '',
    ].join('\n'));
    const unnumbered = readFileSync(join(out, 'c-unscored.md'), 'utf8');
    expect(unnumbered).toContain('Har I spørgsmål, så kontakt Region Test (https://region.example).\n');
    expect(unnumbered).not.toContain('journalnummer');
    expect(unnumbered).not.toContain('Journalnummer');
    expect(readFileSync(join(out, 'c-unscored.html'), 'utf8')).not.toContain('journalnummer');
    expect(readFileSync(join(out, 'a-fine.md'), 'utf8')).toContain('Har I spørgsmål, så kontakt Region Test (https://region.example), og oplys journalnummer 1-30-72-45-26.');
    expect(readFileSync(join(out, 'd-no-amount.md'), 'utf8')).toContain('bevilger jer 100.000 kr. af de 150.000 kr., I søgte om, til »Værested«.');
  });

  it('with an assessor disqualified by a declared tie, counts that assessor\'s scores as neither given nor missing, and advises an assessor without ties', async () => {
    // Konsulent B declared a tie to Beta, which applies (b-refused), and scored a-fine only: B does not count,
    // so a-fine is not short of scores, and the advice to assess does not mean "let B score the rest".
    const files = filesOf();
    files['calls/c1.yaml'] = JSON.stringify({ ...CALL, declarations: [{ assessor: 'Konsulent B', date: '2026-02-01', ties: [{ organisation: 'beta', relation: 'board' }] }] }) + '\n';
    const withB = [...both, { assessor: 'Konsulent B', date: '2026-02-10', scores: [{ criterion: 'samarbejde', score: 5 }, { criterion: 'reach', score: 5 }] }];
    files['applications/a-fine.yaml'] = app('a-fine', 'alpha', 'Samtalegrupper', withB, { outcome: 'granted', amount_dkk: 150_000, case_number: '1-30-72-45-26' });
    const data = makeFolder(files);
    const out = join(makeFolder({}), 'breve');
    const r = await civsam(['--data', data, '--lang', 'da', 'call', 'letters', 'c1', '--output', out], { env: { COLUMNS: '200' } });
    expect(r.code).toBe(2);
    expect(r.stderr).not.toContain('Samtalegrupper');
    expect(r.stderr).toContain([
      '  »Besøgsvenner i psykiatrien« (ansøgning c-unscored):',
      '    – mangler 1 karakter for kriteriet »Rækkevidde« i opslaget »Psykiatriopslag«; 1 bedømmer har',
      '      bedømt ansøgninger til opslaget; karaktererne fra 1 bedømmer med erklæret tilknytning til en',
      '      ansøger tæller ikke med, og vedkommende må ikke bedømme opslagets ansøgninger.',
    ].join('\n'));
    expect(r.stderr.endsWith('\nRet afgørelserne (civsam application decide); en afgørelse, der skal bygge på karakterer, som ikke er givet, tages først tilbage (civsam application edit ID --unset decision), bedømmes af en bedømmer uden tilknytning til ansøgerne (civsam application assess) og træffes igen. Skriv så brevene igen. En bedømmer, der har erklæret tilknytning til en ansøger, er inhabil i hele opslaget: vedkommendes karakterer tæller ikke med, og vedkommende må ikke give flere.\n')).toBe(true);
    const en = await civsam(['--data', data, 'call', 'letters', 'c1', '--output', out], { env: { COLUMNS: '200' } });
    expect(en.stderr.endsWith('\nPut the decisions right (civsam application decide); a decision that must rest on scores not yet given is taken back first (civsam application edit ID --unset decision), scored by an assessor without ties to the applicants (civsam application assess) and decided again. Then write the letters again. An assessor who declared a tie to an applicant is disqualified in the whole call: their scores do not count, and they may give no more.\n')).toBe(true);
  });

  it('writes none while an assessor disqualified by a declared tie still has scores in the files, naming the applications and the command that removes them', async () => {
    // The decisions put right (as above); Konsulent B declared a tie to Beta, which applies, and still
    // has scores on a-fine and c-unscored, recorded under other spellings of the name.
    const files = filesOf();
    files['calls/c1.yaml'] = JSON.stringify({ ...CALL, declarations: [{ assessor: 'Konsulent B', date: '2026-02-01', ties: [{ organisation: 'beta', relation: 'board' }] }] }) + '\n';
    const b = (assessor: string) => ({ assessor, date: '2026-02-10', scores: [{ criterion: 'samarbejde', score: 5 }, { criterion: 'reach', score: 5 }] });
    files['applications/a-fine.yaml'] = app('a-fine', 'alpha', 'Samtalegrupper', [...both, b('konsulent  b')], { outcome: 'granted', amount_dkk: 150_000, case_number: '1-30-72-45-26' });
    const data = makeFolder(files);
    const put = async (...args: string[]) => expect((await civsam(['--data', data, ...args, '--no-commit'])).code).toBe(0);
    await put('application', 'decide', 'b-refused', '--decision', 'refused', '--date', '2026-03-01', '--reason', 'Andre var bedre', '--criteria', 'reach');
    // A decided application's scores stand: the decision is taken back, scored and made again, as the advice says.
    await put('application', 'edit', 'c-unscored', '--unset', 'decision');
    await put('application', 'assess', 'c-unscored', '--assessor', 'Fagkonsulent', '--score', 'reach=3', '--date', '2026-02-10');
    await put('application', 'decide', 'c-unscored', '--decision', 'granted', '--date', '2026-03-01');
    await put('application', 'decide', 'e-less', '--decision', 'partly', '--date', '2026-03-01', '--amount', '100000', '--reason', 'Delvis', '--criteria', 'reach');
    await put('application', 'decide', 'd-no-amount', '--decision', 'partly', '--date', '2026-03-01', '--amount', '100000', '--reason', 'Delvis', '--criteria', 'reach');
    const withB = readFileSync(join(data, 'applications/c-unscored.yaml'), 'utf8').replace('"assessments": [', '"assessments": [{"assessor": "KONSULENT B", "date": "2026-02-10", "scores": [{"criterion": "reach", "score": 1}]}, ');
    writeFileSync(join(data, 'applications/c-unscored.yaml'), withB);
    const out = join(makeFolder({}), 'breve');
    const r = await civsam(['--data', data, '--lang', 'da', 'call', 'letters', 'c1', '--output', out], { env: { COLUMNS: '200' } });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toBe('fejl: der blev ikke skrevet nogen breve: en bedømmer med erklæret tilknytning til Beta, som søger i opslaget, er inhabil i hele opslaget (forvaltningslovens § 3), men vedkommendes karakterer står stadig på de 2 ansøgninger a-fine, c-unscored. '
      + 'Rangordningen udelader de karakterer, og afgørelserne vurderes uden dem, men sagen, som brevene afslutter, må ikke vise en inhabil bedømmer, der har deltaget. '
      + 'Fjern bedømmelserne, én ansøgning ad gangen, med civsam application assess a-fine --assessor NAVN --remove (historikken gemmer det fjernede, og erklæringen bliver stående i opslaget), og skriv så brevene igen.\n');
    expect(r.stderr).not.toMatch(/konsulent b/i);
    expect(() => readdirSync(out)).toThrow();
    const en = await civsam(['--data', data, 'call', 'letters', 'c1', '--output', out]);
    expect(en.stderr).toMatch(/^error: no letter was written: an assessor who declared a tie to Beta, which applies in the call, is disqualified in the whole call \(section 3 of the Public Administration Act\), yet their scores are still recorded on the 2 applications a-fine, c-unscored\./);
    // Removed as the message says (by any spelling of the name), the letters are written.
    await put('application', 'assess', 'a-fine', '--assessor', 'Konsulent B', '--remove');
    await put('application', 'assess', 'c-unscored', '--assessor', 'Konsulent B', '--remove');
    const written = await civsam(['--data', data, 'call', 'letters', 'c1', '--output', out]);
    expect(written.code, written.stderr).toBe(0);
    expect(readdirSync(out).filter((f) => f.endsWith('.md'))).toHaveLength(5);
  });

  it('gives the call\'s own contact e-mail where it has one, else its pool\'s, else the region\'s website', async () => {
    const only = (call: object, extra: Record<string, string> = {}) => {
      const files = filesOf();
      for (const f of Object.keys(files)) if (f.startsWith('applications/') && f !== 'applications/a-fine.yaml') delete files[f];
      files['calls/c1.yaml'] = JSON.stringify({ ...CALL, ...call }) + '\n';
      return makeFolder({ ...files, ...extra });
    };
    const letter = async (data: string, lang = 'da') => {
      const out = join(makeFolder({}), 'breve');
      const r = await civsam(['--data', data, '--lang', lang, 'call', 'letters', 'c1', '--output', out]);
      expect(r.code, r.stderr).toBe(0);
      return readFileSync(join(out, 'a-fine.md'), 'utf8');
    };
    const own = only({ contact: { email: 'psykiatri@region.example', phone: '+45 70 00 00 00' } });
    expect(await letter(own)).toContain('Har I spørgsmål, så kontakt Region Test på psykiatri@region.example, og oplys journalnummer 1-30-72-45-26.\n');
    expect(await letter(own, 'en')).toContain('If you have questions, contact Region Test at psykiatri@region.example and give the case number 1-30-72-45-26.\n');
    const pool = { id: 'p', name: 'Pulje', areas: ['psychiatry'], eligible_kinds: ['development'], budgets: [{ year: 2026, amount_dkk: 1_000_000 }] };
    // A phone number alone, on the pool: the call has none of its own.
    const pooled = only({ pool: 'p' }, { 'pools/p.yaml': JSON.stringify({ ...pool, contact: { phone: '+45 70 11 11 11' } }) + '\n' });
    expect(await letter(pooled)).toContain('Har I spørgsmål, så kontakt Region Test på telefon +45 70 11 11 11, og oplys journalnummer 1-30-72-45-26.\n');
    // Neither: the region's website, as before.
    expect(await letter(only({}))).toContain('Har I spørgsmål, så kontakt Region Test (https://region.example), og oplys journalnummer 1-30-72-45-26.\n');
  });

  it('a letter to an application without a title leaves the application line out, never showing its id', async () => {
    const files = filesOf();
    for (const f of Object.keys(files)) if (f.startsWith('applications/') && f !== 'applications/a-fine.yaml') delete files[f];
    files['applications/a-fine.yaml'] = files['applications/a-fine.yaml'].replace('"title":"Samtalegrupper",', '');
    const data = makeFolder(files);
    const out = join(makeFolder({}), 'breve');
    expect((await civsam(['--data', data, '--lang', 'da', 'call', 'letters', 'c1', '--output', out])).code).toBe(0);
    const letter = readFileSync(join(out, 'a-fine.md'), 'utf8');
    expect(letter).toContain('- **Journalnummer:** 1-30-72-45-26\n');
    expect(letter).not.toContain('Ansøgning:');
    expect(letter).not.toContain('a-fine');
    expect(readFileSync(join(out, 'a-fine.html'), 'utf8')).not.toContain('<dt>Ansøgning</dt>');
  });

  it('a call with no decision to answer writes nothing and says so, with what comes first: no applications yet, or none granted or refused', async () => {
    const files = { ...baseFiles(), 'organisations/beta.yaml': org('beta', 'Beta'), 'calls/c1.yaml': JSON.stringify(CALL) + '\n' };
    const out = join(makeFolder({}), 'breve');
    const empty = await civsam(['--data', makeFolder(files), '--lang', 'da', 'call', 'letters', 'c1', '--output', out]);
    expect(empty).toEqual({
      code: 0, stdout: '',
      stderr: 'Opslaget c1 har endnu ingen ansøgninger, så der er ingen breve at skrive, og intet er skrevet. Registrér ansøgningerne med civsam application add --call c1, registrér afgørelserne med civsam application decide, og skriv så brevene.\n',
    });
    expect(() => readdirSync(out)).toThrow();
    const undecided = JSON.stringify({ id: 'a1', call: 'c1', organisations: ['alpha'], title: 'Samtalegrupper', amount_dkk: 1000, kind: 'development', received: '2026-01-20' }) + '\n';
    const withdrawn = JSON.stringify({ id: 'b1', call: 'c1', organisations: ['beta'], title: 'Værested', amount_dkk: 1000, kind: 'development', received: '2026-01-20', decision: { outcome: 'withdrawn', date: '2026-02-10' } }) + '\n';
    const two = makeFolder({ ...files, 'applications/a1.yaml': undecided, 'applications/b1.yaml': withdrawn });
    expect((await civsam(['--data', two, '--lang', 'da', 'call', 'letters', 'c1', '--output', out])).stderr).toBe('Ingen af de 2 ansøgninger til opslaget c1 har endnu fået bevilling eller afslag, så der er ingen breve at skrive, og intet er skrevet. En tilbagetrukket ansøgning får intet brev. Registrér afgørelserne med civsam application decide ID --decision AFGØRELSE (civsam application list --call c1 viser ansøgningerne), og skriv så brevene.\n');
    const one = makeFolder({ ...files, 'applications/a1.yaml': undecided });
    expect((await civsam(['--data', one, 'call', 'letters', 'c1', '--output', out])).stderr).toBe('The one application to call c1 is not granted or refused yet, so there are no letters to write; nothing was written. Record the decision with civsam application decide ID --decision DECISION (civsam application list --call c1 lists the application), and write the letters then.\n');
    expect(() => readdirSync(out)).toThrow();
  });

  it('takes --output as every other command does, suggests it for a near miss, and refuses two different folders', async () => {
    const data = makeFolder({ ...baseFiles(), 'calls/c1.yaml': JSON.stringify(CALL) + '\n' });
    const out = join(makeFolder({}), 'breve');
    expect((await civsam(['--data', data, 'call', 'letters', 'c1', '--output', out])).code).toBe(0);
    const near = await civsam(['--data', data, '--lang', 'da', 'call', 'letters', 'c1', '--outpt', out]);
    expect(near.code).toBe(2);
    expect(near.stderr).toContain('fejl: ukendt tilvalg --outpt. Mente du: --output');
    // The same folder written two ways is the same folder.
    expect((await civsam(['--data', data, 'call', 'letters', 'c1', '--output', `${out}/`, '--out', 'breve'], { cwd: dirname(out) })).code).toBe(0);
    const two = await civsam(['--data', data, '--lang', 'da', 'call', 'letters', 'c1', '--output', out, '--out', `${out}-2`]);
    expect(two.code).toBe(2);
    expect(two.stderr).toBe('fejl: --output og --out angiver begge mappen til brevene, og de er forskellige. Angiv kun den ene.\n');
    const none = await civsam(['--data', data, '--lang', 'da', 'call', 'letters', 'c1']);
    expect(none.stderr).toBe('fejl: angiv mappen til brevene med --output MAPPE.\n');
  });
});
