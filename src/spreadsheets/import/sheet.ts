// A spreadsheet as the import sees it, whatever file it came from: a header row and data rows,
// every cell as text, each row with the number the spreadsheet shows for it.
import { extname } from 'node:path';
import { UserError } from '../../domain/errors.js';
import { FORMULA_START } from '../../output/csv.js';
import { parseCsv, type Delimiter } from './csv.js';
import { decodeText, refuseEncodingProblems, type Encoding } from './text.js';

export type { Sheet, SheetRow } from './sheet-rows.js';
import type { Sheet } from './sheet-rows.js';

/**
 * Import files are spreadsheets a person keeps, not bulk dumps: tens of thousands of rows take a few
 * MiB as CSV or .xlsx, and a limit keeps a wrong file from exhausting memory (an .xlsx is also held
 * to what it unpacks to: see xlsx.ts).
 */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

export function looksLikeXlsx(path: string, bytes: Uint8Array): boolean {
  const ext = extname(path).toLowerCase();
  if (ext === '.xlsx' || ext === '.xlsm') return true;
  return ZIP_MAGIC.every((b, i) => bytes[i] === b);
}

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];
const SHEET_ENDINGS = new Set(['.xlsx', '.xlsm', '.xls', '.csv', '.tsv', '.ods']);

/** A spreadsheet by its name's ending, or by its content where a workbook shows it (a zip, an old .xls). */
export function looksLikeSpreadsheet(path: string, bytes: Uint8Array): boolean {
  return SHEET_ENDINGS.has(extname(path).toLowerCase()) || ZIP_MAGIC.every((b, i) => bytes[i] === b) || OLE_MAGIC.every((b, i) => bytes[i] === b);
}

/** Reads a CSV or .xlsx file's bytes into a sheet; refuses what it cannot read faithfully. */
export async function readSheet(path: string, bytes: Uint8Array, opts: { sheet?: string } = {}): Promise<Sheet> {
  const ext = extname(path).toLowerCase();
  if (ext === '.xls' || (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0)) {
    throw new UserError('import.error.xlsOld');
  }
  if (looksLikeXlsx(path, bytes)) {
    const { readXlsx } = await import('./xlsx.js');
    return readXlsx(bytes, opts.sheet);
  }
  if (opts.sheet !== undefined) throw new UserError('import.error.sheetOnCsv');
  return sheetFromCsv(bytes);
}

export function sheetFromCsv(bytes: Uint8Array): Sheet {
  const decoded = decodeText(bytes);
  refuseEncodingProblems(decoded);
  if (decoded.text.includes('\u0000')) throw new UserError('import.error.binary');
  const parsed = parseCsv(decoded.text);
  if (parsed.unclosedQuoteRow !== undefined) throw new UserError('import.error.unclosedQuote', { row: parsed.unclosedQuoteRow });
  // civsam's export guards cells Excel would run as formulas with a leading apostrophe; take it off.
  for (const r of parsed.rows) r.cells = r.cells.map((c) => (c.startsWith("'") && FORMULA_START.test(c.slice(1)) ? c.slice(1) : c));
  const [header, ...rows] = parsed.rows;
  if (!header) throw new UserError('import.error.empty');
  return { format: 'csv', encoding: decoded.encoding, delimiter: parsed.delimiter, header, rows };
}
