// A party that had a seat in every one of the latest limited consultations is said to have had it
// in them all: never `havde plads i 1 af de 1 seneste høringer`.
import { describe, expect, it } from 'vitest';
import { planConsultation } from '../../src/hearing/plan.js';
import { translate } from '../../src/i18n/index.js';
import { hearingFiles, load, type ConsultationSpec } from './fixture.js';

const limited = (opens: string, invited: string[]): ConsultationSpec => ({ opens, seats: 1, invited, status: 'closed' });

function reasons(history: Record<string, ConsultationSpec>, id: string): [string, string] {
  const folder = load(hearingFiles({ pa: { since: '2015-01-01' }, pb: { since: '2016-01-01' } }, { ...history, t: { opens: '2026-06-01', seats: 1 } }));
  const plan = planConsultation(folder, folder.records.consultation.get('t')!);
  const r = plan.rows.find((x) => x.party.id === id)!.reason!;
  return [translate('en', r.key, r.params), translate('da', r.key, r.params)];
}

describe('consultation plan: a party seated in every latest consultation', () => {
  it('one consultation: the latest', () => {
    expect(reasons({ c1: limited('2026-01-10', ['pa']) }, 'pa')).toEqual([
      'had a seat in the latest consultation with limited seats; others have waited longer',
      'havde plads i den seneste høring med begrænsede pladser; andre har ventet længere',
    ]);
  });

  it('two consultations, seated in both: all of them', () => {
    expect(reasons({ c1: limited('2025-06-10', ['pa']), c2: limited('2026-01-10', ['pa']) }, 'pa')).toEqual([
      'had a seat in all the 2 latest consultations with limited seats; others have waited longer',
      'havde plads i alle de 2 seneste høringer med begrænsede pladser; andre har ventet længere',
    ]);
  });

  it('seated in some of them: how many of how many', () => {
    const [, da] = reasons({ c1: limited('2025-01-10', ['pa']), c2: limited('2025-06-10', ['pb']), c3: limited('2026-01-10', ['pa']) }, 'pa');
    expect(da).toMatch(/^havde plads i 2 af de 3 seneste høringer med begrænsede pladser; /);
  });
});
