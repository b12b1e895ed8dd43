// For any standing list and any history, the plan is a hearing list the audit accepts: applying it
// leaves no hearing-omission, hearing-rotation, hearing-seats or hearing-out-of-scope finding.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DataFolder } from '../../src/domain/folder.js';
import { DEFAULT_POLICY, type Consultation, type HearingParty, type Organisation } from '../../src/domain/kinds.js';
import { planConsultation } from '../../src/hearing/plan.js';
import { HEARING_RULES } from '../../src/audit/hearing-rule-list.js';

const GROUPS = [
  { id: 'psykisk-sygdom', name: { da: 'Psykisk sygdom', en: 'Mental illness' }, areas: ['psychiatry' as const] },
  { id: 'depression', name: { da: 'Depression', en: 'Depression' }, areas: ['psychiatry' as const], parent: 'psykisk-sygdom' },
  { id: 'angst', name: { da: 'Angst', en: 'Anxiety' }, areas: ['psychiatry' as const], parent: 'psykisk-sygdom' },
  { id: 'diabetes', name: { da: 'Diabetes', en: 'Diabetes' }, areas: ['health' as const] },
];
const GROUP_IDS = GROUPS.map((g) => g.id);
const day = (n: number) => new Date(Date.UTC(2020, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);

const partyArb = fc.record({
  groups: fc.oneof({ weight: 3, arbitrary: fc.constant(['depression']) }, { weight: 1, arbitrary: fc.subarray(GROUP_IDS, { minLength: 0, maxLength: 2 }) }),
  health: fc.boolean(),
  since: fc.integer({ min: 0, max: 1200 }),
  withdrawn: fc.oneof({ weight: 6, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  inactiveOrg: fc.oneof({ weight: 6, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
});
// Mostly limited consultations about depression that seat the first few parties: the histories
// where a rotation can go wrong.
const consultationArb = fc.record({
  groups: fc.oneof({ weight: 3, arbitrary: fc.constant(['depression']) }, { weight: 1, arbitrary: fc.subarray(GROUP_IDS, { minLength: 1, maxLength: 2 }) }),
  opens: fc.integer({ min: 0, max: 2200 }),
  seats: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined, freq: 4 }),
  invitedPick: fc.array(fc.nat({ max: 3 }), { maxLength: 4 }),
  omitPick: fc.option(fc.nat(), { nil: undefined, freq: 1 }),
});

function folderOf(parties: HearingParty[], orgs: Organisation[], consultations: Consultation[]): DataFolder {
  return {
    dir: '/nowhere', settings: undefined, model: undefined,
    policy: { ...DEFAULT_POLICY, rotation_window: 3 },
    vocabularies: { patientGroups: GROUPS, municipalities: [], offerTypes: [] },
    records: {
      organisation: new Map(orgs.map((o) => [o.id, o])), offer: new Map(), agreement: new Map(), pool: new Map(), call: new Map(),
      'hearing-party': new Map(parties.map((p) => [p.id, p])), consultation: new Map(consultations.map((c) => [c.id, c])),
    },
    fileOf: () => undefined,
  } as DataFolder;
}

describe('the plan, applied, passes the audit', () => {
  it('for any standing list and history', () => {
    fc.assert(fc.property(fc.array(partyArb, { minLength: 1, maxLength: 8 }), fc.array(consultationArb, { minLength: 1, maxLength: 10 }), (ps, cs) => {
      const orgs: Organisation[] = ps.map((p, i) => ({ id: `o${i}`, name: `O${i}`, kind: 'other', areas: ['psychiatry', 'health'], scope: 'regional', status: p.inactiveOrg ? 'inactive' : 'active' }) as Organisation);
      const parties: HearingParty[] = ps.map((p, i) => ({
        id: `p${i}`, organisation: `o${i}`, areas: p.health ? ['health', 'psychiatry'] : ['psychiatry'],
        ...(p.groups.length ? { patient_groups: p.groups } : {}), since: day(p.since), status: p.withdrawn ? 'withdrawn' : 'active',
      }) as HearingParty);
      const consultations: Consultation[] = cs.map((c, i) => ({
        id: `c${i}`, title: `C${i}`, areas: ['psychiatry'], patient_groups: c.groups, opens: day(c.opens), deadline: day(c.opens + 40),
        selection: c.seats === undefined ? 'all' : 'limited', ...(c.seats === undefined ? {} : { seats: c.seats }),
        invited: [...new Set(c.invitedPick.map((k) => parties[k % parties.length].id))],
        ...(c.omitPick === undefined ? {} : { omitted: [{ party: parties[c.omitPick % parties.length].id, reason: 'Begrundet.' }] }),
        // The earlier ones were sent out (a planned one is no history); the target is planned.
        status: 'closed',
      }) as Consultation);
      // Plan the last one, opening after all the others, and apply it (a fresh record, as a re-read file would give).
      const target: Consultation = { ...consultations[consultations.length - 1], opens: day(2300), deadline: day(2340), status: 'planned' };
      consultations[consultations.length - 1] = target;
      const planned = planConsultation(folderOf(parties, orgs, consultations), target);
      const applied = { ...target, invited: planned.proposal, omitted: (target.omitted ?? []).filter((o) => !planned.proposal.includes(o.party)) };
      const after = folderOf(parties, orgs, consultations.map((c) => (c === target ? applied : c)));
      const found = HEARING_RULES.flatMap((r) => r.checkConsultation(after, applied, day(2290))).map((f) => f.rule).filter((r) => r !== 'hearing-short-deadline');
      expect(found).toEqual([]);
    }), { numRuns: 300, seed: 20261206 });
  });
});
