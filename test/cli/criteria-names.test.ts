// A call's criteria by their text: criteria given on the command line get ids made from their text,
// so the call's applications can be scored; scores and a decision's criteria name a criterion by its
// id, its text or the start of it, with "Mente du" for a near miss. Options that take a hearing
// party or an organisation take its name, and a mistyped fixed value is answered with the value
// meant. Messages are asserted in Danish; what the user typed is echoed only when shaped like an id.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { civsam } from '../helpers/cli.js';
import { baseFiles, makeFolder, type Files } from '../helpers/folder.js';
import { siteFiles } from '../publish/fixture.js';

const da = (dir: string, ...args: string[]) => civsam(['--data', dir, ...args, '--no-commit'], { env: { CIVSAM_LANG: 'da' } });
const validate = (dir: string) => civsam(['--data', dir, 'validate'], { env: { CIVSAM_LANG: 'da' } });
const read = (dir: string, rel: string) => parse(readFileSync(join(dir, rel), 'utf8')) as Record<string, any>;
const ESC = '\u001b[31m';

const CALL_FLAGS = ['--areas', 'psychiatry', '--patient-groups', 'angst', '--scope', 'regional', '--published', '2026-10-01', '--deadline', '2026-11-15', '--channel', 'offentligt'];

/** A folder with a call made by `call add --criteria` and an application to it. */
async function scoredCall(extra: Files = {}): Promise<string> {
  const dir = makeFolder({ ...baseFiles(), ...extra });
  const add = await da(dir, 'call', 'add', '--title', 'Runde', ...CALL_FLAGS, '--criteria', 'Kvalitet', 'Dækning af behov', 'Nye målgrupper, også små', 'Langsigtet indsats');
  expect(add.stderr).toBe(`Oprettede ${join(dir, 'calls/2026-runde.yaml')}.\n`);
  expect(add.code).toBe(0);
  const app = await da(dir, 'application', 'add', '--call', 'Runde', '--organisation', 'Alpha Forening', '--amount', '1000', '--kind', 'udvikling', '--received', '2026-11-01');
  expect(app.stdout).toBe('2026-runde-alpha\n');
  return dir;
}

describe('criteria given on the command line get ids made from their text', () => {
  it('call add writes each criterion with its id and its Danish text, and the folder validates', async () => {
    const dir = await scoredCall();
    expect(read(dir, 'calls/2026-runde.yaml').criteria).toEqual([
      { id: 'kvalitet', text: { da: 'Kvalitet' } },
      { id: 'daekning-af-behov', text: { da: 'Dækning af behov' } },
      { id: 'nye-maalgrupper-ogsaa-smaa', text: { da: 'Nye målgrupper, også små' } },
      { id: 'langsigtet-indsats', text: { da: 'Langsigtet indsats' } },
    ]);
    const v = await validate(dir);
    expect(v.stderr).toMatch(/^Ingen problemer i \d+ filer\.\n$/);
    expect(v.code).toBe(0);
  });

  it('call edit keeps a criterion given again (its id, weight and English text), gives a new one an id and a repeated text its own', async () => {
    const dir = makeFolder({
      ...baseFiles(),
      'calls/c1.yaml': JSON.stringify({ id: 'c1', title: 'Opslag', areas: ['psychiatry'], scope: 'regional', published: '2026-01-05', deadline: '2026-02-01', channel: 'public', criteria: [{ id: 'reach', text: { da: 'Rækkevidde', en: 'Reach' }, weight: 2 }, 'Gammel tekst'] }) + '\n',
    });
    const edit = await da(dir, 'call', 'edit', 'c1', '--criteria', 'Rækkevidde', 'Gammel tekst', 'reach');
    expect(edit.stderr).toBe(`Gemte ${join(dir, 'calls/c1.yaml')}.\n`);
    expect(edit.code).toBe(0);
    expect(read(dir, 'calls/c1.yaml').criteria).toEqual([
      { id: 'reach', text: { da: 'Rækkevidde', en: 'Reach' }, weight: 2 },
      { id: 'gammel-tekst', text: { da: 'Gammel tekst' } },
      // Its id is taken by the kept criterion: the new text gets the next free one.
      { id: 'reach-2', text: { da: 'reach' } },
    ]);
    expect((await validate(dir)).code).toBe(0);
  });

  it('pool add gives its criteria ids the same way', async () => {
    const dir = makeFolder(baseFiles());
    expect((await da(dir, 'pool', 'add', '--name', 'Puljen', '--areas', 'health', '--eligible-kinds', 'development', '--budgets', '2027:500000', '--criteria', 'Nye målgrupper', '!!!')).code).toBe(0);
    expect(read(dir, 'pools/puljen.yaml').criteria).toEqual([{ id: 'nye-maalgrupper', text: { da: 'Nye målgrupper' } }, { id: 'kriterium', text: { da: '!!!' } }]);
  });
});

describe('--score and decide --criteria name a criterion by its text, the start of it or its id', () => {
  it('scores a call made by its own command by text, a prefix in any case, NFD text and a list with commas', async () => {
    const dir = await scoredCall();
    const r = await da(dir, 'application', 'assess', '2026-runde-alpha', '--assessor', 'Fagkonsulent', '--date', '2026-11-20',
      '--score', 'Kvalitet=4', '--score', 'DÆKNING=3', '--score', 'Nye målgrupper, også små=2'.normalize('NFD'), '--score', 'langsigtet-indsats=5');
    expect(r.stderr).toBe(`Gemte ${join(dir, 'applications/2026-runde-alpha.yaml')}.\n`);
    expect(r.code).toBe(0);
    expect(read(dir, 'applications/2026-runde-alpha.yaml').assessments[0].scores).toEqual([
      { criterion: 'kvalitet', score: 4 }, { criterion: 'daekning-af-behov', score: 3 }, { criterion: 'nye-maalgrupper-ogsaa-smaa', score: 2 }, { criterion: 'langsigtet-indsats', score: 5 },
    ]);
    const list = await da(dir, 'application', 'assess', '2026-runde-alpha', '--assessor', 'Anden', '--score', 'kval=1,langsigt=2');
    expect(list.code).toBe(0);
    expect(read(dir, 'applications/2026-runde-alpha.yaml').assessments[1].scores).toEqual([{ criterion: 'kvalitet', score: 1 }, { criterion: 'langsigtet-indsats', score: 2 }]);
  });

  it('a near miss gets "Mente du", an id-shaped miss is named, anything else is not echoed', async () => {
    const dir = await scoredCall();
    const before = readFileSync(join(dir, 'applications/2026-runde-alpha.yaml'), 'utf8');
    const assess = (score: string) => da(dir, 'application', 'assess', '2026-runde-alpha', '--assessor', 'X', '--score', score);
    const near = await assess('Dækninng af behov=5');
    expect(near.stderr).toBe('fejl: det, du angav ved --score, er ikke et kriterium i opslag 2026-runde. Mente du: »Dækning af behov« (daekning-af-behov)?\n');
    expect(near.code).toBe(2);
    expect((await assess('daekninng=5')).stderr).toBe('fejl: daekninng er ikke et kriterium i opslag 2026-runde. Mente du: »Dækning af behov« (daekning-af-behov)?\n');
    const all = 'Opslagets kriterier er: »Kvalitet«, »Dækning af behov«, »Nye målgrupper, også små«, »Langsigtet indsats«.';
    expect((await assess('økonomi=5')).stderr).toBe(`fejl: det, du angav ved --score, er ikke et kriterium i opslag 2026-runde. ${all}\n`);
    for (const bad of ['../x=3', `${ESC}kval=3`]) {
      const r = await assess(bad);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`fejl: det, du angav ved --score, er ikke et kriterium i opslag 2026-runde. ${all}\n`);
    }
    expect(readFileSync(join(dir, 'applications/2026-runde-alpha.yaml'), 'utf8')).toBe(before);
  });

  it('a start two criteria share is not guessed: both are named', async () => {
    const dir = await scoredCall();
    expect((await da(dir, 'call', 'edit', '2026-runde', '--criteria', 'Kvalitet', 'Kvalitet i tilbuddet')).code).toBe(0);
    const r = await da(dir, 'application', 'assess', '2026-runde-alpha', '--assessor', 'X', '--score', 'kval=3');
    expect(r.stderr).toBe('fejl: det, du angav ved --score, passer til flere af kriterierne i opslag 2026-runde: »Kvalitet« (kvalitet), »Kvalitet i tilbuddet« (kvalitet-i-tilbuddet). Angiv mere af teksten eller id\'et.\n');
    expect(r.code).toBe(2);
    // The whole text of one is that one.
    expect((await da(dir, 'application', 'assess', '2026-runde-alpha', '--assessor', 'X', '--score', 'kvalitet=3')).code).toBe(0);
  });

  it('a whole word from inside one criterion\'s text names it; from inside several, they are listed', async () => {
    const dir = await scoredCall();
    const decide = (criterion: string) => da(dir, 'application', 'decide', '2026-runde-alpha', '--decision', 'afslag', '--date', '2026-12-01', '--reason', 'Begrundelse', '--criteria', criterion);
    expect((await decide('BEHOV')).code).toBe(0);
    expect(read(dir, 'applications/2026-runde-alpha.yaml').decision.criteria).toEqual(['daekning-af-behov']);
    // Part of a word is not a word: `ehov` inside »Dækning af behov« names nothing.
    expect((await decide('ehov')).code).toBe(2);
    expect((await da(dir, 'call', 'edit', '2026-runde', '--criteria', 'Kvalitet', 'Dækning af behov', 'Nye behov i byen')).code).toBe(0);
    const several = await decide('behov');
    expect(several.stderr).toBe('fejl: det, du angav ved --criteria, passer til flere af kriterierne i opslag 2026-runde: »Dækning af behov« (daekning-af-behov), »Nye behov i byen« (nye-behov-i-byen). Angiv mere af teksten eller id\'et.\n');
    expect(several.code).toBe(2);
  });

  it('a score in the wrong form shows the call\'s own criteria in the example; a score off the scale names the criterion by its text', async () => {
    const dir = await scoredCall();
    const syntax = await da(dir, 'application', 'assess', '2026-runde-alpha', '--assessor', 'X', '--score', 'Kvalitet: 4');
    expect(syntax.stderr).toBe('fejl: --score skal være KRITERIUM=N, i dette opslag fx --score Kvalitet=4 --score \'Dækning af behov=4\' --score \'Nye målgrupper, også små=4\'; giv én --score for hvert kriterium.\n');
    expect(syntax.code).toBe(2);
    expect(syntax.stderr).not.toContain('reach');
    const high = await da(dir, 'application', 'assess', '2026-runde-alpha', '--assessor', 'X', '--score', 'kvalitet=9');
    expect(high.stderr).toBe('fejl: karakteren for »Kvalitet« ligger uden for skalaen i opslaget »Runde«, 0 til 5.\n');
    const twice = await da(dir, 'application', 'assess', '2026-runde-alpha', '--assessor', 'X', '--score', 'kvalitet=1', '--score', 'Kvalitet=2');
    expect(twice.stderr).toBe('fejl: kriterium »Kvalitet« har fået karakter to gange; giv hvert kriterium én --score.\n');
  });

  it('decide --criteria takes the text, a text holding a comma, and several separated by commas', async () => {
    const dir = await scoredCall();
    const decide = (...criteria: string[]) => da(dir, 'application', 'decide', '2026-runde-alpha', '--decision', 'afslag', '--date', '2026-12-01', '--reason', 'Begrundelse', ...criteria.flatMap((c) => ['--criteria', c]));
    expect((await decide('Langsigtet indsats', 'Nye målgrupper, også små')).code).toBe(0);
    expect(read(dir, 'applications/2026-runde-alpha.yaml').decision.criteria).toEqual(['langsigtet-indsats', 'nye-maalgrupper-ogsaa-smaa']);
    expect((await decide('kvalitet,Dækning af behov')).code).toBe(0);
    expect(read(dir, 'applications/2026-runde-alpha.yaml').decision.criteria).toEqual(['kvalitet', 'daekning-af-behov']);
    expect((await decide('Langsigtet indsatss')).stderr).toBe('fejl: det, du angav ved --criteria, er ikke et kriterium i opslag 2026-runde. Mente du: »Langsigtet indsats« (langsigtet-indsats)?\n');
    const path = await decide('../../etc/passwd');
    expect(path.code).toBe(2);
    expect(path.stderr).not.toContain('passwd');
  });

  // Before, a score naming a plain text was refused with the command that gives the texts ids; a
  // decision named one and gave them ids. Both now do the same: the scores write the ids.
  it('a call whose criteria are plain texts gets their ids from the first score that names one, written one criterion a line', async () => {
    const dir = makeFolder({
      ...baseFiles(),
      'calls/c1.yaml': 'id: c1\ntitle: Opslag\nareas: [psychiatry]\nscope: regional\npublished: 2026-01-05\ndeadline: 2026-02-01\nchannel: public\ncriteria: [Kvalitet, Dækning] # som før\n',
      'applications/a1.yaml': JSON.stringify({ id: 'a1', call: 'c1', organisations: ['alpha'], amount_dkk: 1000, kind: 'development', received: '2026-01-20' }) + '\n',
    });
    const r = await da(dir, 'application', 'assess', 'a1', '--assessor', 'X', '--score', 'Kvalitet=4');
    expect(r.code, r.stderr).toBe(0);
    // Written one criterion a line, as a new call has them, not as objects on one line.
    expect(readFileSync(join(dir, 'calls/c1.yaml'), 'utf8')).toContain('criteria:\n  - id: kvalitet\n    text:\n      da: Kvalitet\n  - id: daekning\n    text:\n      da: Dækning\n');
    expect((await da(dir, 'application', 'assess', 'a1', '--assessor', 'X', '--score', 'Kvalitet=4', '--score', 'dækning=3')).code).toBe(0);
  });
});

describe('options that take a hearing party or an organisation take its name', () => {
  it('consultation note and respond --party, and call declare --ties, by name; a path or escape codes are refused unechoed', async () => {
    const dir = makeFolder(siteFiles());
    const respond = await da(dir, 'consultation', 'respond', 'k-closed', '--party', 'Beta <Forening> & Co', '--date', '2026-03-05', '--point', 'Fristen er for kort.');
    expect(respond.code).toBe(0);
    const note = await da(dir, 'consultation', 'note', 'k-closed', '--party', 'beta <forening>', '--index', '1', '--disposition', 'delvis imødekommet', '--reason', 'Fristen er forlænget.');
    expect(note.stderr).toBe(`Gemte ${join(dir, 'consultations/k-closed.yaml')}.\n`);
    const beta = read(dir, 'consultations/k-closed.yaml').responses.find((x: { party: string }) => x.party === 'hp-beta');
    expect(beta.points).toEqual([{ summary: 'Fristen er for kort.', disposition: 'partly', reason: 'Fristen er forlænget.' }]);
    for (const bad of ['../hp-beta', `${ESC}hp-beta`]) {
      const r = await da(dir, 'consultation', 'note', 'k-closed', '--party', bad, '--index', '1', '--disposition', 'not');
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^fejl: det, du angav ved --party, er hverken en posts navn eller dens id \(det ligner en sti til en fil, eller det indeholder styretegn/);
      expect(r.stderr).not.toContain('hp-beta');
    }
    const declare = await da(dir, 'call', 'declare', 'c-open', '--assessor', 'X', '--date', '2026-03-01', '--ties', 'Gamma Klubben');
    expect(declare.code).toBe(0);
    expect(read(dir, 'calls/c-open.yaml').declarations.at(-1).ties).toEqual([{ organisation: 'gamma' }]);
  });

  it('help says names are taken where they are', async () => {
    const note = await civsam(['consultation', 'note', '--help'], { env: { CIVSAM_LANG: 'da' } });
    const words = (s: string) => s.replace(/\s+/g, ' ');
    expect(words(note.stdout)).toContain('høringsparten, hvis svar rejste bemærkningen (navn eller id)');
    const decide = await civsam(['application', 'decide', '--help'], { env: { CIVSAM_LANG: 'da' } });
    expect(words(decide.stdout)).toContain('de kriterier i opslaget, afgørelsen bygger på, ét pr. værdi (deres tekst, begyndelsen af den eller deres id\'er;');
  });
});

describe('a mistyped fixed value or vocabulary name gets the value meant', () => {
  it('--disposition, --kind and --patient-groups', async () => {
    const dir = makeFolder(siteFiles());
    const disposition = await da(dir, 'consultation', 'note', 'k-closed', '--party', 'hp-alpha', '--point', 'Ny.', '--disposition', 'delvist imødekommet'.normalize('NFD'));
    expect(disposition.stderr).toBe('fejl: --disposition kan ikke have den værdi, du angav. Mente du: delvis imødekommet? Den kan have: imødekommet, delvis imødekommet, ikke imødekommet.\nKør civsam consultation note --help for at se dens argumenter og tilvalg.\n');
    expect(disposition.code).toBe(2);
    const base = makeFolder(baseFiles());
    const kind = await da(base, 'org', 'add', '--name', 'Ny', '--kind', 'patientforeningen', '--areas', 'psychiatry', '--scope', 'regional');
    expect(kind.stderr.split('\n')[0]).toBe('fejl: --kind kan ikke have den værdi, du angav. Mente du: patientforening? Den kan have: patientforening, pårørendeforening, brugerforening, frivillig organisation, paraplyorganisation, selvejende institution, socialøkonomisk virksomhed, andet.');
    const group = await da(base, 'org', 'add', '--name', 'Ny', '--kind', 'patientforening', '--areas', 'psychiatry', '--scope', 'regional', '--patient-groups', 'angts');
    expect(group.stderr).toBe('fejl: der er ingen patientgruppe, der passer til det, du angav ved --patient-groups. Mente du: Angst?\n');
    // Nothing near: every value, and what was typed is not echoed.
    const far = await da(base, 'org', 'add', '--name', 'Ny', '--kind', `${ESC}../zzz`, '--areas', 'psychiatry', '--scope', 'regional');
    expect(far.stderr.split('\n')[0]).toBe('fejl: --kind kan ikke have den værdi, du angav. Den kan have: patientforening, pårørendeforening, brugerforening, frivillig organisation, paraplyorganisation, selvejende institution, socialøkonomisk virksomhed, andet.');
  });

  it('an import cell: a value cut short gets the value meant, never taken as a prefix', async () => {
    const dir = makeFolder(baseFiles());
    const file = join(makeFolder({}), 'foreninger.csv');
    writeFileSync(file, 'navn;type;områder;kommuner;status\nNy Forening;patientforen;psykiatri;Aarhus;aktiv\n');
    const r = await da(dir, 'import', 'organisationer', file);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('række 2, kolonne B (type): ikke en af de tilladte værdier. Mente du: patientforening? De tilladte værdier er: patientforening, pårørendeforening, brugerforening, frivillig organisation, paraplyorganisation, selvejende institution, socialøkonomisk virksomhed, andet.\n');
  });
});
