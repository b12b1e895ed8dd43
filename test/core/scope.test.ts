import { describe, expect, it } from 'vitest';
import type { DataFolder } from '../../src/domain/folder.js';
import type { PatientGroup } from '../../src/domain/kinds.js';
import { concernedGroups, eligibleParties, groupTree, hearingIndex, ineligibility, overlaps, scopeOf, sharesScope } from '../../src/domain/scope.js';
import { hearingFiles, load } from '../hearing/fixture.js';

// A parent group in two areas whose children are in one: the case where "every group of the
// areas" and "a group covers the groups below it" must be read together.
const GROUPS: PatientGroup[] = [
  { id: 'psykisk-sygdom', name: { da: 'Psykisk sygdom', en: 'Mental illness' }, areas: ['psychiatry', 'social'] },
  { id: 'angst', name: { da: 'Angst', en: 'Anxiety' }, areas: ['psychiatry'], parent: 'psykisk-sygdom' },
  { id: 'depression', name: { da: 'Depression', en: 'Depression' }, areas: ['psychiatry'], parent: 'psykisk-sygdom' },
  { id: 'hjemloeshed', name: { da: 'Hjemløshed', en: 'Homelessness' }, areas: ['social'] },
  { id: 'diabetes', name: { da: 'Diabetes', en: 'Diabetes' }, areas: ['health'] },
];
const folder = { vocabularies: { patientGroups: GROUPS } } as unknown as DataFolder;

describe('patient-group scope', () => {
  const tree = groupTree(folder);

  it('a named group covers the groups below it; sibling groups do not overlap', () => {
    expect([...concernedGroups(tree, ['psykisk-sygdom'], ['psychiatry'], false)].sort()).toEqual(['angst', 'depression', 'psykisk-sygdom']);
    expect([...concernedGroups(tree, ['angst'], ['psychiatry'], true)]).toEqual(['angst']);
    expect(overlaps(concernedGroups(tree, ['angst'], [], false), concernedGroups(tree, ['depression'], [], false))).toBe(false);
    expect(overlaps(concernedGroups(tree, ['angst'], [], false), concernedGroups(tree, ['psykisk-sygdom'], [], false))).toBe(true);
  });

  it('no groups: every group of the areas (with the groups below them) when none means all, else none', () => {
    expect([...concernedGroups(tree, [], ['social'], true)].sort()).toEqual(['angst', 'depression', 'hjemloeshed', 'psykisk-sygdom']);
    expect([...concernedGroups(tree, undefined, ['health'], true)]).toEqual(['diabetes']);
    expect(concernedGroups(tree, [], ['social'], false).size).toBe(0);
  });

  it('a record\'s scope is its areas and groups, and two scopes are shared when both overlap', () => {
    const consultation = { areas: ['social' as const] };
    const party = { areas: ['social' as const, 'psychiatry' as const], patient_groups: ['angst'] };
    const healthParty = { areas: ['health' as const], patient_groups: ['angst'] };
    expect(scopeOf(tree, consultation)).toBe(scopeOf(tree, consultation));
    expect(sharesScope(scopeOf(tree, party), scopeOf(tree, consultation))).toBe(true);
    expect(sharesScope(scopeOf(tree, healthParty), scopeOf(tree, consultation))).toBe(false);
  });
});

describe('who may be heard', () => {
  it('eligibility reads scope the same way: a party heard on a group shares a consultation on the group above it', () => {
    const f = load(hearingFiles({
      'on-angst': { groups: ['angst'], since: '2020-01-01' },
      'on-all': { groups: [], since: '2020-01-01' },
      'on-diabetes': { areas: ['health'], groups: ['diabetes'], since: '2020-01-01' },
      'too-late': { groups: ['depression'], since: '2027-01-01' },
    }, { 'c-mental': { groups: ['psykisk-sygdom'], opens: '2026-06-01' } }));
    const index = hearingIndex(f);
    const c = f.records.consultation.get('c-mental')!;
    expect(eligibleParties(index, c).map((p) => p.id)).toEqual(['on-all', 'on-angst']);
    expect(ineligibility(index, f.records['hearing-party'].get('on-diabetes')!, c)).toEqual(['no-shared-area', 'no-shared-group']);
    expect(ineligibility(index, f.records['hearing-party'].get('too-late')!, c)).toEqual(['joined-after']);
  });

  it('a consultation that names no groups concerns every group of its areas and the groups below them, as the audit reads an agreement', () => {
    const vocabulary = GROUPS.map((g) => [`- id: ${g.id}`, `  name: {da: ${g.name.da}, en: ${g.name.en}}`, `  areas: [${g.areas.join(', ')}]`, ...(g.parent ? [`  parent: ${g.parent}`] : [])].join('\n')).join('\n');
    const f = load(hearingFiles({
      'on-angst': { areas: ['social', 'psychiatry'], groups: ['angst'], since: '2020-01-01' },
      'on-homelessness': { areas: ['social'], groups: ['hjemloeshed'], since: '2020-01-01' },
      'psychiatry-only': { areas: ['psychiatry'], groups: ['angst'], since: '2020-01-01' },
    }, { 'c-social': { areas: ['social'], groups: [], opens: '2026-06-01' } }, { 'vocabularies/patient-groups.yaml': `${vocabulary}\n` }));
    const c = f.records.consultation.get('c-social')!;
    expect(eligibleParties(hearingIndex(f), c).map((p) => p.id)).toEqual(['on-angst', 'on-homelessness']);
  });
});
