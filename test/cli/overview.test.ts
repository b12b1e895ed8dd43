// The overviews as a user runs them: the built binary on the hand-built fixture (test/report/fixture.ts),
// each output format's exact shape, both languages, narrow and wide terminals, and the errors.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { civsam } from '../helpers/cli.js';
import { baseFiles, makeFolder } from '../helpers/folder.js';
import { AS_OF, loadFixture, overviewDir, overviewFiles } from '../report/fixture.js';
import { buildOffersReport } from '../../src/reports/offers.js';
import { buildCoverageReport } from '../../src/reports/coverage.js';
import { buildFundingReport } from '../../src/reports/funding.js';
import { buildExpiringReport } from '../../src/reports/expiring.js';

const dir = overviewDir();
const run = (args: string[], columns = 100) => civsam(['--data', dir, 'overview', ...args, '--as-of', AS_OF], { env: { COLUMNS: String(columns) } });

describe('civsam overview: terminal tables', () => {
  it('offers: the patient groups without an active offer first, then one table per area, each patient group across the table above its offers', async () => {
    const r = await run(['offers', '--area', 'health']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe([
      'Offers by patient group on 1 Jun 2026 · area health',
      '',
      'Patient groups without an active offer',
      '┌───────────────┬────────┐',
      '│ Patient group │ Areas  │',
      '├───────────────┼────────┤',
      '│ COPD          │ health │',
      '└───────────────┴────────┘',
      '',
      'Health',
      '┌──────────────┬────────────────────────┬────────────────┬──────────────────┐',
      '│ Offer (type) │ Organisation           │ Municipalities │ Agreement · pool │',
      '├──────────────┴────────────────────────┴────────────────┴──────────────────┤',
      '│ Diabetes · 1 active offer                                                 │',
      '├──────────────┬────────────────────────┬────────────────┬──────────────────┤',
      '│ Diabetescafé │ Delta Diabetesforening │ Randers        │                  │',
      '│ (Peer group) │                        │                │                  │',
      '└──────────────┴────────────────────────┴────────────────┴──────────────────┘',
      '',
      'Active offers: 1 · organisations: 1 · patient groups: 2, of which without an active offer: 1',
      'A broad patient group lists the offers made for it as a whole; its narrower groups follow it. An',
      'offer for several groups is listed under each; a group of several areas is listed under its first.',
      '',
    ].join('\n'));
  });

  it('offers on a narrow terminal in Danish: each offer as lines under its group, nothing wider than the terminal', async () => {
    const r = await run(['offers', '--patient-group', 'depression', '--lang', 'da'], 60);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe([
      'Tilbud pr. patientgruppe den 1. jun. 2026 · patientgruppe',
      'Depression (med undergrupper)',
      '',
      'Psykiatri',
      'Depression · 2 aktive tilbud',
      '  Tilbud (type): Samtalegruppe',
      '    (Samtalegruppe)',
      '  Organisation: Alpha Forening',
      '  Kommuner: Aarhus, Randers',
      '  Aftale · pulje: a-shared (afsluttet)',
      '    Psykiatripuljen',
      '',
      '  Tilbud (type): Telefonlinjen',
      '    (Rådgivning)',
      '  Organisation: Beta Netværket',
      '  Kommuner: hele regionen',
      '  Aftale · pulje: a-two-pools',
      '    Psykiatripuljen',
      '    Almen pulje',
      '',
      'Aktive tilbud: 2 · organisationer: 2 · patientgrupper: 1,',
      'heraf uden aktivt tilbud: 0',
      'En bred patientgruppe viser de tilbud, der er rettet mod den',
      'som helhed; dens smallere grupper følger efter den. Et',
      'tilbud til flere grupper står under hver af dem; en gruppe',
      'under flere områder står under det første.',
      '',
    ].join('\n'));
    expect(Math.max(...r.stdout.split('\n').map((l) => l.length))).toBeLessThanOrEqual(60);
  });

  it('coverage: gaps marked —, totals per row and column counting each offer once', async () => {
    const r = await run(['coverage']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe([
      'Active offers by patient group and municipality on 1 Jun 2026',
      '',
      '┌────────────────────────────────────┬────────┬─────────┬───────┬───────┐',
      '│ Patient group                      │ Aarhus │ Randers │ Skive │ Total │',
      '├────────────────────────────────────┼────────┼─────────┼───────┼───────┤',
      '│ Mental illness                     │      — │       — │     1 │     1 │',
      '│ Depression                         │      2 │       2 │     1 │     2 │',
      '│ Anxiety                            │      1 │       1 │     1 │     1 │',
      '│ Diabetes                           │      — │       1 │     — │     1 │',
      '│ COPD                               │      — │       — │     — │     — │',
      '│ All groups shown (each offer once) │      2 │       3 │     2 │     4 │',
      '└────────────────────────────────────┴────────┴─────────┴───────┴───────┘',
      '',
      'Gaps: 7 of 15 cells · active offers: 4',
      '— no active offer: a gap. A regional or national offer counts in every municipality; a broad group\'s',
      'row holds only the offers made for it as a whole; totals count each offer once.',
      '',
    ].join('\n'));
  });

  it('coverage on a narrow terminal: the municipalities split over tables that repeat the patient group', async () => {
    const r = await run(['coverage', '--area', 'psychiatry'], 40);
    const lines = r.stdout.split('\n');
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(40);
    const headers = lines.filter((l) => l.startsWith('│ Patient group'));
    expect(headers).toEqual([
      '│ Patient group  │ Aarhus │ Randers │',
      '│ Patient group  │ Skive │ Total │',
    ]);
  });

  it('funding: a table per pool, overcommitted and missing budgets said in words', async () => {
    const r = await run(['funding', '--pool', 'pool-general'], 200);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').slice(0, 10)).toEqual([
      'Funding by pool and year · pool Almen pulje',
      '',
      'Almen pulje',
      '┌──────┬─────────────┬─────────────┬──────────────────────────┬──────────────────────┬─────────────────────┬────────────┬────────────────────────────────┬────────┐',
      '│ Year │      Budget │   Allocated │                Remaining │ Development projects │       Running costs │ Recipients │ Largest recipient              │    HHI │',
      '├──────┼─────────────┼─────────────┼──────────────────────────┼──────────────────────┼─────────────────────┼────────────┼────────────────────────────────┼────────┤',
      '│ 2026 │ DKK 500,000 │ DKK 550,000 │ DKK 50,000 overcommitted │  DKK 100,000 (18.2%) │ DKK 450,000 (81.8%) │          2 │ Delta Diabetesforening (81.8%) │  7,025 │',
      '├──────┼─────────────┼─────────────┼──────────────────────────┼──────────────────────┼─────────────────────┼────────────┼────────────────────────────────┼────────┤',
      '│ 2027 │   no budget │  DKK 50,000 │ DKK 50,000 overcommitted │                DKK 0 │ DKK 50,000 (100.0%) │          1 │ Beta Netværket (100.0%)        │ 10,000 │',
      '└──────┴─────────────┴─────────────┴──────────────────────────┴──────────────────────┴─────────────────────┴────────────┴────────────────────────────────┴────────┘',
    ]);
  });

  it('funding in Danish: amounts as 1.250.000 kr.', async () => {
    const r = await run(['funding', '--by', 'organisation', '--lang', 'da']);
    expect(r.stdout.split('\n').slice(0, 14)).toEqual([
      'Midler pr. organisation og år',
      '',
      '┌────────────────────────┬─────────────┬─────────────┬────────────┬───────────────┐',
      '│ Organisation           │        2025 │        2026 │       2027 │         I alt │',
      '├────────────────────────┼─────────────┼─────────────┼────────────┼───────────────┤',
      '│ Beta Netværket         │ 100.001 kr. │ 400.000 kr. │ 50.000 kr. │   550.001 kr. │',
      '│ Delta Diabetesforening │             │ 450.000 kr. │            │   450.000 kr. │',
      // The line of 200.001 kr. shared by two: 100.000,50 kr. each, shown alike as 100.001 kr.;
      // the year's total is its own exact sum rounded, a krone under the parts shown, and said so.
      '│ Alpha Forening         │ 100.001 kr. │             │            │   100.001 kr. │',
      '│ Alle organisationer    │ 200.001 kr. │ 850.000 kr. │ 50.000 kr. │ 1.100.001 kr. │',
      '└────────────────────────┴─────────────┴─────────────┴────────────┴───────────────┘',
      '',
      'Hvert beløb er afrundet for sig til hele kroner, så organisationer, der deler en bevillingslinje,',
      'står med det samme beløb; en sum kan derfor afvige en krone fra summen af de viste beløb ved siden',
      'af eller over den. CSV og JSON har de nøjagtige beløb.',
    ]);
  });

  it('funding by organisation: a line shared by three shows the same amount for each partner, the totals their own exact sums, and says so once', async () => {
    const files = overviewFiles();
    files['agreements/a-three.yaml'] = 'id: a-three\ntitle: Aftale a-three\norganisations: [alpha, beta, delta]\nscope: regional\nstart: 2027-01-01\nstatus: active\nfunding:\n  - pool: pool-general\n    year: 2027\n    kind: development\n    amount_dkk: 400000\n';
    const r = await civsam(['--data', overviewDir(files), 'overview', 'funding', '--by', 'organisation', '--year', '2027', '--lang', 'da', '--as-of', AS_OF], { env: { COLUMNS: '100' } });
    expect(r.stdout.split('\n').slice(0, 9)).toEqual([
      'Midler pr. organisation og år · år 2027',
      '',
      '┌────────────────────────┬─────────────┬─────────────┐',
      '│ Organisation           │        2027 │       I alt │',
      '├────────────────────────┼─────────────┼─────────────┤',
      '│ Beta Netværket         │ 183.333 kr. │ 183.333 kr. │',
      '│ Alpha Forening         │ 133.333 kr. │ 133.333 kr. │',
      '│ Delta Diabetesforening │ 133.333 kr. │ 133.333 kr. │',
      '│ Alle organisationer    │ 450.000 kr. │ 450.000 kr. │',
    ]);
    expect(r.stdout.match(/Hvert beløb er afrundet for sig/g)).toHaveLength(1);
    // The spreadsheet keeps the exact thirds.
    const csv = await civsam(['--data', overviewDir(files), 'overview', 'funding', '--by', 'organisation', '--year', '2027', '--lang', 'da', '--as-of', AS_OF, '--format', 'csv']);
    expect(csv.stdout).toContain('Alpha Forening;2027;133333,33;0;133333,33;Almen pulje');
    // Near miss: parts that are whole kroner add up, and nothing is said.
    files['agreements/a-three.yaml'] = files['agreements/a-three.yaml'].replace('400000', '300000');
    expect((await civsam(['--data', overviewDir(files), 'overview', 'funding', '--by', 'organisation', '--year', '2027', '--lang', 'da', '--as-of', AS_OF])).stdout).not.toContain('afrundet for sig');
  });

  it('org show: partners of a line shared by three each show the same third (133.333 kr.), as the overview does; JSON has it to the øre too', async () => {
    const files = overviewFiles();
    files['agreements/a-three.yaml'] = 'id: a-three\ntitle: Aftale a-three\norganisations: [alpha, beta, delta]\nscope: regional\nstart: 2027-01-01\nstatus: active\nfunding:\n  - pool: pool-general\n    year: 2027\n    kind: development\n    amount_dkk: 400000\n';
    const data = overviewDir(files);
    const parts: number[][] = [];
    for (const id of ['alpha', 'beta', 'delta']) {
      const r = await civsam(['--data', data, 'org', 'show', id, '--format', 'json']);
      expect(r.code, r.stderr).toBe(0);
      const funding = JSON.parse(r.stdout).funding as Array<{ agreement?: string; amount_dkk: number; exact_amount_dkk: number }>;
      parts.push(...funding.filter((f) => f.agreement === 'a-three').map((f) => [f.amount_dkk, f.exact_amount_dkk]));
    }
    expect(parts).toEqual([[133_333, 133_333.33], [133_333, 133_333.33], [133_333, 133_333.33]]);
    for (const id of ['alpha', 'beta', 'delta']) {
      const da = await civsam(['--data', data, 'org', 'show', id, '--lang', 'da'], { env: { COLUMNS: '80' } });
      expect(da.stdout, id).toMatch(/│ 2027 │ Almen pulje +│ Aftale a-three +│ udvikling +│ 133\.333 kr\. │/);
    }
  });

  it('funding on a folder without pools says so and how to make one; the filters are named only when given', async () => {
    const empty = makeFolder(baseFiles());
    const first = async (args: string[], data = empty) => (await civsam(['--data', data, 'overview', 'funding', ...args, '--lang', 'da', '--as-of', AS_OF], { env: { COLUMNS: '100' } })).stdout.split('\n')[5];
    expect(await first([])).toBe('│ Der er endnu ingen puljer. Registrér en med civsam pool add. │');
    expect(await first(['--by', 'organisation'])).toBe('│ Der er endnu ingen puljer. Registrér en med civsam pool add. │       │');
    expect(await first(['--year', '2026'])).toBe('│ Ingen pulje passer til filtrene. │');
    const pool = makeFolder({ ...baseFiles(), 'pools/p.yaml': 'id: p\nname: Pulje\nareas: [psychiatry]\neligible_kinds: [development]\nbudgets: []\n' });
    expect(await first([], pool)).toBe('│ Ingen pulje har endnu et budget eller bevilgede midler. │');
    expect(await first(['--by', 'organisation'], pool)).toBe('│ Ingen organisation har endnu fået midler fra puljerne. │       │');
    // A pool named where there are none: said as every --pool says it, not as an empty list of the known ones.
    const unknown = await civsam(['--data', empty, 'overview', 'funding', '--pool', 'x', '--lang', 'da']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe('fejl: der er ingen pulje med id\'et x. Se dem med civsam pool list, eller søg med civsam find og en del af navnet.\n');
    // A pool there, but no money in the year asked for: said so, not that no pool matches.
    expect(await first(['--year', '2031'], pool)).toBe('│ Puljen har hverken et budget eller bevilget midler i 2031. Uden --year vises alle dens år. │');
  });

  it('funding --pool finds the pool as every --pool does: by its name or the beginning of it, with the closest offered, and never echoes a name that matches none', async () => {
    const dir = makeFolder({ ...baseFiles(), 'pools/puljen-for-civilsamfundet.yaml': 'id: puljen-for-civilsamfundet\nname: Puljen for civilsamfundet\nareas: [psychiatry]\neligible_kinds: [development]\nbudgets:\n  - year: 2027\n    amount_dkk: 100000\n' });
    const funding = (pool: string) => civsam(['--data', dir, 'overview', 'funding', '--pool', pool, '--lang', 'da', '--as-of', AS_OF], { env: { COLUMNS: '80' } });
    const byName = await funding('Puljen for civil');
    expect(byName.code).toBe(0);
    expect(byName.stdout).toContain('Midler pr. pulje og år · pulje Puljen for civilsamfundet');
    const person = await funding('Hanne Jensen');
    expect(person.code).toBe(2);
    expect(person.stderr).toBe('fejl: der er ingen pulje, der passer til det, du angav ved --pool. Se dem med civsam pool list, eller søg med civsam find og en del af navnet.\n');
    const slip = await funding('puljen-for-civilsamfundt');
    expect(slip.code).toBe(2);
    expect(slip.stderr).toContain('Mente du: Puljen for civilsamfundet (puljen-for-civilsamfundet)?');
  });

  it('expiring: by date, with how far off, and what is past its end', async () => {
    const r = await run(['expiring']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe([
      'Agreements ending or due for evaluation from 1 Jun 2026 to 30 Aug 2026',
      '',
      '┌─────────────┬──────────────────────────┬──────────────────┬────────────────────────┬─────────────┐',
      '│ Date        │ What                     │ Agreement        │ Organisations          │ Pools       │',
      '├─────────────┼──────────────────────────┼──────────────────┼────────────────────────┼─────────────┤',
      '│ 31 Mar 2026 │ ended, still marked      │ a-expired        │ Alpha Forening         │             │',
      '│ 62 days ago │ active                   │ Aftale a-expired │                        │             │',
      '├─────────────┼──────────────────────────┼──────────────────┼────────────────────────┼─────────────┤',
      '│ 15 Jun 2026 │ evaluation due           │ a-over           │ Delta Diabetesforening │ Almen pulje │',
      '│ in 14 days  │                          │ Aftale a-over    │                        │             │',
      '├─────────────┼──────────────────────────┼──────────────────┼────────────────────────┼─────────────┤',
      '│ 30 Jun 2026 │ ends                     │ a-over           │ Delta Diabetesforening │ Almen pulje │',
      '│ in 29 days  │                          │ Aftale a-over    │                        │             │',
      '├─────────────┼──────────────────────────┼──────────────────┼────────────────────────┼─────────────┤',
      '│ 30 Aug 2026 │ evaluation due           │ a-later          │ Alpha Forening         │             │',
      '│ in 90 days  │                          │ Aftale a-later   │                        │             │',
      '└─────────────┴──────────────────────────┴──────────────────┴────────────────────────┴─────────────┘',
      '',
      'Agreements: 3 · ending: 1 · evaluations due: 2 · past their end but active: 1',
      '',
    ].join('\n'));
  });

  it('colour only when asked for: FORCE_COLOR colours the overcommitted amount red', async () => {
    const r = await civsam(['--data', dir, 'overview', 'funding', '--pool', 'pool-general', '--as-of', AS_OF], { env: { COLUMNS: '200', NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(r.stdout).toContain('\u001b[31mDKK 50,000 overcommitted\u001b[39m');
    expect((await run(['funding'])).stdout).not.toContain('\u001b[');
  });
});

describe('civsam overview: JSON is the report data', () => {
  const folder = loadFixture();
  it('offers, coverage, funding and expiring print exactly what the report builders return', async () => {
    expect(JSON.parse((await run(['offers', '--format', 'json'])).stdout)).toEqual(buildOffersReport(folder, AS_OF));
    expect(JSON.parse((await run(['coverage', '--format', 'json'])).stdout)).toEqual(buildCoverageReport(folder, AS_OF));
    expect(JSON.parse((await run(['funding', '--format', 'json'])).stdout)).toEqual(buildFundingReport(folder, AS_OF));
    expect(JSON.parse((await run(['expiring', '--format', 'json'])).stdout)).toEqual(buildExpiringReport(folder, AS_OF, 90));
  });

  it('has the documented top-level shape, the same in both languages', async () => {
    const keys = async (args: string[]) => Object.keys(JSON.parse((await run([...args, '--format', 'json'])).stdout));
    expect(await keys(['offers'])).toEqual(['report', 'asOf', 'filters', 'areas', 'totals']);
    expect(await keys(['coverage'])).toEqual(['report', 'asOf', 'filters', 'municipalities', 'rows', 'totals']);
    expect(await keys(['funding'])).toEqual(['report', 'asOf', 'filters', 'poolYears', 'totals']);
    expect(await keys(['funding', '--by', 'organisation'])).toEqual(['report', 'asOf', 'filters', 'years', 'organisations', 'totals']);
    expect(await keys(['expiring'])).toEqual(['report', 'asOf', 'withinDays', 'until', 'filters', 'entries', 'totals']);
    expect((await run(['offers', '--format', 'json', '--lang', 'da'])).stdout).toBe((await run(['offers', '--format', 'json'])).stdout);
  });

  it('takes filters by name in either language, and records them as ids', async () => {
    const r = JSON.parse((await run(['offers', '--format', 'json', '--area', 'Psykiatri', '--municipality', 'SKIVE', '--patient-group', 'Anxiety'])).stdout);
    expect(r.filters).toEqual({ areas: ['psychiatry'], patientGroups: ['angst'], municipalities: ['skive'], organisations: [], types: [] });
    expect(r.areas).toHaveLength(1);
    expect(r.areas[0].patientGroups.map((g: { id: string; offerCount: number }) => [g.id, g.offerCount])).toEqual([['angst', 1]]);
  });
});

describe('civsam overview: CSV opens in Excel', () => {
  it('offers in English: UTF-8 BOM, commas, one flat row per offer and one per empty group', async () => {
    const r = await run(['offers', '--format', 'csv']);
    expect(r.stdout).toBe('\uFEFF' + [
      'Area,Patient group,Offers in group,Offer,Type,Organisation,Municipalities,Agreement,Pools',
      'psychiatry,Mental illness,1,Åbent hus,Peer group,Beta Netværket,Skive,,',
      'psychiatry,Depression,2,Samtalegruppe,Peer group,Alpha Forening,"Aarhus, Randers",a-shared,Psykiatripuljen',
      'psychiatry,Depression,2,Telefonlinjen,Helpline,Beta Netværket,whole region,a-two-pools,"Psykiatripuljen, Almen pulje"',
      'psychiatry,Anxiety,1,Telefonlinjen,Helpline,Beta Netværket,whole region,a-two-pools,"Psykiatripuljen, Almen pulje"',
      'health,Diabetes,1,Diabetescafé,Peer group,Delta Diabetesforening,Randers,,',
      'health,COPD,0,,,,,,',
      '',
    ].join('\r\n'));
  });

  it('funding in Danish: semicolons, decimal commas, plain numbers for amounts, an empty cell for no budget', async () => {
    const r = await run(['funding', '--format', 'csv', '--lang', 'da']);
    expect(r.stdout).toBe('\uFEFF' + [
      'Pulje;År;Budget;Bevilget;Rest;Overdisponeret;Udviklingsprojekter;Andel udvikling;Drift;Andel drift;Modtagere;Største modtager;Største andel;HHI',
      'Almen pulje;2026;500000;550000;-50000;ja;100000;0,1818;450000;0,8182;2;Delta Diabetesforening;0,8182;7025',
      'Almen pulje;2027;;50000;-50000;ja;0;0;50000;1;1;Beta Netværket;1;10000',
      'Psykiatripuljen;2025;400000;200001;199999;nej;200001;1;0;0;2;Alpha Forening;0,5;5000',
      'Psykiatripuljen;2026;500000;300000;200000;nej;0;0;300000;1;1;Beta Netværket;1;10000',
      '',
    ].join('\r\n'));
  });

  it('funding by organisation keeps the shared line\'s half krone, so the rows add up', async () => {
    const r = await run(['funding', '--by', 'organisation', '--format', 'csv', '--lang', 'da']);
    expect(r.stdout).toBe('\uFEFF' + [
      'Organisation;År;Udviklingsprojekter;Drift;I alt;Puljer',
      'Beta Netværket;2025;100000,5;0;100000,5;Psykiatripuljen',
      'Beta Netværket;2026;100000;300000;400000;"Almen pulje, Psykiatripuljen"',
      'Beta Netværket;2027;0;50000;50000;Almen pulje',
      'Delta Diabetesforening;2026;0;450000;450000;Almen pulje',
      'Alpha Forening;2025;100000,5;0;100000,5;Psykiatripuljen',
      '',
    ].join('\r\n'));
  });

  it('coverage: gaps are 0, the matrix as it is', async () => {
    expect((await run(['coverage', '--format', 'csv', '--lang', 'da'])).stdout).toBe('\uFEFF' + [
      'Patientgruppe;Aarhus;Randers;Skive;I alt',
      'Psykisk sygdom;0;0;1;1',
      'Depression;2;2;1;2',
      'Angst;1;1;1;1',
      'Diabetes;0;1;0;1',
      'KOL;0;0;0;0',
      'Alle viste grupper (hvert tilbud én gang);2;3;2;4',
      '',
    ].join('\r\n'));
  });

  it('expiring: ISO dates and days as numbers', async () => {
    expect((await run(['expiring', '--format', 'csv'])).stdout).toBe('\uFEFF' + [
      'Date,Days,What,Agreement,Agreement title,Organisations,Pools',
      '2026-03-31,-62,"ended, still marked active",a-expired,Aftale a-expired,Alpha Forening,',
      '2026-06-15,14,evaluation due,a-over,Aftale a-over,Delta Diabetesforening,Almen pulje',
      '2026-06-30,29,ends,a-over,Aftale a-over,Delta Diabetesforening,Almen pulje',
      '2026-08-30,90,evaluation due,a-later,Aftale a-later,Alpha Forening,',
      '',
    ].join('\r\n'));
  });
});

describe('civsam overview: Markdown for a case document', () => {
  it('expiring: a heading, a table, the summary', async () => {
    expect((await run(['expiring', '--format', 'md'])).stdout).toBe([
      '# Agreements ending or due for evaluation from 1 Jun 2026 to 30 Aug 2026',
      '',
      '| Date | What | Agreement | Organisations | Pools |',
      '| --- | --- | --- | --- | --- |',
      '| **31 Mar 2026<br>62 days ago** | **ended, still marked active** | a-expired<br>Aftale a-expired | Alpha Forening |  |',
      '| 15 Jun 2026<br>in 14 days | evaluation due | a-over<br>Aftale a-over | Delta Diabetesforening | Almen pulje |',
      '| 30 Jun 2026<br>in 29 days | ends | a-over<br>Aftale a-over | Delta Diabetesforening | Almen pulje |',
      '| 30 Aug 2026<br>in 90 days | evaluation due | a-later<br>Aftale a-later | Alpha Forening |  |',
      '',
      'Agreements: 3 · ending: 1 · evaluations due: 2 · past their end but active: 1',
      '',
      '',
    ].join('\n'));
  });

  it('a heading names an area whose own name says it is one by that name alone (socialområdet, not område socialområdet)', async () => {
    const first = async (args: string[]) => (await run([...args, '--lang', 'da'])).stdout.split('\n')[0];
    expect(await first(['offers', '--area', 'social'])).toBe('Tilbud pr. patientgruppe den 1. jun. 2026 · socialområdet');
    expect(await first(['coverage', '--area', 'social', '--area', 'health'])).toBe('Aktive tilbud pr. patientgruppe og kommune den 1. jun. 2026 · socialområdet, område sundhed');
    expect(await first(['funding', '--area', 'psychiatry', '--area', 'health'])).toMatch(/ · område psykiatri, sundhed$/);
    expect((await run(['expiring', '--area', 'social', '--lang', 'en'])).stdout.split('\n')[0]).toMatch(/ · area social$/);
  });

  it('offers: the gaps first, then a section per area with the patient group as a column', async () => {
    expect((await run(['offers', '--format', 'md', '--area', 'health', '--lang', 'da'])).stdout).toBe([
      '# Tilbud pr. patientgruppe den 1. jun. 2026 · område sundhed',
      '',
      '## Patientgrupper uden aktivt tilbud',
      '',
      '| Patientgruppe | Områder |',
      '| --- | --- |',
      '| KOL | sundhed |',
      '',
      '## Sundhed',
      '',
      '| Patientgruppe | Tilbud (type) | Organisation | Kommuner | Aftale · pulje |',
      '| --- | --- | --- | --- | --- |',
      '| **Diabetes · 1 aktivt tilbud** | Diabetescafé<br>(Samtalegruppe) | Delta Diabetesforening | Randers |  |',
      '',
      'Aktive tilbud: 1 · organisationer: 1 · patientgrupper: 2, heraf uden aktivt tilbud: 1',
      '',
      'En bred patientgruppe viser de tilbud, der er rettet mod den som helhed; dens smallere grupper følger efter den. Et tilbud til flere grupper står under hver af dem; en gruppe under flere områder står under det første.',
      '',
      '',
    ].join('\n'));
  });
});

describe('civsam overview: --output', () => {
  it('infers the format from the extension and writes nothing to stdout', async () => {
    const out = makeFolder({});
    const csv = await run(['coverage', '--output', join(out, 'daekning.csv')]);
    expect(csv.code).toBe(0);
    expect(csv.stdout).toBe('');
    expect(readFileSync(join(out, 'daekning.csv'), 'utf8')).toBe((await run(['coverage', '--format', 'csv'])).stdout);
    await run(['offers', '--output', join(out, 'tilbud.json')]);
    expect(JSON.parse(readFileSync(join(out, 'tilbud.json'), 'utf8')).report).toBe('offers');
    await run(['expiring', '--output', join(out, 'udloeb.md')]);
    expect(readFileSync(join(out, 'udloeb.md'), 'utf8')).toBe((await run(['expiring', '--format', 'md'])).stdout);
    // A text file gets the table as a 120-column terminal would show it, never with colour codes.
    await civsam(['--data', dir, 'overview', 'coverage', '--as-of', AS_OF, '--output', join(out, 'daekning.txt')], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(readFileSync(join(out, 'daekning.txt'), 'utf8')).toBe((await run(['coverage'], 120)).stdout);
  });

  it('refuses an extension it cannot tell a format from', async () => {
    const r = await run(['coverage', '--output', join(makeFolder({}), 'x.pdf')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('error: cannot tell the format from the file name. Use one of .json, .csv, .md, .markdown, .txt, or give --format.\n');
  });
});

describe('civsam overview: errors say what to do, exit 2', () => {
  it('a date that is not YYYY-MM-DD, and a day the calendar does not have', async () => {
    expect(await civsam(['--data', dir, 'overview', 'offers', '--as-of', '23-11-2026'])).toEqual({ code: 2, stdout: '', stderr: 'error: --as-of needs a date written YYYY-MM-DD, for example 2026-11-23.\n' });
    expect(await civsam(['--data', dir, 'overview', 'offers', '--as-of', '2026-02-30'])).toEqual({ code: 2, stdout: '', stderr: 'error: --as-of is written as a date, but the calendar has no such day: check the month (01 to 12) and the day of the month. Write it as YYYY-MM-DD, for example 2026-11-23.\n' });
  });

  it('an unknown patient group, with the known ones', async () => {
    const r = await run(['coverage', '--patient-group', 'tinnitus', '--lang', 'da']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('fejl: der er ingen patientgruppe, der passer til det, du angav ved --patient-group. Angiv en af disse: Psykisk sygdom, Depression, Angst, Diabetes, KOL.\n');
  });

  it('an unknown organisation, without listing every organisation', async () => {
    const r = await run(['offers', '--organisation', 'omega']);
    expect(r.stderr).toBe('error: there is no organisation with the id omega. See them with civsam org list, or search with civsam find and part of the name.\n');
  });

  it('a year or a number of days that is not one', async () => {
    expect((await run(['funding', '--year', '26'])).stderr).toBe('error: --year must be a year of four digits, e.g. 2027.\n');
    expect((await run(['expiring', '--within', 'ten'])).stderr).toBe('error: --within needs a whole number of days, 0 or more; ten is not one.\n');
  });

  it('a folder with an invalid record file is reported on without it, saying so first on stderr', async () => {
    const bad = makeFolder({ ...overviewFiles(), 'offers/o-two.yaml': 'id: o-two\norganisation: nobody\n' });
    const r = await civsam(['--data', bad, 'overview', 'offers', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('1 file with errors is left out; civsam validate lists it.\nNot in this overview because of errors: offer o-two (offers/o-two.yaml). civsam validate shows what to put right.\n');
    // Not among the offers: named only in the list of what was left out.
    const json = JSON.parse(r.stdout);
    expect(JSON.stringify(json.areas)).not.toContain('o-two');
    expect(json.leftOut).toEqual([{ kind: 'offer', id: 'o-two', file: 'offers/o-two.yaml' }]);
  });

  it('--help shows the examples', async () => {
    const r = await civsam(['overview', 'funding', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('$ civsam overview funding --by organisation --format csv --output midler.csv');
    expect((await civsam(['overview', '--help'])).stdout).toMatch(/offers[^\n]*\n[\s\S]*coverage[\s\S]*funding[\s\S]*expiring/);
  });
});
