// The seat plan on a hand-built history: the expected proposal is worked out below from the
// definitions in issue 6, then compared with what planConsultation chooses.
import { describe, expect, it } from 'vitest';
import { draftConsultation, planConsultation } from '../../src/hearing/plan.js';
import { translate } from '../../src/i18n/index.js';
import { hearingFiles, load, type ConsultationSpec, type PartySpec } from './fixture.js';
import { org } from '../helpers/folder.js';

// Everyone here is heard on psychiatry / depression, and the policy's rotation_window is 4.
const PARTIES: Record<string, PartySpec> = {
  pa: { since: '2015-01-01' },
  pb: { since: '2016-01-01' },
  pc: { since: '2017-01-01' },
  pd: { since: '2018-01-01' },
  pe: { since: '2019-01-01' },
  pf: { since: '2026-01-01' }, // joined recently, never invited
  pg: { since: '2014-01-01', status: 'withdrawn' }, // not eligible
};
const limited = (opens: string, invited: string[], extra: Partial<ConsultationSpec> = {}): ConsultationSpec => ({ opens, seats: 2, invited, status: 'closed', ...extra });

// Seven earlier consultations of overlapping scope, six of them limited, and one of another scope:
//   c1 2024-01-10 limited  pd pe
//   c2 2024-06-10 limited  pa pb
//   c3 2025-01-10 limited  pa pc
//   c4 2025-06-10 limited  pb pe
//   a1 2025-09-01 all      pa pb pc pd pe        (not limited: not in the rotation history)
//   c5 2025-11-10 limited  pa pe                 (pa answered)
//   c6 2026-03-10 limited  pc pb
//   x1 2026-04-01 limited  pa, about diabetes in health: no overlap, ignored
// The rotation history of t (opens 2026-06-01) is the latest 4 limited ones: c3, c4, c5, c6.
// Consultations of that history since each party's last seat:
//   pa: last seat c5 → 1    pb: c6 → 0    pc: c6 → 0    pe: c5 → 1
//   pd: only in c1, outside the window → never seated (first)    pf: never seated
// Order: never seated first, by time on the list (pd 2018 before pf 2026); then waited 1: pa (2015)
// before pe (2019); then waited 0: pb (2016), pc (2017).
const HISTORY: Record<string, ConsultationSpec> = {
  c1: limited('2024-01-10', ['pd', 'pe']),
  c2: limited('2024-06-10', ['pa', 'pb']),
  c3: limited('2025-01-10', ['pa', 'pc']),
  c4: limited('2025-06-10', ['pb', 'pe']),
  a1: { opens: '2025-09-01', invited: ['pa', 'pb', 'pc', 'pd', 'pe'], status: 'closed' },
  c5: limited('2025-11-10', ['pa', 'pe'], { responses: [['pa', '2025-12-01']] }),
  c6: limited('2026-03-10', ['pc', 'pb']),
  x1: limited('2026-04-01', ['pa'], { areas: ['health'], groups: ['diabetes'] }),
};

function folderWith(target: ConsultationSpec) {
  const files = hearingFiles(PARTIES, { ...HISTORY, t: target });
  files['civsam.yaml'] += 'policy:\n  rotation_window: 4\n';
  return load(files);
}

const reasonOf = (plan: ReturnType<typeof planConsultation>, id: string, lang: 'en' | 'da' = 'en') => {
  const r = plan.rows.find((x) => x.party.id === id)!.reason!;
  return translate(lang, r.key, r.params);
};

describe('consultation plan: limited seats', () => {
  it('three seats go to the two never seated and the longer-listed of the two who waited one', () => {
    const folder = folderWith({ opens: '2026-06-01', seats: 3 });
    const plan = planConsultation(folder, folder.records.consultation.get('t')!);
    expect(plan.rotation.map((c) => c.id)).toEqual(['c3', 'c4', 'c5', 'c6']);
    expect(plan.proposal).toEqual(['pd', 'pf', 'pa']);
    expect(plan.rows.map((r) => [r.party.id, r.waited, r.proposed])).toEqual([
      ['pd', null, true], ['pf', null, true], ['pa', 1, true],
      ['pb', 0, false], ['pc', 0, false], ['pe', 1, false],
    ]);
    // Every eligible party gets one line: pd and pf were never seated in c3–c6; pa and pe both last
    // sat in c5, and pa joined the list earlier; pb sat in c4 and c6, pc in c3 and c6.
    expect(reasonOf(plan, 'pd')).toBe('waits longest: no seat in the 4 latest consultations with limited seats');
    expect(reasonOf(plan, 'pf')).toBe('waits longest: no seat in the 4 latest consultations with limited seats');
    expect(reasonOf(plan, 'pa')).toBe('no seat in the latest consultation with limited seats; last seated in “Høring c5”; others waited as long, but this party has been on the hearing list longer');
    expect(reasonOf(plan, 'pe')).toBe('no seat in the latest consultation with limited seats; last seated in “Høring c5”; those proposed waited as long, but have been on the hearing list longer');
    expect(reasonOf(plan, 'pb')).toBe('had a seat in 2 of the 4 latest consultations with limited seats; others have waited longer');
    expect(reasonOf(plan, 'pc')).toBe('had a seat in 2 of the 4 latest consultations with limited seats; others have waited longer');
    expect(reasonOf(plan, 'pb', 'da')).toBe('havde plads i 2 af de 4 seneste høringer med begrænsede pladser; andre har ventet længere');
    expect(reasonOf(plan, 'pd', 'da')).toBe('venter længst: ingen plads i de 4 seneste høringer med begrænsede pladser');
  });

  it('four seats: pe joins without a tie to explain', () => {
    const folder = folderWith({ opens: '2026-06-01', seats: 4 });
    const plan = planConsultation(folder, folder.records.consultation.get('t')!);
    expect(plan.proposal).toEqual(['pd', 'pf', 'pa', 'pe']);
    expect(reasonOf(plan, 'pe')).toBe('has waited longer than those not proposed: no seat in the latest consultation with limited seats; last seated in “Høring c5”');
  });

  it('shows each party\'s record over the latest 4 earlier consultations of any selection', () => {
    // The window: c4, a1, c5, c6. pa was invited to a1 and c5 and answered c5.
    const folder = folderWith({ opens: '2026-06-01', seats: 3 });
    const plan = planConsultation(folder, folder.records.consultation.get('t')!);
    expect(plan.window.map((c) => c.id)).toEqual(['c4', 'a1', 'c5', 'c6']);
    expect(plan.rows.find((r) => r.party.id === 'pa')!.record).toEqual({ invited: 2, lastInvited: { id: 'c5', opens: '2025-11-10' }, answered: 1 });
    expect(plan.rows.find((r) => r.party.id === 'pf')!.record).toEqual({ invited: 0, answered: 0 });
  });

  it('a party listed under omitted with a reason is not proposed', () => {
    const folder = folderWith({ opens: '2026-06-01', seats: 3, omitted: [['pd', 'Inhabil.']] });
    const plan = planConsultation(folder, folder.records.consultation.get('t')!);
    expect(plan.proposal).toEqual(['pf', 'pa', 'pe']);
    expect(plan.rows.find((r) => r.party.id === 'pd')!.omittedReason).toBe('Inhabil.');
    // Seated (pe, last in c5, waited longer than pb and pc), waiting (pb), left out (pd), in Danish.
    expect(reasonOf(plan, 'pe', 'da')).toBe('har ventet længere end de ikke foreslåede: ingen plads i den seneste høring med begrænsede pladser; sidst plads i »Høring c5«');
    expect(reasonOf(plan, 'pb', 'da')).toBe('havde plads i 2 af de 4 seneste høringer med begrænsede pladser; andre har ventet længere');
    expect(reasonOf(plan, 'pd', 'da')).toBe('udeladt: Inhabil.');
  });

  it('equal wait and equal time on the list: chosen by name in Danish alphabetical order (æ, ø, å last), said with the two names', () => {
    // Ids in the order aa, mm, zz; names in the order Angstforeningen (mm), Bipolarforeningen (zz), Ældresagen (aa).
    const files = hearingFiles(
      { zz: { since: '2020-01-01', org: 'bipolar' }, aa: { since: '2020-01-01', org: 'aeldresagen' }, mm: { since: '2020-01-01', org: 'angst' } },
      { t: { opens: '2026-06-01', seats: 2 } },
      { 'organisations/bipolar.yaml': org('bipolar', 'Bipolarforeningen'), 'organisations/aeldresagen.yaml': org('aeldresagen', 'Ældresagen Midt'), 'organisations/angst.yaml': org('angst', 'Angstforeningen') },
    );
    const folder = load(files);
    const plan = planConsultation(folder, folder.records.consultation.get('t')!);
    expect(plan.proposal).toEqual(['mm', 'zz']);
    // The tie-break said in words, with the two names it decided between, so the order can be seen.
    expect(reasonOf(plan, 'zz')).toBe('others joined the hearing list the same day, so alphabetical order of their names decided: Bipolarforeningen comes before Ældresagen Midt');
    expect(reasonOf(plan, 'aa')).toBe('those proposed joined the hearing list the same day, so alphabetical order of their names decided: Bipolarforeningen comes before Ældresagen Midt');
    expect(reasonOf(plan, 'zz', 'da')).toBe('andre kom på høringslisten samme dag, så afgjorde alfabetisk rækkefølge efter navn: Bipolarforeningen kommer før Ældresagen Midt');
    expect(reasonOf(plan, 'aa', 'da')).toBe('de foreslåede kom på høringslisten samme dag, så afgjorde alfabetisk rækkefølge efter navn: Bipolarforeningen kommer før Ældresagen Midt');
  });
});

describe('consultation plan: selection all and a consultation not yet registered', () => {
  it('selection all proposes every eligible party, by id', () => {
    const folder = folderWith({ opens: '2026-06-01' });
    const plan = planConsultation(folder, folder.records.consultation.get('t')!);
    expect(plan.proposal).toEqual(['pa', 'pb', 'pc', 'pd', 'pe', 'pf']);
  });
  it('a draft from areas, patient groups, an opening date and seats is planned the same way', () => {
    const folder = folderWith({ opens: '2026-06-01' });
    const plan = planConsultation(folder, draftConsultation({ areas: ['psychiatry'], patient_groups: ['depression'], opens: '2026-06-01', seats: 3 }));
    expect(plan.proposal).toEqual(['pd', 'pf', 'pa']);
  });
  it('a party that joins after the opening date is not eligible', () => {
    const folder = folderWith({ opens: '2026-06-01' });
    const plan = planConsultation(folder, draftConsultation({ areas: ['psychiatry'], patient_groups: ['depression'], opens: '2025-12-31' }));
    expect(plan.proposal).toEqual(['pa', 'pb', 'pc', 'pd', 'pe']);
  });
});

describe('consultation plan: only consultations that were opened are history', () => {
  // o1 was sent out to both; d1, with one seat for pa, is still planned although its opening day
  // has passed: it invited nobody, so it is neither a seat for pa nor a turn passed over for pb.
  const files = hearingFiles({ pa: { since: '2015-01-01' }, pb: { since: '2016-01-01' } }, {
    o1: { opens: '2025-01-10', invited: ['pa', 'pb'], status: 'closed' },
    d1: { opens: '2025-06-01', seats: 1, invited: ['pa'], status: 'planned' },
    t: { opens: '2026-06-01', seats: 1 },
  });

  it('a planned consultation whose opening day has passed counts neither in the history nor as a seat', () => {
    const folder = load(files);
    const plan = planConsultation(folder, folder.records.consultation.get('t')!, '2026-05-01');
    expect(plan.window.map((c) => c.id)).toEqual(['o1']);
    expect(plan.rotation).toEqual([]);
    expect(plan.rows.find((r) => r.party.id === 'pa')!.record).toEqual({ invited: 1, lastInvited: { id: 'o1', opens: '2025-01-10' }, answered: 0 });
    expect(plan.proposal).toEqual(['pa']);
  });

  it('once opened it counts: pa had the seat, so pb waits longest', () => {
    const opened = { ...files, 'consultations/d1.yaml': files['consultations/d1.yaml'].replace('status: planned', 'status: closed') };
    const folder = load(opened);
    const plan = planConsultation(folder, folder.records.consultation.get('t')!, '2026-05-01');
    expect(plan.rotation.map((c) => c.id)).toEqual(['d1']);
    expect(plan.proposal).toEqual(['pb']);
  });
});

describe('consultation plan: the first round with limited seats goes by invitations', () => {
  // No earlier consultation with limited seats; three sent to everyone eligible:
  //   a0 2024-06-01  pb              a1 2025-01-10  pa pb pc pd      a2 2025-09-01  pa pb pc
  // pd was last invited longest ago (a1); pa, pb and pc last in a2, pb to three, pa and pc to two;
  // pa joined the list before pc. So: pd, then pa and pc (invited less than pb), pa before pc.
  const folder = load(hearingFiles({ pa: { since: '2015-01-01' }, pb: { since: '2016-01-01' }, pc: { since: '2017-01-01' }, pd: { since: '2020-01-01' } }, {
    a0: { opens: '2024-06-01', invited: ['pb'], status: 'closed' },
    a1: { opens: '2025-01-10', invited: ['pa', 'pb', 'pc', 'pd'], status: 'closed' },
    a2: { opens: '2025-09-01', invited: ['pa', 'pb', 'pc'], status: 'closed' },
    t2: { opens: '2026-06-01', seats: 2 },
    t3: { opens: '2026-06-01', seats: 3 },
  }));

  it('three seats: the one waiting longest for an invitation, then those invited less', () => {
    const plan = planConsultation(folder, folder.records.consultation.get('t3')!);
    expect(plan.rotation).toEqual([]);
    expect(plan.proposal).toEqual(['pd', 'pa', 'pc']);
    expect(reasonOf(plan, 'pd')).toBe('has waited longer for an invitation than those not proposed');
    expect(reasonOf(plan, 'pa')).toBe('others have waited as long for an invitation, but this party was invited to fewer of the latest consultations on the subject');
    expect(reasonOf(plan, 'pb')).toBe('those proposed have waited as long for an invitation, but were invited to fewer of the latest consultations on the subject');
    expect(reasonOf(plan, 'pd', 'da')).toBe('har ventet længere på en invitation end de ikke foreslåede');
    expect(reasonOf(plan, 'pb', 'da')).toBe('de foreslåede har ventet lige så længe på en invitation, men er inviteret til færre af de seneste høringer om emnet');
  });

  it('two seats: between two invited as often and as lately, the longer on the hearing list', () => {
    const plan = planConsultation(folder, folder.records.consultation.get('t2')!);
    expect(plan.proposal).toEqual(['pd', 'pa']);
    expect(reasonOf(plan, 'pa', 'da')).toBe('andre har ventet lige så længe på en invitation og er inviteret lige så ofte, men denne part har været længere på høringslisten');
    expect(reasonOf(plan, 'pc', 'da')).toBe('de foreslåede har ventet lige så længe på en invitation og er inviteret lige så ofte, men har været længere på høringslisten');
  });

  it('a party never invited to the latest consultations on the subject waits longest of all', () => {
    const withNew = load(hearingFiles({ pa: { since: '2015-01-01' }, pn: { since: '2024-01-01' } }, {
      a1: { opens: '2025-01-10', invited: ['pa'], status: 'closed' },
      t: { opens: '2026-06-01', seats: 1 },
    }));
    const plan = planConsultation(withNew, withNew.records.consultation.get('t')!);
    expect(plan.proposal).toEqual(['pn']);
    expect(reasonOf(plan, 'pn', 'da')).toBe('har ventet længere på en invitation end de ikke foreslåede');
    expect(reasonOf(plan, 'pa', 'da')).toBe('de foreslåede har ventet længere på en invitation');
  });
});
