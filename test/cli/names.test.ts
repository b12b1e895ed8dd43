// Names where ids and codes are asked, suggestions, and `civsam find`: run as a user runs them,
// against a small folder built here, in English and Danish.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { civsam, civsamBinary } from '../helpers/cli.js';
import { baseFiles, makeFolder, org } from '../helpers/folder.js';

const POOL = 'id: puljen\nname: Puljen for civilsamfundet\nareas: [psychiatry]\neligible_kinds: [operation, development]\nbudgets:\n  - year: 2027\n    amount_dkk: 1000000\n';
const OFFER = 'id: samtale-angst\norganisation: alpha\ntitle: Samtalegruppe om angst\ntype: peer-group\npatient_groups: [angst]\nmunicipalities: [aarhus]\nactive_from: 2026-01-01\n';

/**
 * Organisations whose names make each kind of match for `angst`: two that begin with it (and so
 * make `angstfor` ambiguous), one with it inside a word, one a letter away from it.
 */
function folder(): string {
  return makeFolder({
    ...baseFiles(),
    'organisations/angstforeningen-midt.yaml': org('angstforeningen-midt', 'Angstforeningen Midt'),
    'organisations/angstforeningen-vest.yaml': org('angstforeningen-vest', 'Angstforeningen Vest'),
    'organisations/sangstemmer.yaml': org('sangstemmer', 'Sangstemmer Kor'),
    'organisations/angs-gruppe.yaml': org('angs-gruppe', 'Angs Gruppe'),
    'pools/puljen.yaml': POOL,
    'offers/samtale-angst.yaml': OFFER,
  });
}

let dir = '';
beforeAll(() => {
  dir = folder();
});

const run = (args: string[], lang: 'en' | 'da' = 'en') => civsam(['--lang', lang, '--data', dir, ...args]);
const read = (rel: string) => readFileSync(join(dir, rel), 'utf8');

describe('fixed values by their Danish or English name', () => {
  test('org add takes the kind, areas and municipality in Danish, accents and case as typed', async () => {
    const r = await run(['org', 'add', '--name', 'Pårørende Vest', '--kind', 'Pårørendeforening', '--areas', 'psykiatri', '--municipalities', 'Århus', '--patient-groups', 'angst', '--no-commit'], 'da');
    expect(r).toMatchObject({ code: 0, stdout: 'paaroerende-vest\n' });
    const text = read('organisations/paaroerende-vest.yaml');
    expect(text).toContain('kind: relatives-association\n');
    expect(text).toContain('areas: [psychiatry]\n');
    expect(text).toContain('municipalities: [aarhus]\n');
  });

  test('and in English, by the label as well as the code', async () => {
    const r = await run(['org', 'add', '--name', 'Relatives East', '--kind', "relatives' association", '--areas', 'Psychiatry', '--scope', 'regional', '--no-commit']);
    expect(r).toMatchObject({ code: 0, stdout: 'relatives-east\n' });
    expect(read('organisations/relatives-east.yaml')).toContain('kind: relatives-association\n');
  });

  test('an unknown value lists the allowed ones in the user\'s language, without echoing what was typed', async () => {
    const en = await run(['org', 'add', '--name', 'X', '--kind', 'klubben', '--areas', 'psychiatry', '--scope', 'regional', '--dry-run']);
    expect(en.code).toBe(2);
    expect(en.stderr).toBe('error: --kind does not take the value you gave. It takes: patient-association, relatives-association, user-association, volunteer-organisation, umbrella-organisation, self-governing-institution, social-enterprise, other.\nRun civsam org add --help to see its options.\n');
    const da = await run(['org', 'add', '--name', 'X', '--kind', 'klubben', '--areas', 'psykiatri', '--scope', 'regional', '--dry-run'], 'da');
    expect(da.stderr).toBe('fejl: --kind kan ikke have den værdi, du angav. Den kan have: patientforening, pårørendeforening, brugerforening, frivillig organisation, paraplyorganisation, selvejende institution, socialøkonomisk virksomhed, andet.\nKør civsam org add --help for at se dens tilvalg.\n');
    expect(da.stderr).not.toContain('klubben');
    // A scope that names no municipality: the refusal says where municipalities go.
    const scope = await run(['org', 'add', '--name', 'X', '--kind', 'brugerforening', '--areas', 'psykiatri', '--scope', 'kommunal', '--dry-run'], 'da');
    expect(scope.code).toBe(2);
    expect(scope.stderr).toBe('fejl: --scope kan ikke have den værdi, du angav. Den kan have: regional, landsdækkende. Virker den kun i nogle kommuner, så angiv dem med --municipalities i stedet.\nKør civsam org add --help for at se dens tilvalg.\n');
    expect((await run(['org', 'add', '--name', 'X', '--kind', 'user-association', '--areas', 'psychiatry', '--scope', 'local', '--dry-run'])).stderr).toBe('error: --scope does not take the value you gave. It takes: regional, national. For one that works in some municipalities only, give them with --municipalities instead.\nRun civsam org add --help to see its options.\n');
  });

  test('a funding kind and its pool by name: udvikling, Puljen for civilsamfundet', async () => {
    const r = await run(['agreement', 'add', '--title', 'Nyt projekt', '--organisations', 'alpha', '--areas', 'psykiatri', '--patient-groups', 'angst', '--scope', 'regional', '--start', '2027-01-01', '--funding', 'Puljen for civilsamfundet:2027:udvikling:100000', '--no-commit'], 'da');
    expect(r).toMatchObject({ code: 0, stdout: '2027-psyk-001\n' });
    expect(read('agreements/2027-psyk-001.yaml')).toMatch(/pool: puljen\n\s+year: 2027\n\s+kind: development\n/);
  });

  test('a funding line typed with the form\'s placeholders says which part of it is wrong, not that the whole line should be a kind', async () => {
    const add = (funding: string, lang: 'en' | 'da' = 'da') => run(['agreement', 'add', '--title', 'Nyt projekt', '--organisations', 'alpha', '--areas', 'psykiatri', '--patient-groups', 'angst', '--scope', 'regional', '--start', '2027-01-01', '--funding', funding, '--dry-run'], lang);
    const kind = await add('puljen:ÅR:ART:BELØB');
    expect(kind.code).toBe(2);
    expect(kind.stderr.split('\n')[0]).toBe('fejl: ART i --funding (PULJE:ÅR:ART:BELØB) kan ikke have den værdi, du angav. Den kan have: udvikling, drift.');
    expect((await add('puljen:YEAR:KIND:AMOUNT', 'en')).stderr.split('\n')[0]).toBe('error: KIND in --funding (POOL:YEAR:KIND:AMOUNT) does not take the value you gave. It takes: development, operation.');
    const year = await add('puljen:ÅR:drift:BELØB');
    expect(year.code).toBe(2);
    expect(year.stderr.split('\n')[0]).toBe('fejl: ÅR i --funding (PULJE:ÅR:ART:BELØB) skal være et årstal med fire cifre, fx 2027.');
    expect((await add('puljen:2027:drift:BELØB')).stderr.split('\n')[0]).toBe('fejl: BELØB i --funding (PULJE:ÅR:ART:BELØB) skal være et helt antal kroner, fx 400000.');
  });
});

describe('records and vocabulary entries by name or prefix', () => {
  test('offer add --organisation takes the organisation\'s full name, and the type\'s Danish name', async () => {
    const r = await run(['offer', 'add', '--organisation', 'Angstforeningen Midt', '--title', 'Café', '--type', 'samtalegruppe', '--patient-groups', 'Anxiety', '--municipalities', 'randers', '--active-from', '2027-01-01', '--no-commit']);
    expect(r).toMatchObject({ code: 0, stdout: 'cafe\n' });
    const text = read('offers/cafe.yaml');
    expect(text).toContain('organisation: angstforeningen-midt\n');
    expect(text).toContain('type: peer-group\n');
    expect(text).toContain('patient_groups: [angst]\n');
  });

  test('a unique prefix of an id is the record', async () => {
    const r = await run(['org', 'show', 'alp', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).id).toBe('alpha');
  });

  test('a prefix that two records share is refused with both, never guessed', async () => {
    const en = await run(['org', 'show', 'angstfor']);
    expect(en).toMatchObject({ code: 2, stdout: '' });
    expect(en.stderr).toBe('error: what you gave matches several: Angstforeningen Midt (angstforeningen-midt), Angstforeningen Vest (angstforeningen-vest). Give the id, or more of the name.\n');
    const da = await run(['offer', 'add', '--organisation', 'Angstforeningen', '--title', 'X'], 'da');
    expect(da.stderr).toBe('fejl: det, du angav ved --organisation, passer til flere: Angstforeningen Midt (angstforeningen-midt), Angstforeningen Vest (angstforeningen-vest). Angiv id\'et eller mere af navnet.\n');
  });

  test('a near miss suggests the closest: show of an unknown id, a misspelt patient group', async () => {
    const show = await run(['org', 'show', 'angstforenigen-midt'], 'da');
    expect(show.code).toBe(2);
    expect(show.stderr).toMatch(/^fejl: der er ingen organisation med id'et angstforenigen-midt\. Mente du: Angstforeningen Midt \(angstforeningen-midt\)/);
    const group = await run(['org', 'add', '--name', 'Y', '--kind', 'other', '--areas', 'psychiatry', '--scope', 'regional', '--patient-groups', 'depresion']);
    expect(group.stderr).toBe('error: there is no patient group that matches what you gave for --patient-groups. Did you mean: Depression?\n');
    const muni = await run(['org', 'list', '--municipality', 'Randrs'], 'da');
    expect(muni.stderr).toBe('fejl: der er ingen kommune, der passer til det, du angav ved --municipality. Mente du: Randers?\n');
  });

  test('a vocabulary word that names nothing is taken as a name the user typed, and the suggestion is a name, never the code', async () => {
    const add = (type: string, lang: 'en' | 'da') => run(['offer', 'add', '--organisation', 'alpha', '--title', 'X', '--type', type, '--patient-groups', 'angst', '--municipalities', 'randers', '--active-from', '2027-01-01', '--dry-run'], lang);
    const da = await add('samtalegrupe', 'da');
    expect(da).toMatchObject({ code: 2, stdout: '' });
    expect(da.stderr).toBe('fejl: der er ingen tilbudstype, der passer til det, du angav ved --type. Mente du: Samtalegruppe?\n');
    expect((await add('peer-grup', 'en')).stderr).toBe('error: there is no offer type that matches what you gave for --type. Did you mean: Peer group?\n');
  });

  test('a name that matches nothing is not echoed, and says where to look', async () => {
    const r = await run(['offer', 'add', '--organisation', 'Hemmelig Klub', '--title', 'X']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('error: there is no organisation that matches what you gave for --organisation. See them with civsam org list, or search with civsam find and part of the name.\n');
  });

  test('a name with a zero-width character pasted along is the same name, as the register compares names; a direction mark is refused', async () => {
    const shown = await run(['org', 'show', 'Angstforeningen Midt'], 'da');
    expect(shown.code).toBe(0);
    for (const pasted of ['Angstforeningen Midt\u200B', '\uFEFFAngstforeningen\u200D Midt', 'Angst\u2060foreningen Midt']) expect(await run(['org', 'show', pasted], 'da'), pasted).toEqual(shown);
    expect(await run(['offer', 'list', '--organisation', 'Angstforeningen Midt\u200B'])).toEqual(await run(['offer', 'list', '--organisation', 'angstforeningen-midt']));
    expect((await run(['org', 'show', 'Angstforeningen\u202E Midt'])).stderr).toMatch(/^error: what you gave is neither a record's name nor its id/);
    expect(await run(['org', 'show', '\u200B'], 'da')).toEqual({ code: 2, stdout: '', stderr: 'fejl: navnet mangler: civsam org show NAVN (eller id\'et).\n' });
  });

  test('../x is still refused as a malformed id before anything is read', async () => {
    const r = await run(['offer', 'add', '--organisation', '../x', '--title', 'X']);
    expect(r.code).toBe(2);
    // Said as the argument's path is, naming the option.
    expect(r.stderr).toBe("error: what you gave for --organisation is neither a record's name nor its id (it reads as a path to a file, or holds control or invisible characters). Find the record with civsam find and part of its name.\n");
    expect((await run(['org', 'show', '../angstforeningen-midt'])).stderr).toMatch(/^error: what you gave is neither a record's name nor its id \(it reads as a path to a file/);
  });

  test('an id made from a long name is at most 40 characters, cut between words', async () => {
    const r = await run(['org', 'add', '--name', 'Søstre og Brødre – Pårørendeforeningen for søskende til mennesker med psykisk sygdom', '--kind', 'andet', '--areas', 'psykiatri', '--scope', 'regional', '--no-commit'], 'da');
    expect(r).toMatchObject({ code: 0, stdout: 'soestre-og-broedre-paaroerendeforeningen\n' });
  });
});

describe('civsam find', () => {
  test('ranks exact, then prefix, then word prefix, then inside a word, then close', async () => {
    const r = await run(['find', 'angst', '--format', 'json']);
    expect(r.code).toBe(0);
    // angst is a patient group's id; two names begin with it; the offer's title has it as a word;
    // Sangstemmer has it inside; Angs is one letter from it. Alpha Forening matches none of these.
    expect(JSON.parse(r.stdout)).toEqual([
      { kind: 'patient-groups', id: 'angst', name: 'Anxiety', match: 'exact' },
      { kind: 'organisation', id: 'angstforeningen-midt', name: 'Angstforeningen Midt', match: 'prefix' },
      { kind: 'organisation', id: 'angstforeningen-vest', name: 'Angstforeningen Vest', match: 'prefix' },
      { kind: 'offer', id: 'samtale-angst', name: 'Samtalegruppe om angst', match: 'word' },
      { kind: 'organisation', id: 'sangstemmer', name: 'Sangstemmer Kor', match: 'substring' },
      { kind: 'organisation', id: 'angs-gruppe', name: 'Angs Gruppe', match: 'close' },
    ]);
  });

  test('a table in Danish with the kind in Danish; --kind narrows, in either language', async () => {
    const r = await civsam(['--lang', 'da', '--data', dir, 'find', 'ANGST', '--kind', 'patientgruppe', '--kind', 'tilbud'], { env: { COLUMNS: '80' } });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe([
      '2 resultater, bedste først',
      '',
      '┌───────────────┬───────────────┬────────────────────────┐',
      '│ Art           │ Id            │ Navn                   │',
      '├───────────────┼───────────────┼────────────────────────┤',
      '│ patientgruppe │ angst         │ Angst                  │',
      '├───────────────┼───────────────┼────────────────────────┤',
      '│ tilbud        │ samtale-angst │ Samtalegruppe om angst │',
      '└───────────────┴───────────────┴────────────────────────┘',
      '',
    ].join('\n'));
  });

  test('accents and Danish letters are folded: århus finds Aarhus', async () => {
    const r = await run(['find', 'århus', '--format', 'csv', '--kind', 'municipality']);
    expect(r.stdout).toBe('\uFEFFKind,Id,Name\r\nmunicipality,aarhus,Aarhus\r\n');
  });

  test('æ, ø and å are letters of their own: typed, each finds only itself and its spelling ae, oe, aa; a, o and ae still find them', async () => {
    const danish = makeFolder({
      ...baseFiles(),
      'organisations/aabyhoej.yaml': org('aabyhoej', 'Åbyhøj Forening'),
      'organisations/aabenraa.yaml': org('aabenraa', 'Aabenraa Klub'),
      'organisations/anders.yaml': org('anders', 'Anders Klub'),
      'organisations/aeroe.yaml': org('aeroe', 'Ærø Kor'),
      'organisations/oerne.yaml': org('oerne', 'Oerne Kor'),
      'organisations/odder.yaml': org('odder', 'Odder Kor'),
    });
    const ids = async (text: string) => JSON.parse((await civsam(['--data', danish, 'find', text, '--kind', 'org', '--format', 'json'])).stdout).map((h: { id: string }) => h.id).sort();
    expect(await ids('Å')).toEqual(['aabenraa', 'aabyhoej']);
    expect(await ids('åby')).toEqual(['aabyhoej']);
    expect(await ids('Ø')).toEqual(['aabyhoej', 'aeroe', 'oerne']);
    expect(await ids('æ')).toEqual(['aeroe']);
    // Without a Danish keyboard: a finds å, o finds ø, ae finds æ.
    expect(await ids('aby')).toEqual(['aabyhoej']);
    expect(await ids('abyhoj')).toEqual(['aabyhoej']);
    expect(await ids('aero')).toEqual(['aeroe']);
  });

  test('nothing found: exit 0, nothing on stdout, a plain message on stderr', async () => {
    const r = await run(['find', 'qqqzzz'], 'da');
    expect(r).toEqual({ code: 0, stdout: '', stderr: 'Intet fundet, der passer til det, du søgte efter. Prøv en kortere del af navnet.\n' });
    const json = await run(['find', 'qqqzzz', '--format', 'json']);
    expect(json).toEqual({ code: 0, stdout: '[]\n', stderr: 'Nothing found that matches what you searched for. Try a shorter part of the name.\n' });
  });

  test('an unknown --kind lists the kinds', async () => {
    const r = await run(['find', 'angst', '--kind', 'ting'], 'da');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('fejl: --kind kan ikke have den værdi, du angav. Den kan have: organisation, tilbud, aftale, pulje, opslag, høringspart, høring, ansøgning, patientgruppe, kommune, tilbudstype.\nKør civsam find --help for at se dens argumenter og tilvalg.\n');
  });
});

describe('the built binary', () => {
  test('offer add --organisation "Angstforeningen Vest" in Danish, as a dry run', () => {
    const r = civsamBinary(['--lang', 'da', '--data', dir, 'offer', 'add', '--organisation', 'Angstforeningen Vest', '--title', 'Vestgruppen', '--type', 'Samtalegruppe', '--patient-groups', 'angst', '--municipalities', 'skive', '--active-from', '2027-02-01', '--dry-run']);
    expect(r.stderr).toBe('Herunder filens linjer, som civsam ville skrive dem, med felter og faste værdier som koder, sådan som filen rummer dem (civsam show viser dem med danske ord, når posten er gemt):\nPrøvekørsel: 1 fil ville blive ændret; intet er skrevet.\n');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('+organisation: angstforeningen-vest\n');
  });
});

describe('a name longer than any name, where an id or a name is asked', () => {
  test('is said to be too long (as history says), not described as a malformed id, whether an argument or an option', async () => {
    const long = 'Sind '.repeat(50);
    const said = 'fejl: det, du angav, er for langt til at være en posts navn eller id: et navn har højst 200 tegn. Find posten med civsam find og en del af navnet.\n';
    for (const args of [['org', 'show', long], ['org', 'edit', long, '--notes', 'x'], ['offer', 'add', '--title', 'T', '--organisation', long]]) {
      expect(await civsam(['--data', dir, ...args], { env: { CIVSAM_LANG: 'da' } }), args.slice(0, 2).join(' ')).toEqual({ code: 2, stdout: '', stderr: said });
    }
  });
});
