// Usage errors that help a case worker: a mistyped option gets the options of that command it may
// be meant for, every usage error inside a command points to that command's own help, and --format
// takes its Danish words. Run on the sample folder, at 80 columns, in both languages.
import { describe, expect, it } from 'vitest';
import { civsam } from '../helpers/cli.js';

const EN = { COLUMNS: '80' };
const DA = { ...EN, CIVSAM_LANG: 'da' };
const ESC = '\u001b';

/** stderr of a run that must be refused as a usage error (exit 2, nothing on stdout). */
async function refused(args: string[], env: Record<string, string>): Promise<string> {
  const r = await civsam(args, { env });
  expect(r.code, r.stderr).toBe(2);
  expect(r.stdout).toBe('');
  return r.stderr;
}

describe('a mistyped option', () => {
  it.each([
    [['org', 'list', '--staus', 'aktiv'], '--staus', '--status', 'org list'],
    [['org', 'add', '--nme', 'x'], '--nme', '--name', 'org add'],
    // The value given with `=` is never shown.
    [['org', 'list', '--staus=SECRET@example.dk'], '--staus', '--status', 'org list'],
    // A long option written with one dash, its value glued on or not.
    [['org', 'list', '-status', 'aktiv'], '-status', '--status', 'org list'],
    [['org', 'list', '-staus=aktiv'], '-staus', '--status', 'org list'],
    // Case and dashes do not count; a short option in the wrong case.
    [['org', 'list', '--Patient_group', 'x'], '--Patient_group', '--patient-group', 'org list'],
    [['org', 'list', '-H'], '-H', '-h', 'org list'],
    // The options every command takes are among them.
    [['org', 'list', '--lnag', 'da'], '--lnag', '--lang', 'org list'],
    // Equally near: several, at most three.
    [['org', 'list', '--no'], '--no', '--no-color, --no-cache, --no-input', 'org list'],
    [['org', 'add', '--no'], '--no', '--notes, --no-commit, --no-color', 'org add'],
  ])('civsam %j: %s, did you mean %s', async (args, typed, near, command) => {
    expect(await refused(args, DA)).toBe(`fejl: ukendt tilvalg ${typed}. Mente du: ${near}?\nKør civsam ${command} --help for at se dens tilvalg.\n`);
    expect(await refused(args, EN)).toBe(`error: unknown option ${typed}. Did you mean: ${near}?\nRun civsam ${command} --help to see its options.\n`);
  });

  it('nothing near: no suggestion, and a short option with a value glued on is named by its letter', async () => {
    expect(await refused(['org', 'list', '--xyzzy'], DA)).toBe('fejl: ukendt tilvalg --xyzzy.\nKør civsam org list --help for at se dens tilvalg.\n');
    expect(await refused(['org', 'list', '-qhansen'], DA)).toBe('fejl: ukendt tilvalg -q.\nKør civsam org list --help for at se dens tilvalg.\n');
    expect(await refused(['org', 'list', '-x'], EN)).toBe('error: unknown option -x.\nRun civsam org list --help to see its options.\n');
  });

  it('the last part of one option\'s name typed alone is taken for that option (--phone for --contact-phone); near miss: nothing ends so', async () => {
    expect(await refused(['org', 'edit', 'alpha', '--phone', '1'], DA)).toBe('fejl: ukendt tilvalg --phone. Mente du: --contact-phone?\nKør civsam org edit --help for at se dens argumenter og tilvalg.\n');
    expect(await refused(['org', 'edit', 'alpha', '--email', 'x'], EN)).toContain('error: unknown option --email. Did you mean: --contact-email?');
    expect(await refused(['org', 'edit', 'alpha', '--zzz', 'x'], DA)).toBe('fejl: ukendt tilvalg --zzz.\nKør civsam org edit --help for at se dens argumenter og tilvalg.\n');
  });

  it('an escape code is shown harmless and NFD text composed, and the suggestion still found', async () => {
    const escaped = await refused(['org', 'list', `--${ESC}[31mx`], DA);
    expect(escaped).toBe('fejl: ukendt tilvalg --\uFFFD[31mx.\nKør civsam org list --help for at se dens tilvalg.\n');
    const titled = await refused(['org', 'list', `--${ESC}]0;x\u0007status`], EN);
    expect(titled).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    const nfd = await refused(['org', 'list', '--sta\u0301tus', 'aktiv'], DA);
    expect(nfd).toBe('fejl: ukendt tilvalg --st\u00e1tus. Mente du: --status?\nKør civsam org list --help for at se dens tilvalg.\n');
  });
});

describe('where a usage error points', () => {
  it.each([
    // A record asked for by its name (its id does too), with the command to write.
    [['org', 'show'], 'fejl: navnet mangler: civsam org show NAVN (eller id\'et).', 'Kør civsam org show --help for at se dens argumenter og tilvalg.', 'Run civsam org show --help to see its arguments and options.'],
    // Every command that takes a record by its name, with the arguments given before it kept.
    [['org', 'restore'], 'fejl: navnet mangler: civsam org restore NAVN (eller id\'et).', 'Kør civsam org restore --help for at se dens argumenter og tilvalg.', 'Run civsam org restore --help to see its arguments and options.'],
    [['contact', 'erase'], 'fejl: navnet mangler: civsam contact erase NAVN (eller id\'et).', 'Kør civsam contact erase --help for at se dens argumenter og tilvalg.', 'Run civsam contact erase --help to see its arguments and options.'],
    [['vocab', 'rename', 'patientgrupper'], 'fejl: navnet mangler: civsam vocab rename patientgrupper NAVN (eller id\'et).', 'Kør civsam vocab rename --help for at se dens argumenter og tilvalg.', 'Run civsam vocab rename --help to see its arguments and options.'],
    [['org', 'show', 'a', 'b'], 'fejl: der står et ord for meget efter id\'et (b): civsam org show tager kun ét argument, så sæt et navn på flere ord i anførselstegn.', 'Kør civsam org show --help for at se dens argumenter og tilvalg.', 'Run civsam org show --help to see its arguments and options.'],
    // Words not shaped like ids (a name, perhaps) are counted, not repeated.
    [['org', 'show', 'a', 'Anne Hansen', 'b'], 'fejl: der står 2 ord for meget efter id\'et: civsam org show tager kun ét argument, så sæt et navn på flere ord i anførselstegn.', 'Kør civsam org show --help for at se dens argumenter og tilvalg.', 'Run civsam org show --help to see its arguments and options.'],
    [['import', 'tilbud', 'x.csv', 'y', 'z'], 'fejl: der står 2 ord for meget efter argumentet fil (y, z): civsam import tager kun 2 argumenter, så sæt et navn på flere ord i anførselstegn.', 'Kør civsam import --help for at se dens argumenter og tilvalg.', 'Run civsam import --help to see its arguments and options.'],
    [['validate', 'x'], 'fejl: der står et ord for meget efter civsam validate (x): den tager ingen argumenter, kun tilvalg.', 'Kør civsam validate --help for at se dens tilvalg.', 'Run civsam validate --help to see its options.'],
    [['org', 'list', '--status'], 'fejl: tilvalget --status <status> skal have en værdi.', 'Kør civsam org list --help for at se dens tilvalg.', 'Run civsam org list --help to see its options.'],
    [['overview', 'funding', '--by', 'x'], 'fejl: --by kan ikke have den værdi, du angav. Den kan have: pulje, organisation.', 'Kør civsam overview funding --help for at se dens tilvalg.', 'Run civsam overview funding --help to see its options.'],
    [['org', 'list', '--status', 'x'], 'fejl: --status kan ikke have den værdi, du angav. Den kan have: aktiv, inaktiv.', 'Kør civsam org list --help for at se dens tilvalg.', 'Run civsam org list --help to see its options.'],
    [['org', 'ad'], 'fejl: ukendt kommando ad. Mente du: org add?', 'Kør civsam org --help for at se dens kommandoer.', 'Run civsam org --help to see its commands.'],
    // Before any command: civsam's own help.
    [['--staus', 'org', 'list'], 'fejl: ukendt tilvalg --staus.', 'Kør civsam --help for at se kommandoer og tilvalg.', 'Run civsam --help to see the commands and options.'],
  ])('civsam %j: to the help of the command it stopped in', async (args, problem, seeDa, seeEn) => {
    const da = await refused(args, DA);
    expect(da).toBe(`${problem}\n${seeDa}\n`);
    expect((await refused(args, EN)).split('\n')[1]).toBe(seeEn);
  });

  it('too many words are said in English as well: what the command takes, and which words are too many', async () => {
    expect(await refused(['org', 'show', 'a', 'b'], EN)).toBe('error: there is one word too many after the id (b): civsam org show takes one argument and nothing more, so put a name of several words in quotes.\nRun civsam org show --help to see its arguments and options.\n');
    expect((await refused(['audit', 'Anne Hansen'], EN)).split('\n')[0]).toBe('error: there is one word too many after civsam audit: it takes no arguments, only options.');
  });

  it('a refusal that is not about the command line gets no help pointer', async () => {
    const r = await civsam(['org', 'show', 'findes-ikke'], { env: DA });
    expect(r.code).toBe(2);
    expect(r.stderr).not.toContain('--help');
  });
});

describe('a record command with its verb first (civsam list)', () => {
  // `civsam list` was an unknown command and nothing more: the kinds come first in civsam's commands.
  it('lists the commands that do it, kind first, in civsam\'s order, in each language', async () => {
    const kinds = (verb: string) => ['org', 'offer', 'agreement', 'pool', 'call', 'hearing-party', 'consultation', 'application'].map((k) => `civsam ${k} ${verb}`).join(', ');
    expect(await refused(['list'], DA)).toBe(`fejl: ukendt kommando list. Skriv først, hvilken slags poster det gælder, og derefter hvad der skal gøres: ${kinds('list')}, civsam vocab list.\nKør civsam --help for at se kommandoer og tilvalg.\n`);
    expect(await refused(['--lang', 'en', 'list'], DA)).toBe(`error: unknown command list. Write the kind of record first, then what to do: ${kinds('list')}, civsam vocab list.\nRun civsam --help to see the commands and options.\n`);
    expect((await refused(['show', 'lyspunktet'], DA)).split('\n')[0]).toBe(`fejl: ukendt kommando show. Skriv først, hvilken slags poster det gælder, og derefter hvad der skal gøres: ${kinds('show')}.`);
  });

  it('with the kind after it, in either language or as the command names it, is the command meant', async () => {
    for (const [args, meant] of [[['list', 'organisationer'], 'org list'], [['list', 'org', '--status', 'aktiv'], 'org list'], [['ls', 'tilbud'], 'offer list'], [['add', 'aftale', '--title', 'x'], 'agreement add']] as const) {
      expect((await refused([...args], DA)).split('\n')[0], args.join(' ')).toBe(`fejl: ukendt kommando ${args[0]}. Mente du: ${meant}?`);
    }
    // A word that is no verb of a record command is left to the nearness of spelling.
    expect((await refused(['valdate'], DA)).split('\n')[0]).toBe('fejl: ukendt kommando valdate. Mente du: validate?');
  });
});

describe('--format in Danish words', () => {
  it('takes tabel and tekst as table and text, in either language', async () => {
    const table = await civsam(['org', 'list', '--format', 'table'], { env: DA });
    expect(table.code).toBe(0);
    expect(await civsam(['org', 'list', '--format', 'tabel'], { env: DA })).toEqual(table);
    expect(await civsam(['org', 'list', '--format', 'Tabel'], { env: DA })).toEqual(table);
    const english = await civsam(['org', 'list', '--format', 'table'], { env: EN });
    expect(await civsam(['org', 'list', '--format', 'tabel'], { env: EN })).toEqual(english);
    const text = await civsam(['validate', '--format', 'text'], { env: DA });
    expect(text.code).toBe(0);
    expect(await civsam(['validate', '--format', 'tekst'], { env: DA })).toEqual(text);
    const audit = await civsam(['audit', '--fail-on', 'advarsel', '--format', 'table'], { env: DA });
    expect(await civsam(['audit', '--fail-on', 'advarsel', '--format', 'tabel'], { env: DA })).toEqual(audit);
  });

  it('a bad format lists the choices in the user\'s language, without echoing what was typed', async () => {
    expect(await refused(['org', 'list', '--format', 'Hansen'], DA)).toBe('fejl: --format kan ikke have den værdi, du angav. Den kan have: tabel, json, csv, md.\nKør civsam org list --help for at se dens tilvalg.\n');
    expect(await refused(['org', 'list', '--format', 'Hansen'], EN)).toBe('error: --format does not take the value you gave. It takes: table, json, csv, md.\nRun civsam org list --help to see its options.\n');
    expect(await refused(['validate', '--format', 'xml'], DA)).toBe('fejl: --format kan ikke have den værdi, du angav. Den kan have: tekst, json.\nKør civsam validate --help for at se dens tilvalg.\n');
  });

  it('Danish help lists the formats as they are taken, and its default in Danish', async () => {
    const oneLine = (s: string) => s.replace(/\s+/g, ' ');
    const list = await civsam(['org', 'list', '--help'], { env: DA });
    expect(oneLine(list.stdout)).toContain('--format <format> uddataformat (en af: tabel, json, csv, md)');
    const audit = await civsam(['audit', '--help'], { env: DA });
    expect(oneLine(audit.stdout)).toContain('uddataformat (en af: tabel, json, md, csv; standard: tabel)');
    const validate = await civsam(['validate', '--help'], { env: DA });
    expect(oneLine(validate.stdout)).toContain('--format <format> uddataformat (en af: tekst, json)');
    const english = await civsam(['org', 'list', '--help'], { env: EN });
    expect(oneLine(english.stdout)).toContain('--format <format> output format (one of: table, json, csv, md)');
    // One bracket: the values a field takes, then its default for a new record.
    const status = await civsam(['org', 'add', '--help'], { env: DA });
    expect(oneLine(status.stdout)).toContain('--status <værdi> om organisationen er aktiv (en af: aktiv, inaktiv; standard for en ny: aktiv) ');
  });
});
