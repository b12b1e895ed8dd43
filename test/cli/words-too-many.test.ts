// `application decide --criteria` takes several criteria after one flag, as `call add --criteria`
// does; and a command line with words too many says which, by what they follow, never repeating a
// word that is not shaped like an id.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { civsam } from '../helpers/cli.js';
import { baseFiles, makeFolder } from '../helpers/folder.js';

const DA = { CIVSAM_LANG: 'da' };

describe('application decide --criteria', () => {
  it('takes several criteria after one flag, by their text or id', async () => {
    const call = { id: 'c1', title: 'Opslag', areas: ['psychiatry'], scope: 'regional', published: '2026-01-05', deadline: '2026-02-01', channel: 'public', criteria: [{ id: 'kvalitet', text: { da: 'Kvalitet' } }, { id: 'daekning-af-behov', text: { da: 'Dækning af behov' } }] };
    const app = { id: 'c1-alpha', call: 'c1', organisations: ['alpha'], title: 'Samtaler', amount_dkk: 200000, kind: 'operation', received: '2026-01-20' };
    const dir = makeFolder({ ...baseFiles(), 'calls/c1.yaml': JSON.stringify(call) + '\n', 'applications/c1-alpha.yaml': JSON.stringify(app) + '\n' });
    const r = await civsam(['--data', dir, 'application', 'decide', 'c1-alpha', '--decision', 'delvist bevilget', '--date', '2026-03-01', '--amount', '100000', '--reason', 'Begrundet', '--criteria', 'kvalitet', 'Dækning af behov', '--no-commit'], { env: DA });
    expect(r.stderr).not.toContain('fejl');
    expect(r.code).toBe(0);
    expect((parse(readFileSync(join(dir, 'applications/c1-alpha.yaml'), 'utf8')) as { decision: { criteria: string[] } }).decision.criteria).toEqual(['kvalitet', 'daekning-af-behov']);
  });
});

describe('words too many', () => {
  const dir = makeFolder(baseFiles());
  const refused = async (args: string[], env: Record<string, string> = DA) => {
    const r = await civsam(['--data', dir, ...args], { env });
    expect(r.code).toBe(2);
    return r.stderr.split('\n')[0];
  };

  it('after an option\'s value: the option takes one value, so quote it; the words are not repeated', async () => {
    expect(await refused(['org', 'add', '--name', 'Jens', 'Hansen', 'Forening'])).toBe('fejl: der står 2 ord for meget efter værdien til --name: --name tager én værdi, så sæt en værdi på flere ord i anførselstegn (--name "…").');
    expect(await refused(['org', 'add', '--name', 'Jens', 'hansen'], {})).toBe('error: there is one word too many after the value of --name: --name takes one value, so put a value of several words in quotes (--name "…").');
  });

  it('after a list option\'s value: commas or the option again, not quotes (the quoted value would be refused)', async () => {
    expect(await refused(['org', 'add', '--areas', 'social', 'psykiatri'])).toBe('fejl: der står et ord for meget efter værdien til --areas: skriv flere værdier adskilt af komma (--areas VÆRDI,VÆRDI), eller skriv --areas igen foran hver af dem.');
    expect(await refused(['org', 'add', '--areas', 'social', 'psykiatri'], {})).toBe('error: there is one word too many after the value of --areas: to give several values, separate them with commas (--areas VALUE,VALUE) or give --areas again before each.');
    // Values kept whole (a rule's title may hold a comma): the option again, each value quoted.
    expect(await refused(['audit', '--rule', 'Ensidig', 'aftale'])).toBe('fejl: der står et ord for meget efter værdien til --rule: sæt en værdi på flere ord i anførselstegn, og skriv --rule igen foran hver værdi (--rule "…" --rule "…").');
  });

  it('after a web address, a date or a number: only that the words are too many, no quotes', async () => {
    expect(await refused(['org', 'add', '--website', 'https://x.dk', 'ekstra', 'ord'])).toBe('fejl: der står 2 ord for meget efter værdien til --website: --website tager én værdi uden mellemrum.');
    expect(await refused(['org', 'add', '--website', 'https://x.dk', 'ekstra'], {})).toBe('error: there is one word too many after the value of --website: --website takes one value without spaces.');
  });

  it('after the command\'s argument, named when shaped like an id', async () => {
    expect(await refused(['org', 'show', 'alpha', 'beta'])).toBe('fejl: der står et ord for meget efter id\'et (beta): civsam org show tager kun ét argument, så sæt et navn på flere ord i anførselstegn.');
    expect(await refused(['org', 'show', 'Alpha', 'Forening'])).toBe('fejl: der står et ord for meget efter id\'et: civsam org show tager kun ét argument, så sæt et navn på flere ord i anførselstegn.');
  });

  it('after a command that takes no arguments, and after an option that takes no value', async () => {
    expect(await refused(['org', 'list', 'aktiv'])).toBe('fejl: der står et ord for meget efter civsam org list (aktiv): den tager ingen argumenter, kun tilvalg.');
    expect(await refused(['org', 'add', '--dry-run', 'alpha'])).toBe('fejl: der står et ord for meget efter --dry-run: --dry-run tager ingen værdi.');
  });
});
