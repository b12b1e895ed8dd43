// Help as a user reaches it: `civsam help WORDS…` is the named command's own help, however deep, and
// every command's help fits a terminal of 80 columns in both languages.
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/commands.js';
import { civsam, civsamBinary } from '../helpers/cli.js';
import { catalogue } from '../../src/i18n/catalogue/index.js';

const AT_80 = { COLUMNS: '80' };

/** Every help screen: civsam's own, each parent's (`org`), each command's (`org add`). */
const SCREENS: string[][] = [
  [],
  ...[...new Set(COMMANDS.flatMap((c) => (c.parent ? [c.parent] : [])))].map((p) => [p]),
  ...COMMANDS.map((c) => (c.parent ? [c.parent, c.name] : [c.name])),
];

describe('civsam help', () => {
  it('every command\'s and option\'s help text is a message of the catalogue in both languages', () => {
    const keys = COMMANDS.flatMap((c) => [c.description, ...(c.options ?? []).map((o) => o.description)]);
    const missing = keys.filter((k) => !Object.hasOwn(catalogue.en, k) || !Object.hasOwn(catalogue.da, k));
    expect(missing).toEqual([]);
    expect(keys.length).toBeGreaterThan(100);
  });


  it('civsam help org add is org add\'s help, with its examples, in both languages', async () => {
    for (const lang of ['en', 'da']) {
      const viaHelp = await civsam(['--lang', lang, 'help', 'org', 'add'], { env: AT_80 });
      const viaFlag = await civsam(['--lang', lang, 'org', 'add', '--help'], { env: AT_80 });
      expect(viaHelp.code).toBe(0);
      expect(viaHelp).toEqual(viaFlag);
      expect(viaHelp.stdout).toMatch(lang === 'en' ? /^Usage: civsam org add / : /^Brug: civsam org add /);
      expect(viaHelp.stdout).toContain('--contact-email');
      expect(viaHelp.stdout).toMatch(/\n {2}\$ civsam org add --name /);
    }
  });

  it('an example too long for 80 columns is continued with a backslash, and reads back as written', async () => {
    const spec = COMMANDS.find((c) => c.parent === 'agreement' && c.name === 'add')!;
    const r = await civsam(['agreement', 'add', '--help'], { env: AT_80 });
    const shown = r.stdout.slice(r.stdout.indexOf('Examples:\n') + 'Examples:\n'.length);
    expect(shown).toMatch(/ \\\n {6}--organisations /);
    expect(shown.replace(/ \\\n {6}/g, ' ').trim().split('\n').map((l) => l.replace(/^\$ /, '').trim())).toEqual(spec.examples);
  });

  it('the built binary does the same', () => {
    const r = civsamBinary(['--lang', 'da', 'help', 'org', 'add'], { env: AT_80 });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Brug: civsam org add /);
    expect(r.stdout).toContain('Eksempler:\n  $ civsam org add --name "Angstforeningen Skive"');
  });

  it('names a parent, a command by its alias, or nothing (civsam\'s own help)', async () => {
    expect((await civsam(['help', 'org'])).stdout).toMatch(/^Usage: civsam org /);
    expect((await civsam(['help', 'check'])).stdout).toBe((await civsam(['validate', '--help'])).stdout);
    expect((await civsam(['help'])).stdout).toBe((await civsam(['--help'])).stdout);
  });

  it('an unknown word is refused as an unknown command (exit 2), in the user\'s language', async () => {
    expect(await civsam(['help', 'org', 'ad'])).toEqual({ code: 2, stdout: '', stderr: 'error: unknown command ad. Did you mean: org add?\nRun civsam --help to see the commands and options.\n' });
    const da = await civsam(['--lang', 'da', 'help', 'nosuch']);
    expect(da.code).toBe(2);
    expect(da.stderr).toMatch(/^fejl: /);
  });

  it('a word for a command civsam names otherwise is answered with that command: show where a level only lists, delete, Danish verbs', async () => {
    const suggested = async (...words: string[]) => /Mente du: (.*)\?\n/.exec((await civsam(['--lang', 'da', ...words])).stderr)?.[1];
    expect(await suggested('vocab', 'show')).toBe('vocab list');
    expect(await suggested('org', 'delete')).toBe('org remove');
    expect(await suggested('org', 'slet')).toBe('org remove');
    expect(await suggested('pool', 'new')).toBe('pool add');
    expect(await suggested('consultation', 'stop')).toBe('consultation close');
    expect(await suggested('search')).toBe('find');
    // A word close to a command's name is still suggested by its spelling, after the synonym's command.
    expect(await suggested('org', 'sho')).toBe('org show');
  });

  it.each(['en', 'da'])('every help screen fits 80 columns (%s)', async (lang) => {
    const tooWide: string[] = [];
    for (const words of SCREENS) {
      const r = await civsam(['--lang', lang, ...words, '--help'], { env: AT_80 });
      expect(r.code, words.join(' ')).toBe(0);
      for (const line of r.stdout.split('\n')) if ([...line].length > 80) tooWide.push(`civsam ${words.join(' ')}: ${line}`);
    }
    expect(SCREENS.length).toBeGreaterThan(60);
    expect(tooWide).toEqual([]);
  });

  it('the funding overview\'s help names its concentration index in words, as the audit does, in both languages', async () => {
    const words = { da: 'et koncentrationsindeks (Herfindahl-Hirschman)', en: 'a concentration index (Herfindahl–Hirschman)' };
    for (const lang of ['da', 'en'] as const) {
      for (const screen of [['overview', 'funding'], ['overview']]) {
        const r = await civsam(['--lang', lang, ...screen, '--help']);
        expect(r.stdout, screen.join(' ')).not.toContain('HHI');
      }
      expect((await civsam(['--lang', lang, 'overview', 'funding', '--help'])).stdout.replace(/\s+/g, ' ')).toContain(words[lang]);
    }
  });
});
