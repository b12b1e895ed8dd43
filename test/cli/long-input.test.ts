// Text far longer than any name: `find` and `audit --rule` refuse it at once as every lookup does,
// and no suggestion (nearest name, "Did you mean") costs more than linear time in what was typed.
import { describe, expect, test } from 'vitest';
import { civsam } from '../helpers/cli.js';
import { baseFiles, makeFolder, org } from '../helpers/folder.js';
import { distance, enumNames, MAX_COMPARED, nearestByName, NameIndex, slips, type NamedEntry } from '../../src/domain/names.js';

/** What the reviewer typed: a word repeated into 100,000 characters. */
const LONG = 'Forening '.repeat(11112);
const DA = { env: { CIVSAM_LANG: 'da', COLUMNS: '80' } };

const entry = (id: string, name: string): NamedEntry => ({ id, names: [name], display: { da: name, en: name } });
/** Two hundred names of several words, as a region's organisations are. */
const MANY = new NameIndex(Array.from({ length: 200 }, (_, i) => entry(`forening-${i}`, `Foreningen for pårørende nummer ${i} i Midtjylland`)));

const timed = <T>(f: () => T): { value: T; ms: number } => {
  const start = performance.now();
  const value = f();
  return { value, ms: performance.now() - start };
};

describe('find and audit --rule refuse text longer than a name', () => {
  const dir = makeFolder({ ...baseFiles(), 'organisations/foreningen.yaml': org('foreningen', 'Foreningen') });

  test('find: the same limit as every lookup of a name, said as a search', async () => {
    const r = await civsam(['--data', dir, 'find', LONG], DA);
    expect(r).toEqual({ code: 2, stdout: '', stderr: 'fejl: det, du søger efter, er længere end nogen posts navn (et navn har højst 200 tegn): søg med en kortere del af navnet.\n' });
    // A near miss: 200 characters are still searched.
    const near = await civsam(['--data', dir, 'find', 'Forening'.padEnd(200, 'x'), '--format', 'json'], DA);
    expect(near.code).toBe(0);
  });

  test('audit --rule and --explain: at once, with the same limit', async () => {
    const said = (option: string) => `fejl: det, der står efter ${option}, er for langt til at være en kontrolregels id eller titel: en titel har højst 200 tegn. Skriv reglens id, for eksempel evaluation-overdue, eller dens titel.\n`;
    for (const option of ['--rule', '--explain']) {
      const { value: r, ms } = await (async () => { const start = performance.now(); const value = await civsam(['--data', dir, 'audit', option, LONG], DA); return { value, ms: performance.now() - start }; })();
      expect(r).toEqual({ code: 2, stdout: '', stderr: said(option) });
      expect(ms).toBeLessThan(2000);
    }
    // Several rules in one value may be longer than one title together.
    const many = await civsam(['--data', dir, 'audit', '--format', 'json', '--rule', Array(12).fill('agreement-expired').join(', ')], DA);
    expect(many.stderr).toBe('');
  });
});

describe('a suggestion costs no more than linear time in what was typed', () => {
  test('the edit distance compares at most MAX_COMPARED letters of each side, and is exact below that', () => {
    expect(distance('kitten', 'sitting')).toBe(3);
    expect(slips('hlep', 'help')).toBe(1);
    const a = 'a'.repeat(MAX_COMPARED);
    expect(distance(a, `${a}bbb`)).toBe(3);
    // Never less than the difference in length.
    expect(distance('x'.repeat(100_000), 'forening')).toBeGreaterThanOrEqual(100_000 - 8);
    expect(timed(() => distance(LONG, LONG.slice(1))).ms).toBeLessThan(200);
  });

  test('nearest names, closest, ranking and a fixed value among 200 names: quick for 100,000 characters', () => {
    expect(timed(() => MANY.closest(LONG)).ms).toBeLessThan(1500);
    expect(timed(() => MANY.ranked(LONG, { onlyClose: false })).ms).toBeLessThan(1500);
    expect(timed(() => MANY.resolve(LONG)).ms).toBeLessThan(1500);
    expect(timed(() => nearestByName(LONG, MANY.entries, (e) => e.names, 3)).ms).toBeLessThan(1500);
    expect(timed(() => enumNames(['active', 'inactive']).resolve(LONG)).ms).toBeLessThan(1500);
    // Still found: a name a slip away, among long text's first words.
    expect(MANY.closest('Foreningen for pårørende nummer 7 i Midtjyland')[0]?.id).toBe('forening-7');
  });
});
