// A command printed in a table's cell is one a person copies: the column is made wide enough to
// keep it on one line where the table still fits; where it cannot be, the command has lines of its
// own, broken only between its arguments (an option with its value), never inside one.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { makeChalk } from '../../src/output/colors.js';
import { renderTerminalTable, wrapText, type Table } from '../../src/output/table.js';

const plain = makeChalk(0);

/** A cell's lines as the table draws them: the text of one column on each line of the frame. */
function columnLines(drawn: string, column: number): string[] {
  return drawn.split('\n').filter((l) => l.startsWith('│')).slice(1).map((l) => l.split('│')[column + 1].trim());
}

describe('a command in a table cell', () => {
  // The audit's finding for an assessor without a declaration, as `civsam audit` prints it.
  const finding: Table = {
    columns: [{ header: 'Post' }, { header: 'Alvor' }, { header: 'Fund' }, { header: 'Relateret' }],
    rows: [[
      'opslag 2025-civilsamfundspuljen (Puljen til styrkelse af civilsamfundssamarbejdet – ansøgningsrunde 2025)',
      'advarsel',
      '1 bedømmer har ingen erklæring om habilitet dateret senest på dagen for den første bedømmelse. Hvem det gælder, ses ved at holde erklæringerne (civsam call show) op mod bedømmelserne (civsam application show).',
      '',
    ]],
  };

  it('stays on one line at 80 columns, the column made wide enough for it', () => {
    const lines = columnLines(renderTerminalTable(finding, 'da', 80, plain).text, 2);
    expect(lines).toContain('(civsam call show) op mod');
    expect(lines).toContain('(civsam application show).');
    for (const l of lines) expect(l).not.toMatch(/civsam$|^(call|application) show/);
  });

  const decide = 'civsam application decide 2025-civilsamfundspuljen-madfaellesskabet-herning --decision "delvist bevilget" --date 2026-01-15 --amount 150000 --reason TEKST';
  const long: Table = {
    columns: [{ header: 'Post' }, { header: 'Alvor' }, { header: 'Fund' }],
    rows: [['ansøgning 2025-civilsamfundspuljen-madfaellesskabet-herning', 'fejl', `mangler en begrundelse. Ret afgørelsen: ${decide}. Kør derefter civsam audit igen.`]],
  };

  it('longer than any column can be, has lines of its own, broken between arguments only', () => {
    const lines = columnLines(renderTerminalTable(long, 'da', 100, plain).text, 2);
    expect(lines).toEqual([
      'mangler en begrundelse. Ret afgørelsen:',
      'civsam application decide',
      '2025-civilsamfundspuljen-madfaellesskabet-herning',
      '--decision "delvist bevilget" --date 2026-01-15',
      '--amount 150000 --reason TEKST.',
      'Kør derefter civsam audit igen.',
    ]);
  });

  it('on a terminal too narrow for the table, keeps each argument whole in the list it is drawn as', () => {
    const drawn = renderTerminalTable(long, 'da', 60, plain).text;
    // In a list the command is one line, longer than the terminal if it must be: broken over
    // lines, it would be pasted as several commands, the first run alone.
    expect(drawn.split('\n')).toEqual(expect.arrayContaining([
      '  civsam application decide 2025-civilsamfundspuljen-madfaellesskabet-herning --decision "delvist bevilget" --date 2026-01-15 --amount 150000 --reason TEKST.',
    ]));
  });

  it('in running text a command longer than the line is one line of its own: pasted, it runs whole (its first line alone replaced a call\'s criteria)', () => {
    const command = "civsam call edit 2025-civilsamfundspuljen --criteria 'Se puljens kriterier.' 'Tilbuddet når mange i sin målgruppe.' 'Tilbuddet dækker et behov.'";
    expect(wrapText(`Angiv opslagets kriterier igen, så får det et id efter sin tekst: ${command}`, 80)).toEqual([
      'Angiv opslagets kriterier igen, så får det et id efter sin tekst:',
      command,
    ]);
  });

  it('ends where the sentence goes on: prose after a command is not taken for its arguments', () => {
    expect(wrapText('Kør civsam validate for at se, hvad der er galt, eller civsam init for at oprette en.', 22)).toEqual([
      'Kør civsam validate',
      'for at se, hvad der er',
      'galt, eller',
      'civsam init for at',
      'oprette en.',
    ]);
    expect(wrapText('Ret beløbet med civsam application decide ID --amount BELØB for den ansøgning, hvis beløb er forkert.', 45)).toEqual([
      'Ret beløbet med',
      'civsam application decide ID --amount BELØB',
      'for den ansøgning, hvis beløb er forkert.',
    ]);
    // A command in quotes or brackets ends where they close.
    expect(wrapText('Skriv "civsam call show" og tryk retur.', 20)).toEqual(['Skriv', '"civsam call show"', 'og tryk retur.']);
    expect(wrapText('Kør »civsam audit --rule x« for at se mere om reglen.', 26)).toEqual(['Kør', '»civsam audit --rule x«', 'for at se mere om reglen.']);
  });

  it('never gives a line wider than asked (in running text, but for a whole command) and never loses a character, whatever the words and width', () => {
    const word = fc.constantFrom('civsam', '(civsam', '»civsam', 'call', 'show', 'show).', 'application', 'decide', 'ID', '--amount', 'BELØB', '--decision', '"delvist', 'bevilget"', '2025-civilsamfundspuljen-lang', 'for', 'og', 'den', 'kr.', '1.250', 'x'.repeat(31), '');
    const text = fc.array(word, { maxLength: 30 }).map((parts) => parts.join(' '));
    fc.assert(fc.property(text, fc.integer({ min: 1, max: 50 }), (t, width) => {
      const lines = wrapText(t, width);
      // Wider only where a line is one whole command, which is never broken.
      for (const l of lines) if (l.length > width) expect(l).toMatch(/^[(»]?civsam [a-z-]/);
      expect(wrapText(t, width, 0, { inCell: true }).every((l) => l.length <= width)).toBe(true);
      expect(lines.join('').replace(/\s/g, '')).toBe(t.replace(/\s/g, ''));
    }), { numRuns: 3000, seed: 20261206 });
  });
});
