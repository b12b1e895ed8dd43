// Reading spreadsheet files as people save them: separators, quotes, encodings, .xlsx.
import { describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { detectDelimiter, parseCsv } from '../../src/spreadsheets/import/csv.js';
import { decodeText } from '../../src/spreadsheets/import/text.js';
import { readSheet, sheetFromCsv } from '../../src/spreadsheets/import/sheet.js';
import { UserError } from '../../src/domain/errors.js';
import { cp1252 } from './fixtures.js';

describe('CSV separators and quoting', () => {
  it('detects ; , and tab from the header line', () => {
    expect(detectDelimiter('navn;cvr;områder\r\nA;1;social\r\n').delimiter).toBe(';');
    expect(detectDelimiter('name,cvr,areas\nA,1,social\n').delimiter).toBe(',');
    expect(detectDelimiter('name\tcvr\tareas\nA\t1\tsocial\n').delimiter).toBe('\t');
  });

  it('is not fooled by separators inside quotes, and honours Excel\'s sep= line', () => {
    expect(detectDelimiter('"a,b,c,d";x;y\n1;2;3\n').delimiter).toBe(';');
    const parsed = parseCsv('sep=,\nname;x,y\n"a;b",2\n');
    expect(parsed.delimiter).toBe(',');
    expect(parsed.rows.map((r) => r.cells)).toEqual([['name;x', 'y'], ['a;b', '2']]);
  });

  it('reads quoted cells with separators, doubled quotes and line breaks, numbering rows as a spreadsheet does', () => {
    const text = 'navn;beskrivelse;status\r\n"Foreningen ""Lys""";"linje 1\r\nlinje 2; med semikolon";aktiv\r\n\r\nB;;inaktiv\r\n';
    const { rows } = parseCsv(text);
    expect(rows).toEqual([
      { row: 1, cells: ['navn', 'beskrivelse', 'status'] },
      { row: 2, cells: ['Foreningen "Lys"', 'linje 1\nlinje 2; med semikolon', 'aktiv'] },
      // Row 3 is empty: left out, but row 4 keeps its number.
      { row: 4, cells: ['B', '', 'inaktiv'] },
    ]);
  });

  it('keeps leading zeros and spaces exactly (values are text)', () => {
    const { rows } = parseCsv('cvr,beskrivelse\n01234567,"  indrykket"\n');
    expect(rows[1].cells).toEqual(['01234567', '  indrykket']);
  });

  it('refuses a quote that never closes instead of swallowing the rest of the file', () => {
    expect(() => sheetFromCsv(new TextEncoder().encode('navn,cvr\n"Åben,1\nB,2\n'))).toThrow(UserError);
    try {
      sheetFromCsv(new TextEncoder().encode('navn,cvr\n"Åben,1\nB,2\n'));
    } catch (e) {
      expect((e as UserError).userMessage).toEqual({ key: 'import.error.unclosedQuote', params: { row: 2 } });
    }
  });
});

describe('encodings', () => {
  it('reads Windows-1252 as Danish Excel saves it, æøå intact', () => {
    const d = decodeText(cp1252('navn;område\r\nÆblehaven Ørsted Å;psykiatri – voksne\r\n'));
    expect(d.encoding).toBe('windows-1252');
    expect(d.text).toBe('navn;område\r\nÆblehaven Ørsted Å;psykiatri – voksne\r\n');
  });

  it('reads UTF-8 with and without a byte-order mark, and UTF-16 with one', () => {
    const text = 'navn\nÅben Dør\n';
    expect(decodeText(new TextEncoder().encode(text))).toEqual({ text, encoding: 'utf-8' });
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]))).toEqual({ text, encoding: 'utf-8-bom' });
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(decodeText(utf16)).toEqual({ text, encoding: 'utf-16le' });
  });

  it('refuses bytes that are neither UTF-8 nor defined in Windows-1252 rather than inventing characters', () => {
    expect(() => sheetFromCsv(Uint8Array.from([0x6e, 0x0a, 0x81, 0x0a]))).toThrow(UserError);
  });
});

describe('.xlsx files', () => {
  function workbook(sheets: Record<string, unknown[][]>): Buffer {
    const wb = XLSX.utils.book_new();
    for (const [name, rows] of Object.entries(sheets)) XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows, { cellDates: true }), name);
    return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
  }

  it('reads the first sheet: text as text, whole numbers without decimals, dates as YYYY-MM-DD', async () => {
    const bytes = workbook({
      Foreninger: [['navn', 'cvr', 'registreret', 'note'], ['Åben Dør', 12345674, new Date(Date.UTC(2019, 4, 1)), '  to linjer\nher'], [], ['Næste', '01234567', '2020-01-02', '']],
      Andet: [['x'], ['y']],
    });
    const sheet = await readSheet('foreninger.xlsx', bytes);
    expect(sheet.format).toBe('xlsx');
    expect(sheet.sheetName).toBe('Foreninger');
    expect(sheet.header).toEqual({ row: 1, cells: ['navn', 'cvr', 'registreret', 'note'] });
    expect(sheet.rows).toEqual([
      { row: 2, cells: ['Åben Dør', '12345674', '2019-05-01', '  to linjer\nher'] },
      { row: 4, cells: ['Næste', '01234567', '2020-01-02', ''] },
    ]);
  });

  it('reads a named sheet with --sheet, and names the sheets when it does not exist', async () => {
    const bytes = workbook({ A: [['x'], ['1']], Psykiatri: [['navn'], ['Lys']] });
    expect((await readSheet('f.xlsx', bytes, { sheet: 'Psykiatri' })).rows).toEqual([{ row: 2, cells: ['Lys'] }]);
    await expect(readSheet('f.xlsx', bytes, { sheet: 'Social' })).rejects.toMatchObject({ userMessage: { key: 'import.error.noSheet', params: { sheets: '"A", "Psykiatri"' } } });
  });

  it('marks a cell holding a spreadsheet error (#N/A) instead of reading it as text', async () => {
    const ws = XLSX.utils.aoa_to_sheet([['navn', 'kommuner'], ['Lys', 'Aarhus']]);
    ws.B2 = { t: 'e', v: 0x2a, w: '#N/A' };
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, 'Ark1');
    const sheet = await readSheet('f.xlsx', XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    expect(sheet.rows).toEqual([{ row: 2, cells: ['Lys', ''] }]);
    expect(sheet.errorCells).toEqual([{ row: 2, column: 1 }]);
  });

  it('refuses an old .xls file and a damaged .xlsx with a message, not a crash', async () => {
    await expect(readSheet('gammel.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0]))).rejects.toMatchObject({ userMessage: { key: 'import.error.xlsOld' } });
    await expect(readSheet('skadet.xlsx', Buffer.from('PK\u0003\u0004 not really a zip'))).rejects.toMatchObject({ userMessage: { key: 'import.error.xlsxUnreadable' } });
  });
});
