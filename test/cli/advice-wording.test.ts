// Wording a Danish case worker met: an invalid id points to the list of its own kind; history
// names vocabulary entries as show does; the audit's explanation says in words how an agreement
// came about and gives the command; a user's reason joined into a sentence of civsam's ends it once.
import { describe, expect, it } from 'vitest';
import { translate } from '../../src/i18n/index.js';
import { civsam } from '../helpers/cli.js';
import { baseFiles, makeFolder } from '../helpers/folder.js';
import { git } from '../helpers/team.js';

const DA = { CIVSAM_LANG: 'da' };
const ID_RULE = 'Et id har 1 til 63 tegn: små bogstaver a-z, cifre og bindestreger, og det begynder med et bogstav eller et ciffer.';

describe('an invalid id names the list command of the kind asked for', () => {
  const dir = makeFolder(baseFiles());
  it.each([
    // The record argument takes a name too: an empty one is a name not given, asked for with the command (a path is no name, below).
    [['call', 'show', ''], 'fejl: navnet mangler: civsam call show NAVN (eller id\'et).'],
    [['consultation', 'show', ' '], 'fejl: navnet mangler: civsam consultation show NAVN (eller id\'et).'],
    [['consultation', 'show', 'a/../b'], 'fejl: det, du angav, er hverken en posts navn eller dens id (det ligner en sti til en fil, eller det indeholder styretegn eller usynlige tegn). Find posten med civsam find og en del af navnet.'],
    // An option that takes a record's name: a path said as the argument's is, naming the option.
    [['agreement', 'list', '--pool', '/a/b'], 'fejl: det, du angav ved --pool, er hverken en posts navn eller dens id (det ligner en sti til en fil, eller det indeholder styretegn eller usynlige tegn). Find posten med civsam find og en del af navnet.'],
    [['org', 'list', '--municipality', 'a\\b'], `fejl: --municipality er ikke et gyldigt id. ${ID_RULE} civsam vocab list kommuner viser kommunerne og deres id'er.`],
  ])('civsam %j', async (args, message) => {
    expect(await civsam(['--data', dir, ...args], { env: DA })).toEqual({ code: 2, stdout: '', stderr: `${message}\n` });
  });

  it('in English too', async () => {
    expect((await civsam(['--data', dir, 'agreement', 'list', '--pool', '../x'])).stderr).toBe('error: what you gave for --pool is neither a record\'s name nor its id (it reads as a path to a file, or holds control or invisible characters). Find the record with civsam find and part of its name.\n');
    expect((await civsam(['--data', dir, 'application', 'show', ''])).stderr).toBe('error: the name is missing: civsam application show NAME (or the id).\n');
  });
});

describe('civsam history names what a record refers to', () => {
  it('patient groups and municipalities by their names, as show does, not their ids', async () => {
    const dir = makeFolder(baseFiles());
    for (const args of [['init', '-q'], ['add', '-A'], ['commit', '-q', '-m', 'Start']]) expect(git(dir, args).code).toBe(0);
    expect((await civsam(['--data', dir, 'org', 'edit', 'alpha', '--patient-groups', 'angst,diabetes', '--municipalities', 'randers,skive'], { env: DA })).code).toBe(0);
    const r = await civsam(['--data', dir, 'history', 'org', 'alpha', '--format', 'md'], { env: DA });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Patientgrupper: Depression → Angst, Diabetes');
    expect(r.stdout).toContain('Kommuner: Aarhus → Randers, Skive');
    expect(r.stdout).not.toContain('depression →');
  });
});

describe('the audit\'s explanation of an agreement without a call or an exemption', () => {
  it('says how it came about in words and gives the commands that record it', async () => {
    for (const [lang, env, call, exemption] of [
      ['da', DA, 'civsam agreement edit ID --established-by-call OPSLAG', 'civsam agreement edit ID --exemption-reason TEKST --exemption-approved-by NAVN --exemption-date DATO'],
      ['en', {}, 'civsam agreement edit ID --established-by-call CALL', 'civsam agreement edit ID --exemption-reason TEXT --exemption-approved-by NAME --exemption-date DATE'],
    ] as const) {
      const r = await civsam(['--data', makeFolder(baseFiles()), 'audit', '--explain', 'unilateral-agreement'], { env: { ...env, COLUMNS: '200' } });
      expect(r.code, lang).toBe(0);
      expect(r.stdout).not.toMatch(/etableret ved|established_by|established by/);
      expect(r.stdout).toContain(call);
      expect(r.stdout).toContain(exemption);
    }
  });
});

describe('a user\'s text joined into a sentence of civsam\'s', () => {
  it('ends with one full stop, whether the user wrote one or not', () => {
    const answer = (reason: string) => translate('da', 'hearingNote.answerWithReason', { disposition: 'delvis imødekommet', reason });
    expect(answer('Fristen forlænges næste gang')).toBe('Regionens stillingtagen: delvis imødekommet. Fristen forlænges næste gang.');
    expect(answer('Fristen forlænges næste gang.')).toBe('Regionens stillingtagen: delvis imødekommet. Fristen forlænges næste gang.');
    expect(answer('Kan fristen forlænges?')).toBe('Regionens stillingtagen: delvis imødekommet. Kan fristen forlænges?');
    expect(translate('en', 'hearingNote.answerWithReason', { disposition: 'partly accommodated', reason: 'Next time' })).toBe('The region\'s position: partly accommodated. Next time.');
  });
});
