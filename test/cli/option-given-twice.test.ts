// An option that takes one value, given twice, is refused by name (exit 2) on every command: which
// value was meant is the user's to say (commander would keep the last one silently). Options that
// take several values, and flags without a value, may be given again.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { civsam } from '../helpers/cli.js';
import { baseFiles, makeFolder } from '../helpers/folder.js';

const DA = { CIVSAM_LANG: 'da' };

describe('an option that takes one value, given twice', () => {
  it('org add --name X --name Y writes nothing and names the option', async () => {
    const dir = makeFolder(baseFiles());
    const r = await civsam(['--data', dir, 'org', 'add', '--name', 'Xylofon', '--name', 'Ypsilon', '--kind', 'andet', '--areas', 'sundhed', '--scope', 'regional', '--no-commit'], { env: DA });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('fejl: tilvalget --name er angivet mere end én gang, men kan kun have én værdi: angiv det én gang med den værdi, du mener.\n');
    expect(readdirSync(join(dir, 'organisations'))).toEqual(['alpha.yaml']);
  });

  it('in English, and for global options and other commands too', async () => {
    const dir = makeFolder(baseFiles());
    const data = await civsam(['--data', dir, 'org', 'list', '--data', dir]);
    expect(data.code).toBe(2);
    expect(data.stderr).toBe('error: the option --data was given more than once, but it takes one value: give it once, with the value you mean.\n');
    const format = await civsam(['--data', dir, 'overview', 'offers', '--format', 'json', '--format', 'csv']);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('the option --format was given more than once');
    const lang = await civsam(['--data', dir, '--lang', 'da', 'validate', '--lang', 'en']);
    expect(lang.code).toBe(2);
    expect(lang.stderr).toContain('--lang');
  });

  it('near miss: a list option and a flag may be given again', async () => {
    const dir = makeFolder(baseFiles());
    const r = await civsam(['--data', dir, 'org', 'add', '--name', 'Ny', '--kind', 'andet', '--areas', 'sundhed', '--areas', 'social', '--scope', 'regional', '--dry-run', '--dry-run'], { env: DA });
    expect(r.stderr).not.toContain('fejl');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('+areas: [health, social]');
  });
});
