// Text in one Unicode form on every way in (NFC), ids made from names after it, and names a reader
// cannot tell apart caught by the uniqueness check: another Unicode form (macOS writes NFD), an
// invisible filler, a look-alike letter.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { asciiFold, caseKey, looseKey, nameKey, nfc, nfcDeep } from '../../src/domain/text.js';
import { functionalAddress } from '../../src/hearing/contacts.js';
import { readFolder } from '../../src/store/load-folder.js';
import { planImport } from '../../src/spreadsheets/import/plan.js';
import { sheetFromCsv } from '../../src/spreadsheets/import/sheet.js';
import { slugify } from '../../src/domain/ids.js';
import { select } from '../../src/reports/select.js';
import { checkFolder } from '../../src/validate/check-folder.js';
import { messagesOf, problemsOf } from '../helpers/check.js';
import { baseFiles, makeFolder, org } from '../helpers/folder.js';
import { civsamInProcess } from '../helpers/in-process.js';

const NAME = 'Kræftrådgivningen på Djursland';
const NFD = NAME.normalize('NFD');

test('the NFD spelling is other characters than the NFC one (what the tests below rest on)', async () => {
  expect(NFD).not.toBe(NAME);
  expect(NFD.length).toBe(NAME.length + 2); // å twice, each a plus a combining ring
  expect(nfc(NFD)).toBe(NAME);
});

describe('the id made from a name', () => {
  test('is the same from the NFD and the NFC spelling, Danish letters spelled out', async () => {
    expect(slugify(NAME)).toBe('kraeftraadgivningen-paa-djursland');
    expect(slugify(NFD)).toBe('kraeftraadgivningen-paa-djursland');
    expect(slugify('ÅRHUS'.normalize('NFD'))).toBe('aarhus');
  });

  test('ignores invisible fillers and reads look-alike letters as Latin', async () => {
    expect(slugify(`${NAME}\u3164`)).toBe('kraeftraadgivningen-paa-djursland');
    expect(slugify('Lys\u200Bpunktet\uFEFF')).toBe('lyspunktet');
    expect(slugify('Lyspunkt\u0435t')).toBe('lyspunktet'); // a Cyrillic е
  });

  test('the import makes it by the same rules as the register (at most 40 characters, cut between words and not after a small word, ß as ss)', async () => {
    const long = 'Landsforeningen for pårørende til mennesker med langvarige psykiske lidelser i Midtjylland';
    const dir = makeFolder(baseFiles());
    const raw = readFolder(dir);
    const checked = checkFolder(raw);
    const csv = `navn;type;status;områder;patientgrupper;kommuner\n${long};andet;aktiv;psykiatri;depression;aarhus\nStraße ${NFD};andet;aktiv;psykiatri;depression;aarhus\n`;
    const p = planImport({ kind: 'organisation', sheet: sheetFromCsv(new TextEncoder().encode(csv)), raw, folder: checked.folder, update: false, lang: 'en' });
    expect(p.rejected).toEqual([]);
    expect(p.records.map((r) => r.id)).toEqual([slugify(long), 'strasse-kraeftraadgivningen']);
    // `…-til` would be the 40 characters' last word: a name is not cut after a small word.
    expect(slugify(long)).toBe('landsforeningen-for-paaroerende');
    // The cell's NFD text is stored in NFC.
    expect(p.records[1].record.name).toBe(`Straße ${NAME}`);
  });
});

describe('Danish letters spelt out (ids, e-mail addresses)', () => {
  test('the same from NFD and NFC', async () => {
    expect(asciiFold('Søren Åberg'.normalize('NFD'))).toBe('soeren aaberg');
    expect(asciiFold('Søren Åberg')).toBe('soeren aaberg');
  });

  test('a contact\'s name in NFD still marks an address made of it as personal', () => {
    const name = 'Pål Ørsted'.normalize('NFD');
    expect(functionalAddress({ name, email: 'paal@forening.example' })).toBeUndefined();
    expect(functionalAddress({ name, email: 'info@forening.example' })).toBe('info@forening.example');
  });
});

describe('the uniqueness key', () => {
  test('folds Unicode forms, case, accents, spacing, invisible characters and look-alike letters', async () => {
    const same = [
      NFD, NAME.toUpperCase(), `  ${NAME}  `, `${NAME}\u3164`, `${NAME}\u115F`, `\u1160${NAME}`, `${NAME}\uFFA0`,
      NAME.replace('på', 'p\u200Bå'), NAME.replace('på', 'p\u200Cå'), NAME.replace('på', 'p\u200Då'), NAME.replace('på', 'p\u2060å'),
      `\uFEFF${NAME}`, NAME.replace('rådgivningen', 'råd\u00ADgivningen'), NAME.replace(/ /g, '\u00A0'),
      NAME.replace('Djursland', 'Djursl\u0430nd'), NAME.replace('Djursland', 'Djursl\u03B1nd'),
    ];
    for (const s of same) expect(nameKey(s), JSON.stringify(s)).toBe(nameKey(NAME));
    expect(nameKey(NAME)).toBe('kræftrådgivningenpådjursland');
  });

  test('keeps what tells names apart (near misses)', async () => {
    expect(nameKey('Kræftrådgivningen på Djursland Nord')).not.toBe(nameKey(NAME));
    // æ, ø and å are letters of their own, not ae, o and a with a mark.
    expect(nameKey('Kraeftraadgivningen paa Djursland')).not.toBe(nameKey(NAME));
    expect(nameKey('Ærø')).not.toBe(nameKey('Aero'));
  });

  test('the looser key for matching what someone wrote: æ as ae, ø as o, å and aa as a', async () => {
    expect(looseKey('Kraeftraadgivningen paa Djursland')).toBe(looseKey(NFD));
    expect(looseKey('Område')).toBe('omrade');
    expect(caseKey('  Psykisk\u00A0 Sygdom\u200B ')).toBe('psykisk sygdom');
  });

  const files = (name: string) => ({
    ...baseFiles(),
    'organisations/a.yaml': org('a', `"${NAME}"`),
    'organisations/b.yaml': org('b', `"${name}"`),
  });

  test('name-unique refuses the NFD spelling, a trailing Hangul filler, a zero-width space, a look-alike letter', async () => {
    // The NFD spelling is also a warning of its own (text-nfc, below).
    expect(problemsOf(files(NFD))).toEqual(['organisations/b.yaml:3:7 name-unique', 'organisations/b.yaml:3:7 text-nfc']);
    for (const name of [`${NAME}\u3164`, `${NAME}\u115F`, NAME.replace('Djursland', 'Djursl\u0430nd')]) {
      expect(problemsOf(files(name)), JSON.stringify(name)).toEqual(['organisations/b.yaml:3:7 name-unique']);
    }
    // A zero-width space is refused of its own too (an invisible character).
    expect(problemsOf(files(NAME.replace('på', 'p\u200Bå'))).sort()).toEqual(['organisations/b.yaml:3:7 control-character', 'organisations/b.yaml:3:7 name-unique']);
    expect(messagesOf(files(`${NAME}\u3164`))).toEqual(['organisations/b.yaml:3:7 name-unique Another organisation (organisations/a.yaml) has the same name (ignoring case, accents, punctuation, invisible characters and look-alike letters). Merge the records or make the names distinct.']);
  });

  test('name-unique lets a different name pass (near miss)', async () => {
    expect(problemsOf(files(`${NAME} Nord`))).toEqual([]);
  });
});

describe('every way in gives NFC', () => {
  const dataFolder = () => makeFolder({ ...baseFiles(), 'organisations/a.yaml': org('a', `"${NAME}"`) });
  const ADD = ['--kind', 'other', '--areas', 'psychiatry', '--scope', 'regional', '--no-commit'];

  test('org add --name in NFD is refused as the same name; nothing is written', async () => {
    const dir = dataFolder();
    const before = readdirSync(join(dir, 'organisations'));
    const r = await civsamInProcess(['--data', dir, 'org', 'add', '--name', NFD, ...ADD]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('has the same name');
    expect(r.stderr).not.toContain(NAME);
    expect(readdirSync(join(dir, 'organisations'))).toEqual(before);
  });

  test('org add --name in NFD stores the name in NFC, with the id the NFC name gives', async () => {
    const dir = dataFolder();
    const r = await civsamInProcess(['--data', dir, 'org', 'add', '--name', `Ny ${NFD}`, '--notes', 'Mødes på Åbyhøj'.normalize('NFD'), ...ADD]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('ny-kraeftraadgivningen-paa-djursland\n');
    const text = readFileSync(join(dir, 'organisations/ny-kraeftraadgivningen-paa-djursland.yaml'), 'utf8');
    expect(text).toContain(`name: Ny ${NAME}\n`);
    expect(text).toContain('notes: Mødes på Åbyhøj\n');
    expect(text).toBe(text.normalize('NFC'));
  });

  test('org add --from-file with NFD text stores NFC', async () => {
    const dir = dataFolder();
    const file = join(makeFolder({ 'ny.yaml': 'name: Pårørendeforeningen Østjylland\nkind: other\nareas: [psychiatry]\nscope: regional\n'.normalize('NFD') }), 'ny.yaml');
    const r = await civsamInProcess(['--data', dir, 'org', 'add', '--from-file', file, '--no-commit']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('paaroerendeforeningen-oestjylland\n');
    expect(readFileSync(join(dir, 'organisations/paaroerendeforeningen-oestjylland.yaml'), 'utf8')).toContain('name: Pårørendeforeningen Østjylland\n');
  });

  test('a filter name in NFD finds the municipality', async () => {
    const dir = makeFolder({ ...baseFiles(), 'vocabularies/municipalities.yaml': '- id: ringkobing-skjern\n  name: Ringkøbing-Skjern\n- id: aarhus\n  name: Aarhus\n' });
    const { folder } = checkFolder(readFolder(dir));
    expect(select('municipality', ['ringkøbing-skjern'.normalize('NFD'), 'Ringkøbing Skjern', 'RINGKOBING-SKJERN', 'Aarhus\u200B'], folder)).toEqual({ ids: ['ringkobing-skjern', 'aarhus'], unknown: [] });
  });

  test('nfcDeep puts every string of a record in NFC and leaves other values', async () => {
    expect(nfcDeep({ name: NFD, areas: ['psychiatry'], n: 3, contact: { role: 'Næstformand'.normalize('NFD') } })).toEqual({ name: NAME, areas: ['psychiatry'], n: 3, contact: { role: 'Næstformand' } });
  });
});

describe('validate and text already on disk', () => {
  test('a record\'s text in NFD is a warning at its place; reading leaves it as it is', () => {
    const files = { ...baseFiles(), 'organisations/b.yaml': org('b', 'Beta', undefined, `notes: "${'Mødes på Åbyhøj'.normalize('NFD')}"\n`) };
    expect(messagesOf(files)).toEqual(['organisations/b.yaml:9:8 text-nfc This text is stored in decomposed Unicode form (NFD, as macOS may write it): a letter such as å is two characters here. It looks the same but is compared and sorted differently, and civsam leaves it as it is. Set the field again with the edit command (e.g. civsam org edit), which stores text in the usual form, NFC, or save the file from an editor that writes NFC.']);
    const { problems } = checkFolder(readFolder(makeFolder(files)));
    expect(problems.map((p) => p.severity)).toEqual(['warning']);
  });

  test('the same text in NFC is no warning (near miss)', async () => {
    expect(problemsOf({ ...baseFiles(), 'organisations/b.yaml': org('b', 'Beta', undefined, 'notes: "Mødes på Åbyhøj"\n') })).toEqual([]);
  });
});

describe('for any text (property)', () => {
  const anyText = fc.string({ unit: 'grapheme', maxLength: 80 });

  test('the id a name gives is empty or well-formed, and the same from every Unicode form of the name', async () => {
    fc.assert(fc.property(anyText, (s) => {
      const id = slugify(s);
      expect(id === '' || /^[a-z0-9][a-z0-9-]{0,62}$/.test(id)).toBe(true);
      expect(slugify(s.normalize('NFD'))).toBe(id);
      expect(slugify(s.normalize('NFC'))).toBe(id);
    }), { seed: 20261205, numRuns: 500 });
  });

  test('the uniqueness key is the same from every canonical form of the name, and with a filler added', async () => {
    fc.assert(fc.property(anyText, fc.constantFrom('\u3164', '\u115F', '\u1160', '\u200B', '\u2060', '\uFEFF', '\u00AD'), (s, filler) => {
      expect(nameKey(s.normalize('NFD'))).toBe(nameKey(s));
      expect(nameKey(`${s}${filler}`)).toBe(nameKey(s));
    }), { seed: 20261205, numRuns: 500 });
  });
});

describe('nameKey of a plain name', () => {
  test('is the same whether the name is keyed plainly (printable ASCII and æ, ø, å) or through every Unicode step', () => {
    const plain = fc.string({ unit: fc.constantFrom(...' !"#$%&\'()*+,-./09:;<=>?@AZ[\\]^_`az{|}~æøåÆØÅ'.split(''), 'Forening', 'Ærø', 'ADHD', ' & ', 'Søstre i Ånd'), maxLength: 12 });
    fc.assert(fc.property(plain, (s) => {
      // A zero-width space is dropped by the full path, and keeps the name off the plain one.
      expect(nameKey(s)).toBe(nameKey(`${s}\u200b`));
    }), { numRuns: 2000, seed: 20261206 });
    expect(nameKey('Søstre i Ånd & Co.')).toBe('søstreiåndogco');
  });
});
