// The command line's placeholders (`<text>`, `[dir]`, an argument's name) in the user's language:
// Danish help and usage errors say `<tekst>`, `<art> <fil>`, "argumentet fil mangler"; English
// keeps the words the command table is written in. One mechanism (i18n/syntax.ts) for every command.
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/commands.js';
import { placeholders as placeholdersOf } from '../../src/cli/arguments.js';
import { catalogue } from '../../src/i18n/catalogue/index.js';
import { localSyntax } from '../../src/i18n/syntax.js';
import { civsam } from '../helpers/cli.js';

const AT_80 = { COLUMNS: '80' };
const DA = { ...AT_80, CIVSAM_LANG: 'da' };

/** Every placeholder's words the commands use, in their arguments and their options' flags (composites split). */
const WORDS = [...new Set([
  'dir', 'lang', 'command',
  ...COMMANDS.flatMap((c) => [c.args, ...(c.options ?? []).map((o) => o.flags)]).flatMap((s) => placeholdersOf(s).map((p) => p.name)),
].flatMap((name) => name.split(/[:=]/)))];

/** English placeholder words that Danish writes otherwise (`text`, not `id` or `format`). */
const ENGLISH_ONLY = WORDS.filter((w) => (catalogue.da as Record<string, string>)[`placeholder.${w}`] !== w);

/** The placeholders shown in a help screen's terms (`--name <tekst>`, `import [tilvalg] <art> <fil>`). */
const shown = (help: string) => [...help.matchAll(/[<[]([^<>[\]\s]+?)(?:\.\.\.)?[>\]]/g)].flatMap((m) => m[1].split(/[:=]/));

describe('placeholders in the user\'s language', () => {
  it('every placeholder word the commands use has a word in each language; English keeps the table\'s word', () => {
    expect(WORDS.length).toBeGreaterThan(30);
    const en = catalogue.en as Record<string, string>;
    const da = catalogue.da as Record<string, string>;
    expect(WORDS.filter((w) => da[`placeholder.${w}`] === undefined)).toEqual([]);
    expect(WORDS.filter((w) => en[`placeholder.${w}`] !== w)).toEqual([]);
    expect(ENGLISH_ONLY).toEqual(expect.arrayContaining(['text', 'file', 'kind', 'dir', 'ids', 'date', 'value']));
  });

  it('a syntax text keeps its flags, brackets and dots, and puts each placeholder in the language', () => {
    expect(localSyntax('da', '--name <text>')).toBe('--name <tekst>');
    expect(localSyntax('da', 'import [tilvalg] <kind> <file>')).toBe('import [tilvalg] <art> <fil>');
    expect(localSyntax('da', 'invite <id> <party-ids...>')).toBe('invite <id> <høringsparter...>');
    expect(localSyntax('da', '--funding <pool:year:kind:amount>')).toBe('--funding <pulje:år:art:beløb>');
    expect(localSyntax('da', '--score <criterion=n>')).toBe('--score <kriterium=tal>');
    expect(localSyntax('en', 'import [options] <kind> <file>')).toBe('import [options] <kind> <file>');
  });

  it('Danish help: org add, import and the list of commands at 80 columns', async () => {
    const add = await civsam(['org', 'add', '--help'], { env: DA });
    expect(add.stdout).toMatch(/\n {2}--name <tekst> {14}organisationens navn/);
    expect(add.stdout).toMatch(/\n {2}--patient-groups <id'er> {4}patientgrupper/);
    expect(add.stdout).toMatch(/\n {2}--data <mappe> {14}datamappen/);
    expect((await civsam(['import', '--help'], { env: DA })).stdout).toMatch(/^Brug: civsam import \[tilvalg\] <art> <fil>\n/);
    expect((await civsam(['--help'], { env: DA })).stdout).toMatch(/\n {2}import \[tilvalg\] <art> <fil> +importér/);
    expect((await civsam(['help', 'contact', 'erase'], { env: DA })).stdout).toMatch(/^Brug: civsam contact erase \[tilvalg\] <organisations-id>\n/);
  });

  it('English help keeps the placeholders as written', async () => {
    const add = await civsam(['org', 'add', '--help'], { env: AT_80 });
    expect(add.stdout).toMatch(/\n {2}--name <text> {15}the organisation's name/);
    expect((await civsam(['import', '--help'], { env: AT_80 })).stdout).toMatch(/^Usage: civsam import \[options\] <kind> <file>\n/);
  });

  it('no Danish help screen shows an English placeholder word', async () => {
    const screens = [[], ...new Set(COMMANDS.flatMap((c) => (c.parent ? [c.parent] : [])))].map((p) => (Array.isArray(p) ? p : [p]));
    screens.push(...COMMANDS.map((c) => (c.parent ? [c.parent, c.name] : [c.name])), ['help']);
    const english: string[] = [];
    for (const words of screens) {
      const r = await civsam([...words, '--help'], { env: DA });
      for (const w of shown(r.stdout)) if (ENGLISH_ONLY.includes(w)) english.push(`civsam ${words.join(' ')}: ${w}`);
    }
    expect(english).toEqual([]);
  });
});

describe('usage errors name arguments and options in the user\'s language', () => {
  it.each([
    [['import', 'organisations'], 'fejl: argumentet fil mangler.', 'error: the argument file is missing.'],
    [['import'], 'fejl: argumentet art mangler.', 'error: the argument kind is missing.'],
    [['consultation', 'invite', 'x'], 'fejl: argumentet høringsparter mangler.', 'error: the argument party-ids is missing.'],
    [['org', 'add', '--name'], 'fejl: tilvalget --name <tekst> skal have en værdi.', 'error: the option --name <text> needs a value.'],
    [['overview', 'funding', '--by', 'xx'], 'fejl: --by kan ikke have den værdi, du angav. Den kan have: pulje, organisation.', 'error: --by does not take the value you gave. It takes: pool, organisation.'],
  ])('civsam %j', async (args, da, en) => {
    const inDanish = await civsam(args, { env: DA });
    expect(inDanish.code).toBe(2);
    expect(inDanish.stderr.split('\n')[0]).toBe(da);
    const inEnglish = await civsam(args, { env: AT_80 });
    expect(inEnglish.stderr.split('\n')[0]).toBe(en);
  });

  it('a malformed id given to an argument is named in words, never as a placeholder', async () => {
    const r = await civsam(['contact', 'erase', ''], { env: DA });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^fejl: det id, du angav for organisationen, er ikke gyldigt\./);
    expect((await civsam(['contact', 'erase', ''], { env: AT_80 })).stderr).toMatch(/^error: the id you gave for the organisation is not valid\./);
    // The command's own record left empty is asked for with the command, as when it is left out.
    expect((await civsam(['application', 'decide', ' ', '--case', 'J-1'], { env: DA })).stderr).toMatch(/^fejl: navnet mangler: civsam application decide NAVN \(eller id'et\)\./);
    expect((await civsam(['consultation', 'invite', 'k-1', ' '], { env: DA })).stderr).toMatch(/^fejl: det id, du angav for en høringspart, er ikke gyldigt\./);
  });
});
