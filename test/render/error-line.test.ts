// How an error is told on the error stream: one line per message line to a pipe or a log; on a
// terminal its lines wrapped at the width, "fejl:" counted in the first line and painted after.
import { describe, expect, it } from 'vitest';
import { errorLine } from '../../src/output/error-line.js';
import { wrapForTerminal } from '../../src/output/table.js';
import type { Message } from '../../src/i18n/index.js';

const message = { key: 'names.noId', params: { kind: 'organisation', id: 'lys-i-moerkt', hint: { key: 'names.didYouMean', params: { list: 'Lys i Mørket (lys-i-moerket), Lyspunktet Århus (lyspunktet-aarhus)' } } } } as unknown as Message;

describe('errorLine', () => {
  it('to a pipe: the message as one line, however long', () => {
    const text = errorLine('da', (s) => s, message, 40);
    expect(text.split('\n')).toEqual([expect.stringMatching(/^fejl: .{60,}\?$/), '']);
  });

  it('on a terminal: wrapped at the width, the painted lead kept in front, no word lost', () => {
    const plain = errorLine('da', (s) => s, message, 40);
    const wrapped = errorLine('da', (s) => `<${s}>`, message, 40, true);
    const lines = wrapped.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(2);
    expect(lines[0].startsWith('<fejl:> ')).toBe(true);
    for (const l of lines) expect(l.replace('<fejl:>', 'fejl:').length).toBeLessThanOrEqual(40);
    expect(lines.join(' ').replace('<fejl:>', 'fejl:').split(/\s+/)).toEqual(plain.trim().split(/\s+/));
  });
});

describe('wrapForTerminal', () => {
  const text = 'Vælg for at gøre synkroniseringen færdig, eller ret posten til den værdi, du vil have:\n  civsam sync --mine     behold din version af det, der er i konflikt ovenfor; den fælles version kasseres\n  organisation lyspunktet (Foreningen Lyspunktet – depression og livsmod): begge har ændret feltet »noter«';
  it('to a pipe: as it was, one line each', () => {
    expect(wrapForTerminal(text, { stderr: { isTTY: false, columns: 40 }, env: {} })).toBe(text);
  });
  it('on a terminal: within its width, a two-column line under its second column, an indented one hanging two further, no word lost', () => {
    const out = wrapForTerminal(text, { stderr: { isTTY: true, columns: 60 }, env: {} }).split('\n');
    for (const l of out) expect(l.length).toBeLessThanOrEqual(60);
    const col = '  civsam sync --mine     '.length;
    expect(out[2]).toBe('  civsam sync --mine     behold din version af det, der er i');
    expect(out[3].slice(0, col).trim()).toBe('');
    expect(out.find((l) => l.startsWith('  organisation'))).toBeDefined();
    expect(out.at(-1)!.startsWith('    ')).toBe(true);
    expect(out.join(' ').split(/\s+/).filter(Boolean)).toEqual(text.split(/\s+/).filter(Boolean));
  });
});
