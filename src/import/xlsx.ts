// Reads the first sheet (or a named one) of an .xlsx workbook with SheetJS. Loaded only by the
// import command. Cells become text without changing what the person typed: text cells as they
// are, whole numbers without a decimal point, date-formatted numbers as YYYY-MM-DD.
import * as XLSX from '@e965/xlsx';
import { UserError } from '../errors.js';
import type { Sheet, SheetRow } from './sheet.js';

export function readXlsx(bytes: Uint8Array, sheetName?: string): Sheet {
  let wb: XLSX.WorkBook;
  try {
    wb = XLSX.read(bytes, { type: 'buffer', dense: true, cellFormula: false, cellHTML: false, cellStyles: false, cellText: false, cellNF: true, sheets: sheetName });
  } catch {
    throw new UserError('import.error.xlsxUnreadable');
  }
  const name = sheetName ?? wb.SheetNames[0];
  if (name === undefined) throw new UserError('import.error.empty');
  if (!wb.SheetNames.includes(name)) throw new UserError('import.error.noSheet', { sheets: wb.SheetNames.map((s) => `"${s}"`).join(', ') });
  const ws = wb.Sheets[name] as XLSX.DenseSheet | undefined;
  const data = ws?.['!data'] ?? [];
  const rows: SheetRow[] = [];
  const errorCells: Array<{ row: number; column: number }> = [];
  for (let r = 0; r < data.length; r++) {
    const line = data[r];
    if (!line) continue;
    const cells: string[] = [];
    for (let c = 0; c < line.length; c++) {
      const cell = line[c];
      const text = cell ? cellText(cell) : '';
      if (text === undefined) {
        errorCells.push({ row: r + 1, column: c });
        cells.push('');
      } else cells.push(text);
    }
    if (cells.some((c) => c !== '')) rows.push({ row: r + 1, cells });
  }
  const [header, ...rest] = rows;
  if (!header) throw new UserError('import.error.empty');
  return { format: 'xlsx', sheetName: name, header, rows: rest, ...(errorCells.length ? { errorCells } : {}) };
}

/** A cell's value as text; undefined for an error cell (#N/A and the like). */
function cellText(cell: XLSX.CellObject): string | undefined {
  switch (cell.t) {
    case 's': return String(cell.v ?? '').replace(/\r\n?/g, '\n');
    case 'b': return cell.v ? 'TRUE' : 'FALSE';
    case 'e': return undefined;
    case 'd': return cell.v instanceof Date ? isoDate(cell.v) : String(cell.v ?? '');
    case 'n': {
      const v = cell.v as number;
      if (cell.z !== undefined && XLSX.SSF.is_date(cell.z)) {
        const p = XLSX.SSF.parse_date_code(v) as { y: number; m: number; d: number } | null;
        if (p) return `${String(p.y).padStart(4, '0')}-${String(p.m).padStart(2, '0')}-${String(p.d).padStart(2, '0')}`;
      }
      return Number.isInteger(v) ? v.toFixed(0) : String(v);
    }
    default: return '';
  }
}

function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}
