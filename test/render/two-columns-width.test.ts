// Lines in two columns on the error stream and in help (a place and its problem, a label and its
// text, an example) are lined up by the columns the first column takes on a terminal, not by its
// length: a name with an emoji (a family joined by U+200D: eight UTF-16 units, two columns), East
// Asian letters (one unit, two columns) or an accent written apart (NFD: two units, one column)
// otherwise puts the second column's further lines out of line with its first.
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/output/text-width.js';
import { problemLine } from '../../src/output/problem-line.js';
import { wrapForTerminal } from '../../src/output/table.js';
import { listsWrapped } from '../../src/output/error-line.js';
import { formatExamples } from '../../src/cli/examples.js';

const FAMILY = '👨\u200D👩\u200D👧';
/** Søren Åby written apart (NFD): A and a combining ring above; q with a tilde has no single letter. */
const NFD = 'So\u0308ren A\u030aby q\u0303';
const TEXT = 'ansøgningen har fået afslag, fordi den kom for sent, men efter modtagelsesdatoen og fristen i opslag c1, som de står nu, kom den i tide.';
const terminal = { stderr: { isTTY: true, columns: 80 }, env: {} };

/** The column each line's text starts at on a terminal. */
const startsAt = (line: string) => displayWidth(/^ */.exec(line)![0]);

describe('two columns lined up by display width', () => {
  it.each([['an emoji', `d-${FAMILY}`], ['East Asian letters', 'd-東京'], ['an accent written apart', 'd-q\u0303']])('a problem in a folder whose name holds %s: the message\'s lines start under its first', (_, dir) => {
    const lines = problemLine('da', dir, { file: 'organisations/alpha.yaml', line: 3, col: 7, severity: 'error', message: { key: 'problem.criterionNotOnCall', params: { field: 'Bedømmelse 1, karakter 1, kriterium', criterion: 'kvalitet', call: 'c1', ids: 'behov, rækkevidde, nytte, forankring, samarbejde' } } }, { width: 80 }).split('\n');
    const where = lines[0].slice(0, lines[0].indexOf('  ') + 2);
    expect(lines.length).toBeGreaterThan(2);
    for (const l of lines.slice(1)) expect(startsAt(l)).toBe(displayWidth(where));
    for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(80);
  });

  it.each([['an emoji', `Hjertecafé ${FAMILY}`], ['an accent written apart', NFD]])('a label and its text on the error stream, the label holding %s: the text\'s lines start under its first', (_, name) => {
    const head = `  ${name}  `;
    const lines = wrapForTerminal(`${head}${TEXT}`, terminal).split('\n');
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines.slice(1)) expect(startsAt(l)).toBe(displayWidth(head));
    for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(80);
  });

  it('a list line in an error hangs its further lines under the text after " – ", measured past an emoji', () => {
    const lines = listsWrapped(`  ${FAMILY} Angst – ${TEXT}`, 80).split('\n');
    expect(lines.length).toBeGreaterThan(1);
    const hang = 2 + displayWidth(`${FAMILY} Angst – `);
    for (const l of lines.slice(1)) expect(startsAt(l)).toBe(hang);
  });

  it('an example in help with a name in East Asian letters is continued before it passes the width', () => {
    const example = `civsam org add --name "東京東京東京東京東京東京 Forening" --kind patientforening --areas psykiatri --scope regional`;
    const lines = formatExamples([example], 80).split('\n');
    for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(80);
    expect(lines.length).toBe(2);
  });
});
