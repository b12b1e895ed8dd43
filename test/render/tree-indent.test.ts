// A cell indented with no-break spaces (a tree's levels, as `vocab list` draws patient groups)
// keeps its indentation on the lines it wraps onto.
import { describe, expect, test } from 'vitest';
import { makeChalk } from '../../src/output/colors.js';
import { renderTerminalTable } from '../../src/output/table.js';

describe('indented cells', () => {
  test('a wrapped line of an indented cell starts where its text does', () => {
    const table = { columns: [{ header: 'Navn' }, { header: 'Id' }], rows: [['Psykisk sygdom', 'psykisk-sygdom'], ['\u00a0\u00a0Mennesker i selvmordsrisiko', 'selvmordstruede']] };
    const out = renderTerminalTable(table, 'da', 40, makeChalk(0)).text;
    expect(out.split('\n').filter((l) => l.startsWith('│'))).toEqual([
      '│ Navn               │ Id              │',
      '│ Psykisk sygdom     │ psykisk-sygdom  │',
      '│ \u00a0\u00a0Mennesker i      │ selvmordstruede │',
      '│   selvmordsrisiko  │                 │',
    ]);
  });
});
