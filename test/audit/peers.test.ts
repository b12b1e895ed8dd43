// The peer index against the definition itself (issue 5), on random folders: the index must find
// exactly the organisations a direct reading of the definition finds, in id order.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DataFolder } from '../../src/domain/folder.js';
import type { Agreement, Organisation } from '../../src/domain/kinds.js';
import { PeerIndex } from '../../src/audit/peers.js';
import { fails, runAudit } from '../../src/audit/run.js';
import { RULES } from '../../src/audit/registry.js';
import { DEFAULT_POLICY } from '../../src/domain/kinds.js';

const AREAS = ['social', 'psychiatry', 'health'] as const;
const MUNICIPALITIES = ['aarhus', 'randers', 'skive', 'viborg'];
// psykisk-sygdom is the parent of depression and angst.
const GROUPS = [
  { id: 'psykisk-sygdom', name: { da: 'Psykisk sygdom', en: 'Mental illness' }, areas: ['psychiatry' as const] },
  { id: 'depression', name: { da: 'Depression', en: 'Depression' }, areas: ['psychiatry' as const], parent: 'psykisk-sygdom' },
  { id: 'angst', name: { da: 'Angst', en: 'Anxiety' }, areas: ['psychiatry' as const], parent: 'psykisk-sygdom' },
  { id: 'ensomhed', name: { da: 'Ensomhed', en: 'Loneliness' }, areas: ['social' as const] },
  { id: 'diabetes', name: { da: 'Diabetes', en: 'Diabetes' }, areas: ['health' as const] },
];
const DATES = ['2020-01-01', '2024-06-01', '2025-01-01', '2025-06-01'];

function folderOf(orgs: Organisation[], agreements: Agreement[]): DataFolder {
  return {
    dir: '/nowhere', settings: undefined, policy: { ...DEFAULT_POLICY }, model: undefined,
    vocabularies: { patientGroups: GROUPS, municipalities: MUNICIPALITIES.map((id) => ({ id, name: id })), offerTypes: [] },
    records: {
      organisation: new Map(orgs.map((o) => [o.id, o])), offer: new Map(), agreement: new Map(agreements.map((a) => [a.id, a])),
      pool: new Map(), call: new Map(), 'hearing-party': new Map(), consultation: new Map(),
    },
    fileOf: () => undefined,
  };
}

const subset = <T>(xs: readonly T[], min = 0) => fc.subarray([...xs], { minLength: min });
const reach = fc.oneof(
  subset(MUNICIPALITIES, 1).map((municipalities) => ({ municipalities })),
  fc.constantFrom({ scope: 'regional' as const }, { scope: 'national' as const }),
);
const orgArb = fc.record({
  areas: subset(AREAS, 1), patient_groups: subset(GROUPS.map((g) => g.id)), reach, active: fc.boolean(),
  registered: fc.option(fc.constantFrom(...DATES), { nil: undefined }),
  inactiveSince: fc.option(fc.constantFrom(...DATES), { nil: undefined }),
});

/** The definition read directly: every organisation checked against the agreement. */
function naivePeers(folder: DataFolder, a: Agreement, cutoff: string): string[] {
  const below = (g: string): string[] => [g, ...GROUPS.filter((x) => x.parent === g).flatMap((x) => below(x.id))];
  // An agreement naming no areas has its organisations' areas.
  const aAreas: string[] = a.areas?.length ? a.areas : a.organisations.flatMap((id) => folder.records.organisation.get(id)?.areas ?? []);
  const aGroups = new Set((a.patient_groups?.length ? a.patient_groups : GROUPS.filter((g) => g.areas.some((x) => aAreas.includes(x))).map((g) => g.id)).flatMap(below));
  const aReach = a.scope ? MUNICIPALITIES : a.municipalities ?? [];
  return [...folder.records.organisation.values()].filter((o) =>
    // Active on the cut-off date: active, or made inactive only after it (even if inactive today).
    (o.status === 'active' || (o.inactive_since !== undefined && o.inactive_since > cutoff)) && !a.organisations.includes(o.id)
    && o.areas.some((x) => aAreas.includes(x))
    && (o.patient_groups ?? []).flatMap(below).some((g) => aGroups.has(g))
    && (o.scope ? MUNICIPALITIES : o.municipalities ?? []).some((m) => aReach.includes(m))
    && (o.registered === undefined || o.registered <= cutoff),
  ).map((o) => o.id).sort();
}

/** Random folders of `minOrgs` to `maxOrgs` organisations (ids `org-00`…, numbered backwards) checked against the definition. */
function matchesDefinition(minOrgs: number, maxOrgs: number, numRuns: number): void {
  const width = String(maxOrgs - 1).length;
  const id = (n: number) => `org-${String(n).padStart(width, '0')}`;
  const agreementOf = fc.record({
    areas: subset(AREAS), patient_groups: subset(GROUPS.map((g) => g.id)), reach, start: fc.constantFrom(...DATES),
    parties: fc.array(fc.nat(maxOrgs - 1), { minLength: 1, maxLength: 2 }),
  });
  fc.assert(fc.property(fc.array(orgArb, { minLength: minOrgs, maxLength: maxOrgs, size: 'max' }), fc.array(agreementOf, { minLength: 1, maxLength: 5 }), fc.constantFrom(...DATES), (os, as, cutoff) => {
    const orgs: Organisation[] = os.map((o, i) => ({
      id: id(maxOrgs - 1 - i), name: `Org ${i}`, kind: 'other', areas: o.areas, patient_groups: o.patient_groups,
      ...o.reach, status: o.active ? 'active' : 'inactive', ...(o.registered ? { registered: o.registered } : {}),
      ...(!o.active && o.inactiveSince ? { inactive_since: o.inactiveSince } : {}),
    } as Organisation));
    const agreements: Agreement[] = as.map((a, i) => ({
      id: `a${i}`, title: 't', organisations: [...new Set(a.parties.map(id))] as [string, ...string[]],
      areas: a.areas, patient_groups: a.patient_groups, ...a.reach, start: a.start, status: 'active',
    } as Agreement));
    const folder = folderOf(orgs, agreements);
    const index = new PeerIndex(folder);
    for (const a of agreements) {
      expect(index.peersOf(a).map((o) => o.id)).toEqual(naivePeers(folder, a, a.start));
      expect(index.peersOf(a, cutoff).map((o) => o.id)).toEqual(naivePeers(folder, a, cutoff));
    }
  }), { numRuns, seed: 5 });
}

describe('peers', () => {
  it('are exactly the organisations the definition names, in id order', () => {
    matchesDefinition(1, 10, 300);
  });

  // The index keeps organisations as bits, 32 to a word: past the first word, and at its last bit.
  it('are found the same way among more organisations than one word of the index holds', () => {
    matchesDefinition(40, 100, 100);
  });
});

describe('runAudit', () => {
  const org = (id: string, areas: Organisation['areas'], extra: Partial<Organisation> = {}) =>
    ({ id, name: id, kind: 'other', areas, municipalities: ['aarhus'], status: 'active', ...extra } as Organisation);
  // Two stale contacts (one per area) and one expired agreement: two warnings.
  const folder = folderOf(
    [org('soc', ['social'], { contact: { name: 'x', confirmed: '2020-01-01' } }), org('psy', ['psychiatry'], { contact: { name: 'y', confirmed: '2020-01-01' } })],
    [{ id: 'a1', title: 't', organisations: ['psy'], areas: ['psychiatry'], municipalities: ['aarhus'], start: '2024-01-01', end: '2025-12-31', status: 'active', established_by: { call: 'c' } } as Agreement],
  );
  const rules = RULES.filter((r) => r.id === 'stale-contact' || r.id === 'agreement-expired');

  it('counts findings per rule and severity on the date given', () => {
    const { findings, summary } = runAudit(folder, rules, { asOf: '2026-11-23' });
    expect(findings.map((f) => `${f.rule} ${f.subject.id}`)).toEqual(['agreement-expired a1', 'stale-contact psy', 'stale-contact soc']);
    expect(summary).toEqual({ asOf: '2026-11-23', findings: 3, errors: 0, warnings: 3, byRule: { 'agreement-expired': 1, 'stale-contact': 2 } });
    expect(runAudit(folder, rules, { asOf: '2025-12-31' }).summary.byRule).toEqual({ 'agreement-expired': 0, 'stale-contact': 2 });
  });

  it('narrows to the findings whose subject belongs to an area', () => {
    const { findings, summary } = runAudit(folder, rules, { asOf: '2026-11-23', area: 'social' });
    expect(findings.map((f) => `${f.rule} ${f.subject.id}`)).toEqual(['stale-contact soc']);
    expect(summary.byRule).toEqual({ 'agreement-expired': 0, 'stale-contact': 1 });
  });

  it('fails at or above the chosen severity', () => {
    const { findings } = runAudit(folder, rules, { asOf: '2026-11-23' });
    expect([fails(findings, 'error'), fails(findings, 'warning'), fails(findings, 'never')]).toEqual([false, true, false]);
    expect(fails([{ ...findings[0], severity: 'error' }], 'error')).toBe(true);
  });
});
