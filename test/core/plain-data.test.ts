import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deletePath, getPath, sameData, setPath, type Data } from '../../src/domain/plain-data.js';
import { applyFlags, unsetFields } from '../../src/register/build.js';

/** The same data with every object's keys in reverse order. */
function reversedKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(reversedKeys);
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reversedKeys(x)]));
  return v;
}

describe('sameData', () => {
  it('ignores the order of an object\'s keys, at every depth', () => {
    expect(sameData({ a: 1, b: { c: 2, d: [1, 2] } }, { b: { d: [1, 2], c: 2 }, a: 1 })).toBe(true);
  });

  it('keeps the order of a list, and tells a list from an object with the same keys', () => {
    expect(sameData([1, 2], [2, 1])).toBe(false);
    expect(sameData([1, 2], [1, 2, 3])).toBe(false);
    expect(sameData(['a'], { 0: 'a' })).toBe(false);
    expect(sameData({ 0: 'a' }, ['a'])).toBe(false);
    expect(sameData([], {})).toBe(false);
  });

  it('compares numbers as numbers: -0 is 0, NaN is NaN, a number is not its text', () => {
    expect(sameData(-0, 0)).toBe(true);
    expect(sameData({ amount_dkk: -0 }, { amount_dkk: 0 })).toBe(true);
    expect(sameData(Number.NaN, Number.NaN)).toBe(true);
    expect(sameData(1, '1')).toBe(false);
    expect(sameData(0, false)).toBe(false);
  });

  it('tells a missing key from one that holds undefined or null', () => {
    expect(sameData({ a: undefined }, { b: undefined })).toBe(false);
    expect(sameData({ a: null }, {})).toBe(false);
    expect(sameData(null, {})).toBe(false);
    expect(sameData(null, null)).toBe(true);
  });

  it('holds for any JSON value against itself with its keys reordered, and not against a changed copy', () => {
    fc.assert(fc.property(fc.jsonValue(), (v) => {
      expect(sameData(v, reversedKeys(structuredClone(v)))).toBe(true);
      expect(sameData({ v }, { v, extra: 1 })).toBe(false);
      expect(sameData([v], [v, v])).toBe(false);
    }));
  });
});

describe('setPath', () => {
  it('sets a field by its dotted name or its parts, making missing parents', () => {
    const rec: Data = { id: 'a' };
    setPath(rec, 'contact.name', 'N');
    setPath(rec, ['contact', 'email'], 'E');
    setPath(rec, ['established_by', 'exemption', 'reason'], 'R');
    expect(rec).toEqual({ id: 'a', contact: { name: 'N', email: 'E' }, established_by: { exemption: { reason: 'R' } } });
  });

  it('turns a parent that is not an object (a list, a text, null) into one', () => {
    const rec: Data = { contact: ['x'], notes: 'text', website: null };
    setPath(rec, 'contact.name', 'N');
    setPath(rec, 'notes.more', 1);
    setPath(rec, 'website.url', 'u');
    expect(rec).toEqual({ contact: { name: 'N' }, notes: { more: 1 }, website: { url: 'u' } });
  });

  it('replaces a whole list value, and reads back with getPath', () => {
    const rec: Data = { areas: ['health'] };
    setPath(rec, 'areas', ['social', 'psychiatry']);
    expect(rec).toEqual({ areas: ['social', 'psychiatry'] });
    expect(getPath(rec, 'areas')).toEqual(['social', 'psychiatry']);
    expect(getPath(rec, 'areas.0')).toBeUndefined();
    expect(getPath(rec, 'contact.name')).toBeUndefined();
  });
});

describe('deletePath', () => {
  it('removes a field, and an object left empty with it, upwards', () => {
    const rec: Data = { id: 'a', established_by: { exemption: { reason: 'R' } }, contact: { name: 'N', email: 'E' } };
    deletePath(rec, ['established_by', 'exemption', 'reason']);
    deletePath(rec, 'contact.name');
    expect(rec).toEqual({ id: 'a', contact: { email: 'E' } });
    deletePath(rec, 'contact.email');
    expect(rec).toEqual({ id: 'a' });
  });

  it('does nothing when a parent is missing, and never reaches into a list or a text', () => {
    const rec: Data = { id: 'a', contact: [], notes: 'text', areas: ['health'] };
    const before = structuredClone(rec);
    deletePath(rec, 'contact.name');
    deletePath(rec, 'notes.length');
    deletePath(rec, 'areas.0');
    deletePath(rec, 'missing.deeper.still');
    expect(rec).toEqual(before);
  });

  it('removes a field that holds a list, and a top-level field', () => {
    const rec: Data = { id: 'a', areas: ['health'], end: '2026-12-31' };
    deletePath(rec, 'areas');
    deletePath(rec, ['end']);
    expect(rec).toEqual({ id: 'a' });
  });
});

describe('the register builds records through the same paths', () => {
  it('an exemption replaces a call, and unsetting the last contact field drops `contact`', () => {
    const base = { id: 'a1', established_by: { call: '2026-c' }, contact: { name: 'N' } };
    const rec = applyFlags('agreement', base, { exemptionReason: 'R' });
    expect(rec.established_by).toEqual({ exemption: { reason: 'R' } });
    expect(base.established_by).toEqual({ call: '2026-c' });
    expect(unsetFields('organisation', { id: 'o', contact: { name: 'N' } }, ['contact-name'])).toEqual({ id: 'o' });
  });
});
