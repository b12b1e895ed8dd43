// A value in a command civsam prints for people to paste is one word to a POSIX shell, whatever it
// holds: pasting never runs a `$(…)`, a backtick or a `"` from a criterion's text or an address.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { shellWord } from '../../src/i18n/shell-word.js';

describe('shellWord', () => {
  it('leaves a plain word bare and quotes anything else so the shell reads it back unchanged', () => {
    expect(shellWord('2025-civilsamfundspuljen')).toBe('2025-civilsamfundspuljen');
    expect(shellWord('https://git.example.dk/r.git')).toBe('https://git.example.dk/r.git');
    expect(shellWord('I 2025 prioriteres.')).toBe("'I 2025 prioriteres.'");
    for (const value of ['a "b" $(touch x) `id` c', "it's", 'æøå', '', '$HOME\\n']) {
      const echoed = execFileSync('sh', ['-c', `printf %s ${shellWord(value)}`]).toString();
      expect(echoed).toBe(value);
    }
  });
});
