// Agreements expiring soon on the hand-built fixture (see fixture.ts). As of 2026-06-01 with the
// default 90 days, the window ends 2026-08-30.
import { describe, expect, it } from 'vitest';
import { buildExpiringReport } from '../../src/reports/expiring.js';
import { AS_OF, loadFixture, overviewFiles } from './fixture.js';

const folder = loadFixture();
const rows = (r: ReturnType<typeof buildExpiringReport>) => r.entries.map((e) => `${e.date} ${e.agreement.id} ${e.reason} ${e.days}`);

describe('overview expiring', () => {
  it('lists ends and evaluations in the window and active agreements past their end, by date', () => {
    const r = buildExpiringReport(folder, AS_OF, 90);
    expect(r.until).toBe('2026-08-30');
    expect(rows(r)).toEqual([
      '2026-03-31 a-expired past-end -62', //          still active two months after its end (30 + 31 + 1 days)
      '2026-06-15 a-over evaluation-due 14',
      '2026-06-30 a-over ends 29',
      '2026-08-30 a-later evaluation-due 90', //       the window's last day counts; its end (Dec) is outside
    ]);
    // Not listed: a-evaluation-past (evaluation was due yesterday: the audit's evaluation-overdue, not an
    // expiry), a-draft and a-cancelled (end 2026-07-01, but not active), a-shared (ended), a-two-pools (2027).
    expect(r.totals).toEqual({ agreements: 3, ends: 1, evaluationDue: 2, pastEnd: 1 });
    expect(r.entries[2]).toEqual({
      agreement: { id: 'a-over', title: 'Aftale a-over', status: 'active', start: '2026-01-01', end: '2026-06-30', evaluationDue: '2026-06-15' },
      organisations: [{ id: 'delta', name: 'Delta Diabetesforening' }],
      reason: 'ends', date: '2026-06-30', days: 29,
      pools: [{ id: 'pool-general', name: 'Almen pulje' }],
    });
  });

  it('--within sets the window: 89 days leaves out the last day, 0 keeps only what is past its end', () => {
    expect(rows(buildExpiringReport(folder, AS_OF, 89))).toHaveLength(3);
    expect(rows(buildExpiringReport(folder, AS_OF, 0))).toEqual(['2026-03-31 a-expired past-end -62']);
  });

  it('--organisation and --area narrow it', () => {
    expect(rows(buildExpiringReport(folder, AS_OF, 90, { organisations: ['delta'] }))).toEqual(['2026-06-15 a-over evaluation-due 14', '2026-06-30 a-over ends 29']);
    // The fixture's agreements name no areas, so they have their organisations' (the audit's
    // definition): delta works in health, nobody in social.
    expect(rows(buildExpiringReport(folder, AS_OF, 90, { areas: ['health'] }))).toEqual(['2026-06-15 a-over evaluation-due 14', '2026-06-30 a-over ends 29']);
    expect(rows(buildExpiringReport(folder, AS_OF, 90, { areas: ['social'] }))).toEqual([]);
    // Areas an agreement names are its own, whatever its organisations do.
    const files = overviewFiles();
    files['agreements/a-over.yaml'] += 'areas: [social]\n';
    const tagged = loadFixture(files);
    expect(rows(buildExpiringReport(tagged, AS_OF, 90, { areas: ['social'] }))).toEqual(['2026-06-15 a-over evaluation-due 14', '2026-06-30 a-over ends 29']);
    expect(rows(buildExpiringReport(tagged, AS_OF, 90, { areas: ['health'] }))).toEqual([]);
  });
});
