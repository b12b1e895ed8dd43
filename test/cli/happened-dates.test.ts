// A day something happened (an organisation registered, its contact details confirmed) is not a day
// still to come: refused, nothing written, and said where the day came from (the option, the file's
// line and column, the sheet's row and cell); today and earlier are taken.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { civsam } from '../helpers/cli.js';
import { baseFiles, makeFolder } from '../helpers/folder.js';
import { todayIs } from '../helpers/today.js';

todayIs('2026-12-06');

describe('an option for a day that has been', () => {
  it('--contact-confirmed and --registered after today are refused in words, in Danish and English; today is taken', async () => {
    const dir = makeFolder(baseFiles());
    const before = readFileSync(join(dir, 'organisations/alpha.yaml'), 'utf8');
    const da = await civsam(['org', 'edit', 'alpha', '--contact-confirmed', '2027-01-01', '--no-commit', '--data', dir], { env: { CIVSAM_LANG: 'da' } });
    expect(da).toEqual({ code: 2, stdout: '', stderr: '  --contact-confirmed ligger efter i dag (6. dec. 2026): den angiver en dato, der er passeret, fx da oplysningerne blev bekræftet. Angiv dagens dato eller en tidligere.\nfejl: ændringen blev afvist på grund af problemet ovenfor; intet er skrevet.\n' });
    const en = await civsam(['org', 'edit', 'alpha', '--registered', '2026-12-07', '--no-commit', '--data', dir]);
    expect(en.code).toBe(2);
    expect(en.stderr).toContain('--registered is after today (6 Dec 2026)');
    expect(readFileSync(join(dir, 'organisations/alpha.yaml'), 'utf8')).toBe(before);
    // Near miss: today itself.
    const today = await civsam(['org', 'edit', 'alpha', '--registered', '2026-12-06', '--no-commit', '--data', dir]);
    expect(today.code).toBe(0);
  });

  it('a day that is not in the calendar (month 13) is said as that alone, not also as after today', async () => {
    const dir = makeFolder(baseFiles());
    const file = join(dir, '..', `${dir.split('/').pop()}-month13.yaml`);
    writeFileSync(file, 'name: Beta Forening\nkind: patient-association\nareas: [psychiatry]\nmunicipalities: [aarhus]\nregistered: 2026-13-01\n');
    const add = await civsam(['org', 'add', '--from-file', file, '--no-commit', '--data', dir], { env: { CIVSAM_LANG: 'da' } });
    expect(add).toEqual({ code: 2, stdout: '', stderr: `  ${file}:5:13  Registreret er skrevet som en dato, men den dag findes ikke i kalenderen: tjek måneden (01 til 12) og dagen i måneden.\nfejl: ændringen blev afvist på grund af problemet ovenfor; intet er skrevet.\n` });
  });

  it('is refused however the day is given: a file (add and edit) is said at the day\'s line and column in it, nothing written', async () => {
    const dir = makeFolder(baseFiles());
    const before = readFileSync(join(dir, 'organisations/alpha.yaml'), 'utf8');
    const file = join(dir, '..', `${dir.split('/').pop()}-new.yaml`);
    writeFileSync(file, 'name: Beta Forening\nkind: patient-association\nareas: [psychiatry]\nmunicipalities: [aarhus]\nregistered: 2026-12-07\n');
    const add = await civsam(['org', 'add', '--from-file', file, '--no-commit', '--data', dir], { env: { CIVSAM_LANG: 'da' } });
    expect(add).toEqual({ code: 2, stdout: '', stderr: `  ${file}:5:13  Registreret ligger efter i dag (6. dec. 2026): den angiver en dato, der er passeret, fx da oplysningerne blev bekræftet. Angiv dagens dato eller en tidligere.\nfejl: ændringen blev afvist på grund af problemet ovenfor; intet er skrevet.\n` });
    const lines = before.split('\n').length;
    writeFileSync(file, `${before}contact:\n  confirmed: 2027-03-01\n`);
    const edit = await civsam(['org', 'edit', 'alpha', '--from-file', file, '--no-commit', '--data', dir]);
    expect(edit.code).toBe(2);
    expect(edit.stderr).toContain(`${file}:${lines + 1}:14  Contact: confirmed is after today (6 Dec 2026)`);
    expect(edit.stderr).not.toContain('--contact-confirmed');
    // An option given besides the file is said by the option.
    const both = await civsam(['org', 'edit', 'alpha', '--from-file', file, '--contact-confirmed', '2027-04-01', '--no-commit', '--data', dir]);
    expect(both.stderr).toContain('  --contact-confirmed is after today (6 Dec 2026)');
    expect(readFileSync(join(dir, 'organisations/alpha.yaml'), 'utf8')).toBe(before);
    // Near miss: a day already in the record, after today, is not judged again when other fields change.
    writeFileSync(join(dir, 'organisations/alpha.yaml'), `${before}registered: 2027-01-01\n`);
    const other = await civsam(['org', 'edit', 'alpha', '--notes', 'Ny note', '--no-commit', '--data', dir]);
    expect(other.code).toBe(0);
  });

  it('is refused in a sheet at the row and cell that give it; the other rows go in with --skip-invalid', async () => {
    const dir = makeFolder(baseFiles());
    const sheet = join(dir, '..', `${dir.split('/').pop()}-orgs.csv`);
    writeFileSync(sheet, 'navn,type,områder,rækkevidde,registreret\nForeningen Gamma,patientforening,psykiatri,regional,2027-02-01\nForeningen Delta,patientforening,psykiatri,regional,2026-12-06\n');
    const r = await civsam(['import', 'organisationer', sheet, '--no-commit', '--data', dir], { env: { CIVSAM_LANG: 'da' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('række 2, kolonne E (registreret): datoen ligger efter i dag (6. dec. 2026): den angiver en dato, der er passeret, fx da oplysningerne blev bekræftet. Skriv dagens dato eller en tidligere i cellen.\n');
    expect(r.stderr).not.toContain('--registered');
    expect(existsSync(join(dir, 'organisations/foreningen-gamma.yaml'))).toBe(false);
    // A dry run runs every check the real run does: the same refusal, by row, and the same exit code.
    const dry = await civsam(['import', 'organisationer', sheet, '--dry-run', '--data', dir], { env: { CIVSAM_LANG: 'da' } });
    expect(dry.code).toBe(2);
    expect(dry.stderr).toContain('række 2, kolonne E (registreret): datoen ligger efter i dag (6. dec. 2026): den angiver en dato, der er passeret, fx da oplysningerne blev bekræftet. Skriv dagens dato eller en tidligere i cellen.\n');
    const rejected = join(dir, '..', `${dir.split('/').pop()}-rejected.csv`);
    const skip = await civsam(['import', 'organisationer', sheet, '--skip-invalid', '--rejected', rejected, '--no-commit', '--data', dir], { env: { CIVSAM_LANG: 'da' } });
    expect(skip.code).toBe(1);
    expect(existsSync(join(dir, 'organisations/foreningen-gamma.yaml'))).toBe(false);
    // Near miss: today is a day that has been.
    expect(existsSync(join(dir, 'organisations/foreningen-delta.yaml'))).toBe(true);
  });
});
