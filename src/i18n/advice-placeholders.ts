// The words civsam's own advice writes where a user is to put a value of their own: `--reason
// TEKST`, `civsam clone ADRESSE MAPPE`, `--funding PULJE:ÅR:ART:BELØB`, `--ties ORG,…`. Copied
// literally, such a command would write the word into the data (»Begrundelse: TEKST« in a letter),
// so the command line refuses it (cli/arguments.ts). The list is read from the catalogue itself,
// in both languages, so a placeholder a new message writes is refused without being listed here.
//
// A placeholder is an upper-case word (`TEKST`, `NYT-ID`) where a value goes in a command: after an
// option (`--case JOURNALNUMMER`), after a command's words (`civsam history org NAVN`, `git restore
// FIL`) or another placeholder there (`civsam clone URL FOLDER`), or inside a value's syntax
// (`KRITERIUM=N`, `ÅR:BELØB`, `ORG,…`); and the whole of a message whose key ends in `Word`, which
// advice puts where a value it does not know goes (`application.criteriaWord`: KRITERIER).
// Abbreviations in running text (CSV, YAML, CVR) stand in no such place and are left alone.
import { catalogue } from './catalogue/index.js';

const TOKEN = String.raw`\p{Lu}[\p{Lu}\p{N}]*(?:-\p{Lu}[\p{Lu}\p{N}]*)*`;
/** Not part of a longer word (`CVR-nummer`, `CIVSAM_DATA`). */
const END = String.raw`(?![\p{L}\p{N}_]|-\p{Ll})`;
/** A command's words before its arguments: `civsam history {command}`, `git remote add origin`. */
const COMMAND = String.raw`(?:civsam|git)(?: (?:[a-z][a-z-]*|\{\w+\}))*`;
const IN_ADVICE = new RegExp(
  String.raw`(?:(?<=--[a-z-]+ )|(?<=[:=,])|(?<=${COMMAND} )|(?<=${COMMAND} (?:${TOKEN} )+))(${TOKEN})${END}` +
    String.raw`|(?<![\p{L}\p{N}_$-])(${TOKEN})(?=[:=]\p{Lu}|,…)`,
  'gu',
);
const WHOLE = new RegExp(String.raw`^${TOKEN}(?: ${TOKEN})*$`, 'u');

let words: ReadonlySet<string> | undefined;

/** Every placeholder the catalogue's advice writes, in English and Danish (a phrase and each of its words). */
function advicePlaceholders(): ReadonlySet<string> {
  if (words) return words;
  const found = new Set<string>();
  const add = (w: string) => {
    for (const word of [w, ...w.split(' ')]) if (word.length >= 2) found.add(word);
  };
  for (const messages of [catalogue.en, catalogue.da] as Array<Record<string, string>>) {
    for (const [key, text] of Object.entries(messages)) {
      if (key.endsWith('Word') && WHOLE.test(text)) add(text);
      else for (const m of text.matchAll(IN_ADVICE)) add(m[1] ?? m[2]!);
    }
  }
  return (words = found);
}

/** Could be a placeholder: upper-case letters, with the marks of a value's syntax. Most values are not, and the catalogue is not read for them. */
const SHAPED = /^[\p{Lu}\p{N} ,:=…-]+$/u;

/**
 * The placeholder a value is, when it is one as advice writes it: the word alone (`TEKST`), or a
 * syntax of nothing but placeholders (`PULJE:ÅR:ART:BELØB`, `ORG,…`, `KRITERIUM=N`). Undefined for
 * anything else, a value with a placeholder among real parts too (the option judges those parts).
 */
export function placeholderIn(value: string): string | undefined {
  const t = value.trim();
  if (!SHAPED.test(t) || !/\p{Lu}{2}/u.test(t)) return undefined;
  const known = advicePlaceholders();
  if (known.has(t)) return t;
  const parts = t.split(/[:=,]/).map((p) => p.trim());
  const named = parts.filter((p) => known.has(p));
  // The other parts only what advice writes beside placeholders: `…` and a single letter (`=N`).
  return named.length > 0 && parts.every((p) => known.has(p) || p === '…' || /^\p{Lu}$/u.test(p)) ? t : undefined;
}
