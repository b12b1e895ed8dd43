// The import's plan on small hand-built folders: headers in both languages, names resolved to
// ids, every problem at its row and column without the cell's value, duplicates, updates.
import { describe, expect, it } from 'vitest';
import { baseFiles, makeFolder, org } from '../helpers/folder.js';
import { readFolder } from '../../src/store/load-folder.js';
import { checkFolder } from '../../src/validate/check-folder.js';
import { planImport, type ImportKind } from '../../src/spreadsheets/import/plan.js';
import { sheetFromCsv } from '../../src/spreadsheets/import/sheet.js';
import { headerMapFrom } from '../../src/spreadsheets/import/headers.js';
import { translate } from '../../src/i18n/index.js';
import { cp1252 } from './fixtures.js';

function plan(kind: ImportKind, csv: string | Uint8Array, opts: { update?: boolean; files?: Record<string, string>; map?: Record<string, string | null>; lang?: 'en' | 'da' } = {}) {
  const dir = makeFolder({ ...baseFiles(), ...opts.files });
  const raw = readFolder(dir);
  const checked = checkFolder(raw);
  expect(checked.problems.filter((p) => p.severity === 'error')).toEqual([]);
  const sheet = sheetFromCsv(typeof csv === 'string' ? new TextEncoder().encode(csv) : csv);
  return planImport({ kind, sheet, raw, folder: checked.folder, update: !!opts.update, lang: opts.lang ?? 'en', map: opts.map ? headerMapFrom(opts.map) : undefined });
}

const en = (m: { key: never; params?: never } | { key: string; params?: Record<string, unknown> }) => translate('en', m.key as never, m.params as never);

describe('a Danish Excel CSV (Windows-1252, semicolons, æøå)', () => {
  const csv = cp1252([
    'Navn;CVR-nr.;Type;Områder;Patientgrupper;Kommuner;Status;Registreret;Hjemmeside;Kontaktperson;E-mail',
    'Ærø Ødegårds Forening;87654303;patientforening;Psykiatri;Depression, angst;Aarhus, Randers;aktiv;01-05-2019;https://aeroe.example;Åse Ørnbøl;aase@aeroe.example',
    'Støttegruppen Å;;frivillig organisation;psykiatri, social;psykisk sygdom;hele regionen;Aktiv;2020-02-29;;;',
  ].join('\r\n') + '\r\n');

  it('creates each organisation with ids from the names and every name resolved to its id', () => {
    const p = plan('organisation', csv);
    expect(p.sheetProblems).toEqual([]);
    expect(p.rejected).toEqual([]);
    expect(p.records.map((r) => [r.row, r.action, r.record])).toEqual([
      [2, 'create', {
        id: 'aeroe-oedegaards-forening', name: 'Ærø Ødegårds Forening', kind: 'patient-association', cvr: '87654303', areas: ['psychiatry'],
        patient_groups: ['depression', 'angst'], municipalities: ['aarhus', 'randers'], status: 'active', registered: '2019-05-01',
        website: 'https://aeroe.example', contact: { name: 'Åse Ørnbøl', email: 'aase@aeroe.example' },
      }],
      [3, 'create', {
        id: 'stoettegruppen-aa', name: 'Støttegruppen Å', kind: 'volunteer-organisation', areas: ['psychiatry', 'social'],
        patient_groups: ['psykisk-sygdom'], scope: 'regional', status: 'active', registered: '2020-02-29',
      }],
    ]);
  });
});

describe('headers and names in English', () => {
  it('maps English headers and English vocabulary names; several values split by ; in a comma-separated file', () => {
    const p = plan('organisation', 'name,kind,areas,patient_groups,municipalities,status\n"Calm, Together",user-association,psychiatry,Anxiety; DEPRESSION,skive,active\n');
    expect(p.rejected).toEqual([]);
    expect(p.records[0].record).toEqual({ id: 'calm-together', name: 'Calm, Together', kind: 'user-association', areas: ['psychiatry'], patient_groups: ['angst', 'depression'], municipalities: ['skive'], status: 'active' });
  });
});

describe('a list written with commas in a comma-separated file', () => {
  it('is read as a list when every part is a known value and the whole is not; else the refusal says to separate with semicolons', () => {
    const p = plan('organisation', 'Navn,Art,Områder,Kommuner,Status\nEpsilon,patientforening,psykiatri,"Aarhus, Randers",aktiv\nZeta,patientforening,psykiatri,"Aarhus, Randrs",aktiv\n', { lang: 'da' });
    expect(p.records.map((r) => [r.row, r.record.municipalities])).toEqual([[2, ['aarhus', 'randers']]]);
    expect(p.rejected.map((r) => [r.row, r.problems.map((x) => [x.column, translate('da', x.message.key as never, x.message.params as never)])])).toEqual([[3, [
      [3, 'den 1. værdi er ikke en kendt kommune. Nærmeste: Aarhus, Randers, Skive. Skriv værdierne adskilt med semikolon, hvis der er flere.'],
    ]]]);
  });
});

describe('an organisation\'s kind: headed "art" in Danish, "kind" in English, "type" in sheets made earlier', () => {
  const row = 'Lys;pårørendeforening;psykiatri;Aarhus;aktiv\n';
  it.each(['art', 'Art', 'kind', 'type', 'Type', 'organisationstype'])('the column headed %s holds the kind', (header) => {
    const p = plan('organisation', `navn;${header};områder;kommuner;status\n${row}`);
    expect(p.sheetProblems).toEqual([]);
    expect(p.records.map((r) => r.record.kind)).toEqual(['relatives-association']);
  });

  it('the header civsam writes is the one a missing column is asked for by, in each language', () => {
    const missing = (lang: 'en' | 'da') => plan('organisation', 'navn;områder;kommuner;status\nLys;psykiatri;Aarhus;aktiv\n', { lang }).sheetProblems
      .map((x) => x.message).filter((m) => m.key === 'import.header.missing').map((m) => translate(lang, m.key as never, m.params as never));
    expect(missing('da')).toEqual(['ingen kolonne indeholder det påkrævede felt art (overskrift »art«). Tilføj kolonnen.']);
    expect(missing('en')).toEqual(['no column holds the required field kind (header "kind"). Add the column.']);
  });

  it('a sheet with both "type" and "art" is told that the second holds the field the first does, naming the first as the sheet heads it', () => {
    const p = plan('organisation', `navn;type;art;områder;kommuner;status\nLys;pårørendeforening;${row}`);
    expect(p.sheetProblems.map((x) => [x.column, en(x.message)])).toEqual([[2, 'this column holds the field kind, as column B (type) does. Remove one of them.']]);
    expect(p.sheetProblems.map((x) => translate('da', x.message.key as never, x.message.params as never))).toEqual(['kolonnen indeholder feltet art ligesom kolonne B (type). Fjern en af dem.']);
  });
});

describe('problems at their row and column, never with the cell\'s value', () => {
  it('an unknown patient group gives the closest known names', () => {
    const p = plan('organisation', 'navn;type;områder;patientgrupper;kommuner;status\nLys;patientforening;psykiatri;Depresion;Aarhus;aktiv\n');
    expect(p.records).toEqual([]);
    expect(p.rejected).toHaveLength(1);
    const [problem] = p.rejected[0].problems;
    expect(problem.row).toBe(2);
    expect(problem.column).toBe(3);
    expect(en(problem.message)).toBe('value 1 is not a known patient group. Closest: Depression, Diabetes, Mental illness.');
  });

  it('reports every problem of a row: a bad date, an unknown value, a bad CVR checksum, a missing reach', () => {
    const p = plan('organisation', 'name,kind,areas,status,cvr,registered\nSecretName,club,psychiatry,active,12345678,31-02-2020\n');
    const messages = p.rejected[0].problems.map((x) => [x.column, en(x.message)]);
    expect(messages).toEqual([
      [1, 'not one of the allowed values: patient-association, relatives-association, user-association, volunteer-organisation, umbrella-organisation, self-governing-institution, social-enterprise, other.'],
      [4, 'CVR number must be 8 digits, such as 29 19 09 25, that pass the modulus-11 check of CVR numbers. Check the number on cvr.dk.'],
      [5, 'written as a date, but the calendar has no such day: check the month (01 to 12) and the day of the month.'],
    ]);
    expect(JSON.stringify(p.rejected)).not.toContain('SecretName');
    // The same row with the value problems put right still fails validate's own rules.
    const q = plan('organisation', 'name,kind,areas,status,cvr\nSecretName,other,psychiatry,active,DK 29 19 09 25\n');
    expect(q.rejected[0].problems.map((x) => [x.column, x.message.key])).toEqual([[undefined, 'import.value.reachMissing']]);
    const short = plan('organisation', 'name,kind,areas,status,cvr,scope\nZeta,other,psychiatry,active,1234567,regional\n');
    expect(short.rejected[0].problems.map((x) => [x.column, en(x.message)])).toEqual([[4, 'a CVR number has exactly 8 digits. If Excel dropped a leading zero, format the column as text and type the number again.']]);
  });

  it('one bad row among 500 good ones: the 500 are valid, the bad one is named', () => {
    const lines = ['navn;type;områder;patientgrupper;kommuner;status'];
    for (let i = 0; i < 500; i++) lines.push(`Forening nr. ${i};andet;sundhed;Diabetes;Skive;aktiv`);
    lines.splice(318, 0, 'Forening uden status;andet;sundhed;Diabetes;Skive;');
    const p = plan('organisation', lines.join('\n'));
    expect(p.records).toHaveLength(500);
    expect(p.rejected.map((r) => [r.row, r.problems.map((x) => x.message.key)])).toEqual([[319, ['import.value.requiredEmpty']]]);
  });

  it('(tom) in a required column is refused at its cell, by the field\'s label; an empty required cell of a new row too', () => {
    const cleared = plan('organisation', 'Id;Navn;Kommuner;Områder\nalpha;(tom);(tom);(tom)\n', { update: true, lang: 'da' });
    const da = (m: { key: string; params?: Record<string, unknown> }) => translate('da', m.key as never, m.params as never);
    expect(cleared.rejected.map((r) => [r.row, r.problems.map((x) => [x.column, da(x.message)])])).toEqual([[2, [
      [1, 'Navn kan ikke tømmes; feltet skal udfyldes.'],
      [3, 'Områder kan ikke tømmes; feltet skal udfyldes.'],
    ]]]);
    const empty = plan('organisation', 'Navn;Art;Områder;Kommuner;Status\n;patientforening;psykiatri;Aarhus;aktiv\n', { lang: 'da' });
    expect(empty.rejected.map((r) => [r.row, r.problems.map((x) => [x.column, da(x.message)])])).toEqual([[2, [[0, 'Navn skal udfyldes.']]]]);
  });
});

describe('ids given in the sheet', () => {
  it('a malformed id is refused at its cell and never becomes a file name', () => {
    const p = plan('organisation', 'id,name,kind,areas,municipalities,status\n../../escape,Delta,other,social,aarhus,active\nok-id,Epsilon,other,social,aarhus,active\n');
    expect(p.rejected.map((r) => [r.row, r.problems.map((x) => [x.column, x.message.key])])).toEqual([[2, [[0, 'problem.schema.patternId']]]]);
    expect(p.records.map((r) => r.id)).toEqual(['ok-id']);
  });
});

describe('duplicates and updates', () => {
  const header = 'name,cvr,kind,areas,patient_groups,municipalities,status,website';
  it('an existing organisation matched by CVR is refused without --update and updated with it', () => {
    const row = 'Alpha Forening,12345674,patient-association,psychiatry,depression,aarhus,active,https://alpha.example';
    const refused = plan('organisation', `${header}\n${row}\n`);
    expect(refused.rejected[0].problems.map((x) => [x.column, en(x.message)])).toEqual([[1, 'an organisation with this CVR number already exists (alpha). Add --update to change it from the spreadsheet.']]);
    const updated = plan('organisation', `${header}\n${row}\n`, { update: true });
    expect(updated.records.map((r) => [r.id, r.action, r.changed])).toEqual([['alpha', 'update', ['website']]]);
  });

  it('with --update a sheet may hold only the columns to change, the organisation found by CVR', () => {
    const p = plan('organisation', 'cvr;hjemmeside\n12345674;https://alpha.example\n', { update: true });
    expect(p.sheetProblems).toEqual([]);
    expect(p.records.map((r) => [r.id, r.action, r.changed, r.record.website, r.record.name])).toEqual([['alpha', 'update', ['website'], 'https://alpha.example', 'Alpha Forening']]);
  });

  it('the same name as an existing organisation (case and punctuation aside) is that organisation: refused without --update, updated with it', () => {
    const row = 'ALPHA-forening!,,patient-association,psychiatry,depression,aarhus,active,https://alpha.example';
    const p = plan('organisation', `${header}\n${row}\n`);
    expect(p.rejected[0].problems.map((x) => [x.column, en(x.message)])).toEqual([[0, 'an organisation with this name already exists (alpha). Add --update to change it from the spreadsheet.']]);
    // The empty CVR cell is why the row was matched by its name: the number the organisation has is kept.
    const updated = plan('organisation', `${header}\n${row}\n`, { update: true });
    expect(updated.rejected).toEqual([]);
    expect(updated.records.map((r) => [r.id, r.action, r.changed, r.record.cvr])).toEqual([['alpha', 'update', ['name', 'website'], '12345674']]);
    // The same CVR number, or one the organisation lacks, is the same organisation too.
    const same = plan('organisation', `${header}\n${row.replace(',,', ',12345674,')}\n`, { update: true });
    expect(same.records.map((r) => [r.id, r.action, r.changed])).toEqual([['alpha', 'update', ['name', 'website']]]);
    const files = { 'organisations/alpha.yaml': org('alpha', 'Alpha Forening') };
    const added = plan('organisation', `${header}\n${row.replace(',,', ',87654303,')}\n`, { update: true, files });
    expect(added.records.map((r) => [r.id, r.action, r.changed, r.record.cvr])).toEqual([['alpha', 'update', ['name', 'cvr', 'website'], '87654303']]);
  });

  it('near miss: the same name with another CVR number than the organisation has is validate\'s name-unique error', () => {
    const p = plan('organisation', `${header}\nALPHA-forening!,87654303,other,psychiatry,,aarhus,active,\n`, { update: true });
    expect(p.rejected[0].problems.map((x) => [x.column, en(x.message)])).toEqual([[0, 'Another organisation (organisations/alpha.yaml) has the same name (ignoring case, accents, punctuation, invisible characters and look-alike letters). Merge the records or make the names distinct.']]);
  });

  it('a CVR number that belongs to an organisation of another name refuses the row, with --update too, naming both', () => {
    const row = 'Ældreforeningen,12345674,patient-association,psychiatry,,aarhus,active,';
    const da = (m: { key: string; params?: Record<string, unknown> }) => translate('da', m.key as never, m.params as never);
    for (const update of [false, true]) {
      const p = plan('organisation', `${header}\n${row}\n`, { update, lang: 'da' });
      expect(p.records).toEqual([]);
      expect(p.rejected.map((r) => [r.row, r.problems.map((x) => [x.column, da(x.message)])])).toEqual([[2, [[1,
        "CVR-nummeret tilhører Alpha Forening, men rækken hedder Ældreforeningen: ret CVR-nummeret i regnearket, eller ret navnet, hvis foreningen har skiftet navn (civsam org edit alpha --name 'Ældreforeningen'), og importér igen.",
      ]]]]);
    }
    // Near miss: the name as the organisation has it (case aside) updates it.
    const p = plan('organisation', `${header}\n${row.replace('Ældreforeningen', 'alpha forening')}\n`, { update: true });
    expect(p.records.map((r) => [r.id, r.action])).toEqual([['alpha', 'update']]);
  });

  it('a row that is another row\'s organisation only by a CVR number of another name: the number is said, not that it is the same record', () => {
    const da = (m: { key: string; params?: Record<string, unknown> }) => translate('da', m.key as never, m.params as never);
    const rows = ['Alpha Forening,12345674,patient-association,psychiatry,,aarhus,active,', 'Beta,87654303,other,health,,skive,active,'];
    const p = plan('organisation', `${header}\n${rows.join('\n')}\nÆldreforeningen,12345674,patient-association,psychiatry,,aarhus,active,\n`, { update: true, lang: 'da' });
    expect(p.rejected.map((r) => [r.row, r.problems.map((x) => [x.column, da(x.message)])])).toEqual([[4, [[1,
      "CVR-nummeret tilhører Alpha Forening, men rækken hedder Ældreforeningen: ret CVR-nummeret i regnearket, eller ret navnet, hvis foreningen har skiftet navn (civsam org edit alpha --name 'Ældreforeningen'), og importér igen.",
    ]]]]);
    // Near miss: the organisation's own name with its number is the same record as row 2, and said so.
    const same = plan('organisation', `${header}\n${rows.join('\n')}\nalpha forening,12345674,patient-association,psychiatry,,aarhus,active,\n`, { update: true, lang: 'da' });
    expect(same.rejected.map((r) => [r.row, r.problems.map((x) => da(x.message))])).toEqual([[4, ['det er samme post som række 2. Behold kun den ene række.']]]);
  });

  it('both municipalities and a scope: said by the sheet\'s columns, in Danish as kommuner and rækkevidde', () => {
    const da = (m: { key: string; params?: Record<string, unknown> }) => translate('da', m.key as never, m.params as never);
    const p = plan('organisation', 'navn;art;områder;kommuner;rækkevidde;status\nLys;pårørendeforening;psykiatri;Aarhus;regional;aktiv\n', { lang: 'da' });
    const problems = p.rejected.flatMap((r) => r.problems.map((x) => [r.row, x.column, da(x.message)]));
    expect(problems).toEqual([[2, 4, 'udfyld enten kolonnen kommuner eller kolonnen rækkevidde, ikke begge: kommunerne, når organisationen eller tilbuddet kun når ud til dem, ellers lad dem stå tomme, og skriv "hele regionen" eller "landsdækkende".']]);
    expect(problems.join(' ')).not.toMatch(/municipalities|scope/);
    const en = plan('organisation', 'name,kind,areas,municipalities,scope,status\nLys,relatives-association,psychiatry,aarhus,regional,active\n');
    expect(en.rejected[0].problems.map((x) => translate('en', x.message.key as never, x.message.params as never))).toEqual(['fill in either the column municipalities or the column scope, not both: the municipalities when the organisation or offer reaches only those, else leave them empty and write "hele regionen" (regional) or "landsdækkende" (national).']);
  });

  it('two rows of the file for one organisation: the second is refused, naming the first row', () => {
    const p = plan('organisation', `${header}\nBeta,87654303,other,health,,skive,active,\nbeta,,other,health,,skive,active,\n`);
    expect(p.rejected.map((r) => [r.row, r.problems.map((x) => en(x.message))])).toEqual([[3, ['Another organisation (row 2 of the spreadsheet) has the same name (ignoring case, accents, punctuation, invisible characters and look-alike letters). Merge the records or make the names distinct.']]]);
  });

  it('an unchanged row is recognised as unchanged (nothing to write)', () => {
    const p = plan('organisation', 'id,name,cvr,kind,areas,patient_groups,municipalities,status\nalpha,Alpha Forening,12345674,patient-association,psychiatry,depression,aarhus,active\n', { update: true });
    expect(p.records.map((r) => r.action)).toEqual(['unchanged']);
  });
});

describe('columns civsam cannot place', () => {
  it('an unknown header stops the import, with the closest fields; a --map file places or ignores it', () => {
    const csv = 'Foreningens navn,type,områder,kommuner,status,Intern note\nGamma,andet,social,Aarhus,aktiv,hemmeligt\n';
    const p = plan('organisation', csv);
    expect(p.sheetProblems.map((x) => [x.row, x.column, x.message.key])).toEqual([[1, 0, 'import.header.unknown'], [1, 5, 'import.header.unknown'], [1, undefined, 'import.header.missing']]);
    const mapped = plan('organisation', csv, { map: { 'Foreningens navn': 'name', 'Intern note': 'ignore' } });
    expect(mapped.sheetProblems).toEqual([]);
    expect(mapped.records[0].record).toEqual({ id: 'gamma', name: 'Gamma', kind: 'other', areas: ['social'], municipalities: ['aarhus'], status: 'active' });
  });
});

describe('offers', () => {
  it('the organisation by CVR or name, the type and groups by Danish name; a second offer of the same title is a duplicate', () => {
    const csv = 'organisation;titel;tilbudstype;patientgrupper;kommuner;aktiv_fra\n12345674;Samtalegruppe for unge;samtalegruppe;depression;Aarhus;01-01-2026\nAlpha Forening;samtalegruppe for UNGE;rådgivning;angst;Aarhus;2026-01-01\n';
    const p = plan('offer', csv);
    expect(p.records.map((r) => r.record)).toEqual([{ id: 'samtalegruppe-for-unge', organisation: 'alpha', title: 'Samtalegruppe for unge', type: 'peer-group', patient_groups: ['depression'], municipalities: ['aarhus'], active_from: '2026-01-01' }]);
    expect(p.rejected.map((r) => [r.row, r.problems.map((x) => en(x.message))])).toEqual([[3, ['the same record as row 2 (same name). Keep one of the rows.']]]);
  });

  it('an unknown organisation is named with the closest organisations', () => {
    const p = plan('offer', 'organisation,title,type,patient_groups,municipalities,active_from\nAlfa Forening,X,hotline,angst,aarhus,2026-01-01\n', { files: { 'organisations/beta.yaml': org('beta', 'Beta Gruppen') } });
    expect(en(p.rejected[0].problems[0].message)).toBe('no organisation has this id, CVR number or name. Closest names: Alpha Forening, Beta Gruppen. Import the organisation first.');
  });
});
