// `sync --mine` and `--theirs` take the records to decide for as every command takes a record: by
// kind and name or id, or by a name alone, with "Did you mean" for a name that matches none.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { cloneAs, sharedRegister, type Member } from '../helpers/team.js';

const DA = { CIVSAM_LANG: 'da' };
const website = (m: Member) => /website: (.*)\n/.exec(readFileSync(join(m.dir, 'organisations/alpha.yaml'), 'utf8'))?.[1];

test('a conflict decided by the record\'s name; a misspelt name is refused with the closest', () => {
  const { bare, home } = sharedRegister();
  const anna = cloneAs('Anna', bare, home);
  const bo = cloneAs('Bo', bare, home);
  expect(anna.civsam(['org', 'edit', 'alpha', '--website', 'https://anna.example']).code).toBe(0);
  expect(anna.civsam(['sync']).code).toBe(0);
  expect(bo.civsam(['org', 'edit', 'alpha', '--website', 'https://bo.example']).code).toBe(0);
  expect(bo.civsam(['sync']).code).toBe(2);

  const typo = bo.civsam(['sync', '--theirs', 'org', 'Alfa Forening'], DA);
  expect(typo.code).toBe(2);
  expect(typo.stderr).toBe('fejl: der er ingen organisation, der passer til det, du angav. Mente du: Alpha Forening (alpha)?\n');
  const kindOnly = bo.civsam(['sync', '--theirs', 'org'], DA);
  expect(kindOnly).toMatchObject({ code: 2, stderr: 'fejl: skriv postens navn eller id efter arten: civsam sync --theirs org NAVN. Sæt et navn på flere ord i anførselstegn.\n' });
  // The option the user gave is the one the advice names.
  expect(bo.civsam(['sync', '--mine', 'organisation'], DA).stderr).toContain('civsam sync --mine org NAVN.');
  expect(website(bo)).toBe('https://bo.example');

  // A name of several words without quotes, and no kind: the record of any kind with that name.
  const r = bo.civsam(['sync', '--theirs', 'Alpha', 'Forening'], DA);
  expect(r.code, r.stderr).toBe(0);
  expect(website(bo)).toBe('https://anna.example');
});

test('by kind and name, in quotes, keeping one\'s own version', () => {
  const { bare, home } = sharedRegister();
  const anna = cloneAs('Anna', bare, home);
  const bo = cloneAs('Bo', bare, home);
  expect(anna.civsam(['org', 'edit', 'alpha', '--website', 'https://anna.example']).code).toBe(0);
  expect(anna.civsam(['sync']).code).toBe(0);
  expect(bo.civsam(['org', 'edit', 'alpha', '--website', 'https://bo.example']).code).toBe(0);
  const r = bo.civsam(['sync', '--mine', 'organisation', 'Alpha Forening']);
  expect(r.code, r.stderr).toBe(0);
  expect(website(bo)).toBe('https://bo.example');
});

test('a file edited by hand and not committed: sync says it is not sent, by name, and how to send it', () => {
  const { bare, home } = sharedRegister();
  const bo = cloneAs('Bo', bare, home);
  const file = join(bo.dir, 'organisations/alpha.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace(/^name: .*$/m, 'name: Alpha Håndrettet'));
  const r = bo.civsam(['sync'], DA);
  expect(r.code, r.stderr).toBe(0);
  expect(r.stderr).toBe('Allerede i takt med den fælles mappe: intet at sende eller hente.\n'
    + '1 fil er rettet i hånden og ikke sendt: registrér den med civsam doctor --record, og kør så civsam sync igen.\n'
    + `  ${bo.dir}/organisations/alpha.yaml\n`);
});

test('a conflict decided by the colleague\'s new name of the record', () => {
  const { bare, home } = sharedRegister();
  const anna = cloneAs('Anna', bare, home);
  const bo = cloneAs('Bo', bare, home);
  expect(anna.civsam(['org', 'edit', 'alpha', '--name', 'Alpha Midt']).code).toBe(0);
  expect(anna.civsam(['sync']).code).toBe(0);
  expect(bo.civsam(['org', 'edit', 'alpha', '--name', 'Alpha Vest']).code).toBe(0);
  expect(bo.civsam(['sync']).code).toBe(2);
  const r = bo.civsam(['sync', '--theirs', 'org', 'Alpha Midt'], DA);
  expect(r.code, r.stderr).toBe(0);
  expect(readFileSync(join(bo.dir, 'organisations/alpha.yaml'), 'utf8')).toMatch(/^name: Alpha Midt$/m);
});
