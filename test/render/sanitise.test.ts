// One sanitiser for everything that reaches a terminal: message parameters (through the catalogue's
// formatter, so no caller can forget), table cells, file names in validate's lines, an .xlsx sheet's
// name, and commander's errors (which never echo an option's value).
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { Chalk } from 'chalk';
import { terminalSafe } from '../../src/i18n/terminal-text.js';
import { translate } from '../../src/i18n/index.js';
import { renderTerminalTable } from '../../src/output/table.js';
import { baseFiles, makeFolder, org } from '../helpers/folder.js';
import { civsam } from '../helpers/cli.js';

const ESC = '\u001b';
const BEL = '\u0007';
const R = '\uFFFD';

describe('terminalSafe', () => {
  it('shows C0, DEL, C1 and bidirectional controls as U+FFFD, tabs as spaces, and keeps line breaks', async () => {
    expect(terminalSafe(`a${ESC}]0;title${BEL}b`)).toBe(`a${R}]0;title${R}b`);
    expect(terminalSafe(`x${ESC}[2Jy`)).toBe(`x${R}[2Jy`);
    expect(terminalSafe('c\u009b31md\u007fe')).toBe(`c${R}31md${R}e`); // C1 CSI, DEL
    expect(terminalSafe('abc\u202Efdp.exe')).toBe(`abc${R}fdp.exe`); // right-to-left override
    expect(terminalSafe('\u202A\u202B\u202C\u202D\u2066\u2067\u2068\u2069')).toBe(R.repeat(8));
    expect(terminalSafe('a\tb\nc')).toBe('a b\nc');
    expect(terminalSafe('Søndervig – “ok” €')).toBe('Søndervig – “ok” €'); // nothing else changes
  });
  it('turns line breaks into spaces inside a one-line message', async () => {
    expect(terminalSafe('a\r\nb\nc\rd', { lineBreaks: 'space' })).toBe('a b c d');
  });
});

describe('the catalogue formatter', () => {
  it('passes every parameter through the sanitiser, nested messages too, and leaves its own text alone', async () => {
    expect(translate('en', 'problem.nameUnique', { other: `organisations/0${ESC}]0;PWNED${BEL}.yaml` }))
      .toBe(`Another organisation (organisations/0${R}]0;PWNED${R}.yaml) has the same name (ignoring case, accents, punctuation, invisible characters and look-alike letters). Merge the records or make the names distinct.`);
    expect(translate('en', 'import.where.rowColumn', { row: 2, column: 'B\nerror: forged' })).toBe('row 2, column B error: forged');
    expect(translate('da', 'import.value.itemValue', { item: 1, field: `pool${ESC}[31m`, problem: { key: 'import.error.noSheet', params: { sheets: `"a\u202Eb"` } } }))
      .toContain(`pool${R}[31m`);
    expect(translate('da', 'import.value.itemValue', { item: 1, field: 'pool', problem: { key: 'import.error.noSheet', params: { sheets: `"a\u202Eb"` } } }))
      .toContain(`"a${R}b"`);
  });
});

describe('terminal tables', () => {
  it('never print a control character or a bidirectional override from a cell, a header or a title', async () => {
    const out = renderTerminalTable({ title: `T${ESC}]0;x${BEL}`, columns: [{ header: `H\u202E` }], rows: [[`v${ESC}[2J`]] }, 'en', 40, new Chalk({ level: 0 })).text;
    expect(out).toBe([`T${R}]0;x${R}`, '┌───────┐', `│ H${R}    │`, '├───────┤', `│ v${R}[2J │`, '└───────┘', ''].join('\n'));
  });
});

describe('text with combining marks (NFD)', () => {
  const nfd = 'Aarhus Sa\u0301ngkor og Ro\u0308de Kors'.normalize('NFD');
  it('is shown composed, so each letter takes the one column a terminal gives it', async () => {
    expect(terminalSafe(nfd)).toBe(nfd.normalize('NFC'));
    expect(terminalSafe(nfd).length).toBe(nfd.length - 2);
    expect(terminalSafe(`${nfd}${ESC}`)).toBe(`${nfd.normalize('NFC')}${R}`);
  });
  it('lines a table up: every line of it is as long as its top border', async () => {
    const out = renderTerminalTable({ columns: [{ header: 'Navn' }, { header: 'By' }], rows: [[nfd, 'A\u030arhus'], ['Ribe', 'Ry']] }, 'da', 80, new Chalk({ level: 0 })).text;
    const lines = out.trimEnd().split('\n');
    expect(new Set(lines.map((l) => l.length)).size).toBe(1);
    expect(out).toContain('│ Århus │');
  });
});

describe('civsam, end to end', () => {
  it('validate names a record file called with an escape code without printing the code', async () => {
    // Two organisations with the same name and CVR: the second file is named with ESC ] 0 ; … BEL.
    const dir = makeFolder({ ...baseFiles(), [`organisations/0${ESC}]0;PWNED${BEL}.yaml`]: org('alpha', 'Alpha Forening', '12345674') });
    const r = await civsam(['validate', '--data', dir]);
    expect(r.code).toBe(2);
    expect(r.stdout + r.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(r.stdout).toContain(`${dir}/organisations/alpha.yaml:3:7  Another organisation (organisations/0${R}]0;PWNED${R}.yaml) has the same name`);
    expect(r.stdout).toContain(`${dir}/organisations/0${R}]0;PWNED${R}.yaml:2:1  The file name is not a valid id.`);
  });

  it('validate prints a file name with a line break on one line', async () => {
    const dir = makeFolder({ ...baseFiles(), 'organisations/0\nforged.yaml': org('beta', 'Beta Forening') });
    const r = await civsam(['validate', '--data', dir]);
    expect(r.stdout.split('\n').filter((l) => l.includes('forged'))[0]).toBe(`${dir}/organisations/0 forged.yaml:2:1  The file name is not a valid id. Name the file <id>.yaml with lowercase letters, digits and dashes (e.g. organisations/my-record.yaml).`);
  });

  it('import names an .xlsx sheet called with an escape code without printing the code', async () => {
    const dir = makeFolder({ ...baseFiles() });
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['navn', 'type', 'områder', 'status', 'kommuner'], ['Beta Forening', 'other', 'social', 'active', 'Aarhus']]), `S${ESC}cX${BEL}`); // ESC c resets the terminal
    const file = `${dir}/in.xlsx`;
    writeFileSync(file, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    const r = await civsam(['import', 'organisations', file, '--dry-run', '--data', dir]);
    expect(r.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(r.stderr.split('\n')[0]).toBe(`Read ${file}: 1 row, sheet "S${R}cX${R}".`);
  });

  it('a mistyped option is named without its value; an invalid choice names the option and its choices', async () => {
    const typo = await civsam(['org', 'list', '--contact-emial=SECRET@example.dk']);
    expect(typo).toEqual({ code: 2, stdout: '', stderr: 'error: unknown option --contact-emial.\nRun civsam org list --help to see its options.\n' });
    expect((await civsam(['org', 'list', '-qSECRET'])).stderr).toBe('error: unknown option -q.\nRun civsam org list --help to see its options.\n');
    expect((await civsam(['org', 'list', '-qsecret'])).stderr).toBe('error: unknown option -q.\nRun civsam org list --help to see its options.\n');
    const choice = await civsam(['--lang', 'da', 'org', 'list', '--format', 'SECRET@example.dk']);
    expect(choice).toEqual({ code: 2, stdout: '', stderr: 'fejl: --format kan ikke have den værdi, du angav. Den kan have: tabel, json, csv, md.\nKør civsam org list --help for at se dens tilvalg.\n' });
    const by = await civsam(['--lang', 'da', 'overview', 'funding', '--by', 'SECRET@example.dk']);
    expect(by).toEqual({ code: 2, stdout: '', stderr: 'fejl: --by kan ikke have den værdi, du angav. Den kan have: pulje, organisation.\nKør civsam overview funding --help for at se dens tilvalg.\n' });
    const command = await civsam(['Jens Hansen']);
    expect(command).toEqual({ code: 2, stdout: '', stderr: 'error: unknown command: the word after civsam is not one of civsam\'s commands.\nRun civsam --help to see the commands and options.\n' });
  });
});
