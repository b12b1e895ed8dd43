// A command's examples as its help shows them: each a shell line, and one too long for the terminal
// continued on the next with a backslash (as a shell reads it), broken between words, never
// inside a quoted value nor between an option and its value.

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
      if (!fresh && [...line].length + 1 + [...word].length + 2 > width) {
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
