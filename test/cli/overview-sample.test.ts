// The overviews on the bundled sample data (data/), as of the date its README tells its story on,
// and the README's first command as a newcomer runs it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { civsam, ROOT } from '../helpers/cli.js';

const AS_OF = ['--as-of', '2026-11-23'];
const json = async (args: string[]) => {
  const r = await civsam(['overview', ...args, ...AS_OF, '--format', 'json']);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
};

describe('overviews on the sample data', () => {
  it('the README\'s first command works as written (from the repository, on data/)', async () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const first = /```sh\n([^\n]*)/.exec(readme)![1];
    const command = /npx civsam ([^#]*?)\s*(#|$)/.exec(first)![1].trim().split(/\s+/);
    expect(command).toEqual(['overview', 'offers']);
    const r = await civsam(command);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Offers by patient group on /);
    expect(r.stderr).toBe('');
  });

  it('expiring: what data/README.md lists for the 90 days after 2026-11-23', async () => {
    const r = await json(['expiring']);
    expect(r.entries.map((e: { agreement: { id: string }; reason: string; date: string }) => `${e.agreement.id} ${e.reason} ${e.date}`)).toEqual([
      '2024-soc-016 past-end 2026-03-31',
      '2024-sund-023 ends 2026-11-30',
      '2024-psyk-003 evaluation-due 2026-12-01',
      '2024-psyk-022 evaluation-due 2026-12-10',
      '2023-psyk-004 evaluation-due 2026-12-15',
      '2023-psyk-004 ends 2026-12-31',
      '2024-psyk-003 ends 2026-12-31',
      '2024-psyk-022 ends 2026-12-31',
      '2024-psyk-002 evaluation-due 2027-01-15',
      '2026-sund-024 ends 2027-01-31',
    ]);
  });

  it('funding: the culture pool\'s concentrated 2025, and no pool-year overcommitted', async () => {
    const r = await json(['funding']);
    const culture2025 = r.poolYears.find((p: { pool: { id: string }; year: number }) => p.pool.id === 'kultur-og-sundhed' && p.year === 2025);
    expect(culture2025.largest.organisation.id).toBe('kulturkraft-midt');
    expect(culture2025.largest.amount).toBe(450_000);
    expect(culture2025.allocated).toBe(700_000);
    expect(Math.round(culture2025.hhi)).toBe(4796);
    expect(culture2025.operation.amount).toBe(0);
    expect(r.poolYears.filter((p: { overcommitted: boolean }) => p.overcommitted)).toEqual([]);
    const general2023 = r.poolYears.find((p: { pool: { id: string }; year: number }) => p.pool.id === 'civilsamfundspuljen' && p.year === 2023);
    expect(general2023.largest.organisation.id).toBe('patientvennerne-godstrup');
    expect(general2023.largest.share).toBeCloseTo(0.377, 3);
  });

  it('coverage: the planted gaps', async () => {
    const r = await json(['coverage']);
    const gaps = Object.fromEntries(r.rows.map((row: { patientGroup: { id: string }; gaps: number }) => [row.patientGroup.id, row.gaps]));
    for (const g of ['hjemloshed', 'adhd', 'autisme']) expect(gaps[g], g).toBeGreaterThanOrEqual(10);
    expect(r.municipalities).toHaveLength(19);
  });

  it('offers --area psychiatry lists every psychiatry group, in Danish too', async () => {
    const r = await json(['offers', '--area', 'psychiatry']);
    expect(r.areas.map((a: { area: string }) => a.area)).toEqual(['psychiatry']);
    const da = await civsam(['--lang', 'da', 'overview', 'offers', '--area', 'psykiatri', ...AS_OF], { env: { COLUMNS: '100' } });
    expect(da.code).toBe(0);
    expect(da.stdout.split('\n')[0]).toBe('Tilbud pr. patientgruppe den 23. nov. 2026 · område psykiatri');
    for (const g of r.areas[0].patientGroups) expect(da.stdout).toContain(`${g.name.da} · `);
    for (const line of da.stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(100);
  });
});
