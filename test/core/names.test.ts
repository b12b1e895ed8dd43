// The one resolver and ranking behind names on the command line, the import and `civsam find`.
import { describe, expect, test } from 'vitest';
import { NameIndex, enumNames, rankEntry, type NamedEntry } from '../../src/domain/names.js';

const entry = (id: string, name: string): NamedEntry => ({ id, names: [name], display: { da: name, en: name } });
const ORGS = new NameIndex([
  entry('angstforeningen-midt', 'Angstforeningen Midt'),
  entry('angstforeningen-vest', 'Angstforeningen Vest'),
  entry('soeren-hus', 'Sørens Hus'),
  entry('ab', 'Aabenraa Klub'),
]);

describe('resolving a word', () => {
  test('an id, a name in any case and with or without Danish letters spelt out, a unique beginning', () => {
    expect(ORGS.resolve('soeren-hus')).toEqual({ status: 'found', id: 'soeren-hus' });
    expect(ORGS.resolve('SØRENS HUS')).toEqual({ status: 'found', id: 'soeren-hus' });
    expect(ORGS.resolve('Sorens hus')).toEqual({ status: 'found', id: 'soeren-hus' });
    expect(ORGS.resolve('angstforeningen m')).toEqual({ status: 'found', id: 'angstforeningen-midt' });
    expect(ORGS.resolve('sør')).toEqual({ status: 'found', id: 'soeren-hus' });
  });

  test('a beginning of fewer than 3 letters picks nothing, and an id means itself however short', () => {
    expect(ORGS.resolve('so').status).toBe('unknown');
    expect(ORGS.resolve('ab')).toEqual({ status: 'found', id: 'ab' });
  });

  test('a beginning two share is ambiguous, with both', () => {
    const r = ORGS.resolve('angst');
    expect(r.status).toBe('ambiguous');
    expect(r.status === 'ambiguous' && r.candidates.map((c) => c.id)).toEqual(['angstforeningen-midt', 'angstforeningen-vest']);
  });

  test('nothing close gives no suggestion; a near miss gives the closest first', () => {
    expect(ORGS.resolve('qqqq')).toEqual({ status: 'unknown', closest: [] });
    const r = ORGS.resolve('angstforenigen-midt');
    expect(r.status === 'unknown' && r.closest[0].id).toBe('angstforeningen-midt');
  });

  test('a fixed value by its code, its Danish label or a further word', () => {
    const kinds = enumNames(['development', 'operation']);
    expect(['development', 'Udvikling', 'udviklingsprojekt', 'DRIFT', 'driftsstøtte'].map((w) => kinds.resolve(w))).toEqual([
      { status: 'found', id: 'development' }, { status: 'found', id: 'development' }, { status: 'found', id: 'development' },
      { status: 'found', id: 'operation' }, { status: 'found', id: 'operation' },
    ]);
  });
});

describe('ranking', () => {
  test('exact, beginning, a word\'s beginning, inside, close; nothing when far', () => {
    const tier = (word: string, name: string) => rankEntry(word, entry('x-id', name))?.tier;
    expect([tier('angst', 'Angst'), tier('angst', 'Angstforeningen'), tier('angst', 'Samtale om angst'), tier('angst', 'Sangstemmer'), tier('angst', 'Angs'), tier('angst', 'Diabetes')])
      .toEqual([0, 1, 2, 3, 4, undefined]);
  });
});

describe('a short word', () => {
  test('three letters are matched as written, never one letter off (anx is not and)', () => {
    const index = new NameIndex([
      { id: 'kol', names: ['KOL og lungesygdom', 'COPD and lung disease'], display: { da: 'KOL og lungesygdom', en: 'COPD and lung disease' } },
      { id: 'anxiety-club', names: ['Anxiety Club'], display: { da: 'Anxiety Club', en: 'Anxiety Club' } },
    ]);
    expect(index.ranked('anx').map((r) => r.entry.id)).toEqual(['anxiety-club']);
    expect(index.ranked('anxiety clb').map((r) => r.entry.id)).toEqual(['anxiety-club']);
  });
});
