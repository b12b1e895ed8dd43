// Sheets written as files Excel opens as they are: CSV in UTF-8 with a byte-order mark (`;` in
// Danish, `,` in English), or .xlsx with every text cell stored as text, so a CVR number keeps its
// leading zero and a phone number starting with + is not taken for a formula.
import type { Language } from '../../i18n/index.js';
import { csvDelimiter, encodeCsv } from '../../output/csv.js';
import type { SheetData } from './records.js';

export function sheetToCsv(sheet: SheetData, lang: Language): string {
  return encodeCsv([sheet.headers, ...sheet.rows], { delimiter: csvDelimiter(lang), lang });
}

export async function sheetsToXlsx(sheets: SheetData[]): Promise<Uint8Array> {
  const XLSX = await import('@e965/xlsx');
  const wb = XLSX.utils.book_new();
  for (const sheet of sheets) {
    const data = [sheet.headers, ...sheet.rows].map((row) => row.map((v) => (typeof v === 'number' ? { t: 'n', v } : { t: 's', v })));
    const ws = XLSX.utils.aoa_to_sheet(data as unknown as string[][], { dense: true });
    ws['!cols'] = sheet.headers.map((h, i) => ({ wch: Math.min(60, Math.max(h.length, ...sheet.rows.slice(0, 200).map((r) => String(r[i] ?? '').split('\n')[0].length)) + 2) }));
    XLSX.utils.book_append_sheet(wb, ws, safeSheetName(sheet.name));
  }
  return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true }) as Uint8Array;
}

/**
 * Excel's rules for a sheet name: at most 31 characters, none of : \ / ? * [ ], and no control
 * character (Excel refuses to open such a workbook; a name comes from a table's title, which may
 * hold a record's text).
 */
export function safeSheetName(name: string): string {
  return name.replace(/[:\\/?*[\]\u0000-\u001f\u007f-\u009f]/g, ' ').slice(0, 31) || 'Sheet1';
}

/**
 * Cells holding text such as `_x0041_`: the .xlsx format uses that form to escape characters, and
 * SheetJS (like other readers) turns it back into the character (`A`), so such a value would not
 * come back from an .xlsx file exactly. CSV keeps it. Counted so the export can say so.
 */
export function xlsxEscapeLike(sheets: readonly SheetData[]): number {
  let n = 0;
  for (const s of sheets) for (const r of s.rows) for (const c of r) if (typeof c === 'string' && /_x[0-9A-Fa-f]{4}_/.test(c)) n++;
  return n;
}
