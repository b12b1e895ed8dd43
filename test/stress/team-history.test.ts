// `civsam history`: a record changed by two people shows both, newest first, with the fields
// changed old → new; contact persons' values only with --include-personal-data.
import { describe, expect, test } from 'vitest';
import { baseFiles } from '../helpers/folder.js';
import { cloneAs, sharedRegister } from '../helpers/team.js';

describe('civsam history', () => {
  const { bare, home } = sharedRegister(baseFiles());
  const anna = cloneAs('Anna', bare, home);
  const bo = cloneAs('Bo', bare, home);

  test('a record changed by two authors: both, with their fields; personal values only with the flag', () => {
    expect(anna.civsam(['org', 'edit', 'alpha', '--website', 'https://alpha.example', '--contact-name', 'Karen Hansen']).code).toBe(0);
    expect(anna.civsam(['sync']).code).toBe(0);
    expect(bo.civsam(['sync']).code).toBe(0);
    expect(bo.civsam(['org', 'edit', 'alpha', '--website', 'https://alpha.example/ny', '--contact-name', 'Jens Holm']).code).toBe(0);

    const r = bo.civsam(['history', 'org', 'alpha', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.personalDataOmitted).toBe(true);
    expect(report.changes.map((c: { author: string; message: string }) => `${c.author}: ${c.message}`)).toEqual([
      'Bo: organisation alpha: hjemmeside: ændret, navn i kontakt: ændret',
      'Anna: organisation alpha: hjemmeside: sat, kontakt: sat',
      'Admin: the register',
    ]);
    expect(report.changes[0].records[0].fields).toEqual([
      { field: 'website', personal: false, old: 'https://alpha.example', new: 'https://alpha.example/ny' },
      { field: 'contact.name', personal: true, omitted: true },
    ]);
    expect(r.stdout).not.toContain('Karen');
    expect(r.stdout).not.toContain('Jens');

    const personal = JSON.parse(bo.civsam(['history', 'org', 'alpha', '--format', 'json', '--include-personal-data']).stdout);
    expect(personal.personalDataOmitted).toBe(false);
    expect(personal.changes[0].records[0].fields[1]).toEqual({ field: 'contact.name', personal: true, old: 'Karen Hansen', new: 'Jens Holm' });

    const table = bo.civsam(['history', 'organisation', 'alpha'], { COLUMNS: '200' });
    expect(table.stdout).toContain('Website: https://alpha.example → https://alpha.example/ny');
    expect(table.stdout).toContain('Contact: name: changed (personal data; shown with --include-personal-data)');
    expect(table.stdout).toContain('Kind: – → patient association');
    const md = bo.civsam(['--lang', 'da', 'history', 'org', 'alpha', '--format', 'md']);
    expect(md.stdout).toContain('# Historik for organisation alpha, nyeste først');
    expect(md.stdout).toMatch(/\| Anna \| organisation alpha: hjemmeside: sat, kontakt: sat \| ændret \| Hjemmeside: – → https:\/\/alpha\.example<br>Kontakt: navn: ændret \(personoplysninger/);
    expect(md.stdout).toContain('Art: – → patientforening');
    expect(md.stdout).not.toMatch(/\| \d{4}-\d{2}-\d{2}/);
  });

  test('the whole folder since a date, by one author', () => {
    const r = bo.civsam(['history', '--since', '2000-01-01', '--author', 'Anna', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.changes.map((c: { author: string }) => c.author)).toEqual(['Anna']);
    expect(report.changes[0].records.map((x: { kind: string; id: string }) => `${x.kind} ${x.id}`)).toEqual(['organisation alpha']);
    expect(JSON.parse(bo.civsam(['history', '--since', '2999-01-01', '--format', 'json']).stdout).changes).toEqual([]);
  });

  test('ids and dates are checked before use', () => {
    const badId = bo.civsam(['history', 'org', '../alpha']);
    expect(badId.code).toBe(2);
    expect(badId.stderr).toContain('is neither a record\'s name nor its id');
    const badKind = bo.civsam(['history', 'person', 'alpha']);
    expect(badKind.code).toBe(2);
    // A first word that is no kind is read as part of a name (history takes names without a kind): the nearest record is suggested.
    expect(badKind.stderr).toContain('Did you mean: organisation Alpha Forening (alpha)?');
    expect(bo.civsam(['history', '--since', '2026-02-30']).stderr).toContain('--since is written as a date, but the calendar has no such day');
    expect(bo.civsam(['history']).code).toBe(2);
  });
});
