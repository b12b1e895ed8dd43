// The three-way merge of one record that two people changed in their own copies: every change of
// either side is kept, lists of entries are merged entry by entry (an assessment is its assessor's),
// lists of ids as sets, and only the same field or entry changed on both sides is a conflict.
import { describe, expect, test } from 'vitest';
import { mergeRecord } from '../../src/domain/record-merge.js';

const APP = { id: 'a1', call: 'c1', organisations: ['alpha'], amount_dkk: 1000, kind: 'development', received: '2026-01-20' };
const scored = (assessor: string, reach: number) => ({ assessor, date: '2026-02-10', scores: [{ criterion: 'reach', score: reach }] });

describe('mergeRecord', () => {
  test('two assessors who each add an assessment: both are kept, yours first, no conflict', () => {
    const r = mergeRecord('application', APP, { ...APP, assessments: [scored('B', 4)] }, { ...APP, assessments: [scored('C', 2)] });
    expect(r.conflicts).toEqual([]);
    expect(r.merged.assessments).toEqual([scored('B', 4), scored('C', 2)]);
  });

  test('the same assessor changed on both sides: one entry in conflict, resolved to the side preferred; the others kept', () => {
    const base = { ...APP, assessments: [scored('B', 3)] };
    const mine = { ...APP, assessments: [scored('B', 4), scored('D', 1)] };
    const theirs = { ...APP, assessments: [scored('B', 2), scored('C', 2)] };
    expect(mergeRecord('application', base, mine, theirs)).toEqual({ merged: { ...APP, assessments: [scored('B', 4), scored('D', 1), scored('C', 2)] }, conflicts: [{ field: 'assessments', items: [{ position: 1, keys: [] }] }] });
    expect(mergeRecord('application', base, mine, theirs, 'theirs').merged.assessments).toEqual([scored('B', 2), scored('D', 1), scored('C', 2)]);
  });

  test('one assessor added on both sides under two spellings of the name is one entry in conflict, not two assessments of one person', () => {
    const r = mergeRecord('application', APP, { ...APP, assessments: [scored('Renée Holm', 4)] }, { ...APP, assessments: [scored('rene\u0301e  holm', 2)] });
    expect(r).toEqual({ merged: { ...APP, assessments: [scored('Renée Holm', 4)] }, conflicts: [{ field: 'assessments', items: [{ position: 1, keys: [] }] }] });
  });

  test('an entry removed on one side and left alone on the other is removed; removed on one and changed on the other is a conflict', () => {
    const base = { ...APP, assessments: [scored('B', 3), scored('C', 3)] };
    const r = mergeRecord('application', base, { ...APP, assessments: [scored('C', 3)] }, { ...APP, assessments: [scored('B', 3), scored('C', 3), scored('D', 1)] });
    expect(r).toEqual({ merged: { ...APP, assessments: [scored('C', 3), scored('D', 1)] }, conflicts: [] });
    const changed = mergeRecord('application', base, { ...APP, assessments: [scored('C', 3)] }, { ...APP, assessments: [scored('B', 5), scored('C', 3)] });
    // Gone from your list, the entry is said by its place in the shared one; an assessor is never shown.
    expect(changed.conflicts).toEqual([{ field: 'assessments', items: [{ position: 1, keys: [] }] }]);
  });

  test('responses by party, funding lines by pool, year and kind, budgets by year', () => {
    const consultation = { id: 'h1', title: 'Høring', areas: ['psychiatry'], opens: '2026-01-01', deadline: '2026-02-01', selection: 'all', status: 'open', responses: [{ party: 'p1', received: '2026-01-10' }] };
    const mine = { ...consultation, responses: [{ party: 'p1', received: '2026-01-10', points: [{ summary: 'Mere tid' }] }] };
    const theirs = { ...consultation, responses: [...consultation.responses, { party: 'p2', received: '2026-01-12' }] };
    expect(mergeRecord('consultation', consultation, mine, theirs)).toEqual({ merged: { ...consultation, responses: [...mine.responses, { party: 'p2', received: '2026-01-12' }] }, conflicts: [] });

    const line = (year: number, amount: number) => ({ pool: 'p', year, kind: 'operation', amount_dkk: amount });
    const agreement = { id: 'g1', title: 'Aftale', organisations: ['alpha'], start: '2026-01-01', status: 'active', funding: [line(2026, 100)] };
    const both = mergeRecord('agreement', agreement, { ...agreement, funding: [line(2026, 100), line(2027, 200)] }, { ...agreement, funding: [line(2026, 150)] });
    expect(both).toEqual({ merged: { ...agreement, funding: [line(2026, 150), line(2027, 200)] }, conflicts: [] });
    const same = mergeRecord('agreement', agreement, { ...agreement, funding: [line(2026, 120)] }, { ...agreement, funding: [line(2026, 150)] });
    expect(same.conflicts).toEqual([{ field: 'funding', items: [{ position: 1, keys: [['pool', 'p'], ['year', 2026], ['kind', 'operation']] }] }]);

    const pool = { id: 'p', name: 'Pulje', areas: ['psychiatry'], eligible_kinds: ['operation'], budgets: [{ year: 2026, amount_dkk: 1 }] };
    expect(mergeRecord('pool', pool, { ...pool, budgets: [...pool.budgets, { year: 2027, amount_dkk: 2 }] }, { ...pool, budgets: [...pool.budgets, { year: 2028, amount_dkk: 3 }] }).merged.budgets)
      .toEqual([{ year: 2026, amount_dkk: 1 }, { year: 2027, amount_dkk: 2 }, { year: 2028, amount_dkk: 3 }]);
  });

  test('a response both sides changed is merged field by field, its points by their summary: a point added on one side and another decided on the other is no conflict', () => {
    const point = (summary: string, disposition?: string) => ({ summary, ...(disposition ? { disposition, reason: 'Fordi' } : {}) });
    const consultation = { id: 'h1', title: 'Høring', areas: ['psychiatry'], opens: '2026-01-01', deadline: '2026-02-01', selection: 'all', status: 'open', responses: [{ party: 'p1', received: '2026-01-10', points: [point('Mere tid'), point('Flere penge')] }] };
    const mine = { ...consultation, responses: [{ party: 'p1', received: '2026-01-10', points: [point('Mere tid'), point('Flere penge'), point('Kortere skema')] }] };
    const theirs = { ...consultation, responses: [{ party: 'p1', received: '2026-01-10', points: [point('Mere tid', 'not'), point('Flere penge')] }] };
    expect(mergeRecord('consultation', consultation, mine, theirs)).toEqual({ merged: { ...consultation, responses: [{ party: 'p1', received: '2026-01-10', points: [point('Mere tid', 'not'), point('Flere penge'), point('Kortere skema')] }] }, conflicts: [] });
    // Near miss: the same point decided differently on both sides is a conflict of that point, within that party's response.
    const other = { ...consultation, responses: [{ party: 'p1', received: '2026-01-10', points: [point('Mere tid'), point('Flere penge', 'partly')] }] };
    const decided = { ...consultation, responses: [{ party: 'p1', received: '2026-01-10', points: [point('Mere tid'), point('Flere penge', 'not')] }] };
    expect(mergeRecord('consultation', consultation, decided, other).conflicts).toEqual([{ field: 'responses.points', items: [{ position: 2, keys: [] }], within: { field: 'responses', item: { position: 1, keys: [['party', 'p1']] } } }]);
    // An assessment is still one person's whole act: the same assessor changed on both sides is a conflict of the entry, not merged by its fields.
    const base = { ...APP, assessments: [{ assessor: 'B', date: '2026-02-10', scores: [{ criterion: 'reach', score: 3 }] }] };
    expect(mergeRecord('application', base, { ...APP, assessments: [{ ...base.assessments[0], date: '2026-02-11' }] }, { ...APP, assessments: [{ ...base.assessments[0], scores: [{ criterion: 'reach', score: 5 }] }] }).conflicts).toEqual([{ field: 'assessments', items: [{ position: 1, keys: [] }] }]);
  });

  test('lists of ids are sets: each side\'s additions and removals are kept, never a conflict', () => {
    const org = { id: 'alpha', name: 'Alpha', kind: 'patient-association', areas: ['psychiatry'], municipalities: ['aarhus', 'skive'], status: 'active' };
    const r = mergeRecord('organisation', org, { ...org, areas: ['social', 'psychiatry'], municipalities: ['aarhus'] }, { ...org, areas: ['health'], municipalities: ['aarhus', 'skive', 'randers'] });
    expect(r).toEqual({ merged: { ...org, areas: ['social', 'health'], municipalities: ['aarhus', 'randers'] }, conflicts: [] });
  });

  test('an object both changed is merged field by field; the same field of it is a conflict named by its path', () => {
    const org = { id: 'alpha', name: 'Alpha', kind: 'patient-association', areas: ['psychiatry'], status: 'active', contact: { role: 'formand', email: 'a@x.dk' } };
    const r = mergeRecord('organisation', org, { ...org, contact: { role: 'kasserer', email: 'a@x.dk' } }, { ...org, contact: { role: 'formand', email: 'b@x.dk' } });
    expect(r).toEqual({ merged: { ...org, contact: { role: 'kasserer', email: 'b@x.dk' } }, conflicts: [] });
    const same = mergeRecord('organisation', org, { ...org, contact: { role: 'kasserer', email: 'a@x.dk' } }, { ...org, contact: { role: 'sekretær', email: 'a@x.dk' } });
    expect(same.conflicts).toEqual([{ field: 'contact.role' }]);
  });

  test('near misses: a plain field, and a list whose entries share a key, are conflicts as a whole field', () => {
    const org = { id: 'alpha', name: 'Alpha', kind: 'patient-association', areas: ['psychiatry'], status: 'active', notes: 'x' };
    expect(mergeRecord('organisation', org, { ...org, notes: 'y', kind: 'other' }, { ...org, notes: 'z', kind: 'user-association' }).conflicts).toEqual([{ field: 'kind' }, { field: 'notes' }]);
    const twice = { ...APP, assessments: [scored('B', 1), scored('B', 2)] };
    expect(mergeRecord('application', APP, twice, { ...APP, assessments: [scored('C', 2)] }).conflicts).toEqual([{ field: 'assessments' }]);
  });
});
