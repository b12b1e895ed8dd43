// The one way an error is told on the error stream: "fejl:" (or "error:") and the message, its
// first word small (it continues the lead), and the lines of a list inside it (indented: the rules
// one may name, say) wrapped at the width, each wrapped line under the text it continues. On a
// terminal (`wrapAll`) the message's own lines are wrapped at the width too; to a pipe or a file
// each stays one line, for a script or a log to read.
import { translate, translateAfterColon, type Language, type Message } from '../i18n/index.js';
import { wrapText } from './table.js';
import { displayWidth } from './text-width.js';

export function errorLine(lang: Language, paint: (text: string) => string, message: Message, width: number, wrapAll = false): string {
  const lead = translate(lang, 'cli.error');
  const text = listsWrapped(translateAfterColon(lang, message.key, message.params), width);
  if (!wrapAll) return `${paint(lead)} ${text}\n`;
  // The lead is wrapped with the text (its width counts) and painted after.
  const wrapped = text.split('\n').map((line, i) => (/^\s/.test(line) ? line : wrapText(i === 0 ? `${lead} ${line}` : line, width).join('\n'))).join('\n');
  return `${paint(lead)}${wrapped.slice(lead.length)}\n`;
}

/** Indented lines longer than `width` wrapped, continued under the text after a leading "… – ". */
export function listsWrapped(text: string, width: number): string {
  return text.split('\n').map((line) => {
    const lead = /^\s+/.exec(line)?.[0] ?? '';
    if (!lead || displayWidth(line) <= width) return line;
    const body = line.slice(lead.length);
    const hang = / – /.exec(body);
    // The hang in the columns the text before it takes (a name there may hold an emoji).
    const under = hang ? displayWidth(body.slice(0, hang.index + 3)) : 0;
    const indent = hang && under < (width - lead.length) / 2 ? under : 2;
    return wrapText(body, width - lead.length, indent).map((l) => lead + l).join('\n');
  }).join('\n');
}
