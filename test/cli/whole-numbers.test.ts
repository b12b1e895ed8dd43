// Numbers given on the command line keep their value: a dot, space or underscore is a thousands
// separator only between groups of three digits, so a decimal is refused instead of losing its
// separator (`250.00` once became 25000). Run on a copy of the sample folder, in Danish.
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readWholeNumber, readYear, withoutCurrency } from '../../src/domain/whole-numbers.js';
import { parseFlag } from '../../src/register/build.js';
import { FIELDS } from '../../src/register/fields.js';
import { UserError } from '../../src/domain/errors.js';
import { translate } from '../../src/i18n/index.js';
import { parseInteger } from '../../src/spreadsheets/import/cells.js';
import { ROOT, civsam } from '../helpers/cli.js';

const APP = '2025-civilsamfundspuljen-gryden-horsens';
const AMOUNT = 'fejl: --amount skal være et helt antal kroner uden øre: skriv 250000 eller 250.000, ikke 250.000,00 eller 250000.00.\n';

function sample(): string {
  const dir = mkdtempSync(join(tmpdir(), 'civsam-numbers-'));
  cpSync(join(ROOT, 'data'), dir, { recursive: true });
  return dir;
}
const da = (dir: string, ...args: string[]) => civsam(['--data', dir, ...args, '--no-commit'], { env: { CIVSAM_LANG: 'da', COLUMNS: '80' } });
const spec = (kind: keyof typeof FIELDS, path: string) => FIELDS[kind].find((f) => f.path === path)!;
const refusal = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    if (e instanceof UserError) return translate('da', e.userMessage.key, e.userMessage.params);
    throw e;
  }
  return 'accepted';
};

describe('a whole number as people write it', () => {
  it('reads a separator only between groups of three digits', () => {
    expect(['250000', '250.000', '250 000', '250_000', '1.500.000', '1 500 000', ' 42 ', '-3'].map((s) => readWholeNumber(s))).toEqual([250000, 250000, 250000, 250000, 1500000, 1500000, 42, -3]);
    for (const bad of ['250.00', '1.5', '3.5', '2.5', '2,5', '250.000,00', '1.50.000', '1..500', '.500', '500.', '12345.678', 'fem', '', '1e3', '99999999999999999999'])
      expect(readWholeNumber(bad), bad).toBeUndefined();
  });

  it('refuses a decimal in every flag that takes numbers, saying how to write it', () => {
    expect(refusal(() => parseFlag(spec('application', 'amount_dkk'), '250.00'))).toBe('--amount skal være et helt antal kroner uden øre: skriv 250000 eller 250.000, ikke 250.000,00 eller 250000.00.');
    expect(parseFlag(spec('application', 'amount_dkk'), '1.500.000')).toBe(1500000);
    expect(refusal(() => parseFlag(spec('consultation', 'seats'), '2.5'))).toBe('--seats skal være et helt tal.');
    expect(refusal(() => parseFlag(spec('call', 'score_scale.max'), '4.5'))).toBe('--score-scale-max skal være et helt tal.');
    expect(refusal(() => parseFlag(spec('application', 'years'), ['2026', '2027.5']))).toBe('--years skal være årstal med fire cifre adskilt med komma, fx 2027,2028.');
    expect(refusal(() => parseFlag(spec('agreement', 'funding'), 'puljen:2027:operation:250.00'))).toBe('BELØB i --funding (PULJE:ÅR:ART:BELØB) skal være et helt antal kroner, fx 400000.');
    expect(parseFlag(spec('agreement', 'funding'), 'puljen:2027:operation:250.000')).toEqual([{ pool: 'puljen', year: 2027, kind: 'operation', amount_dkk: 250000 }]);
    expect(refusal(() => parseFlag(spec('pool', 'budgets'), '2027:3.5'))).toBe('--budgets skal være ÅR:BELØB, fx 2027:2500000.');
    expect(parseFlag(spec('pool', 'budgets'), '2027:2 500 000')).toEqual([{ year: 2027, amount_dkk: 2500000 }]);
  });

  it('reads a spreadsheet cell by the same rule, with its own separators (a comma too, never a decimal)', () => {
    expect(['450.000', '450,000', '450 000 kr.'].map(parseInteger)).toEqual([{ value: 450000 }, { value: 450000 }, { value: 450000 }]);
    for (const bad of ['450_000', '4.50', '45,00']) expect(parseInteger(bad)).toEqual({ problem: { key: 'import.value.integer' } });
  });

  it('refuses a number with two kinds of separator: one of them is a decimal mark, and which cannot be told', () => {
    for (const bad of ['1.500,000', '1,500.000', '1 500.000', '1.500 000 kr.']) expect(parseInteger(bad), bad).toEqual({ problem: { key: 'import.value.integer' } });
    for (const bad of ['1.500_000', '1_500.000']) expect(readWholeNumber(bad), bad).toBeUndefined();
    // A space and a no-break space are one separator (a number copied from a document mixes them).
    expect(['1 500\u00a0000', '1.500.000', '1,500,000'].map(parseInteger)).toEqual([{ value: 1500000 }, { value: 1500000 }, { value: 1500000 }]);
  });
});

describe('commands that take an amount or seats', () => {
  it('application edit --amount keeps thousands and refuses decimals, leaving the file as it was', async () => {
    const dir = sample();
    const file = join(dir, 'applications', `${APP}.yaml`);
    const before = readFileSync(file, 'utf8');
    for (const amount of ['250.00', '1.5', '2,5']) {
      expect(await da(dir, 'application', 'edit', APP, '--amount', amount)).toEqual({ code: 2, stdout: '', stderr: AMOUNT });
    }
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect((await da(dir, 'application', 'edit', APP, '--amount', '250.000')).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('amount_dkk: 250000\n');
  });

  it('application decide --amount and pool budget --amount refuse a decimal', async () => {
    const dir = sample();
    expect(await da(dir, 'application', 'decide', APP, '--decision', 'partly', '--date', '2025-06-01', '--amount', '1.5')).toEqual({ code: 2, stdout: '', stderr: AMOUNT });
    const pool = join(dir, 'pools', 'civilsamfundspuljen.yaml');
    const before = readFileSync(pool, 'utf8');
    expect(await da(dir, 'pool', 'budget', 'civilsamfundspuljen', '--year', '2027', '--amount', '3.5')).toEqual({ code: 2, stdout: '', stderr: AMOUNT });
    expect(readFileSync(pool, 'utf8')).toBe(before);
    expect((await da(dir, 'pool', 'budget', 'civilsamfundspuljen', '--year', '2027', '--amount', '1.500.000')).code).toBe(0);
    expect(readFileSync(pool, 'utf8')).toMatch(/year: 2027\n\s+amount_dkk: 1500000\n/);
  });

  it('consultation edit --seats below 1 is refused as a number of seats, before it is counted against those invited', async () => {
    const dir = sample();
    for (const seats of ['-1', '0']) {
      expect(await da(dir, 'consultation', 'edit', '2025-panel-udskrivning', `--seats=${seats}`)).toEqual({ code: 2, stdout: '', stderr: 'fejl: --seats skal være et helt tal på mindst 1.\n' });
    }
    expect(await da(dir, 'consultation', 'edit', '2025-panel-udskrivning', '--seats', '2.5')).toEqual({ code: 2, stdout: '', stderr: 'fejl: --seats skal være et helt tal.\n' });
  });
});

describe('a year is four digits', () => {
  // `2.027` reads as a whole number with a thousands separator (2027); no one writes a year so.
  const YEAR = 'fejl: --year skal være et årstal med fire cifre, fx 2027.\n';

  it('is read only as four digits', () => {
    expect(['2027', ' 2027 '].map((s) => readYear(s))).toEqual([2027, 2027]);
    for (const bad of ['2.027', '2 027', '2_027', '2027.0', '27', '20270', '-2027', '２０２７', '', 'i år']) expect(readYear(bad), bad).toBeUndefined();
  });

  it('in every flag that takes a year, with how to write one', () => {
    expect(refusal(() => parseFlag(spec('application', 'years'), '2026,2.027'.split(',')))).toBe('--years skal være årstal med fire cifre adskilt med komma, fx 2027,2028.');
    expect(refusal(() => parseFlag(spec('agreement', 'funding'), 'puljen:2.027:operation:250000'))).toBe('ÅR i --funding (PULJE:ÅR:ART:BELØB) skal være et årstal med fire cifre, fx 2027.');
    expect(refusal(() => parseFlag(spec('pool', 'budgets'), '2.027:2500000'))).toBe('ÅR i --budgets (ÅR:BELØB) skal være et årstal med fire cifre, fx 2027.');
    expect(parseFlag(spec('pool', 'budgets'), '2027:2.500.000')).toEqual([{ year: 2027, amount_dkk: 2500000 }]);
  });

  it('pool budget, call ranking and the funding overview refuse --year 2.027 in both languages, leaving the pool as it was', async () => {
    const dir = sample();
    const pool = join(dir, 'pools', 'civilsamfundspuljen.yaml');
    const before = readFileSync(pool, 'utf8');
    for (const year of ['2.027', '2 027', '27']) {
      expect(await da(dir, 'pool', 'budget', 'civilsamfundspuljen', '--year', year, '--amount', '100000')).toEqual({ code: 2, stdout: '', stderr: YEAR });
    }
    expect(readFileSync(pool, 'utf8')).toBe(before);
    const en = await civsam(['--data', dir, 'pool', 'budget', 'civilsamfundspuljen', '--year', '2.027', '--amount', '100000', '--no-commit']);
    expect(en).toEqual({ code: 2, stdout: '', stderr: 'error: --year must be a year of four digits, e.g. 2027.\n' });
    expect(await civsam(['--data', dir, 'call', 'ranking', '2025-civilsamfundspuljen', '--year', '2.027'], { env: { CIVSAM_LANG: 'da' } })).toEqual({ code: 2, stdout: '', stderr: YEAR });
    expect(await civsam(['--data', dir, 'overview', 'funding', '--year', '2.027'], { env: { CIVSAM_LANG: 'da' } })).toEqual({ code: 2, stdout: '', stderr: YEAR });
    expect(await civsam(['--data', dir, 'export', 'overview', 'funding', '--year', '2.027', '--output', join(dir, '..', 'funding.xlsx')], { env: { CIVSAM_LANG: 'da' } })).toEqual({ code: 2, stdout: '', stderr: YEAR });
  });
});

describe('a report kind is offered as the user types it', () => {
  it('agreement report without --kind for a new due date lists the kinds in the language', async () => {
    const dir = sample();
    expect(await da(dir, 'agreement', 'report', '2023-psyk-004', '--due', '2027-03-01', '--received', '2027-03-01')).toEqual({
      code: 2, stdout: '',
      stderr: 'fejl: aftale 2023-psyk-004 har ingen afrapportering med frist 1. mar. 2027. Angiv dens --kind (statusrapport, slutrapport eller regnskab) for at tilføje den.\n',
    });
    // What it lists is what the command takes.
    expect((await da(dir, 'agreement', 'report', '2023-psyk-004', '--due', '2027-03-01', '--kind', 'slutrapport', '--received', '2027-03-01')).code).toBe(0);
  });

  it("audit --explain report-overdue writes the command with --kind and the kinds' words", async () => {
    const r = await civsam(['audit', '--explain', 'report-overdue'], { env: { CIVSAM_LANG: 'da', COLUMNS: '80' } });
    expect(r.stdout).toContain('civsam agreement report ID --due DATO --kind ART --received DATO, hvor ART er\nstatusrapport, slutrapport eller regnskab.\n');
    const en = await civsam(['audit', '--explain', 'report-overdue'], { env: { COLUMNS: '80' } });
    expect(en.stdout.replace(/\s+/g, ' ')).toContain('civsam agreement report ID --due DATE --kind KIND --received DATE, where KIND is progress report, final report or accounts.');
  });
});

describe('an amount typed at a question, as it is written in Danish', () => {
  it('the unit before or after the number is no part of it; a decimal stays refused', () => {
    const read = (t: string) => readWholeNumber(withoutCurrency(t));
    for (const t of ['250.000 kr.', '250.000 kr', 'kr. 250.000', '250 000', '250 000 kroner', '250000 DKK', ' 250.000 Kr ']) expect(read(t), t).toBe(250000);
    for (const t of ['250.000,00 kr.', '12,5 kr.', 'kr.', 'kroner', '250.00 kr.']) expect(read(t), t).toBeUndefined();
    // Text that is no amount is left as typed, for its own message.
    expect(withoutCurrency('kr.')).toBe('kr.');
  });
});
