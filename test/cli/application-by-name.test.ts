// An application named on the command line by part of its title, its organisations' names or its
// call's title: found when only one holds what was typed, else every match is listed with its call,
// never one picked (Danish compounds hide a word inside a longer one: `foreningen` in
// `Pårørendeforeningen`).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { civsam } from '../helpers/cli.js';
import { baseFiles, makeFolder, org } from '../helpers/folder.js';

const CALL = { id: 'c1', title: 'Opslag 2026: Psykiatri', areas: ['psychiatry'], scope: 'regional', published: '2026-01-05', deadline: '2026-02-01', channel: 'public', criteria: [{ id: 'kvalitet', text: { da: 'Kvalitet' } }] };
const app = (id: string, orgId: string) => JSON.stringify({ id, call: 'c1', organisations: [orgId], amount_dkk: 1000, kind: 'development', received: '2026-01-20' }) + '\n';

function folder(): string {
  return makeFolder({
    ...baseFiles(),
    'organisations/lys.yaml': org('lys', 'Foreningen Lyspunktet'),
    'organisations/paar.yaml': org('paar', 'Pårørendeforeningen Bedre Psykiatri Viborg'),
    'organisations/sind.yaml': org('sind', 'SIND Skive og Omegn'),
    'calls/c1.yaml': JSON.stringify(CALL) + '\n',
    'applications/c1-lys.yaml': app('c1-lys', 'lys'),
    'applications/c1-paar.yaml': app('c1-paar', 'paar'),
    'applications/c1-sind.yaml': app('c1-sind', 'sind'),
  });
}
const da = (dir: string, ...args: string[]) => civsam(['--data', dir, '--lang', 'da', ...args]);
const shown = {
  lys: 'Foreningen Lyspunktet i opslaget »Opslag 2026: Psykiatri« (c1-lys)',
  paar: 'Pårørendeforeningen Bedre Psykiatri Viborg i opslaget »Opslag 2026: Psykiatri« (c1-paar)',
  sind: 'SIND Skive og Omegn i opslaget »Opslag 2026: Psykiatri« (c1-sind)',
};

describe('an application by name', () => {
  it('the call\'s title names every application in it: all are listed, with the call', async () => {
    const dir = folder();
    const r = await da(dir, 'application', 'show', 'Psykiatri');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`fejl: 3 ansøgninger passer til det, du angav: ${shown.lys}; ${shown.paar}; ${shown.sind}. Angiv mere af navnet eller titlen, eller id'et.\n`);
  });

  it('a word inside one organisation\'s name finds that application, for a write command too', async () => {
    const dir = folder();
    const r = await da(dir, 'application', 'edit', 'Viborg', '--notes', 'x', '--no-commit');
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(dir, 'applications/c1-paar.yaml'), 'utf8')).toContain('notes: x');
  });

  it('a word that begins one name and sits inside another is refused with both, and nothing is decided', async () => {
    const dir = folder();
    const before = readFileSync(join(dir, 'applications/c1-lys.yaml'), 'utf8');
    const r = await da(dir, 'application', 'decide', 'Foreningen', '--decision', 'afslag', '--criteria', 'Kvalitet', '--reason', 'x', '--no-commit');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`fejl: 2 ansøgninger passer til det, du angav: ${shown.lys}; ${shown.paar}. Angiv mere af navnet eller titlen, eller id'et.\n`);
    expect(readFileSync(join(dir, 'applications/c1-lys.yaml'), 'utf8')).toBe(before);
  });

  it('the whole name of one organisation finds its application', async () => {
    const dir = folder();
    const r = await da(dir, 'application', 'show', 'foreningen lyspunktet');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('c1-lys');
  });
});
