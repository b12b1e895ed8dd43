// Editing a hand-written file changes only the changed fields' lines: comments, key order, quoting,
// blank lines and indentation elsewhere stay byte for byte.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { editText, readsBackAs, serialise } from '../../src/store/yaml-write.js';
import { parseStrict } from '../../src/store/yaml-read.js';
import { schemaRank } from '../../src/store/write-record.js';

const HAND_WRITTEN = [
  '# yaml-language-server: $schema=../../schemas/organisation.schema.json',
  '# Ringet op af Mette, marts 2025 — ny formand på vej.',
  'id: lyspunktet',
  'name:   "Foreningen Lyspunktet"    # som de selv staver det',
  'kind: patient-association',
  "cvr: '12492545'",
  '',
  '# Hvor de arbejder',
  'areas:',
  '- psychiatry',
  'patient_groups: [ depression, angst ]',
  'municipalities:',
  '    - randers   # hovedsæde',
  '    - favrskov',
  'status: active',
  'website: https://www.lyspunktet-randers.dk',
  'contact:',
  '    role: formand',
  "    name: 'Per Toft'",
  '    email: per@example.dk      # privat',
  '    confirmed: 2025-03-12',
  'notes: >-',
  '  Holder møder i Randers og',
  '  Hadsten hver anden uge.',
  '',
].join('\n');

const data = () => parseStrict(HAND_WRITTEN).data as Record<string, unknown>;
const rank = schemaRank('organisation');

function changedLines(before: string, after: string): { removed: string[]; added: string[] } {
  const a = before.split('\n');
  const b = after.split('\n');
  // Same length prefix and suffix; what differs in between is the change.
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  let j = 0;
  while (j < a.length - i && j < b.length - i && a[a.length - 1 - j] === b[b.length - 1 - j]) j++;
  return { removed: a.slice(i, a.length - j), added: b.slice(i, b.length - j) };
}

describe('editing one field of a commented, hand-formatted file', () => {
  test('changing a scalar changes only its line, keeping its trailing comment', () => {
    const after = { ...data(), website: 'https://lyspunktet.example.dk' };
    const out = editText(HAND_WRITTEN, data(), after, rank)!;
    expect(changedLines(HAND_WRITTEN, out)).toEqual({
      removed: ['website: https://www.lyspunktet-randers.dk'],
      added: ['website: https://lyspunktet.example.dk'],
    });
  });

  test('changing one nested field (contact.email) changes only that line', () => {
    const before = data();
    const after = { ...before, contact: { ...(before.contact as object), email: 'formand@example.dk' } };
    const out = editText(HAND_WRITTEN, before, after, rank)!;
    expect(changedLines(HAND_WRITTEN, out)).toEqual({
      removed: ['    email: per@example.dk      # privat'],
      added: ['    email: formand@example.dk      # privat'],
    });
  });

  test('a status change keeps everything else, the folded notes included', () => {
    const out = editText(HAND_WRITTEN, data(), { ...data(), status: 'inactive' }, rank)!;
    expect(out).toBe(HAND_WRITTEN.replace('status: active\n', 'status: inactive\n'));
  });

  test('adding an item to a block list adds one line in the file\'s own indentation', () => {
    const before = data();
    const after = { ...before, municipalities: ['randers', 'favrskov', 'norddjurs'] };
    const out = editText(HAND_WRITTEN, before, after, rank)!;
    expect(changedLines(HAND_WRITTEN, out)).toEqual({ removed: [], added: ['    - norddjurs'] });
  });

  test('a new field goes where the schema puts it, and nothing else moves', () => {
    const out = editText(HAND_WRITTEN, data(), { ...data(), registered: '2017-01-23' }, rank)!;
    expect(changedLines(HAND_WRITTEN, out)).toEqual({ removed: [], added: ['registered: 2017-01-23'] });
    expect(out.split('\n').indexOf('registered: 2017-01-23')).toBe(out.split('\n').indexOf('status: active') + 1);
  });

  test('removing a field removes its lines only', () => {
    const { notes: _n, ...after } = data();
    void _n;
    const out = editText(HAND_WRITTEN, data(), after, rank)!;
    expect(changedLines(HAND_WRITTEN, out)).toEqual({ removed: ['notes: >-', '  Holder møder i Randers og', '  Hadsten hver anden uge.'], added: [] });
  });

  test('saving without changes gives the same text', () => {
    expect(editText(HAND_WRITTEN, data(), data(), rank)).toBe(HAND_WRITTEN);
  });

  test('appending an evaluation leaves the earlier ones (folded text included) as they were', () => {
    const text = [
      '# yaml-language-server: $schema=../../schemas/agreement.schema.json',
      'id: 2024-psyk-001',
      'status: active',
      'evaluation_due: 2026-03-01',
      'evaluations:',
      '  - date: 2025-03-04',
      '    # efter møde med styregruppen',
      '    summary: >-',
      '      Peer-støtten er i gang på 11 af 14 sengeafsnit. Patienter og personale',
      '      er positive.',
      '',
    ].join('\n');
    const before = parseStrict(text).data as Record<string, unknown>;
    const after = { ...before, evaluation_due: '2027-03-01', evaluations: [...(before.evaluations as object[]), { date: '2026-03-02', summary: 'Fortsætter.' }] };
    const out = editText(text, before, after, schemaRank('agreement'))!;
    expect(out).toBe(text.replace('evaluation_due: 2026-03-01', 'evaluation_due: 2027-03-01') + '  - date: 2026-03-02\n    summary: Fortsætter.\n');
  });

  test('a file with Windows line endings keeps them', () => {
    const crlf = HAND_WRITTEN.replace(/\n/g, '\r\n');
    const out = editText(crlf, data(), { ...data(), status: 'inactive' }, rank)!;
    expect(out).toBe(crlf.replace('status: active\r\n', 'status: inactive\r\n'));
  });

  test('a changed line keeps the spaces before its comment, however many', () => {
    const text = "id: a\nname: 'Håndskrevet Forening'   # navnet\nstatus: active\t# i gang\nwebsite: x # en\n";
    const before = parseStrict(text).data as Record<string, unknown>;
    expect(editText(text, before, { ...before, name: 'Ny Forening', status: 'inactive', website: 'y' }, rank)).toBe("id: a\nname: 'Ny Forening'   # navnet\nstatus: inactive\t# i gang\nwebsite: y # en\n");
  });
});

describe('a block list given again in another order', () => {
  const text = 'id: a\nmunicipalities:\n  - randers   # hovedkontor\n  - norddjurs\nstatus: active\n';
  const before = { id: 'a', municipalities: ['randers', 'norddjurs'], status: 'active' };

  test('each item keeps its comment, and the list stays a block list', () => {
    expect(editText(text, before, { ...before, municipalities: ['norddjurs', 'randers'] }, rank)).toBe('id: a\nmunicipalities:\n  - norddjurs\n  - randers   # hovedkontor\nstatus: active\n');
    // One added in front, one removed: the kept item's comment is still its own (not the new first item's).
    expect(editText(text, before, { ...before, municipalities: ['aarhus', 'randers'] }, rank)).toBe('id: a\nmunicipalities:\n  - aarhus\n  - randers   # hovedkontor\nstatus: active\n');
    expect(editText(text, before, { ...before, municipalities: ['norddjurs', 'randers', 'skive'] }, rank)).toBe('id: a\nmunicipalities:\n  - norddjurs\n  - randers   # hovedkontor\n  - skive\nstatus: active\n');
  });

  test('comment lines above an item go with it; those above the first stay on top; Windows line endings stay', () => {
    const commented = 'municipalities:\n  # kommuner\n  - randers\n  # filialen\n  - skive # lukker\nstatus: active';
    const out = editText(commented, { municipalities: ['randers', 'skive'], status: 'active' }, { municipalities: ['skive', 'randers'], status: 'active' }, rank);
    expect(out).toBe('municipalities:\n  # kommuner\n  # filialen\n  - skive # lukker\n  - randers\nstatus: active');
    const crlf = text.replace(/\n/g, '\r\n');
    expect(editText(crlf, before, { ...before, municipalities: ['norddjurs', 'randers'] }, rank)).toBe('id: a\r\nmunicipalities:\r\n  - norddjurs\r\n  - randers   # hovedkontor\r\nstatus: active\r\n');
  });

  test('property: any order, with items added and removed, keeps each kept item\'s comment on its line and the list a block list', () => {
    const ids = ['aarhus', 'randers', 'skive', 'favrskov', 'norddjurs', 'syddjurs', 'herning', 'lemvig'];
    const list = fc.uniqueArray(fc.constantFrom(...ids), { minLength: 1, maxLength: 6 });
    fc.assert(fc.property(list, list, fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }), (was, now, commented) => {
      const comment = (id: string) => `# om ${id}`;
      const lines = was.map((id, i) => `    - ${id}${commented[i] ? `  ${comment(id)}` : ''}`);
      const file = ['id: a', '# før listen', 'municipalities:', ...lines, 'status: active # sidst', ''].join('\n');
      const out = editText(file, { id: 'a', municipalities: was, status: 'active' }, { id: 'a', municipalities: now, status: 'active' }, rank);
      expect(out).toBeDefined();
      expect(parseStrict(out!).data).toEqual({ id: 'a', municipalities: now, status: 'active' });
      const outLines = out!.split('\n');
      // Everything outside the list as it was; the list one item a line, in the file's indentation.
      expect(outLines.slice(0, 3)).toEqual(['id: a', '# før listen', 'municipalities:']);
      expect(outLines.slice(3 + now.length)).toEqual(['status: active # sidst', '']);
      now.forEach((id, j) => {
        const kept = was.indexOf(id);
        expect(outLines[3 + j]).toBe(kept >= 0 ? lines[kept] : `    - ${id}`);
      });
    }), { numRuns: 300, seed: 20261206 });
  });
});

describe('what is written reads back as exactly the same data', () => {
  test('multi-line strings with leading spaces, blank lines and trailing newlines', () => {
    for (const notes of ['  indented first\nsecond', 'a\n\n\nb\n\n', '\n leading newline', 'trailing spaces   \nx', ' ', '- looks like a list', '0800', 'yes', 'null', '2026-01-01', '# not a comment', 'a: b', '"quoted"', "it's"]) {
      const rec = { id: 'a', name: 'A', notes };
      const text = serialise(rec, 'x', rank)!;
      expect(text, JSON.stringify(notes)).toBeDefined();
      expect(readsBackAs(text, rec)).toBe(true);
      const edited = editText(HAND_WRITTEN, data(), { ...data(), notes }, rank)!;
      expect(edited, JSON.stringify(notes)).toBeDefined();
      expect(parseStrict(edited).data).toEqual({ ...data(), notes });
    }
  });

  test('a new record starts with the schema line and is written as people write them', () => {
    expect(serialise({ status: 'active', id: 'a', areas: ['psychiatry', 'social'], name: 'A', contact: { email: 'x@example.dk', role: 'formand' } }, '../schemas/organisation.schema.json', rank)).toBe([
      '# yaml-language-server: $schema=../schemas/organisation.schema.json',
      'id: a',
      'name: A',
      'areas: [psychiatry, social]',
      'status: active',
      'contact:',
      '  role: formand',
      '  email: x@example.dk',
      '',
    ].join('\n'));
  });
});
