// A value the command line gives that the register cannot hold is said by the option (or the part
// of one) that gave it and by what is wrong with it: a year as a year (1990 to 2100, never
// "2.100"), an amount as negative or too large (not as one with øre), and never at a line of a
// file that exists only in the refused change.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { civsam } from '../helpers/cli.js';
import { baseFiles, makeFolder } from '../helpers/folder.js';
import { todayIs } from '../helpers/today.js';
import { messagesOf } from '../helpers/check.js';

const POOL = 'id: puljen\nname: Puljen\nareas: [psychiatry]\neligible_kinds: [development, operation]\nbudgets:\n  - year: 2027\n    amount_dkk: 1500000\n';
const AGREEMENT = 'id: 2027-psyk-001\ntitle: Angstcafé\norganisations: [alpha]\nareas: [psychiatry]\nmunicipalities: [skive]\nstart: 2027-01-01\nend: 2027-06-30\nstatus: active\nfunding:\n  - pool: puljen\n    year: 2027\n    kind: operation\n    amount_dkk: 900000\n';
const OFFER = 'id: cafe\norganisation: alpha\ntitle: Café\ntype: peer-group\npatient_groups: [depression]\nmunicipalities: [skive]\nactive_from: 2027-01-01\n';
const folder = () => makeFolder({ ...baseFiles(), 'pools/puljen.yaml': POOL, 'agreements/2027-psyk-001.yaml': AGREEMENT, 'offers/cafe.yaml': OFFER });
const REFUSED = 'fejl: ændringen blev afvist på grund af problemet ovenfor; intet er skrevet.\n';
const da = (dir: string, ...args: string[]) => civsam(['--data', dir, ...args, '--no-commit'], { env: { CIVSAM_LANG: 'da', COLUMNS: '200' } });

describe('a year out of range', () => {
  it('is said as a year, by the part of --funding or --budgets, or by the option, and not at a line of the file to be written', async () => {
    const dir = folder();
    const before = readFileSync(join(dir, 'agreements/2027-psyk-001.yaml'), 'utf8');
    expect(await da(dir, 'agreement', 'edit', '2027-psyk-001', '--funding', 'puljen:1800:drift:5')).toEqual({ code: 2, stdout: '', stderr: '  ÅR i --funding (PULJE:ÅR:ART:BELØB) skal være et årstal fra 1990 til 2100.\n' + REFUSED });
    expect((await da(dir, 'pool', 'edit', 'puljen', '--budgets', '2200:5')).stderr).toBe('  ÅR i --budgets (ÅR:BELØB) skal være et årstal fra 1990 til 2100.\n' + REFUSED);
    expect((await da(dir, 'pool', 'budget', 'puljen', '--year', '2200', '--amount', '5')).stderr).toBe('  --year skal være et årstal fra 1990 til 2100.\n' + REFUSED);
    expect(readFileSync(join(dir, 'agreements/2027-psyk-001.yaml'), 'utf8')).toBe(before);
  });

  it('in a file, at its line, without a thousands separator, in both languages', () => {
    const files = { ...baseFiles(), 'pools/puljen.yaml': POOL.replace('year: 2027', 'year: 1800') };
    expect(messagesOf(files, 'da')).toEqual(['pools/puljen.yaml:6:11 schema-range Budget nr. 1: år skal være et årstal fra 1990 til 2100.']);
    expect(messagesOf(files, 'en')).toEqual(['pools/puljen.yaml:6:11 schema-range Budget no. 1: year must be a year from 1990 to 2100.']);
  });
});

describe('an amount out of range', () => {
  it('is said as negative or too large, with the largest the register holds, not as one with øre', async () => {
    const dir = folder();
    expect((await da(dir, 'pool', 'budget', 'puljen', '--year', '2029', '--amount', '-1')).stderr).toBe('fejl: --amount kan ikke være et negativt tal; skriv 0 eller mere.\n');
    expect((await da(dir, 'pool', 'budget', 'puljen', '--year', '2029', '--amount', '9007199254740993')).stderr).toBe('fejl: --amount er større end det største beløb, registret kan rumme (1.000.000.000.000 kr.).\n');
    expect((await da(dir, 'pool', 'budget', 'puljen', '--year', '2029', '--amount', '2.000.000.000.000')).stderr).toBe('fejl: --amount er større end det største beløb, registret kan rumme (1.000.000.000.000 kr.).\n');
    expect((await da(dir, 'agreement', 'edit', '2027-psyk-001', '--funding', 'puljen:2027:udvikling:99999999999999999999999')).stderr).toBe('fejl: BELØB i --funding (PULJE:ÅR:ART:BELØB) er større end det største beløb, registret kan rumme (1.000.000.000.000 kr.).\n');
    expect((await da(dir, 'pool', 'edit', 'puljen', '--budgets', '2027:99999999999999999999')).stderr).toBe('fejl: BELØB i --budgets (ÅR:BELØB) er større end det største beløb, registret kan rumme (1.000.000.000.000 kr.).\n');
    expect((await da(dir, 'agreement', 'edit', '2027-psyk-001', '--funding', 'puljen:2027:drift:-5')).stderr).toBe('fejl: BELØB i --funding (PULJE:ÅR:ART:BELØB) kan ikke være et negativt tal; skriv 0 eller mere.\n');
    // A decimal is still told how to write whole kroner.
    expect((await da(dir, 'pool', 'budget', 'puljen', '--year', '2029', '--amount', '250000,00')).stderr).toBe('fejl: --amount skal være et helt antal kroner uden øre: skriv 250000 eller 250.000, ikke 250.000,00 eller 250000.00.\n');
    const en = await civsam(['--data', dir, 'pool', 'budget', 'puljen', '--year', '2029', '--amount', '-1', '--no-commit']);
    expect(en.stderr).toBe('error: --amount cannot be a negative number: write 0 or more.\n');
  });

  it('-0 is nought, written 0', async () => {
    const dir = folder();
    expect((await da(dir, 'pool', 'budget', 'puljen', '--year', '2029', '--amount', '-0')).code).toBe(0);
    expect(readFileSync(join(dir, 'pools/puljen.yaml'), 'utf8')).toContain('  - year: 2029\n    amount_dkk: 0\n');
  });
});

describe('agreement end before the agreement starts', () => {
  todayIs('2026-12-06');

  it('says it has not begun and points to cancel, or that --date is before the start, not a line of the file', async () => {
    const dir = folder();
    const notBegun = await da(dir, 'agreement', 'end', '2027-psyk-001');
    expect(notBegun.code).toBe(2);
    expect(notBegun.stderr).toMatch(/^fejl: aftale 2027-psyk-001 er endnu ikke begyndt \(den begynder den 1\. jan\. 2027\), så den kan ikke afsluttes i dag\. Bliver den ikke til noget, så annullér den: civsam agreement cancel 2027-psyk-001\.\n$/);
    const early = await da(dir, 'agreement', 'end', '2027-psyk-001', '--date', '2026-12-01');
    expect(early.stderr).toBe('fejl: aftale 2027-psyk-001 begynder den 1. jan. 2027, så den kan ikke være afsluttet den 1. dec. 2026. Angiv dens sidste dag, den 1. jan. 2027 eller senere, med --date; begyndte den aldrig, så annullér den: civsam agreement cancel 2027-psyk-001.\n');
    expect((await da(dir, 'agreement', 'end', '2027-psyk-001', '--date', '2027-03-31')).code).toBe(0);
  });

  it('offer end the same: not begun, or a --date before its first day', async () => {
    const dir = folder();
    expect((await da(dir, 'offer', 'end', 'cafe')).stderr).toBe('fejl: tilbud cafe er endnu ikke begyndt (det begynder den 1. jan. 2027), så det kan ikke slutte i dag. Bliver det ikke til noget, så fjern det: civsam offer remove cafe. Angiv ellers dets sidste dag med --date.\n');
    expect((await da(dir, 'offer', 'end', 'cafe', '--date', '2026-01-01')).stderr).toBe('fejl: tilbud cafe begynder den 1. jan. 2027, så dets sidste dag kan ikke være den 1. jan. 2026. Angiv dets sidste dag, den 1. jan. 2027 eller senere, med --date.\n');
    expect((await da(dir, 'offer', 'end', 'cafe', '--date', '2027-03-01')).code).toBe(0);
  });

  it('a date given with an option of edit is named by the option, without the quotes of a field', async () => {
    const dir = folder();
    expect((await da(dir, 'agreement', 'edit', '2027-psyk-001', '--end', '2026-01-01')).stderr).toBe('  Datoen i --end ligger før datoen i »start«. Ret en af datoerne.\n' + REFUSED);
  });
});

describe('a policy setting in civsam.yaml', () => {
  const withShare = (share: string) => ({ ...baseFiles(), 'civsam.yaml': `region:\n  name: Region Test\nlanguage: da\npolicy:\n  max_share: ${share}\n` });

  it('a number too large to count with (1e400) is said as too large, not as one to take out of quotes, and the setting in words with its key once', () => {
    expect(messagesOf(withShare('1e400'), 'da')).toEqual(['civsam.yaml:5:14 schema-type Kontrollens politik: største andel til én organisation (max_share, mellem 0 og 1) er et alt for stort tal til at regne med. Skriv et almindeligt tal.']);
    expect(messagesOf(withShare('1e400'))).toEqual(['civsam.yaml:5:14 schema-type Audit policy: largest share for one organisation (max_share, between 0 and 1) is a number far too large to count with. Write an ordinary number.']);
  });

  it('near miss: a share above 1 is said by its limit; a quoted number is still told to lose its quotes', () => {
    expect(messagesOf(withShare('1.5'), 'da')).toEqual(['civsam.yaml:5:14 schema-range Kontrollens politik: største andel til én organisation (max_share, mellem 0 og 1) må højst være 1.']);
    expect(messagesOf(withShare('"0.4"'), 'da')).toEqual(['civsam.yaml:5:14 schema-type Kontrollens politik: største andel til én organisation (max_share, mellem 0 og 1) skal være et tal, uden anførselstegn.']);
  });
});
