// A sheet without a header row has data where the headers should be: a contact's name must not be
// printed as a "column name". A header cell is quoted in a message only when civsam knows it as a
// header (a field's name, its Danish header, an alias, or an entry of the --map file).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { columnLabel, isKnownHeader } from '../../src/spreadsheets/import/headers.js';
import { baseFiles, makeFolder } from '../helpers/folder.js';
import { civsam } from '../helpers/cli.js';

describe('columnLabel', () => {
  it('quotes a known header and names any other column by its letter only', async () => {
    expect(columnLabel('organisation', 'patientgrupper', 2)).toBe('C (patientgrupper)');
    expect(columnLabel('organisation', ' Kontaktperson ', 5)).toBe('F (Kontaktperson)');
    expect(columnLabel('organisation', 'e-mail', 27)).toBe('AB (e-mail)'); // an alias
    expect(columnLabel('organisation', 'Jens Hansen', 5)).toBe('F');
    expect(columnLabel('organisation', 'jens@example.dk', 6)).toBe('G');
    expect(columnLabel('organisation', '', 0)).toBe('A');
    expect(columnLabel('organisation', undefined, 1)).toBe('B');
    expect(columnLabel('organisation', 'Foreningens navn', 1, new Map([['foreningensnavn', 'name']]))).toBe('B (Foreningens navn)');
    expect(isKnownHeader('offer', 'tilbudstype')).toBe(true);
    expect(isKnownHeader('offer', 'Søndervig')).toBe(false);
  });
});

describe('civsam import of a sheet without a header row', () => {
  it('never prints the first row\'s cells', async () => {
    const dir = makeFolder({ ...baseFiles() });
    const file = join(dir, 'uden-overskrift.csv');
    writeFileSync(file, 'Beta Forening;other;social;active;Aarhus;Jens Hansen;jens@example.dk\r\nGamma Forening;other;social;active;Aarhus;Ole Olsen;ole@example.dk\r\n');
    const r = await civsam(['--lang', 'da', 'import', 'organisations', file, '--dry-run', '--data', dir]);
    expect(r.code).toBe(2);
    for (const secret of ['Beta', 'Jens', 'jens@', 'Aarhus', 'social']) expect(r.stderr).not.toContain(secret);
    const columns = r.stderr.split('\n').filter((l) => l.startsWith('række 1, kolonne'));
    expect(columns.map((l) => l.slice(0, l.indexOf(':')))).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G'].map((c) => `række 1, kolonne ${c}`));
  });

  it('near miss: a sheet with a known header still names it', async () => {
    const dir = makeFolder({ ...baseFiles() });
    const file = join(dir, 'ind.csv');
    writeFileSync(file, 'navn;type;områder;status;kommuner\r\nBeta Forening;ukendt;social;active;Aarhus\r\n');
    const r = await civsam(['import', 'organisations', file, '--dry-run', '--data', dir]);
    expect(r.stderr).toContain('row 2, column B (type): ');
  });

  it('a known header with an escape code in it is quoted through the sanitiser', async () => {
    const dir = makeFolder({ ...baseFiles() });
    const file = join(dir, 'ind.csv');
    writeFileSync(file, 'navn;ty\u001b\u0007pe;områder;status;kommuner\r\nBeta Forening;ukendt;social;active;Aarhus\r\n');
    const r = await civsam(['import', 'organisations', file, '--dry-run', '--data', dir]);
    expect(r.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(r.stderr).toContain('row 2, column B (ty\uFFFD\uFFFDpe): ');
  });
});
