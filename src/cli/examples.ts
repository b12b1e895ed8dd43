// A command's examples as its help shows them: each a shell line, and one too long for the terminal
// continued on the next with a backslash (as a shell reads it), broken between words, never
// inside a quoted value nor between an option and its value.

import type { OptionSpec } from './command-spec.js';
import { displayWidth } from '../output/text-width.js';

const FIRST = '  $ ';
const MORE = '      ';

/** The words of a command line, a quoted value ("…" or '…') being one word, and an option kept with its value. */
function words(line: string): string[] {
  const out: string[] = [];
  for (const word of line.match(/(?:"[^"]*"|'[^']*'|\S)+/g) ?? []) {
    const last = out[out.length - 1];
    if (last !== undefined && /^--?[a-z][\w-]*$/.test(last) && !word.startsWith('-')) out[out.length - 1] = `${last} ${word}`;
    else out.push(word);
  }
  return out;
}

/** The examples, each fitted to `width` columns (a word longer than a line has a line of its own). */
export function formatExamples(examples: readonly string[], width: number): string {
  const out: string[] = [];
  for (const example of examples) {
    let line = FIRST;
    let fresh = true;
    for (const word of words(example)) {
      // Room for the word, and for " \" should another line follow.
      // In the columns each takes: a name in an example may hold an emoji or an accent written apart.
      if (!fresh && displayWidth(line) + 1 + displayWidth(word) + 2 > width) {
        out.push(`${line} \\`);
        line = MORE + word;
      } else {
        line += fresh ? word : ` ${word}`;
      }
      fresh = false;
    }
    out.push(line);
  }
  return out.join('\n');
}

/**
 * The examples with each fixed value an option takes (`--area psychiatry`, `--fail-on warning`, a
 * funding item's kind) written as its label (`psykiatri`, `advarsel`), which the option takes too
 * (context/names.ts reads a value's label in either language): Danish help then shows Danish
 * values. `label` gives a value's label, or undefined to keep the example as written (English,
 * whose values are the codes).
 */
export function examplesInLanguage(examples: readonly string[], options: readonly OptionSpec[], label: ((value: string, field?: string) => string) | undefined): string[] {
  if (!label) return [...examples];
  const byFlag = new Map(options.map((o) => [o.flags.split(/[ ,]/)[0], o]));
  const shown = (value: string, field?: string): string => {
    const l = label(value, field);
    return /^[\p{L}\p{N}._-]+$/u.test(l) ? l : `"${l}"`;
  };
  const local = (o: OptionSpec | undefined, value: string): string => {
    const names = o?.names;
    if (!names || value.startsWith('"') || value.startsWith("'")) return value;
    if ('values' in names) return value.split(',').map((v) => (names.values.includes(v) ? shown(v, names.field) : v)).join(',');
    if ('funding' in names) {
      return value.split(',').map((item) => {
        const parts = item.split(':');
        if (parts.length === 4 && names.funding.kinds.includes(parts[2])) parts[2] = shown(parts[2]);
        return parts.join(':');
      }).join(',');
    }
    return value;
  };
  return examples.map((example) => {
    const tokens = example.match(/(?:"[^"]*"|'[^']*'|\S)+/g) ?? [];
    return tokens.map((token, i) => (i > 0 && tokens[i - 1].startsWith('--') && !token.startsWith('-') ? local(byFlag.get(tokens[i - 1]), token) : token)).join(' ');
  });
}
