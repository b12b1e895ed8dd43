// Reads the first sheet (or a named one) of an .xlsx workbook with SheetJS. Loaded only by the
// import command. Cells become text without changing what the person typed: text cells as they
// are, whole numbers without a decimal point, date-formatted numbers as YYYY-MM-DD.
import * as XLSX from '@e965/xlsx';
import { inflateRawSync } from 'node:zlib';
import { UserError } from '../../domain/errors.js';
import { limitMessage } from '../../store/read-file.js';
import type { Sheet, SheetRow } from './sheet-rows.js';

/**
 * How much a workbook may unpack to. A sheet of tens of thousands of rows unpacks to some tens of
 * MiB (50,000 rows of 20 columns: about 50 MiB) and SheetJS needs several times that in memory; a
 * "zip bomb" of a few MiB that unpacks to GiB is refused before anything is unpacked.
 */
export const MAX_XLSX_PART_BYTES = 128 * 1024 * 1024;
export const MAX_XLSX_TOTAL_BYTES = 256 * 1024 * 1024;

export function readXlsx(bytes: Uint8Array, sheetName?: string): Sheet {
  refuseOversizedZip(bytes);
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

// --- the zip's sizes, checked before SheetJS unpacks anything ------------------------------------
// SheetJS unpacks every part of the zip, each into a buffer of the size its local header declares
// (or, when that is 0, as large as the data turns out). So the sizes are read as SheetJS reads them
// (the central directory, then each part's local header) and refused beyond the limits; and since
// headers can lie, each part is also unpacked here with a hard cap on its output before SheetJS sees
// it. A file whose structure cannot be followed is refused as unreadable.

const u16 = (b: Uint8Array, at: number) => (at + 2 <= b.length ? b[at] | (b[at + 1] << 8) : NaN);
const u32 = (b: Uint8Array, at: number) => (at + 4 <= b.length ? (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16)) + b[at + 3] * 0x1000000 : NaN);

/** The sizes a zip64 extra field (0x0001) gives, read as SheetJS reads them; undefined when absent. */
function zip64Sizes(b: Uint8Array, start: number, length: number): { usz: number; csz: number } | undefined {
  const end = Math.min(start + length, b.length);
  for (let at = start; at <= end - 4;) {
    const type = u16(b, at);
    const size = u16(b, at + 2);
    if (type === 0x0001) {
      if (at + 20 > end) return { usz: NaN, csz: NaN };
      return { usz: u32(b, at + 4) + u32(b, at + 8) * 2 ** 32, csz: u32(b, at + 12) + u32(b, at + 16) * 2 ** 32 };
    }
    at += 4 + size;
  }
  return undefined;
}

export interface ZipLimits {
  part: number;
  total: number;
}

export function refuseOversizedZip(b: Uint8Array, limits: ZipLimits = { part: MAX_XLSX_PART_BYTES, total: MAX_XLSX_TOTAL_BYTES }): void {
  const tooLarge = (part: boolean) => new UserError('import.error.xlsxTooLarge', { limit: limitMessage(part ? limits.part : limits.total), part: part ? { key: 'import.error.xlsxPart' } : '' });
  // The end of the central directory: the last signature in the file, as SheetJS looks for it.
  let eocd = b.length - 4;
  while (eocd >= 0 && !(b[eocd] === 0x50 && b[eocd + 1] === 0x4b && b[eocd + 2] === 0x05 && b[eocd + 3] === 0x06)) eocd--;
  if (eocd < 0) return; // not a zip: SheetJS will not unpack anything
  const unreadable = () => new UserError('import.error.xlsxUnreadable');
  const count = u16(b, eocd + 10);
  let at = u32(b, eocd + 16);
  let total = 0;
  for (let i = 0; i < count; i++) {
    const nameLength = u16(b, at + 28);
    const extraLength = u16(b, at + 30);
    const commentLength = u16(b, at + 32);
    const local = u32(b, at + 42);
    const central64 = zip64Sizes(b, at + 46 + nameLength, extraLength);
    const centralSize = central64?.usz ?? u32(b, at + 24);
    at += 46 + nameLength + extraLength + commentLength;

    const method = u16(b, local + 8);
    let declared = u32(b, local + 22);
    let stored = u32(b, local + 18);
    const localName = u16(b, local + 26);
    const localExtra = u16(b, local + 28);
    if (localExtra) {
      const z = zip64Sizes(b, local + 30 + localName, localExtra) ?? central64;
      if (z) { declared = z.usz; stored = z.csz; }
    }
    const data = local + 30 + localName + localExtra;
    if ([nameLength, extraLength, commentLength, local, centralSize, method, declared, stored, localName, localExtra].some(Number.isNaN) || data > b.length) throw unreadable();
    const claimed = Math.max(centralSize, declared);
    if (claimed > limits.part) throw tooLarge(true);
    if (total + claimed > limits.total) throw tooLarge(false);
    let actual: number;
    if (method === 8) {
      const cap = Math.min(limits.part, limits.total - total);
      try {
        actual = inflateRawSync(b.subarray(data), { maxOutputLength: Math.max(cap, 1) }).length;
      } catch (e) {
        if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge(cap === limits.part);
        throw unreadable();
      }
    } else if (method === 0) {
      actual = stored;
    } else {
      throw unreadable();
    }
    total += Math.max(claimed, actual);
    if (total > limits.total) throw tooLarge(false);
  }
}
