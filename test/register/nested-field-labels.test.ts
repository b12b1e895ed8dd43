// A nested field is named by its own words where it has them (Begrundelse for undtagelsen fra
// opslag), else by its parts (Etableret ved: opslag).
import { describe, expect, it } from 'vitest';
import { fieldLabel } from '../../src/i18n/values.js';

describe('a nested field\'s label', () => {
  it('the exemption from an open call: one phrase per field, in Danish and English', () => {
    expect(fieldLabel('da', 'agreement', 'established_by.exemption.reason')).toBe('Begrundelse for undtagelsen fra opslag');
    expect(fieldLabel('da', 'agreement', 'established_by.exemption.approved_by')).toBe('Undtagelsen godkendt af');
    expect(fieldLabel('da', 'agreement', 'established_by.exemption.date')).toBe('Undtagelsen godkendt den');
    expect(fieldLabel('en', 'agreement', 'established_by.exemption.reason')).toBe('Reason for the exemption from an open call');
  });
  it('near miss: a nested field without words of its own is named by its parts; a top-level one by its label', () => {
    expect(fieldLabel('da', 'agreement', 'established_by.call')).toBe('Etableret ved: opslag');
    expect(fieldLabel('da', 'agreement', 'established_by')).toBe('Etableret ved');
  });
});
