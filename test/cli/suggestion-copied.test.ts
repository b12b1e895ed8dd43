// What civsam suggests can be typed back as it was printed: `Navn (id)` is taken wherever a name
// is looked up, and a word that names no type of offer is answered with the types (there are few).
import { describe, expect, it } from 'vitest';
import { civsam } from '../helpers/cli.js';
import { baseFiles, makeFolder, org } from '../helpers/folder.js';
import { git } from '../helpers/team.js';

const DA = { CIVSAM_LANG: 'da' };

function folder(): string {
  return makeFolder({
    ...baseFiles(),
    'organisations/angstforeningen-skive.yaml': org('angstforeningen-skive', 'Angstforeningen Skive'),
    'organisations/angstforeningen-viborg.yaml': org('angstforeningen-viborg', 'Angstforeningen Viborg'),
  });
}

describe('a suggestion copied as it was printed', () => {
  it('org show takes the name with its id in brackets, as "Mente du" printed it', async () => {
    const dir = folder();
    const near = await civsam(['--data', dir, 'org', 'show', 'Angstforening Skive'], { env: DA });
    expect(near.stderr).toContain('Mente du: Angstforeningen Skive (angstforeningen-skive)');
    const r = await civsam(['--data', dir, 'org', 'show', 'Angstforeningen Skive (angstforeningen-skive)'], { env: DA });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('organisation angstforeningen-skive');
  });

  it('an option that names a vocabulary entry takes it too (--type "Samtalegruppe (peer-group)")', async () => {
    const dir = folder();
    const r = await civsam(['--data', dir, 'offer', 'list', '--type', 'Samtalegruppe (peer-group)'], { env: DA });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  });

  it('history takes the form its own suggestions print, with the kind first', async () => {
    const dir = folder();
    for (const args of [['init', '-q'], ['add', '-A'], ['commit', '-q', '-m', 'Start']]) expect(git(dir, args).code).toBe(0);
    const r = await civsam(['--data', dir, 'history', 'organisation Angstforeningen Skive (angstforeningen-skive)', '--format', 'json'], { env: DA });
    expect(r.stderr).toBe('');
    expect((JSON.parse(r.stdout) as { record: unknown }).record).toEqual({ kind: 'organisation', id: 'angstforeningen-skive' });
  });

  it('a name beside another entry\'s id is not taken', async () => {
    const dir = folder();
    const mixed = await civsam(['--data', dir, 'org', 'show', 'Angstforeningen Viborg (angstforeningen-skive)'], { env: DA });
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toContain('der er ingen organisation, der passer til det, du angav.');
  });
});

describe('a type of offer that names none', () => {
  it('lists the types by the names a user types, when nothing is close', async () => {
    const dir = folder();
    const r = await civsam(['--data', dir, 'offer', 'list', '--type', 'værested'], { env: DA });
    expect(r).toEqual({ code: 2, stdout: '', stderr: 'fejl: der er ingen tilbudstype, der passer til det, du angav ved --type. Angiv en af disse: Samtalegruppe, Rådgivning.\n' });
    const en = await civsam(['--data', dir, 'offer', 'list', '--type', 'drop-in centre']);
    expect(en.stderr).toBe('error: there is no offer type that matches what you gave for --type. Give one of these: Peer group, Helpline.\n');
  });

  it('a long vocabulary is searched, not listed', async () => {
    const files = baseFiles();
    const many = Array.from({ length: 12 }, (_, i) => `- id: m${i}\n  name: Kommune ${String.fromCharCode(65 + i)}\n`).join('');
    const dir = makeFolder({ ...files, 'vocabularies/municipalities.yaml': many, 'organisations/alpha.yaml': org('alpha', 'Alpha').replace('[aarhus]', '[m0]') });
    const r = await civsam(['--data', dir, 'org', 'list', '--municipality', 'Xyzzy Q'], { env: DA });
    expect(r.stderr).toBe('fejl: der er ingen kommune, der passer til det, du angav ved --municipality. Søg med civsam find og en del af navnet.\n');
  });
});
