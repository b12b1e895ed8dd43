// An option that takes several values (`--criteria a b`, `--unset end notes`, `--point "…" "…"`)
// takes every word after it; a record's id written after its values was read as one more value and
// the command said the id was missing. Where the command takes exactly its id, the last word is
// the id; where it takes a list of arguments too, it says to write the id before the option.
// Run on a copy of the sample folder, with --dry-run: the same change as written the usual way.
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, civsam } from '../helpers/cli.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'civsam-list-options-'));
  cpSync(join(ROOT, 'data'), dir, { recursive: true });
});
const da = (...args: string[]) => civsam(['--data', dir, ...args], { env: { CIVSAM_LANG: 'da', COLUMNS: '200' } });

const APP = '2025-civilsamfundspuljen-gryden-horsens';
const DECIDE = ['application', 'decide', '--decision', 'refused', '--date', '2025-12-01', '--reason', 'Lavere rækkevidde', '--no-commit', '--dry-run'];

describe('the id after the values of an option that takes several', () => {
  it('reaches its argument: the same change as with the id first, for every such option of a command that takes one id', async () => {
    const cases: Array<[string[], string[]]> = [
      [[...DECIDE, '--criteria', 'reach', 'need', APP], [...DECIDE.slice(0, 2), APP, ...DECIDE.slice(2), '--criteria', 'reach', 'need']],
      // Options after the values too: they keep their place (--dry-run is still a dry run).
      [['pool', 'edit', '--criteria', 'Lige adgang', 'Nye målgrupper', 'civilsamfundspuljen', '--dry-run', '--no-commit'], ['pool', 'edit', 'civilsamfundspuljen', '--criteria', 'Lige adgang', 'Nye målgrupper', '--dry-run', '--no-commit']],
      [['org', 'edit', '--no-commit', '--dry-run', '--unset', 'website', 'notes', 'lyspunktet'], ['org', 'edit', 'lyspunktet', '--no-commit', '--dry-run', '--unset', 'website', 'notes']],
    ];
    for (const [after, before] of cases) {
      const expected = await da(...before);
      expect(expected.code, before.join(' ')).toBe(0);
      expect(expected.stdout).toContain('+++ ');
      expect(await da(...after), after.join(' ')).toEqual(expected);
    }
    // Nothing was written: every run was a dry run.
    expect(readFileSync(join(dir, 'pools', 'civilsamfundspuljen.yaml'), 'utf8')).toBe(readFileSync(join(ROOT, 'data', 'pools', 'civilsamfundspuljen.yaml'), 'utf8'));
  });

  it('is refused, saying to write it before the option, where the command takes a list of arguments too or the option has no value to spare', async () => {
    const respond = await da('consultation', 'respond', '--date', '2026-10-02', '--no-commit', '--dry-run', '--point', 'Ønsker længere frist', '2026-model-civilsamfund', 'lyspunktet');
    expect(respond).toEqual({
      code: 2, stdout: '',
      stderr: 'fejl: argumentet id mangler. Skrevet efter --point læses det som en af de værdier, --point tager: skriv det før --point.\nKør civsam consultation respond --help for at se dens argumenter og tilvalg.\n',
    });
    const alone = await civsam(['--data', dir, 'pool', 'edit', '--no-commit', '--criteria', 'civilsamfundspuljen']);
    expect(alone).toEqual({
      code: 2, stdout: '',
      stderr: 'error: the argument id is missing. Written after --criteria, it is read as one of the values --criteria takes: write it before --criteria.\nRun civsam pool edit --help to see its arguments and options.\n',
    });
  });

  it('a command without arguments keeps every word as the option\'s values', async () => {
    const r = await da('pool', 'add', '--name', 'Ny pulje', '--areas', 'health', '--eligible-kinds', 'development', '--budgets', '2027:500000', '--no-commit', '--dry-run', '--criteria', 'Nye målgrupper', 'Samarbejde på tværs');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('+      da: Nye målgrupper\n');
    expect(r.stdout).toContain('+      da: Samarbejde på tværs\n');
  });
});
