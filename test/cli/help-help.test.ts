// `civsam help help` is the help command's own help, and a mistyped command word, after `help` or
// not, is answered with the commands it may be meant for, in the user's language.
import { describe, expect, it } from 'vitest';
import { civsam } from '../helpers/cli.js';

const AT_80 = { COLUMNS: '80' };
const DA = { ...AT_80, CIVSAM_LANG: 'da' };

describe('civsam help help', () => {
  it('is the help command\'s own help, as civsam help --help is, in both languages', async () => {
    for (const env of [AT_80, DA]) {
      const r = await civsam(['help', 'help'], { env });
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
      expect(r).toEqual(await civsam(['help', '--help'], { env }));
    }
    expect((await civsam(['help', 'help'], { env: DA })).stdout).toMatch(/^Brug: civsam help \[tilvalg\] \[kommando\.\.\.\]\n\nvis hjælp til en kommando\n/);
    expect((await civsam(['help', 'help'], { env: AT_80 })).stdout).toMatch(/^Usage: civsam help \[options\] \[command\.\.\.\]\n\nshow help for a command\n/);
  });
});

describe('a mistyped command word', () => {
  // A word under a command (`org ad`) points to that command's help; at the top, or after `help`, to civsam's.
  const TOP = ['Kør civsam --help for at se kommandoer og tilvalg.', 'Run civsam --help to see the commands and options.'];
  const under = (command: string) => [`Kør ${command} --help for at se dens kommandoer.`, `Run ${command} --help to see its commands.`];
  it.each([
    [['help', 'valdate'], 'valdate', 'validate', TOP],
    [['valdate'], 'valdate', 'validate', TOP],
    [['help', 'org', 'ad'], 'ad', 'org add', TOP],
    [['org', 'ad'], 'ad', 'org add', under('civsam org')],
    [['help', 'hlep'], 'hlep', 'help', TOP],
    [['overview', 'ofers'], 'ofers', 'overview offers', under('civsam overview')],
    [['help', 'ov'], 'ov', 'overview', TOP],
  ])('civsam %j suggests the nearest command in both languages', async (args, word, near, [seeDa, seeEn]) => {
    const da = await civsam(args, { env: DA });
    expect(da).toEqual({ code: 2, stdout: '', stderr: `fejl: ukendt kommando ${word}. Mente du: ${near}?\n${seeDa}\n` });
    const en = await civsam(args, { env: AT_80 });
    expect(en).toEqual({ code: 2, stdout: '', stderr: `error: unknown command ${word}. Did you mean: ${near}?\n${seeEn}\n` });
  });

  it('nothing near: no suggestion; a word that may be data: neither named nor suggested', async () => {
    expect((await civsam(['help', 'xyzzy'], { env: DA })).stderr).toBe('fejl: ukendt kommando xyzzy.\nKør civsam --help for at se kommandoer og tilvalg.\n');
    expect((await civsam(['help', 'Valdate Hansen'], { env: DA })).stderr).toBe('fejl: ukendt kommando: ordet efter civsam help er ikke en af civsams kommandoer.\nKør civsam --help for at se kommandoer og tilvalg.\n');
  });
});
