// `civsam call ranking`: weighted totals, ranks and the line where the pool's money runs out,
// worked out by hand beside the data; the .xlsx workbook read back with SheetJS.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { civsam } from '../helpers/cli.js';
import { rankingYear } from '../../src/reports/ranking.js';
import { baseFiles, makeFolder, org } from '../helpers/folder.js';

const CALL = {
  id: 'c1', title: 'Opslag', pool: 'p', areas: ['psychiatry'], scope: 'regional', published: '2026-01-05', deadline: '2026-02-01', channel: 'public',
  criteria: [{ id: 'reach', text: { da: 'Rækkevidde' }, weight: 2 }, { id: 'need', text: { da: 'Behov' } }],
};
const POOL = { id: 'p', name: 'Pulje', areas: ['psychiatry'], eligible_kinds: ['development'], budgets: [{ year: 2026, amount_dkk: 250_000 }] };
const by = (assessor: string, reach: number, need?: number) => ({ assessor, date: '2026-02-10', scores: [{ criterion: 'reach', score: reach }, ...(need === undefined ? [] : [{ criterion: 'need', score: need }])] });
const app = (id: string, o: string, amount: number, assessments: unknown[], decision?: unknown) => JSON.stringify({ id, call: 'c1', organisations: [o], amount_dkk: amount, kind: 'development', received: '2026-01-20', assessments, ...(decision ? { decision } : {}) }) + '\n';

// a1: reach (5+3)/2 = 4 → 8, need (4+2)/2 = 3 → total 11.   a2: reach 4 → 8, need 3 → 11 (tied with a1).
// a3: reach 2 → 4, need 5 → 9.   a4: Bo gave no need score → not ranked.   a5: withdrawn → not ranked.
// Budget 250,000 for 2026 (the deadline's year: no application names one). a1 is granted 100,000, which
// the pool-year has committed, as overview funding says: 150,000 is left. a3 is refused: it takes nothing.
// Only the undecided are walked down the ranking: a2 100,000 (cumulative 100,000) fits, with 50,000 over.
function folder(): string {
  return makeFolder({
    ...baseFiles(),
    'organisations/beta.yaml': org('beta', 'Beta'), 'organisations/gamma.yaml': org('gamma', 'Gamma'), 'organisations/delta.yaml': org('delta', 'Delta'), 'organisations/eps.yaml': org('eps', 'Eps'),
    'pools/p.yaml': JSON.stringify(POOL) + '\n',
    'calls/c1.yaml': JSON.stringify(CALL) + '\n',
    'applications/a1.yaml': app('a1', 'alpha', 100_000, [by('Anna', 5, 4), by('Bo', 3, 2)], { outcome: 'granted', date: '2026-03-01', amount_dkk: 100_000 }),
    'applications/a2.yaml': app('a2', 'beta', 100_000, [by('Anna', 4, 3), by('Bo', 4, 3)]),
    'applications/a3.yaml': app('a3', 'gamma', 100_000, [by('Anna', 2, 5), by('Bo', 2, 5)], { outcome: 'refused', date: '2026-03-01', reason: 'r', criteria: ['reach'] }),
    'applications/a4.yaml': app('a4', 'delta', 100_000, [by('Anna', 5, 5), by('Bo', 5)]),
    'applications/a5.yaml': app('a5', 'eps', 100_000, [], { outcome: 'withdrawn', date: '2026-02-15' }),
  });
}

describe('call ranking', () => {
  it('ranks by weighted total, ties sharing a rank, and draws the budget line', async () => {
    const r = await civsam(['--data', folder(), 'call', 'ranking', 'c1', '--format', 'json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({ call: 'c1', pool: { id: 'p', name: 'Pulje' }, year: 2026, yearSource: 'deadline', budget: 250_000, committed: 100_000, available: 150_000, assessors: 2, lastRankWithinBudget: 1, firstUndecidedRank: 1, criteria: [{ id: 'reach', weight: 2 }, { id: 'need', weight: 1 }] });
    expect(report.applications.map((a: any) => [a.id, a.rank, a.total, a.cumulative, a.withinBudget, a.decision])).toEqual([
      ['a1', 1, 11, null, null, 'granted'],
      ['a2', 1, 11, 100_000, true, null],
      ['a3', 3, 9, null, null, 'refused'],
      ['a4', null, null, null, null, null],
      ['a5', null, null, null, null, 'withdrawn'],
    ]);
    expect(report.applications[0].scores).toEqual([{ assessor: 1, criterion: 'reach', score: 5 }, { assessor: 1, criterion: 'need', score: 4 }, { assessor: 2, criterion: 'reach', score: 3 }, { assessor: 2, criterion: 'need', score: 2 }]);
    expect(r.stdout).not.toContain('Anna');
    const table = await civsam(['--data', folder(), 'call', 'ranking', 'c1', '--format', 'md']);
    expect(table.stdout).toContain('Pulje has a budget of DKK 250,000 for 2026; agreements and decided applications already take DKK 100,000 of it, so DKK 150,000 is left for the applications not yet decided. That covers every amount the ranked applications not yet decided ask for (DKK 100,000), with DKK 50,000 left over.');
  });

  it('draws no budget line between applications that share a rank: all within or none, and a line inside a shared rank is said as such, in both languages', async () => {
    // One criterion, one assessor. a1: 5 (rank 1); a2 and a3: 4 (both rank 2); 100,000 each against 250,000.
    // After a1, 150,000 is left: enough for a2 or a3, not both; their ids must not decide which.
    const one = { ...CALL, criteria: [{ id: 'reach', text: { da: 'Rækkevidde' } }] };
    const only = (reach: number) => [{ assessor: 'Anna', date: '2026-02-10', scores: [{ criterion: 'reach', score: reach }] }];
    const files = (budget: number) => makeFolder({
      ...baseFiles(), 'organisations/beta.yaml': org('beta', 'Beta'), 'organisations/gamma.yaml': org('gamma', 'Gamma'),
      'pools/p.yaml': JSON.stringify({ ...POOL, budgets: [{ year: 2026, amount_dkk: budget }] }) + '\n', 'calls/c1.yaml': JSON.stringify(one) + '\n',
      'applications/a1.yaml': app('a1', 'alpha', 100_000, only(5)), 'applications/a2.yaml': app('a2', 'beta', 100_000, only(4)), 'applications/a3.yaml': app('a3', 'gamma', 100_000, only(4)),
    });
    const dir = files(250_000);
    const report = JSON.parse((await civsam(['--data', dir, 'call', 'ranking', 'c1', '--format', 'json'])).stdout);
    expect(report).toMatchObject({ lastRankWithinBudget: 1, tieAtLine: { rank: 2, count: 2, asked: 200_000, left: 150_000 } });
    expect(report.applications.map((a: any) => [a.id, a.rank, a.withinBudget, a.tiedAtLine])).toEqual([['a1', 1, true, false], ['a2', 2, false, true], ['a3', 2, false, true]]);
    const en = (await civsam(['--data', dir, 'call', 'ranking', 'c1', '--format', 'md'])).stdout;
    expect(en).toContain('| 2 | Beta | a2 | 4 | 4 |  | DKK 100,000 |  | not for all who share rank 2 |\n| 2 | Gamma | a3 | 4 | 4 |  | DKK 100,000 |  | not for all who share rank 2 |');
    expect(en).toContain('so all of it is left for the applications not yet decided. That covers the amounts applied for down to rank 1, but not all of the 2 applications that share rank 2: together they ask for DKK 200,000, and DKK 150,000 is left for them. The ranking does not choose between applications with the same total; which of them are granted must be decided, with reasons, by the call\'s criteria.');
    const da = (await civsam(['--data', dir, '--lang', 'da', 'call', 'ranking', 'c1', '--format', 'md'])).stdout;
    expect(da).toContain('| 2 | Gamma | a3 | 4 | 4 |  | 100.000 kr. |  | ikke til alle, der deler plads 2 |');
    expect(da).toContain('så hele beløbet er tilbage til de ansøgninger, der endnu ikke er afgjort. Det dækker de ansøgte beløb til og med plads 1, men rækker ikke til alle de 2 ansøgninger, der deler plads 2: tilsammen søger de om 200.000 kr., og der er 150.000 kr. tilbage til dem. Rangordningen vælger ikke mellem ansøgninger med samme sum; hvilke af dem der får bevilling, skal afgøres og begrundes efter opslagets kriterier.');
    expect(da).not.toContain('nej: midlerne er opbrugt');
    // The line at the first undecided rank: a1 refused (it takes nothing), a2 and a3 share the rank, 150,000 left.
    const firstDir = files(150_000);
    writeFileSync(join(firstDir, 'applications/a1.yaml'), app('a1', 'alpha', 100_000, only(5), { outcome: 'refused', date: '2026-03-01', reason: 'r', criteria: ['reach'] }));
    const first = (await civsam(['--data', firstDir, '--lang', 'da', 'call', 'ranking', 'c1', '--format', 'md'])).stdout;
    expect(first).toContain('Det rækker ikke til alle de 2 ansøgninger, der deler plads 2: tilsammen søger de om 200.000 kr., og der er 150.000 kr. tilbage til dem.');
    // Near miss: money for both, and both are within; nor is a tie wholly out of reach one.
    const both = JSON.parse((await civsam(['--data', files(300_000), 'call', 'ranking', 'c1', '--format', 'json'])).stdout);
    expect(both.tieAtLine).toBeNull();
    expect(both.applications.map((a: any) => a.withinBudget)).toEqual([true, true, true]);
    const none = JSON.parse((await civsam(['--data', files(150_000), 'call', 'ranking', 'c1', '--format', 'json'])).stdout);
    expect(none.tieAtLine).toBeNull();
    expect(none.applications.map((a: any) => [a.withinBudget, a.tiedAtLine])).toEqual([[true, false], [false, false], [false, false]]);
  });

  it('leaves out the scores of an assessor with a declared tie to an applicant, in every application of the call, and says so at each', async () => {
    // Bo declared a tie to Gamma, which applies (a3): Bo is disqualified in the whole call, so only Anna's scores count.
    // a4: reach 5 → 10, need 5 → 15 (ranked now: Bo's missing need score no longer counts).   a1: 10 + 4 = 14.
    // a2: 8 + 3 = 11.   a3: 4 + 5 = 9.   Counting Bo, a1 and a2 would share rank 1 with 11 and a4 would not be ranked.
    const dir = folder();
    writeFileSync(join(dir, 'calls/c1.yaml'), JSON.stringify({ ...CALL, declarations: [{ assessor: 'Anna', date: '2026-02-01', ties: [] }, { assessor: 'Bo', date: '2026-02-01', ties: [{ organisation: 'gamma', relation: 'board' }] }] }) + '\n');
    const report = JSON.parse((await civsam(['--data', dir, 'call', 'ranking', 'c1', '--format', 'json'])).stdout);
    expect(report).toMatchObject({ assessors: 1, uncounted: { assessors: 1, organisations: ['gamma'] } });
    expect(report.applications.map((a: any) => [a.id, a.rank, a.total, a.uncounted])).toEqual([
      ['a4', 1, 15, 1], ['a1', 2, 14, 1], ['a2', 3, 11, 1], ['a3', 4, 9, 1], ['a5', null, null, 0],
    ]);
    expect(report.applications[1].scores).toEqual([{ assessor: 1, criterion: 'reach', score: 5 }, { assessor: 1, criterion: 'need', score: 4 }]);
    expect(JSON.stringify(report)).not.toMatch(/Anna|Bo\b/);
    const md = (await civsam(['--data', dir, '--lang', 'da', 'call', 'ranking', 'c1', '--format', 'md'])).stdout;
    // One assessor counts: a column for each criterion, headed by its name.
    expect(md).toContain('| Plads | Organisationer | Ansøgning | Rækkevidde | Behov | Vægtet sum | Tæller ikke med | Afgørelse |');
    expect(md).toContain('| 1 | Delta | a4 | 5 | 5 | 15 | karaktererne fra 1 inhabil bedømmer |');
    expect(md).toContain('| ikke placeret | Eps | a5 | – | – |  |  | udtrådt |');
    expect(md).toContain('\n\nKaraktererne fra 1 bedømmer med erklæret tilknytning til Gamma, som søger i opslaget, tæller ikke med (forvaltningslovens § 3): en sådan bedømmer er inhabil i hele opslaget, så karaktererne er udeladt af den vægtede sum og pladsen for de 4 ansøgninger, der er mærket »Tæller ikke med«. Fjern bedømmelserne, én ansøgning ad gangen, med civsam application assess ANSØGNING --assessor NAVN --remove (den første: a4), og lad en anden bedømmer bedømme opslagets ansøgninger.\n\n');
    const en = (await civsam(['--data', dir, 'call', 'ranking', 'c1', '--format', 'md'])).stdout;
    expect(en).toContain('| 1 | Delta | a4 | 5 | 5 | 15 | the scores of 1 disqualified assessor |');
    expect(en).toContain('\n\nThe scores of 1 assessor with a declared tie to Gamma, which applies in the call, do not count (section 3 of the Public Administration Act): such an assessor is disqualified in the whole call, so the scores are left out of the totals and ranks of the 4 applications marked “Not counted”. Remove the assessments, one application at a time, with civsam application assess APPLICATION --assessor NAME --remove (the first: a4), and let another assessor assess the call\'s applications.\n\n');
    // Near miss: Bo's tie is to an organisation that does not apply; every score counts, and nothing is said.
    writeFileSync(join(dir, 'organisations/zeta.yaml'), org('zeta', 'Zeta'));
    writeFileSync(join(dir, 'calls/c1.yaml'), JSON.stringify({ ...CALL, declarations: [{ assessor: 'Bo', date: '2026-02-01', ties: [{ organisation: 'zeta' }] }] }) + '\n');
    const plain = JSON.parse((await civsam(['--data', dir, 'call', 'ranking', 'c1', '--format', 'json'])).stdout);
    expect(plain).toMatchObject({ assessors: 2, uncounted: { assessors: 0, organisations: [] } });
    expect((await civsam(['--data', dir, '--lang', 'da', 'call', 'ranking', 'c1', '--format', 'md'])).stdout).not.toContain('Tæller ikke med');
    // Only a disqualified assessor has scored: nobody whose scores count has, said so rather than "none assessed yet".
    const only = makeFolder({
      ...baseFiles(), 'organisations/beta.yaml': org('beta', 'Beta'), 'pools/p.yaml': JSON.stringify(POOL) + '\n',
      'calls/c1.yaml': JSON.stringify({ ...CALL, declarations: [{ assessor: 'Bo', date: '2026-02-01', ties: [{ organisation: 'beta' }] }] }) + '\n',
      'applications/a1.yaml': app('a1', 'alpha', 100_000, [by('Bo', 5, 5)]), 'applications/a2.yaml': app('a2', 'beta', 100_000, []),
    });
    const notes = (await civsam(['--data', only, '--lang', 'da', 'call', 'ranking', 'c1', '--format', 'md'])).stdout.split('\n\n');
    expect(notes[2]).toBe('Ingen bedømmer, hvis karakterer tæller, har bedømt en ansøgning endnu, så ingen har fået en plads. Lad en bedømmer uden tilknytning til ansøgerne bedømme hver ansøgning efter opslagets kriterier, 1) Rækkevidde (vægt 2); 2) Behov (vægt 1), med civsam application assess a1 --assessor NAVN --score KRITERIUM=N (én --score for hvert kriterium).');
    expect(notes[3]).toMatch(/^Karaktererne fra 1 bedømmer med erklæret tilknytning til Beta, som søger i opslaget, tæller ikke med .* Fjern bedømmelsen med civsam application assess a1 --assessor NAVN --remove,/);
  });

  it('names each application by its title and each score by its criterion; at 80 columns it is one list, not tables split apart', async () => {
    // One assessor: a column for each criterion, headed by its name. a1 and a2 share a title, so their ids tell them apart.
    const titled = (id: string, o: string, title: string, reach: number, need: number) => app(id, o, 100_000, [by('Anna', reach, need)]).replace('"amount_dkk"', `"title":"${title}","amount_dkk"`);
    const dir = makeFolder({
      ...baseFiles(), 'organisations/beta.yaml': org('beta', 'Beta'), 'organisations/gamma.yaml': org('gamma', 'Gamma'),
      'pools/p.yaml': JSON.stringify(POOL) + '\n', 'calls/c1.yaml': JSON.stringify(CALL) + '\n',
      'applications/a1.yaml': titled('a1', 'alpha', 'Samtalegruppe', 4, 5), 'applications/a2.yaml': titled('a2', 'beta', 'Samtalegruppe', 3, 2), 'applications/a3.yaml': titled('a3', 'gamma', 'Angstcafé', 5, 5),
    });
    const wide = await civsam(['--data', dir, 'call', 'ranking', 'c1'], { env: { CIVSAM_LANG: 'da', COLUMNS: '200' } });
    expect(wide.stdout).toMatch(/│ +Plads │ Organisationer +│ Ansøgning +│ Rækkevidde │ Behov │ Vægtet sum │ Afgørelse │ +Ansøgt │ Bevilget │ Inden for budgettet +│/);
    expect(wide.stdout).toMatch(/│ +1 │ Gamma +│ Angstcafé +│ +5 │ +5 │ +15 │/);
    expect(wide.stdout).toMatch(/│ +2 │ Alpha Forening +│ Samtalegruppe \(a1\) │ +4 │ +5 │ +13 │/);
    expect(wide.stdout).not.toContain(' / ');
    const narrow = await civsam(['--data', dir, 'call', 'ranking', 'c1'], { env: { CIVSAM_LANG: 'da', COLUMNS: '80' } });
    expect(narrow.stdout.split('\n').filter((l) => l.startsWith('┌'))).toEqual([]);
    expect(narrow.stdout).toContain('Plads: 1\nOrganisationer: Gamma\nAnsøgning: Angstcafé\nRækkevidde: 5\nBehov: 5\nVægtet sum: 15\n');
    // Two assessors: a column each, every score named by its criterion.
    writeFileSync(join(dir, 'applications/a3.yaml'), app('a3', 'gamma', 100_000, [by('Anna', 5, 5), by('Bo', 4, 3)]));
    const two = await civsam(['--data', dir, 'call', 'ranking', 'c1', '--format', 'md'], { env: { CIVSAM_LANG: 'da' } });
    expect(two.stdout).toContain('| Plads | Organisationer | Ansøgning | Bedømmer 1 | Bedømmer 2 | Vægtet sum |');
    expect(two.stdout).toContain('| 1 | Gamma | a3 | »Rækkevidde«: 5, »Behov«: 5 | »Rækkevidde«: 4, »Behov«: 3 | 13 |');
  });

  it('writes a workbook with one row per application, assessors by number', async () => {
    const dir = folder();
    const out = join(makeFolder({}), 'rangordning.xlsx');
    const r = await civsam(['--data', dir, '--lang', 'da', 'call', 'ranking', 'c1', '--output', out]);
    expect(r.code).toBe(0);
    const wb = XLSX.read(readFileSync(out));
    const rows = XLSX.utils.sheet_to_json<string[]>(wb.Sheets[wb.SheetNames[0]], { header: 1 });
    expect(rows[0]).toEqual(['Plads', 'Organisationer', 'Ansøgning', 'Bedømmer 1', 'Bedømmer 2', 'Vægtet sum', 'Afgørelse', 'Ansøgt', 'Bevilget', 'Inden for budgettet']);
    expect(rows.slice(1).map((x) => [x[0], x[1], x[2], x[5]])).toEqual([[1, 'Alpha Forening', 'a1', 11], [1, 'Beta', 'a2', 11], [3, 'Gamma', 'a3', 9], ['', 'Delta', 'a4', ''], ['', 'Eps', 'a5', '']]);
    expect(JSON.stringify(rows)).not.toContain('Anna');
  });

  it('a call with no applications yet says so in words, not as criteria and a budget of dashes', async () => {
    const dir = makeFolder({ ...baseFiles(), 'pools/p.yaml': JSON.stringify(POOL) + '\n', 'calls/c1.yaml': JSON.stringify(CALL) + '\n' });
    const r = await civsam(['--data', dir, '--lang', 'da', 'call', 'ranking', 'c1'], { env: { COLUMNS: '200' } });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('Rangordning for opslaget »Opslag«: ingen ansøgninger endnu\n\nDer er intet at rangordne, før ansøgningerne er registreret: registrér dem med civsam application add --call c1.\n');
    expect(r.stdout).not.toContain('—');
    const en = await civsam(['--data', dir, 'call', 'ranking', 'c1'], { env: { COLUMNS: '200' } });
    expect(en.stdout).toBe('Ranking of the call “Opslag”: no applications yet\n\nThere is nothing to rank until the applications are registered: register them with civsam application add --call c1.\n');
  });

  it('before any assessment says that none is assessed yet and how to assess one, not "the order of the criteria: —"', async () => {
    const unassessed = (criteria?: unknown) => makeFolder({
      ...baseFiles(), 'pools/p.yaml': JSON.stringify(POOL) + '\n',
      'calls/c1.yaml': JSON.stringify({ ...CALL, criteria }) + '\n',
      'applications/a0.yaml': app('a0', 'alpha', 100_000, [], { outcome: 'withdrawn', date: '2026-02-15' }),
      'applications/a1.yaml': app('a1', 'alpha', 100_000, []),
    });
    const notes = async (dir: string, lang: string) => (await civsam(['--data', dir, '--lang', lang, 'call', 'ranking', 'c1', '--format', 'md'])).stdout.split('\n\n')[2];
    const dir = unassessed(CALL.criteria);
    expect(await notes(dir, 'da')).toBe('Ingen ansøgning er bedømt endnu, så ingen har fået en plads. Bedøm hver ansøgning efter opslagets kriterier, 1) Rækkevidde (vægt 2); 2) Behov (vægt 1), med civsam application assess a1 --assessor NAVN --score KRITERIUM=N (én --score for hvert kriterium).');
    expect(await notes(dir, 'en')).toBe('No application has been assessed yet, so none is ranked. Assess each against the call\'s criteria, 1) Rækkevidde (weight 2); 2) Behov (weight 1), with civsam application assess a1 --assessor NAME --score CRITERION=N (one --score for each criterion).');
    // A call without criteria cannot be assessed at all: that is what to put right first.
    const none = unassessed(undefined);
    expect(await notes(none, 'da')).toBe('Opslaget har ingen kriterier, så ansøgningerne kan ikke få karakterer eller en plads. Giv det de kriterier, det blev offentliggjort med: civsam call edit c1 --criteria "…" "…".');
    expect(await notes(none, 'en')).toBe('The call has no criteria, so its applications cannot be scored or ranked. Give it the criteria it was published with: civsam call edit c1 --criteria "…" "…".');
  });

  it('a call whose criteria are plain texts is not said to have none: they are listed by their text, with the command that gives them ids', async () => {
    const dir = makeFolder({
      ...baseFiles(), 'pools/p.yaml': JSON.stringify(POOL) + '\n',
      'calls/c1.yaml': JSON.stringify({ ...CALL, criteria: ['Aktiviteter for børn og unge.', 'Se puljens kriterier'] }) + '\n',
      'applications/a1.yaml': app('a1', 'alpha', 100_000, []),
    });
    const notes = async (lang: string) => (await civsam(['--data', dir, '--lang', lang, 'call', 'ranking', 'c1', '--format', 'md'])).stdout.split('\n\n')[2];
    expect(await notes('da')).toBe('Opslagets kriterier (»Aktiviteter for børn og unge.«, »Se puljens kriterier«) står som tekst uden id, så ansøgningerne kan endnu ikke få karakterer eller en plads efter dem. '
      + 'Angiv dem igen, så får hvert kriterium et id efter sin tekst, og bedøm derefter ansøgningerne (civsam application assess). '
      + 'Sådan angives de igen: civsam call edit c1 --criteria \'Aktiviteter for børn og unge.\' \'Se puljens kriterier\'');
    expect(await notes('en')).toMatch(/^The call's criteria \(“Aktiviteter for børn og unge\.”, “Se puljens kriterier”\) are written as plain texts without ids/);
  });

  it('a call whose criteria are partly plain texts says which are not scored and gives the command that gives them ids, keeping the scored ones', async () => {
    const dir = makeFolder({
      ...baseFiles(), 'pools/p.yaml': JSON.stringify(POOL) + '\n',
      'calls/c1.yaml': JSON.stringify({ ...CALL, criteria: [...CALL.criteria, 'Samarbejde med kommunen.'] }) + '\n',
      'applications/a1.yaml': app('a1', 'alpha', 100_000, [by('Anna', 5, 4)]),
    });
    const notes = async (lang: string) => (await civsam(['--data', dir, '--lang', lang, 'call', 'ranking', 'c1', '--format', 'md'])).stdout.split('\n\n').slice(2, 4);
    const command = 'civsam call edit c1 --criteria \'Rækkevidde\' Behov \'Samarbejde med kommunen.\'';
    expect(await notes('da')).toEqual([
      'Kriterierne og deres vægt: 1) Rækkevidde (vægt 2); 2) Behov (vægt 1). En ansøgning, der mangler en karakter, er trukket tilbage eller har fået afslag af formelle grunde (for sent, ikke berettiget), får ingen plads.',
      `Kriteriet »Samarbejde med kommunen.« står som tekst uden id, så det får ingen karakterer og tæller ikke med i rangordningen. Angiv opslagets kriterier igen, så får det et id efter sin tekst (de andre beholder deres): ${command}`,
    ]);
    expect((await notes('en'))[1]).toBe(`The criterion “Samarbejde med kommunen.” is written as plain text without an id, so it is not scored and does not count in the ranking. Give the call's criteria again, and it gets an id from its text (the others keep theirs): ${command}`);
    // The command does what the note says: the plain text gets an id, the scored criteria keep theirs (and their scores).
    const edit = await civsam(['--data', dir, 'call', 'edit', 'c1', '--criteria', 'Rækkevidde', 'Behov', 'Samarbejde med kommunen.', '--no-commit']);
    expect(edit.code, edit.stderr).toBe(0);
    const after = JSON.parse((await civsam(['--data', dir, 'call', 'ranking', 'c1', '--format', 'json'])).stdout);
    expect(after.criteria.map((c: { id: string }) => c.id)).toEqual(['reach', 'need', 'samarbejde-med-kommunen']);
    expect((await notes('en')).join('\n')).not.toContain('plain text');
  });

  it('shows a grant in full recorded without an amount as the amount applied for, in the table, CSV and JSON', async () => {
    const dir = makeFolder({
      ...baseFiles(), 'pools/p.yaml': JSON.stringify(POOL) + '\n', 'calls/c1.yaml': JSON.stringify(CALL) + '\n',
      'applications/a1.yaml': app('a1', 'alpha', 100_000, [by('Anna', 4, 4)], { outcome: 'granted', date: '2026-03-01' }),
    });
    const csv = (await civsam(['--data', dir, '--lang', 'da', 'call', 'ranking', 'c1', '--format', 'csv'])).stdout;
    // Every application decided: none is held against the money left, so the column for it is left out (the notes say what is left).
    expect(csv.split('\n')[0]).not.toContain('Inden for budgettet');
    expect(csv.split('\n')[1]).toMatch(/;bevilget;100000;100000\r?$/);
    expect(JSON.parse((await civsam(['--data', dir, 'call', 'ranking', 'c1', '--format', 'json'])).stdout).applications[0]).toMatchObject({ amountApplied: 100_000, amountGranted: 100_000 });
    expect((await civsam(['--data', dir, '--lang', 'da', 'call', 'ranking', 'c1', '--format', 'md'])).stdout).toContain('| bevilget | 100.000 kr. | 100.000 kr. |');
  });

  it('holds the ranking against what is left of the pool-year after agreements, the same figure overview funding gives', async () => {
    // Pool "Psykiatripuljen": 2,000,000 kr. for 2026 and for 2027.
    // 2026: ag1 (active) 950,000 + ag2 (ended) 950,000 = 1,900,000 granted → 100,000 left; ag3 is a
    //       draft, so its 500,000 is not granted (overview funding does not count it either).
    // 2027: ag4 (active) 1,500,000 granted → 500,000 left.
    // The applications all ask for 2027 (r3 for 2027 and 2028), so 2027 is the default year:
    //   r1 300,000 (cumulative 300,000 ≤ 500,000), r2 150,000 (450,000 ≤ 500,000), r3 100,000 (550,000 > 500,000).
    // Against 2026 (--year): 100,000 left does not cover r1's 300,000, and no application asks for 2026.
    const agreement = (id: string, status: string, year: number, amount: number) => JSON.stringify({
      id, title: id, organisations: ['alpha'], region_unit: 'Psykiatrien', areas: ['psychiatry'], scope: 'regional', start: `${year}-01-01`, status,
      funding: [{ pool: 'p', year, kind: 'operation', amount_dkk: amount }],
    }) + '\n';
    const scored = (id: string, score: number, amount: number, years: number[]) => JSON.stringify({
      id, call: 'c1', organisations: ['beta'], amount_dkk: amount, kind: 'development', years, received: '2026-10-20',
      assessments: [{ assessor: 'Anna', date: '2026-11-10', scores: [{ criterion: 'reach', score }, { criterion: 'need', score }] }],
    }) + '\n';
    const dir = makeFolder({
      ...baseFiles(),
      'organisations/beta.yaml': org('beta', 'Beta'),
      'pools/p.yaml': JSON.stringify({ ...POOL, name: 'Psykiatripuljen', eligible_kinds: ['development', 'operation'], budgets: [{ year: 2026, amount_dkk: 2_000_000 }, { year: 2027, amount_dkk: 2_000_000 }] }) + '\n',
      'calls/c1.yaml': JSON.stringify({ ...CALL, published: '2026-09-01', deadline: '2026-11-01' }) + '\n',
      'agreements/ag1.yaml': agreement('ag1', 'active', 2026, 950_000),
      'agreements/ag2.yaml': agreement('ag2', 'ended', 2026, 950_000),
      'agreements/ag3.yaml': agreement('ag3', 'draft', 2026, 500_000),
      'agreements/ag4.yaml': agreement('ag4', 'active', 2027, 1_500_000),
      'applications/r1.yaml': scored('r1', 5, 300_000, [2027]),
      'applications/r2.yaml': scored('r2', 4, 150_000, [2027]),
      'applications/r3.yaml': scored('r3', 3, 100_000, [2027, 2028]),
    });
    const funding = async (year: number) => JSON.parse((await civsam(['--data', dir, 'overview', 'funding', '--year', String(year), '--format', 'json'])).stdout).poolYears[0];
    expect(await funding(2026)).toMatchObject({ budget: 2_000_000, allocated: 1_900_000, remaining: 100_000 });
    expect(await funding(2027)).toMatchObject({ budget: 2_000_000, allocated: 1_500_000, remaining: 500_000 });

    const r = await civsam(['--data', dir, 'call', 'ranking', 'c1', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({ year: 2027, yearSource: 'applications-all', budget: 2_000_000, committed: 1_500_000, available: 500_000, lastRankWithinBudget: 2, otherYears: [] });
    expect(report.applications.map((a: any) => [a.id, a.rank, a.cumulative, a.withinBudget])).toEqual([['r1', 1, 300_000, true], ['r2', 2, 450_000, true], ['r3', 3, 550_000, false]]);
    const da = await civsam(['--data', dir, '--lang', 'da', 'call', 'ranking', 'c1', '--format', 'md']);
    expect(da.stdout).toContain('Rangordningen holdes op mod puljens midler for 2027, det år, ansøgningerne søger midler til (vælg et andet år med --year).');
    expect(da.stdout).toContain('Psykiatripuljen har et budget for 2027 på 2.000.000 kr.; heraf er 1.500.000 kr. allerede bevilget gennem aftaler og afgjorte ansøgninger, så 500.000 kr. er tilbage til de ansøgninger, der endnu ikke er afgjort. Det dækker de ansøgte beløb til og med plads 2; derefter er årets midler opbrugt.');

    const y2026 = await civsam(['--data', dir, 'call', 'ranking', 'c1', '--year', '2026', '--format', 'json']);
    expect(JSON.parse(y2026.stdout)).toMatchObject({ year: 2026, yearSource: 'option', committed: 1_900_000, available: 100_000, lastRankWithinBudget: 0 });
    const da2026 = await civsam(['--data', dir, '--lang', 'da', 'call', 'ranking', 'c1', '--year', '2026', '--format', 'md']);
    expect(da2026.stdout).toContain('Rangordningen holdes op mod puljens midler for 2026, det år, der er valgt med --year.');
    expect(da2026.stdout).toContain('Psykiatripuljen har et budget for 2026 på 2.000.000 kr.; heraf er 1.900.000 kr. allerede bevilget gennem aftaler og afgjorte ansøgninger, så 100.000 kr. er tilbage til de ansøgninger, der endnu ikke er afgjort. Det rækker ikke til det ansøgte beløb på plads 1.');
    expect(da2026.stdout).toContain('Ansøgningerne r1, r2, r3 søger midler til andre år end 2026 (2027, 2028); beløbene er alligevel regnet med mod midlerne for 2026.');
    expect(da2026.stdout).not.toContain('1.600.000');

    // One more active agreement granting 200,000 from 2026: 2,100,000 granted, 100,000 over the budget.
    writeFileSync(join(dir, 'agreements/ag5.yaml'), agreement('ag5', 'active', 2026, 200_000));
    const over = await civsam(['--data', dir, '--lang', 'da', 'call', 'ranking', 'c1', '--year', '2026', '--format', 'md']);
    expect(over.stdout).toContain('Psykiatripuljen har et budget for 2026 på 2.000.000 kr., men aftaler og afgjorte ansøgninger har allerede fået bevilget 2.100.000 kr., 100.000 kr. mere end budgettet: intet er tilbage til de ansøgninger, der endnu ikke er afgjort.');
  });

  it('chooses the year by the applications in the ranking: two refused on formal grounds asking for 2027 do not outweigh one placed asking for 2026', async () => {
    // p has 250,000 for 2026 and 1,000,000 for 2027. f1 and f2 (late, not eligible) ask for 2027 and
    // are not ranked; w1 (withdrawn) asks for 2027 too; r1, ranked, asks for 2026: the ranking is
    // held against 2026, the year every ranked application that names one asks for.
    const years = (id: string, ys: number[], decision?: unknown) => JSON.stringify({ ...JSON.parse(app(id, 'beta', 100_000, [by('Anna', 4, 3)], decision)), years: ys }) + '\n';
    const dir = makeFolder({
      ...baseFiles(),
      'organisations/beta.yaml': org('beta', 'Beta'),
      'pools/p.yaml': JSON.stringify({ ...POOL, budgets: [{ year: 2026, amount_dkk: 250_000 }, { year: 2027, amount_dkk: 1_000_000 }] }) + '\n',
      'calls/c1.yaml': JSON.stringify(CALL) + '\n',
      'applications/f1.yaml': years('f1', [2027], { outcome: 'refused', formal: 'late', date: '2026-03-01', reason: 'r' }),
      'applications/f2.yaml': years('f2', [2027], { outcome: 'refused', formal: 'ineligible', date: '2026-03-01', reason: 'r' }),
      'applications/r1.yaml': years('r1', [2026]),
      'applications/w1.yaml': years('w1', [2027], { outcome: 'withdrawn', date: '2026-02-15' }),
    });
    const r = await civsam(['--data', dir, 'call', 'ranking', 'c1', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({ year: 2026, yearSource: 'applications-all', budget: 250_000, available: 250_000, otherYears: [] });
    expect(report.applications.map((a: any) => [a.id, a.rank])).toEqual([['r1', 1], ['f1', null], ['f2', null], ['w1', null]]);
    const da = await civsam(['--data', dir, '--lang', 'da', 'call', 'ranking', 'c1', '--format', 'md']);
    // The sentence says that those out of the competition were not counted in choosing the year, and why: before, it read as if every application asked for 2026.
    expect(da.stdout).toContain('Rangordningen holdes op mod puljens midler for 2026, det år, ansøgningerne søger midler til; 3 ansøgninger, der er trukket tilbage eller har fået afslag af formelle grunde, er ikke talt med ved valget af året, fordi de ikke får plads i rangordningen (vælg et andet år med --year).');
    const en = await civsam(['--data', dir, '--lang', 'en', 'call', 'ranking', 'c1', '--format', 'md']);
    expect(en.stdout).toContain('The ranking is held against the pool\'s money for 2026, the year the applications ask for money for; 3 applications that were withdrawn or refused on formal grounds are not counted in choosing the year, as they have no place in the ranking (choose another with --year).');
    expect(JSON.parse(r.stdout)).toMatchObject({ yearLeftOut: 3 });
    // Only one out of the competition names a year: the deadline's year, said of the applications in the ranking.
    rmSync(join(dir, 'applications/f2.yaml'));
    rmSync(join(dir, 'applications/w1.yaml'));
    writeFileSync(join(dir, 'applications/r1.yaml'), app('r1', 'beta', 100_000, [by('Anna', 4, 3)]));
    const deadline = await civsam(['--data', dir, '--lang', 'da', 'call', 'ranking', 'c1', '--format', 'md']);
    expect(deadline.stdout).toContain('Rangordningen holdes op mod puljens midler for 2026, fristens år, da ingen ansøgning i rangordningen angiver, hvilke år den søger midler til; 1 ansøgning, der er trukket tilbage eller har fået afslag af formelle grunde, er ikke talt med ved valget af året, fordi den ikke får plads i rangordningen (vælg et andet år med --year).');
    // With none left out, the sentence is as it was.
    rmSync(join(dir, 'applications/f1.yaml'));
    const plain = await civsam(['--data', dir, '--lang', 'da', 'call', 'ranking', 'c1', '--format', 'md']);
    expect(plain.stdout).toContain('Rangordningen holdes op mod puljens midler for 2026, fristens år, da ingen ansøgning angiver, hvilke år den søger midler til (vælg et andet år med --year).');
  });

  it('takes the year the applications ask for, else the deadline\'s', () => {
    const call = { deadline: '2026-11-01' } as Parameters<typeof rankingYear>[0];
    const a = (years?: number[], outcome?: string) => ({ years, ...(outcome ? { decision: { outcome } } : {}) }) as Parameters<typeof rankingYear>[1][number];
    // None names a year (a withdrawn one's years do not count, nor those of one refused on formal grounds): the deadline's year.
    expect(rankingYear(call, [a(), a([2030], 'withdrawn')])).toEqual({ year: 2026, source: 'deadline' });
    const formal = { ...a([2030]), decision: { outcome: 'refused', formal: 'late' } } as Parameters<typeof rankingYear>[1][number];
    expect(rankingYear(call, [a(), formal])).toEqual({ year: 2026, source: 'deadline' });
    expect(rankingYear(call, [a([2027]), formal, formal])).toEqual({ year: 2027, source: 'applications-all' });
    // Two ask for 2027, one for 2028: 2027, the year most ask for.
    expect(rankingYear(call, [a([2027]), a([2027, 2028]), a([2028]), a([2027])])).toEqual({ year: 2027, source: 'applications-most' });
    // As many for 2028 as for 2027: the earlier. Every one that names years names 2027: "the year they ask for".
    expect(rankingYear(call, [a([2028]), a([2027])])).toEqual({ year: 2027, source: 'applications-most' });
    expect(rankingYear(call, [a([2027, 2028]), a([2027]), a()])).toEqual({ year: 2027, source: 'applications-all' });
    expect(rankingYear(call, [a([2027])], 2029)).toEqual({ year: 2029, source: 'option' });
  });

  it('says which call is missing', async () => {
    const r = await civsam(['--data', folder(), 'call', 'ranking', 'c9']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('error: there is no call with the id c9. See them with civsam call list, or search with civsam find and part of the name.\n');
  });
});
