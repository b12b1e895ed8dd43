// Applications on the command line: add, assess, decide, declare, grantee reports, and what
// validate says about scores, criteria and a call's written applicants. The assessor's name is
// personal data: it is written to the record and never shown in a message.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { civsam } from '../helpers/cli.js';
import { baseFiles, makeFolder, org, type Files } from '../helpers/folder.js';
import { committedFolder, person } from '../helpers/team.js';

const CALL = {
  id: 'c1', title: 'Opslag', areas: ['psychiatry'], scope: 'regional', published: '2026-01-05', deadline: '2026-02-01', channel: 'public',
  criteria: [{ id: 'reach', text: { da: 'Rækkevidde' }, weight: 2 }, { id: 'need', text: { da: 'Behov' } }, 'Se også puljens kriterier'],
};
const NAME = 'Anne Ærø Assessorsen';

function files(extra: Files = {}): Files {
  return {
    ...baseFiles(),
    'organisations/beta.yaml': org('beta', 'Beta Forening'),
    'calls/c1.yaml': JSON.stringify(CALL) + '\n',
    'agreements/g1.yaml': JSON.stringify({ id: 'g1', title: 'Aftale', organisations: ['alpha'], areas: ['psychiatry'], scope: 'regional', start: '2025-01-01', status: 'active' }) + '\n',
    ...extra,
  };
}
const folder = (extra: Files = {}): string => makeFolder(files(extra));
const read = (dir: string, rel: string) => parse(readFileSync(join(dir, rel), 'utf8')) as Record<string, any>;
const run = (dir: string, ...args: string[]) => civsam(['--data', dir, ...args, '--no-commit']);

describe('application add, assess and decide', () => {
  it('adds an application named by its call and applicant, scores it and records the decision', async () => {
    const dir = folder();
    const add = await run(dir, 'application', 'add', '--call', 'c1', '--organisation', 'alpha', '--amount', '250.000', '--kind', 'operation', '--received', '2026-01-20', '--years', '2026,2027', '--title', 'Samtalegrupper');
    expect(add.code).toBe(0);
    expect(add.stdout.trim()).toBe('c1-alpha');
    expect(read(dir, 'applications/c1-alpha.yaml')).toEqual({ id: 'c1-alpha', call: 'c1', organisations: ['alpha'], title: 'Samtalegrupper', amount_dkk: 250000, kind: 'operation', years: [2026, 2027], received: '2026-01-20' });

    const assess = await run(dir, 'application', 'assess', 'c1-alpha', '--assessor', NAME, '--score', 'reach=4,need=3', '--date', '2026-02-10');
    expect(assess.code).toBe(0);
    expect(`${assess.stdout}${assess.stderr}`).not.toContain('Assessorsen');
    expect(read(dir, 'applications/c1-alpha.yaml').assessments).toEqual([{ assessor: NAME, date: '2026-02-10', scores: [{ criterion: 'reach', score: 4 }, { criterion: 'need', score: 3 }] }]);

    const decide = await run(dir, 'application', 'decide', 'c1-alpha', '--decision', 'partly', '--date', '2026-03-01', '--amount', '200000', '--reason', 'Lavere behov', '--criteria', 'need', '--case', '1-30-72-1-26');
    expect(decide.code).toBe(0);
    expect(read(dir, 'applications/c1-alpha.yaml').decision).toEqual({ outcome: 'partly', date: '2026-03-01', amount_dkk: 200000, reason: 'Lavere behov', criteria: ['need'], case_number: '1-30-72-1-26' });
    const list = await civsam(['--data', dir, 'application', 'list', '--call', 'c1', '--format', 'json']);
    expect(JSON.parse(list.stdout).map((a: { id: string }) => a.id)).toEqual(['c1-alpha']);
  });

  it('a corrected score keeps the day the assessment was made unless --date gives another, and says which day stands', async () => {
    const assessed = { assessor: NAME, date: '2026-02-10', scores: [{ criterion: 'reach', score: 4 }, { criterion: 'need', score: 3 }] };
    const dir = folder({ 'applications/a1.yaml': JSON.stringify({ id: 'a1', call: 'c1', organisations: ['alpha'], amount_dkk: 1000, kind: 'development', received: '2026-01-20', assessments: [assessed] }) + '\n' });
    const kept = await run(dir, 'application', 'assess', 'a1', '--assessor', NAME, '--score', 'reach=5');
    expect(kept.code, kept.stderr).toBe(0);
    expect(kept.stderr).toContain('The assessment keeps its date, 10 Feb 2026; to date it otherwise, give --date YYYY-MM-DD.\n');
    // The score corrected in its place, the other kept.
    expect(read(dir, 'applications/a1.yaml').assessments).toEqual([{ ...assessed, scores: [{ criterion: 'reach', score: 5 }, { criterion: 'need', score: 3 }] }]);
    const da = await civsam(['--data', dir, '--lang', 'da', 'application', 'assess', 'a1', '--assessor', NAME, '--score', 'need=2', '--no-commit']);
    expect(da.stderr).toContain('Bedømmelsen beholder sin dato, 10. feb. 2026; skal den have en anden dato, så angiv den med --date ÅÅÅÅ-MM-DD.\n');
    expect(read(dir, 'applications/a1.yaml').assessments[0].date).toBe('2026-02-10');
    const moved = await civsam(['--data', dir, '--lang', 'da', 'application', 'assess', 'a1', '--assessor', NAME, '--score', 'need=3', '--date', '2026-02-12', '--no-commit']);
    expect(moved.stderr).toContain('Bedømmelsen er nu dateret 12. feb. 2026; den var dateret 10. feb. 2026.\n');
    expect(read(dir, 'applications/a1.yaml').assessments).toEqual([{ ...assessed, date: '2026-02-12', scores: [{ criterion: 'reach', score: 5 }, { criterion: 'need', score: 3 }] }]);
    // A new assessor's assessment is dated as given, without a word; without --date, today, and that is said.
    const given = await run(dir, 'application', 'assess', 'a1', '--assessor', 'Fagkonsulent 2', '--score', 'reach=2', '--date', '2026-02-11');
    expect(given.stderr).not.toContain('dated');
    const today = await run(dir, 'application', 'assess', 'a1', '--assessor', 'Fagkonsulent 3', '--score', 'reach=2');
    expect(today.stderr).toMatch(/\nThe assessment is dated \d{1,2} [A-Z][a-z]{2} \d{4}\.\n$/);
    for (const r of [kept, da, moved, given, today]) expect(r.stderr).not.toContain('Assessorsen');
  });

  it('refuses the scores of an assessor with a declared tie to an applicant of the call, without naming the assessor, and writes nothing; near misses: a tie to an organisation that does not apply, another assessor', async () => {
    const app = (id: string, o: string) => ({ [`applications/${id}.yaml`]: JSON.stringify({ id, call: 'c1', organisations: [o], amount_dkk: 1000, kind: 'development', received: '2026-01-20' }) + '\n' });
    const declared = { ...CALL, declarations: [{ assessor: NAME, date: '2026-02-02', ties: [{ organisation: 'beta', relation: 'board' }] }] };
    const dir = folder({ 'calls/c1.yaml': JSON.stringify(declared) + '\n', ...app('a1', 'alpha') });
    // beta does not apply: no tie in this call.
    const before = await run(dir, 'application', 'assess', 'a1', '--assessor', NAME, '--score', 'reach=4', '--date', '2026-02-10');
    expect(before.code).toBe(0);
    expect(before.stderr).not.toContain('tie');
    // Once beta applies, the same assessor is disqualified in the whole call: alpha's application is refused too.
    const dir2 = folder({ 'calls/c1.yaml': JSON.stringify(declared) + '\n', ...app('a1', 'alpha'), ...app('a2', 'beta') });
    const file = readFileSync(join(dir2, 'applications/a1.yaml'), 'utf8');
    const tied = await run(dir2, 'application', 'assess', 'a1', '--assessor', NAME, '--score', 'reach=4', '--date', '2026-02-10');
    expect(tied).toEqual({ code: 2, stdout: '', stderr: 'error: this assessor has declared a tie to Beta Forening, which applies in call c1, and is disqualified in the whole call (section 3 of the Public Administration Act): scoring the other applications moves the tied applicant\'s rank too. The scores were not saved. Let another assessor assess the call\'s applications. If the tie was recorded by mistake, replace the declaration with one of the same date first: civsam call declare c1 --assessor NAME --date 2026-02-02 --none\n' });
    expect(readFileSync(join(dir2, 'applications/a1.yaml'), 'utf8')).toBe(file);
    const da = await civsam(['--data', dir2, 'application', 'assess', 'a2', '--assessor', NAME, '--score', 'reach=3', '--no-commit', '--lang', 'da']);
    expect(da.code).toBe(2);
    // Scoring the very application the tie is to is said as that, not as scoring the others.
    expect(da.stderr).toBe('fejl: denne bedømmer har erklæret en tilknytning til Beta Forening, som står bag netop denne ansøgning, og er inhabil i hele opslaget c1 (forvaltningslovens § 3): en bedømmer må ikke bedømme en ansøgning fra en organisation, bedømmeren har tilknytning til, og heller ikke opslagets andre ansøgninger, der konkurrerer med den. Karaktererne er ikke gemt. Lad en anden bedømmer bedømme opslagets ansøgninger. Er tilknytningen registreret ved en fejl, så erstat først erklæringen med en ny med samme dato: civsam call declare c1 --assessor NAVN --date 2026-02-02 --none\n');
    const own = await run(dir2, 'application', 'assess', 'a2', '--assessor', NAME, '--score', 'reach=3', '--date', '2026-02-10');
    expect(own.stderr).toMatch(/^error: this assessor has declared a tie to Beta Forening, which is behind this very application, and is disqualified in the whole call c1 /);
    expect(da.stderr).not.toContain('Assessorsen');
    const other = await run(dir2, 'application', 'assess', 'a2', '--assessor', 'Fagkonsulent 2', '--score', 'reach=3', '--date', '2026-02-10');
    expect(other.code).toBe(0);
    // The declaration replaced on its day by one of no ties, as the refusal says: the scores are taken.
    expect((await run(dir2, 'call', 'declare', 'c1', '--assessor', NAME, '--date', '2026-02-02', '--none')).code).toBe(0);
    expect((await run(dir2, 'application', 'assess', 'a1', '--assessor', NAME, '--score', 'reach=4', '--date', '2026-02-10')).code).toBe(0);
  });

  it('takes an assessor\'s name however it is typed (capitals, accents typed apart, spaces) as the one the call records: a tie cannot be got round, and a correction corrects', async () => {
    const app = (id: string, o: string, assessments: unknown[] = []) => ({ [`applications/${id}.yaml`]: JSON.stringify({ id, call: 'c1', organisations: [o], amount_dkk: 1000, kind: 'development', received: '2026-01-20', ...(assessments.length ? { assessments } : {}) }) + '\n' });
    const declared = { ...CALL, declarations: [{ assessor: NAME, date: '2026-02-02', ties: [{ organisation: 'beta', relation: 'board' }] }] };
    const other = { assessor: 'Fagkonsulent Bo', date: '2026-02-10', scores: [{ criterion: 'reach', score: 2 }] };
    const dir = folder({ 'calls/c1.yaml': JSON.stringify(declared) + '\n', ...app('a1', 'alpha', [other]), ...app('a2', 'beta') });
    const before = readFileSync(join(dir, 'applications/a1.yaml'), 'utf8');
    for (const typed of [NAME.toLowerCase(), NAME.toUpperCase(), `  ${NAME.normalize('NFD').replace(' ', '  ')} `]) {
      const r = await run(dir, 'application', 'assess', 'a1', '--assessor', typed, '--score', 'reach=5', '--date', '2026-02-10');
      expect(r.code, typed).toBe(2);
      expect(r.stderr).toContain('declared a tie to Beta Forening');
    }
    expect(readFileSync(join(dir, 'applications/a1.yaml'), 'utf8')).toBe(before);
    // Another assessor typed in small letters corrects their own assessment; no second assessor appears.
    expect((await run(dir, 'application', 'assess', 'a1', '--assessor', 'fagkonsulent bo', '--score', 'reach=3')).code).toBe(0);
    expect(read(dir, 'applications/a1.yaml').assessments).toEqual([{ ...other, scores: [{ criterion: 'reach', score: 3 }] }]);
    // And --remove finds them the same way.
    expect((await run(dir, 'application', 'assess', 'a1', '--assessor', 'FAGKONSULENT BO', '--remove')).code).toBe(0);
    expect(read(dir, 'applications/a1.yaml').assessments).toBeUndefined();
    // A declaration typed otherwise replaces the recorded one of its day, under the recorded name.
    expect((await run(dir, 'call', 'declare', 'c1', '--assessor', NAME.toLowerCase(), '--date', '2026-02-02', '--none')).code).toBe(0);
    expect(read(dir, 'calls/c1.yaml').declarations).toEqual([{ assessor: NAME, date: '2026-02-02', ties: [] }]);
  });

  it('removes one assessor\'s assessment of one application with --remove, keeping the others\', and commits it; refuses scores beside it and an assessor with none, naming neither', async () => {
    const by = (assessor: string, n: number) => ({ assessor, date: '2026-02-10', scores: [{ criterion: 'reach', score: n }, { criterion: 'need', score: n }] });
    const application = (id: string, o: string, assessments: unknown[]) => ({ [`applications/${id}.yaml`]: JSON.stringify({ id, call: 'c1', organisations: [o], amount_dkk: 1000, kind: 'development', received: '2026-01-20', assessments }) + '\n' });
    const { dir, git } = committedFolder(files({ ...application('a1', 'alpha', [by(NAME, 5), by('Fagkonsulent 2', 2)]), ...application('a2', 'beta', [by(NAME, 4)]) }));
    // The audit's advice names the command, and where the why is kept; followed as written, it works.
    const explain = await civsam(['--data', dir, '--lang', 'da', 'audit', '--explain', 'assessor-conflict']);
    expect(explain.stdout.replace(/\s+/g, ' ')).toContain('fjern den inhabile bedømmers bedømmelse af hver ansøgning med civsam application assess ANSØGNING --assessor NAVN --remove (de andre bedømmeres karakterer bliver stående, og historikken gemmer det fjernede). Hvorfor står allerede i opslaget, i bedømmerens habilitetserklæring (civsam call declare OPSLAG), som skal blive stående.');
    const removed = await civsam(['--data', dir, '--lang', 'da', 'application', 'assess', 'a1', '--assessor', NAME, '--remove'], { env: person('Test') });
    expect(removed.code, removed.stderr).toBe(0);
    expect(read(dir, 'applications/a1.yaml').assessments).toEqual([by('Fagkonsulent 2', 2)]);
    expect(read(dir, 'applications/a2.yaml').assessments).toEqual([by(NAME, 4)]);
    expect(removed.stderr).toMatch(/Gemt og registreret i historikken: ansøgning a1: bedømmelser: 1 fjernet\n$/);
    expect(git('log', '-1', '--format=%s%n%b')).not.toContain('Assessorsen');
    expect(removed.stderr).not.toContain('Assessorsen');
    // The last assessment removed leaves no empty list behind.
    expect((await run(dir, 'application', 'assess', 'a2', '--assessor', NAME, '--remove')).code).toBe(0);
    expect(read(dir, 'applications/a2.yaml')).not.toHaveProperty('assessments');
    const a1 = readFileSync(join(dir, 'applications/a1.yaml'), 'utf8');
    // Nothing left to remove: said, with where the assessments are shown; the assessor typed is not echoed.
    const none = await civsam(['--data', dir, '--lang', 'da', 'application', 'assess', 'a1', '--assessor', 'Anne Ærø', '--remove', '--no-commit']);
    expect(none).toEqual({ code: 2, stdout: '', stderr: 'fejl: ansøgning a1 har ingen bedømmelse fra den bedømmer, --assessor angiver, så der er intet at fjerne; dens ene bedømmelse vises med civsam application show a1.\n' });
    expect((await run(dir, 'application', 'assess', 'a2', '--assessor', NAME, '--remove')).stderr).toBe('error: application a2 has no assessment by the assessor --assessor names, so there is nothing to remove; it has no assessments at all.\n');
    // Scores beside --remove: a usage error, nothing written.
    const both = await civsam(['--data', dir, '--lang', 'da', 'application', 'assess', 'a1', '--assessor', 'Fagkonsulent 2', '--remove', '--score', 'reach=3', '--note', 'x', '--no-commit']);
    expect(both.code).toBe(2);
    expect(both.stderr.split('\n')[0]).toBe('fejl: --remove fjerner bedømmerens hele bedømmelse og giver ingen ny: udelad --score, --note.');
    expect(readFileSync(join(dir, 'applications/a1.yaml'), 'utf8')).toBe(a1);
    // An id that is a path or holds an escape code is refused as neither a name nor an id, not looked for.
    for (const id of ['../a1', 'a1\u001b[31m']) {
      const bad = await run(dir, 'application', 'assess', id, '--assessor', 'Fagkonsulent 2', '--remove');
      expect(bad.code).toBe(2);
      expect(bad.stderr).toMatch(/^error: what you gave is neither a record's name nor its id \(it reads as a path to a file/);
      expect(bad.stderr).not.toContain('\u001b');
    }
    expect(readFileSync(join(dir, 'applications/a1.yaml'), 'utf8')).toBe(a1);
  });

  it('refuses to grant more than was applied for, less called a grant in full, or in part without an amount, saying what is wrong and what to do without the amounts, and writes nothing', async () => {
    const dir = folder({ 'applications/a1.yaml': JSON.stringify({ id: 'a1', call: 'c1', organisations: ['alpha'], title: 'Besøgsvenner', amount_dkk: 150_000, kind: 'development', received: '2026-01-20' }) + '\n' });
    const before = readFileSync(join(dir, 'applications/a1.yaml'), 'utf8');
    const over = await civsam(['--data', dir, '--lang', 'da', 'application', 'decide', 'Besøgsvenner', '--decision', 'delvist bevilget', '--date', '2026-03-01', '--amount', '250000', '--reason', 'Delvis', '--criteria', 'Behov', '--no-commit']);
    expect(over.code).toBe(2);
    expect(over.stderr).toBe('fejl: ansøgningen »Besøgsvenner«: det bevilgede beløb er større end det ansøgte, og der kan højst bevilges det ansøgte beløb. Angiv højst det beløb med --amount (civsam application show a1 viser det); har ansøgeren siden søgt om mere, så ret først det ansøgte beløb med civsam application edit a1 --amount BELØB.\n');
    expect((await run(dir, 'application', 'decide', 'a1', '--decision', 'granted', '--date', '2026-03-01', '--amount', '150001')).code).toBe(2);
    expect(readFileSync(join(dir, 'applications/a1.yaml'), 'utf8')).toBe(before);
    // Less than applied for, "granted in full", is a partial grant: said so, nothing written.
    const less = await civsam(['--data', dir, '--lang', 'da', 'application', 'decide', 'a1', '--decision', 'bevilget', '--date', '2026-03-01', '--amount', '100000', '--no-commit']);
    expect(less.code).toBe(2);
    expect(less.stderr).toBe('fejl: ansøgningen »Besøgsvenner«: det bevilgede beløb er mindre end det ansøgte, så det er en delvis bevilling. Angiv --decision "delvist bevilget" med --reason og --criteria, eller bevilg hele det ansøgte beløb.\n');
    expect(readFileSync(join(dir, 'applications/a1.yaml'), 'utf8')).toBe(before);
    const noAmount = await civsam(['--data', dir, '--lang', 'da', 'application', 'decide', 'a1', '--decision', 'delvist bevilget', '--date', '2026-03-01', '--reason', 'Delvis', '--criteria', 'Behov', '--no-commit']);
    expect(noAmount.code).toBe(2);
    expect(noAmount.stderr).toBe('fejl: en delvis bevilling skal sige, hvor meget der bevilges: angiv beløbet med --amount.\n');
    expect(readFileSync(join(dir, 'applications/a1.yaml'), 'utf8')).toBe(before);
    // The whole amount applied for may be granted.
    expect((await run(dir, 'application', 'decide', 'a1', '--decision', 'granted', '--date', '2026-03-01', '--amount', '150000')).code).toBe(0);
    expect(read(dir, 'applications/a1.yaml').decision).toEqual({ outcome: 'granted', date: '2026-03-01', amount_dkk: 150_000 });
  });

  it('refuses an amount on a refusal or a withdrawal (it would read as money granted), writing nothing; near miss: a refusal without one', async () => {
    const dir = folder({ 'applications/a1.yaml': JSON.stringify({ id: 'a1', call: 'c1', organisations: ['alpha'], amount_dkk: 80000, kind: 'development', received: '2026-01-20' }) + '\n' });
    for (const decision of ['refused', 'withdrawn']) {
      const r = await run(dir, 'application', 'decide', 'a1', '--decision', decision, '--amount', '50000', '--reason', 'Lavere behov', '--criteria', 'need');
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^error: the decision “(refused|withdrawn)” grants nothing, so it takes no --amount/);
      expect(read(dir, 'applications/a1.yaml').decision).toBeUndefined();
    }
    const da = await civsam(['--data', dir, 'application', 'decide', 'a1', '--decision', 'afslag', '--amount', '50000', '--no-commit', '--lang', 'da']);
    expect(da.stderr).toContain('fejl: afgørelsen »afslag« bevilger intet');
    expect((await run(dir, 'application', 'decide', 'a1', '--decision', 'refused', '--reason', 'Lavere behov', '--criteria', 'need')).code).toBe(0);
  });

  it('names every application to a call with the same prefix, the call\'s id (cut to 40 characters when given longer by hand), and the applicant in the rest, cut between words', async () => {
    const call = { ...CALL, id: 'puljen-til-styrkelse-af-civilsamfundet-2026' };
    const dir = folder({
      'calls/puljen-til-styrkelse-af-civilsamfundet-2026.yaml': JSON.stringify(call) + '\n',
      'organisations/paaroerendeforeningen-oestjylland.yaml': org('paaroerendeforeningen-oestjylland', 'Pårørendeforeningen Østjylland'),
    });
    const add = (o: string) => run(dir, 'application', 'add', '--call', call.id, '--organisation', o, '--amount', '1000', '--kind', 'development', '--received', '2026-01-20');
    const prefix = 'puljen-til-styrkelse-af-civilsamfundet-';
    expect((await add('Beta Forening')).stdout.trim()).toBe(`${prefix}beta`);
    expect((await add('beta')).stdout.trim()).toBe(`${prefix}beta-2`);
    expect((await add('Pårørendeforeningen Østjylland')).stdout.trim()).toBe(`${prefix}paaroerendeforeningen`);
  });

  it('refuses a score outside the scale, a criterion the call does not have and a malformed score, naming the criterion and never the assessor', async () => {
    const dir = folder({ 'applications/a1.yaml': JSON.stringify({ id: 'a1', call: 'c1', organisations: ['alpha'], amount_dkk: 1000, kind: 'development', received: '2026-01-20' }) + '\n' });
    const before = readFileSync(join(dir, 'applications/a1.yaml'), 'utf8');
    const high = await run(dir, 'application', 'assess', 'a1', '--assessor', NAME, '--score', 'reach=6');
    expect(high.code).toBe(2);
    expect(high.stderr).toBe('error: the score for “Rækkevidde” is outside the scale of the call “Opslag”, 0 to 5.\n');
    const unknown = await run(dir, 'application', 'assess', 'a1', '--assessor', NAME, '--score', 'spread=3');
    expect(unknown.stderr).toBe('error: spread is not a criterion of call c1. Its criteria are: “Rækkevidde”, “Behov”.\n');
    const syntax = await run(dir, 'application', 'assess', 'a1', '--assessor', NAME, '--score', 'reach:3');
    expect(syntax.code).toBe(2);
    expect(syntax.stderr).toBe('error: --score must be CRITERION=N, for this call e.g. --score \'Rækkevidde=4\' --score Behov=4; give one --score for each criterion.\n');
    const decide = await run(dir, 'application', 'decide', 'a1', '--decision', 'refused', '--date', '2026-03-01', '--criteria', 'spread');
    // The call's plain text beside its scored criteria is not scored, so a decision cannot name it and it is not listed.
    expect(decide.stderr).toBe('error: spread is not a criterion of call c1. Its criteria are: “Rækkevidde”, “Behov”.\n');
    for (const r of [high, unknown, syntax, decide]) expect(r.stderr).not.toContain('Assessorsen');
    expect(readFileSync(join(dir, 'applications/a1.yaml'), 'utf8')).toBe(before);
  });

  it('records a decision the audit will flag (a refusal without reasons) as it was made', async () => {
    const dir = folder({ 'applications/a1.yaml': JSON.stringify({ id: 'a1', call: 'c1', organisations: ['alpha'], amount_dkk: 1000, kind: 'development', received: '2026-01-20' }) + '\n' });
    expect((await run(dir, 'application', 'decide', 'a1', '--decision', 'refused', '--date', '2026-03-01')).code).toBe(0);
    expect(read(dir, 'applications/a1.yaml').decision).toEqual({ outcome: 'refused', date: '2026-03-01' });
  });
});

describe('application edit --amount below the grant', () => {
  const APP = { id: 'a1', call: 'c1', organisations: ['alpha'], title: 'Besøgsvenner', amount_dkk: 150_000, kind: 'development', received: '2026-01-20' };
  const withDecision = (decision: object) => folder({ 'applications/a1.yaml': JSON.stringify({ ...APP, decision: { date: '2026-03-01', ...decision } }) + '\n' });
  const file = (dir: string) => readFileSync(join(dir, 'applications/a1.yaml'), 'utf8');

  it('refuses to lower the amount applied for below a partial grant, saying so without the amounts, with the command that corrects the decision first; nothing written', async () => {
    const dir = withDecision({ outcome: 'partly', amount_dkk: 120_000, reason: 'Delvis', criteria: ['need'] });
    const before = file(dir);
    // The application named by its title, as users name it.
    const da = await civsam(['--data', dir, '--lang', 'da', 'application', 'edit', 'Besøgsvenner', '--amount', '100.000', '--no-commit']);
    expect(da.code).toBe(2);
    expect(da.stderr).toBe('fejl: ansøgning a1 har fået en delvis bevilling, der er større end det nye ansøgte beløb, så det ansøgte beløb kan ikke sættes så langt ned: der kan ikke bevilges mere, end der er søgt om. '
      + 'Ret først det bevilgede beløb med civsam application decide a1 --amount BELØB, og ret derefter det ansøgte beløb.\n');
    const en = await run(dir, 'application', 'edit', 'a1', '--amount', '100000');
    expect(en.stderr).toBe('error: application a1 received a partial grant larger than the new amount applied for, so the amount applied for cannot be lowered so far: nothing can be granted beyond what was applied for. '
      + 'First correct the amount granted with civsam application decide a1 --amount AMOUNT, then the amount applied for.\n');
    expect(file(dir)).toBe(before);
    // The command it gives works, keeps the rest of the decision (its reason too), and then so does the edit.
    expect((await run(dir, 'application', 'decide', 'a1', '--amount', '90000')).code).toBe(0);
    expect((await run(dir, 'application', 'edit', 'a1', '--amount', '100000')).code).toBe(0);
    expect(read(dir, 'applications/a1.yaml')).toMatchObject({ amount_dkk: 100_000, decision: { outcome: 'partly', date: '2026-03-01', amount_dkk: 90_000, reason: 'Delvis', criteria: ['need'] } });
  });

  it('for a grant in full, gives the decision again without an amount so the grant follows the amount applied for', async () => {
    const dir = withDecision({ outcome: 'granted', amount_dkk: 150_000 });
    const before = file(dir);
    const da = await civsam(['--data', dir, '--lang', 'da', 'application', 'edit', 'a1', '--amount', '149999', '--no-commit']);
    expect(da.code).toBe(2);
    expect(da.stderr).toBe('fejl: ansøgning a1 har fået bevilget hele det ansøgte beløb, så det ansøgte beløb kan ikke sættes ned: der kan ikke bevilges mere, end der er søgt om. '
      + 'Skal hele det ansøgte beløb fortsat bevilges, så registrér først afgørelsen uden beløb (bevillingen følger da det ansøgte beløb; begrundelse og kriterier bevares): civsam application decide a1 --decision bevilget --date 2026-03-01. Ret derefter det ansøgte beløb.\n');
    expect(file(dir)).toBe(before);
    expect((await run(dir, 'application', 'decide', 'a1', '--decision', 'granted', '--date', '2026-03-01')).code).toBe(0);
    expect((await run(dir, 'application', 'edit', 'a1', '--amount', '149999')).code).toBe(0);
  });

  it('near misses: lowered to just above a partial grant, a refusal, a grant in full without an amount, and another field of a record already inconsistent', async () => {
    const above = withDecision({ outcome: 'partly', amount_dkk: 120_000, reason: 'Delvis', criteria: ['need'] });
    expect((await run(above, 'application', 'edit', 'a1', '--amount', '120001')).code).toBe(0);
    expect((await run(withDecision({ outcome: 'refused', reason: 'Nej', criteria: ['need'] }), 'application', 'edit', 'a1', '--amount', '1000')).code).toBe(0);
    expect((await run(withDecision({ outcome: 'granted' }), 'application', 'edit', 'a1', '--amount', '1000')).code).toBe(0);
    // Already more granted than applied for (the audit's grant-exceeds-application): the notes can still be edited.
    const over = folder({ 'applications/a1.yaml': JSON.stringify({ ...APP, amount_dkk: 100_000, decision: { outcome: 'partly', date: '2026-03-01', amount_dkk: 120_000 } }) + '\n' });
    expect((await run(over, 'application', 'edit', 'a1', '--notes', 'Ring tilbage')).code).toBe(0);
    expect((await run(over, 'application', 'edit', 'a1', '--amount', '110000')).code).toBe(2);
  });

  it('judges a whole record from a file the same way', async () => {
    const dir = withDecision({ outcome: 'partly', amount_dkk: 120_000, reason: 'Delvis', criteria: ['need'] });
    const before = file(dir);
    const r = await civsam(['--data', dir, 'application', 'edit', 'a1', '--from-file', '-', '--no-commit'], { input: JSON.stringify({ ...APP, amount_dkk: 100_000, decision: { outcome: 'partly', date: '2026-03-01', amount_dkk: 120_000, reason: 'Delvis' } }) });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('with civsam application decide a1 --amount AMOUNT, then the amount applied for.');
    expect(file(dir)).toBe(before);
    // The amount applied for kept and the grant raised above it: said as decide says it.
    const raised = await civsam(['--data', dir, 'application', 'edit', 'a1', '--from-file', '-', '--no-commit'], { input: JSON.stringify({ ...APP, decision: { outcome: 'partly', date: '2026-03-01', amount_dkk: 160_000, reason: 'Delvis' } }) });
    expect(raised.code).toBe(2);
    expect(raised.stderr).toMatch(/^error: the application “Besøgsvenner”: the amount granted is more than was applied for, and no more than the amount applied for can be granted\./);
    expect(file(dir)).toBe(before);
  });
});

describe('application decide --case alone', () => {
  const APP = { id: 'a1', call: 'c1', organisations: ['alpha'], title: 'Besøgsvenner', amount_dkk: 150_000, kind: 'development', received: '2026-01-20' };
  const DECISION = { outcome: 'partly', date: '2026-03-01', amount_dkk: 120_000, reason: 'Delvis', criteria: ['need'] };
  const gitEnv = { GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 'test@example.org', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 'test@example.org' };

  it('adds or corrects the case number of a decision already recorded, keeping the rest, found by name, and commits it', async () => {
    const dir = folder({ 'applications/a1.yaml': JSON.stringify({ ...APP, decision: DECISION }) + '\n' });
    for (const args of [['init', '-q'], ['add', '-A'], ['commit', '-q', '-m', 'start']]) spawnSync('git', args, { cwd: dir, env: { ...process.env, ...gitEnv } });
    const add = await civsam(['--data', dir, '--lang', 'da', 'application', 'decide', 'Besøgsvenner', '--case', ' 1-30-72-9-26 '], { env: gitEnv });
    expect(add.code).toBe(0);
    expect(read(dir, 'applications/a1.yaml').decision).toEqual({ ...DECISION, case_number: '1-30-72-9-26' });
    expect(spawnSync('git', ['log', '-1', '--format=%s'], { cwd: dir, encoding: 'utf8' }).stdout).toBe('ansøgning a1: journalnummer i afgørelse: sat\n');
    // Corrected, given in NFD: kept in NFC, as every text on the command line is.
    expect((await civsam(['--data', dir, 'application', 'decide', 'a1', '--case', 'J-A\u030a-26'], { env: gitEnv })).code).toBe(0);
    expect(read(dir, 'applications/a1.yaml').decision).toEqual({ ...DECISION, case_number: 'J-\u00c5-26' });
    expect(spawnSync('git', ['log', '-1', '--format=%s'], { cwd: dir, encoding: 'utf8' }).stdout).toBe('ansøgning a1: journalnummer i afgørelse: ændret\n');
    expect(spawnSync('git', ['status', '--porcelain'], { cwd: dir, encoding: 'utf8' }).stdout).toBe('');
  });

  it('refuses an application not yet decided, an empty or too long case number and one with an escape code, writing nothing', async () => {
    const dir = folder({ 'applications/a1.yaml': JSON.stringify(APP) + '\n', 'applications/a2.yaml': JSON.stringify({ ...APP, id: 'a2', title: 'Andet', decision: DECISION }) + '\n' });
    const files = () => readFileSync(join(dir, 'applications/a1.yaml'), 'utf8') + readFileSync(join(dir, 'applications/a2.yaml'), 'utf8');
    const before = files();
    const undecided = await civsam(['--data', dir, '--lang', 'da', 'application', 'decide', 'Besøgsvenner', '--case', '1-30-72-9-26', '--no-commit']);
    expect(undecided.code).toBe(2);
    expect(undecided.stderr).toBe('fejl: ansøgning a1 er endnu ikke afgjort, og et journalnummer hører til en afgørelse. Registrér afgørelsen med journalnummeret: civsam application decide a1 --decision AFGØRELSE --date DATO --case JOURNALNUMMER.\n');
    const empty = await civsam(['--data', dir, '--lang', 'da', 'application', 'decide', 'a2', '--case', '  ', '--no-commit']);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toBe('fejl: der står intet efter --case: skriv journalnummeret dér (civsam application decide a2 --case JOURNALNUMMER).\n');
    const long = await civsam(['--data', dir, '--lang', 'da', 'application', 'decide', 'a2', '--case', 'x'.repeat(201), '--no-commit']);
    expect(long.code).toBe(2);
    expect(long.stderr).toBe('  --case må højst have 200 tegn (har 201).\nfejl: ændringen blev afvist på grund af problemet ovenfor; intet er skrevet.\n');
    const escape = await run(dir, 'application', 'decide', 'a2', '--case', 'J-\u001b[31m-26');
    expect(escape.code).toBe(2);
    expect(escape.stderr).toMatch(/^ {2}--case contains a control character/);
    expect(escape.stderr).not.toContain('\u001b');
    expect((await run(dir, 'application', 'decide', '../a2', '--case', '1')).code).toBe(2);
    expect(files()).toBe(before);
  });

  it('with other parts and no --decision, corrects those parts too; with nothing but the id, asks for the decision', async () => {
    const dir = folder({ 'applications/a1.yaml': JSON.stringify({ ...APP, decision: DECISION }) + '\n' });
    expect((await run(dir, 'application', 'decide', 'a1', '--case', '1-30-72-9-26', '--reason', 'Ny')).code).toBe(0);
    expect(read(dir, 'applications/a1.yaml').decision).toEqual({ ...DECISION, reason: 'Ny', case_number: '1-30-72-9-26' });
    const none = await civsam(['--data', dir, '--lang', 'da', 'application', 'decide', 'a1', '--no-commit']);
    expect(none.code).toBe(2);
    expect(none.stderr).toBe('fejl: angiv afgørelsen med --decision bevilget, "delvist bevilget", afslag eller "trukket tilbage". '
      + 'Skal kun dele af en afgørelse, der allerede er registreret, tilføjes eller rettes (--case, --amount, --reason, --criteria eller --date), så angiv dem uden --decision; resten bevares.\n');
  });
});

describe('application decide --amount alone', () => {
  const APP = { id: 'a1', call: 'c1', organisations: ['alpha'], title: 'Besøgsvenner', amount_dkk: 150_000, kind: 'development', received: '2026-01-20' };
  const PARTLY = { outcome: 'partly', date: '2026-03-01', amount_dkk: 120_000, reason: 'Delvis', criteria: ['need'] };
  const withDecision = (decision?: object) => folder({ 'applications/a1.yaml': JSON.stringify({ ...APP, ...(decision ? { decision } : {}) }) + '\n' });
  const file = (dir: string) => readFileSync(join(dir, 'applications/a1.yaml'), 'utf8');

  it('corrects only the amount of a decision already recorded, keeping its outcome, date, reason, criteria and case number, found by name', async () => {
    const dir = withDecision({ ...PARTLY, case_number: '1-30-72-9-26' });
    const r = await civsam(['--data', dir, '--lang', 'da', 'application', 'decide', 'Besøgsvenner', '--amount', '110.000', '--no-commit']);
    expect(r.code).toBe(0);
    expect(read(dir, 'applications/a1.yaml').decision).toEqual({ ...PARTLY, amount_dkk: 110_000, case_number: '1-30-72-9-26' });
    // A grant in full with its amount: corrected to the same whole amount applied for, with a case number.
    const full = withDecision({ outcome: 'granted', date: '2026-03-01' });
    expect((await run(full, 'application', 'decide', 'a1', '--amount', '150000', '--case', 'J-1')).code).toBe(0);
    expect(read(full, 'applications/a1.yaml').decision).toEqual({ outcome: 'granted', date: '2026-03-01', amount_dkk: 150_000, case_number: 'J-1' });
  });

  it('refuses what decide refuses, and a change between a grant in full and a partial grant, with the whole command that records it; nothing written', async () => {
    const partly = withDecision(PARTLY);
    const before = file(partly);
    const over = await civsam(['--data', partly, '--lang', 'da', 'application', 'decide', 'a1', '--amount', '160000', '--no-commit']);
    expect(over.code).toBe(2);
    expect(over.stderr).toMatch(/^fejl: ansøgningen »Besøgsvenner«: det bevilgede beløb er større end det ansøgte, og der kan højst bevilges det ansøgte beløb\./);
    const whole = await civsam(['--data', partly, '--lang', 'da', 'application', 'decide', 'a1', '--amount', '150000', '--no-commit']);
    expect(whole.code).toBe(2);
    expect(whole.stderr).toBe('fejl: ansøgning a1 har fået en delvis bevilling, og det nye beløb er hele det ansøgte beløb: så er det en fuld bevilling, og det er en ny afgørelse. '
      + 'Registrér den som sådan: civsam application decide a1 --decision bevilget --date 2026-03-01 --criteria need. '
      + 'Begrundelsen for den delvise bevilling bevares ikke, for den forklarer en nedskæring, der ikke længere sker; angiv en ny med --reason, hvis den fulde bevilling skal begrundes.\n');
    expect(file(partly)).toBe(before);

    const full = withDecision({ outcome: 'granted', date: '2026-03-01', amount_dkk: 150_000 });
    const less = await civsam(['--data', full, '--lang', 'da', 'application', 'decide', 'a1', '--amount', '100000', '--no-commit']);
    expect(less.code).toBe(2);
    expect(less.stderr).toBe('fejl: ansøgning a1 har fået bevilget det fulde beløb, og det nye beløb er mindre end det ansøgte: så er det en delvis bevilling, og det er en ny afgørelse, der skal begrundes. '
      + 'Registrér den som sådan: civsam application decide a1 --decision "delvist bevilget" --date 2026-03-01 --amount 100000 --reason TEKST --criteria KRITERIER.\n');

    const undecided = await civsam(['--data', withDecision(), '--lang', 'da', 'application', 'decide', 'a1', '--amount', '100000', '--no-commit']);
    expect(undecided.code).toBe(2);
    expect(undecided.stderr).toBe('fejl: ansøgning a1 er endnu ikke afgjort, så der er intet bevilget beløb at rette. Registrér afgørelsen: civsam application decide a1 --decision AFGØRELSE --date DATO --amount BELØB.\n');
    const refused = await civsam(['--data', withDecision({ outcome: 'refused', date: '2026-03-01', reason: 'Nej', criteria: ['need'] }), '--lang', 'da', 'application', 'decide', 'a1', '--amount', '100000', '--no-commit']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^fejl: afgørelsen »afslag« bevilger intet, så den tager intet --amount/);
  });
});

describe('application decide with parts of a decision and no --decision', () => {
  const APP = { id: 'a1', call: 'c1', organisations: ['alpha'], title: 'Besøgsvenner', amount_dkk: 150_000, kind: 'development', received: '2026-01-20' };
  const withDecision = (decision?: object) => folder({ 'applications/a1.yaml': JSON.stringify({ ...APP, ...(decision ? { decision } : {}) }) + '\n' });
  const file = (dir: string) => readFileSync(join(dir, 'applications/a1.yaml'), 'utf8');

  it('adds the reason and criteria the audit asks for, as its advice is written, and corrects a date alone, keeping the rest', async () => {
    const dir = withDecision({ outcome: 'refused', date: '2026-03-01', case_number: 'J-1' });
    // decision-without-reason's advice: civsam application decide ID --reason TEKST --criteria ID,ID
    const r = await civsam(['--data', dir, '--lang', 'da', 'application', 'decide', 'Besøgsvenner', '--reason', 'Lavt behov', '--criteria', 'need,Rækkevidde', '--no-commit']);
    expect(r.code).toBe(0);
    expect(read(dir, 'applications/a1.yaml').decision).toEqual({ outcome: 'refused', date: '2026-03-01', reason: 'Lavt behov', criteria: ['need', 'reach'], case_number: 'J-1' });
    expect((await run(dir, 'application', 'decide', 'a1', '--date', '2026-03-05')).code).toBe(0);
    expect((await run(dir, 'application', 'decide', 'a1', '--criteria', 'reach')).code).toBe(0);
    expect(read(dir, 'applications/a1.yaml').decision).toEqual({ outcome: 'refused', date: '2026-03-05', reason: 'Lavt behov', criteria: ['reach'], case_number: 'J-1' });
  });

  it('refuses an undecided application, an empty reason and a criterion the call lacks, writing nothing', async () => {
    const undecided = withDecision();
    const before = file(undecided);
    const r = await civsam(['--data', undecided, '--lang', 'da', 'application', 'decide', 'a1', '--reason', 'Lavt behov', '--no-commit']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('fejl: ansøgning a1 er endnu ikke afgjort, så der er intet at rette. Registrér afgørelsen: civsam application decide a1 --decision AFGØRELSE --date DATO --reason TEKST --criteria KRITERIER.\n');
    expect(file(undecided)).toBe(before);
    const dir = withDecision({ outcome: 'refused', date: '2026-03-01', reason: 'Nej', criteria: ['need'] });
    const kept = file(dir);
    const empty = await civsam(['--data', dir, '--lang', 'da', 'application', 'decide', 'a1', '--reason', ' ', '--no-commit']);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toBe('fejl: der står intet efter --reason: skriv begrundelsen dér (civsam application decide a1 --reason TEKST).\n');
    expect((await run(dir, 'application', 'decide', 'a1', '--criteria', 'pris')).code).toBe(2);
    expect(file(dir)).toBe(kept);
  });

  it('the same outcome given again keeps the reason and criteria not given; a grant in full without --amount follows the amount applied for again; a new outcome has its own reasons', async () => {
    const dir = withDecision({ outcome: 'granted', date: '2026-03-01', amount_dkk: 150_000, reason: 'Godt projekt', criteria: ['need'], case_number: 'J-1' });
    expect((await run(dir, 'application', 'decide', 'a1', '--decision', 'granted', '--date', '2026-03-01')).code).toBe(0);
    expect(read(dir, 'applications/a1.yaml').decision).toEqual({ outcome: 'granted', date: '2026-03-01', reason: 'Godt projekt', criteria: ['need'], case_number: 'J-1' });
    expect((await run(dir, 'application', 'decide', 'a1', '--decision', 'refused', '--date', '2026-03-02')).code).toBe(0);
    expect(read(dir, 'applications/a1.yaml').decision).toEqual({ outcome: 'refused', date: '2026-03-02', case_number: 'J-1' });
  });

  it('refuses a partial grant of the whole amount applied for, whose letter would refuse the rest of nothing', async () => {
    const dir = withDecision();
    const r = await civsam(['--data', dir, '--lang', 'da', 'application', 'decide', 'a1', '--decision', 'delvist bevilget', '--amount', '150000', '--reason', 'r', '--criteria', 'need', '--no-commit']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('fejl: ansøgningen »Besøgsvenner«: det bevilgede beløb er hele det ansøgte beløb, så en delvis bevilling på det bevilger det hele, og brevet ville give afslag på en rest, der ikke findes. '
      + 'Angiv --decision bevilget (bevillingen følger da det ansøgte beløb) eller et mindre beløb med --amount.\n');
    expect(read(dir, 'applications/a1.yaml').decision).toBeUndefined();
  });
});

describe('application edit --amount that would make a letter wrong', () => {
  const APP = { id: 'a1', call: 'c1', organisations: ['alpha'], title: 'Besøgsvenner', amount_dkk: 150_000, kind: 'development', received: '2026-01-20' };
  const withDecision = (decision: object) => folder({ 'applications/a1.yaml': JSON.stringify({ ...APP, decision: { date: '2026-03-01', ...decision } }) + '\n' });
  const file = (dir: string) => readFileSync(join(dir, 'applications/a1.yaml'), 'utf8');

  it('refuses an amount applied for equal to a partial grant, with the command that makes it a grant in full, which then works', async () => {
    const dir = withDecision({ outcome: 'partly', amount_dkk: 120_000, reason: 'Delvis', criteria: ['need'] });
    const before = file(dir);
    const r = await civsam(['--data', dir, '--lang', 'da', 'application', 'edit', 'a1', '--amount', '120000', '--no-commit']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('fejl: ansøgning a1 har fået en delvis bevilling lig med det nye ansøgte beløb: så ville den delvise bevilling være på hele det ansøgte beløb, og brevet ville give afslag på en rest, der ikke findes. '
      + 'Bevilges hele det ansøgte beløb, så registrér først afgørelsen som en fuld bevilling uden beløb (bevillingen følger da det ansøgte beløb; begrundelsen for den delvise bevilling bevares ikke, så angiv en ny med --reason, hvis den fulde bevilling skal begrundes): '
      + 'civsam application decide a1 --decision bevilget --date 2026-03-01 --criteria need. Ret derefter det ansøgte beløb.\n');
    expect(file(dir)).toBe(before);
    expect((await run(dir, 'application', 'decide', 'a1', '--decision', 'granted', '--date', '2026-03-01', '--criteria', 'need')).code).toBe(0);
    expect((await run(dir, 'application', 'edit', 'a1', '--amount', '120000')).code).toBe(0);
    expect(read(dir, 'applications/a1.yaml')).toMatchObject({ amount_dkk: 120_000, decision: { outcome: 'granted', date: '2026-03-01', criteria: ['need'] } });
  });

  it('refuses raising the amount applied for above a grant in full that writes its amount, with the command that makes it follow the amount applied for; near miss: one without an amount', async () => {
    const dir = withDecision({ outcome: 'granted', amount_dkk: 150_000, reason: 'Godt', case_number: 'J-1' });
    const before = file(dir);
    const r = await civsam(['--data', dir, '--lang', 'da', 'application', 'edit', 'a1', '--amount', '400000', '--no-commit']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('fejl: ansøgning a1 har fået bevilget hele det ansøgte beløb, så det ansøgte beløb kan ikke sættes op: så ville bevillingen være mindre end det ansøgte, mens brevet siger »som ansøgt«. '
      + 'Bevilges hele det ansøgte beløb, så registrér først afgørelsen uden beløb (bevillingen følger da det ansøgte beløb; begrundelse og kriterier bevares): civsam application decide a1 --decision bevilget --date 2026-03-01. '
      + 'Sæt derefter det ansøgte beløb op; bevilges der mindre end det hele, så registrér det som en delvis bevilling med begrundelse.\n');
    expect(file(dir)).toBe(before);
    // Near miss for show: an amount written out is shown once, as it is.
    const written = (await civsam(['--data', dir, '--lang', 'da', 'application', 'show', 'a1', '--format', 'csv'])).stdout;
    expect(written.match(/Afgørelse: beløb;[^\r]*/g)).toEqual(['Afgørelse: beløb;150.000 kr.']);
    expect((await run(dir, 'application', 'decide', 'a1', '--decision', 'granted', '--date', '2026-03-01')).code).toBe(0);
    expect((await run(dir, 'application', 'edit', 'a1', '--amount', '400000')).code).toBe(0);
    expect(read(dir, 'applications/a1.yaml')).toMatchObject({ amount_dkk: 400_000, decision: { outcome: 'granted', date: '2026-03-01', reason: 'Godt', case_number: 'J-1' } });
    expect(read(dir, 'applications/a1.yaml').decision.amount_dkk).toBeUndefined();
    const show = await civsam(['--data', dir, '--lang', 'da', 'application', 'show', 'a1', '--format', 'csv']);
    expect(show.stdout).toContain('Afgørelse: beløb;400.000 kr. (som ansøgt)\r\n');
  });
});

describe('application decide with a call\'s plain-text criteria', () => {
  // Before, naming the plain text gave it an id, which made it a scored criterion nobody had scored:
  // every application of the call left the ranking. A plain text beside scored criteria is not scored.
  it('refuses a plain-text criterion beside scored ones, in a decision and a score alike, listing the scored ones and writing nothing', async () => {
    const dir = folder({ 'applications/a1.yaml': JSON.stringify({ id: 'a1', call: 'c1', organisations: ['alpha'], amount_dkk: 1000, kind: 'development', received: '2026-01-20' }) + '\n' });
    const call = readFileSync(join(dir, 'calls/c1.yaml'), 'utf8');
    const app = readFileSync(join(dir, 'applications/a1.yaml'), 'utf8');
    const refusal = 'fejl: det kriterium, du nævnte, står i opslag c1 som tekst uden id ved siden af de kriterier, der gives karakterer efter, så det får ingen karakterer, og hverken en bedømmelse eller en afgørelse kan bygge på det. Nævn et af de kriterier, der gives karakterer efter: »Rækkevidde«, »Behov«.\n';
    const decide = await civsam(['--data', dir, '--lang', 'da', 'application', 'decide', 'a1', '--decision', 'delvist bevilget', '--date', '2026-03-01', '--amount', '500', '--reason', 'Delvis', '--criteria', 'Se også', '--no-commit']);
    expect(decide).toMatchObject({ code: 2, stderr: refusal });
    const assess = await civsam(['--data', dir, '--lang', 'da', 'application', 'assess', 'a1', '--assessor', NAME, '--score', 'Se også=3', '--no-commit']);
    expect(assess).toMatchObject({ code: 2, stderr: refusal });
    const criterion = await civsam(['--data', dir, '--lang', 'da', 'call', 'criterion', 'c1', 'Se også', '--weight', '2', '--no-commit']);
    expect(criterion).toMatchObject({ code: 2, stderr: refusal });
    expect(readFileSync(join(dir, 'calls/c1.yaml'), 'utf8')).toBe(call);
    expect(readFileSync(join(dir, 'applications/a1.yaml'), 'utf8')).toBe(app);
    // A criterion with an id already: the call is not written.
    expect((await run(dir, 'application', 'decide', 'a1', '--decision', 'refused', '--date', '2026-03-01', '--reason', 'Nej', '--criteria', 'Behov')).code).toBe(0);
    expect(readFileSync(join(dir, 'calls/c1.yaml'), 'utf8')).toBe(call);
  });

  it('gives every plain text its id when a score names one in a call of plain texts alone, and records the score by that id', async () => {
    const texts = { ...CALL, criteria: ['Rækkevidde i hele regionen', 'Se også puljens kriterier'] };
    const dir = folder({ 'calls/c1.yaml': JSON.stringify(texts) + '\n', 'applications/a1.yaml': JSON.stringify({ id: 'a1', call: 'c1', organisations: ['alpha'], amount_dkk: 1000, kind: 'development', received: '2026-01-20' }) + '\n' });
    const r = await civsam(['--data', dir, '--lang', 'da', 'application', 'assess', 'a1', '--assessor', NAME, '--date', '2026-02-10', '--score', 'Rækkevidde=3', '--no-commit']);
    expect(r.code, r.stderr).toBe(0);
    expect(read(dir, 'calls/c1.yaml').criteria).toEqual([
      { id: 'raekkevidde-i-hele-regionen', text: { da: 'Rækkevidde i hele regionen' } },
      { id: 'se-ogsaa-puljens-kriterier', text: { da: 'Se også puljens kriterier' } },
    ]);
    expect(read(dir, 'applications/a1.yaml').assessments[0].scores).toEqual([{ criterion: 'raekkevidde-i-hele-regionen', score: 3 }]);
  });

  it('gives every plain text of the call its id when the decision names one: a call partly by ids is scored and ranked by those alone', async () => {
    const texts = { ...CALL, criteria: ['Rækkevidde i hele regionen', 'Se også puljens kriterier'] };
    const dir = folder({ 'calls/c1.yaml': JSON.stringify(texts) + '\n', 'applications/a1.yaml': JSON.stringify({ id: 'a1', call: 'c1', organisations: ['alpha'], amount_dkk: 1000, kind: 'development', received: '2026-01-20' }) + '\n' });
    const r = await civsam(['--data', dir, '--lang', 'da', 'application', 'decide', 'a1', '--decision', 'afslag', '--date', '2026-03-01', '--reason', 'Nej', '--criteria', 'Rækkevidde', '--no-commit']);
    expect(r.code, r.stderr).toBe(0);
    expect(read(dir, 'calls/c1.yaml').criteria).toEqual([
      { id: 'raekkevidde-i-hele-regionen', text: { da: 'Rækkevidde i hele regionen' } },
      { id: 'se-ogsaa-puljens-kriterier', text: { da: 'Se også puljens kriterier' } },
    ]);
    expect(read(dir, 'applications/a1.yaml').decision.criteria).toEqual(['raekkevidde-i-hele-regionen']);
    // The ranking then lists both criteria for scores.
    const ranking = await civsam(['--data', dir, '--lang', 'da', 'call', 'ranking', 'c1']);
    expect(ranking.stdout + ranking.stderr).toContain('Se også puljens kriterier');
    expect(ranking.stdout + ranking.stderr).not.toContain('står som tekst uden id');
  });
});

describe('call declare and agreement report', () => {
  it('records a declaration with ties, or none, and refuses both or neither', async () => {
    const dir = folder();
    expect((await run(dir, 'call', 'declare', 'c1', '--assessor', NAME, '--date', '2026-02-02', '--ties', 'alpha', '--tie', 'board')).code).toBe(0);
    expect((await run(dir, 'call', 'declare', 'c1', '--assessor', 'Fagkonsulent 2', '--date', '2026-02-02', '--none')).code).toBe(0);
    expect(read(dir, 'calls/c1.yaml').declarations).toEqual([
      { assessor: NAME, date: '2026-02-02', ties: [{ organisation: 'alpha', relation: 'board' }] },
      { assessor: 'Fagkonsulent 2', date: '2026-02-02', ties: [] },
    ]);
    const both = await run(dir, 'call', 'declare', 'c1', '--assessor', NAME, '--ties', 'alpha', '--none');
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('give either --ties');
    expect((await run(dir, 'call', 'declare', 'c1', '--assessor', NAME, '--ties', '../x')).code).toBe(2);
  });

  it('a tie declared after the assessor has scored says at once that those scores no longer count, and how to remove them; near miss: a tie to an organisation that does not apply', async () => {
    const scored = (id: string, o: string) => ({ [`applications/${id}.yaml`]: JSON.stringify({ id, call: 'c1', organisations: [o], amount_dkk: 1000, kind: 'development', received: '2026-01-20', assessments: [{ assessor: NAME, date: '2026-02-10', scores: [{ criterion: 'reach', score: 4 }] }] }) + '\n' });
    const dir = folder({ ...scored('a1', 'alpha'), ...scored('a2', 'alpha') });
    const none = await run(dir, 'call', 'declare', 'c1', '--assessor', NAME, '--date', '2026-02-12', '--ties', 'beta');
    expect(none.code).toBe(0);
    expect(none.stderr).not.toContain('Note');
    const da = await civsam(['--data', dir, '--lang', 'da', 'call', 'declare', 'c1', '--assessor', NAME, '--date', '2026-02-12', '--ties', 'Alpha Forening', '--tie', 'ansat', '--no-commit']);
    expect(da.code).toBe(0);
    expect(da.stderr).toContain('Bemærk: denne bedømmer har allerede bedømt 2 ansøgninger i opslaget, og tilknytningen er til Alpha Forening, som søger i det. En bedømmer med tilknytning til en ansøger er inhabil i hele opslaget (forvaltningslovens § 3), så de karakterer tæller ikke længere med i rangordningen. Fjern dem med civsam application assess ANSØGNING --assessor NAVN --remove (civsam call ranking c1 viser hvilke), og lad en anden bedømmer bedømme opslagets ansøgninger.\n');
    expect(da.stderr).not.toContain('Assessorsen');
    expect(read(dir, 'calls/c1.yaml').declarations).toEqual([{ assessor: NAME, date: '2026-02-12', ties: [{ organisation: 'alpha', relation: 'employed' }] }]);
  });

  it('adds a report due and records it as received', async () => {
    const dir = folder();
    expect((await run(dir, 'agreement', 'report', 'g1', '--due', '2026-03-01', '--kind', 'final')).code).toBe(0);
    expect((await run(dir, 'agreement', 'report', 'g1', '--due', '2026-03-01', '--received', '2026-02-27')).code).toBe(0);
    expect(read(dir, 'agreements/g1.yaml').reports).toEqual([{ due: '2026-03-01', kind: 'final', received: '2026-02-27' }]);
    const none = await run(dir, 'agreement', 'report', 'g1', '--due', '2026-04-01', '--received', '2026-04-02');
    expect(none.code).toBe(2);
    expect(none.stderr).toBe('error: agreement g1 has no report due 1 Apr 2026. To add one, give its --kind: progress report, final report or accounts.\n');
  });

  it('a final report on another day moves the one final report, said so (a dry run says what it would do); one received is refused; other kinds are added beside it', async () => {
    const dir = folder();
    expect((await run(dir, 'agreement', 'report', 'g1', '--due', '2026-03-01', '--kind', 'progress')).code).toBe(0);
    expect((await run(dir, 'agreement', 'report', 'g1', '--due', '2026-06-30', '--kind', 'final')).code).toBe(0);
    const dry = await civsam(['--data', dir, '--lang', 'da', 'agreement', 'report', 'g1', '--due', '2026-07-31', '--kind', 'slutrapport', '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stderr).toBe('Herunder filens linjer, som civsam ville skrive dem, med felter og faste værdier som koder, sådan som filen rummer dem (civsam show viser dem med danske ord, når posten er gemt):\nPrøvekørsel: 1 fil ville blive ændret; intet er skrevet.\nBemærk: aftale g1 har én slutrapport med frist 30. jun. 2026: den ville få frist 31. jul. 2026 og ikke blive tilføjet en gang til.\n');
    const moved = await run(dir, 'agreement', 'report', 'g1', '--due', '2026-07-31', '--kind', 'final');
    expect(moved.code).toBe(0);
    expect(moved.stderr).toContain('Note: agreement g1 has one final report, which was due 30 Jun 2026: it is now due 31 Jul 2026, not added a second time.\n');
    // Accounts due the same day as the final report are another report; a second progress report too.
    expect((await run(dir, 'agreement', 'report', 'g1', '--due', '2026-07-31', '--kind', 'accounts')).code).toBe(0);
    expect((await run(dir, 'agreement', 'report', 'g1', '--due', '2026-05-01', '--kind', 'progress')).code).toBe(0);
    expect(read(dir, 'agreements/g1.yaml').reports).toEqual([
      { due: '2026-03-01', kind: 'progress' }, { due: '2026-05-01', kind: 'progress' }, { due: '2026-07-31', kind: 'final' }, { due: '2026-07-31', kind: 'accounts' },
    ]);
    expect((await run(dir, 'agreement', 'report', 'g1', '--due', '2026-07-31', '--received', '2026-07-20')).code).toBe(0);
    const before = readFileSync(join(dir, 'agreements/g1.yaml'), 'utf8');
    const received = await civsam(['--data', dir, '--lang', 'da', 'agreement', 'report', 'g1', '--due', '2026-08-31', '--kind', 'final', '--no-commit']);
    expect(received).toEqual({
      code: 2, stdout: '',
      stderr: `fejl: aftale g1 har allerede sin slutrapport med frist 31. jul. 2026, modtaget 20. jul. 2026, og en aftale har kun én slutrapport. Skal der tilføjes en afrapportering af en anden art, så angiv dens --kind (statusrapport eller regnskab); skal slutrapportens frist rettes, så ret den i ${join(dir, 'agreements/g1.yaml')}.\n`,
    });
    expect(readFileSync(join(dir, 'agreements/g1.yaml'), 'utf8')).toBe(before);
  });
});

describe('validate on applications', () => {
  it('names a score outside the scale and a criterion the call lacks by file, line and column', async () => {
    const app = ['id: a1', 'call: c1', 'organisations: [alpha]', 'amount_dkk: 1000', 'kind: development', 'received: 2026-01-20',
      'assessments:', '  - assessor: X', '    date: 2026-02-10', '    scores:', '      - criterion: reach', '        score: 9', '      - criterion: spread', '        score: 1',
      'decision:', '  outcome: refused', '  date: 2026-03-01', '  criteria: [need, spread]', ''].join('\n');
    const dir = folder({ 'applications/a1.yaml': app });
    const r = await civsam(['--data', dir, 'validate']);
    expect(r.code).toBe(2);
    const lines = r.stdout.split('\n').filter((l) => l.includes('applications/a1.yaml'));
    expect(lines.map((l) => l.slice(l.indexOf('a1.yaml:')))).toEqual([
      'a1.yaml:12:16  Assessment no. 1: score no. 1: score is outside call c1\'s score scale, 0 to 5.',
      'a1.yaml:13:20  Assessment no. 1: score no. 2: criterion names criterion spread, which call c1 does not have. Its criteria are: reach, need.',
      'a1.yaml:18:20  Decision: criterion no. 2 names criterion spread, which call c1 does not have. Its criteria are: reach, need.',
    ]);
  });

  it('warns when a call\'s written applicants or selected disagree with its applications', async () => {
    const call = { ...CALL, applicants: ['alpha', 'beta'], selected: ['alpha'] };
    const app = (id: string, o: string, outcome: string) => JSON.stringify({ id, call: 'c1', organisations: [o], amount_dkk: 1000, kind: 'development', received: '2026-01-20', decision: { outcome, date: '2026-03-01', reason: 'r', criteria: ['reach'] } }) + '\n';
    const agree = folder({ 'calls/c1.yaml': JSON.stringify(call) + '\n', 'applications/a1.yaml': app('a1', 'alpha', 'granted'), 'applications/a2.yaml': app('a2', 'beta', 'refused') });
    expect((await civsam(['--data', agree, 'validate'])).code).toBe(0);
    const differ = folder({ 'calls/c1.yaml': JSON.stringify(call) + '\n', 'applications/a1.yaml': app('a1', 'alpha', 'refused'), 'applications/a2.yaml': app('a2', 'beta', 'granted') });
    const r = await civsam(['--data', differ, 'validate']);
    expect(r.stdout).toContain('calls/c1.yaml:1:299  warning: the call lists selected, but its applications show 2 organisations differently: Alpha Forening, Beta Forening.');
    expect(r.stdout).not.toContain('lists applicants');
  });

  it('call close on a call with applications writes no lists of its own, and refuses --selected with the way to record decisions', async () => {
    const app = JSON.stringify({ id: 'a1', call: 'c1', organisations: ['alpha'], amount_dkk: 1000, kind: 'development', received: '2026-01-20' }) + '\n';
    const dir = folder({ 'applications/a1.yaml': app });
    const refused = await run(dir, 'call', 'close', 'c1', '--selected', 'alpha');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('the call c1 has 1 application: they say who applied and who was selected');
    expect(refused.stderr).toContain('civsam application decide');
    expect(read(dir, 'calls/c1.yaml').status).toBeUndefined();
    expect((await run(dir, 'call', 'close', 'c1')).code).toBe(0);
    const call = read(dir, 'calls/c1.yaml');
    expect(call.status).toBe('closed');
    expect(call.applicants).toBeUndefined();
    expect(call.selected).toBeUndefined();
    // A call without applications still records its lists as before.
    const plain = folder();
    expect((await run(plain, 'call', 'close', 'c1', '--selected', 'alpha')).code).toBe(0);
    expect(read(plain, 'calls/c1.yaml')).toMatchObject({ status: 'closed', applicants: ['alpha'], selected: ['alpha'] });
  });
});
