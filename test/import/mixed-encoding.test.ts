// A CSV whose rows were saved in two encodings (some UTF-8, some Windows-1252) would be imported as
// mojibake (`Forening SÃ¸ndervig`); a file marked as UTF-8 with bytes that are not UTF-8 likewise.
// Both are refused, naming the rows as the spreadsheet numbers them (the header is row 1).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/domain/errors.js';
import { translate } from '../../src/i18n/index.js';
import { sheetFromCsv } from '../../src/spreadsheets/import/sheet.js';
import { decodeText } from '../../src/spreadsheets/import/text.js';
import { baseFiles, makeFolder } from '../helpers/folder.js';
import { civsam } from '../helpers/cli.js';
import { cp1252 } from './fixtures.js';

const utf8 = (s: string) => new TextEncoder().encode(s);
const bytes = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((p) => [...p]));

function refusal(b: Uint8Array): { key: string; en: string; da: string } {
  try {
    sheetFromCsv(b);
  } catch (e) {
    const m = (e as UserError).userMessage;
    return { key: m.key, en: translate('en', m.key, m.params), da: translate('da', m.key, m.params) };
  }
  throw new Error('not refused');
}

describe('a CSV mixing UTF-8 and Windows-1252', () => {
  // Row 1 header (ASCII), row 2 UTF-8, row 3 Windows-1252, row 4 a quoted cell over two lines, row 5 UTF-8.
  const mixed = bytes(
    utf8('navn;noter\r\n'),
    utf8('Forening Søndervig;a\r\n'),
    cp1252('Forening Sønderby;b\r\n'),
    utf8('Forening Tre;"to\r\nlinjer"\r\n'),
    utf8('Forening Åby;c\r\n'),
  );

  it('is refused, naming the UTF-8 rows and the Windows-1252 rows as the sheet numbers them', async () => {
    expect(refusal(mixed)).toEqual({
      key: 'import.error.mixedEncoding',
      en: 'the file mixes two encodings: rows 2, 5 saved as UTF-8, row 3 as Windows-1252, so letters such as æ, ø and å would come out wrong in one or the other. Open the file in Excel, correct the letters in those rows, save it as "CSV UTF-8" and import that.',
      da: 'filen blander to tegnkodninger: rækkerne 2, 5 er gemt som UTF-8, række 3 som Windows-1252, så bogstaver som æ, ø og å ville blive forkerte i den ene eller den anden del. Åbn filen i Excel, ret bogstaverne i de rækker, gem den som "CSV UTF-8", og importér den.',
    });
  });

  it('names the first ten rows and counts the rest', async () => {
    const many = bytes(utf8('navn\n'), ...Array.from({ length: 12 }, () => utf8('Søndervig\n')), cp1252('Sønderby\n'));
    expect(refusal(many).en).toContain('rows 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 and 2 more saved as UTF-8, row 14 as Windows-1252');
  });

  it('near miss: plain Windows-1252 with »SØ« (bytes that could be read as a UTF-8 sequence, but not a letter) is read as before', async () => {
    const d = decodeText(cp1252('navn;noter\r\nÆblehaven;»SØ« – “ok”\r\n'));
    expect(d).toEqual({ text: 'navn;noter\r\nÆblehaven;»SØ« – “ok”\r\n', encoding: 'windows-1252' });
    expect(sheetFromCsv(cp1252('navn\r\n»SØ«\r\n')).rows).toEqual([{ row: 2, cells: ['»SØ«'] }]);
  });
});

describe('a CSV marked as UTF-8 with bytes that are not', () => {
  it('is refused (not read as Windows-1252 with the mark as text), naming the rows', async () => {
    const b = bytes(Uint8Array.from([0xef, 0xbb, 0xbf]), utf8('navn\r\nSøndervig\r\n'), cp1252('Sønderby\r\n'), utf8('Åby\r\n'));
    expect(refusal(b)).toEqual({
      key: 'import.error.invalidUtf8',
      en: 'the file is marked as UTF-8 (it starts with a byte-order mark), but it has characters that are not valid UTF-8 in row 3. Open the file in Excel, check those rows, save it as "CSV UTF-8" and import that.',
      da: 'filen er mærket som UTF-8 (den begynder med et UTF-8-mærke), men række 3 indeholder tegn, der ikke er gyldig UTF-8. Åbn filen i Excel, kontrollér de rækker, gem den som "CSV UTF-8", og importér den.',
    });
  });
  it('near miss: a valid UTF-8 file with a mark is read as UTF-8', async () => {
    expect(decodeText(bytes(Uint8Array.from([0xef, 0xbb, 0xbf]), utf8('navn\nSøndervig\n')))).toEqual({ text: 'navn\nSøndervig\n', encoding: 'utf-8-bom' });
  });
});

describe('bytes that neither UTF-8 nor Windows-1252 defines', () => {
  it('are refused, naming the rows', async () => {
    expect(refusal(Uint8Array.from([...utf8('navn\n'), 0x61, 0x0a, 0x62, 0x81, 0x0a]))).toEqual({
      key: 'import.error.encoding',
      en: 'the file is neither UTF-8 nor Windows-1252 text: it has bytes that neither defines in row 3. Save it from Excel as "CSV UTF-8" and import that.',
      da: 'filen er hverken UTF-8- eller Windows-1252-tekst: række 3 indeholder byte, som ingen af dem kender. Gem den fra Excel som "CSV UTF-8", og importér den.',
    });
  });
});

describe('civsam import', () => {
  it('refuses the mixed file with exit 2 and writes nothing', async () => {
    const dir = makeFolder({ ...baseFiles() });
    const file = join(dir, 'mixed.csv');
    writeFileSync(file, bytes(utf8('navn;type;områder;status;kommuner\r\n'), utf8('Forening Søndervig;other;social;active;Aarhus\r\n'), cp1252('Forening Sønderby;other;social;active;Aarhus\r\n')));
    const r = await civsam(['import', 'organisations', file, '--no-commit', '--data', dir]);
    expect(r).toEqual({
      code: 2, stdout: '',
      stderr: 'error: the file mixes two encodings: rows 1, 2 saved as UTF-8, row 3 as Windows-1252, so letters such as æ, ø and å would come out wrong in one or the other. Open the file in Excel, correct the letters in those rows, save it as "CSV UTF-8" and import that.\n',
    });
  });
});
