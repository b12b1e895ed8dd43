// The coverage matrix on the hand-built fixture (see fixture.ts). Municipalities: Aarhus, Randers, Skive.
import { describe, expect, it } from 'vitest';
import { buildCoverageReport } from '../../src/reports/coverage.js';
import { AS_OF, loadFixture } from './fixture.js';

const folder = loadFixture();
const matrix = (r: ReturnType<typeof buildCoverageReport>) =>
  Object.fromEntries(r.rows.map((row) => [row.patientGroup.id, [...r.municipalities.map((m) => row.byMunicipality[m.id]), row.total]]));

describe('overview coverage', () => {
  it('counts active offers per patient group and municipality, a regional offer in every one', () => {
    const r = buildCoverageReport(folder, AS_OF);
    expect(r.municipalities).toEqual([{ id: 'aarhus', name: 'Aarhus' }, { id: 'randers', name: 'Randers' }, { id: 'skive', name: 'Skive' }]);
    // [Aarhus, Randers, Skive, total]
    expect(matrix(r)).toEqual({
      'psykisk-sygdom': [0, 0, 1, 1], // the parent's own offer o-broad only, not its children's
      depression: [2, 2, 1, 2], //       o-two (Aarhus, Randers) + o-regional (everywhere)
      angst: [1, 1, 1, 1], //            o-regional; o-ended is over
      diabetes: [0, 1, 0, 1], //         o-diabetes ends on the day: still active
      kol: [0, 0, 0, 0],
    });
    expect(r.rows.map((row) => row.gaps)).toEqual([2, 0, 0, 2, 3]);
    // Columns count distinct offers: o-regional is for two groups but counts once.
    // Aarhus: o-two, o-regional · Randers: o-two, o-regional, o-diabetes · Skive: o-regional, o-broad.
    expect(r.totals).toEqual({ byMunicipality: { aarhus: 2, randers: 3, skive: 2 }, offers: 4, gaps: 7 });
  });

  it('--area narrows the rows, and the totals with them', () => {
    const r = buildCoverageReport(folder, AS_OF, { areas: ['psychiatry'] });
    expect(Object.keys(matrix(r))).toEqual(['psykisk-sygdom', 'depression', 'angst']);
    expect(r.totals).toEqual({ byMunicipality: { aarhus: 2, randers: 2, skive: 2 }, offers: 3, gaps: 2 });
  });

  it('a filter on a parent includes its children; on a child, that row alone', () => {
    expect(Object.keys(matrix(buildCoverageReport(folder, AS_OF, { patientGroups: ['psykisk-sygdom'] })))).toEqual(['psykisk-sygdom', 'depression', 'angst']);
    const r = buildCoverageReport(folder, AS_OF, { patientGroups: ['depression'] });
    expect(matrix(r)).toEqual({ depression: [2, 2, 1, 2] });
    expect(r.totals).toEqual({ byMunicipality: { aarhus: 2, randers: 2, skive: 1 }, offers: 2, gaps: 0 });
  });

  it('follows --as-of: the day after o-diabetes ended, Randers has no diabetes offer', () => {
    expect(matrix(buildCoverageReport(folder, '2026-06-02')).diabetes).toEqual([0, 0, 0, 0]);
  });
});
