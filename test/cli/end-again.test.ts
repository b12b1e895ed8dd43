// `agreement end` and `offer end` run a second time change nothing: the day it ended (or will end)
// is said, in words, and the file is left as it is; the day moves only by --date, and then the
// message says from what to what. An end after today is an end planned ahead: the agreement stays
// active until then, as the overviews count it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { civsam } from '../helpers/cli.js';
import { baseFiles, makeFolder } from '../helpers/folder.js';
import { todayIs } from '../helpers/today.js';

const POOL = 'id: puljen\nname: Puljen\nareas: [psychiatry]\neligible_kinds: [operation]\nbudgets:\n  - year: 2026\n    amount_dkk: 1000000\n';
const AGREEMENT = 'id: angst\ntitle: Samarbejde om angstgrupper\norganisations: [alpha]\nareas: [psychiatry]\nmunicipalities: [aarhus]\nstart: 2026-01-01\nstatus: active\nfunding:\n  - pool: puljen\n    year: 2026\n    kind: operation\n    amount_dkk: 300000\n';
const OFFER = 'id: gruppe\norganisation: alpha\ntitle: Angstgruppe\ntype: peer-group\npatient_groups: [angst]\nmunicipalities: [aarhus]\nactive_from: 2026-01-01\n';
const folder = (extra: Record<string, string> = {}) => makeFolder({ ...baseFiles(), 'pools/puljen.yaml': POOL, 'agreements/angst.yaml': AGREEMENT, 'offers/gruppe.yaml': OFFER, ...extra });
const da = (dir: string, ...args: string[]) => civsam(['--data', dir, ...args, '--no-commit'], { env: { CIVSAM_LANG: 'da', COLUMNS: '200' } });
const read = (dir: string, rel: string) => readFileSync(join(dir, rel), 'utf8');

describe('agreement end, again', () => {
  todayIs('2026-12-07');

  it('leaves an ended agreement as it is and says when it ended; the day moves only by --date, said from what to what', async () => {
    const dir = folder();
    expect(await da(dir, 'agreement', 'end', 'angst', '--date', '2026-11-30')).toMatchObject({ code: 0 });
    const ended = read(dir, 'agreements/angst.yaml');
    expect(ended).toContain('end: 2026-11-30\nstatus: ended\n');
    expect(await da(dir, 'agreement', 'end', 'angst')).toEqual({ code: 0, stdout: '', stderr: 'Ingen ændring: aftalen »Samarbejde om angstgrupper« er allerede afsluttet; den sluttede den 30. nov. 2026. Filen er ikke rørt. Er dagen forkert, så angiv den rigtige med --date.\n' });
    expect(read(dir, 'agreements/angst.yaml')).toBe(ended);
    expect(await da(dir, 'agreement', 'end', 'angst', '--date', '2026-11-30')).toMatchObject({ code: 0, stderr: expect.stringContaining('Ingen ændring: aftalen »Samarbejde om angstgrupper« er allerede afsluttet; den sluttede den 30. nov. 2026.') });
    const moved = await da(dir, 'agreement', 'end', 'angst', '--date', '2026-10-31');
    expect(moved.code).toBe(0);
    expect(moved.stderr).toContain('Slutdatoen er flyttet fra den 30. nov. 2026 til den 31. okt. 2026.\n');
    expect(read(dir, 'agreements/angst.yaml')).toContain('end: 2026-10-31\nstatus: ended\n');
  });

  it('an end after today keeps the agreement active until then, says so, and a second run leaves it', async () => {
    const dir = folder();
    const planned = await da(dir, 'agreement', 'end', 'angst', '--date', '2026-12-31');
    expect(planned.code).toBe(0);
    expect(planned.stderr).toContain('Aftalen »Samarbejde om angstgrupper« er fortsat aktiv, til den slutter den 31. dec. 2026; oversigterne og kontrollen regner den som løbende indtil da.\n');
    const after = read(dir, 'agreements/angst.yaml');
    expect(after).toContain('end: 2026-12-31\nstatus: active\n');
    expect(await da(dir, 'agreement', 'end', 'angst')).toEqual({ code: 0, stdout: '', stderr: 'Ingen ændring: aftalen »Samarbejde om angstgrupper« slutter allerede den 31. dec. 2026; filen er ikke rørt. Skal den slutte tidligere, så angiv dens sidste dag med --date (i dag: --date 2026-12-07).\n' });
    expect(read(dir, 'agreements/angst.yaml')).toBe(after);
    // The overview of what expires names it as ending then, as it does any active agreement.
    const expiring = await civsam(['--data', dir, 'overview', 'expiring', '--format', 'json']);
    expect(JSON.parse(expiring.stdout).entries.map((e: { reason: string; date: string }) => [e.reason, e.date])).toEqual([['ends', '2026-12-31']]);
  });

  it('an active agreement whose recorded end has passed is ended on that day, not today', async () => {
    const dir = folder({ 'agreements/angst.yaml': AGREEMENT.replace('status: active\n', 'end: 2026-09-30\nstatus: active\n') });
    expect((await da(dir, 'agreement', 'end', 'angst')).code).toBe(0);
    expect(read(dir, 'agreements/angst.yaml')).toContain('end: 2026-09-30\nstatus: ended\n');
  });

  it('an ended agreement with no end recorded is not given today: the user is asked for the day', async () => {
    const dir = folder({ 'agreements/angst.yaml': AGREEMENT.replace('status: active\n', 'status: ended\n') });
    const before = read(dir, 'agreements/angst.yaml');
    expect(await da(dir, 'agreement', 'end', 'angst')).toEqual({ code: 0, stdout: '', stderr: 'Ingen ændring: aftalen »Samarbejde om angstgrupper« er allerede afsluttet, men dagen, den sluttede, er ikke registreret. Filen er ikke rørt. Angiv dagen med --date.\n' });
    expect(read(dir, 'agreements/angst.yaml')).toBe(before);
  });

  it('a draft is not ended (that made it longer, or ended what never began): cancel it, or edit its planned end', async () => {
    const dir = folder({ 'agreements/angst.yaml': AGREEMENT.replace('status: active\n', 'end: 2029-01-31\nstatus: draft\n') });
    const before = read(dir, 'agreements/angst.yaml');
    for (const date of [[], ['--date', '2030-01-01'], ['--date', '2026-11-30']]) {
      expect(await da(dir, 'agreement', 'end', 'angst', ...date)).toEqual({ code: 2, stdout: '', stderr: 'fejl: aftale angst er et udkast: den er aldrig blevet indgået, så den kan ikke afsluttes. Bliver den ikke til noget, så annullér den: civsam agreement cancel angst. Skal den planlagte slutdato ændres, så brug civsam agreement edit angst --end ÅÅÅÅ-MM-DD.\n' });
      expect(read(dir, 'agreements/angst.yaml')).toBe(before);
    }
  });

  it('the help says what the default day is, as the command does it: a later recorded end is left as it is', async () => {
    const help = await civsam(['agreement', 'end', '--help'], { env: { CIVSAM_LANG: 'da', COLUMNS: '200' } });
    expect(help.stdout.replace(/\s+/g, ' ')).toContain('slutdatoen (standard: den registrerede slutdato, hvis den er passeret; er en senere slutdato registreret, ændres intet, så angiv --date for at afslutte tidligere; ellers i dag; en dag efter i dag: aftalen er aktiv til da; et udkast afsluttes ikke, men annulleres)');
    const en = await civsam(['agreement', 'end', '--help'], { env: { CIVSAM_LANG: 'en', COLUMNS: '200' } });
    expect(en.stdout.replace(/\s+/g, ' ')).toContain('the end date (default: the recorded end if already past; with a later end recorded nothing changes, so give --date to end it earlier; else today; a day after today: the agreement stays active until then; a draft is not ended but cancelled)');
  });
});

describe('offer end, again', () => {
  todayIs('2026-12-07');

  it('does not bring an ended offer back to today; its last day moves only by --date, said from what to what', async () => {
    const dir = folder();
    expect((await da(dir, 'offer', 'end', 'gruppe', '--date', '2026-12-05')).code).toBe(0);
    const ended = read(dir, 'offers/gruppe.yaml');
    expect(await da(dir, 'offer', 'end', 'gruppe')).toEqual({ code: 0, stdout: '', stderr: 'Ingen ændring: tilbuddet »Angstgruppe« er allerede slut; dets sidste dag var den 5. dec. 2026. Filen er ikke rørt. Er dagen forkert, så angiv den rigtige med --date.\n' });
    expect(read(dir, 'offers/gruppe.yaml')).toBe(ended);
    const later = await da(dir, 'offer', 'end', 'gruppe', '--date', '2027-01-31');
    expect(later.code).toBe(0);
    expect(later.stderr).toContain('Tilbuddets sidste dag er flyttet fra den 5. dec. 2026 til den 31. jan. 2027.\nTilbuddet »Angstgruppe« kører videre til og med sin sidste dag, den 31. jan. 2027.\n');
    expect(read(dir, 'offers/gruppe.yaml')).toContain('active_until: 2027-01-31\n');
    expect(await da(dir, 'offer', 'end', 'gruppe')).toEqual({ code: 0, stdout: '', stderr: 'Ingen ændring: tilbuddet »Angstgruppe« har allerede sin sidste dag den 31. jan. 2027; filen er ikke rørt. Skal det slutte tidligere, så angiv dets sidste dag med --date (i dag: --date 2026-12-07).\n' });
    expect(read(dir, 'offers/gruppe.yaml')).toContain('active_until: 2027-01-31\n');
  });
});
