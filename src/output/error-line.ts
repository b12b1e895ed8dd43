// The one way an error is told on the error stream: "fejl:" (or "error:") and the message, its
// first word small (it continues the lead), and the lines of a list inside it (indented: the rules
// one may name, say) wrapped at the width, each wrapped line under the text it continues.
import { translate, translateAfterColon, type Language, type Message } from '../i18n/index.js';
import { wrapText } from './table.js';

export function errorLine(lang: Language, paint: (text: string) => string, message: Message, width: number): string {
  return `${paint(translate(lang, 'cli.error'))} ${listsWrapped(translateAfterColon(lang, message.key, message.params), width)}\n`;
}

/** Indented lines longer than `width` wrapped, continued under the text after a leading "… – ". */
export function listsWrapped(text: string, width: number): string {
  return text.split('\n').map((line) => {
    const lead = /^\s+/.exec(line)?.[0] ?? '';
    if (!lead || line.length <= width) return line;
    const body = line.slice(lead.length);
    const hang = / – /.exec(body);
    const indent = hang && hang.index + 3 < (width - lead.length) / 2 ? hang.index + 3 : 2;
    return wrapText(body, width - lead.length, indent).map((l) => lead + l).join('\n');
  }).join('\n');
}
