// What a case worker reads about a broken file names no parser code, rule id or field key they
// cannot act on: a YAML syntax problem says what is wrong and what to do in words of its own.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { baseFiles, makeFolder, org } from '../helpers/folder.js';
import { civsam } from '../helpers/cli.js';
import { messagesOf } from '../helpers/check.js';
import { parseStrict } from '../../src/store/yaml-read.js';
import { schemaProblems } from '../../src/validate/schema-problems.js';
import { translate } from '../../src/i18n/index.js';
import { severityCounts } from '../../src/i18n/severity-counts.js';

/** The parser's code and our message for one broken text. */
function syntax(text: string): Array<[string, string, string]> {
  return parseStrict(text).problems.map((p) => [`${p.line}:${p.col} ${p.rule}`, translate('en', p.message.key, p.message.params), translate('da', p.message.key, p.message.params)]);
}

describe('YAML syntax problems in words', () => {
  const CODES = /\b[A-Z]{2,}_[A-Z_]+\b/;

  it('a deeper line under a field that has its value (the parser points at that value): indent it as this line', () => {
    const got = syntax('id: a\nstatus: active\n  kind: x\n');
    expect(got.map((g) => g[0])).toEqual(['2:9 yaml-syntax']);
    expect(got[0][1]).toBe('The line below is indented further than this one, although this line already has its value. Indent the line below as this one; or, if it belongs under this field, leave nothing after this field\'s colon.');
    expect(got[0][2]).toBe('Linjen nedenfor er rykket længere ind end denne, selv om denne linje allerede har sin værdi. Ryk linjen nedenfor ind som denne; eller lad der intet stå efter feltets kolon her, hvis linjen nedenfor hører ind under feltet.');
  });

  it('a value holding ": " without quotes (the parser reads a field in the value): put the value in quotes, where it begins; nothing about indentation', () => {
    for (const text of ['id: a\nname: Hanne: Jensen: x\nstatus: active\n', 'id: a\ncontact:\n  name: Hanne: Jensen\n']) {
      const got = syntax(text);
      // Where the value begins: the quotes go from here to the end of the line.
      expect(got.map((g) => g[0])).toEqual([text.startsWith('id: a\nname') ? '2:7 yaml-syntax' : '3:9 yaml-syntax']);
      expect(got[0][1]).toBe('The value on this line holds a colon followed by a space, so what comes after that colon is read as a field of its own. Put the whole value in quotes, from where it begins here to the end of the line, e.g. "Open house: Aarhus".');
      expect(got[0][2]).toBe('Værdien på denne linje har et kolon efterfulgt af mellemrum, så det, der kommer efter kolonet, læses som et felt for sig. Sæt hele værdien i anførselstegn, fra hvor den begynder her, til linjens slutning, fx "Åbent hus: Aarhus".');
    }
  });

  it('list items at different indentations: the items of one list line up, said at the item; nothing about a colon', () => {
    const LIST = [
      'This list item does not line up with the items above it: the items of one list must stand at the same indentation, each with its "- " in the same column. Move the line so its "- " lines up with theirs.',
      'Dette punkt i listen flugter ikke med punkterne ovenfor: punkterne i én liste skal stå med samme indrykning, hvert med sit "- " i samme kolonne. Ryk linjen, så dens "- " flugter med deres.',
    ];
    expect(syntax('id: a\nareas:\n    - social\n  - psychiatry\nstatus: active\n')).toEqual([['4:3 yaml-syntax', ...LIST]]);
    expect(syntax('id: a\nareas:\n  - social\n - psychiatry\nstatus: active\n')).toEqual([['4:2 yaml-syntax', ...LIST]]);
    // Less indented than its siblings, at the key's own column: not "the line below is indented further".
    expect(syntax('id: a\nareas:\n  - social\n- psychiatry\nstatus: active\n')).toEqual([['4:1 yaml-syntax', ...LIST]]);
    // A field at an in-between indentation keeps its own words.
    expect(syntax('id: a\ncontact:\n    role: x\n  name: y\n')[0][2]).toMatch(/^Linjen flugter ikke med linjerne omkring den: /);
  });

  it('an unclosed [ : the lines after it do not line up', () => {
    const got = syntax('id: a\nareas: [social, psychiatry\nstatus: active\n');
    expect(got[0][0]).toBe('3:1 yaml-syntax');
    expect(got[0][2]).toMatch(/^Linjen flugter ikke med linjerne omkring den: .* Åbner en linje ovenfor en \[, en \{ eller et anførselstegn, så kontrollér, at det bliver lukket\.$/);
  });

  it('a field without its colon, a closing quote missing', () => {
    expect(syntax('id: a\nstatus: active\nnotes\n')).toEqual([['3:1 yaml-syntax',
      'Something is missing here: the colon and space after a field name (field: value), a comma between the items in [ ], or a closing quote, ] or }. Add it.',
      'Her mangler noget: kolon og mellemrum efter et feltnavn (felt: værdi), et komma mellem punkterne i [ ] eller et afsluttende anførselstegn, ] eller }. Tilføj det.']]);
    expect(syntax('id: a\nstatus active\nname: b\n')).toEqual([['2:1 yaml-syntax',
      'The colon after a field name is missing, or a field name goes on over two lines. Write each field on one line as field: value; a value that goes on over several lines must be indented under its field.',
      'Kolon efter et feltnavn mangler, eller et feltnavn fortsætter over to linjer. Skriv hvert felt på én linje som felt: værdi; en værdi over flere linjer skal rykkes ind under sit felt.']]);
  });

  it('a quote never closed is said where it opens, not at the end of the file the parser reports', () => {
    const UNCLOSED = [
      'The quote that opens here is never closed, so everything after it, to the end of the file, is read as one value. Add the closing quote where the value ends.',
      'Anførselstegnet, der begynder her, bliver aldrig lukket, så alt efter det, til filens slutning, læses som én værdi. Tilføj det afsluttende anførselstegn, hvor værdien slutter.',
    ];
    expect(syntax('id: a\nname: "b\n')).toEqual([['2:7 yaml-syntax', ...UNCLOSED]]);
    expect(syntax("id: a\nname: 'Ung i Midten\nkind: volunteer-organisation\nstatus: active\n")).toEqual([['2:7 yaml-syntax', ...UNCLOSED]]);
    expect(syntax('id: a\ncontact:\n  name: "Anne\n  role: formand\nstatus: active\n').map((g) => g[0])).toEqual(['3:9 yaml-syntax']);
    // Inside a list: the quote first; the list left open at the end of the file as before.
    expect(syntax('id: a\nareas: [social, "psychiatry]\nstatus: active\n').map((g) => g[0])).toEqual(['2:17 yaml-syntax', '4:1 yaml-syntax']);
    // A closed quote spanning lines, and a quote inside a value, are no problem.
    expect(syntax('id: a\nname: "b\n  c"\nnotes: it\'s "here"\n')).toEqual([]);
  });

  it('a value that starts with a reserved character: put it in quotes', () => {
    expect(syntax('id: a\nname: `b\n')).toEqual([['2:7 yaml-syntax',
      'A value cannot begin with this character (such as @, `, %, |, > or a comma) unless it is in quotes. Put the value in quotes.',
      'En værdi kan ikke begynde med dette tegn (fx @, `, %, |, > eller komma), medmindre den står i anførselstegn. Sæt værdien i anførselstegn.']]);
  });

  it('a field name over two lines', () => {
    expect(syntax('id: a\n"status\n  x": active\n')[0][2]).toMatch(/^Kolon efter et feltnavn mangler, eller et feltnavn fortsætter over to linjer/);
  });

  it('a stray closing bracket, an unknown escape', () => {
    expect(syntax('id: a\nareas: [social]]\n')[0][2]).toMatch(/^Noget her står forkert/);
    expect(syntax('id: a\nname: "a\\qb"\n')[0][2]).toMatch(/^En omvendt skråstreg inde i dobbelte anførselstegn/);
  });

  it('a tab in the indentation is the one problem on its line (not what the parser guessed after it)', () => {
    expect(syntax('id: a\ncontact:\n  role: x\n\temail: y\n').map((g) => g[0])).toEqual(['4:1 yaml-tab']);
  });

  it('a tab under a nested field: no advice to delete a line the parser took for a second one, the rest said to wait for the tab', () => {
    // The decision's amount, tab-indented, is read at the record's level beside the amount applied for.
    const text = 'id: a\namount_dkk: 400000\nkind: operation\ndecision:\n  outcome: granted\n  date: 2026-12-06\n\tamount_dkk: 400000\n  reason: ok\n  criteria: [kvalitet]\n';
    expect(syntax(text)).toEqual([['7:1 yaml-tab',
      'A tab is used for indentation; YAML allows only spaces. Replace the tab with spaces. Until then the rest of the file cannot be checked, so other problems in it may only show once the tab is replaced.',
      'Der er brugt tabulator til indrykning; YAML tillader kun mellemrum. Erstat tabulatoren med mellemrum. Indtil da kan resten af filen ikke kontrolleres, så andre fejl i den kan først vise sig, når tabulatoren er erstattet.']]);
    // A problem above the tab is its own, and still said.
    expect(syntax('id: a\nstatus active\nname: b\ncontact:\n  role: x\n\temail: y\n  name: z\n').map((g) => g[0])).toEqual(['2:1 yaml-syntax', '6:1 yaml-tab']);
  });

  it('no message, in either language, shows the parser\'s code', () => {
    const texts = ['id: a\nstatus: active\n  kind: x\n', 'id: a\nareas: [social, psychiatry\nstatus: active\n', 'id: a\nstatus active\nname: b\n', 'id: a\nname: `b\n', 'id: a\n"status\n  x": active\n', 'id: a\nareas: [social]]\n', 'a: [\n- b\n]\n', 'a: {b: c\n'];
    for (const t of texts) for (const [where, en, da] of syntax(t)) {
      expect(en, where).not.toMatch(CODES);
      expect(da, where).not.toMatch(CODES);
    }
  });

  it('a whole folder: the problem is located and says what to do', () => {
    const got = messagesOf({ ...baseFiles(), 'organisations/beta.yaml': org('beta', 'Beta').replace('status: active', 'status: active\n  notes: x') }, 'da');
    expect(got).toEqual(['organisations/beta.yaml:8:9 yaml-syntax Linjen nedenfor er rykket længere ind end denne, selv om denne linje allerede har sin værdi. Ryk linjen nedenfor ind som denne; eller lad der intet stå efter feltets kolon her, hvis linjen nedenfor hører ind under feltet.']);
  });
});

describe('schema problems a user can act on', () => {
  const folder = (replace: [string, string][]) => {
    let text = org('beta', 'Beta');
    for (const [a, b] of replace) text = text.replace(a, b);
    return { ...baseFiles(), 'organisations/beta.yaml': text };
  };

  it('allowed values: each code with its meaning, and told that the code is what to write', () => {
    const files = folder([['status: active', 'status: aktiv']]);
    expect(messagesOf(files, 'da')).toEqual(['organisations/beta.yaml:8:9 schema-value Status skal være en af disse (skriv koden i filen): active (aktiv), inactive (inaktiv).']);
    expect(messagesOf(files, 'en')).toEqual(['organisations/beta.yaml:8:9 schema-value Status must be one of these (write the value as shown): active, inactive.']);
  });

  it('a code whose label only spells it with spaces is not repeated; a label that says more is beside it', () => {
    const files = folder([['kind: patient-association', 'kind: forening']]);
    const [en] = messagesOf(files, 'en');
    const [da] = messagesOf(files, 'da');
    expect(en).toContain('Kind must be one of these (write the value as shown): patient-association, relatives-association, user-association, volunteer-organisation, ');
    expect(da).toContain('Art skal være en af disse (skriv koden i filen): patient-association (patientforening), relatives-association (pårørendeforening), ');
  });

  it('a missing field: its label, and the key to write', () => {
    const files = folder([['name: Beta\n', '']]);
    expect(messagesOf(files, 'da')).toEqual(['organisations/beta.yaml:2:1 schema-required Feltet navn mangler. Tilføj en linje name: med værdien.']);
    expect(messagesOf(files, 'en')).toEqual(['organisations/beta.yaml:2:1 schema-required The field “name” is missing. Add a line name: with its value.']);
  });

  it('a missing field in a list item: the item by its label and number, and the key to write', () => {
    const [p] = schemaProblems([{ keyword: 'required', instancePath: '/funding/2', schemaPath: '', params: { missingProperty: 'pool' } }]);
    expect(translate('da', p.message.key, p.message.params)).toBe('Feltet midler nr. 3: pulje mangler. Tilføj en linje pool: med værdien.');
    expect(translate('en', p.message.key, p.message.params)).toBe('The field “funding no. 3: pool” is missing. Add a line pool: with its value.');
    const [q] = schemaProblems([{ keyword: 'enum', instancePath: '/funding/1/kind', schemaPath: '', params: { allowedValues: ['development', 'operation'] } }]);
    expect(translate('da', q.message.key, q.message.params)).toBe('Midler nr. 2: art skal være en af disse (skriv koden i filen): development (udvikling), operation (drift).');
  });

  it('an unknown field is named as it is written in the file (its label would not be found in the file)', () => {
    const files = folder([['status: active', 'email: x\nstatus: active']]);
    expect(messagesOf(files, 'da')).toEqual(['organisations/beta.yaml:8:1 schema-unknown-field Ukendt felt email. Kontrollér stavningen mod skemaet, eller fjern feltet.']);
  });

  it('a field name YAML reads as null (null:, ~:, NULL:) is said at its own line, as a field with no name', () => {
    const NO_NAME = 'Ukendt felt uden navn: et feltnavn skrevet null, Null, NULL eller ~ (eller tomt) betyder "intet navn" i YAML. Skriv feltets navn (fx name eller areas), eller fjern linjen.';
    for (const written of ['null', '~', 'NULL']) {
      expect(messagesOf(folder([['status: active', `status: active\n${written}: x`]]), 'da')).toEqual([`organisations/beta.yaml:9:1 schema-unknown-field ${NO_NAME}`]);
      // Under another field: at the key, not at the field that holds it.
      expect(messagesOf(folder([['status: active', `status: active\ncontact:\n  role: leder\n  ${written}: x`]]), 'da')).toEqual([`organisations/beta.yaml:11:3 schema-unknown-field ${NO_NAME}`]);
    }
  });
});

describe('the human report names no rule id', () => {
  const files = () => ({ ...baseFiles(), 'organisations/beta.yaml': org('beta', 'Beta').replace('status: active', 'status: aktiv').replace('municipalities: [aarhus]', 'municipalities: [aarhus, nowhere]') });

  it('validate in Danish: where, then what to do; the rule ids stay in JSON for scripts', async () => {
    const dir = makeFolder(files());
    const r = await civsam(['validate', '--data', dir], { env: { CIVSAM_LANG: 'da' } });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe([
      `${dir}/organisations/beta.yaml:7:26  Kommune nr. 2 henviser til et id, som ingen kommune har. Kontrollér id'et, eller opret først det, der henvises til.`,
      `${dir}/organisations/beta.yaml:8:9  Status skal være en af disse (skriv koden i filen): active (aktiv), inactive (inaktiv). Skriv active for aktiv.`,
      '',
    ].join('\n'));
    const json = JSON.parse((await civsam(['validate', '--data', dir, '--format', 'json'], { env: { CIVSAM_LANG: 'da' } })).stdout);
    expect(json.problems.map((p: { rule: string }) => p.rule)).toEqual(['reference', 'schema-value']);
  });

  it('a refused write lists its problems the same way; a record made from flags is told the flag it misses', async () => {
    const dir = makeFolder(baseFiles());
    const r = await civsam(['org', 'add', '--data', dir, '--name', 'Ny Forening', '--no-commit'], { env: { CIVSAM_LANG: 'da' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^  Posten mangler stadig 3 felter; angiv dem med:\n {4}--kind  \(art\)\n/m);
    expect(r.stderr).not.toContain('ny-forening.yaml');
    expect(r.stderr).not.toMatch(/schema-/);
    const file = join(dir, 'ny.yaml');
    writeFileSync(file, 'name: Ny Forening\nareas: [psychiatry]\nscope: regional\n');
    const fromFile = await civsam(['org', 'add', '--data', dir, '--from-file', file, '--no-commit'], { env: { CIVSAM_LANG: 'da' } });
    expect(fromFile.stderr).toContain('  Feltet art mangler. Tilføj en linje kind: med værdien.');
  });

  it('a record file that is not YAML says what is wrong, not the rule', async () => {
    const dir = makeFolder(baseFiles());
    const file = join(dir, 'new.yaml');
    writeFileSync(file, 'id: x\nname: "a\n');
    const r = await civsam(['org', 'add', '--data', dir, '--from-file', file, '--no-commit'], { env: { CIVSAM_LANG: 'da' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`fejl: ${file}:2:7 er ikke gyldig YAML eller JSON: Anførselstegnet, der begynder her, bliver aldrig lukket, så alt efter det, til filens slutning, læses som én værdi. Tilføj det afsluttende anførselstegn, hvor værdien slutter.\n`);
  });

  it('a file that holds a list, not a record, says what the file must hold', () => {
    expect(messagesOf({ ...baseFiles(), 'organisations/beta.yaml': '- id: beta\n' }, 'da')).toEqual(['organisations/beta.yaml:1:1 schema-type Filen skal indeholde én post: dens felter, ét på hver linje som felt: værdi (ikke en liste og ikke en enkelt værdi).']);
  });
});

describe('counts in messages', () => {
  it('are grouped as the language writes them, in the plural their number takes', () => {
    expect(translate('da', 'validate.clean', { files: 44870 })).toBe('Ingen problemer i 44.870 filer.');
    expect(translate('en', 'validate.clean', { files: 44870 })).toBe('No problems in 44,870 files.');
    expect(translate('da', 'validate.summary', { counts: severityCounts(1200, 1), files: 1001, read: 44870 })).toBe('1.200 fejl og 1 advarsel i 1.001 filer (44.870 filer læst).');
  });

  it('a year, a line and a process id are not counts', () => {
    expect(translate('da', 'ranking.money', { pool: 'p', year: 2026, budget: '1.000 kr.', committed: '0 kr.', available: '1.000 kr.' })).toContain('budget for 2026');
    expect(translate('da', 'ranking.budgetLine', { rank: 3 })).toContain('plads 3;');
    expect(translate('en', 'register.fromFileInvalid', { file: 'x.yaml', line: 12345, col: 3, problem: { key: 'problem.yaml.yaml-syntax' } })).toMatch(/^x\.yaml:12345:3 /);
  });
});

describe('an amount written with a Danish thousands separator', () => {
  const pool = (amount: string) => `id: p\nname: Puljen\nareas: [psychiatry]\neligible_kinds: [operation]\nbudgets:\n  - year: 2026\n    amount_dkk: ${amount}\n`;
  it('is refused at the amount, not read as a thousand times less (YAML reads 600.000 as 600)', () => {
    const files = { ...baseFiles(), 'pools/p.yaml': pool('600.000') };
    expect(messagesOf(files, 'da')).toEqual(['pools/p.yaml:7:17 amount-decimal Beløb skrives i hele kroner med cifre alene, uden punktum, komma eller mellemrum (fx 250000 for 250.000 kr.); øre kan ikke registreres.']);
    expect(messagesOf(files, 'en')).toEqual(['pools/p.yaml:7:17 amount-decimal Amount is written in whole kroner, in digits only, without points, commas or spaces (e.g. 250000 for 250.000 kr.); øre cannot be recorded.']);
    // A decimal that is no thousands point has no digits to offer: said as kroner without øre.
    expect(messagesOf({ ...baseFiles(), 'pools/p.yaml': pool('600.5') }, 'da')).toEqual(['pools/p.yaml:7:17 amount-decimal Et beløb skrives i hele kroner uden punktum eller komma: YAML læser et punktum som decimaltegn, så 600.000 ville tælle som 600 kroner. Skriv beløbet med cifre alene, fx 600000.']);
    // In a flow mapping, and after a list's dash, too; a whole amount and a text that mentions one are fine.
    expect(messagesOf({ ...baseFiles(), 'pools/p.yaml': pool('600000').replace('  - year: 2026\n    amount_dkk: 600000\n', '  - {year: 2026, amount_dkk: 1.500}\n') }, 'en')[0]).toMatch(/^pools\/p\.yaml:6:30 amount-decimal /);
    expect(messagesOf({ ...baseFiles(), 'pools/p.yaml': pool('600000') }, 'en').filter((m) => m.includes('amount-decimal'))).toEqual([]);
  });
});

describe('a number YAML would misread does not hide the file\'s other problems', () => {
  it('an amount with a thousands point and øre, a year in quotes and a date written DD-MM-YYYY: all three in one run', () => {
    const files = {
      ...baseFiles(),
      'calls/c.yaml': 'id: c\ntitle: C\nareas: [psychiatry]\nscope: regional\npublished: 2026-01-01\ndeadline: 2026-02-01\nchannel: public\n',
      'applications/a.yaml': 'id: a\ncall: c\norganisations: [alpha]\ntitle: T\namount_dkk: 100.000,50\nkind: development\nyears: ["2027"]\nreceived: 05-12-2026\n',
    };
    expect(messagesOf(files, 'da').filter((m) => m.startsWith('applications/'))).toEqual([
      'applications/a.yaml:5:13 amount-decimal Beløb skrives i hele kroner med cifre alene, uden punktum, komma eller mellemrum (fx 250000 for 250.000 kr.); øre kan ikke registreres.',
      'applications/a.yaml:7:9 schema-type År nr. 1 skal være et helt tal skrevet med cifre alene, uden anførselstegn, komma, punktum eller mellemrum.',
      'applications/a.yaml:8:11 schema-format Modtaget skal være en gyldig dato skrevet ÅÅÅÅ-MM-DD, fx 2026-03-01.',
    ]);
  });
  it('a tab in an indentation above or below the misread amount is said beside it', () => {
    const pool = 'id: p\nname: Puljen\nareas: [psychiatry]\neligible_kinds: [operation]\nbudgets:\n  - year: 2026\n\tnote: x\n    amount_dkk: 600.000\n';
    expect(messagesOf({ ...baseFiles(), 'pools/p.yaml': pool }, 'da').map((m) => m.split(' ').slice(0, 2).join(' '))).toEqual(['pools/p.yaml:7:1 yaml-tab', 'pools/p.yaml:8:17 amount-decimal']);
    const above = pool.replace('\tnote: x\n    amount_dkk: 600.000\n', '    amount_dkk: 600.000\n\tnote: x\n');
    expect(messagesOf({ ...baseFiles(), 'pools/p.yaml': above }, 'da').map((m) => m.split(' ').slice(0, 2).join(' '))).toEqual(['pools/p.yaml:7:17 amount-decimal', 'pools/p.yaml:8:1 yaml-tab']);
  });
  it('every misread number is said, each where it is', () => {
    const pool = 'id: p\nname: Puljen\nareas: [psychiatry]\neligible_kinds: [operation]\nbudgets:\n  - year: 2026\n    amount_dkk: 600.000\n  - year: 2027\n    amount_dkk: 250.000\n';
    expect(messagesOf({ ...baseFiles(), 'pools/p.yaml': pool }, 'en').map((m) => m.split(' ').slice(0, 2).join(' '))).toEqual(['pools/p.yaml:7:17 amount-decimal', 'pools/p.yaml:9:17 amount-decimal']);
  });
});

describe('an amount written as text the Danish way: one message, saying how to write it, never the amount', () => {
  const pool = (amount: string) => `id: p\nname: Puljen\nareas: [psychiatry]\neligible_kinds: [operation]\nbudgets:\n  - year: 2026\n    amount_dkk: ${amount}\n`;
  const said = (amount: string) => messagesOf({ ...baseFiles(), 'pools/p.yaml': pool(amount) }, 'da');
  it('points, spaces or quotes between the thousands are said as the point of 250.000 is, never as a leading zero (the 000 of 250 000)', () => {
    expect(said('1.500.000')).toEqual(['pools/p.yaml:7:17 schema-type Budget nr. 1: beløb skrives i hele kroner med cifre alene, uden punktum, komma eller mellemrum (fx 250000 for 250.000 kr.); øre kan ikke registreres.']);
    expect(said('250 000')).toEqual(['pools/p.yaml:7:17 schema-type Budget nr. 1: beløb skrives i hele kroner med cifre alene, uden punktum, komma eller mellemrum (fx 250000 for 250.000 kr.); øre kan ikke registreres.']);
    expect(said('"1.500.000"')).toEqual(['pools/p.yaml:7:17 schema-type Budget nr. 1: beløb skrives i hele kroner med cifre alene, uden punktum, komma eller mellemrum (fx 250000 for 250.000 kr.); øre kan ikke registreres.']);
  });
  it('an amount with øre after a comma is said as whole kroner, without offering digits that would drop the øre', () => {
    const whole = 'pools/p.yaml:7:17 schema-type Budget nr. 1: beløb skrives i hele kroner med cifre alene, uden punktum, komma eller mellemrum (fx 250000 for 250.000 kr.); øre kan ikke registreres.';
    expect(said('1,5')).toEqual([whole]);
    expect(said('1.500.000,00')).toEqual([whole]);
  });
  it('near miss: digits in quotes are said in plain words', () => {
    expect(said('"1500000"')).toEqual(['pools/p.yaml:7:17 schema-type Budget nr. 1: beløb skal være et helt tal skrevet med cifre alene, uden anførselstegn, komma, punktum eller mellemrum.']);
  });
});

describe('a whole number written otherwise than in digits', () => {
  const pool = (budget: string) => `id: p\nname: Puljen\nareas: [psychiatry]\nfunds: [operation]\nbudgets:\n${budget}`;
  const only = (files: Record<string, string>, lang: 'da' | 'en' = 'en') => messagesOf({ ...baseFiles(), ...files }, lang).filter((m) => m.includes('number-not-digits'));
  it('is refused at the value, for an amount in hex and a year with an exponent, in both languages', () => {
    expect(only({ 'pools/p.yaml': pool('  - year: 2026\n    amount_dkk: 0xDBBA0\n') }, 'da')).toEqual(['pools/p.yaml:7:17 number-not-digits Et helt tal, fx et beløb eller et årstal, skrives kun med cifre: YAML læser også former som 0x…, 2.027e3, +900000 og 0900000 som tal (nogle programmer læser et nul forrest som et oktaltal), så en tastefejl ville gå igennem uset. Skriv det med cifre alene, fx 2027 eller 900000.']);
    expect(only({ 'pools/p.yaml': pool('  - year: 2.027e3\n    amount_dkk: 900000\n') })).toEqual(['pools/p.yaml:6:11 number-not-digits A whole number, such as an amount or a year, is written in digits only: YAML reads forms such as 0x…, 2.027e3, +900000 and 0900000 as numbers too (some programs read a leading zero as octal), so a slip would pass unseen. Write it as digits only, e.g. 2027 or 900000.']);
  });
  it('is found in every integer field the schemas define: in a flow mapping, a flow list and a block list, in octal', () => {
    expect(only({ 'pools/p.yaml': pool('  - {year: 2026, amount_dkk: 9E5}\n') })).toEqual([expect.stringMatching(/^pools\/p\.yaml:6:30 /)]);
    const app = (years: string) => ({ 'calls/c.yaml': 'id: c\ntitle: C\nareas: [psychiatry]\nscope: regional\npublished: 2026-01-01\ndeadline: 2026-02-01\nchannel: public\n', 'applications/a.yaml': `id: a\ncall: c\norganisations: [alpha]\namount_dkk: 1000\nkind: operation\nreceived: 2026-01-10\n${years}` });
    expect(only(app('years: [2026, 0o3753]\n'))).toEqual([expect.stringMatching(/^applications\/a\.yaml:7:15 /)]);
    expect(only(app('years:\n  - 2026\n  - 2.027e+3\n'))).toEqual([expect.stringMatching(/^applications\/a\.yaml:9:5 /)]);
    expect(only({ 'consultations/h.yaml': 'id: h\ntitle: H\nareas: [psychiatry]\nopens: 2026-01-01\ndeadline: 2026-02-01\nselection: limited\nseats: 1e1\nstatus: planned\n' })).toEqual([expect.stringMatching(/^consultations\/h\.yaml:7:8 /)]);
  });
  it('is found with a plus sign or a leading zero (a YAML 1.1 program reads 0250000 as the octal 86016), in block and flow', () => {
    expect(only({ 'pools/p.yaml': pool('  - year: 2026\n    amount_dkk: 0250000\n') })).toEqual([expect.stringMatching(/^pools\/p\.yaml:7:17 /)]);
    expect(only({ 'pools/p.yaml': pool('  - year: 2026\n    amount_dkk: +250000\n') })).toEqual([expect.stringMatching(/^pools\/p\.yaml:7:17 /)]);
    expect(only({ 'pools/p.yaml': pool('  - {year: 02026, amount_dkk: 250000}\n') })).toEqual([expect.stringMatching(/^pools\/p\.yaml:6:12 /)]);
  });
  it('is found with a point and zeros, which YAML reads as a whole number: seats: 1.000 (a Danish thousand) is 1, said as a thousands point; 2.0 as a form', () => {
    const seats = (n: string) => ({ 'consultations/h.yaml': `id: h\ntitle: H\nareas: [psychiatry]\nopens: 2026-01-01\ndeadline: 2026-02-01\nselection: limited\nseats: ${n}\nstatus: planned\n` });
    expect(only(seats('1.000'), 'da')).toEqual(['consultations/h.yaml:7:8 number-not-digits Pladser skrives med cifre alene, uden punktum eller mellemrum mellem tusinderne (fx 1000, ikke 1.000).']);
    expect(only(seats('2.0'))).toEqual([expect.stringMatching(/^consultations\/h\.yaml:7:8 number-not-digits A whole number/)]);
    expect(only(seats('2'))).toEqual([]);
    expect(only({ 'pools/p.yaml': pool('  - year: 2026\n    amount_dkk: 900000\n') + 'criteria:\n  - id: k\n    text: {da: "K"}\n    weight: 1.0\n' })).toEqual([]);
  });
  it('near miss: a zero alone, a date, a quoted or commented leading zero, a text field that starts with 0', () => {
    expect(only({ 'pools/p.yaml': pool('  - year: 2026\n    amount_dkk: 0\n') + 'description: "0250000"\n# amount_dkk: 0250000\n' })).toEqual([]);
    expect(only({ 'consultations/h.yaml': 'id: h\ntitle: "+45 0800"\nareas: [psychiatry]\nopens: 2026-01-01\ndeadline: 2026-02-01\nselection: open\nstatus: planned\n' })).toEqual([]);
  });
  it('near miss: digits, a text or a comment holding such a form, a quoted one, a number field that is not whole', () => {
    expect(only({ 'pools/p.yaml': pool('  - year: 2026\n    amount_dkk: 900000\n') + 'description: Op til 1e6 kr. i alt, se 0x10\n# amount_dkk: 0x10\n' })).toEqual([]);
    expect(only({ 'pools/p.yaml': pool('  - year: 2026\n    amount_dkk: 900000\n') + 'criteria:\n  - id: k\n    text: {da: "1e3"}\n    weight: 1e1\n' })).toEqual([]);
  });
});

describe('a record that says nowhere where it reaches', () => {
  it('is told the field or line to write, and the options that give them, in words of the language', () => {
    const files = { ...baseFiles(), 'organisations/beta.yaml': org('beta', 'Beta').replace('municipalities: [aarhus]\n', '') };
    expect(messagesOf(files, 'da').filter((m) => m.includes('når ud'))).toEqual(['organisations/beta.yaml:2:1 reach-missing Angiv, hvor posten når ud: skriv kommunerne i feltet municipalities, eller tilføj en linje scope: regional eller scope: national (med kommandoen: --municipalities eller --scope).']);
  });
});

describe('a field written twice', () => {
  it('is told in plain words, not YAML\'s ("mapping", "afbildning")', () => {
    const files = { ...baseFiles(), 'organisations/beta.yaml': org('beta', 'Beta') + 'name: Andet navn\n' };
    const [da] = messagesOf(files, 'da');
    expect(da).toBe('organisations/beta.yaml:9:1 yaml-duplicate-key Feltet navn står to gange på samme niveau (i posten eller i ét punkt af en liste i den): i linje 3 og igen i denne linje. Behold den ene af de to linjer, og slet den anden.');
    expect(messagesOf(files, 'en')[0]).toBe('organisations/beta.yaml:9:1 yaml-duplicate-key The field name is written twice at the same level (the record, or one item of a list in it): on line 3 and again on this line. Keep one of the two lines and delete the other.');
  });

  it('names the field by the label show gives it, in each language, with the lines of both writings; a key of no label as written', () => {
    // Lines: 1 comment, 2 id, 3 name, 4 kind, 5 cvr, 6 areas, 7 patient groups, 8 municipalities, 9 status; the extra lines from 10.
    const extra = 'cvr: "12345674"\nscope: regional\nscope: national\ncontact:\n  email: a@example.org\n  email: b@example.org\nnmae: x\nnmae: y\n';
    const files = { ...baseFiles(), 'organisations/beta.yaml': org('beta', 'Beta', '12345674', extra) };
    const said = (lang: 'en' | 'da') => messagesOf(files, lang).map((m) => m.replace(/ (står to gange|is written twice).*: (i linje|on line) (\d+) .*$/, ' … $3'));
    expect(said('da')).toEqual([
      'organisations/beta.yaml:10:1 yaml-duplicate-key Feltet CVR-nummer … 5',
      'organisations/beta.yaml:12:1 yaml-duplicate-key Feltet rækkevidde … 11',
      'organisations/beta.yaml:15:3 yaml-duplicate-key Feltet kontakt: e-mail … 14',
      'organisations/beta.yaml:17:1 yaml-duplicate-key Feltet nmae … 16',
    ]);
    expect(said('en')).toEqual([
      'organisations/beta.yaml:10:1 yaml-duplicate-key The field CVR number … 5',
      'organisations/beta.yaml:12:1 yaml-duplicate-key The field reach … 11',
      'organisations/beta.yaml:15:3 yaml-duplicate-key The field contact: e-mail … 14',
      'organisations/beta.yaml:17:1 yaml-duplicate-key The field nmae … 16',
    ]);
    expect(messagesOf(files, 'da').join('\n')).not.toMatch(/example\.org|national/);
  });

  it('names the field as written and its first line inside an item of a list too, never a value', () => {
    const files = { ...baseFiles(), 'organisations/beta.yaml': org('beta', 'Beta', undefined, 'contacts:\n  - name: Hemmelig Person\n    role: formand\n    name: Anden Person\n') };
    const [en] = messagesOf(files, 'en');
    expect(en).toBe('organisations/beta.yaml:12:5 yaml-duplicate-key The field name is written twice at the same level (the record, or one item of a list in it): on line 10 and again on this line. Keep one of the two lines and delete the other.');
    expect(en).not.toContain('Person');
  });
});

describe('a fixed value written wrong: each allowed code with its label as the field says it', () => {
  it('a hearing point\'s disposition says "delvis imødekommet" for partly, a decision\'s outcome "delvist bevilget"', () => {
    const files = {
      ...baseFiles(),
      'hearing-parties/hp.yaml': 'id: hp\norganisation: alpha\nareas: [psychiatry]\nsince: 2026-01-01\nstatus: active\n',
      'consultations/h.yaml': 'id: h\ntitle: Høring\nareas: [psychiatry]\nopens: 2026-01-05\ndeadline: 2026-02-05\nselection: all\nstatus: closed\ninvited: [hp]\nresponses:\n  - party: hp\n    received: 2026-01-10\n    points:\n      - summary: Mere tid\n        disposition: delvis\n',
    };
    const got = messagesOf(files, 'da').filter((m) => m.includes('consultations/h.yaml'));
    expect(got).toHaveLength(1);
    expect(got[0]).toContain('accommodated (imødekommet), partly (delvis imødekommet), not (ikke imødekommet)');
    expect(got[0]).not.toContain('bevilget');
  });
});
