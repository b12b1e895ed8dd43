// The command line's syntax in the user's language: the placeholders of `--name <text>`,
// `<kind> <file>` or `[party-ids...]` in the language's words (`--name <tekst>`, `<art> <fil>`),
// the flags and command words as they are typed. Help and every message that names an option or
// an argument show syntax through here, so Danish help and errors never hold `<text>` or `kind`.
import { catalogue } from './catalogue/index.js';
import type { Language } from './define.js';

const PLACEHOLDER = /([<[])([^<>[\]\s]+?)(\.\.\.)?([>\]])/g;

/** A placeholder's name (`text`, `party-ids`, `pool:year:kind:amount`) in the language's words; a word without one stays as it is. */
export function placeholderWord(lang: Language, name: string): string {
  const words = catalogue[lang] as Record<string, string>;
  return name.split(/([:=])/).map((part) => words[`placeholder.${part}`] ?? part).join('');
}

/** A syntax text (`--name <text>`, `import [options] <kind> <file>`) with every placeholder in the language's words. */
export function localSyntax(lang: Language, syntax: string): string {
  return syntax.replace(PLACEHOLDER, (_all, open: string, name: string, dots: string | undefined, close: string) => `${open}${placeholderWord(lang, name)}${dots ?? ''}${close}`);
}
