// The audit rules on applications, assessment, decisions and grantee reports: each with a
// positive case, its near misses and the exact finding as `civsam audit --format json` gives it.
import { describe, expect, it } from 'vitest';
import { agreement, auditOf, call, folderWith, organisation, pool, type Rec } from './audit-fixture.js';

const org = (id: string, extra: Rec = {}): [string, Rec] => ['organisations', organisation(id, extra)];
const agr = (id: string, extra: Rec = {}): [string, Rec] => ['agreements', agreement(id, extra)];
const pl = (id: string, extra: Rec = {}): [string, Rec] => ['pools', pool(id, extra)];
const CRITERIA = [{ id: 'reach', text: { da: 'Rækkevidde' }, weight: 2 }, { id: 'need', text: { da: 'Behov' } }];
const cl = (extra: Rec = {}): [string, Rec] => ['calls', call('c1', { criteria: CRITERIA, ...extra })];
const app = (id: string, extra: Rec = {}): [string, Rec] => ['applications', { id, call: 'c1', organisations: ['alpha'], amount_dkk: 100_000, kind: 'development', received: '2024-10-15', ...extra }];
/** One assessor's assessment: scores by criterion id. */
const by = (assessor: string, scores: Record<string, number>, date = '2024-11-10') => ({ assessor, date, scores: Object.entries(scores).map(([criterion, score]) => ({ criterion, score })) });
const decided = (outcome: string, extra: Rec = {}) => ({ outcome, date: '2024-12-01', ...extra });
const FULL = (reach: number, need: number) => [by('Anna', { reach, need }), by('Bo', { reach, need })];

describe('assessment-incomplete', () => {
  // Anna scored both criteria of a1; Bo scored only reach: 1 score missing (need), 2 assessors.
  const run = (outcome: string) => auditOf(folderWith([cl(), app('a1', { assessments: [by('Anna', { reach: 3, need: 3 }), by('Bo', { reach: 3 })], decision: decided(outcome, { reason: 'r', criteria: ['reach'] }) })]), 'assessment-incomplete');

  it('finds a decided application without every assessor\'s score on every criterion, with the command that records the missing ones', () => {
    expect(run('refused')).toEqual([{
      rule: 'assessment-incomplete', severity: 'error', principle: 'published-criteria',
      subject: { kind: 'application', id: 'a1' }, related: [{ kind: 'call', id: 'c1' }],
      message: 'lacks 1 score for the criterion “Behov” of the call “Opslag c1”; 2 assessors have assessed applications to the call. See each assessor\'s scores with civsam application show a1. The decision was made without the missing score: if it must rest on it, take it back first (civsam application edit a1 --unset decision), record it with civsam application assess a1 --assessor NAME --score need=N, and decide again.',
    }]);
  });

  it('counts an assessor of another application of the call as an assessor of this one', () => {
    const files = folderWith([org('beta'), cl(), app('a1', { assessments: [by('Anna', { reach: 3, need: 3 })], decision: decided('granted') }), app('a2', { organisations: ['beta'], assessments: [by('Bo', { reach: 3, need: 3 })] })]);
    expect(auditOf(files, 'assessment-incomplete').map((f) => f.message)).toEqual(['lacks 2 scores for the criteria “Rækkevidde”, “Behov” of the call “Opslag c1”; 2 assessors have assessed applications to the call. See each assessor\'s scores with civsam application show a1. The decision was made without the missing scores: if it must rest on them, take it back first (civsam application edit a1 --unset decision), record them with civsam application assess a1 --assessor NAME --score reach=N --score need=N, and decide again.']);
  });

  it('says in words when nobody has assessed any application to the call, in both languages', () => {
    const files = folderWith([cl(), app('a1', { decision: decided('granted') })]);
    expect(auditOf(files, 'assessment-incomplete').map((f) => f.message)).toEqual(['lacks 2 scores for the criteria “Rækkevidde”, “Behov” of the call “Opslag c1”; nobody has assessed an application to the call yet. The decision was made without the missing scores: if it must rest on them, take it back first (civsam application edit a1 --unset decision), record them with civsam application assess a1 --assessor NAME --score reach=N --score need=N, and decide again.']);
    expect(auditOf(files, 'assessment-incomplete', { lang: 'da' }).map((f) => f.message)).toEqual(['mangler 2 karakterer for kriterierne »Rækkevidde«, »Behov« i opslaget »Opslag c1«; ingen bedømmer har endnu bedømt en ansøgning til opslaget. Afgørelsen blev truffet uden de manglende karakterer: skal den bygge på dem, så tag afgørelsen tilbage først (civsam application edit a1 --unset decision), registrér karaktererne med civsam application assess a1 --assessor NAVN --score reach=N --score need=N, og træf afgørelsen igen.']);
  });

  it('does not count an assessor with a declared tie to an applicant: their scores are not missing, and the finding says so', () => {
    // Bo declared a tie to beta, which applies (a2): Bo is disqualified in the whole call. a1 has Anna's two scores: complete.
    // a2 has only Bo's: it lacks Anna's two, and "assess" must not read as "let Bo score it".
    const declarations = [{ assessor: 'Bo', date: '2024-11-02', ties: [{ organisation: 'beta', relation: 'board' }] }];
    const files = folderWith([org('beta'), cl({ declarations }), app('a1', { assessments: [by('Anna', { reach: 3, need: 3 })], decision: decided('granted') }), app('a2', { organisations: ['beta'], assessments: [by('Bo', { reach: 5, need: 5 })], decision: decided('granted') })]);
    expect(auditOf(files, 'assessment-incomplete').map((f) => [f.subject.id, f.message])).toEqual([['a2', 'lacks 2 scores for the criteria “Rækkevidde”, “Behov” of the call “Opslag c1”; 1 assessor has assessed applications to the call; the scores of 1 assessor with a declared tie to an applicant do not count, and that assessor may not assess the call\'s applications. See the assessor\'s scores with civsam application show a2. The decision was made without the missing scores: if it must rest on them, take it back first (civsam application edit a2 --unset decision), record them with civsam application assess a2 --assessor NAME --score reach=N --score need=N, and decide again.']]);
    expect(auditOf(files, 'assessment-incomplete', { lang: 'da' })[0].message).toBe('mangler 2 karakterer for kriterierne »Rækkevidde«, »Behov« i opslaget »Opslag c1«; 1 bedømmer har bedømt ansøgninger til opslaget; karaktererne fra 1 bedømmer med erklæret tilknytning til en ansøger tæller ikke med, og vedkommende må ikke bedømme opslagets ansøgninger. Se bedømmerens karakterer med civsam application show a2. Afgørelsen blev truffet uden de manglende karakterer: skal den bygge på dem, så tag afgørelsen tilbage først (civsam application edit a2 --unset decision), registrér karaktererne med civsam application assess a2 --assessor NAVN --score reach=N --score need=N, og træf afgørelsen igen.');
    // Only the disqualified assessor has assessed: nobody whose scores count has.
    const only = folderWith([org('beta'), cl({ declarations }), app('a2', { organisations: ['beta'], assessments: [by('Bo', { reach: 5, need: 5 })], decision: decided('granted') })]);
    expect(auditOf(only, 'assessment-incomplete', { lang: 'da' })[0].message).toBe('mangler 2 karakterer for kriterierne »Rækkevidde«, »Behov« i opslaget »Opslag c1«; ingen bedømmer, hvis karakterer tæller, har endnu bedømt en ansøgning til opslaget; karaktererne fra 1 bedømmer med erklæret tilknytning til en ansøger tæller ikke med, og vedkommende må ikke bedømme opslagets ansøgninger. Afgørelsen blev truffet uden de manglende karakterer: skal den bygge på dem, så tag afgørelsen tilbage først (civsam application edit a2 --unset decision), registrér karaktererne med civsam application assess a2 --assessor NAVN --score reach=N --score need=N, og træf afgørelsen igen.');
  });

  it('does not judge withdrawn or undecided applications, nor fully scored ones, nor calls with plain-text criteria', () => {
    expect(run('withdrawn')).toEqual([]);
    expect(auditOf(folderWith([cl(), app('a1', { assessments: [by('Anna', { reach: 3 })] })]), 'assessment-incomplete')).toEqual([]);
    expect(auditOf(folderWith([cl(), app('a1', { assessments: FULL(3, 3), decision: decided('granted') })]), 'assessment-incomplete')).toEqual([]);
    expect(auditOf(folderWith([cl({ criteria: ['Rækkevidde'] }), app('a1', { decision: decided('refused', { reason: 'r' }) })]), 'assessment-incomplete')).toEqual([]);
  });
});

describe('decision-without-reason', () => {
  const run = (decision: Rec) => auditOf(folderWith([cl(), app('a1', { assessments: FULL(3, 3), decision })]), 'decision-without-reason');

  it('finds a refusal without a reason or criteria, both in one finding with the command that adds both', () => {
    expect(run(decided('refused'))).toEqual([{
      rule: 'decision-without-reason', severity: 'error', principle: 'published-criteria',
      subject: { kind: 'application', id: 'a1' }, related: [{ kind: 'call', id: 'c1' }],
      message: 'decided refused on 1 Dec 2024 without a reason and without naming any of the criteria of the call “Opslag c1”; a refusal or partial grant must give its reasons and the criteria it rests on. Add both: civsam application decide a1 --reason TEXT --criteria CRITERIA.',
    }]);
  });

  it('finds a partial grant whose reason names none of the call\'s criteria, in both languages', () => {
    expect(run(decided('partly', { amount_dkk: 50_000, reason: 'Prioriteret inden for de tilgængelige midler' }))[0].message).toBe('decided partly granted on 1 Dec 2024 with a reason that names none of the criteria of the call “Opslag c1”. Name the criteria the decision rests on: civsam application decide a1 --criteria CRITERIA.');
    expect(auditOf(folderWith([cl(), app('a1', { assessments: FULL(3, 3), decision: decided('refused', { reason: '   ' }) })]), 'decision-without-reason', { lang: 'da' })[0].message)
      .toBe('afgjort (afslag) den 1. dec. 2024 uden begrundelse og uden at nævne nogen af kriterierne i opslaget »Opslag c1«; et afslag eller en delvis bevilling skal begrundes med de kriterier, det bygger på. Tilføj begge dele: civsam application decide a1 --reason TEKST --criteria KRITERIER.');
    // A reason alone is what lacks when the criteria are named.
    expect(auditOf(folderWith([cl(), app('a1', { assessments: FULL(3, 3), decision: decided('refused', { criteria: ['reach'] }) })]), 'decision-without-reason', { lang: 'da' })[0].message)
      .toBe('afgjort (afslag) den 1. dec. 2024 uden begrundelse; et afslag eller en delvis bevilling skal begrundes. Tilføj begrundelsen: civsam application decide a1 --reason TEKST.');
  });

  it('does not fire for a reason that names a criterion, a grant, or a reasoned refusal in a call without criterion ids', () => {
    expect(run(decided('refused', { reason: 'Lavere rækkevidde', criteria: ['reach'] }))).toEqual([]);
    expect(run(decided('granted'))).toEqual([]);
    expect(auditOf(folderWith([cl({ criteria: ['Rækkevidde'] }), app('a1', { decision: decided('refused', { reason: 'Lavere rækkevidde' }) })]), 'decision-without-reason')).toEqual([]);
  });
});

describe('assessor-conflict', () => {
  const declarations = [{ assessor: 'Anna', date: '2024-11-02', ties: [{ organisation: 'alpha', relation: 'board' }] }, { assessor: 'Bo', date: '2024-11-02', ties: [] }];
  const run = (assessments: Rec[]) => auditOf(folderWith([org('beta'), cl({ declarations }), app('a1', { assessments }), app('a2', { organisations: ['beta'], assessments })]), 'assessor-conflict');

  it('finds an assessor with a declared tie to an applicant who assessed the call, without naming the assessor', () => {
    const findings = run([by('Anna', { reach: 3, need: 3 }), by('Bo', { reach: 3, need: 3 })]);
    expect(findings).toEqual([{
      rule: 'assessor-conflict', severity: 'error', principle: 'equal-access',
      subject: { kind: 'call', id: 'c1' }, related: [{ kind: 'organisation', id: 'alpha' }],
      message: 'an assessor declared a tie to applicant Forening alpha and still assessed 2 applications of the call.',
    }]);
    expect(JSON.stringify(findings)).not.toContain('Anna');
  });

  it('does not fire when the assessor who declared the tie took no part', () => {
    expect(run([by('Bo', { reach: 3, need: 3 })])).toEqual([]);
  });
});

describe('assessor-undeclared', () => {
  const run = (declarations: Rec[]) => auditOf(folderWith([cl({ declarations }), app('a1', { assessments: [by('Anna', { reach: 3, need: 3 }, '2024-11-10'), by('Bo', { reach: 3, need: 3 }, '2024-11-10')] })]), 'assessor-undeclared');

  it('counts the assessors without a declaration dated on or before their first assessment', () => {
    expect(run([{ assessor: 'Anna', date: '2024-11-11', ties: [] }])).toEqual([{
      rule: 'assessor-undeclared', severity: 'warning', principle: 'equal-access',
      subject: { kind: 'call', id: 'c1' }, related: [],
      message: '2 assessors have no declaration of impartiality dated on or before their first assessment. civsam call show c1 lists the declarations, and civsam application show the assessments; record a declaration with civsam call declare c1 --assessor NAME --date DATE --none (or --ties … --tie … for a tie).',
    }]);
  });

  it('accepts a declaration made on the day of the first assessment', () => {
    expect(run([{ assessor: 'Anna', date: '2024-11-10', ties: [] }, { assessor: 'Bo', date: '2024-11-01', ties: [] }])).toEqual([]);
  });
});

describe('ranking-inconsistent', () => {
  // a1 (granted): reach 2, need 5 → 2×2 + 5 = 9. a2 (refused): reach 4, need 2 → 2×4 + 2 = 10.
  const run = (grant: Rec) => auditOf(folderWith([org('beta'), cl(),
    app('a1', { assessments: FULL(2, 5), decision: decided('granted', grant) }),
    app('a2', { organisations: ['beta'], assessments: FULL(4, 2), decision: decided('refused', { reason: 'Lavere behov', criteria: ['need'] }) }),
  ]), 'ranking-inconsistent');

  it('finds a grant that scored below a refused application', () => {
    expect(run({})).toEqual([{
      rule: 'ranking-inconsistent', severity: 'warning', principle: 'published-criteria',
      subject: { kind: 'application', id: 'a1' }, related: [{ kind: 'application', id: 'a2' }],
      message: 'granted with a weighted total of 9, lower than the refused application “a2” (10), and the decision names no criterion on which it scored higher.',
    }]);
  });

  it('still fires when the named criterion is one the grant did not score higher on', () => {
    expect(run({ reason: 'Rækkevidde', criteria: ['reach'] })).toHaveLength(1);
  });

  it('does not fire when the decision names a criterion on which the grant scored higher', () => {
    expect(run({ reason: 'Dækker et behov, der ikke dækkes i dag', criteria: ['need'] })).toEqual([]);
  });

  it('judges by the scores that count: a disqualified assessor\'s do not', () => {
    // Bo, tied to beta, gave a2 top scores and a1 the lowest: counting Bo, a2 (refused) totals 10.5 against a1's 8.5 (granted).
    // Anna's alone: a1 2×5 + 5 = 15, a2 2×2 + 2 = 6, so the grant scored higher and nothing is found.
    const declarations = [{ assessor: 'Bo', date: '2024-11-02', ties: [{ organisation: 'beta' }] }];
    const files = folderWith([org('beta'), cl({ declarations }),
      app('a1', { assessments: [by('Anna', { reach: 5, need: 5 }), by('Bo', { reach: 0, need: 2 })], decision: decided('granted') }),
      app('a2', { organisations: ['beta'], assessments: [by('Anna', { reach: 2, need: 2 }), by('Bo', { reach: 5, need: 5 })], decision: decided('refused', { reason: 'r', criteria: ['need'] }) }),
    ]);
    expect(auditOf(files, 'ranking-inconsistent')).toEqual([]);
    // Near miss: the same scores without Bo's tie count in full, and the grant is found.
    const undeclared = folderWith([org('beta'), cl(),
      app('a1', { assessments: [by('Anna', { reach: 5, need: 5 }), by('Bo', { reach: 0, need: 2 })], decision: decided('granted') }),
      app('a2', { organisations: ['beta'], assessments: [by('Anna', { reach: 2, need: 2 }), by('Bo', { reach: 5, need: 5 })], decision: decided('refused', { reason: 'r', criteria: ['need'] }) }),
    ]);
    expect(auditOf(undeclared, 'ranking-inconsistent')).toHaveLength(1);
  });
});

describe('late-application-granted', () => {
  const run = (received: string, outcome = 'granted') => auditOf(folderWith([cl(), app('a1', { received, decision: decided(outcome, { reason: 'r', criteria: ['reach'] }) })]), 'late-application-granted');

  it('finds a grant to an application received after the deadline', () => {
    expect(run('2024-11-02')).toEqual([{
      rule: 'late-application-granted', severity: 'error', principle: 'equal-access',
      subject: { kind: 'application', id: 'a1' }, related: [{ kind: 'call', id: 'c1' }],
      message: 'received 2 Nov 2024, after the deadline of the call “Opslag c1”, 1 Nov 2024, and granted.',
    }]);
  });

  it('does not fire for an application received on the deadline, or a late one refused', () => {
    expect(run('2024-11-01')).toEqual([]);
    expect(run('2024-11-02', 'refused')).toEqual([]);
  });
});

describe('criteria-missing-for-kind', () => {
  const marked = [{ id: 'drift', text: { da: 'Stabil drift' }, kinds: ['operation'] }];
  it('finds a pool that funds operation with no criterion marked for it', () => {
    expect(auditOf(folderWith([pl('p', { criteria: ['Alle slags'] })]), 'criteria-missing-for-kind')).toEqual([{
      rule: 'criteria-missing-for-kind', severity: 'warning', principle: 'long-term',
      subject: { kind: 'pool', id: 'p' }, related: [],
      message: 'funds operation, but none of its criteria is marked for operation.',
    }]);
  });

  it('finds a call that granted operation money without a criterion marked for operation', () => {
    const files = folderWith([pl('p', { criteria: CRITERIA }), cl({ pool: 'p' }), app('a1', { kind: 'operation', decision: decided('granted') })]);
    expect(auditOf(files, 'criteria-missing-for-kind').filter((f) => f.subject.kind === 'call')).toEqual([{
      rule: 'criteria-missing-for-kind', severity: 'warning', principle: 'long-term',
      subject: { kind: 'call', id: 'c1' }, related: [{ kind: 'pool', id: 'p' }],
      message: 'granted operation money to 1 application without any criterion marked for operation.',
    }]);
  });

  it('judges a call with criteria of its own by those: a pool\'s criterion for operation does not count then, and the finding says why', () => {
    const files = folderWith([pl('p', { criteria: marked }), cl({ pool: 'p' }), app('a1', { kind: 'operation', decision: decided('granted') })]);
    expect(auditOf(files, 'criteria-missing-for-kind')).toEqual([{
      rule: 'criteria-missing-for-kind', severity: 'warning', principle: 'long-term',
      subject: { kind: 'call', id: 'c1' }, related: [{ kind: 'pool', id: 'p' }],
      message: 'granted operation money to 1 application without any of its own criteria marked for operation; its pool\'s criterion for operation does not count, as the applications are judged by the call\'s own.',
    }]);
  });

  it('does not fire for a pool or call with a criterion marked for operation, a call without criteria of its own in such a pool, a pool for development only, or a criterion without kinds counted as marked', () => {
    expect(auditOf(folderWith([pl('p', { criteria: marked }), cl({ pool: 'p', criteria: undefined }), app('a1', { kind: 'operation', decision: decided('granted') })]), 'criteria-missing-for-kind')).toEqual([]);
    expect(auditOf(folderWith([pl('p', { criteria: marked }), cl({ pool: 'p', criteria: [...CRITERIA, ...marked] }), app('a1', { kind: 'operation', decision: decided('granted') })]), 'criteria-missing-for-kind')).toEqual([]);
    expect(auditOf(folderWith([pl('p', { eligible_kinds: ['development'] })]), 'criteria-missing-for-kind')).toEqual([]);
    expect(auditOf(folderWith([pl('p', { criteria: CRITERIA })]), 'criteria-missing-for-kind')).toHaveLength(1);
  });
});

describe('grant-exceeds-application', () => {
  const run = (amount: number) => auditOf(folderWith([cl(), app('a1', { decision: decided('granted', { amount_dkk: amount }) })]), 'grant-exceeds-application');
  it('finds more granted than applied for', () => {
    expect(run(100_001)).toEqual([{
      rule: 'grant-exceeds-application', severity: 'error', principle: 'equal-access',
      subject: { kind: 'application', id: 'a1' }, related: [],
      message: 'granted DKK 100,001, more than the DKK 100,000 applied for.',
    }]);
  });
  it('does not fire for the amount applied for', () => {
    expect(run(100_000)).toEqual([]);
  });
  it('finds a grant in full of less than applied for and a partial grant of all of it, whose letters would be wrong, each with the commands that put it right', () => {
    const of = (decision: Rec, lang?: 'da') => auditOf(folderWith([cl(), app('a1', { decision })]), 'grant-exceeds-application', { lang });
    expect(of(decided('granted', { amount_dkk: 90_000, criteria: ['need'] }), 'da').map((f) => f.message)).toEqual([
      'bevilget fuldt ud med 90.000 kr., men der blev søgt om 100.000 kr., så brevets »som ansøgt« ville være forkert. '
      + 'Bevilges det hele, så registrér afgørelsen uden beløb: civsam application decide a1 --decision bevilget --date 2024-12-01 --criteria need; '
      + 'bevilges kun 90.000 kr., så registrér en delvis bevilling med begrundelse: civsam application decide a1 --decision "delvist bevilget" --date 2024-12-01 --amount 90000 --reason TEKST --criteria need.',
    ]);
    expect(of(decided('partly', { amount_dkk: 100_000, reason: 'r', criteria: ['need'] }), 'da').map((f) => f.message)).toEqual([
      'delvist bevilget med 100.000 kr., hele det ansøgte beløb, så brevet ville give afslag på en rest, der ikke findes. '
      + 'Registrér det som en fuld bevilling (begrundelsen for den delvise bevilling bevares ikke; angiv en ny med --reason, hvis den skal begrundes): '
      + 'civsam application decide a1 --decision bevilget --date 2024-12-01 --criteria need.',
    ]);
    // Near misses: a grant in full without an amount, a partial grant of less.
    expect(of(decided('granted'))).toEqual([]);
    expect(of(decided('partly', { amount_dkk: 99_999, reason: 'r', criteria: ['need'] }))).toEqual([]);
  });
});

describe('agreement-below-grant', () => {
  // a1 is granted 300,000 from pool p for 2027–2028 (150,000 a year, as the decision alone would
  // count it). Its agreement g1 is active with money from p, so g1 carries the grant: only g1's lines
  // count, and g1 has 150,000 (2027) of the 300,000: 150,000 (2028's half) counted nowhere.
  const line = (year: number, amount_dkk: number, pool = 'p') => ({ pool, year, kind: 'development', amount_dkk });
  const grant = (extra: Rec = {}) => app('a1', { title: 'Besøgsvenner', amount_dkk: 300_000, years: [2027, 2028], decision: decided('granted', { amount_dkk: 300_000 }), agreement: 'g1', ...extra });
  const run = (funding: Rec[], more: Array<[string, Rec]> = [], agreementExtra: Rec = {}, lang?: 'da') =>
    auditOf(folderWith([pl('p'), pl('q'), cl({ pool: 'p' }), grant(), agr('g1', { funding, established_by: { call: 'c1' }, ...agreementExtra }), ...more]), 'agreement-below-grant', { lang });

  it('finds an agreement carrying less of the pool\'s money than the grant it carries, summed over the years, in both languages', () => {
    expect(run([line(2027, 150_000)])).toEqual([{
      rule: 'agreement-below-grant', severity: 'warning', principle: 'published-criteria',
      subject: { kind: 'agreement', id: 'g1' }, related: [{ kind: 'application', id: 'a1' }, { kind: 'pool', id: 'p' }],
      message: 'carries the grant to Forening alpha of DKK 300,000 from Pulje p (application “Besøgsvenner”), but its funding lines from that pool add up to DKK 150,000, so DKK 150,000 of the grant is counted nowhere. '
        + 'If the agreement should have the whole grant, give it all its lines, those it has and the missing one (--funding replaces them all): civsam agreement edit g1 --funding p:2027:development:150000 --funding p:2028:development:150000. '
        + 'If less was granted, correct the decision: civsam application decide a1 --decision partly --date 2024-12-01 --amount 150000 --reason TEXT --criteria CRITERIA.',
    }]);
    expect(run([line(2027, 150_000)], [], {}, 'da')[0].message).toBe('bygger på bevillingen til Forening alpha på 300.000 kr. fra Pulje p (ansøgningen »Besøgsvenner«), men aftalens bevillingslinjer fra puljen er kun på 150.000 kr., så 150.000 kr. af bevillingen tælles ingen steder. '
      + 'Skal aftalen have hele bevillingen, så angiv alle dens linjer, dem den har, og den manglende (--funding erstatter dem alle): civsam agreement edit g1 --funding p:2027:udvikling:150000 --funding p:2028:udvikling:150000. '
      + 'Blev der bevilget mindre, så ret afgørelsen: civsam application decide a1 --decision "delvist bevilget" --date 2024-12-01 --amount 150000 --reason TEKST --criteria KRITERIER.');
  });

  it('advises commands that do only what they say: every line the agreement has written out (other pools\' too), the missing amount added to its year\'s line; a partial grant\'s amount corrected alone', () => {
    // A line from pool q that --funding would otherwise drop; the grant's one year (2027) already has a line, which gets the rest.
    const partly = grant({ years: [2027], decision: decided('partly', { amount_dkk: 250_000, reason: 'r', criteria: ['need'] }) });
    const [f] = auditOf(folderWith([pl('p'), pl('q'), cl({ pool: 'p' }), partly, agr('g1', { funding: [line(2027, 100_000), line(2027, 40_000, 'q')], established_by: { call: 'c1' } })]), 'agreement-below-grant', { lang: 'da' });
    expect(f.message).toMatch(/: civsam agreement edit g1 --funding p:2027:udvikling:250000 --funding q:2027:udvikling:40000\. Blev der bevilget mindre, så ret afgørelsen: civsam application decide a1 --amount 100000\.$/);
  });

  it('does not pair grants and agreements by id order where no application names its agreement: the sums are compared, and the pairing is asked for', () => {
    // The review's case: alpha was granted 100,000 (a1) and 20,000 (a2) in c1; the call established g1 (20,000) and g2 (100,000).
    const grants = [app('a1', { amount_dkk: 100_000, decision: decided('granted') }), app('a2', { amount_dkk: 20_000, decision: decided('granted') })];
    const pair = (one: number, two: number) => folderWith([pl('p'), cl({ pool: 'p' }), ...grants,
      agr('g1', { funding: [line(2025, one)], established_by: { call: 'c1' } }), agr('g2', { funding: [line(2025, two)], established_by: { call: 'c1' } })]);
    // All 120,000 counted: no shortfall, whichever was made from which.
    expect(auditOf(pair(20_000, 100_000), 'agreement-below-grant')).toEqual([]);
    // 20,000 + 50,000 against 120,000: said of the two together, never of one pair.
    expect(auditOf(pair(20_000, 50_000), 'agreement-below-grant', { lang: 'da' })).toEqual([{
      rule: 'agreement-below-grant', severity: 'warning', principle: 'published-criteria',
      subject: { kind: 'agreement', id: 'g1' }, related: [{ kind: 'agreement', id: 'g2' }, { kind: 'application', id: 'a1' }, { kind: 'application', id: 'a2' }, { kind: 'pool', id: 'p' }],
      message: 'er indgået med Forening alpha efter opslaget som en af 2 aftaler (»Aftale g1«, »Aftale g2«), som ingen ansøgning nævner, så det vides ikke, hvilken bevilling hver af dem bygger på. '
        + 'Aftalerne bygger tilsammen på bevillingerne på 120.000 kr. fra Pulje p (ansøgningerne a1 og a2), men deres bevillingslinjer fra puljen er kun på 70.000 kr., så 50.000 kr. tælles ingen steder. '
        + 'Angiv, hvilken aftale hver ansøgning blev til, med civsam application edit ANSØGNING --agreement AFTALE (ansøgningerne: a1, a2; aftalerne: g1, g2); så sammenligner revisionen hver aftale med sin egen bevilling.',
    }]);
    // Named, the pairing is known: each agreement is compared with its own grant.
    const named = folderWith([pl('p'), cl({ pool: 'p' }), app('a1', { amount_dkk: 100_000, decision: decided('granted'), agreement: 'g2' }), app('a2', { amount_dkk: 20_000, decision: decided('granted'), agreement: 'g1' }),
      agr('g1', { funding: [line(2025, 20_000)], established_by: { call: 'c1' } }), agr('g2', { funding: [line(2025, 50_000)], established_by: { call: 'c1' } })]);
    expect(auditOf(named, 'agreement-below-grant').map((f) => [f.subject.id, f.message.slice(0, 60)])).toEqual([['g2', 'carries the grant to Forening alpha of DKK 100,000 from Pulj']]);
  });

  it('does not take a new grant to be the one an agreement of the same call was made from, when the organisation has another grant there', () => {
    // g1 was made from a1 (100,000); a2 (20,000) is granted later in the same call, and neither names g1.
    const files = folderWith([pl('p'), cl({ pool: 'p' }), app('a1', { amount_dkk: 100_000, decision: decided('granted') }), app('a2', { amount_dkk: 20_000, decision: decided('granted') }),
      agr('g1', { funding: [line(2025, 100_000)], established_by: { call: 'c1' } })]);
    expect(auditOf(files, 'agreement-below-grant').map((f) => f.message)).toEqual([
      'was established by the call for Forening alpha, as the only agreement (“Aftale g1”) that no application names, so which grant it was made from is not known. '
        + 'The agreement carries the grants of DKK 120,000 from Pulje p (applications a1 and a2), but its funding lines from that pool add up to DKK 100,000, so DKK 20,000 is counted nowhere. '
        + 'Name the agreement each application became with civsam application edit APPLICATION --agreement AGREEMENT (the applications: a1, a2; the agreements: g1); the audit then compares each agreement with its own grant.',
    ]);
    // One grant and one agreement for the organisation in the call: the one was made from the other.
    expect(auditOf(folderWith([pl('p'), cl({ pool: 'p' }), app('a1', { amount_dkk: 100_000, decision: decided('granted') }), agr('g1', { funding: [line(2025, 100_000)], established_by: { call: 'c1' } })]), 'agreement-below-grant')).toEqual([]);
  });

  it('counts only the lines from the call\'s pool, and finds an agreement that carries the grant without being named by it', () => {
    // 150,000 from p and 150,000 from q: 150,000 of p's grant is missing all the same.
    expect(run([line(2027, 150_000), line(2028, 150_000, 'q')]).map((f) => f.message)).toEqual([expect.stringContaining('add up to DKK 150,000, so DKK 150,000 of the grant')]);
    // Named by no application, established by the call for the same organisation: it carries a1's grant.
    const unnamed = auditOf(folderWith([pl('p'), cl({ pool: 'p' }), grant({ agreement: undefined }), agr('g1', { funding: [line(2027, 100_000)], established_by: { call: 'c1' } })]), 'agreement-below-grant');
    expect(unnamed.map((f) => [f.subject.id, f.message.slice(f.message.indexOf('add up'))])).toEqual([['g1', expect.stringMatching(/^add up to DKK 100,000, so DKK 200,000 of the grant/)]]);
  });

  it('adds up several grants one agreement carries: 100,000 + 100,000 granted against 150,000', () => {
    const two = auditOf(folderWith([pl('p'), org('beta'), cl({ pool: 'p' }),
      grant({ amount_dkk: 100_000, decision: decided('granted', { amount_dkk: 100_000 }) }),
      app('a2', { organisations: ['beta'], amount_dkk: 120_000, decision: decided('partly', { amount_dkk: 100_000, reason: 'r', criteria: ['need'] }), agreement: 'g1' }),
      agr('g1', { organisations: ['alpha', 'beta'], funding: [line(2027, 150_000)], established_by: { call: 'c1' } })]), 'agreement-below-grant');
    expect(two.map((f) => [f.related, f.message])).toEqual([[[{ kind: 'application', id: 'a1' }, { kind: 'application', id: 'a2' }, { kind: 'pool', id: 'p' }],
      'carries the grant to Forening alpha and Forening beta of DKK 200,000 from Pulje p (applications “Besøgsvenner” and a2), but its funding lines from that pool add up to DKK 150,000, so DKK 50,000 of the grant is counted nowhere. '
        // Two grants (a2 names no years: the call's year, 2027, as a1 asks for it first): the agreement has 2027, so the missing line is 2028's.
        + 'If the agreement should have the whole grant, give it all its lines, those it has and the missing one (--funding replaces them all): civsam agreement edit g1 --funding p:2027:development:150000 --funding p:2028:development:50000. '
        + 'If less was granted, correct the decision: civsam application decide ID --amount AMOUNT for the application whose amount is wrong (a1, a2); '
        + 'a grant in full (a1) given less becomes a partial grant, a new decision with its reasons: civsam application decide ID --decision partly --date DATE --amount AMOUNT --reason TEXT --criteria CRITERIA.']]);
  });

  it('near misses: the whole grant in its years, the same total in other years, more than granted, a draft agreement (the decision counts), a partial grant without an amount', () => {
    expect(run([line(2027, 150_000), line(2028, 150_000)])).toEqual([]);
    // The agreement pays the grant in other years than the application named: the same grant, so no finding.
    expect(run([line(2029, 100_000), line(2030, 200_000)])).toEqual([]);
    expect(run([line(2027, 400_000)])).toEqual([]);
    expect(run([line(2027, 150_000)], [], { status: 'draft' })).toEqual([]);
    expect(auditOf(folderWith([pl('p'), cl({ pool: 'p' }), grant({ decision: decided('partly', { reason: 'r', criteria: ['need'] }) }), agr('g1', { funding: [line(2027, 1)], established_by: { call: 'c1' } })]), 'agreement-below-grant')).toEqual([]);
  });
});

describe('report-overdue', () => {
  // The audit's as-of date is 2026-11-23.
  const run = (report: Rec, status = 'active') => auditOf(folderWith([agr('g1', { status, reports: [{ due: '2026-11-20', kind: 'final', ...report }] })]), 'report-overdue');
  it('finds a report past its due date and not received', () => {
    expect(run({})).toEqual([{
      rule: 'report-overdue', severity: 'warning', principle: 'long-term',
      subject: { kind: 'agreement', id: 'g1' }, related: [],
      message: 'final report due 20 Nov 2026 not received (3 days overdue).',
    }]);
    expect(auditOf(folderWith([agr('g1', { reports: [{ due: '2026-11-20', kind: 'accounts' }] })]), 'report-overdue', { lang: 'da' })[0].message).toBe('regnskab med frist 20. nov. 2026 er ikke modtaget (3 dage for sent).');
  });
  it('does not fire for a report received one day before the as-of date, one due on the as-of date, or a cancelled agreement', () => {
    expect(run({ received: '2026-11-22' })).toEqual([]);
    expect(run({ due: '2026-11-23' })).toEqual([]);
    expect(run({}, 'cancelled')).toEqual([]);
    expect(run({}, 'ended')).toHaveLength(1);
  });
});

describe('granted-while-report-overdue', () => {
  const run = (received?: string) => auditOf(folderWith([cl(), agr('g1', { reports: [{ due: '2024-10-01', kind: 'final', ...(received ? { received } : {}) }] }), app('a1', { decision: decided('granted') })]), 'granted-while-report-overdue');
  it('finds a grant to an organisation with a report overdue at the decision date', () => {
    expect(run()).toEqual([{
      rule: 'granted-while-report-overdue', severity: 'warning', principle: 'long-term',
      subject: { kind: 'application', id: 'a1' }, related: [{ kind: 'agreement', id: 'g1' }],
      message: 'granted on 1 Dec 2024 while Forening alpha had an overdue report (final) on the agreement “Aftale g1”, due 1 Oct 2024.',
    }]);
    // Received after the decision: it was still overdue when the grant was made.
    expect(run('2024-12-15')).toHaveLength(1);
  });
  it('does not fire when the report came before the decision', () => {
    expect(run('2024-11-30')).toEqual([]);
  });
});

describe('call-selection-mismatch with applications', () => {
  // The call writes no selected list: its applications say who was selected.
  const run = (outcome: string) => auditOf(folderWith([cl(), app('a1', { decision: decided(outcome, { reason: 'r', criteria: ['reach'] }) }), agr('g1', { established_by: { call: 'c1' } })]), 'call-selection-mismatch');
  it('takes the selection from the call\'s applications when the call writes none', () => {
    expect(run('granted')).toEqual([]);
    expect(run('refused').map((f) => f.message)).toEqual(['organisation not selected in the call “Opslag c1”: Forening alpha.']);
  });
});
