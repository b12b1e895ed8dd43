// A hand-written record file, however its author spaced, quoted and commented it, changes on an edit
// only in the lines of the field that changed: every other line stays byte for byte, and no schema
// line is added to a file whose author left it out (a new file gets one).
import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { newRecordText, readRecordFile } from '../../src/store/write-record.js';
import { parseStrict } from '../../src/store/yaml-read.js';
import { SCHEMA_COMMENT } from '../../src/store/yaml-write.js';
import { makeFolder } from '../helpers/folder.js';

const HEADER = `# ${SCHEMA_COMMENT}../schemas/organisation.schema.json`;

/** A field as a person wrote it: its own lines (the key's line and the value's lines below). */
interface Field { key: string; lines: string[] }

const gap = fc.constantFrom(' ', '  ', '   ', '      ', '\t', ' \t');
const comment = fc.option(fc.constantFrom('navnet …', 'sundhed', 'bemærk: med kolon', '"citat"', 'æøå', ''), { nil: undefined });
const after = (g: string, c: string | undefined) => (c === undefined ? '' : `${g}#${c === '' ? '' : ` ${c}`}`);
const quoted = (s: string, q: 'plain' | 'single' | 'double') => (q === 'single' ? `'${s}'` : q === 'double' ? `"${s}"` : s);
const quoting = fc.constantFrom<'plain' | 'single' | 'double'>('plain', 'single', 'double');
const line = (key: string, value: string) => fc.tuple(gap, quoting, gap, comment).map(([g1, q, g2, c]): Field => ({ key, lines: [`${key}:${g1}${quoted(value, q)}${after(g2, c)}`] }));

/** A list written as a block (at any indentation, each item perhaps commented) or inline. */
const list = (key: string, items: string[]) => fc.oneof(
  fc.tuple(fc.constantFrom(0, 2, 4), comment, fc.array(fc.tuple(gap, comment), { minLength: items.length, maxLength: items.length })).map(([indent, c, itemComments]): Field => ({
    key,
    lines: [`${key}:${after(' ', c)}`, ...items.map((v, i) => `${' '.repeat(indent)}- ${v}${after(...itemComments[i])}`)],
  })),
  fc.tuple(fc.constantFrom('', ' '), gap, comment).map(([pad, g, c]): Field => ({ key, lines: [`${key}: [${pad}${items.join(', ')}${pad}]${after(g, c)}`] })),
);

const notes = fc.tuple(fc.constantFrom('|', '|-', '>', '>-'), fc.constantFrom(1, 2, 4), comment, fc.boolean()).map(([style, indent, c, blank]): Field => ({
  key: 'notes',
  lines: [`notes: ${style}${after('   ', c)}`, `${' '.repeat(indent)}Første linje: med kolon.`, ...(blank ? [''] : []), `${' '.repeat(indent)}Anden linje # ikke en kommentar.`],
}));

const contact = fc.tuple(fc.constantFrom(2, 4), gap, comment).map(([indent, g, c]): Field => ({
  key: 'contact',
  lines: ['contact:', `${' '.repeat(indent)}role: formand`, `${' '.repeat(indent)}email:${g}per@example.dk${after(g, c)}`],
}));

/** Every field of a hand-written organisation, in an order of the author's choosing, with blank and comment lines between. */
const handWritten = fc.record({
  fields: fc.tuple(
    fc.constant<Field>({ key: 'id', lines: ['id: haand'] }),
    line('name', 'Håndskrevet Forening'),
    line('kind', 'patient-association'),
    list('areas', ['health', 'social']),
    line('status', 'active'),
    list('municipalities', ['aarhus', 'randers']),
    line('website', 'https://haand.example.dk'),
    contact,
    notes,
  ).chain((fields) => fc.shuffledSubarray(fields, { minLength: fields.length, maxLength: fields.length })),
  between: fc.array(fc.constantFrom('none', 'blank', 'comment'), { minLength: 9, maxLength: 9 }),
  header: fc.boolean(),
  topComment: fc.boolean(),
  lineEnd: fc.constantFrom('\n', '\r\n'),
});

/** One field changed: its name and the record after. */
const change = fc.constantFrom('name', 'status', 'website', 'notes', 'areas', 'municipalities', 'kind').chain((key) => fc.tuple(fc.constant(key), {
  name: fc.constantFrom('Ny Forening', "Foreningen 'Håb'", 'Navn: med kolon # og hash', 'ja', '0800'),
  status: fc.constant('inactive'),
  website: fc.constantFrom('https://ny.example.dk', 'https://ny.example.dk/#kontakt'),
  notes: fc.constantFrom('Ny note med: kolon og # hash', 'To linjer.\nAnden linje.', '  indrykket\nlinje', 'kort'),
  areas: fc.constantFrom(['health', 'social', 'psychiatry'], ['social'], ['psychiatry', 'health']),
  municipalities: fc.constantFrom(['aarhus', 'randers', 'skive'], ['randers'], ['skive', 'aarhus']),
  kind: fc.constant('volunteer-organisation'),
}[key] as fc.Arbitrary<unknown>));

describe('editing one field of a hand-written file', () => {
  test('property: every line outside the changed field stays byte for byte, and no schema line is added', () => {
    const dir = makeFolder({});
    const path = join(dir, 'haand.yaml');
    fc.assert(fc.property(handWritten, change, (file, [key, value]) => {
      const nl = file.lineEnd;
      const before: string[] = [...(file.header ? [HEADER] : []), ...(file.topComment ? ['# Skrevet i hånden af Mette'] : [])];
      let prefix = '';
      let end = 0;
      file.fields.forEach((f, i) => {
        if (file.between[i] === 'blank') before.push('');
        if (file.between[i] === 'comment') before.push(`# om ${f.key}`);
        if (f.key === key) prefix = before.map((l) => l + nl).join('');
        before.push(...f.lines);
        if (f.key === key) end = before.length;
      });
      const text = before.map((l) => l + nl).join('');
      const rest = text.split(nl).slice(end).join(nl);
      writeFileSync(path, text);
      const current = readRecordFile(path);
      expect(current.data).toBeDefined();
      const wanted = { ...current.data!, [key]: value };
      const made = newRecordText(dir, 'organisation', current, wanted);
      expect('text' in made, text).toBe(true);
      const out = (made as { text: string }).text;
      expect(parseStrict(out).data).toEqual(wanted);
      expect(out.startsWith(prefix), `${text}\n---\n${out}`).toBe(true);
      expect(out.endsWith(rest), `${text}\n---\n${out}`).toBe(true);
      expect(out.startsWith(HEADER)).toBe(file.header);
    }), { numRuns: 400, seed: 20261207 });
  });

  test('the file a tester wrote: only the notes lines change, the comments keep their spacing, no schema line comes in', () => {
    const text = [
      'id: haand',
      "name: 'Håndskrevet Forening'   # navnet som de selv skriver det",
      'kind: patient-association',
      'areas:',
      '  - health      # sundhed',
      '  - social',
      'status: active',
      'scope: regional',
      'notes: |',
      '  Første linje.',
      '  Anden linje.',
      '',
    ].join('\n');
    const dir = makeFolder({ 'haand.yaml': text });
    const current = readRecordFile(join(dir, 'haand.yaml'));
    const made = newRecordText(dir, 'organisation', current, { ...current.data!, notes: 'Ny note med: kolon og # hash' });
    expect(made).toEqual({ text: text.replace('notes: |\n  Første linje.\n  Anden linje.\n', 'notes: "Ny note med: kolon og # hash"\n'), unchanged: false });
  });

  test('a new file starts with the schema line', () => {
    const dir = makeFolder({});
    const current = readRecordFile(join(dir, 'organisations', 'ny.yaml'));
    const made = newRecordText(dir, 'organisation', current, { id: 'ny', name: 'Ny', kind: 'other', areas: ['health'], status: 'active', scope: 'regional' });
    expect((made as { text: string }).text).toMatch(new RegExp(`^# ${SCHEMA_COMMENT.replace(/[$]/g, '\\$')}\\S+organisation\\.schema\\.json\\n`));
  });
});
