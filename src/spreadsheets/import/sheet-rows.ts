// A spreadsheet as read: its header row and data rows as text cells, numbered as the sheet numbers
// them, with how it was read. What the CSV and .xlsx readers produce and the import plans from.
import type { Delimiter } from './csv.js';
import type { Encoding } from './text.js';

export interface SheetRow {
  row: number;
  cells: string[];
}

export interface Sheet {
  format: 'csv' | 'xlsx';
  encoding?: Encoding;
  delimiter?: Delimiter;
  sheetName?: string;
  header: SheetRow;
  rows: SheetRow[];
  /** Rows whose cell holds a spreadsheet error (#N/A, #REF!…): row → column indexes. */
  errorCells?: Array<{ row: number; column: number }>;
}
