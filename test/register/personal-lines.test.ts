// Which lines of a record file a --dry-run preview leaves the values out of: a contact person's
// fields, an assessor's name in an application's assessments; a published unit's contact is not.
import { describe, expect, it } from 'vitest';
import { personalLines } from '../../src/register/personal-lines.js';

describe('personal data in a record file, line by line', () => {
  it('an application: each assessor\'s name, where its value begins; their scores and notes are not', () => {
    const text = 'id: a1\ncall: c1\nassessments:\n  - assessor: Karen Holm\n    date: 2026-12-07\n    scores:\n      - criterion: kvalitet\n        score: 4\n    note: God\n';
    expect([...personalLines('application', text)]).toEqual([[4, 15]]);
  });
  it('an organisation: its contact person\'s fields; near miss: nothing else of the record', () => {
    const text = 'id: o\nname: Foreningen\ncontact:\n  name: Hanne Jensen\n  email: hanne@x.dk\nnotes: x\n';
    expect([...personalLines('organisation', text)]).toEqual([[4, 9], [5, 10]]);
    expect([...personalLines('organisation', 'id: o\nname: Foreningen\n')]).toEqual([]);
  });
});
