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
  it.each([
    [['help', 'valdate'], 'valdate', 'validate'],
    [['valdate'], 'valdate', 'validate'],
    [['help', 'org', 'ad'], 'ad', 'org add'],
    [['org', 'ad'], 'ad', 'org add'],
    [['help', 'hlep'], 'hlep', 'help'],
    [['overview', 'ofers'], 'ofers', 'overview offers'],
    [['help', 'ov'], 'ov', 'overview'],
  ])('civsam %j suggests the nearest command in both languages', async (args, word, near) => {
    const da = await civsam(args, { env: DA });
    expect(da).toEqual({ code: 2, stdout: '', stderr: `fejl: ukendt kommando ${word}. Mente du: ${near}?\nKør civsam --help for at se kommandoer og tilvalg.\n` });
    const en = await civsam(args, { env: AT_80 });
    expect(en).toEqual({ code: 2, stdout: '', stderr: `error: unknown command ${word}. Did you mean: ${near}?\nRun civsam --help to see the commands and options.\n` });
  });

  it('nothing near: no suggestion; a word that may be data: neither named nor suggested', async () => {
    expect((await civsam(['help', 'xyzzy'], { env: DA })).stderr).toBe('fejl: ukendt kommando xyzzy.\nKør civsam --help for at se kommandoer og tilvalg.\n');
    expect((await civsam(['help', 'Valdate Hansen'], { env: DA })).stderr).toBe('fejl: ukendt kommando.\nKør civsam --help for at se kommandoer og tilvalg.\n');
  });
});
