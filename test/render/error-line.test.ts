// How an error is told on the error stream: one line per message line to a pipe or a log; on a
// terminal its lines wrapped at the width, "fejl:" counted in the first line and painted after.
import { describe, expect, it } from 'vitest';
import { errorLine } from '../../src/output/error-line.js';
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
