// Words to values: vocabulary names in either language, accents and case ignored, closest names
// suggested; headers in Danish, English and common variants; Danish dates and amounts.
import { describe, expect, it } from 'vitest';
import { WordIndex, enumIndex } from '../../src/spreadsheets/import/values.js';
import { headerIndex, foldHeader } from '../../src/spreadsheets/import/columns.js';
import { columnLetter, mapHeader } from '../../src/spreadsheets/import/headers.js';
import { parseDate, parseInteger, splitList } from '../../src/spreadsheets/import/cells.js';

function municipalities(): WordIndex {
  const w = new WordIndex();
  for (const [id, name] of [['aarhus', 'Aarhus'], ['ringkobing-skjern', 'Ringkøbing-Skjern'], ['samso', 'Samsø']]) {
    w.addId(id);
    w.add(id, [id, name], { da: name, en: name });
  }
  return w;
}

describe('names to ids', () => {
  it('ignores case, punctuation and accents, and reads ø as o and aa as å', () => {
    const m = municipalities();
    expect(['AARHUS', 'Århus', ' aarhus ', 'Ringkøbing Skjern', 'ringkobing-skjern', 'RINGKOBING SKJERN', 'Samso', 'samsø'].map((w) => m.resolve(w)))
      .toEqual(['aarhus', 'aarhus', 'aarhus', 'ringkobing-skjern', 'ringkobing-skjern', 'ringkobing-skjern', 'samso', 'samso']);
    expect(m.resolve('Odense')).toBeUndefined();
  });

  it('suggests the closest names, nearest first', () => {
    expect(municipalities().closest('Ringkøbing', 'da')).toEqual(['Ringkøbing-Skjern', 'Samsø', 'Aarhus']);
    expect(municipalities().closest('Samsøe', 'da', 1)).toEqual(['Samsø']);
  });

  it('calls a name ambiguous when two entries share it, but an id always means itself', () => {
    const w = new WordIndex();
    w.addId('a');
    w.addId('b');
    w.add('a', ['a', 'Fælles'], { da: 'Fælles', en: 'Shared' });
    w.add('b', ['b', 'Fælles'], { da: 'Fælles', en: 'Shared' });
    expect(w.resolve('fælles')).toBeUndefined();
    expect(w.ambiguous('fælles')).toBe(true);
    expect(w.resolve('b')).toBe('b');
  });

  it('reads fixed values in Danish and English', () => {
    const kinds = enumIndex(['patient-association', 'volunteer-organisation', 'other']);
    expect(['Patientforening', 'patient-association', 'Frivillig organisation', 'frivillig', 'ANDET'].map((w) => kinds.resolve(w)))
      .toEqual(['patient-association', 'patient-association', 'volunteer-organisation', 'volunteer-organisation', 'other']);
  });
});

describe('headers', () => {
  it('knows each field by its English name, its Danish header and common variants', () => {
    const index = headerIndex('organisation');
    const field = (h: string) => index.get(foldHeader(h))?.field;
    expect(['name', 'Navn', 'CVR-nr.', 'Områder', 'patient groups', 'Patientgrupper', 'Kommune', 'Hjemmeside', 'Kontaktperson', 'E-mail', 'Tlf.', 'contact.email', 'kontakt_bekræftet', 'Type', 'kind']
      .map(field)).toEqual(['name', 'name', 'cvr', 'areas', 'patient_groups', 'patient_groups', 'municipalities', 'website', 'contact.name', 'contact.email', 'contact.phone', 'contact.email', 'contact.confirmed', 'kind', 'kind']);
    expect(headerIndex('offer').get(foldHeader('Type'))?.field).toBe('type');
  });

  it('refuses a field given by two columns, naming the first', () => {
    const m = mapHeader('organisation', ['Navn', 'name'], () => true, new Map(), 'da');
    expect(m.problems).toEqual([{ column: 1, message: { key: 'import.header.twice', params: { field: 'name', first: 'A', header: 'Navn' } } }]);
  });

  it('names columns as spreadsheets do', () => {
    expect([0, 25, 26, 27, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
  });
});

describe('cells', () => {
  it('reads ISO and Danish day-first dates, and refuses impossible ones: not a date, or no such day', () => {
    expect(['2026-03-01', '1-3-2026', '01.03.2026', '29-02-2024'].map(parseDate)).toEqual([{ value: '2026-03-01' }, { value: '2026-03-01' }, { value: '2026-03-01' }, { value: '2024-02-29' }]);
    for (const bad of ['03/01/2026', 'i morgen', '2026-3-1']) expect(parseDate(bad), bad).toEqual({ problem: { key: 'import.value.date' } });
    for (const bad of ['29-02-2026', '30.02.2026', '2026-13-01', '01-13-2026']) expect(parseDate(bad), bad).toEqual({ problem: { key: 'import.value.noSuchDay' } });
  });

  it('reads whole amounts with Danish or English thousands separators, never decimals', () => {
    expect(['450000', '450.000', '450 000', '1.250.000 kr.', 'DKK 450,000'].map(parseInteger)).toEqual([450000, 450000, 450000, 1250000, 450000].map((value) => ({ value })));
    for (const bad of ['450,5', '1.5', '45.00', 'mange']) expect(parseInteger(bad)).toEqual({ problem: { key: 'import.value.integer' } });
  });

  it('splits several values at the separator and at line breaks', () => {
    expect(splitList('Aarhus, Randers\nSkive', ',')).toEqual(['Aarhus', 'Randers', 'Skive']);
    expect(splitList('Angst, OCD; Depression', ';')).toEqual(['Angst, OCD', 'Depression']);
  });
});
